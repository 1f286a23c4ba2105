//! Asking for no contact at all ("leave me alone"), complaints and threats
//! ("why do you keep texting me", "if you text me again"; reports and blocks:
//! `spam.rs`), and short messages of keywords and filler only.

use super::super::text::{STRONG as FULL_STOP, WEAK};
use super::super::words::*;
use super::{fallback, hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// "leave me alone", "déjenme en paz", "laissez-moi tranquille", "fichez-moi
    /// la paix": no contact at all.
    pub(super) fn alone(&self, i: usize) -> Option<Hit> {
        // "leave me be".
        if self.eq(i, "LEAVE") && self.is(i + 1, ME) && self.eq(i + 2, "BE") && self.bare(i + 3) {
            return if self.negated(i) {
                None
            } else {
                hit(i, i + 3, ALL_CH)
            };
        }
        let end = (i + 1..i + 6)
            .take_while(|&m| self.on(m))
            .find(|&m| self.any(m, "ALONE PAZ TRANQUILLE PAIX"))?;
        // (Or someone of the household: "Leave my mother alone".)
        if self.eq(i, "LEAVE") && !self.is(i + 1, ME) && self.kin(i + 1) == 0 {
            return None;
        }
        if self.negated(i) || self.left_alone_by_another(i) {
            return None;
        }
        // A limit, or contact asked for later, as "don't call me today":
        // "Leave me alone today, call tomorrow", "leave me alone until
        // Monday please", "... for an hour, I'm in a meeting", "... for 5
        // minutes", "... for two hours", "... for a week, I'm on vacation"
        // (but "for a while", "for good", "for now", "forever": no limit).
        let k = end + 1;
        let short = self.eq(k, "FOR")
            && (self.number(k + 1)
                || self.written(k + 1, "TWO THREE")
                || (self.any(k + 1, "A AN")
                    && self.written(k + 2, "SEC SECOND MIN MINUTE HOUR DAY FEW COUPLE WEEK")));
        // (A day or a part of one named, after "this", "for the", "til",
        // "thru": "Leave me alone this week", "... this afternoon", "... for
        // the weekend", "leave me alone til monday", "Déjenme en paz (por)
        // hoy", "Déjame en paz hasta el lunes", "Laissez-moi tranquille
        // cette semaine", "... jusqu'à lundi".)
        let mut p = k;
        while p < k + 3
            && self.on(p)
            && (self.any(
                p,
                "THIS ESTA ESTE FOR POR PARA THE THRU THROUGH TILL HASTA EL A",
            ) || self.written(p, "CETTE TIL JUSQU"))
        {
            p += 1;
        }
        let period = self.on(p)
            && (self.any(
                p,
                "TODAY TONIGHT TOMORROW HOY MANANA DEMAIN AUJOURD DAY WEEK MONTH",
            ) || self.any(p, "MORNING AFTERNOON EVENING SEMANA SEMAINE MONDAY TUESDAY")
                || self.any(p, "WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY")
                || self.any(p, DIAS_JOURS)
                || self.written(p, "WEEKEND WK 2DAY AUJOURD'HUI AUJOURDHUI"));
        if (self.on(k) && (period || short || self.timed(k))) || self.asked_later(k, ALL_CH) {
            return None;
        }
        // ("Foutez-moi la paix avec vos textos": those.)
        if self.any(end + 1, "WITH AVEC CON") {
            if let Obj::Media { end: e, ch } = self.object(end + 2) {
                return hit(i, e, ch);
            }
        }
        hit(i, end + 1, ALL_CH)
    }

    /// Someone else does not leave the customer alone, at word `i`: "My ex
    /// won't leave me alone", "my boss won't leave me alone today lol",
    /// "Mon chum me laisse pas tranquille" (told of, not asked; but "You
    /// won't leave me alone", "y'all won't leave me alone" complain of us).
    fn left_alone_by_another(&self, i: usize) -> bool {
        // (French puts the pronoun, and "ne", before the verb.)
        let mut s = i;
        while s > 0 && self.on(s) && (self.is(s - 1, ME) || self.any(s - 1, "NE N")) {
            s -= 1;
        }
        s > 0 && self.third_party(s)
    }

    /// Word `i` is in an instruction to the reader below the customer's own
    /// words — a footer or an auto-reply's: "If you no longer wish to
    /// receive emails from ABC, reply UNSUBSCRIBE", "To opt out, reply
    /// STOP", "Text STOP to 55555 to opt out", "If you wish to unsubscribe,
    /// click here". Alone, the message is the customer's ("Reply STOP to
    /// opt out" is read as asked).
    pub(super) fn footer(&self, i: usize) -> bool {
        let line = |m: usize| self.t.get(m).is_some_and(|t| t.line > 0);
        let Some(a) = (0..=i)
            .rev()
            .find(|&m| m == 0 || self.brk(m) == FULL_STOP || line(m))
        else {
            return false;
        };
        let b = (i + 1..=self.t.len())
            .find(|&m| m == self.t.len() || self.brk(m) == FULL_STOP || line(m))
            .unwrap_or(i + 1);
        // ("Si vous ne souhaitez plus ...", "Si usted ya no desea ...".)
        let wish = |m: usize| {
            (self.eq(m, "IF")
                && self.eq(m + 1, "YOU")
                && (self.any(m + 2, "WISH WANT WOULD ARE NEED PREFER")
                    || (self.eq(m + 2, "NO") && self.eq(m + 3, "LONGER"))))
                // ("If you'd rather not get my newsletter".)
                || (self.eq(m, "IF")
                    && self.written(m + 1, "YOU'D")
                    && self.any(m + 2, "RATHER PREFER"))
                || (self.eq(m, "SI") && self.any(m + 1, "VOUS USTED NO YA"))
        };
        // An instruction ("reply STOP", "text STOP to ...", "click here",
        // "unsubscribe here") with its purpose or condition ("to opt out",
        // "if you no longer wish to ..."): not "If you want my business,
        // stop texting me", nor "Hey\nReply STOP".
        // (In Spanish and French too: "Para darse de baja, responda BAJA",
        // "Pour vous désabonner, répondez ARRÊT"; REMOVE as STOP.)
        let told = (a..b).any(|m| {
            // ("haga clic aquí", "cliquez ici"; "reply with UNSUBSCRIBE in
            // the subject line", "click the unsubscribe link below".)
            let k = m + 1 + usize::from(self.eq(m + 1, "WITH"));
            ((self.any(m, "REPLY TEXT CLICK VISIT RESPONDA REPONDEZ SEND ENVOYEZ TEXTEZ ECRIVEZ")
                || self.unlisted(m, "CLIC CLIQUEZ"))
                && (self.is(k, STRONG | STOPV | KEY)
                    || (m + 1..m + 4).any(|x| self.any(x, "HERE LINK AQUI"))
                    || self.unlisted(m + 1, "ICI")))
                || (self.is(m, STRONG) && self.eq(m + 1, "HERE"))
                // ("... please contact privacy@acme.com", "email us",
                // "contact IT".)
                || (self.any(m, "CONTACT EMAIL CALL WRITE") && self.any(m + 1, "ADDRESS US IT"))
                // ("... just reply and let me know".)
                || ((self.eq(m, "REPLY") || self.written(m, "REPLY")) && self.written(m + 1, "AND") && self.let_know(m + 2))
        });
        let purpose = |m: usize| {
            let n = m + usize::from(self.any(m + 1, "BE VOUS DARSE"));
            (self.any(m, "TO PARA POUR")
                && (self.is(n + 1, STRONG | STOPV | REMV) || self.eq(n + 2, "BAJA")))
                // ("Pour ne plus recevoir nos courriels".)
                || (self.eq(m, "POUR") && self.eq(m + 1, "NE") && self.eq(m + 2, "PLUS"))
        };
        // (Or a confidentiality notice's: "If you received this (email) in
        // error, please delete this email".)
        // ("If you are not the intended recipient, please ... delete this
        // email", "Si usted no es el destinatario", "le destinataire".)
        let notice = (a..b).any(|m| {
            self.eq(m, "RECEIVED") && (m + 3..m + 5).any(|e| self.eq(e, "ERROR"))
                || self.unlisted(m, "INTENDED DESTINATARIO DESTINATAIRE")
        });
        let why = notice || (a..b).any(|m| purpose(m) || wish(m));
        // (Not the customer's own: "Hi. I want to opt out, so I reply STOP",
        // "If you would, text STOP to opt me out"; but the sender's words
        // in a footer: "emails from me", "my newsletter".)
        let own = (a..b).any(|m| self.own_word(m));
        // (Or a mailing list's footer the customer's own email carries, below
        // the message: "Unsubscribe from our newsletter: <link>", "You are
        // receiving this because you subscribed. Unsubscribe | Manage
        // preferences".)
        let start = (0..=i).rev().find(|&m| m == 0 || line(m)).unwrap_or(0);
        // ("Unsubscribe: <link>", "Unsubscribe from Northwind updates:
        // <link>": a line of its own that leads to a link.)
        // ("Darse de baja: <link>", "Se désinscrire : <link>", "Se désabonner |
        // Gérer vos préférences", "Vous recevez ce courriel car ...".)
        let prefs = |m: usize| self.unlisted(m, "PREFERENCES PREFERENCIAS");
        let list = start > 0
            && (self.is(i, STRONG) && self.eq(i + 1, "FROM") && self.eq(i + 2, "OUR")
                || i <= start + 2 && (i + 1..b).any(|m| self.eq(m, "LINK"))
                || (start..b).any(|m| {
                    self.eq(m, "RECEIVING") && self.any(m + 1, "THIS THESE")
                        || self.unlisted(m, "RECEVEZ RECIBE") && self.unlisted(m + 1, "CE ESTE")
                        || self.unlisted(m, "MANAGE UPDATE GERER ADMINISTRAR")
                            && (prefs(m + 1) || prefs(m + 2))
                }));
        // ("You said \"reply STOP to opt out\" but I just want the price",
        // "Your text says reply STOP to opt out", "Votre texto dit «
        // Répondez ARRÊT pour vous désabonner »": the footer's words, cited.)
        let cited = (a..i).any(|m| {
            (self.any(m, "SAID SAY") || self.written(m, "SAYS DIT DICE DIZ"))
                && !(m > 0 && self.any(m - 1, "I JE YO"))
                // (The word read is in the instruction: not "... so STOP".)
                && (m + 1..i).any(|v| {
                    i <= v + 4 && self.any(v, "REPLY TEXT RESPONDA REPONDEZ SEND ENVOYEZ TEXTEZ")
                })
        });
        // ("What does the \"reply STOP to unsubscribe\" line do?": the
        // footer's words, asked about.)
        (a > 0 || (self.question(i) && told)) && ((told || notice) && why || list) && !own
            || (cited && told && why)
            || self.asked_footer(a, b)
    }

    /// "let me know" at word `m`: the sender's words to the reader.
    fn let_know(&self, m: usize) -> bool {
        self.written(m, "LET") && self.is(m + 1, ME) && self.written(m + 2, "KNOW")
    }

    /// Word `m` is the customer's own first person in an instruction (not
    /// "emails from me", "my newsletter", "my market updates", "let me know":
    /// the sender's, in a footer).
    fn own_word(&self, m: usize) -> bool {
        self.any(m, "I ME MY I'M I'D I'LL I'VE")
            && !(m > 0 && self.eq(m, "ME") && self.eq(m - 1, "FROM"))
            && !(m > 0 && self.let_know(m - 1))
            && !(self.eq(m, "MY")
                && (m + 1..m + 4)
                    .take_while(|&x| self.on(x))
                    .any(|x| self.is(x, MEDIA)))
    }

    /// The sentence `a..b` is one half of a footer written as a question and
    /// its answer, on a line under the customer's words: "Don't want these
    /// emails? Unsubscribe.", "Not interested? Reply STOP.", "¿No quiere
    /// recibir más correos? Responda BAJA" — the reader's not wanting, asked,
    /// then an instruction. Not "Can you unsubscribe me?", "Why do you keep
    /// emailing? Unsubscribe." (no not wanting asked), nor an answer in the
    /// customer's first person ("Don't want these emails? Unsubscribe me.").
    fn asked_footer(&self, a: usize, b: usize) -> bool {
        let line = |m: usize| self.t.get(m).is_some_and(|t| t.line > 0);
        let end = |s: usize| {
            (s + 1..=self.t.len())
                .find(|&m| m == self.t.len() || self.brk(m) == FULL_STOP || line(m))
                .unwrap_or(s + 1)
        };
        // The question: the reader's not wanting (its sentence starts a line
        // under the customer's words, and ends in a question mark).
        let asked = |s: usize, e: usize| {
            s > 0
                && line(s)
                && self.t.get(e).is_some_and(|t| t.ask && !line(e))
                && (s..e).any(|m| {
                    (self.any(m, "WANT WISH INTERESTED QUIERE")
                        || self.written(m, "INTERESTED QUIERE DESEA VOULEZ SOUHAITEZ"))
                        && (s..m).any(|x| {
                            self.is(x, NEG)
                                || self.any(x, "NO NOT LONGER PLUS YA NE")
                                || self.written(x, "NO NOT DON'T DONT NE N'")
                        })
                })
                && !(s..e).any(|m| self.any(m, "I I'M I'VE YO JE") || self.written(m, "J'AI"))
        };
        // The answer: an instruction alone ("Unsubscribe.", "Reply STOP").
        let answer = |s: usize, e: usize| {
            let at = s + usize::from(self.any(s, "JUST PLEASE") || self.written(s, "SIMPLY"));
            let verb = (self.any(at, "REPLY TEXT RESPONDA REPONDEZ SEND ENVOYEZ TEXTEZ")
                || self.written(at, "REPLY RESPONDA REPONDEZ ENVOYEZ TEXTEZ"))
                && self.is(at + 1, STRONG | STOPV | KEY)
                && e <= at + 3;
            let alone = self.is(at, STRONG | KEY) && e <= at + 2;
            (verb || alone) && !(s..e).any(|m| self.own_word(m) || self.is(m, ME))
        };
        // ("Désabonnement : répondez STOP", "Unsubscribe: reply STOP": a
        // label, then the instruction; "You can opt out of my emails
        // anytime": the reader told what they may do with the sender's.)
        let label = a > 0
            && line(a)
            && (self.is(a, STRONG | KEY) || self.written(a, "DESABONNEMENT DESINSCRIPTION"))
            && self.brk(a + 1) == WEAK
            && answer(a + 1, b);
        let may = a > 0
            && line(a)
            && self.eq(a, "YOU")
            && self.written(a + 1, "CAN")
            && (a + 2..a + 4).any(|m| self.is(m, STRONG | STOPV))
            && (a..b).any(|m| {
                (self.eq(m, "MY") && self.is(m + 1, MEDIA))
                    || (self.eq(m, "FROM") && self.is(m + 1, ME))
            })
            && !(a..b).any(|m| self.own_word(m) || (self.is(m, ME) && !self.eq(m - 1, "FROM")));
        if label || may {
            return true;
        }
        if asked(a, b) {
            return answer(b, end(b));
        }
        let p = (0..a)
            .rev()
            .find(|&m| m == 0 || self.brk(m) == FULL_STOP || line(m))
            .unwrap_or(0);
        answer(a, b) && asked(p, a)
    }

    /// A complaint: "why do you keep texting me", "I keep getting these texts"
    /// (not "keep texting me the deals").
    pub(super) fn keep(&self, i: usize) -> Option<Hit> {
        // "why do you keep texting me", "no need to keep calling".
        let you = self.back(i, 3).any(|k| {
            self.any(k, "YOU Y'ALL THEY GUYS PEOPLE WHY")
                // ("your reps keep calling me", "your agent keeps calling me";
                // "your loan officer keeps calling me": whoever of yours, when
                // the complaint is the whole message.)
                || (k > 0
                    && self.any(k, "REP REPS AGENT AGENTS TEAM COMPANY PEOPLE OFFICE GUY GUYS STAFF")
                    && self.any(k - 1, "YOUR UR"))
                || (self.any(k, "YOUR UR") && self.whole_complaint(i))
                || (self.eq(i, "STILL") && self.eq(k, "YOU'RE"))
                || (k > 0 && self.eq(k, "NEED") && self.eq(k - 1, "NO"))
        });
        // Asked for, not complained of: "can you keep texting me?", "please
        // keep calling", "remove my cell but keep emailing me" (but "why
        // would you keep calling").
        // (A modal that is no negation: "you can't keep calling me" is one.)
        let asked = (self
            .back(i, 3)
            .any(|k| self.is(k, MODAL) && !self.is(k, NEG))
            || (i > 0 && self.on(i) && self.any(i - 1, "PLEASE BUT JUST")))
            && !self.back(i, 4).any(|k| self.eq(k, "WHY"));
        if asked {
            return None;
        }
        // ("..., still getting texts": the customer's, at the start of a
        // clause.)
        let me = self.back(i, 2).any(|k| self.is(k, I1))
            || (self.eq(i, "STILL") && (i == 0 || self.brk(i) != 0));
        let j = if self.eq(i + 1, "ON") { i + 2 } else { i + 1 };
        if !self.is(j, GER) {
            return None;
        }
        // "still" of us and the customer only ("you're still texting me", not
        // "are you still texting customers").
        // ("why are you still texting?")
        let why = self.back(i, 4).any(|k| self.eq(k, "WHY"))
            && self.back(i, 3).any(|k| self.any(k, "YOU Y'ALL"))
            && self.bare(j + 1);
        if self.eq(i, "STILL")
            && !((self.is(j + 1, ME) && self.bare(j + 2)) || self.is(j, NEED_OBJ) || why)
        {
            return None;
        }
        if you {
            self.gerund(i, j)
        } else if me && self.is(j, NEED_OBJ) {
            // ("I keep getting spam calls, not from you": of others.)
            self.gerund(i, j).filter(|h| !self.not_you(h.b))
        } else {
            None
        }
    }

    /// The complaint at word `i` is the whole message: nothing after its
    /// clause but filler ("Your recruiter keeps calling me", not "Your
    /// technician keeps calling, tell him Tuesday at 3 works").
    fn whole_complaint(&self, i: usize) -> bool {
        let end = (i + 1..self.t.len())
            .find(|&m| !self.on(m))
            .unwrap_or(self.t.len());
        (end..self.t.len()).all(|m| self.is(m, FILLER))
    }

    /// Said of others, from word `k` on: "(I keep getting spam calls,) not
    /// from you", "not you guys".
    pub(super) fn not_you(&self, k: usize) -> bool {
        (k..k + 6).any(|m| {
            self.brk(m) <= WEAK
                && self.eq(m, "NOT")
                && (self.eq(m + 1, "YOU")
                    || (self.eq(m + 1, "FROM") && self.any(m + 2, "YOU Y'ALL")))
        })
    }

    /// A threat: "if you text me again...", "if you don't stop texting me...",
    /// "if you keep calling".
    pub(super) fn threat(&self, i: usize) -> Option<Hit> {
        if self.eq(i, "SI") {
            return self.si(i);
        }
        // "if I get one more text...", "if I receive another call...".
        // (With a threat in the message: a lawyer, a suit, a report.)
        // (Or said of the sender: "if I get one more text from you people".)
        if self.is(i + 1, I1) && self.any(i + 2, "GET RECEIVE") {
            let mut more = false;
            for m in i + 3..i + 7 {
                if !self.on(m) {
                    break;
                }
                more |= self.any(m, "ANOTHER MORE");
                if self.is(m, MEDIA) && !self.is(m, THING) {
                    // (Not "one more email from you with the numbers".)
                    let yours = self.eq(m + 1, "FROM")
                        && self.any(m + 2, "YOU Y'ALL")
                        && (self.eq(m + 3, "PEOPLE") || self.bare(m + 3));
                    return if more && (yours || self.threatened()) {
                        hit(i, m + 1, self.means_after(i))
                    } else {
                        None
                    };
                }
            }
            return None;
        }
        if !self.any(i + 1, "YOU Y'ALL THEY")
            // ("I'll sue the other dealer if they call me again", "I'm going
            // to sue Carvana if they call", "I told my bank I'd sue if they
            // called again": someone else is "they".)
            || (self.eq(i + 1, "THEY")
                && self.back_in_sentence(i).any(|m| {
                    self.any(m, "SUE SUING REPORT REPORTING BLOCK TOLD")
                        && !self.any(m + 1, "YOU Y'ALL THEM IF")
                }))
        {
            return None;
        }
        // (Before or after: "if you stopped texting me that would be great".)
        let polite = || {
            (0..self.t.len()).any(|m| {
            self.any(
                m,
                "APPRECIATE GRATEFUL GREAT NICE HELPFUL PREFER LIKE LOVE HAPPY BETTER BEST THANKFUL HELP",
            )
        })
        };
        let mut threat = false;
        let mut ch = None;
        let mut end = i + 2;
        for m in i + 2..i + 9 {
            if !self.on(m) {
                break;
            }
            // ("I'd appreciate it if you stopped texting me": a request; not
            // "I was wondering if you stopped texting me".)
            if self.any(m, "KEEP CONTINUE AGAIN EVER STOP")
                || (self.eq(m, "STOPPED") && polite())
                // ("one more time", "one more damn time".)
                || (self.eq(m, "MORE") && self.eq(m + 1 + usize::from(self.is(m + 1, ADJ)), "TIME"))
            {
                threat = true;
            }
            if ch.is_none() && self.is(m, CVERB | GER) && !self.is(m, NEED_OBJ) {
                ch = Some(self.ch(m));
                end = m + 1;
            }
        }
        match ch {
            Some(c) if threat => hit(i, end, c),
            _ => None,
        }
    }

    /// "Si me vuelven a llamar los demando", "Si vous m'appelez encore, je
    /// porte plainte": again, in Spanish or French, and a threat.
    fn si(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        while self.on(j) && (self.is(j, ME) || self.any(j, "VOUS USTEDES")) {
            j += 1;
        }
        let again = |v: usize| {
            (v..v + 4).any(|m| {
                self.on(m)
                    // ("Si me mandan otro mensaje los demando", "Si vous
                    // m'envoyez un autre message, je vous poursuis".)
                    && self.any(m, "ENCORE OTRA AUTRE")
            })
        };
        // (The tú present, read only here: "Te voy a demandar si me llamas
        // otra vez", "... si me escribes otra vez"; "¿Por qué no me
        // llamas?" asks for calls.)
        let tu = self.written(j, "LLAMAS ESCRIBES MANDAS") && again(j + 1);
        let v = if self.any(j, "VUELVEN VUELVES VUELVE VUELVAN") && self.eq(j + 1, "A") {
            j + 2
        } else if self.written(j, "SIGUES SIGUEN") && self.is(j + 1, GER) {
            // ("Te reporto si me sigues escribiendo": kept on.)
            j + 1
        } else if tu
            || self.is(j, CVERB) && (again(j + 1) || self.any(j, "RAPPELEZ RAPPELLES RAPPELLE"))
        {
            // ("Je vous poursuis si vous me rappelez": calling back is again.)
            j
        } else {
            return None;
        };
        let ch = if self.written(v, "LLAMAS") {
            CALL
        } else {
            self.ch(v)
        };
        (self.on(v) && (tu || self.is(v, CVERB | GER)) && self.threatened())
            .then_some(())
            // ("Si me vuelven a mandar un texto los reporto": the means sent.)
            .and_then(|()| hit(i, v + 1, ch | self.means_after(v)))
    }

    /// A lawyer, a suit or a report named anywhere in the message, as a
    /// threat: at the end of its clause or with "you", "will" ("I'm
    /// suing", "my lawyer will be in touch", "I'll block you"; not "block my
    /// calendar", "the court date", "sue the contractor"); or before its
    /// condition: "Je vous poursuis si vous m'appelez encore", "Los demando
    /// si me vuelven a llamar".
    fn threatened(&self) -> bool {
        (0..self.t.len()).any(|m| {
            (self.any(
                m,
                "ATTORNEY LAWYER SUE SUING COURT REPORT REPORTING POLICE FCC FTC BLOCK BLOCKING COMPLAINT",
            ) || self.unlisted(m, "DEMANDO ABOGADO REPORTO DENUNCIO AVOCAT POURSUIS BLOQUEO COPS")
                // ("Je vous signale si vous m'appelez encore", "Un message de
                // plus et je vous dénonce".)
                || self.unlisted(m, "SIGNALE DENONCE")
                // ("Los voy a demandar si...", "Voy a demandarlos si...", "Je
                // vais vous poursuivre si...", "Je vais vous dénoncer si...":
                // the infinitive after "voy a", "vais".)
                || self.unlisted(m, "DEMANDAR DEMANDARLOS POURSUIVRE DENONCER"))
                // ("... and I'm reporting this number", "... I'm reporting
                // it".)
                && (self.any(m + 1, "YOU YOUR WILL SI THIS IT")
                    || self.bare(m + 1)
                    // ("Je vous poursuis en justice si vous m'appelez encore".)
                    || (self.written(m + 1, "EN") && self.written(m + 2, "JUSTICE")))
        })
    }

    /// A suit threatened in a clause of its own: "I'll sue", "I will sue
    /// you", "I'm suing you", "Keep it up and I'll sue", "Los voy a
    /// demandar", "Je vais vous poursuivre (en justice)" (not "I'll sue
    /// the contractor", "I'm suing my contractor", "Can I sue you?"); when
    /// the means are named before it, the threat is theirs to read ("If you
    /// text me again I'll sue": texts, by either medium).
    pub(super) fn sue(&self, i: usize) -> Option<Hit> {
        let me = self
            .back_in_sentence(i)
            .any(|m| self.is(m, I1) || self.written(m, "VOY VAIS"))
            && !(0..i).any(|m| self.is(m, MEDIA | CVERB) && !self.is(m, THING));
        let k = i + 1 + usize::from(self.any(i + 1, "YOU Y'ALL"));
        let end = self.bare(k) || (self.written(k, "EN") && self.written(k + 1, "JUSTICE"));
        hit(i, k, 0).filter(|_| me && end && !self.question(i) && !self.negated(i))
    }

    /// A threat on the next contact, with a lawyer, a suit or a report in
    /// it: "text me again and my lawyer will be in touch", "one more text
    /// and I'm suing" (not "call me again tomorrow and we'll finish", "one
    /// more question and I'm done").
    pub(super) fn next_time(&self, i: usize) -> Option<Hit> {
        // "call me again and ...": the verb; "one more text and ...": the
        // means.
        // ("un mensaje más y los reporto": the means before "más"; "un
        // autre appel et j'appelle mon avocat".)
        let again = self.eq(i, "AGAIN");
        // ("un message de plus et je vous poursuis", as "un mensaje más".)
        let de = usize::from(self.eq(i, "PLUS") && i > 0 && self.eq(i - 1, "DE"));
        let mas = self.eq(i, "MAS") || de > 0;
        // ("Encore un message et je vous poursuis": "one more" before it.)
        let encore = usize::from(self.eq(i, "ENCORE"));
        // ("Keep texting me and you'll hear from my attorney", as "text me
        // again and ...".)
        let keep = self.eq(i, "KEEP") && self.is(i + 1, GER) && self.is(i + 2, ME);
        // ("Call me one more time and I'll sue": the verb before "one more
        // time", as before "again"; not "call me one more time and we'll
        // finish", no threat.)
        let time = self.eq(i, "MORE") && self.eq(i + 1, "TIME") && i > 2 && self.eq(i - 1, "ONE");
        // ("Next time you text me I'm reporting it": the verb after "next
        // time you".)
        let next = self.eq(i, "NEXT")
            && self.written(i + 1, "TIME")
            && self.eq(i + 2, "YOU")
            && self.is(i + 3, CVERB)
            && self.is(i + 4, ME);
        let (a, v) = if next {
            (i, i + 3)
        } else if time {
            (i - 3, i - 3)
        } else if again || mas {
            (i.checked_sub(2 + de)?, i - 1 - usize::from(again) - de)
        } else {
            ((i + 2 * encore).saturating_sub(1), i + 1 + encore)
        };
        // ("Another text from you and I'm suing": no "one" before it.)
        // ("Next call and I report you to the FCC", "Otro mensaje y los
        // demando".)
        let another = self.any(i, "ANOTHER NEXT KEEP OTRA");
        let a = if another { i } else { a };
        let said = if again || time {
            self.is(a + 1, ME) && self.is(v, CVERB)
        } else if keep || next {
            true
        } else {
            (another || self.any(a, "ONE UN UNA UNE OTRA"))
                && self.is(v, MEDIA)
                && !self.is(v, THING)
        };
        let and = if next {
            i + 5
        } else {
            i + 1 + usize::from(!(again || mas)) + usize::from(keep) + encore
        };
        // ("... from you and": the sender named.)
        let and = and
            + if self.eq(and, "FROM") && self.any(and + 1, "YOU Y'ALL") {
                2
            } else {
                0
            };
        // ("Next call and I report you to the FCC", "Next text and I'm
        // calling my lawyer"; not "next call and my lawyer will join to go
        // over the contract".)
        let next_ok = !self.eq(i, "NEXT")
            || (and..self.t.len()).any(|m| {
                self.any(m, "REPORT REPORTED REPORTING BLOCK BLOCKED FCC FTC")
                    || self.written(m, "SUE SUING")
                    || (self.is(m, I1) && self.is(m + 1, CVERB | GER))
            });
        // (Or the threat right after it, "and" dropped: "text me again I'll
        // sue", "u call me again I'm suing".)
        let joined = self.any(and, "AND Y ET") || (self.brk(and) <= WEAK && self.is(and, I1));
        if said && next_ok && joined && self.threatened() {
            return hit(a, and, self.ch(v));
        }
        None
    }

    /// Word `k` ends a name signed after a keyword, a line, a dash or a
    /// comma apart, within words `a..`: "CANCEL\nBob", "END\nBob Smith",
    /// "Hi, REVOKE\nBob", "Hi, REMOVE - Bob", "BAJA - Juan" — after a
    /// keyword that takes no object, one written in capitals, one with
    /// words before it, or a name on its line after a hyphen or over a
    /// number ("Cancel\n-Bob", "Cancel\nBob Smith\n555-123-4567"); not
    /// "Cancel\nNetflix", "End\nGame" (what is ended).
    fn signed_after(&self, a: usize, k: usize) -> bool {
        let name = |m: usize| {
            self.t
                .get(m)
                .is_some_and(|t| t.cap && t.w.is_empty() && !t.synth)
        };
        let Some(f) = (k.saturating_sub(2)..=k).find(|&f| {
            f > a
                && (f..=k).all(name)
                && self.is(f - 1, KEY)
                && !self.on(f)
                && (f + 1..=k).all(|m| self.on(m))
        }) else {
            return false;
        };
        let p = f - 1;
        // (Or signed on its own line after a hyphen: "Cancel\n-Bob".)
        self.any(p, fallback::ALONE)
            || self.t.get(p).is_some_and(|t| t.upper)
            || p > a
            || self.t.get(f).is_some_and(|t| t.line > 0 && t.hyphen)
            || self.phone_line(
                (k + 1..k + 3)
                    .find(|&m| !(self.on(m) && name(m)))
                    .unwrap_or(k + 3),
            )
    }

    /// Words `k`, `k + 1` are a phone number on a line of its own under a
    /// name ("Cancel\nBob Smith\n555-123-4567", the number read as "my
    /// number").
    fn phone_line(&self, k: usize) -> bool {
        k > 0
            && self.t.get(k).is_some_and(|t| t.line > 0)
            && self.eq(k, "MY")
            && self.eq(k + 1, "NUMBER")
            && self.t.get(k + 2).map_or(true, |t| t.line > 0)
            && self.t.get(k - 1).is_some_and(|t| t.cap && t.w.is_empty())
    }

    /// A short message, or sentence, of keywords and filler only ("stop
    /// please", "wrong number stop", "baja por favor"), or of keywords only
    /// however many: words `a..b`.
    pub(super) fn short(&self, a: usize, b: usize) -> Option<Hit> {
        let words = (a..b)
            .filter(|&k| self.t.get(k).is_some_and(|t| !t.synth))
            .count();
        if words == 0 {
            return None;
        }
        let mut key = false;
        let mut all = false;
        // ("BAJA de correos": the means.)
        let mut named = 0;
        // (A means named with no channel: "BAJA MENSAJES", the medium.)
        let mut generic = false;
        // (The request's words end before a sign-off.)
        let mut end = a;
        // Past eight words only keywords count: "END END END END END END END
        // END END" is as plain a request as "END".
        let filler_ok = words <= 8;
        for k in a..b {
            let t = self.t.get(k)?;
            // ("baja para siempre": forever; "Para siempre" alone is no stop.)
            // ("REMOVE for good", "Cancel right away", "STOP have a nice day":
            // an intensifier or a sign-off.)
            if (a.max(k.saturating_sub(3))..=k).any(|m| self.sign_off(m) > k - m)
                || (k > a && (self.phone_line(k) || self.phone_line(k - 1)))
            {
                continue;
            }
            end = k + 1;
            if t.synth || (t.w == "PARA" && self.eq(k + 1, "SIEMPRE")) {
                continue;
            }
            // (Not a mailing list's footer under the words: "Yes\n\nUnsubscribe:
            // <link>", "Thanks\n\nUnsubscribe | Manage preferences".)
            if t.is(KEY) && !(k > a && self.footer(k)) && !self.titled(k) {
                key = true;
                all |= t.w == "STOPALL";
            } else if t.is(ALLW)
                && k > a
                && (self.is(k - 1, KEY)
                    || (k > a + 1 && self.any(k - 1, "DE A") && self.is(k - 2, KEY)))
            {
                // "STOP ALL", "REMOVE ALL", "BAJA TODO", "ARRET TOUT", "BAJA DE TODO".
                all = true;
            } else if self.eq(k, "TO") && k > a && self.is(k - 1, KEY) && self.is(k + 1, KEY) {
                // ("STOP to end", as a short code's help says it.)
            } else if self.any(k, "DE A DEL")
                && k > a
                && self.is(k - 1, KEY)
                && (self.is(k + 1, ALLW) || self.ch(k + 1) & ALL_CH != 0)
            {
                // The preposition of "BAJA DE TODO", "BAJA DE CORREOS".
            } else if k > a + 1
                && self.any(k - 1, "DE DEL")
                && self.is(k - 2, KEY)
                && self.is(k, MEDIA)
            {
                named |= self.ch(k) & ALL_CH;
            } else if k > a && self.is(k - 1, KEY) && self.eq(k, "MAIL") && !self.on(k + 1) {
                // ("ARRET mail": French for email.)
                named |= EMAIL;
            } else if k > a
                && self.is(k, MEDIA)
                && !self.is(k, THING | GER)
                // (Not the call on the line: "end call", as "end the call".)
                && !(self.eq(k - 1, "END") && self.is(k, SING))
                && (self.is(k - 1, KEY)
                    || (k > a + 2
                        && self.is(k - 1, DET)
                        && self.eq(k - 2, "DE")
                        && self.is(k - 3, KEY)))
            {
                // ("BAJA SMS", "ALTO LLAMADAS", "Baja de los mensajes".)
                named |= self.ch(k) & ALL_CH;
                generic |= self.ch(k) & ALL_CH == 0;
            } else if !(filler_ok
                && (t.is(FILLER)
                    // (Not a clock time: "cancel 4:30", "cancel 1630".)
                    || (self.number(k) && !self.clock(k))
                    // (Thanks and good wishes in two words: "BAJA muchas
                    // gracias", "BAJA gracias buenas noches", "ARRÊT bonne
                    // soirée".)
                    || (self.written(k, "MUCHAS MIL BUENAS BUENOS BUEN BONNE")
                        && (self.is(k + 1, FILLER)
                            || self.written(k + 1, "NOCHES TARDES DIA DIAS SOIREE NUIT")))
                    || (self.written(k, "NOCHES TARDES DIA DIAS SOIREE NUIT BEAUCOUP")
                        && k > 0
                        && self.is(k - 1, FILLER) | self.written(k - 1, "BUENAS BUENOS BUEN BONNE"))
                    // ("Stop #2 and #3".)
                    || (t.is(CONJ) && k > a && self.number(k - 1))
                    // ("Remove please and thank you", "Cancel pls and ty".)
                    || (self.eq(k, "AND") && k > a && self.is(k + 1, FILLER))
                    // (Laughter beside a keyword that is the whole message:
                    // "STOP lol", "lol stop", "please stop haha", as "STOP
                    // 😂"; not "STOP jk", taken back.)
                    || (a == 0
                        && b == self.t.len()
                        && self.any(k, "LOL LMAO LMFAO ROFL HAHA HEHE JAJA MDR XD"))
                    // ("Thanks but CANCEL", "Sorry but END", "Gracias pero
                    // BAJA", "Perdón pero BAJA": a polite refusal.)
                    || (self.written(k, "BUT PERO MAIS")
                        && k > a
                        && self.is(k + 1, KEY)
                        && (self.is(k - 1, FILLER) || self.written(k - 1, "PERDON DESOLE")))
                    || (self.written(k, "PERDON DESOLE") && self.written(k + 1, "BUT PERO MAIS"))
                    // ("Yo STOP moron": a greeting.)
                    || (k == a
                        && self.written(k, "YO")
                        && self.written(k + 1, "STOP QUIT REMOVE UNSUBSCRIBE CANCEL END"))
                    // ("Hey Sam, REMOVE": the one greeted.)
                    || (k > a
                        && t.cap
                        && t.w.is_empty()
                        && self.on(k)
                        && self.written(k - 1, "HI HEY HELLO HOLA DEAR BONJOUR"))
                    || self.signed_after(a, k)
                    // Those addressed, after the keyword: "stop y'all",
                    // "stop you guys please", as "stop guys".
                    || (k > a
                        && self.is(k - 1, KEY | FILLER)
                        && (self.eq(k, "Y'ALL")
                            || (self.eq(k, "YOU") && self.eq(k + 1, "GUYS"))))))
                // (A purchase order, not Tagalog "po": "cancel PO 4471".)
                || (self.eq(k, "PO") && self.number(k + 1))
            {
                return None;
            }
        }
        if !key {
            return None;
        }
        let named = if generic && named != 0 {
            named | CAME_BY
        } else {
            named
        };
        hit(a, end, if all { ALL_CH } else { named })
    }
}
