//! Consent and the law named to the sender: "consent withdrawn", "I revoke my
//! consent", "you no longer have my permission", "this violates the TCPA",
//! "any future texts will result in legal action".

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// "Consent is withdrawn", "consent withdrawn".
    pub(super) fn consent_withdrawn(&self, i: usize) -> Option<Hit> {
        // ("Je ne consens plus à recevoir ces messages", "Je ne donne plus
        // mon consentement", "Je ne vous autorise plus à m'appeler": no
        // longer, as "I no longer consent"; "Vous n'avez pas ma permission
        // de m'appeler", as "you don't have my permission"; "Je ne vous
        // autorise pas à m'appeler", "Vous n'avez pas mon autorisation de
        // m'appeler", as "I don't authorize you".)
        let denied = i > 2 && self.eq(i - 2, "PAS") && self.written(i - 3, "AVEZ AS")
            || self.eq(i + 1, "PAS");
        if ((i.saturating_sub(2)..=i + 1).any(|m| self.eq(m, "PLUS")) || denied)
            && self.back(i, 4).any(|m| self.any(m, "NE N"))
            && !self.question(i)
        {
            // ("Je ne consens plus à être appelé": calls.)
            let called = (i + 1..i + 5)
                .take_while(|&m| self.on(m))
                .any(|m| self.unlisted(m, "APPELE APPELEE"));
            return hit(
                i,
                i + 1,
                self.consent_for(i)? | if called { CALL } else { 0 },
            );
        }
        let mut j = i + 1;
        while self.on(j) && self.any(j, "IS HAS BEEN") {
            j += 1;
        }
        if self.on(j) && self.eq(j, "WITHDRAWN") && self.bare(j + 1) {
            hit(i, j + 1, self.media_before(i))
        } else {
            None
        }
    }

    /// "I withdraw my consent", "I hereby revoke any prior express
    /// consent", "I rescind my consent", "my formal revocation of
    /// consent", "you no longer have my permission", "I no longer give
    /// (my) consent", "I take back my consent".
    pub(super) fn withdraw_consent(&self, i: usize) -> Option<Hit> {
        if self.eq(i, "LONGER")
            && !(i > 0 && self.eq(i - 1, "NO") && self.any(i + 1, "HAVE HAS GIVE"))
            || self.eq(i, "TAKE") && !self.eq(i + 1, "BACK")
        {
            return None;
        }
        let j = (i + 1..i + 7)
            .take_while(|&m| self.on(m))
            .find(|&m| self.any(m, "CONSENT PERMISSION AUTHORIZATION"))?;
        if self.negated(i) {
            None
        } else {
            hit(i, j + 1, self.consent_for(j)?)
        }
    }

    /// The channels the consent at word `p` was for: the means named after
    /// it ("Retiro mi consentimiento para las llamadas", "Je retire mon
    /// consentement pour les courriels": those), none named the medium's
    /// ("I withdraw my consent", "... to be contacted"); `None` when it was
    /// for something else ("I withdraw my consent for the credit check",
    /// "Retiro mi consentimiento para el cargo", "Ya no consiento el cargo";
    /// a word the lists do not know is no thing: "I revoke my consent to
    /// your company").
    pub(super) fn consent_for(&self, p: usize) -> Option<u8> {
        let ch = self.media_after(p);
        // ("Je ne consens plus au ...".)
        // (Past whom it is given to: "I do not authorize you to ...".)
        let p = p + usize::from(self.any(p + 1, "PLUS PAS YOU VOUS LOS LES") && self.on(p + 1));
        let to = p
            + 1
            + usize::from(
                self.any(p + 1, "FOR TO ON PARA POUR AU A QUE DE") || self.written(p + 1, "AUX"),
            );
        let contact = (p + 1..p + 8)
            .take_while(|&m| self.on(m))
            .any(|m| self.is(m, ME | CVERB | GER) || self.any(m, "RECEIVING RECIBIR RECEVOIR"));
        // A limit on the contact refused is no request, as "I no longer
        // consent to being called after 8pm": "I no longer authorize you to
        // call me after 8pm", "You don't have my permission to call me
        // before 9", "No autorizo que me llamen después de las 8".
        let limited = (p + 1..p + 8)
            .take_while(|&m| self.on(m))
            .find(|&m| self.is(m, CVERB | GER))
            .is_some_and(|v| self.timed(v + 1 + usize::from(self.is(v + 1, ME) && self.on(v + 1))));
        if limited {
            return None;
        }
        // Something done that is no contact: a verb or a gerund the lists
        // do not know ("I do not authorize you to run my credit", "No
        // autorizo que revisen mi crédito", "I don't consent to recording
        // this call", "... to being recorded"); a thing named with its
        // article ("I never agreed to those terms", "I revoke authorization
        // for the ACH debit"; not "... to your company").
        let h = to + usize::from(self.written(to, "BEING"));
        let done = self.w(h).is_empty()
            && (self.any(p, "YOU VOUS LOS LES")
                || h > to
                || self.any(to - 1, "QUE DE A")
                || self.other_gerund(h));
        let other = match self.object(to) {
            Obj::Thing => true,
            Obj::Unknown => ch == 0 && self.is(to, DET) && !self.any(to, "YOUR UR"),
            _ => false,
        };
        (ch != 0 || contact || !self.on(p + 1) || !other)
            .then_some(ch)
            .filter(|_| !(done && self.on(to)))
    }

    /// A law named to the sender: "this violates the TCPA", "you are
    /// violating the Telephone Consumer Protection Act"; the means named
    /// before or after it ("You are violating the TCPA by calling me").
    pub(super) fn law(&self, i: usize) -> Option<Hit> {
        // As a charge in its sentence ("this violates the TCPA", "TCPA
        // violation", "Per the TCPA, ...", "Je vais porter plainte au
        // CRTC"), after our means ("Each text is $500 under the TCPA"), or
        // a clause of its own ("TCPA", "You texted me without consent,
        // TCPA"); not asked about or told of ("What's the TCPA?",
        // "I'm a TCPA lawyer", "I read about the TCPA in the news",
        // "Votre entreprise respecte la CNIL?").
        let (a, b) = self.sentence(i);
        let charge = (a..b).any(|m| {
            self.any(m, "COMPLAINT AGAINST")
                || self.written(m, "PLAINTE PER BREAKING ILLEGAL LAWSUIT SUE SUING")
                || self.written(m, "VIOLATE VIOLATES VIOLATING VIOLATION VIOLATIONS")
        });
        let before = self.media_before(i);
        // ("Cada mensaje son $500 bajo la TCPA", "Chaque message, c'est
        // 500 $ selon la TCPA": a price on a message named with no channel.)
        let priced = (a..i).any(|m| self.number(m))
            && (a..i).any(|m| self.is(m, MEDIA) && !self.is(m, THING));
        hit(i, i + 1, before | self.media_after(i)).filter(|_| {
            !self.question(i) && (charge || priced || before != 0 || self.clause_of_its_own(i))
        })
    }

    /// Word `i` is a clause of its own, filler aside: "TCPA", "DNC please",
    /// "..., TCPA".
    pub(super) fn clause_of_its_own(&self, i: usize) -> bool {
        (i == 0 || !self.on(i)) && self.bare(i + 1)
    }

    /// "the Telephone Consumer Protection Act", read from its second word.
    pub(super) fn consumer_protection_act(&self, i: usize) -> Option<Hit> {
        if i > 0
            && self.eq(i - 1, "TELEPHONE")
            && self.eq(i + 1, "PROTECTION")
            && self.eq(i + 2, "ACT")
        {
            return hit(i - 1, i + 3, self.media_before(i));
        }
        None
    }

    /// "any future texts will result in legal action", "Any further
    /// messages will ..." (the medium's).
    pub(super) fn legal_action(&self, i: usize) -> Option<Hit> {
        // ("Cualquier otro mensaje resultará en acciones legales": the
        // words before; "Tout autre message entraînera des poursuites",
        // "Cualquier mensaje más resultará en una demanda": with another
        // message named, not "Recibí un mensaje sobre la demanda".)
        let es = self.written(i.wrapping_sub(1), "ACCIONES ACCION");
        let en = self.eq(i + 1, "ACTION");
        let suit = self.written(i, "POURSUITES DEMANDA")
            && (0..i).any(|m| self.any(m, "AUTRE OTRA MAS") || self.written(m, "NOUVEAU NUEVO"));
        if (en || es || suit) && (0..i).any(|m| self.is(m, MEDIA) && !self.is(m, THING)) {
            return hit(
                i - usize::from(es),
                i + 1 + usize::from(en),
                self.media_before(i),
            );
        }
        None
    }

    /// The do-not-call list named at word `i` is the customer's own: not
    /// asked about ("Do you guys honor the do not call list?"), denied ("I'm
    /// not on the do not call list", "No estoy en la lista de no llamar") nor
    /// someone else's ("My sister is on the do not call list", "Mi mamá está
    /// en la lista de no llamar"; but "My wife and I are ...").
    pub(super) fn own_dnc(&self, i: usize) -> bool {
        let denied = self.back_in_sentence(i).any(|m| {
            self.any(m, "NOT ISN'T AREN'T NO")
                && (self.any(m + 1, "ON EN") || self.written(m + 1, "ESTOY ESTAMOS"))
        });
        let other = self.back_in_sentence(i).any(|m| self.kin(m) > 0)
            && !self
                .back_in_sentence(i)
                .any(|m| self.is(m, I1) || self.written(m, "YO"));
        !(self.question(i) || denied || other)
    }

    /// The customer says they are on the do-not-call register named at word
    /// `i`: "Je suis inscrit sur Bloctel", "Estoy en la lista Robinson"
    /// (not asked about, denied or left).
    pub(super) fn on_register(&self, i: usize) -> bool {
        let said = self.back_in_sentence(i).any(|m| {
            self.written(m, "SUIS SOMMES ESTOY ESTAMOS")
                || self.written(m, "INSCRIT INSCRITE INSCRITO INSCRITA")
                // (Canada's named in English: "I'm on the National DNCL".)
                || self.any(m, "I'M WE'RE AM ARE")
                || self.written(m, "REGISTERED")
        });
        let not = self.back_in_sentence(i).any(|m| {
            self.any(m, "NE N PAS NO NOT ISN'T AREN'T") || self.written(m, "ETAIS BORRE DESINSCRIT")
        });
        said && !not && !self.question(i)
    }
}
