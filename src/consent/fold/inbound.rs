//! The customer's own messages in the fold: an opt-out by text or email, an
//! opt-in by text, a request for help.

use crate::consent::{chan_slot, set_once, Consent, Dnd, OptOut};
use crate::context::Ctx;
use crate::model::{Channel, DndSource, MessageChannel, Reply};
use crate::reply::{Intent, Match, Revoked};
use crate::time::Instant;

/// A message from the customer as the fold reads it: its event's index,
/// when it came, what it asks for and the medium it came by.
#[derive(Clone, Copy)]
pub(super) struct Inbound<'a> {
    pub(super) event: usize,
    pub(super) at: Instant,
    pub(super) reply: &'a Reply,
    pub(super) medium: MessageChannel,
}

/// A message from the customer, read for an opt-out, opt-in or help; says
/// whether the customer's last text is now an opt-out.
pub(super) fn inbound<'a>(
    ctx: &Ctx,
    s: &mut Consent<'a>,
    m: Inbound<'a>,
    after_opt_out: bool,
) -> bool {
    let (i, c) = (m.event, m.reply);
    if m.medium == MessageChannel::Email {
        // An email acts as an opt-out only (CAN-SPAM accepts a reply to
        // the sender); an opt-in or help keyword changes no DND, but is no
        // conversation either: no reach, and only help is owed a reply.
        match c.intent {
            Intent::OptOut => opt_out(ctx, s, m),
            Intent::OptIn if c.keyword.as_deref() != Some("YES") => {
                s.keyword_events.push((i, Intent::OptIn));
            }
            Intent::Help => s.keyword_events.push((i, Intent::Help)),
            _ => {}
        }
        return after_opt_out;
    }
    match c.intent {
        Intent::OptOut => {
            opt_out(ctx, s, m);
            return true;
        }
        Intent::OptIn => {
            let is_yes = c.keyword.as_deref() == Some("YES");
            // A plain "yes" in a conversation is not a re-opt-in.
            if !is_yes || after_opt_out {
                opt_in(ctx, s, m);
            }
        }
        Intent::Help => s.keyword_events.push((i, Intent::Help)),
        // A machine's text between STOP and YES (the phone's "I'm Driving")
        // is not the customer's next text: the YES after it still answers
        // the opt-out.
        Intent::None if c.automated => return after_opt_out,
        Intent::None => {}
    }
    false
}

/// A texted opt-in lifts the texting DND an opt-out keyword set (a DND set
/// by hand stays), and the every-channel one of the keyword STOP ALL, which
/// it answers. An opt-out of every channel in the customer's own words
/// ("leave me alone") or by email stays on calls and email: START answers
/// texts, as after "stop calling me".
fn opt_in(ctx: &Ctx, s: &mut Consent, m: Inbound) {
    let Inbound {
        event: i,
        at,
        reply: c,
        ..
    } = m;
    s.keyword_events.push((i, Intent::OptIn));
    // (An opt-out logged with a date alone that day may have come after
    // it: the opt-in answers nothing, and the opt-out stands.)
    let standing = [0, 3]
        .into_iter()
        .flat_map(|k| [s.dnd.get(k), s.beneath.get(k)])
        .flatten()
        .flatten()
        .filter(|d| d.reason == DndSource::Keyword)
        .map(|d| d.event)
        .find(|&set_by| super::stands_all_day(ctx, set_by, at));
    if let Some(set_by) = standing {
        let what = format!(
            "customer texted {:?}",
            c.keyword.as_deref().unwrap_or_default()
        );
        super::stands_words(ctx, s, at, set_by, &what);
        return;
    }
    let by_keyword = |d: &Option<Dnd>| d.as_ref().is_some_and(|d| d.reason == DndSource::Keyword);
    let in_words = s.all_in_words.take();
    let all_by_stop_all = in_words.is_none();
    let [sms, call, email, all] = &mut s.dnd;
    let [sms_beneath, call_beneath, email_beneath, all_beneath] = &mut s.beneath;
    let mut lifted = false;
    // (A DND a person set beneath the customer's stays; the customer's
    // beneath a person's goes.)
    if by_keyword(sms) {
        *sms = sms_beneath.take();
        lifted = true;
    } else if by_keyword(sms_beneath) {
        *sms_beneath = None;
        lifted = true;
    }
    let by_keyword_all = by_keyword(all) || by_keyword(all_beneath);
    if by_keyword_all {
        if by_keyword(all) {
            *all = all_beneath.take();
        } else {
            *all_beneath = None;
        }
        // Calls and email stay refused by the customer's own words.
        // (Before a DND a person set on one of them since: the first setter
        // shown, the person's beneath.)
        if let Some((since, event)) = in_words {
            for (d, beneath) in [(call, call_beneath), (email, email_beneath)] {
                let words = Some(Dnd {
                    since,
                    reason: DndSource::Keyword,
                    event,
                });
                match d {
                    None => *d = words,
                    Some(p) if p.reason != DndSource::Keyword && p.since >= since => {
                        *beneath = std::mem::replace(d, words);
                    }
                    Some(_) => {}
                }
            }
        }
        lifted = true;
    }
    // (A texting opt-out under a DND a person set first lifts too: the
    // customer's own DND was never the slot's.)
    if lifted
        || s.opt_out
            .as_ref()
            .is_some_and(|o| o.channels.contains(Channel::Sms))
    {
        s.keep_opt_out_in_force();
    }
    if lifted {
        if ctx.explains() {
            // Which channels opened, and which stay refused (the
            // customer's own words, a DND set by hand, a wrong number).
            let calls = s.dnd_for(Channel::Call).is_some();
            let email = s.dnd_for(Channel::Email).is_some();
            let every = all_by_stop_all && by_keyword_all && !calls && !email;
            let still = super::still_refused(s, Channel::ALL.into_iter());
            s.explain
                .line()
                .words(ctx.words(at))
                .s(": customer texted \"")
                .s(c.keyword.as_deref().unwrap_or_default())
                .s("\" — ")
                .s(if every {
                    "opt-out lifted on every channel"
                } else {
                    "texting opt-out lifted"
                })
                .s(&still);
        }
    } else if s.dnd_for(Channel::Sms).is_some() && ctx.explains() {
        s.explain.push_fmt(format_args!(
            "{}: customer texted {:?}, but the texting DND was not set by a keyword and stays",
            ctx.words(at),
            c.keyword.as_deref().unwrap_or_default()
        ));
    }
}

