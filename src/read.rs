//! Reading contacts from JSON text, as CRMs keep them.
//!
//! A schema reader over the bytes: it reads the fields the engine uses and
//! skips every other field without looking inside it (CRM records carry phone,
//! owner, company and custom fields), treats `""` and `null` in an optional
//! field as "not given", reads a local date-time without an offset in the
//! contact's zone (its own `timeZone`, else the playbook's), refuses epoch
//! numbers that look like seconds, and reports every bad field of a record, not
//! only the first, each at its path (`events[3].at`) in the words of JSON.
//!
//! Playbooks are read strictly elsewhere (people write them; a typo must be
//! caught): this reader is for contacts only.

#![deny(clippy::arithmetic_side_effects)]

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::error::{Error, ErrorCode, Result};
use crate::model::{
    Contact, ContactId, Direction, DndChannel, DndSource, Event, EventBody, Interaction,
    MessageChannel, Outcome, Reply,
};
use crate::playbook::{Keywords, Playbook};
use crate::region::Region;
use crate::reply::classify_with;
use crate::time::{Instant, Zone, MAX_MS};

/// Epoch numbers below this are refused: as milliseconds they are before
/// March 1973, so they are almost surely seconds (a CRM event is not from 1973);
/// earlier times are given as RFC 3339 text.
pub const MIN_EPOCH_MS: f64 = 100_000_000_000.0;

/// What every time field accepts, said once.
pub const EXPECTED_TIME: &str = "expected an RFC 3339 time with an offset, a local date-time (read in the contact's zone) or epoch milliseconds";

/// Reads a contact from JSON text for a playbook: local date-times without an
/// offset are read in the contact's `timeZone`, else the playbook's; customers'
/// messages are classified with the playbook's extra keywords too.
///
/// # Errors
/// Every bad field of the record, each with its path; the first is the error
/// itself and the rest are in [`Error::also`].
pub fn contact(text: &str, playbook: &Playbook) -> Result<Contact> {
    contact_with(text, playbook.time_zone, &playbook.keywords)
}

/// Reads a contact from JSON text: local date-times without an offset in the
/// contact's `timeZone`, else `default_zone`; messages classified with the
/// built-in keywords and `keywords`.
///
/// # Errors
/// As [`contact`].
pub fn contact_with(
    text: &str,
    default_zone: Option<Zone>,
    keywords: &Keywords,
) -> Result<Contact> {
    let mut r = Reader::new(text);
    let mut out = Errors::default();
    read_whole(&mut r, &mut out, default_zone, &mut Batch::new(keywords))
}

/// A text that is one contact record and nothing more.
fn read_whole(
    r: &mut Reader<'_>,
    out: &mut Errors,
    default_zone: Option<Zone>,
    batch: &mut Batch<'_>,
) -> Result<Contact> {
    r.ws();
    let c = match r.peek() {
        Some(b'{') => read_contact(r, out, default_zone, batch),
        _ => {
            let got = r.describe_value().unwrap_or_else(|e| e);
            return Err(Error::input(
                "",
                format!("expected a contact object, got {got}"),
            ));
        }
    };
    match c {
        Ok(c) => {
            r.ws();
            if r.pos < r.bytes.len() {
                out.push(Error::input(
                    "",
                    format!(
                        "expected the end of the contact, got more text at byte {}",
                        r.pos
                    ),
                ));
            }
            std::mem::take(out).finish(c)
        }
        Err(syntax) => Err(syntax),
    }
}

/// What the records of one batch share as they are read: the playbook's extra
/// keywords, what each short customer's text seen already was read as (a
/// batch repeats "STOP", "Yes" and "Thanks!" many times; classification is
/// the same pure function of text, channel and keywords each time), and a
/// list to gather events in (each contact then keeps them in one block of
/// the right size).
struct Batch<'k> {
    keywords: &'k Keywords,
    /// Short texts read, per channel (SMS, email).
    seen: [rustc_hash::FxHashMap<Box<str>, Reply>; 2],
    events: Vec<Event>,
}

impl<'k> Batch<'k> {
    /// Texts longer than this are read each time (they seldom repeat).
    const SHORT: usize = 64;
    /// At most this many texts are remembered per channel.
    const KEEP: usize = 4096;

    fn new(keywords: &'k Keywords) -> Batch<'k> {
        Batch {
            keywords,
            seen: Default::default(),
            events: Vec::new(),
        }
    }

    fn reply(&mut self, text: &str, channel: MessageChannel) -> Reply {
        let classify = |text| Reply::from(classify_with(text, channel, self.keywords));
        if text.len() > Self::SHORT {
            return classify(text);
        }
        let seen = match channel {
            MessageChannel::Sms => &mut self.seen[0],
            MessageChannel::Email => &mut self.seen[1],
        };
        if let Some(r) = seen.get(text) {
            return r.clone();
        }
        let r = classify(text);
        if seen.len() < Self::KEEP {
            seen.insert(Box::from(text), r.clone());
        }
        r
    }
}

/// The byte ranges of the elements of a JSON array (a batch of contacts),
/// found without reading them: each is then read on its own, so a bad contact
/// yields its own error and the rest still read.
///
/// # Errors
/// When the text is not a JSON array (or is not valid JSON between elements).
pub fn array_elements(text: &str) -> Result<Vec<std::ops::Range<usize>>> {
    let mut r = Reader::new(text);
    let fail = |e: Syntax| Error::input("", e.message);
    r.ws();
    if r.peek() != Some(b'[') {
        let got = r.describe_value().unwrap_or_else(|e| e);
        return Err(Error::input(
            "",
            format!("expected an array of contacts, got {got}"),
        ));
    }
    r.bump();
    let mut out = Vec::new();
    r.ws();
    if r.peek() == Some(b']') {
        r.bump();
    } else {
        loop {
            r.ws();
            let start = r.pos;
            r.value().map_err(fail)?;
            out.push(start..r.pos);
            r.ws();
            match r.peek() {
                Some(b',') => r.bump(),
                Some(b']') => {
                    r.bump();
                    break;
                }
                _ => return Err(fail(r.syntax("',' or ']'"))),
            }
        }
    }
    r.ws();
    if r.pos < r.bytes.len() {
        return Err(Error::input(
            "",
            format!(
                "expected the end of the array, got more text at byte {}",
                r.pos
            ),
        ));
    }
    Ok(out)
}

/// The contacts of a JSON array text (a batch), read in one pass: each
/// element's byte range with its contact or its own error, in order.
///
/// Yields `Err` once, and then nothing, when the text is not a JSON array of
/// values (what [`array_elements`] refuses); the items yielded before it are
/// then to be dropped with the batch.
pub fn contacts<'a>(text: &'a str, playbook: &'a Playbook) -> Contacts<'a> {
    Contacts {
        text,
        r: Reader::new(text),
        default_zone: playbook.time_zone,
        batch: Batch::new(&playbook.keywords),
        index: 0,
        state: Walk::Start,
    }
}

/// The iterator of [`contacts`].
pub struct Contacts<'a> {
    text: &'a str,
    r: Reader<'a>,
    default_zone: Option<Zone>,
    batch: Batch<'a>,
    index: usize,
    state: Walk,
}

