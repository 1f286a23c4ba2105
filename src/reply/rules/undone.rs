//! What undoes a hit: laughter beside a bare stop word ("Stop! lol"), and a
//! keyword told of as sent by mistake ("I accidentally replied STOP").

use super::super::words::*;
use super::{Hit, Reader};

impl Reader<'_> {
    /// Laughter near the request, not anywhere in a long message ("... needs
    /// to be fired lol. 5 texts in 2 days. Stop sending me this stuff").
    pub(super) fn laughed(&self, h: &Hit) -> bool {
        // ("Kind regards" is a closing, not laughter.)
        let laughs =
            |m: usize| self.is(m, LAUGH) && !(self.eq(m, "KIND") && self.eq(m + 1, "REGARDS"));
        self.back_in_sentence(h.a).any(laughs) || (h.a..(h.b + 6).min(self.t.len())).any(laughs)
    }

    /// "I accidentally replied STOP", "texted stop by mistake": a keyword
    /// alone, told of as what was sent by mistake, is no request (but "Stop,
    /// I signed up by mistake" is one).
    pub(super) fn slip(&self, h: &Hit) -> bool {
        // (Or after START: "START - sorry my kid texted stop".)
        let restart = self.any(0, "START UNSTOP") && self.brk(1) != 0;
        // (Or denied: "I never said STOP", "I didn't mean to text stop"; or
        // "wait": "hold on stop, what's the total?")
        let told = h.a > 0 && self.any(h.a - 1, "SAID TEXT");
        let sent = h.a > 0 && self.any(h.a - 1, SENDING);
        let before = |words: &str| self.back_in_sentence(h.a).any(|m| self.any(m, words));
        // The customer's own denial, in the clause: "I never said", "I
        // didn't mean to text" (not "you didn't stop when I said STOP").
        let denied = self
            .back(h.a, 6)
            .any(|m| m > 0 && self.eq(m - 1, "I") && self.any(m, "NEVER DIDN'T"));
        // "Wait stop", "hold on stop": just before it (not "on hold with my
        // bank, stop").
        let wait = self.on(h.a)
            && h.a > 0
            && (self.eq(h.a - 1, "WAIT")
                || (h.a > 1 && self.eq(h.a - 1, "ON") && self.eq(h.a - 2, "HOLD")));
        h.b == h.a + 1
            && ((sent && (restart || before("ACCIDENTALLY MISTAKENLY")))
                || ((sent || told) && denied)
                || wait
                || (self.on(h.b) && self.eq(h.b, "BY") && self.any(h.b + 1, "MISTAKE ACCIDENT")))
    }
}
