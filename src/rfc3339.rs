//! RFC 3339 text without chrono's general formatting machinery: the engine writes
//! and reads a time in every evaluation, so both are straight-line byte code.
//!
//! Both match chrono exactly, which the tests check against it on generated text:
//! [`write`] gives what `to_rfc3339_opts(SecondsFormat::AutoSi, false)` gives for a
//! millisecond instant, and [`parse`] accepts what `DateTime::parse_from_rfc3339`
//! accepts (within years 1 to 9999 once read as UTC).
//!
//! Writing is here; reading, of RFC 3339 and of the other forms CRMs and
//! databases write, in `read`.

mod read;

use crate::civil::Civil;
use crate::time::Instant;

pub use read::{date, local, parse, parse_iso, parse_rfc2822, trim};

/// Appends `t` at `offset` seconds east of UTC as RFC 3339:
/// `2026-11-02T09:00:00-05:00`, milliseconds only when not zero
/// (`…T09:00:00.250-05:00`), `+00:00` for UTC. An offset with seconds (local
/// mean time before 1900) prints rounded to the minute, as chrono does; the wall
/// time is exact.
///
/// ```
/// use cadence_engine::{rfc3339, Instant};
/// let mut s = String::new();
/// rfc3339::write(&mut s, Instant(1_793_628_000_250), -5 * 3600);
/// assert_eq!(s, "2026-11-02T09:00:00.250-05:00");
/// ```
pub fn write(out: &mut String, t: Instant, offset: i32) {
    out.push_str(Text::of(t, offset).as_str());
}

/// The RFC 3339 text of an instant at an offset, as [`write`] writes it, held
/// on the stack (at most 34 bytes: `+10000-…T…:00.000+14:00`).
#[derive(Clone, Copy)]
pub struct Text {
    bytes: [u8; 34],
    len: u8,
}

impl Text {
    /// `t` at `offset` seconds east of UTC.
    pub fn of(t: Instant, offset: i32) -> Text {
        let c = Civil::of(t, offset);
        let mut b = *b"0000-00-00T00:00:00.000+00:00";
        if let Some(head) = b.get_mut(..16) {
            head.copy_from_slice(&date_minute(&c, b'T'));
        }
        let [_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, s0, s1, _, f0, f1, f2, sign, oh0, oh1, _, om0, om1] =
            &mut b;
        [*s0, *s1] = ascii2(c.second);
        *f0 = ascii(c.ms / 100);
        [*f1, *f2] = ascii2(c.ms);
        if offset < 0 {
            *sign = b'-';
        }
        let minutes = (offset.unsigned_abs() + 30) / 60;
        [*oh0, *oh1] = ascii2(minutes / 60);
        [*om0, *om1] = ascii2(minutes % 60);
        let mut out = Text {
            bytes: [0; 34],
            len: 0,
        };
        // Year 10000 occurs at the range's end with a positive offset; chrono
        // then writes the sign and all digits.
        let wide = c.year > 9999;
        if wide {
            let year = u32::try_from(c.year).unwrap_or(0);
            out.put(b"+");
            out.put(&[ascii(year / 10000)]);
        }
        let (head, tail) = b.split_at(23);
        let to = if c.ms == 0 { 19 } else { 23 };
        out.put(head.get(..to).unwrap_or_default());
        out.put(tail);
        out
    }

    fn put(&mut self, bytes: &[u8]) {
        let at = usize::from(self.len);
        if let Some(dst) = self.bytes.get_mut(at..at + bytes.len()) {
            dst.copy_from_slice(bytes);
            self.len = self.len.saturating_add(bytes.len() as u8);
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        let b = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        // All ASCII: this never fails.
        std::str::from_utf8(b).unwrap_or_default()
    }
}

/// Appends the wall date and minute of `c` as `2026-11-02 08:00` (the year in
/// four digits, or all of them past 9999), for times in words.
///
/// ```
/// use cadence_engine::{civil::Civil, rfc3339, Instant};
/// let mut s = String::new();
/// rfc3339::write_minute(&mut s, &Civil::of(Instant(1_793_628_000_250), -5 * 3600));
/// assert_eq!(s, "2026-11-02 09:00");
/// ```
pub fn write_minute(out: &mut String, c: &Civil) {
    // Writing to a String cannot fail.
    let _ = write_minute_to(out, c);
}

/// [`write_minute`] to any writer (a `Formatter`, for times in words
/// displayed without a String of their own).
pub fn write_minute_to<W: std::fmt::Write>(out: &mut W, c: &Civil) -> std::fmt::Result {
    write_civil_to(out, c, true)
}

/// `YYYY-MM-DD HH:MM` of `c`, or the date alone when not `minute`.
pub fn write_civil_to<W: std::fmt::Write>(
    out: &mut W,
    c: &Civil,
    minute: bool,
) -> std::fmt::Result {
    let b = date_minute(c, b' ');
    let b = if minute {
        &b[..]
    } else {
        b.get(..10).unwrap_or_default()
    };
    let Ok(text) = std::str::from_utf8(b) else {
        return Ok(());
    };
    if c.year > 9999 {
        write!(out, "{}", c.year)?;
        out.write_str(text.get(4..).unwrap_or_default())
    } else {
        out.write_str(text)
    }
}

/// `YYYY-MM-DD`, `sep`, `HH:MM` of `c`, in ASCII (the year's last four
/// digits; the callers write a wider year themselves).
fn date_minute(c: &Civil, sep: u8) -> [u8; 16] {
    let mut b = *b"0000-00-00 00:00";
    let [y0, y1, y2, y3, _, mo0, mo1, _, d0, d1, s, h0, h1, _, mi0, mi1] = &mut b;
    let year = u32::try_from(c.year).unwrap_or(0);
    [*y0, *y1] = ascii2(year / 100);
    [*y2, *y3] = ascii2(year % 100);
    [*mo0, *mo1] = ascii2(c.month);
    [*d0, *d1] = ascii2(c.day);
    *s = sep;
    [*h0, *h1] = ascii2(c.hour);
    [*mi0, *mi1] = ascii2(c.minute);
    b
}

/// Appends `n` in two digits (`n` below 100; the last two digits above).
pub(crate) fn push2(out: &mut String, n: u32) {
    let [a, b] = ascii2(n);
    out.push(char::from(a));
    out.push(char::from(b));
}

/// The ASCII digit of `n % 10`.
fn ascii(n: u32) -> u8 {
    // 0..=9 by the remainder.
    b'0' + (n % 10) as u8
}

/// The last two ASCII digits of `n`.
fn ascii2(n: u32) -> [u8; 2] {
    let i = (n % 100) as usize * 2;
    match PAIRS.get(i..i + 2) {
        Some(&[a, b]) => [a, b],
        _ => *b"00",
    }
}

/// "00" to "99", one after the other.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