/// Where a [`Contacts`] walk stands.
enum Walk {
    Start,
    Elements,
    /// A record was not valid JSON inside while the array around it is: the
    /// rest are read from the ranges the array's outline gives (as
    /// [`array_elements`] finds them), each on its own.
    Ranges(std::vec::IntoIter<std::ops::Range<usize>>),
    Done,
}

/// One item of [`contacts`]: an element's byte range and its contact or error.
pub type Element = (std::ops::Range<usize>, Result<Contact>);

impl Contacts<'_> {
    fn fail(&mut self, e: Error) -> Option<Result<Element>> {
        self.state = Walk::Done;
        Some(Err(e))
    }

    /// The next element read in place; `None` after the closing bracket.
    fn element(&mut self) -> Option<Result<Element>> {
        let r = &mut self.r;
        r.ws();
        let start = r.pos;
        let item = if r.peek() == Some(b'{') {
            let mut out = Errors::default();
            match read_contact(r, &mut out, self.default_zone, &mut self.batch) {
                Ok(c) => out.finish(c),
                Err(_) => return self.outline(),
            }
        } else {
            if r.value().is_err() {
                return self.outline();
            }
            // Not an object: the element's own error, as `contact` words it.
            contact_with(self.slice(start), self.default_zone, self.batch.keywords)
        };
        let end = self.r.pos;
        self.r.ws();
        match self.r.peek() {
            Some(b',') => self.r.bump(),
            Some(b']') => {
                self.r.bump();
                self.r.ws();
                if self.r.pos < self.r.bytes.len() {
                    return self.outline();
                }
                self.state = Walk::Done;
            }
            _ => return self.outline(),
        }
        self.index = self.index.saturating_add(1);
        Some(Ok((start..end, item)))
    }

    fn slice(&self, from: usize) -> &str {
        self.text.get(from..self.r.pos).unwrap_or("")
    }

    /// A syntax error met in place: the array's outline decides. When it is
    /// not an array of values, that is the batch's error; when it is, the
    /// elements from this one on are read each on its own.
    fn outline(&mut self) -> Option<Result<Element>> {
        match array_elements(self.text) {
            Err(e) => self.fail(e),
            Ok(ranges) => {
                let mut rest = ranges.into_iter();
                for _ in 0..self.index {
                    rest.next();
                }
                self.state = Walk::Ranges(rest);
                self.next()
            }
        }
    }
}

impl Iterator for Contacts<'_> {
    type Item = Result<Element>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.state {
            Walk::Done => None,
            Walk::Ranges(rest) => {
                let range = rest.next()?;
                let raw = self.text.get(range.clone()).unwrap_or("");
                let mut out = Errors::default();
                let mut r = Reader::new(raw);
                let c = read_whole(&mut r, &mut out, self.default_zone, &mut self.batch);
                Some(Ok((range, c)))
            }
            Walk::Start => {
                self.r.ws();
                if self.r.peek() != Some(b'[') {
                    return self.outline();
                }
                self.r.bump();
                self.r.ws();
                if self.r.peek() == Some(b']') {
                    self.r.bump();
                    self.r.ws();
                    if self.r.pos < self.r.bytes.len() {
                        return self.outline();
                    }
                    self.state = Walk::Done;
                    return None;
                }
                self.state = Walk::Elements;
                self.element()
            }
            Walk::Elements => self.element(),
        }
    }
}

/// Reads a time argument given as a number (epoch milliseconds; what looks
/// like seconds is refused).
///
/// # Errors
/// [`ErrorCode::InvalidTime`], with an empty path.
pub fn time_number(n: f64) -> Result<Instant> {
    let text = if n.fract() == 0.0 && n.abs() < 1e17 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    };
    epoch(n, &text).map_err(|(code, m)| Error::new(code, "", m))
}

/// Reads a time argument given as text: RFC 3339 with an offset, or a string of
/// digits as epoch milliseconds. A local date-time is refused here: it has no
/// contact whose zone could read it.
///
/// # Errors
/// [`ErrorCode::InvalidTime`], with an empty path.
pub fn time_text(text: &str) -> Result<Instant> {
    match when(Val::Str(Cow::Borrowed(text))) {
        Ok(When::At(t)) => Ok(t),
        Ok(When::Local(_)) => Err(Error::new(
            ErrorCode::InvalidTime,
            "",
            format!(
                "expected a time with an offset (\"2026-11-03T10:15:00-05:00\") or epoch milliseconds, got {:?}: a local date-time is read only in a contact's zone",
                clip(text)
            ),
        )),
        Err((code, m)) => Err(Error::new(code, "", m)),
    }
}

/// Errors of one record, in the order met.
#[derive(Default)]
struct Errors(Vec<Error>);

impl Errors {
    fn push(&mut self, e: Error) {
        self.0.push(e);
    }

