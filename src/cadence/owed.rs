//! What every playbook shape owes the customer: a reply to their message, the
//! callback the agent set, the follow-up before they mean to buy.

use crate::consent::Consent;
use crate::context::{Ctx, AS_CALLBACK, AS_REPLY};
use crate::explain::Explain;
use crate::model::{Channel, Direction, EventBody, Interaction, Outcome};
use crate::playbook::Mode;
use crate::reply::Intent;
use crate::time::{Instant, DAY, MINUTE};

use super::place::{mode_for, place, route};
use super::{ActChannel, Candidate, Kind, Label};

/// A reply owed to the customer's last message, if any.
pub fn reply(ctx: &Ctx, s: &Consent, explain: &mut Explain) -> Option<Candidate> {
    let Unanswered {
        since: at,
        last,
        channel: ch,
    } = last_unanswered(ctx, s)?;
    let Some(channel) = route(s, ch, &[Channel::Call, Channel::Email]) else {
        if ctx.explains() {
            explain.push("the customer is owed a reply, but no channel is allowed");
        }
        return None;
    };
    let deadline = at.plus(ctx.playbook.reply_within_ms);
    let (channel, opens) = sooner(
        ctx,
        s,
        channel,
        at,
        deadline,
        &[ch, Channel::Call, Channel::Email, Channel::Sms],
    )?;
    let act = ActChannel::Reach(channel);
    let due_at = place(ctx, s, act, deadline.max(opens))?;
    // Owed now: from the message, placed in the window (a cap that holds
    // the channel shut is `channels`' answer, not a reason to hide the
    // customer who waits from the rep's "due now").
    let owed_from = if Ctx::hours_bind(channel) {
        ctx.hours().next_open(at).unwrap_or(opens)
    } else {
        at
    };
    if ctx.explains() {
        explain.push_fmt(format_args!(
            "the customer's {} at {}{} is owed a reply by {}{}",
            ch.noun(),
            ctx.words(last),
            if last != at {
                format!(" (unanswered since {})", ctx.words(at))
            } else {
                String::new()
            },
            ctx.words(due_at),
            if channel != ch {
                format!(", by {} as {} is not allowed", channel.noun(), ch.noun())
            } else {
                String::new()
            }
        ));
    }
    Some(Candidate {
        kind: Kind::Reply,
        label: Label::Reply,
        attempt: None,
        channel: act,
        // A reply by call (text and email refused) is a call to make.
        mode: mode_for(channel),
        due_at,
        opens_at: owed_from.min(opens),
        overdue_at: due_at,
        blocking: false,
    })
}

/// `channel` and when it opens from `at`; but when a cap shuts it for days
/// past `by` (a cap of 7 or 30 days; not the nights, weekends and holidays
/// quiet hours close), the first of `order` that opens by `by`, as for a
/// channel refused for good. `None` when `channel` never opens.
fn sooner(
    ctx: &Ctx,
    s: &Consent,
    channel: Channel,
    at: Instant,
    by: Instant,
    order: &[Channel],
) -> Option<(Channel, Instant)> {
    let opens = place(ctx, s, ActChannel::Reach(channel), at)?;
    if opens <= by.plus(3 * DAY) {
        return Some((channel, opens));
    }
    let other = order
        .iter()
        .copied()
        .filter(|&c| c != channel && s.lasting(c).is_none())
        .find_map(|c| {
            place(ctx, s, ActChannel::Reach(c), at)
                .filter(|&t| t <= by)
                .map(|t| (c, t))
        });
    Some(other.unwrap_or((channel, opens)))
}

/// The callback the agent set, if still to do.
pub fn callback(ctx: &Ctx, s: &Consent, explain: &mut Explain) -> Option<Candidate> {
    let (due, scheduled, dated) = pending_callback(ctx)?;
    let label = if scheduled {
        "Scheduled Call"
    } else {
        "Callback"
    };
    if let Some(r) = s.lasting(Channel::Call) {
        if ctx.explains() {
            explain.push_fmt(format_args!(
                "{label} for {} not offered: calls are not allowed ({})",
                ctx.words(due).day_only(dated),
                r.as_str()
            ));
        }
        return None;
    }
    let act = ActChannel::Reach(Channel::Call);
    let due_at = place(ctx, s, act, due)?;
    if ctx.explains() {
        let mut line = explain.line();
        line.s(label)
            .s(" set for ")
            .words(ctx.words(due).day_only(dated));
        if due_at != due {
            line.s(", moved to ").words(ctx.words(due_at)).s(moved_by(
                ctx,
                s,
                Channel::Call,
                due,
                due_at,
            ));
        }
    }
    Some(Candidate {
        kind: Kind::Callback,
        label: if scheduled {
            Label::ScheduledCall
        } else {
            Label::Callback
        },
        attempt: None,
        channel: act,
        mode: Mode::Action,
        due_at,
        opens_at: due_at,
        // A callback for a day (a date alone) is overdue when the day it is
        // made on is over; one for a time, 30 minutes after it.
        overdue_at: match dated {
            true => ctx
                .zone
                .date(due_at)
                .succ_opt()
                .map_or(due_at, |d| ctx.zone.start_of_day(d)),
            false => due_at.plus(30 * MINUTE),
        },
        blocking: false,
    })
}

