//! The facts of one contact at one time: every rule runs here, once, and
//! computes small typed facts (status, the next action and the next automatic
//! send, each channel's answer, DND, violations as codes, the campaign
//! position, priority, valid-until). Words — labels with names, RFC 3339
//! times, `explain` — are rendered from these facts only when a person will
//! read them ([`crate::evaluate::render`]); the resident worklist keeps the
//! facts alone.

use crate::cadence::{self, ActChannel, Candidate, Done, Kind, Label, Position};
use crate::consent::{self, Check, Consent, CONFIRMATION_MS};
use crate::context::{Ctx, ZoneSource};
use crate::explain::Explain;
use crate::model::Channel;
use crate::playbook::Mode;
use crate::status::{self, StatusFold};
use crate::time::Instant;

/// The facts of one evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts<'a> {
    /// The status and the event that decided it.
    pub status: StatusFold,
    /// The consent state: DND, the customer's opt-out, the wrong-number mark,
    /// violations.
    pub consent: Consent<'a>,
    /// Each channel's answer now (sms, call, email).
    pub checks: [Check; 3],
    /// The next action for a person.
    pub next: Option<Candidate>,
    /// The next automatic send for the host's sender.
    pub next_auto: Option<Candidate>,
    /// Why the cadence has nothing more to do.
    pub done: Option<Done>,
    /// The monthly campaign position of `now`.
    pub position: Option<Position>,
    /// The pending callback, else horizon follow-up.
    pub follow_up_at: Option<Instant>,
    /// Texting is under a DND (the display name says "can't text").
    pub texting_blocked: bool,
    /// The customer's texting opt-out moved the contact to the hot stage.
    pub hot: bool,
    /// Work priority: base plus boosts.
    pub priority: f64,
    /// The earliest change without a new event, or `None` for never.
    pub valid_until: Option<Instant>,
    /// The same, leaving out the window's turns for the channels that follow
    /// it alone ([`Check::follows_hours`]).
    pub history_until: Option<Instant>,
    /// The rules that fired, in words (empty unless the evaluation explains).
    pub explain: Explain,
}

/// Keeps the best candidate offered: an open opt-out confirmation first (it has
/// five minutes), then the earliest due, then the kind's order; an equal one
/// offered later does not replace it.
#[derive(Default)]
pub struct Pick {
    best: Option<Candidate>,
}

impl Pick {
    fn rank(c: &Candidate) -> (bool, Instant, Kind) {
        (c.kind != Kind::ConfirmOptOut, c.due_at, c.kind)
    }

    /// Offers a candidate.
    pub fn offer(&mut self, c: Candidate) {
        if self
            .best
            .as_ref()
            .map_or(true, |b| Self::rank(&c) < Self::rank(b))
        {
            self.best = Some(c);
        }
    }

    /// The best candidate offered.
    pub fn best(self) -> Option<Candidate> {
        self.best
    }
}

/// What the cadence proposes for a contact.
pub struct Proposal {
    /// The next action for a person.
    pub next: Option<Candidate>,
    /// The next automatic send.
    pub auto: Option<Candidate>,
    /// The cadence's end, if reached.
    pub done: Option<Done>,
    /// The campaign position of `now`.
    pub position: Option<Position>,
    /// The earliest pending callback or follow-up.
    pub follow_up_at: Option<Instant>,
}

/// Gathers every candidate next action and keeps the one to do first.
pub fn propose(ctx: &Ctx, s: &Consent, explain: &mut Explain) -> Proposal {
    let mut pick = Pick::default();
    let mut follow_up_at: Option<Instant> = None;
    if let Some(c) = confirmation(ctx, s, explain) {
        pick.offer(c);
    }
    if let Some(c) = cadence::reply(ctx, s, explain) {
        pick.offer(c);
    }
    let callback = cadence::callback(ctx, s, explain);
    let had_callback = callback.is_some();
    if let Some(c) = callback {
        follow_up_at = Some(c.due_at);
        pick.offer(c);
    }
    let mut done = None;
    let mut position = None;
    let mut auto = None;
    if let Some(c) = &ctx.playbook.campaign {
        position = cadence::position(ctx, c, ctx.now);
        let (cand, d) = cadence::campaign(ctx, s, c, explain);
        if let Some(c) = cand {
            pick.offer(c);
        }
        done = d;
    } else if !ctx.playbook.steps.is_empty() {
        let st = cadence::steps(ctx, s, explain);
        for c in st.candidates {
            pick.offer(c);
        }
        auto = st.auto;
        done = st.done;
    }
    if !had_callback {
        if let Some(c) = cadence::follow_up(ctx, s, explain) {
            follow_up_at = Some(c.due_at);
            pick.offer(c);
        }
    }
    Proposal {
        next: pick.best(),
        auto,
        done,
        position,
        follow_up_at,
    }
}

