//! The checks: whether a channel may be used at a time, when it next may, and
//! the audit of a touch already made.

use crate::context::Ctx;
use crate::model::{Channel, DndSource};
use crate::time::Instant;

use super::{Check, Consent, Refusal, Violation};

/// The earliest time at or after `t` when the caps allow a touch on `channel`,
/// given the touches so far.
pub fn cap_clear(
    ctx: &Ctx,
    touches: &[(Instant, Channel)],
    channel: Channel,
    t: Instant,
) -> Instant {
    let mut t = t;
    for cap in ctx.caps() {
        if !cap.channels.contains(&channel) {
            continue;
        }
        let mut inside: Vec<Instant> = touches
            .iter()
            .filter(|(at, c)| cap.channels.contains(c) && *at <= t && at.0 > t.0 - cap.period_ms)
            .map(|(at, _)| *at)
            .collect();
        let max = cap.max as usize;
        if inside.len() >= max {
            inside.sort();
            // The window must shed len - max + 1 touches; the last of those leaves
            // it at its time + period.
            if let Some(oldest) = inside.get(inside.len() - max) {
                t = t.max(oldest.plus(cap.period_ms));
            }
        }
    }
    t
}

/// Audits one outbound touch against the state before it.
pub(super) fn audit(ctx: &Ctx, s: &mut Consent, i: usize, at: Instant, ch: Channel) {
    if !ctx.audits {
        return;
    }
    let violation = |rule: &'static str| Violation {
        at,
        channel: ch,
        rule,
        event: i,
        source: DndSource::Manual,
        detail: 0,
        cap: 0,
    };
    if let Some(d) = s.dnd_for(ch) {
        let opted_out = d.reason == DndSource::Keyword || s.opt_out.is_some();
        let v = if ch == Channel::Sms && opted_out {
            violation("textAfterOptOut")
        } else {
            Violation {
                source: d.reason,
                ..violation("dnd")
            }
        };
        s.violations.push(v);
    }
    if ch != Channel::Email {
        if let Some((_, wi)) = s.wrong_number {
            s.violations.push(Violation {
                detail: wi,
                ..violation("wrongNumber")
            });
        }
    }
    if Ctx::hours_bind(ch) && !ctx.hours().contains(at) {
        s.violations.push(violation("quietHours"));
    }
    for (k, cap) in ctx.caps().iter().enumerate() {
        if !cap.channels.contains(&ch) {
            continue;
        }
        let before = s
            .touches
            .iter()
            .filter(|(t, c)| cap.channels.contains(c) && t.0 > at.0 - cap.period_ms && *t <= at)
            .count();
        if before >= cap.max as usize {
            s.violations.push(Violation {
                detail: before + 1,
                cap: k,
                ..violation("frequencyCap")
            });
        }
    }
}

/// Whether `channel` may be used at `t`, given the consent state.
pub fn check(ctx: &Ctx, s: &Consent, channel: Channel, t: Instant) -> Check {
    if let Some(d) = s.dnd_for(channel) {
        return Check {
            allowed: false,
            reason: Some(Refusal::Dnd),
            next_allowed_at: None,
            dnd: Some(d.clone()),
        };
    }
    if channel != Channel::Email && s.wrong_number.is_some() {
        return Check {
            allowed: false,
            reason: Some(Refusal::WrongNumber),
            next_allowed_at: None,
            dnd: None,
        };
    }
    let open = next_allowed(ctx, s, channel, t);
    match open {
        Some(n) if n == t => {
            if Ctx::hours_bind(channel) {
                if let Some(close) = ctx.hours().closes_after(t) {
                    ctx.note(close);
                }
            }
            Check {
                allowed: true,
                reason: None,
                next_allowed_at: None,
                dnd: None,
            }
        }
        _ => {
            let in_hours = !Ctx::hours_bind(channel) || ctx.hours().contains(t);
            if let Some(n) = open {
                ctx.note(n);
            }
            // While a cap refuses, the reason still turns with the window: from
            // quietHours to frequencyCap when it opens, and back when it closes.
            if Ctx::hours_bind(channel) {
                let turn = if in_hours {
                    ctx.hours().closes_after(t)
                } else {
                    ctx.hours().next_open(t)
                };
                if let Some(turn) = turn {
                    ctx.note(turn);
                }
            }
            Check {
                allowed: false,
                reason: Some(if in_hours {
                    Refusal::FrequencyCap
                } else {
                    Refusal::QuietHours
                }),
                next_allowed_at: open,
                dnd: None,
            }
        }
    }
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
