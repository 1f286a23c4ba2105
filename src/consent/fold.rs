//! The consent fold: the history, event by event, into the DNDs, the
//! opt-out, the wrong-number mark and the touches the caps count — auditing
//! each touch against the state before it.
//!
//! The customer's own messages (opt-out, opt-in, help) are read in `inbound`.

mod inbound;

use crate::context::Ctx;
use crate::model::{
    Channel, Direction, DndChannel, DndSource, Event, EventBody, Interaction, Outcome,
};
use crate::reply::Revoked;
use crate::time::Instant;

use super::check::audit;
use super::{set_once, slot, source_words, Consent, OptOut, Refusal, Touch, CONFIRMATION_MS};
use inbound::{inbound, widen, Inbound};

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
    // Since when each channel (sms, call, email) is refused for good.
    let mut since: [Option<(Refusal, Instant)>; 3] = [None; 3];
    for (i, e) in ctx.events() {
        fold_event(ctx, s, i, e, &mut after_opt_out);
        // (Only these set or lift a DND or a wrong-number mark.)
        if matches!(
            e.body,
            EventBody::Message {
                direction: Direction::In,
                ..
            } | EventBody::Activity {
                interaction: Interaction::Call,
                ..
            } | EventBody::Dnd { .. }
        ) {
            track_lasting(s, &mut since, e.at);
        }
    }
    if let Some(o) = s.opt_out.as_ref().filter(|o| o.confirmable()) {
        ctx.note(o.at.plus(CONFIRMATION_MS + 1));
    }
    // By event index, for the lookups of each message (`Consent::keyword`,
    // `Consent::is_confirmation`): in time order they are already, but
    // for events given out of order.
    crate::sort::sort(&mut s.keyword_events, |a, b| a.0 > b.0);
    crate::sort::sort(&mut s.confirmations, |a, b| a > b);
}

/// Notes the lasting refusals that began or ended at `at` (`since`: when each
/// channel's began, while it holds).
fn track_lasting(s: &mut Consent, since: &mut [Option<(Refusal, Instant)>; 3], at: Instant) {
    for (k, c) in [Channel::Sms, Channel::Call, Channel::Email]
        .into_iter()
        .enumerate()
    {
        let Some(held) = since.get_mut(k) else {
            continue;
        };
        match (*held, s.lasting(c)) {
            (None, Some(r)) => *held = Some((r, at)),
            (Some((r, from)), None) => {
                s.lifted.push((c, r, from, at));
                *held = None;
            }
            _ => {}
        }
    }
}

/// One event folded into `s`.
fn fold_event<'a>(
    ctx: &Ctx<'a>,
    s: &mut Consent<'a>,
    i: usize,
    e: &'a Event,
    after_opt_out: &mut bool,
) {
    match &e.body {
        EventBody::Message {
            channel: medium,
            direction: Direction::In,
            reply,
            ..
        } => {
            // A text from the number does not lift a wrong-number mark: the new
            // holder of a reassigned number can text too.
            let Some(c) = reply else { return };
            let m = Inbound {
                event: i,
                at: e.at,
                reply: c,
                medium: *medium,
            };
            *after_opt_out = inbound(ctx, s, m, *after_opt_out);
        }
        EventBody::Message {
            channel,
            direction: Direction::Out,
            ..
        } => outbound(ctx, s, i, e, Channel::from(*channel)),
        EventBody::Activity {
            interaction: Interaction::Call,
            outcome,
            inbound,
            ..
        } => call(ctx, s, i, e, *outcome, *inbound),
        EventBody::Dnd {
            channel,
            active,
            source,
            list,
        } => {
            // (A texting DND the host recorded from a keyword is the
            // customer's opt-out: a "yes" right after it opts back in.)
            *after_opt_out |= dnd(ctx, s, i, e.at, *channel, *active, *source);
            // A do-not-call list's binds texts as calls (47 CFR 64.1200(e)),
            // and goes off texts with calls, whatever the lift's label.
            if *channel == DndChannel::Call {
                if *active && *list {
                    dnd(ctx, s, i, e.at, DndChannel::Sms, true, *source);
                } else if !*active {
                    list_off(ctx, s, e.at);
                }
            }
        }
        _ => {}
    }
}

/// A text or email we sent: the opt-out's one confirmation, or a touch that
/// is audited and counted.
fn outbound(ctx: &Ctx, s: &mut Consent, i: usize, e: &Event, ch: Channel) {
    let at = e.at;
    let mut confirmation = false;
    // (None to a number marked wrong: no text at all goes there; and none
    // the host marked as a step's: that text is the cadence's, sent on.)
    let step = matches!(&e.body, EventBody::Message { step: Some(_), .. });
    if ch == Channel::Sms && s.wrong_number.is_none() && !step {
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
            audit(ctx, s, i, at, ch, e.dated);
        }
        if !ctx.caps().is_empty() {
            s.touches.push(touch(ctx, e, ch));
        }
    }
}

