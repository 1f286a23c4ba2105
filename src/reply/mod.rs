//! Classifying an inbound message: opt-out, opt-in, help, or none — and for an
//! opt-out, which channels it revokes.
//!
//! **Keywords** match the *whole* message after normalisation: case,
//! surrounding white space, punctuation, symbols and emoji are ignored; smart
//! quotes, full-width, styled and accented letters are folded (`Ｓｔｏｐ!`,
//! `"stop."`, `STOP 🛑`, `Arrêt`, `𝐒𝐓𝐎𝐏`). Opt-out keywords: the seven of the
//! FCC's 2024 consent order (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL,
//! UNSUBSCRIBE), the carrier words STOPALL, STOP ALL, OPTOUT, OPT-OUT, REMOVE,
//! the French ARRET / ARRÊT / ARRETE / ARRÊTEZ and the Spanish BAJA, ALTO,
//! PARAR, CANCELAR. Opt-in: START, UNSTOP (and YES, which the history fold
//! accepts only as the reply right after an opt-out). Help: HELP, INFO. A
//! playbook's `keywords` add exact words of each kind.
//!
//! **Phrases**: a longer message that reasonably reads as an opt-out is one
//! too, marked `match: "phrase"` for review (`rules/` has the rules; the
//! word lists are in `words.rs`). The object of a stop word decides: "stop
//! texting me" and "stop these messages" revoke, "stop by", "stop this bill",
//! "cancel my appointment" do not; a negated request ("don't stop sending me
//! deals") and a limit in time ("don't call me after 5pm") do not revoke.
//!
//! **Channels**: a keyword or a phrase that names no channel revokes the
//! channel it came by; one about calls revokes calls and texts (a text is a
//! call under the TCPA); one about email, email; one asking for no contact at
//! all ("leave me alone", "lose my number", STOPALL), every channel. Several
//! requests in one message add up.

mod rules;
mod text;
mod words;

use serde::{Serialize, Serializer};

use crate::channel::{Channel, MessageChannel};

pub use text::normalize;

/// A playbook's extra keywords, upper-cased: exact words read as each kind
/// beside the built-in ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keywords {
    /// Extra opt-out keywords.
    pub opt_out: Vec<String>,
    /// Extra opt-in keywords.
    pub opt_in: Vec<String>,
    /// Extra help keywords.
    pub help: Vec<String>,
}

/// What an inbound message asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Intent {
    /// Stop messaging.
    OptOut,
    /// Start again.
    OptIn,
    /// Asks for help.
    Help,
    /// Anything else.
    None,
}

/// How it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Match {
    /// The whole message is a keyword.
    Exact,
    /// A longer message read as an opt-out; a person should review it.
    Phrase,
}

/// How far an opt-out reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Scope {
    /// Some channels (listed in `channels`).
    Channel,
    /// Every channel.
    All,
}

/// The channels an opt-out revokes: a small set over [`Channel`], listed in
/// the order sms, call, email. Serialises as a JSON array (`["sms", "call"]`).
///
/// ```
/// use cadence_engine::reply::Revoked;
/// use cadence_engine::Channel;
///
/// let r = Revoked::of(Channel::Call).union(Revoked::of(Channel::Sms));
/// assert!(r.contains(Channel::Sms) && !r.contains(Channel::Email));
/// assert_eq!(r.iter().collect::<Vec<_>>(), [Channel::Sms, Channel::Call]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Revoked(u8);

impl Revoked {
    /// No channel.
    pub const NONE: Revoked = Revoked(0);
    /// Every channel.
    pub const ALL: Revoked = Revoked(7);

    fn bit(c: Channel) -> u8 {
        match c {
            Channel::Sms => 1,
            Channel::Call => 2,
            Channel::Email => 4,
        }
    }

    /// Just this channel.
    pub fn of(c: Channel) -> Revoked {
        Revoked(Self::bit(c))
    }

    /// From channel bits (sms 1, call 2, email 4).
    pub(crate) fn from_bits(b: u8) -> Revoked {
        Revoked(b & 7)
    }

    /// Whether it holds `c`.
    pub fn contains(self, c: Channel) -> bool {
        self.0 & Self::bit(c) != 0
    }

    /// Whether it holds no channel.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Both sets together.
    pub fn union(self, other: Revoked) -> Revoked {
        Revoked(self.0 | other.0)
    }

