//! The JSON text of a tape: what `evaluateManyJson` hands a host, written
//! from the tape every result is serialized into, so that the results'
//! serializers are in the module once (a second, serde_json's, cost 6.5 KB
//! gzipped).

use super::{op, Tape, WIDE};

impl Tape {
    /// The tape's value as compact JSON text, the text serde_json writes of
    /// the value that made the tape, except that a whole number is written
    /// as JavaScript writes it (`7`, not `7.0`: ids and priorities cross as
    /// `f64`). With `ascii`, every character past ASCII is a `\uXXXX` escape
    /// (UTF-16 units, so a character outside the BMP is a surrogate pair, as
    /// JSON has it): text only `JSON.parse` reads stays on a host's one-byte
    /// strings. `None` if the tape is damaged.
    pub fn json(&self, ascii: bool) -> Option<String> {
        let mut shapes = Vec::new();
        let mut i = 0;
        while let Some(&n) = self.shapes.get(i) {
            shapes.push(i);
            i = i.saturating_add(1).saturating_add(n as usize);
        }
        let mut w = Writer {
            tape: self,
            shapes,
            out: Vec::with_capacity(self.ascii.len().saturating_mul(3)),
            ascii,
            at: 0,
        };
        w.value()?;
        if w.at != self.ops.len() {
            return None;
        }
        String::from_utf8(w.out).ok()
    }
}

struct Writer<'a> {
    tape: &'a Tape,
    /// Where each shape starts in `tape.shapes`.
    shapes: Vec<usize>,
    out: Vec<u8>,
    ascii: bool,
    /// The next op.
    at: usize,
}

impl Writer<'_> {
    fn op(&mut self) -> Option<i32> {
        let v = *self.tape.ops.get(self.at)?;
        self.at = self.at.saturating_add(1);
        Some(v)
    }

    fn index(&mut self) -> Option<usize> {
        usize::try_from(self.op()?).ok()
    }

    fn value(&mut self) -> Option<()> {
        match self.op()? {
            op::NULL => self.out.extend_from_slice(b"null"),
            op::TRUE => self.out.extend_from_slice(b"true"),
            op::FALSE => self.out.extend_from_slice(b"false"),
            op::INT => {
                let n = self.op()?;
                self.out.extend_from_slice(n.to_string().as_bytes());
            }
            op::NUM => {
                let i = self.index()?;
                self.number(*self.tape.nums.get(i)?);
            }
            op::STR => {
                let i = self.index()?;
                self.string(i)?;
            }
            op::LIST => {
                let n = self.index()?;
                self.out.push(b'[');
                for k in 0..n {
                    if k > 0 {
                        self.out.push(b',');
                    }
                    self.value()?;
                }
                self.out.push(b']');
            }
            op::OBJECT => {
                let shape = self.index()?;
                let start = *self.shapes.get(shape)?;
                let n = *self.tape.shapes.get(start)? as usize;
                self.out.push(b'{');
                for k in 0..n {
                    if k > 0 {
                        self.out.push(b',');
                    }
                    let key = *self
                        .tape
                        .shapes
                        .get(start.saturating_add(1).saturating_add(k))?;
                    self.string(key as usize)?;
                    self.out.push(b':');
                    self.value()?;
                }
                self.out.push(b'}');
            }
            _ => return None,
        }
        Some(())
    }

    fn number(&mut self, x: f64) {
        if !x.is_finite() {
            self.out.extend_from_slice(b"null");
        } else if x.fract() == 0.0
            && x.abs() < 9_007_199_254_740_992.0
            && !(x == 0.0 && x.is_sign_negative())
        {
            self.out
                .extend_from_slice((x as i64).to_string().as_bytes());
        } else {
            use serde_json::ser::Formatter as _;
            let _ = serde_json::ser::CompactFormatter.write_f64(&mut self.out, x);
        }
    }

    /// String `i` of the tape, quoted and escaped as serde_json escapes.
    fn string(&mut self, i: usize) -> Option<()> {
        let t = self.tape;
        let start = *t.spans.get(i.checked_mul(2)?)?;
        let end = *t.spans.get(i.checked_mul(2)?.checked_add(1)?)? as usize;
        self.out.push(b'"');
        if start & WIDE == 0 {
            for &b in t.ascii.as_bytes().get(start as usize..end)? {
                self.ascii_unit(b);
            }
        } else {
            let units = t.wide.get((start & !WIDE) as usize..end)?;
            for c in char::decode_utf16(units.iter().copied()) {
                let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                if c.is_ascii() {
                    self.ascii_unit(c as u8);
                } else if self.ascii {
                    let mut pair = [0u16; 2];
                    for &u in c.encode_utf16(&mut pair).iter() {
                        self.escape(u);
                    }
                } else {
                    let mut buf = [0u8; 4];
                    self.out
                        .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        self.out.push(b'"');
        Some(())
    }

    fn ascii_unit(&mut self, b: u8) {
        match b {
            b'"' => self.out.extend_from_slice(b"\\\""),
            b'\\' => self.out.extend_from_slice(b"\\\\"),
            b'\n' => self.out.extend_from_slice(b"\\n"),
            b'\r' => self.out.extend_from_slice(b"\\r"),
            b'\t' => self.out.extend_from_slice(b"\\t"),
            0x08 => self.out.extend_from_slice(b"\\b"),
            0x0c => self.out.extend_from_slice(b"\\f"),
            0..=0x1f => self.escape(u16::from(b)),
            _ => self.out.push(b),
        }
    }

    /// `\uXXXX` for one UTF-16 unit, in lower-case hex (as serde_json).
    fn escape(&mut self, u: u16) {
        self.out.extend_from_slice(b"\\u");
        for shift in [12u16, 8, 4, 0] {
            let d = ((u >> shift) & 15) as u8;
            self.out.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        }
    }
}
