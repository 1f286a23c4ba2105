//! Results as a tape the host turns into objects: how every result crosses.
//!
//! A result serialized as JSON text costs the host a `JSON.parse` that reads
//! every byte and makes every string anew: for a batch of evaluations, 13–16
//! µs of its 36 per contact (Node). Here the result is written once more by
//! its `Serialize`, into
//! - `ops`, one `i32` per value (and one more for a number, a string, a list
//!   or an object): what the value is, in the order `JSON.parse` would meet it;
//! - the strings, in two texts: the ASCII ones in one (the host keeps it one
//!   byte a character) and the others in the second, as UTF-16 (the en dash
//!   of a window, "08:00–21:00", would make the host store all of them at
//!   two bytes a character; and the host copies UTF-16 into a string where
//!   it must decode UTF-8: in Node 20, 0.5 ms against 9.7 for 5 MB of
//!   sentences); `spans` gives each string's start and end in its text in
//!   UTF-16 units, the top bit of the start set for the second text.
//!   A short string met lately (a label, a time, a zone name: they recur from
//!   one contact to the next) is found in a small table and written once;
//!   a long one (a sentence) each time;
//! - `shapes`, each object's keys once per list of keys: an evaluation's
//!   dozen keys are written once a batch, not once a contact.
//!
//! `decodeTape` (js/tape.js) reads the views of this memory in place and
//! builds the values as object literals, one compiled function per list of
//! keys: the same values `JSON.parse` of serde_json's text gives (a JS test
//! compares them on every golden case), and a string written once is one JS
//! string. Results out of `evaluateMany`, per contact (Node, 10,000
//! contacts, the boundary build): +11.8 µs over evaluating them without
//! output, against +22.5 µs as JSON text and `JSON.parse`. The host makes
//! each string of a call's texts as a slice of them: the texts (about a
//! third of the results' JSON size) live as long as any of those strings do.
//!
//! The values are those of serde_json: `None`, unit and non-finite numbers
//! are `null`; integers past an `i32` and other numbers cross as `f64` (what
//! `JSON.parse` makes of their text); an enum's unit variant is its name and
//! another variant `{name: value}`; map keys are strings or integers.

use std::fmt::{Display, Write as _};
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;
use serde::ser::{self, Serialize};

mod json;
mod read;
mod serialize;
#[cfg(test)]
mod tests;

pub use read::as_host;

/// What a value on the tape is (the first `i32` of it). Kept in step with
/// js/tape.js.
pub mod op {
    pub const NULL: i32 = 0;
    pub const TRUE: i32 = 1;
    pub const FALSE: i32 = 2;
    /// An integer in the next `i32`.
    pub const INT: i32 = 3;
    /// A number: the next `i32` is its index in `nums`.
    pub const NUM: i32 = 4;
    /// A string: the next `i32` is its index in `spans` (halved).
    pub const STR: i32 = 5;
    /// A list: the next `i32` is its length, then its values.
    pub const LIST: i32 = 6;
    /// An object: the next `i32` is its shape, then its values in the
    /// shape's order.
    pub const OBJECT: i32 = 7;
}

/// The top bit of a span's start: the string is in the second (wide) text.
const WIDE: u32 = 1 << 31;

/// A tape being written; see the module's documentation.
pub struct Tape {
    ops: Vec<i32>,
    nums: Vec<f64>,
    ascii: String,
    /// The strings past ASCII, in UTF-16.
    wide: Vec<u16>,
    /// Each string's start and end in its text, in UTF-16 units (the top
    /// bit of the start set for `wide`).
    spans: Vec<u32>,
    /// Strings met lately, by their hash: (hash, index + 1; 0 is free).
    recent: Vec<(u32, u32)>,
    /// The keys of the objects being written, innermost last.
    keys: Vec<u32>,
    shapes: Vec<u32>,
    shape_ids: std::collections::HashMap<Box<[u32]>, u32, FxBuildHasher>,
    /// A `Display` value written out, before it is a string of the tape.
    scratch: String,
    /// Names by address: (address, index + 1).
    names: Vec<(usize, u32)>,
}

/// Strings up to this many bytes are written once a tape.
const SHARED_MAX: usize = 40;
/// Slots of [`Tape::recent`]: 2^12 (32 KB, in the cache).
const RECENT_BITS: u32 = 12;
/// Slots of [`Tape::names`].
const NAMES: usize = 256;

