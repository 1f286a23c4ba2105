//! The lines of `explain`: the rules that fired, in words, kept in one text
//! buffer with the end of each line, so that an evaluation's dozen lines cost
//! two allocations rather than one or more each. In JSON (and in JavaScript)
//! they are an array of strings.

use std::fmt;

use serde::ser::{Serialize, SerializeSeq, Serializer};

/// The lines of an evaluation's `explain`, in order.
///
/// ```
/// use cadence_engine::explain::Explain;
/// let mut e = Explain::default();
/// e.push("status New Account");
/// e.line().s("next: ").s("1st Attempt");
/// assert_eq!(e.iter().collect::<Vec<_>>(), ["status New Account", "next: 1st Attempt"]);
/// assert_eq!(serde_json::to_string(&e).unwrap(), r#"["status New Account","next: 1st Attempt"]"#);
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Explain {
    text: String,
    /// The end of each line in `text` (a line starts where the last ended).
    ends: Vec<u32>,
}

impl Explain {
    /// No line yet, with room for `bytes` of text in `lines` lines.
    pub fn with_capacity(bytes: usize, lines: usize) -> Explain {
        Explain {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(lines),
        }
    }

    /// Adds a whole line.
    pub fn push(&mut self, line: &str) {
        self.text.push_str(line);
        self.end();
    }

    /// Starts a line, ended when the returned builder is dropped.
    pub fn line(&mut self) -> Line<'_> {
        Line { explain: self }
    }

    /// Adds a line written by `format_args!`, with no String of its own.
    pub fn push_fmt(&mut self, args: fmt::Arguments) {
        let _ = fmt::Write::write_fmt(&mut self.line(), args);
    }

    /// Moves `other`'s lines to the end of these.
    pub fn append(&mut self, other: &mut Explain) {
        let base = self.len_u32();
        self.text.push_str(&other.text);
        self.ends
            .extend(other.ends.iter().map(|e| e.saturating_add(base)));
        other.text.clear();
        other.ends.clear();
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there is no line.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The lines, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.ends.iter().enumerate().map(|(i, &end)| {
            let start = match i.checked_sub(1) {
                Some(p) => self.ends.get(p).copied().unwrap_or(0),
                None => 0,
            };
            self.text
                .get(start as usize..end as usize)
                .unwrap_or_default()
        })
    }

    fn len_u32(&self) -> u32 {
        u32::try_from(self.text.len()).unwrap_or(u32::MAX)
    }

    fn end(&mut self) {
        let end = self.len_u32();
        self.ends.push(end);
    }
}

impl fmt::Debug for Explain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Explain {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for line in self.iter() {
            seq.serialize_element(line)?;
        }
        seq.end()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Explain {
    fn from_iter<I: IntoIterator<Item = S>>(lines: I) -> Self {
        let mut e = Explain::default();
        for l in lines {
            e.push(l.as_ref());
        }
        e
    }
}

/// One line being written; it ends when dropped.
pub struct Line<'e> {
    explain: &'e mut Explain,
}

impl Line<'_> {
    /// Appends text.
    pub fn s(&mut self, text: &str) -> &mut Self {
        self.explain.text.push_str(text);
        self
    }

    /// Appends `text` when `cond` holds.
    pub fn s_if(&mut self, cond: bool, text: &str) -> &mut Self {
        if cond {
            self.explain.text.push_str(text);
        }
        self
    }

    /// Appends a time in words.
    pub fn words(&mut self, w: crate::context::Words) -> &mut Self {
        w.write_to(&mut self.explain.text);
        self
    }

    /// Appends anything displayable (numbers, quoted names).
    pub fn d(&mut self, v: impl fmt::Display) -> &mut Self {
        let _ = fmt::Write::write_fmt(self, format_args!("{v}"));
        self
    }
}

impl fmt::Write for Line<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.explain.text.push_str(s);
        Ok(())
    }
}

impl Drop for Line<'_> {
    fn drop(&mut self) {
        self.explain.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_bounds_through_append() {
        let mut a = Explain::default();
        a.push("one");
        a.push("");
        let mut b = Explain::with_capacity(8, 2);
        b.line().s("t").s_if(false, "x").s_if(true, "wo").d(2);
        b.push_fmt(format_args!("{}-{:?}", 3, "q"));
        a.append(&mut b);
        assert!(b.is_empty());
        assert_eq!(a.len(), 4);
        assert_eq!(a.iter().collect::<Vec<_>>(), ["one", "", "two2", "3-\"q\""]);
        assert_eq!(format!("{a:?}"), r#"["one", "", "two2", "3-\"q\""]"#);
        let back: Explain = a.iter().collect();
        assert_eq!(back, a);
    }
}
