//! Cadences: what to do next and when, for the three shapes of playbook.
//!
//! Each rule proposes a [`Candidate`]; the evaluation takes the one due first
//! (ties go to the earlier kind in [`Kind`] order). Every due time is placed
//! inside the contact window and under the caps by [`place`].
//!
//! The rules every shape runs (a reply owed, a callback, a follow-up) are in
//! `owed`; the monthly campaign's attempts in `campaign`; ladder and sequence
//! steps in `steps`; placing a time and choosing a channel, which all of them
//! do, in `place`.

mod campaign;
mod owed;
mod place;
mod steps;

use std::borrow::Cow;

use crate::model::Channel;
use crate::playbook::{Mode, Playbook};
use crate::time::Instant;

pub use campaign::{campaign, position, Position};
pub use owed::{callback, follow_up, follow_up_date, reply};
pub use place::{add_days, place, reaches, route, Reach};
pub use steps::{steps, StepState};

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
            Label::Attempt(n) => attempt_label(n),
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

/// The ordinal label of an attempt: "1st Attempt", "2nd Attempt", ...
/// (the first twelve without an allocation).
pub fn attempt_label(n: u32) -> Cow<'static, str> {
    const FIRST: [&str; 12] = [
        "1st Attempt",
        "2nd Attempt",
        "3rd Attempt",
        "4th Attempt",
        "5th Attempt",
        "6th Attempt",
        "7th Attempt",
        "8th Attempt",
        "9th Attempt",
        "10th Attempt",
        "11th Attempt",
        "12th Attempt",
    ];
    if let Some(l) = n.checked_sub(1).and_then(|i| FIRST.get(i as usize)) {
        return Cow::Borrowed(l);
    }
    let suffix = match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    };
    Cow::Owned(format!("{n}{suffix} Attempt"))
}
