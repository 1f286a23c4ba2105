//! One contact's evaluation: status, next action, consent per channel, and the
//! rest of the `Evaluation` object of the JavaScript contract.

mod output;

pub use output::{
    AutoOut, CampaignOut, ChannelOut, Channels, DndInfo, DndOut, DoneOut, Evaluation, NextOut,
    OptOutOut, ViolationOut,
};

use crate::cadence::{Candidate, Position};
use crate::consent::{self, Check, Consent, Dnd, OptOut};
use crate::context::{Ctx, Env};
use crate::explain::Explain;
use crate::facts::{display_name, facts, Facts};
use crate::model::{Channel, Contact};
use crate::playbook::Playbook;
use crate::time::{Instant, Zone};

/// Formats a channel check.
pub fn channel_out(zone: Zone, c: &Check) -> ChannelOut {
    ChannelOut {
        allowed: c.allowed,
        reason: c.reason.map(|r| r.as_str()),
        next_allowed_at: c
            .next_allowed_at
            .filter(|_| !c.allowed)
            .map(|t| zone.stamp(t)),
    }
}

fn dnd_info(zone: Zone, d: &Option<Dnd>) -> Option<DndInfo> {
    d.as_ref().map(|d| DndInfo {
        since: zone.stamp(d.since),
        reason: d.reason,
        event: d.event,
    })
}

/// Evaluates a contact at `now`: its facts, rendered in words.
pub fn evaluate(contact: &Contact, playbook: &Playbook, now: Instant) -> Evaluation {
    evaluate_in(&Env::new(playbook), contact, now, true)
}

/// Evaluates a contact at `now`, in an environment shared by a batch of
/// contacts (the places, their hours and caps, are worked out once for the
/// batch); `explain: false` leaves `explain` empty (every other field is as
/// [`evaluate`] gives).
pub fn evaluate_in(env: &Env, contact: &Contact, now: Instant, explain: bool) -> Evaluation {
    let mut ctx = Ctx::new(env, contact, now);
    ctx.lean = !explain;
    let f = facts(&ctx);
    render(&ctx, f)
}

/// The words of an evaluation, from its facts: labels with names, times in
/// RFC 3339 with the contact's offset, violations and `explain`.
pub fn render(ctx: &Ctx, f: Facts) -> Evaluation {
    let playbook = ctx.playbook;
    let zone = ctx.zone;
    let fmt = |t: Instant| zone.stamp(t);
    let mut explain = f.explain;
    let violations = violations_out(ctx, &f.consent, &mut explain);
    let [sms, call, email] = &f.checks;
    let consent = &f.consent;
    Evaluation {
        id: ctx.contact.id.clone(),
        status: f.status.status,
        status_label: f.status.status.label(),
        status_source: f.status.status.source(),
        next: f.next.as_ref().map(|n| next_out(ctx, n)),
        next_auto: f.next_auto.as_ref().map(|a| auto_out(ctx, a)),
        done: f.done.as_ref().map(|d| DoneOut {
            reason: d.reason,
            label: d.label.to_string(),
            until: d.until.map(fmt),
        }),
        channels: Channels {
            sms: channel_out(zone, sms),
            call: channel_out(zone, call),
            email: channel_out(zone, email),
        },
        display_name: display_name(ctx, f.texting_blocked),
        stage: f.hot.then(|| playbook.opt_out.stage.clone()),
        priority: f.priority,
        follow_up_at: f.follow_up_at.map(fmt),
        campaign: f.position.as_ref().and_then(|p| campaign_out(ctx, p)),
        explain,
        violations,
        dnd: DndOut {
            sms: dnd_info(zone, &consent.dnd[0]),
            call: dnd_info(zone, &consent.dnd[1]),
            email: dnd_info(zone, &consent.dnd[2]),
            all: dnd_info(zone, &consent.dnd[3]),
        },
        opt_out: consent.opt_out.as_ref().map(|o| opt_out_out(zone, o)),
        time_zone: zone.name(),
        time_zone_source: ctx.zone_source().as_str(),
        valid_until: f.valid_until.map(fmt),
        due_ms: f.next.map(|n| n.due_at),
    }
}

