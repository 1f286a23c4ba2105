//! Placing a due time and choosing a channel: what every cadence rule does.

use crate::consent::{next_allowed, Consent};
use crate::context::Ctx;
use crate::model::{Channel, Direction, EventBody, Interaction, Outcome};
use crate::playbook::{Mode, StopOn};
use crate::time::Instant;

use super::ActChannel;

/// The earliest time at or after `t` inside the contact window (every channel's
/// due time is placed in it) and, for a reachable channel, under the caps.
/// `None` when the window never opens.
pub fn place(ctx: &Ctx, s: &Consent, channel: ActChannel, t: Instant) -> Option<Instant> {
    let mut t = ctx.hours().next_open(t)?;
    if let ActChannel::Reach(c) = channel {
        // Calls and texts: window and caps together; email: caps, then window again.
        for _ in 0..8 {
            let n = next_allowed(ctx, s, c, t)?;
            // A channel the hours bind is allowed only at an opening already.
            let n = if Ctx::hours_bind(c) {
                n
            } else {
                ctx.hours().next_open(n)?
            };
            if n == t {
                break;
            }
            t = n;
        }
    }
    Some(t)
}

/// A contact-making event: the customer replied, a call connected, or a sales
/// outcome was logged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    /// When.
    pub at: Instant,
    /// Which trigger.
    pub how: StopOn,
    /// Event index.
    pub event: usize,
    /// A sales outcome logged on a call: the call reached the customer too.
    pub on_call: bool,
}

impl Reach {
    /// Whether the reach is one of `stop_on`'s: a sales outcome logged on a
    /// call (the rep spoke with the customer) is also a connected call.
    pub fn is_in(&self, stop_on: &[StopOn]) -> bool {
        stop_on.contains(&self.how) || (self.on_call && stop_on.contains(&StopOn::Connected))
    }
}

/// Every contact-making event up to `now`, in time order.
pub fn reaches<'c>(ctx: &'c Ctx, s: &'c Consent) -> impl DoubleEndedIterator<Item = Reach> + 'c {
    ctx.history().iter().filter_map(move |e| {
        let i = e.index as usize;
        let how = match &e.body {
            EventBody::Message {
                direction: Direction::In,
                channel,
                reply,
                ..
            } if s.keyword(i).is_none()
                && !s.from_new_holder(e.at, *channel)
                && !reply.as_ref().is_some_and(|r| r.automated) =>
            {
                Some(StopOn::Reply)
            }
            EventBody::Activity { outcome, .. } if outcome.is_sales() => Some(StopOn::Outcome),
            EventBody::Activity {
                outcome: Outcome::Connected,
                ..
            } => Some(StopOn::Connected),
            _ => None,
        };
        let on_call = matches!(
            e.body,
            EventBody::Activity {
                interaction: Interaction::Call,
                ..
            }
        ) && how == Some(StopOn::Outcome);
        how.map(|how| Reach {
            at: e.at,
            how,
            event: i,
            on_call,
        })
    })
}

pub(super) fn mode_for(c: Channel) -> Mode {
    match c {
        Channel::Call => Mode::Action,
        _ => Mode::Manual,
    }
}

/// The first channel, starting from `preferred`, that no lasting refusal blocks:
/// the preferred one, then the rest of `rotation`, then text, call, email.
pub fn route(s: &Consent, preferred: Channel, rotation: &[Channel]) -> Option<Channel> {
    routes(s, preferred, rotation).next()
}

/// Every channel [`route`] may take, in its order.
pub fn routes<'a>(
    s: &'a Consent,
    preferred: Channel,
    rotation: &'a [Channel],
) -> impl Iterator<Item = Channel> + 'a {
    std::iter::once(preferred)
        .chain(rotation.iter().copied())
        .chain(Channel::ALL)
        .filter(|c| s.lasting(*c).is_none())
}

/// `t` moved by `days` days in the zone, keeping the local time of day; business
/// days skip Saturday, Sunday and the playbook's holidays (0 business days from a
/// non-business day is the next business day; n > 0 counts n business days after
/// the start's date, so Friday + 1 and Saturday + 1 are both Monday).
///
/// Only whole days go through wall time: with no day to add (and, for business
/// days, a start on a business day) `t` is returned as it is, so an instant in a
/// repeated hour keeps its own offset.
pub fn add_days(ctx: &Ctx, t: Instant, days: i64, business: bool) -> Instant {
    if !business {
        if days == 0 {
            return t;
        }
        return ctx.zone.add_days(t, days);
    }
    let start = ctx.zone.date(t);
    let mut date = start;
    let mut left = days;
    let mut guard = 0;
    // No days: the same day if it is a business day, else the next one. Days:
    // count business days forward from the day after (as spreadsheets' WORKDAY
    // does: Saturday + 1 business day is Monday).
    if days <= 0 {
        while !ctx.playbook.is_business_day(date) && guard < 400 {
            date = date.succ_opt().unwrap_or(date);
            guard += 1;
        }
    }
    while left > 0 && guard < 40_000 {
        date = date.succ_opt().unwrap_or(date);
        if ctx.playbook.is_business_day(date) {
            left -= 1;
        }
        guard += 1;
    }
    if date == start {
        return t;
    }
    ctx.zone.at(date, ctx.zone.local(t).time())
}