    /// Whether it holds every channel.
    pub fn is_all(self) -> bool {
        self.0 == 7
    }

    /// Its channels, in the order sms, call, email.
    pub fn iter(self) -> impl Iterator<Item = Channel> {
        Channel::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

impl Serialize for Revoked {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Channel::as_str))
    }
}

/// The classification of a message. Serialises as
/// `{intent, keyword?, match, scope, channels}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// Intent.
    pub intent: Intent,
    /// The keyword matched, upper-case (`"STOP"`), or for a phrase the words
    /// that read as the opt-out, lower-case (`"stop texting me"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// How it matched; `null` for intent `none`.
    #[serde(rename = "match")]
    pub matched: Option<Match>,
    /// Scope of an opt-out (`all` when it revokes every channel); `null` otherwise.
    pub scope: Option<Scope>,
    /// What an opt-out revokes; empty otherwise.
    pub channels: Revoked,
}

impl Classification {
    fn none() -> Self {
        Classification {
            intent: Intent::None,
            keyword: None,
            matched: None,
            scope: None,
            channels: Revoked::NONE,
        }
    }

    fn exact(intent: Intent, keyword: String) -> Self {
        Classification {
            intent,
            keyword: Some(keyword),
            matched: Some(Match::Exact),
            scope: None,
            channels: Revoked::NONE,
        }
    }

    fn opt_out(keyword: String, matched: Match, channels: Revoked) -> Self {
        Classification {
            intent: Intent::OptOut,
            keyword: Some(keyword),
            matched: Some(matched),
            scope: Some(if channels.is_all() {
                Scope::All
            } else {
                Scope::Channel
            }),
            channels,
        }
    }

    /// Whether this is an opt-out.
    pub fn is_opt_out(&self) -> bool {
        self.intent == Intent::OptOut
    }
}

/// Opt-out keywords that revoke every channel.
const OPT_OUT_ALL: &[&str] = &["STOPALL", "STOP ALL"];
/// Opt-out keywords that revoke the channel the message came by.
const OPT_OUT: &[&str] = &[
    "STOP",
    "QUIT",
    "END",
    "REVOKE",
    "OPT OUT",
    "CANCEL",
    "UNSUBSCRIBE",
    "OPTOUT",
    "OPT-OUT",
    "REMOVE",
    "ARRET",
    "ARRETE",
    "ARRETEZ",
    "BAJA",
    "ALTO",
    "PARAR",
    "CANCELAR",
];
const OPT_IN: &[&str] = &["START", "UNSTOP", "YES"];
const HELP: &[&str] = &["HELP", "INFO"];

/// Classifies a message received by text, with the built-in keywords only.
///
/// ```
/// use cadence_engine::reply::{classify, Intent, Match};
/// use cadence_engine::Channel;
///
/// let c = classify("please stop calling me");
/// assert_eq!((c.intent, c.matched), (Intent::OptOut, Some(Match::Phrase)));
/// assert_eq!(c.channels.iter().collect::<Vec<_>>(), [Channel::Sms, Channel::Call]);
/// assert_eq!(classify("I'll stop by tomorrow").intent, Intent::None);
/// ```
pub fn classify(text: &str) -> Classification {
    classify_on(text, MessageChannel::Sms)
}

/// Classifies a message received by `channel`, with the built-in keywords only.
///
/// ```
/// use cadence_engine::reply::classify_on;
/// use cadence_engine::model::MessageChannel;
/// use cadence_engine::Channel;
///
/// let c = classify_on("Unsubscribe", MessageChannel::Email);
/// assert_eq!(c.channels.iter().collect::<Vec<_>>(), [Channel::Email]);
/// ```
pub fn classify_on(text: &str, channel: MessageChannel) -> Classification {
    classify_with(text, channel, &Keywords::default())
}

