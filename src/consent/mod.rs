//! Consent: do-not-disturb per channel, wrong numbers, quiet hours and frequency
//! caps, as a fold over the history; and the audit of past touches.
//!
//! The rules, with their public sources, are in `docs/consent.md`.

mod check;
mod fold;

use serde::Serialize;

use crate::context::Ctx;
use crate::explain::Explain;
use crate::model::{Channel, DndChannel, DndSource, MessageChannel};
use crate::reply::{Intent, Revoked};
use crate::time::{Instant, MINUTE};

pub use check::{cap_clear, check, check_all, next_allowed, window_answer};
pub use fold::{fold, fold_into};

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
    /// The answer follows the contact window alone until a new event: no DND,
    /// no wrong number, every cap clear. It is then the same for every
    /// contact in the place, and its turns are noted apart
    /// ([`crate::context::Ctx::note_hours`]).
    pub follows_hours: bool,
}

/// Which rule a past touch broke: one a channel check refuses by (a DND, the
/// hours, a cap, a wrong number), or a text after the customer's own opt-out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A text after the customer's opt-out.
    TextAfterOptOut,
    /// A touch a check would have refused, for this reason.
    Refused(Refusal),
}

impl Rule {
    /// The rule's name in the JSON contract (`violations[].rule`).
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::TextAfterOptOut => "textAfterOptOut",
            Rule::Refused(r) => r.as_str(),
        }
    }
}

/// A past touch that broke a rule, as facts (24 bytes, no allocation);
/// [`Violation::message`] says it in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// When.
    pub at: Instant,
    /// The index of the event.
    pub event: u32,
    /// For `wrongNumber`: the event that marked the number; for
    /// `frequencyCap`: which touch of the period it was.
    pub detail: u32,
    /// For `frequencyCap`: which of the place's caps.
    pub cap: u32,
    /// On which channel.
    pub channel: Channel,
    /// Which rule.
    pub rule: Rule,
    /// For `dnd`: why the DND was set.
    pub source: DndSource,
}

