//! The dry run: the touches a playbook would still make if nobody answers.
//!
//! Each step takes the evaluation's next action, records it, and carries it out
//! on paper (an outbound text or email, a call with no answer, a step marked
//! done) at its due time; a monthly campaign that is done for the month goes on
//! at the start of the next month. It stops at `until`, when nothing is left, or
//! after [`MAX_ITEMS`] touches (tasks not counted).

use serde::Serialize;

use crate::cadence::{ActChannel, Candidate, Kind, Label};
use crate::consent;
use crate::context::{Ctx, Env, AS_CALLBACK, AS_REPLY};
use crate::facts::propose;
use crate::model::{
    Channel, Contact, Direction, Event, EventBody, Interaction, MessageChannel, Outcome,
};
use crate::playbook::Playbook;
use crate::time::Instant;

/// The most touches a plan lists (tasks, which touch nobody, are not
/// counted).
pub const MAX_ITEMS: usize = 500;

/// One planned touch.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanItem {
    /// When, in the contact's local offset.
    pub due_at: String,
    /// `sms`, `call`, `email` or `task`.
    pub channel: &'static str,
    /// Kind of action.
    pub kind: &'static str,
    /// As a rep says it.
    pub label: String,
    /// The step id, for steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step_id: Option<String>,
}

/// The dry run from `now` to `until`.
pub fn plan(contact: &Contact, playbook: &Playbook, now: Instant, until: Instant) -> Vec<PlanItem> {
    let env = Env::new(playbook);
    let mut c = contact.clone();
    // What the playbook does from `now` if nobody answers: events recorded
    // for later are not part of it (taken in part, they let a touch already
    // chosen break them: a Redial to a number recorded as wrong).
    c.events.retain(|e| e.at <= now);
    let given = u32::try_from(contact.events.len()).unwrap_or(u32::MAX);
    let mut t = now;
    let mut out = Vec::new();
    let mut stalls = 0;
    // Tasks touch nobody: not counted.
    let mut touches = 0;
    // (Each round records a touch or moves on in time.)
    for _ in 0..MAX_ITEMS * 8 {
        if touches >= MAX_ITEMS || t > until {
            break;
        }
        let mut ctx = Ctx::new(&env, &c, t);
        ctx.lean = true;
        ctx.planned_from = Some(given);
        let s = consent::fold(&ctx);
        let mut sink = crate::explain::Explain::default();
        let proposal = propose(&ctx, &s, &mut sink);
        let best = first_ready(&ctx, &s, proposal.next, proposal.auto, t);
        // A campaign done for the month goes on at the next month's start,
        // before a follow-up or callback further off.
        let resume = proposal.done.and_then(|d| d.until).filter(|&u| u > t);
        let Some((at, n)) = best else {
            match resume {
                Some(u) => {
                    t = u;
                    continue;
                }
                None => break,
            }
        };
        // Carried out only as the evaluation at that time still has it (an
        // automatic send that lapses as the window opens is not sent then;
        // last month's attempt is not the new month's).
        let then = resume.map_or(at, |u| u.min(at));
        if then > until {
            break;
        }
        if then > t {
            // (Not past a change of the evaluation on the way: an
            // automatic send that falls due meanwhile goes out then.)
            t = ctx
                .history_change()
                .filter(|&c| c > t)
                .map_or(then, |c| c.min(then));
            continue;
        }
        let planned = item(&ctx, playbook, at, &n);
        touches += usize::from(planned.channel != "task");
        out.push(planned);
        // Numbered after every event given (those after `now` too), so no
        // two events share a number.
        let index = given.saturating_add(u32::try_from(out.len()).unwrap_or(u32::MAX));
        record(&mut c.events, playbook, at, index, &n);
        if at == t && n.kind == Kind::Reply {
            stalls += 1;
        }
        if stalls > 3 {
            break;
        }
        t = at;
    }
    out
}

