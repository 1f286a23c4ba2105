//! What undoes a hit: laughter beside a bare stop word ("Stop! lol you're too
//! funny"), and a keyword told of as sent by mistake ("I accidentally
//! replied STOP").

use super::super::words::*;
use super::{Hit, Reader};

/// Verbs of saying, sending or asking a keyword, denied: "I didn't send STOP".
const DENIED: &str =
    "SAY SAID SEND SENT TEXT TEXTED REPLY REPLIED WRITE WROTE TYPE TYPED ASK ASKED \
    RESPOND RESPONDED DIJE MANDE ENVIE ESCRIBI PEDI RESPONDI CONTESTE DIT ECRIT ENVOYE REPONDU \
    DEMANDE TAPE";

/// The Spanish ones, first person in themselves: "Nunca escribí ALTO".
const DENIED_ES: &str = "DIJE MANDE ENVIE ESCRIBI PEDI RESPONDI CONTESTE";

/// Answers that refuse, as the first words of a sentence: "Cancel? No way".
/// A bare "No" refuses only with what the customer keeps after it ("Remove
/// me? No, keep me on"); "STOP? no" stays a request.
const REFUSALS: &str = "NO WAY|NOPE|NAH|NEVER|HELL NO|NOT A CHANCE|OF COURSE NOT|ABSOLUTELY NOT|\
    DEFINITELY NOT|PARA NADA|JAMAIS|PAS QUESTION";