/// The touch a cap counts for `e` on `ch` (see [`Touch`]).
fn touch(ctx: &Ctx, e: &Event, ch: Channel) -> Touch {
    Touch {
        at: e.at,
        last: if e.dated {
            ctx.zone.add_days(e.at, 1)
        } else {
            e.at
        },
        channel: ch,
    }
}

/// A call we made: audited and counted; its outcome sets or lifts the
/// wrong-number mark.
fn call(ctx: &Ctx, s: &mut Consent, i: usize, e: &Event, outcome: Outcome, inbound: bool) {
    let at = e.at;
    // The call is audited against the state before it: a call to a
    // number marked wrong is a violation even when it connects. (The
    // customer's own call is no touch of ours: neither audited nor counted.)
    if ctx.audits && !inbound {
        audit(ctx, s, i, at, Channel::Call, e.dated);
    }
    if !ctx.caps().is_empty() && !inbound {
        s.touches.push(touch(ctx, e, Channel::Call));
    }
    let proves_number = matches!(outcome, Outcome::Connected) || outcome.is_sales();
    let stands = s
        .wrong_number
        .is_some_and(|(_, set_by)| stands_all_day(ctx, set_by, at));
    if proves_number && stands {
        if let Some((_, set_by)) = s.wrong_number {
            stands_words(ctx, s, at, set_by, "call reached the contact");
        }
    } else if proves_number && s.wrong_number.take().is_some() && ctx.explains() {
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

/// Whether the refusal event `set_by` set stands against a lift at `at`
/// (an opt-in, a DND lifted, a call that reaches the contact): it was logged
/// with a date alone, and `at` falls before that day is over. Its time of day
/// unknown, it may have come after the lift, and erring toward the refusal it
/// did (47 CFR 64.1200(a)(10)); a lift on a later day lifts it.
pub(super) fn stands_all_day(ctx: &Ctx, set_by: usize, at: Instant) -> bool {
    ctx.event(set_by)
        .is_some_and(|e| e.dated && at < ctx.zone.add_days(e.at, 1))
}

/// For `explain`: the lift at `at` left the refusal `set_by` set standing
/// ([`stands_all_day`]).
pub(super) fn stands_words(ctx: &Ctx, s: &mut Consent, at: Instant, set_by: usize, what: &str) {
    if !ctx.explains() {
        return;
    }
    let Some(set) = ctx.event(set_by) else {
        return;
    };
    s.explain.push_fmt(format_args!(
        "{}: {what}, but the refusal logged for {} may have come after it, and stands",
        ctx.words(at),
        ctx.words(set.at).day_only(true)
    ));
}

/// A DND set or lifted on a channel (or on all); says whether it is the
/// customer's texting opt-out (see [`dnd_on`]).
fn dnd(
    ctx: &Ctx,
    s: &mut Consent,
    i: usize,
    at: Instant,
    channel: DndChannel,
    active: bool,
    source: DndSource,
) -> bool {
    if active {
        dnd_on(ctx, s, i, at, channel, source)
    } else {
        dnd_off(ctx, s, at, channel);
        false
    }
}

/// A do-not-call list's DND lifted from texts with calls: only the one a
/// list set (the customer's own STOP, or a person's DND on texts, stays),
/// and not while it stands (logged with a date alone that day, as its part
/// on calls then stands: [`stands_all_day`]).
fn list_off(ctx: &Ctx, s: &mut Consent, at: Instant) {
    let by_list = |d: &Option<super::Dnd>| {
        d.as_ref()
            .is_some_and(|d| listed(ctx, d.event) && !stands_all_day(ctx, d.event, at))
    };
    let k = slot(DndChannel::Sms);
    if let (Some(d), Some(b)) = (s.dnd.get_mut(k), s.beneath.get_mut(k)) {
        if by_list(d) {
            *d = b.take();
        } else if by_list(b) {
            *b = None;
        }
    }
}

/// Whether event `i` is a DND a do-not-call list set (see `EventBody::Dnd`).
fn listed(ctx: &Ctx, i: usize) -> bool {
    ctx.event(i)
        .is_some_and(|e| matches!(e.body, EventBody::Dnd { list: true, .. }))
}

/// What a DND on `channel` covers, in words.
fn covers(channel: DndChannel) -> &'static str {
    match channel {
        DndChannel::All => "every channel",
        DndChannel::Sms => "texts",
        DndChannel::Call => "calls",
        DndChannel::Email => "email",
    }
}

/// A DND set on a channel (or on all); set by the customer's keyword on
/// texts (or on all), it is the customer's opt-out too, and says so.
fn dnd_on(
    ctx: &Ctx,
    s: &mut Consent,
    i: usize,
    at: Instant,
    channel: DndChannel,
    source: DndSource,
) -> bool {
    // The customer's keyword as the host recorded it (its SMS provider's
    // opt-out): the customer's opt-out, with its one confirmation and
    // the hot stage, as the message itself would be.
    let by_keyword = match channel {
        DndChannel::Sms => Revoked::of(Channel::Sms),
        DndChannel::All => Revoked::ALL,
        _ => Revoked::NONE,
    };
    let opt_out = source == DndSource::Keyword && !by_keyword.is_empty();
    if opt_out {
        let record = OptOut {
            at,
            event: i,
            keyword: "",
            phrase: false,
            channels: by_keyword,
            by_text: true,
            confirmed_at: None,
        };
        s.opt_outs.push(record.clone());
        widen(s, record);
    }
    if let Some(d) = s.dnd.get_mut(slot(channel)) {
        // (One set by hand or by the email provider over the customer's
        // keyword one is kept beneath it, and outlasts a START.)
        let d = match s.beneath.get_mut(slot(channel)) {
            Some(beneath)
                if source != DndSource::Keyword
                    && d.as_ref().is_some_and(|d| d.reason == DndSource::Keyword) =>
            {
                beneath
            }
            _ => d,
        };
        if set_once(d, at, source, i) && ctx.explains() {
            // (A keyword DND says what goes on and what is still refused,
            // as the customer's keyword's own line does; on email or calls
            // alone, the other channels.)
            let rest = match channel {
                _ if source != DndSource::Keyword => String::new(),
                DndChannel::Call => inbound::goes_on(s, Revoked::of(Channel::Call)),
                DndChannel::Email => inbound::goes_on(s, Revoked::of(Channel::Email)),
                _ => inbound::goes_on(s, by_keyword),
            };
            s.explain.push_fmt(format_args!(
                "{}: DND on {} ({}){rest}",
                ctx.words(at),
                covers(channel),
                if listed(ctx, i) {
                    "do-not-call list: texts and calls"
                } else {
                    source_words(source)
                }
            ));
        }
    }
    opt_out
}

/// A channel as `explain` names it: "texts", "calls", "email".
fn plural(c: Channel) -> &'static str {
    match c {
        Channel::Sms => "texts",
        Channel::Call => "calls",
        Channel::Email => "email",
    }
}