impl Default for Tape {
    fn default() -> Self {
        Tape {
            ops: Vec::new(),
            nums: Vec::new(),
            ascii: String::new(),
            wide: Vec::new(),
            spans: Vec::new(),
            recent: vec![(0, 0); 1 << RECENT_BITS],
            keys: Vec::new(),
            shapes: Vec::new(),
            shape_ids: Default::default(),
            scratch: String::new(),
            names: vec![(0, 0); NAMES],
        }
    }
}

impl Tape {
    /// A tape with room for about `bytes` of JSON text's worth of values
    /// (an evaluation is about 140 values and 850 bytes of strings for
    /// 2.3 KB of JSON), so that a batch's tape seldom moves as it grows.
    pub fn with_capacity(bytes: usize) -> Self {
        let mut t = Tape::default();
        t.ops.reserve(bytes / 16);
        t.ascii.reserve(bytes / 3);
        t.spans.reserve(bytes / 64);
        t
    }

    /// A tape of `v`.
    ///
    /// # Errors
    /// Those of `v`'s `Serialize` (a map key that is not a string or a
    /// number).
    pub fn of<T: Serialize + ?Sized>(v: &T) -> Result<Self, TapeError> {
        let mut t = Tape::default();
        v.serialize(&mut t)?;
        Ok(t)
    }

