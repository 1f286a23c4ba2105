//! Ladders and sequences: when each step falls due, which are done, and the
//! step the person (or the host's sender) owes next.

use crate::consent::{Consent, Refusal};
use crate::context::Ctx;
use crate::explain::Explain;
use crate::model::{Channel, Direction, Event, EventBody, Interaction};
use crate::playbook::{Delay, Mode, Step, StepChannel};
use crate::time::{Instant, DAY};

use super::place::{add_days, place, reaches, Reach};
use super::{ActChannel, Candidate, Done, Kind, Label};

fn touch_channel(body: &EventBody) -> Option<(Channel, Option<&str>)> {
    match body {
        EventBody::Message {
            channel,
            direction: Direction::Out,
            step,
            ..
        } => Some((Channel::from(*channel), step.as_deref())),
        EventBody::Activity {
            interaction: Interaction::Call,
            step,
            ..
        } => Some((Channel::Call, step.as_deref())),
        _ => None,
    }
}

/// Whether the event carries out step `id`: an inbound message tagged with
/// the step it answers does not (the draft was never sent).
fn marks(body: &EventBody, id: &str) -> bool {
    match body {
        EventBody::Message {
            step: Some(s),
            direction: Direction::Out,
            ..
        }
        | EventBody::Activity { step: Some(s), .. }
        | EventBody::StepDone { step: s } => s.as_ref() == id,
        _ => false,
    }
}

/// Where a step cadence stands.
#[derive(Debug, Clone, PartialEq)]
pub struct StepState {
    /// Work for a person: the step the sequence waits on, and earlier
    /// reminders still open.
    pub candidates: Vec<Candidate>,
    /// The automatic send the host's sender owes or will owe next, if any.
    pub auto: Option<Candidate>,
    /// Done, if the steps are over.
    pub done: Option<Done>,
}

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
        Delay::After { days, ms } => add_days(ctx, anchor, days, step.business_days).plus(ms),
    }
}

/// When a step is ready: its own time by the playbook, but never sooner after
/// the step before it was done (or fell due) than the gap the playbook puts
/// between the two on an on-time cadence, at most a day. An on-time cadence
/// keeps its exact times; a late one (a step held, or pushed by quiet hours)
/// never makes two touches back to back.
/// A gap of a day is a calendar day in the contact's zone (23 or 25 hours
/// across a clock change), as `after: {days: 1}` is.
fn ready_at(ctx: &Ctx, own: Instant, released: Instant, gap: i64) -> Instant {
    let floor = if gap >= DAY {
        ctx.zone.add_days(released, 1)
    } else {
        released.plus(gap)
    };
    own.max(floor)
}

