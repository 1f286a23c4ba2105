//! Links and email addresses, each read as one word: their words are nobody's
//! request and their dots end no sentence.

use std::borrow::Cow;

/// The text with each link and email address as one word, "link" and
/// "address", and a phone number as "my number" (below): their words ("unsub", "stop-smoking", "optout@") are nobody's
/// request, and their dots would end sentences ("remove jo@acme.com from
/// your list" reads as "remove address from your list"). What is glued
/// around one stays ("STOP,https://...", "my email is jo@acme.com. Stop");
/// the brackets and quotes around one go with it ("<jo@acme.com>").
pub(super) fn without_links(text: &str) -> Cow<'_, str> {
    let pieces: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
    let spaced = |i: usize| spaced_phone(&pieces, i).is_some();
    if !(text.split_whitespace().any(|w| link_in(w).is_some()) || (0..pieces.len()).any(spaced)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(piece) = pieces.get(i) {
        // ("(555) 123-4567", "+1 555 123 4567": a number written in
        // groups, as one word.)
        if let Some((last, tail)) = spaced_phone(&pieces, i) {
            out.push_str("my number");
            out.push_str(tail);
            i = last + 1;
            continue;
        }
        let word = piece.trim_end_matches(char::is_whitespace);
        let space = piece.get(word.len()..).unwrap_or("");
        match link_in(word) {
            Some((start, end, kind)) => {
                out.push_str(word.get(..start).unwrap_or(""));
                out.push_str(kind);
                out.push_str(word.get(end..).unwrap_or(""));
            }
            None => out.push_str(word),
        }
        out.push_str(space);
        i += 1;
    }
    Cow::Owned(out)
}

/// Where in word `w` a link or an email address is, with the brackets or
/// quotes around it and without the punctuation after it, and the word it
/// reads as. (Bytes: each bound stops at an ASCII byte, so it is a
/// character's bound.)
fn link_in(w: &str) -> Option<(usize, usize, &'static str)> {
    let b = w.as_bytes();
    let (mut start, end, kind);
    if let Some(p) = find(b, b"://") {
        start = p;
        while start > 0 && at(b, start - 1).is_ascii_alphabetic() {
            start -= 1;
        }
        (end, kind) = (b.len(), "link");
    } else if let Some(p) =
        find(b, b"www.").filter(|&p| p == 0 || !at(b, p - 1).is_ascii_alphanumeric())
    {
        // ("www." starting a word: not "Awww.stop".)
        (start, end, kind) = (p, b.len(), "link");
    } else if let Some((s, e)) = domain_path(b) {
        // ("acme.com/unsubscribe": a link without its scheme.)
        (start, end, kind) = (s, e, "link");
    } else if let Some(p) = find(b, b"@") {
        (start, end) = address(b, p)?;
        kind = "address";
    } else {
        (start, end) = phone(b)?;
        kind = "my number";
    }
    let (start, end) = enclosed(b, start, end);
    Some((start, end, kind))
}

/// A domain with a path after it and no scheme ("acme.com/unsubscribe",
/// "solarco.com/optout"): its bounds. The domain's last label is a common
/// top-level one, so that "and/or", "24/7" and "stop.texts/calls" are none.
fn domain_path(b: &[u8]) -> Option<(usize, usize)> {
    const TOP: &[&[u8]] = &[
        b"com", b"net", b"org", b"io", b"co", b"us", b"ca", b"info", b"biz", b"app", b"ai", b"me",
        b"ly", b"gl", b"mx", b"fr", b"es", b"uk", b"de", b"link",
    ];
    let slash = b.iter().position(|&c| c == b'/')?;
    let host = b.get(..slash)?;
    let start = host
        .iter()
        .rposition(|&c| !(c.is_ascii_alphanumeric() || c == b'.' || c == b'-'))
        .map_or(0, |p| p + 1);
    let host = host.get(start..)?;
    let dot = host.iter().rposition(|&c| c == b'.')?;
    let top = host.get(dot + 1..)?;
    let named = dot > 0 && TOP.iter().any(|t| t.eq_ignore_ascii_case(top));
    named.then_some((start, b.len()))
}

/// The byte at `i`, or 0 past the end.
fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// Where `pat` first starts in `b`, in any case.
fn find(b: &[u8], pat: &[u8]) -> Option<usize> {
    (0..b.len()).find(|&i| {
        b.get(i..).is_some_and(|t| {
            t.len() >= pat.len()
                && t.get(..pat.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(pat))
        })
    })
}