/// What moved an action on `channel` due at `due` to `placed`, for
/// `explain`: the window, a frequency cap (when the window was open at `due`
/// and the caps clear at `placed`, even as the window opens), or both (a cap
/// that cleared after the window had closed leaves the time at the window's
/// next opening).
fn moved_by(
    ctx: &Ctx,
    s: &Consent,
    channel: Channel,
    due: Instant,
    placed: Instant,
) -> &'static str {
    let open = ctx.hours().next_open(due);
    match open {
        Some(o) if o == placed => " (contact window)",
        Some(o)
            if o == due && crate::consent::cap_clear(ctx, &s.touches, channel, due) == placed =>
        {
            " (frequency cap)"
        }
        _ => " (contact window and frequency cap)",
    }
}

/// The follow-up date: `engaged + fraction × (horizon − engaged)`, rounded to
/// the nearest millisecond. (Rounding down would turn a product that binary
/// floating point gives an ulp short — 0.7 × 270 days — into the millisecond
/// before midnight.)
pub fn follow_up_date(engaged: Instant, horizon: Instant, fraction: f64) -> Instant {
    let span = (horizon.0 - engaged.0) as f64;
    engaged.plus((span * fraction).round() as i64)
}

/// A follow-up at the playbook's fraction of the time to the buying horizon.
pub fn follow_up(ctx: &Ctx, s: &Consent, explain: &mut Explain) -> Option<Candidate> {
    let mut horizon: Option<(Instant, Instant)> = None;
    for (_, e) in ctx.events() {
        match &e.body {
            EventBody::Horizon { buy_at } => horizon = Some((e.at, *buy_at)),
            // A sale or a no-sale after it was said, by any means: the lead
            // has bought or declined, and nothing is owed before the date
            // (as for a callback).
            EventBody::Activity {
                outcome: Outcome::Sold | Outcome::NoSale,
                ..
            } if horizon.is_some_and(|(said, _)| e.at > said) => horizon = None,
            _ => {}
        }
    }
    let (engaged, buy_at) = horizon?;
    let date = follow_up_date(engaged, buy_at, ctx.playbook.follow_up_fraction);
    // Done once we touched the contact at or after the follow-up date (the
    // opt-out's one confirmation is no touch).
    let done = ctx.events().any(|(_, e)| {
        e.at >= date
            && match &e.body {
                EventBody::Message {
                    direction: Direction::Out,
                    ..
                } => !s.is_confirmation(e),
                // (The customer's call counts when we took it: not when
                // they left us a voicemail.)
                EventBody::Activity {
                    inbound, outcome, ..
                } => !inbound || outcome.answers(true),
                _ => false,
            }
    });
    if done {
        if ctx.explains() {
            explain.push_fmt(format_args!("follow-up of {} done", ctx.words(date)));
        }
        return None;
    }
    let channel = route(s, Channel::Call, &[Channel::Sms, Channel::Email])?;
    let (channel, opens) = sooner(
        ctx,
        s,
        channel,
        date,
        date.plus(DAY),
        &[Channel::Call, Channel::Sms, Channel::Email],
    )?;
    let act = ActChannel::Reach(channel);
    let due_at = place(ctx, s, act, opens)?;
    if ctx.explains() {
        explain.push_fmt(format_args!(
            "the lead means to buy by {}: follow up at {}% of the way, {}{}",
            ctx.words(buy_at),
            // Whole percent, ties to even (as `{:.0}` would, without its
            // float formatter in the module).
            (ctx.playbook.follow_up_fraction * 100.0).round_ties_even() as i64,
            ctx.words(date),
            if due_at != date {
                format!(
                    ", moved to {}{}",
                    ctx.words(due_at),
                    moved_by(ctx, s, channel, date, due_at)
                )
            } else {
                String::new()
            }
        ));
    }
    Some(Candidate {
        kind: Kind::FollowUp,
        label: Label::FollowUp,
        attempt: None,
        channel: act,
        mode: mode_for(channel),
        due_at,
        opens_at: due_at,
        overdue_at: ctx.zone.add_days(due_at, 1),
        blocking: false,
    })
}

/// The customer's messages not yet answered: the first's instant (the
/// deadline runs from it), the last's, and the medium of the last.
#[derive(Clone, Copy)]
struct Unanswered {
    since: Instant,
    last: Instant,
    channel: Channel,
}

