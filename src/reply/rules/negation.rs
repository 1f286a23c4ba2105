//! Negated contact: "don't text me", "I don't want your texts", the French
//! "ne ... plus", and "no more texts".

use super::super::text::WEAK;
use super::super::words::*;
use super::{hit, soft, Hit, Obj, Reader};

/// Spanish commands to the business (usted, ustedes, tú): "no envíen", "no me
/// llamen".
const ES_IMPERATIVE: &str = "ENVIEN ENVIE ENVIES MANDEN MANDE MANDES ESCRIBAN ESCRIBA ESCRIBAS \
    LLAMEN LLAME LLAMES CONTACTEN CONTACTE CONTACTES MOLESTEN MOLESTE MOLESTES TEXTEEN TEXTEE TEXTEES";

/// Spanish infinitives of contact, alone or with the pronoun: "no enviar",
/// "no llamarme".
const ES_INFINITIVE: &str = "ENVIAR MANDAR ESCRIBIR LLAMAR CONTACTAR MOLESTAR TEXTEAR ENVIARME \
    MANDARME ESCRIBIRME LLAMARME CONTACTARME MOLESTARME TEXTEARME ENVIARNOS LLAMARNOS \
    CONTACTARNOS";

impl Reader<'_> {
    /// After a negator: "don't text me", "do not contact me", "I don't want
    /// your texts", "I never signed up", "ne m'envoyez plus".
    pub(super) fn negation(&self, i: usize) -> Option<Hit> {
        if self.back(i, 3).any(|m| self.any(m, "IF UNLESS WHY")) {
            return None;
        }
        let n = self.w(i);
        if matches!(n, "NE" | "N") {
            return self.ne(i);
        }
        // "can you not text me": a request too.
        let imperative = matches!(n, "DON'T" | "NEVER" | "NUNCA")
            || (n == "NOT"
                && i > 0
                && (self.any(i - 1, "DO PLEASE DOES")
                    || (i > 1 && self.eq(i - 1, "YOU") && self.any(i - 2, "CAN COULD WOULD"))));
        let mut j = i + 1;
        // (Cursing between: "don't fucking text me".)
        while self.on(j)
            && self.any(
                j,
                "EVER EVEN PLEASE YOU JUST REALLY FUCKING FREAKING FRICKING FUCKIN FREAKIN EFFING FRIGGING FRIGGIN",
            )
        {
            j += 1;
        }
        if !self.on(j) {
            return None;
        }
        // "Nunca me suscribí a esto", "je me suis jamais inscrit".
        if self.any(j, "SUSCRIBI INSCRIT INSCRITE")
            || (self.is(j, ME) && self.any(j + 1, "SUSCRIBI"))
        {
            return hit(i, j + 1, 0);
        }
        // Told, not asked: "You never called me back yesterday".
        if self.any(j, "CALLED TEXTED EMAILED") && matches!(n, "NEVER" | "DIDN'T") {
            return None;
        }
        if imperative {
            if let Some(read) = self.negated_command(i, j) {
                return read;
            }
        }
        self.negated_verb(i, j, imperative)
    }

    /// A negated command at word `j` (after the negator at `i`): "don't call
    /// me", "do not send me these", "please don't follow up" (`None` when it
    /// is none of these, and the verb is read as any negated verb).
    fn negated_command(&self, i: usize, j: usize) -> Option<Option<Hit>> {
        let v = self.w(j);
        if v == "CALL" && self.any(j + 1, "LIST REGISTRY REGISTER") {
            return Some(hit(i, j + 2, CALL));
        }
        if self.is(j, ME) && self.is(j + 1, CVERB) {
            return Some(self.contact(i, j + 1, true));
        }
        if self.is(j, CVERB) && v != "SEND" {
            return Some(self.contact(i, j, false));
        }
        // "dont hit me up (no more)".
        if v == "HIT"
            && self.is(j + 1, ME)
            && self.eq(j + 2, "UP")
            && (self.bare(j + 3) || self.any(j + 3, "AGAIN ANYMORE NO"))
        {
            return Some(hit(i, j + 3, 0));
        }
        // "please don't follow up (again)".
        if v == "FOLLOW" && self.eq(j + 1, "UP") && self.bare(j + 2) {
            return Some(hit(i, j + 2, 0));
        }
        // "Please do not leave voicemails at this number".
        if v == "LEAVE" {
            if let Obj::Media { end, ch } = self.object(j + 1) {
                return Some(hit(i, end, self.narrowed(ch, end)));
            }
        }
        if v == "SEND" {
            let mut k = j + 1;
            if self.is(k, ME) && self.on(k) {
                k += 1;
            }
            // "don't send out the invoice": the object comes after "out".
            if self.eq(k, "OUT") && self.on(k) {
                k += 1;
            }
            return Some(match self.object(k) {
                Obj::Media { end, ch } if !self.limited(end) => hit(i, end, ch),
                Obj::Empty if !self.limited(k) => hit(i, k, 0),
                Obj::Pron(end) if self.bare(end) => hit(i, end, 0),
                _ => None,
            });
        }
        None
    }

    /// What a negated verb at word `j` refuses (after the negator at `i`):
    /// "I don't want your texts", "I never signed up", "you don't have my
    /// permission", "not interested in receiving".
    fn negated_verb(&self, i: usize, j: usize, imperative: bool) -> Option<Hit> {
        let n = self.w(i);
        match self.w(j) {
            "WANT" | "WISH" | "NEED" | "LIKE" | "CARE" => self.want(i, j),
            "CONSENT" | "CONSENTED" | "AUTHORIZE" | "AUTHORIZED" => {
                hit(i, j + 1, self.media_before(j) | self.media_after(j))
            }
            "AGREE" | "AGREED" if self.eq(j + 1, "TO") => {
                hit(i, j + 1, self.media_before(j) | self.media_after(j))
            }
            "SIGN" | "SIGNED" | "OPT"
                if self.any(j + 1, "UP IN") && matches!(n, "NEVER" | "DIDN'T" | "NOT") =>
            {
                hit(i, j + 2, self.media_before(j) | self.media_after(j))
            }
            // "You don't have my permission to text me", "I don't give you
            // permission": a permission denied now, for contact or for all.
            "HAVE" | "HAS" | "GIVE" if matches!(n, "DON'T" | "DOESN'T" | "NOT") => {
                let p = (j + 1..j + 4)
                    .find(|&m| self.on(m) && self.any(m, "PERMISSION CONSENT AUTHORIZATION"))?;
                let ch = self.media_after(p);
                if ch != 0 || self.bare(p + 1) {
                    hit(i, p + 1, ch)
                } else {
                    None
                }
            }
            "GAVE" | "GIVE" | "GIVEN" | "PROVIDE" | "PROVIDED"
                if matches!(n, "NEVER" | "DIDN'T" | "NOT") =>
            {
                if (j + 1..j + 5).any(|m| self.on(m) && self.any(m, "PERMISSION CONSENT NUMBER")) {
                    hit(i, j + 1, self.media_before(j) | self.media_after(j))
                } else {
                    None
                }
            }
            // "please do not add me to any mailing lists".
            "ADD"
                if imperative
                    && self.is(j + 1, ME)
                    && (j + 2..j + 5).any(|m| self.on(m) && self.any(m, "ANY YOUR MAILING"))
                    && (j + 3..j + 7).any(|m| self.on(m) && self.any(m, "LIST LISTS")) =>
            {
                hit(i, j + 2, 0)
            }
            "INTERESTED" if n == "NOT" && self.eq(j + 1, "IN") => {
                if self.any(j + 2, "RECEIVING GETTING") {
                    self.receive(i, j + 3)
                } else if self.eq(j + 2, "BEING") && self.is(j + 3, CVERB) {
                    hit(i, j + 4, self.ch(j + 3))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Word `k` limits a request in time: "after 5pm", "today", "right now",
    /// "this late", "too early" — but not "at this number", "at all", "in any
    /// way", "too" (also).
    pub(super) fn limited(&self, k: usize) -> bool {
        if !self.on(k) {
            return false;
        }
        // "too early", "too late at night" (but "don't call me too": also);
        // "tan temprano".
        if self.any(k, "TOO TAN") {
            return self.on(k + 1) && self.is(k + 1, WHEN);
        }
        // "no me llamen al trabajo" (but "al celular" names the means).
        if self.eq(k, "AL") {
            return self.any(k + 1, "TRABAJO OFICINA") && !self.any(k + 2, "NI O Y");
        }
        if self.any(k, "AT ON IN") && self.any(k + 1, "THIS ALL ANY MY") {
            return self.eq(k + 1, "THIS")
                && !self.any(k + 2, "NUMBER PHONE CELL LINE EMAIL ADDRESS");
        }
        self.is(k, WHEN)
    }

    /// Where the customer's number or address named from word `k` ends:
    /// "this number", "my cell", "the office line", "no me llamen a este
    /// número", "a este correo".
    fn the_number(&self, k: usize) -> Option<usize> {
        if !self.on(k) {
            return None;
        }
        if self.any(k, "THIS MY THAT") && self.any(k + 1, "NUMBER PHONE CELL LINE MOBILE LANDLINE")
        {
            return Some(k + 2);
        }
        let three = (self.any(k, "THIS MY THAT THE")
            && self.any(k + 1, "OFFICE WORK HOME")
            && self.any(k + 2, "NUMBER PHONE LINE"))
            || (self.any(k, "A AL EN")
                && self.any(k + 1, "ESTE MI ESE")
                && self.any(k + 2, "NUMBER PHONE EMAIL CORREO"));
        three.then_some(k + 3)
    }

    /// A negated verb of contact at `j`: "don't call, text or email me again".
    pub(super) fn contact(&self, i: usize, j: usize, me: bool) -> Option<Hit> {
        let (k, ch) = self.verbs_of_contact(j);
        let (k, object) = self.contacted(i, j, k, me);
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
        // More verbs: "don't call, text or email me".
        loop {
            let m = if self.is(k, CONJ) { k + 1 } else { k };
            if (self.on(k) || self.brk(k) == WEAK) && m > k && self.is(m, CVERB) {
                ch |= self.ch(m);
                k = m + 1;
            } else if self.brk(k) == WEAK
                && self.is(k, CVERB)
                && (self.on(k + 1) || self.serial_comma(k + 1))
                && !self.asked_for(k)
                // (Not a means kept: "don't call, text is fine".)
                && !self.any(k + 1, "IS ARE WORKS")
            {
                ch |= self.ch(k);
                k += 1;
            } else {
                break;
            }
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
        if self.is(k, ME) && self.on(k) {
            k += 1;
            object = true;
        } else if let Some(end) = self.the_number(k) {
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
        if !self.on(k) {
            return hit(i, k, ch);
        }
        if self.limited(k) {
            return None;
        }
        if self.any(k, "AT ON") && self.any(k + 2, "NUMBER PHONE CELL") && ch == ALL_CH {
            ch = SMS | CALL;
        }
        if self.via(k).is_some() {
            // "don't contact me by email before Monday" still asks when.
            let when = (k + 1..k + 5).any(|m| self.on(m) && self.limited(m));
            return if when {
                None
            } else {
                hit(i, k, self.narrowed(ch, k))
            };
        }
        // "no me envíen más correos", "don't send me more emails": the means
        // after "more" says which.
        if self.any(k, "MAS PLUS MORE") {
            if let Obj::Media { end, ch: c } = self.object(k + 1) {
                return hit(i, end, ch | c);
            }
        }
        // Again or here: "no me llamen de nuevo", "otra vez", "aquí".
        if self.any(
            k,
            "AGAIN ANYMORE EVER PLEASE BACK AT ON IN MAS PLUS EITHER ALSO AQUI NADA",
        ) || (self.any(k, "DE OTRA") && self.any(k + 1, "NUEVO VEZ"))
            || self.bare(k)
        {
            return hit(i, k, ch);
        }
        // "don't email me the invoice": about one thing, not a revocation.
        match self.object(k) {
            Obj::Media { end, ch: c } if !self.limited(end) => hit(i, k, ch | c),
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

    /// "I don't want your texts", "... to receive these messages", "... to be
    /// contacted", "... you to text me".
    pub(super) fn want(&self, i: usize, j: usize) -> Option<Hit> {
        let mut k = j + 1;
        if self.any(k, "YOU Y'ALL") && self.eq(k + 1, "TO") && self.is(k + 2, CVERB) {
            return self.contact(i, k + 2, false);
        }
        if self.eq(k, "TO") {
            k += 1;
            match self.w(k) {
                "BE" if self.eq(k + 1, "ON") => return self.means_hit(i, k + 2),
                "BE" if self.is(k + 1, CVERB) || self.eq(k + 1, "CONTACTED") => {
                    return hit(i, k + 2, self.ch(k + 1))
                }
                // ("... from any of you": the whole company.)
                "HEAR" if self.eq(k + 1, "FROM") => {
                    let any = self.eq(k + 2, "ANY") && self.eq(k + 3, "OF");
                    return hit(i, k + 3, if any { ALL_CH } else { 0 });
                }
                "RECEIVE" | "GET" | "HAVE" | "SEE" => return self.receive(i, k + 1),
                _ => return None,
            }
        }
        // "I don't want these", "I don't want any more of these".
        let mut t = k;
        if self.eq(t, "ANY") {
            t += 1;
        }
        if self.eq(t, "MORE") && self.eq(t + 1, "OF") {
            t += 2;
        }
        if self.any(j, "WANT NEED") && self.eq(t, "THESE") && self.on(t) && self.bare(t + 1) {
            return hit(i, t + 1, 0);
        }
        self.receive(i, k)
    }

    /// What is not wanted, from word `k`: a means of contact, and not limited
    /// in time.
    pub(super) fn receive(&self, i: usize, k: usize) -> Option<Hit> {
        // "I'd prefer not to receive these", "I don't want to receive them":
        // what was received, as a whole clause (not "get it done").
        let p = if self.any(k, "RECEIVE RECEIVING GET") {
            k + 1
        } else {
            k
        };
        // ("I don't want to get these", "... to receive these by email".)
        let verb = p.checked_sub(1).map_or("", |v| self.w(v));
        let these = self.eq(p, "THESE") || (self.any(p, "THEM THOSE") && verb == "RECEIVE");
        if matches!(verb, "RECEIVE" | "RECEIVING" | "GET") && these {
            let (end, ch) = match self.via(p + 1) {
                Some(ch) => (self.means(p + 2).0, ch),
                None => (p + 1, 0),
            };
            if self.bare(end) {
                return hit(i, end, ch);
            }
        }
        let k = if self.any(k, "RECEIVE GET RECEIVING GETTING") {
            k + 1
        } else if self.eq(k, "BE") && (self.is(k + 1, CVERB) || self.eq(k + 1, "CONTACTED")) {
            return hit(i, k + 2, self.ch(k + 1));
        } else {
            k
        };
        match self.object(k) {
            // ("these updates by text".)
            Obj::Media { end, ch } if !self.limited(end) => hit(i, end, self.narrowed(ch, end)),
            _ => None,
        }
    }

    /// French: "ne m'envoyez plus de messages", "ne plus m'appeler", "je ne
    /// veux plus recevoir de SMS".
    pub(super) fn ne(&self, i: usize) -> Option<Hit> {
        let plus = (i + 1..i + 5).any(|m| self.on(m) && self.any(m, "PLUS JAMAIS"));
        // "ne me contactez pas", "je ne veux pas recevoir ces messages".
        let pas = (i + 1..i + 5).any(|m| self.on(m) && self.eq(m, "PAS"));
        if !(plus || pas) {
            return None;
        }
        for m in i + 1..i + 4 {
            if !self.on(m) {
                return None;
            }
            if self.is(m, CVERB) && !plus && !(self.eq(m + 1, "PAS") && self.bare(m + 2)) {
                return None;
            }
            if self.is(m, CVERB) {
                // "ne me contactez plus par SMS": the means narrows contact.
                let after = self.media_after(m);
                let ch = match self.ch(m) {
                    ALL_CH if after != 0 => after,
                    c => c | after,
                };
                return hit(i, m + 1, ch);
            }
            // (With "pas", only not receiving: not "je ne veux pas manquer vos
            // messages".)
            // ("je ne veux pas (recevoir | être contacté | de vos SMS)".)
            let next = if self.eq(m + 1, "PAS") { m + 2 } else { m + 1 };
            let receive = self.eq(m, "RECEVOIR")
                || self.any(next, "RECEVOIR ETRE DE D")
                || (self.is(next, MEDIA) && !self.is(next, THING));
            if self.any(m, "VEUX VOULONS SOUHAITE SOUHAITONS DESIRE RECEVOIR") && (plus || receive)
            {
                let after = self.media_after(m);
                let media = (m + 1..)
                    .take_while(|&x| self.on(x))
                    .any(|x| (self.is(x, MEDIA) && !self.is(x, THING)) || self.eq(x, "CONTACTE"));
                return if media { hit(i, m + 1, after) } else { None };
            }
            if !self.is(m, ME) && !self.any(m, "PLUS JAMAIS PAS") {
                return None;
            }
        }
        None
    }

    /// "no more texts", "no calls please", "no more!", "no me envíen más
    /// mensajes", "no quiero más llamadas", "no longer want".
    pub(super) fn no(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        if !self.on(j) {
            return None;
        }
        if self.is(j, ME) && self.is(j + 1, CVERB) {
            return self.contact(i, j + 1, true);
        }
        // "no me anden marcando", "ya no me estén hablando".
        if self.is(j, ME) && self.any(j + 1, "ANDEN ESTEN") && self.is(j + 2, GER) {
            return self.gerund(i, j + 2);
        }
        // "no me vuelvan a llamar", "no vuelvan a escribirme": again.
        let again = if self.is(j, ME) { j + 1 } else { j };
        if self.any(again, "VUELVAN VUELVA VUELVAS")
            && self.eq(again + 1, "A")
            && self.is(again + 2, CVERB)
        {
            return self.contact(i, again + 2, true);
        }
        // "no envíen más mensajes", "no me llamen"; the infinitive after "favor
        // de" or at the start: "favor de no enviar más mensajes".
        let infinitive = self.any(j, ES_INFINITIVE)
            && !i
                .checked_sub(1)
                .filter(|_| self.on(i))
                .is_some_and(|k| !self.any(k, "DE FAVOR"));
        if self.any(j, ES_IMPERATIVE) || infinitive {
            return self.contact(i, j, self.is(j, ME));
        }
        self.no_word(i, j)
    }

    /// What the word `j` after "no" at `i` says: "no longer", "no more",
    /// "no texts", "no tienen mi permiso", "no quiero".
    fn no_word(&self, i: usize, j: usize) -> Option<Hit> {
        match self.w(j) {
            "LONGER" if self.any(j + 1, "WANT WISH NEED") => self.want(i, j + 1),
            // "I respectfully ask that you no longer contact me".
            "LONGER" if self.on(j + 1) && self.is(j + 1, CVERB) => self.contact(i, j + 1, false),
            // "No autorizo que me contacten"; "No tienen mi permiso para
            // llamarme", "No les di permiso de escribirme".
            "AUTHORIZE" | "CONSENT" => hit(i, j + 1, self.media_after(j)),
            "TIENEN" | "TIENE" | "DI" | "LES" => {
                let p = (j + 1..j + 4)
                    .take_while(|&m| self.on(m))
                    .find(|&m| self.eq(m, "PERMISSION"))?;
                let v = (p + 1..p + 3).find(|&m| self.is(m, CVERB));
                hit(i, p + 1, v.map_or(0, |v| self.ch(v)) | self.media_after(p))
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
        let k = if self.is(j + 2, ME) { j + 3 } else { j + 2 };
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
        if self.eq(k, "SABER")
            && (k + 1..k + 5)
                .take_while(|&m| self.on(m))
                .any(|m| self.any(m, "USTEDES USTED"))
        {
            return hit(i, k + 1, ALL_CH);
        }
        // ("no quiero ni llamadas ni mensajes".)
        let k = if self.eq(k, "NI") { k + 1 } else { k };
        self.means_hit(i, k)
    }

    /// "no more texts", "no more of these", "no more!".
    fn no_more(&self, i: usize, j: usize) -> Option<Hit> {
        match self.object(j + 1) {
            Obj::Media { end, ch } if !self.limited(end) => soft(i, end, self.narrowed(ch, end)),
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
