//! The checks: whether a channel may be used at a time, when it next may, and
//! the audit of a touch already made.

use crate::context::Ctx;
use crate::model::{Channel, DndSource};
use crate::time::Instant;
use crate::window::{Cap, Hours};

use super::{Check, Consent, Refusal, Rule, Touch, Violation};

/// The earliest time at or after `t` when the caps allow a touch on `channel`,
/// given the touches so far (in time order, as the fold records them).
pub fn cap_clear(ctx: &Ctx, touches: &[Touch], channel: Channel, t: Instant) -> Instant {
    let mut t = t;
    for cap in ctx.caps() {
        if cap.max == 0 || !cap.channels.contains(&channel) {
            continue;
        }
        let upto = touches.partition_point(|x| x.at <= t);
        let made = touches.get(..upto).unwrap_or_default();
        // (A date alone's `last` is at most a day and an hour past its `at`.)
        let reach = t.0 - cap.period_ms - 2 * crate::time::DAY;
        let timed = made
            .iter()
            .rev()
            .take_while(|x| x.at.0 > reach)
            .all(|x| x.last == x.at);
        t = if timed {
            clear_of_timed(made, cap, t)
        } else {
            clear_of_dated(made, cap, t)
        };
    }
    t
}

/// [`cap_clear`] for one cap over touches whose times are known. Newest
/// first among them: when `max` lie inside the period, the window must shed
/// the max-th newest and every older one; the max-th newest leaves it at its
/// time + period.
fn clear_of_timed(made: &[Touch], cap: &Cap, t: Instant) -> Instant {
    let since = t.0 - cap.period_ms;
    let mut left = cap.max;
    for x in made.iter().rev() {
        if x.at.0 <= since {
            break;
        }
        if cap.channels.contains(&x.channel) {
            left -= 1;
            if left == 0 {
                // Later than `t`: the touch is inside the period.
                return x.at.plus(cap.period_ms);
            }
        }
    }
    t
}

/// [`cap_clear`] for one cap when some touches were logged with a date
/// alone: a touch counts while its `last` instant is inside the period, and
/// the cap clears when enough of them have left it: at the max-th latest
/// `last` + period.
fn clear_of_dated(made: &[Touch], cap: &Cap, t: Instant) -> Instant {
    let since = t.0 - cap.period_ms;
    let mut lasts: Vec<i64> = made
        .iter()
        .filter(|x| x.last.0 > since && cap.channels.contains(&x.channel))
        .map(|x| x.last.0)
        .collect();
    let max = cap.max as usize;
    if lasts.len() < max {
        return t;
    }
    crate::sort::sort(&mut lasts, |a, b| a > b);
    lasts
        .len()
        .checked_sub(max)
        .and_then(|k| lasts.get(k))
        .map_or(t, |&l| Instant(l).plus(cap.period_ms).max(t))
}

/// Audits one outbound touch against the state before it (the callers skip
/// it when `ctx.audits` is off: a batch that keeps no violations should not
/// pay for the call). A touch `dated` only (its time of day unknown) is not
/// audited against quiet hours.
pub(super) fn audit(ctx: &Ctx, s: &mut Consent, i: usize, at: Instant, ch: Channel, dated: bool) {
    let violation = |rule: Rule| Violation {
        at,
        channel: ch,
        rule,
        event: index(i),
        source: DndSource::Manual,
        detail: 0,
        cap: 0,
    };
    if let Some(d) = s.dnd_for(ch) {
        // (The customer's opt-out of texts: not one of calls or email only,
        // under a DND a person set on texts.)
        let opted_out = d.reason == DndSource::Keyword
            || s.opt_out
                .as_ref()
                .is_some_and(|o| o.channels.contains(Channel::Sms));
        let v = if ch == Channel::Sms && opted_out {
            violation(Rule::TextAfterOptOut)
        } else {
            Violation {
                source: d.reason,
                ..violation(Rule::Refused(Refusal::Dnd))
            }
        };
        s.violations.push(v);
    }
    if ch != Channel::Email {
        if let Some((_, wi)) = s.wrong_number {
            s.violations.push(Violation {
                detail: index(wi),
                ..violation(Rule::Refused(Refusal::WrongNumber))
            });
        }
    }
    if Ctx::hours_bind(ch) && !dated && !ctx.hours().contains(at) {
        s.violations
            .push(violation(Rule::Refused(Refusal::QuietHours)));
    }
    for (k, cap) in ctx.caps().iter().enumerate() {
        if !cap.channels.contains(&ch) {
            continue;
        }
        // The touches so far are in time order, and so are the audits: a
        // window over them per cap, moved on as the audits go, counts those
        // inside the period (a history of many thousand touches in one
        // period stays linear). Past the window's room, looked at afresh.
        let since = at.0 - cap.period_ms;
        let counts = |x: &Touch| cap.channels.contains(&x.channel);
        let before = match s.cap_windows.get_mut(k) {
            Some(w) if s.touches.last().map_or(true, |x| x.at <= at) => {
                for x in s.touches.get(w.upto..).unwrap_or_default() {
                    w.count = w.count.saturating_add(usize::from(counts(x)));
                }
                w.upto = s.touches.len();
                while let Some(x) = s.touches.get(w.from).filter(|x| x.at.0 <= since) {
                    w.count = w.count.saturating_sub(usize::from(counts(x)));
                    w.from = w.from.saturating_add(1);
                }
                w.count
            }
            _ => {
                let from = s.touches.partition_point(|x| x.at.0 <= since);
                s.touches
                    .get(from..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|x| x.at <= at)
                    .filter(|x| counts(x))
                    .count()
            }
        };
        if before >= cap.max as usize {
            s.violations.push(Violation {
                detail: index(before + 1),
                cap: index(k),
                ..violation(Rule::Refused(Refusal::FrequencyCap))
            });
        }
    }
}

