//! Consent: do-not-disturb per channel, wrong numbers, quiet hours and frequency
//! caps, as a fold over the history; and the audit of past touches.
//!
//! The rules, with their public sources, are in `docs/consent.md`.

use serde::Serialize;

use crate::context::Ctx;
use crate::model::Reply;
use crate::model::{
    Channel, Direction, DndChannel, DndSource, EventBody, Interaction, MessageChannel, Outcome,
};
use crate::reply::{Intent, Revoked};
use crate::time::{Instant, MINUTE};

/// How long after an SMS opt-out the one confirmation text may be sent.
pub const CONFIRMATION_MS: i64 = 5 * MINUTE;

/// One active DND.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dnd {
    /// Since when (RFC 3339 in the output; kept as an instant here).
    #[serde(skip)]
    pub since: Instant,
    /// Why.
    pub reason: DndSource,
    /// The index of the event that set it.
    pub event: usize,
}

/// Why a channel is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Refusal {
    /// A DND covers the channel.
    Dnd,
    /// Outside the contact window.
    QuietHours,
    /// Over a frequency cap.
    FrequencyCap,
    /// The number is marked wrong (calls and texts).
    WrongNumber,
}

impl Refusal {
    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::Dnd => "dnd",
            Refusal::QuietHours => "quietHours",
            Refusal::FrequencyCap => "frequencyCap",
            Refusal::WrongNumber => "wrongNumber",
        }
    }

    /// Whether the refusal lasts until something new happens (no `nextAllowedAt`).
    pub fn lasting(self) -> bool {
        matches!(self, Refusal::Dnd | Refusal::WrongNumber)
    }
}

/// The answer for one channel at one time.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// Whether the channel may be used.
    pub allowed: bool,
    /// Why not.
    pub reason: Option<Refusal>,
    /// When it will be allowed (`None` while a DND or wrong number lasts).
    pub next_allowed_at: Option<Instant>,
    /// The DND in force, when refused for DND.
    pub dnd: Option<Dnd>,
}

/// A past touch that broke a rule, as facts; [`Violation::message`] says it
/// in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// When.
    pub at: Instant,
    /// On which channel.
    pub channel: Channel,
    /// Which rule: `textAfterOptOut`, `dnd`, `wrongNumber`, `quietHours`, `frequencyCap`.
    pub rule: &'static str,
    /// The index of the event.
    pub event: usize,
    /// For `dnd`: why the DND was set.
    pub source: DndSource,
    /// For `wrongNumber`: the event that marked the number; for
    /// `frequencyCap`: which touch of the period it was.
    pub detail: usize,
    /// For `frequencyCap`: which of the place's caps.
    pub cap: usize,
}

impl Violation {
    /// The violation in words.
    pub fn message(&self, ctx: &Ctx) -> String {
        let ch = self.channel;
        match self.rule {
            "textAfterOptOut" => "text after the customer opted out".to_string(),
            "dnd" => format!("{} while DND ({})", ch.noun(), source_words(self.source)),
            "wrongNumber" => format!(
                "{} to a number marked wrong (event {})",
                ch.noun(),
                self.detail
            ),
            "quietHours" => format!(
                "{} at {} local, outside {}",
                ch.noun(),
                ctx.zone.local(self.at).format("%H:%M"),
                ctx.hours().source()
            ),
            _ => match ctx.caps().get(self.cap) {
                Some(cap) => format!(
                    "touch {} within {} h: over {}",
                    self.detail,
                    cap.period_ms / crate::time::HOUR,
                    cap.describe()
                ),
                None => String::new(),
            },
        }
    }
}

/// The customer's own opt-out by keyword or phrase, still in force.
#[derive(Debug, Clone, PartialEq)]
pub struct OptOut<'a> {
    /// When the customer sent it.
    pub at: Instant,
    /// Its event index.
    pub event: usize,
    /// The keyword or phrase.
    pub keyword: &'a str,
    /// Whether it was a phrase match (a person should review it).
    pub phrase: bool,
    /// The channels it revokes.
    pub channels: Revoked,
    /// Whether it came by text (only then may one confirmation text answer it).
    pub by_text: bool,
    /// When the confirmation text went out, if it did.
    pub confirmed_at: Option<Instant>,
}

