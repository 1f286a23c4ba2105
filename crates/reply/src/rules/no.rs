//! "no" and what follows it: "no more texts", "no calls please", "no longer
//! want", and the Spanish "no me envíen más mensajes", "no quiero que me
//! escriban".

use super::super::words::*;
use super::{hit, soft, Hit, Obj, Reader};

/// Spanish commands to the business (usted, ustedes, tú): "no envíen", "no me
/// llamen".
const ES_IMPERATIVE: &str = "ENVIEN ENVIE ENVIES MANDEN MANDE MANDES ESCRIBAN ESCRIBA ESCRIBAS \
    LLAMEN LLAME LLAMES CONTACTEN CONTACTE CONTACTES MOLESTEN MOLESTE MOLESTES TEXTEEN TEXTEE TEXTEES \
    MARQUEN MARQUE MARQUES";

/// Spanish infinitives of contact, alone or with the pronoun: "no enviar",
/// "no llamarme".
const ES_INFINITIVE: &str = "ENVIAR MANDAR ESCRIBIR LLAMAR CONTACTAR MOLESTAR TEXTEAR ENVIARME \
    MANDARME ESCRIBIRME LLAMARME CONTACTARME MOLESTARME TEXTEARME ENVIARNOS LLAMARNOS \
    CONTACTARNOS MARCAR MARCARME";

