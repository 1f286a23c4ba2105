//! Playbooks: the plain data a team writes to describe its cadence, and the
//! validated form the engine runs.
//!
//! Every field but `name` is optional; unknown fields are errors. Defaults are
//! listed on [`Playbook`] and in `docs/playbooks.md`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Channel;
use crate::region::Region;
use crate::status::Status;
use crate::time::{parse_date, Zone, DAY, HOUR, MINUTE};
use crate::window::{block_from, Cap, CapSource, Window};

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

// ---------------------------------------------------------------- raw shape

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawPlaybook {
    name: String,
    time_zone: Option<String>,
    region: Option<Region>,
    window: Option<OneOrMany<RawBlock>>,
    campaign: Option<RawCampaign>,
    steps: Option<Vec<RawStep>>,
    reply_within: Option<RawDuration>,
    stop_on: Option<Vec<StopOn>>,
    follow_up_fraction: Option<f64>,
    opt_out: Option<RawOptOut>,
    sticky_statuses: Option<Vec<Status>>,
    holidays: Option<Vec<String>>,
    blackout_dates: Option<Vec<String>>,
    frequency_cap: Option<RawCap>,
    keywords: Option<RawKeywords>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawBlock {
    days: Option<Vec<String>>,
    #[serde(alias = "start")]
    from: String,
    #[serde(alias = "end")]
    to: String,
}

/// A list, or a single item standing for a list of one (a window of one block
/// may be written as that block).
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a block {days?, from, to} or a list of them")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                Vec::<T>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(OneOrMany::Many)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(OneOrMany::One)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawCampaign {
    period: Option<String>,
    phases: Option<Vec<RawPhase>>,
    channels: Option<Vec<Channel>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawPhase {
    id: String,
    label: Option<String>,
    from_day: f64,
    attempt: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawStep {
    id: String,
    label: Option<String>,
    channel: StepChannel,
    mode: Mode,
    day: Option<f64>,
    after: Option<RawDuration>,
    business_days: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawDuration {
    days: Option<f64>,
    hours: Option<f64>,
    minutes: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawOptOut {
    suffix: Option<String>,
    stage: Option<String>,
    priority_boost: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawCap {
    max: f64,
    hours: f64,
    channels: Option<Vec<Channel>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawKeywords {
    opt_out: Option<Vec<String>>,
    opt_in: Option<Vec<String>>,
    help: Option<Vec<String>>,
}

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

/// Extra keywords of a playbook, upper-cased.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keywords {
    /// Extra opt-out keywords.
    pub opt_out: Vec<String>,
    /// Extra opt-in keywords.
    pub opt_in: Vec<String>,
    /// Extra help keywords.
    pub help: Vec<String>,
}

/// A validated playbook.
///
/// Defaults: `timeZone` none (the contact's, else UTC); `region` none — when neither
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
    /// Local dates that are not business days.
    pub holidays: BTreeSet<NaiveDate>,
    /// Local dates with no calls or texts at all (a declared emergency, a day
    /// of mourning): the contact window is shut for the whole day.
    pub blackout_dates: Vec<NaiveDate>,
    /// The playbook's own cap.
    pub frequency_cap: Option<Cap>,
    /// Extra keywords.
    pub keywords: Keywords,
}

impl Playbook {
    /// Reads and validates a playbook from any serde deserializer.
    ///
    /// # Errors
    /// An error naming the field path and what was expected.
    pub fn from_deserializer<'de, D>(d: D) -> Result<Playbook>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        let raw: crate::input::ObjectOnly<RawPlaybook> =
            serde_path_to_error::deserialize(d).map_err(Error::from_path)?;
        build(raw.0)
    }

    /// Reads a playbook from JSON text.
    ///
    /// # Errors
    /// As [`Playbook::from_deserializer`].
    pub fn from_json(text: &str) -> Result<Playbook> {
        let mut de = serde_json::Deserializer::from_str(text);
        let p = Self::from_deserializer(&mut de)?;
        de.end().map_err(|e| Error::input("", e.to_string()))?;
        Ok(p)
    }

    /// Whether `date` is a business day (Monday–Friday and not a holiday).
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        let wd = date.weekday().num_days_from_monday();
        wd < 5 && !self.holidays.contains(&date)
    }
}

fn whole(v: f64, path: &str, min: f64, max: f64) -> Result<i64> {
    if !v.is_finite() || v.fract() != 0.0 || v < min || v > max {
        return Err(Error::playbook(
            path,
            format!("expected a whole number from {min} to {max}, got {v}"),
        ));
    }
    Ok(v as i64)
}

fn duration(d: &RawDuration, path: &str) -> Result<(i64, i64)> {
    let days = whole(d.days.unwrap_or(0.0), &format!("{path}.days"), 0.0, 3660.0)?;
    let hours = whole(
        d.hours.unwrap_or(0.0),
        &format!("{path}.hours"),
        0.0,
        24.0 * 3660.0,
    )?;
    let minutes = whole(
        d.minutes.unwrap_or(0.0),
        &format!("{path}.minutes"),
        0.0,
        60.0 * 24.0 * 3660.0,
    )?;
    Ok((days, hours * HOUR + minutes * MINUTE))
}

fn default_label(channel: StepChannel, mode: Mode) -> &'static str {
    match (mode, channel) {
        (Mode::Auto, StepChannel::Sms) => "Auto Text",
        (Mode::Auto, _) => "Auto Email",
        (Mode::Manual, StepChannel::Sms) => "Manual Text",
        (Mode::Manual, _) => "Manual Email",
        (Mode::Action, StepChannel::Call) => "Call",
        (Mode::Action, StepChannel::Sms) => "Text",
        (Mode::Action, StepChannel::Email) => "Email",
        (Mode::Action, StepChannel::Task) => "Task",
        (Mode::Reminder, _) => "Reminder",
    }
}

fn keyword_list(list: Option<Vec<String>>, path: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (i, k) in list.unwrap_or_default().into_iter().enumerate() {
        let norm = crate::reply::normalize(&k);
        if norm.is_empty() {
            return Err(Error::playbook(
                format!("{path}[{i}]"),
                "expected a keyword with at least one letter or digit",
            ));
        }
        out.push(norm);
    }
    Ok(out)
}

fn build(raw: RawPlaybook) -> Result<Playbook> {
    if raw.name.trim().is_empty() {
        return Err(Error::playbook("name", "expected a non-empty name"));
    }
    let time_zone = match &raw.time_zone {
        Some(z) => Some(Zone::parse(z).map_err(|e| e.under("timeZone"))?),
        None => None,
    };
    let window = match raw.window {
        None => None,
        Some(blocks) => {
            let blocks = blocks.into_vec();
            if blocks.is_empty() {
                return Err(Error::playbook("window", "expected at least one block"));
            }
            let mut out = Vec::with_capacity(blocks.len());
            for (i, b) in blocks.iter().enumerate() {
                let block = block_from(b.days.as_deref(), &b.from, &b.to)
                    .map_err(|m| Error::playbook(format!("window[{i}].{m}"), "").split_message())?;
                out.push(block);
            }
            Some(Window { blocks: out })
        }
    };
    let campaign = match raw.campaign {
        None => None,
        Some(c) => Some(build_campaign(c)?),
    };
    let mut steps = Vec::new();
    if let Some(raw_steps) = raw.steps {
        let mut seen = BTreeSet::new();
        for (i, s) in raw_steps.into_iter().enumerate() {
            let path = format!("steps[{i}]");
            if s.id.trim().is_empty() {
                return Err(Error::playbook(
                    format!("{path}.id"),
                    "expected a non-empty id",
                ));
            }
            if !seen.insert(s.id.clone()) {
                return Err(Error::playbook(
                    format!("{path}.id"),
                    format!("expected a unique id, but {:?} is used twice", s.id),
                ));
            }
            if matches!(s.mode, Mode::Auto | Mode::Manual)
                && !matches!(s.channel, StepChannel::Sms | StepChannel::Email)
            {
                return Err(Error::playbook(
                    format!("{path}.channel"),
                    format!(
                        "a {} step sends a message: expected \"sms\" or \"email\", got {:?}",
                        s.mode.as_str(),
                        s.channel.as_str()
                    ),
                ));
            }
            let delay = match (s.day, &s.after) {
                (Some(_), Some(_)) => {
                    return Err(Error::playbook(
                        path,
                        "expected either `day` or `after`, not both",
                    ))
                }
                (Some(d), None) => Delay::Day(whole(d, &format!("{path}.day"), 0.0, 3660.0)?),
                (None, Some(a)) => {
                    let (days, ms) = duration(a, &format!("{path}.after"))?;
                    Delay::After { days, ms }
                }
                (None, None) => Delay::After { days: 0, ms: 0 },
            };
            let label = match s.label {
                Some(l) if !l.trim().is_empty() => l,
                _ => default_label(s.channel, s.mode).to_string(),
            };
            steps.push(Step {
                id: s.id,
                label,
                channel: s.channel,
                mode: s.mode,
                delay,
                business_days: s.business_days.unwrap_or(false),
            });
        }
    }
    if campaign.is_some() && !steps.is_empty() {
        return Err(Error::playbook(
            "steps",
            "a playbook is either a monthly `campaign` or a list of `steps`, not both",
        ));
    }
    let reply_within_ms = match raw.reply_within {
        None => DEFAULT_REPLY_WITHIN_MS,
        Some(d) => {
            let (days, ms) = duration(&d, "replyWithin")?;
            let total = days * DAY + ms;
            if total <= 0 {
                return Err(Error::playbook(
                    "replyWithin",
                    "expected a time greater than zero",
                ));
            }
            total
        }
    };
    let follow_up_fraction = match raw.follow_up_fraction {
        None => DEFAULT_FOLLOW_UP_FRACTION,
        Some(f) if f.is_finite() && f > 0.0 && f <= 1.0 => f,
        Some(f) => {
            return Err(Error::playbook(
                "followUpFraction",
                format!("expected a number greater than 0 and at most 1, got {f}"),
            ))
        }
    };
    let opt_out = match raw.opt_out {
        None => OptOutRule {
            suffix: DEFAULT_OPT_OUT_SUFFIX.into(),
            stage: DEFAULT_HOT_STAGE.into(),
            priority_boost: DEFAULT_PRIORITY_BOOST,
        },
        Some(o) => {
            let boost = o.priority_boost.unwrap_or(DEFAULT_PRIORITY_BOOST);
            if !boost.is_finite() || boost.abs() > 1e9 {
                return Err(Error::playbook(
                    "optOut.priorityBoost",
                    format!("expected a finite number, got {boost}"),
                ));
            }
            OptOutRule {
                suffix: o.suffix.unwrap_or_else(|| DEFAULT_OPT_OUT_SUFFIX.into()),
                stage: o.stage.unwrap_or_else(|| DEFAULT_HOT_STAGE.into()),
                priority_boost: boost,
            }
        }
    };
    let sticky = raw.sticky_statuses.unwrap_or_default();
    for (i, s) in sticky.iter().enumerate() {
        if !s.is_manual() {
            return Err(Error::playbook(
                format!("stickyStatuses[{i}]"),
                format!(
                    "expected a manual status (a logged outcome), got {:?}, which is automatic",
                    s.id()
                ),
            ));
        }
    }
    let dates = |list: Option<Vec<String>>, field: &str| -> Result<BTreeSet<NaiveDate>> {
        let mut out = BTreeSet::new();
        for (i, h) in list.unwrap_or_default().iter().enumerate() {
            let d = parse_date(h).ok_or_else(|| {
                Error::playbook(
                    format!("{field}[{i}]"),
                    format!("expected a date \"YYYY-MM-DD\", got {h:?}"),
                )
            })?;
            out.insert(d);
        }
        Ok(out)
    };
    let holidays = dates(raw.holidays, "holidays")?;
    let blackout_dates = dates(raw.blackout_dates, "blackoutDates")?
        .into_iter()
        .collect();
    let frequency_cap = match raw.frequency_cap {
        None => None,
        Some(c) => {
            let max = whole(c.max, "frequencyCap.max", 1.0, 1000.0)?;
            let hours = whole(c.hours, "frequencyCap.hours", 1.0, 24.0 * 366.0)?;
            let channels = c
                .channels
                .unwrap_or_else(|| vec![Channel::Sms, Channel::Call]);
            if channels.is_empty() {
                return Err(Error::playbook(
                    "frequencyCap.channels",
                    "expected at least one channel",
                ));
            }
            Some(Cap {
                max: u32::try_from(max).unwrap_or(1),
                period_ms: hours * HOUR,
                channels,
                source: CapSource::Playbook,
            })
        }
    };
    let keywords = match raw.keywords {
        None => Keywords::default(),
        Some(k) => Keywords {
            opt_out: keyword_list(k.opt_out, "keywords.optOut")?,
            opt_in: keyword_list(k.opt_in, "keywords.optIn")?,
            help: keyword_list(k.help, "keywords.help")?,
        },
    };
    Ok(Playbook {
        name: raw.name,
        time_zone,
        region: raw.region,
        window,
        campaign,
        steps,
        reply_within_ms,
        stop_on: raw
            .stop_on
            .unwrap_or_else(|| vec![StopOn::Reply, StopOn::Connected, StopOn::Outcome]),
        follow_up_fraction,
        opt_out,
        sticky,
        holidays,
        blackout_dates,
        frequency_cap,
        keywords,
    })
}

fn build_campaign(c: RawCampaign) -> Result<Campaign> {
    if let Some(p) = &c.period {
        if p != "month" {
            return Err(Error::playbook(
                "campaign.period",
                format!("expected \"month\", got {p:?}"),
            ));
        }
    }
    let phases = match c.phases {
        None => default_phases(),
        Some(raw) => {
            if raw.is_empty() {
                return Err(Error::playbook(
                    "campaign.phases",
                    "expected at least one phase",
                ));
            }
            let mut out: Vec<Phase> = Vec::with_capacity(raw.len());
            for (i, p) in raw.into_iter().enumerate() {
                let path = format!("campaign.phases[{i}]");
                let from_day = whole(p.from_day, &format!("{path}.fromDay"), 1.0, 28.0)? as u32;
                let attempt = whole(p.attempt, &format!("{path}.attempt"), 1.0, 31.0)? as u32;
                match out.last() {
                    None if from_day != 1 => {
                        return Err(Error::playbook(
                            format!("{path}.fromDay"),
                            "the first phase must start on day 1",
                        ))
                    }
                    Some(prev) if from_day <= prev.from_day => {
                        return Err(Error::playbook(
                            format!("{path}.fromDay"),
                            format!(
                                "expected a day after the previous phase's {}, got {from_day}",
                                prev.from_day
                            ),
                        ))
                    }
                    Some(prev) if attempt < prev.attempt => {
                        return Err(Error::playbook(
                            format!("{path}.attempt"),
                            format!(
                                "expected an attempt no lower than the previous phase's {}, got {attempt}",
                                prev.attempt
                            ),
                        ))
                    }
                    _ => {}
                }
                if p.id.trim().is_empty() {
                    return Err(Error::playbook(
                        format!("{path}.id"),
                        "expected a non-empty id",
                    ));
                }
                let label = p.label.unwrap_or_else(|| p.id.clone());
                out.push(Phase {
                    id: p.id,
                    label,
                    from_day,
                    attempt,
                });
            }
            out
        }
    };
    let channels = c
        .channels
        .unwrap_or_else(|| vec![Channel::Sms, Channel::Call, Channel::Sms]);
    if channels.is_empty() {
        return Err(Error::playbook(
            "campaign.channels",
            "expected at least one channel",
        ));
    }
    Ok(Campaign { phases, channels })
}

fn default_phases() -> Vec<Phase> {
    let p = |id: &str, label: &str, from_day, attempt| Phase {
        id: id.into(),
        label: label.into(),
        from_day,
        attempt,
    };
    vec![
        p("initiate", "Initiate", 1, 1),
        p("followUp", "Follow Up", 11, 2),
        p("closeTheLoop", "Close the Loop", 21, 3),
    ]
}

impl Error {
    /// For window blocks: the helper returns "field: message" text; split it into
    /// path and message.
    fn split_message(mut self) -> Error {
        if let Some((path, msg)) = self.path.clone().split_once(": ") {
            self.path = path.to_string();
            self.message = msg.to_string();
        }
        self
    }
}

/// The names of the presets.
pub const PRESETS: [&str; 3] = ["monthly-campaign", "call-ladder", "sequence"];

/// A preset playbook as JSON text, ready to use or to edit.
pub fn preset_json(name: &str) -> Option<&'static str> {
    match name {
        "monthly-campaign" => Some(include_str!("presets/monthly-campaign.json")),
        "call-ladder" => Some(include_str!("presets/call-ladder.json")),
        "sequence" => Some(include_str!("presets/sequence.json")),
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
