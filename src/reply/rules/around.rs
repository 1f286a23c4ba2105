//! The words around a word: what a rule looks at before and after the word
//! it starts at — breaks, negation, the subject, channels named (the object
//! is read in `object.rs`).

use super::super::text::{STRONG as FULL_STOP, WEAK};
use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    pub(super) fn w(&self, i: usize) -> &'static str {
        self.t.get(i).map_or("", |t| t.w)
    }

    /// Word `i` is one the lists do not know, capitalised: a name ("Stop
    /// Mike", "Take Tom off your list").
    pub(super) fn name_at(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.w.is_empty() && t.cap)
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

    /// The words of the sentence that holds word `i`: its first, and the
    /// one after its last.
    pub(super) fn sentence(&self, i: usize) -> (usize, usize) {
        let a = self.back_in_sentence(i).last().unwrap_or(i);
        let b = (i + 1..self.t.len())
            .find(|&m| self.brk(m) == FULL_STOP)
            .unwrap_or(self.t.len());
        (a, b)
    }

    /// The channels of sentences after word `b` that only list means ("Calls,
    /// texts, emails."), 0 when none does.
    pub(super) fn listed_after(&self, b: usize) -> u8 {
        let mut ch = 0;
        let mut a = (b..self.t.len()).find(|&m| self.brk(m) == FULL_STOP);
        while let Some(s) = a {
            let (_, e) = self.sentence(s);
            // (Not the means kept: "Texts ok.")
            let only = (s..e).all(|m| {
                (self.is(m, MEDIA | CVERB) && !self.is(m, THING))
                    || self.is(m, CONJ | ALLW)
                    || self.any(m, "PLEASE TOO ALSO EITHER")
            });
            if only {
                ch |= (s..e).fold(0, |c, m| c | self.ch(m)) & ALL_CH;
            }
            a = (e < self.t.len()).then_some(e);
        }
        ch
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

    /// Nothing more to the request from word `j` on: the clause ends, perhaps
    /// after filler ("stop please", "stop now!!"), or a new one starts ("stop
    /// who is this", "stop not interested").
    pub(super) fn bare(&self, mut j: usize) -> bool {
        for _ in 0..6 {
            if !self.on(j) {
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
            if !self.is(j, FILLER | LAUGH) {
                return false;
            }
            j += 1;
        }
        false
    }

    /// Word `k` is said to do: "email works", "texts ok", "text is fine",
    /// "texting is the only way".
    pub(super) fn fine(&self, k: usize) -> bool {
        // ("Texting me is fine".)
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
        let me = self.is(k + 1, ME)
            && self.on(k + 1)
            && (!self.on(k + 2) || self.any(k + 2, "INSTEAD ONLY PLEASE DIRECTLY"));
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
        // Spanish "no" before an imperative: "no dejen de", "no paren" (but
        // "no para de llamarme", he does not stop, is a complaint).
        let es = self.any(
            i,
            "DEJEN DEJE DEJES PAREN PARE PARES DETENGAN DETENGA BORREN QUITEN SAQUEN ELIMINEN CANCELEN",
        );
        for k in self.back(i, 6) {
            // "no quiero cancelar": Spanish "no" before a wish too.
            if self.is(k, NEG) || (self.eq(k, "NO") && (es || self.any(k + 1, "QUIERO QUEREMOS"))) {
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

    /// A first person's plan, not a request: "I'll stop by", "we've got to
    /// stop this", "I'm gonna quit".
    pub(super) fn first_person_plan(&self, i: usize) -> bool {
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

    /// The request from word `i` whose object, from word `k`, is a means of
    /// contact: to the means' end, with its channels ("lay off the texts",
    /// "cut out the calls and emails", "alto a los mensajes").
    pub(super) fn means_hit(&self, i: usize, k: usize) -> Option<Hit> {
        match self.object(k) {
            Obj::Media { end, ch } => hit(i, end, ch),
            _ => None,
        }
    }

    /// Channels named by the words before `i` in its sentence ("I want the
    /// text messages to stop").
    pub(super) fn media_before(&self, i: usize) -> u8 {
        self.back_in_sentence(i)
            .filter(|&k| self.is(k, MEDIA | GER | CVERB) && !self.is(k, THING))
            .fold(0, |c, k| c | self.ch(k))
    }

    /// Channels named before the stop word `i`: in its sentence, else, when
    /// it opens a sentence of its own, in the sentences before it ("You
    /// called me 4 times today. Please stop.", as "... Enough." is read).
    pub(super) fn named_before(&self, i: usize) -> u8 {
        let own = self.media_before(i);
        // (Only a stop that ends the message: "Stop, I'm blushing" after
        // "You called at the perfect time" is banter.)
        if own != 0
            || !self.back_in_sentence(i).all(|m| self.is(m, FILLER))
            || !(i + 1..self.t.len()).all(|m| self.is(m, FILLER))
        {
            return own;
        }
        // (Not the customer's own: "My email is jo@acme.com. Stop".)
        (0..i)
            .filter(|&k| self.is(k, MEDIA | CVERB) && !self.is(k, THING))
            .filter(|&k| k == 0 || !self.eq(k - 1, "MY"))
            .fold(0, |c, k| c | self.ch(k))
    }

    /// Channels the means of contact named after `i` in its clause name
    /// ("my email", "calls and texts"; not a verb: "I'm calling my lawyer").
    pub(super) fn means_after(&self, i: usize) -> u8 {
        (i + 1..i + 9)
            .take_while(|&m| self.on(m))
            .filter(|&m| {
                self.is(m, MEDIA)
                    && !self.is(m, THING | GER)
                    && (!self.is(m, CVERB) || self.is(m - 1, DET))
            })
            .fold(0, |c, m| c | self.ch(m))
    }

    /// Channels named after `i` in its clause ("unsubscribe me from your
    /// emails", "I revoke my consent to be contacted"); "all" as the last word
    /// is every channel.
    pub(super) fn media_after(&self, i: usize) -> u8 {
        let mut c = 0;
        // The channels named one by one (not by a word for every channel).
        let mut named = 0;
        let mut k = i + 1;
        // To the end of the clause, or a turn ("unsubscribe me but you can
        // still text me").
        while self.on(k) && !self.eq(k, "BUT") {
            // A means named narrows a word for every channel before it: "I
            // revoke consent to be contacted by text" (but "to calls or
            // texts or contact by email" keeps the calls and texts).
            if self.via(k).is_some() {
                return self.narrowed(named, k);
            }
            if self.is(k, MEDIA | GER | CVERB) && !self.is(k, THING) {
                c |= self.ch(k);
                if self.ch(k) != ALL_CH {
                    named |= self.ch(k);
                }
            }
            if self.is(k, ALLW) && self.bare(k + 1) {
                c = ALL_CH;
            }
            k += 1;
        }
        c
    }

    /// The channels of a request, narrowed by a means named at word `k` ("do
    /// not contact me by email", "no contact by text"): the means alone when
    /// the request named every channel or none, else both.
    pub(super) fn narrowed(&self, ch: u8, k: usize) -> u8 {
        match self.via(k) {
            Some(v) if ch == ALL_CH || ch == 0 => v,
            Some(v) => ch | v,
            None => ch,
        }
    }

    /// "via text", "by phone", "with your texts", "por correo", "par SMS":
    /// the channel that narrows a request.
    pub(super) fn via(&self, k: usize) -> Option<u8> {
        self.via_list(k).map(|(ch, _)| ch)
    }

    /// [`Reader::via`], with the word after the means named.
    pub(super) fn via_list(&self, k: usize) -> Option<(u8, usize)> {
        // (Not "por favor": please.)
        if !self.on(k)
            || !self.any(k, "VIA BY THROUGH OVER ON WITH THRU POR PAR AU CON AVEC")
            || (self.eq(k, "POR") && self.eq(k + 1, "FAVOR"))
        {
            return None;
        }
        // ("par mail", "por mail": French and Spanish for email.)
        if self.any(k, "PAR POR") && self.eq(k + 1, "MAIL") {
            return Some((EMAIL, k + 2));
        }
        // "by phone", "by email or phone", "over the phone or by email":
        // each means named.
        let (mut phone, mut ch, mut end) = (false, 0, k + 1);
        // What was named before the first comma crossed, and whether one was.
        let (mut first, mut crossed) = ((false, 0, k + 1), false);
        let means = |m: usize| {
            self.ch(m) & ALL_CH != 0 || self.any(m, "PHONE CELL TELEPHONE LANDLINE VOICEMAIL")
        };
        for m in k + 1..k + 9 {
            end = m;
            // ("by phone, text, or email": a list across commas; not "by
            // phone, text is fine".)
            let listed = self.brk(m) == WEAK
                && m > k + 1
                && means(m - 1)
                && (means(m) || (self.is(m, CONJ) && means(m + 1)))
                && !self.fine(m)
                && !self.asked_for(m);
            if !self.on(m) && !listed {
                break;
            }
            if !self.on(m) && !crossed {
                (first, crossed) = ((phone, ch, m), true);
            }
            if self.any(m, "PHONE CELL TELEPHONE LANDLINE VOICEMAIL") {
                phone = true;
                ch |= CALL;
            } else if self.ch(m) != 0 {
                ch |= self.ch(m);
            } else if !(self.is(m, CONJ) || self.any(m, "BY VIA THE MY YOUR POR PAR")) {
                break;
            }
            end = m + 1;
        }
        // (A list across commas ends its clause, or a limit follows it; not
        // "by phone, text and email are fine", "by phone, email me the
        // quote", "by phone, email is easiest".)
        if crossed && !(self.bare(end) || self.any(end, "AGAIN ANYMORE") || self.limited(end)) {
            (phone, ch, end) = first;
        }
        if phone {
            return Some((ch, end));
        }
        match self.object(k + 1) {
            Obj::Media { ch, end } if ch != 0 => Some((ch, end)),
            _ => None,
        }
    }
}
