//! Reading a word the lists know however it is written: elongated
//! ("stooop"), a near miss ("unsubscibe"), masked ("f***ing"), or glued to a
//! number or to another word ("STOP2", "stoptexting").

use super::super::words::{self, Known, CVERB, GER, KEY, MEDIA, THING};

/// A swear word masked or minced ("f***ing", "F*CKING", "f'ing") read as
/// the one the lists know: an intensifier, as in "stop f***ing texting me".
pub(super) fn masked(s: &str) -> Option<Known> {
    if let Some(k) = starred(s) {
        return Some(k);
    }
    let masked = s.starts_with('F')
        && s.ends_with("ING")
        && s.len() <= 9
        && s.bytes().any(|b| b == b'*' || b == b'\'');
    masked.then(|| words::lookup("FUCKING")).flatten()
}

/// Letters spelt with an asterisk between each ("S*T*O*P", "R*E*M*O*V*E"):
/// the word they spell, when the lists give it a flag of its own (as for
/// letters spaced one by one).
fn starred(s: &str) -> Option<Known> {
    let b = s.as_bytes();
    if b.len() < 5 || b.len() > 31 || b.len() % 2 == 0 {
        return None;
    }
    let mut word = [0u8; 16];
    for (i, &c) in b.iter().enumerate() {
        if i % 2 == 1 {
            if c != b'*' {
                return None;
            }
        } else if c.is_ascii_alphabetic() {
            *word.get_mut(i / 2)? = c;
        } else {
            return None;
        }
    }
    let n = b.len().div_ceil(2);
    let w = std::str::from_utf8(word.get(..n)?).ok()?;
    words::lookup(w).filter(|k| k.f & !words::PLAIN != 0)
}

/// A word with a letter lost in decoding (U+FFFD for the "Ê" of a Latin-1
/// "ARRÊT" read as UTF-8): the word the lists know with a letter in its
/// place, tried in the order A E I O U N C ("más", "arrêt", "envíes", "año",
/// "reçu"); every lost letter of the word is taken to be the same one
/// ("téléphone").
pub(super) fn lost(s: &str) -> Option<Known> {
    if !s.contains('\u{FFFD}') {
        return None;
    }
    ["A", "E", "I", "O", "U", "N", "C"]
        .iter()
        .find_map(|c| read_word(&s.replace('\u{FFFD}', c)))
}

/// Two keywords joined by "2", as political short codes write them
/// ("STOP2END", "STOP2QUIT"): the first, where the second starts, and the
/// second.
pub(super) fn keyed(s: &str) -> Option<(Known, usize, Known)> {
    let p = s.find('2')?;
    let key = |w: &str| read_word(w).filter(|k| k.f & KEY != 0);
    let first = key(s.get(..p)?)?;
    let second = key(s.get(p.checked_add(1)?..)?)?;
    Some((first, p.checked_add(1)?, second))
}

/// A number the lists do not know (its digits are its surface).
pub(super) const NUMBER: Known = Known { w: "", f: 0, ch: 0 };

/// A keyword with a number glued to it ("STOP2", "stop123", as a reply to a
/// numbered list is typed): the keyword and where its digits start.
pub(super) fn numbered(s: &str) -> Option<(Known, usize)> {
    let at = s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if at == s.len() || at == 0 {
        return None;
    }
    let key = read_word(s.get(..at)?).filter(|k| k.f & KEY != 0)?;
    Some((key, at))
}