/// The customer's messages no touch of ours answered since they came, if
/// any.
///
/// A logged outcome at the instant of the message answers it, whichever the
/// CRM listed first: on a tie the outcome is the later, as for the status.
fn last_unanswered(ctx: &Ctx, s: &Consent) -> Option<Unanswered> {
    let mut owed: Option<Unanswered> = None;
    let mut answered_at = None;
    for (i, e) in ctx.events() {
        match &e.body {
            EventBody::Message {
                channel,
                direction: Direction::In,
                reply,
                ..
            } => match s.keyword(i) {
                // A text from the holder of a number marked wrong is not
                // the contact's; an auto-reply or a bounce is no one's.
                _ if s.from_new_holder(e.at, *channel) => {}
                _ if reply.as_ref().is_some_and(|r| r.automated) => {}
                // (The deadline runs from the first message not answered:
                // a nudge, "hello??", moves it no later; the reply goes by
                // the customer's latest medium.)
                None | Some(Intent::Help) if answered_at != Some(e.at) => {
                    let since = owed.map_or(e.at, |o| o.since);
                    owed = Some(Unanswered {
                        since,
                        last: e.at,
                        channel: Channel::from(*channel),
                    });
                }
                // An opt-out or opt-in keyword is no message to answer, and
                // leaves the one before it owed ("what is the price?", then
                // STOP: the price is still owed, by another channel).
                _ => {}
            },
            // (The opt-out's one confirmation answers nothing: it may
            // only confirm, 47 CFR 64.1200(a)(12).)
            EventBody::Message {
                direction: Direction::Out,
                ..
            } if !s.is_confirmation(e) => owed = None,
            // A call nobody answered is no reply (a voicemail we left is
            // one; one the customer left us is not), but in the dry run,
            // the call it made as the reply.
            EventBody::Activity {
                interaction: Interaction::Call,
                outcome,
                inbound,
                ..
            } if outcome.answers(*inbound) || ctx.made_as(e, AS_REPLY) => {
                owed = None;
                answered_at = Some(e.at);
            }
            // (And a sale logged by text or email: the customer was answered,
            // as a sale ends a callback.)
            EventBody::Activity {
                interaction: Interaction::InStore,
                ..
            } => {
                owed = None;
                answered_at = Some(e.at);
            }
            EventBody::Activity { outcome, .. } if outcome.is_sales() => {
                owed = None;
                answered_at = Some(e.at);
            }
            _ => {}
        }
    }
    owed
}

/// The last callback set and not yet carried out: when it is due, whether
/// it was scheduled, and whether it is for a day (a date alone).
fn pending_callback(ctx: &Ctx) -> Option<(Instant, bool, bool)> {
    let mut pending: Option<(Instant, Instant, bool, bool)> = None;
    for (_, e) in ctx.events() {
        match &e.body {
            EventBody::Callback {
                due_at,
                scheduled,
                dated,
            } => pending = Some((e.at, *due_at, *scheduled, *dated)),
            // A sale or a no-sale logged after it was set, on a call or in
            // the store, by text or email, whenever it comes: the lead has
            // answered, and no call is owed any more. (Not a sale in
            // progress: a call to close it is still owed.)
            EventBody::Activity {
                outcome: Outcome::Sold | Outcome::NoSale,
                ..
            } if pending.is_some_and(|(set, ..)| e.at > set) => pending = None,
            EventBody::Activity {
                interaction: Interaction::Call,
                outcome,
                ..
            } => {
                if let Some((set, due, _, dated)) = pending {
                    // A call that reaches the lead carries it out when made
                    // after it was set, nearer the time it is due than the
                    // time it was set, and no earlier than a day before it
                    // is due: not the call during which it was set, logged
                    // at hang-up, nor a call nobody answered.
                    // (A day as the calendar counts it, in the contact's
                    // zone: across a fall-back night, 10:00 the day before
                    // is 25 hours back.)
                    // (Nearer: not at the midpoint itself, but for the dry
                    // run's own call; a day before: from that time on.)
                    let half = ((due.0 - set.0) / 2).max(0);
                    let day = due.0 - ctx.zone.add_days(due, -1).0;
                    // (A callback for a day: a call on that day.)
                    let soon_enough = if dated {
                        e.at >= due
                    } else if half < day && !ctx.made_as(e, AS_CALLBACK) {
                        e.at.0 > due.0 - half
                    } else {
                        e.at.0 >= due.0 - half.min(day)
                    };
                    let reached = ctx.made_as(e, AS_CALLBACK)
                        || *outcome == Outcome::Connected
                        || outcome.is_sales();
                    // (The dry run's own call may come at the instant it
                    // was set: a callback logged for now.)
                    let after = e.at > set || (ctx.made_as(e, AS_CALLBACK) && e.at >= set);
                    if reached && after && soon_enough {
                        pending = None;
                    }
                }
            }

            _ => {}
        }
    }
    pending.map(|(_, due, scheduled, dated)| (due, scheduled, dated))
}
