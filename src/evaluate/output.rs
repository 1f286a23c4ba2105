//! The `Evaluation` object of the JavaScript contract and the objects inside
//! it, as they are serialized: field names in camelCase, times as RFC 3339
//! stamps with the contact's offset.

use serde::Serialize;

use crate::explain::Explain;
use crate::model::{Channel, ContactId};
use crate::status::{Status, StatusSource};
use crate::time::{Instant, Stamp};

/// The evaluation of one contact at one time.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    /// The contact's id, as given.
    pub id: ContactId,
    /// Status id.
    pub status: Status,
    /// Status label.
    pub status_label: &'static str,
    /// `automatic` or `manual`.
    pub status_source: StatusSource,
    /// The next action for a person, or `null`.
    pub next: Option<NextOut>,
    /// The next automatic send (an `auto` step) for the host's sender, or `null`.
    pub next_auto: Option<AutoOut>,
    /// Why the cadence has nothing more to do, or `null`.
    pub done: Option<DoneOut>,
    /// May each channel be used now.
    pub channels: Channels,
    /// The name to show (with the opt-out suffix when texting is blocked).
    pub display_name: String,
    /// The stage after an SMS opt-out (`"Hot Leads"`), else `null`.
    pub stage: Option<String>,
    /// Work priority: base plus boosts (higher first).
    pub priority: f64,
    /// The follow-up date (callback, else horizon follow-up), or `null`.
    pub follow_up_at: Option<Stamp>,
    /// The monthly campaign position, or `null` for other playbooks.
    pub campaign: Option<CampaignOut>,
    /// The rules that fired, in words.
    pub explain: Explain,
    /// Past touches that broke a rule.
    pub violations: Vec<ViolationOut>,
    /// The DNDs in force per channel.
    pub dnd: DndOut,
    /// The SMS opt-out in force, if any (for review of phrase matches).
    pub opt_out: Option<OptOutOut>,
    /// The IANA zone the contact's local times are in.
    pub time_zone: &'static str,
    /// Where `time_zone` comes from: `contact`, `playbook` or `region` (the
    /// contact's zone is unknown: its region's principal zone, and a time is
    /// inside the window only when it is in every zone of the region).
    pub time_zone_source: &'static str,
    /// The earliest time after `now` at which this evaluation can change if no
    /// new event arrives (a server re-evaluates then), or `null` when never.
    pub valid_until: Option<Stamp>,
    /// The due time of `next`, as an instant (for ordering).
    #[serde(skip)]
    pub due_ms: Option<Instant>,
}

/// The next action.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextOut {
    /// `attempt`, `step`, `reply`, `callback`, `followUp` or `confirmOptOut`.
    pub kind: &'static str,
    /// As a rep says it.
    pub label: String,
    /// The attempt number (campaign attempts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u32>,
    /// `sms`, `call`, `email`, or `task`.
    pub channel: &'static str,
    /// `auto`, `manual`, `action` or `reminder`.
    pub mode: &'static str,
    /// The step id (ladder and sequence steps).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step_id: Option<String>,
    /// When it is due; for `reply` and `confirmOptOut`, the deadline.
    pub due_at: Stamp,
    /// Whether it can and should be done now.
    pub due: bool,
    /// Whether it is late.
    pub overdue: bool,
    /// When it becomes late.
    pub overdue_at: Stamp,
    /// Whether the cadence waits for it.
    pub blocking: bool,
}

/// The next automatic send.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoOut {
    /// The step's label.
    pub label: String,
    /// `sms` or `email`.
    pub channel: &'static str,
    /// The step id.
    pub step_id: String,
    /// When it falls due.
    pub due_at: Stamp,
    /// Whether the sender should send it now.
    pub due: bool,
}

/// Why nothing more is to do.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoneOut {
    /// `complete`, `stopped`, `reached`, `attemptsComplete` or `noChannel`.
    pub reason: &'static str,
    /// In words.
    pub label: String,
    /// When the cadence starts again, if it does (monthly campaign).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Stamp>,
}

/// One channel's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChannelOut {
    /// May it be used.
    pub allowed: bool,
    /// `dnd`, `quietHours`, `frequencyCap` or `wrongNumber`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// When it will be allowed; absent when allowed, and while a DND or
    /// wrong number lasts (no time is known: `nextAllowedAt?` in the
    /// contract).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_allowed_at: Option<Stamp>,
}

/// The three channels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Channels {
    /// Texts.
    pub sms: ChannelOut,
    /// Calls.
    pub call: ChannelOut,
    /// Email.
    pub email: ChannelOut,
}

impl Channels {
    /// The answer for one channel.
    pub fn get(&self, c: Channel) -> &ChannelOut {
        match c {
            Channel::Sms => &self.sms,
            Channel::Call => &self.call,
            Channel::Email => &self.email,
        }
    }
}

/// The campaign position.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CampaignOut {
    /// `YYYY-MM` in the contact's zone.
    pub period: String,
    /// Phase id.
    pub phase: String,
    /// Phase label.
    pub phase_label: String,
    /// When the phase ends.
    pub phase_ends_at: Stamp,
}

/// A violation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViolationOut {
    /// When.
    pub at: Stamp,
    /// Channel.
    pub channel: &'static str,
    /// Rule id.
    pub rule: &'static str,
    /// Index of the event in the contact's `events`.
    pub event: usize,
    /// In words.
    pub message: String,
}

/// One DND in force.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DndInfo {
    /// Since when.
    pub since: Stamp,
    /// `keyword`, `manual`, `unsubscribe`, `bounce` or `complaint`.
    pub reason: crate::model::DndSource,
    /// Index of the event that set it.
    pub event: usize,
}

/// DNDs per channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DndOut {
    /// Texts.
    pub sms: Option<DndInfo>,
    /// Calls.
    pub call: Option<DndInfo>,
    /// Email.
    pub email: Option<DndInfo>,
    /// Every channel.
    pub all: Option<DndInfo>,
}

/// The SMS opt-out in force.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptOutOut {
    /// When.
    pub at: Stamp,
    /// Keyword or phrase.
    pub keyword: String,
    /// `exact` or `phrase` (review phrase matches).
    #[serde(rename = "match")]
    pub matched: &'static str,
    /// `channel` or `all`.
    pub scope: &'static str,
    /// The channels it revokes (`["sms"]`, `["sms", "call"]`, ...).
    pub channels: crate::reply::Revoked,
    /// Index of the event.
    pub event: usize,
    /// When the one confirmation text went out, or `null`.
    pub confirmed_at: Option<Stamp>,
}

impl Evaluation {
    /// [`Evaluation::valid_until`] as epoch milliseconds (`i64::MAX` for never).
    pub fn valid_until_ms(&self) -> i64 {
        self.valid_until.map_or(i64::MAX, |s| s.at.0)
    }
}