/// The one confirmation text an SMS opt-out may get, while its minutes last
/// and it has not gone out.
// (Out of line, as the parts of `facts` below.)
#[inline(never)]
fn confirmation(ctx: &Ctx, s: &Consent, explain: &mut Explain) -> Option<Candidate> {
    let o = s
        .opt_out
        .as_ref()
        .filter(|o| o.confirmable() && s.wrong_number.is_none())?;
    let deadline = o.at.plus(CONFIRMATION_MS);
    if o.confirmed_at.is_some() || ctx.now > deadline {
        return None;
    }
    if ctx.explains() {
        explain
            .line()
            .s("one confirmation text may go out until ")
            .words(ctx.words(deadline));
    }
    Some(Candidate {
        kind: Kind::ConfirmOptOut,
        label: Label::ConfirmOptOut,
        attempt: None,
        channel: ActChannel::Reach(Channel::Sms),
        mode: Mode::Manual,
        due_at: deadline,
        opens_at: o.at,
        overdue_at: deadline,
        blocking: false,
    })
}

/// The facts of `ctx`'s contact at its `now`.
pub fn facts<'a>(ctx: &Ctx<'a>) -> Facts<'a> {
    let playbook = ctx.playbook;
    let now = ctx.now;
    let mut explain = if ctx.explains() {
        // About the size of a typical evaluation's lines: one allocation.
        Explain::with_capacity(1536, 16)
    } else {
        Explain::default()
    };
    if ctx.explains() {
        zone_words(ctx, &mut explain);
    }
    let st = status::fold(ctx.history(), &playbook.sticky);
    if ctx.explains() {
        status_words(ctx, &st, &mut explain);
    }

    let mut consent = Consent {
        explain,
        ..Consent::default()
    };
    consent::fold_into(ctx, &mut consent);
    let mut explain = std::mem::take(&mut consent.explain);
    let checks = consent::check_all(ctx, &consent, now);
    if ctx.explains() {
        checks_words(ctx, &checks, &mut explain);
    }

    let mut proposal = propose(ctx, &consent, &mut explain);
    if let Some(a) = proposal.auto.as_mut() {
        hold_auto(ctx, a, &checks);
    }
    next_words(ctx, &proposal, &mut explain);

    let texting_blocked = consent.dnd_for(Channel::Sms).is_some();
    let hot = consent.hot();
    let priority = priority(ctx, &consent, texting_blocked, hot, &mut explain);
    Facts {
        status: st,
        consent,
        checks,
        next: proposal.next,
        next_auto: proposal.auto,
        done: proposal.done,
        position: proposal.position,
        follow_up_at: proposal.follow_up_at,
        texting_blocked,
        hot,
        priority,
        valid_until: ctx.next_change(),
        history_until: ctx.history_change(),
        explain,
    }
}

// The parts of `facts` below stay out of line: inlined, they grow the
// WebAssembly module by 1 KB gzipped.

/// The `explain` line for the status: which event decided it.
#[inline(never)]
fn status_words(ctx: &Ctx, st: &StatusFold, explain: &mut Explain) {
    match st.at {
        None => explain.push("no SMS exchanged and no outcome with a status logged: New Account"),
        Some(at) => {
            explain
                .line()
                .s("status ")
                .s(st.status.label())
                .s(if st.status.is_manual() {
                    " from the outcome logged at "
                } else {
                    " from the last text at "
                })
                .words(ctx.words(at))
                .s_if(
                    st.held_by_sticky,
                    " (sticky: later texts do not replace it)",
                );
        }
    }
}

