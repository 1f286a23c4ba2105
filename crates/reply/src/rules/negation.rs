//! Negated contact: "don't text me", "I don't want your texts", the French
//! "ne ... plus" (a negated verb of contact and what follows it: `contact.rs`;
//! "no more texts": `no.rs`).

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// After a negator: "don't text me", "do not contact me", "I don't want
    /// your texts", "I never signed up", "ne m'envoyez plus".
    pub(super) fn negation(&self, i: usize) -> Option<Hit> {
        if self.back(i, 3).any(|m| self.any(m, "IF UNLESS WHY")) {
            return None;
        }
        let n = self.w(i);
        if let Some(h) = self.not_ok(i).or_else(|| self.use_number(i, i + 1)) {
            return Some(h);
        }
        // ("Not call me again please", "Please not text me": the learner's
        // "don't", opening the sentence; not "You did not call me back".)
        if n == "NOT"
            && self.back_in_sentence(i).all(|m| self.is(m, FILLER))
            && self.on(i + 1)
            && self.is(i + 1, CVERB)
            && self.is(i + 2, ME)
        {
            return self.contact(i, i + 1, true);
        }
        // "I'm asking not to be contacted", "I asked not to be called",
        // "This number is not to be called".
        if n == "NOT"
            && self.eq(i + 1, "TO")
            && self.eq(i + 2, "BE")
            && self.is(i + 3, CVERB | MEDIA)
            && self.bare(i + 4)
            && !self
                .back(i, 4)
                .any(|m| self.kin(m) > 0 || self.any(m, "SON DAUGHTER WIFE HUSBAND"))
            && self.back(i, 2).any(|m| {
                self.any(m, "ASKED IS ARE AM I'M") || self.unlisted(m, "ASKING REQUEST REQUESTED")
            })
        {
            // ("This number is not to be contacted": its means.)
            let line = self
                .back(i, 3)
                .map(|m| self.lines_named(m))
                .find(|&c| c != 0);
            let ch = match (self.ch(i + 3), line) {
                (0 | ALL_CH, Some(line)) => line,
                (ch, _) => ch,
            };
            return hit(i, i + 4, ch);
        }
        if matches!(n, "NE" | "N") {
            return self.ne(i);
        }
        // "can you not text me": a request too; and a warning, "you
        // (had) better not call me again", as "don't call me again".
        let told = n == "NOT" && self.told_you_not(i);
        let imperative = matches!(n, "DON'T" | "NEVER" | "NUNCA" | "TAMPOCO")
            || told
            || (n == "NOT"
                && i > 0
                && (self.any(i - 1, "DO PLEASE DOES")
                    // (Said to the sender: not "I better not call you too
                    // late".)
                    || (self.eq(i - 1, "BETTER")
                        && self.back(i, 3).any(|m| {
                            self.any(m, "YOU Y'ALL") || self.written(m, "YOU'D YOUD YA")
                        }))
                    || (i > 1
                        && self.eq(i - 1, "YOU")
                        && self.any(i - 2, "CAN COULD WOULD THAT"))));
        // ("I shouldn't be getting these texts", "we should not be
        // receiving your calls": not wanted, as "don't".)
        // (Of the messages as such, ending the clause or "from you"; not
        // "emails about the Civic", "calls on my work phone", asked.)
        let whole = match self.object(i + 3) {
            Obj::Media { end, .. } => {
                self.bare(end) || (self.eq(end, "FROM") && self.any(end + 1, "YOU Y'ALL"))
            }
            _ => false,
        };
        let should = (n == "SHOULDN'T" || (n == "NOT" && i > 0 && self.eq(i - 1, "SHOULD")))
            && self.back(i, 3).any(|m| self.any(m, "I WE"))
            && self.eq(i + 1, "BE")
            && self.is(i + 2, GER)
            && whole
            && !self.question(i);
        let imperative = imperative || should;
        let mut j = i + 1 + usize::from(told);
        // (Cursing between: "don't fucking text me"; or "don't start
        // texting me again"; a dare: "don't you dare call me again".)
        while self.on(j) {
            // ("dont be callin me", "I shouldn't be getting these texts".)
            if self.eq(j, "BE") && self.on(j + 1) && self.is(j + 1, GER) {
                j += 1;
                continue;
            }
            // ("Please call anytime, don't just text": not only texts, more
            // contact asked.)
            if self.eq(j, "JUST") && n == "DON'T" && self.is(j + 1, CVERB) && !self.is(j + 2, ME) {
                return None;
            }
            j += if self.begun(j) {
                1 + usize::from(self.eq(j + 1, "TO"))
            } else if self.unlisted(j, "EVA")
                || self.any(
                    j,
                    "EVER EVEN PLEASE YOU DARE JUST REALLY FUCKING FREAKING FRICKING FUCKIN FREAKIN EFFING FRIGGING FRIGGIN MAS",
            ) {
                // ("Do not dare to call me again"; "dont eva call me": "ever"
                // as spoken, not a name after the verb, "Don't call Eva".)
                1 + usize::from(self.eq(j, "DARE") && self.eq(j + 1, "TO"))
            } else {
                break;
            };
        }
        if !self.on(j) {
            return None;
        }
        // "Nunca me suscribí a esto", "je me suis jamais inscrit".
        // ("I never subscribed to this", "I didn't subscribe".)
        if self.any(j, "SUSCRIBI INSCRIT INSCRITE")
            || (self.is(j, ME) && self.any(j + 1, "SUSCRIBI"))
            || (self.unlisted(j, "SUBSCRIBED SUBSCRIBE") && matches!(n, "NEVER" | "DIDN'T"))
        {
            return hit(i, j + 1, 0);
        }
        // Told, not asked: "You never called me back yesterday".
        if self.any(j, "CALLED TEXTED EMAILED") && matches!(n, "NEVER" | "DIDN'T") {
            return None;
        }
        if imperative && !self.sent_key(j) {
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
            return Some(hit(i, j + 2, CALL).filter(|_| self.own_dnc(i)));
        }
        if self.is(j, ME) && self.is(j + 1, CVERB) {
            return Some(self.contact(i, j + 1, true));
        }
        // ("Don't bother contacting me".)
        if v == "BOTHER" && self.on(j + 1) && self.is(j + 1, GER) {
            return Some(self.gerund(i, j + 1));
        }
        // ("Don't waste your time texting me", as "don't bother".)
        if self.unlisted(j, "WASTE")
            && self.any(j + 1, "YOUR UR")
            && self.eq(j + 2, "TIME")
            && (j + 1..=j + 3).all(|m| self.on(m))
            && self.is(j + 3, GER)
        {
            return Some(self.gerund(i, j + 3));
        }
        if let Some(v) = self.vuelvan(j) {
            return Some(self.contact(i, v, true));
        }
        // "I don't do phone calls": the means refused.
        // ("I do not do texts".)
        let i_do = |m: usize| self.is(m, I1) || (m > 0 && self.eq(m, "DO") && self.is(m - 1, I1));
        // ("I don't take sales calls".)
        if (v == "DO" || self.written(j, "TAKE")) && i > 0 && i_do(i - 1) {
            if let Obj::Media { end, ch } = self.object(j + 1) {
                // ("I don't take calls from unknown numbers": some calls;
                // "I don't take calls at this number": all of them there.)
                let end = self.line_at(end).filter(|&e| self.bare(e)).unwrap_or(end);
                let some = v != "DO" && !self.bare(end);
                return Some(hit(i, end, ch).filter(|_| ch != 0 && !self.limited(end) && !some));
            }
        }
        if (self.is(j, CVERB) && v != "SEND")
            || (j > i + 1 && (self.begun(j - 1) || self.eq(j - 1, "BE")) && self.is(j, GER))
        {
            return Some(self.contact(i, j, false));
        }
        // "dont hit me up (no more)": no contact at all, as "quit hitting
        // me up".
        if v == "HIT"
            && self.is(j + 1, ME)
            && self.eq(j + 2, "UP")
            && (self.bare(j + 3) || self.any(j + 3, "AGAIN ANYMORE NO"))
        {
            return Some(hit(i, j + 3, ALL_CH));
        }
        // ("Please don't get in touch again".)
        if v == "GET" && self.eq(j + 1, "IN") && self.written(j + 2, "TOUCH") {
            let end = j + 3 + usize::from(self.any(j + 3, "AGAIN ANYMORE") && self.on(j + 3));
            if self.bare(end) {
                return Some(hit(i, end, ALL_CH));
            }
        }
        // "please don't follow up (again)".
        if v == "FOLLOW" && self.eq(j + 1, "UP") && self.bare(j + 2) {
            return Some(hit(i, j + 2, 0));
        }
        // "Please do not leave voicemails at this number", "don't leave me
        // another voicemail".
        if v == "LEAVE" {
            let k = j + 1 + usize::from(self.is(j + 1, ME) && self.on(j + 1));
            // ("Don't leave a voicemail, just text": any one of them.)
            let k = k + usize::from(self.eq(k, "A") && self.eq(k + 1, "VOICEMAIL"));
            if let Obj::Media { end, ch } = self.object(k) {
                let ch = self.left(ch);
                // (Not "don't leave voicemails after 9pm": a limit.)
                return Some(hit(i, end, self.narrowed(ch, end)).filter(|_| !self.limited(end)));
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
            // ("Don't send anything to my office address, ship it home", "...
            // to my work address", "... to the old address": a parcel's
            // place, not the messages; but
            // "anything to this address", "to my old email".)
            let to = |e: usize| (e..e + 5).filter(|&m| self.on(m));
            let parcel = |e: usize| {
                let e = e + usize::from(self.written(e, "ELSE"));
                self.eq(k, "ANYTHING")
                    && self.eq(e, "TO")
                    && to(e).any(|m| self.written(m, "OFFICE HOUSE HOME OLD WORK"))
                    && !to(e).any(|m| self.any(m, "NUMBER PHONE CELL EMAIL"))
            };
            return Some(match self.object(k) {
                Obj::Media { end, ch } if !self.limited(end) && !parcel(end) => hit(i, end, ch),
                Obj::Empty if !self.limited(k) => hit(i, k, 0),
                Obj::Pron(end) if self.bare(end) => hit(i, end, 0),
                _ => None,
            });
        }
        None
    }

    /// "not to" asked before, at word `i`: "I told you not to call me", "I
    /// already told you twice not to call me", "I've asked you 3 times not
    /// to text me".
    fn told_you_not(&self, i: usize) -> bool {
        // ("I told your company twice not to call me": yours.)
        let yours = |m: usize| {
            m > 1
                && self.any(m, "COMPANY TEAM PEOPLE OFFICE AGENT REP")
                && self.any(m - 1, "YOUR UR")
        };
        self.eq(i + 1, "TO")
            && self.back(i, 6).any(|m| {
                (m > 0 && self.any(m, "YOU Y'ALL") && self.any(m - 1, "TOLD ASKED"))
                    || (yours(m) && self.any(m - 2, "TOLD ASKED"))
            })
    }

    /// What a negated verb at word `j` refuses (after the negator at `i`):
    /// "I don't want your texts", "I never signed up", "you don't have my
    /// permission", "not interested in receiving".
    fn negated_verb(&self, i: usize, j: usize, imperative: bool) -> Option<Hit> {
        let n = self.w(i);
        match self.w(j) {
            // (And "I never asked to be texted", "nunca pedí estos mensajes":
            // the complaint of "I never signed up"; but "I never asked to
            // unsubscribe" denies a request.)
            // ("We do not accept sales calls at this number".)
            "WANT" | "WISH" | "NEED" | "LIKE" | "CARE" | "ASK" | "ASKED" | "PEDI" | "ACCEPT" => {
                self.want(i, j)
            }
            // (Not consent to something else: "I don't consent to a hard
            // pull", "I never agreed to that price".)
            "CONSENT" | "CONSENTED" | "AUTHORIZE" | "AUTHORIZED" => {
                hit(i, j + 1, self.media_before(j) | self.consent_for(j)?)
            }
            "AGREE" | "AGREED" if self.eq(j + 1, "TO") => {
                hit(i, j + 1, self.media_before(j) | self.consent_for(j)?)
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
            // ("Nunca les di permiso de llamarme".)
            "GAVE" | "GIVE" | "GIVEN" | "PROVIDE" | "PROVIDED" | "DI" | "LES"
                if matches!(n, "NEVER" | "DIDN'T" | "NOT" | "NUNCA") =>
            {
                // ("I never gave you authorization to call me"; not "I didn't
                // give permission for a hard inquiry".)
                let p = (j + 1..j + 5).find(|&m| {
                    self.on(m) && self.any(m, "PERMISSION CONSENT AUTHORIZATION NUMBER")
                })?;
                self.consent_for(p)?;
                hit(i, j + 1, self.media_before(j) | self.media_after(j))
            }
            // "please do not add me to any mailing lists", "Please don't
            // put me on any lists".
            _ if (self.eq(j, "ADD") || self.unlisted(j, "PUT"))
                && imperative
                && self.is(j + 1, ME)
                && (j + 2..j + 5).any(|m| self.on(m) && self.any(m, "ANY YOUR MAILING"))
                && (j + 3..j + 7).any(|m| self.on(m) && self.any(m, "LIST LISTS")) =>
            {
                hit(i, j + 2, 0)
            }
            "INTERESTED" if n == "NOT" => self.interested(i, j),
            // ("You are not allowed to call me", "you're not permitted to
            // contact me": said to the sender, as "don't".)
            _ if n == "NOT"
                && self.written(j, "ALLOWED PERMITTED")
                && self.eq(j + 1, "TO")
                && self
                    .back(i, 3)
                    .any(|m| self.written(m, "YOU YOU'RE UR YOURE")) =>
            {
                self.negated_command(i, j + 2).flatten()
            }
            // ("Never requested this", as "I never asked for this".)
            _ if self.unlisted(j, "REQUESTED REQUEST") => {
                self.unasked(i, j + 1).or_else(|| self.receive(i, j + 1))
            }
            _ => None,
        }
    }

    /// "(not / no longer) interested in receiving these", at word `j`
    /// (INTERESTED, after the negator at `i`): what is received refused.
    pub(super) fn interested(&self, i: usize, j: usize) -> Option<Hit> {
        if !self.eq(j + 1, "IN") {
            None
        } else if self.any(j + 2, "RECEIVING GETTING") {
            self.info_end(j + 3)
                .and_then(|end| hit(i, end, 0))
                .or_else(|| self.receive(i, j + 3))
        } else if self.any(j + 2, "FURTHER MORE") && self.on(j + 2) {
            // ("Not interested in further communications": more of
            // them refused, not a topic.)
            self.receive(i, j + 2)
        } else if self.eq(j + 2, "BEING") && (self.is(j + 3, CVERB) || self.eq(j + 3, "CONTACTED"))
        {
            hit(i, j + 4, self.ch(j + 3))
        } else {
            None
        }
    }

    /// "I don't want your texts", "... to receive these messages", "... to be
    /// contacted", "... you to text me".
    pub(super) fn want(&self, i: usize, j: usize) -> Option<Hit> {
        let mut k = j + 1;
        // ("I didn't ask for these texts".)
        if self.any(j, "ASK ASKED") && self.eq(k, "FOR") && self.on(k) {
            return self.unasked(i, k + 1).or_else(|| self.receive(i, k + 1));
        }
        // ("I don't want you guys calling me", "... you all to text me",
        // "... you people / folks / fellas / lot calling me": the company.)
        if self.eq(k, "YOU")
            && (self.any(k + 1, "GUYS PEOPLE ALL")
                || self.written(k + 1, "FOLKS FELLAS LOT BOYS LADIES"))
        {
            k += 1;
        }
        let you = self.any(k, "YOU Y'ALL GUYS PEOPLE ALL")
            || self.written(k, "FOLKS FELLAS LOT BOYS LADIES");
        if you && self.eq(k + 1, "TO") && self.is(k + 2, CVERB) {
            return self.contact(i, k + 2, false);
        }
        // ("I don't want you calling me", "... y'all texting me anymore": as
        // "stop calling me".)
        // (Someone named after it is read as "don't call ..." reads them:
        // "I don't want you calling my wife" refuses for the household, "...
        // calling my boss", "... the bank" for no one.)
        if you && self.on(k + 1) && self.is(k + 1, GER) {
            return if self.on(k + 2) && self.is(k + 2, DET) && self.ch(k + 1) != 0 {
                self.contact(i, k + 1, false)
            } else {
                self.gerund(i, k + 1)
            };
        }
        if self.eq(k, "TO") {
            k += 1;
            match self.w(k) {
                // ("I don't want to be on any list": every list, as "take me
                // off every list".)
                "BE" if self.eq(k + 1, "ON") => {
                    let any = self.eq(k + 2, "ANY") && self.any(k + 3, "LIST LISTS");
                    let any = any && self.bare(k + 4);
                    return self.means_hit(i, k + 2).map(|h| Hit {
                        ch: if any { ALL_CH } else { h.ch },
                        ..h
                    });
                }
                // (Not by someone else: "... to be contacted by other dealers".)
                // (Nor naming: "I don't want to be called a liar".)
                "BE" if self.is(k + 1, CVERB) || self.eq(k + 1, "CONTACTED") => {
                    return hit(i, k + 2, self.ch(k + 1))
                        .filter(|_| !self.by_others(k + 2) && !self.named_as(k + 1))
                }
                // ("... from any of you", "from you guys": the whole company.)
                "HEAR" if self.eq(k + 1, "FROM") => {
                    // ("from you guys", "from you people", "from y'all" too.)
                    let any = (self.eq(k + 2, "ANY") && self.eq(k + 3, "OF"))
                        || self.eq(k + 2, "Y'ALL")
                        || (self.eq(k + 2, "YOU") && self.any(k + 3, "GUYS PEOPLE ALL"));
                    // (Not from someone of the customer's or another's: "I
                    // don't want to hear from my ex", "He doesn't want to hear
                    // from his ex"; nor from one of ours when the rest are
                    // asked for: "... from the finance guy, only you".)
                    let someone = self.on(k + 2) && self.any(k + 2, "MY HIS HER THEIR");
                    let only_you = (k + 3..self.t.len())
                        .any(|m| self.any(m, "ONLY JUST") && self.any(m + 1, "YOU Y'ALL"));
                    if someone || (!self.any(k + 2, "YOU Y'ALL") && only_you) {
                        return None;
                    }
                    return hit(i, k + 3, if any { ALL_CH } else { 0 });
                }
                // ("... to receive any more information": what is received,
                // as "anything" is.)
                "RECEIVE" | "GET" => {
                    if let Some(end) = self.info_end(k + 1) {
                        return hit(i, end, 0);
                    }
                    return self.receive(i, k + 1);
                }
                "HAVE" | "SEE" => return self.receive(i, k + 1),
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

    /// "I never asked for this", "Never requested this", "I didn't ask for
    /// any of this": what came, as a whole, denied as asked for, as "I never
    /// signed up for this" is (from word `k`, after "for" or the verb; the
    /// customer's own denial, not "can you not ..."). Not a thing named ("I
    /// never asked for this quote") nor taken after all ("I never asked for
    /// this but thanks").
    fn unasked(&self, i: usize, k: usize) -> Option<Hit> {
        let t = k + if self.eq(k, "ANY") && self.eq(k + 1, "OF") {
            2
        } else {
            0
        };
        let end = t + 1;
        (matches!(self.w(i), "NEVER" | "DIDN'T")
            && self.any(t, "THIS THESE")
            && self.on(t)
            && (!self.on(end) || self.is(end, FILLER))
            && !self.any(end, "BUT THOUGH"))
        .then(|| hit(i, end, 0))
        .flatten()
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
            return hit(i, k + 2, self.ch(k + 1)).filter(|_| !self.named_as(k + 1));
        } else {
            k
        };
        match self.object(k) {
            // ("these updates by text".)
            Obj::Media { end, ch }
                if !self.limited(end)
                    && !self.by_others(end)
                    && !self.wanted_nowhere_else(end)
                    && !self.topic_switched(end, ch) =>
            {
                hit(i, end, self.narrowed(ch, end))
            }
            _ => None,
        }
    }

    /// Information as a whole at word `k`, after a verb of receiving:
    /// "(any) more information", "further info", "más información", "plus
    /// d'information", alone or "from you"; returns the end. (Not with a
    /// means or a topic: "information by mail", "info about the lease".)
    pub(super) fn info_end(&self, k: usize) -> Option<usize> {
        let mut m = k;
        while m < k + 3 && self.on(m) && self.any(m, "ANY MORE FURTHER MAS PLUS D DE") {
            m += 1;
        }
        let info =
            self.any(m, "INFO INFORMATION") || self.written(m, "INFORMACION INFORMATIONS INFOS");
        if !(info && (m == k || self.on(m))) {
            return None;
        }
        let end = m + 1;
        let end = if self.on(end)
            && ((self.eq(end, "FROM") && self.any(end + 1, "YOU Y'ALL"))
                || (self.any(end, "DE D") && self.written(end + 1, "USTEDES USTED VOUS")))
        {
            end + 2
        } else {
            end
        };
        self.bare(end).then_some(end)
    }

    /// Word `m` is "called" naming the customer: "(to be) called a liar",
    /// "called Bob".
    fn named_as(&self, m: usize) -> bool {
        self.eq(m, "CALLED") && self.on(m + 1) && (self.any(m + 1, "A AN") || self.name_at(m + 1))
    }

    /// The means not wanted from anyone else, at word `k`: "I don't want to
    /// get these deals anywhere else" (praise).
    fn wanted_nowhere_else(&self, k: usize) -> bool {
        self.on(k)
            && ((self.any(k, "ANYWHERE") && self.written(k + 1, "ELSE"))
                || self.written(k, "ELSEWHERE"))
    }

    /// The means not wanted about one thing, and asked for about another
    /// after it: "I don't want any more texts about the old car, text me
    /// about the new one".
    fn topic_switched(&self, k: usize, ch: u8) -> bool {
        self.on(k)
            && self.eq(k, "ABOUT")
            && ch & ALL_CH != 0
            && (k + 1..self.t.len()).any(|m| {
                self.is(m, CVERB)
                    && !self.is(m, GER)
                    && self.ch(m) & ch != 0
                    && self.is(m + 1, ME)
                    && self.eq(m + 2, "ABOUT")
            })
    }

    /// French: "ne m'envoyez plus de messages", "ne plus m'appeler", "je ne
    /// veux plus recevoir de SMS".
    pub(super) fn ne(&self, i: usize) -> Option<Hit> {
        // ("Non, je ne veux pas être retiré de la liste": a removal not
        // wished.)
        let removal = (i + 1..i + 6).any(|m| self.on(m) && self.is(m, REMV) && !self.is(m, ME));
        if self.said_first(i) || removal {
            return None;
        }
        let plus = (i + 1..i + 5).any(|m| self.on(m) && self.any(m, "PLUS JAMAIS"));
        // "ne me contactez pas", "je ne veux pas recevoir ces messages".
        // ("N'appelez ni mon mari ni moi": "ni" for "pas".)
        let pas = (i + 1..i + 5).any(|m| self.on(m) && self.any(m, "PAS NI"));
        if !(plus || pas) {
            return None;
        }
        for m in i + 1..i + 4 {
            if !self.on(m) {
                return None;
            }
            // ("de ne pas m'appeler": an infinitive asked for, "pas" before
            // it.)
            // ("Ne pas m'appeler svp": the infinitive as an instruction; the
            // courtesy first too: "SVP ne pas appeler", "S.V.P. ne pas
            // texter".)
            let de_ne_pas = ((0..i).all(|x| self.is(x, FILLER)) || self.any(i - 1, "DE D"))
                && self.eq(i + 1, "PAS");
            // (Or at the customer's number: "ne m'appelez pas chez moi".)
            let pas_after = self.eq(m + 1, "PAS")
                && (self.bare(m + 2)
                    || self.the_number(m + 2).is_some_and(|e| self.bare(e))
                    // ("ne me contactez pas par courriel".)
                    || self.via(m + 2).is_some()
                    // ("Ne m'appelez pas parce que j'ai déjà acheté".)
                    || self.unlisted(m + 2, "PARCE")
                    // ("Ne communiquez pas avec moi": the customer.)
                    || (self.eq(m + 2, "AVEC") && self.is(m + 3, ME) && self.ch(m) == ALL_CH)
                    // ("Ne m'appelez pas et ne m'écrivez pas": another
                    // request joined; "ne m'envoyez pas de courriels": a
                    // means.)
                    || (self.any(m + 2, "ET NI") && self.any(m + 3, "NE N"))
                    || (self.any(m + 2, "DE D") && self.is(m + 3, MEDIA) && !self.is(m + 3, THING)))
                // ("N'appelez ni mon mari ni moi", "N'appelez pas ma femme ni
                // moi": the customer with someone else; not "N'appelez ni mon
                // mari, appelez-moi".)
                || (self.any(m + 1, "NI PAS") && (m + 2..m + 6).any(|x| self.eq(x, "NI") && self.is(x + 1, ME)));
            if self.is(m, CVERB) && !(plus || de_ne_pas || pas_after) {
                return None;
            }
            // ("Pourquoi vous ne m'appelez plus ?", "Vous ne m'appelez
            // plus?": more contact wished, asked of them.)
            if self.is(m, CVERB) && i > 0 && self.written(i - 1, "VOUS TU") && self.asked_here(i) {
                return None;
            }
            if self.is(m, CVERB) {
                // ("ne m'écrivez plus à cette adresse", "ne me contactez pas
                // sur mon cell": the line's means.)
                let p = m + 1 + usize::from(self.on(m + 1) && self.eq(m + 1, "PAS"));
                if let Some(e) = self.line_at(p) {
                    let ch = self.line_means(self.ch(m), p, e);
                    return hit(i, e, ch).filter(|_| !self.limited(e));
                }
                // "ne me contactez plus par SMS": the means narrows contact.
                let after = self.media_after(m);
                // (Not by another request joined: "Ne me contactez pas et ne
                // m'appelez pas" is no contact at all.)
                let joined = self.any(m + 2, "ET NI") && self.any(m + 3, "NE N");
                let ch = match self.ch(m) {
                    ALL_CH if after != 0 && !joined => after,
                    // ("Ne m'écrivez plus et ne m'appelez plus": the medium
                    // written to, and the calls after it; not "ne m'envoyez
                    // plus de courriels", its object the means.)
                    0 if after & ALL_CH != 0
                        && !(m + 1..m + 4)
                            .any(|x| self.on(x) && self.is(x, MEDIA) && self.ch(x) != 0) =>
                    {
                        after | CAME_BY
                    }
                    c => c | after,
                };
                // ("Merci de ne pas m'appeler après 20h": a limit; "Ne
                // m'envoyez plus de circulaires": post.)
                let q = m + 1 + usize::from(self.any(m + 1, "PLUS PAS"));
                let post = self.postal(q + usize::from(self.any(q, "DE D")));
                return hit(i, m + 1, ch).filter(|_| !self.limited(m + 1) && !post);
            }
            // ("Je ne veux plus que vous m'appeliez", "... que tu m'écrives",
            // "... me faire appeler": the contact wished undone.)
            if let Some(v) = self.que_me(m + 1).filter(|_| self.eq(m, "VEUX")) {
                return self.contact(i, v, true);
            }
            // (With "pas", only not receiving: not "je ne veux pas manquer vos
            // messages".)
            // ("je ne veux pas (recevoir | être contacté | de vos SMS)".)
            let next = if self.eq(m + 1, "PAS") { m + 2 } else { m + 1 };
            let receive = self.eq(m, "RECEVOIR")
                || self.any(next, "RECEVOIR ETRE DE D")
                || self.eq(next, "EN")
                || (self.is(next, MEDIA) && !self.is(next, THING));
            if self.any(m, "VEUX VOULONS SOUHAITE SOUHAITONS DESIRE RECEVOIR") && (plus || receive)
            {
                let after = self.media_after(m);
                // ("en" for the messages: "je n'en veux plus", "je ne veux
                // plus en recevoir".)
                // ("je ne veux plus être appelé": calls.)
                let called = (m - 1..)
                    .take_while(|&x| self.on(x))
                    .any(|x| self.unlisted(x, "APPELE APPELEE"));
                let media = called
                    || (m - 1..).take_while(|&x| self.on(x)).any(|x| {
                        (self.is(x, MEDIA) && !self.is(x, THING))
                            || self.eq(x, "CONTACTE")
                            || self.eq(x, "EN")
                            // ("je ne souhaite plus être sollicité".)
                            || self.unlisted(x, "SOLLICITE SOLLICITEE DERANGE DERANGEE")
                    });
                // ("je ne veux plus d'information", "je ne veux plus rien
                // recevoir": what is received, as anything; not "je ne veux
                // pas d'information, juste le prix".)
                let rien = |x: usize| {
                    self.written(x, "RIEN")
                        && ((self.eq(x + 1, "RECEVOIR") && self.bare(x + 2))
                            || (self.eq(x - 1, "RECEVOIR") && self.bare(x + 1)))
                };
                let whole = (plus || self.eq(next, "RECEVOIR"))
                    && (m + 1..m + 4)
                        .take_while(|&x| self.on(x))
                        .any(|x| rien(x) || self.info_end(x).is_some());
                return if media || whole {
                    hit(i, m + 1, if called { CALL } else { after })
                } else {
                    None
                };
            }
            if !self.is(m, ME)
                && !self.any(m, "PLUS JAMAIS PAS")
                && !self.eq(m, "EN")
                && !self.theirs(m)
            {
                return None;
            }
        }
        None
    }

    /// Word `j` begins or goes on with contact: "(don't) start texting me",
    /// "keep calling", "start to text".
    fn begun(&self, j: usize) -> bool {
        self.any(j, "START KEEP")
            && self.on(j + 1)
            && (self.is(j + 1, GER) || (self.eq(j + 1, "TO") && self.is(j + 2, CVERB)))
    }

    /// Word `k` starts "by other dealers", "from other agents", "by the
    /// lender": someone else than the sender.
    fn by_others(&self, k: usize) -> bool {
        self.on(k)
            && self.any(k, "BY FROM")
            && (self.any(k + 1, "OTHER ANY")
                || (self.eq(k + 1, "THE")
                    && (self.any(k + 2, "DEALER AGENT OTHER")
                        || self.unlisted(k + 2, "LENDER BANK"))))
    }
}
