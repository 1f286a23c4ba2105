//! Stop words and their like: the strong words (unsubscribe, opt out, revoke),
//! "dejen de" + a verb, and a stop word with its object (a verb of contact
//! after it: `gerund.rs`; whose stopping it is: `subject.rs`).

use super::super::text::WEAK;
use super::super::words::*;
use super::{bare_hit, hit, soft, Hit, Obj, Reader};

impl Reader<'_> {
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
        if self.on(i + 1)
            && (self.eq(i + 1, "REQUESTS")
                || self.unlisted(i + 1, "MANAGEMENT FOOTER FOOTERS FEATURE"))
        {
            return None;
        }
        let mut k = i + 1;
        if self.is(k, ME) && self.on(k) {
            k += 1;
        }
        if self.on(k) && self.any(k, "FROM OF DE DU") && self.object(k + 1) == Obj::Thing {
            return None;
        }
        // "I unsubscribed from Netflix to afford this": told of another.
        if self.eq(i, "UNSUBSCRIBED")
            && i > 0
            && self.any(i - 1, "I WE")
            && self.on(k)
            && self.eq(k, "FROM")
            && matches!(self.object(k + 1), Obj::Thing | Obj::Unknown)
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
            let elsewhere = consent
                .is_some_and(|p| self.any(p + 1, "ON FOR") && self.object(p + 2) == Obj::Thing);
            if (other && consent.is_none()) || elsewhere {
                return None;
            }
        }
        hit(i, k, self.media_after(i))
    }

    /// "dejen de enviarme mensajes", "arrêtez de m'envoyer des SMS".
    pub(super) fn de_verb(&self, i: usize) -> Option<Hit> {
        if self.negated(i) {
            return None;
        }
        let mut k = i + 2;
        if self.is(k, ME) && !self.is(k, CVERB | GER) && self.on(k) {
            k += 1;
        }
        // ("dejen de calling me": the English gerund.)
        if !self.is(k, CVERB | GER) {
            return None;
        }
        let ch = match self.object(k + 1) {
            Obj::Media { ch, .. } if self.on(k + 1) => ch | self.ch(k),
            // ("dejen de mandarme facturas en papel": a thing.)
            Obj::Thing if self.on(k + 1) => return None,
            // ("arrêtez de me laisser tranquille": leaving needs the messages.)
            _ if self.is(k, NEED_OBJ) => return None,
            // ("arrêtez de me harceler au téléphone".)
            _ => self.narrowed(self.ch(k), k + 1),
        };
        hit(i, k + 1, ch)
    }

    /// A stop word and what it is about.
    pub(super) fn stop_verb(&self, i: usize) -> Option<Hit> {
        // "What part of STOP do you not understand?"
        if i >= 3 && self.eq(i - 1, "OF") && self.eq(i - 2, "PART") && self.any(i - 3, "WHAT WHICH")
        {
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
        // ("il pleut sans arrêt", "llueve sin parar": without stopping.)
        if self.negated(i)
            || (i > 0 && self.unlisted(i - 1, "SANS SIN") && self.on(i))
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
        if let Some(h) = self.told_stop(i) {
            return Some(h);
        }
        // ("párenle ya con los mensajes", "stop already with the texts".)
        let j = i + 1 + usize::from(self.any(i + 1, "YA ALREADY") && self.any(i + 2, "WITH CON"));
        if self.reason(i, j) {
            return bare_hit(i, self.media_before(i));
        }
        // ("stop for good", "stop for now", "stop for a while", "arrêtez
        // pour l'instant", "pour le moment", "paren por ahora", "por el
        // momento", "pour un moment"; not a pause in the talk: "stop for a
        // moment", "for the moment", "for one moment"; forever: "baja para
        // siempre", "arrêt pour toujours".)
        let spell = if !self.any(j, "FOR POR POUR PARA") {
            0
        } else if self.any(j + 1, "GOOD NOW AHORA") || self.any(j + 1, "SIEMPRE TOUJOURS") {
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
            _ => bare_hit(i, self.media_before(i)),
        }
    }

    /// A keyword told as sent, with when or how often: "I replied STOP
    /// yesterday", "I said stop twice" (not "don't text me twice").
    pub(super) fn told_stop(&self, i: usize) -> Option<Hit> {
        // (Or the message's first word: "STOP twice", "STOP yesterday I told
        // you".)
        // ("I replied STOP to your texts", "told you stop yesterday".)
        // ("How many times do I have to say STOP", "¿Cuántas veces les tengo
        // que decir BAJA?", "Combien de fois faut-il dire STOP": how often,
        // asked.)
        let often = self.back_in_sentence(i).any(|m| {
            m > 0 && self.any(m, "TIMES VECES FOIS") && self.any(m - 1, "MANY CUANTAS DE")
        });
        // (Or the sender's people: "I told your agent STOP on the phone", "I
        // told the dealership STOP last week".)
        let staff = i >= 3
            && self.any(i - 1, "AGENT REP REPRESENTATIVE SALESMAN SALESPERSON GUY TEAM OFFICE DEALERSHIP DEALER STORE STAFF")
            && self.any(i - 2, "YOUR UR THE");
        let told_you = i >= 2
            && (self.any(i - 1, "YOU") || staff)
            && self.any(i - 1 - usize::from(staff) - 1, "SAID TOLD");
        // ("I asked you to stop twice", "I've told you to stop several times".)
        let asked = i >= 3
            && self.eq(i - 1, "TO")
            && self.eq(i - 2, "YOU")
            && self.any(i - 3, "ASKED TOLD");
        let told = i > 0
            && (self.any(
                i - 1,
                "SAID TOLD DIJE ECRIT ESCRIBI MANDE ENVIE RESPONDI REPONDU DIT WROTE WRITTEN ENVOYE",
            ) || (often && self.any(i - 1, "SAY DECIR DIRE")));
        let sent = told_you || told || asked || (i > 0 && self.any(i - 1, SENDING));
        if i == 0 || sent {
            // (A day or a date says when only when the customer says it of
            // a stop word: not "They said stop this morning", "I said cancel
            // on Tuesday".)
            let mine = (i > 0 && self.any(i - 1, "DIJE ESCRIBI MANDE ENVIE RESPONDI"))
                || self
                    .back_in_sentence(i)
                    .any(|m| self.any(m, "I I'VE WE WE'VE YO JE J"));
            let when = sent && mine && !self.any(i, "CANCEL CANCELAR");
            let k = self.told_until(self.told_to(i + 1), when);
            // (Or sent already: "I already replied END", "Ya les dije BAJA",
            // "J'ai déjà répondu ARRET".)
            let already = i > 0 && self.back(i, 4).any(|m| self.any(m, "ALREADY YA DEJA"));
            if (k > i + 1 || already || (often && sent)) && self.bare(k) {
                return bare_hit(i, self.media_before(i));
            }
        }
        None
    }

    /// What follows the stop word at `i` in its clause, from word `j`: a
    /// verb of contact, a means, a pronoun, or another object (`None` when
    /// nothing does, and the stop word is read as bare).
    fn stop_object(&self, i: usize, j: usize) -> Option<Option<Hit>> {
        if self.is(j, GER) {
            return Some(self.gerund(i, j));
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
        if self.is(j, PREP)
            && !(self.eq(j, "AT") && self.eq(j + 1, "ONCE"))
            && !(self.eq(j, "POR") && self.eq(j + 1, "FAVOR"))
        {
            return Some(None);
        }
        // ("asked you to stop 3 times now": how often, read by `bare`.)
        let times = self.number(j) && self.eq(j + 1, "TIMES");
        let read = match if times { Obj::Empty } else { self.object(j) } {
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
            Obj::Unknown if self.named(i, j) => soft(i, j + 1, self.media_before(i)),
            Obj::Thing | Obj::Unknown => None,
            Obj::Empty => return None,
        };
        Some(read)
    }

    /// Word `j`, after the stop word `i` that opens the message, is a name
    /// the lists do not know, capitalised, of three letters or more, and the
    /// message's last word but filler (not after END or CANCEL: "End Game").
    fn named(&self, i: usize, j: usize) -> bool {
        self.any(i, "STOP QUIT ARRET ARRETEZ PARAR BAJA")
            && self.name_at(j)
            && self
                .t
                .get(j)
                .is_some_and(|t| self.toks.surface(t).len() > 2)
            && (0..i).all(|m| self.is(m, FILLER))
            && (j + 1..self.t.len()).all(|m| self.is(m, FILLER))
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
        self.is(o, ALLW)
            && (matches!(self.object(o), Obj::Media { ch: 0, .. } | Obj::All(_))
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

    /// Where the one a keyword was told to ends, from word `j` (`j` when
    /// none): us ("to you guys", "to this number", "to your texts", "to
    /// 55555"), not another ("to my pharmacy").
    fn told_to(&self, j: usize) -> usize {
        if !self.eq(j, "TO") {
            return j;
        }
        let k = j + 1;
        if self.any(k, "YOU Y'ALL") {
            return if self.any(k + 1, "GUYS ALL") {
                k + 2
            } else {
                k + 1
            };
        }
        if self.number(k) {
            return k + 1;
        }
        if self.any(k, "YOUR UR THIS THESE THAT") {
            let m = if self.eq(k + 1, "LAST") { k + 2 } else { k + 1 };
            if (self.is(m, MEDIA) && !self.is(m, GER | THING)) || self.any(m, "NUMBER THREAD CHAT")
            {
                return m + 1;
            }
        }
        j
    }

    /// Where the when or how often after a keyword told as sent ends, from
    /// word `j`: "yesterday", "twice", "three times", "last week"; after a
    /// verb of sending or saying (`sent`), also a day or a date ("on
    /// Tuesday", "Friday", "on 11/3", "el martes", "mardi dernier"), "this
    /// morning", "earlier", "2 days ago", "hace una semana", "il y a deux
    /// jours".
    pub(super) fn told_until(&self, mut j: usize, sent: bool) -> usize {
        while self.on(j) {
            if sent {
                let k = self.told_when(j);
                if k > j {
                    j = k;
                    continue;
                }
            }
            // ("like 5 times", "twice already".)
            if self.any(j, "TWICE YESTERDAY AYER HIER ALREADY LIKE") {
                j += 1;
            } else if ((self.number(j)
                || self.any(j, "TWO THREE FOUR FIVE SEVERAL MULTIPLE MANY DOS TRES DEUX TROIS"))
                && self.any(j + 1, "TIMES VECES FOIS"))
                || (self.eq(j, "LAST") && self.any(j + 1, "WEEK NIGHT MONTH TIME"))
                // ("on Monday", "by phone".)
                || (sent && self.eq(j, "ON") && self.any(j + 1, DAYS))
                || (self.eq(j, "BY") && self.eq(j + 1, "PHONE"))
            {
                j += 2;
            } else if self.any(j, "ON OVER") && self.eq(j + 1, "THE") && self.eq(j + 2, "PHONE") {
                // ("on the phone".)
                j += 3;
            } else if self.eq(j, "LA")
                && self.any(j + 1, "SEMANA SEMAINE")
                && self.any(j + 2, "PASADA DERNIERE")
            {
                // ("la semana pasada", "la semaine dernière".)
                j += 3;
            } else {
                break;
            }
        }
        j
    }
}

/// The days of the week, as a told keyword's "on Monday" names them.
const DAYS: &str = "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY";

impl Reader<'_> {
    /// Where a when after a keyword told as sent ends, from word `j` (`j`
    /// when there is none here): a day, a date, a part of today, a time ago.
    fn told_when(&self, j: usize) -> usize {
        // ("on Tuesday", "el martes", "le 11/3": a day or a date's first
        // number, the rest after its slash in a clause of its own.)
        let at = usize::from(self.any(j, "ON EL LE LAST"));
        let d = j + at;
        if self.on(d)
            && (self.any(d, DAYS) || self.any(d, DIAS_JOURS) || (at > 0 && self.number(d)))
        {
            // ("lunes pasado", "mardi dernier".)
            return d + 1 + usize::from(self.on(d + 1) && self.any(d + 1, "PASADO DERNIER"));
        }
        if self.any(j, "EARLIER TODAY") {
            return j + 1;
        }
        if self.eq(j, "THIS") && self.any(j + 1, "MORNING AFTERNOON") {
            return j + 2;
        }
        // ("2 days ago", "a week ago", "hace una semana", "il y a deux
        // jours".)
        let es_fr = if self.eq(j, "HACE") {
            1
        } else if self.eq(j, "IL") && self.eq(j + 1, "Y") && self.eq(j + 2, "A") {
            3
        } else {
            0
        };
        let c = j + es_fr;
        let m = c + usize::from(self.number(c) || self.any(c, "A AN UN UNA UNE TWO DOS DEUX"));
        let unit = m > c
            && self.on(m)
            && self.any(
                m,
                "DAYS WEEKS DAY WEEK DIAS SEMANAS SEMANA JOURS SEMAINE SEMAINES",
            );
        match (unit, es_fr) {
            (true, 0) if self.eq(m + 1, "AGO") => m + 2,
            (true, 1 | 3) => m + 1,
            _ => j,
        }
    }
}