    fn finish<T>(self, v: T) -> Result<T> {
        let mut all = self.0.into_iter();
        match all.next() {
            None => Ok(v),
            Some(first) => Err(first.with_also(all.collect())),
        }
    }
}

/// A JSON value, read shallowly: strings borrowed when they have no escape,
/// objects and arrays skipped.
#[derive(Debug, Clone, PartialEq)]
enum Val<'a> {
    Str(Cow<'a, str>),
    Num(f64, &'a str),
    Bool(bool),
    Null,
    Object,
    Array,
}

impl Val<'_> {
    /// The value as JSON's words say it, for "got ..." in messages.
    fn got(&self) -> String {
        match self {
            Val::Str(s) => format!("{:?}", clip(s)),
            Val::Num(_, text) => format!("the number {text}"),
            Val::Bool(b) => format!("{b}"),
            Val::Null => "null".into(),
            Val::Object => "an object".into(),
            Val::Array => "an array".into(),
        }
    }

    /// `None` for "not given": absent, `null` or `""` (only spaces too).
    fn given(self) -> Option<Self> {
        match &self {
            Val::Null => None,
            Val::Str(s) if blank(s) => None,
            _ => Some(self),
        }
    }
}

/// Empty or only white space.
fn blank(s: &str) -> bool {
    crate::rfc3339::trim(s).is_empty()
}

