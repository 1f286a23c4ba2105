//! The monthly campaign: where a time falls in the month's phases, and the
//! next attempt.

use chrono::{Datelike, NaiveDate};

use crate::consent::Consent;
use crate::context::Ctx;
use crate::explain::Explain;
use crate::model::{Channel, Direction, Event, EventBody, Interaction};
use crate::playbook::{Campaign, Phase};
use crate::time::{days_in_month, next_month_start, Instant, Zone, DAY};

use super::place::{mode_for, place, reaches, route, routes, Reach};
use super::{attempt_label, ActChannel, Candidate, Done, Kind, Label};

/// The campaign position of `now`: the month, its phase and when the phase ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    /// The year and month (the campaign's period, `YYYY-MM`).
    pub period: (i32, u32),
    /// The index of the phase of today in the campaign's phases.
    pub phase: usize,
    /// When it ends (the next phase or month starts).
    pub phase_ends_at: Instant,
    /// Start of the month.
    pub month_start: Instant,
    /// Start of the next month.
    pub next_month: Instant,
    /// When each phase of the month starts (an attempt is due at its phase's
    /// start).
    pub phase_starts: std::rc::Rc<[Instant]>,
}

impl Position {
    /// Whether `t` falls in the campaign's month.
    fn holds(&self, t: Instant) -> bool {
        t >= self.month_start && t < self.next_month
    }
}

fn phase_start(zone: Zone, first: NaiveDate, from_day: u32) -> Instant {
    let day = first
        .with_day(from_day.min(days_in_month(first)))
        .unwrap_or(first);
    zone.start_of_day(day)
}

/// Where `t` falls in the campaign (worked out once per place and time: the
/// contacts of a batch ask about the same `now`).
pub fn position(ctx: &Ctx, c: &Campaign, t: Instant) -> Option<Position> {
    ctx.place.remember_position(t, || position_of(ctx, c, t))
}

fn position_of(ctx: &Ctx, c: &Campaign, t: Instant) -> Option<Position> {
    let date = ctx.zone.date(t);
    let first = date.with_day(1)?;
    let next = next_month_start(first);
    let day = date.day();
    let idx = c
        .phases
        .iter()
        .rposition(|p| p.from_day <= day)
        .unwrap_or(0);
    c.phases.get(idx)?;
    let ends = match c.phases.get(idx + 1) {
        Some(p) => phase_start(ctx.zone, first, p.from_day),
        None => ctx.zone.start_of_day(next),
    };
    Some(Position {
        period: (first.year(), first.month()),
        phase: idx,
        phase_ends_at: ends,
        month_start: ctx.zone.start_of_day(first),
        next_month: ctx.zone.start_of_day(next),
        phase_starts: c
            .phases
            .iter()
            .map(|p| phase_start(ctx.zone, first, p.from_day))
            .collect::<Vec<_>>()
            .into(),
    })
}

