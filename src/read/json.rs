//! A JSON reader over bytes, shallow: values are borrowed, objects and
//! arrays skipped unless walked member by member.

use std::borrow::Cow;

use crate::error::Error;

use super::value::Val;

pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    /// How many lone UTF-16 surrogates were read as U+FFFD so far (an id
    /// holding one is refused: see `fields::id`).
    pub(super) lone: u32,
}

/// A syntax error ends the record: its position and what was expected.
pub(super) type Syntax = Error;

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            lone: 0,
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    pub(super) fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.bump();
        }
    }

    pub(super) fn syntax(&self, what: &str) -> Syntax {
        let got = match self.peek() {
            None => "the end of the text".to_string(),
            Some(b) if b.is_ascii_graphic() => format!("'{}'", b as char),
            Some(b) => format!("byte 0x{b:02x}"),
        };
        Error::input(
            "",
            format!(
                "not valid JSON: expected {what} at byte {}, got {got}",
                self.pos
            ),
        )
    }

    pub(super) fn expect(&mut self, b: u8, what: &str) -> std::result::Result<(), Syntax> {
        self.ws();
        if self.peek() == Some(b) {
            self.bump();
            Ok(())
        } else {
            Err(self.syntax(what))
        }
    }

    /// What the value at the cursor is, in words (for "expected an object, got
    /// an array"), skipping it.
    pub(super) fn describe_value(&mut self) -> std::result::Result<String, String> {
        self.ws();
        match self.value() {
            Ok(v) => Ok(v.got()),
            Err(e) => Err(e.message),
        }
    }

    /// A string; the cursor is on its opening quote.
    #[inline(always)]
    fn string(&mut self) -> std::result::Result<Cow<'a, str>, Syntax> {
        let start = self.pos.saturating_add(1);
        // Fast path: no escape; the end found a word at a time.
        let end = start.saturating_add(string_stop(self.bytes.get(start..).unwrap_or(&[])));
        if self.bytes.get(end) == Some(&b'"') {
            self.pos = end.saturating_add(1);
            return Ok(Cow::Borrowed(invisible_trimmed(self.slice(start, end))));
        }
        self.pos = end;
        self.string_rest(start).map(Cow::Owned)
    }

    /// The rest of a string with an escape (or no end), from `start` (its
    /// first character) with the cursor where the fast path stopped; kept out
    /// of line, as most strings have none.
    #[cold]
    #[inline(never)]
    fn string_rest(&mut self, start: usize) -> std::result::Result<String, Syntax> {
        let mut out = String::from(self.slice(start, self.pos));
        loop {
            match self.peek() {
                None => return Err(self.syntax("the end of a string")),
                Some(b'"') => {
                    self.bump();
                    let kept = invisible_trimmed(&out);
                    if kept.len() < out.len() {
                        return Ok(kept.to_string());
                    }
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.bump();
                    let c = self.peek();
                    self.bump();
                    match c {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => return Err(self.syntax("an escape such as \\n or \\u00e9")),
                    }
                }
                // A raw control character is not JSON (JSON.stringify never
                // writes one).
                Some(b) if b < 0x20 => return Err(self.syntax("a character allowed in a string")),
                Some(_) => {
                    let from = self.pos;
                    self.pos =
                        from.saturating_add(string_stop(self.bytes.get(from..).unwrap_or(&[])));
                    out.push_str(self.slice(from, self.pos));
                }
            }
        }
    }

    /// The text between two byte positions (both on character boundaries:
    /// quotes, backslashes and ASCII).
    fn slice(&self, from: usize, to: usize) -> &'a str {
        let text: &'a str = self.text;
        text.get(from..to).unwrap_or("")
    }

    fn hex4(&mut self) -> std::result::Result<u16, Syntax> {
        let hex = self.slice(self.pos, self.pos.saturating_add(4));
        let v = if hex.len() == 4 {
            u16::from_str_radix(hex, 16).ok()
        } else {
            None
        };
        match v {
            Some(v) => {
                self.pos = self.pos.saturating_add(4);
                Ok(v)
            }
            None => Err(self.syntax("four hex digits after \\u")),
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` read). A lone UTF-16
    /// surrogate (what `JSON.stringify` writes for a string cut in the middle
    /// of an emoji) is read as U+FFFD, as JavaScript's `TextEncoder` does.
    fn unicode_escape(&mut self) -> std::result::Result<char, Syntax> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) {
            let save = self.pos;
            if self.bytes.get(self.pos) == Some(&b'\\')
                && self.bytes.get(self.pos.saturating_add(1)) == Some(&b'u')
            {
                self.pos = self.pos.saturating_add(2);
                let lo = self.hex4()?;
                if (0xDC00..0xE000).contains(&lo) {
                    let c = 0x10000u32
                        .saturating_add((u32::from(hi).saturating_sub(0xD800)) << 10)
                        .saturating_add(u32::from(lo).saturating_sub(0xDC00));
                    return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
                }
                self.pos = save;
            }
            self.lone = self.lone.saturating_add(1);
            return Ok('\u{FFFD}');
        }
        Ok(char::from_u32(u32::from(hi)).unwrap_or_else(|| {
            self.lone = self.lone.saturating_add(1);
            '\u{FFFD}'
        }))
    }

    fn number(&mut self) -> std::result::Result<Val<'a>, Syntax> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        let digits = |r: &mut Self| {
            let from = r.pos;
            while r.peek().is_some_and(|b| b.is_ascii_digit()) {
                r.bump();
            }
            r.pos > from
        };
        let first = self.pos;
        if !digits(self) {
            return Err(self.syntax("a digit"));
        }
        // (JSON has no leading zero: `007` is no number `JSON.parse` reads,
        // nor contact 7.)
        if self.bytes.get(first) == Some(&b'0') && self.pos > first.saturating_add(1) {
            self.pos = first.saturating_add(1);
            return Err(self.syntax("no digit after a leading zero"));
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if !digits(self) {
                return Err(self.syntax("a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            if !digits(self) {
                return Err(self.syntax("a digit in the exponent"));
            }
        }
        let text = self.slice(start, self.pos);
        Ok(Val::Num(text.parse().unwrap_or(f64::NAN), text))
    }

    fn literal(&mut self, word: &str, v: Val<'a>) -> std::result::Result<Val<'a>, Syntax> {
        let end = self.pos.saturating_add(word.len());
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(v)
        } else {
            Err(self.syntax("a JSON value"))
        }
    }

    /// Skips an object or array whose opening bracket is at the cursor.
    fn skip_nested(&mut self) -> std::result::Result<(), Syntax> {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                None => return Err(self.syntax("the end of an object or array")),
                Some(b'{' | b'[') => {
                    depth = depth.saturating_add(1);
                    self.bump();
                }
                Some(b'}' | b']') => {
                    depth = depth.saturating_sub(1);
                    self.bump();
                    if depth == 0 {
                        return Ok(());
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(_) => self.bump(),
            }
        }
    }

    /// Skips one element of an array to the `,` or `]` that ends it at its
    /// own depth, its strings by their quotes alone: a contact with a bad
    /// escape or a missing comma is found, to be read (and refused) on its
    /// own, and the others still read. Fails only at the end of the text.
    pub(super) fn skip_element(&mut self) -> std::result::Result<(), Syntax> {
        let mut depth = 0usize;
        let mut quoted = false;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.syntax("the end of an element"));
            };
            match b {
                b'\\' if quoted => self.bump(),
                b'"' => quoted = !quoted,
                _ if quoted => {}
                b',' | b']' if depth == 0 => return Ok(()),
                b'{' | b'[' => depth = depth.saturating_add(1),
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.bump();
        }
    }

    /// Any value, shallowly (objects and arrays are skipped).
    pub(super) fn value(&mut self) -> std::result::Result<Val<'a>, Syntax> {
        self.value_inline()
    }

    /// [`Reader::value`] inlined where it is called: for the two loops that
    /// read every field of every contact and event (3% of a load); the other
    /// callers keep the one out-of-line copy, as the module's size is budgeted.
    #[inline(always)]
    pub(super) fn value_inline(&mut self) -> std::result::Result<Val<'a>, Syntax> {
        self.ws();
        match self.peek() {
            Some(b'"') => Ok(Val::Str(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Val::True),
            Some(b'f') => self.literal("false", Val::False),
            Some(b'n') => self.literal("null", Val::Null),
            Some(b'{') => {
                self.skip_nested()?;
                Ok(Val::Object)
            }
            Some(b'[') => {
                self.skip_nested()?;
                Ok(Val::Array)
            }
            _ => Err(self.syntax("a JSON value")),
        }
    }

    /// Walks the elements of an array whose `[` is at the cursor, calling `f`
    /// with each index (the cursor then on the element, past white space,
    /// which `f` must consume).
    pub(super) fn elements(
        &mut self,
        mut f: impl FnMut(&mut Self, usize) -> std::result::Result<(), Syntax>,
    ) -> std::result::Result<(), Syntax> {
        self.expect(b'[', "'['")?;
        self.ws();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(());
        }
        for i in 0usize.. {
            self.ws();
            f(self, i)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => break,
                _ => return Err(self.syntax("',' or ']'")),
            }
        }
        self.bump();
        Ok(())
    }

    /// Walks the members of an object whose `{` is at the cursor, calling `f`
    /// with each key (the cursor then on its value, which `f` must consume).
    pub(super) fn members(
        &mut self,
        mut f: impl FnMut(&mut Self, &str) -> std::result::Result<(), Syntax>,
    ) -> std::result::Result<(), Syntax> {
        self.expect(b'{', "'{'")?;
        self.ws();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(());
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.syntax("a field name in double quotes"));
            }
            let key = self.string()?;
            self.expect(b':', "':'")?;
            self.ws();
            f(self, &key)?;
            self.ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(());
                }
                _ => return Err(self.syntax("',' or '}'")),
            }
        }
    }
}

/// The index of the first byte of `b` that ends or escapes a JSON string — a
/// quote, a backslash or a control character below 0x20 — or `b.len()`.
///
/// Eight bytes at a time: a byte equal to `q` makes `x ^ q·ONES` have a zero
/// byte, and `(x - n·ONES) & !x & HIGH` marks the bytes below n (n ≤ 128).
/// A borrow may also mark bytes above a marked one, never below it, so the
/// lowest mark (the first byte, little-endian) is always a true one.
fn string_stop(b: &[u8]) -> usize {
    pub(super) const ONES: u64 = 0x0101_0101_0101_0101;
    pub(super) const HIGH: u64 = 0x8080_8080_8080_8080;
    pub(super) const QUOTES: u64 = ONES * b'"' as u64;
    pub(super) const SLASHES: u64 = ONES * b'\\' as u64;
    pub(super) const SPACES: u64 = ONES * 0x20;
    let mut at = 0usize;
    for word in b.chunks_exact(8) {
        let Ok(bytes) = <[u8; 8]>::try_from(word) else {
            break;
        };
        let x = u64::from_le_bytes(bytes);
        let q = x ^ QUOTES;
        let s = x ^ SLASHES;
        let hit = ((q.wrapping_sub(ONES) & !q)
            | (s.wrapping_sub(ONES) & !s)
            | (x.wrapping_sub(SPACES) & !x))
            & HIGH;
        if hit != 0 {
            return at.saturating_add((hit.trailing_zeros() / 8) as usize);
        }
        at = at.saturating_add(8);
    }
    let rest = b.get(at..).unwrap_or(&[]);
    rest.iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .map_or(b.len(), |p| at.saturating_add(p))
}

/// `s` without the invisible characters a spreadsheet or a copy and paste
/// leaves at its edges: a byte order mark (U+FEFF, at the start of a CSV
/// file's first cell when it was not stripped: `"\u{FEFF}id"`), zero-width
/// spaces and joiners (U+200B–U+200D) and the word joiner (U+2060). As
/// white space is around a time or a name, they are not part of the value.
#[inline(always)]
pub(crate) fn invisible_trimmed(s: &str) -> &str {
    // (Each of them is three bytes, the first 0xE2 or 0xEF.)
    let b = s.as_bytes();
    let edge = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(|&c| c >= 0xE2);
    if !edge(Some(0)) && !edge(b.len().checked_sub(3)) {
        return s;
    }
    invisible_cut(s)
}

/// `invisible_trimmed` where an edge may hold one; kept out of line, as
/// few strings have any.
#[cold]
#[inline(never)]
fn invisible_cut(mut s: &str) -> &str {
    const INVISIBLE: [&str; 5] = ["\u{FEFF}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}"];
    while let Some(rest) = INVISIBLE.iter().find_map(|c| s.strip_prefix(c)) {
        s = rest;
    }
    while let Some(rest) = INVISIBLE.iter().find_map(|c| s.strip_suffix(c)) {
        s = rest;
    }
    s
}