/// Whether a DND or a wrong number refuses `ch` now.
fn refused(s: &Consent, ch: Channel) -> bool {
    s.dnd_for(ch).is_some() || (ch != Channel::Email && s.wrong_number.is_some())
}

/// For `explain`: "; texts and calls still refused" for those of `among`
/// a DND or a wrong number still refuses, else nothing.
fn still_refused(s: &Consent, among: impl Iterator<Item = Channel>) -> String {
    let refused: Vec<&str> = among.filter(|&ch| refused(s, ch)).map(plural).collect();
    match refused.as_slice() {
        [] => String::new(),
        [one] => format!("; {one} still refused"),
        [init @ .., last] => format!("; {} and {last} still refused", init.join(", ")),
    }
}

/// A DND lifted on a channel (or on all).
fn dnd_off(ctx: &Ctx, s: &mut Consent, at: Instant, channel: DndChannel) {
    // Lifting `all` lifts the `all` DND only: a channel's own DND
    // (an email unsubscribe, a call DND) stays until lifted itself. (One
    // logged with a date alone that day stands: it may have come after.)
    let k = slot(channel);
    let standing = [s.dnd.get(k), s.beneath.get(k)]
        .into_iter()
        .flatten()
        .flatten()
        .map(|d| d.event)
        .find(|&set_by| stands_all_day(ctx, set_by, at));
    if let Some(set_by) = standing {
        let what = format!("DND on {} lifted", covers(channel));
        stands_words(ctx, s, at, set_by, &what);
        return;
    }
    if let Some(d) = s.dnd.get_mut(k) {
        *d = None;
    }
    if let Some(d) = s.beneath.get_mut(k) {
        *d = None;
    }
    // (Lifting all lifts the customer's words for all too: a STOP ALL and
    // a START after it do not bring them back.)
    if channel == DndChannel::All {
        s.all_in_words = None;
    }
    s.keep_opt_out_in_force();
    if ctx.explains() {
        // (What another DND, or a wrong number, still refuses: lifting one
        // channel leaves an `all` DND over it, lifting `all` a channel's own.)
        let still = still_refused(s, Channel::ALL.into_iter());
        s.explain
            .line()
            .words(ctx.words(at))
            .s(": DND on ")
            .s(covers(channel))
            .s(" lifted")
            .s(&still);
    }
}