/// The customer's own opt-out, by text or email: a DND (source `keyword`) on
/// every channel the words revoke (`all` when they revoke every one). An
/// opt-out that revokes nothing new leaves the first one standing (and its one
/// confirmation); one that revokes more widens it.
fn opt_out<'a>(ctx: &Ctx, s: &mut Consent<'a>, m: Inbound<'a>) {
    let Inbound {
        event: i,
        at,
        reply: c,
        medium,
    } = m;
    s.keyword_events.push((i, Intent::OptOut));
    let channels = if c.channels.is_empty() {
        Revoked::of(Channel::from(medium))
    } else {
        c.channels
    };
    let keyword = c.keyword.as_deref().unwrap_or_default();
    let phrase = c.matched == Some(Match::Phrase);
    if channels.is_all() && (phrase || medium == MessageChannel::Email) && s.all_in_words.is_none()
    {
        s.all_in_words = Some((at, i));
    }
    // The words of an opt-out the host recorded as a DND first.
    // (Its own message: within the confirmation's minutes, revoking texts.)
    if let Some(o) = s.opt_out.as_mut().filter(|o| {
        o.keyword.is_empty() && o.in_confirmation_minutes(at) && channels.contains(Channel::Sms)
    }) {
        o.keyword = keyword;
        o.phrase = phrase;
        let event = o.event;
        if let Some(r) = s.opt_outs.iter_mut().find(|r| r.event == event) {
            r.keyword = keyword;
            r.phrase = phrase;
        }
    }
    // Each channel the words name keeps its own DND, even under a wider one
    // in force: an opt-in that lifts the wider one (START answering STOP
    // ALL) leaves "stop calling me", sent between them, standing.
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
    s.opt_outs.push(new.clone());
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
    if ctx.explains() {
        opt_out_words(ctx, s, &new, medium);
    }
    widen(s, new);
}

/// The DNDs (source `keyword`) of an opt-out: `all` when it revokes every
/// channel, else each channel's own.
fn keyword_dnds(s: &mut Consent, channels: Revoked, at: Instant, i: usize) {
    // (Over a DND a person set first, the customer's is kept beneath it: a
    // START that lifts texts leaves it refusing the rest, as the customer's.)
    let mut set = |k: usize| {
        if let (Some(d), Some(b)) = (s.dnd.get_mut(k), s.beneath.get_mut(k)) {
            let d = if d.as_ref().is_some_and(|d| d.reason != DndSource::Keyword) {
                b
            } else {
                d
            };
            set_once(d, at, DndSource::Keyword, i);
        }
    };
    if channels.is_all() {
        set(3);
    } else {
        for ch in channels.iter() {
            set(chan_slot(ch));
        }
    }
}

/// For `explain`, what an opt-out of `channels` leaves: "; calls and email
/// go on", then those a DND or a wrong number already refuses ("; calls
/// still refused": "calls go on" to someone who asked not to be called
/// before would be false).
pub(super) fn goes_on(s: &Consent, channels: Revoked) -> String {
    let others = || {
        Channel::ALL
            .into_iter()
            .filter(|ch| !channels.contains(*ch))
    };
    let left: Vec<&str> = others()
        .filter(|&ch| !super::refused(s, ch))
        .map(super::plural)
        .collect();
    let still = super::still_refused(s, others());
    if left.is_empty() {
        still
    } else {
        let verb = if left == ["email"] { "goes" } else { "go" };
        format!("; {} {verb} on{still}", left.join(" and "))
    }
}

/// The `explain` line for an opt-out that stops more: by what words, which
/// channels it stops and which go on.
fn opt_out_words(ctx: &Ctx, s: &mut Consent, o: &OptOut, medium: MessageChannel) {
    let channels = o.channels;
    let names: Vec<&str> = channels.iter().map(super::plural).collect();
    let rest = goes_on(s, channels);
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
        rest
    ));
}

/// Records an opt-out: the first one in force, widened to the new one's
/// channels (it keeps its time and its one confirmation), else the new one.
/// A texted opt-out that stops texts where the first did not (calls or
/// email alone, or texting opted back in since) is one of its own, with its
/// own time and confirmation, widened to the first's channels.
pub(super) fn widen<'a>(s: &mut Consent<'a>, new: OptOut<'a>) {
    s.opt_out = Some(match s.opt_out.take() {
        Some(first)
            if first.channels.contains(Channel::Sms)
                || !(new.by_text && new.channels.contains(Channel::Sms)) =>
        {
            // (Texts refused first by an email, after a text that left them
            // open: no confirmation text is owed.)
            let by_text = first.by_text
                && (first.channels.contains(Channel::Sms) || !new.channels.contains(Channel::Sms));
            OptOut {
                channels: first.channels.union(new.channels),
                by_text,
                ..first
            }
        }
        Some(first) => OptOut {
            channels: first.channels.union(new.channels),
            ..new
        },
        None => new,
    });
}