/// Classifies a message received by `channel`, with the built-in keywords and
/// a playbook's extra ones (exact words).
pub fn classify_with(text: &str, channel: MessageChannel, extra: &Keywords) -> Classification {
    if tapback(text) {
        return Classification::none();
    }
    let came_by = Revoked::of(Channel::from(channel));
    let toks = text::tokens(text);
    let words = toks.toks.iter().filter(|t| !t.synth).count();
    if words == 0 {
        return Classification::none();
    }
    let has_extra = !(extra.opt_out.is_empty() && extra.opt_in.is_empty() && extra.help.is_empty());
    if words <= 3 || has_extra {
        let norm = toks.joined();
        if let Some(c) = exact(&norm, came_by, extra) {
            return c;
        }
    }
    // Spelt out letter by letter: "S.T.O.P.", "s t o p".
    let letters = || {
        toks.toks
            .iter()
            .filter(|t| !t.synth)
            .map(|t| toks.surface(t))
    };
    if (3..=12).contains(&words) && letters().all(|w| w.len() == 1) {
        let squashed: String = letters().collect();
        if let Some(c) = exact(&squashed, came_by, extra) {
            return c;
        }
    }
    // Or with a courtesy after it: "S.T.O.P. please", "S T O P  P L E A S E".
    if let Some(c) = spelt_with_courtesy(&toks, came_by) {
        return c;
    }
    // One word a sentence read as one sentence first: "Stop. Calling. Me."
    // (not a line or a comma apart: "Baja\nMaría" is signed, "Wait, stop"
    // a request); else the sentences as written ("STOP. Moved.").
    if (2..=6).contains(&words)
        && toks.toks.iter().all(|t| !t.synth && t.line == 0)
        && toks.toks.iter().skip(1).all(|t| t.brk == text::STRONG)
    {
        let spaced = text::tokens(&letters().collect::<Vec<_>>().join(" "));
        if let Some((span, channels)) = rules::read(&spaced, came_by) {
            return Classification::opt_out(span, Match::Phrase, channels);
        }
    }
    if let Some((span, channels)) = rules::read(&toks, came_by) {
        return Classification::opt_out(span, Match::Phrase, channels);
    }
    with_filler(&toks).unwrap_or_else(Classification::none)
}

/// An opt-out keyword spelt letter by letter, then a courtesy, as words
/// ("S.T.O.P. please") or spelt too ("S T O P  P L E A S E"): an opt-out, as
/// a phrase.
fn spelt_with_courtesy(toks: &text::Tokens, came_by: Revoked) -> Option<Classification> {
    let all: Vec<&str> = toks
        .toks
        .iter()
        .filter(|t| !t.synth)
        .map(|t| toks.surface(t))
        .collect();
    let run = all.iter().take_while(|w| w.len() == 1).count();
    let (head, tail) = all.split_at_checked(run)?;
    if !(3..=12).contains(&run) {
        return None;
    }
    let courtesy = |w: &str| matches!(w, "PLEASE" | "PLS" | "PLZ" | "NOW" | "THANKS");
    for cut in 3..=run {
        let (key, rest) = head.split_at_checked(cut)?;
        let key: String = key.concat();
        let spelt: String = rest.concat();
        let polite = match (spelt.is_empty(), tail) {
            (true, []) => false,
            (true, tail) => tail.iter().all(|w| courtesy(w)),
            (false, []) => courtesy(&spelt),
            _ => false,
        };
        if !polite {
            continue;
        }
        if let Some(c) =
            exact(&key, came_by, &Keywords::default()).filter(Classification::is_opt_out)
        {
            return Some(Classification {
                matched: Some(Match::Phrase),
                ..c
            });
        }
    }
    None
}

/// A reaction to one of our messages, as a phone sends it back by text
/// (iMessage's tapbacks to an SMS, Android's "Reacted 👍 to"): the words
/// quoted are ours (`Liked "... Reply STOP to opt out"`), not the customer's.
fn tapback(text: &str) -> bool {
    const REACTIONS: [&str; 9] = [
        "Liked ",
        "Loved ",
        "Disliked ",
        "Laughed at ",
        "Emphasized ",
        "Emphasised ",
        "Questioned ",
        "Removed a",
        "Reacted ",
    ];
    let t = text.trim_start();
    REACTIONS.iter().any(|r| {
        t.strip_prefix(r).is_some_and(|rest| {
            // "Removed a like from", "Reacted 👍 to": then the quote.
            let quote = rest.find(['“', '"']);
            quote.is_some_and(|q| rest.get(..q).is_some_and(|head| head.len() <= 24))
                && t.trim_end().ends_with(['”', '"'])
        })
    })
}