/// The consent state after the history up to a time, and the audit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Consent<'a> {
    /// DND per channel: sms, call, email, all.
    pub dnd: [Option<Dnd>; 4],
    /// The SMS opt-out in force (keyword or phrase), if any.
    pub opt_out: Option<OptOut<'a>>,
    /// The wrong-number mark in force: when and which event.
    pub wrong_number: Option<(Instant, usize)>,
    /// Past touches that broke a rule, in time order.
    pub violations: Vec<Violation>,
    /// Indexes of inbound messages that were keywords (opt-out, opt-in, help):
    /// they are not conversation.
    pub keyword_events: Vec<(usize, Intent)>,
    /// Every touch counted by a cap: time and channel.
    pub touches: Vec<(Instant, Channel)>,
    /// Lines for `explain`.
    pub explain: Vec<String>,
}

fn slot(c: DndChannel) -> usize {
    match c {
        DndChannel::Sms => 0,
        DndChannel::Call => 1,
        DndChannel::Email => 2,
        DndChannel::All => 3,
    }
}

fn chan_slot(c: Channel) -> usize {
    match c {
        Channel::Sms => 0,
        Channel::Call => 1,
        Channel::Email => 2,
    }
}

/// Sets a DND that is not already in force (the first one keeps its time and
/// event); says whether it was set.
fn set_once(slot: &mut Option<Dnd>, since: Instant, reason: DndSource, event: usize) -> bool {
    if slot.is_some() {
        return false;
    }
    *slot = Some(Dnd {
        since,
        reason,
        event,
    });
    true
}

fn source_words(s: DndSource) -> &'static str {
    match s {
        DndSource::Keyword => "opt-out keyword",
        DndSource::Manual => "set by hand",
        DndSource::Unsubscribe => "email unsubscribe",
        DndSource::Bounce => "email bounce",
        DndSource::Complaint => "spam complaint",
    }
}

impl Consent<'_> {
    /// The DND covering a channel, if any (its own, else `all`).
    pub fn dnd_for(&self, c: Channel) -> Option<&Dnd> {
        self.dnd
            .get(chan_slot(c))
            .and_then(Option::as_ref)
            .or(self.dnd.get(3).and_then(Option::as_ref))
    }

    /// A lasting refusal of a channel (DND or wrong number), if any.
    pub fn lasting(&self, c: Channel) -> Option<Refusal> {
        if self.dnd_for(c).is_some() {
            Some(Refusal::Dnd)
        } else if self.wrong_number.is_some() && c != Channel::Email {
            Some(Refusal::WrongNumber)
        } else {
            None
        }
    }

    /// Whether an inbound message (by event index) was a keyword.
    pub fn keyword(&self, event: usize) -> Option<Intent> {
        self.keyword_events
            .iter()
            .find(|(i, _)| *i == event)
            .map(|(_, k)| *k)
    }

    /// Whether a texting opt-out is in force that came from the customer (a
    /// keyword or phrase reply): the contact is a hot lead.
    ///
    /// Only while calls are allowed: a contact who asked not to be called is
    /// never moved up the dial queue.
    pub fn hot(&self) -> bool {
        self.opt_out
            .as_ref()
            .is_some_and(|o| o.channels.contains(Channel::Sms))
            && self.lasting(Channel::Call).is_none()
    }

    /// After a DND was lifted: the opt-out keeps only the channels still under
    /// a DND, and is gone when none is.
    fn keep_opt_out_in_force(&mut self) {
        let kept = self.opt_out.as_ref().map_or(Revoked::NONE, |o| {
            o.channels
                .iter()
                .filter(|c| self.dnd_for(*c).is_some())
                .fold(Revoked::NONE, |r, c| r.union(Revoked::of(c)))
        });
        match self.opt_out.as_mut() {
            Some(o) if !kept.is_empty() => o.channels = kept,
            _ => self.opt_out = None,
        }
    }
}

/// The earliest time at or after `t` when the caps allow a touch on `channel`,
/// given the touches so far.
pub fn cap_clear(
    ctx: &Ctx,
    touches: &[(Instant, Channel)],
    channel: Channel,
    t: Instant,
) -> Instant {
    let mut t = t;
    for cap in ctx.caps() {
        if !cap.channels.contains(&channel) {
            continue;
        }
        let mut inside: Vec<Instant> = touches
            .iter()
            .filter(|(at, c)| cap.channels.contains(c) && *at <= t && at.0 > t.0 - cap.period_ms)
            .map(|(at, _)| *at)
            .collect();
        let max = cap.max as usize;
        if inside.len() >= max {
            inside.sort();
            // The window must shed len - max + 1 touches; the last of those leaves
            // it at its time + period.
            if let Some(oldest) = inside.get(inside.len() - max) {
                t = t.max(oldest.plus(cap.period_ms));
            }
        }
    }
    t
}

