//! Classifying an inbound text: opt-out, opt-in, help, or none.
//!
//! Keywords match the *whole* message after normalisation: case, surrounding
//! white space, punctuation, symbols and emoji are ignored; smart quotes,
//! full-width letters and accents are folded (`Ｓｔｏｐ!`, `"stop."`, `STOP 🛑`,
//! `Arrêt` all match). Opt-out keywords: the seven of the FCC's 2024 consent order
//! (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL, UNSUBSCRIBE) and the carrier words
//! STOPALL, STOP ALL, OPTOUT, OPT-OUT, REMOVE and ARRET. STOPALL and STOP ALL reach
//! every channel. Opt-in: START, UNSTOP (and YES, which the history fold accepts
//! only as the reply right after an opt-out). Help: HELP, INFO. A playbook's
//! `keywords` add exact words of each kind (through the history fold only).
//!
//! A longer message that reasonably reads as an opt-out is one too, marked
//! `match: "phrase"` for review:
//! - a request to stop or remove, about messages or the list ("please stop
//!   texting me", "remove me from your list", "don't text me again", "no more
//!   texts", "take me off your list", "leave me alone");
//! - a short message (up to six words) of strong opt-out words — STOP, STOPALL,
//!   UNSUBSCRIBE, OPT OUT, OPTOUT, OPT-OUT, ARRET — and filler only ("stop
//!   please", "STOP STOP", "wrong number stop");
//! - such a short opt-out standing as a sentence of its own in a longer message
//!   ("Stop. Who is this?").
//!
//! A phrase reaches every channel when it says so ("please stop all", "stop all
//! contact", "everything"); "stop all texts" is about texting. Messages that
//! merely contain a keyword ("I'll stop by tomorrow", "send me info on the plan",
//! "end of my contract", "remove my card", "don't send me the invoice yet") are
//! not opt-outs. END, CANCEL, REMOVE and QUIT count only as the whole message.

use serde::Serialize;

use crate::playbook::Keywords;

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

/// Which channels an opt-out reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Scope {
    /// The channel it came on (SMS).
    Channel,
    /// Every channel (STOPALL, STOP ALL).
    All,
}

/// The classification of a message. Serialises as
/// `{intent, keyword?, match, scope}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// Intent.
    pub intent: Intent,
    /// The keyword matched, upper-case (`"STOP"`), or for a phrase the phrase.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// How it matched; `null` for intent `none`.
    #[serde(rename = "match")]
    pub matched: Option<Match>,
    /// Scope of an opt-out; `null` otherwise.
    pub scope: Option<Scope>,
}

impl Classification {
    fn none() -> Self {
        Classification {
            intent: Intent::None,
            keyword: None,
            matched: None,
            scope: None,
        }
    }

    fn exact(intent: Intent, keyword: &str, scope: Option<Scope>) -> Self {
        Classification {
            intent,
            keyword: Some(keyword.to_string()),
            matched: Some(Match::Exact),
            scope,
        }
    }

    /// Whether this is an opt-out.
    pub fn is_opt_out(&self) -> bool {
        self.intent == Intent::OptOut
    }
}

const OPT_OUT_CHANNEL: [&str; 11] = [
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
];
const OPT_OUT_ALL: [&str; 2] = ["STOPALL", "STOP ALL"];
const OPT_IN: [&str; 3] = ["START", "UNSTOP", "YES"];
const HELP: [&str; 2] = ["HELP", "INFO"];

/// Folds one character to plain upper-case ASCII where it has such a form
/// (full-width letters, accented Latin letters), else keeps it.
fn fold_char(c: char) -> char {
    let c = match c as u32 {
        // Full-width ASCII block.
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'ç' | 'Ç' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
        'ñ' | 'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        other => other,
    };
    base.to_ascii_uppercase()
}

