//! When no rule fired: a keyword in a sentence of its own ("Stop. Who is
//! this?"), a preference that is the whole request ("only email me"), or a
//! keyword over a signature or a closing ("Remove\n\nThanks,\nJohn").

use super::super::text::STRONG as FULL_STOP;
use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

/// The keywords that take no object: on a line of their own they are the
/// request, whatever is under them.
pub(super) const ALONE: &str =
    "STOP REMOVE UNSUBSCRIBE STOPALL OPTOUT REVOKE BAJA ALTO PARAR ARRET ARRETE ARRETEZ";

impl Reader<'_> {
    /// When no rule fired: a keyword in a sentence of its own, a preference
    /// that is the whole request, or a keyword over a signature.
    pub(super) fn fallback(&self) -> Option<Hit> {
        self.own_sentence()
            // A preference, when it is the whole request: "only email me",
            // "email only please" (after "stop calling", "text only" keeps
            // texts as "just text" does).
            .or_else(|| (0..self.t.len()).find_map(|i| self.preference(i)))
            .or_else(|| self.signed())
            .or_else(|| self.name_signed())
    }

    /// A keyword, then a full name as signed on its line, a signature
    /// under it or not: "REVOKE Ana Ruiz", "BAJA Luis Hernández", "STOP Ana
    /// María Ruiz", "STOP John A. Smith", "STOP Jean-Luc Picard", "STOP John
    /// Smith Jr.", "STOP Ana Ruiz\n\nThanks,\nAna Ruiz" (two to four words
    /// the lists do not know, capitalised, or initials; not "Cancel
    /// Netflix").
    fn name_signed(&self) -> Option<Hit> {
        let n = self.t.len();
        let e = (1..n)
            .find(|&m| self.t.get(m).is_some_and(|t| t.line > 0))
            .unwrap_or(n);
        let name = (1..e).all(|m| {
            self.t
                .get(m)
                .is_some_and(|t| t.cap && (t.w.is_empty() || self.toks.surface(t).len() == 1))
        });
        let signed = e == n || self.t.get(e).is_some_and(|t| t.line > 1) && self.signature(e);
        hit(0, 1, 0).filter(|_| self.is(0, KEY) && name && (3..6).contains(&e) && signed)
    }

    /// A sentence of its own: "Stop. Who is this?", "Cancel. Found a better
    /// deal."; or a clause of its own that opens or closes the message, the
    /// reason beside it: "sold it, please remove", "remove, new number",
    /// "Baja, ya compré carro"; or asked for at the end ("no longer
    /// interested please remove"), or before its reason ("stop ya compré").
    fn own_sentence(&self) -> Option<Hit> {
        let n = self.t.len();
        let mut a = 0;
        for b in 1..=n {
            if b == n || self.brk(b) == FULL_STOP {
                if let Some(h) = self.short(a, b) {
                    return Some(h);
                }
                a = b;
            }
        }
        // (At a comma, not a line: "Cancel\ndinner" names what; nor before
        // its object: "remove, the extra item".)
        let comma = |m: usize| !self.on(m) && self.t.get(m).is_some_and(|t| t.line == 0);
        let first = (1..n).find(|&b| comma(b)).unwrap_or(n);
        // ("ya", Spanish "already", is no "your" there: "Baja, ya compré".)
        let object = self.object(first) == Obj::Thing && !self.eq(first, "YA");
        let first = if object { 0 } else { first };
        let last = (1..n).rev().find(|&a| comma(a)).unwrap_or(0);
        // ("all set please remove", "ya no estoy interesado baja por favor": a
        // keyword asked for at the end; but not after what it is about: "the
        // old ones, please remove", nor "the end, please".)
        let named = self.is(0, DET) && !self.any(0, "THIS THAT MY YA");
        let trailing = (1..=2)
            .take_while(|&c| c < n && self.is(n - c, FILLER))
            .count();
        let please = n > 2 && self.eq(n - 2, "PLEASE");
        let key = if please {
            n - 1
        } else {
            n.saturating_sub(trailing + 1)
        };
        let asked = key > 0
            && self.is(key, KEY)
            && (please || trailing > 0)
            && !self.is(key - 1, DET | PREP | NEG)
            // ("Lo necesito para ya": "para" as "for" after a word.)
            && (!self.eq(key, "PARA") || !self.for_para(key - 1))
            && (key..n).all(|m| self.on(m));
        // ("stop ya compré", "baja ya compré otro": the reason after "ya";
        // "BAJA no estoy interesado", "ARRÊT pas intéressé": after the
        // keyword, a reason that starts with its negation; or with the
        // customer as its subject, a complaint: "BAJA estoy harto", "STOP
        // j'en ai assez", "ARRET j'en veux pas", "ALTO no quiero", as "STOP
        // I'm fed up" — after a keyword that takes no object; not "Alto no
        // es mi apellido".)
        let ya = (1..n)
            .find(|&m| {
                self.eq(m, "YA")
                    || (m == 1 && self.any(0, "BAJA ARRET") && self.any(1, "NO PAS") && n > 2)
                    || (self.any(0, ALONE)
                        && self.on(m)
                        && (self.any(m, "J JE")
                            || self.written(m, "ESTOY ESTAMOS")
                            || (self.eq(m, "NO") && self.written(m + 1, "QUIERO QUEREMOS"))))
            })
            .unwrap_or(0);
        self.short(0, first)
            .or_else(|| self.short(last, n).filter(|_| !named))
            .or_else(|| {
                asked
                    .then(|| self.short(key, n))
                    .flatten()
                    .filter(|_| !named)
            })
            .or_else(|| self.short(0, ya))
    }

    /// A keyword on a line of its own, a blank line, and a signature:
    /// "Remove\n\nThanks,\nJohn", "CANCEL\n\nJohn Smith\nAcme" (the rest names
    /// nobody the lists know, or thanks; not "Cancel\ndinner"); or on the
    /// next line a name, one or two words with capitals ("Remove\nDebbie");
    /// or, past a blank line, a signature block whose first line is a name or a
    /// closing, whatever its footer says.
    fn signed(&self) -> Option<Hit> {
        let g = self.past_greeting();
        // ("Good morning,\n\nREMOVE".)
        if g > 0 {
            if let Some(h) = self.short(g, self.t.len()) {
                return Some(h);
            }
        }
        let b = (g + 1..self.t.len()).find(|&b| self.t.get(b).is_some_and(|t| t.line > 0))?;
        let rest = self.t.get(b..).unwrap_or_default();
        // (A keyword that takes no object: not "Cancel\nNetflix", "End\nGame".)
        let name = b == g + 1
            && self.any(g, ALONE)
            && rest.len() <= 2
            && rest.iter().all(|t| t.w.is_empty() && t.cap)
            && rest.iter().skip(1).all(|t| t.line == 0);
        let signed = (rest.first().is_some_and(|t| t.line > 1) || name || self.closing(b))
            && self.signature(b);
        // (Or a signature block whose first line is a name, whatever its
        // footer says: "REMOVE\n\nMike\nThis email is intended only for the
        // addressee.")
        let e = (b + 1..self.t.len())
            .find(|&m| self.t.get(m).is_some_and(|t| t.line > 0))
            .unwrap_or(self.t.len());
        let block = rest.first().is_some_and(|t| t.line > 1)
            && ((b..e).all(|m| {
                self.closing(m)
                    || self.is(m, FILLER)
                    || self.t.get(m).is_some_and(|t| t.w.is_empty() && t.cap)
            }) || self.closing_line(b, e));
        // (Or such a keyword on the first line, and its reason in a
        // paragraph under it: "REMOVE\n\nWe are not interested.", "Please
        // remove\n\nRobert Jones passed away in August."; not "Cancel\n\nThe
        // appointment is moved", nor "Remove\n\nthe extra charge".)
        let reason =
            rest.first().is_some_and(|t| t.line > 1 && t.cap) && (g..b).any(|m| self.any(m, ALONE));
        self.short(g, b).filter(|_| signed || block || reason)
    }

    /// Where the message starts past a greeting on a line of its own ("Good
    /// morning,\nREMOVE", "Hola Juan,\n\nBAJA"), else 0.
    fn past_greeting(&self) -> usize {
        let b = (1..self.t.len().min(5))
            .find(|&b| self.t.get(b).is_some_and(|t| t.line > 0))
            .unwrap_or(0);
        let greeting = (0..b).all(|m| {
            self.any(m, "HI HELLO HEY HOLA GOOD MORNING AFTERNOON EVENING DIAS")
                || self.unlisted(m, "DEAR BUENAS BUENOS TARDES NOCHES BONJOUR ALLO")
                || (m > 0 && self.t.get(m).is_some_and(|t| t.w.is_empty() && t.cap))
        });
        // ("Good" greets only as "Good morning".)
        if b > 0 && greeting && (!self.eq(0, "GOOD") || self.any(1, "MORNING AFTERNOON EVENING")) {
            return b;
        }
        // Or any first line over a keyword's line of its own, past a blank
        // line or written with its capital, as a subject line or a preamble
        // is: "RE: Your quote\n\nREMOVE", "Sarah,\nREMOVE", "Thanks for the
        // email\n\nRemove" (every keyword alike there: BAJA, ALTO, CANCEL,
        // END); not a sentence the line goes on with: "Please do not\nremove".
        let b = (1..self.t.len())
            .find(|&b| self.t.get(b).is_some_and(|t| t.line > 0))
            .unwrap_or(0);
        let e = (b + 1..self.t.len())
            .find(|&m| self.t.get(m).is_some_and(|t| t.line > 0))
            .unwrap_or(self.t.len());
        let own_line = b > 0
            && self.t.get(b).is_some_and(|t| t.line > 1 || t.cap)
            && !self.is(b - 1, NEG | DET)
            && self.short(b, e).is_some();
        if own_line {
            b
        } else {
            0
        }
    }

    /// A closing at word `m`: "Kind regards", "Many thanks", "Best wishes",
    /// "Take care", "All the best".
    /// The words from `b` on are a closing and a name ("Thanks,\nTom",
    /// "Regards,\nJohn Smith"): a name as written, with its capital ("Mo"
    /// is no "more").
    pub(super) fn signature(&self, b: usize) -> bool {
        (b..self.t.len()).all(|m| {
            self.w(m).is_empty()
                || self.is(m, FILLER)
                || self.closing(m)
                || self.t.get(m).is_some_and(|t| t.cap && t.line > 0)
        })
    }

    /// Nothing after word `i` but filler, or a signature on lines of its
    /// own ("Please stop.\n\nThanks,\nTom").
    pub(super) fn ends_message(&self, i: usize) -> bool {
        match (i..self.t.len()).find(|&m| !self.is(m, FILLER)) {
            None => true,
            Some(m) => {
                (i..=m).any(|x| self.t.get(x).is_some_and(|t| t.line > 0)) && self.signature(m)
            }
        }
    }

    /// The words `b..e` (a line) are a closing of two or more words, or one
    /// the lists do not know: "Thanks and Regards", "Thanks & Regards",
    /// "Regards & thanks", "V/r", "Bien à vous", "Cordialement", "Saludos
    /// cordiales", "Atentamente".
    fn closing_line(&self, b: usize, e: usize) -> bool {
        let words: Vec<&str> = (b..e)
            .filter_map(|m| self.t.get(m))
            .filter(|t| !t.synth)
            .map(|t| self.toks.surface(t))
            .collect();
        let line = words.join(" ");
        // (As written, in lower case: most are words no list knows.)
        [
            "thanks and regards",
            "thanks regards",
            "thanks amp regards",
            "regards and thanks",
            "regards thanks",
            "regards amp thanks",
            "thank you and regards",
            "with thanks and regards",
            "best and regards",
            "v r",
            "vr",
            "bien a vous",
            "cordialement",
            "bien cordialement",
            "saludos",
            "saludos cordiales",
            "atentamente",
        ]
        .iter()
        .any(|c| line.eq_ignore_ascii_case(c))
    }

    fn closing(&self, m: usize) -> bool {
        self.any(
            m,
            "KIND REGARDS MANY BEST WISHES TAKE CARE CHEERS WARMLY YOURS RESPECTFULLY",
        ) || (self.any(m, "ALL THE") && (m..m + 3).any(|x| self.eq(x, "BEST")))
    }
}