impl Violation {
    /// The violation in words.
    pub fn message(&self, ctx: &Ctx) -> String {
        let ch = self.channel;
        match self.rule {
            Rule::TextAfterOptOut => "text after the customer opted out".to_string(),
            Rule::Refused(Refusal::Dnd) => {
                [ch.noun(), " while DND (", source_words(self.source), ")"].concat()
            }
            Rule::Refused(Refusal::WrongNumber) => format!(
                "{} to a number marked wrong (event {})",
                ch.noun(),
                self.detail
            ),
            Rule::Refused(Refusal::QuietHours) => {
                // In the zone where it broke them (the zone unknown, the
                // contact's local time may be inside the window).
                let outside = ctx.hours().outside_in(self.at);
                let zone = outside.unwrap_or(ctx.zone);
                let local = zone.civil(self.at);
                // On a day with no calls, that day is why ("on Thanksgiving
                // Day (Ala. Code § 1-3-8), a day with no calls or texts in US-AL").
                let why = match ctx.hours().closed_because(self.at, zone) {
                    Some(day) => [", on ", &day].concat(),
                    None => [", outside ", ctx.hours().source()].concat(),
                };
                [
                    ch.noun(),
                    " at ",
                    &crate::window::hhmm(local.hour * 60 + local.minute),
                    match outside {
                        Some(z) => [" in ", z.name()].concat(),
                        None => " local".to_string(),
                    }
                    .as_str(),
                    &why,
                ]
                .concat()
            }
            Rule::Refused(Refusal::FrequencyCap) => match ctx.caps().get(self.cap as usize) {
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

/// A touch a frequency cap counts: when it was made, the last instant it
/// may have been made, and its channel. One logged with a date alone is
/// placed at its midnight but may have come at any time of that day: a cap
/// counts it until its period has run from the day's end (`last`, the next
/// midnight), not from its midnight (erring toward the cap, as toward an
/// opt-out). Otherwise `last` is `at`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Touch {
    /// When it was made (its midnight for a date alone): its place in time
    /// order, and what the audit counts.
    pub at: Instant,
    /// The last instant it may have been made (exclusive for a date alone).
    pub last: Instant,
    /// Its channel.
    pub channel: Channel,
}

/// The audit's window over the touches for one cap: the first touch still
/// inside its period, how many of those inside it the cap counts, and how
/// many touches it has taken in.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CapWindow {
    from: usize,
    count: usize,
    upto: usize,
}

/// The consent state after the history up to a time, and the audit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Consent<'a> {
    /// DND per channel: sms, call, email, all.
    pub dnd: [Option<Dnd>; 4],
    /// The SMS opt-out in force (keyword or phrase), if any.
    pub opt_out: Option<OptOut<'a>>,
    /// Each opt-out's own record, in the order they came: the one in force
    /// after a lift is found here.
    pub opt_outs: Vec<OptOut<'a>>,
    /// The wrong-number mark in force: when and which event.
    pub wrong_number: Option<(Instant, usize)>,
    /// Past touches that broke a rule, in time order.
    pub violations: Vec<Violation>,
    /// Indexes of inbound messages that were keywords (opt-out, opt-in, help):
    /// they are not conversation.
    pub keyword_events: Vec<(usize, Intent)>,
    /// Every touch counted by a cap, in time order.
    pub touches: Vec<Touch>,
    /// Per cap (the first few), the audit's window over `touches`.
    pub cap_windows: [CapWindow; 4],
    /// Indexes of the texts that were an opt-out's one confirmation: no
    /// touch, attempt or step, also once the opt-out is lifted.
    pub confirmations: Vec<usize>,
    /// An opt-out of every channel came in the customer's own words or by
    /// email (not only the keyword STOP ALL by text): START keeps calls and
    /// email refused, by the first such words (when and which event).
    pub all_in_words: Option<(Instant, usize)>,
    /// Per slot (as `dnd`), the DND set second when a person's (or a
    /// provider's) and the customer's keyword one both refuse it: the first
    /// setter is shown; an opt-in lifts the customer's wherever it is, and
    /// the person's stays.
    pub beneath: [Option<Dnd>; 4],
    /// Each lasting refusal (DND, wrong number) lifted before now: the
    /// channel, why, and from when until when it held. A step that fell due
    /// inside one was skipped then, and stays skipped.
    pub lifted: Vec<(Channel, Refusal, Instant, Instant)>,
    /// Lines for `explain`.
    pub explain: Explain,
}

/// The consent fold's growing lists, lent by a batch that folds contact after
/// contact and takes them back from each one's facts ([`Lent::reclaim`]): one
/// allocation of each serves the whole batch, instead of a few per contact.
#[derive(Debug, Default)]
pub struct Lent {
    touches: Vec<Touch>,
    violations: Vec<Violation>,
    keyword_events: Vec<(usize, Intent)>,
}

/// The most entries a lent list keeps room for between contacts: a contact
/// with a longer history allocates its own, so a batch's memory does not
/// keep the longest one's (16 KB of touches).
pub const LENT_KEPT: usize = 1024;

impl Lent {
    /// Takes the lists back from a contact's consent state, each unless a long
    /// history grew it past [`LENT_KEPT`].
    pub fn reclaim(&mut self, s: &mut Consent) {
        fn back<T>(kept: &mut Vec<T>, used: &mut Vec<T>) {
            if used.capacity() <= LENT_KEPT {
                *kept = std::mem::take(used);
            }
        }
        back(&mut self.touches, &mut s.touches);
        back(&mut self.violations, &mut s.violations);
        back(&mut self.keyword_events, &mut s.keyword_events);
    }

    /// The room kept for touches (for the worklist's tests).
    #[cfg(test)]
    pub(crate) fn touches_capacity(&self) -> usize {
        self.touches.capacity()
    }

    /// Hands the lists, emptied, to a consent state about to be folded.
    pub(crate) fn lend_to(mut self, s: &mut Consent) {
        self.touches.clear();
        self.violations.clear();
        self.keyword_events.clear();
        s.touches = self.touches;
        s.violations = self.violations;
        s.keyword_events = self.keyword_events;
    }
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
    /// Whether `e` is a text that was an opt-out's one confirmation.
    pub fn is_confirmation(&self, e: &crate::model::Event) -> bool {
        self.confirmations
            .binary_search(&(e.index as usize))
            .is_ok()
    }

    /// The DND covering a channel, if any (its own, else `all`).
    pub fn dnd_for(&self, c: Channel) -> Option<&Dnd> {
        self.dnd
            .get(chan_slot(c))
            .and_then(Option::as_ref)
            .or(self.dnd.get(3).and_then(Option::as_ref))
    }

    /// The customer's own DND (reason `keyword`) refusing `c`, shown or kept
    /// beneath a person's: the channel's, else the every-channel one.
    fn keyword_dnd_for(&self, c: Channel) -> Option<&Dnd> {
        [chan_slot(c), 3].into_iter().find_map(|k| {
            [self.dnd.get(k), self.beneath.get(k)]
                .into_iter()
                .flatten()
                .flatten()
                .find(|d| d.reason == DndSource::Keyword)
        })
    }

