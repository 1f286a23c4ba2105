//! A preference that leaves out channels: "only email me", "email only",
//! "please email rather than calling". What it leaves out is revoked (the
//! FCC's "any reasonable means", 47 CFR 64.1200(a)(10)); the channel asked
//! for is kept.

use super::super::words::*;
use super::{hit, Hit, Reader};

impl Reader<'_> {
    /// "only email me", "only contact me by email", "only text me please" —
    /// every channel but the one named; not limited in time ("only text me
    /// after 5") nor about one thing ("only email me the invoice").
    pub(super) fn only(&self, i: usize) -> Option<Hit> {
        let v = i + 1;
        // A request ("please only email me"), not what someone does ("I
        // only text").
        let asked = self
            .back_in_sentence(i)
            .all(|m| self.is(m, FILLER) && !self.any(m, "I YOU"));
        if !(asked && self.on(v) && self.is(v, CVERB)) {
            return None;
        }
        let mut end = v + 1;
        if self.is(end, ME) && self.on(end) {
            end += 1;
        }
        let named = self.narrowed(self.ch(v), end);
        // Whom: "only email me", "only contact me by email" (not "only
        // emailed you once").
        if end == v + 1 && named == self.ch(v) {
            return None;
        }
        if named != self.ch(v) {
            // "by email", "via text": the means read.
            end = (end + 1..end + 4)
                .take_while(|&m| self.on(m))
                .find(|&m| self.ch(m) != 0 || self.any(m, "PHONE CELL"))
                .map_or(end + 1, |m| m + 1);
        }
        self.leaving(i, end, named)
    }

    /// "email only", "texts only please", "please, email only": after
    /// nothing but filler.
    pub(super) fn means_only(&self, i: usize) -> Option<Hit> {
        let named = self.ch(i);
        let first = (0..i).all(|m| self.is(m, FILLER));
        if !(first && self.on(i + 1) && self.eq(i + 1, "ONLY")) {
            return None;
        }
        self.leaving(i, i + 2, named)
    }

    /// "rather than calling", "rather than call": the means after it is
    /// revoked (as "instead of calling").
    pub(super) fn rather_than(&self, i: usize) -> Option<Hit> {
        let g = i + 2;
        let ch = self.ch(g);
        if !(self.eq(i + 1, "THAN") && self.on(g) && self.is(g, CVERB | GER | MEDIA)) {
            return None;
        }
        if ch == 0 || ch == ALL_CH {
            return None;
        }
        hit(i, g + 1, ch)
    }

    /// The hit of a preference for `named` that ends at word `end`: every
    /// other channel, when one channel is named and nothing more is asked.
    fn leaving(&self, i: usize, end: usize, named: u8) -> Option<Hit> {
        if named == 0 || named == ALL_CH || !self.bare(end) || self.limited(end) {
            return None;
        }
        hit(i, end, ALL_CH & !named)
    }
}
