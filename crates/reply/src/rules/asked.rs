//! Requests put as a wish or a noun: "I want my information deleted",
//! "Requesting removal", and the complaint "you text way too much".

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// "I want my information deleted", "I'd like my number removed", "I
    /// need my number taken off your call list": what is named, as "delete
    /// my information" would take it (not "I want my name removed from the
    /// contract", nor "off the co-signer list").
    pub(super) fn want_done(&self, i: usize) -> Option<Hit> {
        // (The customer's own wish, told: not "Why would I want my info
        // deleted?", "If you want my info deleted", "They want my info
        // deleted".)
        let own = self
            .back(i, 3)
            .all(|m| self.any(m, "I I'D WE WE'D WOULD") || self.is(m, FILLER));
        if self.negated(i) || !own || self.question(i) {
            return None;
        }
        let mut k = i + 1;
        if self.on(k) && self.is(k, ALLW) {
            k += 1;
        }
        if !(self.on(k) && self.any(k, "MY OUR THIS")) {
            return None;
        }
        // ("I want my number off your list".)
        let off = |m: usize| self.eq(m, "OFF") && self.any(m + 1, "YOUR UR THE");
        let p = (k + 2..k + 5).take_while(|&m| self.on(m)).find(|&m| {
            self.gone(m)
                || self.eq(m, "REMOVED")
                || (self.eq(m, "TAKEN") && self.eq(m + 1, "OFF"))
                || off(m)
        })?;
        let forget = self.gone(p);
        // ("I want my old number deleted, new one is ...": an update.)
        if (k + 1..p).any(|m| self.another_line(m)) {
            return None;
        }
        let ch = self.mine_channels(k, p - 1, forget)?;
        if self.moved_over(p) {
            return None;
        }
        let from = p + 1 + usize::from(self.eq(p, "TAKEN"));
        if !self.on(from) || !(self.eq(from, "FROM") || self.any(p, "TAKEN OFF")) {
            return hit(i, from, ch);
        }
        let o = from + usize::from(self.eq(from, "FROM"));
        if self.all_lists(o) {
            return hit(i, o, ALL_CH);
        }
        match self.object(o) {
            // ("I want my name off the co-signer list".)
            _ if self.other_list(o) => None,
            Obj::Thing | Obj::Unknown => None,
            // ("off your call list": that list's channel.)
            _ => hit(i, o, self.list_channel(o + 1, o + 4).unwrap_or(ch)),
        }
    }

    /// Word `m` is "deleted", "erased" (a spelling near "delete" reads as
    /// it).
    fn gone(&self, m: usize) -> bool {
        self.any(m, "DELETE ERASE") || self.unlisted(m, "DELETED ERASED PURGED")
    }

    /// "Requesting removal", "Removal please", "I request removal from
    /// your list": the medium, or the list named (not "snow removal", "the
    /// removal of the fee", "I never requested removal").
    pub(super) fn removal(&self, i: usize) -> Option<Hit> {
        if self.negated(i) {
            return None;
        }
        let asked = self.back_in_sentence(i).all(|m| {
            self.is(m, FILLER)
                || self.any(m, "I I'M AM MY WE WE'RE ARE OUR")
                || self.unlisted(m, "REQUESTING REQUEST PROCESS CONFIRM IMMEDIATE")
        });
        let mut end = i + 1;
        if self.unlisted(end, "REQUEST REQUESTED") && self.on(end) {
            end += 1;
        }
        if !asked {
            return None;
        }
        if self.bare(end) {
            return hit(i, end, 0);
        }
        if !self.eq(end, "FROM") {
            return None;
        }
        if self.all_lists(end + 1) {
            return hit(i, end + 1, ALL_CH);
        }
        if self.other_list(end + 1) {
            return None;
        }
        match self.object(end + 1) {
            Obj::Media { end: e, ch } => hit(i, e, ch),
            _ => None,
        }
    }

    /// "You text way too much", "you guys call too often": a complaint of
    /// that means (after "too" at word `i`).
    pub(super) fn too_much(&self, i: usize) -> Option<Hit> {
        if !(self.any(i + 1, "MUCH OFTEN") && self.bare(i + 2)) {
            return None;
        }
        // (Not taken back: "Just kidding, I love it", "keep them coming",
        // "but ... call me tomorrow", "nah it's fine", asked.)
        let back = (i + 2..self.t.len()).any(|m| {
            self.any(m, "KIDDING JK LOVE FINE KEEP BUT") || self.written(m, "COMPLAINING")
        });
        if back || self.question(i) {
            return None;
        }
        let v = self.back(i, 4).find(|&m| self.is(m, CVERB))?;
        let you = v > 0
            && (0..v).all(|m| self.any(m, "YOU Y'ALL GUYS") || self.is(m, FILLER))
            && (0..v).any(|m| self.any(m, "YOU Y'ALL"));
        let between = (v + 1..i).all(|m| self.is(m, ME) || self.any(m, "WAY SO JUST"));
        (you && between && self.ch(v) & ALL_CH != 0)
            .then_some(())
            .and_then(|()| hit(v, i + 2, self.ch(v) & ALL_CH))
    }
}
