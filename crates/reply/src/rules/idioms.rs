//! English idioms for no more contact: "opt me out", "get lost", "go away",
//! "lay off the texts", "knock it off", "turn off the texts", "I want off this
//! list", "enough", "give it a rest", "I'd rather not", "please refrain from
//! contacting me".
//!
//! Where two readings start at the same word, one method tries them in the
//! order the rules give, and a later one only when an earlier one does not
//! apply.

use super::super::text::{STRONG as FULL_STOP, WEAK};
use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// "opt me out" (at an "OPT" the strong words did not read).
    pub(super) fn opt_me_out(&self, i: usize) -> Option<Hit> {
        // (Not of a thing: "Opt me out of the paper statements", as "opt out
        // of the paper statements".)
        if self.eq(i, "OPT") && self.is(i + 1, ME) && self.eq(i + 2, "OUT") {
            return hit(i, i + 3, self.media_after(i + 2)).filter(|_| !self.out_of_thing(i, i + 3));
        }
        // ("opt me put", "opt me our": a neighbouring key, nothing after.)
        if self.eq(i, "OPT")
            && self.is(i + 1, ME)
            && self.written(i + 2, "PUT OUR")
            && self.bare(i + 3)
        {
            return hit(i, i + 3, 0);
        }
        // ("Please opt us both out", "opt us all out".)
        if self.eq(i, "OPT")
            && self.is(i + 1, ME)
            && (self.written(i + 2, "BOTH") || self.is(i + 2, ALLW))
            && self.eq(i + 3, "OUT")
        {
            return hit(i, i + 4, self.media_after(i + 3));
        }
        None
    }

    /// "get lost" as asked, and "gtfo", "get / stay off my phone".
    pub(super) fn get_lost(&self, i: usize) -> Option<Hit> {
        // (Told, not asked: "did they get lost?".)
        if self.eq(i, "GET") && self.eq(i + 1, "LOST") && self.dismissed(i, i + 2) {
            return hit(i, i + 2, ALL_CH);
        }
        if self.eq(i, "GTFO") && self.dismissed(i, i + 1) {
            return hit(i, i + 1, ALL_CH);
        }
        // ("FU", alone: not "FU next week?", a follow-up.)
        if self.written(i, "FU") && (i == 0 || !self.on(i)) && self.bare(i + 1) && !self.question(i)
        {
            return hit(i, i + 1, ALL_CH);
        }
        // The other everyday dismissals, as "get lost": "kick rocks", "get
        // bent", "beat it", "take a hike", "screw you", "bugger off", "sod off", "va
        // chier" (not "you can't beat it", "we should take a hike": each
        // starts its clause).
        // (Each as written: the lists know none of these words.)
        let (w0, w1) = (|w| self.written(i, w), |w| self.written(i + 1, w));
        let k = if w0("TAKE") && w1("A") && self.written(i + 2, "HIKE") {
            i + 3
        } else if (w0("KICK") && self.written(i + 1, "ROCKS"))
            || (w0("GET") && self.written(i + 1, "BENT"))
            || (self.written(i, "BEAT") && w1("IT"))
            || (w0("VA") && self.written(i + 1, "CHIER"))
            || (self.written(i, "SCREW") && (w1("YOU") || w1("OFF")))
            || ((self.written(i, "BUGGER") || self.written(i, "SOD")) && w1("OFF"))
        {
            i + 2
        } else {
            0
        };
        // (Told, not asked: "did you take a hike?".)
        if k > 0 && self.dismissed(i, k) && !self.question(i) {
            return hit(i, k, ALL_CH);
        }
        // "get off my phone", "stay off my phone".
        let off_phone =
            self.eq(i + 1, "OFF") && self.eq(i + 2, "MY") && self.any(i + 3, "PHONE CELL LINE");
        if off_phone && (self.eq(i, "GET") || self.unlisted(i, "STAY")) && self.dismissed(i, i + 4)
        {
            return hit(i, i + 4, SMS | CALL);
        }
        None
    }

    /// A dismissal at word `i` ends at word `k`, perhaps with a name the
    /// lists do not know ("get lost creep", "piss off mate"), when it starts
    /// its clause. (Not a name with a laugh after it, "Get lost Brad lol
    /// jk": banter; and the lists know a manner or a place, "get lost
    /// easily", "get lost downtown", as no name.)
    fn dismissed(&self, i: usize, k: usize) -> bool {
        (i == 0 || !self.on(i) || self.is(i - 1, FILLER))
            && (self.bare(k)
                || (self.w(k).is_empty() && !self.is(k + 1, LAUGH) && self.bare(k + 1)))
    }

    /// "go away", "go to hell", "go fuck yourself".
    pub(super) fn go(&self, i: usize) -> Option<Hit> {
        if self.eq(i + 1, "AWAY") && self.bare(i + 2) {
            return hit(i, i + 2, ALL_CH);
        }
        if self.eq(i + 1, "TO") && self.eq(i + 2, "HELL") {
            return hit(i, i + 3, ALL_CH);
        }
        // "go fuck yourself".
        if self.any(i + 1, "FUCK F") && self.any(i + 2, "YOURSELF YOURSELVES") {
            return hit(i, i + 3, ALL_CH);
        }
        None
    }

    /// "lay off the texts", "chill with the calls".
    pub(super) fn lay_off(&self, i: usize) -> Option<Hit> {
        // ("chill out with the texts".)
        let j = i
            + 1
            + usize::from(self.eq(i, "CHILL") && self.eq(i + 1, "OUT") && self.eq(i + 2, "WITH"));
        if self.any(j, "OFF WITH") {
            return self.means_hit(i, j + 1);
        }
        None
    }

    /// "fuck off", "piss off", "buzz off"; "fuck off with this" (with the
    /// texts: those).
    pub(super) fn piss_off(&self, i: usize) -> Option<Hit> {
        if !self.any(i + 1, "OFF YOU") {
            return None;
        }
        if self.eq(i + 2, "WITH") {
            return match self.object(i + 3) {
                Obj::Media { end, ch } => hit(i, end, ch),
                Obj::Pron(end) => hit(i, end, ALL_CH),
                _ => None,
            };
        }
        if self.bare(i + 2) || self.dismissed(i, i + 2) {
            return hit(i, i + 2, ALL_CH);
        }
        None
    }

    /// "knock it off", "cut it out", "cut out the calls and emails".
    pub(super) fn knock_it_off(&self, i: usize) -> Option<Hit> {
        if self.eq(i + 1, "IT") && self.any(i + 2, "OFF OUT") {
            // ("You called 4 times today. Knock it off.": the means named
            // before, when it ends the message; after a comma too: "You
            // called 4 times today, knock it off", as texts are written.)
            let ch = match self.media_after(i + 2) {
                0 if i > 0 && self.brk(i) != 0 && self.ends_message(i + 3) => {
                    // (What was done: "You called 4 times today", "3rd call
                    // today"; not "I replied to your email", nor the
                    // customer's: "I called the bank".)
                    let counted = |m: usize| {
                        m > 0
                            && self.t.get(m - 1).is_some_and(|t| {
                                self.toks
                                    .surface(t)
                                    .starts_with(|c: char| c.is_ascii_digit())
                            })
                    };
                    (0..i)
                        .filter(|&m| {
                            self.is(m, CVERB)
                                && (!self.is(m, MEDIA | THING) || counted(m))
                                && !(m > 0 && self.is(m - 1, I1))
                        })
                        .fold(0, |c, m| c | self.ch(m))
                        & ALL_CH
                }
                c => c,
            };
            return hit(i, i + 3, ch);
        }
        // "cut out the calls and emails" (the means in its clause, not a
        // subject's dropping: "The call cut out, call me back", "the line
        // cut out call again").
        if self.eq(i, "CUT")
            && self.eq(i + 1, "OUT")
            && self.on(i + 2)
            && !(i > 0 && self.on(i) && self.is(i - 1, MEDIA | THING | CVERB))
        {
            return self.means_hit(i, i + 2);
        }
        None
    }

    /// "turn off the texts", "turn these texts off".
    pub(super) fn turn_off(&self, i: usize) -> Option<Hit> {
        if self.eq(i + 1, "OFF") {
            return self.means_hit(i, i + 2);
        }
        match self.object(i + 1) {
            Obj::Media { end, ch } if self.eq(end, "OFF") => hit(i, end + 1, ch),
            _ => None,
        }
    }

    /// "I want off this list"; "I'd like to not receive any more texts", "I
    /// want not to be contacted".
    pub(super) fn want_off(&self, i: usize) -> Option<Hit> {
        if self.any(i, "WANT WANTS")
            && self.eq(i + 1, "OFF")
            && (i + 2..i + 5)
                .take_while(|&m| self.on(m))
                .any(|m| self.any(m, "LIST LISTS"))
        {
            // ("I want off all your lists": every channel.)
            return hit(i, i + 2, if self.all_lists(i + 2) { ALL_CH } else { 0 });
        }
        // ("I want out of your list", "I want out of these texts".)
        if self.any(i, "WANT WANTS") && self.eq(i + 1, "OUT") && self.eq(i + 2, "OF") {
            return self.out_of(i, i + 3);
        }
        if !self.eq(i, "WANTS")
            && ((self.eq(i + 1, "TO") && self.eq(i + 2, "NOT"))
                || (self.eq(i + 1, "NOT") && self.eq(i + 2, "TO")))
        {
            return self.receive(i, i + 3);
        }
        None
    }

    /// Out of what follows word `o`, from word `a`: our list ("I want out
    /// of your list", "Count me out of this list", "¿Cómo me salgo de esta
    /// lista?") or the means ("Count me out of these texts"); not something
    /// else ("count me out of the party", "la lista de espera").
    pub(super) fn out_of(&self, a: usize, o: usize) -> Option<Hit> {
        // ("I want out of all your lists": every channel.)
        if self.all_lists(o) {
            return hit(a, o, ALL_CH);
        }
        self.our_list(a, o..o + 4).or_else(|| match self.object(o) {
            Obj::Media { end, ch } if self.on(o) && self.bare(end) => hit(a, end, ch),
            _ => None,
        })
    }

    /// "Would you mind not texting me anymore?"
    pub(super) fn mind_not(&self, i: usize) -> Option<Hit> {
        if self.eq(i + 1, "NOT") && self.is(i + 2, GER) {
            return self.gerund(i, i + 2);
        }
        // ("Do you mind taking me off your list?", "would you mind
        // removing me": as "take me off".)
        let off = self.eq(i + 3, "OFF") || self.unlisted(i + 1, "REMOVING");
        if self.unlisted(i + 1, "TAKING REMOVING") && self.is(i + 2, ME) && self.on(i + 2) && off {
            let ch = self.list_channel(i + 3, i + 8).filter(|&c| c != ALL_CH);
            return hit(i, i + 3, ch.unwrap_or(0));
        }
        None
    }

    /// "Too many texts", "too many calls!": the whole complaint, of its
    /// means (not "too many texts from my boss").
    pub(super) fn too_many(&self, i: usize) -> Option<Hit> {
        // ("this is way too many texts".)
        let lead =
            (0..i).all(|m| self.any(m, "THIS IS THAT'S IT'S WAY SO JUST") || self.is(m, FILLER));
        // (Fewer asked for, not none: "Too many texts, can you do once a
        // week instead?".)
        let fewer = (i + 2..self.t.len())
            .any(|m| self.any(m, "ONCE INSTEAD LESS") || self.written(m, "FEWER"));
        if !lead || !self.eq(i + 1, "MANY") || fewer {
            return None;
        }
        match self.object(i + 2) {
            Obj::Media { end, ch } if self.bare(end) => hit(i, end, ch),
            _ => None,
        }
    }

    /// "I'm good on the texts": no more of them, thanks.
    pub(super) fn good_on(&self, i: usize) -> Option<Hit> {
        if !(i > 0 && self.any(i - 1, "I'M WE'RE") && self.eq(i + 1, "ON")) {
            return None;
        }
        match self.object(i + 2) {
            Obj::Media { end, ch } if self.bare(end) => hit(i - 1, end, ch),
            _ => None,
        }
    }

    /// "Enough!", "Basta", as the whole message; "enough with the calls".
    pub(super) fn enough(&self, i: usize) -> Option<Hit> {
        // (Or a sentence: "This is the 5th text this week. Enough.")
        // (After the means named, of them: "This is the 5th text this
        // week. Enough.", "Stop calling me. Enough.")
        // ("Enough said", "that's enough info": of something else.)
        // ("Enough is enough.")
        // (Ending its sentence: not "Enough is enough, I'll sign today".)
        let e = if self.eq(i, "ENOUGH")
            && self.any(i + 1, "IS")
            && self.eq(i + 2, "ENOUGH")
            && self.brk(i + 3) == FULL_STOP
        {
            i + 2
        } else {
            i
        };
        // ("Ça me suffit, merci pour le devis": enough for me.)
        let for_me = i > 0 && self.is(i - 1, ME) && self.written(i, "SUFFIT");
        if self.bare(e + 1) && !self.any(e + 1, "SAID INFO INFORMATION DETAILS") && !for_me {
            // ("Your team called me four times today. Enough.")
            // (Ours: not "I called 4 times and no one answered. Enough is
            // enough.")
            // ("Ya basta", "Ça suffit", "C'est assez", "That's enough": the
            // whole message.)
            // (After a keyword too: "STOP c'est assez", "arrêtez svp, ça suffit".)
            let lead =
                |m: usize| self.any(m, "YA CA C EST THAT'S") || self.is(m, KEY | STOPV | FILLER);
            let alone = (0..i).all(lead);
            // ("Me llamaron cuatro veces hoy. Ya basta."; or a clause that
            // ends the message: "me mandan demasiados mensajes, ya basta".)
            let (a, _) = self.sentence(i);
            let c = (a..i).rev().take_while(|&m| lead(m)).last().unwrap_or(i);
            let own = self.brk(c) == FULL_STOP
                || (self.brk(c) == WEAK && self.t.get(c).is_some_and(|t| t.line == 0));
            let named = self.ours_named(c);
            return if alone || (own && named != 0) {
                hit(i, e + 1, named)
            } else {
                None
            };
        }
        // ("basta ya con los textos", "enough already with the calls".)
        let s = i + usize::from(self.any(i + 1, "YA ALREADY"));
        let j = if self.any(s + 1, "WITH OF DE CON") {
            s + 2
        } else {
            s + 1
        };
        // ("sick of getting these texts".)
        let j = j + usize::from(self.any(j, "GETTING RECEIVING") && self.on(j + 1));
        // (Not of someone else's: "I'm sick of emails from my boss", "sick
        // of spam texts from random numbers", "harta
        // de las llamadas de mi banco".)
        match self.object(j) {
            Obj::Media { end, ch }
                if self.on(j)
                    && !(self.any(end, "FROM DE")
                        && (self.any(end + 1, "MY OTHER MI MIS MON MES")
                            || self.written(end + 1, "OTROS OTRAS AUTRES RANDOM"))) =>
            {
                hit(i, end, ch)
            }
            _ => None,
        }
    }

    /// Fed up with the means, as "sick of" them: "fed up with these texts",
    /// "I'm done with your calls", "I've had it with the emails", "I'm so
    /// over these calls".
    pub(super) fn fed_up(&self, i: usize) -> Option<Hit> {
        let s = if (self.unlisted(i, "FED") && self.eq(i + 1, "UP"))
            || (self.eq(i, "HAD") && self.eq(i + 1, "IT"))
        {
            i + 1
        } else if (self.unlisted(i, "DONE") || self.eq(i, "OVER"))
            && i > 0
            && self.any(i - 1, "I'M AM SO WE'RE")
        {
            i
        } else {
            return None;
        };
        if self.bare(s + 1) || !(self.eq(s + 1, "WITH") || self.eq(i, "OVER")) {
            return None;
        }
        self.enough(s).map(|h| Hit { a: i, ..h })
    }

    /// "give it a rest (with the calls)", "give the calls a rest".
    pub(super) fn give_a_rest(&self, i: usize) -> Option<Hit> {
        if self.eq(i + 1, "IT") && self.eq(i + 2, "A") && self.eq(i + 3, "REST") {
            if self.bare(i + 4) {
                return hit(i, i + 4, 0);
            }
            return match (self.eq(i + 4, "WITH"), self.object(i + 5)) {
                (true, Obj::Media { end, ch }) => hit(i, end, ch),
                _ => None,
            };
        }
        match self.object(i + 1) {
            Obj::Media { end, ch } if self.eq(end, "A") && self.eq(end + 1, "REST") => {
                hit(i, end + 2, ch)
            }
            _ => None,
        }
    }

    /// "quit hmu", "dont hmu no more": hit me up, no contact at all, as
    /// "quit hitting me up" ("dont hmu by text": the means named).
    pub(super) fn hmu(&self, i: usize) -> Option<Hit> {
        if i > 0 && self.on(i) && self.is(i - 1, STOPV | NEG) && !self.negated(i - 1) {
            // (Not limited: "dont hmu after 5", "stop hmu after 5pm", as
            // "don't call me after 5", "stop hitting me up after 5pm".)
            let limit = if self.is(i - 1, NEG) {
                self.limited(i + 1)
            } else {
                self.timed(i + 1)
            };
            return hit(i - 1, i + 1, ALL_CH).filter(|_| !limit);
        }
        None
    }

    /// "none of your people should call me again", "none of your companies
    /// have my permission to contact me".
    pub(super) fn none_of(&self, i: usize) -> Option<Hit> {
        if !self.eq(i + 1, "OF") {
            return None;
        }
        let v = (i + 2..i + 9)
            .take_while(|&m| self.on(m))
            .find(|&m| self.is(m, CVERB) && m > 0 && self.any(m - 1, "SHOULD CAN MAY TO EVER"))?;
        let end = if self.is(v + 1, ME) { v + 2 } else { v + 1 };
        hit(i, end, self.ch(v))
    }

    /// "I'd rather not ...", "I'd prefer not to ..."; "instead of", "rather
    /// than" and their like (read by `instead`); "I'd rather you didn't text
    /// me".
    pub(super) fn rather(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if matches!(w, "RATHER" | "PREFER") && self.eq(i + 1, "NOT") {
            let j = if self.eq(i + 2, "TO") { i + 3 } else { i + 2 };
            // ("I'd rather not hear from you again", as "I don't want to
            // hear from you" reads.)
            if self.eq(j, "HEAR") && self.eq(j + 1, "FROM") {
                return hit(i, j + 3, 0);
            }
            return self.receive(i, j);
        }
        if self
            .instead_of(i)
            .is_some_and(|g| w != "INSTEAD" || self.is(g, GER))
        {
            return self.instead(i);
        }
        // "I'd rather you didn't text me", "I'd prefer you not text this
        // number again", "I'd appreciate it if you didn't text me anymore".
        // ("I would prefer that you not contact me again".)
        let that = usize::from(self.eq(i + 1, "THAT"));
        let you = match w {
            "RATHER" | "PREFER" => i + 1 + that,
            _ if self.eq(i + 1, "IT") && self.eq(i + 2, "IF") => i + 3,
            _ => i,
        };
        // ("I'd rather you stopped calling".)
        if you > i
            && self.eq(you, "YOU")
            && self.written(you + 1, "STOPPED QUIT")
            && self.is(you + 2, GER)
        {
            return self.gerund(i, you + 2);
        }
        let v = you + 2;
        if you > i
            && self.eq(you, "YOU")
            && self.any(you + 1, "DIDN'T NOT WOULDN'T")
            && self.is(v, CVERB)
            && self.ch(v) != 0
        {
            let end = if self.is(v + 1, ME) { v + 2 } else { v + 1 };
            let end = self.the_number(end).unwrap_or(end);
            return if self.bare(end) {
                hit(i, end, self.ch(v))
            } else {
                None
            };
        }
        None
    }

    /// "text me instead of calling": the channel after it is revoked (the
    /// one asked for is kept).
    /// "instead of calling", "rather than call", "en vez de llamar",
    /// "plutôt que d'appeler" (the hit from "vez", as it always was).
    fn instead(&self, i: usize) -> Option<Hit> {
        let g = self.instead_of(i)?;
        self.rather_than(if self.eq(i, "EN") { i + 1 } else { i }, g)
    }

    /// "please refrain from contacting me", "refrain from texting".
    pub(super) fn refrain(&self, i: usize) -> Option<Hit> {
        if self.eq(i + 1, "FROM") && self.is(i + 2, GER) {
            return self.gerund(i, i + 2);
        }
        // ("Absténganse de contactarme", "veuillez vous abstenir de me
        // contacter".)
        let v = i + 2 + usize::from(self.is(i + 2, ME) && !self.is(i + 2, CVERB));
        if self.eq(i + 1, "DE") && self.is(v, CVERB) {
            return self.contact(i, v, true);
        }
        // ("Please refrain from further contact", "from any more calls".)
        if self.eq(i + 1, "FROM") {
            return match self.object(i + 2) {
                Obj::Media { end, ch } if self.bare(end) => hit(i, end, ch),
                _ if self.any(i + 2, "FURTHER ANY MORE")
                    && self.eq(i + 3, "CONTACT")
                    && self.bare(i + 4) =>
                {
                    hit(i, i + 4, ALL_CH)
                }
                _ => None,
            };
        }
        None
    }
}