/// An event index or count as a violation keeps it (a history has far fewer
/// than 2^32 events; a larger one saturates rather than wraps).
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// [`check`] of every channel at `t`, in [`Channel::ALL`] order. Calls are
/// answered as texts are when nothing can tell them apart: no DND on either,
/// and every cap counts both or neither (the hours and a wrong number bind
/// both alike), so the walk over openings and caps is made once.
pub fn check_all(ctx: &Ctx, s: &Consent, t: Instant) -> [Check; 3] {
    let sms = check(ctx, s, Channel::Sms, t);
    let alike = s.dnd_for(Channel::Sms).is_none()
        && s.dnd_for(Channel::Call).is_none()
        && ctx
            .caps()
            .iter()
            .all(|c| c.channels.contains(&Channel::Sms) == c.channels.contains(&Channel::Call));
    let call = if alike {
        sms.clone()
    } else {
        check(ctx, s, Channel::Call, t)
    };
    let email = check(ctx, s, Channel::Email, t);
    [sms, call, email]
}

/// Whether `channel` may be used at `t`, given the consent state.
pub fn check(ctx: &Ctx, s: &Consent, channel: Channel, t: Instant) -> Check {
    if let Some(d) = s.dnd_for(channel) {
        return Check {
            allowed: false,
            reason: Some(Refusal::Dnd),
            next_allowed_at: None,
            dnd: Some(d.clone()),
            follows_hours: false,
        };
    }
    if channel != Channel::Email && s.wrong_number.is_some() {
        return Check {
            allowed: false,
            reason: Some(Refusal::WrongNumber),
            next_allowed_at: None,
            dnd: None,
            follows_hours: false,
        };
    }
    // Under every cap at `t`, and no later touch to count: the caps stay clear
    // until a new event, so the answer follows the window alone, as for every
    // contact in the same place, and its turns are the window's.
    let follows_hours =
        Ctx::hours_bind(channel) && t >= ctx.now && cap_clear(ctx, &s.touches, channel, t) == t;
    let open = if follows_hours {
        ctx.hours().next_open(t)
    } else {
        next_allowed(ctx, s, channel, t)
    };
    let note = |turn: Instant| {
        if follows_hours {
            ctx.note_hours(turn);
        } else {
            ctx.note(turn);
        }
    };
    let (allowed, reason) = window_answer(ctx.hours(), Ctx::hours_bind(channel), t, open, note);
    Check {
        allowed,
        reason,
        next_allowed_at: if allowed { None } else { open },
        dnd: None,
        follows_hours,
    }
}

/// A channel's answer at `t` once no DND or wrong number refuses it, given
/// `open`, the earliest time at or after `t` inside the window and under the
/// caps: allowed when that is `t`, else refused for quiet hours outside the
/// window and for a cap inside it. `note` hears every instant the answer
/// turns at without a new event: the window's close, its next opening, the
/// caps' clearing. A worklist calls it with the window's own next opening for
/// a channel the caps no longer bind ([`Check::follows_hours`]).
pub fn window_answer(
    hours: &Hours,
    binds: bool,
    t: Instant,
    open: Option<Instant>,
    mut note: impl FnMut(Instant),
) -> (bool, Option<Refusal>) {
    if open == Some(t) {
        if binds {
            if let Some(close) = hours.closes_after(t) {
                note(close);
            }
        }
        return (true, None);
    }
    let in_hours = !binds || hours.contains(t);
    if let Some(n) = open {
        note(n);
    }
    // While a cap refuses, the reason still turns with the window: from
    // quietHours to frequencyCap when it opens, and back when it closes. A
    // window that does not open within the search from `t` is searched
    // again when a later search could find it open.
    if binds {
        let turn = if in_hours {
            hours.closes_after(t)
        } else {
            hours.next_open(t).or_else(|| hours.never_until(t))
        };
        if let Some(turn) = turn {
            note(turn);
        }
    }
    let reason = if in_hours {
        Refusal::FrequencyCap
    } else {
        Refusal::QuietHours
    };
    (false, Some(reason))
}

/// The earliest time at or after `t` when `channel` is inside the window and
/// under every cap; `None` if the window never opens.
pub fn next_allowed(ctx: &Ctx, s: &Consent, channel: Channel, t: Instant) -> Option<Instant> {
    let mut t = t;
    for _ in 0..32 {
        let open = if Ctx::hours_bind(channel) {
            ctx.hours().next_open(t)?
        } else {
            t
        };
        let clear = cap_clear(ctx, &s.touches, channel, open);
        if clear == open {
            return Some(open);
        }
        t = clear;
    }
    None
}

#[cfg(test)]
mod tests;
