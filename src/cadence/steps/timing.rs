//! When a step falls due: its own time by the playbook, the gap after the
//! step before on the on-time schedule, and its place in the window.

use crate::cadence::place::{add_days, place};
use crate::cadence::ActChannel;
use crate::consent::Consent;
use crate::context::Ctx;
use crate::playbook::{Delay, Step};
use crate::time::{Instant, DAY, HOUR};

use super::Walk;

/// The time a step falls due by the playbook, before window placement: `day`
/// from enrollment, `after` from `anchor` (when the step before was done or
/// fell due).
fn nominal(ctx: &Ctx, step: &Step, enrolled: Instant, anchor: Instant) -> Instant {
    match step.delay {
        Delay::Day(d) => {
            let own = add_days(ctx, enrolled, d, step.business_days);
            // Day `d` is a day: when the enrollment's hour is past that
            // day's window (a lead that came in at 22:30), the step is due
            // at the day's first open moment, not the next day's.
            let day = ctx.zone.date(own);
            let next_day = ctx.hours().next_open(own).map(|t| ctx.zone.date(t));
            if next_day.is_some_and(|n| n > day) {
                if let Some(first) = ctx.hours().next_open(ctx.zone.start_of_day(day)) {
                    if ctx.zone.date(first) == day && first > enrolled {
                        return first;
                    }
                }
            }
            own
        }
        // (Hours and minutes alone are elapsed time from the step before,
        // whatever day it fell on: a due time on a day off then moves to the
        // next business day. Days count business days, as WORKDAY does.)
        Delay::After { days: 0, ms } => anchor.plus(ms),
        Delay::After { days, ms } => add_days(ctx, anchor, days, step.business_days).plus(ms),
    }
}

/// When a step is ready: its own time by the playbook, but never sooner after
/// the step before it was done (or fell due) than the gap the playbook puts
/// between the two on an on-time cadence, at most a day. An on-time cadence
/// keeps its exact times; a late one (a step held, or pushed by quiet hours)
/// never makes two touches back to back.
/// A gap of a day is a calendar day in the contact's zone (23 or 25 hours
/// across a clock change), as `after: {days: 1}` is; but the gap of a step
/// spaced by hours and minutes alone (`after: {hours: 24}`) stays elapsed
/// time, at most that calendar day: 24 hours across the fall-back change are
/// not 25.
fn ready_at(ctx: &Ctx, step: &Step, own: Instant, released: Instant, gap: i64) -> Instant {
    let floor = if gap < DAY && by_days(step) {
        ctx.zone
            .instant(ctx.zone.local(released) + chrono::TimeDelta::milliseconds(gap))
    } else if gap < DAY {
        released.plus(gap)
    } else if matches!(step.delay, Delay::After { days: 0, .. }) {
        released.plus(gap).min(ctx.zone.add_days(released, 1))
    } else {
        ctx.zone.add_days(released, 1)
    };
    own.max(floor)
}

/// Whether `step` is spaced by days (`day`, or `after` with days): its gap
/// after the step before is kept on the wall clock.
fn by_days(step: &Step) -> bool {
    !matches!(step.delay, Delay::After { days: 0, .. })
}

/// Places a step's ready time in the window (and, for business-day steps, on a
/// business day).
pub(super) fn place_step(
    ctx: &Ctx,
    s: &Consent,
    step: &Step,
    act: ActChannel,
    ready: Instant,
) -> Option<Instant> {
    let mut due_at = place(ctx, s, act, ready)?;
    if step.business_days {
        for _ in 0..16 {
            if ctx.playbook.is_business_day(ctx.zone.date(due_at)) {
                break;
            }
            let next = add_days(ctx, due_at, 0, true);
            let day_start = ctx.zone.start_of_day(ctx.zone.date(next));
            match place(ctx, s, act, day_start) {
                Some(t) => due_at = t,
                None => break,
            }
        }
    }
    Some(due_at)
}

impl<'c, 'a> Walk<'c, 'a> {
    /// When step `n` is ready (see [`ready_at`]); moves the on-time schedule
    /// on to it.
    pub(super) fn ready(&mut self, n: usize, step: &Step) -> Instant {
        let (planned, raw) = self.on_time_gap(step, n == 0);
        let raw = if n == 0 { 0 } else { raw };
        let open = self.ctx.hours().next_open(planned).unwrap_or(planned);
        self.on_time_open = open.max(self.on_time_open.plus(raw.clamp(0, DAY)));
        let gap = self.calendar_gap(step, raw);
        self.on_time = planned;
        match step.delay {
            // Its own time is the on-time one, whenever the step before was
            // done: not worked out twice.
            Delay::Day(_) => ready_at(self.ctx, step, planned, self.anchor, gap),
            Delay::After { .. } => self.ready_after(step, self.anchor, gap),
        }
    }

