//! A preference that leaves out channels: "only email me", "email only",
//! "please email rather than calling". What it leaves out is revoked (the
//! FCC's "any reasonable means", 47 CFR 64.1200(a)(10)); the channel asked
//! for is kept.

use super::super::words::*;
use super::{hit, Hit, Reader};

impl Reader<'_> {
    /// A preference at word `i`: "only ...", or a means and "only".
    pub(super) fn preference(&self, i: usize) -> Option<Hit> {
        // ("juste par courriel svp", "just by email": "only", before a means
        // named by.)
        if self.eq(i, "ONLY") || (self.eq(i, "JUST") && self.via(i + 1).is_some()) {
            self.only(i)
        } else if self.is(i, CVERB | MEDIA) {
            self.means_no(i).or_else(|| self.means_only(i))
        } else {
            None
        }
    }

    /// The words before word `i` in its clause (at most six, nearest
    /// first), a lead-in before "but" left out: "Sorry but email only
    /// please", "Thanks for reaching out but only text me", "Gracias pero
    /// solo por correo", "Désolé mais juste par courriel svp".
    fn lead(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.back(i, 6)
            .take_while(|&m| !(self.eq(m, "BUT") || self.written(m, "PERO MAIS")))
    }

    /// Word `i` starts a request: at the start of its clause, after filler
    /// ("please", "I told you", "can you", "from now on"), or after a means
    /// and me ("reach me only through email"); not what someone does ("I
    /// only text").
    fn asked(&self, i: usize) -> bool {
        let says = |words: &str| self.lead(i).any(|m| self.any(m, words));
        // (Not "I can only text".)
        let (me, you) = (says("TOLD SAID"), says("TOLD SAID CAN COULD"));
        self.lead(i).all(|m| match self.w(m) {
            "I" => me,
            "YOU" => you,
            "NOT" => false,
            _ => self.is(m, FILLER | CVERB | ME) || self.any(m, "FROM ON CAN COULD"),
        })
    }

    /// "only email me", "only contact me by email", "please only use email",
    /// "only by text" — every channel but the one named; not limited in
    /// time ("only text me after 5") nor about one thing ("only email me
    /// the invoice").
    fn only(&self, i: usize) -> Option<Hit> {
        // "I only want emails", "I only want to be contacted by email".
        let want = self.any(i + 1, "WANT ACCEPT")
            && self
                .back(i, 6)
                .all(|m| self.eq(m, "I") || self.is(m, FILLER));
        if !(want || self.asked(i)) {
            return None;
        }
        let mut v = i + 1;
        if want {
            v += 1;
            if self.eq(v, "TO") && self.eq(v + 1, "BE") && self.is(v + 2, CVERB | MEDIA) {
                v += 3;
            }
        }
        if self.eq(v, "USE") {
            v += 1;
        }
        // ("solo me pueden contactar por correo": they can only.)
        if self.is(v, ME) && self.written(v + 1, "PUEDEN PUEDE") {
            v += 2;
        }
        if !self.on(v) {
            return None;
        }
        // "only by email", "only emails please".
        // ("uniquement par mail": the list's own end.)
        if let Some((named, end)) = self.via_list(v) {
            return self.leaving(i, end, named);
        }
        if !self.is(v, CVERB) {
            let (mut end, ch) = self.means(v);
            // ("I only want emails from you, not texts".)
            if self.eq(end, "FROM") && self.any(end + 1, "YOU Y'ALL") {
                end += 2;
            }
            return self.leaving(i, end, ch);
        }
        // ("only email or text me".)
        let (means_end, ch) = self.means(v);
        let mut end = means_end;
        if self.is(end, ME) && self.on(end) {
            end += 1;
        }
        match self.via(end) {
            // "only contact me by email" ("solo me pueden escribir por
            // correo": a verb of no means).
            Some(named) if ch == ALL_CH || ch == 0 => {
                let after = self.via_list(end).map_or(end + 1, |(_, e)| e);
                self.leaving(i, after, named)
            }
            Some(_) => None,
            // "only email me", "only text" (not "only emailed you once").
            // ("only email please".)
            // ("solo email por favor".)
            None if end > means_end
                || !self.on(end)
                || self.any(end, "PLEASE THANKS FROM SVP STP")
                || (self.eq(end, "POR") && self.eq(end + 1, "FAVOR")) =>
            {
                self.leaving(i, end, ch)
            }
            None => None,
        }
    }

    /// "Llamadas no", "Appels non merci", "Calls - no": the means refused,
    /// the whole message.
    fn means_no(&self, i: usize) -> Option<Hit> {
        let (end, ch) = self.means(i);
        let alone = i == 0 || self.back_in_sentence(i).all(|m| self.is(m, FILLER));
        (alone && self.is(i, MEDIA) && ch != 0 && self.any(end, "NO NON") && self.bare(end + 1))
            .then_some(())
            .and_then(|()| hit(i, end + 1, ch))
    }

    /// "email only", "email me only", "texts or emails only please", "contact me by email
    /// only", "par email uniquement": the means, then "only", ending the
    /// request (not "text only me, not my husband").
    fn means_only(&self, i: usize) -> Option<Hit> {
        let (mut end, ch) = self.means(i);
        // ("email me only".)
        if self.is(end, ME) && self.on(end) && self.eq(end + 1, "ONLY") {
            end += 1;
        }
        // ("From now on email only", "please communicate via email only".)
        let ask = self.lead(i).all(|m| {
            self.is(m, FILLER | CVERB | ME)
                || self.any(m, "BY VIA THROUGH USE PREFER TO POR PAR FROM ON")
                || self.unlisted(m, "COMMUNICATE CORRESPOND")
        });
        if !(ask && self.on(end) && self.eq(end, "ONLY")) || self.is(end + 1, ME) {
            return None;
        }
        self.leaving(i, end + 1, ch)
    }

    /// The means named from word `i` on, in one clause: "text", "text
    /// messages", "calling or emailing"; where they end and their channels.
    pub(super) fn means(&self, i: usize) -> (usize, u8) {
        let (mut end, mut ch) = (i, 0);
        // ("mensajes de texto", "correo electrónico": one means.)
        let part = |e: usize| {
            e > i && (self.eq(e, "ELECTRONICO") || (self.eq(e, "DE") && self.is(e + 1, MEDIA)))
        };
        while (self.is(end, CVERB | MEDIA | GER) || part(end)) && (end == i || self.on(end)) {
            ch |= self.ch(end);
            end += 1;
            if self.on(end) && self.is(end, CONJ) && self.ch(end + 1) & ALL_CH != 0 {
                end += 1;
            }
        }
        (end, ch & ALL_CH)
    }

    /// Where the means of "instead of", "rather than", "en vez / en lugar
    /// de", "plutôt que (d')" starting at word `i` begin.
    pub(super) fn instead_of(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "INSTEAD" if self.eq(i + 1, "OF") => Some(i + 2),
            "RATHER" if self.eq(i + 1, "THAN") => Some(i + 2),
            "EN" if self.any(i + 1, "VEZ LUGAR") && self.eq(i + 2, "DE") => Some(i + 3),
            "PLUTOT" if self.eq(i + 1, "QUE") => Some(if self.any(i + 2, "D DE") {
                i + 3
            } else {
                i + 2
            }),
            _ => None,
        }
    }

    /// "rather than calling", "instead of texting me", "en vez de llamar":
    /// the means from word `g` is revoked when another is asked for ("text
    /// me rather than call"; not "rather than calling, I'll come by", nor
    /// about one thing: "rather than emailing the PDF").
    pub(super) fn rather_than(&self, i: usize, g: usize) -> Option<Hit> {
        let (mut end, ch) = self.means(g);
        if self.is(end, ME) && self.on(end) {
            end += 1;
        }
        // (Asked for, not one's own plan: "I'll text you tonight"; "I
        // prefer email rather than calls" is asked.)
        let other = (0..self.t.len())
            .filter(|&m| !(g..end).contains(&m) && self.is(m, CVERB | MEDIA | GER))
            .filter(|&m| {
                !self
                    .back(m, 3)
                    .any(|b| self.any(b, "I'LL WE'LL WILL I'M GONNA"))
            })
            .any(|m| self.ch(m) & !ch & ALL_CH != 0 && self.ch(m) != ALL_CH);
        // ("instead of calling please text".)
        let asks = self.eq(end, "PLEASE") && self.is(end + 1, CVERB);
        if ch == 0 || ch == ALL_CH || !other || !(self.bare(end) || asks) {
            return None;
        }
        hit(i, end, ch)
    }

    /// The hit of a preference for `named` that ends at word `end`: every
    /// other channel, when one channel is named and nothing more is asked.
    fn leaving(&self, i: usize, end: usize, named: u8) -> Option<Hit> {
        let named = named & ALL_CH;
        // ("only text me, not my wife": about whom, as "text only me".)
        let whom = self.eq(end, "NOT") && self.any(end + 1, "MY HIS HER");
        if named == 0 || named == ALL_CH || !self.bare(end) || whom {
            return None;
        }
        hit(i, end, ALL_CH & !named)
    }
}
