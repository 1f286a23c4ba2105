//! Playbooks: the plain data a team writes to describe its cadence, and the
//! validated form the engine runs.
//!
//! Every field but `name` is optional; unknown fields are errors. Defaults are
//! listed on [`Playbook`] and in `docs/playbooks.md`.

mod build;
mod campaign;
mod raw;
mod shape;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Channel;
use crate::region::Region;
pub use crate::reply::Keywords;
use crate::status::Status;
use crate::time::{Zone, HOUR};
use crate::window::{Cap, Window};
pub(crate) use raw::{ObjectOnly, Record};

/// The default reply time: 24 hours.
pub const DEFAULT_REPLY_WITHIN_MS: i64 = 24 * HOUR;
/// The default follow-up fraction of the time to the buying horizon.
pub const DEFAULT_FOLLOW_UP_FRACTION: f64 = 1.0 / 3.0;
/// The default display-name suffix after an SMS opt-out.
pub const DEFAULT_OPT_OUT_SUFFIX: &str = " - can't text";
/// The default stage after an SMS opt-out.
pub const DEFAULT_HOT_STAGE: &str = "Hot Leads";
/// The default priority boost after an SMS opt-out.
pub const DEFAULT_PRIORITY_BOOST: f64 = 10.0;

// ---------------------------------------------------------------- validated

/// The channel of a sequence step: a reachable channel or a `task`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StepChannel {
    /// Text.
    Sms,
    /// Email.
    Email,
    /// Phone call.
    Call,
    /// A to-do for the rep that touches nobody.
    Task,
}

impl StepChannel {
    /// The reachable channel, if any.
    pub fn channel(self) -> Option<Channel> {
        match self {
            StepChannel::Sms => Some(Channel::Sms),
            StepChannel::Email => Some(Channel::Email),
            StepChannel::Call => Some(Channel::Call),
            StepChannel::Task => None,
        }
    }

    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            StepChannel::Sms => "sms",
            StepChannel::Email => "email",
            StepChannel::Call => "call",
            StepChannel::Task => "task",
        }
    }
}

/// How a step is carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// Sent by the host automatically when due.
    Auto,
    /// A draft the rep reviews and sends; the contact waits until it is sent.
    Manual,
    /// An activity (e.g. a call); the contact waits until it is completed.
    Action,
    /// An activity that does not hold the sequence.
    Reminder,
}

impl Mode {
    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Auto => "auto",
            Mode::Manual => "manual",
            Mode::Action => "action",
            Mode::Reminder => "reminder",
        }
    }

    /// Whether the sequence waits for this step.
    pub fn blocks(self) -> bool {
        matches!(self, Mode::Manual | Mode::Action)
    }
}

/// What stops a step cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StopOn {
    /// Any inbound message that is not an opt-out or help keyword.
    Reply,
    /// A connected call.
    Connected,
    /// A sales outcome (saleInProgress, sold, noSale).
    Outcome,
}

impl StopOn {
    /// What happened, in words for `explain`.
    pub fn words(self) -> &'static str {
        match self {
            StopOn::Reply => "the customer replied",
            StopOn::Connected => "a call connected",
            StopOn::Outcome => "a sales outcome was logged",
        }
    }
}

/// When a step falls due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Delay {
    /// `day` calendar (or business) days after enrollment, at enrollment's local time.
    Day(i64),
    /// A duration after the previous step was done (or fell due, if it does not hold).
    After {
        /// Whole days (calendar or business).
        days: i64,
        /// Further milliseconds (hours and minutes).
        ms: i64,
    },
}

/// One step of a sequence or ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Unique id.
    pub id: String,
    /// What a rep calls it.
    pub label: String,
    /// Channel.
    pub channel: StepChannel,
    /// Mode.
    pub mode: Mode,
    /// Delay.
    pub delay: Delay,
    /// Count days as business days (skip Saturday, Sunday and holidays).
    pub business_days: bool,
}

/// One phase of a monthly campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    /// Id, e.g. `initiate`.
    pub id: String,
    /// Label, e.g. `Initiate`.
    pub label: String,
    /// First day of the month of this phase (1–28).
    pub from_day: u32,
    /// The attempt this phase is for (1st, 2nd, 3rd...).
    pub attempt: u32,
}

/// A monthly campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    /// Phases, by `from_day`.
    pub phases: Vec<Phase>,
    /// The medium of each attempt in turn (default text, call, text).
    pub channels: Vec<Channel>,
}

impl Campaign {
    /// The last attempt any phase asks for.
    pub fn max_attempt(&self) -> u32 {
        self.phases.iter().map(|p| p.attempt).max().unwrap_or(0)
    }
}

/// What an SMS opt-out does to a contact.
#[derive(Debug, Clone, PartialEq)]
pub struct OptOutRule {
    /// Appended to the display name (default `" - can't text"`).
    pub suffix: String,
    /// Stage the contact moves to (default `"Hot Leads"`).
    pub stage: String,
    /// Added to the priority (default 10).
    pub priority_boost: f64,
}

