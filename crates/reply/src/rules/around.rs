//! The words around a word: what a rule looks at before and after the word
//! it starts at — breaks, negation, the subject (the channels named are read
//! in `means.rs`, the object in `object.rs`).

use super::super::text::{STRONG as FULL_STOP, WEAK};
use super::super::words::*;
use super::Reader;

impl Reader<'_> {
    pub(super) fn w(&self, i: usize) -> &'static str {
        self.t.get(i).map_or("", |t| t.w)
    }

    /// Word `i` is one the lists do not know, capitalised: a name ("Stop
    /// Mike", "Take Tom off your list").
    pub(super) fn name_at(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.w.is_empty() && t.cap)
    }

    /// Word `i` is a surname after a title, not a stop word: "Can Mr. Stop
    /// call me?", "Tell Mr. Quit thanks", "Sra. Alto", "M. Stop", "Can
    /// Miss Stop call me?", "Prof. Stop", "Dites à Mlle Stop de m'appeler"
    /// (not a name's suffix, nor before a request: "John Smith Sr. Stop
    /// calling me", "Mr. STOP TEXTING ME"; nor one spoken to: "Miss, STOP").
    pub(super) fn titled(&self, i: usize) -> bool {
        i > 0
            && self.t.get(i).is_some_and(|t| t.cap && t.line == 0)
            && self.t.get(i - 1).is_some_and(|t| t.cap)
            && self.brk(i) != WEAK
            && (self.written(i - 1, "MR MRS MS DR SR SRA MME MISS MISTER PROF MLLE")
                || (self.written(i - 1, "M") && self.brk(i) == FULL_STOP))
            && !(i > 1 && self.written(i - 1, "SR") && self.name_at(i - 2))
            && !self.is(i + 1, GER)
    }

    /// Word `i` is `word` (a canonical spelling).
    #[inline(never)]
    pub(super) fn eq(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    #[inline(never)]
    pub(super) fn is(&self, i: usize, flags: u32) -> bool {
        self.t.get(i).is_some_and(|t| t.is(flags))
    }

    /// Word `i` is a number as written ("STOP 2", the 2 of "STOP2", "2x"),
    /// whatever text-speak reads it as ("2" for "to").
    pub(super) fn number(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            let s = self.toks.surface(t);
            let s = s.strip_suffix('X').unwrap_or(s);
            !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
        })
    }

    /// Word `i` is an hour as written: one or two digits, alone or with
    /// am/pm or minutes ("7", "7am", "8PM", "7:30"; not "5551234567").
    pub(super) fn hour(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            let s = self.toks.surface(t).as_bytes();
            let d = s.iter().take_while(|b| b.is_ascii_digit()).count();
            let rest = s.get(d..).unwrap_or_default();
            (1..=2).contains(&d)
                && match rest {
                    [] | [b':', ..] => true,
                    // am, pm, a, p in any case.
                    [x] | [x, b'm' | b'M'] => matches!(x, b'a' | b'A' | b'p' | b'P' | b'h' | b'H'),
                    // ("7h30", "19h".)
                    [b'h' | b'H', m @ ..] => m.len() == 2 && m.iter().all(u8::is_ascii_digit),
                    _ => false,
                }
        })
    }

    /// Word `i` is a clock time rather than a menu's number: the hour of
    /// "4:30", "10.15", "4:30pm" (minutes of two digits after a colon or a
    /// point), or four digits ("1630"). "cancel 4:30" is an appointment;
    /// "STOP 2", "stop 1, 2" a menu's answer.
    pub(super) fn clock(&self, i: usize) -> bool {
        let len = |k: usize| self.t.get(k).map_or(0, |t| self.toks.surface(t).len());
        len(i) == 4 || (self.brk(i + 1) != 0 && self.hour(i + 1) && len(i + 1) > 1)
    }

    pub(super) fn ch(&self, i: usize) -> u8 {
        self.t.get(i).map_or(0, |t| t.ch)
    }

    /// The break before word `i` (the end of the message is a full stop).
    #[inline(never)]
    pub(super) fn brk(&self, i: usize) -> u8 {
        self.t.get(i).map_or(FULL_STOP, |t| t.brk)
    }

    /// Word `i` follows on in the same clause.
    pub(super) fn on(&self, i: usize) -> bool {
        self.brk(i) == 0
    }

    // Not inlined: one loop over a list, rather than the list unrolled at
    // every rule (the module is compiled to WebAssembly, where size counts).
    #[inline(never)]
    pub(super) fn any(&self, i: usize, words: &str) -> bool {
        let w = self.w(i).as_bytes();
        !w.is_empty() && words.as_bytes().split(|&b| b == b' ').any(|x| x == w)
    }

    /// Word `i` is a word the lists do not know (so that it stays an object
    /// no rule reads: "stop property sold"), written as one of `words`.
    pub(super) fn unlisted(&self, i: usize, words: &str) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.w.is_empty() && words.split(' ').any(|w| w == self.toks.surface(t)))
    }

    /// The list at word `n` is of something else: "la lista de espera",
    /// "la liste des invités", "la lista de conductores", "the guest list",
    /// "the carpool list", "the soccer team list".
    pub(super) fn list_of_others(&self, n: usize) -> bool {
        let of = n + 1 + usize::from(self.any(n + 1, "DE D DES DU OF") && self.on(n + 1));
        (of > n + 1
            && (self.any(of, "ESPERA ATTENTE")
                || self.written(of, "CONDUCTORES CONDUCTEURS CHOFERES INVITADOS INVITES")))
            || (n > 0 && self.on(n) && self.written(n - 1, "GUEST CARPOOL TEAM WEDDING PARTY"))
    }

    /// The channels of our messages named in the sentences before word `a`
    /// ("Your team called me four times today.", "Me llamaron cuatro veces
    /// hoy."): not the customer's own ("I called 4 times", "I've emailed
    /// the HOA"), none that did not come ("Nobody has called me", "never
    /// returned my calls"), nor another's ("My insurance company called").
    /// Messages, or being written to, are of the medium the message came by
    /// ("Me mandaron cuatro mensajes hoy.", "Vous m'avez écrit 4 fois
    /// aujourd'hui."); "appelé" is calls ("Vous m'avez appelé 4 fois").
    pub(super) fn ours_named(&self, a: usize) -> u8 {
        (0..a)
            .filter_map(|m| {
                let ch = match self.ch(m) {
                    _ if self.written(m, "APPELE APPELEE") => CALL,
                    _ if self.written(m, "ECRIT") => CAME_BY,
                    _ if !self.is(m, MEDIA | CVERB) || self.is(m, THING) => return None,
                    0 if self.is(m, MEDIA) || self.any(m, "WRITE ESCRIBEN ECRIVEZ ECRIS") => {
                        CAME_BY
                    }
                    ch => ch,
                };
                let (s, _) = self.sentence(m);
                // ("C'est le 5e texto": no one else's.)
                let le = |x: usize| self.written(x, "LE") && !(x > 0 && self.eq(x - 1, "EST"));
                let other = (s..m).any(|x| {
                    self.is(x, I1 | NEG)
                        || self.any(x, "MY MI MIS MON MA MES NO HIS HER")
                        || self.written(x, "NOBODY NOONE NADIE PERSONNE TENGO")
                        || le(x)
                });
                (!other).then_some(ch)
            })
            .fold(0, |c, ch| c | ch)
    }

    /// Word `i`'s clause is a question that ends its sentence: "Vous ne
    /// m'appelez plus ?" (not one with a tag after a comma: "Vous ne
    /// m'appelez plus, c'est clair ?").
    pub(super) fn asked_here(&self, i: usize) -> bool {
        let (_, b) = self.sentence(i);
        self.question(i) && (i + 1..b).all(|x| self.on(x))
    }

    /// A belief told before word `i` is confirmed after it: "I thought it
    /// was spam and it is", "Pensé que era spam, y efectivamente lo es", "Je
    /// pensais que c'était du spam et c'est bien le cas".
    pub(super) fn confirmed(&self, i: usize) -> bool {
        (i + 1..self.t.len()).any(|m| {
            self.written(m, "EFECTIVAMENTE EFFECTIVEMENT INDEED")
                // ("c'est bien le cas"; not "en tout cas": anyway.)
                || (self.written(m, "CAS") && m > 0 && self.eq(m - 1, "LE"))
                || (self.any(m, "IT LO") && self.written(m + 1, "IS ES") && self.bare(m + 2))
        })
    }

    /// The words of the sentence that holds word `i`: its first, and the
    /// one after its last.
    pub(super) fn sentence(&self, i: usize) -> (usize, usize) {
        let a = self.back_in_sentence(i).last().unwrap_or(i);
        let b = (i + 1..self.t.len())
            .find(|&m| self.brk(m) == FULL_STOP)
            .unwrap_or(self.t.len());
        (a, b)
    }

    /// The sentence that holds word `i` ends in a question mark.
    pub(super) fn question(&self, i: usize) -> bool {
        let (_, b) = self.sentence(i);
        match self.t.get(b) {
            Some(t) => t.ask,
            None => self.toks.asks,
        }
    }

    /// A list of something the lists do not know, from word `o`: "the
    /// co-signer list" (not "the mailing list", "the Acme list").
    pub(super) fn other_list(&self, o: usize) -> bool {
        self.eq(o, "THE")
            && (o + 1..o + 4)
                .take_while(|&n| self.on(n) && !self.any(n, "LIST LISTS"))
                .any(|n| self.w(n).is_empty() && !self.name_at(n))
            && (o + 1..o + 5).any(|n| self.on(n) && self.any(n, "LIST LISTS"))
    }

    /// Word `i` is written as one of `words`, whether the lists know it or
    /// read it as another ("NOON" is read as an elongated "NON").
    pub(super) fn written(&self, i: usize, words: &str) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| words.split(' ').any(|w| w == self.toks.surface(t)))
    }

    /// Word `i` is a word the lists do not know, ending in -ING ("laughing").
    pub(super) fn other_gerund(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.w.is_empty() && self.toks.surface(t).ends_with("ING"))
    }

    /// The words before `i` in its clause, nearest first, at most `n`.
    pub(super) fn back(&self, i: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
        let mut k = i;
        std::iter::from_fn(move || {
            if k == 0 || self.brk(k) != 0 {
                return None;
            }
            k -= 1;
            Some(k)
        })
        .take(n)
    }

    /// The words before `i` in its sentence, nearest first.
    pub(super) fn back_in_sentence(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut k = i;
        std::iter::from_fn(move || {
            if k == 0 || self.brk(k) == FULL_STOP {
                return None;
            }
            k -= 1;
            Some(k)
        })
    }

    /// Past the sender named at word `j` after a request: "from you", "by
    /// you", "from your company", "by this number" ("I no longer consent to
    /// receiving calls from you"); `j` when none is named.
    pub(super) fn past_sender(&self, j: usize) -> usize {
        let by = self.on(j) && self.any(j, "FROM BY") && self.on(j + 1);
        if by && self.any(j + 1, "YOU Y'ALL") {
            j + 2
        } else if by && self.any(j + 1, "YOUR UR THIS") && self.on(j + 2) {
            j + 3
        } else {
            j
        }
    }

    /// Nothing more to the request from word `j` on: the clause ends, perhaps
    /// after filler ("stop please", "stop now!!"), or a new one starts ("stop
    /// who is this", "stop not interested").
    pub(super) fn bare(&self, mut j: usize) -> bool {
        for _ in 0..6 {
            if !self.on(j) || self.except(j).is_some() {
                return true;
            }
            if self.is(j, STARTER) {
                return true;
            }
            // "at once", "3 times now".
            if (self.eq(j, "AT") && self.eq(j + 1, "ONCE"))
                || (self.number(j) && self.eq(j + 1, "TIMES"))
                || (self.any(j, "GOING MOVING") && self.eq(j + 1, "FORWARD"))
            {
                j += 2;
                continue;
            }
            // "from now on", "in the future".
            if (self.eq(j, "FROM") && self.eq(j + 1, "NOW") && self.eq(j + 2, "ON"))
                || (self.eq(j, "IN") && self.eq(j + 1, "THE") && self.eq(j + 2, "FUTURE"))
            {
                j += 3;
                continue;
            }
            if self.sign_off(j) > 0 {
                j += self.sign_off(j);
                continue;
            }
            if !self.is(j, FILLER | LAUGH) {
                return false;
            }
            j += 1;
        }
        false
    }

    /// The words from `j` are an everyday intensifier or sign-off after a
    /// request, no limit in time: "right away", "for good", "for real",
    /// "end of story", "thanks in advance", "have a nice day", "pronto",
    /// "jeez", "moron"; how many (0: none).
    pub(super) fn sign_off(&self, j: usize) -> usize {
        let day = |k: usize| self.any(k, "NICE GOOD GREAT") && self.written(k + 1, "DAY");
        let advance = |k: usize| self.eq(k, "IN") && self.written(k + 1, "ADVANCE");
        if self.written(j, "PRONTO JEEZ GEEZ MORON") {
            1
        } else if (self.eq(j, "RIGHT") && self.eq(j + 1, "AWAY"))
            || (self.eq(j, "FOR") && self.written(j + 1, "GOOD REAL"))
            || advance(j)
        {
            2
        } else if (self.eq(j, "END") && self.eq(j + 1, "OF") && self.written(j + 2, "STORY"))
            || (self.any(j, "THANKS") && advance(j + 1))
        {
            3
        } else if self.eq(j, "HAVE") && self.eq(j + 1, "A") && day(j + 2) {
            4
        } else {
            0
        }
    }

    /// An exception at word `j` ends the request and keeps the means it
    /// names: "do not contact me except by email", "don't call me except
    /// for emergencies" (no means: `Some(0)`), "ne me contactez pas sauf
    /// par courriel", "no me contacten excepto por correo"; "other than"
    /// only before a means ("do not contact me other than by email").
    pub(super) fn except(&self, j: usize) -> Option<u8> {
        // ("Don't contact me unless by email": a means kept, as "except";
        // "... unless it's by email", "... unless it is by text" too; not
        // "Don't call me unless it's urgent", no means.)
        // ("No me contacten a menos que sea por correo", "Ne me contactez
        // pas à moins que ce soit par courriel", "... salvo que sea", "...
        // sauf si c'est", "... except if it's by email": the same, past the
        // words of "it is" and an article: "... unless it is a text", "...
        // unless it's an email", "a menos que sea un correo", "excepto si
        // es por correo".)
        let unless = self.eq(j, "UNLESS") || self.eq(j, "A") && self.written(j + 1, "MENOS MOINS");
        let mut k = j + usize::from(
            self.eq(j, "OTHER") && self.eq(j + 1, "THAN") || !self.eq(j, "UNLESS") && unless,
        );
        let except = self.written(j, "EXCEPT SAUF EXCEPTO SALVO");
        while (unless || except)
            && k < j + 5
            && (self.any(k + 1, "IT IS IT'S IF A AN")
                || self.written(k + 1, "QUE QU SEA CE C EST SOIT SI UN UNE ES"))
        {
            k += 1;
        }
        let ch = self.via(k + 1).unwrap_or(self.ch(k + 1) & ALL_CH);
        (except || (ch != 0 && (k > j || unless))).then_some(ch)
    }

    /// Word `k` is said to do: "email works", "texts ok", "text is fine",
    /// "texting is the only way".
    pub(super) fn fine(&self, k: usize) -> bool {
        // ("Texting me is fine"; "text messages are fine": from the means'
        // last word.)
        let k = self.means(k).0.max(k + 1) - 1;
        let k = k + usize::from(self.is(k, GER) && self.is(k + 1, ME) && self.on(k + 1));
        (self.on(k + 1) && self.any(k + 1, "FINE OK OKAY WORKS SI OUI YES"))
            // ("Les textos, ça va".)
            || (self.brk(k + 1) <= WEAK
                && self.eq(k + 1, "CA")
                && self.eq(k + 2, "VA")
                && !self.any(k + 3, "PAS PLUS"))
            || (self.any(k + 1, "IS ARE ESTAN SONT ESTA EST ES")
                && (self.any(k + 2, "FINE OK OKAY BETTER GOOD WELCOME BIEN BEST MEJOR")
                    || (self.eq(k + 2, "THE") && self.eq(k + 3, "ONLY"))))
            // ("le courriel c'est correct", "les textos c'est beau".)
            || (self.eq(k + 1, "C")
                && self.eq(k + 2, "EST")
                && (self.any(k + 3, "OK BIEN") || self.written(k + 3, "CORRECT BEAU BON MIEUX")))
    }

    /// Word `k`, after a comma, asks for contact by its channel: "don't
    /// call, text me", "I'd rather not email, text me instead" (not one more
    /// item of a list: "don't call, text or email me").
    pub(super) fn asked_for(&self, k: usize) -> bool {
        // ("don't call, text me when it's ready", "... text me the
        // address": texts asked for, of a time or a thing.)
        let me = self.is(k + 1, ME)
            && self.on(k + 1)
            && (!self.on(k + 2)
                || self.any(k + 2, "INSTEAD ONLY PLEASE DIRECTLY")
                || self.is(k + 2, WHEN | DET)
                // ("don't call, send me text messages": what is sent.)
                || (self.ch(k) == 0 && self.is(k + 2, MEDIA))
                // ("Don't call, reach me by text or by email".)
                || (self.ch(k) == ALL_CH && self.any(k + 2, "BY VIA")));
        // "don't call, text only": the means and "only", without "me".
        let only = self.on(k + 1) && self.any(k + 1, "ONLY INSTEAD");
        // ("no me llames, textéame": the verb with "me" on it.)
        let on_it = self.is(k, CVERB) && self.is(k, ME) && !self.on(k + 1);
        // ("Ne m'appelez plus, mais textez-moi".)
        let after_but = k > 0
            && (self.eq(k - 1, "BUT") || self.written(k - 1, "MAIS PERO"))
            && self.brk(k - 1) == WEAK;
        (self.brk(k) == WEAK || after_but) && self.is(k, CVERB | MEDIA) && (me || only || on_it)
    }

    /// Word `i` is negated: "don't stop", "I don't want you to unsubscribe me",
    /// "n'arrêtez pas" — but not in a threat ("if you don't stop texting me")
    /// or a complaint ("why can't you stop").
    pub(super) fn negated(&self, i: usize) -> bool {
        if self.denied(i) {
            return true;
        }
        // Spanish "no" before an imperative: "no dejen de", "no paren" (but
        // "no para de llamarme", he does not stop, is a complaint).
        let es = self.any(
            i,
            "DEJEN DEJE DEJES PAREN PARE PARES DETENGAN DETENGA BORREN QUITEN SAQUEN ELIMINEN CANCELEN",
        );
        // "no quiero cancelar", "no me quiero desuscribir": Spanish "no"
        // before a wish too.
        let wish = |k: usize| {
            let w = k + 1 + usize::from(self.is(k + 1, ME));
            self.any(w, "QUIERO QUEREMOS")
        };
        for k in self.back(i, 6) {
            // (Portuguese "não" before any: "Não pare de mandar as ofertas",
            // "nao para de mandar", don't stop sending.)
            if self.is(k, NEG) || (self.eq(k, "NO") && (es || wish(k) || self.written(k, "NAO"))) {
                // ("can't you just leave me alone": a request put as a question.)
                let asked = self.any(k, "CAN'T COULDN'T WON'T WOULDN'T") && self.eq(k + 1, "YOU");
                return !(asked || self.back(k, 3).any(|m| self.any(m, "IF UNLESS WHY OR")));
            }
            if !self.is(k, SKIP | ME) {
                return false;
            }
        }
        false
    }

    /// The request at word `i` denied as asked: "I'm not asking you to
    /// stop", "I never asked you to stop calling", "Not saying stop", "I
    /// wasn't trying to unsubscribe", "no need to stop texting", "You don't
    /// have to stop texting me".
    fn denied(&self, i: usize) -> bool {
        let Some(v) = self.back(i, 4).find(|&m| !self.any(m, "TO YOU Y'ALL GUYS")) else {
            return false;
        };
        let neg = |m: usize| self.is(m, NEG) || self.written(m, "WASN'T WASNT WEREN'T WERENT");
        let asked = self.any(v, "ASK ASKED SAY SAID TOLD MEAN MEANT TRY TRYING")
            || self.written(v, "ASKING SAYING TELL TELLING TRIED");
        // (Not asked back: "Didn't I tell you to stop?", "Did I not tell
        // you to stop?".)
        let rhetorical = v > 2 && self.eq(v - 2, "I") && self.any(v - 3, "DID DO");
        v > 0
            && ((asked
                && !rhetorical
                && (neg(v - 1) || (v > 1 && neg(v - 2) && self.is(v - 1, SKIP))))
                || (self.eq(v, "NEED") && self.eq(v - 1, "NO"))
                || (self.eq(v, "HAVE") && neg(v - 1)))
    }

    /// A first person's plan, not a request: "I'll stop by", "we've got to
    /// stop this", "I'm gonna quit".
    pub(super) fn first_person_plan(&self, i: usize) -> bool {
        // Asked of a time to come: "Can I quit the program later if I don't
        // like it?", "can i quit the program anytime", "... at any time",
        // "... whenever I want", "Could I quit the program next year?", as
        // "Can I cancel my plan anytime?" (not "Can I stop these texts?").
        if i > 1 && self.is(i - 1, I1) && self.any(i - 2, "CAN COULD") {
            let (_, b) = self.sentence(i);
            if self.widened(i)
                || (i + 1..b).any(|m| self.any(m, "LATER IF NEXT") || self.written(m, "WHENEVER"))
            {
                return true;
            }
        }
        // Portuguese, the verb right after: "Vou parar no banco", "Preciso
        // parar no posto", "Tenho que parar na farmácia".
        if i > 0
            && (self.written(i - 1, "VOU VAMOS PRECISO PRECISAMOS")
                || (i > 1 && self.written(i - 1, "QUE") && self.written(i - 2, "TENHO TEMOS")))
        {
            return true;
        }
        let mut back = self
            .back(i, 6)
            .filter(|&k| !self.any(k, "JUST REALLY PROBABLY ALSO EVEN NEVER"));
        let Some(k) = back.next() else {
            return false;
        };
        if self.is(k, MODAL | I1) && self.is(k, I1) {
            // "I'll", "we'll": subject and modal in one word.
            return self.is(k, MODAL);
        }
        let modal = if self.is(k, MODAL) {
            true
        } else if self.eq(k, "TO") {
            back.next()
                .is_some_and(|m| self.any(m, "HAVE HAS HAD GOT NEED NEEDS GOING TRY TRYING OUGHT"))
        } else {
            false
        };
        if !modal {
            return false;
        }
        for m in back.take(3) {
            if self.is(m, I1) {
                return true;
            }
            if self.any(m, "YOU IT THIS THEY Y'ALL THAT THESE") || self.is(m, MEDIA) {
                return false;
            }
        }
        false
    }

    /// The verb at word `i` is the customer's: only "I", "je", "me", a tense
    /// ("I'm going to", "will", "je vais", "voy a") or filler before it
    /// ("I refuse all calls", "I'm blocking your calls"; not "they refuse
    /// calls", "Our firewall was blocking your emails").
    pub(super) fn own_verb(&self, i: usize) -> bool {
        self.back(i, 4).all(|m| {
            self.any(m, "I JE ME M TO A")
                || self.written(m, "I'M IM AM GONNA GOING WILL VAIS VOY JUST ALREADY")
                || (self.is(m, FILLER) && !self.eq(m, "NO"))
        })
    }

    /// The stop word at `i` is a noun or the end of one: "full stop", "a
    /// stop", "bus stop", "the end". (The head of one, "stop sign", "stop
    /// watch", is followed by a word that is no object of contact, which
    /// `stop_verb` refuses as it refuses "stop this bill".)
    pub(super) fn noun_use(&self, i: usize) -> bool {
        i.checked_sub(1).filter(|_| self.on(i)).is_some_and(|k| {
            self.any(
                k,
                "A AN THE MY YOUR OUR EVERY NEXT LAST FIRST FULL BUS PIT ONE NON TRUCK REST COMPLETE DEAD L LE LA EL UN UNA WEEK HIGH LOW FRONT BACK",
            )
        })
    }
}
