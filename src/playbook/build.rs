//! From the written shape to the validated playbook: every value checked,
//! defaults filled in, and every problem reported with its path.

use std::collections::BTreeSet;

use super::raw::{RawCampaign, RawDuration, RawPlaybook};
use super::*;
use crate::error::{Error, Result};
use crate::model::Channel;
use crate::time::{parse_date, Zone, DAY, HOUR, MINUTE};
use crate::window::{block_from, Cap, CapSource, Window};

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

fn keyword_list(list: Option<Vec<String>>, path: &str, p: &mut Problems) -> Vec<String> {
    let mut out = Vec::new();
    for (i, k) in list.unwrap_or_default().into_iter().enumerate() {
        let norm = crate::reply::normalize(&k);
        if norm.is_empty() {
            p.push(Error::playbook(
                format!("{path}[{i}]"),
                "expected a keyword with at least one letter or digit",
            ));
        } else {
            out.push(norm);
        }
    }
    out
}

/// The problems found so far; checking goes on after one, so that a person
/// fixing a playbook sees every problem at once.
#[derive(Default)]
pub(super) struct Problems(Vec<Error>);

impl Problems {
    pub(super) fn push(&mut self, e: Error) {
        self.0.push(e);
    }

    /// The value, or `None` with its error kept.
    fn take<T>(&mut self, r: Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(e);
                None
            }
        }
    }

    /// `v` when no problem was found, else every problem (the first one with
    /// the others in [`Error::also`]).
    pub(super) fn finish<T>(self, v: T) -> Result<T> {
        let mut all = self.0.into_iter();
        match all.next() {
            None => Ok(v),
            Some(first) => Err(first.with_also(all.collect())),
        }
    }
}