/// A validated playbook.
///
/// Defaults: `timeZone` none (the contact's, else every zone of the region:
/// docs/semantics.md); `region` none — when neither
/// `region` nor `window` is set, the US window applies; `replyWithin` 24 h;
/// `stopOn` `["reply","connected","outcome"]`; `followUpFraction` 1/3; `optOut`
/// `{suffix: " - can't text", stage: "Hot Leads", priorityBoost: 10}`;
/// `stickyStatuses` none; `holidays` none; `frequencyCap` none (regions bring theirs).
#[derive(Debug, Clone, PartialEq)]
pub struct Playbook {
    /// Name.
    pub name: String,
    /// Default zone for contacts without one.
    pub time_zone: Option<Zone>,
    /// Whether `time_zone` was named by its clock ("CST", "Central Standard
    /// Time": `zones::named_by_clock`): in a contact's region it is that
    /// region's zone of the clock, as a contact's own is
    /// (`context::loose_zone`).
    pub zone_by_clock: bool,
    /// Default region for contacts without one.
    pub region: Option<Region>,
    /// Custom contact window.
    pub window: Option<Window>,
    /// Monthly campaign, if this is one.
    pub campaign: Option<Campaign>,
    /// Steps, if this is a ladder or sequence.
    pub steps: Vec<Step>,
    /// Time to answer a customer's message.
    pub reply_within_ms: i64,
    /// What stops the steps.
    pub stop_on: Vec<StopOn>,
    /// Follow-up fraction of the time to the buying horizon.
    pub follow_up_fraction: f64,
    /// SMS opt-out handling.
    pub opt_out: OptOutRule,
    /// Statuses only another logged outcome replaces.
    pub sticky: Vec<Status>,
    /// Local dates that are not business days, in order, each once.
    pub holidays: Vec<NaiveDate>,
    /// Local dates with no calls or texts at all (a declared emergency, a day
    /// of mourning): the contact window is shut for the whole day.
    pub blackout_dates: Vec<NaiveDate>,
    /// The playbook's own cap.
    pub frequency_cap: Option<Cap>,
    /// Extra keywords.
    pub keywords: Keywords,
}

impl Playbook {
    /// Reads and validates a playbook from any serde deserializer: the first
    /// problem of shape, else every problem of value.
    ///
    /// # Errors
    /// An error naming the field path and what was expected.
    pub fn from_deserializer<'de, D>(d: D) -> Result<Playbook>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        let raw: raw::ObjectOnly<raw::RawPlaybook> =
            serde_path_to_error::deserialize(d).map_err(Error::from_path)?;
        build::build(raw.0)
    }

    /// Reads a playbook from JSON text, reporting every problem: each field
    /// and list element is read on its own when the shape is wrong, and every
    /// value is checked when it is right (the first problem is the error, the
    /// others are in [`Error::also`]). A key given twice in one object is a
    /// problem too.
    ///
    /// # Errors
    /// As [`Playbook::from_deserializer`], with every problem.
    pub fn from_json(text: &str) -> Result<Playbook> {
        // The text becomes a JSON value first, so that the typed reading is
        // compiled for one deserializer only (the value's), not for the
        // text's as well: a third of the package's code is this reading.
        let value = crate::json::value_of_text(text)?;
        if let Some(repeated) = crate::read::repeated_key(text) {
            return Err(repeated);
        }
        Self::from_value(&value)
    }

    /// Reads a playbook given as a JSON value, reporting every problem (as
    /// [`Playbook::from_json`]; a value cannot repeat a key).
    ///
    /// # Errors
    /// As [`Playbook::from_json`].
    pub fn from_value(value: &serde_json::Value) -> Result<Playbook> {
        match serde_path_to_error::deserialize::<_, raw::ObjectOnly<raw::RawPlaybook>>(value) {
            Ok(raw) => build::build(raw.0),
            Err(e) => {
                let first = Error::from_path(e);
                // In the order they are found: fields by name, items in
                // order ("steps[2]" before "steps[10]").
                let rest: Vec<Error> = shape::problems(value)
                    .into_iter()
                    .filter(|e| e.path != first.path)
                    .collect();
                Err(first.with_also(rest))
            }
        }
    }

    /// Whether `date` is a business day (Monday–Friday and not a holiday).
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        let wd = date.weekday().num_days_from_monday();
        wd < 5 && self.holidays.binary_search(&date).is_err()
    }
}

/// The names of the presets.
pub const PRESETS: [&str; 3] = ["monthly-campaign", "call-ladder", "sequence"];

/// A preset playbook as JSON text, ready to use or to edit.
pub fn preset_json(name: &str) -> Option<&'static str> {
    match name {
        "monthly-campaign" => Some(include_str!("../presets/monthly-campaign.json")),
        "call-ladder" => Some(include_str!("../presets/call-ladder.json")),
        "sequence" => Some(include_str!("../presets/sequence.json")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_validate() {
        for name in PRESETS {
            let text = preset_json(name).unwrap_or("");
            let p = Playbook::from_json(text);
            assert!(p.is_ok(), "{name}: {p:?}");
        }
    }

    #[test]
    fn errors_name_paths() {
        let e = Playbook::from_json(
            r#"{"name":"x","steps":[{"id":"a","channel":"call","mode":"auto"}]}"#,
        );
        assert_eq!(e.map_err(|e| e.path), Err("steps[0].channel".to_string()));
        let e = Playbook::from_json(r#"{"name":"x","colour":"red"}"#);
        assert_eq!(e.map_err(|e| e.path), Err("colour".to_string()));
        let e = Playbook::from_json(r#"{"name":"x","window":[{"from":"25:00","to":"02:00"}]}"#);
        assert_eq!(e.map_err(|e| e.path), Err("window[0].from".to_string()));
        let e = Playbook::from_json(r#"{"name":"x","holidays":["2026-02-30"]}"#);
        assert_eq!(e.map_err(|e| e.path), Err("holidays[0]".to_string()));
    }
}