/// The `explain` lines for the channels refused now for a while (not by a
/// lasting DND or wrong number), and from when they are allowed.
#[inline(never)]
fn checks_words(ctx: &Ctx, checks: &[Check; 3], explain: &mut Explain) {
    for (c, chk) in Channel::ALL.iter().zip(checks) {
        if let (Some(r), false) = (chk.reason, chk.allowed) {
            if !r.lasting() {
                let mut line = explain.line();
                line.s(c.noun())
                    .s(" not allowed now (")
                    .s(r.as_str())
                    .s(")");
                if let Some(t) = chk.next_allowed_at {
                    line.s(", allowed from ").words(ctx.words(t));
                }
            }
        }
    }
}

/// Holds an automatic send owed now until its channel allows it.
#[inline(never)]
fn hold_auto(ctx: &Ctx, a: &mut Candidate, checks: &[Check; 3]) {
    // An automatic send owed now waits for its channel: the sender's loop
    // never finds it due in quiet hours or over a cap.
    if a.opens_at > ctx.now {
        return;
    }
    let held = match a.channel {
        ActChannel::Reach(c) => checks.get(c as usize).filter(|chk| !chk.allowed),
        ActChannel::Task => None,
    };
    if let Some(chk) = held {
        a.opens_at = chk.next_allowed_at.unwrap_or(Instant(i64::MAX));
        if let Some(t) = chk.next_allowed_at {
            ctx.note(t);
        }
    }
}

/// Notes when the next action opens and turns overdue, or when a finished
/// cadence starts again, and says which in `explain`.
#[inline(never)]
fn next_words(ctx: &Ctx, proposal: &Proposal, explain: &mut Explain) {
    if let Some(n) = &proposal.next {
        ctx.note(n.opens_at);
        ctx.note(n.overdue_at.plus(1));
        if ctx.explains() {
            explain
                .line()
                .s("next: ")
                .s(&n.label.text(ctx.playbook))
                .s(" by ")
                .s(n.channel.as_str())
                .s(", due ")
                .words(ctx.words(n.due_at))
                .s(if ctx.now > n.overdue_at {
                    " (overdue)"
                } else {
                    ""
                });
        }
    } else if let Some(d) = &proposal.done {
        if ctx.explains() {
            explain.line().s("nothing to do: ").s(d.label);
        }
    }
    if let Some(d) = proposal.done.as_ref().and_then(|d| d.until) {
        ctx.note(d);
    }
}

/// The work priority: the contact's own, plus the playbook's boost while the
/// customer's texting opt-out makes it a hot lead.
#[inline(never)]
fn priority(
    ctx: &Ctx,
    consent: &Consent,
    texting_blocked: bool,
    hot: bool,
    explain: &mut Explain,
) -> f64 {
    let playbook = ctx.playbook;
    let base = ctx.contact.priority.unwrap_or(0.0);
    let priority = if hot {
        base + playbook.opt_out.priority_boost
    } else {
        base
    };
    if ctx.explains() {
        if !hot && consent.opt_out.is_some() && texting_blocked {
            explain.push(
                "texting opt-out, but calls are not allowed either: not moved to the hot stage, no priority boost",
            );
        }
        if hot {
            explain.push_fmt(format_args!(
                "texting opt-out: shown as {:?}, moved to {:?}, priority +{}",
                display_name(ctx, texting_blocked),
                playbook.opt_out.stage,
                playbook.opt_out.priority_boost
            ));
        }
    }
    priority
}

/// The name to show: the contact's (else its id), with the playbook's opt-out
/// suffix while texting is blocked, and without it while texting is allowed
/// (a name a CRM saved with the suffix, after a START).
pub fn display_name(ctx: &Ctx, texting_blocked: bool) -> String {
    let name = ctx.name();
    let suffix = &ctx.playbook.opt_out.suffix;
    let base = without_suffix(&name, suffix);
    // (A name that is nothing but the suffix is no name: the id stands.)
    if base.is_empty() {
        let id = ctx.contact.id.text();
        return if texting_blocked {
            with_suffix(&id, suffix)
        } else {
            without_suffix(&id, suffix).to_string()
        };
    }
    if texting_blocked {
        with_suffix(&name, suffix)
    } else {
        base.to_string()
    }
}

