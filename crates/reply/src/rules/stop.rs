//! Stop words and their like: the strong words (unsubscribe, opt out, revoke),
//! "dejen de" + a verb, and a stop word with its object (a verb of contact
//! after it: `gerund.rs`; whose stopping it is: `subject.rs`).

use super::super::text::{STRONG as FULL_STOP, WEAK};
use super::super::words::*;
use super::{bare_hit, hit, soft, Hit, Obj, Reader};

impl Reader<'_> {
    /// Word `i` is the keyword of "What part of STOP (don't you
    /// understand)", "Qué parte de BAJA", "Quelle partie de STOP".
    pub(super) fn part_of(&self, i: usize) -> bool {
        i >= 3
            && ((self.eq(i - 1, "OF") && self.eq(i - 2, "PART") && self.any(i - 3, "WHAT WHICH"))
                || (self.any(i - 1, "DE DU")
                    && self.written(i - 2, "PARTE PARTIE")
                    && self.written(i - 3, "QUE QUELLE")))
    }

    /// The request at word `i` is out of a thing at word `k`, not contact:
    /// "unsubscribe me from the paper catalog", "Opt me out of the GAP
    /// insurance"; "Comment je me désabonne des relevés papier ?" (asked of
    /// something the lists do not know).
    pub(super) fn out_of_thing(&self, i: usize, k: usize) -> bool {
        let unknown = self.question(i) && self.object(k + 1) == Obj::Unknown;
        self.on(k)
            && (self.any(k, "FROM OF DE DU") || self.written(k, "DES"))
            && (self.object(k + 1) == Obj::Thing || unknown)
    }

    /// Unsubscribe, opt out, revoke, STOPALL, désabonner: anywhere, unless
    /// negated or about something else ("opt out of the warranty").
    pub(super) fn strong(&self, i: usize) -> Option<Hit> {
        if self.negated(i) {
            return None;
        }
        if self.eq(i, "STOPALL") {
            return hit(i, i + 1, ALL_CH);
        }
        // A thing named so: "a vendor that honors opt-out requests" (but
        // "your unsubscribe link doesn't work" asks to be unsubscribed).
        // ("Do you support opt-out management?", "an unsubscribe footer".)
        // ("an opt out clause", "an opt-out option for the add-ons", "the
        // opt-out deadline", "the unsubscribe button"; "How do I undo
        // unsubscribe?")
        let noun = |m: usize| {
            self.unlisted(m, "MANAGEMENT FOOTER FOOTERS FEATURE DEADLINE")
                || self.any(m, "CLAUSE")
                || self.written(m, "BUTTON OPTION OPTIONS FEE FEES RATE RATES")
                || self.unlisted(m, "FORM PERIOD WINDOW HANDLING PROCESS SETTINGS")
        };
        // ("opt out" as two words.)
        let n = i + 1 + usize::from(self.eq(i + 1, "OUT"));
        if self.on(n) && (self.eq(n, "REQUESTS") || noun(n))
            || (i > 0 && self.unlisted(i - 1, "UNDO"))
        {
            return None;
        }
        let mut k = i + 1;
        if self.is(k, ME) && self.on(k) {
            k += 1;
        }
        // ("Please unsubscribe my old email and use this one": an update.)
        if self.moved(k) {
            return None;
        }
        // ("How do I unsubscribe my son from the swim class?": someone of
        // the household, from something else.)
        let kin = if self.on(k) { self.kin(k) } else { 0 };
        if kin > 0
            && self.any(k + kin, "FROM OF")
            && matches!(self.object(k + kin + 1), Obj::Thing | Obj::Unknown)
        {
            return None;
        }
        if self.out_of_thing(i, k) {
            return None;
        }
        // ("Unsubscribe from what? I want more": asked what it would be.)
        if self.on(k)
            && self.any(k, "FROM OF")
            && self.eq(k + 1, "WHAT")
            && !self.t.get(k + 2).is_some_and(|t| !t.ask)
            && self.question(k + 1)
        {
            return None;
        }
        // ("Why did I get unsubscribed?", "How was I unsubscribed?": asked
        // how it came about.)
        if self.eq(i, "UNSUBSCRIBED")
            && self.question(i)
            && i > 1
            && (self.any(i - 1, "GET GOT BEEN WAS")
                || (self.eq(i - 1, "I") && self.any(i - 2, "WAS")))
            && self
                .back_in_sentence(i)
                .last()
                .is_some_and(|a| self.any(a, "WHY HOW"))
        {
            return None;
        }
        // "I unsubscribed from Netflix to afford this", "from Carvana
        // emails", "Unsubscribed from Netflix, so...": told of another.
        let brand = self.t.get(k + 1).is_some_and(|t| t.w.is_empty() && t.cap);
        if self.eq(i, "UNSUBSCRIBED")
            && ((i > 0 && self.any(i - 1, "I WE")) || (i == 0 && brand))
            && self.on(k)
            && self.eq(k, "FROM")
            && (brand || matches!(self.object(k + 1), Obj::Thing | Obj::Unknown))
            // (Not "... and from yours, but they keep coming".)
            && !(k..self.t.len()).any(|m| self.written(m, "YOURS"))
        {
            return None;
        }
        // "unsubscribe me from all lists", "unsubscribe all lists": every
        // channel.
        if self.on(k)
            && ((self.any(k, "FROM OF DE DU") && self.all_lists(k + 1)) || self.all_lists(k))
        {
            return hit(i, k, ALL_CH);
        }
        // "revoke my POA", "revoke the offer", "revoke my old password": not
        // a consent; nor a consent to something else ("revoke my
        // authorization on the old card").
        if self.any(i, "REVOKE REVOKED REVOKING") {
            let consent =
                (k..k + 6).find(|&m| self.on(m) && self.any(m, "CONSENT PERMISSION AUTHORIZATION"));
            let other = match self.object(k) {
                Obj::Thing | Obj::Unknown => true,
                Obj::Empty => !self.bare(k) && self.means_after(i) == 0,
                _ => false,
            };
            let elsewhere = consent.is_some_and(|p| self.consent_for(p).is_none());
            if (other && consent.is_none()) || elsewhere {
                return None;
            }
        }
        // ("I get too many emails from you, unsubscribe me": the means
        // complained of, when the request is a clause of its own that ends
        // the message.)
        // ("Unsubscribe and email", "Opt out including email": the means
        // listed after the keyword, with the medium.)
        let listed = self.on(k) && (self.is(k, CONJ) || self.any(k, "INCLUDING INCL"));
        let ch = if listed { 0 } else { self.media_after(i) };
        let ch = if ch == 0
            && i > 0
            && self.brk(i) == WEAK
            && (k..self.t.len()).all(|m| self.is(m, FILLER))
        {
            // (In its sentence, and not another sender's: "emails from my
            // bank".)
            self.back_in_sentence(i)
                .filter(|&m| self.is(m, MEDIA) && !self.is(m, THING | CVERB))
                .filter(|&m| m == 0 || !self.eq(m - 1, "MY"))
                .filter(|&m| !(self.eq(m + 1, "FROM") && self.any(m + 2, "MY HIS HER THEIR")))
                .fold(0, |c, m| c | self.ch(m))
                & ALL_CH
        } else {
            ch
        };
        hit(i, k, ch)
    }

    /// Word `k` takes "para" after it as "for": "lo necesito para ya", "es
    /// para mañana", "está lista para ya".
    pub(super) fn for_para(&self, k: usize) -> bool {
        self.written(k, "NECESITO NECESITAMOS NECESITA QUIERO QUEREMOS ES ESTA")
            || self.written(k, "ESTARA LISTO LISTA LISTOS TIEMPO")
    }

    /// A stop word and what it is about.
    pub(super) fn stop_verb(&self, i: usize) -> Option<Hit> {
        // ("quit hmu (on this number)": read at "hmu", as "hitting me up".)
        if self.eq(i + 1, "HMU") && self.on(i + 1) {
            return None;
        }
        // ("Lo necesito para ya": "para" as "for", inside its clause; but
        // "para de llamarme".)
        if self.eq(i, "PARA") && i > 0 && self.on(i) && self.for_para(i - 1) {
            return None;
        }
        // ("J'étais arrêté au stop", "La luz de stop no funciona": the sign
        // and the light; "je suis arrêté": stopped.)
        if (self.eq(i, "STOP") && i > 0 && self.on(i) && self.any(i - 1, "AU DU DE"))
            || (self.eq(i, "ARRETE") && i > 0 && self.written(i - 1, "ETAIS ETAIT SUIS EST ETE"))
        {
            return None;
        }
        // "What part of STOP do you not understand?"
        if self.part_of(i) {
            return bare_hit(i, self.media_before(i));
        }
        // "This is a cease and desist notice." (Not one from someone else:
        // "The cease and desist from the HOA came today"; but one from a
        // lawyer is the customer's own: "a cease and desist from my
        // attorney", "from our legal team".)
        if self.eq(i, "CEASE")
            && self.eq(i + 1, "AND")
            && self.eq(i + 2, "DESIST")
            && self.noun_use(i)
            && !self.negated(i)
            && !(i + 3..i + 5).any(|m| {
                self.on(m)
                    && self.eq(m, "FROM")
                    && self.any(m + 1, "THE MY OUR HIS HER")
                    && !(self.any(m + 1, "MY OUR") && self.any(m + 2, "ATTORNEY LAWYER LEGAL"))
            })
        {
            return hit(i, i + 3, ALL_CH);
        }
        // ("End of year deals?", "end of summer sale", "cancel 2:30": a time
        // (the 2 of "2:30" is no "to"); "Does it have
        // start-stop?", "disable the auto stop": a car's feature; "The other
        // dealer won't stop calling me", "I told the other dealership to stop
        // texting me": another sender.)
        let of = i + 2 + usize::from(self.eq(i + 2, "THE"));
        let time =
            self.eq(i, "END") && self.eq(i + 1, "OF") && self.unlisted(of, "YEAR SUMMER SEASON")
                || (self.on(i + 1) && self.number(i + 1) && self.clock(i + 1));
        let feature = (i > 0 && self.on(i) && self.any(i - 1, "START AUTO"))
            || (i > 0 && self.on(i + 1) && self.eq(i + 1, "START"));
        let other = self.back_in_sentence(i).any(|m| {
            self.any(m, "OTHER ANOTHER")
                && (self.any(m + 1, "DEALER DEALERSHIP COMPANY GUY GUYS STORE")
                    || self.unlisted(m + 1, "DEALERS DEALERSHIPS COMPANIES PLACE LENDER BANK"))
        });
        if time || feature || other {
            return None;
        }
        if self.reproached(i) {
            return bare_hit(i, self.media_before(i));
        }
        // ("il pleut sans arrêt", "llueve sin parar": without stopping.)
        if self.negated(i)
            || (i > 0 && self.written(i - 1, "SANS SIN") && self.on(i))
            || self.first_person_plan(i)
            || self.noun_use(i)
            || self.past_question(i)
            || self.third_party(i)
            || self.own_stop(i)
        {
            return None;
        }
        let w = self.w(i);
        if w == "CEASE" && self.eq(i + 1, "AND") && self.eq(i + 2, "DESIST") {
            // "cease and desist texting me": what it names.
            if self.on(i + 3) && self.is(i + 3, GER) && !matches!(self.ch(i + 3), 0 | ALL_CH) {
                return self.gerund(i, i + 3);
            }
            return hit(i, i + 3, ALL_CH);
        }
        if let Some(h) = self.told_stop(i).or_else(|| self.use_number(i, i + 1)) {
            return Some(h);
        }
        // ("párenle ya con los mensajes", "stop already with the texts".)
        let j = i + 1 + usize::from(self.any(i + 1, "YA ALREADY") && self.any(i + 2, "WITH CON"));
        if self.reason(i, j) {
            return bare_hit(i, self.media_before(i));
        }
        // ("stop for good", "stop for real" (in earnest), "stop for now",
        // "stop for a while", "arrêtez pour l'instant", "pour le moment",
        // "paren por ahora", "por el momento", "pour un moment"; not a pause
        // in the talk: "stop for a moment", "for the moment", "for one
        // moment"; forever: "baja para siempre", "arrêt pour toujours".)
        let spell = if !self.any(j, "FOR POR POUR PARA") {
            0
        } else if self.any(j + 1, "GOOD NOW AHORA")
            || self.any(j + 1, "SIEMPRE TOUJOURS")
            || self.written(j + 1, "REAL")
        {
            2
        } else if self.any(j + 2, "WHILE INSTANT MOMENT MOMENTO")
            && (self.eq(j + 2, "WHILE") || self.any(j + 1, "L LE EL UN"))
        {
            3
        } else {
            0
        };
        if spell > 0 && self.bare(j + spell) {
            return hit(i, j + spell, self.media_before(i));
        }
        if self.on(j) {
            if let Some(read) = self.stop_object(i, j) {
                return read;
            }
        }
        if !self.bare(j) {
            return None;
        }
        match w {
            // ("terminate" alone.)
            "END" | "TERMINATE" if !(self.subject_to(i) || (w == "TERMINATE" && i == 0)) => None,
            "CANCEL" | "CANCELAR" | "CANCELEN" if !self.wants(i) => None,
            _ if self.other_subject(i) => None,
            _ => bare_hit(i, self.named_before(i)),
        }
    }

    /// What follows the stop word at `i` in its clause, from word `j`: a
    /// verb of contact, a means, a pronoun, or another object (`None` when
    /// nothing does, and the stop word is read as bare).
    pub(super) fn stop_object(&self, i: usize, j: usize) -> Option<Option<Hit>> {
        // ("Stop mailing and texting me", "stop mailing, texting and calling
        // me": post first in a list of means names no channel of its own;
        // the means after it are revoked.)
        let g = j + 1 + usize::from(self.is(j + 1, CONJ));
        if self.written(j, "MAILING") && self.is(g, GER) && self.brk(g) != FULL_STOP {
            return Some(self.gerund(i, g));
        }
        if self.is(j, GER) {
            return Some(self.gerund(i, j));
        }
        // ("Stop to call me", "Please stop to send me messages": the
        // learner's "stop calling me"; not "I'll stop to call you".)
        if self.eq(j, "TO") && self.on(j + 1) && self.is(j + 1, CVERB) && self.is(j + 2, ME) {
            return Some(hit(i, j + 3, self.ch(j + 1) | self.means_after(j + 2)));
        }
        // ("stop trying to text me", "stop trying to sell me stuff": the
        // verb tried.)
        if self.eq(j, "TRYING") && self.eq(j + 1, "TO") && self.on(j + 2) && self.is(j + 2, CVERB) {
            return Some(hit(i, j + 3, self.ch(j + 2)));
        }
        if self.other_gerund(j) {
            return Some(None);
        }
        // "Please stop both": the means named before.
        if self.eq(j, "BOTH") && self.bare(j + 1) {
            let named = (0..i)
                .filter(|&m| self.is(m, MEDIA | GER) && !self.is(m, THING))
                .fold(0, |c, m| c | self.ch(m));
            return Some(hit(i, j + 1, named));
        }
        if self.any(j, "WITH CON") {
            return Some(match self.object(j + 1) {
                Obj::Media { end, ch } => soft(i, end, ch),
                _ => None,
            });
        }
        // (Portuguese "no", "na": at a place, "Pare no estacionamento".)
        let at = self.written(i, "PARE PARAR")
            && self.written(j, "NO NA")
            && self.on(j)
            && self.w(j + 1).is_empty()
            && self.on(j + 1);
        if (self.is(j, PREP) || at)
            && !(self.eq(j, "AT") && self.eq(j + 1, "ONCE"))
            && !(self.eq(j, "POR") && self.eq(j + 1, "FAVOR"))
        {
            return Some(None);
        }
        // ("asked you to stop 3 times now": how often, read by `bare`.)
        let times = self.number(j) && self.eq(j + 1, "TIMES");
        let read = match if times { Obj::Empty } else { self.object(j) } {
            // ("Stop the texts until January": a limit.)
            Obj::Media { end, .. }
                if self.on(end) && self.any(end, "UNTIL TILL") && self.limited(end) =>
            {
                None
            }
            Obj::Media { end, ch } => soft(i, end, ch),
            Obj::All(end) => hit(i, end, ALL_CH),
            // "quit it with the texts and emails".
            Obj::Pron(end) if self.eq(end, "WITH") => {
                if let Obj::Media { end, ch } = self.object(end + 1) {
                    return Some(hit(i, end, ch));
                }
                soft(i, end, self.media_before(i))
            }
            Obj::Pron(end) => {
                if matches!(
                    self.w(i),
                    "END" | "CANCEL" | "CANCELAR" | "CANCELEN" | "TERMINATE"
                ) && !self.eq(j, "THIS")
                {
                    None
                } else {
                    soft(i, end, self.media_before(i))
                }
            }
            // "Stop Mike", "STOP ACME": a name after a keyword that is the
            // whole message is whom it is said to.
            Obj::Unknown if self.named(i, j) > 0 => {
                soft(i, j + self.named(i, j), self.media_before(i))
            }
            Obj::Thing | Obj::Unknown => None,
            Obj::Empty => return None,
        };
        Some(read)
    }

    /// Word `j`, after the stop word `i` that opens the message, is a word
    /// the lists do not know, of three letters or more: a name, or thanks in
    /// a language the lists do not hold ("Stop Mike", "STOP tanpri", "STOP
    /// danke", "STOP giùm": case and order do not decide it, as "Tanpri
    /// STOP" is read); and the message's last word but filler (not after END
    /// or CANCEL: "End Game"; nor a gerund or a plural in lower case: "stop
    /// whining", "Stop lights"). Words of a
    /// script the lists do not hold may stand about it, or be it ("请stop发
    /// 短信", "STOP 谢谢"): unsure, a request for review.
    ///
    /// So is a full name, as signed, after any keyword: "STOP Ana Ruiz",
    /// "END John Smith" (both words capitalised: not "end game now"). The
    /// words of the name, or 0.
    fn named(&self, i: usize, j: usize) -> usize {
        let other = |m: usize| {
            self.t
                .get(m)
                .is_some_and(|t| t.w.is_empty() && self.toks.surface(t).bytes().any(|b| b > 0x7F))
        };
        let aside = |m: usize| self.is(m, FILLER) || other(m);
        let word = |m: usize| {
            self.t.get(m).is_some_and(|t| {
                let s = self.toks.surface(t);
                // ("quit工作了": quit a job.)
                t.w.is_empty()
                    && if other(m) {
                        // (A Latin keyword: not "وقف السيارة", park the car.)
                        !self.eq(i, "QUIT")
                            && self
                                .t
                                .get(i)
                                .is_some_and(|k| self.toks.surface(k).is_ascii())
                    } else {
                        // (Not a gerund, its g dropped too: "stop kiddin".)
                        s.len() > 2
                            && (t.cap
                                || !(s.ends_with("ING") || s.ends_with("IN") || s.ends_with('S')))
                    }
            })
        };
        let full = if self.is(i, KEY) {
            self.full_name(j)
        } else {
            0
        };
        let n = full.max(1);
        if (full > 0 || self.any(i, "STOP QUIT ARRET ARRETEZ PARAR BAJA"))
            && word(j)
            && (0..i).all(aside)
            && (j + n..self.t.len()).all(aside)
        {
            n
        } else {
            0
        }
    }

    /// The words from `j` of a full name as signed: two to six, each
    /// capitalised and unknown to the lists (or known only by a spelling
    /// they mend: "Ann" is not "an"), particles in lower case between them
    /// and a suffix at the end ("Ana de la Cruz", "Mary-Ann Smith", "Mary
    /// Ann Smith Jr", "Juan Carlos de los Santos"); 0 when there are none.
    fn full_name(&self, j: usize) -> usize {
        const PARTICLES: &str = "DE LA DEL LOS LAS DA DAS DO DOS DI DU LE VAN VON DER DEN Y E"; // as written()
        let named = |m: usize| {
            self.name_at(m)
                || self
                    .t
                    .get(m)
                    .is_some_and(|t| t.cap && t.w != self.toks.surface(t) && t.ch == 0)
        };
        let particle =
            |m: usize| self.t.get(m).is_some_and(|t| !t.cap) && self.written(m, PARTICLES);
        if !self.name_at(j) {
            return 0;
        }
        let (mut n, mut last) = (1, 1);
        while n < 6 {
            let m = j + n;
            if named(m) || (self.written(m, "JR SR II III IV") && self.brk(m) != FULL_STOP) {
                n += 1;
                last = n;
            } else if particle(m) {
                n += 1;
            } else {
                break;
            }
        }
        if last > 1 {
            last
        } else {
            0
        }
    }

    /// From word `o`, every list: "all your lists", "every list", "todas sus
    /// listas", "toutes vos listes".
    pub(super) fn all_lists(&self, o: usize) -> bool {
        // ("all of your mailing lists"; "all your brands": every sender.)
        let of = o + 1 + usize::from(self.eq(o + 1, "OF"));
        let s = of + usize::from(self.is(of, DET));
        // (Not "all your brands' emails": the means narrows it.)
        let senders = !self.is(s + 1, MEDIA)
            && self.any(
                s,
                "BRANDS COMPANIES BUSINESSES AFFILIATES PARTNERS STORES LOCATIONS DEALERSHIPS",
            );
        // ("all your mailing lists and call lists".)
        let lists = (o + 1..o + 8)
            .take_while(|&m| self.on(m))
            .filter(|&m| self.eq(m, "LISTS"))
            .count()
            > 1;
        // ("all of your lists: email, phone, everything": the lists, then
        // the means they hold; not "all your email lists".)
        let plain = (o + 1..o + 4)
            .take_while(|&m| self.on(m))
            .find(|&m| self.eq(m, "LISTS"))
            .is_some_and(|p| (o + 1..p).all(|m| self.ch(m) == 0));
        self.is(o, ALLW)
            && (matches!(self.object(o), Obj::Media { ch: 0, .. } | Obj::All(_))
                || lists
                || plain
                || (self.eq(o + 1, "OF") && matches!(self.object(o + 2), Obj::Media { ch: 0, .. }))
                || senders)
    }

    /// Word `j` starts a reason given after a keyword that opens the
    /// message: "stop moved", "remove deceased", "stop he passed away",
    /// "stop sold the house", "stop already bought one", "stop too many
    /// texts", "cancel no longer need", "STOP me mudé", "STOP j'ai déménagé".
    pub(super) fn reason(&self, i: usize, j: usize) -> bool {
        let first = (0..i).all(|m| self.is(m, FILLER));
        // (After a comma too: "remove, moved", "cancel, deceased".)
        let near = |k: usize| self.on(k) || (k == j && self.brk(k) == WEAK);
        let mut k = j;
        while near(k)
            && (self.any(k, "HE SHE I WE ALREADY JUST ME J AI")
                || (self.is(k, FILLER) && !self.eq(k, "NO")))
        {
            k += 1;
        }
        // ("stop car sold", "stop house sold".)
        if near(k) && (self.w(k).is_empty() || self.is(k, THING)) && self.any(k + 1, "SOLD BOUGHT")
        {
            k += 1;
        }
        first
            && near(k)
            && (self.any(
                k,
                "MOVED DECEASED PASSED DIED SOLD BOUGHT RETIRED DIVORCED BANKRUPT ANNOYING",
            ) || self.unlisted(k, "MUDE MUDAMOS FALLECIO MURIO VENDI DEMENAGE DECEDE VENDU")
                || (self.eq(k, "TOO") && self.eq(k + 1, "MANY"))
                || (self.eq(k, "NO") && self.eq(k + 1, "LONGER"))
                || (self.eq(k, "HAVE") && k > j))
    }
}