/// Folds consent over the history up to `ctx.now`.
pub fn fold<'a>(ctx: &Ctx<'a>) -> Consent<'a> {
    let mut s = Consent::default();
    let mut last_inbound_sms_opt_out = false;
    for (i, e) in ctx.events() {
        match &e.body {
            EventBody::Message {
                channel: medium,
                direction: Direction::In,
                reply,
                ..
            } => {
                // A text from the number does not lift a wrong-number mark: the new
                // holder of a reassigned number can text too.
                let Some(c) = reply else { continue };
                if *medium == MessageChannel::Email {
                    // An email is read for an opt-out only (CAN-SPAM accepts a
                    // reply to the sender); anything else is conversation.
                    if c.intent == Intent::OptOut {
                        opt_out(ctx, &mut s, i, e.at, c, *medium);
                    }
                    continue;
                }
                match c.intent {
                    Intent::OptOut => {
                        opt_out(ctx, &mut s, i, e.at, c, *medium);
                        last_inbound_sms_opt_out = true;
                        continue;
                    }
                    Intent::OptIn => {
                        let is_yes = c.keyword.as_deref() == Some("YES");
                        if is_yes && !last_inbound_sms_opt_out {
                            // A plain "yes" in a conversation is not a re-opt-in.
                        } else {
                            s.keyword_events.push((i, Intent::OptIn));
                            let mut lifted = false;
                            for k in [0usize, 3] {
                                if let Some(d) = s.dnd.get_mut(k) {
                                    if d.as_ref().is_some_and(|d| d.reason == DndSource::Keyword) {
                                        *d = None;
                                        lifted = true;
                                    }
                                }
                            }
                            if lifted {
                                s.keep_opt_out_in_force();
                                if ctx.explains() {
                                    s.explain.push(format!(
                                        "{}: customer texted {:?} — texting opt-out lifted",
                                        ctx.words(e.at),
                                        c.keyword.as_deref().unwrap_or_default()
                                    ));
                                }
                            } else if s.dnd_for(Channel::Sms).is_some() && ctx.explains() {
                                s.explain.push(format!(
                                    "{}: customer texted {:?}, but the texting DND was not set by a keyword and stays",
                                    ctx.words(e.at),
                                    c.keyword.as_deref().unwrap_or_default()
                                ));
                            }
                        }
                    }
                    Intent::Help => s.keyword_events.push((i, Intent::Help)),
                    Intent::None => {}
                }
                last_inbound_sms_opt_out = false;
            }
            EventBody::Message {
                channel,
                direction: Direction::Out,
                ..
            } => {
                let ch = Channel::from(*channel);
                let mut confirmation = false;
                if ch == Channel::Sms {
                    if let Some(o) = s.opt_out.as_mut().filter(|o| o.confirmable()) {
                        if o.confirmed_at.is_none() && e.at.0 - o.at.0 <= CONFIRMATION_MS {
                            o.confirmed_at = Some(e.at);
                            confirmation = true;
                        }
                    }
                }
                // The one confirmation (47 CFR 64.1200(a)(12)) is not a
                // solicitation: no quiet hours, and it does not count to a cap.
                if !confirmation {
                    audit(ctx, &mut s, i, e.at, ch);
                    if !ctx.caps().is_empty() {
                        s.touches.push((e.at, ch));
                    }
                }
            }
            EventBody::Activity {
                interaction: Interaction::Call,
                outcome,
                ..
            } => {
                // The call is audited against the state before it: a call to a
                // number marked wrong is a violation even when it connects.
                audit(ctx, &mut s, i, e.at, Channel::Call);
                if !ctx.caps().is_empty() {
                    s.touches.push((e.at, Channel::Call));
                }
                let proves_number = matches!(outcome, Outcome::Connected) || outcome.is_sales();
                if proves_number && s.wrong_number.take().is_some() && ctx.explains() {
                    s.explain.push(format!(
                        "{}: call reached the contact — the wrong-number mark is lifted",
                        ctx.words(e.at)
                    ));
                }
                if *outcome == Outcome::WrongNumber {
                    s.wrong_number = Some((e.at, i));
                    if ctx.explains() {
                        s.explain.push(format!(
                            "{}: call logged as wrong number — no calls or texts to this number",
                            ctx.words(e.at)
                        ));
                    }
                }
            }
            EventBody::Dnd {
                channel,
                active,
                source,
            } => {
                let k = slot(*channel);
                let name = match channel {
                    DndChannel::All => "every channel",
                    DndChannel::Sms => "texts",
                    DndChannel::Call => "calls",
                    DndChannel::Email => "email",
                };
                if *active {
                    if let Some(d) = s.dnd.get_mut(k) {
                        if set_once(d, e.at, *source, i) && ctx.explains() {
                            s.explain.push(format!(
                                "{}: DND on {} ({})",
                                ctx.words(e.at),
                                name,
                                source_words(*source)
                            ));
                        }
                    }
                } else {
                    // Lifting `all` lifts the `all` DND only: a channel's own DND
                    // (an email unsubscribe, a call DND) stays until lifted itself.
                    if let Some(d) = s.dnd.get_mut(k) {
                        *d = None;
                    }
                    s.keep_opt_out_in_force();
                    if ctx.explains() {
                        s.explain
                            .push(format!("{}: DND on {} lifted", ctx.words(e.at), name));
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(o) = s.opt_out.as_ref().filter(|o| o.confirmable()) {
        ctx.note(o.at.plus(CONFIRMATION_MS + 1));
    }
    s
}

impl OptOut<'_> {
    /// Whether one confirmation text may answer it: it came by text and
    /// revokes texts (47 CFR 64.1200(a)(12)).
    pub fn confirmable(&self) -> bool {
        self.by_text && self.channels.contains(Channel::Sms)
    }
}

/// The customer's own opt-out, by text or email: a DND (source `keyword`) on
/// every channel the words revoke (`all` when they revoke every one). An
/// opt-out that revokes nothing new leaves the first one standing (and its one
/// confirmation); one that revokes more widens it.
fn opt_out<'a>(
    ctx: &Ctx,
    s: &mut Consent<'a>,
    i: usize,
    at: Instant,
    c: &'a Reply,
    medium: MessageChannel,
) {
    s.keyword_events.push((i, Intent::OptOut));
    let channels = if c.channels.is_empty() {
        Revoked::of(Channel::from(medium))
    } else {
        c.channels
    };
    let keyword = c.keyword.as_deref().unwrap_or_default();
    let phrase = c.matched == Some(crate::reply::Match::Phrase);
    let before = s.opt_out.as_ref().map_or(Revoked::NONE, |o| o.channels);
    if before.union(channels) == before {
        if ctx.explains() {
            s.explain.push(format!(
                "{}: opt-out {:?} repeated while already opted out",
                ctx.words(at),
                keyword
            ));
        }
        return;
    }
    if channels.is_all() {
        if let Some(d) = s.dnd.get_mut(3) {
            set_once(d, at, DndSource::Keyword, i);
        }
    } else {
        for ch in channels.iter() {
            if let Some(d) = s.dnd.get_mut(chan_slot(ch)) {
                set_once(d, at, DndSource::Keyword, i);
            }
        }
    }
    if ctx.explains() {
        let plural = |c: Channel| match c {
            Channel::Sms => "texts",
            Channel::Call => "calls",
            Channel::Email => "email",
        };
        let names: Vec<&str> = channels.iter().map(plural).collect();
        let left: Vec<&str> = Channel::ALL
            .into_iter()
            .filter(|ch| !channels.contains(*ch))
            .map(plural)
            .collect();
        s.explain.push(format!(
            "{}: customer {} {:?} ({}) — {} stopped{}",
            ctx.words(at),
            if medium == MessageChannel::Email {
                "emailed"
            } else {
                "texted"
            },
            keyword,
            if phrase {
                "phrase match, review it"
            } else {
                "opt-out keyword"
            },
            if channels.is_all() {
                "every channel".to_string()
            } else if channels == Revoked::of(Channel::Sms) {
                "texting".to_string()
            } else {
                names.join(" and ")
            },
            if left.is_empty() {
                String::new()
            } else {
                format!("; {} go on", left.join(" and "))
            }
        ));
    }
    s.opt_out = Some(match s.opt_out.take() {
        // Widened: the first opt-out keeps its time and its one confirmation.
        Some(first) => OptOut {
            channels: first.channels.union(channels),
            ..first
        },
        None => OptOut {
            at,
            event: i,
            keyword,
            phrase,
            channels,
            by_text: medium == MessageChannel::Sms,
            confirmed_at: None,
        },
    });
}

/// Audits one outbound touch against the state before it.
fn audit(ctx: &Ctx, s: &mut Consent, i: usize, at: Instant, ch: Channel) {
    let violation = |rule: &'static str| Violation {
        at,
        channel: ch,
        rule,
        event: i,
        source: DndSource::Manual,
        detail: 0,
        cap: 0,
    };
    if let Some(d) = s.dnd_for(ch) {
        let opted_out = d.reason == DndSource::Keyword || s.opt_out.is_some();
        let v = if ch == Channel::Sms && opted_out {
            violation("textAfterOptOut")
        } else {
            Violation {
                source: d.reason,
                ..violation("dnd")
            }
        };
        s.violations.push(v);
    }
    if ch != Channel::Email {
        if let Some((_, wi)) = s.wrong_number {
            s.violations.push(Violation {
                detail: wi,
                ..violation("wrongNumber")
            });
        }
    }
    if Ctx::hours_bind(ch) && !ctx.hours().contains(at) {
        s.violations.push(violation("quietHours"));
    }
    for (k, cap) in ctx.caps().iter().enumerate() {
        if !cap.channels.contains(&ch) {
            continue;
        }
        let before = s
            .touches
            .iter()
            .filter(|(t, c)| cap.channels.contains(c) && t.0 > at.0 - cap.period_ms && *t <= at)
            .count();
        if before >= cap.max as usize {
            s.violations.push(Violation {
                detail: before + 1,
                cap: k,
                ..violation("frequencyCap")
            });
        }
    }
}

/// Whether `channel` may be used at `t`, given the consent state.
pub fn check(ctx: &Ctx, s: &Consent, channel: Channel, t: Instant) -> Check {
    if let Some(d) = s.dnd_for(channel) {
        return Check {
            allowed: false,
            reason: Some(Refusal::Dnd),
            next_allowed_at: None,
            dnd: Some(d.clone()),
        };
    }
    if channel != Channel::Email && s.wrong_number.is_some() {
        return Check {
            allowed: false,
            reason: Some(Refusal::WrongNumber),
            next_allowed_at: None,
            dnd: None,
        };
    }
    let open = next_allowed(ctx, s, channel, t);
    match open {
        Some(n) if n == t => {
            if Ctx::hours_bind(channel) {
                if let Some(close) = ctx.hours().closes_after(t) {
                    ctx.note(close);
                }
            }
            Check {
                allowed: true,
                reason: None,
                next_allowed_at: None,
                dnd: None,
            }
        }
        _ => {
            let in_hours = !Ctx::hours_bind(channel) || ctx.hours().contains(t);
            if let Some(n) = open {
                ctx.note(n);
            }
            // While a cap refuses, the reason still turns with the window: from
            // quietHours to frequencyCap when it opens, and back when it closes.
            if Ctx::hours_bind(channel) {
                let turn = if in_hours {
                    ctx.hours().closes_after(t)
                } else {
                    ctx.hours().next_open(t)
                };
                if let Some(turn) = turn {
                    ctx.note(turn);
                }
            }
            Check {
                allowed: false,
                reason: Some(if in_hours {
                    Refusal::FrequencyCap
                } else {
                    Refusal::QuietHours
                }),
                next_allowed_at: open,
                dnd: None,
            }
        }
    }
}

/// The earliest time at or after `t` when `channel` is inside the window and
/// under every cap; `None` if the window never opens.
pub fn next_allowed(ctx: &Ctx, s: &Consent, channel: Channel, t: Instant) -> Option<Instant> {
    let mut t = t;
    for _ in 0..32 {
        let open = if Ctx::hours_bind(channel) {
            ctx.hours().next_open(t)?
        } else {
            t
        };
        let clear = cap_clear(ctx, &s.touches, channel, open);
        if clear == open {
            return Some(open);
        }
        t = clear;
    }
    None
}