impl Reader<'_> {
    /// "no more texts", "no calls please", "no more!", "no me envíen más
    /// mensajes", "no quiero más llamadas", "no longer want".
    pub(super) fn no(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        if !self.on(j) {
            return None;
        }
        // ("No call needed, I'll be there", "No reminder call necessary":
        // this one unneeded, as "no need to call me back"; not "no more
        // calls needed".)
        if !self.any(j, "MORE LONGER")
            && (j..j + 4)
                .take_while(|&m| self.on(m))
                .any(|m| self.written(m, "NEEDED NECESSARY"))
        {
            return None;
        }
        // ("Lo marqué como no spam": what it was marked.)
        if i > 0 && self.written(i - 1, "COMO") && self.eq(j, "SPAM") {
            return None;
        }
        // ("Estoy en la lista de no llamar": the do-not-call list, as in
        // English.)
        if i > 1 && self.eq(i - 1, "DE") && self.any(i - 2, "LIST") {
            return hit(i, j + 1, CALL).filter(|_| self.own_dnc(i));
        }
        // ("¿Por qué ya no me llaman?": more contact wished.)
        if i > 0
            && self.eq(i - 1, "YA")
            && self
                .back_in_sentence(i)
                .any(|m| self.eq(m, "POR") && self.eq(m + 1, "QUE"))
        {
            return None;
        }
        if let Some(h) = self.no_son(i) {
            return Some(h);
        }
        // (Or "le" doubling the line named: "ya no le marquen a este
        // número", or the customer with someone else: "No le llamen a mi
        // esposo ni a mí"; not "no le llamen a mi esposa", someone else.)
        let me_too = (j..self.t.len())
            .any(|m| self.eq(m, "NI") && self.eq(m + 1, "A") && self.eq(m + 2, "MI"));
        // ("No le manden mensajes a mi esposo ni a mí": after the means.)
        let o = match self.object(j + 2) {
            Obj::Media { end, .. } => end,
            _ => j + 2,
        };
        let line = self.eq(j, "LE")
            && (self.line_at(j + 2).is_some() || me_too && self.kin(o) > 0)
            && !self.me_instead(j);
        if (self.is(j, ME) || self.theirs(j) || line) && self.is(j + 1, CVERB) {
            return self.contact(i, j + 1, true);
        }
        // ("Solicito que no se me contacte más".)
        if self.written(j, "SE") && self.is(j + 1, ME) && self.is(j + 2, CVERB) {
            return self.contact(i, j + 2, true);
        }
        // ("No se comuniquen conmigo": the customer after the verb; "No se
        // comuniquen más conmigo"; or no one after it: "No se comuniquen
        // más", "Ya no se comuniquen"; not "No se
        // comuniquen hasta el lunes".)
        let c = j + 2 + usize::from(self.any(j + 2, "MAS"));
        let us = self.written(c, "CONMIGO") || self.bare(c);
        if self.written(j, "SE") && self.ch(j + 1) == ALL_CH && us {
            return self.contact(i, j + 1, true);
        }
        // "no me anden marcando", "ya no me estén hablando", "no me siga
        // llamando".
        if self.is(j, ME)
            && (self.any(j + 1, "ANDEN ESTEN ESTES SIGAN") || self.written(j + 1, "SIGA SIGAS"))
            && self.is(j + 2, GER)
        {
            return self.gerund(i, j + 2);
        }
        if let Some(v) = self.vuelvan(j) {
            return self.contact(i, v, true);
        }
        // ("No me dejen mensajes de voz", "No dejes mensajes de voz": the
        // means left; a message named with no means is one message: "no
        // dejes mensajes, llámame".)
        let d = j + usize::from(self.is(j, ME));
        if self.any(d, "DEJEN DEJES DEJE") {
            if let Obj::Media { end, ch } = self.object(d + 1) {
                // ("No me dejen mensajes en el buzón": the means named.)
                let ch = self.narrowed(ch, end);
                return hit(i, end, ch).filter(|_| self.on(d + 1) && (d > j || ch != 0));
            }
        }
        // "no envíen más mensajes", "no me llamen"; the infinitive after "favor
        // de" or at the start: "favor de no enviar más mensajes".
        // ("Favor de ya no enviarme mensajes".)
        let favor = |k: usize| {
            self.any(k, "DE FAVOR")
                || self.written(k, "AGRADEZCO AGRADECERIA AGRADECEMOS")
                || (self.eq(k, "YA") && k > 0 && self.any(k - 1, "DE FAVOR"))
        };
        let infinitive = self.any(j, ES_INFINITIVE)
            && !i
                .checked_sub(1)
                .filter(|_| self.on(i))
                .is_some_and(|k| !favor(k));
        if self.sent_key(j) {
            return None;
        }
        if self.any(j, ES_IMPERATIVE) || infinitive {
            return self.contact(i, j, self.is(j, ME));
        }
        self.no_word(i, j)
    }

    /// The verb of "(me) vuelvan a llamar" from word `j`: "no me vuelvan a
    /// llamar", "nunca me vuelvan a llamar", "no vuelvan a escribirme" (again).
    pub(super) fn vuelvan(&self, j: usize) -> Option<usize> {
        // ("No se vuelvan a comunicar conmigo": the customer after the
        // verb, not "... con mi esposo".)
        let se = self.written(j, "SE");
        let again = j + usize::from(self.is(j, ME) || se);
        // ("No me vuelvan nunca a llamar", "no volver a llamarme".)
        let a = again + 1 + usize::from(self.any(again + 1, "NUNCA JAMAS"));
        ((self.any(again, "VUELVAN VUELVA VUELVAS") || self.written(again, "VOLVER"))
            && self.eq(a, "A")
            && self.is(a + 1, CVERB)
            && (!se || self.written(a + 2, "CONMIGO")))
        .then_some(a + 1)
    }

    /// What the word `j` after "no" at `i` says: "no longer", "no more",
    /// "no texts", "no tienen mi permiso", "no quiero".
    fn no_word(&self, i: usize, j: usize) -> Option<Hit> {
        // ("I no longer authorize you to call me", "Ya no los autorizo a
        // llamarme": as "No autorizo que me contacten".)
        let j =
            j + usize::from(self.any(j, "LONGER LOS LAS LES TE") && self.eq(j + 1, "AUTHORIZE"));
        match self.w(j) {
            "LONGER" if self.any(j + 1, "WANT WISH NEED") => self.want(i, j + 1),
            // ("I am no longer interested in receiving these messages", as
            // "not interested in receiving texts".)
            "LONGER" if self.eq(j + 1, "INTERESTED") => self.interested(i, j + 1),
            // "I respectfully ask that you no longer contact me".
            "LONGER" if self.on(j + 1) && self.is(j + 1, CVERB) => self.contact(i, j + 1, false),
            // ("I no longer consent to calls at this number", "... to
            // receiving these (messages)": what is received; not "to the
            // credit check".)
            "LONGER" if self.any(j + 1, "CONSENT") => {
                let to = j + 2 + usize::from(self.eq(j + 2, "TO"));
                let to = to + usize::from(to > j + 2 && self.any(to, "RECEIVING"));
                // ("... to being called", "... to be texted": the verb's
                // means.)
                let v = to + 1;
                match self.object(to) {
                    _ if self.bare(j + 2) => hit(i, j + 2, 0),
                    // (Or with the sender after it: "... from you", "... by
                    // your company".)
                    _ if to > j + 2 && self.written(to, "BEING BE") && self.is(v, CVERB) => {
                        hit(i, v + 1, self.ch(v)).filter(|_| self.bare(self.past_sender(v + 1)))
                    }
                    Obj::Media { end, ch } if to > j + 2 => {
                        let end = self.line_at(end).unwrap_or(end);
                        hit(i, end, ch).filter(|_| self.bare(self.past_sender(end)))
                    }
                    Obj::Pron(end) if to > j + 3 => hit(i, end, 0).filter(|_| self.bare(end)),
                    _ => None,
                }
            }
            // "No autorizo que me contacten"; "No tienen mi permiso para
            // llamarme", "No les di permiso de escribirme".
            "AUTHORIZE" | "CONSENT" => hit(i, j + 1, self.consent_for(j)?),
            // ("No doy mi consentimiento para recibir llamadas".)
            // ("No tienen mi autorización para llamarme".)
            "TIENEN" | "TIENE" | "DI" | "LES" | "DOY" => {
                let p = (j + 1..j + 4)
                    .take_while(|&m| self.on(m))
                    .find(|&m| self.any(m, "PERMISSION CONSENT AUTHORIZATION"))?;
                self.permission_for(i, p)
            }
            // "no quiero que me escriban", "no quiero que me llamen".
            "QUIERO" | "DESEO" | "QUEREMOS" | "QUIERE" if self.eq(j + 1, "QUE") => {
                self.no_quiero_que(i, j)
            }
            // "prefiero no recibir estos mensajes".
            "RECIBIR" if i > 0 && self.eq(i - 1, "PREFIERO") => match self.object(j + 1) {
                Obj::Media { end, ch } => hit(i - 1, end, ch),
                _ => None,
            },
            "QUIERO" | "DESEO" | "QUEREMOS" | "QUIERE" => self.no_quiero(i, j),
            // "no need to text me anymore", "no need to call again" (not "no
            // need to call me back").
            // ("No need to follow up further".)
            "NEED"
                if self.eq(j + 1, "TO")
                    && self.eq(j + 2, "FOLLOW")
                    && self.eq(j + 3, "UP")
                    && self.any(j + 4, "FURTHER ANYMORE AGAIN")
                    && (j + 5..self.t.len()).all(|m| self.is(m, FILLER)) =>
            {
                hit(i, j + 5, 0)
            }
            "NEED"
                if self.eq(j + 1, "TO")
                    && self.on(j + 2)
                    && self.is(j + 2, CVERB)
                    && (j + 3..j + 7)
                        .take_while(|&m| self.on(m))
                        .any(|m| self.any(m, "ANYMORE AGAIN")) =>
            {
                self.contact(i, j + 2, self.is(j + 3, ME))
            }
            // ("you have no right to call me": as "you are not allowed".)
            "RIGHT"
                if self.eq(j + 1, "TO")
                    && self.is(j + 2, CVERB)
                    && self.back(i, 2).any(|m| self.eq(m, "YOU")) =>
            {
                self.contact(i, j + 2, self.is(j + 3, ME))
            }
            "MORE" | "MAS" | "FURTHER" => self.no_more(i, j),
            // "no texting this number", "no calling my cell".
            _ if self.is(j, GER)
                && self.any(j + 1, "THIS MY THAT")
                && self.any(j + 2, "NUMBER PHONE CELL LINE")
                && self.bare(j + 3) =>
            {
                hit(i, j + 3, self.ch(j))
            }
            _ if self.is(j, MEDIA | ADJ) && !self.is(j, THING) => self.no_media(i, j),
            _ => None,
        }
    }

    /// "no quiero que me escriban", "no quiero que me llamen".
    fn no_quiero_que(&self, i: usize, j: usize) -> Option<Hit> {
        // ("No quiero que me vuelvan a llamar": again.)
        // ("No quiero que se comuniquen conmigo": the customer after the verb.)
        let se = self.written(j + 2, "SE") && self.written(j + 4, "CONMIGO");
        let k = self
            .vuelvan(j + 2)
            .unwrap_or(j + 2 + usize::from(self.is(j + 2, ME) || se));
        // ("No quiero que me den de baja": a removal not wished.)
        if self.written(k, "DEN") || self.is(k, REMV) {
            return None;
        }
        if self.on(k) && self.is(k, CVERB) {
            self.contact(i, k, true)
        } else {
            None
        }
    }

    /// "no deseo ser contactado", "no quiero saber nada de ustedes", "no
    /// quiero más llamadas".
    fn no_quiero(&self, i: usize, j: usize) -> Option<Hit> {
        let k = if self.eq(j + 1, "RECIBIR") {
            j + 2
        } else {
            j + 1
        };
        // "No deseo ser contactado"; "No quiero saber nada de ustedes".
        if self.eq(k, "SER") && self.is(k + 1, CVERB | MEDIA) {
            return hit(i, k + 2, self.ch(k + 1));
        }
        // ("No quiero volver a saber de ustedes".)
        let k = if self.written(k, "VOLVER") && self.eq(k + 1, "A") {
            k + 2
        } else {
            k
        };
        if self.eq(k, "SABER")
            && (k + 1..k + 5)
                .take_while(|&m| self.on(m))
                .any(|m| self.any(m, "USTEDES USTED"))
        {
            return hit(i, k + 1, ALL_CH);
        }
        // ("Ya no quiero estar en su lista (de correos)".)
        if self.written(k, "ESTAR") && self.eq(k + 1, "EN") {
            return self.our_list(i, k + 2..k + 4);
        }
        // ("no quiero ni llamadas ni mensajes".)
        let k = if self.eq(k, "NI") { k + 1 } else { k };
        // ("No quiero recibir nada por correo".)
        // ("No quiero recibir nada (más) (de ustedes)": nothing received, as
        // anything.)
        if self.eq(k, "NADA") && k > j + 1 {
            let e = k + 1 + usize::from(self.on(k + 1) && self.eq(k + 1, "MAS"));
            let e = if self.on(e) && self.eq(e, "DE") && self.written(e + 1, "USTEDES USTED") {
                e + 2
            } else {
                e
            };
            if self.bare(e) {
                return hit(i, e, 0);
            }
            return self.via_list(k + 1).and_then(|(ch, end)| hit(i, end, ch));
        }
        // ("No deseo recibir más información".)
        if k > j + 1 {
            if let Some(end) = self.info_end(k) {
                return hit(i, end, 0);
            }
        }
        // ("No quiero recibir sus ofertas por correo": the means named.)
        match self.object(k) {
            Obj::Media { end, ch } => hit(i, end, self.narrowed(ch, end)),
            _ => None,
        }
    }

    /// The means refused, by the customer: "I refuse all calls", "I object
    /// to any solicitation", "Je refuse toute prospection", "Je m'oppose à
    /// la prospection commerciale", "Me opongo a las llamadas".
    pub(super) fn refuse(&self, i: usize) -> Option<Hit> {
        // (Not "they refuse calls", "I don't object to texts".)
        if !self.own_verb(i) || self.negated(i) {
            return None;
        }
        let mut k = i + 1 + usize::from(self.on(i + 1) && self.any(i + 1, "TO A DE D"));
        // Being contacted: "I refuse to be contacted", "I object to being
        // texted", "Me opongo a que me llamen", "Je m'oppose à ce que vous
        // m'appeliez".
        let mut v = k + 1;
        if self.written(k, "CE") && self.eq(k + 1, "QUE") && self.on(k) {
            k += 1;
            v = k + 1 + usize::from(self.written(k + 1, "VOUS"));
            // (The customer: not "que vous contactiez mon employeur".)
            if !self.is(v, ME) {
                return None;
            }
        }
        v += usize::from(self.is(v, ME) && !self.is(v, CVERB));
        let passive = self.any(k, "BE BEING") || self.written(k, "ETRE") || self.eq(k, "QUE");
        if self.on(v) && passive {
            // ("Je refuse d'être appelé"; not named: "d'être appelé par mon
            // prénom", "appelé Monsieur".)
            let called = self.written(v, "APPELE APPELEE RAPPELE RAPPELEE") && self.bare(v + 1);
            // ("Je m'oppose à ce que vous m'envoyiez des textos": the means
            // sent.)
            let (end, ch) = match (self.object(v), self.object(v + 1)) {
                (Obj::Media { end, ch }, _) => (end, ch),
                _ if called => (v + 1, CALL),
                (_, Obj::Media { end, ch }) if self.on(v + 1) && self.is(v, CVERB) => {
                    (end, ch | self.ch(v))
                }
                _ => (v + 1, self.narrowed(self.ch(v), v + 1)),
            };
            if (called || self.is(v, CVERB | MEDIA)) && ch != 0 {
                return hit(i, end, ch).filter(|_| !self.limited(end));
            }
        }
        // The means, refused or not to be received: "I refuse all calls",
        // "I refuse to receive any more texts", "Je refuse de recevoir vos
        // textos" (not one message, "I object to your last text about the
        // deposit"; nor a feature, "I decline the call recording").
        let receive = self.any(k, "RECEIVE RECEIVING GET GETTING ACCEPT RECIBIR RECEVOIR");
        let o = k + usize::from(self.on(k) && receive);
        match self.object(o) {
            Obj::Media { end, ch }
                if (self.bare(end)
                    || (self.eq(end, "FROM")
                        && self.any(end + 1, "YOU YOUR UR")
                        && (self.bare(end + 2) || self.bare(end + 3)))
                    // ("la prospection commerciale".)
                    || (self.written(end, "COMMERCIALE COMMERCIAL TELEPHONIQUE TELEFONICA")
                        && self.bare(end + 1)))
                    && !(o..end).any(|m| self.written(m, "LAST")) =>
            {
                hit(i, end, self.narrowed(ch, end))
            }
            _ => None,
        }
    }

    /// Permission or consent refused, named at word `p` (from the "no" at
    /// `i`): alone ("No tienen mi permiso") or for the means ("para
    /// llamarme", "de escribirme", "para recibir llamadas", "para que me
    /// llamen"); not for something else ("para que graben la llamada",
    /// "para el cargo", "que contacten a mi empleador") nor with a limit
    /// ("para recibir llamadas los domingos", "que me llamen al trabajo").
    fn permission_for(&self, i: usize, p: usize) -> Option<Hit> {
        if self.bare(p + 1) {
            return hit(i, p + 1, 0);
        }
        if !(self.on(p + 1) && self.any(p + 1, "PARA DE")) {
            return None;
        }
        let mut v = p + 2;
        if self.eq(v, "QUE") && self.is(v + 1, ME) {
            v += 2;
        }
        let verb = self.is(v, CVERB) && (self.is(v, ME) || v > p + 2);
        if !(verb || self.any(v, "RECIBIR")) {
            return None;
        }
        let (end, ch) = match self.object(v + 1) {
            Obj::Media { end, ch } if self.on(v + 1) => (end, ch | self.ch(v)),
            _ if verb => (v + 1, self.ch(v)),
            _ => return None,
        };
        hit(i, end, self.narrowed(ch, end)).filter(|_| !self.limited(end))
    }

    /// "no more texts", "no more of these", "no more!"; a verb of contact
    /// read as after "stop" ("no more contacting me", "no more sending me
    /// emails", "no more ringing my phone", "no more harassing me").
    fn no_more(&self, i: usize, j: usize) -> Option<Hit> {
        if self.on(j + 1) && self.is(j + 1, GER) {
            return self.gerund(i, j + 1);
        }
        // ("no more texts now", "no more calls right now": urged, no limit,
        // as "no more texts, now!"; not with a reason after it: "no more
        // calls now, I'm driving".)
        let now = |e: usize| {
            let n = e + usize::from(self.eq(e, "RIGHT"));
            self.eq(n, "NOW") && self.ends_message(n + 1)
        };
        match self.object(j + 1) {
            Obj::Media { end, ch } if !self.limited(end) || now(end) => {
                soft(i, end, self.narrowed(ch, end))
            }
            Obj::Pron(end) if self.eq(j + 1, "OF") || self.is(j + 1, PRON) => soft(i, end, 0),
            // A bare "no more" asks for no more of the medium, unless it
            // ends a request ("don't email me no more"): that one says which.
            // ("Pls no more".)
            Obj::Empty
                if self.bare(j + 1)
                    && (i == 0 || !self.on(i) || self.back(i, 3).all(|m| self.is(m, FILLER))) =>
            {
                soft(i, j + 1, 0)
            }
            _ => None,
        }
    }

    /// "no texts please", "no calls after 5" (a limit), "no texts were
    /// received" (told).
    fn no_media(&self, i: usize, j: usize) -> Option<Hit> {
        match self.object(j) {
            // ("no texts were received about my appointment", "no texts
            // from the delivery guy yet": what came.)
            Obj::Media { end, .. }
                if self.any(end, "WERE WAS HAVE HAS HAD CAME ARRIVED")
                    || (end..end + 8)
                        .take_while(|&m| self.on(m))
                        .any(|m| self.eq(m, "YET")) =>
            {
                None
            }
            Obj::Media { end, ch } if !self.limited(end) => soft(i, end, self.narrowed(ch, end)),
            _ => None,
        }
    }
}
