//! One contact's evaluation: status, next action, consent per channel, and the
//! rest of the `Evaluation` object of the JavaScript contract.

use serde::Serialize;

use crate::cadence::{self, ActChannel, Candidate, Done, Kind};
use crate::consent::{self, Check, Consent, Dnd, Violation, CONFIRMATION_MS};
use crate::context::{Ctx, Env};
use crate::model::{Channel, Contact, ContactId};
use crate::playbook::{Mode, Playbook};
use crate::status::{self, Status, StatusSource};
use crate::time::{Instant, Zone};

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
    pub follow_up_at: Option<String>,
    /// The monthly campaign position, or `null` for other playbooks.
    pub campaign: Option<CampaignOut>,
    /// The rules that fired, in words.
    pub explain: Vec<String>,
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
    #[serde(serialize_with = "crate::evaluate::ser_valid_until")]
    pub valid_until: Option<(Instant, Zone)>,
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
    pub due_at: String,
    /// Whether it can and should be done now.
    pub due: bool,
    /// Whether it is late.
    pub overdue: bool,
    /// When it becomes late.
    pub overdue_at: String,
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
    pub due_at: String,
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
    pub until: Option<String>,
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
    /// When it will be allowed; `null` while a DND or wrong number lasts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_allowed_at: Option<Option<String>>,
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
    pub phase_ends_at: String,
}

/// A violation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViolationOut {
    /// When.
    pub at: String,
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
    pub since: String,
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
    pub at: String,
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
    pub confirmed_at: Option<String>,
}

/// Writes `validUntil` as RFC 3339 in the contact's offset, or `null`.
pub fn ser_valid_until<S: serde::Serializer>(
    v: &Option<(Instant, Zone)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v {
        Some((t, zone)) => s.serialize_str(&zone.format(*t)),
        None => s.serialize_none(),
    }
}

impl Evaluation {
    /// [`Evaluation::valid_until`] as epoch milliseconds (`i64::MAX` for never).
    pub fn valid_until_ms(&self) -> i64 {
        self.valid_until.map_or(i64::MAX, |(t, _)| t.0)
    }
}

/// Formats a channel check.
pub fn channel_out(zone: Zone, c: &Check) -> ChannelOut {
    ChannelOut {
        allowed: c.allowed,
        reason: c.reason.map(|r| r.as_str()),
        next_allowed_at: if c.allowed {
            None
        } else {
            Some(c.next_allowed_at.map(|t| zone.format(t)))
        },
    }
}

fn dnd_info(zone: Zone, d: &Option<Dnd>) -> Option<DndInfo> {
    d.as_ref().map(|d| DndInfo {
        since: zone.format(d.since),
        reason: d.reason,
        event: d.event,
    })
}

fn violation_out(zone: Zone, v: &Violation) -> ViolationOut {
    ViolationOut {
        at: zone.format(v.at),
        channel: v.channel.as_str(),
        rule: v.rule,
        event: v.event,
        message: v.message.clone(),
    }
}

/// What the cadence proposes for a contact: every candidate, and `done`.
pub struct Proposal {
    /// The candidates for a person, unordered.
    pub candidates: Vec<Candidate>,
    /// The next automatic send, if any.
    pub auto: Option<Candidate>,
    /// The cadence's end, if reached.
    pub done: Option<Done>,
    /// The campaign position.
    pub campaign: Option<CampaignOut>,
}

/// Gathers every candidate next action.
pub fn propose(ctx: &Ctx, s: &Consent, explain: &mut Vec<String>) -> Proposal {
    let mut candidates = Vec::new();
    if let Some(o) = s.opt_out.as_ref().filter(|o| o.confirmable()) {
        let deadline = o.at.plus(CONFIRMATION_MS);
        if o.confirmed_at.is_none() && ctx.now <= deadline {
            if ctx.explains() {
                explain.push(format!(
                    "one confirmation text may go out until {}",
                    ctx.words(deadline)
                ));
            }
            candidates.push(Candidate {
                kind: Kind::ConfirmOptOut,
                label: "Confirm Opt-Out".into(),
                attempt: None,
                channel: ActChannel::Reach(Channel::Sms),
                mode: Mode::Auto,
                step_id: None,
                due_at: deadline,
                opens_at: o.at,
                overdue_at: deadline,
                blocking: false,
            });
        }
    }
    candidates.extend(cadence::reply(ctx, s, explain));
    let cb = cadence::callback(ctx, s, explain);
    let had_callback = cb.is_some();
    candidates.extend(cb);
    let mut done = None;
    let mut campaign = None;
    let mut auto = None;
    if let Some(c) = &ctx.playbook.campaign {
        if let Some(p) = cadence::position(ctx, c, ctx.now) {
            campaign = Some(CampaignOut {
                period: p.period,
                phase: p.phase.id,
                phase_label: p.phase.label,
                phase_ends_at: if ctx.lean {
                    String::new()
                } else {
                    ctx.zone.format(p.phase_ends_at)
                },
            });
        }
        let (cand, d) = cadence::campaign(ctx, s, c, explain);
        candidates.extend(cand);
        done = d;
    } else if !ctx.playbook.steps.is_empty() {
        let st = cadence::steps(ctx, s, explain);
        candidates.extend(st.candidates);
        auto = st.auto;
        done = st.done;
    }
    if !had_callback {
        candidates.extend(cadence::follow_up(ctx, s, explain));
    }
    Proposal {
        candidates,
        auto,
        done,
        campaign,
    }
}