/// The monthly campaign's next attempt.
pub fn campaign(
    ctx: &Ctx,
    s: &Consent,
    c: &Campaign,
    explain: &mut Explain,
) -> (Option<Candidate>, Option<Done>) {
    let Some(pos) = position(ctx, c, ctx.now) else {
        return (None, None);
    };
    ctx.note(pos.phase_ends_at);
    if let Some(r) = reaches(ctx, s).rev().find(|r| pos.holds(r.at)) {
        return (None, Some(reached(ctx, r, &pos, explain)));
    }
    let touches = Touches::count(ctx, s, &pos);
    let made = touches.made;
    let attempt = made.saturating_add(1);
    if attempt > c.max_attempt() {
        return (None, Some(attempts_complete(ctx, made, &pos, explain)));
    }
    let Some((phase_index, phase)) = c
        .phases
        .iter()
        .enumerate()
        .find(|(_, p)| p.attempt >= attempt)
    else {
        return (None, None);
    };
    let start = pos
        .phase_starts
        .get(phase_index)
        .copied()
        .unwrap_or_else(|| phase_start(ctx.zone, ctx.zone.date(pos.month_start), phase.from_day));
    let idx = (attempt as usize - 1) % c.channels.len().max(1);
    let preferred = c.channels.get(idx).copied().unwrap_or(Channel::Sms);
    let Some(channel) = route(s, preferred, &c.channels) else {
        return (None, Some(no_channel(ctx, explain)));
    };
    let mut next = Next {
        attempt,
        phase,
        start,
        preferred,
        channel,
    };
    let mut due = next.due(ctx, s, &pos, &touches);
    // Its channel shut past the month's end (a cap of 30 days): the next the
    // campaign may use that opens within it, as for a channel refused for good.
    if due.is_err() {
        for other in routes(s, preferred, &c.channels).filter(|&o| o != next.channel) {
            let alt = Next {
                channel: other,
                ..next
            };
            if let Ok(cand) = alt.due(ctx, s, &pos, &touches) {
                (next, due) = (alt, Ok(cand));
                break;
            }
        }
    }
    match due {
        Ok(cand) => {
            if ctx.explains() {
                next.words(ctx, made, cand.due_at, explain);
            }
            (Some(cand), None)
        }
        Err(done) => {
            if ctx.explains() {
                // (What left no time: the day after the last touch, or the
                // window and caps alone.)
                let why = if next.spaced_out(ctx, s, &pos, &touches) {
                    "attempts are a day apart"
                } else if ctx
                    .hours()
                    .next_open(next.start.max(ctx.contact.added_at).max(ctx.now))
                    .is_some_and(|t| t < pos.next_month)
                {
                    "a frequency cap holds its channels past the month's end"
                } else {
                    "the contact window does not open again before the month ends"
                };
                explain.push_fmt(format_args!(
                    "{made} touch{} this month: no time left this month for the {} ({why})",
                    if made == 1 { "" } else { "es" },
                    attempt_label(attempt)
                ));
            }
            (None, Some(done))
        }
    }
}

/// Every attempt of the month made: none more until the next month.
fn attempts_complete(ctx: &Ctx, made: u32, pos: &Position, explain: &mut Explain) -> Done {
    if ctx.explains() {
        explain.push_fmt(format_args!(
            "{made} attempts made this month: none more until next month"
        ));
    }
    Done {
        reason: "attemptsComplete",
        label: "All attempts made this month",
        until: Some(pos.next_month),
    }
}

/// No channel the campaign uses is allowed for the next attempt.
fn no_channel(ctx: &Ctx, explain: &mut Explain) -> Done {
    if ctx.explains() {
        explain.push("no channel is allowed for the next attempt");
    }
    Done {
        reason: "noChannel",
        label: "No channel allowed",
        until: None,
    }
}

/// Reached this month: no attempt until the next.
fn reached(ctx: &Ctx, r: Reach, pos: &Position, explain: &mut Explain) -> Done {
    if ctx.explains() {
        explain.push_fmt(format_args!(
            "reached this month ({} at {}): no attempt until next month",
            r.how.words(),
            ctx.words(r.at)
        ));
    }
    Done {
        reason: "reached",
        label: "Reached this month",
        until: Some(pos.next_month),
    }
}

/// The touches that count for the campaign.
struct Touches {
    /// This month's touches: each one is an attempt made.
    made: u32,
    /// The last touch of any month: the day of spacing counts from it (a text
    /// on the evening of the 31st keeps the 1st Attempt of the next month a
    /// day away).
    last: Option<Instant>,
}

impl Touches {
    fn count(ctx: &Ctx, s: &Consent, pos: &Position) -> Touches {
        let mut made: u32 = 0;
        let mut last: Option<Instant> = None;
        for (_, e) in ctx.events() {
            if is_touch(s, e) {
                last = Some(e.at);
                if pos.holds(e.at) {
                    made = made.saturating_add(1);
                }
            }
        }
        Touches { made, last }
    }
}