    /// The parts the host reads.
    pub fn parts(&self) -> Parts<'_> {
        Parts {
            ops: &self.ops,
            nums: &self.nums,
            ascii: &self.ascii,
            wide: &self.wide,
            spans: &self.spans,
            shapes: &self.shapes,
        }
    }

    /// The index of string `s`: a short one met a moment ago is found in
    /// a small table of recent strings (labels, times and zone names recur
    /// from one contact to the next; a table of every string of a batch
    /// would outgrow the cache and cost more than it saves); a long one (a
    /// sentence, seldom met twice) is written each time.
    fn string(&mut self, s: &str) -> u32 {
        if s.len() > SHARED_MAX {
            return self.push_string(s);
        }
        let hash = FxBuildHasher.hash_one(s) as u32;
        let at = (hash >> (32 - RECENT_BITS)) as usize;
        if let Some(&(seen, id)) = self.recent.get(at) {
            if seen == hash && id != 0 && self.same(id - 1, s) {
                return id - 1;
            }
        }
        let i = self.push_string(s);
        if let Some(slot) = self.recent.get_mut(at) {
            *slot = (hash, i + 1);
        }
        i
    }

    /// The index of a name the code holds (a key, an enum's variant): found
    /// by its address, most times, before its text is.
    fn name(&mut self, s: &'static str) -> u32 {
        let at = (s.as_ptr() as usize >> 2) & (NAMES - 1);
        if let Some(&(ptr, id)) = self.names.get(at) {
            // The same address with another length is a name that starts
            // another ("next" in "nextAuto").
            if ptr == s.as_ptr() as usize && id != 0 && self.len_of(id - 1) == s.len() {
                return id - 1;
            }
        }
        let i = self.string(s);
        if let Some(slot) = self.names.get_mut(at) {
            *slot = (s.as_ptr() as usize, i + 1);
        }
        i
    }

    /// Adds string `s` to its text.
    fn push_string(&mut self, s: &str) -> u32 {
        let i = (self.spans.len() / 2) as u32;
        if s.is_ascii() {
            let start = self.ascii.len() as u32;
            self.ascii.push_str(s);
            self.spans.extend([start, self.ascii.len() as u32]);
        } else {
            let start = self.wide.len() as u32;
            push_utf16(&mut self.wide, s);
            self.spans.extend([start | WIDE, self.wide.len() as u32]);
        }
        i
    }

    /// String `i`'s start and end in its text, the top bit of the start
    /// cleared, and whether it is in `wide`.
    fn span(&self, i: u32) -> Option<(usize, usize, bool)> {
        let at = (i as usize).checked_mul(2)?;
        let (&start, &end) = (self.spans.get(at)?, self.spans.get(at + 1)?);
        Some(((start & !WIDE) as usize, end as usize, start & WIDE != 0))
    }

    /// Whether string `i` is `s`.
    fn same(&self, i: u32, s: &str) -> bool {
        match self.span(i) {
            Some((start, end, false)) => self.ascii.get(start..end) == Some(s),
            Some((start, end, true)) => self
                .wide
                .get(start..end)
                .is_some_and(|u| u.iter().copied().eq(s.encode_utf16())),
            None => false,
        }
    }

    /// String `i`'s length in its text's units (bytes of ASCII, or UTF-16
    /// units).
    fn len_of(&self, i: u32) -> usize {
        self.span(i)
            .map_or(usize::MAX, |(start, end, _)| end - start)
    }

    /// Puts a list's length or an object's shape in its head.
    fn set(&mut self, at: usize, v: i32) {
        if let Some(x) = self.ops.get_mut(at) {
            *x = v;
        }
    }

    fn str_op(&mut self, s: &str) {
        let i = self.string(s);
        self.ops.extend([op::STR, i as i32]);
    }

    /// The index of `v`'s text (a string written by `Display`).
    fn displayed(&mut self, v: &dyn Display) -> u32 {
        let mut s = std::mem::take(&mut self.scratch);
        s.clear();
        let _ = write!(s, "{v}");
        let i = self.string(&s);
        self.scratch = s;
        i
    }

    fn num_op(&mut self, v: f64) {
        if !v.is_finite() {
            self.ops.push(op::NULL);
        } else if v == (v as i32) as f64 && !(v == 0.0 && v.is_sign_negative()) {
            self.ops.extend([op::INT, v as i32]);
        } else {
            self.ops.extend([op::NUM, self.nums.len() as i32]);
            self.nums.push(v);
        }
    }

    /// An integer: in the tape when it is an `i32`, else the number
    /// nearest to it (what `JSON.parse` reads from its digits).
    fn int_op(&mut self, v: Option<i32>, nearest: f64) {
        match v {
            Some(i) => self.ops.extend([op::INT, i]),
            None => self.num_op(nearest),
        }
    }

    /// Opens a list or an object: its head, with a place for its length or
    /// shape.
    fn open(&mut self, kind: i32) -> Open {
        self.ops.extend([kind, 0]);
        Open {
            at: self.ops.len() - 1,
            keys: self.keys.len(),
            n: 0,
        }
    }

    fn close_list(&mut self, o: &Open) {
        self.set(o.at, o.n as i32);
    }

    fn close_object(&mut self, o: &Open) {
        let keys = self.keys.get(o.keys..).unwrap_or_default();
        let id = match self.shape_ids.get(keys) {
            Some(&id) => id,
            None => {
                let id = self.shape_ids.len() as u32;
                self.shapes.push(keys.len() as u32);
                self.shapes.extend_from_slice(keys);
                self.shape_ids.insert(keys.into(), id);
                id
            }
        };
        self.set(o.at, id as i32);
        self.keys.truncate(o.keys);
    }

    fn key(&mut self, k: &str) {
        let i = self.string(k);
        self.keys.push(i);
    }

    fn name_key(&mut self, k: &'static str) {
        let i = self.name(k);
        self.keys.push(i);
    }
}

/// A tape as the host reads it: see the module's documentation.
pub struct Parts<'a> {
    pub ops: &'a [i32],
    pub nums: &'a [f64],
    pub ascii: &'a str,
    pub wide: &'a [u16],
    pub spans: &'a [u32],
    pub shapes: &'a [u32],
}

/// Appends `s` as UTF-16: its runs of ASCII a byte a unit (a loop the
/// compiler widens), each other character by `encode_utf16`. The strings
/// past ASCII are sentences with an en dash or a name with an accent: most of
/// their characters are ASCII.
fn push_utf16(out: &mut Vec<u16>, s: &str) {
    out.reserve(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (ascii, more) = rest.split_at(run);
        out.extend(ascii.bytes().map(u16::from));
        let mut chars = more.chars();
        if let Some(c) = chars.next() {
            let mut units = [0u16; 2];
            out.extend_from_slice(c.encode_utf16(&mut units));
        }
        rest = chars.as_str();
    }
}

/// A list or an object being written.
struct Open {
    /// Where its length or shape goes in `ops`.
    at: usize,
    /// Where its keys start in `Tape::keys`.
    keys: usize,
    /// Its values so far.
    n: usize,
}

/// An error of a value's `Serialize`.
#[derive(Debug)]
pub struct TapeError(String);

impl Display for TapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

type R = Result<(), TapeError>;