/// A stop word or "do not" glued to a word of contact ("STOPTEXTING",
/// "STOPCALLING", a hashtag's "DoNotCall", "DONTTEXTME"): both words, and
/// where the second starts.
pub(super) fn glued(s: &str) -> Option<(Known, usize, Known)> {
    // ("PLEASESTOP": the keyword after "please"; "nomore", "NOMORE!",
    // "nomo texts": "no more".)
    for (whole, first, second) in [
        ("PLEASESTOP", "PLEASE", "STOP"),
        ("NOMORE", "NO", "MORE"),
        ("NOMO", "NO", "MO"),
    ] {
        if s == whole {
            return Some((words::lookup(first)?, first.len(), words::lookup(second)?));
        }
    }
    // ("mappeler", "menvoyer": French "m'" with its apostrophe left out,
    // before a verb of contact.)
    if let Some(verb) = s
        .strip_prefix('M')
        .filter(|r| r.starts_with(['A', 'E', 'I', 'O', 'U']))
        .and_then(read_word)
        .filter(|k| k.f & CVERB != 0)
    {
        return Some((words::lookup("M")?, 1, verb));
    }
    let (first, rest) = match s.strip_prefix("STOP") {
        Some(rest) => ("STOP", rest),
        None => (
            "DON'T",
            s.strip_prefix("DONOT").or_else(|| s.strip_prefix("DONT"))?,
        ),
    };
    // ("on donotdisturb": a phone's setting, no request.)
    let rest = Some(rest).filter(|r| r.len() >= 3 && !r.starts_with("DISTURB"))?;
    let contact =
        |w: &str| read_word(w).filter(|k| k.f & (GER | CVERB | MEDIA) != 0 && k.f & THING == 0);
    // "STOPCALLINGME": the "ME" glued on too is the customer; "STOPPLEASE".
    let second = contact(rest)
        .or_else(|| rest.strip_suffix("ME").and_then(contact))
        .or_else(|| {
            matches!(rest, "PLEASE" | "PLS" | "PLZ" | "NOW")
                .then(|| words::lookup(rest))
                .flatten()
        })?;
    Some((words::lookup(first)?, s.len() - rest.len(), second))
}

/// A request written as one word, as a hashtag writes it: a keyword said
/// over and over ("STOPSTOPSTOP") or a verb, "me" and its particle
/// ("LEAVEMEALONE", "TAKEMEOFF", "OPTMEOUT"): its words, and where each
/// starts.
pub(super) fn run_together(s: &str) -> Option<Vec<(Known, usize)>> {
    for n in 2..=5 {
        let len = s.len() / n;
        let key = s
            .get(..len)
            .filter(|k| s.len() % n == 0 && k.repeat(n) == s)
            .and_then(words::lookup)
            .filter(|k| k.f & KEY != 0);
        if let Some(key) = key {
            return Some((0..n).map(|m| (key, m * len)).collect());
        }
    }
    // (Not "TAKEMEOUT": to dinner.)
    let (verb, rest) = [("LEAVE", "ALONE"), ("TAKE", "OFF"), ("OPT", "OUT")]
        .into_iter()
        .find(|(v, r)| s.strip_prefix(v).and_then(|m| m.strip_suffix(r)) == Some("ME"))?;
    Some(vec![
        (words::lookup(verb)?, 0),
        (words::lookup("ME")?, verb.len()),
        (words::lookup(rest)?, verb.len() + 2),
    ])
}

/// A word the lists know, also when elongated ("stooop", "pleeease",
/// "stopppp") or a near miss of "unsubscribe" ("unsubscibe").
pub(super) fn read_word(s: &str) -> Option<Known> {
    if let Some(k) = words::lookup(s) {
        return Some(k);
    }
    let bytes = s.as_bytes();
    if bytes.len() <= 32 && bytes.windows(2).any(|w| w.first() == w.get(1)) {
        let mut buf = [0u8; 32];
        for mode in [
            Squeeze::Two,
            Squeeze::One,
            Squeeze::TwoLastOne,
            Squeeze::VowelOne,
        ] {
            if let Some(k) = squeeze(bytes, mode, &mut buf).and_then(words::lookup) {
                return Some(k);
            }
        }
    }
    // A gerund with its "g" dropped ("ringin", "phonin", "harassin"): the
    // gerund.
    if (5..32).contains(&bytes.len()) && s.ends_with("IN") {
        let mut g = String::with_capacity(bytes.len() + 1);
        g.push_str(s);
        g.push('G');
        if let Some(k) = words::lookup(&g).filter(|k| k.f & GER != 0) {
            return Some(k);
        }
    }
    // A near miss of a longer word of a request, one edit away, with its
    // first letter ("callng", "txeting", "contanct", "remvoe", "mesaging",
    // "cancle", "recive", "harrassment").
    // Words that are one edit from these and mean something else ("testing",
    // "contract", "remote", "calming") are in the lists, and found above.
    // (Five letters only for the six-letter ones: "canel", "plese", "delte",
    // "numer", "reprt", "rmove".)
    if (5..=12).contains(&bytes.len()) {
        const NEAR: [&str; 21] = [
            "REMOVE",
            "REVOKE",
            "CONTACT",
            "CONTACTING",
            "CALLING",
            "TEXTING",
            "MESSAGING",
            "EMAILING",
            "ANYMORE",
            "MESSAGES",
            "MESSAGE",
            "CANCEL",
            "PLEASE",
            "DELETE",
            "NUMBER",
            "REPORT",
            "RECEIVE",
            "PERMISSION",
            "HARASSMENT",
            "CONTACTED",
            "SUBSCRIPTION",
        ];
        for target in NEAR {
            if bytes.first() == target.as_bytes().first() && within(bytes, target.as_bytes(), 1) {
                return words::lookup(target);
            }
        }
    }
    if (8..=15).contains(&bytes.len()) && bytes.first() == Some(&b'U') {
        for (target, d) in [("UNSUBSCRIBE", 2), ("UNSUBSCRIBED", 2)] {
            let d = if bytes.len() < 10 { 1 } else { d };
            if within(bytes, target.as_bytes(), d) {
                return words::lookup(target);
            }
        }
    }
    None
}

