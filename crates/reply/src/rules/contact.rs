//! A negated verb of contact and what follows it: "don't call, text or email
//! me again", "do not contact this number", "don't email me the invoice" (one
//! thing), "don't call after 5pm" (a limit in time).

use super::super::text::WEAK;
use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// A warning whose verb of contact is at `v` (or after "keep", "still"),
    /// with the customer its object: see the "DARE" idiom.
    pub(super) fn dared(&self, i: usize, v: usize) -> Option<Hit> {
        let v = v + usize::from(self.any(v, "KEEP STILL EVER EVEN"));
        // (The customer after the verb, before it, or on it: "llamarme".)
        let me = self.is(v + 1, ME) || self.is(v - 1, ME) || self.is(v, ME);
        (self.is(v, CVERB) && me || self.is(v, GER) && self.is(v + 1, ME))
            .then(|| self.contact(i, v, true))
            .flatten()
    }

    /// A negated verb of contact at `j`: "don't call, text or email me again".
    pub(super) fn contact(&self, i: usize, j: usize, me: bool) -> Option<Hit> {
        if self.said_first(i) || self.switched_line(j + 1) {
            return None;
        }
        let (k, ch) = self.verbs_of_contact(j);
        // ("do not disturb (me)": disturbed by any means, as "stop
        // disturbing me".)
        let ch = if self.eq(j, "DISTURB") { ALL_CH } else { ch };
        // Advice or told of oneself, no request: "Never text and drive lol",
        // "dont text and drive ppl" (another verb, the lists do not know,
        // ends it, perhaps to everyone), "I'd never call
        // you at work", "I'll never email you again" (the sender called by
        // the customer).
        let all = usize::from(self.any(k + 2, "PEOPLE GUYS Y'ALL"));
        let advice = self.eq(k, "AND") && self.w(k + 1).is_empty() && self.bare(k + 2 + all);
        let mine = self.eq(k, "YOU") && self.back(i, 2).any(|m| self.is(m, I1));
        if self.on(k) && (advice || mine) {
            return None;
        }
        let (k0, ch0) = (k, ch);
        let (k, object) = self.contacted(i, j, k, me);
        // ("don't contact this number": its texts and calls; "... this
        // email": its email; "no me escriban a mi correo", "don't write to
        // my email": the line after "me"; a means named after it says
        // which: "don't contact this phone by text".)
        let (k0, k) = match self.line_at(k) {
            Some(end) if (k..end).any(|m| self.means_named(m) != 0) => (k, end),
            _ => (k0, k),
        };
        let named = (k0..k).fold(0, |c, m| c | self.means_named(m));
        let ch = match ch0 {
            _ if self.via(k).is_some() => ch0,
            _ if named != 0 => self.line_means(ch0, k0, k),
            c => c,
        };
        // Another verb after the object: "don't call me or email me", "no me
        // llamen ni me manden emails".
        let (k, ch) = if object {
            self.another_verb(k, ch)
        } else {
            (k, ch)
        };
        self.contact_after(i, k, ch, object)
    }

    /// The verbs of contact from word `j` on: "call, text or email"; where
    /// they end and their channels.
    fn verbs_of_contact(&self, j: usize) -> (usize, u8) {
        let mut ch = self.ch(j);
        let mut k = j + 1;
        let first = (k, ch);
        // More verbs: "don't call, text or email me".
        loop {
            let m = if self.is(k, CONJ) { k + 1 } else { k };
            if (self.on(k) || self.brk(k) == WEAK) && m > k && self.is(m, CVERB) {
                // ("Don't call or write me": the medium's verb listed, the
                // medium the message came by too.)
                ch |= self.ch(m) | self.medium_too(j, m);
                k = m + 1;
            } else if self.brk(k) == WEAK
                && self.is(k, CVERB)
                // (Not a verb with "me" on it: "no me llamen, mándenme un
                // mensaje" asks for the means.)
                && !self.is(k, ME)
                && (self.on(k + 1) || self.serial_comma(k + 1))
                && !self.asked_for(k)
                // (Not a means kept: "don't call, text is fine"; nor one
                // asked for: "don't call, send me a text".)
                && !self.any(k + 1, "IS ARE WORKS")
                // (Nor a means in two words, a noun: "don't call, text
                // messages are fine", "don't call, send text messages".)
                && !(self.on(k + 1) && self.is(k + 1, MEDIA))
                && !(self.is(k + 1, ME) && self.on(k + 1) && self.is(k + 2, DET))
            {
                ch |= self.ch(k);
                k += 1;
            } else {
                break;
            }
        }
        // ("Don't call, email or text is fine": the means after the comma
        // are kept, not refused.)
        if self.brk(j + 1) == WEAK && self.any(k, "IS ARE WORKS") {
            return first;
        }
        (k, ch)
    }

    /// `CAME_BY` when one of the verbs at `a` and `b` is the medium's
    /// ("write") and the other names a channel.
    fn medium_too(&self, a: usize, b: usize) -> u8 {
        if (self.ch(a) == 0) != (self.ch(b) == 0) {
            CAME_BY
        } else {
            0
        }
    }

    /// Who or what is not to be contacted, from word `k` after the verbs at
    /// `j`: the customer ("me", "to me"), their number ("this number", "it");
    /// where it ends, and whether one was named (or `me` already was).
    fn contacted(&self, i: usize, j: usize, mut k: usize, me: bool) -> (usize, bool) {
        if self.eq(j, "REACH") && self.eq(k, "OUT") {
            k += 1;
        }
        // "don't reach out to me", "don't write to me": the customer, after "to".
        if self.eq(k, "TO") && self.on(k) && self.is(k + 1, ME) && self.on(k + 1) {
            k += 1;
        }
        // "Communicate" as "contact", with the customer: "do not communicate
        // with me", "ne communiquez pas avec moi", "no se comuniquen
        // conmigo".
        if self.on(k) && self.ch(j) == ALL_CH {
            if self.any(k, "WITH AVEC") && self.is(k + 1, ME) && self.on(k + 1) {
                k += 1;
            } else if self.written(k, "CONMIGO") {
                return (k + 1, true);
            }
        }
        let mut object = me;
        // (Or someone of the household: "don't call him again", "never
        // call my mother again".)
        // (Not when the customer asks for themselves instead: "don't call my
        // husband, call me", "Don't call my husband, he's not on the loan, I
        // am".)
        // ("No llamen ni a mi esposo ni a mí": "ni" before the first.)
        if self.eq(k, "NI") && self.kin(k + 1) > 0 {
            k += 1;
        }
        let kin = self.kin(k);
        let other = kin > 0 && !self.me_after(k + 1);
        if (self.is(k, ME) || other) && self.on(k) {
            k += kin.max(1);
            // ("don't call my parents' house", "my husband's cell".)
            if other
                && self.on(k)
                && (self.any(k, "NUMBER PHONE CELL LINE") || self.unlisted(k, "HOUSE"))
            {
                k += 1;
            }
            object = true;
        } else if let Some(end) = self.the_number(k).filter(|_| !self.moved(k)) {
            k = end;
            object = true;
        } else if self.on(k)
            && self.eq(k, "IT")
            && self.bare(k + 1)
            && (0..i).any(|m| self.any(m, "NUMBER PHONE CELL LINE"))
        {
            // "This is my work phone, please don't text it."
            k += 1;
            object = true;
        }
        (k, object)
    }

    /// Another verb of contact after the object, from word `k`: "... or
    /// email me", "... ni me manden emails"; where the request now ends and
    /// its channels, grown from `ch`.
    fn another_verb(&self, mut k: usize, mut ch: u8) -> (usize, u8) {
        if !(self.on(k) && self.is(k, CONJ)) {
            return (k, ch);
        }
        let v = if self.is(k + 1, ME) && !self.is(k + 1, CVERB) {
            k + 2
        } else {
            k + 1
        };
        if self.on(v) && self.is(v, CVERB) {
            let mut end = v + 1;
            if self.is(end, ME) && self.on(end) {
                end += 1;
            }
            match (self.ch(v), self.object(end)) {
                (0, Obj::Media { end: e, ch: c }) if c != 0 => {
                    ch |= c;
                    k = e;
                }
                // ("No me llamen ni me escriban": the medium too.)
                (0, Obj::Empty) if ch & ALL_CH != 0 => {
                    ch |= CAME_BY;
                    k = end;
                }
                (0, _) => {}
                // ("No me escriban ni me llamen".)
                (c, _) => {
                    ch |= c | if ch == 0 { CAME_BY } else { 0 };
                    k = end;
                }
            }
        }
        (k, ch)
    }

    /// The rest of a negated request for contact, from word `k`: a limit in
    /// time, a means ("by email"), "more", "again", or one thing ("don't
    /// email me the invoice").
    fn contact_after(&self, i: usize, mut k: usize, mut ch: u8, object: bool) -> Option<Hit> {
        // ("don't contact me directly", but "... directly on weekends" asks when.)
        if self.on(k) && self.any(k, "DIRECTLY FURTHER") {
            k += 1;
        }
        if !self.on(k) || self.paused(k) {
            return hit(i, k, ch);
        }
        // ("dont text ne": "me" a key off, in English.)
        if self.written(k, "NE") && self.bare(k + 1) && self.any(i, "DON'T NEVER NOT") {
            return hit(i, k + 1, ch);
        }
        if self.moved(k) {
            return None;
        }
        // Its reason: "don't call me because I already bought", "no me
        // llamen porque no me interesa" (not a moment's: "because I'm
        // driving", a limit).
        if self.any(k, "BECAUSE") || self.unlisted(k, "PORQUE PQ PARCE") {
            let moment = |m: usize| {
                self.unlisted(m, "BUSY DRIVING SLEEPING HOSPITAL")
                    || self.unlisted(m, "OCUPADO OCUPADA MANEJANDO")
                    || self.any(m, "WORK MEETING TRABAJO")
            };
            let now = (k + 1..k + 6).any(|m| self.on(m) && moment(m));
            return if now { None } else { hit(i, k, ch) };
        }
        // ("don't contact me at this number", "do not contact me at this
        // email": its means.)
        if self.any(k, "AT ON") && ch == ALL_CH && self.means_named(k + 2) != 0 {
            ch = self.line_means(ch, k + 2, k + 3);
        }
        // ("don't call me at home", "... at my house", "ne m'appelez pas chez
        // moi": at the customer's number.)
        let at = k + usize::from(self.eq(k, "AT"));
        let home = if self.eq(k, "AT") && self.eq(at, "HOME") {
            Some(at + 1)
        } else {
            self.the_number(at)
        };
        if let Some(end) = home.filter(|&e| self.bare(e)) {
            return hit(i, end, ch);
        }
        // ("for any reason", "under any circumstances", "now or ever",
        // "today or ever again": no limit, all the more.)
        let any_time = (self.eq(k, "FOR")
            && self.eq(k + 1, "ANY")
            && self.written(k + 2, "REASON"))
            || (self.written(k, "UNDER")
                && self.eq(k + 1, "ANY")
                && self.written(k + 2, "CIRCUMSTANCES CIRCUMSTANCE"))
            || (self.is(k, WHEN) && self.eq(k + 1, "OR") && self.any(k + 2, "EVER NEVER LATER"));
        if any_time && (k..k + 3).all(|m| self.on(m)) {
            return hit(i, k + 3, ch);
        }
        if self.limited(k) {
            return None;
        }
        if let Some((_, end)) = self.via_list(k) {
            // "don't contact me by email before Monday" still asks when;
            // "by phone, text, or email after 9pm" too.
            let when = (k + 1..(k + 5).max(end + 1)).any(|m| self.on(m) && self.limited(m));
            return if when {
                None
            } else {
                hit(i, k, self.narrowed(ch, k))
            };
        }
        // "no me envíen más correos", "don't send me more emails": the means
        // after "more" says which.
        if self.any(k, "MAS PLUS MORE") {
            // (Not past a break: "no me llamen más, prefiero correo".)
            let after = if self.on(k + 1) {
                self.object(k + 1)
            } else {
                Obj::Empty
            };
            if let Obj::Media { end, ch: c } = after {
                return hit(i, end, ch | c);
            }
            // ("No me envíen más folletos", "Ne m'envoyez plus de
            // circulaires": a thing, as "don't send me more flyers".)
            if after == Obj::Thing {
                return None;
            }
            // (Spanglish "no llamen more", as "más".)
            if self.bare(k + 1) {
                return hit(i, k, ch);
            }
        }
        // "dont call just txt": the means asked for, without the comma
        // ("don't call, just text").
        if self.any(k, "JUST ONLY") && self.on(k + 1) && self.is(k + 1, CVERB | MEDIA) {
            let kept = ch & !self.ch(k + 1);
            return if kept != 0 && self.ch(k + 1) != 0 {
                hit(i, k, kept)
            } else {
                None
            };
        }
        // Again or here: "no me llamen de nuevo", "otra vez", "aquí".
        // ("... regarding this".)
        // ("Don't call me at 555-867-5309 after 8pm": a limit.)
        if self.any(k, "AT ON") && self.the_number(k + 1).is_some_and(|e| self.limited(e)) {
            return None;
        }
        // ("Don't text me back until you have the price": a limit; not
        // "... again until further notice", a pause.)
        if self.any(k, "BACK AGAIN") && self.on(k + 1) && self.limited(k + 1) {
            return None;
        }
        // ("Don't call here again", "Do not contact me here": at this
        // number or address, the medium when all contact was refused.)
        if self.written(k, "HERE") && (self.bare(k + 1) || self.any(k + 1, "AGAIN ANYMORE EVER")) {
            return hit(i, k, if ch == ALL_CH { 0 } else { ch });
        }
        // ("No me manden nada por mail": the means after "nada".)
        if self.eq(k, "NADA") && self.via(k + 1).is_some() {
            return hit(i, k + 1, self.narrowed(ch, k + 1));
        }
        if self.any(
            k,
            "AGAIN ANYMORE EVER PLEASE BACK AT ON IN MAS PLUS EITHER ALSO AQUI NADA JAMAS NUNCA",
        ) || (self.any(k, "DE OTRA") && self.any(k + 1, "NUEVO VEZ"))
            || (self.written(k, "REGARDING CONCERNING") && self.any(k + 1, "THIS THAT IT"))
            // (Portuguese "mais": "Não me liguem mais".)
            || self.written(k, "MAIS")
            || self.bare(k)
        {
            return hit(i, k, ch);
        }
        // ("Ya no me llamen de la inmobiliaria", "Dejen de llamarme del
        // gym": the sender named by its trade.)
        if self.any(k, "DE DEL") && self.on(k) {
            let e = (k + 1..k + 5)
                .find(|&m| !self.on(m) || self.is(m, CONJ | CVERB))
                .unwrap_or(k + 5);
            if self.bare(e) && !(k..e).any(|m| self.limited(m)) {
                return hit(i, k, ch);
            }
        }
        // ("Please do not contact our office again": the customer's own
        // place.)
        // ("Do not contact anyone at our company again".)
        let k = if self.written(k, "ANYONE ANYBODY") && self.any(k + 1, "AT IN FROM") {
            k + 2
        } else {
            k
        };
        // (Not with contact asked for instead: "call my cell instead",
        // "use my personal email", "only me".)
        let instead = (k + 2..self.t.len())
            .any(|m| self.any(m, "INSTEAD USE ONLY") || (self.is(m, CVERB) && self.is(m + 1, ME)));
        if self.any(k, "OUR MY")
            && self.on(k + 1)
            && (self.any(k + 1, "OFFICE BUSINESS COMPANY FIRM HOUSEHOLD TEAM")
                || self.unlisted(k + 1, "ORGANIZATION ORGANISATION FAMILY HOUSE"))
            && (self.bare(k + 2) || self.any(k + 2, "AGAIN ANYMORE"))
            && !instead
        {
            return hit(i, k + 2, ch);
        }
        // "don't email me the invoice": about one thing, not a revocation.
        match self.object(k) {
            // ("No me manden mensajes ni me llamen": a verb after the means.)
            Obj::Media { end, ch: c } if !self.limited(end) => {
                hit(i, k, self.another_verb(end, ch | c).1)
            }
            Obj::Thing | Obj::Unknown | Obj::Pron(_) | Obj::Media { .. } => None,
            Obj::All(_) => hit(i, k, ch),
            Obj::Empty if object => hit(i, k, ch),
            Obj::Empty => None,
        }
    }

    /// A serial comma before the last of a list: ", or" / ", and" at `k`.
    pub(super) fn serial_comma(&self, k: usize) -> bool {
        self.brk(k) == WEAK && self.is(k, CONJ)
    }
}
