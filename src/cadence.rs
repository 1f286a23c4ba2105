//! Cadences: what to do next and when, for the three shapes of playbook.
//!
//! Each rule proposes a [`Candidate`]; the evaluation takes the one due first
//! (ties go to the earlier kind in [`Kind`] order). Every due time is placed
//! inside the contact window and under the caps by [`place`].

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use crate::consent::{next_allowed, Consent};
use crate::context::Ctx;
use crate::model::{Channel, Direction, EventBody, Interaction, MessageChannel, Outcome};
use crate::playbook::{Campaign, Delay, Mode, Playbook, Step, StepChannel, StopOn};
use crate::reply::Intent;
use crate::time::{days_in_month, next_month_start, Instant, Zone, DAY, MINUTE};

/// Kinds of next action, in tie-break order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The one confirmation text after an SMS opt-out.
    ConfirmOptOut,
    /// A reply owed to the customer.
    Reply,
    /// A callback or scheduled call the agent set.
    Callback,
    /// A campaign attempt.
    Attempt,
    /// A ladder or sequence step.
    Step,
    /// A follow-up at a fraction of the time to the buying horizon.
    FollowUp,
}

impl Kind {
    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ConfirmOptOut => "confirmOptOut",
            Kind::Reply => "reply",
            Kind::Callback => "callback",
            Kind::Attempt => "attempt",
            Kind::Step => "step",
            Kind::FollowUp => "followUp",
        }
    }
}

/// The channel of a next action: a reachable channel or a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActChannel {
    /// Reachable channel.
    Reach(Channel),
    /// A to-do.
    Task,
}

impl ActChannel {
    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ActChannel::Reach(c) => c.as_str(),
            ActChannel::Task => "task",
        }
    }
}

/// What a next action is called, as a fact; its words come from
/// [`Label::text`] when a person reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// "Confirm Opt-Out".
    ConfirmOptOut,
    /// "Reply".
    Reply,
    /// "Callback".
    Callback,
    /// "Scheduled Call" (the lead asked for that time).
    ScheduledCall,
    /// "1st Attempt", "2nd Attempt", ...
    Attempt(u32),
    /// The playbook's step at this index (its `label`).
    Step(usize),
    /// "Follow Up".
    FollowUp,
}

impl Label {
    /// The words a rep reads.
    pub fn text(self, playbook: &Playbook) -> Cow<'_, str> {
        match self {
            Label::ConfirmOptOut => Cow::Borrowed("Confirm Opt-Out"),
            Label::Reply => Cow::Borrowed("Reply"),
            Label::Callback => Cow::Borrowed("Callback"),
            Label::ScheduledCall => Cow::Borrowed("Scheduled Call"),
            Label::Attempt(n) => Cow::Owned(attempt_label(n)),
            Label::Step(i) => Cow::Borrowed(playbook.steps.get(i).map_or("", |s| s.label.as_str())),
            Label::FollowUp => Cow::Borrowed("Follow Up"),
        }
    }

    /// The step id, for a step.
    pub fn step_id(self, playbook: &Playbook) -> Option<&str> {
        match self {
            Label::Step(i) => playbook.steps.get(i).map(|s| s.id.as_str()),
            _ => None,
        }
    }
}

/// A proposed next action.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Kind.
    pub kind: Kind,
    /// What a rep calls it.
    pub label: Label,
    /// Attempt number (campaign).
    pub attempt: Option<u32>,
    /// Channel.
    pub channel: ActChannel,
    /// Mode.
    pub mode: Mode,
    /// When it is due (for `reply` and `confirmOptOut`: the deadline).
    pub due_at: Instant,
    /// From when it can be done now (inside the window).
    pub opens_at: Instant,
    /// From when it is overdue.
    pub overdue_at: Instant,
    /// Whether the cadence waits for it.
    pub blocking: bool,
}

