//! Classifying an inbound text: opt-out, opt-in, help, or none.
//!
//! Keywords match the *whole* message after normalisation: case, surrounding
//! white space, punctuation, symbols and emoji are ignored; smart quotes,
//! full-width letters and accents are folded (`Ｓｔｏｐ!`, `"stop."`, `STOP 🛑`,
//! `Arrêt` all match). Opt-out keywords: the seven of the FCC's 2024 consent order
//! (STOP, QUIT, END, REVOKE, OPT OUT, CANCEL, UNSUBSCRIBE) and the carrier words
//! STOPALL, STOP ALL, OPTOUT, OPT-OUT, REMOVE and ARRET. STOPALL and STOP ALL reach
//! every channel. Opt-in: START, UNSTOP (and YES, which the history fold accepts
//! only as the reply right after an opt-out). Help: HELP, INFO.
//!
//! A longer message that reasonably reads as an opt-out is one too, marked
//! `match: "phrase"` for review: a request to stop or remove, about messages or
//! the list ("please stop texting me", "remove me from your list", "don't text me
//! again"). Messages that merely contain a keyword ("I'll stop by tomorrow", "send
//! me info on the plan", "end of my contract") are not.

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

const OPT_OUT_CHANNEL: [&str; 10] = [
    "STOP",
    "QUIT",
    "END",
    "REVOKE",
    "OPT OUT",
    "CANCEL",
    "UNSUBSCRIBE",
    "OPTOUT",
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
    let squashed = norm.replace('-', " ");
    for k in OPT_OUT_ALL {
        if squashed == k {
            return Classification::exact(Intent::OptOut, k, Some(Scope::All));
        }
    }
    for k in OPT_OUT_CHANNEL {
        if norm == k || squashed == k {
            return Classification::exact(Intent::OptOut, k, Some(Scope::Channel));
        }
    }
    if norm == "OPT-OUT" {
        return Classification::exact(Intent::OptOut, "OPT-OUT", Some(Scope::Channel));
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
    match phrase_opt_out(&norm) {
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
const STOP_VERBS: [&str; 8] = [
    "STOP",
    "QUIT",
    "CEASE",
    "QUIT",
    "END",
    "HALT",
    "DISCONTINUE",
    "QUIT",
];
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
/// Verbs of contact after "don't" / "do not" / "never".
const CONTACT_VERBS: [&str; 8] = [
    "TEXT", "MESSAGE", "CONTACT", "CALL", "EMAIL", "SMS", "BOTHER", "SEND",
];

fn phrase_opt_out(norm: &str) -> Option<(String, Scope)> {
    let words: Vec<&str> = norm.split(' ').collect();
    let n = words.len();
    if !(2..=40).contains(&n) {
        return None;
    }
    let has = |w: &str| words.contains(&w);
    let scope = if has("ALL")
        && (has("CHANNELS") || has("EVERYTHING") || words.windows(2).any(|p| p == ["STOP", "ALL"]))
    {
        Scope::All
    } else {
        Scope::Channel
    };
    let found = |i: usize, len: usize| -> Option<(String, Scope)> {
        let end = (i + len).min(n);
        let start = i.min(end);
        Some((
            words
                .get(start..end)
                .unwrap_or(&[])
                .join(" ")
                .to_lowercase(),
            scope,
        ))
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
                || (matches!(
                    a,
                    "ALL" | "THE" | "YOUR" | "THESE" | "ME" | "SENDING" | "IT"
                ) && (MEDIA.contains(&b) || b.is_empty() && a == "IT"))
                || (matches!(a, "SENDING" | "ALL")
                    && matches!(b, "ME" | "THE" | "THESE" | "YOUR")
                    && MEDIA.contains(&c))
            {
                return found(i, 3);
            }
            if a == "IT" && matches!(b, "PLEASE" | "NOW" | "") {
                return found(i, 2);
            }
        }
        // "remove me", "take me off", "unsubscribe me", "opt me out"
        if w == "REMOVE" && matches!(next(1), "ME" | "MY" | "THIS") {
            return found(i, 2);
        }
        if w == "TAKE" && next(1) == "ME" && next(2) == "OFF" {
            return found(i, 3);
        }
        if matches!(w, "UNSUBSCRIBE" | "UNSUB") && (n <= 6 || matches!(next(1), "ME" | "FROM")) {
            return found(i, 2);
        }
        if w == "OPT" && next(1) == "ME" && next(2) == "OUT" {
            return found(i, 3);
        }
        if matches!(w, "OPT-OUT" | "OPTOUT") && n <= 6 {
            return found(i, 1);
        }
        // "don't text me", "do not contact me", "never call me again"
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
            if CONTACT_VERBS.contains(&v) && matches!(v2, "ME" | "THIS" | "AGAIN" | "US" | "") {
                return found(i, k + 2);
            }
            if w == "NO" && MEDIA.contains(&v) {
                return found(i, k + 1);
            }
            if v == "WANT" && matches!(v2, "YOUR" | "ANY" | "THESE" | "TO" | "MORE") {
                let v3 = next(k + 2);
                let v4 = next(k + 3);
                if MEDIA.contains(&v3)
                    || (v3 == "BE" && v4 == "CONTACTED")
                    || (v3 == "RECEIVE" || v3 == "GET")
                {
                    return found(i, k + 4);
                }
            }
        }
        // "leave me alone", "lose my number", "wrong person stop"
        if w == "LEAVE" && next(1) == "ME" && next(2) == "ALONE" {
            return found(i, 3);
        }
        if matches!(w, "LOSE" | "DELETE") && matches!(next(1), "MY" | "THIS") && next(2) == "NUMBER"
        {
            return found(i, 3);
        }
    }
    // A message that ends with a bare STOP / UNSUBSCRIBE keyword after a short lead
    // ("wrong number stop", "no thanks, stop").
    if n <= 5 {
        if let Some(last) = words.last() {
            if matches!(*last, "STOP" | "UNSUBSCRIBE" | "STOPALL") {
                let lead: &[&str] = words.get(..n - 1).unwrap_or(&[]);
                let polite = lead.iter().all(|w| {
                    matches!(
                        *w,
                        "PLEASE"
                            | "PLS"
                            | "PLZ"
                            | "NO"
                            | "THANKS"
                            | "THANK"
                            | "YOU"
                            | "WRONG"
                            | "NUMBER"
                            | "PERSON"
                            | "JUST"
                            | "OK"
                            | "OKAY"
                            | "NOW"
                    )
                });
                if polite {
                    return Some((norm.to_lowercase(), scope));
                }
            }
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
            "",
            "   ",
            "🛑",
        ] {
            assert_eq!(intent(t).0, Intent::None, "{t}");
        }
    }
}