/// Normalises a message for keyword matching: folds characters, keeps letters,
/// digits, apostrophes and hyphens inside words, turns every other run into a
/// single space, and trims.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(256));
    let mut pending_space = false;
    for c in text.chars().map(fold_char) {
        if c.is_ascii_alphanumeric() || c == '\'' || c == '-' {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    // Hyphens and apostrophes at word edges are punctuation.
    let words: Vec<&str> = out
        .split(' ')
        .map(|w| w.trim_matches(|c| c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// Classifies a message with the built-in keywords only.
pub fn classify(text: &str) -> Classification {
    classify_with(text, &Keywords::default())
}

/// Classifies a message with the built-in keywords and a playbook's extra ones.
pub fn classify_with(text: &str, extra: &Keywords) -> Classification {
    // Very long messages are not keywords; read only their start for phrases.
    let head: String = text.chars().take(2000).collect();
    let norm = normalize(&head);
    if norm.is_empty() {
        return Classification::none();
    }
    // The keyword as written first ("OPT-OUT" is its own carrier word), then
    // with hyphens read as spaces ("STOP-ALL", "OPT-OUT" spelt "OPT - OUT").
    let squashed = norm.replace('-', " ");
    for form in [norm.as_str(), squashed.as_str()] {
        for k in OPT_OUT_ALL {
            if form == k {
                return Classification::exact(Intent::OptOut, k, Some(Scope::All));
            }
        }
        for k in OPT_OUT_CHANNEL {
            if form == k {
                return Classification::exact(Intent::OptOut, k, Some(Scope::Channel));
            }
        }
    }
    if let Some(k) = extra.opt_out.iter().find(|k| **k == norm) {
        return Classification::exact(Intent::OptOut, k, Some(Scope::Channel));
    }
    for k in OPT_IN {
        if norm == k {
            return Classification::exact(Intent::OptIn, k, None);
        }
    }
    if let Some(k) = extra.opt_in.iter().find(|k| **k == norm) {
        return Classification::exact(Intent::OptIn, k, None);
    }
    for k in HELP {
        if norm == k {
            return Classification::exact(Intent::Help, k, None);
        }
    }
    if let Some(k) = extra.help.iter().find(|k| **k == norm) {
        return Classification::exact(Intent::Help, k, None);
    }
    match phrase_opt_out(&norm, &head) {
        Some((phrase, scope)) => Classification {
            intent: Intent::OptOut,
            keyword: Some(phrase),
            matched: Some(Match::Phrase),
            scope: Some(scope),
        },
        None => Classification::none(),
    }
}

/// Verbs that ask to stop contact.
const STOP_VERBS: [&str; 6] = ["STOP", "QUIT", "CEASE", "END", "HALT", "DISCONTINUE"];
/// Things the request is about.
const MEDIA: [&str; 22] = [
    "TEXT",
    "TEXTS",
    "TEXTING",
    "MESSAGE",
    "MESSAGES",
    "MESSAGING",
    "SMS",
    "CONTACT",
    "CONTACTING",
    "CALL",
    "CALLS",
    "CALLING",
    "EMAIL",
    "EMAILS",
    "EMAILING",
    "SPAM",
    "SPAMMING",
    "BOTHERING",
    "HARASSING",
    "SENDING",
    "PESTERING",
    "THIS",
];
/// Verbs of contact after "don't" / "do not" / "never" / "no more".
const CONTACT_VERBS: [&str; 8] = [
    "TEXT", "MESSAGE", "CONTACT", "CALL", "EMAIL", "SMS", "BOTHER", "SEND",
];
/// Words that may close "don't text me ...", keeping it a request to stop.
const CLOSERS: [&str; 10] = [
    "", "AGAIN", "ANYMORE", "EVER", "PLEASE", "PLS", "THANKS", "THANK", "NOW", "STOP",
];
/// Single words that ask to stop wherever they stand as a sentence of their own
/// or in a short message ("Stop please", "Wrong number. Stop."). END, CANCEL,
/// REMOVE and QUIT are keywords only as the whole message: inside a longer text
/// they are too often about something else.
const STRONG: [&str; 7] = [
    "STOP",
    "STOPALL",
    "UNSUBSCRIBE",
    "UNSUB",
    "OPTOUT",
    "OPT-OUT",
    "ARRET",
];
/// Words that may surround a strong word in a short opt-out message.
const FILLER: [&str; 24] = [
    "PLEASE",
    "PLS",
    "PLZ",
    "NO",
    "NOPE",
    "THANKS",
    "THANK",
    "YOU",
    "THX",
    "WRONG",
    "NUMBER",
    "PERSON",
    "JUST",
    "OK",
    "OKAY",
    "NOW",
    "SORRY",
    "NOT",
    "INTERESTED",
    "ME",
    "IT",
    "ALREADY",
    "SAID",
    "I",
];
/// Words after "stop all" that keep it about every channel.
const ALL_OBJECTS: [&str; 5] = [
    "CONTACT",
    "CONTACTING",
    "COMMUNICATION",
    "COMMUNICATIONS",
    "MARKETING",
];
/// Whether a phrase opt-out reaches every channel: "stop all", "stop all
/// contact", "unsubscribe me from everything", "all channels". "Stop all texts"
/// is about texting only.
fn phrase_scope(words: &[&str]) -> Scope {
    let at = |i: usize| words.get(i).copied().unwrap_or("");
    for (i, w) in words.iter().enumerate() {
        let all_after = match *w {
            "STOPALL" => Some(i + 1),
            "STOP" if at(i + 1) == "ALL" => Some(i + 2),
            "EVERYTHING" => return Scope::All,
            "ALL" if matches!(at(i + 1), "CHANNELS" | "COMMUNICATION" | "COMMUNICATIONS") => {
                return Scope::All
            }
            _ => None,
        };
        if let Some(k) = all_after {
            let next = at(k);
            if next.is_empty() || FILLER.contains(&next) || ALL_OBJECTS.contains(&next) {
                return Scope::All;
            }
        }
    }
    Scope::Channel
}

/// A short message made only of strong opt-out words and filler ("stop
/// please", "please stop all", "STOP STOP", "wrong number stop").
fn short_opt_out(words: &[&str]) -> bool {
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let mut strong = false;
    for (i, w) in words.iter().enumerate() {
        let prev = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .copied()
            .unwrap_or("");
        let next = words.get(i + 1).copied().unwrap_or("");
        if STRONG.contains(w) || (*w == "OPT" && next == "OUT") || (*w == "OUT" && prev == "OPT") {
            strong = true;
        } else if !(FILLER.contains(w) || (*w == "ALL" && prev == "STOP")) {
            return false;
        }
    }
    strong
}

fn phrase_opt_out(norm: &str, raw: &str) -> Option<(String, Scope)> {
    let words: Vec<&str> = norm.split(' ').collect();
    let n = words.len();
    if !(2..=40).contains(&n) {
        return None;
    }
    let scope = phrase_scope(&words);
    if short_opt_out(&words) {
        return Some((norm.to_lowercase(), scope));
    }
    let found = |i: usize, len: usize| -> Option<(String, Scope)> {
        let end = (i + len).min(n);
        let start = i.min(end);
        let slice = words.get(start..end).unwrap_or(&[]);
        Some((slice.join(" ").to_lowercase(), scope))
    };
    for i in 0..n {
        let w = words.get(i).copied().unwrap_or("");
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        // "stop texting", "stop sending me texts", "stop all messages", "stop it"
        if STOP_VERBS.contains(&w) {
            let a = next(1);
            let b = next(2);
            let c = next(3);
            if MEDIA.contains(&a)
                || (matches!(a, "ALL" | "THE" | "YOUR" | "THESE" | "ME" | "SENDING")
                    && MEDIA.contains(&b))
                || (matches!(a, "SENDING" | "ALL")
                    && matches!(b, "ME" | "THE" | "THESE" | "YOUR")
                    && MEDIA.contains(&c))
            {
                return found(i, 3);
            }
            if w == "STOP" && a == "IT" && matches!(b, "PLEASE" | "NOW" | "") {
                return found(i, 2);
            }
        }
        // "remove me", "remove my number", "take me off", "unsubscribe me", "opt me out"
        if w == "REMOVE"
            && (matches!(next(1), "ME" | "US")
                || (matches!(next(1), "MY" | "THIS" | "OUR") && next(2) == "NUMBER"))
        {
            let len = if matches!(next(1), "ME" | "US") { 2 } else { 3 };
            return found(i, len);
        }
        if w == "TAKE" && matches!(next(1), "ME" | "US") && next(2) == "OFF" {
            return found(i, 3);
        }
        if matches!(w, "UNSUBSCRIBE" | "UNSUB") && (n <= 6 || matches!(next(1), "ME" | "FROM")) {
            return found(i, 2);
        }
        if w == "OPT" && next(1) == "ME" && next(2) == "OUT" {
            return found(i, 3);
        }
        // "don't text me", "do not contact me", "never call me again", "no more texts"
        let negated = matches!(w, "DON'T" | "DONT" | "NEVER")
            || (w == "DO" && next(1) == "NOT")
            || (w == "NO" && matches!(next(1), "MORE" | "LONGER"));
        if negated {
            let k = if (w == "DO" && next(1) == "NOT") || w == "NO" {
                2
            } else {
                1
            };
            let v = next(k);
            let v2 = next(k + 1);
            let v3 = next(k + 2);
            let v4 = next(k + 3);
            // "don't text me" and what may close it; "don't text me at this number".
            let closes = |x: &str, y: &str| {
                CLOSERS.contains(&x) || (matches!(x, "AT" | "ON") && matches!(y, "THIS" | "ALL"))
            };
            if CONTACT_VERBS.contains(&v) && v != "SEND" {
                if matches!(v2, "ME" | "US") && closes(v3, v4) {
                    return found(i, k + 2);
                }
                if matches!(v2, "THIS" | "AGAIN" | "") {
                    return found(i, k + 2);
                }
            }
            // "don't send me anything", "do not send me texts"; not "don't send me
            // the invoice yet".
            if v == "SEND" {
                let what = if matches!(v2, "ME" | "US") { v3 } else { v2 };
                if MEDIA.contains(&what)
                    || matches!(what, "ANYTHING" | "ANY" | "MORE" | "AGAIN" | "")
                {
                    return found(i, k + 3);
                }
            }
            if w == "NO" && MEDIA.contains(&v) {
                return found(i, k + 1);
            }
            let wanted = MEDIA.contains(&v3)
                || (v3 == "BE" && v4 == "CONTACTED")
                || matches!(v3, "RECEIVE" | "GET");
            if v == "WANT" && matches!(v2, "YOUR" | "ANY" | "THESE" | "TO" | "MORE") && wanted {
                return found(i, k + 4);
            }
        }
        // "leave me alone", "lose my number"
        if w == "LEAVE" && next(1) == "ME" && next(2) == "ALONE" {
            return found(i, 3);
        }
        if matches!(w, "LOSE" | "DELETE") && matches!(next(1), "MY" | "THIS") && next(2) == "NUMBER"
        {
            return found(i, 3);
        }
    }
    // A sentence of its own that is a strong keyword or a short opt-out:
    // "Stop. Who is this?", "Wrong number, please stop".
    for part in raw.split(|c: char| {
        matches!(
            c,
            '.' | '!' | '?' | ';' | ',' | '\n' | '\r' | '。' | '！' | '？' | '，' | '；'
        )
    }) {
        let sentence = normalize(part);
        if sentence.is_empty() || sentence == norm {
            continue;
        }
        let sw: Vec<&str> = sentence.split(' ').collect();
        if short_opt_out(&sw) {
            return Some((sentence.to_lowercase(), phrase_scope(&sw)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(t: &str) -> (Intent, Option<Match>) {
        let c = classify(t);
        (c.intent, c.matched)
    }

    #[test]
    fn exact_keywords() {
        for k in [
            "STOP",
            "stop",
            " Stop! ",
            "\"stop.\"",
            "QUIT",
            "END",
            "REVOKE",
            "OPT OUT",
            "opt-out",
            "OPTOUT",
            "CANCEL",
            "UNSUBSCRIBE",
            "REMOVE",
            "ARRET",
            "Arrêt",
            "Ｓｔｏｐ",
            "STOP 🛑",
        ] {
            assert_eq!(intent(k), (Intent::OptOut, Some(Match::Exact)), "{k}");
        }
        assert_eq!(classify("stop all").scope, Some(Scope::All));
        assert_eq!(classify("STOPALL").scope, Some(Scope::All));
        assert_eq!(classify("stop").scope, Some(Scope::Channel));
        assert_eq!(classify("OPT-OUT").keyword.as_deref(), Some("OPT-OUT"));
        assert_eq!(classify("opt out").keyword.as_deref(), Some("OPT OUT"));
        assert_eq!(classify("please stop all").scope, Some(Scope::All));
        assert_eq!(classify("stop all texts").scope, Some(Scope::Channel));
        assert_eq!(intent("start"), (Intent::OptIn, Some(Match::Exact)));
        assert_eq!(intent("Unstop"), (Intent::OptIn, Some(Match::Exact)));
        assert_eq!(intent("yes"), (Intent::OptIn, Some(Match::Exact)));
        assert_eq!(intent("help?"), (Intent::Help, Some(Match::Exact)));
        assert_eq!(intent("INFO"), (Intent::Help, Some(Match::Exact)));
    }

    #[test]
    fn phrases() {
        for t in [
            "please stop texting me",
            "Stop sending me these messages",
            "remove me from your list",
            "don't text me again",
            "Do not contact me",
            "take me off your list",
            "I don't want your texts",
            "wrong number stop",
            "leave me alone",
            "stop messaging me please",
            "No more texts",
            "Stop please",
            "STOP STOP",
            "Stop. Who is this?",
            "Wrong number, please stop",
            "do not send me any more messages",
            "remove my number",
        ] {
            assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
        }
    }

    #[test]
    fn not_opt_outs() {
        for t in [
            "I'll stop by tomorrow",
            "send me info on the plan",
            "end of my contract is in May",
            "can you stop by the store",
            "Yes please call me",
            "cancel my appointment and book Friday",
            "I want to remove the extra line",
            "don't forget my discount",
            "please help me with my bill",
            "remove my card from the account",
            "don't send me the invoice yet",
            "don't call me after 5pm",
            "I'll stop by, thanks",
            "",
            "   ",
            "🛑",
        ] {
            assert_eq!(intent(t).0, Intent::None, "{t}");
        }
    }
}