/// Why a cadence has nothing more to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// Stable reason id.
    pub reason: &'static str,
    /// In words.
    pub label: &'static str,
    /// When the cadence starts again (monthly campaign: the next month).
    pub until: Option<Instant>,
}

/// The earliest time at or after `t` inside the contact window (every channel's
/// due time is placed in it) and, for a reachable channel, under the caps.
/// `None` when the window never opens.
pub fn place(ctx: &Ctx, s: &Consent, channel: ActChannel, t: Instant) -> Option<Instant> {
    let mut t = ctx.hours().next_open(t)?;
    if let ActChannel::Reach(c) = channel {
        // Calls and texts: window and caps together; email: caps, then window again.
        for _ in 0..8 {
            let n = next_allowed(ctx, s, c, t)?;
            let n = ctx.hours().next_open(n)?;
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
}

/// Every contact-making event up to `now`, in time order.
pub fn reaches<'c>(ctx: &'c Ctx, s: &'c Consent) -> impl DoubleEndedIterator<Item = Reach> + 'c {
    ctx.history().iter().filter_map(move |e| {
        let i = e.index as usize;
        let how = match &e.body {
            EventBody::Message {
                direction: Direction::In,
                ..
            } if s.keyword(i).is_none() => Some(StopOn::Reply),
            EventBody::Activity { outcome, .. } if outcome.is_sales() => Some(StopOn::Outcome),
            EventBody::Activity {
                outcome: Outcome::Connected,
                ..
            } => Some(StopOn::Connected),
            _ => None,
        };
        how.map(|how| Reach {
            at: e.at,
            how,
            event: i,
        })
    })
}

/// The ordinal label of an attempt: "1st Attempt", "2nd Attempt", ...
pub fn attempt_label(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix} Attempt")
}

fn mode_for(c: Channel) -> Mode {
    match c {
        Channel::Call => Mode::Action,
        _ => Mode::Manual,
    }
}

/// The first channel, starting from `preferred`, that no lasting refusal blocks:
/// the preferred one, then the rest of `rotation`, then text, call, email.
pub fn route(s: &Consent, preferred: Channel, rotation: &[Channel]) -> Option<Channel> {
    std::iter::once(preferred)
        .chain(rotation.iter().copied())
        .chain(Channel::ALL)
        .find(|c| s.lasting(*c).is_none())
}

// ------------------------------------------------------------------ reply

/// A reply owed to the customer's last message, if any.
pub fn reply(ctx: &Ctx, s: &Consent, explain: &mut Vec<String>) -> Option<Candidate> {
    let mut owed: Option<(usize, Instant, Channel)> = None;
    for (i, e) in ctx.events() {
        match &e.body {
            EventBody::Message {
                channel,
                direction: Direction::In,
                ..
            } => match s.keyword(i) {
                None | Some(Intent::Help) => owed = Some((i, e.at, Channel::from(*channel))),
                Some(_) => owed = None,
            },
            EventBody::Message {
                direction: Direction::Out,
                ..
            }
            | EventBody::Activity {
                interaction: Interaction::Call,
                ..
            } => owed = None,
            EventBody::Activity {
                interaction: Interaction::InStore,
                ..
            } => owed = None,
            _ => {}
        }
    }
    let (_, at, ch) = owed?;
    let Some(channel) = route(s, ch, &[Channel::Call, Channel::Email]) else {
        if ctx.explains() {
            explain.push("the customer is owed a reply, but no channel is allowed".into());
        }
        return None;
    };
    let deadline = at.plus(ctx.playbook.reply_within_ms);
    let act = ActChannel::Reach(channel);
    let opens = place(ctx, s, act, at)?;
    let due_at = place(ctx, s, act, deadline.max(opens))?;
    if ctx.explains() {
        explain.push(format!(
            "the customer's {} at {} is owed a reply by {}{}",
            ch.noun(),
            ctx.words(at),
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
        mode: Mode::Manual,
        due_at,
        opens_at: opens,
        overdue_at: due_at,
        blocking: false,
    })
}

// ------------------------------------------------------------------ callbacks

/// The callback the agent set, if still to do.
pub fn callback(ctx: &Ctx, s: &Consent, explain: &mut Vec<String>) -> Option<Candidate> {
    let mut pending: Option<(Instant, Instant, bool)> = None;
    for (_, e) in ctx.events() {
        match &e.body {
            EventBody::Callback { due_at, scheduled } => {
                pending = Some((e.at, *due_at, *scheduled))
            }
            EventBody::Activity {
                interaction: Interaction::Call,
                ..
            } => {
                if let Some((set, due, _)) = pending {
                    // A call after it was set, no earlier than a day before it is
                    // due, carries it out.
                    if e.at > set && e.at.0 >= due.0 - DAY {
                        pending = None;
                    }
                }
            }
            _ => {}
        }
    }
    let (_, due, scheduled) = pending?;
    let label = if scheduled {
        "Scheduled Call"
    } else {
        "Callback"
    };
    if let Some(r) = s.lasting(Channel::Call) {
        if ctx.explains() {
            explain.push(format!(
                "{label} for {} not offered: calls are not allowed ({})",
                ctx.words(due),
                r.as_str()
            ));
        }
        return None;
    }
    let act = ActChannel::Reach(Channel::Call);
    let due_at = place(ctx, s, act, due)?;
    if ctx.explains() {
        explain.push(if due_at == due {
            format!("{label} set for {}", ctx.words(due))
        } else {
            format!(
                "{label} set for {}, moved to {} (contact window)",
                ctx.words(due),
                ctx.words(due_at)
            )
        });
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
        overdue_at: due_at.plus(30 * MINUTE),
        blocking: false,
    })
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
pub fn follow_up(ctx: &Ctx, s: &Consent, explain: &mut Vec<String>) -> Option<Candidate> {
    let mut horizon: Option<(Instant, Instant)> = None;
    for (_, e) in ctx.events() {
        if let EventBody::Horizon { buy_at } = &e.body {
            horizon = Some((e.at, *buy_at));
        }
    }
    let (engaged, buy_at) = horizon?;
    let date = follow_up_date(engaged, buy_at, ctx.playbook.follow_up_fraction);
    // Done once we touched the contact at or after the follow-up date.
    let done = ctx.events().any(|(_, e)| {
        e.at >= date
            && matches!(
                &e.body,
                EventBody::Message {
                    direction: Direction::Out,
                    ..
                } | EventBody::Activity { .. }
            )
    });
    if done {
        if ctx.explains() {
            explain.push(format!("follow-up of {} done", ctx.words(date)));
        }
        return None;
    }
    let channel = route(s, Channel::Call, &[Channel::Sms, Channel::Email])?;
    let act = ActChannel::Reach(channel);
    let due_at = place(ctx, s, act, date)?;
    if ctx.explains() {
        explain.push(format!(
            "the lead means to buy by {}: follow up at {:.0}% of the way, {}",
            ctx.words(buy_at),
            ctx.playbook.follow_up_fraction * 100.0,
            ctx.words(due_at)
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

// ------------------------------------------------------------------ campaign

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
    explain: &mut Vec<String>,
) -> (Option<Candidate>, Option<Done>) {
    let Some(pos) = position(ctx, c, ctx.now) else {
        return (None, None);
    };
    ctx.note(pos.phase_ends_at);
    let first = ctx.zone.date(pos.month_start);
    let in_month = |t: Instant| t >= pos.month_start && t < pos.next_month;
    if let Some(r) = reaches(ctx, s).rev().find(|r| in_month(r.at)) {
        let how = r.how.words();
        if ctx.explains() {
            explain.push(format!(
                "reached this month ({how} at {}): no attempt until next month",
                ctx.words(r.at)
            ));
        }
        return (
            None,
            Some(Done {
                reason: "reached",
                label: "Reached this month",
                until: Some(pos.next_month),
            }),
        );
    }
    // Attempts count this month's touches; the day of spacing counts from the
    // last touch of any month (a text on the evening of the 31st keeps the 1st
    // Attempt of the next month a day away).
    let mut made: u32 = 0;
    let mut last_touch: Option<Instant> = None;
    for (_, e) in ctx.events() {
        let touch = match &e.body {
            EventBody::Message {
                direction: Direction::Out,
                channel,
                ..
            } => {
                // The opt-out confirmation text is not an attempt.
                let confirmation = *channel == MessageChannel::Sms
                    && s.opt_out.as_ref().and_then(|o| o.confirmed_at) == Some(e.at);
                !confirmation
            }
            EventBody::Activity {
                interaction: Interaction::Call,
                ..
            } => true,
            _ => false,
        };
        if touch {
            last_touch = Some(e.at);
            if in_month(e.at) {
                made = made.saturating_add(1);
            }
        }
    }
    let attempt = made.saturating_add(1);
    if attempt > c.max_attempt() {
        if ctx.explains() {
            explain.push(format!(
                "{made} attempts made this month: none more until next month"
            ));
        }
        return (
            None,
            Some(Done {
                reason: "attemptsComplete",
                label: "All attempts made this month",
                until: Some(pos.next_month),
            }),
        );
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
        .unwrap_or_else(|| phase_start(ctx.zone, first, phase.from_day));
    let idx = (attempt as usize - 1) % c.channels.len().max(1);
    let preferred = c.channels.get(idx).copied().unwrap_or(Channel::Sms);
    let Some(channel) = route(s, preferred, &c.channels) else {
        if ctx.explains() {
            explain.push("no channel is allowed for the next attempt".into());
        }
        return (
            None,
            Some(Done {
                reason: "noChannel",
                label: "No channel allowed",
                until: None,
            }),
        );
    };
    let act = ActChannel::Reach(channel);
    // Due at the start of its phase — but never within a day of the last touch,
    // so a late 1st attempt does not make the 2nd due minutes later.
    let spaced = last_touch.map(|t| t.plus(DAY));
    let from = start.max(ctx.contact.added_at).max(spaced.unwrap_or(start));
    let due_at = place(ctx, s, act, from).filter(|t| *t < pos.next_month);
    let Some(due_at) = due_at else {
        if ctx.explains() {
            explain.push(format!(
            "{made} touch{} this month: no time left this month for the {} (attempts are a day apart)",
            if made == 1 { "" } else { "es" },
            attempt_label(attempt)
        ));
        }
        return (
            None,
            Some(Done {
                reason: "attemptsComplete",
                label: "No time left this month for another attempt",
                until: Some(pos.next_month),
            }),
        );
    };
    if spaced.is_some_and(|sp| sp > start) {
        ctx.note(from);
    }
    // Overdue once the phase holding the due time is over.
    // (`due_at` lies in this month: the phase that holds it ends at the next
    // phase's start, or with the month.)
    let overdue_at = pos
        .phase_starts
        .iter()
        .copied()
        .find(|&s| s > due_at)
        .unwrap_or(pos.next_month);
    if ctx.explains() {
        explain.push(format!(
            "{made} touch{} this month: {} by {} due {} ({}){}",
            if made == 1 { "" } else { "es" },
            attempt_label(attempt),
            channel.noun(),
            ctx.words(due_at),
            phase.label,
            if channel != preferred {
                format!(
                    ", {} instead of {} ({} not allowed)",
                    channel.noun(),
                    preferred.noun(),
                    preferred.noun()
                )
            } else {
                String::new()
            }
        ));
    }
    (
        Some(Candidate {
            kind: Kind::Attempt,
            label: Label::Attempt(attempt),
            attempt: Some(attempt),
            channel: act,
            mode: mode_for(channel),
            due_at,
            opens_at: due_at,
            overdue_at,
            blocking: false,
        }),
        None,
    )
}

// ------------------------------------------------------------------ steps

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

fn marks(body: &EventBody, id: &str) -> bool {
    match body {
        EventBody::Message { step: Some(s), .. }
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
        Delay::Day(d) => add_days(ctx, enrolled, d, step.business_days),
        Delay::After { days, ms } => add_days(ctx, anchor, days, step.business_days).plus(ms),
    }
}

/// When a step is ready: its own time by the playbook, but never sooner after
/// the step before it was done (or fell due) than the gap the playbook puts
/// between the two on an on-time cadence, at most a day. An on-time cadence
/// keeps its exact times; a late one (a step held, or pushed by quiet hours)
/// never makes two touches back to back.
fn ready_at(own: Instant, released: Instant, gap: i64) -> Instant {
    own.max(released.plus(gap))
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
pub fn steps(ctx: &Ctx, s: &Consent, explain: &mut Vec<String>) -> StepState {
    let pb = ctx.playbook;
    let enrolled = ctx.contact.added_at;
    let stop = reaches(ctx, s).find(|r| r.at >= enrolled && pb.stop_on.contains(&r.how));
    let stopped_at = stop.map(|r| r.at);
    let history = ctx.history();
    // Per channel (sms, call, email), where to look for the next unmarked
    // touch: each step takes the first one at or after its anchor, and anchors
    // only move forward, so no touch before a cursor can count again.
    let mut cursor = [0usize; 3];
    // When the step before was done (or fell due, if it does not hold).
    let mut anchor = enrolled;
    // The on-time schedule (every step done at its own time), for the gaps.
    let mut on_time = enrolled;
    // Open reminders and an automatic send owed to the sender: both close once
    // a later step falls due (or is done).
    let mut reminders: Vec<Candidate> = Vec::new();
    let mut owed: Option<Candidate> = None;
    let mut auto: Option<Candidate> = None;
    let close = |at: Instant, reminders: &mut Vec<Candidate>, owed: &mut Option<Candidate>| {
        if ctx.now >= at {
            reminders.clear();
            *owed = None;
        } else {
            ctx.note(at);
        }
    };
    for (n, step) in pb.steps.iter().enumerate() {
        let planned = nominal(ctx, step, enrolled, on_time);
        let gap = if n == 0 {
            0
        } else {
            (planned.0 - on_time.0).clamp(0, DAY)
        };
        on_time = planned;
        let ready = ready_at(nominal(ctx, step, enrolled, anchor), anchor, gap);
        // Completion: an explicit mark, else a touch on the step's channel made
        // while this step was the one pending.
        let explicit = history
            .iter()
            .find(|e| marks(&e.body, &step.id))
            .map(|e| e.at);
        let done_at = explicit.or_else(|| {
            let want = step.channel.channel()?;
            let c = cursor.get_mut(want as usize)?;
            let k = history.get(*c..)?.iter().position(|e| {
                e.at >= anchor
                    && touch_channel(&e.body)
                        .is_some_and(|(ch, marked)| ch == want && marked.is_none())
            })?;
            let k = c.saturating_add(k);
            *c = k.saturating_add(1);
            history.get(k).map(|e| e.at)
        });
        if let Some(at) = done_at {
            reminders.clear();
            owed = None;
            anchor = anchor.max(at);
            continue;
        }
        let refused = step.channel.channel().and_then(|c| s.lasting(c));
        let act = match step.channel.channel() {
            Some(c) => ActChannel::Reach(c),
            None => ActChannel::Task,
        };
        let Some(due_at) = place_step(ctx, s, step, act, ready) else {
            if ctx.explains() {
                explain.push("the contact window never opens".into());
            }
            return StepState {
                candidates: Vec::new(),
                auto: None,
                done: None,
            };
        };
        let cand = Candidate {
            kind: Kind::Step,
            label: Label::Step(n),
            attempt: None,
            channel: act,
            mode: step.mode,
            due_at,
            opens_at: due_at,
            overdue_at: ctx.zone.add_days(due_at, 1),
            blocking: step.mode.blocks(),
        };
        // An automatic step does not hold the sequence: the host sends it when
        // it falls due, and the steps after it count from then, recorded or not.
        // Until a later step falls due (at most a day), a send not recorded is
        // owed to the host's sender.
        if step.mode == Mode::Auto && refused.is_none() && stopped_at.map_or(true, |t| due_at < t) {
            close(due_at, &mut reminders, &mut owed);
            if due_at <= ctx.now {
                let lapses = due_at.plus(AUTO_OWED_MS);
                // Once the customer responded, nothing automatic is owed.
                if ctx.now < lapses && stop.is_none() {
                    ctx.note(lapses);
                    owed = Some(cand);
                }
                if ctx.explains() {
                    explain.push(format!(
                        "step {:?} ({}) fell due for the automatic sender at {}",
                        step.id,
                        step.label,
                        ctx.words(due_at)
                    ));
                }
            } else if auto.is_none() {
                if ctx.explains() {
                    explain.push(step_words(ctx, n, step, due_at));
                }
                auto = Some(cand);
            }
            anchor = anchor.max(due_at);
            continue;
        }
        if let Some(r) = stop {
            let how = r.how.words();
            if ctx.explains() {
                explain.push(format!(
                    "steps stopped at {}: {how} (stopOn)",
                    ctx.words(r.at)
                ));
            }
            return StepState {
                candidates: Vec::new(),
                auto: None,
                done: Some(Done {
                    reason: "stopped",
                    label: "Contact made",
                    until: None,
                }),
            };
        }
        if let Some(r) = refused {
            if ctx.explains() {
                explain.push(format!(
                    "step {:?} ({}) skipped: {} not allowed ({})",
                    step.id,
                    step.label,
                    step.channel.as_str(),
                    r.as_str()
                ));
            }
            close(ready, &mut reminders, &mut owed);
            anchor = ready;
            continue;
        }
        close(due_at, &mut reminders, &mut owed);
        if step.mode == Mode::Reminder {
            anchor = ready;
            reminders.push(cand);
            continue;
        }
        if ctx.explains() {
            explain.push(step_words(ctx, n, step, due_at));
        }
        ctx.note(due_at);
        ctx.note(cand.overdue_at.plus(1));
        let mut candidates = reminders;
        candidates.push(cand);
        return StepState {
            candidates,
            auto: first_auto(owed, auto),
            done: None,
        };
    }
    let auto = first_auto(owed, auto);
    if let Some(r) = reminders.last() {
        if ctx.explains() {
            explain.push(format!("reminder {:?} open", r.label.text(pb)));
        }
        return StepState {
            candidates: reminders,
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
    if ctx.explains() {
        explain.push(format!("all {} steps done", pb.steps.len()));
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

/// The automatic send to show the host: one still owed, else the next to come.
fn first_auto(owed: Option<Candidate>, next: Option<Candidate>) -> Option<Candidate> {
    owed.or(next)
}

fn step_words(ctx: &Ctx, n: usize, step: &Step, due: Instant) -> String {
    let how = match step.mode {
        Mode::Auto => "sent automatically",
        Mode::Manual => "a draft to review and send; the sequence waits for it",
        Mode::Action => "an activity; the sequence waits until it is done",
        Mode::Reminder => "a reminder; the sequence does not wait",
    };
    let what = match step.channel {
        StepChannel::Task => "task".to_string(),
        c => c.as_str().to_string(),
    };
    format!(
        "step {} of {}: {} ({what}, {how}) due {}",
        n + 1,
        ctx.playbook.steps.len(),
        step.label,
        ctx.words(due)
    )
}