impl Reader<'_> {
    /// Laughter near the request, not anywhere in a long message ("... needs
    /// to be fired lol. 5 texts in 2 days. Stop sending me this stuff").
    pub(super) fn laughed(&self, h: &Hit) -> bool {
        // ("Kind regards" is a closing, not laughter.)
        let laughs =
            |m: usize| self.is(m, LAUGH) && !(self.eq(m, "KIND") && self.eq(m + 1, "REGARDS"));
        // (Unless it is said in earnest: "Stop. Not funny.", "stop lmao I'm
        // serious", "for the love of god stop", "I love you guys but stop".)
        // (Said so where it ends its clause, or right beside the stop;
        // "but stop" with no laugh after it.)
        let ends = |m: usize| !self.on(m) || self.is(m, FILLER);
        let laugh_after = (h.b..self.t.len()).any(laughs);
        let earnest = (0..self.t.len()).any(|m| {
            (self.written(m, "SERIOUS") && ends(m + 1))
                || (self.written(m, "SERIOUSLY") && (m + 1 == h.a || m == h.b))
                || (self.any(m, "NOT ISN'T") && self.any(m + 1, "FUNNY INTERESTED") && ends(m + 2))
                || (self.eq(m, "LOVE") && self.eq(m + 1, "OF") && self.written(m + 2, "GOD"))
        }) || (h.a > 0 && self.eq(h.a - 1, "BUT") && !laugh_after);
        !earnest
            && (self.back_in_sentence(h.a).any(laughs)
                || (h.a..(h.b + 6).min(self.t.len())).any(laughs))
    }

    /// "I accidentally replied STOP", "texted stop by mistake": a keyword
    /// alone, told of as what was sent by mistake, is no request (but "Stop,
    /// I signed up by mistake" is one); nor an opt-out or a block told of as
    /// done by mistake ("I accidentally unsubscribed", "I accidentally
    /// blocked you").
    pub(super) fn slip(&self, h: &Hit) -> bool {
        // (Or after START: "START - sorry my kid texted stop".)
        let restart = self.any(0, "START UNSTOP") && self.brk(1) != 0;
        // (Or denied: "I never said STOP", "I didn't mean to text stop"; or
        // "wait": "hold on stop, what's the total?")
        // ("Si j'écris STOP, est-ce que ...?", "Si escribo STOP ...".)
        // ("What happens if I reply STOP?", "O que acontece se eu responder
        // PARE?", as "if I say stop".)
        let told = h.a > 0
            && (self.any(h.a - 1, "SAID SAY TEXT SEND HIT TYPE REPLY")
                || self.written(h.a - 1, "ECRIS ESCRIBO PONGO MANDO REPONDS RESPONDO")
                || self.written(h.a - 1, "RESPONDER"));
        // ("START - désolé mon fils a écrit STOP".)
        // ("Mon fils a répondu STOP", "Fue mi hija la que puso STOP".)
        let sent = h.a > 0
            && (self.any(h.a - 1, SENDING)
                || self.written(h.a - 1, "REPONDU PUSO MIS ESCRIBIO RESPONDIO")
                || (restart && (self.eq(h.a - 1, "ECRIT") || self.unlisted(h.a - 1, "ESCRIBIO"))));
        let before = |words: &str| self.back_in_sentence(h.a).any(|m| self.any(m, words));
        // The customer's own denial, in the clause: "I never said", "I
        // didn't mean to text" (not "you didn't stop when I said STOP").
        let denied = self
            .back(h.a, 6)
            .any(|m| m > 0 && self.eq(m - 1, "I") && self.any(m, "NEVER DIDN'T"));
        // "Wait stop", "hold on stop": just before it (not "on hold with my
        // bank, stop").
        let wait = self.on(h.a)
            && h.a > 0
            && (self.eq(h.a - 1, "WAIT")
                || (h.a > 1 && self.eq(h.a - 1, "ON") && self.eq(h.a - 2, "HOLD")));
        // ("What happens if a customer replies STOP?": someone else's.)
        // ("how do you handle people who say stop?".)
        let other = |m: usize| {
            self.unlisted(m, "CUSTOMER SOMEONE SOMEBODY ANYONE CLIENT")
                || self.written(m, "PEOPLE CUSTOMERS CLIENTS")
        };
        // (Not when the customer says it too: "How do you handle people who
        // say stop? I've said it 3 times.")
        let own_too = (h.b..self.t.len()).any(|m| {
            self.any(m, "I I'VE I'M")
                && (m + 1..m + 3).any(|x| self.any(x, "SAID SAY") || self.written(x, "SAYING"))
        });
        let others = || self.back_in_sentence(h.a).any(other) && !own_too;
        // ("My kid sent STOP, I still want texts", "I sent stop but I
        // changed my mind, keep texting", "my son sent that STOP, please
        // ignore it": taken back in the message.)
        // ("Who said stop? I never said that": denied after it.)
        let denied_after = (h.b..self.t.len()).any(|m| {
            self.eq(m, "I")
                && self.any(m + 1, "NEVER DIDN'T")
                && self.any(m + 2, "SAID SAY SEND SENT")
        });
        let back = denied_after
            || (0..self.t.len()).any(|m| {
                (self.eq(m, "STILL") && self.any(m + 1, "WANT"))
                // ("je veux continuer à recevoir", "quiero seguir recibiendo
                // mensajes", "continuez svp".)
                || (self.written(m, "CONTINUER SEGUIR")
                    && (m + 1..m + 3).any(|x| self.written(x, "RECEVOIR RECIBIENDO RECIBIR")))
                || (self.written(m, "CONTINUEZ SIGAN") && (self.bare(m + 1) || self.written(m + 1, "SVP")))
                // ("Keep me on the list", "I want to stay".)
                || (self.eq(m, "KEEP") && self.is(m + 1, ME) && self.eq(m + 2, "ON"))
                || (self.eq(m, "TO") && self.unlisted(m + 1, "STAY"))
                || (self.eq(m, "KEEP")
                    && self.is(m + 1, GER)
                    && (m == 0 || self.brk(m) != 0 || self.any(m - 1, "BUT PLEASE JUST")))
                || (self.unlisted(m, "IGNORE") && self.any(m + 1, "IT THAT THIS"))
                || (self.unlisted(m, "CHANGED")
                    && self.eq(m + 1, "MY")
                    && self.unlisted(m + 2, "MIND"))
            });
        let slipped = h.b == h.a + 1
            // ("What happens if I say stop?": said of a case.)
            && (((sent || told)
                && (back || before("IF SI") || self.back_in_sentence(h.a).any(|m| self.written(m, "SE"))))
                || (sent && (restart || before("ACCIDENTALLY MISTAKENLY")))
                || (h.a > 0
                    && (sent
                        || told
                        || self.any(h.a - 1, "REPLY SEND")
                        || self.unlisted(h.a - 1, "REPLIES SENDS"))
                    && others())
                || ((sent || told) && denied)
                || wait
                || (self.on(h.b) && self.eq(h.b, "BY") && self.any(h.b + 1, "MISTAKE ACCIDENT")));
        // ("I accidentally unsubscribed, can you add me back?", "I opted out
        // by mistake": done, and told of as a slip.)
        // ("me desuscribí por error", "je me suis désabonnée par accident".)
        let past = self
            .t
            .get(h.a)
            .is_some_and(|t| self.toks.surface(t).ends_with("ED"))
            || self.eq(h.a, "DESUSCRIBI")
            // ("I accidentally clicked unsubscribe".)
            || (h.a > 0 && self.written(h.a - 1, "CLICKED TAPPED PRESSED HIT"))
            || (h.a > 0 && self.eq(h.a - 1, "SUIS"));
        // ("I got a message saying I opted out but I didn't".)
        let untrue = (h.b..h.b + 4).any(|m| {
            self.eq(m, "BUT") && self.eq(m + 1, "I") && self.eq(m + 2, "DIDN'T") && self.bare(m + 3)
        });
        let opted = self.any(
            h.a,
            "UNSUBSCRIBED OPT OPTOUT DESUSCRIBI DESABONNE UNSUBSCRIBE",
        );
        let undone = (untrue && opted)
            || (past || (h.a > 0 && self.any(h.a - 1, "ACCIDENTALLY MISTAKENLY")))
                && opted
                && (before("ACCIDENTALLY MISTAKENLY")
                    || (h.b..h.b + 5).any(|m| {
                        self.on(m)
                            && self.any(m, "BY POR PAR")
                            && (self.any(m + 1, "MISTAKE ACCIDENT ERROR")
                                || self.unlisted(m + 1, "ERREUR EQUIVOCACION"))
                    }));
        // ("Sorry I accidentally blocked you, unblocked now", "my phone
        // blocked your number by mistake", "Sorry I reported your email as
        // spam by accident".)
        // ("Lo marqué como spam por error", "Je vous ai signalé comme spam
        // par erreur", "Sorry I hit report spam, didn't mean to": the spam
        // named as what was reported.)
        let reported = self.any(h.a, "SPAM REPORT")
            && self
                .back_in_sentence(h.a)
                .any(|m| self.written(m, "MARKED REPORTED HIT MARQUE REPORTE SIGNALE"));
        let unblocked = (reported || self.any(h.a, "BLOCK BLOCKED BLOCKING REPORTED"))
            && (0..self.t.len()).any(|m| {
                self.any(
                    m,
                    "ACCIDENTALLY MISTAKENLY ACCIDENT MISTAKE UNBLOCKED ERROR",
                ) || self.written(m, "ERREUR EQUIVOCACION")
                    || (self.eq(m, "DIDN'T") && self.written(m + 1, "MEAN"))
                    // ("Lo marqué como spam sin querer", "... sans faire
                    // exprès"; not "exprès" alone, on purpose.)
                    || (self.written(m, "SIN SANS")
                        && (self.written(m + 1, "QUERER") || self.written(m + 2, "EXPRES")))
            })
            // (Not a mistake denied: "Reported as spam, not by mistake",
            // "... and it wasn't an accident".)
            && !(0..self.t.len()).any(|m| {
                self.any(m, "MISTAKE ACCIDENT")
                    && self.back(m, 3).any(|k| self.any(k, "NOT") || self.written(k, "WASN'T WASNT"))
            });
        // ("I'd like to not be called Mr. Smith", "Arrêtez de m'appeler
        // Madame": a name, not a call.)
        // ("I'd rather not be called by my first name".)
        let by_name =
            self.eq(h.b, "BY") && self.eq(h.b + 1, "MY") && self.any(h.b + 2, "NAME FIRST LAST");
        let named = h.b > 0
            && self.any(h.b - 1, "CALLED CALL APPELER APPELEZ LLAMEN LLAMES LLAMAR")
            && (self.unlisted(h.b, "MR MRS MS MISS MADAME MONSIEUR MADEMOISELLE")
                || self.written(h.b, "SENORA SENOR SENORITA")
                // ("No me llames de usted": the form of address.)
                || (self.eq(h.b, "DE") && self.any(h.b + 1, "USTED"))
                || by_name)
            // ("Stop calling me sir", as "Stop calling me Mrs. Jones"; but
            // "Stop texting me sir", "Leave me alone sir" ask, and the form
            // of address is a vocative.)
            || (self.on(h.b)
                && self.any(h.b, "SIR MAAM")
                && h.b > 1
                && self.is(h.b - 1, ME)
                && self.any(h.b - 2, "CALLING CALL CALLED"));
        // ("Me equivoqué, no quería poner STOP", "je ne voulais pas écrire
        // STOP": meant not.)
        let meant_not = h.b == h.a + 1
            && h.a > 2
            && self.written(h.a - 1, "PONER ESCRIBIR MANDAR ENVIAR DECIR ECRIRE ENVOYER")
            && (self.written(h.a - 2, "QUERIA") && self.eq(h.a - 3, "NO")
                || self.written(h.a - 2, "PAS") && self.written(h.a - 3, "VOULAIS"));
        slipped
            || meant_not
            || undone
            || unblocked
            || named
            || self.disowned(h)
            || self.refused(h)
            || self.supposed(h)
    }

    /// A request only supposed, believed or told of another sender: "If I
    /// unsubscribe will I lose my rewards?", "I thought this was spam at
    /// first", "I unsubscribed from Carvana's texts", and a question about a
    /// product's feature ("Does your dialer stop calling when someone says
    /// do not call?").
    fn supposed(&self, h: &Hit) -> bool {
        let strong = self.any(h.a, "UNSUBSCRIBE OPT OPTOUT");
        // ("If I unsubscribe, will I lose my rewards?", "If I opt out do I
        // lose the discount?": the customer's own case, asked about.)
        let case = strong && h.a > 1 && self.eq(h.a - 1, "I") && self.eq(h.a - 2, "IF");
        // ("I thought this was spam at first lol", "I almost reported this
        // as spam": a belief given up.)
        let spam = (h.a..h.b.max(h.a + 1))
            .any(|m| self.any(m, "SPAM SCAM SPAMMY REPORTED REPORT REPORTING"));
        let belief = spam
            && self
                .back_in_sentence(h.a)
                .any(|m| self.written(m, "THOUGHT ALMOST"))
            && !self.confirmed(h.a);
        // ("I unsubscribed from Carvana's texts", "I opted out of my bank's
        // texts, not yours": done, from another sender's.)
        // ("OPTED OUT" is one word.)
        let past = self.t.get(h.a).is_some_and(|t| {
            let w = self.toks.surface(t);
            w.split(' ').next().unwrap_or(w).ends_with("ED")
        });
        // (Not "your dealership's emails", "y'all's texts", nor with ours
        // too: "everyone's texts including yours".)
        let yours = (0..self.t.len()).any(|m| {
            self.written(m, "YOURS")
                && m > 0
                && (self.any(m - 1, "AND ALSO") || self.written(m - 1, "INCLUDING"))
        });
        let elsewhere = !yours
            && (h.a..(h.b + 5).min(self.t.len())).any(|m| {
                self.on(m)
                    && !self.back(m, 3).any(|b| self.any(b, "YOUR UR"))
                    && self.t.get(m).is_some_and(|t| {
                        let w = self.toks.surface(t);
                        // (A word the lists do not know: not "it's", "that's".)
                        w.ends_with("'S") && t.w.is_empty() && !w.starts_with("Y'ALL")
                    })
            });
        let other = past && elsewhere;
        // ("Does your tool add an unsubscribe link?", "How do I unsubscribe a
        // contact from a sequence in your app?": a question about a product.)
        // (Not the customer's own: "How do I opt out of texts from your
        // app?", "Can you stop calling me from your dialer?"; but "How do I
        // unsubscribe a contact in your app?" is about others.)
        let (a, b) = self.sentence(h.a);
        let mine = (a..b).any(|m| self.is(m, ME) || self.any(m, "I MY"));
        let others = self.any(h.a + 1, "A AN")
            || self.written(h.a + 1, "SOMEONE CONTACTS LEADS CUSTOMERS PEOPLE USERS");
        let product = self.question(h.a)
            && (!mine || others)
            && (a..b).any(|m| {
                self.any(m, "YOUR UR THE")
                    && (self.written(m + 1, "TOOL APP PLATFORM SOFTWARE DIALER")
                        || self.written(m + 1, "PRODUCT FEATURE SAAS"))
            });
        // ("Can you unsubscribe my husband from the reminder? Keep me on
        // it.", "Unsubscribe me from the Denver alerts and add me to
        // Austin": someone else's, or a list switched.)
        let keep_me = (0..self.t.len())
            .any(|m| self.eq(m, "KEEP") && self.is(m + 1, ME) && self.any(m + 2, "ON"));
        let add_me = (0..self.t.len())
            .any(|m| m >= h.b && self.eq(m, "ADD") && self.is(m + 1, ME) && self.any(m + 2, "TO"));
        let switched = add_me || (keep_me && (self.kin(h.b) > 0 || self.kin(h.a + 1) > 0));
        // ("Unsubscribe link is broken btw, still want the product
        // updates": the link, with the messages wanted.)
        let link = self.written(h.a + 1, "LINK BUTTON")
            && (0..self.t.len()).any(|m| self.eq(m, "STILL") && self.any(m + 1, "WANT"));
        // ("I thought about unsubscribing but this deal is good": a plan
        // given up.)
        // ("I almost unsubscribed", "I nearly opted out".)
        let almost = h.a > 0 && self.written(h.a - 1, "ALMOST NEARLY");
        let plan = almost
            || h.a > 1
                && self.eq(h.a - 1, "ABOUT")
                && self
                    .back_in_sentence(h.a)
                    .any(|m| self.written(m, "THOUGHT ALMOST"));
        // ("I told my old agent to leave me alone", "I told my ex to stop
        // calling this number": said to someone else, of the household or
        // of before; not "I told you to leave me alone", "I told the
        // salesman to stop calling me".)
        // ("I told the bank to stop calling me, not you": another sender.)
        let before_now = |m: usize| {
            self.any(m, "MY THE")
                && (self.written(m + 1, "OLD LAST PREVIOUS OTHER EX")
                    || self.unlisted(m + 1, "BANK LENDER"))
        };
        // (The telling nearest the request, and no "you" between: not "I
        // told my wife to stop texting me and I'm telling you to stop
        // texting me".)
        let told_other = h.a > 0
            && self.eq(h.a - 1, "TO")
            && self
                .back_in_sentence(h.a)
                .find(|&m| self.written(m, "TOLD ASKED TELLING TELL ASKING"))
                .is_some_and(|m| {
                    (self.kin(m + 1) > 0 || before_now(m + 1))
                        && !(m + 2..h.a).any(|x| self.any(x, "YOU"))
                });
        // ("Unsubscribe is a weird word for a gym": the word, named.)
        let word = strong && self.any(h.b, "IS") && self.any(h.b + 1, "A AN");
        case || belief || other || product || switched || link || plan || told_other || word
    }

    /// "Cancel? No way, keep me posted", "Unsubscribe? Nope, keep them
    /// coming", "Stop? Never!", "Remove me? No, I love these deals",
    /// "¿Cancelar? ¡Para nada!", "Arrêter ? Jamais !": a keyword that opens
    /// the message as a question, the customer's own answer refusing it at
    /// once, is no request; a request after the answer still is ("Stop?
    /// Nope. Stop texting me"), and so is an answer that goes on ("Stop? No
    /// more texts", "Stop? No way I'm paying that").
    #[inline(never)]
    fn refused(&self, h: &Hit) -> bool {
        let k = if self.is(1, ME) { 2 } else { 1 };
        // (A question mark is a full stop before word `k`.)
        let asked = self.t.get(k).is_some_and(|t| t.ask);
        if !asked || !self.is(0, KEY | STRONG | STOPV | REMV) {
            return false;
        }
        // The refusal's end: its words in one clause, ended by a break.
        let said = |r: &str| {
            let mut e = k;
            for w in r.split(' ') {
                if !self.eq(e, w) || (e > k && !self.on(e)) {
                    return None;
                }
                e += 1;
            }
            (!self.on(e)).then_some(e)
        };
        // ("Baja? No, sigo interesado", "¿Baja? No, sigan mandando",
        // "Arrêt? Non merci, continuez": thanks in the answer, then more
        // wished; "BAJA? No, quiero la oferta", "STOP? Non, je suis
        // toujours intéressé": the customer's own wish.)
        let mut n = k + 1;
        while n < k + 3 && self.on(n) && self.is(n, FILLER) {
            n += 1;
        }
        // (Not a wish that they do something: "Baja? No, quiero que me
        // dejen en paz" asks.)
        let wished_of_us = (n + 1..n + 3).any(|x| self.written(x, "QUE QU'"));
        let kept = self.any(k, "NO NON")
            && !self.on(n)
            && !wished_of_us
            && (self.any(n, "KEEP I I'M LOVE ADD SIGAN CONTINUEZ")
                || self.written(n, "SIGO SIGUE SIGUEN CONTINUE CONTINUEN CONTINUA")
                || self.written(n, "QUIERO QUEREMOS ESTOY ESTAMOS JE J'AI J JAI"));
        // (A hit in the question or in the answer: "Stop? Never!" is no
        // "never" of its own.)
        let end = if kept {
            Some(n)
        } else {
            REFUSALS.split('|').find_map(said)
        };
        end.is_some_and(|e| h.a < e)
    }

    /// "I didn't send STOP", "I did not text STOP", "I never asked to
    /// unsubscribe", "Yo no mandé STOP", "Nunca pedí darme de baja", "Je
    /// n'ai jamais écrit ARRET", "Je ne me suis jamais désabonné": a keyword
    /// alone, what the customer denies having said, sent, asked or done, is
    /// no request. Only the keyword right after the denial, to the end of
    /// its clause: "I never said you could text me, STOP", "I didn't send
    /// STOP but please stop texting me" still ask.
    fn disowned(&self, h: &Hit) -> bool {
        let key = match h.b.checked_sub(h.a) {
            Some(1) => self.is(h.a, KEY | STRONG),
            Some(2) => {
                (self.eq(h.a, "OPT") && self.eq(h.a + 1, "OUT"))
                    || (self.eq(h.a, "DE") && self.eq(h.a + 1, "BAJA"))
                    || (self.is(h.a, STRONG) && self.is(h.a + 1, ME))
            }
            _ => false,
        };
        if !key || !self.bare(h.b) || !self.on(h.a) || h.a == 0 {
            return false;
        }
        // (And no other stop word in the message: "I didn't send STOP, stop
        // anyway". A pass over the whole message: only for a keyword alone.)
        let other =
            (0..self.t.len()).any(|m| (m < h.a || m >= h.b) && self.is(m, KEY | STOPV | STRONG));
        if other {
            return false;
        }
        // ("I never texted you, stop": "you" is whom it was not sent to, and
        // the keyword a request of its own.)
        if self.any(h.a - 1, "YOU Y'ALL") {
            return false;
        }
        // Back over "to (be)", "you to", "à me", "darme": to the verb.
        let mut v = h.a - 1;
        while v > 0 && self.on(v) && (self.is(v, ME) || self.any(v, "TO BE YOU A DE D ETRE DARME"))
        {
            v -= 1;
        }
        // Done, not told: "je ne me suis jamais désabonné".
        let done = v + 1 == h.a && self.any(h.a, "DESABONNE UNSUBSCRIBED");
        let told = self.any(v, DENIED);
        if !(told || done) {
            return false;
        }
        let from = if done { h.a } else { v };
        // The first person's negation before it ("I didn't", "I did not",
        // "I have never", "yo no", "nunca", "je n'ai jamais", "j'ai pas"),
        // the subject first.
        let (mut neg, mut me) = (false, self.any(v, DENIED_ES) && !done);
        for m in self.back(from, 6) {
            if self.any(m, "DIDN'T NOT NEVER HAVEN'T NO NUNCA JAMAS NE N JAMAIS PAS") {
                neg = true;
            } else if self.any(m, "I I'VE YO JE J") && neg {
                // (Before the negation: "No I said STOP" insists.)
                me = true;
            } else if !self.any(m, "DID HAVE AI ME M SUIS EVER EVEN ACTUALLY") {
                break;
            }
        }
        neg && me
    }

    /// "mandé STOP", "envié BAJA": a keyword alone after a Spanish verb of
    /// sending is what was (or was not) sent, not a command ("no mande
    /// mensajes").
    pub(super) fn sent_key(&self, j: usize) -> bool {
        // (Told by "yo" or "nunca": "no mande STOP" alone may be the command.)
        self.any(j, "MANDE ENVIE")
            && self.is(j + 1, KEY)
            && self.on(j + 1)
            && self.bare(j + 2)
            && self.back(j, 3).any(|m| self.any(m, "YO NUNCA JAMAS"))
    }
}
