//! The consent fold: the history, event by event, into the DNDs, the
//! opt-out, the wrong-number mark and the touches the caps count — auditing
//! each touch against the state before it.

use crate::context::Ctx;
use crate::model::{
    Channel, Direction, DndChannel, DndSource, EventBody, Interaction, MessageChannel, Outcome,
    Reply,
};
use crate::reply::{Intent, Match, Revoked};
use crate::time::Instant;

use super::check::audit;
use super::{chan_slot, set_once, slot, source_words, Consent, Dnd, OptOut, CONFIRMATION_MS};

/// Folds consent over the history up to `ctx.now`.
pub fn fold<'a>(ctx: &Ctx<'a>) -> Consent<'a> {
    let mut s = Consent::default();
    fold_into(ctx, &mut s);
    s
}

/// [`fold`] into `s`, a fresh state whose `explain` may hold the
/// evaluation's lines so far (its lines follow them, in one allocation).
/// Folded in place: the state is a few hundred bytes, and an evaluation
/// should not copy it out of the fold and again into its facts.
pub fn fold_into<'a>(ctx: &Ctx<'a>, s: &mut Consent<'a>) {
    // The batch's own lists when it lends them; and one allocation for the
    // touches the caps count (at most one per event), not a growth every few.
    ctx.lent.take().lend_to(s);
    if !ctx.caps().is_empty() {
        s.touches.reserve(ctx.upto);
    }
    // Whether the customer's last text was an opt-out (a "yes" right after
    // one opts back in).
    let mut after_opt_out = false;
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
                after_opt_out = inbound(ctx, s, i, e.at, c, *medium, after_opt_out);
            }
            EventBody::Message {
                channel,
                direction: Direction::Out,
                ..
            } => outbound(ctx, s, i, e.at, Channel::from(*channel)),
            EventBody::Activity {
                interaction: Interaction::Call,
                outcome,
                ..
            } => call(ctx, s, i, e.at, *outcome),
            EventBody::Dnd {
                channel,
                active,
                source,
            } => dnd(ctx, s, i, e.at, *channel, *active, *source),
            _ => {}
        }
    }
    if let Some(o) = s.opt_out.as_ref().filter(|o| o.confirmable()) {
        ctx.note(o.at.plus(CONFIRMATION_MS + 1));
    }
}

/// A message from the customer, read for an opt-out, opt-in or help; says
/// whether the customer's last text is now an opt-out.
fn inbound<'a>(
    ctx: &Ctx,
    s: &mut Consent<'a>,
    i: usize,
    at: Instant,
    c: &'a Reply,
    medium: MessageChannel,
    after_opt_out: bool,
) -> bool {
    if medium == MessageChannel::Email {
        // An email is read for an opt-out only (CAN-SPAM accepts a
        // reply to the sender); anything else is conversation.
        if c.intent == Intent::OptOut {
            opt_out(ctx, s, i, at, c, medium);
        }
        return after_opt_out;
    }
    match c.intent {
        Intent::OptOut => {
            opt_out(ctx, s, i, at, c, medium);
            return true;
        }
        Intent::OptIn => {
            let is_yes = c.keyword.as_deref() == Some("YES");
            // A plain "yes" in a conversation is not a re-opt-in.
            if !is_yes || after_opt_out {
                opt_in(ctx, s, i, at, c);
            }
        }
        Intent::Help => s.keyword_events.push((i, Intent::Help)),
        Intent::None => {}
    }
    false
}

