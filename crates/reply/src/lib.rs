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
//! word lists are in `words/lists.rs`). The object of a stop word decides: "stop
//! texting me" and "stop these messages" revoke, "stop by", "stop this bill",
//! "cancel my appointment" do not; a negated request ("don't stop sending me
//! deals") and a limit in time ("don't call me after 5pm") do not revoke.
//!
//! **Channels**: a keyword or a phrase that names no channel revokes the
//! channel it came by; one about calls revokes calls and texts (a text is a
//! call under the TCPA); one about email, email; one asking for no contact at
//! all ("leave me alone", "lose my number", STOPALL), every channel. Several
//! requests in one message add up.
//!
//! What a message is read as is in `classification.rs` and `revoked.rs`; the
//! keywords, matched whole, in `keywords.rs`; a message is read as words in
//! `text/`.

mod auto;
pub mod channel;
mod classification;
pub mod cp1252;
mod keywords;
mod revoked;
mod rules;
mod text;
mod words;

use crate::channel::{Channel, MessageChannel};

pub use auto::Automated;
pub use classification::{Classification, Intent, Match, Scope};
pub use keywords::Keywords;
pub use revoked::Revoked;
pub use text::normalize;

use keywords::exact;

/// Classifies a message received by text, with the built-in keywords only.
///
/// ```
/// use cadence_reply::{classify, Intent, Match};
/// use cadence_reply::channel::Channel;
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
/// use cadence_reply::classify_on;
/// use cadence_reply::channel::MessageChannel;
/// use cadence_reply::channel::Channel;
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
    let toks = text::tokens(text);
    // A machine's message in the customer's name: a delivery failure is no
    // request of the customer's ("the recipient has unsubscribed"); an
    // auto-reply is read for one as any message is ("This mailbox is no
    // longer monitored. Please remove this address from your list").
    let automated = auto::automated(text, &toks.joined(), channel);
    let read = match automated {
        Some(Automated::Bounce) => Classification::none(),
        _ => match classify_tokens(&toks, channel, extra) {
            c if matches!(c.intent, Intent::None | Intent::Help) => {
                stop_sign(text, &toks, Revoked::of(Channel::from(channel))).unwrap_or(c)
            }
            c => c,
        },
    };
    Classification { automated, ..read }
}

/// The stop sign or the no-phones sign, alone or beside courtesy or the
/// means it stops ("🛑", "🛑🛑🛑", "🛑 pls", "🛑 texting", "📵 please"): the
/// keyword as a picture, an opt-out as a phrase (for review) of the means
/// named, else of the medium (not "✋", "👎", "🔕", nor "🛑 see you at 5").
fn stop_sign(text: &str, toks: &text::Tokens, came_by: Revoked) -> Option<Classification> {
    let own = text::before_quote(text);
    let sign = ['🛑', '📵'].into_iter().find(|s| own.contains(*s))?;
    let mut named = 0;
    for t in toks.toks.iter().filter(|t| !t.synth) {
        if t.is(words::MEDIA | words::GER) && !t.is(words::THING) && t.ch & words::ALL_CH != 0 {
            named |= t.ch & words::ALL_CH;
        } else if !t.is(words::FILLER) {
            return None;
        }
    }
    // (Calls are texts too, under the TCPA: "🛑 calls".)
    let named = named
        | if named & words::CALL != 0 {
            words::SMS
        } else {
            0
        };
    let channels = if named == 0 {
        came_by
    } else {
        Revoked::from_bits(named)
    };
    Some(Classification::opt_out(
        sign.to_string(),
        Match::Phrase,
        channels,
    ))
}

