//! Reading a longer message as an opt-out, and what it revokes.
//!
//! Each rule starts at one word and reads the words after it (and a few
//! before, for negation and subject). A rule that fires is a *hit*: the words
//! that read as the request and the channels they name. Hits add up; the
//! first one's words are the `keyword` a reviewer sees.
//!
//! The rules, in the order they are tried at a word:
//! 1. strong words — unsubscribe, opt out, revoke, STOPALL — unless negated;
//! 2. "dejen de / arrêtez de / cessez de" + a verb of contact;
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
//! 6. "no more texts", "no calls please", "no me envíen más mensajes", "no
//!    envíen más mensajes", "no quiero que me escriban", "plus de messages",
//!    "ne m'appelez plus";
//! 7. no contact at all: "leave me alone", "go away", "déjenme en paz";
//!    complaints and threats: "why do you keep texting me", "if you text me
//!    again...", "reported as spam";
//! 8. a short message of keywords and filler only ("stop please", "baja por
//!    favor", "STOP STOP");
//! 9. a preference that leaves channels out: "only email me", "email only",
//!    "email me rather than calling" (the others are revoked).
//!
//! A bare stop word beside laughter ("Stop! lol", "stop, you're too kind 😂")
//! is banter, not a request, unless it names a channel.

mod around;
mod complaint;
mod negation;
mod prefer;
mod stop;

use super::text::{Tok, Tokens, STRONG as FULL_STOP};
use super::words::*;
use super::Revoked;