/// Places a step's ready time in the window (and, for business-day steps, on a
/// business day).
fn place_step(
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

/// How long an automatic send that fell due stays owed to the host's sender
/// when no later step falls due first.
pub const AUTO_OWED_MS: i64 = DAY;

/// The next step of a ladder or sequence: the person's work, and the host's
/// next automatic send.
pub fn steps(ctx: &Ctx, s: &Consent, explain: &mut Explain) -> StepState {
    let mut walk = Walk::new(ctx, s);
    for (n, step) in ctx.playbook.steps.iter().enumerate() {
        if let Some(state) = walk.step(n, step, explain) {
            return state;
        }
    }
    walk.finish(explain)
}

/// The steps taken in order: where the cadence stands after the steps before
/// the one at hand.
struct Walk<'c, 'a> {
    ctx: &'c Ctx<'a>,
    s: &'c Consent<'a>,
    history: &'a [Event],
    enrolled: Instant,
    /// The first contact-making event since enrollment the playbook stops on.
    stop: Option<Reach>,
    /// Per channel (sms, call, email), where to look for the next unmarked
    /// touch: each step takes the first one at or after its anchor, and anchors
    /// only move forward, so no touch before a cursor can count again.
    cursor: [usize; 3],
    /// When the step before was done (or fell due, if it does not hold).
    anchor: Instant,
    /// The on-time schedule (every step done at its own time), for the gaps.
    on_time: Instant,
    /// Where the window puts the last step of the on-time schedule: each
    /// step at its own time's opening, after the one before and its gap (a
    /// lead in at 22:30 has its call at 08:00, its text at 08:05, its email
    /// at 09:05).
    on_time_open: Instant,
    /// Steps passed over for want of an allowed channel.
    skipped: usize,
    /// Open reminders: they close once a later step for a person (not an
    /// automatic one: the sender's work is not the rep's) falls due later
    /// than they did, or is done. An automatic send owed to the sender: it
    /// closes once a later step on its channel falls due (later in time:
    /// steps due at the same instant are owed in turn) or any later step is
    /// done after it fell due.
    reminders: Vec<Candidate>,
    owed: Option<Candidate>,
    /// The next automatic send to come.
    auto: Option<Candidate>,
}

impl<'c, 'a> Walk<'c, 'a> {
    fn new(ctx: &'c Ctx<'a>, s: &'c Consent<'a>) -> Self {
        let enrolled = ctx.contact.added_at;
        let stop_on = &ctx.playbook.stop_on;
        let stop = reaches(ctx, s).find(|r| r.at >= enrolled && stop_on.contains(&r.how));
        Walk {
            ctx,
            s,
            history: ctx.history(),
            enrolled,
            stop,
            cursor: [0usize; 3],
            anchor: enrolled,
            on_time: enrolled,
            on_time_open: ctx.hours().next_open(enrolled).unwrap_or(enrolled),
            skipped: 0,
            reminders: Vec::new(),
            owed: None,
            auto: None,
        }
    }

    /// Step `n`: `None` to go on to the next step, or where the steps stand
    /// when they wait on this one (or stop at it).
    fn step(&mut self, n: usize, step: &Step, explain: &mut Explain) -> Option<StepState> {
        let ctx = self.ctx;
        let ready = self.ready(n, step);
        let act = match step.channel.channel() {
            Some(c) => ActChannel::Reach(c),
            None => ActChannel::Task,
        };
        // An automatic step is placed first: its unmarked send is looked for
        // only until the step after it falls due.
        let placed = match step.mode {
            Mode::Auto => place_step(ctx, self.s, step, act, ready),
            _ => None,
        };
        let until = placed.and_then(|due| self.credit_until(n, due));
        // An unmarked touch counts for a step of a person's made from the
        // local day it falls due (a second call on the day of the first is
        // not the day-2 Redial); for an automatic one, from when the step
        // before it was done.
        let from = if step.mode == Mode::Auto {
            self.anchor
        } else {
            self.anchor.max(ctx.zone.start_of_day(ctx.zone.date(ready)))
        };
        if let Some(at) = self.done_at(step, from, until) {
            self.done(step, at, ready);
            return None;
        }
        let refused = step.channel.channel().and_then(|c| self.s.lasting(c));
        let Some(due_at) = placed.or_else(|| place_step(ctx, self.s, step, act, ready)) else {
            if ctx.explains() {
                explain.push("the contact window never opens");
            }
            return Some(StepState {
                candidates: Vec::new(),
                auto: None,
                done: None,
            });
        };
        let cand = candidate(ctx, n, step, act, due_at);
        // An automatic step does not hold the sequence: the host sends it when
        // it falls due, and the steps after it count from then, recorded or not.
        if step.mode == Mode::Auto && refused.is_none() && self.stop.map_or(true, |r| due_at < r.at)
        {
            self.automatic(n, step, cand, explain);
            return None;
        }
        if let Some(r) = self.stop {
            return Some(stopped(ctx, r, explain));
        }
        if let Some(r) = refused {
            self.skip(step, r, ready, explain);
            return None;
        }
        self.close(due_at, true, act);
        if step.mode == Mode::Reminder {
            self.anchor = ready;
            self.reminders.push(cand);
            return None;
        }
        Some(self.waiting(n, step, cand, explain))
    }

    /// The step was done at `at`: the sequence moves on from then.
    fn done(&mut self, step: &Step, at: Instant, ready: Instant) {
        if step.mode != Mode::Auto {
            self.reminders.clear();
        }
        // A later step done after the owed send fell due closes it (the
        // sequence moved on without it); one done early (a rep's text
        // before the day-3 email) leaves it owed when it falls due.
        if self.owed.as_ref().is_some_and(|o| at > o.due_at) {
            self.owed = None;
        }
        // A reminder does not hold the sequence: marked done late, it
        // leaves the steps after it where they were (done early, they
        // count from then).
        let at = if step.mode == Mode::Reminder {
            at.min(ready)
        } else {
            at
        };
        self.anchor = self.anchor.max(at);
    }

    /// When step `n` is ready (see [`ready_at`]); moves the on-time schedule
    /// on to it.
    fn ready(&mut self, n: usize, step: &Step) -> Instant {
        let (planned, gap) = self.on_time_gap(step);
        self.on_time = planned;
        let gap = if n == 0 { 0 } else { gap };
        let open = self.ctx.hours().next_open(planned).unwrap_or(planned);
        self.on_time_open = open.max(self.on_time_open.plus(gap));
        match step.delay {
            // Its own time is the on-time one, whenever the step before was
            // done: not worked out twice.
            Delay::Day(_) => ready_at(self.ctx, planned, self.anchor, gap),
            Delay::After { .. } => self.ready_after(step, self.anchor, gap),
        }
    }

    /// Where `step` falls on the on-time schedule, and its gap after the step
    /// before there (at most a day): the gap as the playbook spaces the two,
    /// or as the contact window moves them when that is less (a step pushed
    /// out of the night to 08:00 and done then is not late: a `day` step at
    /// 10:00 stays there).
    fn on_time_gap(&self, step: &Step) -> (Instant, i64) {
        let planned = nominal(self.ctx, step, self.enrolled, self.on_time);
        let open = |t: Instant| self.ctx.hours().next_open(t).unwrap_or(t);
        let gap = planned.0 - self.on_time.0;
        // (Two steps the window puts at one opening keep the playbook's gap.)
        let window = open(planned).0 - self.on_time_open.0;
        let gap = if window > 0 { gap.min(window) } else { gap };
        (planned, gap.clamp(0, DAY))
    }

    /// When `step` is ready after the step before it was done (or fell due)
    /// at `released`.
    fn ready_after(&self, step: &Step, released: Instant, gap: i64) -> Instant {
        let own = nominal(self.ctx, step, self.enrolled, released);
        ready_at(self.ctx, own, released, gap)
    }

    /// Until when an unmarked touch counts for automatic step `n` due at
    /// `due`: until the step after it would fall due had it gone out on time
    /// (a later untagged send is the later steps' work, not a send the
    /// sender skipped); while it is owed when the next falls due with it.
    /// `None` for the last.
    fn credit_until(&self, n: usize, due: Instant) -> Option<Instant> {
        let next = self.ctx.playbook.steps.get(n.checked_add(1)?)?;
        let next_due = self.ready_after(next, due, self.on_time_gap(next).1);
        Some(if next_due > due {
            next_due
        } else {
            due.plus(AUTO_OWED_MS)
        })
    }

    /// When the step was done: an explicit mark, else a touch on the step's
    /// channel made while this step was the one pending (and before `until`).
    fn done_at(&mut self, step: &Step, from: Instant, until: Option<Instant>) -> Option<Instant> {
        let explicit = self
            .history
            .iter()
            .find(|e| marks(&e.body, &step.id))
            .map(|e| e.at);
        if explicit.is_some() {
            return explicit;
        }
        let want = step.channel.channel()?;
        let c = self.cursor.get_mut(want as usize)?;
        let k = self.history.get(*c..)?.iter().position(|e| {
            e.at >= from
                && touch_channel(&e.body).is_some_and(|(ch, marked)| ch == want && marked.is_none())
                && !self.s.is_confirmation(e)
        })?;
        if until.is_some_and(|u| {
            self.history
                .get(c.saturating_add(k))
                .map_or(true, |e| e.at >= u)
        }) {
            return None;
        }
        let k = c.saturating_add(k);
        *c = k.saturating_add(1);
        self.history.get(k).map(|e| e.at)
    }

    /// A step on `act` falling due at `at` closes a send owed on that channel
    /// before `at` and, if it is work for a person (`reminders`), the open
    /// reminders; until then, `at` is when the answer changes.
    fn close(&mut self, at: Instant, reminders: bool, act: ActChannel) {
        if self.ctx.now >= at {
            // A reminder due at the same instant is offered first, in turn.
            if reminders {
                self.reminders.retain(|r| r.due_at >= at);
            }
            // Steps due at the same instant are each owed in turn.
            if self
                .owed
                .as_ref()
                .is_some_and(|o| at > o.due_at && o.channel == act)
            {
                self.owed = None;
            }
        } else {
            self.ctx.note(at);
        }
    }

    /// An automatic step: until a later step falls due (at most a day), a send
    /// not recorded is owed to the host's sender; one still to come is the
    /// next automatic send.
    fn automatic(&mut self, n: usize, step: &Step, cand: Candidate, explain: &mut Explain) {
        let ctx = self.ctx;
        let due_at = cand.due_at;
        self.close(due_at, false, cand.channel);
        if due_at <= ctx.now {
            let lapses = due_at.plus(AUTO_OWED_MS);
            // Once the customer responded, nothing automatic is owed.
            if ctx.now < lapses && self.stop.is_none() {
                ctx.note(lapses);
                self.owed = self.owed.take().or(Some(cand));
            }
            if ctx.explains() {
                explain.push_fmt(format_args!(
                    "step {:?} ({}) fell due for the automatic sender at {}",
                    step.id,
                    step.label,
                    ctx.words(due_at)
                ));
            }
        } else if self.auto.is_none() {
            if ctx.explains() {
                step_words(ctx, n, step, due_at, explain);
            }
            self.auto = Some(cand);
        }
        self.anchor = self.anchor.max(due_at);
    }

    /// A step on a channel a lasting refusal blocks is passed over at its
    /// ready time.
    fn skip(&mut self, step: &Step, r: Refusal, ready: Instant, explain: &mut Explain) {
        if self.ctx.explains() {
            explain.push_fmt(format_args!(
                "step {:?} ({}) skipped: {} not allowed ({})",
                step.id,
                step.label,
                step.channel.as_str(),
                r.as_str()
            ));
        }
        self.close(ready, false, ActChannel::Task);
        self.skipped += 1;
        // A skipped step for a person comes after no reminder in turn: the
        // reminders due by its time close, one due at its instant too (else
        // it stayed open for good).
        if step.mode != Mode::Auto && self.ctx.now >= ready {
            self.reminders.retain(|r| r.due_at > ready);
        }
        self.anchor = ready;
    }

    /// The steps wait on this one: it, after the reminders still open.
    fn waiting(
        &mut self,
        n: usize,
        step: &Step,
        cand: Candidate,
        explain: &mut Explain,
    ) -> StepState {
        let ctx = self.ctx;
        if ctx.explains() {
            step_words(ctx, n, step, cand.due_at, explain);
        }
        ctx.note(cand.due_at);
        ctx.note(cand.overdue_at.plus(1));
        let mut candidates = std::mem::take(&mut self.reminders);
        candidates.push(cand);
        StepState {
            candidates,
            auto: first_auto(self.owed.take(), self.auto.take()),
            done: None,
        }
    }

    /// Past the last step: the reminders still open, the automatic send, or
    /// all done.
    fn finish(self, explain: &mut Explain) -> StepState {
        let ctx = self.ctx;
        let pb = ctx.playbook;
        let auto = first_auto(self.owed, self.auto);
        if let Some(r) = self.reminders.last() {
            if ctx.explains() {
                explain.push_fmt(format_args!("reminder {:?} open", r.label.text(pb)));
            }
            return StepState {
                candidates: self.reminders,
                auto,
                done: None,
            };
        }
        if pb.steps.is_empty() || auto.is_some() {
            return StepState {
                candidates: Vec::new(),
                auto,
                done: None,
            };
        }
        // Every step passed over (a STOPALL on arrival): no channel, not done.
        if self.skipped >= pb.steps.len() {
            if ctx.explains() {
                explain.push("no step could be made: no channel is allowed");
            }
            return StepState {
                candidates: Vec::new(),
                auto: None,
                done: Some(Done {
                    reason: "noChannel",
                    label: "No channel allowed",
                    until: None,
                }),
            };
        }
        if ctx.explains() {
            explain.push_fmt(format_args!("all {} steps done", pb.steps.len()));
        }
        StepState {
            candidates: Vec::new(),
            auto: None,
            done: Some(Done {
                reason: "complete",
                label: "All steps done",
                until: None,
            }),
        }
    }
}

/// Step `n` as the next action, due at `due_at` and overdue a day later.
fn candidate(ctx: &Ctx, n: usize, step: &Step, act: ActChannel, due_at: Instant) -> Candidate {
    Candidate {
        kind: Kind::Step,
        label: Label::Step(n),
        attempt: None,
        channel: act,
        mode: step.mode,
        due_at,
        opens_at: due_at,
        overdue_at: ctx.zone.add_days(due_at, 1),
        blocking: step.mode.blocks(),
    }
}

/// The steps stop at a contact-making event the playbook stops on.
fn stopped(ctx: &Ctx, r: Reach, explain: &mut Explain) -> StepState {
    if ctx.explains() {
        explain.push_fmt(format_args!(
            "steps stopped at {}: {} (stopOn)",
            ctx.words(r.at),
            r.how.words()
        ));
    }
    StepState {
        candidates: Vec::new(),
        auto: None,
        done: Some(Done {
            reason: "stopped",
            label: "Contact made",
            until: None,
        }),
    }
}

/// The automatic send to show the host: one still owed, else the next to come.
fn first_auto(owed: Option<Candidate>, next: Option<Candidate>) -> Option<Candidate> {
    owed.or(next)
}

fn step_words(ctx: &Ctx, n: usize, step: &Step, due: Instant, explain: &mut Explain) {
    let how = match step.mode {
        Mode::Auto => "sent automatically",
        Mode::Manual => "a draft to review and send; the sequence waits for it",
        Mode::Action => "an activity; the sequence waits until it is done",
        Mode::Reminder => "a reminder; the sequence does not wait",
    };
    let what = match step.channel {
        StepChannel::Task => "task",
        c => c.as_str(),
    };
    explain
        .line()
        .s("step ")
        .d(n + 1)
        .s(" of ")
        .d(ctx.playbook.steps.len())
        .s(": ")
        .s(&step.label)
        .s(" (")
        .s(what)
        .s(", ")
        .s(how)
        .s(") due ")
        .words(ctx.words(due));
}