    /// The lasting refusal of `c` at `t` (before now), if one held then,
    /// whether it still holds or was lifted since.
    pub fn lasting_at(&self, c: Channel, t: Instant) -> Option<Refusal> {
        self.lasting(c).or_else(|| {
            self.lifted
                .iter()
                .find(|(ch, _, from, to)| *ch == c && *from <= t && t < *to)
                .map(|(_, r, _, _)| *r)
        })
    }

    /// A lasting refusal of `c` lifted since, which began after `t` and
    /// still held at `until`: a step due at `t` whose day ran out under it.
    pub fn held_past(&self, c: Channel, t: Instant, until: Instant) -> Option<Refusal> {
        self.lifted
            .iter()
            .find(|(ch, _, from, to)| *ch == c && *from > t && *from <= until && *to > until)
            .map(|(_, r, _, _)| *r)
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

    /// Whether a text that came at `at` came from whoever holds the number
    /// now, not the contact: it came after the wrong-number mark in force
    /// (at the mark's instant the mark is the later, as an outcome is in the
    /// status fold). Such a text is no reach and owes no reply; its keywords
    /// still bind the number.
    pub fn from_new_holder(&self, at: Instant, channel: MessageChannel) -> bool {
        channel == MessageChannel::Sms && self.wrong_number.is_some_and(|(w, _)| at > w)
    }

    /// Whether an inbound message (by event index) was a keyword.
    pub fn keyword(&self, event: usize) -> Option<Intent> {
        // (Sorted by index at the fold's end.)
        let k = self
            .keyword_events
            .binary_search_by_key(&event, |k| k.0)
            .ok()?;
        self.keyword_events.get(k).map(|(_, k)| *k)
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

    /// After a DND was lifted: the opt-out in force is what the customer's own
    /// opt-outs (DNDs of source `keyword`) still refuse, of the channels it
    /// revoked, and none when they refuse none. Its record (words, match,
    /// time, event) is the one still refusing texts, else the earliest in
    /// time of those still refusing that the customer sent (whatever the
    /// order the CRM listed them in): after STOP, "stop emailing me" and START, the
    /// email one, a phrase to review, not the STOP that START lifted; a DND
    /// set by hand or by the email provider is no opt-out of the customer's,
    /// and a DND the host recorded as a keyword has no words to show.
    fn keep_opt_out_in_force(&mut self) {
        let Some(o) = self.opt_out.as_ref() else {
            return;
        };
        let mut kept = Revoked::NONE;
        let mut events = [None; 3];
        let mut texts = None;
        for (slot, c) in events.iter_mut().zip(o.channels.iter()) {
            if let Some(d) = self.keyword_dnd_for(c) {
                kept = kept.union(Revoked::of(c));
                *slot = Some(d.event);
                if c == Channel::Sms {
                    texts = Some(d.event);
                }
            }
        }
        // The one that still refuses texts first (its confirmation text is
        // the customer's due), then the earliest.
        let record = std::iter::once(o)
            .chain(self.opt_outs.iter())
            .filter(|r| events.contains(&Some(r.event)))
            .min_by_key(|r| (texts != Some(r.event), r.at, r.event))
            // (Refused only by DNDs the host recorded as keywords, which have
            // no words: the customer's own words that refuse them too.)
            .unwrap_or(o)
            .clone();
        // A repeat made while the opt-out stood keeps its one confirmation:
        // the customer is owed one text, not one per repeat (STOP ALL, its
        // confirmation, STOP, a lift of all: no second text).
        let confirmed_at = record
            .confirmed_at
            .or(o.confirmed_at.filter(|_| record.at >= o.at));
        self.opt_out = (!kept.is_empty()).then_some(OptOut {
            channels: kept,
            confirmed_at,
            ..record
        });
    }
}

impl OptOut<'_> {
    /// Whether one confirmation text may answer it: it came by text and
    /// revokes texts (47 CFR 64.1200(a)(12)).
    pub fn confirmable(&self) -> bool {
        self.by_text && self.channels.contains(Channel::Sms)
    }

    /// Whether `at` is within the minutes the one confirmation may go out
    /// ([`CONFIRMATION_MS`] after the opt-out).
    pub fn in_confirmation_minutes(&self, at: Instant) -> bool {
        at.0.saturating_sub(self.at.0) <= CONFIRMATION_MS
    }
}