/// A text or call we made; the opt-out confirmation text is not an attempt,
/// nor a call the customer made.
fn is_touch(s: &Consent, e: &Event) -> bool {
    match &e.body {
        EventBody::Message {
            direction: Direction::Out,
            ..
        } => !s.is_confirmation(e),
        EventBody::Activity {
            interaction: Interaction::Call,
            inbound,
            ..
        } => !inbound,
        _ => false,
    }
}

/// The attempt to make next, on the channel it takes.
#[derive(Clone, Copy)]
struct Next<'p> {
    attempt: u32,
    phase: &'p Phase,
    /// When its phase starts.
    start: Instant,
    preferred: Channel,
    channel: Channel,
}

impl Next<'_> {
    /// Whether the day after the last touch is what leaves no time this
    /// month: without it, the attempt would fall due within the month.
    fn spaced_out(&self, ctx: &Ctx, s: &Consent, pos: &Position, touches: &Touches) -> bool {
        let base = self.start.max(ctx.contact.added_at);
        touches.last.is_some_and(|t| t.plus(DAY) > base)
            && place(ctx, s, ActChannel::Reach(self.channel), base)
                .is_some_and(|t| t < pos.next_month)
    }

    /// Due at the start of its phase — but never within a day of the last
    /// touch, so a late 1st attempt does not make the 2nd due minutes later;
    /// overdue once the phase holding the due time is over. `Err` when no time
    /// is left this month.
    fn due(
        &self,
        ctx: &Ctx,
        s: &Consent,
        pos: &Position,
        touches: &Touches,
    ) -> Result<Candidate, Done> {
        let act = ActChannel::Reach(self.channel);
        let start = self.start;
        let spaced = touches.last.map(|t| t.plus(DAY));
        let from = start.max(ctx.contact.added_at).max(spaced.unwrap_or(start));
        let due_at = place(ctx, s, act, from).filter(|t| *t < pos.next_month);
        let Some(due_at) = due_at else {
            // (A window that never opens leaves no channel, this month or
            // after, as for steps.)
            if ctx.hours().next_open(from).is_none() {
                return Err(Done {
                    reason: "noChannel",
                    label: "The contact window never opens",
                    until: None,
                });
            }
            return Err(Done {
                reason: "attemptsComplete",
                label: if touches.made == 0 {
                    "No time left this month for an attempt"
                } else {
                    "No time left this month for another attempt"
                },
                until: Some(pos.next_month),
            });
        };
        // (`due_at` lies in this month: the phase that holds it ends at the
        // next phase's start, or with the month.)
        let overdue_at = pos
            .phase_starts
            .iter()
            .copied()
            .find(|&s| s > due_at)
            .unwrap_or(pos.next_month);
        Ok(Candidate {
            kind: Kind::Attempt,
            label: Label::Attempt(self.attempt),
            attempt: Some(self.attempt),
            channel: act,
            mode: mode_for(self.channel),
            due_at,
            opens_at: due_at,
            overdue_at,
            blocking: false,
        })
    }

    /// The attempt in words for `explain`.
    fn words(&self, ctx: &Ctx, made: u32, due_at: Instant, explain: &mut Explain) {
        let (channel, preferred) = (self.channel, self.preferred);
        let mut line = explain.line();
        line.d(made)
            .s(" touch")
            .s_if(made != 1, "es")
            .s(" this month: ")
            .s(&attempt_label(self.attempt))
            .s(" by ")
            .s(channel.noun())
            .s(" due ")
            .words(ctx.words(due_at))
            // The phase the attempt belongs to (its due time may fall in a
            // later one, a day after the last touch).
            .s(" (an attempt of the ")
            .s(&self.phase.label)
            .s(" phase)");
        if channel != preferred {
            line.s(", ")
                .s(channel.noun())
                .s(" instead of ")
                .s(preferred.noun())
                .s(" (")
                .s(preferred.noun())
                .s(" not allowed)");
        }
    }
}