/// One request found in the message.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// Words `a..b` (for the keyword). Every rule reads at least the word it
    /// starts at, so `b > a`.
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
        b,
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
        b,
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
                hits.push(r.by_means(h));
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
    if hits.count == 0 {
        // A preference, when it is the whole request: "only email me",
        // "email only please" (after "stop calling", "text only" keeps texts
        // as "just text" does).
        if let Some(h) = (0..r.t.len()).find_map(|i| r.preference(i)) {
            hits.push(h);
        }
    }
    if hits.count == 0 {
        // A keyword on a line of its own, a blank line, and a signature:
        // "Remove\n\nThanks,\nJohn", "CANCEL\n\nJohn Smith\nAcme" (the rest names
        // nobody the lists know, or thanks; not "Cancel\ndinner"); or on the
        // next line a name, one or two words with capitals ("Remove\nDebbie").
        if let Some(b) = (1..r.t.len()).find(|&b| r.t.get(b).is_some_and(|t| t.line > 0)) {
            let rest = r.t.get(b..).unwrap_or_default();
            // (A keyword that takes no object: not "Cancel\nNetflix", "End\nGame".)
            let name = b == 1
                && r.any(0, "STOP REMOVE UNSUBSCRIBE STOPALL OPTOUT REVOKE BAJA ALTO PARAR ARRET ARRETE ARRETEZ")
                && rest.len() <= 2
                && rest.iter().all(|t| t.w.is_empty() && t.cap)
                && rest.iter().skip(1).all(|t| t.line == 0);
            // (A closing: "Kind regards", "Many thanks", "Best wishes", "Take
            // care", "All the best".)
            let closing = |m: usize| {
                r.any(
                    m,
                    "KIND REGARDS MANY BEST WISHES TAKE CARE CHEERS WARMLY YOURS RESPECTFULLY",
                ) || (r.any(m, "ALL THE") && (m..m + 3).any(|x| r.eq(x, "BEST")))
            };
            let signed = (rest.first().is_some_and(|t| t.line > 1) || name || closing(b))
                // (A name as written, with its capital: "Mo" is no "more".)
                && (b..r.t.len()).all(|m| {
                    r.w(m).is_empty()
                        || r.is(m, FILLER)
                        || closing(m)
                        || r.t.get(m).is_some_and(|t| t.cap && t.line > 0)
                });
            if let Some(h) = r.short(0, b).filter(|_| signed) {
                hits.push(h);
            }
        }
    }
    // Laughter near the request, not anywhere in a long message ("... needs
    // to be fired lol. 5 texts in 2 days. Stop sending me this stuff").
    // ("Kind regards" is a closing, not laughter.)
    let laughs = |m: usize| r.is(m, LAUGH) && !(r.eq(m, "KIND") && r.eq(m + 1, "REGARDS"));
    let laugh = |h: &Hit| {
        r.back_in_sentence(h.a).any(laughs) || (h.a..(h.b + 6).min(r.t.len())).any(laughs)
    };
    // "I accidentally replied STOP", "texted stop by mistake": a keyword
    // alone, told of as what was sent by mistake, is no request (but "Stop,
    // I signed up by mistake" is one).
    // (Or after START: "START - sorry my kid texted stop".)
    let restart = r.any(0, "START UNSTOP") && r.brk(1) != 0;
    // (Or denied: "I never said STOP", "I didn't mean to text stop"; or
    // "wait": "hold on stop, what's the total?")
    let slip = |h: &Hit| {
        let told = h.a > 0 && r.any(h.a - 1, "SAID TEXT");
        let sent = h.a > 0 && r.any(h.a - 1, SENDING);
        let before = |words: &str| r.back_in_sentence(h.a).any(|m| r.any(m, words));
        // The customer's own denial, in the clause: "I never said", "I
        // didn't mean to text" (not "you didn't stop when I said STOP").
        let denied = r
            .back(h.a, 6)
            .any(|m| m > 0 && r.eq(m - 1, "I") && r.any(m, "NEVER DIDN'T"));
        // "Wait stop", "hold on stop": just before it (not "on hold with my
        // bank, stop").
        let wait = r.on(h.a)
            && h.a > 0
            && (r.eq(h.a - 1, "WAIT") || (h.a > 1 && r.eq(h.a - 1, "ON") && r.eq(h.a - 2, "HOLD")));
        h.b == h.a + 1
            && ((sent && (restart || before("ACCIDENTALLY MISTAKENLY")))
                || ((sent || told) && denied)
                || wait
                || (r.on(h.b) && r.eq(h.b, "BY") && r.any(h.b + 1, "MISTAKE ACCIDENT")))
    };
    let kept = r.kept();
    // (A generic means kept is the medium the message came by.)
    let kept = if kept & CAME_BY != 0 {
        kept | came_by.0
    } else {
        kept
    };
    let mut bits = 0u8;
    let mut first: Option<Hit> = None;
    for h in hits
        .all
        .iter()
        .flatten()
        .filter(|h| !(slip(h) || (h.soft && laugh(h)) || r.footer(h.a)))
    {
        let named = h.ch & ALL_CH;
        let implied = if named == 0 || h.ch & CAME_BY != 0 {
            came_by.0
        } else {
            0
        } | if named & CALL != 0 { SMS } else { 0 };
        bits |= named | (implied & !kept);
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
    /// A request for no contact narrowed by the means named after it: "I no
    /// longer wish to be contacted by text", "stop reaching out via email".
    fn by_means(&self, mut h: Hit) -> Hit {
        if h.ch != ALL_CH {
            return h;
        }
        let mut k = h.b;
        while self.on(k) && self.any(k, "OUT ME US") {
            k += 1;
        }
        h.ch = self.narrowed(h.ch, k);
        h
    }

    /// A request at word `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        if self.is(i, STRONG) {
            return self.strong(i);
        }
        if self.is(i, DE_VERB) && self.any(i + 1, "DE D") {
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
            // (Told, not asked: "did they get lost?".)
            "GET"
                if self.eq(i + 1, "LOST")
                    && self.bare(i + 2)
                    && (i == 0 || !self.on(i) || self.is(i - 1, FILLER)) =>
            {
                return hit(i, i + 2, ALL_CH)
            }
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
            "GO" if self.eq(i + 1, "TO") && self.eq(i + 2, "HELL") => hit(i, i + 3, ALL_CH),
            // "lay off the texts", "chill with the calls".
            "LAY" | "CHILL" if self.any(i + 1, "OFF WITH") => self.means_hit(i, i + 2),
            "FUCK" | "F" | "PISS" | "BUZZ" | "EFF"
                if self.any(i + 1, "OFF YOU") && self.bare(i + 2) =>
            {
                hit(i, i + 2, ALL_CH)
            }
            "KNOCK" | "CUT" if self.eq(i + 1, "IT") && self.any(i + 2, "OFF OUT") => {
                hit(i, i + 3, self.media_after(i + 2))
            }
            // "cut out the calls and emails".
            "CUT" if self.eq(i + 1, "OUT") => self.means_hit(i, i + 2),
            // ("you're still texting me", "I'm still getting texts".)
            "KEEP" | "KEEPS" | "STILL" => self.keep(i),
            // "no me sigan llamando", "¿por qué me siguen mandando mensajes?".
            "SIGAN" | "SIGUEN" if self.is(i + 1, GER) => self.gerund(i, i + 1),
            // "turn off the texts", "turn these texts off".
            "TURN" if self.eq(i + 1, "OFF") => self.means_hit(i, i + 2),
            "TURN" => match self.object(i + 1) {
                Obj::Media { end, ch } if self.eq(end, "OFF") => hit(i, end + 1, ch),
                _ => None,
            },
            // "I want off this list".
            "WANT" | "WANTS"
                if self.eq(i + 1, "OFF")
                    && (i + 2..i + 5)
                        .take_while(|&m| self.on(m))
                        .any(|m| self.any(m, "LIST LISTS")) =>
            {
                // ("I want off all your lists": every channel.)
                hit(i, i + 2, if self.all_lists(i + 2) { ALL_CH } else { 0 })
            }
            // "Would you mind not texting me anymore?"
            "MIND" if self.eq(i + 1, "NOT") && self.is(i + 2, GER) => self.gerund(i, i + 2),
            "IF" | "UNLESS" => self.threat(i),
            "REPORT" | "REPORTED" | "REPORTING" => self.reported(i),
            "SPAM" | "SPAMMER" | "SPAMMERS" | "SPAMMING" | "SPAMMY" | "SCAM" | "SCAMMER"
            | "SCAMMERS" | "HARASSMENT" | "HARASSING" | "HARASS" => self.spam(i),
            "BLOCK" | "BLOCKED" | "BLOCKING" => self.block(i),
            // "Enough!", "Basta", as the whole message.
            // (Or a sentence: "This is the 5th text this week. Enough.")
            // (After the means named, of them: "This is the 5th text this
            // week. Enough.", "Stop calling me. Enough.")
            "ENOUGH" | "BASTA" if self.bare(i + 1) && !self.eq(i + 1, "SAID") => {
                // ("Your team called me four times today. Enough.")
                let named = (0..i)
                    .filter(|&m| self.is(m, MEDIA | CVERB) && !self.is(m, THING))
                    .fold(0, |c, m| c | self.ch(m));
                if i == 0 || (self.brk(i) == FULL_STOP && named != 0) {
                    hit(i, i + 1, named)
                } else {
                    None
                }
            }
            "ENOUGH" | "BASTA" => {
                let j = if self.any(i + 1, "WITH OF DE CON ALREADY") {
                    i + 2
                } else {
                    i + 1
                };
                match self.object(j) {
                    Obj::Media { end, ch } if self.on(j) => hit(i, end, ch),
                    _ => None,
                }
            }
            // "Consent is withdrawn", "consent withdrawn".
            "CONSENT" | "PERMISSION" => {
                let mut j = i + 1;
                while self.on(j) && self.any(j, "IS HAS BEEN") {
                    j += 1;
                }
                if self.on(j) && self.eq(j, "WITHDRAWN") && self.bare(j + 1) {
                    hit(i, j + 1, self.media_before(i))
                } else {
                    None
                }
            }
            // "I'd like to not receive any more texts", "I want not to be
            // contacted".
            "LIKE" | "WANT" | "WISH"
                if (self.eq(i + 1, "TO") && self.eq(i + 2, "NOT"))
                    || (self.eq(i + 1, "NOT") && self.eq(i + 2, "TO")) =>
            {
                self.receive(i, i + 3)
            }
            // "give it a rest (with the calls)", "give the calls a rest".
            "GIVE" => {
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
            // A law named to the sender: "this violates the TCPA", "you are
            // violating the Telephone Consumer Protection Act"; "any future
            // texts will result in legal action".
            "TCPA" | "CRTC" => hit(i, i + 1, self.media_before(i)),
            // "je veux plus recevoir vos textos", "j'veux pu recevoir", "j'en
            // veux pas de vos textos" (spoken French, without "ne").
            "VEUX" | "VEUT"
                if self.any(i + 1, "PLUS PAS") && !self.back(i, 3).any(|m| self.any(m, "NE N")) =>
            {
                let mut k = i + 2;
                if self.eq(k, "RECEVOIR") {
                    k += 1;
                }
                if self.any(k, "DE D") {
                    k += 1;
                }
                if !self.is(k, DET | MEDIA) {
                    return None;
                }
                self.means_hit(i, k).filter(|h| !self.limited(h.b))
            }
            // Québec "lâchez-moi / sacrez-moi / crissez-moi patience (avec vos
            // appels)": leave me alone.
            "LACHEZ" | "SACREZ" | "CRISSEZ"
                if self.is(i + 1, ME) && (self.eq(i + 2, "PATIENCE") || self.eq(i + 2, "AVEC")) =>
            {
                let w = if self.eq(i + 2, "PATIENCE") {
                    i + 3
                } else {
                    i + 2
                };
                if self.eq(w, "AVEC") {
                    if let Obj::Media { end, ch } = self.object(w + 1) {
                        return hit(i, end, ch);
                    }
                }
                hit(i, w, ALL_CH)
            }
            // "Je me suis jamais inscrit à ça", "Nunca me suscribí".
            "JAMAIS" | "NUNCA"
                if self.any(i + 1, "INSCRIT INSCRITE SUSCRIBI")
                    || (self.is(i + 1, ME) && self.any(i + 2, "SUSCRIBI")) =>
            {
                hit(i, i + 2, 0)
            }
            // "Pourquoi vous continuez à m'appeler?", "continúan llamándome".
            "CONTINUEZ" | "CONTINUENT" => {
                let mut k = i + 1;
                while self.any(k, "A DE") || (self.is(k, ME) && !self.is(k, CVERB)) {
                    k += 1;
                }
                if self.on(k) && self.is(k, CVERB) && self.ch(k) != 0 {
                    hit(i, k + 1, self.ch(k))
                } else {
                    None
                }
            }
            // "Ni appels ni textos svp".
            "NI" if i == 0 => self.means_hit(i, i + 1).filter(|h| !self.limited(h.b)),
            // "quit hmu", "dont hmu no more": hit me up.
            "HMU" if i > 0 && self.on(i) && self.is(i - 1, STOPV | NEG) && !self.negated(i - 1) => {
                hit(i - 1, i + 1, 0)
            }
            // "none of your people should call me again", "none of your
            // companies have my permission to contact me".
            "NONE" if self.eq(i + 1, "OF") => {
                let v = (i + 2..i + 9).take_while(|&m| self.on(m)).find(|&m| {
                    self.is(m, CVERB) && m > 0 && self.any(m - 1, "SHOULD CAN MAY TO EVER")
                })?;
                let end = if self.is(v + 1, ME) { v + 2 } else { v + 1 };
                hit(i, end, self.ch(v))
            }
            "CONSUMER"
                if i > 0
                    && self.eq(i - 1, "TELEPHONE")
                    && self.eq(i + 1, "PROTECTION")
                    && self.eq(i + 2, "ACT") =>
            {
                hit(i - 1, i + 3, self.media_before(i))
            }
            "LEGAL" if self.eq(i + 1, "ACTION") && self.media_before(i) != 0 => {
                hit(i, i + 2, self.media_before(i))
            }
            "RATHER" | "PREFER" if self.eq(i + 1, "NOT") => {
                let j = if self.eq(i + 2, "TO") { i + 3 } else { i + 2 };
                // ("I'd rather not hear from you again", as "I don't want to
                // hear from you" reads.)
                if self.eq(j, "HEAR") && self.eq(j + 1, "FROM") {
                    return hit(i, j + 3, 0);
                }
                self.receive(i, j)
            }
            // "I withdraw my consent", "I hereby revoke any prior express
            // consent", "I rescind my consent", "my formal revocation of
            // consent", "you no longer have my permission".
            "WITHDRAW" | "REVOKE" | "RESCIND" | "RESCINDED" | "REVOCATION" | "LONGER" => {
                if w == "LONGER" && !(i > 0 && self.eq(i - 1, "NO") && self.any(i + 1, "HAVE HAS"))
                {
                    return None;
                }
                let j = (i + 1..i + 7)
                    .take_while(|&m| self.on(m))
                    .find(|&m| self.any(m, "CONSENT PERMISSION AUTHORIZATION"))?;
                if self.negated(i) {
                    None
                } else {
                    hit(i, j + 1, self.media_after(j))
                }
            }
            // "please refrain from contacting me", "refrain from texting".
            "REFRAIN" | "DESIST" if self.eq(i + 1, "FROM") && self.is(i + 2, GER) => {
                self.gerund(i, i + 2)
            }
            // "go fuck yourself", "lâchez-moi".
            "GO" if self.any(i + 1, "FUCK F") && self.any(i + 2, "YOURSELF YOURSELVES") => {
                hit(i, i + 3, ALL_CH)
            }
            "LACHEZ" | "LACHE" if self.is(i + 1, ME) && self.bare(i + 2) => hit(i, i + 2, ALL_CH),
            // "darme de baja" (not "dar de baja mi carro del seguro").
            // (Asked: "darme de baja", "denme de baja"; not "me dieron de
            // baja del trabajo", "está de baja por enfermedad".)
            "BAJA"
                if i > 0
                    && self.eq(i - 1, "DE")
                    && self.on(i)
                    && (i == 1
                        || self.any(i - 2, "DAR DARME DENME DAME DEME DARSE DARNOS DOY")) =>
            {
                let thing = (i + 1..i + 4)
                    .take_while(|&m| self.on(m))
                    .any(|m| self.is(m, THING));
                // ("No quiero darme de baja": not wished.)
                let unwished = (i.saturating_sub(5)..i)
                    .any(|m| self.eq(m, "NO") && self.any(m + 1, "QUIERO QUEREMOS DESEO"));
                // ("Dadme de baja de todo": every channel; "de sus correos":
                // those.)
                let all = self.eq(i + 1, "DE") && self.is(i + 2, ALLW);
                let named = match self.object(i + 2) {
                    Obj::Media { ch, .. } if self.eq(i + 1, "DE") => ch,
                    _ => 0,
                };
                if thing || unwished {
                    None
                } else {
                    hit(i - 1, i + 1, if all { ALL_CH } else { named })
                }
            }
            // Québec French without "ne": "appelez-moi plus", "m'appelez
            // pus", "écrivez-moi plus".
            // ("appelez-moi plus jamais".)
            "PLUS"
                if i > 0
                    && (self.bare(i + 1) || (self.eq(i + 1, "JAMAIS") && self.bare(i + 2))) =>
            {
                let verb = if self.is(i - 1, ME) && i > 1 {
                    i - 2
                } else {
                    i - 1
                };
                if self.is(verb, CVERB) && self.on(i) {
                    hit(verb, i + 1, self.ch(verb))
                } else {
                    None
                }
            }
            // "plus de messages", "plus d'appels".
            // ("pas d'appels svp", "pas de textos", at the start of a clause.)
            "PLUS" | "PAS" if self.any(i + 1, "DE D") && (w == "PLUS" || i == 0 || !self.on(i)) => {
                // ("Pas d'appels avant midi svp": a limit.)
                self.means_hit(i, i + 2).filter(|h| !self.limited(h.b))
            }
            "DNC" => hit(i, i + 1, CALL),
            // "alto a los mensajes", "alto a las llamadas".
            "ALTO" if self.eq(i + 1, "A") => self.means_hit(i, i + 2),
            // "stp" is French for please, and a typo of STOP: alone, or
            // before a verb of contact ("stp texting me"), the typo.
            "STP" if self.t.len() == 1 => hit(i, i + 1, 0),
            "STP" if self.is(i + 1, GER) => self.gerund(i, i + 1),
            // "text me instead of calling": the channel after it is revoked
            // (the one asked for is kept).
            // "instead of calling", "rather than call", "en vez de llamar",
            // "plutôt que d'appeler" (the hit from "vez", as it always was).
            "INSTEAD" | "RATHER" | "EN" | "PLUTOT"
                if self
                    .instead_of(i)
                    .is_some_and(|g| w != "INSTEAD" || self.is(g, GER)) =>
            {
                let g = self.instead_of(i)?;
                self.rather_than(if w == "EN" { i + 1 } else { i }, g)
            }
            // "I'd rather you didn't text me".
            "RATHER"
                if self.eq(i + 1, "YOU")
                    && self.any(i + 2, "DIDN'T NOT")
                    && self.is(i + 3, CVERB)
                    && self.ch(i + 3) != 0 =>
            {
                let end = if self.is(i + 4, ME) { i + 5 } else { i + 4 };
                if self.bare(end) {
                    hit(i, end, self.ch(i + 3))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Channels the customer asks to keep: "text me instead", "just text",
    /// "email is fine", "don't call, text me" (they are not revoked by what a request implies).
    fn kept(&self) -> u8 {
        let mut kept = 0;
        for k in 0..self.t.len() {
            // (A word for messages that names no channel, asked for, keeps the
            // medium: "no llamen, solo mensajes".)
            let generic = self.is(k, MEDIA) && !self.is(k, THING) && self.ch(k) & ALL_CH == 0;
            if !(self.is(k, CVERB | MEDIA | GER)
                && self.ch(k) != ALL_CH
                && (self.ch(k) != 0 || generic))
            {
                continue;
            }
            let after = if self.is(k + 1, ME) { k + 2 } else { k + 1 };
            // (Past an article: "juste des textos".)
            let det = k > 1 && self.is(k - 1, DET) && self.on(k - 1);
            let before = k
                .checked_sub(if det { 2 } else { 1 })
                .filter(|_| self.on(k));
            // "Text me, don't call me", "Please text, don't call": a request
            // of its own, ahead of the rest.
            let start = |x: usize| x == 0 || self.brk(x) == FULL_STOP;
            let first_ask = (start(k)
                || (k > 0 && start(k - 1) && self.eq(k - 1, "PLEASE") && self.on(k)))
                && self.is(k, CVERB)
                && ((self.is(k + 1, ME)
                    && self.on(k + 1)
                    && !self.on(k + 2)
                    && k + 2 < self.t.len())
                    || (!self.on(k + 1) && (self.is(k + 1, NEG) || self.eq(k + 1, "NO"))));
            // ("texts ok", "I prefer text", "texting is the only way", "email
            // works".)
            // ("text me rather than call", "only contact me by email".)
            let end = self.means(k).0.max(after);
            // ("un SMS plutôt que d'appeler", "un texto en lugar de llamar".)
            if (self.on(end)
                && (self.any(end, "INSTEAD ONLY PLUTOT") || self.instead_of(end).is_some()))
                || before.is_some_and(|b| {
                    self.any(b, "JUST ONLY PREFER PLEASE")
                        // ("I only want emails", "I only accept texts".)
                        || (b > 0 && self.any(b, "WANT ACCEPT") && self.eq(b - 1, "ONLY"))
                })
                // ("Instead of calling, text".)
                || (self.is(k, CVERB) && !self.on(k) && k > 0 && self.bare(after))
                || self
                    .back(k, 5)
                    .any(|b| self.eq(b, "ONLY") && self.is(b + 1, CVERB))
                || self.fine(k)
                // ("My cell is fine for texts", "écrivez-moi par texto",
                // "mejor mándenme un mensaje", "textez-moi à la place".)
                || (k > 1 && self.eq(k - 1, "FOR") && self.any(k - 2, "FINE OK OKAY GOOD"))
                || (k > 2
                    && self.any(k - 1, "PAR POR BY VIA")
                    && self.is(k - 2, ME)
                    && self.is(k - 3, CVERB)
                    && self.brk(k - 3) != 0)
                || self.back(k, 4).any(|b| self.eq(b, "MEJOR"))
                || (self.eq(end, "A") && self.eq(end + 1, "LA") && self.eq(end + 2, "PLACE"))
                || self.asked_for(k)
                || self.left_open(k)
                || first_ask
            {
                kept |= if generic { CAME_BY } else { self.ch(k) };
            }
        }
        kept
    }

    /// Word `k` is left open to the sender: "you can text me", "you may
    /// still email me" ("you can text me but stop calling" revokes calls).
    fn left_open(&self, k: usize) -> bool {
        let mut back = self
            .back(k, 4)
            .skip_while(|&b| self.any(b, "STILL JUST ALSO ALWAYS"));
        self.is(k, CVERB)
            && back.next().is_some_and(|b| self.any(b, "CAN MAY"))
            && back.next().is_some_and(|b| self.eq(b, "YOU"))
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::lookup;

    /// Every word a rule names is in a list: a rule cannot silently never fire.
    #[test]
    fn named_words_are_known() {
        let files = [
            include_str!("mod.rs"),
            include_str!("around.rs"),
            include_str!("stop.rs"),
            include_str!("negation.rs"),
            include_str!("complaint.rs"),
            include_str!("prefer.rs"),
        ];
        let code = files
            .iter()
            .map(|src| src.split("#[cfg(test)]").next().unwrap_or(""));
        let mut missing = Vec::new();
        for line in code
            .flat_map(str::lines)
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
