//! From the written shape to the validated playbook: every value checked,
//! defaults filled in, and every problem reported with its path.

use super::campaign::build_campaign;
use super::raw::{OneOrMany, RawBlock, RawCap, RawDuration, RawOptOut, RawPlaybook, RawStep};
use super::*;
use crate::error::{Error, Result};
use crate::model::Channel;
use crate::reply::Intent;
use crate::time::{parse_date, Zone, DAY, HOUR, MINUTE};
use crate::window::{block_from, Cap, CapSource, Window};

/// `v` as a whole number from `min` to `max`.
pub(super) fn whole(v: f64, path: &str, min: f64, max: f64) -> Result<i64> {
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

fn keyword_list(
    list: Option<Vec<String>>,
    path: &'static str,
    kind: crate::reply::Intent,
    seen: &mut Vec<(String, &'static str)>,
    p: &mut Problems,
) -> Vec<String> {
    let mut out = Vec::new();
    for (i, k) in list.unwrap_or_default().into_iter().enumerate() {
        let norm = crate::reply::normalize(&k);
        // A carrier's own word of another kind (START, HELP) is read as the
        // carrier's whatever the playbook says: a playbook that lists it
        // otherwise would have it silently never fire.
        let builtin = crate::reply::classify(&k);
        // (Also with more words the carrier reads the same way: "HELP 2",
        // "start please".)
        // (And a carrier's opt-out keyword as an opt-in or help word: the
        // opt-out wins. Words read as an opt-out phrase stay a revocation
        // in any list, as documented.)
        let clash = builtin.intent != kind
            && (matches!(builtin.intent, Intent::OptIn | Intent::Help)
                || builtin.matched == Some(crate::reply::Match::Exact));
        let twice = seen
            .iter()
            .find(|(w, at)| *w == norm && *at != path)
            .map(|(_, at)| *at);
        if norm.is_empty() {
            p.push(Error::playbook(
                format!("{path}[{i}]"),
                "expected a keyword with at least one letter or digit",
            ));
        } else if clash {
            p.push(Error::playbook(
                format!("{path}[{i}]"),
                format!(
                    "{k:?} is {}, read as one whatever a playbook lists it as",
                    match builtin.intent {
                        Intent::Help => "a carrier's help keyword",
                        Intent::OptIn => "a carrier's opt-in keyword",
                        _ => "a carrier's opt-out keyword",
                    }
                ),
            ));
        } else if let Some(other) = twice {
            p.push(Error::playbook(
                format!("{path}[{i}]"),
                format!("{k:?} is also in {other}: a word is one kind of keyword"),
            ));
        } else {
            seen.push((norm.clone(), path));
            out.push(norm);
        }
    }
    out
}

/// What is wrong with a step's or a phase's `id` among the `seen` before
/// it: empty, spaces or a mark that shows nothing at its edges (an event
/// names its step trimmed, a filter its phase: such an id would never be
/// carried out, nor found, and an automatic send sent again on every
/// pass), or used twice (two would count as one in the Worklist's facets).
pub(super) fn id_problem(id: &str, seen: &[String]) -> Option<String> {
    // (White space, and the marks that show nothing: zero-width spaces and
    // joiners, direction marks and isolates, the soft hyphen, the BOM.)
    fn invisible(c: char) -> bool {
        c.is_whitespace()
            || matches!(
                c,
                '\u{ad}'
                    | '\u{180e}'
                    | '\u{200b}'..='\u{200f}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2060}'..='\u{206f}'
                    | '\u{feff}'
            )
    }
    if id.trim().is_empty() {
        Some("expected a non-empty id".to_string())
    } else if id.trim_matches(invisible).len() != id.len() {
        Some(format!(
            "expected an id without spaces at its edges, got {id:?}"
        ))
    } else if seen.iter().any(|s| s == id) {
        Some(format!("expected a unique id, but {id:?} is used twice"))
    } else {
        None
    }
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
    pub(super) fn take<T>(&mut self, r: Result<T>) -> Option<T> {
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

/// The validated playbook, or every problem found (see [`Problems::finish`]).
pub(super) fn build(raw: RawPlaybook) -> Result<Playbook> {
    let mut p = Problems::default();
    if raw.name.trim().is_empty() {
        p.push(Error::playbook("name", "expected a non-empty name"));
    }
    // A zone named by its clock is the playbook region's zone of that clock
    // ("CST" in Saskatchewan is Regina's), and a contact's region's where
    // the contact has one (`context::Fallback::known`), as a contact's own is.
    let time_zone = match &raw.time_zone {
        Some(name) => p.take(Zone::parse(name).map_err(|e| e.under("timeZone"))),
        None => None,
    };
    let zone_by_clock = match (&raw.time_zone, time_zone) {
        (Some(name), Some(z)) => crate::zones::named_by_clock(name, z.name()),
        _ => false,
    };
    let time_zone = match zone_by_clock {
        true => time_zone.map(|z| crate::context::loose_zone(z, raw.region)),
        false => time_zone,
    };
    let window = raw.window.map(|w| {
        let lone = matches!(w, OneOrMany::One(_));
        build_window(w.into_vec(), lone, &mut p)
    });
    let campaign = raw.campaign.map(|c| build_campaign(c, &mut p));
    let steps = build_steps(raw.steps.unwrap_or_default(), &mut p);
    if campaign.is_some() && !steps.is_empty() {
        p.push(Error::playbook(
            "steps",
            "a playbook is either a monthly `campaign` or a list of `steps`, not both",
        ));
    }
    // The fields in the order their problems are reported.
    let playbook = Playbook {
        name: raw.name,
        time_zone,
        zone_by_clock,
        region: raw.region,
        window,
        campaign,
        steps,
        reply_within_ms: reply_within(raw.reply_within, &mut p),
        stop_on: raw
            .stop_on
            .unwrap_or_else(|| vec![StopOn::Reply, StopOn::Connected, StopOn::Outcome]),
        follow_up_fraction: follow_up_fraction(raw.follow_up_fraction, &mut p),
        opt_out: opt_out_rule(raw.opt_out, &mut p),
        sticky: sticky(raw.sticky_statuses.unwrap_or_default(), &mut p),
        holidays: dates(raw.holidays, "holidays", &mut p),
        blackout_dates: dates(raw.blackout_dates, "blackoutDates", &mut p),
        frequency_cap: raw.frequency_cap.and_then(|c| frequency_cap(c, &mut p)),
        keywords: raw
            .keywords
            .map(|k| {
                let mut seen = Vec::new();
                let s = &mut seen;
                Keywords {
                    opt_out: keyword_list(k.opt_out, "keywords.optOut", Intent::OptOut, s, &mut p),
                    opt_in: keyword_list(k.opt_in, "keywords.optIn", Intent::OptIn, s, &mut p),
                    help: keyword_list(k.help, "keywords.help", Intent::Help, s, &mut p),
                }
            })
            .unwrap_or_default(),
    };
    p.finish(playbook)
}

/// `window`: one block or several, at least one; a `lone` block (written
/// without its list) has its problems at `window.from`, as written.
fn build_window(blocks: Vec<RawBlock>, lone: bool, p: &mut Problems) -> Window {
    if blocks.is_empty() {
        p.push(Error::playbook("window", "expected at least one block"));
    }
    let mut out = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        let at = if lone {
            "window".to_string()
        } else {
            format!("window[{i}]")
        };
        let block = block_from(b.days.as_deref(), &b.from, &b.to)
            .map_err(|m| Error::playbook(format!("{at}.{m}"), "").split_message());
        out.extend(p.take(block));
    }
    Window { blocks: out }
}

/// The most steps a playbook may have: people write playbooks (a cadence
/// has tens of steps), and a thousand keeps the check of unique ids, a list,
/// well under a millisecond.
pub const MAX_STEPS: usize = 1000;

/// `steps`: each step checked, ids unique.
fn build_steps(raw: Vec<RawStep>, p: &mut Problems) -> Vec<Step> {
    if raw.len() > MAX_STEPS {
        p.push(Error::playbook(
            "steps",
            format!("expected at most {MAX_STEPS} steps, got {}", raw.len()),
        ));
        return Vec::new();
    }
    // (A list: a playbook has a few steps, and a set of strings would be
    // one more copy of a tree's code in the module.)
    let mut seen: Vec<String> = Vec::new();
    let mut steps = Vec::with_capacity(raw.len());
    for (i, s) in raw.into_iter().enumerate() {
        let path = format!("steps[{i}]");
        if let Some(problem) = id_problem(&s.id, &seen) {
            p.push(Error::playbook(format!("{path}.id"), problem));
        } else {
            seen.push(s.id.clone());
        }
        steps.push(build_step(s, &path, p));
    }
    steps
}

/// One step at `path`: a message mode needs a message channel, and the
/// delay is `day` or `after`, not both.
fn build_step(s: RawStep, path: &str, p: &mut Problems) -> Step {
    if matches!(s.mode, Mode::Auto | Mode::Manual)
        && !matches!(s.channel, StepChannel::Sms | StepChannel::Email)
    {
        p.push(Error::playbook(
            format!("{path}.channel"),
            format!(
                "{} step sends a message: expected \"sms\" or \"email\", got {:?}",
                if s.mode == Mode::Auto {
                    "an auto"
                } else {
                    "a manual"
                },
                s.channel.as_str()
            ),
        ));
    }
    let delay = match (s.day, &s.after) {
        (Some(_), Some(_)) => {
            p.push(Error::playbook(
                path,
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
    Step {
        id: s.id,
        label,
        channel: s.channel,
        mode: s.mode,
        delay: delay.unwrap_or(Delay::After { days: 0, ms: 0 }),
        business_days: s.business_days.unwrap_or(false),
    }
}

/// `replyWithin` in milliseconds: a duration greater than zero.
fn reply_within(raw: Option<RawDuration>, p: &mut Problems) -> i64 {
    let Some(d) = raw else {
        return DEFAULT_REPLY_WITHIN_MS;
    };
    match p.take(duration(&d, "replyWithin")) {
        Some((days, ms)) if days * DAY + ms > 0 => days * DAY + ms,
        Some(_) => {
            p.push(Error::playbook(
                "replyWithin",
                "expected a time greater than zero",
            ));
            DEFAULT_REPLY_WITHIN_MS
        }
        None => DEFAULT_REPLY_WITHIN_MS,
    }
}

/// `followUpFraction`: above 0, at most 1.
fn follow_up_fraction(raw: Option<f64>, p: &mut Problems) -> f64 {
    match raw {
        None => DEFAULT_FOLLOW_UP_FRACTION,
        Some(f) if f.is_finite() && f > 0.0 && f <= 1.0 => f,
        Some(f) => {
            p.push(Error::playbook(
                "followUpFraction",
                format!("expected a number greater than 0 and at most 1, got {f}"),
            ));
            DEFAULT_FOLLOW_UP_FRACTION
        }
    }
}

/// `optOut`: the suffix, the hot stage and its priority boost, defaults for
/// what is not given.
fn opt_out_rule(raw: Option<RawOptOut>, p: &mut Problems) -> OptOutRule {
    let Some(o) = raw else {
        return OptOutRule {
            suffix: DEFAULT_OPT_OUT_SUFFIX.into(),
            stage: DEFAULT_HOT_STAGE.into(),
            priority_boost: DEFAULT_PRIORITY_BOOST,
        };
    };
    let mut boost = o.priority_boost.unwrap_or(DEFAULT_PRIORITY_BOOST);
    if !boost.is_finite() || boost.abs() > 1e9 {
        p.push(Error::playbook(
            "optOut.priorityBoost",
            format!("expected a number from -1e9 to 1e9, got {boost}"),
        ));
        boost = DEFAULT_PRIORITY_BOOST;
    }
    OptOutRule {
        suffix: o.suffix.unwrap_or_else(|| DEFAULT_OPT_OUT_SUFFIX.into()),
        // (An empty stage is not given, as an empty label is.)
        stage: o
            .stage
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_HOT_STAGE.into()),
        priority_boost: boost,
    }
}

/// `stickyStatuses`: manual statuses only.
fn sticky(sticky: Vec<Status>, p: &mut Problems) -> Vec<Status> {
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
    sticky
}

/// A list of dates `YYYY-MM-DD` (`holidays`, `blackoutDates`), in order,
/// each once.
fn dates(list: Option<Vec<String>>, field: &str, p: &mut Problems) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for (i, h) in list.unwrap_or_default().iter().enumerate() {
        match parse_date(h) {
            Some(d) => {
                if let Err(at) = out.binary_search(&d) {
                    out.insert(at, d);
                }
            }
            None => p.push(Error::playbook(
                format!("{field}[{i}]"),
                format!("expected a date \"YYYY-MM-DD\", got {h:?}"),
            )),
        }
    }
    out
}

/// `frequencyCap`: at most `max` touches in `hours`, on its channels
/// (texts and calls unless given); `None` when a number is bad.
fn frequency_cap(c: RawCap, p: &mut Problems) -> Option<Cap> {
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