    /// Where `step` falls on the on-time schedule, and its gap after the step
    /// before there (elapsed; [`Walk::calendar_gap`] reads it): the gap as the playbook spaces the two,
    /// or as the contact window moves them when that is less (a step pushed
    /// out of the night to 08:00 and done then is not late: a `day` step at
    /// 10:00 stays there).
    fn on_time_gap(&self, step: &Step, first: bool) -> (Instant, i64) {
        // (An `after` step counts from when the step before fell due on
        // time, where the window put its own time: a call pushed from 07:00
        // to the 08:00 opening and made then has its reminder 2 hours on, at
        // 10:00. The first step's is enrollment itself.)
        let base = match step.delay {
            Delay::After { .. } if !first => self
                .ctx
                .hours()
                .next_open(self.on_time)
                .unwrap_or(self.on_time),
            _ => self.on_time,
        };
        let planned = nominal(self.ctx, step, self.enrolled, base);
        let open = |t: Instant| self.ctx.hours().next_open(t).unwrap_or(t);
        // (The playbook's gap: a weekend a business-day step skips is not
        // one, else a step due on a Sunday and done on Monday would hold
        // `after: {hours: 3}` a day.)
        let spaced = match step.delay {
            Delay::After { days, ms } if step.business_days => {
                add_days(self.ctx, base, days, false).plus(ms)
            }
            _ => planned,
        };
        let gap = spaced.0 - base.0;
        // (Two steps the window puts at one opening keep the playbook's gap.)
        let window = open(planned).0 - self.on_time_open.0;
        let gap = if window > 0 { gap.min(window) } else { gap };
        (planned, gap)
    }

    /// `gap` (elapsed, from the on-time step before `step`) as [`ready_at`]
    /// reads it, at most a day: for a step spaced by days, the gap the wall
    /// clock shows — 23 hours across the spring-forward night are a day, as
    /// 25 across the fall-back one are, and a day step 23 hours after an
    /// hours step on time stays 23 hours after it on the clock when late.
    fn calendar_gap(&self, step: &Step, gap: i64) -> i64 {
        // (More than a day and two hours is more than a day on any clock:
        // the zone is asked only near a day.)
        if gap <= 0 || !by_days(step) || gap > DAY + 2 * HOUR {
            return gap.clamp(0, DAY);
        }
        let wall = |t: Instant| self.ctx.zone.local(t);
        let shown = wall(self.on_time.plus(gap)) - wall(self.on_time);
        shown.num_milliseconds().clamp(0, DAY)
    }

    /// When `step` is ready after the step before it was done (or fell due)
    /// at `released`.
    fn ready_after(&self, step: &Step, released: Instant, gap: i64) -> Instant {
        let own = nominal(self.ctx, step, self.enrolled, released);
        ready_at(self.ctx, step, own, released, gap)
    }

    /// Until when an unmarked touch on `act` counts for automatic step `n`
    /// due at `due`: until the step after it would fall due had it gone out
    /// on time (a later untagged send is the later steps' work, not a send
    /// the sender skipped), or while it is still owed (the later steps wait
    /// their turn behind it). `None` for the last.
    pub(super) fn credit_until(&self, n: usize, due: Instant, act: ActChannel) -> Option<Instant> {
        let on_time = self.next_on_time(n, due)?;
        Some(if due <= self.ctx.now {
            on_time.max(self.lapses(due, act))
        } else {
            on_time
        })
    }

    /// When the step after step `n`, due at `due`, falls due had `n` been
    /// done on time (a day after when they fall due together). `None` for
    /// the last.
    pub(super) fn next_on_time(&self, n: usize, due: Instant) -> Option<Instant> {
        let next = self.ctx.playbook.steps.get(n.checked_add(1)?)?;
        let next_due = self.ready_after(
            next,
            due,
            self.calendar_gap(next, self.on_time_gap(next, false).1),
        );
        Some(if next_due > due {
            next_due
        } else {
            self.ctx.zone.add_days(due, 1)
        })
    }
}