/// A texted opt-in lifts the texting DND an opt-out keyword set (a DND set
/// by hand stays), and the every-channel one of the keyword STOP ALL, which
/// it answers. An opt-out of every channel in the customer's own words
/// ("leave me alone") or by email stays on calls and email: START answers
/// texts, as after "stop calling me".
fn opt_in(ctx: &Ctx, s: &mut Consent, i: usize, at: Instant, c: &Reply) {
    s.keyword_events.push((i, Intent::OptIn));
    let by_keyword = |d: &Option<Dnd>| d.as_ref().is_some_and(|d| d.reason == DndSource::Keyword);
    let all_by_stop_all = !std::mem::take(&mut s.all_in_words);
    let [sms, call, email, all] = &mut s.dnd;
    let mut lifted = false;
    if by_keyword(sms) {
        *sms = None;
        lifted = true;
    }
    if by_keyword(all) {
        let kept = all.take();
        if !all_by_stop_all {
            for d in [call, email] {
                if d.is_none() {
                    d.clone_from(&kept);
                }
            }
        }
        lifted = true;
    }
    if lifted {
        s.keep_opt_out_in_force();
        if ctx.explains() {
            s.explain.push_fmt(format_args!(
                "{}: customer texted {:?} — texting opt-out lifted",
                ctx.words(at),
                c.keyword.as_deref().unwrap_or_default()
            ));
        }
    } else if s.dnd_for(Channel::Sms).is_some() && ctx.explains() {
        s.explain.push_fmt(format_args!(
            "{}: customer texted {:?}, but the texting DND was not set by a keyword and stays",
            ctx.words(at),
            c.keyword.as_deref().unwrap_or_default()
        ));
    }
}

/// A text or email we sent: the opt-out's one confirmation, or a touch that
/// is audited and counted.
fn outbound(ctx: &Ctx, s: &mut Consent, i: usize, at: Instant, ch: Channel) {
    let mut confirmation = false;
    if ch == Channel::Sms {
        if let Some(o) = s.opt_out.as_mut().filter(|o| o.confirmable()) {
            if o.confirmed_at.is_none() && o.in_confirmation_minutes(at) {
                o.confirmed_at = Some(at);
                s.confirmations.push(i);
                confirmation = true;
            }
        }
    }
    // The one confirmation (47 CFR 64.1200(a)(12)) is not a
    // solicitation: no quiet hours, and it does not count to a cap.
    if !confirmation {
        if ctx.audits {
            audit(ctx, s, i, at, ch);
        }
        if !ctx.caps().is_empty() {
            s.touches.push((at, ch));
        }
    }
}

/// A call we made: audited and counted; its outcome sets or lifts the
/// wrong-number mark.
fn call(ctx: &Ctx, s: &mut Consent, i: usize, at: Instant, outcome: Outcome) {
    // The call is audited against the state before it: a call to a
    // number marked wrong is a violation even when it connects.
    if ctx.audits {
        audit(ctx, s, i, at, Channel::Call);
    }
    if !ctx.caps().is_empty() {
        s.touches.push((at, Channel::Call));
    }
    let proves_number = matches!(outcome, Outcome::Connected) || outcome.is_sales();
    if proves_number && s.wrong_number.take().is_some() && ctx.explains() {
        s.explain.push_fmt(format_args!(
            "{}: call reached the contact — the wrong-number mark is lifted",
            ctx.words(at)
        ));
    }
    if outcome == Outcome::WrongNumber {
        s.wrong_number = Some((at, i));
        if ctx.explains() {
            s.explain.push_fmt(format_args!(
                "{}: call logged as wrong number — no calls or texts to this number",
                ctx.words(at)
            ));
        }
    }
}

/// A DND set or lifted on a channel (or on all).
fn dnd(
    ctx: &Ctx,
    s: &mut Consent,
    i: usize,
    at: Instant,
    channel: DndChannel,
    active: bool,
    source: DndSource,
) {
    if active {
        dnd_on(ctx, s, i, at, channel, source);
    } else {
        dnd_off(ctx, s, at, channel);
    }
}

/// What a DND on `channel` covers, in words.
#[inline(never)]
fn covers(channel: DndChannel) -> &'static str {
    match channel {
        DndChannel::All => "every channel",
        DndChannel::Sms => "texts",
        DndChannel::Call => "calls",
        DndChannel::Email => "email",
    }
}