/// Evaluates a contact at `now`.
pub fn evaluate(contact: &Contact, playbook: &Playbook, now: Instant) -> Evaluation {
    evaluate_with(contact, playbook, now, false)
}

/// Evaluates a contact at `now`; `lean` skips the words (`explain`, violation
/// messages) and leaves every formatted time empty, for callers that keep only
/// the facts (the resident worklist filters and sorts on them, and evaluates in
/// full when asked for one contact). Every other field is as [`evaluate`] gives.
pub fn evaluate_with(
    contact: &Contact,
    playbook: &Playbook,
    now: Instant,
    lean: bool,
) -> Evaluation {
    evaluate_in(&Env::new(playbook), contact, now, lean)
}

/// As [`evaluate_with`], in an environment shared by a batch of contacts (the
/// places, their hours and caps, are worked out once for the batch).
pub fn evaluate_in(env: &Env, contact: &Contact, now: Instant, lean: bool) -> Evaluation {
    let playbook = env.playbook;
    let mut ctx = Ctx::new(env, contact, now);
    ctx.lean = lean;
    let ctx = ctx;
    let zone = ctx.zone;
    let fmt = |t: Instant| {
        if lean {
            String::new()
        } else {
            zone.format(t)
        }
    };
    let mut explain = Vec::new();
    if ctx.explains() {
        explain.push(match ctx.zone_source() {
            crate::context::ZoneSource::Contact => {
                format!("local times in {} (the contact's zone)", zone.name())
            }
            crate::context::ZoneSource::Playbook => {
                format!("local times in {} (the playbook's zone)", zone.name())
            }
            crate::context::ZoneSource::Region => format!(
                "zone unknown: a time is inside the contact window only if it is inside it in every zone of {} ({}); local times written in {}",
                ctx.region().map_or("US", |r| r.code()),
                ctx.hours()
                    .zones
                    .iter()
                    .map(|z| z.name())
                    .collect::<Vec<_>>()
                    .join(", "),
                zone.name()
            ),
        });
    }

    let st = status::fold(ctx.history(), &playbook.sticky);
    if ctx.explains() {
        explain.push(match st.at {
            None => "no SMS exchanged and no outcome logged: New Account".to_string(),
            Some(at) => format!(
                "status {} from {} at {}{}",
                st.status.label(),
                if st.status.is_manual() {
                    "the outcome logged"
                } else {
                    "the last text"
                },
                ctx.words(at),
                if st.held_by_sticky {
                    " (sticky: later texts do not replace it)"
                } else {
                    ""
                }
            ),
        });
    }

    let consent = consent::fold(&ctx);
    explain.extend(consent.explain.iter().cloned());
    let checks: Vec<Check> = Channel::ALL
        .iter()
        .map(|c| consent::check(&ctx, &consent, *c, now))
        .collect();
    let out = |i: usize| {
        checks
            .get(i)
            .map(|c| channel_out(zone, c))
            .unwrap_or(ChannelOut {
                allowed: false,
                reason: None,
                next_allowed_at: None,
            })
    };
    let channels = Channels {
        sms: out(0),
        call: out(1),
        email: out(2),
    };
    for (c, chk) in Channel::ALL.iter().zip(&checks) {
        if let (Some(r), false) = (chk.reason, chk.allowed) {
            if !r.lasting() && ctx.explains() {
                explain.push(format!(
                    "{} not allowed now ({}){}",
                    c.noun(),
                    r.as_str(),
                    chk.next_allowed_at
                        .map(|t| format!(", allowed from {}", ctx.words(t)))
                        .unwrap_or_default()
                ));
            }
        }
    }

    let proposal = propose(&ctx, &consent, &mut explain);
    let follow_up_at = proposal
        .candidates
        .iter()
        .filter(|c| matches!(c.kind, Kind::Callback | Kind::FollowUp))
        .map(|c| c.due_at)
        .min();
    let next = cadence::pick(proposal.candidates);
    let next_auto = proposal.auto.map(|a| AutoOut {
        label: a.label,
        channel: a.channel.as_str(),
        step_id: a.step_id.unwrap_or_default(),
        due_at: fmt(a.due_at),
        due: now >= a.opens_at,
    });
    if let Some(n) = &next {
        ctx.note(n.opens_at);
        ctx.note(n.overdue_at.plus(1));
        if ctx.explains() {
            explain.push(format!(
                "next: {} by {}, due {}",
                n.label,
                n.channel.as_str(),
                ctx.words(n.due_at)
            ));
        }
    } else if let Some(d) = &proposal.done {
        if ctx.explains() {
            explain.push(format!("nothing to do: {}", d.label));
        }
    }
    if let Some(d) = proposal.done.as_ref().and_then(|d| d.until) {
        ctx.note(d);
    }

    let texting_blocked = consent.dnd_for(Channel::Sms).is_some();
    let name = ctx.name();
    let display_name = if texting_blocked {
        format!("{name}{}", playbook.opt_out.suffix)
    } else {
        name
    };
    let hot = consent.hot();
    let stage = hot.then(|| playbook.opt_out.stage.clone());
    let base = contact.priority.unwrap_or(0.0);
    let priority = if hot {
        base + playbook.opt_out.priority_boost
    } else {
        base
    };
    if !hot && consent.opt_out.is_some() && texting_blocked && ctx.explains() {
        explain.push(
            "texting opt-out, but calls are not allowed either: not moved to the hot stage, no priority boost"
                .to_string(),
        );
    }
    if hot && ctx.explains() {
        explain.push(format!(
            "texting opt-out: shown as {:?}, moved to {:?}, priority +{}",
            display_name, playbook.opt_out.stage, playbook.opt_out.priority_boost
        ));
    }
    let violations: Vec<ViolationOut> = consent
        .violations
        .iter()
        .map(|v| violation_out(zone, v))
        .collect();
    for v in &violations {
        if ctx.explains() {
            explain.push(format!("violation at {}: {} ({})", v.at, v.message, v.rule));
        }
    }
    let opt_out = consent.opt_out.as_ref().map(|o| OptOutOut {
        at: fmt(o.at),
        keyword: o.keyword.clone(),
        matched: if o.phrase { "phrase" } else { "exact" },
        scope: if o.channels.is_all() {
            "all"
        } else {
            "channel"
        },
        channels: o.channels,
        event: o.event,
        confirmed_at: o.confirmed_at.map(fmt),
    });
    let next_out = next.as_ref().map(|n| NextOut {
        kind: n.kind.as_str(),
        label: n.label.clone(),
        attempt: n.attempt,
        channel: n.channel.as_str(),
        mode: n.mode.as_str(),
        step_id: n.step_id.clone(),
        due_at: fmt(n.due_at),
        due: now >= n.opens_at,
        overdue: now > n.overdue_at,
        overdue_at: fmt(n.overdue_at),
        blocking: n.blocking,
    });
    Evaluation {
        id: contact.id.clone(),
        status: st.status,
        status_label: st.status.label(),
        status_source: st.status.source(),
        next: next_out,
        next_auto,
        done: proposal.done.map(|d| DoneOut {
            reason: d.reason,
            label: d.label,
            until: d.until.map(fmt),
        }),
        channels,
        display_name,
        stage,
        priority,
        follow_up_at: follow_up_at.map(fmt),
        campaign: proposal.campaign,
        explain,
        violations,
        dnd: DndOut {
            sms: dnd_info(zone, &consent.dnd[0]),
            call: dnd_info(zone, &consent.dnd[1]),
            email: dnd_info(zone, &consent.dnd[2]),
            all: dnd_info(zone, &consent.dnd[3]),
        },
        opt_out,
        time_zone: zone.name(),
        time_zone_source: ctx.zone_source().as_str(),
        valid_until: ctx.next_change().map(|t| (t, zone)),
        due_ms: next.map(|n| n.due_at),
    }
}

/// Whether a channel may be used at `at`, for `checkChannel`.
pub fn check_channel(
    contact: &Contact,
    playbook: &Playbook,
    channel: Channel,
    at: Instant,
) -> ChannelOut {
    let env = Env::new(playbook);
    let ctx = Ctx::new(&env, contact, at);
    let consent = consent::fold(&ctx);
    channel_out(ctx.zone, &consent::check(&ctx, &consent, channel, at))
}