/// The violations of past touches, each also a line of `explain`.
fn violations_out(ctx: &Ctx, consent: &Consent, explain: &mut Explain) -> Vec<ViolationOut> {
    let violations: Vec<ViolationOut> = consent
        .violations
        .iter()
        .map(|v| ViolationOut {
            at: ctx.zone.stamp(v.at),
            channel: v.channel.as_str(),
            rule: v.rule.as_str(),
            event: v.event as usize,
            message: v.message(ctx),
        })
        .collect();
    if ctx.explains() {
        for (v, raw) in violations.iter().zip(&consent.violations) {
            let mut line = explain.line();
            // (A touch logged with a date alone: its day, no midnight.)
            if ctx.event(v.event).is_some_and(|e| e.dated) {
                line.s("violation on ")
                    .words(ctx.words(raw.at).day_only(true));
            } else {
                line.s("violation at ").s(v.at.text().as_str());
            }
            line.s(": ").s(&v.message).s(" (").s(v.rule).s(")");
        }
    }
    violations
}

/// The next action as JSON gives it.
fn next_out(ctx: &Ctx, n: &Candidate) -> NextOut {
    let (playbook, zone, now) = (ctx.playbook, ctx.zone, ctx.now);
    NextOut {
        kind: n.kind.as_str(),
        label: n.label.text(playbook).into_owned(),
        attempt: n.attempt,
        channel: n.channel.as_str(),
        mode: n.mode.as_str(),
        step_id: n.label.step_id(playbook).map(str::to_string),
        due_at: zone.stamp(n.due_at),
        due: now >= n.opens_at,
        overdue: now > n.overdue_at,
        overdue_at: zone.stamp(n.overdue_at),
        blocking: n.blocking,
    }
}

/// The host's next automatic send as JSON gives it.
fn auto_out(ctx: &Ctx, a: &Candidate) -> AutoOut {
    let playbook = ctx.playbook;
    AutoOut {
        label: a.label.text(playbook).into_owned(),
        channel: a.channel.as_str(),
        step_id: a.label.step_id(playbook).unwrap_or_default().to_string(),
        due_at: ctx.zone.stamp(a.due_at),
        due: ctx.now >= a.opens_at,
    }
}

/// `YYYY-MM` of a campaign period, digits written directly (`format!` with
/// padding cost about 750 instructions, once per evaluation); a year outside
/// 0–9999 goes through `format!` as before.
fn period_text((year, month): (i32, u32)) -> String {
    match u32::try_from(year) {
        Ok(y) if y <= 9999 && month <= 99 => {
            let mut out = String::with_capacity(7);
            crate::rfc3339::push2(&mut out, y / 100);
            crate::rfc3339::push2(&mut out, y % 100);
            out.push('-');
            crate::rfc3339::push2(&mut out, month);
            out
        }
        _ => format!("{year:04}-{month:02}"),
    }
}

/// The campaign's period and phase as JSON gives them.
fn campaign_out(ctx: &Ctx, p: &Position) -> Option<CampaignOut> {
    let phase = ctx.playbook.campaign.as_ref()?.phases.get(p.phase)?;
    Some(CampaignOut {
        period: period_text(p.period),
        phase: phase.id.clone(),
        phase_label: phase.label.clone(),
        phase_ends_at: ctx.zone.stamp(p.phase_ends_at),
    })
}

/// The opt-out in force as JSON gives it.
fn opt_out_out(zone: Zone, o: &OptOut) -> OptOutOut {
    OptOutOut {
        at: zone.stamp(o.at),
        keyword: o.keyword.to_string(),
        matched: if o.phrase { "phrase" } else { "exact" },
        scope: if o.channels.is_all() {
            "all"
        } else {
            "channel"
        },
        channels: o.channels,
        event: o.event,
        confirmed_at: o.confirmed_at.map(|t| zone.stamp(t)),
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

#[cfg(test)]
mod tests {
    use super::period_text;

    #[test]
    fn period_text_is_format_padded() {
        for (y, m) in [
            (2026, 11),
            (2026, 1),
            (7, 3),
            (0, 12),
            (9999, 12),
            (10000, 1),
            (-1, 5),
            (-2026, 12),
            (i32::MAX, 99),
            (i32::MIN, 100),
        ] {
            assert_eq!(period_text((y, m)), format!("{y:04}-{m:02}"), "{y} {m}");
        }
    }
}