/// How [`squeeze`] cuts the runs of a letter.
#[derive(Clone, Copy)]
enum Squeeze {
    /// Runs of three or more letters become two ("CALLLL" → "CALL").
    Two,
    /// Every run becomes one letter ("STOOOPPP" → "STOP").
    One,
    /// Runs of three become two, and a run at the end one ("CALLINGG" → "CALLING").
    TwoLastOne,
    /// Runs of a vowel become one, others two ("ARREEEET" → "ARRET").
    VowelOne,
}

/// `s` with its runs of a letter cut as `mode` says, written into `buf`;
/// `None` when nothing was cut or it does not fit.
fn squeeze<'b>(s: &[u8], mode: Squeeze, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let mut n = 0;
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        let mut run = 1;
        while s.get(i + run) == Some(&c) {
            run += 1;
        }
        let last = i + run == s.len();
        let keep = match mode {
            Squeeze::Two => run.min(2),
            Squeeze::One => 1,
            Squeeze::TwoLastOne if last => 1,
            Squeeze::TwoLastOne => run.min(2),
            Squeeze::VowelOne if b"AEIOU".contains(&c) => 1,
            Squeeze::VowelOne => run.min(2),
        };
        for _ in 0..keep {
            *buf.get_mut(n)? = c;
            n += 1;
        }
        i += run;
    }
    let out = std::str::from_utf8(buf.get(..n)?).ok()?;
    (out.len() < s.len()).then_some(out)
}

/// Whether `a` is within `k` edits (insert, delete, substitute, swap two
/// neighbours) of `b`.
fn within(a: &[u8], b: &[u8], k: u32) -> bool {
    match (a.split_first(), b.split_first()) {
        (None, None) => true,
        (None, Some(_)) => b.len() <= k as usize,
        (Some(_), None) => a.len() <= k as usize,
        (Some((x, ra)), Some((y, rb))) => {
            if x == y {
                return within(ra, rb, k);
            }
            if k == 0 {
                return false;
            }
            if let (Some((x2, ra2)), Some((y2, rb2))) = (ra.split_first(), rb.split_first()) {
                if x == y2 && x2 == y && within(ra2, rb2, k - 1) {
                    return true;
                }
            }
            within(ra, rb, k - 1) || within(a, rb, k - 1) || within(ra, b, k - 1)
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elongated_and_misspelt_words() {
        for (s, w) in [
            ("STOOOOP", "STOP"),
            ("STOPPPP", "STOP"),
            ("STOPP", "STOP"),
            ("PLEEEASE", "PLEASE"),
            ("CALLLLING", "CALLING"),
            ("TEXTINGGG", "TEXTING"),
            ("MEEEE", "ME"),
            ("UNSUBSCIBE", "UNSUBSCRIBE"),
            ("UNSUSBCRIBE", "UNSUBSCRIBE"),
            ("USUBSCRIBE", "UNSUBSCRIBE"),
        ] {
            assert_eq!(read_word(s).map(|k| k.w), Some(w), "{s}");
        }
        assert_eq!(read_word("SUBSCRIBE"), None);
        assert_eq!(read_word("RESUBSCRIBE"), None);
        assert_eq!(read_word("GREEN"), None);
    }
}