/// A DND set on a channel (or on all); set by the customer's keyword, it is
/// the customer's opt-out too.
#[inline(never)]
fn dnd_on(
    ctx: &Ctx,
    s: &mut Consent,
    i: usize,
    at: Instant,
    channel: DndChannel,
    source: DndSource,
) {
    // The customer's keyword as the host recorded it (its SMS provider's
    // opt-out): the customer's opt-out, with its one confirmation and
    // the hot stage, as the message itself would be.
    let by_keyword = match channel {
        DndChannel::Sms => Revoked::of(Channel::Sms),
        DndChannel::All => Revoked::ALL,
        _ => Revoked::NONE,
    };
    if source == DndSource::Keyword && !by_keyword.is_empty() {
        widen(
            s,
            OptOut {
                at,
                event: i,
                keyword: "",
                phrase: false,
                channels: by_keyword,
                by_text: true,
                confirmed_at: None,
            },
        );
    }
    if let Some(d) = s.dnd.get_mut(slot(channel)) {
        if set_once(d, at, source, i) && ctx.explains() {
            s.explain.push_fmt(format_args!(
                "{}: DND on {} ({})",
                ctx.words(at),
                covers(channel),
                source_words(source)
            ));
        }
    }
}

/// A DND lifted on a channel (or on all).
#[inline(never)]
fn dnd_off(ctx: &Ctx, s: &mut Consent, at: Instant, channel: DndChannel) {
    // Lifting `all` lifts the `all` DND only: a channel's own DND
    // (an email unsubscribe, a call DND) stays until lifted itself.
    if let Some(d) = s.dnd.get_mut(slot(channel)) {
        *d = None;
    }
    s.keep_opt_out_in_force();
    if ctx.explains() {
        s.explain
            .line()
            .words(ctx.words(at))
            .s(": DND on ")
            .s(covers(channel))
            .s(" lifted");
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
    let phrase = c.matched == Some(Match::Phrase);
    if channels.is_all() && (phrase || medium == MessageChannel::Email) {
        s.all_in_words = true;
    }
    // The words of an opt-out the host recorded as a DND first.
    // (Its own message: within the confirmation's minutes, revoking texts.)
    if let Some(o) = s.opt_out.as_mut().filter(|o| {
        o.keyword.is_empty() && o.in_confirmation_minutes(at) && channels.contains(Channel::Sms)
    }) {
        o.keyword = keyword;
        o.phrase = phrase;
    }
    let before = s.opt_out.as_ref().map_or(Revoked::NONE, |o| o.channels);
    if before.union(channels) == before {
        if ctx.explains() {
            s.explain.push_fmt(format_args!(
                "{}: opt-out {:?} repeated while already opted out",
                ctx.words(at),
                keyword
            ));
        }
        return;
    }
    keyword_dnds(s, channels, at, i);
    let new = OptOut {
        at,
        event: i,
        keyword,
        phrase,
        channels,
        by_text: medium == MessageChannel::Sms,
        confirmed_at: None,
    };
    if ctx.explains() {
        opt_out_words(ctx, s, &new, medium);
    }
    widen(s, new);
}

/// The DNDs (source `keyword`) of an opt-out: `all` when it revokes every
/// channel, else each channel's own.
fn keyword_dnds(s: &mut Consent, channels: Revoked, at: Instant, i: usize) {
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
}

/// The `explain` line for an opt-out that stops more: by what words, which
/// channels it stops and which go on.
#[inline(never)]
fn opt_out_words(ctx: &Ctx, s: &mut Consent, o: &OptOut, medium: MessageChannel) {
    let channels = o.channels;
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
    s.explain.push_fmt(format_args!(
        "{}: customer {} {:?} ({}) — {} stopped{}",
        ctx.words(o.at),
        if medium == MessageChannel::Email {
            "emailed"
        } else {
            "texted"
        },
        o.keyword,
        if o.phrase {
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

/// Records an opt-out: the first one in force, widened to the new one's
/// channels (it keeps its time and its one confirmation), else the new one.
fn widen<'a>(s: &mut Consent<'a>, new: OptOut<'a>) {
    s.opt_out = Some(match s.opt_out.take() {
        Some(first) => OptOut {
            channels: first.channels.union(new.channels),
            ..first
        },
        None => new,
    });
}
