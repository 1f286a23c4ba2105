//! Reading a longer message as an opt-out, and what it revokes.
//!
//! Each rule starts at one word and reads the words after it (and a few
//! before, for negation and subject). A rule that fires is a *hit*: the words
//! that read as the request and the channels they name. Hits add up; the
//! first one's words are the `keyword` a reviewer sees.
//!
//! The rules, in the order they are tried at a word:
//! 1. strong words — unsubscribe, opt out, revoke, STOPALL — unless negated;
//! 2. "dejen de / arrêtez de" + a verb of contact;
//! 3. a stop word (stop, quit, cease, end, cancel, discontinue, arrêtez,
//!    paren) with its object: a verb of contact ("stop texting me"), a means of
//!    contact ("stop these messages"), a pronoun ("stop it"), or nothing
//!    ("please stop", "I want the texts to stop"); not with another object
//!    ("stop this bill", "stop by", "stop laughing"), not negated ("don't stop
//!    sending deals"), not a first person's plan ("I'll stop by", "we've got to
//!    stop this");
//! 4. remove / take off / lose: "remove me (from your list)", "take me off",
//!    "lose my number" (every channel), "remove my email" (email);
//! 5. a negated verb of contact: "don't text me", "do not contact me", "never
//!    call me again" — not when limited in time ("after 5pm", "today") or about
//!    one thing ("don't email me the invoice"); "I don't want your texts",
//!    "I never signed up for this", "I do not consent";
//! 6. "no more texts", "no calls please", "no me envíen más mensajes", "plus de
//!    messages", "ne m'appelez plus";
//! 7. no contact at all: "leave me alone", "go away", "déjenme en paz";
//!    complaints and threats: "why do you keep texting me", "if you text me
//!    again...";
//! 8. a short message of keywords and filler only ("stop please", "baja por
//!    favor", "STOP STOP").
//!
//! A bare stop word beside laughter ("Stop! lol", "stop, you're too kind 😂")
//! is banter, not a request, unless it names a channel.

use super::text::{Tok, Tokens, STRONG as FULL_STOP, WEAK};
use super::words::*;
use super::Revoked;

/// One request found in the message.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Words `a..b` (for the keyword).
    a: usize,
    b: usize,
    /// Channels it names (none: the channel the message came by).
    ch: u8,
    /// A bare stop word or a pronoun: laughter nearby undoes it.
    soft: bool,
}

fn hit(a: usize, b: usize, ch: u8) -> Option<Hit> {
    Some(Hit {
        a,
        b: b.max(a + 1),
        ch,
        soft: false,
    })
}

/// A stop word with nothing after it: banter when laughter is near, whatever
/// the sentence names ("Text stop? lol").
fn bare_hit(a: usize, ch: u8) -> Option<Hit> {
    Some(Hit {
        a,
        b: a + 1,
        ch,
        soft: true,
    })
}

fn soft(a: usize, b: usize, ch: u8) -> Option<Hit> {
    Some(Hit {
        a,
        b: b.max(a + 1),
        ch,
        soft: ch == 0,
    })
}

/// The hits of one message (a few at most; no allocation).
#[derive(Default)]
struct Hits {
    all: [Option<Hit>; 8],
    count: usize,
}

impl Hits {
    fn push(&mut self, h: Hit) {
        if let Some(slot) = self.all.get_mut(self.count) {
            *slot = Some(h);
            self.count += 1;
        }
    }
}

/// What follows a verb as its object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Obj {
    /// A means of contact ("these texts", "your emails", "spam"), to word `end`.
    Media { end: usize, ch: u8 },
    /// Something else ("this bill", "my appointment", "the call").
    Thing,
    /// "it", "this", "them" as the whole object.
    Pron(usize),
    /// "all" as the whole object.
    All(usize),
    /// Words the lists do not know.
    Unknown,
    /// Nothing.
    Empty,
}

/// Reads the message; `Some((keyword, channels))` when it is an opt-out.
pub fn read(toks: &Tokens, came_by: Revoked) -> Option<(String, Revoked)> {
    let r = Reader {
        t: &toks.toks,
        toks,
    };
    let mut hits = Hits::default();
    if let Some(h) = r.short(0, r.t.len()) {
        hits.push(h);
    }
    let mut i = 0;
    while i < r.t.len() {
        match r.at(i) {
            Some(h) => {
                hits.push(h);
                i = h.b.max(i + 1);
            }
            None => i += 1,
        }
    }
    if hits.count == 0 {
        // A sentence of its own: "Stop. Who is this?", "Cancel. Found a better deal."
        let mut a = 0;
        for b in 1..=r.t.len() {
            if b == r.t.len() || r.brk(b) == FULL_STOP {
                if let Some(h) = r.short(a, b) {
                    hits.push(h);
                    break;
                }
                a = b;
            }
        }
    }
    let laugh = r.t.iter().any(|t| t.is(LAUGH));
    let kept = r.kept();
    let mut bits = 0u8;
    let mut first: Option<Hit> = None;
    for h in hits.all.iter().flatten().filter(|h| !(laugh && h.soft)) {
        let implied = if h.ch == 0 {
            came_by.0
        } else if h.ch & CALL != 0 {
            SMS
        } else {
            0
        };
        bits |= h.ch | (implied & !kept);
        first = first.or(Some(*h));
    }
    let first = first?;
    if bits == 0 {
        bits = came_by.0;
    }
    Some((toks.span(first.a, first.b), Revoked::from_bits(bits)))
}

