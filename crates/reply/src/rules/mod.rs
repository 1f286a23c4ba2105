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
//! A bare stop word beside laughter ("Stop! lol you're too funny", "stop,
//! you're too kind 😂") is banter, not a request, unless it names a channel
//! or the keyword and the laughter are the whole message ("STOP lol").

mod around;
mod asked;
mod complaint;
mod consent;
mod contact;
mod de;
mod fallback;
mod french;
mod gerund;
mod idioms;
mod kept;
mod means;
mod mine;
mod negation;
mod no;
mod object;
mod prefer;
mod remove;
mod spam;
mod spanish;
mod stop;
mod subject;
mod told;
mod tongues;
mod undone;
mod unwelcome;
mod when;
mod whom;

use super::text::{Tok, Tokens};
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

/// Reads the message; `Some((keyword, channels))` when it is an opt-out;
/// `key`: it opens with a playbook's own opt-out word ("QUITAR. Stop
/// emailing me").
pub fn read(toks: &Tokens, came_by: Revoked, key: bool) -> Option<(String, Revoked)> {
    let r = Reader {
        t: &toks.toks,
        toks,
    };
    let mut hits = r.hits();
    // (Or when every request read is in a footer under the customer's
    // words: the words above it are read alone, over a signature or not —
    // "REMOVE\n\nMike\nIf you are not the intended recipient, please ...
    // delete this email", "Remove\n\nTo unsubscribe, click here.")
    if hits.all.iter().flatten().all(|h| r.footer(h.a)) {
        let line = |h: &Hit| {
            (0..=h.a)
                .rev()
                .find(|&m| r.t.get(m).is_some_and(|t| t.line > 0))
        };
        let cut = hits.all.iter().flatten().filter_map(line).min();
        let h = r.fallback().or_else(|| r.short(0, cut?))?;
        hits = Hits::default();
        hits.push(h);
    }
    // The means kept, read only when there is a request (most messages
    // have none, and each is classified as its contact is read). START
    // first asks for texts: "START but don't call me" revokes calls only.
    let kept = r.kept() | if r.any(0, "START UNSTOP") { SMS } else { 0 };
    // (A generic means kept is the medium the message came by.)
    let kept = if kept & CAME_BY != 0 {
        kept | came_by.0
    } else {
        kept
    };
    // A keyword that takes no object, then another request, after "and"
    // or not: two requests, the keyword's the medium it came by ("BAJA y no
    // me escriban correos", "UNSUBSCRIBE and stop texting me", "ARRET et ne
    // m'envoyez plus de courriels", texted, revoke texts too; not "Stop
    // calling me", "Stop by, don't call"); every keyword alike when "and"
    // joins them ("CANCEL and stop emailing me", "CANCELAR y no me llamen";
    // not "Cancel my order and stop emailing me").
    let key = usize::from(key || r.any(0, fallback::ALONE) || r.is(0, KEY) && r.is(1, CONJ));
    let mut bits = 0u8;
    let mut first: Option<Hit> = None;
    for h in hits
        .all
        .iter()
        .flatten()
        .filter(|h| !(r.slip(h) || (h.soft && r.laughed(h)) || r.footer(h.a)))
    {
        let named = h.ch & ALL_CH;
        let implied = if named == 0 || h.ch & CAME_BY != 0 {
            came_by.0
        } else {
            0
        } | if named & CALL != 0 { SMS } else { 0 };
        // (A request for no contact only implies its channels: "Do not
        // contact me, email only", "Leave me alone, text only" keep the
        // means asked for after it; not "Don't call, text or email me".)
        let named = if named == ALL_CH {
            named & !r.kept_only(h.b)
        } else {
            named
        };
        let after_key = key > 0 && h.a >= key && (key..h.a).all(|m| r.is(m, CONJ));
        bits |= named | ((implied | if after_key { came_by.0 } else { 0 }) & !kept);
        first = first.or(Some(*h));
        // ("Take me off your list. Calls, texts, emails.", "STOP (calls
        // too)": the means listed after the request.)
        // (Calls listed imply texts, as calls named do.)
        let listed = r.listed_after(h.b, named != 0);
        bits |= listed | (if listed & CALL != 0 { SMS } else { 0 } & !kept);
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
    /// The hits of the rules: a short message of keywords and filler, then
    /// a rule at each word (a hit's words are not read again).
    fn hits(&self) -> Hits {
        let mut hits = Hits::default();
        if let Some(h) = self.short(0, self.t.len()) {
            hits.push(h);
        }
        let mut i = 0;
        while i < self.t.len() {
            match self.at(i) {
                Some(h) => {
                    if !(self.line_undoes(&h) || self.call_asked(&h)) {
                        hits.push(self.by_means(h));
                    }
                    i = h.b.max(i + 1);
                }
                None => i += 1,
            }
        }
        hits
    }

    /// A hit that names a line and is no request after all: a limit past
    /// the line ("no calls to my cell while I'm at work", "No me llamen al
    /// celular después de las 6"; not a keyword alone, told: "I sent STOP to
    /// this number on Monday"), or another line asked for ("Please stop
    /// calling my work phone, call my cell": an update).
    fn line_undoes(&self, h: &Hit) -> bool {
        let line = self.line_at(h.b);
        (h.b > h.a + 1 && line.is_some_and(|e| self.limited(e)))
            || ((line.is_some() || (h.a..h.b).any(|m| self.line_or_address(m)))
                && self.switched_line(h.b))
    }

    /// A request for no contact narrowed by the means named after it: "I no
    /// longer wish to be contacted by text", "stop reaching out via email".
    fn by_means(&self, mut h: Hit) -> Hit {
        if h.ch != ALL_CH {
            return h;
        }
        let mut k = h.b;
        // ("No me molesten más con sus mensajes".)
        while self.on(k) && self.any(k, "OUT ME US MAS PLUS ANYMORE TO") {
            k += 1;
        }
        // ("Stop communicating with me by email", "Dejen de comunicarse
        // conmigo por correo": the customer, then the means.)
        if self.on(k) && self.any(k, "WITH AVEC") && self.is(k + 1, ME) {
            k += 2;
        } else if self.written(k, "CONMIGO") {
            k += 1;
        }
        h.ch = self.narrowed(h.ch, k);
        // ("stop contacting this number", "stop reaching out to me at this
        // email": the means of the line named, as "don't contact this
        // number" gives.)
        if h.ch == ALL_CH {
            let to = self.any(k, "AT ON TO") || self.written(k, "SUR");
            let at = k + usize::from(self.on(k) && to);
            h.ch = match self.lines_named(at) {
                0 => h.ch,
                named if named & CALL != 0 => SMS | CALL | (named & EMAIL),
                _ => EMAIL,
            };
        }
        h
    }

    /// The rules read at any word: fed up with the means, or calling
    /// them unwelcome.
    fn elsewhere(&self, i: usize) -> Option<Hit> {
        self.fed_up(i).or_else(|| self.unwelcome(i))
    }

    /// A request at word `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        // (First a standard phrase of a language the lists hold no grammar
        // for: "Sispann voye mesaj", "退订".)
        if let Some(h) = self.tongue(i) {
            return Some(h);
        }
        if self.titled(i) {
            return None;
        }
        if self.is(i, STRONG) {
            return self.strong(i);
        }
        if self.is(i, DE_VERB) && self.de_at(i).is_some() {
            if let Some(h) = self.de_verb(i) {
                return Some(h);
            }
        }
        if self.is(i, STOPV) {
            return self.stop_verb(i);
        }
        // (Each is a hit whenever it applies.)
        if let Some(h) = self.opt_me_out(i).or_else(|| self.get_lost(i)) {
            return Some(h);
        }
        if self.is(i, REMV) {
            // ("I take back my consent".)
            return self.remove(i).or_else(|| self.withdraw_consent(i));
        }
        if self.is(i, NEG) {
            return self.negation(i);
        }
        self.idiom(i)
    }

    /// A request in an idiom that starts at word `i`, by its first word (a
    /// word with more than one reading has one method that tries them in
    /// turn).
    fn idiom(&self, i: usize) -> Option<Hit> {
        match self.w(i) {
            "NO" => self.no(i),
            "LEAVE" | "DEJAME" | "DEJENME" | "DEJEME" | "LAISSEZ" | "LAISSE" | "FICHEZ"
            | "FOUTEZ" => self.alone(i),
            "GO" => self.go(i),
            "VETE" | "VAYANSE" | "VAYASE" | "ALLEZ" | "VA" => self.vete(i),
            "LAY" | "CHILL" => self.lay_off(i),
            "FUCK" | "F" | "PISS" | "BUZZ" | "EFF" => self.piss_off(i),
            "KNOCK" | "CUT" => self.knock_it_off(i),
            // A pause asked, no limit: "Pause the texts for a while", "hold
            // off on texting me, I'll let you know", as "stop texting me for
            // a while" (the means or the contact named: not "pause it",
            // "hold off on the paperwork"; a limit stays one: "... until
            // next week").
            "PAUSE" | "HOLD" => {
                let off = self.eq(i, "HOLD") && self.eq(i + 1, "OFF") && self.on(i + 1);
                let j = i + 1 + usize::from(off) + usize::from(off && self.eq(i + 2, "ON"));
                // (Contact with the customer: not "hold off on calling the
                // bank".)
                let me = !self.on(j + 1) || self.is(j + 1, ME) || self.any(j + 1, "FOR UNTIL TILL");
                let means = if self.is(j, GER) {
                    me
                } else {
                    matches!(self.object(j), Obj::Media { .. })
                };
                // ("Please hold all texts until further notice": held, with
                // no end but the customer's; not "hold my calls".)
                let held = match self.object(j) {
                    Obj::Media { end, .. } => self.any(end, "UNTIL TILL") && !self.limited(end),
                    _ => false,
                };
                (self.on(j) && means && (off || held || self.eq(i, "PAUSE")))
                    .then(|| self.stop_object(i, j).flatten())
                    .flatten()
            }
            // ("you're still texting me", "I'm still getting texts".)
            "KEEP" | "KEEPS" | "STILL" => self.keep(i).or_else(|| self.next_time(i)),
            "SIGAN" | "SIGUEN" => self.siguen(i),
            "TURN" => self.turn_off(i),
            "WANT" | "WANTS" | "LIKE" | "WISH" => self.want_off(i).or_else(|| self.want_done(i)),
            "NEED" => self.want_done(i),
            "REFUSE" | "OBJECT" | "DECLINE" | "OPPOSE" | "OPONGO" | "RECHAZO" => self.refuse(i),
            "REMOVAL" => self.removal(i),
            // ("I want zero contact", "Zero calls please": as "no"; not
            // "zero contact delivery", "I've had zero contact".)
            "ZERO"
                if self
                    .back(i, 3)
                    .all(|m| self.any(m, "I WANT I'D LIKE") || self.is(m, FILLER)) =>
            {
                self.no(i).filter(|h| self.bare(h.b))
            }
            "MIND" => self.mind_not(i),
            // ("Quite texting me please", "sop texting me": "quit" as a
            // phone corrects it, "stop" a key short, before a verb of
            // contact that names its channel, opening the request.)
            _ if self.written(i, "QUITE SOP")
                && self.on(i + 1)
                && self.is(i + 1, GER)
                && self.ch(i + 1) != 0
                && self.back(i, 3).all(|m| self.is(m, FILLER)) =>
            {
                self.gerund(i, i + 1)
            }
            // ("Count me out of these texts", "¿Cómo me salgo de esta lista?".)
            _ if self.written(i, "COUNT")
                && self.is(i + 1, ME)
                && self.eq(i + 2, "OUT")
                && self.eq(i + 3, "OF") =>
            {
                self.out_of(i, i + 4)
            }
            _ if self.written(i, "SALGO SALIR SALIRME") && self.eq(i + 1, "DE") => {
                self.out_of(i, i + 2)
            }
            "IF" | "UNLESS" | "SI" => self.threat(i),
            "AGAIN" | "MORE" | "AUTRE" | "MAS" | "ANOTHER" | "NEXT" | "OTRA" => self.next_time(i),
            "REPORT" | "REPORTED" | "REPORTING" | "COMPLAINT" => self.reported(i),
            "SPAM" | "SPAMMER" | "SPAMMERS" | "SPAMMING" | "SPAMMY" | "SCAM" | "SCAMMER"
            | "SCAMMERS" | "HARASSMENT" | "HARASSING" | "HARASS" | "HARASSERS" => self.spam(i),
            "BLOCK" | "BLOCKED" | "BLOCKING" => self.block(i),
            // ("Junk", "This is junk (mail)", "Marked as junk": as "spam";
            // not "my car is junk", "junk removal", "it went to junk".)
            "JUNK"
                if self
                    .back_in_sentence(i)
                    .all(|m| self.any(m, "THIS IS IT'S THAT'S ALL MARKED AS"))
                    && (self.bare(i + 1)
                        || ((self.is(i + 1, MEDIA) || self.eq(i + 1, "MAIL"))
                            && self.bare(i + 2))) =>
            {
                self.spam(i)
            }
            // ("wipe (all) my info": the customer's information erased, as
            // "delete my info"; not a device or a number: "Can you wipe my
            // phone before you sell it?".)
            _ if self.unlisted(i, "WIPE") && !self.question(i) => {
                let k = i + 1 + usize::from(self.eq(i + 1, "ALL"));
                let info =
                    self.any(k, "MY OUR") && self.any(k + 1, "INFO INFORMATION DETAILS DATA");
                hit(i, k + 2, ALL_CH).filter(|_| info && (i + 1..k + 2).all(|m| self.on(m)))
            }
            // The carriers' spam-report short code (7726, SPAM on the
            // keypad): "Forwarded to 7726", "Reported to 7726".
            _ if self.written(i, "7726") => self.to_7726(i),
            // The same warning in Spanish and French: "cómo se atreven a
            // llamarme", "comment osez-vous m'appeler".
            _ if i > 1
                && self.written(i, "ATREVEN ATREVE ATREVES")
                && self.written(i - 2, "COMO") =>
            {
                self.dared(i - 2, i + 1 + usize::from(self.written(i + 1, "A")))
            }
            _ if i > 0 && self.written(i, "OSEZ OSES") && self.written(i - 1, "COMMENT") => {
                let v = i + 1 + usize::from(self.written(i + 1, "VOUS TU"));
                self.dared(i - 1, v + usize::from(self.is(v, ME)))
            }
            // ("voy a reportarlos", "te voy a bloquear": the object on the verb.)
            "REPORTARLOS" | "REPORTARTE" | "REPORTARLES" | "BLOQUEARLOS" | "BLOQUEARTE"
            | "BLOQUEARLES"
                if self.bare(i + 1) =>
            {
                hit(i, i + 1, 0)
            }
            // ("Basta de llamarme": the verb after "de".)
            "BASTA"
                if self.eq(i + 1, "DE")
                    && self.is(i + 2, CVERB)
                    && self.is(i + 2, ME)
                    && self.on(i + 2) =>
            {
                self.contact(i, i + 2, self.is(i + 2, ME))
            }
            "ENOUGH" | "BASTA" => self.enough(i),
            "ENCORE" => self.encore(i).or_else(|| self.next_time(i)),
            // ("Pourquoi vous m'appelez tout le temps", as "encore".)
            "TEMPS" if i > 1 && self.eq(i - 1, "LE") && self.is(i - 2, ALLW) => self.encore(i),
            // ("Pourquoi vous m'appelez toujours", as "encore".)
            "TOUJOURS" => self.encore(i).or_else(|| self.elsewhere(i)),
            "ADD" => self
                .add_me(i)
                .or_else(|| self.suppressed(i))
                .or_else(|| self.elsewhere(i)),
            // ("Nada de llamadas", "Sin llamadas por favor", "Cero llamadas",
            // "Ninguna llamada más", as "no calls".)
            "NADA" | "SIN" | "CERO" | "NINGUNA"
                if (self.eq(i + 1, "DE") || !self.eq(i, "NADA"))
                    && (0..i).all(|m| self.is(m, FILLER)) =>
            {
                self.means_hit(i, i + 1 + usize::from(self.eq(i + 1, "DE")))
                    .filter(|h| {
                        let b = h.b + usize::from(self.eq(h.b, "MAS"));
                        self.bare(b) && !self.limited(b)
                    })
            }
            "TOO" => self.too_many(i).or_else(|| self.too_much(i)),
            "GOOD" => self.good_on(i),
            // ("I'm sick of these texts", "harto de sus mensajes", "marre de
            // vos appels": of the means.)
            // ("Me tienen harta con tanto mensaje".)
            "SICK" | "TIRED" | "HARTO" | "HARTA" | "MARRE" | "CANSADO" | "CANSADA" | "TANNE"
            | "TANNEE"
                if self.any(i + 1, "OF DE")
                    || (self.any(i, "HARTO HARTA") && self.eq(i + 1, "CON")) =>
            {
                self.enough(i)
            }
            "CONSENT" | "PERMISSION" | "AUTHORIZE" | "AUTHORIZATION" => self.consent_withdrawn(i),
            "GIVE" => self.give_a_rest(i),
            "TCPA" | "CRTC" | "CNIL" => self.law(i),
            // A do-not-call register by its name: France's, Spain's ("la
            // lista Robinson"; Robinson alone is a name).
            // (Not asked about, nor left: "Qu'est-ce que Bloctel?", "Je ne
            // suis pas sur Bloctel", "Me borré de la lista Robinson".)
            "BLOCTEL" if self.on_register(i) => hit(i, i + 1, CALL),
            // Canada's: the National DNCL, in French the LNNTE, "la liste
            // nationale de numéros de télécommunication exclus" ("Je suis
            // inscrit à la LNNTE", "I'm on the National DNCL").
            "LNNTE" | "DNCL" if self.on_register(i) => hit(i, i + 1, CALL),
            "EXCLUS"
                if i > 0
                    && self.written(i - 1, "TELECOMMUNICATION TELECOMMUNICATIONS")
                    && self.on_register(i) =>
            {
                hit(i, i + 1, CALL)
            }
            "ROBINSON" if i > 0 && self.any(i - 1, "LIST") && self.on_register(i) => {
                hit(i, i + 1, CALL)
            }
            "VEUX" | "VEUT" => self.veux_plus(i),
            "LACHEZ" | "SACREZ" | "SACRE" | "CRISSEZ" | "CRISSE" | "LACHE" => self.lachez_moi(i),
            "JAMAIS" | "NUNCA" => self.never_signed_up(i),
            "CONTINUEZ" | "CONTINUENT" => self.continuez(i),
            "NI" => self.ni(i),
            "HMU" => self.hmu(i),
            "NONE" => self.none_of(i).or_else(|| self.none_welcome(i)),
            "NEITHER" | "NOR" | "SO" => self.neither(i),
            "CONSUMER" => self.consumer_protection_act(i),
            "LEGAL" => self.legal_action(i),
            _ if self.written(i, "POURSUITES DEMANDA") => self.legal_action(i),
            "SUE" | "SUING" => self.sue(i),
            // ("I'll take you to court"; not "I'm taking my landlord to court".)
            "COURT"
                if self.back(i, 3).any(|m| self.eq(m, "YOU"))
                    && self.back(i, 4).any(|m| self.any(m, "TAKE")) =>
            {
                self.sue(i)
            }
            _ if self.written(i, "DEMANDAR POURSUIVRE") => self.sue(i),
            // A warning, as "don't you dare": "how dare you call me again",
            // "pas question que vous me rappeliez", "hors de question qu'on
            // m'appelle".
            "DARE" if i > 0 && self.written(i - 1, "HOW") && self.eq(i + 1, "YOU") => {
                let people =
                    self.any(i + 2, "GUYS PEOPLE") || self.written(i + 2, "FOLKS ALL Y'ALL");
                self.dared(i - 1, i + 2 + usize::from(people))
            }
            "QUESTION"
                if i > 0 && self.written(i - 1, "PAS DE") && self.written(i + 1, "QUE QU") =>
            {
                let v = i + 2 + usize::from(self.written(i + 2, "VOUS TU ON"));
                self.dared(i - 1, v + usize::from(self.is(v, ME)))
            }
            "RATHER" | "PREFER" | "INSTEAD" | "EN" | "PLUTOT" | "APPRECIATE" => self.rather(i),
            "WITHDRAW" | "REVOKE" | "RESCIND" | "RESCINDED" | "REVOCATION" | "LONGER" => {
                self.withdraw_consent(i)
            }
            "REFRAIN" | "DESIST" => self.refrain(i),
            "BAJA" => self.de_baja(i),
            "PLUS" | "PAS" | "AUCUN" => self.plus(i).or_else(|| self.next_time(i)),
            // ("put me on your DNC", "DNC", "Add my number to your DNC list";
            // not asked about nor someone else's: "Do you have the DNC list
            // software?", "My company handles DNC scrubbing"; nor the list
            // named in another sense, where no one is put on it: "I work for
            // the DNC", "I'm on the DNC board", "I read about the DNC
            // registry".)
            // (And "DND", "Put me on DND", "DND this number": do not
            // disturb, the CRM's own name for it; not the customer's phone
            // set so: "My phone is on DND".)
            "DNC" | "DND" => hit(i, i + 1, CALL).filter(|_| {
                let list = i + 1 + usize::from(self.any(i + 1, "LIST REGISTRY REGISTER"));
                // (Right before it: not "I used to work for the DNC".)
                let put = self.back(i, 2).any(|m| self.any(m, "ON TO"))
                    && self.bare(list)
                    && (self.eq(i, "DNC") || self.back(i, 4).any(|m| self.is(m, ME)));
                self.own_dnc(i)
                    && ((i == 0 || !self.on(i)) && self.bare(list)
                        || self.is(i + 1, ME)
                        // ("DNC this number".)
                        || self.the_number(i + 1).is_some()
                        || (put
                            && (0..self.t.len())
                                .any(|m| self.is(m, ME | I1) || self.any(m, "NUMBER CELL PHONE"))))
            }),
            // ("Mettez-moi sur votre liste d'exclusion", "... de numéros
            // exclus": the business's own do-not-call list, the customer
            // put on it; not "Je ne suis pas sur la liste d'exclusion".)
            "EXCLUSION" | "EXCLUS"
                if i > 1
                    && (self.eq(i, "EXCLUSION") && self.any(i - 1, "D DE")
                        || self.written(i - 1, "NUMEROS"))
                    && self.back(i, 4).any(|m| self.any(m, "LIST"))
                    && (0..i).any(|m| self.is(m, ME) || self.the_number(m).is_some())
                    && !(0..i).any(|m| self.any(m, "NE PAS")) =>
            {
                hit(i, i + 1, CALL).filter(|_| self.own_dnc(i))
            }
            "ALTO" => self.alto_a(i),
            "STP" => self.stp(i),
            _ => self.elsewhere(i),
        }
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
            include_str!("asked.rs"),
            include_str!("told.rs"),
            include_str!("spam.rs"),
            include_str!("stop.rs"),
            include_str!("negation.rs"),
            include_str!("complaint.rs"),
            include_str!("prefer.rs"),
            include_str!("idioms.rs"),
            include_str!("consent.rs"),
            include_str!("spanish.rs"),
            include_str!("french.rs"),
            include_str!("fallback.rs"),
            include_str!("undone.rs"),
            include_str!("remove.rs"),
            include_str!("kept.rs"),
            include_str!("means.rs"),
            include_str!("mine.rs"),
            include_str!("object.rs"),
            include_str!("gerund.rs"),
            include_str!("subject.rs"),
            include_str!("contact.rs"),
            include_str!("de.rs"),
            include_str!("no.rs"),
            include_str!("unwelcome.rs"),
            include_str!("when.rs"),
            include_str!("whom.rs"),
        ];
        let code = files
            .iter()
            .map(|src| src.split("#[cfg(test)]").next().unwrap_or(""));
        let mut missing = Vec::new();
        // Whole strings, a string continued on the next line (`\` at the
        // end of a line) too.
        let text: String = code
            .flat_map(str::lines)
            // (`unlisted` names words no list may know; `written`, words as
            // written, known or not.)
            .filter(|l| {
                !l.trim_start().starts_with("//")
                    && !l.contains("ends_with")
                    && !l.contains("unlisted(")
                    && !l.contains("written(")
            })
            .flat_map(|l| [l, "\n"])
            .collect();
        {
            let quoted = text.split('"').skip(1).step_by(2);
            for part in quoted.flat_map(|q| q.split([' ', '\\', '\n'])) {
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