/// START or UNSTOP with filler about it, as a short message of keywords and
/// filler is an opt-out ("start please", "ok start", "yes start", "unstop
/// pls"): an opt-in, as a phrase (a missed one leaves the customer opted
/// out). "Yes please" and "info please" stay ordinary replies: YES is the
/// keyword only alone (the history decides on it), and INFO or HELP with
/// other words asks about the offer.
fn with_filler(toks: &text::Tokens) -> Option<Classification> {
    const START: [&str; 2] = ["START", "UNSTOP"];
    // The keyword first, then why STOP was sent: "START - sorry my kid
    // texted stop", "Unstop. My husband sent stop from my phone".
    let all = toks.toks.as_slice();
    if let Some(k) = all
        .first()
        .and_then(|t| START.into_iter().find(|k| *k == t.w))
    {
        let why = all.get(1).is_some_and(|t| t.brk != 0)
            && all.windows(2).any(|p| {
                matches!(p, [a, b] if b.w == "STOP" && words::SENDING.as_bytes().split(|&c| c == b' ').any(|s| s == a.w.as_bytes()))
            });
        if why {
            return Some(Classification {
                matched: Some(Match::Phrase),
                ..Classification::exact(Intent::OptIn, k.to_string())
            });
        }
    }
    let mut found: Option<&'static str> = None;
    let mut words = 0;
    let mut only: Option<&str> = None;
    for t in toks.toks.iter().filter(|t| !t.synth) {
        words += 1;
        // The word as the lists spell it ("Startttt" is START), else as written.
        let word = if t.w.is_empty() { toks.surface(t) } else { t.w };
        only = Some(word);
        match START.into_iter().find(|k| *k == word) {
            Some(k) => found = found.or(Some(k)),
            None if t.is(words::FILLER) || word == "YES" => {}
            None => return None,
        }
    }
    // One elongated keyword alone: "Yesss", "helppp".
    if words == 1 && found.is_none() {
        let (intent, k) = match only? {
            "YES" => (Intent::OptIn, "YES"),
            "HELP" => (Intent::Help, "HELP"),
            "INFO" => (Intent::Help, "INFO"),
            _ => return None,
        };
        return Some(Classification {
            matched: Some(Match::Phrase),
            ..Classification::exact(intent, k.to_string())
        });
    }
    let k = found.filter(|_| words <= 5)?;
    Some(Classification {
        matched: Some(Match::Phrase),
        ..Classification::exact(Intent::OptIn, k.to_string())
    })
}

/// The whole message as a keyword: as written ("OPT-OUT" is its own carrier
/// word), then with hyphens and apostrophes read as spaces ("stop-all").
fn exact(norm: &str, came_by: Revoked, extra: &Keywords) -> Option<Classification> {
    for loose in [false, true] {
        if let Some(k) = keyword(OPT_OUT_ALL, norm, loose) {
            return Some(Classification::opt_out(
                k.to_string(),
                Match::Exact,
                Revoked::ALL,
            ));
        }
        if let Some(k) = keyword(OPT_OUT, norm, loose) {
            return Some(Classification::opt_out(
                k.to_string(),
                Match::Exact,
                came_by,
            ));
        }
    }
    let extra_of = |list: &[String]| list.iter().find(|k| **k == norm).cloned();
    if let Some(k) = extra_of(&extra.opt_out) {
        return Some(Classification::opt_out(k, Match::Exact, came_by));
    }
    if let Some(k) = keyword(OPT_IN, norm, false)
        .map(str::to_string)
        .or_else(|| extra_of(&extra.opt_in))
    {
        return Some(Classification::exact(Intent::OptIn, k));
    }
    if let Some(k) = keyword(HELP, norm, false)
        .map(str::to_string)
        .or_else(|| extra_of(&extra.help))
    {
        return Some(Classification::exact(Intent::Help, k));
    }
    None
}

/// The keyword of `list` that `norm` is; `loose` reads a
/// hyphen or an apostrophe in `norm` as the space of the keyword.
fn keyword(list: &[&'static str], norm: &str, loose: bool) -> Option<&'static str> {
    list.iter().copied().find(|k| {
        k.len() == norm.len()
            && k.bytes()
                .zip(norm.bytes())
                .all(|(a, b)| a == b || (loose && a == b' ' && (b == b'-' || b == b'\'')))
    })
}

#[cfg(test)]
mod tests;