/// `name` without the opt-out `suffix` at its end (in any letter case), as
/// a CRM that saved the name it was shown ("Ana Ruiz - Can't Text") keeps it,
/// once or more (two systems that each renamed the contact).
pub(crate) fn without_suffix<'n>(name: &'n str, suffix: &str) -> &'n str {
    let mut name = name.trim_end();
    while let Some(at) = saved_suffix_at(name, suffix) {
        name = name.get(..at).unwrap_or("").trim_end();
    }
    name
}

/// `name` with the opt-out `suffix` after it ("Ana Ruiz - can't text"): the
/// name's trailing white space dropped, and a name that already ends with
/// the suffix (a CRM that saved the name it was shown, or an old system's
/// "Ana Ruiz - Can't Text") kept with it once as written, not given it twice.
pub(crate) fn with_suffix(name: &str, suffix: &str) -> String {
    let mut name = name.trim_end();
    while let Some(at) = suffix_at(name, suffix) {
        let before = name.get(..at).unwrap_or("").trim_end();
        if suffix_at(before, suffix).is_none() {
            return name.to_string();
        }
        name = before;
    }
    [name, suffix].concat()
}

/// Where the opt-out `suffix` (its trailing white space apart) starts at
/// the end of `name`, in any letter case, whichever apostrophe or dash an
/// editor typed ("Can’t Text", "Can´t Text", "— can't text", "-- can't
/// text", "− can't text"), and with spaces (no-break or thin too) and
/// apostrophes typed or not ("-can't text", "- cant text"); `None` when it
/// does not, or when the suffix is blank.
fn suffix_at(name: &str, suffix: &str) -> Option<usize> {
    fn fold(c: char) -> char {
        match c {
            '’' | '‘' | 'ʼ' | '`' | '´' | '′' | '＇' => '\'',
            '–' | '—' | '‐' | '‑' | '−' | '―' | '⸺' => '-',
            // A no-break or thin space (a word processor's, or an HTML
            // field's) is a space.
            '\u{a0}' | '\u{2009}' | '\u{202f}' | '\t' => ' ',
            c => c.to_ascii_lowercase(),
        }
    }
    let kept = |c: &char| !matches!(fold(*c), ' ' | '\'');
    let mut name_chars = name.char_indices().rev().filter(|(_, c)| kept(c));
    let mut at = None;
    let mut first = ' ';
    for t in suffix.trim_end().chars().rev().filter(kept) {
        let (i, n) = name_chars.next()?;
        if fold(n) != fold(t) {
            return None;
        }
        at = Some(i);
        first = fold(t);
    }
    // A dash typed twice ("Ana Ruiz -- can't text") is one.
    if first == '-' {
        for (i, _) in name_chars.take_while(|(_, n)| fold(*n) == '-') {
            at = Some(i);
        }
    }
    at
}

/// [`suffix_at`], and 0 for a name that is the suffix alone without the
/// white space it starts with ("- can't text").
fn saved_suffix_at(name: &str, suffix: &str) -> Option<usize> {
    suffix_at(name, suffix).or_else(|| suffix_at(name, suffix.trim_start()).filter(|&a| a == 0))
}

/// The first line of `explain`: which zone local times are in, and why.
fn zone_words(ctx: &Ctx, explain: &mut Explain) {
    let zone = ctx.zone;
    let whose = match ctx.zone_source() {
        ZoneSource::Contact => " (the contact's zone)",
        ZoneSource::Playbook => " (the playbook's zone)",
        ZoneSource::Region => return explain.push_fmt(format_args!(
            "{}zone unknown: a time is inside the contact window only if it is inside it in every zone of {} ({}); local times written in {}",
            // (A fixed offset given as the contact's zone, set aside.)
            ctx.contact.time_zone.map_or(String::new(), |z| {
                crate::context::set_aside(z, ctx.region().map_or("US", |r| r.code())) + ": "
            }),
            ctx.region().map_or("US", |r| r.code()),
            ctx.hours()
                .zones
                .iter()
                .map(|z| z.name())
                .collect::<Vec<_>>()
                .join(", "),
            zone.name()
        )),
    };
    explain.line().s("local times in ").s(zone.name()).s(whose);
}
