//! Whom and which line a request names: someone of the household, the
//! customer's number or address, an old one replaced by a new one.

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// Word `m` is a French or Spanish pronoun for someone of the household
    /// named before it ("Ma mère est décédée, ne l'appelez plus", "Mi mamá
    /// falleció, no la llamen más", "Mon père est décédé, retirez-le").
    pub(super) fn theirs(&self, m: usize) -> bool {
        self.any(m, "LA LO LE L")
            && !self.me_instead(m)
            && (0..m).any(|x| {
                self.kin(x) > 1
                    || self.any(x, "DECEASED PASSED DIED")
                    || self.unlisted(x, "FALLECIO MURIO DECEDE DECEDEE")
            })
    }

    /// After someone else's pronoun at word `m`, the customer asks for
    /// themselves instead: "no la llamen, llámenme a mí", "ne l'appelez
    /// pas, appelez-moi".
    pub(super) fn me_instead(&self, m: usize) -> bool {
        (m + 2..self.t.len()).any(|x| {
            self.is(x, CVERB) && (self.is(x, ME) || (self.is(x + 1, ME) && self.on(x + 1)))
        })
    }

    /// From word `k` on, the customer names themselves as the one to
    /// talk to: "call me", "text mine", "he's not on the loan, I am", "I'm
    /// (I am) the one on the loan", "I'm the buyer", "yo soy el del préstamo",
    /// "yo sí" (not
    /// refused with them: "Don't call my husband or me", "... and me", "...
    /// nor me", "... ni à moi").
    pub(super) fn me_after(&self, k: usize) -> bool {
        (k..self.t.len()).any(|m| {
            (self.is(m, ME) && !(m > 1 && (self.is(m - 1, CONJ) || self.is(m - 2, CONJ) && self.eq(m - 1, "A"))))
                || self.written(m, "MINE")
                || (self.eq(m, "I")
                    && self.eq(m + 1, "AM")
                    && (self.bare(m + 2) || self.eq(m + 2, "THE")))
                || ((self.any(m, "I'M") || self.written(m, "SOY")) && self.any(m + 1, "THE EL LA"))
            // ("..., él no está en el préstamo, yo sí".)
            || (self.written(m, "YO") && self.written(m + 1, "SI") && self.bare(m + 2))
        })
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
                && (self.any(k + 2, "NUMBER PHONE EMAIL CORREO CELL") || self.unlisted(k + 2, "CASA")));
        // ("our main line", "my direct line".)
        let main = self.any(k, "THIS MY THAT THE OUR")
            && self.written(k + 1, "MAIN DIRECT")
            && self.any(k + 2, "NUMBER PHONE LINE");
        if three || main {
            return Some(k + 3);
        }

        // ("don't call my house", "chez moi": the customer at home.)
        (self.unlisted(k, "CHEZ") && self.is(k + 1, ME)
            || self.any(k, "THIS MY THAT ESTE ESE MI CE CETTE MON MA")
                && (self.any(
                    k + 1,
                    "NUMBER PHONE CELL LINE MOBILE LANDLINE ADDRESS INBOX HOME",
                ) || self.unlisted(k + 1, "HOUSE")))
        .then_some(k + 2)
    }

    /// The customer's number not to be used, from the verb at `u` (after a
    /// negation or a stop word at `i`): "Don't use my number", "Stop using
    /// my number", "do not use my phone number for marketing" — its texts
    /// and calls, as "remove my number"; not "use my cell instead".
    pub(super) fn use_number(&self, i: usize, u: usize) -> Option<Hit> {
        if !(self.on(u) && self.written(u, "USE USING")) {
            return None;
        }
        let e = self.the_number(u + 1)?;
        let e = e + usize::from(self.on(e) && self.eq(e, "NUMBER"));
        let end = match self.object(e + 1) {
            _ if !(self.on(e) && self.eq(e, "FOR")) => e,
            Obj::Media { end, .. } | Obj::All(end) => end,
            _ => return None,
        };
        let email = (u + 1..e).any(|m| self.any(m, "EMAIL ADDRESS INBOX"));
        let ch = if email { EMAIL } else { SMS | CALL };
        hit(i, end, ch).filter(|_| {
            (self.bare(end) || self.any(end, "AGAIN ANYMORE")) && !self.switched_line(end)
        })
    }

    /// From word `k`, another of the customer's numbers or addresses, and a
    /// new one asked for in the message: "(stop texting) my old number, this
    /// is my new one", "(stop calling) the house phone, use my cell" — an
    /// update, not a revocation (as "remove my old number" is).
    pub(super) fn moved(&self, k: usize) -> bool {
        let old = self.any(k, "MY THE THIS THAT")
            && (((self.any(k + 1, "OLD PREVIOUS WORK HOME") || self.unlisted(k + 1, "HOUSE"))
                && (self.any(k + 2, "NUMBER PHONE CELL EMAIL ADDRESS LINE ONE")
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
        // ("New number is ..., stop calling the old one": the new one
        // named before too.)
        (old || written)
            && (0..self.t.len()).any(|m| {
                (self.any(m, "NEW") && m != k + 1
                    // ("Please update my number to ...", not "I changed jobs".)
                    || (self.written(m, "UPDATE UPDATED CHANGED")
                        && (m + 1..m + 4).any(|x| self.any(x, "NUMBER PHONE CELL EMAIL ADDRESS")))
                    || self.eq(m, "INSTEAD") && m > k)
                    || (self.any(m, "USE ADD") && self.any(m + 1, "MY THIS THE ADDRESS"))
            })
    }

    /// A line asked for after word `from`, another than the one refused
    /// ("No me llames al fijo, llámame al celular", "Arrêtez d'appeler le
    /// fixe, utilisez mon cellulaire", "Don't call my work phone, call my
    /// cell", "Dejen de llamar a mi celular, llamen a la casa", "..., mejor
    /// llamen al 555-214-8890", "..., escríbanme a luis@empresa.com"), or a
    /// new one given ("mi nuevo celular es ...", "ya tengo otro: ...", "den
    /// de alta el ..."): an update, when a line was named before.
    pub(super) fn switched_line(&self, from: usize) -> bool {
        (from..self.t.len()).any(|m| {
            // A clause of its own ("..., call my cell", "... and call my
            // cell", "..., please call my office line"; not "phone number",
            // "envoyer des SMS sur mon portable").
            let lead =
                |b: usize| self.any(b, "PLEASE NOW") || self.written(b, "MEJOR PLUTOT AHORA");
            let opens = m > 0
                && (!self.on(m)
                    || self.is(m - 1, CONJ)
                    || (lead(m - 1) && (m == 1 || !self.on(m - 1) || self.is(m - 2, CONJ))));
            let not = |b: usize| self.is(b, NEG) || self.any(b, "NO NE NUNCA NEVER JAMAIS");
            // The line asked for: a number or an address, written out or
            // not, one's personal one, or someone's ("llamen al de mi
            // esposo").
            // (Not "plutôt par courriel": the means, not a line.)
            let asked = |n: usize| {
                self.line_word(n)
                    || self.any(n, "ADDRESS")
                    || self.written(n, "PERSO PERSONAL PERSONNEL")
                    || (self.any(n, "AL EL") && self.eq(n + 1, "DE"))
            };
            let asks = opens
                && (self.is(m, CVERB)
                    || self.any(m, "USE")
                    || self.written(m, "USEN UTILISEZ MEJOR PLUTOT USO PONGAN"))
                && (m + 1..m + 5).any(asked);
            // ("el nuevo es ...", "ya tengo otro: 555-...", "den de alta el
            // 555-...": a new line given.)
            let given = (self.any(m, "NEW")
                || self.written(m, "NUEVO NUEVA OTRO NOUVEAU NOUVELLE ALTA"))
                && (self.line_word(m + 1)
                    || self.means_named(m + 1) != 0
                    || self.any(m + 1, "IS")
                    || self.written(m + 1, "ES EST")
                    || (m + 1..m + 4).any(|n| self.any(n, "ADDRESS") || self.eq(n, "NUMBER")));
            (asks || given)
                // A line named before it, the one refused.
                && (0..m).any(|n| self.line_or_address(n) || self.any(n, "WORK"))
                // (Not refused too: "don't use my number for anything", "No
                // me llamen, llámenme nunca al celular".)
                && !self.back(m, 2).any(not)
                && !(m + 1..m + 3).any(|n| self.on(n) && not(n))
        })
    }

    /// Word `n` names a line of the customer's: "cell" ("celular",
    /// "cellulaire", "cel" read as it), "number", "home", "la casa", "le
    /// bureau" (not "phone" nor "email", which name the means as well).
    pub(super) fn line_word(&self, n: usize) -> bool {
        self.any(n, "CELL NUMBER MOBILE HOME OFFICE")
            || self.unlisted(n, "HOUSE")
            || self.written(n, "MOVIL PORTABLE CASA MAISON BUREAU")
            || self.written(n, "OFICINA TRABAJO TRAVAIL FIJO FIXE")
    }

    /// Word `n` names a line ([`Reader::line_word`]) or an email address
    /// ("address", "correo", "courriel"; not "email", a verb as well).
    pub(super) fn line_or_address(&self, n: usize) -> bool {
        self.line_word(n) || self.any(n, "ADDRESS") || self.written(n, "CORREO COURRIEL")
    }

    /// The means of the customer's numbers and addresses named from word
    /// `k` ("this number", "my email", "my email and my phone"): texts and
    /// calls for a number, email for an address; 0 when none is named there
    /// (or one is replaced by a new one: an update).
    pub(super) fn lines_named(&self, mut k: usize) -> u8 {
        let mut ch = 0;
        loop {
            // ("this email", "my email", "my work email" as well as "this
            // email address".)
            let e = k + 1 + usize::from(self.any(k + 1, "WORK HOME"));
            let email = self.on(k)
                && (self.any(k, "THIS MY THAT MI ESTE MON CE CETTE") || self.written(k, "MA"))
                && self.means_named(e) == EMAIL;
            let Some(end) = self.the_number(k).or(email.then_some(e + 1)) else {
                return ch;
            };
            // ("mi número viejo", "mon ancien numéro" is `moved`.)
            if self.moved(k) || self.written(end, "VIEJO VIEJA ANTERIOR") {
                return 0;
            }
            ch |= (k..end).fold(0, |c, m| c | self.means_named(m));
            if !(self.on(end) && self.is(end, CONJ)) {
                return ch;
            }
            k = end + 1;
        }
    }

    /// Where the lines of the customer's named from word `k` end, after a
    /// preposition if any: "to my cell", "al celular", "a mi celular", "sur
    /// mon cell", "à la maison", "mi número y mi correo"; `None` when none
    /// is named there.
    pub(super) fn line_at(&self, k: usize) -> Option<usize> {
        let mut end = self.one_line_at(k)?;
        while self.on(end) && self.is(end, CONJ) {
            match self.one_line_at(end + 1) {
                Some(e) => end = e,
                None => break,
            }
        }
        Some(end)
    }

    /// [`Reader::line_at`], one line.
    fn one_line_at(&self, k: usize) -> Option<usize> {
        // ("N'appelez plus mon cell".)
        let k = k + usize::from(self.on(k) && self.any(k, "PLUS MAS MORE ANYMORE AGAIN"));
        let to = self.any(k, "AT ON TO AL A AU EN") || self.written(k, "SUR");
        let m = k + usize::from(self.on(k) && to);
        if let Some(end) = self.the_number(k).or_else(|| self.the_number(m)) {
            return Some(end);
        }
        let own =
            self.any(m, "THE MY MI LA EL MON MA CE SU VOTRE ESTE ESE") || self.written(m, "CETTE");
        let d = m + usize::from(self.on(m) && own);
        let line = self.any(d, "CELL PHONE NUMBER EMAIL HOME OFFICE")
            || self.written(d, "MAISON CASA CORREO COURRIEL TELEPHONE");
        (d > k && self.on(d) && line).then_some(d + 1)
    }

    /// The means of a request by a verb of means `ch` (0 for "write",
    /// "bother") about the line named at words `a..b`: a verb of one means
    /// keeps it ("call my cell": calls); any other takes the line's
    /// ("contact this number", "write to this number": texts and calls, as
    /// a number is reached; "write to my email": email).
    pub(super) fn line_means(&self, ch: u8, a: usize, b: usize) -> u8 {
        match (ch, (a..b).fold(0, |c, m| c | self.means_named(m))) {
            (0 | ALL_CH, 0) => SMS | CALL,
            (0 | ALL_CH, named) => named,
            (ch, _) => ch,
        }
    }

    /// The means a number or an address named at word `m` is reached by:
    /// "number", "cell", "line": texts and calls; "email", "inbox",
    /// "address": email.
    pub(super) fn means_named(&self, m: usize) -> u8 {
        if self.any(m, "NUMBER PHONE CELL MOBILE LANDLINE LINE") {
            SMS | CALL
        } else if self.any(m, "EMAIL INBOX CORREO COURRIEL ADDRESS") {
            EMAIL
        } else {
            0
        }
    }
}
