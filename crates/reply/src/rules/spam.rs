//! Complaints to the carrier or the law, and blocking: "reported as spam",
//! "I'll report you to the FCC", "this is harassment", "blocked".

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// Reported as spam: "Reported as spam", "I'm reporting this as spam",
    /// "I reported you for spam" (not "I didn't report you as spam"); or
    /// the sender threatened with a report: "I will report you", "I'm
    /// reporting you to the FCC", "I'll report your company" (not "report
    /// this to my manager": what "this" is, the words do not say).
    pub(super) fn reported(&self, i: usize) -> Option<Hit> {
        if self.negated(i) {
            return None;
        }
        let j = i + 1;
        // ("Lo reporto como spam", "Los reporto": the customer's report of
        // us, now; "reporto" is read as "report".)
        if self.written(i, "REPORTO")
            && i > 0
            && self.on(i)
            && self.written(i - 1, "LO LOS TE LES")
            && (0..i - 1).all(|m| self.is(m, FILLER) && !self.eq(m, "NO"))
            && !self.question(i)
            && (self.bare(j)
                || (self.written(j, "COMO") && self.eq(j + 1, "SPAM") && self.bare(j + 2)))
        {
            return hit(i - 1, j + usize::from(!self.bare(j)) * 2, 0);
        }
        // ("los voy a reportar (a la FCC)", "voy a poner una queja en la
        // FCC".)
        let es_to = self.any(j, "A EN")
            && (j + 1..j + 3)
                .any(|m| self.on(m) && self.any(m, "FCC FTC BBB CFPB AUTHORITIES POLICE"));
        if (self.bare(j) || es_to) && (self.clitic(i) || (self.eq(i, "COMPLAINT") && es_to)) {
            return hit(i, j, 0);
        }
        // ("reported spam"; "Report junk", the phone's button typed back;
        // not asked: "how do I report spam?").
        if self.any(i, "REPORTED REPORT")
            && self.any(j, "SPAM JUNK")
            && self.bare(j + 1)
            && !self.question(i)
        {
            return hit(i, j + 1, 0);
        }
        // ("Ya los reporté como spam", "je vous ai signalés": the pronoun
        // first.)
        if self.eq(i, "REPORTED") && self.us_before(i) {
            let end = if self.written(j, "COMO COMME") && self.eq(j + 1, "SPAM") {
                j + 2
            } else {
                j
            };
            if self.bare(end) {
                return hit(i, end, 0);
            }
        }
        // ("I'm reporting this number", "Voy a reportar este número", "Je
        // vais signaler ce numéro"; not asked: "Should I report this
        // number?")
        if self.on(j)
            && self.written(j, "THIS THAT ESTE ESE CE")
            && self.eq(j + 1, "NUMBER")
            && self.on(j + 1)
            && self.bare(j + 2)
            && !self.question(i)
            && !self
                .back(i, 4)
                .any(|m| self.any(m, "NO NE NOT") || self.written(m, "PAS"))
        {
            // ("Another text and I'm reporting this number": the means named
            // before it, by either medium.)
            return hit(i, j + 2, self.media_before(i));
        }
        if self.on(j) && self.any(j, "YOU YOUR") {
            let k = if self.eq(j, "YOUR") { j + 2 } else { j + 1 };
            // ("I'll report your calls to the FCC": those.)
            let ch = if self.eq(j, "YOUR") {
                self.ch(j + 1) & ALL_CH
            } else {
                0
            };
            // (Not to someone of the customer's to fix it: "I reported your
            // email to my IT guy so it stops going to spam"; but "to my
            // lawyer", "to my carrier".)
            let mine = self.eq(k, "TO")
                && self.eq(k + 1, "MY")
                && !self.any(k + 2, "ATTORNEY LAWYER CARRIER");
            if self.bare(k) || (self.on(k) && self.any(k, "TO FOR AS") && !mine) {
                // ("Call me one more time and I'll report you to the FCC",
                // "I'm reporting you to the FTC for these calls".)
                let ch = ch | self.media_before(i) | self.means_after(k) & ALL_CH;
                // ("I'm reporting you to the FCC if you text me again": the
                // means of its condition, by either medium.)
                let ch = if ch == 0 {
                    self.media_after(k + 2) & ALL_CH
                } else {
                    ch
                };
                return hit(i, k, ch);
            }
        }
        // "Reported to the FCC", "reporting this to the attorney general"
        // ("Any further contact will be reported to the authorities": the
        // means named before);
        // a complaint filed with one ("I'll be filing a complaint with the
        // FTC"; not "with the police", of something else).
        let to = (j..j + 3)
            .take_while(|&m| self.on(m))
            .find(|&m| self.any(m, "TO WITH"))
            // (What is reported is the sender or its messages: not "I
            // reported the accident to the police".)
            // (Nor of the sender named: "I'm reporting these people to
            // the FCC".)
            .filter(|&to| {
                (j..to).all(|m| {
                    self.any(m, "NUMBER YOU PEOPLE GUYS SCAMMERS SPAMMERS")
                        || (self.is(m, PRON | DET | MEDIA) && !self.is(m, THING))
                })
            });
        if let Some(to) = to {
            let at = if self.eq(to + 1, "THE") {
                to + 2
            } else {
                to + 1
            };
            // ("the Better Business Bureau", as "the BBB".)
            let bbb = self.written(at, "BETTER")
                && self.written(at + 1, "BUSINESS")
                && self.written(at + 2, "BUREAU");
            let at = at + if bbb { 2 } else { 0 };
            if self.on(at)
                && (bbb || self.any(at, "FCC FTC BBB CFPB ATTORNEY AG POLICE AUTHORITIES CARRIER"))
                // (Nor of another: "a complaint with the FCC about my
                // internet provider"; but "about your texts".)
                && !(self.eq(i, "COMPLAINT")
                    && (self.eq(at, "POLICE")
                        || (self.any(at + 1, "ABOUT AGAINST")
                            && !self.any(at + 2, "YOU YOUR THESE THIS"))))
            {
                // (The means before it, or after: "a complaint with the FTC
                // about your calls", "Reporting you to the FCC for these calls".)
                return hit(i, at + 1, self.media_before(i) | self.means_after(at));
            }
        }
        let end = (i + 1..i + 5)
            .take_while(|&m| self.on(m))
            // ("Reported as phishing", as "as spam".)
            .find(|&m| self.any(m, "SPAM JUNK PHISHING"))?;
        if !(i + 1..end).any(|m| self.any(m, "AS FOR")) {
            return None;
        }
        hit(i, end + 1, 0)
    }

    /// Calling the messages spam, a scam or harassment: "Spam", "this is
    /// spam", "SPAMMER", "scam", "you're harassing me", "stop spamming"
    /// (not "is this spam?", "not a scam", "it went to my spam folder").
    pub(super) fn spam(&self, i: usize) -> Option<Hit> {
        if self.negated(i)
            || self.not_you(i + 1)
            // ("No es spam, ¿verdad?", "Ce n'est pas du spam"; marked so:
            // "J'ai marqué votre courriel comme pas un pourriel".)
            || (self.back(i, 3).any(|k| self.any(k, "NO PAS"))
                && self.back(i, 3).any(|k| self.any(k, "ES EST") || self.written(k, "COMO COMME")))
            || self
                .back(i, 3)
                .any(|k| self.is(k, NEG) || self.any(k, "NOT ISN'T AREN'T"))
            // (Or a course: "harassment training".)
            || self.any(i + 1, "FOLDER FILTER BOX FILTERS TRAINING")
            // A feature: "spam call blocking", "spam text filtering".
            || (self.is(i + 1, MEDIA)
                && self.any(i + 2, "BLOCKING FILTERING BLOCKER PROTECTION FILTER"))
            // What a filter did: "marks everything as spam", "flagged your
            // number as spam likely" (not the customer: "Marked as spam",
            // "I marked you as spam").
            || (i > 0
                && (self.eq(i - 1, "AS")
                    || self.written(i - 1, "COMO COMME")
                    || (i > 1 && self.written(i - 1, "POTENTIAL") && self.eq(i - 2, "AS")))
                && self.back(i, 6).any(|k| {
                    (self.any(k, "MARKS MARKED FLAGGED REJECTED IDENTIFIED CLASSIFIED DETECTED")
                        && !(self.any(k, "MARKED FLAGGED")
                            && self.back_in_sentence(k).all(|m| self.is(m, FILLER | I1))))
                        // (Or undone: "I unmarked your email as spam",
                        // "Desmarqué su correo como spam".)
                        || self.written(k, "SHOW SHOWED SHOWS CAME COMES POPPED LABELED LABELLED UNMARKED")
                        || self.written(k, "DESMARQUE")
                }))
            // The phone's label: "Scam Likely showed up when you called",
            // "your number comes up spam likely".
            || (self.any(i, "SPAM SCAM") && self.written(i + 1, "LIKELY POTENTIAL"))
        {
            return None;
        }
        // Others' spam the customer gets ("Got a lot of spam calls lately,
        // glad this is a real person"), or the customer's own ("Sorry if my
        // last text was spammy").
        // ("Spam calls are out of control lately, how do I know this is
        // really you?": "you" in another clause.)
        let (a, b) = self.sentence(i);
        let clause = |m: usize| (m.min(i) + 1..=m.max(i)).all(|x| self.on(x));
        let ours = (a..b).any(|m| self.any(m, "YOU YOUR UR Y'ALL") && clause(m));
        let got = self
            .back_in_sentence(i)
            .any(|m| self.any(m, "GOT GET GETTING RECEIVE RECEIVED") || self.written(m, "LATELY"))
            || (i + 1..b).any(|m| self.written(m, "LATELY"));
        let mine = self
            .back_in_sentence(i)
            .any(|m| self.eq(m, "MY") && (m + 1..m + 3).any(|n| self.is(n, MEDIA)));
        // ("I'm sick of spam calls from other dealers, you guys are fine",
        // "I hate spam calls, glad you texted instead": others' spam, with
        // ours set apart.)
        let end = (i + 1..b).find(|&m| !self.is(m, MEDIA)).unwrap_or(b);
        let from_others = self.on(end)
            && self.eq(end, "FROM")
            && (self.any(end + 1, "OTHER MY") || self.written(end + 1, "RANDOM STRANGERS"));
        let hated = self
            .back_in_sentence(i)
            .any(|m| self.written(m, "HATE HATED DESPISE"))
            && (i + 1..self.t.len()).any(|m| self.written(m, "GLAD FINE"));
        if ((got || from_others || hated) && !ours && self.is(i + 1, MEDIA)) || mine {
            return None;
        }
        // Where it went, not what it is: "to spam", "in my spam", "estaba
        // en spam", "arrivé dans les spams"; and a report as spam is
        // `reported`'s to read ("I didn't report you as spam"); "I moved
        // your email out of spam".
        if self
            .back(i, 2)
            .any(|k| self.any(k, "TO IN INTO FROM EN OUT") || self.written(k, "DANS"))
            // ("Quité su correo de spam", "J'ai enlevé votre courriel des
            // pourriels": taken out of it.)
            || (self.back(i, 2).any(|k| self.any(k, "DE DES"))
                && self
                    .back_in_sentence(i)
                    .any(|k| self.written(k, "QUITE SAQUE ENLEVE RETIRE")))
            || self
                .back(i, 8)
                .any(|k| self.any(k, "REPORT REPORTED REPORTING"))
            // ("Check your spam", "Revisa tu spam": the folder.)
            || self
                .back(i, 3)
                .any(|k| self.written(k, "CHECK REVISA CHECA REVISE REVISEN VERIFIEZ REGARDEZ MIRA"))
            // ("Me llegó el correo a spam": to the folder; not "Me llegó su
            // spam".)
            || (i > 0
                && self.eq(i - 1, "A")
                && self.back(i, 5).any(|k| self.unlisted(k, "LLEGO LLEGA LLEGAN LLEGARON CAYO")))
            // (A belief given up: "Pensé que era spam", "Je croyais que
            // c'était du spam"; not "... y efectivamente lo es".)
            || (self
                .back_in_sentence(i)
                .any(|k| self.unlisted(k, "PENSE PENSABA CREI CREIA CROYAIS PENSAIS THINKING"))
                && !self.confirmed(i))
        {
            return None;
        }
        // A question whether it is: "is this spam", "are you a scam";
        // "¿Esto es spam?", "C'est-tu du spam ça?" (asked, and nothing
        // before but what it is).
        let first = self.back(i, 6).last();
        if first.is_some_and(|k| self.any(k, "IS ARE")) {
            return None;
        }
        let end = (i + 1..self.t.len())
            .find(|&m| !self.on(m))
            .unwrap_or(self.t.len());
        let asked = self.t.get(end).map_or(self.toks.asks, |t| t.ask);
        if asked
            && self.back_in_sentence(i).all(|k| {
                self.any(
                    k,
                    "ESTO ESO ES EST CE QUE C CA THIS IT IS DU UN UNE UNA A DE",
                )
            })
        {
            return None;
        }
        // ("Revisé mi spam", "mi carpeta de spam": a folder.)
        if self
            .back(i, 3)
            .any(|k| self.any(k, "MY MI MON") || self.unlisted(k, "CARPETA DOSSIER BANDEJA"))
        {
            return None;
        }
        // What is called so ("any further communication will be considered
        // harassment": every channel); "That's harassment." after the
        // means were named: of them ("You call me 8 times a day. That's
        // harassment.").
        let (a, _) = self.sentence(i);
        // (Of ours: not "My neighbor calls me 8 times a day. That's
        // harassment.")
        let ours =
            (0..a).any(|m| self.any(m, "YOU YOUR UR Y'ALL")) || self.number(0) || self.is(0, MEDIA);
        let said = a > 0
            && ours
            && self.bare(i + 1)
            && (a..i).all(|m| self.any(m, "THAT'S THIS IS IT'S IT THAT"));
        let ch = match self.media_before(i) {
            0 if said => self.ours_named(a),
            ch => ch,
        };
        hit(i, i + 1, ch)
    }

    /// The sender as the pronoun before the verb at word `i`, in Spanish
    /// or French: "los reporté", "te bloqueé", "je vous ai bloqué".
    fn us_before(&self, i: usize) -> bool {
        let b = if i > 1 && self.written(i - 1, "AI AVONS") {
            i - 2
        } else {
            i.saturating_sub(1)
        };
        // ("Je t'ai bloqué".)
        i > 0 && self.on(i) && (self.any(b, "LOS LES TE") || self.written(b, "VOUS T"))
    }

    /// Blocking the sender: "I'm blocking you", "blocked", "number blocked",
    /// "blocked and reported", "block this number" (not "around the block",
    /// "a block away", "block the payment").
    pub(super) fn block(&self, i: usize) -> Option<Hit> {
        // (Told of as a slip, it is undone: `slip`.)
        // ("Another email from you and I'm blocking you": the threat names
        // the means, `next_time`.)
        let threat = self
            .back_in_sentence(i)
            .any(|m| self.any(m, "ANOTHER MORE AUTRE") && self.is(m + 1, MEDIA));
        // Nor negated ("No voy a bloquear su número", "Je ne vais pas
        // bloquer votre numéro", "I won't block you"), given up ("I almost
        // blocked you") or done by the customer's phone ("my phone is
        // blocking your calls, try again").
        let device = self.back(i, 3).any(|m| self.any(m, "PHONE CARRIER APP IT"));
        let not = device
            || self.back(i, 4).any(|m| {
                self.any(m, "NO NE") || self.written(m, "WON'T WONT ALMOST NEARLY FAILLI CASI")
            });
        if self.negated(i) || threat || not {
            return None;
        }
        let j = i + 1;
        // ("los voy a bloquear": "a" is no article here.)
        if self.eq(i, "BLOCK") && self.bare(j) && self.clitic(i) {
            return hit(i, j, 0);
        }
        // ("Voy a bloquear su número": "a" before an infinitive.)
        let going = i > 1 && self.eq(i - 1, "A") && self.written(i - 2, "VOY VAMOS");
        if self.noun_use(i) && !going {
            return None;
        }
        // ("Je bloque votre numéro", "Voy a bloquear su número"; "I'm
        // blocking your calls", "Je vais bloquer vos appels": those means.)
        if self.on(j)
            && (self.any(j, "YOU YOUR THIS ESTE VOTRE VOS SU SUS") || self.written(j, "TU"))
        {
            if self.eq(j, "YOU") || self.any(j + 1, "NUMBER") {
                return hit(i, j + 1 + usize::from(!self.eq(j, "YOU")), 0);
            }
            // (By the customer: not "Our firewall was blocking your
            // emails", "Mon fournisseur bloque vos textos".)
            return match self.object(j) {
                Obj::Media { end, ch } if self.own_verb(i) => hit(i, end, ch),
                _ => None,
            };
        }
        // ("Je vais vous bloquer"; not asked: "Pouvez-vous bloquer ?".)
        if self.eq(i, "BLOCK")
            && self.bare(j)
            && i > 0
            && self.written(i - 1, "VOUS")
            && !self.back(i, 3).any(|m| self.written(m, "POUVEZ PEUX PUIS"))
        {
            return hit(i, j, 0);
        }
        // Said of the number or of us ("blocked", "number blocked", "you are
        // blocked"), not of something else ("the road is blocked").
        // ("you've been blocked", "this number has been blocked").
        let of_us = |k: usize| self.any(k, "YOU YOU'RE YOUR UR NUMBER THIS TE YOU'VE LOS LES");
        let has = |k: usize| of_us(k) || (self.any(k, "HAVE HAS") && self.back(k, 1).all(of_us));
        let passive = self.eq(i, "BLOCKED")
            && self.back(i, 1).all(|k| {
                of_us(k)
                    || self.is(k, FILLER | LAUGH)
                    || (self.any(k, "IS ARE GETTING") && self.back(k, 1).all(of_us))
                    || (self.eq(k, "BEEN") && self.back(k, 1).all(has))
            });
        if passive && (self.bare(j) || (self.on(j) && self.any(j, "AND NOW"))) {
            return hit(i, j, 0);
        }
        // ("Bloqué et signalé", "Bloqueado y reportado", "Reportado y
        // bloqueado": blocked and reported, in Spanish and French, and the
        // other way round.)
        // ("Blocking and reporting" too.)
        let reported = |m: usize| {
            self.written(m, "REPORTADO REPORTADA REPORTADOS REPORTED REPORTING")
                || self.written(m, "SIGNALE SIGNALEE SIGNALES")
        };
        let and = |m: usize| self.on(m) && self.written(m, "ET Y AND");
        if self.any(i, "BLOCKED BLOCKING")
            && self.back(i, 1).all(|k| self.is(k, FILLER))
            && and(j)
            && reported(j + 1)
            && self.on(j + 1)
            && self.bare(j + 2)
        {
            return hit(i, j + 2, 0);
        }
        if self.any(i, "BLOCKED BLOCKING")
            && i > 1
            && and(i - 1)
            && reported(i - 2)
            && self.back(i - 2, 1).all(|k| self.is(k, FILLER))
            && self.bare(j)
        {
            return hit(i - 2, j, 0);
        }
        // ("Je vous ai bloqué", "ya los bloqueé": the pronoun first.)
        if self.eq(i, "BLOCKED") && self.us_before(i) && self.bare(j) {
            return hit(i, j, 0);
        }
        None
    }

    /// The spam-report short code at word `i`, the message sent to it:
    /// "Forwarded to 7726", "Forwarding this to 7726", "Reported to 7726"
    /// (not asked: "Should I forward this to 7726?", nor denied).
    pub(super) fn to_7726(&self, i: usize) -> Option<Hit> {
        let sent = self.back_in_sentence(i).find(|&m| {
            self.written(m, "FORWARDED FORWARDING FORWARD FWD FWDED")
                || self.any(m, "SENT SENDING REPORTED REPORTING")
        })?;
        (i > 0
            && self.eq(i - 1, "TO")
            && self.bare(i + 1)
            && !self.question(i)
            && !self
                .back_in_sentence(sent)
                .any(|m| self.is(m, NEG) || self.eq(m, "NO")))
        .then(|| hit(sent, i + 1, 0))
        .flatten()
    }

    /// An object pronoun before the verb at `i`: "te reporté", "ya los
    /// reporté", "los voy a bloquear" (the customer's threat to us); in
    /// French, "Je vais te bloquer", "M'as te bloquer", "Je vais vous
    /// signaler", "Je vais te reporter".
    fn clitic(&self, i: usize) -> bool {
        self.back(i, 4)
            .any(|m| self.any(m, "TE LOS LES") || self.written(m, "VOUS"))
            && self.back(i, 4).all(|m| {
                self.any(m, "TE LOS LES VOY A YA JE J")
                    || self.written(m, "VOUS VAIS M AS")
                    || (self.is(m, FILLER) && !self.eq(m, "NO"))
            })
    }
}