/// The email address around the `@` at `p`, with a "mailto:" before it:
/// `None` when it has no name before the `@` or no dot in its domain.
fn address(b: &[u8], p: usize) -> Option<(usize, usize)> {
    let addr = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let mut start = p;
    while start > 0 && addr(at(b, start - 1)) {
        start -= 1;
    }
    let mut end = p + 1;
    while end < b.len() && addr(at(b, end)) {
        end += 1;
    }
    while end > p + 1 && at(b, end - 1) == b'.' {
        end -= 1;
    }
    if start == p || !b.get(p + 1..end).is_some_and(|d| d.contains(&b'.')) {
        return None;
    }
    // ("mailto:jo@acme.com".)
    if start >= 7
        && b.get(start - 7..start)
            .is_some_and(|m| m.eq_ignore_ascii_case(b"mailto:"))
    {
        start -= 7;
    }
    Some((start, end))
}

/// A phone number written out as the word `b` ("555-867-5309",
/// "(555)867-5309", "+1.555.867.5309", "5558675309", "867-5309"): its
/// bounds. Read as "my number": "remove 555-867-5309 from your list" is
/// "remove my number from your list", texts and calls.
fn phone(b: &[u8]) -> Option<(usize, usize)> {
    let part = |c: u8| c.is_ascii_digit() || b"()+-.".contains(&c);
    let start = b
        .iter()
        .position(|&c| c.is_ascii_digit() || c == b'(' || c == b'+')?;
    let mut end = start;
    while end < b.len() && part(at(b, end)) {
        end += 1;
    }
    while end > start && !at(b, end - 1).is_ascii_digit() {
        end -= 1;
    }
    let run = b.get(start..end)?;
    let digits = run.iter().filter(|c| c.is_ascii_digit()).count();
    // (Seven digits only as a local number: "867-5309".)
    let local = digits == 7 && run.len() == 8 && matches!(run.get(3), Some(b'-' | b'.'));
    // The word is the number, but for brackets and punctuation around it.
    let rest = |r: &[u8]| r.iter().all(|c| b"<([\"',.!?;:)]>".contains(c));
    ((10..=11).contains(&digits) || local)
        .then_some((start, end))
        .filter(|_| rest(b.get(..start).unwrap_or(b"")) && rest(b.get(end..).unwrap_or(b"")))
}

/// A phone number written in groups parted by single spaces, from piece
/// `i` of a text split after each white space ("(555) 123-4567", "+1 555
/// 123 4567", "555 123 4567"): the index of its last piece, and what
/// follows the number there (its punctuation and white space).
fn spaced_phone<'t>(pieces: &[&'t str], i: usize) -> Option<(usize, &'t str)> {
    let digits = |w: &str| {
        w.bytes().any(|c| c.is_ascii_digit())
            && w.bytes()
                .all(|c| c.is_ascii_digit() || b"()+-.".contains(&c))
    };
    (i + 1..i + 4).rev().find_map(|last| {
        let group = pieces.get(i..=last)?;
        let mut joined = String::new();
        for (n, p) in group.iter().enumerate() {
            let w = p.trim_end_matches(char::is_whitespace);
            let w = if n + 1 == group.len() {
                w.trim_end_matches(|c: char| ".,!?;:)]>\"'".contains(c))
            } else if p.get(w.len()..) == Some(" ") {
                w
            } else {
                return None;
            };
            if !digits(w) {
                return None;
            }
            joined.push_str(w);
        }
        let last_piece = group.last()?;
        let end = joined.len();
        let word = last_piece.trim_end_matches(char::is_whitespace);
        let kept = word.trim_end_matches(|c: char| ".,!?;:)]>\"'".contains(c));
        let tail = last_piece.get(kept.len()..)?;
        (phone(joined.as_bytes()) == Some((0, end))).then_some((last, tail))
    })
}

/// Bounds `start..end` without the punctuation after them, and with the
/// brackets and quotes around them.
fn enclosed(b: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while end > start && b".,!?;:)]>\"'".contains(&at(b, end - 1)) {
        end -= 1;
    }
    // The brackets and quotes around it go with it.
    while start > 0 && b"<([\"'".contains(&at(b, start - 1)) {
        start -= 1;
    }
    while end < b.len() && b">)]\"'".contains(&at(b, end)) {
        end += 1;
    }
    (start, end)
}
