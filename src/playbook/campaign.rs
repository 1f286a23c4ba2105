//! A monthly campaign from its written shape: phases in order of their first
//! day, attempts that never go down, and the channels it rotates through.

use super::build::{whole, Problems};
use super::raw::{RawCampaign, RawPhase};
use super::{Campaign, Phase};
use crate::error::Error;
use crate::model::Channel;

/// `campaign`: a monthly campaign's phases (the default three when not
/// given) and its channels, each checked.
pub(super) fn build_campaign(c: RawCampaign, problems: &mut Problems) -> Campaign {
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
        Some(raw) => phases(raw, p),
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

/// `campaign.phases`: each phase's id, first day and attempt checked, and
/// their order (day 1 first, days rising, attempts never going down).
fn phases(raw: Vec<RawPhase>, p: &mut Problems) -> Vec<Phase> {
    if raw.is_empty() {
        p.push(Error::playbook(
            "campaign.phases",
            "expected at least one phase",
        ));
    }
    let mut out: Vec<Phase> = Vec::with_capacity(raw.len());
    // Every phase's id, and the previous phase's day and attempt where they
    // are good: a bad value in one phase neither hides the others' problems
    // nor makes them up (each phase is compared with the one before it).
    let mut ids: Vec<String> = Vec::with_capacity(raw.len());
    let mut prev: Option<(Option<u32>, Option<u32>)> = None;
    for (i, ph) in raw.into_iter().enumerate() {
        let path = format!("campaign.phases[{i}]");
        let from_day = p
            .take(whole(ph.from_day, &format!("{path}.fromDay"), 1.0, 28.0))
            .map(|d| d as u32);
        let attempt = p
            .take(whole(ph.attempt, &format!("{path}.attempt"), 1.0, 31.0))
            .map(|a| a as u32);
        if let Some(problem) = super::build::id_problem(&ph.id, &ids) {
            p.push(Error::playbook(format!("{path}.id"), problem));
        }
        ids.push(ph.id.clone());
        check_order(&path, from_day, attempt, prev, p);
        prev = Some((from_day, attempt));
        let (Some(from_day), Some(attempt)) = (from_day, attempt) else {
            continue;
        };
        let label = ph
            .label
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| ph.id.clone());
        out.push(Phase {
            id: ph.id,
            label,
            from_day,
            attempt,
        });
    }
    out
}

/// A phase after `prev` (its day and attempt where good; none for the
/// first): it starts on day 1 when first, else after `prev`'s day, and its
/// attempt is no lower.
fn check_order(
    path: &str,
    from_day: Option<u32>,
    attempt: Option<u32>,
    prev: Option<(Option<u32>, Option<u32>)>,
    p: &mut Problems,
) {
    let Some((prev_day, prev_attempt)) = prev else {
        if from_day.is_some_and(|d| d != 1) {
            p.push(Error::playbook(
                format!("{path}.fromDay"),
                "the first phase must start on day 1",
            ));
        }
        return;
    };
    if let (Some(d), Some(pd)) = (from_day, prev_day) {
        if d <= pd {
            p.push(Error::playbook(
                format!("{path}.fromDay"),
                format!("expected a day after the previous phase's {pd}, got {d}"),
            ));
        }
    }
    if let (Some(a), Some(pa)) = (attempt, prev_attempt) {
        if a < pa {
            p.push(Error::playbook(
                format!("{path}.attempt"),
                format!("expected an attempt no lower than the previous phase's {pa}, got {a}"),
            ));
        }
    }
}

/// Initiate from day 1, Follow Up from day 11, Close the Loop from day 21.
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