/// Of the person's next action and the host's next automatic send, the one
/// that can be carried out first from `t`, and when.
#[inline]
fn first_ready(
    ctx: &Ctx,
    s: &consent::Consent,
    next: Option<Candidate>,
    auto: Option<Candidate>,
    t: Instant,
) -> Option<(Instant, Candidate)> {
    // Replies and confirmations are made as soon as they can be; an
    // item already due when the dry run reaches it (a late start, `now`
    // after the window closed) waits for its channel's window, as a rep
    // or the sender would: a touch is never planned in quiet hours. The
    // one confirmation goes out while the opt-out stands, at any hour
    // (47 CFR 64.1200(a)(12)), and only until its deadline. `None`: its
    // channel never opens.
    let when = |n: &Candidate| -> Option<Instant> {
        let at = n.opens_at.max(t);
        match n.channel {
            // (A reply is owed from the message, its channel perhaps shut by a
            // cap until later: asked too.)
            ActChannel::Reach(ch)
                if (at > n.opens_at || n.kind == Kind::Reply) && n.kind != Kind::ConfirmOptOut =>
            {
                let answer = consent::check(ctx, s, ch, at);
                if answer.allowed {
                    Some(at)
                } else {
                    answer.next_allowed_at.filter(|&open| open > at)
                }
            }
            _ => Some(at),
        }
    };
    // The person's next action or the host's next automatic send,
    // whichever can be carried out first (the rep and the sender do not
    // wait on each other: an email due now goes before a text waiting
    // for the morning; a reply the customer is owed now, before an
    // automatic send due later than it opened, though its deadline is
    // later still). Ready at one instant, the person's goes first, but
    // steps in the playbook's order: an automatic send owed from a step
    // before the person's goes out first, else it would lapse.
    let next = next.and_then(|n| Some((when(&n)?, n)));
    let auto = auto.and_then(|a| Some((when(&a)?, a)));
    let auto_first = matches!(
        (&next, &auto),
        (Some((at, Candidate { label: Label::Step(p), .. })), Some((a_at, a)))
            if a_at == at && matches!(a.label, Label::Step(n) if n < *p)
    );
    let (first, second) = if auto_first {
        (auto, next)
    } else {
        (next, auto)
    };
    let mut best: Option<(Instant, Candidate)> = None;
    for (at, n) in [first, second].into_iter().flatten() {
        if best.as_ref().map_or(true, |(b, _)| at < *b) {
            best = Some((at, n));
        }
    }
    best
}

/// The plan's line for a touch at `at`.
#[inline]
fn item(ctx: &Ctx, playbook: &Playbook, at: Instant, n: &Candidate) -> PlanItem {
    PlanItem {
        due_at: ctx.zone.format(at),
        channel: n.channel.as_str(),
        kind: n.kind.as_str(),
        label: n.label.text(playbook).into_owned(),
        step_id: n.label.step_id(playbook).map(str::to_string),
    }
}

/// Adds the touch to the history as carried out at `at`, numbered `index`.
#[inline]
fn record(events: &mut Vec<Event>, playbook: &Playbook, at: Instant, index: u32, n: &Candidate) {
    // Carried out at the time reached; the history stays sorted by time
    // (a contact may hold events after `now` already).
    let event = Event {
        at,
        index: marked(index, n.kind),
        dated: false,
        body: carried_out(n, playbook),
    };
    let pos = events.partition_point(|e| e.at <= at);
    events.insert(pos, event);
}

/// The event of a planned touch carried out on paper: an outbound text or
/// email, a call with no answer, a step marked done.
#[inline]
fn carried_out(n: &Candidate, playbook: &Playbook) -> EventBody {
    let step = n.label.step_id(playbook).map(Box::from);
    match n.channel {
        ActChannel::Reach(Channel::Call) => EventBody::Activity {
            interaction: Interaction::Call,
            outcome: Outcome::NoAnswer,
            satisfied: false,
            inbound: false,
            step,
        },
        ActChannel::Reach(ch) => EventBody::Message {
            channel: if ch == Channel::Email {
                MessageChannel::Email
            } else {
                MessageChannel::Sms
            },
            direction: Direction::Out,
            reply: None,
            step,
        },
        ActChannel::Task => EventBody::StepDone {
            step: step.unwrap_or_default(),
        },
    }
}

/// A planned event's index with its mark: the call made as a callback or a
/// reply carries it out; the dry run's other calls, which nobody answers,
/// do not.
#[inline]
fn marked(index: u32, kind: Kind) -> u32 {
    // (Indexes stay far below the marks: 2^30 events would not fit a
    // 4 GB memory.)
    match kind {
        Kind::Callback => index | AS_CALLBACK,
        Kind::Reply => index | AS_REPLY,
        _ => index,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Tasks touch nobody: a long playbook's plan lists 500 touches, and its
    /// tasks besides.
    #[test]
    fn tasks_do_not_count_toward_the_most_touches() {
        let steps: Vec<serde_json::Value> = (0..1000)
            .map(|i| {
                let (channel, mode) = if i % 2 == 0 {
                    ("email", "auto")
                } else {
                    ("task", "action")
                };
                serde_json::json!({"id": format!("s{i}"), "channel": channel, "mode": mode,
                                   "after": {"minutes": 1}})
            })
            .collect();
        let pb =
            Playbook::from_value(&serde_json::json!({"name": "Long", "steps": steps})).unwrap();
        let c = crate::input::contact_from(&serde_json::json!({
            "id": "a", "timeZone": "America/New_York", "addedAt": "2026-11-02T10:00:00-05:00"
        }))
        .unwrap();
        let now = Instant::parse("2026-11-02T10:00:00-05:00").unwrap();
        let until = Instant::parse("2027-11-02T10:00:00-05:00").unwrap();
        let items = plan(&c, &pb, now, until);
        let emails = items.iter().filter(|i| i.channel == "email").count();
        let tasks = items.iter().filter(|i| i.channel == "task").count();
        assert_eq!((emails, tasks), (500, 499));
    }
}