pub(super) fn build(raw: RawPlaybook) -> Result<Playbook> {
    let mut p = Problems::default();
    if raw.name.trim().is_empty() {
        p.push(Error::playbook("name", "expected a non-empty name"));
    }
    let time_zone = match &raw.time_zone {
        Some(z) => p.take(Zone::parse(z).map_err(|e| e.under("timeZone"))),
        None => None,
    };
    let window = match raw.window {
        None => None,
        Some(blocks) => {
            let blocks = blocks.into_vec();
            if blocks.is_empty() {
                p.push(Error::playbook("window", "expected at least one block"));
            }
            let mut out = Vec::with_capacity(blocks.len());
            for (i, b) in blocks.iter().enumerate() {
                let block = block_from(b.days.as_deref(), &b.from, &b.to)
                    .map_err(|m| Error::playbook(format!("window[{i}].{m}"), "").split_message());
                out.extend(p.take(block));
            }
            Some(Window { blocks: out })
        }
    };
    let campaign = raw.campaign.map(|c| build_campaign(c, &mut p));
    let mut steps = Vec::new();
    if let Some(raw_steps) = raw.steps {
        let mut seen = BTreeSet::new();
        for (i, s) in raw_steps.into_iter().enumerate() {
            let path = format!("steps[{i}]");
            if s.id.trim().is_empty() {
                p.push(Error::playbook(
                    format!("{path}.id"),
                    "expected a non-empty id",
                ));
            } else if !seen.insert(s.id.clone()) {
                p.push(Error::playbook(
                    format!("{path}.id"),
                    format!("expected a unique id, but {:?} is used twice", s.id),
                ));
            }
            if matches!(s.mode, Mode::Auto | Mode::Manual)
                && !matches!(s.channel, StepChannel::Sms | StepChannel::Email)
            {
                p.push(Error::playbook(
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
                    p.push(Error::playbook(
                        path.clone(),
                        "expected either `day` or `after`, not both",
                    ));
                    None
                }
                (Some(d), None) => p
                    .take(whole(d, &format!("{path}.day"), 0.0, 3660.0))
                    .map(Delay::Day),
                (None, Some(a)) => p
                    .take(duration(a, &format!("{path}.after")))
                    .map(|(days, ms)| Delay::After { days, ms }),
                (None, None) => Some(Delay::After { days: 0, ms: 0 }),
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
                delay: delay.unwrap_or(Delay::After { days: 0, ms: 0 }),
                business_days: s.business_days.unwrap_or(false),
            });
        }
    }
    if campaign.is_some() && !steps.is_empty() {
        p.push(Error::playbook(
            "steps",
            "a playbook is either a monthly `campaign` or a list of `steps`, not both",
        ));
    }
    let reply_within_ms = match raw.reply_within {
        None => DEFAULT_REPLY_WITHIN_MS,
        Some(d) => match p.take(duration(&d, "replyWithin")) {
            Some((days, ms)) if days * DAY + ms > 0 => days * DAY + ms,
            Some(_) => {
                p.push(Error::playbook(
                    "replyWithin",
                    "expected a time greater than zero",
                ));
                DEFAULT_REPLY_WITHIN_MS
            }
            None => DEFAULT_REPLY_WITHIN_MS,
        },
    };
    let follow_up_fraction = match raw.follow_up_fraction {
        None => DEFAULT_FOLLOW_UP_FRACTION,
        Some(f) if f.is_finite() && f > 0.0 && f <= 1.0 => f,
        Some(f) => {
            p.push(Error::playbook(
                "followUpFraction",
                format!("expected a number greater than 0 and at most 1, got {f}"),
            ));
            DEFAULT_FOLLOW_UP_FRACTION
        }
    };
    let opt_out = match raw.opt_out {
        None => OptOutRule {
            suffix: DEFAULT_OPT_OUT_SUFFIX.into(),
            stage: DEFAULT_HOT_STAGE.into(),
            priority_boost: DEFAULT_PRIORITY_BOOST,
        },
        Some(o) => {
            let mut boost = o.priority_boost.unwrap_or(DEFAULT_PRIORITY_BOOST);
            if !boost.is_finite() || boost.abs() > 1e9 {
                p.push(Error::playbook(
                    "optOut.priorityBoost",
                    format!("expected a finite number, got {boost}"),
                ));
                boost = DEFAULT_PRIORITY_BOOST;
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
            p.push(Error::playbook(
                format!("stickyStatuses[{i}]"),
                format!(
                    "expected a manual status (a logged outcome), got {:?}, which is automatic",
                    s.id()
                ),
            ));
        }
    }
    let mut dates = |list: Option<Vec<String>>, field: &str| -> BTreeSet<NaiveDate> {
        let mut out = BTreeSet::new();
        for (i, h) in list.unwrap_or_default().iter().enumerate() {
            match parse_date(h) {
                Some(d) => {
                    out.insert(d);
                }
                None => p.push(Error::playbook(
                    format!("{field}[{i}]"),
                    format!("expected a date \"YYYY-MM-DD\", got {h:?}"),
                )),
            }
        }
        out
    };
    let holidays = dates(raw.holidays, "holidays");
    let blackout_dates = dates(raw.blackout_dates, "blackoutDates")
        .into_iter()
        .collect();
    let frequency_cap = raw.frequency_cap.and_then(|c| {
        let max = p.take(whole(c.max, "frequencyCap.max", 1.0, 1000.0));
        let hours = p.take(whole(c.hours, "frequencyCap.hours", 1.0, 24.0 * 366.0));
        let channels = c
            .channels
            .unwrap_or_else(|| vec![Channel::Sms, Channel::Call]);
        if channels.is_empty() {
            p.push(Error::playbook(
                "frequencyCap.channels",
                "expected at least one channel",
            ));
        }
        Some(Cap {
            max: u32::try_from(max?).unwrap_or(1),
            period_ms: hours? * HOUR,
            channels,
            source: CapSource::Playbook,
        })
    });
    let keywords = match raw.keywords {
        None => Keywords::default(),
        Some(k) => Keywords {
            opt_out: keyword_list(k.opt_out, "keywords.optOut", &mut p),
            opt_in: keyword_list(k.opt_in, "keywords.optIn", &mut p),
            help: keyword_list(k.help, "keywords.help", &mut p),
        },
    };
    p.finish(Playbook {
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

fn build_campaign(c: RawCampaign, problems: &mut Problems) -> Campaign {
    let p = problems;
    if let Some(period) = &c.period {
        if period != "month" {
            p.push(Error::playbook(
                "campaign.period",
                format!("expected \"month\", got {period:?}"),
            ));
        }
    }
    let phases = match c.phases {
        None => default_phases(),
        Some(raw) => {
            if raw.is_empty() {
                p.push(Error::playbook(
                    "campaign.phases",
                    "expected at least one phase",
                ));
            }
            let mut out: Vec<Phase> = Vec::with_capacity(raw.len());
            for (i, ph) in raw.into_iter().enumerate() {
                let path = format!("campaign.phases[{i}]");
                let from_day = p.take(whole(ph.from_day, &format!("{path}.fromDay"), 1.0, 28.0));
                let attempt = p.take(whole(ph.attempt, &format!("{path}.attempt"), 1.0, 31.0));
                if ph.id.trim().is_empty() {
                    p.push(Error::playbook(
                        format!("{path}.id"),
                        "expected a non-empty id",
                    ));
                }
                let (Some(from_day), Some(attempt)) = (from_day, attempt) else {
                    continue;
                };
                let (from_day, attempt) = (from_day as u32, attempt as u32);
                match out.last() {
                    None if from_day != 1 => p.push(Error::playbook(
                        format!("{path}.fromDay"),
                        "the first phase must start on day 1",
                    )),
                    Some(prev) if from_day <= prev.from_day => p.push(Error::playbook(
                        format!("{path}.fromDay"),
                        format!(
                            "expected a day after the previous phase's {}, got {from_day}",
                            prev.from_day
                        ),
                    )),
                    Some(prev) if attempt < prev.attempt => p.push(Error::playbook(
                        format!("{path}.attempt"),
                        format!(
                            "expected an attempt no lower than the previous phase's {}, got {attempt}",
                            prev.attempt
                        ),
                    )),
                    _ => {}
                }
                let label = ph.label.unwrap_or_else(|| ph.id.clone());
                out.push(Phase {
                    id: ph.id,
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
        p.push(Error::playbook(
            "campaign.channels",
            "expected at least one channel",
        ));
    }
    Campaign { phases, channels }
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