fn clip(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// A syntax error ends the record: its position and what was expected.
type Syntax = Error;

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.bump();
        }
    }

    fn syntax(&self, what: &str) -> Syntax {
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

    fn expect(&mut self, b: u8, what: &str) -> std::result::Result<(), Syntax> {
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
    fn describe_value(&mut self) -> std::result::Result<String, String> {
        self.ws();
        match self.value() {
            Ok(v) => Ok(v.got()),
            Err(e) => Err(e.message),
        }
    }

    /// A string; the cursor is on its opening quote.
    fn string(&mut self) -> std::result::Result<Cow<'a, str>, Syntax> {
        self.bump();
        let start = self.pos;
        // Fast path: no escape; the end found a word at a time.
        self.pos = start.saturating_add(string_stop(self.bytes.get(start..).unwrap_or(&[])));
        match self.peek() {
            None => return Err(self.syntax("the end of a string")),
            Some(b'"') => {
                let s = self.slice(start, self.pos);
                self.bump();
                return Ok(Cow::Borrowed(s));
            }
            _ => {}
        }
        let mut out = String::from(self.slice(start, self.pos));
        loop {
            match self.peek() {
                None => return Err(self.syntax("the end of a string")),
                Some(b'"') => {
                    self.bump();
                    return Ok(Cow::Owned(out));
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
            return Ok('\u{FFFD}');
        }
        Ok(char::from_u32(u32::from(hi)).unwrap_or('\u{FFFD}'))
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
        if !digits(self) {
            return Err(self.syntax("a digit"));
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

    /// Any value, shallowly (objects and arrays are skipped).
    fn value(&mut self) -> std::result::Result<Val<'a>, Syntax> {
        self.ws();
        match self.peek() {
            Some(b'"') => Ok(Val::Str(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Val::Bool(true)),
            Some(b'f') => self.literal("false", Val::Bool(false)),
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

    /// Walks the members of an object whose `{` is at the cursor, calling `f`
    /// with each key (the cursor then on its value, which `f` must consume).
    fn members(
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
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const QUOTES: u64 = ONES * b'"' as u64;
    const SLASHES: u64 = ONES * b'\\' as u64;
    const SPACES: u64 = ONES * 0x20;
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

// ------------------------------------------------------------------ fields

/// A time read from a field: an instant, or a local date-time waiting for the
/// contact's zone.
#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    At(Instant),
    Local(NaiveDateTime),
}

/// Reads a time value.
fn when(v: Val<'_>) -> std::result::Result<When, (ErrorCode, String)> {
    let bad = |v: &Val<'_>| {
        (
            ErrorCode::InvalidTime,
            format!("{EXPECTED_TIME}, got {}", v.got()),
        )
    };
    match v {
        Val::Num(n, text) => epoch(n, text).map(When::At),
        Val::Str(ref s) => {
            let t = crate::rfc3339::trim(s);
            if t.bytes().all(|b| b.is_ascii_digit()) && !t.is_empty() {
                return epoch(t.parse().unwrap_or(f64::NAN), t).map(When::At);
            }
            if let Ok(i) = Instant::parse(t) {
                return Ok(When::At(i));
            }
            match local_date_time(t) {
                Some(l) => Ok(When::Local(l)),
                None => Err(bad(&v)),
            }
        }
        other => Err(bad(&other)),
    }
}

/// Epoch milliseconds, refusing what looks like seconds.
fn epoch(n: f64, text: &str) -> std::result::Result<Instant, (ErrorCode, String)> {
    if !n.is_finite() {
        return Err((
            ErrorCode::InvalidTime,
            format!("{EXPECTED_TIME}, got {text}"),
        ));
    }
    if n < MIN_EPOCH_MS {
        let as_seconds = Instant::from_ms((n * 1000.0).floor() as i64)
            .filter(|_| n >= 0.0)
            .map(|t| {
                format!(
                    ", and {text} looks like seconds (as seconds it is {}): multiply by 1000",
                    t.to_utc_string()
                )
            })
            .unwrap_or_default();
        return Err((
            ErrorCode::InvalidTime,
            format!(
                "epoch numbers are milliseconds from 100000000000 (March 1973) on{as_seconds}; or give an RFC 3339 time"
            ),
        ));
    }
    let ms = n.floor();
    if ms > MAX_MS as f64 {
        return Err((
            ErrorCode::InvalidTime,
            format!("epoch milliseconds must lie within years 1973 to 9999, got {text}"),
        ));
    }
    Instant::from_ms(ms as i64).ok_or((
        ErrorCode::InvalidTime,
        format!("epoch milliseconds must lie within years 1973 to 9999, got {text}"),
    ))
}

/// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM:SS` and `...SS.fff`, with
/// no offset.
pub fn local_date_time(t: &str) -> Option<NaiveDateTime> {
    let date = NaiveDate::parse_from_str(t.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = t.get(10..)?;
    if rest.is_empty() {
        return Some(date.and_time(NaiveTime::MIN));
    }
    let time = rest.strip_prefix(['T', 't', ' '])?;
    let parsed = match time.len() {
        5 => NaiveTime::parse_from_str(time, "%H:%M").ok()?,
        8 => NaiveTime::parse_from_str(time, "%H:%M:%S").ok()?,
        n if n > 9 && time.as_bytes().get(8) == Some(&b'.') => {
            NaiveTime::parse_from_str(time, "%H:%M:%S%.f").ok()?
        }
        _ => return None,
    };
    Some(date.and_time(parsed))
}

/// A string value, borrowed from the text when it has no escapes.
fn str_of(v: Val<'_>) -> std::result::Result<Cow<'_, str>, String> {
    match v {
        Val::Str(s) => Ok(s),
        other => Err(format!("expected a string, got {}", other.got())),
    }
}

fn string_of(v: Val<'_>) -> std::result::Result<String, String> {
    str_of(v).map(Cow::into_owned)
}

/// A string or a number, as text (step ids and reasons from spreadsheets).
fn text_of(v: Val<'_>) -> std::result::Result<String, String> {
    match v {
        Val::Str(s) => Ok(s.into_owned()),
        Val::Num(_, text) => Ok(text.to_string()),
        other => Err(format!("expected a string, got {}", other.got())),
    }
}

fn bool_of(v: Val<'_>) -> std::result::Result<bool, String> {
    match v {
        Val::Bool(b) => Ok(b),
        Val::Str(s) if s.trim().eq_ignore_ascii_case("true") => Ok(true),
        Val::Str(s) if s.trim().eq_ignore_ascii_case("false") => Ok(false),
        other => Err(format!("expected true or false, got {}", other.got())),
    }
}

/// One of the `names` (as JSON gives them), mapped to its value.
fn one_of<T: Copy>(v: Val<'_>, names: &[(&str, T)]) -> std::result::Result<T, String> {
    if let Val::Str(s) = &v {
        if let Some((_, t)) = names.iter().find(|(n, _)| *n == s.as_ref()) {
            return Ok(*t);
        }
    }
    let list: Vec<String> = names.iter().map(|(n, _)| format!("{n:?}")).collect();
    let (init, last) = list.split_at(list.len().saturating_sub(1));
    let words = if init.is_empty() {
        last.join("")
    } else {
        format!("{} or {}", init.join(", "), last.join(""))
    };
    Err(format!("expected {words}, got {}", v.got()))
}

const KINDS: [(&str, Kind); 6] = [
    ("message", Kind::Message),
    ("activity", Kind::Activity),
    ("dnd", Kind::Dnd),
    ("stepDone", Kind::StepDone),
    ("callback", Kind::Callback),
    ("horizon", Kind::Horizon),
];
const MESSAGE_CHANNELS: [(&str, MessageChannel); 2] = [
    ("sms", MessageChannel::Sms),
    ("email", MessageChannel::Email),
];
const DND_CHANNELS: [(&str, DndChannel); 4] = [
    ("sms", DndChannel::Sms),
    ("call", DndChannel::Call),
    ("email", DndChannel::Email),
    ("all", DndChannel::All),
];
const DIRECTIONS: [(&str, Direction); 2] = [("in", Direction::In), ("out", Direction::Out)];
const INTERACTIONS: [(&str, Interaction); 4] = [
    ("call", Interaction::Call),
    ("sms", Interaction::Sms),
    ("email", Interaction::Email),
    ("inStore", Interaction::InStore),
];
const OUTCOMES: [(&str, Outcome); 7] = [
    ("connected", Outcome::Connected),
    ("noAnswer", Outcome::NoAnswer),
    ("leftVoicemail", Outcome::LeftVoicemail),
    ("wrongNumber", Outcome::WrongNumber),
    ("saleInProgress", Outcome::SaleInProgress),
    ("sold", Outcome::Sold),
    ("noSale", Outcome::NoSale),
];
const SOURCES: [(&str, DndSource); 5] = [
    ("keyword", DndSource::Keyword),
    ("manual", DndSource::Manual),
    ("unsubscribe", DndSource::Unsubscribe),
    ("bounce", DndSource::Bounce),
    ("complaint", DndSource::Complaint),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Message,
    Activity,
    Dnd,
    StepDone,
    Callback,
    Horizon,
}

impl Kind {
    fn as_str(self) -> &'static str {
        KINDS
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
}

/// A time field waiting for the contact's zone: where it goes and its path.
struct Pending {
    /// `None` for `addedAt`, else the event index.
    event: Option<usize>,
    field: TimeField,
    local: NaiveDateTime,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TimeField {
    AddedAt,
    At,
    DueAt,
    BuyAt,
}

impl TimeField {
    fn name(self) -> &'static str {
        match self {
            TimeField::AddedAt => "addedAt",
            TimeField::At => "at",
            TimeField::DueAt => "dueAt",
            TimeField::BuyAt => "buyAt",
        }
    }
}

fn path_of(event: Option<usize>, field: &str) -> String {
    match event {
        Some(i) => format!("events[{i}].{field}"),
        None => field.to_string(),
    }
}

/// The state of one contact being read.
struct Ctx {
    zone: Option<Zone>,
    pending: Vec<Pending>,
}

impl Ctx {
    /// Reads a time field: an instant now, or a local time resolved once the
    /// zone is known (a placeholder until then).
    fn time(
        &mut self,
        v: Val<'_>,
        event: Option<usize>,
        field: TimeField,
        out: &mut Errors,
    ) -> Option<Instant> {
        match when(v) {
            Ok(When::At(t)) => Some(t),
            Ok(When::Local(l)) => {
                self.pending.push(Pending {
                    event,
                    field,
                    local: l,
                });
                Some(Instant(0))
            }
            Err((code, msg)) => {
                out.push(Error::new(code, path_of(event, field.name()), msg));
                None
            }
        }
    }
}

fn read_contact(
    r: &mut Reader<'_>,
    out: &mut Errors,
    default_zone: Option<Zone>,
    batch: &mut Batch<'_>,
) -> std::result::Result<Contact, Syntax> {
    let mut id: Option<ContactId> = None;
    let mut id_seen = false;
    let mut name = None;
    let mut time_zone: Option<Zone> = None;
    let mut region = None;
    let mut added_at: Option<Instant> = None;
    let mut added_seen = false;
    let mut priority = None;
    let mut events = std::mem::take(&mut batch.events);
    events.clear();
    let mut cx = Ctx {
        zone: None,
        pending: Vec::new(),
    };
    r.members(|r, key| {
        match key {
            "id" => {
                id_seen = true;
                id = match r.value()? {
                    Val::Str(s) if !s.trim().is_empty() => {
                        Some(ContactId::Text(s.into_owned().into_boxed_str()))
                    }
                    Val::Num(n, _) if n.is_finite() => Some(ContactId::Number(n)),
                    other => {
                        out.push(Error::input(
                            "id",
                            format!(
                                "expected a non-empty string or a number, got {}",
                                other.got()
                            ),
                        ));
                        None
                    }
                };
            }
            "name" => {
                name = match r.value()?.given().map(string_of) {
                    None => None,
                    Some(Ok(s)) => Some(s.into_boxed_str()),
                    Some(Err(m)) => {
                        out.push(Error::input("name", m));
                        None
                    }
                };
            }
            "timeZone" => {
                time_zone = match r.value()?.given() {
                    None => None,
                    Some(Val::Str(s)) => match Zone::parse(s.trim()) {
                        Ok(z) => Some(z),
                        Err(e) => {
                            out.push(e.under("timeZone"));
                            None
                        }
                    },
                    Some(other) => {
                        out.push(Error::new(
                            ErrorCode::UnknownTimeZone,
                            "timeZone",
                            format!(
                                "expected an IANA time zone such as \"America/New_York\", got {}",
                                other.got()
                            ),
                        ));
                        None
                    }
                };
                cx.zone = time_zone;
            }
            "region" => {
                region = match r.value()?.given() {
                    None => None,
                    Some(Val::Str(s)) => match Region::parse(s.trim()) {
                        Ok(reg) => Some(reg),
                        Err(m) => {
                            out.push(Error::value("region", m));
                            None
                        }
                    },
                    Some(other) => {
                        out.push(Error::value(
                            "region",
                            format!(
                                "expected a region code such as \"US\" or \"US-TX\", got {}",
                                other.got()
                            ),
                        ));
                        None
                    }
                };
            }
            "addedAt" => {
                added_seen = true;
                added_at = match r.value()?.given() {
                    None => {
                        out.push(Error::new(
                            ErrorCode::InvalidTime,
                            "addedAt",
                            format!("required: {EXPECTED_TIME}"),
                        ));
                        None
                    }
                    Some(v) => cx.time(v, None, TimeField::AddedAt, out),
                };
            }
            "priority" => {
                priority = match r.value()?.given() {
                    None => None,
                    Some(v) => {
                        let n = match &v {
                            Val::Num(n, _) => Some(*n),
                            Val::Str(s) => s.trim().parse::<f64>().ok(),
                            _ => None,
                        };
                        match n {
                            Some(n) if n.is_finite() && n.abs() <= 1e9 => Some(n),
                            _ => {
                                out.push(Error::input(
                                    "priority",
                                    format!("expected a number from -1e9 to 1e9, got {}", v.got()),
                                ));
                                None
                            }
                        }
                    }
                };
            }
            "events" => {
                r.ws();
                match r.peek() {
                    Some(b'[') => {
                        events.clear();
                        read_events(r, out, &mut cx, batch, &mut events)?;
                    }
                    _ => match r.value()?.given() {
                        None => events.clear(),
                        Some(other) => out.push(Error::input(
                            "events",
                            format!("expected an array of events, got {}", other.got()),
                        )),
                    },
                }
            }
            _ => {
                r.value()?;
            }
        }
        Ok(())
    })?;
    if !id_seen {
        out.push(Error::input(
            "id",
            "required: expected a non-empty string or a number",
        ));
    }
    if !added_seen {
        out.push(Error::new(
            ErrorCode::InvalidTime,
            "addedAt",
            format!("required: {EXPECTED_TIME}"),
        ));
    }
    // Local times, now that the zone is known.
    let zone = time_zone.or(default_zone);
    for p in std::mem::take(&mut cx.pending) {
        let Some(z) = zone else {
            out.push(Error::new(
                ErrorCode::InvalidTime,
                path_of(p.event, p.field.name()),
                format!(
                    "a local date-time without an offset ({:?}) is read in the contact's zone, but the contact has no timeZone (nor the playbook): give a timeZone or an offset",
                    p.local.format("%Y-%m-%d %H:%M").to_string()
                ),
            ));
            continue;
        };
        let t = z.instant(p.local);
        match p.event {
            None => added_at = added_at.map(|_| t),
            Some(i) => {
                if let Some(e) = events.get_mut(i) {
                    match (p.field, &mut e.body) {
                        (TimeField::At, _) => e.at = t,
                        (TimeField::DueAt, EventBody::Callback { due_at, .. }) => *due_at = t,
                        (TimeField::BuyAt, EventBody::Horizon { buy_at }) => *buy_at = t,
                        _ => {}
                    }
                }
            }
        }
    }
    for (i, e) in events.iter().enumerate() {
        if let EventBody::Horizon { buy_at } = e.body {
            if buy_at < e.at {
                out.push(Error::value(
                    format!("events[{i}].buyAt"),
                    "expected a time at or after the event's at",
                ));
            }
        }
    }
    // Sorted by time once, here: every rule reads the history in time order
    // (events at the same instant keep the order they were given in).
    // Moved out into a block of exactly their number (the gathering list
    // keeps its room for the next record).
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    kept.append(&mut events);
    batch.events = events;
    kept.sort_by_key(|e| (e.at, e.index));
    Ok(Contact {
        id: id.unwrap_or(ContactId::Text(Box::from(""))),
        name,
        time_zone,
        region,
        added_at: added_at.unwrap_or(Instant(0)),
        priority,
        events: kept,
    })
}

/// The fields of one event, read shallowly.
#[derive(Default)]
struct RawEvent<'a> {
    kind: Option<Val<'a>>,
    at: Option<Val<'a>>,
    channel: Option<Val<'a>>,
    direction: Option<Val<'a>>,
    text: Option<Val<'a>>,
    step: Option<Val<'a>>,
    interaction: Option<Val<'a>>,
    outcome: Option<Val<'a>>,
    reason: Option<Val<'a>>,
    active: Option<Val<'a>>,
    source: Option<Val<'a>>,
    due_at: Option<Val<'a>>,
    scheduled: Option<Val<'a>>,
    buy_at: Option<Val<'a>>,
}

fn read_events(
    r: &mut Reader<'_>,
    out: &mut Errors,
    cx: &mut Ctx,
    batch: &mut Batch<'_>,
    events: &mut Vec<Event>,
) -> std::result::Result<(), Syntax> {
    r.expect(b'[', "'['")?;
    r.ws();
    if r.peek() == Some(b']') {
        r.bump();
        return Ok(());
    }
    let mut i = 0usize;
    loop {
        r.ws();
        if r.peek() == Some(b'{') {
            let mut raw = RawEvent::default();
            r.members(|r, key| {
                let slot = match key {
                    "kind" => &mut raw.kind,
                    "at" => &mut raw.at,
                    "channel" => &mut raw.channel,
                    "direction" => &mut raw.direction,
                    "text" => &mut raw.text,
                    "step" => &mut raw.step,
                    "interaction" => &mut raw.interaction,
                    "outcome" => &mut raw.outcome,
                    "reason" => &mut raw.reason,
                    "active" => &mut raw.active,
                    "source" => &mut raw.source,
                    "dueAt" => &mut raw.due_at,
                    "scheduled" => &mut raw.scheduled,
                    "buyAt" => &mut raw.buy_at,
                    _ => {
                        r.value()?;
                        return Ok(());
                    }
                };
                *slot = r.value()?.given();
                Ok(())
            })?;
            // The event keeps its place (index) even when it is bad, so that
            // the paths of later events stay right.
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            if let Some(e) = build_event(raw, i, cx, batch, out) {
                events.push(e);
            } else {
                events.push(Event {
                    at: Instant(0),
                    index,
                    body: EventBody::StepDone {
                        step: Box::from(""),
                    },
                });
            }
        } else {
            let got = r.value()?.got();
            out.push(Error::input(
                format!("events[{i}]"),
                format!("expected an event object, got {got}"),
            ));
        }
        i = i.saturating_add(1);
        r.ws();
        match r.peek() {
            Some(b',') => r.bump(),
            Some(b']') => {
                r.bump();
                return Ok(());
            }
            _ => return Err(r.syntax("',' or ']'")),
        }
    }
}

/// Checks one event by its kind; pushes every problem and gives the event when
/// there was none.
fn build_event(
    raw: RawEvent<'_>,
    i: usize,
    cx: &mut Ctx,
    batch: &mut Batch<'_>,
    out: &mut Errors,
) -> Option<Event> {
    let before = out.0.len();
    let path = |f: &str| format!("events[{i}].{f}");
    let kind = match raw.kind {
        None => {
            out.push(Error::input(
                path("kind"),
                "required: expected \"message\", \"activity\", \"dnd\", \"stepDone\", \"callback\" or \"horizon\"",
            ));
            None
        }
        Some(v) => match one_of(v, &KINDS) {
            Ok(k) => Some(k),
            Err(m) => {
                out.push(Error::input(path("kind"), m));
                None
            }
        },
    };
    let at = match raw.at {
        None => {
            out.push(Error::new(
                ErrorCode::InvalidTime,
                path("at"),
                format!("required: {EXPECTED_TIME}"),
            ));
            None
        }
        Some(v) => cx.time(v, Some(i), TimeField::At, out),
    };
    let kind = kind?;
    fn need<'v>(
        out: &mut Errors,
        i: usize,
        kind: Kind,
        v: Option<Val<'v>>,
        name: &str,
        what: &str,
    ) -> Option<Val<'v>> {
        if v.is_none() {
            out.push(Error::input(
                format!("events[{i}].{name}"),
                format!("required for a {} event: expected {what}", kind.as_str()),
            ));
        }
        v
    }
    // Each field through `field`: a wrong value is reported and read as absent.
    fn field<'v, T>(
        out: &mut Errors,
        path: impl FnOnce() -> String,
        code: ErrorCode,
        v: Option<Val<'v>>,
        read: impl FnOnce(Val<'v>) -> std::result::Result<T, String>,
    ) -> Option<T> {
        match v.map(read) {
            None => None,
            Some(Ok(t)) => Some(t),
            Some(Err(m)) => {
                out.push(Error::new(code, path(), m));
                None
            }
        }
    }
    let body = match kind {
        Kind::Message => {
            let channel = need(out, i, kind, raw.channel, "channel", "\"sms\" or \"email\"");
            let direction = need(
                out,
                i,
                kind,
                raw.direction,
                "direction",
                "\"in\" or \"out\"",
            );
            let channel = field(
                out,
                || path("channel"),
                ErrorCode::InvalidValue,
                channel,
                |v| one_of(v, &MESSAGE_CHANNELS),
            );
            let direction = field(
                out,
                || path("direction"),
                ErrorCode::InvalidValue,
                direction,
                |v| one_of(v, &DIRECTIONS),
            );
            let text = field(
                out,
                || path("text"),
                ErrorCode::InvalidInput,
                raw.text,
                str_of,
            );
            let step = field(
                out,
                || path("step"),
                ErrorCode::InvalidInput,
                raw.step,
                text_of,
            );
            let (channel, direction) = (channel?, direction?);
            // A customer's message is read for what it asks here, once; the
            // text itself is not kept.
            let reply = (direction == Direction::In)
                .then(|| batch.reply(text.as_deref().unwrap_or(""), channel));
            EventBody::Message {
                channel,
                direction,
                reply,
                step: step.map(String::into_boxed_str),
            }
        }
        Kind::Activity => {
            let interaction = need(
                out,
                i,
                kind,
                raw.interaction,
                "interaction",
                "\"call\", \"sms\", \"email\" or \"inStore\"",
            );
            let outcome = need(
                out,
                i,
                kind,
                raw.outcome,
                "outcome",
                "an outcome such as \"noAnswer\"",
            );
            let interaction = field(
                out,
                || path("interaction"),
                ErrorCode::InvalidValue,
                interaction,
                |v| one_of(v, &INTERACTIONS),
            );
            let outcome = field(
                out,
                || path("outcome"),
                ErrorCode::InvalidValue,
                outcome,
                |v| one_of(v, &OUTCOMES),
            );
            let reason = field(
                out,
                || path("reason"),
                ErrorCode::InvalidInput,
                raw.reason,
                text_of,
            );
            let step = field(
                out,
                || path("step"),
                ErrorCode::InvalidInput,
                raw.step,
                text_of,
            );
            let (interaction, outcome) = (interaction?, outcome?);
            if outcome.is_call_only() && interaction != Interaction::Call {
                out.push(Error::value(
                    path("outcome"),
                    format!(
                        "{:?} is a call outcome, valid only with interaction \"call\", got interaction {:?}",
                        outcome.as_str(),
                        interaction.as_str()
                    ),
                ));
                return None;
            }
            EventBody::Activity {
                interaction,
                outcome,
                satisfied: reason.is_some_and(|r| r.trim().eq_ignore_ascii_case("satisfied")),
                step: step.map(String::into_boxed_str),
            }
        }
        Kind::Dnd => {
            let channel = need(
                out,
                i,
                kind,
                raw.channel,
                "channel",
                "\"sms\", \"call\", \"email\" or \"all\"",
            );
            let active = need(out, i, kind, raw.active, "active", "true or false");
            let channel = field(
                out,
                || path("channel"),
                ErrorCode::InvalidValue,
                channel,
                |v| one_of(v, &DND_CHANNELS),
            );
            let active = field(
                out,
                || path("active"),
                ErrorCode::InvalidInput,
                active,
                bool_of,
            );
            let source = field(
                out,
                || path("source"),
                ErrorCode::InvalidValue,
                raw.source,
                |v| one_of(v, &SOURCES),
            );
            EventBody::Dnd {
                channel: channel?,
                active: active?,
                source: source.unwrap_or(DndSource::Manual),
            }
        }
        Kind::StepDone => {
            let step = need(out, i, kind, raw.step, "step", "the id of a step");
            let step = field(out, || path("step"), ErrorCode::InvalidInput, step, text_of);
            EventBody::StepDone {
                step: step?.into_boxed_str(),
            }
        }
        Kind::Callback => {
            let due = need(
                out,
                i,
                kind,
                raw.due_at,
                "dueAt",
                "the time of the callback",
            );
            let scheduled = field(
                out,
                || path("scheduled"),
                ErrorCode::InvalidInput,
                raw.scheduled,
                bool_of,
            );
            let due_at = due.and_then(|v| cx.time(v, Some(i), TimeField::DueAt, out));
            EventBody::Callback {
                due_at: due_at?,
                scheduled: scheduled.unwrap_or(false),
            }
        }
        Kind::Horizon => {
            let buy = need(
                out,
                i,
                kind,
                raw.buy_at,
                "buyAt",
                "the time the lead means to buy",
            );
            let buy_at = buy.and_then(|v| cx.time(v, Some(i), TimeField::BuyAt, out));
            EventBody::Horizon { buy_at: buy_at? }
        }
    };
    if out.0.len() > before {
        return None;
    }
    Some(Event {
        at: at?,
        index: u32::try_from(i).unwrap_or(u32::MAX),
        body,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// A batch read element by element from its outline, as words: what
    /// the one-pass reader must give.
    fn by_ranges(text: &str, pb: &Playbook) -> std::result::Result<Vec<String>, String> {
        let ranges = array_elements(text).map_err(|e| e.message)?;
        Ok(ranges
            .into_iter()
            .map(|r| {
                let c = contact(&text[r.clone()], pb);
                format!("{r:?} {:?}", c.map_err(|e| e.to_string()))
            })
            .collect())
    }

    fn in_one_pass(text: &str, pb: &Playbook) -> std::result::Result<Vec<String>, String> {
        contacts(text, pb)
            .map(|item| {
                item.map(|(r, c)| format!("{r:?} {:?}", c.map_err(|e| e.to_string())))
                    .map_err(|e| e.message)
            })
            .collect()
    }

    #[test]
    fn one_pass_reads_a_batch_as_its_outline_does() {
        let pb = Playbook::from_json(crate::preset_json("monthly-campaign").unwrap()).unwrap();
        let good = r#"{"id":"a","addedAt":"2026-11-01T10:00:00Z","events":[{"kind":"message","at":"2026-11-02T10:00:00Z","channel":"sms","direction":"in","text":"stop"}]}"#;
        let bad_field = r#"{"id":"b","addedAt":"yesterday"}"#;
        let inner_syntax = r#"{"id":"c","addedAt" "2026-11-01T10:00:00Z"}"#;
        let texts = [
            "[]".to_string(),
            " [ ] ".to_string(),
            format!("[{good}]"),
            format!("[ {good} , {bad_field} ,{good}]"),
            format!("[{good},{inner_syntax},{good},{bad_field}]"),
            format!("[{good}, 3, \"x\", null, [1,2], {good}]"),
            format!("[{good}] trailing"),
            format!("[{good},]"),
            format!("[{good}"),
            format!("[{good} {good}]"),
            "{}".to_string(),
            "".to_string(),
            "[{\"id\":\"d\",\"addedAt\":\"2026-11-01T10:00:00Z\",\"x\":\"\u{1}\"}]".to_string(),
            format!("[{good},{{\"id\":\"e\",\"name\":\"a\\u0007b\",\"addedAt\":1}}]"),
            format!("[{good},{{\"id\":\"e\"]"),
        ];
        for text in &texts {
            let want = by_ranges(text, &pb);
            let got = in_one_pass(text, &pb);
            assert_eq!(got, want, "{text}");
        }
        // Not vacuous: the good, bad and inner-syntax records all appear.
        let mixed = in_one_pass(&texts[4], &pb).unwrap();
        assert_eq!(mixed.len(), 4);
        assert!(mixed[0].contains("Ok(") && mixed[1].contains("not valid JSON"));
        assert!(mixed[2].contains("Ok(") && mixed[3].contains("addedAt"));
    }

    fn err(json: &str) -> Error {
        contact_with(json, None, &Keywords::default())
            .err()
            .unwrap_or_else(|| Error::input("", "no error"))
    }

    #[test]
    fn unknown_fields_are_skipped_and_empty_strings_are_not_given() {
        let c = contact_with(
            r#"{"id": 7, "phone": "+1 555", "owner": {"name": "Bo", "tags": [1, {"a": "}"}]},
                "name": "", "timeZone": "", "region": "", "priority": "",
                "addedAt": "2026-11-01T10:00:00Z",
                "events": [{"kind": "message", "at": 1793613600000, "channel": "sms",
                            "direction": "out", "text": "", "crmId": "x9", "step": ""}]}"#,
            None,
            &Keywords::default(),
        )
        .unwrap();
        assert_eq!(c.id, ContactId::Number(7.0));
        assert_eq!(
            (c.name, c.time_zone, c.region, c.priority),
            (None, None, None, None)
        );
        assert!(matches!(
            &c.events[0].body,
            EventBody::Message {
                reply: None,
                step: None,
                ..
            }
        ));
    }

    #[test]
    fn every_bad_field_is_reported() {
        let e = err(r#"{"id": "a", "addedAt": "yesterday", "events": [
                {"kind": "message", "at": "2026-11-01T00:00:00Z", "channel": "fax", "direction": "out"},
                {"kind": "activity", "at": "2026-11-01T00:00:00Z", "interaction": "sms", "outcome": "noAnswer"},
                {"kind": "note", "at": 5}]}"#);
        let paths: Vec<&str> = std::iter::once(e.path.as_str())
            .chain(e.also.iter().map(|x| x.path.as_str()))
            .collect();
        assert_eq!(
            paths,
            [
                "addedAt",
                "events[0].channel",
                "events[1].outcome",
                "events[2].kind",
                "events[2].at"
            ]
        );
        assert!(e.also[0]
            .message
            .contains("expected \"sms\" or \"email\", got \"fax\""));
    }

    #[test]
    fn seconds_are_refused_with_a_reason() {
        let e = err(r#"{"id": "a", "addedAt": 1794322800}"#);
        assert_eq!(e.path, "addedAt");
        assert!(e.message.contains("looks like seconds"), "{e}");
        assert!(e.message.contains("2026-11-10"), "{e}");
        assert!(err(r#"{"id": "a", "addedAt": 0}"#)
            .message
            .contains("seconds"));
        assert!(contact_with(
            r#"{"id": "a", "addedAt": "1794322800000"}"#,
            None,
            &Keywords::default()
        )
        .is_ok());
    }

    #[test]
    fn local_times_are_read_in_the_contacts_zone() {
        let c = contact_with(r#"{"id": "a", "addedAt": "2026-11-03 10:15", "events": [
                {"kind": "message", "at": "2026-11-03T10:15:30", "channel": "sms", "direction": "out"}],
                "timeZone": "America/New_York"}"#, None, &Keywords::default())
        .unwrap();
        assert_eq!(c.added_at.to_utc_string(), "2026-11-03T15:15:00+00:00");
        assert_eq!(c.events[0].at.to_utc_string(), "2026-11-03T15:15:30+00:00");
        // The playbook's zone when the contact has none; an error without any.
        let ny = Zone::parse("America/Chicago").ok();
        let c = contact_with(
            r#"{"id": "a", "addedAt": "2026-11-03"}"#,
            ny,
            &Keywords::default(),
        )
        .unwrap();
        assert_eq!(c.added_at.to_utc_string(), "2026-11-03T06:00:00+00:00");
        let e = err(r#"{"id": "a", "addedAt": "2026-11-03 10:15"}"#);
        assert_eq!(e.path, "addedAt");
        assert!(e.message.contains("no timeZone"), "{e}");
    }

    #[test]
    fn shapes_and_syntax() {
        assert_eq!(
            err(r#"["a"]"#).to_string(),
            "expected a contact object, got an array"
        );
        assert_eq!(
            err(r#"{"id":"a","addedAt":"2026-11-01T00:00:00Z","events":[["message"]]}"#)
                .to_string(),
            "events[0]: expected an event object, got an array"
        );
        assert!(err(r#"{"id":"a","#).message.starts_with("not valid JSON"));
        assert_eq!(err(r#"{"addedAt":"2026-11-01T00:00:00Z"}"#).path, "id");
        let c = contact_with(
            r#"{"id":"a","name":"Ana \ud83d","addedAt":"2026-11-01T00:00:00Z"}"#,
            None,
            &Keywords::default(),
        );
        assert_eq!(c.map(|c| c.name), Ok(Some(Box::from("Ana \u{fffd}"))));
        let c = contact_with(
            r#"{"id":"\ud83d\ude00","addedAt":"2026-11-01T00:00:00Z"}"#,
            None,
            &Keywords::default(),
        );
        assert_eq!(c.map(|c| c.id), Ok(ContactId::Text("😀".into())));
    }
}
