//! Who is stopping, and what: a bare stop word is no request when its
//! subject is someone else ("my neighbor won't stop calling me", "this rain
//! won't stop"), the customer's own ("when I stop"), or a question about the
//! past ("why did the texts stop?").

use super::super::words::*;
use super::Reader;

impl Reader<'_> {
    /// The customer's own stopping, in a clause of time or condition ("the
    /// car makes a noise when I stop", "every time I stop"), or told ("I
    /// quit calling the other dealer", "We quit texting them": "quit" is
    /// its own past, as "I stopped calling them"; not asked: "How do I stop
    /// getting these?"), or a name ("Stop & Shop", "stop and go traffic").
    pub(super) fn own_stop(&self, i: usize) -> bool {
        (i >= 2 && self.eq(i - 1, "I") && self.any(i - 2, "WHEN TIME IF BEFORE AFTER UNTIL ONCE"))
            || (i > 0
                && self.any(i - 1, "I WE")
                && (i == 1 || !self.on(i - 1))
                && self.on(i + 1)
                && self.is(i + 1, GER))
            || (self.eq(i + 1, "AND")
                && (self.any(i + 2, "SHOP GO") || self.written(i + 2, "SHOP'S")))
    }

    /// The bare stop word has a subject that is not contact: "this rain won't
    /// stop", "I want the noise to stop" (but "these texts won't stop", "make
    /// it stop", "you need to stop").
    pub(super) fn other_subject(&self, i: usize) -> bool {
        let mut aux = false;
        for k in self.back(i, 5) {
            if self.is(k, MODAL | NEG) || self.any(k, "TO NEEDS NEED HAS HAVE GOT JUST ALWAYS EVER")
            {
                aux = true;
                continue;
            }
            // A noun the lists know of no kind ("the check engine light") is
            // as much another subject as one they do not know.
            let plain = self.t.get(k).is_some_and(|t| t.f & !PLAIN == 0);
            // (Not the business called so: "how many times do I have to
            // tell you people to stop".)
            let you = k > 0 && self.eq(k - 1, "YOU");
            return aux && !you && (self.w(k).is_empty() || plain || self.is(k, THING));
        }
        false
    }

    /// A question about what stopped: "why did the texts stop?", "did you
    /// stop texting me?" (but "I did ask you to stop").
    pub(super) fn past_question(&self, i: usize) -> bool {
        for k in self.back(i, 5) {
            if self.any(k, "DID WHY'D") {
                return true;
            }
            let subject = (self.is(k, DET | PRON | MEDIA) && !self.is(k, THING))
                || self.any(k, "YOU Y'ALL THEY GUYS");
            if !subject {
                return false;
            }
        }
        false
    }

    /// Someone else is the subject: "my neighbor won't stop calling me", "he
    /// won't stop texting me", "John won't stop calling me", "the guy from
    /// church won't stop calling me" (but "my phone won't stop ringing", "you
    /// won't stop", "your agent John won't stop calling me").
    pub(super) fn third_party(&self, i: usize) -> bool {
        let mut back = self.back(i, 8).skip_while(|&k| {
            self.is(k, MODAL | NEG) || self.any(k, "JUST NEVER EVER ALWAYS STILL")
        });
        let Some(k) = back.next() else {
            return false;
        };
        if self.any(k, "HE SHE") || self.written(k, "IL ELLE") {
            return true;
        }
        // (A word only a rule names reads as one the lists do not know.)
        let unknown =
            |m: usize| self.w(m).is_empty() || self.t.get(m).is_some_and(|t| t.f == PLAIN);
        if !unknown(k) {
            return false;
        }
        // The words of the subject before `k`, nearest first.
        let phrase = || self.back(k, 6).take(6);
        // An unknown noun after a possessive: "my neighbor", "my crazy ex",
        // "my wife says stop calling".
        // ("my old trainer quit": past the adjectives of a person.)
        let possessive = phrase()
            .take(3)
            .find(|&m| !unknown(m) && !self.any(m, "OLD NEW") && !self.written(m, "FORMER"))
            .is_some_and(|m| self.any(m, "MY HIS HER OUR") || self.written(m, "MON MA MES"));
        // A noun the lists do not know ("John", "the guy from church")
        // before the auxiliary ("won't", "never"), as a subject comes, in a
        // subject that names neither the business nor its messages.
        possessive
            || (k + 1 < i
                && phrase().all(|m| {
                    !(self.any(m, "YOU YOUR UR Y'ALL YA THIS THESE THAT")
                        || (self.is(m, MEDIA) && !self.is(m, THING)))
                }))
    }

    /// "make it end", "I want these texts to end".
    pub(super) fn subject_to(&self, i: usize) -> bool {
        let mut back = self.back(i, 4);
        match back.next() {
            Some(k) if self.eq(k, "TO") => {
                back.any(|m| self.is(m, PRON | MEDIA) && !self.is(m, THING))
            }
            Some(k) => {
                self.is(k, PRON | MEDIA) && back.next().is_some_and(|m| self.any(m, "MAKE LET"))
            }
            None => false,
        }
    }

    /// A bare CANCEL is an opt-out when it is asked for ("I want to cancel",
    /// "how do I cancel?", "please cancel"), not when it is a plan ("I'll have
    /// to cancel, something came up").
    pub(super) fn wants(&self, i: usize) -> bool {
        let near = i
            .checked_sub(1)
            .filter(|_| self.on(i))
            .is_some_and(|k| self.any(k, "PLEASE JUST ALREADY KINDLY OK"));
        near || self
            .back(i, 4)
            .any(|k| self.any(k, "WANT WANNA LIKE WISH HOW QUIERO"))
    }
}