/// [`classify_with`] of a message read as words.
fn classify_tokens(
    toks: &text::Tokens,
    channel: MessageChannel,
    extra: &Keywords,
) -> Classification {
    let came_by = Revoked::of(Channel::from(channel));
    let words = toks.toks.iter().filter(|t| !t.synth).count();
    if words == 0 {
        return Classification::none();
    }
    let has_extra = !(extra.opt_out.is_empty() && extra.opt_in.is_empty() && extra.help.is_empty());
    if words <= 3 || has_extra {
        let norm = toks.joined();
        if let Some(c) = exact(&norm, came_by, &Keywords::default()) {
            return c;
        }
        // (A playbook's own words, when it has any: the built-in ones were
        // asked above.)
        if let Some(c) = has_extra.then(|| exact(&norm, came_by, extra)).flatten() {
            return with_phrase(c, toks, came_by);
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
    if let Some(c) = spelt_with_courtesy(toks, came_by) {
        return c;
    }
    // One word a sentence read as one sentence first: "Stop. Calling. Me."
    // (not a line or a comma apart: "Baja\nMaría" is signed, "Wait, stop"
    // a request; nor a question and its answer: "Stop? Never!"); else the
    // sentences as written ("STOP. Moved.").
    if (2..=6).contains(&words)
        && toks.toks.iter().all(|t| !t.synth && t.line == 0)
        && toks
            .toks
            .iter()
            .skip(1)
            .all(|t| t.brk == text::STRONG && !t.ask)
    {
        let spaced = text::tokens(&letters().collect::<Vec<_>>().join(" "));
        if let Some((span, channels)) = rules::read(&spaced, came_by, false) {
            return Classification::opt_out(span, Match::Phrase, channels);
        }
    }
    // A playbook's own opt-out word opening a longer message: a request of
    // its own, beside what the rest asks ("QUITAR. Stop emailing me",
    // texted, revokes texts and email).
    let first = toks.toks.first().map_or("", |t| toks.surface(t));
    let key = words > 1 && extra.opt_out.iter().any(|k| k == first);
    if let Some((span, channels)) = rules::read(toks, came_by, key) {
        return Classification::opt_out(span, Match::Phrase, channels);
    }
    with_filler(toks).unwrap_or_else(Classification::none)
}

/// A playbook's own keyword `c` that the message is, read with what its
/// words say: a revocation they name adds its channels to the keyword's
/// ("DO NOT CALL" as a playbook's opt-out word, texted, revokes calls as the
/// phrase does, not texts alone), and one a playbook lists as an opt-in or
/// a help word is a revocation still (erring toward the opt-out).
fn with_phrase(c: Classification, toks: &text::Tokens, came_by: Revoked) -> Classification {
    let Some((span, channels)) = rules::read(toks, came_by, false) else {
        return c;
    };
    if c.is_opt_out() {
        // (Read by its words when they revoke more than the keyword does:
        // a START lifts texts then, not what the words asked for.)
        let both = c.channels.union(channels);
        let matched = if both == c.channels {
            Match::Exact
        } else {
            Match::Phrase
        };
        Classification::opt_out(c.keyword.unwrap_or(span), matched, both)
    } else {
        Classification::opt_out(span, Match::Phrase, channels)
    }
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
pub(crate) fn tapback(text: &str) -> bool {
    // (Also as Spanish and French phones write them: "Le gustó “…”", "A
    // aimé « … »", "Enfatizó “…”", "Se rió de “…”", "A mis en évidence « … »",
    // "A contesté « … »".)
    const REACTIONS: [&str; 28] = [
        "Liked ",
        "Loved ",
        "Disliked ",
        "Laughed at ",
        "Emphasized ",
        "Emphasised ",
        "Questioned ",
        "Removed a",
        "Reacted ",
        "Le gustó ",
        "Le encantó ",
        "No le gustó ",
        "Reaccionó ",
        "Enfatizó ",
        "Destacó ",
        "Se rió ",
        "Se rio ",
        "Cuestionó ",
        "Eliminó ",
        "A aimé ",
        "A adoré ",
        "N'a pas aimé ",
        "A réagi ",
        "A ri ",
        "A mis en ",
        "A souligné ",
        "A contesté ",
        "A retiré ",
    ];
    let t = text.trim_start();
    REACTIONS.iter().any(|r| {
        t.strip_prefix(r).is_some_and(|rest| {
            // "Removed a like from", "Reacted 👍 to": then the quote.
            let quote = rest.find(['“', '"', '«']);
            quote.is_some_and(|q| rest.get(..q).is_some_and(|head| head.len() <= 24))
                && t.trim_end().ends_with(['”', '"', '»'])
        })
    })
}

/// START or UNSTOP with filler about it, as a short message of keywords and
/// filler is an opt-out ("start please", "ok start", "yes start", "unstop
/// pls"): an opt-in, as a phrase (a missed one leaves the customer opted
/// out); not with a refusal ("no start", "START no"). "Yes please" and "info
/// please" stay ordinary replies: YES is the keyword only alone (the history
/// decides on it), and INFO or HELP with other words asks about the offer.
fn with_filler(toks: &text::Tokens) -> Option<Classification> {
    if let Some(k) = start_then_why(toks) {
        return Some(Classification {
            matched: Some(Match::Phrase),
            ..Classification::exact(Intent::OptIn, k.to_string())
        });
    }
    let mut found: Option<&'static str> = None;
    let mut words = 0;
    let mut only: Option<&str> = None;
    // (A number, as a menu is answered, is no word: "START 2", "help 2".)
    for t in toks
        .toks
        .iter()
        .filter(|t| !t.synth && !toks.surface(t).bytes().all(|b| b.is_ascii_digit()))
    {
        words += 1;
        // The word as the lists spell it ("Startttt" is START), else as written.
        let word = if t.w.is_empty() { toks.surface(t) } else { t.w };
        only = Some(word);
        match START_KEYS.into_iter().find(|k| *k == word) {
            Some(k) => found = found.or(Some(k)),
            // (A refusal is filler beside STOP, but denies START: "no
            // START", "START no", "nah start" keep the opt-out.)
            None if matches!(word, "NO" | "NOT" | "NOPE" | "NAH") => return None,
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

/// The opt-in keywords [`with_filler`] reads among other words.
const START_KEYS: [&str; 2] = ["START", "UNSTOP"];

/// The opt-in keyword first, then why STOP was sent: "START - sorry my kid
/// texted stop", "Unstop. My husband sent stop from my phone".
fn start_then_why(toks: &text::Tokens) -> Option<&'static str> {
    let all = toks.toks.as_slice();
    let k = all
        .first()
        .and_then(|t| START_KEYS.into_iter().find(|k| *k == t.w))?;
    // (Or wanting them back: "Start - I want the deals back".)
    // ("START - désolé mon fils a écrit STOP", "START - mi hijo escribió
    // BAJA": any keyword, written.)
    let sent = |a: &text::Tok| {
        words::SENDING.split(' ').any(|s| s == a.w)
            || a.w == "ECRIT"
            || toks.surface(a) == "ESCRIBIO"
    };
    let why = all.get(1).is_some_and(|t| t.brk != 0)
        && all.windows(2).any(|p| {
            matches!(p, [a, b] if (b.is(words::KEY) && sent(a)) || (b.w == "BACK" && (a.is(words::MEDIA) || a.w == "THEM")))
        });
    why.then_some(k)
}

#[cfg(test)]
mod tests;
