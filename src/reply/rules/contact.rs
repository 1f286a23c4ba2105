//! A negated verb of contact and what follows it: "don't call, text or email
//! me again", "do not contact this number", "don't email me the invoice" (one
//! thing), "don't call after 5pm" (a limit in time).

use super::super::text::WEAK;
use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// Word `k` limits a request in time: "after 5pm", "today", "right now",
    /// "this late", "too early" — but not "at this number", "at all", "in any
    /// way", "too" (also).
    pub(super) fn limited(&self, k: usize) -> bool {
        if !self.on(k) || self.paused(k) {
            return false;
        }
        // "too early", "too late at night" (but "don't call me too": also);
        // "tan temprano".
        // ("until I call you", "hasta que yo les llame": the customer will
        // reach out, no limit.)
        if self.any(k, "UNTIL TILL HASTA") {
            let mut m = k + 1;
            while self.on(m) && self.any(m, "I YO QUE LES LE YOU") {
                m += 1;
            }
            if m > k + 1 && self.is(m, CVERB) && self.any(m - 1, "I YO LES LE") {
                return false;
            }
        }
        if self.any(k, "TOO TAN") {
            return self.on(k + 1) && self.is(k + 1, WHEN);
        }
        // "no me llamen al trabajo", "pas d'appels au travail" (but "al
        // celular" names the means).
        if self.any(k, "AL AU") {
            return self.any(k + 1, "TRABAJO OFICINA TRAVAIL BUREAU")
                && !self.any(k + 2, "NI O Y OU ET");
        }
        // ("pas d'appels le dimanche", "no llamadas los domingos", "pas de
        // textos le soir", "no me llamen a la oficina".)
        if self.any(k, "LE LES LOS EL LA") || (self.eq(k, "A") && self.eq(k + 1, "LA")) {
            let m = k + 1 + usize::from(self.eq(k, "A"));
            return self.any(m, "NOCHE WEEK OFICINA TRABAJO WEEKENDS")
                || self.any(m, DIAS_JOURS)
                || self.unlisted(m, "SOIR DOMINGOS SABADOS FINES WEEKEND");
        }
        // ("pas d'appels aujourd'hui", "no llamadas hoy", "cette semaine",
        // "esta semana".)
        let said = |m: usize, w: &str| self.any(m, w) || self.unlisted(m, w);
        if self.unlisted(k, "AUJOURD'HUI AUJOURDHUI")
            || (said(k, "CETTE ESTA") && said(k + 1, "SEMAINE SEMANA NOCHE"))
        {
            return true;
        }
        // ("a las 7", "à 7h", "à 7 heures", "entre 12h et 14h".)
        if (self.any(k, "A AU") || self.written(k, "ENTRE"))
            && (self.hour(k + 1)
                || (self.eq(k + 1, "LAS") && self.number(k + 2))
                || (self.number(k + 1) && self.written(k + 2, "HEURES HEURE")))
        {
            return true;
        }
        // ("the night before", "the day of".)
        if self.eq(k, "THE")
            && self.any(k + 1, "NIGHT DAY MORNING WEEK EVENING")
            && self.any(k + 2, "BEFORE OF")
        {
            return true;
        }
        if self.any(k, "AT ON IN") && self.any(k + 1, "THIS ALL ANY MY YOUR") {
            return self.eq(k + 1, "THIS")
                && !self.any(k + 2, "NUMBER PHONE CELL LINE EMAIL ADDRESS");
        }
        self.is(k, WHEN)
    }

    /// Word `k` asks for a pause, no limit: "(don't text me) for now", "for a
    /// while" — revoked, as "stop texting me for a while" is.
    pub(super) fn paused(&self, k: usize) -> bool {
        self.eq(k, "FOR")
            && (self.eq(k + 1, "NOW") || (self.eq(k + 1, "A") && self.eq(k + 2, "WHILE")))
    }

    /// Someone of the household named at word `k` ("him", "her", "my
    /// mother"): how many words name them, else 0.
    /// ("my grandmother", "my kids", "my elderly mother", "my 85 year old
    /// mother", "my father-in-law".)
    pub(super) fn kin(&self, k: usize) -> usize {
        if self.any(k, "HIM HER") {
            return 1;
        }
        // ("No llamen a mi esposa", "retirez ma femme de votre liste".)
        let a = usize::from(self.eq(k, "A") && self.eq(k + 1, "MI"));
        let n = k + a + 1;
        if self.any(k + a, "MI MA MON")
            && (self.unlisted(n, "ESPOSA ESPOSO MAMA PAPA HIJO HIJA MADRE PADRE")
                || self.unlisted(n, "ABUELA ABUELO FEMME MARI FILS FILLE MERE PERE"))
        {
            return a + 2;
        }
        if !self.eq(k, "MY") {
            return 0;
        }
        let mut n = k + 1;
        while n < k + 4
            && self.on(n)
            && (self.number(n) || self.any(n, "OLD") || self.unlisted(n, "YEAR ELDERLY LATE SICK"))
        {
            n += 1;
        }
        let named = self.any(n, "HUSBAND WIFE SON DAUGHTER MOTHER FATHER MOM DAD")
            || self.unlisted(n, "GRANDMOTHER GRANDMA GRANDFATHER GRANDPA GRANDSON")
            || self.unlisted(n, "GRANDDAUGHTER BROTHER SISTER AUNT UNCLE NIECE NEPHEW")
            || self.unlisted(n, "COUSIN GIRLFRIEND BOYFRIEND FIANCE FIANCEE PARTNER")
            || self.unlisted(n, "KIDS KID CHILD CHILDREN PARENTS GRANDKIDS GRANDPARENTS");
        if !(named && self.on(n)) {
            return 0;
        }
        // ("my father-in-law".)
        let law = if self.eq(n + 1, "IN") && self.eq(n + 2, "LAW") {
            2
        } else {
            0
        };
        n + 1 + law - k
    }

    /// Where the customer's number or address named from word `k` ends:
    /// "this number", "my cell", "this address", "the office line", "no me llamen a este
    /// número", "a este correo".
    pub(super) fn the_number(&self, k: usize) -> Option<usize> {
        if !self.on(k) {
            return None;
        }
        let three = (self.any(k, "THIS MY THAT THE")
            && (self.any(k + 1, "OFFICE WORK HOME") || self.unlisted(k + 1, "HOUSE"))
            && self.any(k + 2, "NUMBER PHONE LINE"))
            // ("this email address".)
            || (self.any(k, "THIS MY THAT") && self.any(k + 1, "EMAIL") && self.any(k + 2, "ADDRESS"))
            || (self.any(k, "A AL EN")
                && self.any(k + 1, "ESTE MI ESE LA")
                && (self.any(k + 2, "NUMBER PHONE EMAIL CORREO")
                    || self.unlisted(k + 2, "CASA CELULAR")));
        if three {
            return Some(k + 3);
        }
        // ("don't call my house", "chez moi": the customer at home.)
        (self.unlisted(k, "CHEZ") && self.is(k + 1, ME)
            || self.any(k, "THIS MY THAT")
                && (self.any(
                    k + 1,
                    "NUMBER PHONE CELL LINE MOBILE LANDLINE ADDRESS INBOX HOME",
                ) || self.unlisted(k + 1, "HOUSE")))
        .then_some(k + 2)
    }

    /// From word `k`, another of the customer's numbers or addresses, and a
    /// new one asked for in the message: "(stop texting) my old number, this
    /// is my new one", "(stop calling) the house phone, use my cell" — an
    /// update, not a revocation (as "remove my old number" is).
    pub(super) fn moved(&self, k: usize) -> bool {
        let old = self.any(k, "MY THE THIS THAT")
            && (((self.any(k + 1, "OLD PREVIOUS WORK HOME") || self.unlisted(k + 1, "HOUSE"))
                && (self.any(k + 2, "NUMBER PHONE CELL EMAIL ADDRESS LINE")
                    // ("my old work address".)
                    || (self.any(k + 2, "WORK HOME")
                        && self.any(k + 3, "NUMBER PHONE CELL EMAIL ADDRESS LINE"))))
                // ("stop calling my landline and call my cell instead", "Stop
                // calling my work, use my cell".)
                || self.any(k + 1, "LANDLINE OFFICE")
                || (self.any(k + 1, "WORK HOME") && !self.on(k + 2)));
        // (Or one written out: "Stop calling 555-867-5309, my new number is
        // ...", "Stop emailing jo@acme.com, use sam@acme.com".)
        let written = (self.eq(k, "MY") && self.eq(k + 1, "NUMBER")) || self.eq(k, "ADDRESS");
        (old || written)
            && (k + 1..self.t.len()).any(|m| {
                self.any(m, "NEW INSTEAD")
                    || (self.any(m, "USE ADD") && self.any(m + 1, "MY THIS THE ADDRESS"))
            })
    }

    /// A line asked for after word `from`, another than the one refused
    /// ("No me llames al fijo, llámame al celular", "Arrêtez d'appeler le
    /// fixe, utilisez mon cellulaire", "llámenme al 555-201-3344"): an
    /// update, when a line was named before.
    pub(super) fn switched_line(&self, from: usize) -> bool {
        let line = |n: usize| {
            self.any(n, "CELL NUMBER MOBILE")
                || self.written(n, "CELULAR CELLULAIRE MOVIL PORTABLE CEL")
        };
        let named = (0..self.t.len()).any(|m| {
            self.written(m, "FIJO FIXE CASA MAISON TRABAJO TRAVAIL BUREAU") || self.any(m, "NUMBER")
        });
        named
            && (from..self.t.len()).any(|m| {
                ((self.is(m, CVERB) && self.is(m, ME))
                    || self.any(m, "USE")
                    || self.written(m, "USEN UTILISEZ USA"))
                    && (m + 1..m + 4).any(line)
            })
    }

    /// The means a number or an address named at word `m` is reached by:
    /// "number", "cell", "line": texts and calls; "email", "inbox": email.
    fn means_named(&self, m: usize) -> u8 {
        if self.any(m, "NUMBER PHONE CELL MOBILE LANDLINE LINE") {
            SMS | CALL
        } else if self.any(m, "EMAIL INBOX") {
            EMAIL
        } else {
            0
        }
    }

    /// A limit said before the request at word `i`: "Today don't call me
    /// please", "Hoy no me llamen", "After 8pm don't call me", "Los domingos
    /// no me llamen", "Le soir, ne m'appelez pas".
    pub(super) fn said_first(&self, i: usize) -> bool {
        // ("Today don't call me please", "Hoy no me llamen", "Ahorita no me
        // llames": a limit said first.)
        // (Right before the request, and not "as of today", "starting
        // today": from then on.)
        let at = |m: usize| {
            self.any(m, "TODAY TONIGHT HOY")
                || self.unlisted(m, "AHORITA AUJOURD'HUI AUJOURDHUI")
                || (m > 0 && self.eq(m, "NOW") && self.eq(m - 1, "RIGHT"))
        };
        let moment = i > 0
            && self.brk(i) <= WEAK
            && at(i - 1)
            && !(i > 1
                && (self.any(i - 2, "OF FROM") || self.written(i - 2, "SINCE STARTING BEGINNING")));
        // ("After 8pm don't call me", "Los domingos no me llamen", "Après
        // 20h ne m'appelez pas", "Le soir, ne m'appelez pas": a limit that
        // opens the sentence.)
        let (a, _) = self.sentence(i);
        let opens = a < i
            && i - a <= 6
            && !at(a)
            && !self.any(a, "RIGHT NOW")
            && !(a..i).any(|m| self.is(m, I1) || self.any(m, "QUE THAT"))
            && (self.any(
                a,
                "AFTER BEFORE DURING WHILE UNTIL ANTES DESPUES DURANTE AVANT APRES",
            ) || self.written(a, "ENTRE MIENTRAS PENDANT DURANT JUSQU HORITA")
                || (self.eq(a, "ON") && self.is(a + 1, WHEN))
                || (a + 1 < i && self.limited(a)))
            && !(a..i).any(|m| self.is(m, CVERB));
        moment || opens
    }

    /// A negated verb of contact at `j`: "don't call, text or email me again".
    pub(super) fn contact(&self, i: usize, j: usize, me: bool) -> Option<Hit> {
        if self.said_first(i) || self.switched_line(j + 1) {
            return None;
        }
        let (k, ch) = self.verbs_of_contact(j);
        let (k0, ch0) = (k, ch);
        let (k, object) = self.contacted(i, j, k, me);
        // ("don't contact this number": its texts and calls; "... this
        // email": its email; a means named after it says which: "don't
        // contact this phone by text".)
        let named = (k0..k).fold(0, |c, m| c | self.means_named(m));
        let ch = match ch0 {
            _ if self.via(k).is_some() => ch0,
            ALL_CH if named & CALL != 0 => SMS | CALL,
            ALL_CH if named != 0 => EMAIL,
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
                ch |= self.ch(m);
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
        let mut object = me;
        // (Or someone of the household: "don't call him again", "never
        // call my mother again".)
        // (Not when the customer asks for themselves instead: "don't call my
        // husband, call me".)
        let kin = self.kin(k);
        let other = kin > 0 && !(k + 1..self.t.len()).any(|m| self.is(m, ME));
        if (self.is(k, ME) || other) && self.on(k) {
            k += kin.max(1);
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
                (0, _) => {}
                (c, _) => {
                    ch |= c;
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
        let named = self.means_named(k + 2) | if self.eq(k + 2, "ADDRESS") { EMAIL } else { 0 };
        if self.any(k, "AT ON") && ch == ALL_CH && named != 0 {
            ch = if named & CALL != 0 { SMS | CALL } else { EMAIL };
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
        // ("Don't text me back until you have the price": a limit.)
        if self.any(k, "BACK AGAIN") && self.on(k + 1) && self.any(k + 1, "UNTIL TILL") {
            return None;
        }
        // ("No me manden nada por mail": the means after "nada".)
        if self.eq(k, "NADA") && self.via(k + 1).is_some() {
            return hit(i, k + 1, self.narrowed(ch, k + 1));
        }
        if self.any(
            k,
            "AGAIN ANYMORE EVER PLEASE BACK AT ON IN MAS PLUS EITHER ALSO AQUI NADA JAMAS NUNCA",
        ) || (self.any(k, "DE OTRA") && self.any(k + 1, "NUEVO VEZ"))
            || (self.unlisted(k, "REGARDING CONCERNING") && self.any(k + 1, "THIS THAT IT"))
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
            && self.any(k + 1, "OFFICE BUSINESS COMPANY FIRM HOUSEHOLD TEAM")
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