struct Reader<'t> {
    t: &'t [Tok],
    toks: &'t Tokens,
}

impl Reader<'_> {
    fn w(&self, i: usize) -> &'static str {
        self.t.get(i).map_or("", |t| t.w)
    }

    /// Word `i` is `word` (a canonical spelling).
    #[inline(never)]
    fn eq(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    #[inline(never)]
    fn is(&self, i: usize, flags: u32) -> bool {
        self.t.get(i).is_some_and(|t| t.is(flags))
    }

    fn ch(&self, i: usize) -> u8 {
        self.t.get(i).map_or(0, |t| t.ch)
    }

    /// The break before word `i` (the end of the message is a full stop).
    #[inline(never)]
    fn brk(&self, i: usize) -> u8 {
        self.t.get(i).map_or(FULL_STOP, |t| t.brk)
    }

    /// Word `i` follows on in the same clause.
    fn on(&self, i: usize) -> bool {
        self.brk(i) == 0
    }

    // Not inlined: one loop over a list, rather than the list unrolled at
    // every rule (the module is compiled to WebAssembly, where size counts).
    #[inline(never)]
    fn any(&self, i: usize, words: &str) -> bool {
        let w = self.w(i).as_bytes();
        !w.is_empty() && words.as_bytes().split(|&b| b == b' ').any(|x| x == w)
    }

    /// Word `i` is a word the lists do not know, ending in -ING ("laughing").
    fn other_gerund(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.w.is_empty() && self.toks.surface(t).ends_with("ING"))
    }

    /// The words before `i` in its clause, nearest first, at most `n`.
    fn back(&self, i: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
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
    fn back_in_sentence(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
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
    fn bare(&self, mut j: usize) -> bool {
        for _ in 0..6 {
            if !self.on(j) {
                return true;
            }
            if self.is(j, STARTER) {
                return true;
            }
            if self.eq(j, "AT") && self.eq(j + 1, "ONCE") {
                j += 2;
                continue;
            }
            if !self.is(j, FILLER | LAUGH) {
                return false;
            }
            j += 1;
        }
        false
    }

    /// Word `i` is negated: "don't stop", "I don't want you to unsubscribe me",
    /// "n'arrêtez pas" — but not in a threat ("if you don't stop texting me")
    /// or a complaint ("why can't you stop").
    fn negated(&self, i: usize) -> bool {
        for k in self.back(i, 6) {
            if self.is(k, NEG) {
                return !self.back(k, 3).any(|m| self.any(m, "IF UNLESS WHY OR"));
            }
            if !self.is(k, SKIP | ME) {
                return false;
            }
        }
        false
    }

    /// A first person's plan, not a request: "I'll stop by", "we've got to
    /// stop this", "I'm gonna quit".
    fn first_person_plan(&self, i: usize) -> bool {
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

    /// The stop word at `i` is a noun or part of one: "full stop", "a stop",
    /// "bus stop", "the end", "stop sign".
    fn noun_use(&self, i: usize) -> bool {
        let before = i.checked_sub(1).filter(|_| self.on(i)).is_some_and(|k| {
            self.any(
                k,
                "A AN THE MY YOUR OUR EVERY NEXT LAST FIRST FULL BUS PIT ONE NON TRUCK REST COMPLETE DEAD L LE LA EL UN UNA WEEK HIGH LOW FRONT BACK",
            )
        });
        before
            || (self.on(i + 1)
                && self.any(i + 1, "SIGN LIGHT LOSS GAP WATCH MOTION BUTTON DATE SHOP"))
    }

    /// Channels named by the words before `i` in its sentence ("I want the
    /// text messages to stop").
    fn media_before(&self, i: usize) -> u8 {
        self.back_in_sentence(i)
            .filter(|&k| self.is(k, MEDIA | GER | CVERB) && !self.is(k, THING))
            .fold(0, |c, k| c | self.ch(k))
    }

    /// Channels named after `i` in its clause ("unsubscribe me from your
    /// emails", "I revoke my consent to be contacted"); "all" as the last word
    /// is every channel.
    fn media_after(&self, i: usize) -> u8 {
        let mut c = 0;
        let mut k = i + 1;
        while self.on(k) {
            if self.is(k, MEDIA | GER | CVERB) && !self.is(k, THING) {
                c |= self.ch(k);
            }
            if self.is(k, ALLW) && self.bare(k + 1) {
                c = ALL_CH;
            }
            k += 1;
        }
        c
    }

    /// The object starting at word `j`.
    fn object(&self, j: usize) -> Obj {
        let mut ch = 0;
        let mut media = false;
        let mut end = j;
        let mut spec = false;
        let mut unknown = false;
        let mut k = j;
        for _ in 0..8 {
            if k >= self.t.len() {
                break;
            }
            if k > j && !self.on(k) {
                // A list across a comma: "texts, calls or emails", "texts,
                // calls, or emails".
                if !(media && self.brk(k) == WEAK && self.is(k, MEDIA | GER | CONJ)) {
                    break;
                }
            }
            let w = self.w(k);
            if media {
                if self.is(k, MEDIA | GER) && !self.is(k, THING) {
                    ch |= self.ch(k);
                    end = k + 1;
                } else if !self.is(k, CONJ | DET | ADJ) {
                    break;
                }
                k += 1;
                continue;
            }
            if w == "SUBSCRIPTION" {
                return self.subscription(k, unknown);
            }
            if self.is(k, ALLW) && self.bare(k + 1) {
                return Obj::All(k + 1);
            }
            if self.is(k, PRON) && (!self.is(k, DET) || self.bare(k + 1)) {
                return if self.eq(k + 1, "FROM") {
                    Obj::Thing
                } else {
                    Obj::Pron(k + 1)
                };
            }
            if w == "CONTACT" && self.any(k + 1, "LIST LISTS INFO DETAILS DATABASE") {
                // "contact list": the list, not all contact.
                k += 1;
                continue;
            }
            if self.is(k, MEDIA) && !self.is(k, THING) {
                // "the call", "my text": one message, not the messages.
                if self.is(k, SING) && spec && !self.is(k + 1, MEDIA) {
                    return Obj::Thing;
                }
                media = true;
                ch |= self.ch(k);
                end = k + 1;
            } else if self.is(k, THING) {
                return Obj::Thing;
            } else if self.is(k, DET | ADJ) {
                spec |= self.is(k, SPEC);
            } else if w.is_empty() {
                unknown = true;
            } else {
                break;
            }
            k += 1;
        }
        if media {
            Obj::Media { end, ch }
        } else if unknown {
            Obj::Unknown
        } else {
            Obj::Empty
        }
    }

    /// "my subscription" is to these messages; "my subscription to the
    /// magazine", "my Netflix subscription", "my subscription box" are not.
    fn subscription(&self, k: usize, modified: bool) -> Obj {
        if modified {
            return Obj::Thing;
        }
        if self.on(k + 1) && self.any(k + 1, "TO FOR OF WITH") {
            return match self.object(k + 2) {
                m @ Obj::Media { .. } => m,
                _ => Obj::Thing,
            };
        }
        if self.on(k + 1) && (self.w(k + 1).is_empty() || self.is(k + 1, THING)) {
            return Obj::Thing;
        }
        Obj::Media { end: k + 1, ch: 0 }
    }

    /// "via text", "by phone", "with your texts": the channel that narrows a
    /// request.
    fn via(&self, k: usize) -> Option<u8> {
        if !self.on(k) || !self.any(k, "VIA BY THROUGH OVER ON WITH THRU") {
            return None;
        }
        for m in k + 1..k + 4 {
            if !self.on(m) {
                break;
            }
            if self.any(m, "PHONE CELL TELEPHONE") {
                return Some(CALL);
            }
        }
        match self.object(k + 1) {
            Obj::Media { ch, .. } if ch != 0 => Some(ch),
            _ => None,
        }
    }

    /// A request at word `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        if self.is(i, STRONG) {
            return self.strong(i);
        }
        if self.is(i, DE_VERB) && self.eq(i + 1, "DE") {
            if let Some(h) = self.de_verb(i) {
                return Some(h);
            }
        }
        if self.is(i, STOPV) {
            return self.stop_verb(i);
        }
        let w = self.w(i);
        match w {
            "OPT" if self.is(i + 1, ME) && self.eq(i + 2, "OUT") => {
                return hit(i, i + 3, self.media_after(i + 2))
            }
            "GET" if self.eq(i + 1, "LOST") && self.bare(i + 2) => return hit(i, i + 2, ALL_CH),
            _ => {}
        }
        if self.is(i, REMV) {
            return self.remove(i);
        }
        if self.is(i, NEG) {
            return self.negation(i);
        }
        match w {
            "NO" => self.no(i),
            "LEAVE" | "DEJAME" | "DEJENME" | "DEJEME" | "LAISSEZ" | "LAISSE" | "FICHEZ"
            | "FOUTEZ" => self.alone(i),
            "GO" if self.eq(i + 1, "AWAY") && self.bare(i + 2) => hit(i, i + 2, ALL_CH),
            "FUCK" | "F" | "PISS" | "BUZZ" | "EFF"
                if self.any(i + 1, "OFF YOU") && self.bare(i + 2) =>
            {
                hit(i, i + 2, ALL_CH)
            }
            "KNOCK" | "CUT" if self.eq(i + 1, "IT") && self.any(i + 2, "OFF OUT") => {
                hit(i, i + 3, self.media_after(i + 2))
            }
            "KEEP" | "KEEPS" => self.keep(i),
            "IF" | "UNLESS" => self.threat(i),
            "ENOUGH" | "BASTA" => {
                let j = if self.any(i + 1, "WITH OF DE ALREADY") {
                    i + 2
                } else {
                    i + 1
                };
                match self.object(j) {
                    Obj::Media { end, ch } if self.on(j) => hit(i, end, ch),
                    _ => None,
                }
            }
            "RATHER" | "PREFER" if self.eq(i + 1, "NOT") => {
                let j = if self.eq(i + 2, "TO") { i + 3 } else { i + 2 };
                self.receive(i, j)
            }
            "WITHDRAW" | "REVOKE" => {
                let j = if self.any(i + 1, "MY OUR") {
                    i + 2
                } else {
                    i + 1
                };
                if self.any(j, "CONSENT PERMISSION AUTHORIZATION") && !self.negated(i) {
                    hit(i, j + 1, self.media_after(j))
                } else {
                    None
                }
            }
            "BAJA" if i > 0 && self.eq(i - 1, "DE") && self.on(i) => hit(i - 1, i + 1, 0),
            "PLUS" if self.eq(i + 1, "DE") => match self.object(i + 2) {
                Obj::Media { end, ch } => hit(i, end, ch),
                _ => None,
            },
            "DNC" => hit(i, i + 1, CALL),
            _ => None,
        }
    }

    /// Unsubscribe, opt out, revoke, STOPALL, désabonner: anywhere, unless
    /// negated or about something else ("opt out of the warranty").
    fn strong(&self, i: usize) -> Option<Hit> {
        if self.negated(i) {
            return None;
        }
        if self.eq(i, "STOPALL") {
            return hit(i, i + 1, ALL_CH);
        }
        let mut k = i + 1;
        if self.is(k, ME) && self.on(k) {
            k += 1;
        }
        if self.on(k) && self.any(k, "FROM OF DE DU") && self.object(k + 1) == Obj::Thing {
            return None;
        }
        hit(i, k, self.media_after(i))
    }

    /// "dejen de enviarme mensajes", "arrêtez de m'envoyer des SMS".
    fn de_verb(&self, i: usize) -> Option<Hit> {
        if self.negated(i) {
            return None;
        }
        let mut k = i + 2;
        if self.is(k, ME) && !self.is(k, CVERB) && self.on(k) {
            k += 1;
        }
        if !self.is(k, CVERB) {
            return None;
        }
        let ch = match self.object(k + 1) {
            Obj::Media { ch, .. } => ch | self.ch(k),
            _ => self.ch(k),
        };
        hit(i, k + 1, ch)
    }

    /// A stop word and what it is about.
    fn stop_verb(&self, i: usize) -> Option<Hit> {
        if self.negated(i) || self.first_person_plan(i) || self.noun_use(i) {
            return None;
        }
        let w = self.w(i);
        if w == "CEASE" && self.eq(i + 1, "AND") && self.eq(i + 2, "DESIST") {
            return hit(i, i + 3, ALL_CH);
        }
        let j = i + 1;
        if self.on(j) {
            if self.is(j, GER) {
                return self.gerund(i, j);
            }
            if self.other_gerund(j) {
                return None;
            }
            if self.eq(j, "WITH") {
                return match self.object(j + 1) {
                    Obj::Media { end, ch } => soft(i, end, ch),
                    _ => None,
                };
            }
            if self.is(j, PREP) && !(self.eq(j, "AT") && self.eq(j + 1, "ONCE")) {
                return None;
            }
            match self.object(j) {
                Obj::Media { end, ch } => return soft(i, end, ch),
                Obj::All(end) => return hit(i, end, ALL_CH),
                Obj::Pron(end) => {
                    return if matches!(w, "END" | "CANCEL" | "CANCELAR" | "TERMINATE")
                        && !self.eq(j, "THIS")
                    {
                        None
                    } else {
                        soft(i, end, self.media_before(i))
                    }
                }
                Obj::Thing | Obj::Unknown => return None,
                Obj::Empty => {}
            }
        }
        if !self.bare(j) {
            return None;
        }
        match w {
            "END" | "TERMINATE" if !self.subject_to(i) => None,
            "CANCEL" | "CANCELAR" if !self.wants(i) => None,
            _ if self.other_subject(i) => None,
            _ => bare_hit(i, self.media_before(i)),
        }
    }

    /// The bare stop word has a subject that is not contact: "this rain won't
    /// stop", "I want the noise to stop" (but "these texts won't stop", "make
    /// it stop", "you need to stop").
    fn other_subject(&self, i: usize) -> bool {
        let mut aux = false;
        for k in self.back(i, 5) {
            if self.is(k, MODAL | NEG) || self.any(k, "TO NEEDS NEED HAS HAVE GOT JUST ALWAYS EVER")
            {
                aux = true;
                continue;
            }
            return aux && (self.w(k).is_empty() || self.is(k, THING));
        }
        false
    }

    /// "make it end", "I want these texts to end".
    fn subject_to(&self, i: usize) -> bool {
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
    fn wants(&self, i: usize) -> bool {
        let near = i
            .checked_sub(1)
            .filter(|_| self.on(i))
            .is_some_and(|k| self.any(k, "PLEASE JUST ALREADY KINDLY OK"));
        near || self
            .back(i, 4)
            .any(|k| self.any(k, "WANT WANNA LIKE WISH HOW QUIERO"))
    }

    /// "stop texting me", "stop sending me these", "stop getting texts".
    fn gerund(&self, i: usize, j: usize) -> Option<Hit> {
        let g = self.w(j);
        let mut k = j + 1;
        if self.is(k, ME) && self.on(k) {
            k += 1;
        }
        if self.is(j, NEED_OBJ) || g == "SENDING" {
            return match self.object(k) {
                Obj::Media { end, ch } => soft(i, end, ch),
                Obj::Pron(end) => soft(i, end, 0),
                Obj::All(end) => hit(i, end, ALL_CH),
                Obj::Unknown if g == "SENDING" => hit(i, k, 0),
                Obj::Empty if g == "SENDING" => hit(i, j + 1, 0),
                _ => None,
            };
        }
        match g {
            "BLOWING" if !(j + 1..j + 5).any(|m| self.on(m) && self.eq(m, "UP")) => return None,
            "HITTING" if !(self.is(j + 1, ME) && self.eq(j + 2, "UP")) => return None,
            _ => {}
        }
        // A list of them: "texting and calling me", "texting, calling and emailing me".
        let mut ch = self.ch(j);
        let mut end = k;
        loop {
            let mut m = end;
            if self.is(m, CONJ) && (self.on(m) || self.brk(m) == WEAK) {
                m += 1;
            } else if self.brk(m) != WEAK {
                break;
            }
            if !self.is(m, GER) || self.is(m, NEED_OBJ) || (m == end && self.on(m)) {
                break;
            }
            ch |= self.ch(m);
            end = m + 1;
            if self.is(end, ME) && self.on(end) {
                end += 1;
            }
        }
        if let Some(v) = self.via(end) {
            ch = if ch == ALL_CH || ch == 0 { v } else { ch | v };
        }
        hit(i, end, ch)
    }

    /// Remove me, take me off, lose my number, supprimez-moi.
    fn remove(&self, i: usize) -> Option<Hit> {
        if self.negated(i) {
            return None;
        }
        let v = self.w(i);
        let forget = self.is(i, FORGET);
        if v == "REMOVED" {
            let passive = i > 0 && self.any(i - 1, "BE BEEN GET GOT IS");
            if !passive || (self.any(i + 1, "FROM") && self.object(i + 2) == Obj::Thing) {
                return None;
            }
            return hit(i - 1, i + 1, 0);
        }
        let mut k = i + 1;
        let me = if self.is(i, ME) {
            true
        } else if self.is(k, ME) && self.on(k) {
            k += 1;
            true
        } else {
            false
        };
        if me {
            let from = self.on(k) && self.any(k, "OFF OUT FROM DE");
            if matches!(v, "TAKE" | "GET" | "DROP") && !from {
                return None;
            }
            if from {
                let o = if self.eq(k, "OUT") && self.eq(k + 1, "OF") {
                    k + 2
                } else {
                    k + 1
                };
                let end = if matches!(v, "TAKE" | "GET") {
                    k + 1
                } else {
                    k
                };
                return match self.object(o) {
                    Obj::Thing => None,
                    Obj::Media { ch, .. } => hit(i, end, ch),
                    Obj::All(_) => hit(i, end, ALL_CH),
                    Obj::Unknown if v == "GET" => None,
                    _ => hit(i, end, 0),
                };
            }
            return hit(i, k, 0);
        }
        if v == "GET" && self.any(k, "OFF OUT") && self.on(k) {
            let o = if self.eq(k + 1, "OF") { k + 2 } else { k + 1 };
            return match self.object(o) {
                Obj::Media { ch, .. } => hit(i, k + 1, ch),
                Obj::Pron(_) => hit(i, k + 1, 0),
                _ => None,
            };
        }
        // "remove my number", "lose this number", "take my email off your list".
        if v == "GET" || !(self.on(k) && self.any(k, "MY THIS OUR MI MON MA")) {
            return None;
        }
        for m in k + 1..k + 4 {
            if !self.on(m) {
                return None;
            }
            if self.any(m, "OLD PREVIOUS OTHER SECOND NEW WORK HOME") {
                return None;
            }
            let ch = match self.w(m) {
                "NUMBER" | "CELL" | "TELEPHONE" => {
                    if forget {
                        ALL_CH
                    } else {
                        SMS | CALL
                    }
                }
                "PHONE" if !self.any(m + 1, "NUMBER") => {
                    if forget {
                        ALL_CH
                    } else {
                        SMS | CALL
                    }
                }
                "EMAIL" => EMAIL,
                "INFO" | "INFORMATION" | "DETAILS" | "NAME" | "DATA" => {
                    if forget {
                        ALL_CH
                    } else {
                        0
                    }
                }
                _ => continue,
            };
            if v == "TAKE" && !(m + 1..m + 3).any(|n| self.on(n) && self.any(n, "OFF OUT")) {
                return None;
            }
            return hit(i, m + 1, ch);
        }
        None
    }

    /// After a negator: "don't text me", "do not contact me", "I don't want
    /// your texts", "I never signed up", "ne m'envoyez plus".
    fn negation(&self, i: usize) -> Option<Hit> {
        if self.back(i, 3).any(|m| self.any(m, "IF UNLESS WHY")) {
            return None;
        }
        let n = self.w(i);
        if matches!(n, "NE" | "N") {
            return self.ne(i);
        }
        let imperative = matches!(n, "DON'T" | "NEVER" | "NUNCA")
            || (n == "NOT" && i > 0 && self.any(i - 1, "DO PLEASE DOES"));
        let mut j = i + 1;
        while self.on(j) && self.any(j, "EVER EVEN PLEASE YOU JUST REALLY") {
            j += 1;
        }
        if !self.on(j) {
            return None;
        }
        let v = self.w(j);
        if imperative {
            if v == "CALL" && self.any(j + 1, "LIST REGISTRY REGISTER") {
                return hit(i, j + 2, CALL);
            }
            if self.is(j, ME) && self.is(j + 1, CVERB) {
                return self.contact(i, j + 1, true);
            }
            if self.is(j, CVERB) && v != "SEND" {
                return self.contact(i, j, false);
            }
            if v == "SEND" {
                let mut k = j + 1;
                if self.is(k, ME) && self.on(k) {
                    k += 1;
                }
                return match self.object(k) {
                    Obj::Media { end, ch } if !self.limited(end) => hit(i, end, ch),
                    Obj::Empty if !self.limited(k) => hit(i, k, 0),
                    Obj::Pron(end) if self.bare(end) => hit(i, end, 0),
                    _ => None,
                };
            }
        }
        match v {
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
            "GAVE" | "GIVE" | "GIVEN" if matches!(n, "NEVER" | "DIDN'T" | "NOT") => {
                if (j + 1..j + 5).any(|m| self.on(m) && self.any(m, "PERMISSION CONSENT NUMBER")) {
                    hit(i, j + 1, self.media_before(j) | self.media_after(j))
                } else {
                    None
                }
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
    /// "this late" — but not "at this number", "at all", "in any way".
    fn limited(&self, k: usize) -> bool {
        if !self.on(k) {
            return false;
        }
        if self.any(k, "AT ON IN") && self.any(k + 1, "THIS ALL ANY MY") {
            return self.eq(k + 1, "THIS")
                && !self.any(k + 2, "NUMBER PHONE CELL LINE EMAIL ADDRESS");
        }
        self.is(k, WHEN) || (self.eq(k, "RIGHT") && self.eq(k + 1, "NOW"))
    }

    /// A negated verb of contact at `j`: "don't call, text or email me again".
    fn contact(&self, i: usize, j: usize, me: bool) -> Option<Hit> {
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
            {
                ch |= self.ch(k);
                k += 1;
            } else {
                break;
            }
        }
        if self.eq(j, "REACH") && self.eq(k, "OUT") {
            k += 1;
        }
        let mut object = me;
        if self.is(k, ME) && self.on(k) {
            k += 1;
            object = true;
        } else if self.on(k)
            && self.any(k, "THIS MY THAT")
            && self.any(k + 1, "NUMBER PHONE CELL LINE")
        {
            k += 2;
            object = true;
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
        if self.any(
            k,
            "AGAIN ANYMORE EVER PLEASE BACK AT ON IN MAS PLUS EITHER ALSO",
        ) || self.bare(k)
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
    fn serial_comma(&self, k: usize) -> bool {
        self.brk(k) == WEAK && self.is(k, CONJ)
    }

    /// "I don't want your texts", "... to receive these messages", "... to be
    /// contacted", "... you to text me".
    fn want(&self, i: usize, j: usize) -> Option<Hit> {
        let mut k = j + 1;
        if self.any(k, "YOU Y'ALL") && self.eq(k + 1, "TO") && self.is(k + 2, CVERB) {
            return self.contact(i, k + 2, false);
        }
        if self.eq(k, "TO") {
            k += 1;
            match self.w(k) {
                "BE" if self.eq(k + 1, "ON") => {
                    return match self.object(k + 2) {
                        Obj::Media { end, ch } => hit(i, end, ch),
                        _ => None,
                    }
                }
                "BE" if self.is(k + 1, CVERB) || self.eq(k + 1, "CONTACTED") => {
                    return hit(i, k + 2, self.ch(k + 1))
                }
                "HEAR" if self.eq(k + 1, "FROM") => return hit(i, k + 3, 0),
                "RECEIVE" | "GET" | "HAVE" | "SEE" => return self.receive(i, k + 1),
                _ => return None,
            }
        }
        self.receive(i, k)
    }

    /// What is not wanted, from word `k`: a means of contact, and not limited
    /// in time.
    fn receive(&self, i: usize, k: usize) -> Option<Hit> {
        let k = if self.any(k, "RECEIVE GET RECEIVING GETTING") {
            k + 1
        } else if self.eq(k, "BE") && self.is(k + 1, CVERB) {
            return hit(i, k + 2, self.ch(k + 1));
        } else {
            k
        };
        match self.object(k) {
            Obj::Media { end, ch } if !self.limited(end) => hit(i, end, ch),
            _ => None,
        }
    }

    /// French: "ne m'envoyez plus de messages", "ne plus m'appeler", "je ne
    /// veux plus recevoir de SMS".
    fn ne(&self, i: usize) -> Option<Hit> {
        let plus = (i + 1..i + 5).any(|m| self.on(m) && self.any(m, "PLUS JAMAIS"));
        if !plus {
            return None;
        }
        for m in i + 1..i + 4 {
            if !self.on(m) {
                return None;
            }
            if self.is(m, CVERB) {
                let ch = self.ch(m) | self.media_after(m);
                return hit(i, m + 1, ch);
            }
            if self.any(m, "VEUX VOULONS SOUHAITE SOUHAITONS DESIRE") {
                let after = self.media_after(m);
                let media = (m + 1..)
                    .take_while(|&x| self.on(x))
                    .any(|x| (self.is(x, MEDIA) && !self.is(x, THING)) || self.eq(x, "CONTACTE"));
                return if media { hit(i, m + 1, after) } else { None };
            }
            if !self.is(m, ME) && !self.any(m, "PLUS JAMAIS") {
                return None;
            }
        }
        None
    }

    /// "no more texts", "no calls please", "no more!", "no me envíen más
    /// mensajes", "no quiero más llamadas", "no longer want".
    fn no(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        if !self.on(j) {
            return None;
        }
        let v = self.w(j);
        if self.is(j, ME) && self.is(j + 1, CVERB) {
            return self.contact(i, j + 1, true);
        }
        match v {
            "LONGER" if self.any(j + 1, "WANT WISH NEED") => self.want(i, j + 1),
            "QUIERO" | "DESEO" | "QUEREMOS" | "QUIERE" => {
                let k = if self.eq(j + 1, "RECIBIR") {
                    j + 2
                } else {
                    j + 1
                };
                match self.object(k) {
                    Obj::Media { end, ch } => hit(i, end, ch),
                    _ => None,
                }
            }
            "MORE" | "MAS" => match self.object(j + 1) {
                Obj::Media { end, ch } if !self.limited(end) => soft(i, end, ch),
                Obj::Pron(end) if self.eq(j + 1, "OF") || self.is(j + 1, PRON) => soft(i, end, 0),
                Obj::Empty if self.bare(j + 1) => soft(i, j + 1, 0),
                _ => None,
            },
            _ if self.is(j, MEDIA) && !self.is(j, THING) => match self.object(j) {
                Obj::Media { end, ch } if !self.limited(end) => soft(i, end, ch),
                _ => None,
            },
            _ => None,
        }
    }

    /// "leave me alone", "déjenme en paz", "laissez-moi tranquille", "fichez-moi
    /// la paix": no contact at all.
    fn alone(&self, i: usize) -> Option<Hit> {
        let end = (i + 1..i + 6)
            .take_while(|&m| self.on(m))
            .find(|&m| self.any(m, "ALONE PAZ TRANQUILLE PAIX"))?;
        if self.eq(i, "LEAVE") && !self.is(i + 1, ME) {
            return None;
        }
        if self.negated(i) {
            return None;
        }
        hit(i, end + 1, ALL_CH)
    }

    /// A complaint: "why do you keep texting me", "I keep getting these texts"
    /// (not "keep texting me the deals").
    fn keep(&self, i: usize) -> Option<Hit> {
        let you = self
            .back(i, 3)
            .any(|k| self.any(k, "YOU Y'ALL THEY GUYS PEOPLE WHY"));
        let me = self.back(i, 2).any(|k| self.is(k, I1));
        let j = if self.eq(i + 1, "ON") { i + 2 } else { i + 1 };
        if !self.is(j, GER) {
            return None;
        }
        if you || (me && self.is(j, NEED_OBJ)) {
            self.gerund(i, j)
        } else {
            None
        }
    }

    /// A threat: "if you text me again...", "if you don't stop texting me...",
    /// "if you keep calling".
    fn threat(&self, i: usize) -> Option<Hit> {
        if !self.any(i + 1, "YOU Y'ALL THEY") {
            return None;
        }
        let mut threat = false;
        let mut ch = None;
        let mut end = i + 2;
        for m in i + 2..i + 9 {
            if !self.on(m) {
                break;
            }
            if self.any(m, "KEEP CONTINUE AGAIN EVER STOP") {
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

    /// A short message, or sentence, of keywords and filler only ("stop
    /// please", "wrong number stop", "baja por favor"): words `a..b`.
    fn short(&self, a: usize, b: usize) -> Option<Hit> {
        let words = (a..b)
            .filter(|&k| self.t.get(k).is_some_and(|t| !t.synth))
            .count();
        if words == 0 || words > 8 {
            return None;
        }
        let mut key = false;
        let mut all = false;
        for k in a..b {
            let t = self.t.get(k)?;
            if t.synth {
                continue;
            }
            if t.is(KEY) {
                key = true;
                all |= t.w == "STOPALL";
            } else if t.w == "ALL" && k > a && self.eq(k - 1, "STOP") {
                all = true;
            } else if !t.is(FILLER) {
                return None;
            }
        }
        if !key {
            return None;
        }
        hit(a, b, if all { ALL_CH } else { 0 })
    }

    /// Channels the customer asks to keep: "text me instead", "just text",
    /// "email is fine" (they are not revoked by what a request implies).
    fn kept(&self) -> u8 {
        let mut kept = 0;
        for k in 0..self.t.len() {
            if !(self.is(k, CVERB | MEDIA) && self.ch(k) != 0 && self.ch(k) != ALL_CH) {
                continue;
            }
            let after = if self.is(k + 1, ME) { k + 2 } else { k + 1 };
            let before = k.checked_sub(1).filter(|_| self.on(k));
            if (self.on(after) && self.any(after, "INSTEAD ONLY"))
                || before.is_some_and(|b| self.any(b, "JUST ONLY"))
                || (self.any(k + 1, "IS ARE") && self.any(k + 2, "FINE OK OKAY BETTER GOOD"))
            {
                kept |= self.ch(k);
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::lookup;

    /// Every word a rule names is in a list: a rule cannot silently never fire.
    #[test]
    fn named_words_are_known() {
        let src = include_str!("rules.rs");
        let code = src.split("#[cfg(test)]").next().unwrap_or("");
        let mut missing = Vec::new();
        for line in code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//") && !l.contains("ends_with"))
        {
            let quoted = line.split('"').skip(1).step_by(2);
            for part in quoted.flat_map(|q| q.split(' ')) {
                let word =
                    !part.is_empty() && part.bytes().all(|b| b.is_ascii_uppercase() || b == b'\'');
                // Known, and as the canonical spelling a rule compares with.
                if word && lookup(part).map(|k| k.w) != Some(part) {
                    missing.push(part.to_string());
                }
            }
        }
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "not in any list: {missing:?}");
    }
}
