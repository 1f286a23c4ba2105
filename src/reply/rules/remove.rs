//! Remove me, take me off, lose my number, supprimez-moi: the customer (or
//! one of the household, or their number or address) taken off a list.

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// Remove me, take me off, lose my number, supprimez-moi.
    pub(super) fn remove(&self, i: usize) -> Option<Hit> {
        // ("Non, je ne veux pas être retiré de la liste": refused.)
        let refused =
            self.back(i, 5).any(|m| self.eq(m, "NE")) && self.back(i, 5).any(|m| self.eq(m, "PAS"));
        if self.negated(i) || refused {
            return None;
        }
        // "forget (about) me", "oubliez-moi", "olvídense de mí", asked: to
        // be forgotten, on every channel (not "did you forget about me?",
        // "no se olviden de mí", nor "never mind me" before a question on
        // another matter: "Forget about me, how are you doing?", "forget
        // me, what about my son?", "olvídense de mí, ¿cómo están?").
        let k = i + 1 + usize::from(self.is(i + 1, PREP));
        // ("delete me from your system": every record of them.)
        let records = self.eq(k + 1, "FROM")
            && self.any(k + 2, "YOUR UR THE")
            && self.any(k + 3, "SYSTEM DATABASE RECORDS FILES CRM")
            && self.bare(k + 4);
        if self.is(i, FORGET)
            && (self.is(k, ME) || (self.eq(k, "MI") && !self.eq(k + 1, "NUMBER")))
            && (self.bare(k + 1) || records)
            && !(self.eq(k + 1, "COMO")
                || (self.any(k + 1, "HOW WHAT") && self.any(k + 2, "ABOUT DOES ARE IS"))
                    && !(self.eq(k + 1, "WHAT") && self.any(k + 2, "ARE IS")))
            && self
                .back(i, 3)
                .all(|m| self.is(m, FILLER) && !self.eq(m, "NO"))
        {
            return hit(i, k + 1, ALL_CH);
        }
        if self.eq(i, "REMOVED") {
            return self.removed(i);
        }
        // "I asked to be taken off (your list)", as "removed" (not "taken
        // off the schedule", "the seat is taken").
        if self.eq(i, "TAKEN") {
            let off = self.on(i + 1)
                && self.eq(i + 1, "OFF")
                && (self.bare(i + 2)
                    || matches!(self.object(i + 2), Obj::Media { .. } | Obj::All(_)));
            return if off { self.removed(i) } else { None };
        }
        // The keyword told as sent: "I already replied REMOVE", "I texted
        // remove yesterday".
        if i > 0 && self.is(i, KEY) {
            if let Some(h) = self.told_stop(i) {
                return Some(h);
            }
        }
        let (k, me) = self.removed_whom(i);
        if me {
            // ("Número equivocado, bórrenlo de su lista": it, the number.)
            let it = self.any(i, "QUITENLO QUITENLA BORRENLO BORRENLA SAQUENLO ELIMINENLO")
                && (0..i).any(|m| self.any(m, "NUMBER PHONE CELL"));
            self.remove_me(i, k).map(|h| Hit {
                ch: if it && h.ch == 0 { SMS | CALL } else { h.ch },
                ..h
            })
        } else {
            self.remove_other(i, k)
        }
    }

    /// "Please confirm you have removed me from your call list", "I want to
    /// be removed".
    fn removed(&self, i: usize) -> Option<Hit> {
        // "Please confirm you have removed me from your call list."
        if i > 0 && self.any(i - 1, "HAVE YOU'VE") && self.is(i + 1, ME) {
            return match self.object(i + 3) {
                Obj::Thing | Obj::Unknown => None,
                _ => hit(i - 1, i + 2, self.media_after(i + 1)),
            };
        }
        // (Not of another: "user has been removed", a bounce.)
        // ("I'd appreciate it if you removed me from your list".)
        if i > 1 && self.eq(i - 1, "YOU") && self.eq(i - 2, "IF") && self.is(i + 1, ME) {
            return hit(i - 1, i + 2, self.media_after(i + 1));
        }
        // ("Please confirm I'm removed".)
        let passive = i > 0
            && self.any(i - 1, "BE BEEN BEING GET GOT IS I'M AM")
            && !self
                .back(i, 4)
                .any(|m| self.any(m, "USER RECIPIENT MAILBOX"));
        // ("Please confirm I'm removed as a driver": a role; "from the
        // co-signer list": another list.)
        if self.any(i + 1, "AS") || (self.any(i + 1, "FROM") && self.other_list(i + 2)) {
            return None;
        }
        // ("Am I removed?", "I'm removed from the group chat?": asked.)
        let asked = i > 0 && self.any(i - 1, "I'M AM") && self.question(i);
        if !passive || asked || (self.any(i + 1, "FROM") && self.object(i + 2) == Obj::Thing) {
            return None;
        }
        let all = self.any(i + 1, "FROM") && self.all_lists(i + 2);
        hit(i - 1, i + 1, if all { ALL_CH } else { 0 })
    }

    /// Who is taken off, after the verb at word `i`: where what follows
    /// them starts, and whether it is the customer (or someone of the
    /// household).
    fn removed_whom(&self, i: usize) -> (usize, bool) {
        let mut k = i + 1;
        // The customer, or someone of the household ("remove him from your
        // list": a husband who passed away, a child's number).
        let me = if self.is(i, ME) {
            true
        } else if (self.is(k, ME) || self.any(k, "HIM HER")) && self.on(k) {
            k += 1;
            true
        } else if self.on(k) && self.kin(k) > 1 {
            // "remove my husband (, Gary,) from your list".
            k += self.kin(k);
            if self.brk(k) != 0 && (k..k + 3).any(|m| self.any(m, "FROM OFF")) {
                while k < self.t.len() && !self.any(k, "FROM OFF") {
                    k += 1;
                }
            }
            true
        } else {
            // French and Spanish put the pronoun first: "me retirer de votre
            // liste", "que me retirara de su lista", "¿Me pueden sacar de
            // la lista?", "me borran de la lista"; and "je veux être retiré
            // de votre liste".
            // (Not refused: "je ne veux pas être retiré".)
            let refused = self.back(i, 5).any(|m| self.any(m, "PAS NE N NO"));
            let before = |b: usize| {
                !refused
                    && (self.is(b, ME)
                        || (b > 0
                            && self.written(b, "PUEDEN PUEDE PUEDES PODRIAN PODRIA")
                            && self.is(b - 1, ME))
                        || self.written(b, "ETRE"))
            };
            i > 0 && self.on(i) && before(i - 1) && self.any(k, "DE")
        };
        (k, me)
    }

    /// The customer taken off, from word `k`: "remove me (from your list)",
    /// "take me off", "sácame de la lista".
    fn remove_me(&self, i: usize, mut k: usize) -> Option<Hit> {
        let v = self.w(i);
        // "Quítenme el cargo extra", "Bórrame la cita del martes": a thing
        // taken off for the customer; "Sácame una cotización", "Retirez-moi
        // les frais": one got or taken off for them.
        if self.on(k)
            && self.any(k, "EL LA LOS LAS L UN UNA UNE LES LE DES")
            && !matches!(
                self.object(k),
                Obj::Media { .. } | Obj::All(_) | Obj::Pron(_)
            )
        {
            return None;
        }
        // ("remove me permanently from every list".)
        if self.on(k) && self.any(k, "PERMANENTLY IMMEDIATELY") {
            k += 1;
        }
        // "remove me as a driver", "take me off as the billing contact": a
        // role, not a list.
        if self.any(k, "AS COMO") || (self.eq(k, "OFF") && self.eq(k + 1, "AS")) {
            return None;
        }
        // ("take me of ur list": a slip of "off".)
        let from = self.on(k)
            && (self.any(k, "OFF OUT FROM DE")
                || (v == "TAKE" && self.eq(k, "OF") && !self.eq(k + 1, "COURSE")));
        if matches!(v, "TAKE" | "GET" | "DROP") && !from {
            return None;
        }
        if from {
            return self.off_list(i, k);
        }
        hit(i, k, 0)
    }

    /// The customer taken off what follows word `k` ("off", "out of",
    /// "from", "de"): a list, the thread, or something else.
    fn off_list(&self, i: usize, k: usize) -> Option<Hit> {
        let o = if self.eq(k, "OUT") && self.eq(k + 1, "OF") {
            k + 2
        } else {
            k + 1
        };
        let end = if matches!(self.w(i), "TAKE" | "GET") {
            k + 1
        } else {
            k
        };

        // "sácame de la lista de espera", "retirez-moi de la liste
        // d'attente", "take me off the wait list": the waitlist.
        if (o..o + 5)
            .take_while(|&m| self.on(m))
            .any(|m| self.any(m, "ESPERA ATTENTE WAIT WAITING"))
        {
            return None;
        }
        // ("Me pueden sacar de aquí?", "la lista de conductores": a place,
        // a list of something else.)
        if self.any(o, "AQUI")
            || self.written(o, "ICI HERE")
            || (o..o + 4).take_while(|&m| self.on(m)).any(|m| {
                self.any(m, "LIST LISTS")
                    && self.any(m + 1, "DE OF")
                    && self.written(m + 2, "CONDUCTORES CONDUCTEURS CHOFERES INVITADOS INVITES")
            })
        {
            return None;
        }
        // ("sacarme de su base de datos", "quítenme de su sistema",
        // "retirez-moi de votre fichier": their records, the medium.)
        if (o..o + 4)
            .take_while(|&m| self.on(m))
            .any(|m| self.any(m, "DATABASE SYSTEM FILES RECORDS DATA") || self.written(m, "BASE"))
        {
            return hit(i, end, 0);
        }
        // "take me off this email chain", "remove me from the
        // thread": the conversation the message came by.
        if (o..o + 3)
            .take_while(|&m| self.on(m))
            .any(|m| self.any(m, "THREAD CHAIN CC GROUP") || self.written(m, "DRIP NURTURE"))
        {
            return hit(i, end, 0);
        }
        match self.object(o) {
            Obj::Thing => None,
            // ("take me off all your lists": every channel.)
            _ if self.all_lists(o) => hit(i, end, ALL_CH),
            Obj::Media { ch, .. } => hit(i, end, ch),
            Obj::All(_) => hit(i, end, ALL_CH),
            // "take me off the schedule", "remove me from the
            // waitlist": a list the lists do not know is something
            // else ("remove me from this group" is known).
            Obj::Unknown => None,
            _ => hit(i, end, 0),
        }
    }

    /// Someone or something other than the customer taken off, from word
    /// `k`: a reason ("remove deceased"), the number ("remove it"), "both of
    /// us", an address or a company, "get off", "remove my number".
    fn remove_other(&self, i: usize, k: usize) -> Option<Hit> {
        let v = self.w(i);
        // ("Remove 555-867-5309, add 555-222-1111 as primary": an update.)
        if self.moved(k) {
            return None;
        }
        // "remove moved", "remove deceased": a reason after the keyword.
        // ("STOP 800-555-0142 is my number pls remove": asked, last.)
        if matches!(v, "REMOVE")
            && (self.reason(i, k)
                || (i > 0
                    && self.eq(i - 1, "PLEASE")
                    && self.bare(k)
                    && (0..i).any(|m| self.is(m, KEY))))
        {
            return hit(i, k, 0);
        }
        // ("Remove jo@acme.com": the address written out, its email.)
        if matches!(v, "REMOVE" | "DELETE")
            && self.eq(k, "ADDRESS")
            && self.on(k)
            && self.bare(k + 1)
        {
            return hit(i, k + 1, EMAIL);
        }
        // (Each is a hit whenever it applies.)
        if let Some(h) = self
            .remove_it(i, k)
            .or_else(|| self.remove_both(i, k))
            .or_else(|| self.remove_from_list(i, k))
        {
            return Some(h);
        }
        if v == "GET" && self.any(k, "OFF OUT") && self.on(k) {
            let o = if self.eq(k + 1, "OF") { k + 2 } else { k + 1 };
            return match self.object(o) {
                Obj::Media { ch, .. } => hit(i, k + 1, ch),
                Obj::Pron(_) => hit(i, k + 1, 0),
                _ => None,
            };
        }
        self.remove_mine(i, k)
    }

    /// "My son gave you this number without asking, remove it", "Wrong
    /// number, please remove it from your list": the number.
    fn remove_it(&self, i: usize, k: usize) -> Option<Hit> {
        // ("delete it", "lose it"; not "forget it": never mind.)
        // ("This is a new number, please take it off your list": off a
        // list; not "take it off" alone.)
        let listed = (k + 2..k + 5).any(|m| self.on(m) && self.any(m, "LIST LISTS"));
        let it = !self.any(i, "FORGET OLVIDENSE OLVIDEN")
            && (!matches!(self.w(i), "TAKE" | "GET" | "DROP") || (self.eq(k + 1, "OFF") && listed))
            && self.on(k)
            && self.any(k, "IT LE LO LA")
            && (self.bare(k + 1) || self.any(k + 1, "FROM OFF DE"))
            && (0..i).any(|m| self.any(m, "NUMBER PHONE CELL MAILBOX LINE ADDRESS EMAIL"));
        if !it {
            return None;
        }
        let number = (0..i).any(|m| self.any(m, "NUMBER PHONE CELL LINE"));
        // ("How did you get my email? Remove it.")
        let email = (0..i).any(|m| self.any(m, "EMAIL MAILBOX"));
        let f = k + 1;
        let ch = if self.any(f, "FROM OFF DE") && self.all_lists(f + 1) {
            ALL_CH
        } else if number {
            SMS | CALL
        } else if email {
            EMAIL
        } else {
            0
        };
        hit(i, k + 1, ch)
    }

    /// "remove both me and my husband from your list", "remove both of
    /// us from your list".
    fn remove_both(&self, i: usize, k: usize) -> Option<Hit> {
        let of = usize::from(self.eq(k + 1, "OF"));
        let both = self.eq(k, "BOTH") && self.is(k + 1 + of, ME);
        if !both {
            return None;
        }
        let k = k + of;
        let from = (k + 2..k + 14).find(|&m| self.any(m, "FROM OFF"));
        let f = from.filter(|&f| self.all_lists(f + 1) || self.is(f + 1, DET))?;
        let ch = if self.all_lists(f + 1) { ALL_CH } else { 0 };
        hit(i, k + 2, ch)
    }

    /// "remove from list", "take off list": the customer unsaid; or an
    /// address, a company of theirs ("remove this address from your
    /// list", "remove jo@smith.com from your list").
    fn remove_from_list(&self, i: usize, k: usize) -> Option<Hit> {
        if !matches!(self.w(i), "REMOVE" | "TAKE") {
            return None;
        }
        let from = (k..k + 6)
            .take_while(|&m| self.on(m))
            .find(|&m| self.any(m, "FROM OFF"));
        // (A number or an email address named goes by the rule below,
        // with its channels.)
        // (Only who or where the messages go: "the extended warranty"
        // taken off a list is no opt-out.)
        let f = from.filter(|&f| {
            (k..f).all(|m| self.ch(m) == 0 && !self.any(m, "NUMBER PHONE CELL LINE"))
                && (f == k
                    || (k..f).any(|m| self.any(m, "ADDRESS COMPANY BUSINESS ACCOUNT DOMAIN FIRM OWNER OFFICE AGENCY HOUSEHOLD TEAM"))
                    || (k..f).any(|m| self.unlisted(m, "PROPERTY HOUSE"))
                    // Someone of the household by name, off a list of
                    // ours: "Take Tom off your list, he moved out" (not
                    // "the guest list"); or unnamed: "This person is
                    // deceased, take them off your list".
                    || (f == k + 1
                        && (self.eq(k, "THEM")
                            || self.name_at(k))
                        && (f + 1..f + 4)
                            .find(|&m| !self.is(m, DET | ADJ))
                            .is_some_and(|m| self.is(m, MEDIA))))
        })?;
        // ("remove our company from future communications".)
        let means = matches!(self.object(f + 1), Obj::Media { .. });
        if means
            || (f + 1..f + 4)
                .take_while(|&m| self.on(m))
                .any(|m| self.any(m, "LIST LISTS DATABASE RECORDS SYSTEM"))
        {
            // ("remove from all lists": every channel; "take jo@acme.com
            // off your list": its email.)
            let ch = if self.all_lists(f + 1) {
                ALL_CH
            } else if (k..f).any(|m| self.eq(m, "ADDRESS")) {
                EMAIL
            } else {
                0
            };
            return hit(i, f + 1, ch);
        }
        None
    }

    /// "remove my number", "lose this number", "take my email off your list",
    /// "remove all my info".
    fn remove_mine(&self, i: usize, mut k: usize) -> Option<Hit> {
        let v = self.w(i);
        let forget = self.is(i, FORGET);
        if self.on(k) && self.is(k, ALLW) && self.any(k + 1, "MY OUR") {
            k += 1;
        }
        // ("olvídense de mi número".)
        if forget && self.on(k) && self.eq(k, "DE") {
            k += 1;
        }
        if !(self.on(k)
            && self.any(
                k,
                "MY THIS OUR HIS HER THEIR MI MIS MON MA MES CETTE CE ESTA ESTE",
            ))
        {
            return None;
        }
        for m in k + 1..k + 4 {
            if !self.on(m) {
                return None;
            }
            // ("remove my old number": an update; but "take my work email
            // off your list" asks.)
            let listed = (m + 1..m + 7)
                .take_while(|&n| self.on(n))
                .any(|n| self.any(n, "LIST LISTS"));
            if (self.any(m, "OLD PREVIOUS OTHER SECOND NEW WORK HOME")
                || self.written(m, "ANCIEN ANCIENNE VIEJO VIEJA ANTERIOR"))
                && !(self.any(m, "WORK HOME") && listed)
            {
                return None;
            }
            let Some(mut ch) = self.mine_channels(k, m, forget) else {
                continue;
            };
            // ("Olvida mi número anterior": an update; "mi número de cuenta":
            // another number.)
            if self.on(m + 1)
                && (self.written(m + 1, "ANTERIOR VIEJO VIEJA ANCIEN ANCIENNE")
                    || (self.any(m + 1, "DE")
                        && self
                            .t
                            .get(m + 2)
                            .is_some_and(|t| t.w.is_empty() || t.is(THING))))
            {
                return None;
            }
            // ("remove my number and email": each one named.)
            let mut m = m;
            while self.on(m + 1) && self.is(m + 1, CONJ) {
                // (Not a verb: "remove my number and email me the
                // confirmation".)
                let next = (m + 2..m + 4)
                    .take_while(|&n| self.on(n))
                    .filter(|&n| !(self.is(n + 1, ME) || self.is(n + 1, DET)) || !self.on(n + 1))
                    .find_map(|n| self.mine_channels(k, n, forget).map(|c| (n, c)));
                let Some((n, c)) = next else {
                    break;
                };
                ch |= c;
                // ("my number and email address".)
                m = n + usize::from(self.eq(n + 1, "ADDRESS") && self.on(n + 1));
            }
            // ("get my number off your list", "get my name removed"; not
            // "did you get my number".)
            let off = (m + 1..m + 3).any(|n| self.on(n) && self.any(n, "OFF OUT"));
            if (v == "TAKE" && !off)
                || (v == "GET" && !(off || (self.on(m + 1) && self.eq(m + 1, "REMOVED"))))
            {
                return None;
            }
            // "off your texting list", "from your SMS list": that list's channel.
            let ch = (m + 2..m + 7)
                .take_while(|&n| self.on(n))
                .find(|&n| self.any(n, "LIST") && self.ch(n - 1) & ALL_CH != 0)
                .map_or(ch, |n| self.ch(n - 1) & ALL_CH);
            // "remove my name from the contract", "take my name off the
            // loan": a document, not a list; nor a list of something the
            // lists do not know ("take my name off the co-signer list").
            if self.any(m + 1, "FROM OFF")
                && (self.other_list(m + 2)
                    || matches!(self.object(m + 2), Obj::Thing | Obj::Unknown))
            {
                return None;
            }
            return hit(i, m + 1, ch);
        }
        None
    }

    /// The channels of what word `m` names after the possessive at word `k`
    /// ("my number", "this address", "my info"); `None` when it names none
    /// of them.
    pub(super) fn mine_channels(&self, k: usize, m: usize, forget: bool) -> Option<u8> {
        let ch = match self.w(m) {
            "NUMBER" | "CELL" | "TELEPHONE" | "LANDLINE" => {
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
            "EMAIL" | "CORREO" | "COURRIEL" => EMAIL,
            // "remove this address (from your list)": the one the
            // message came by.
            // (Not "remove my address, I moved": a postal one.)
            "ADDRESS"
                if (self.any(k, "THIS CETTE ESTA") && self.bare(m + 1))
                    || (self.any(m + 1, "FROM DE")
                        && (m + 2..m + 5).any(|n| self.on(n) && self.any(n, "LIST LISTS"))) =>
            {
                0
            }
            // ("Je retire mon consentement".)
            "CONSENT" | "PERMISSION" => 0,
            // ("scrub my contact from your CRM"; "my contact info" reads on.)
            "INFO" | "INFORMATION" | "DETAILS" | "NAME" | "DATA" | "CONTACT"
                if !self.any(m + 1, "INFO INFORMATION DETAILS") =>
            {
                if forget {
                    ALL_CH
                } else {
                    0
                }
            }
            _ => return None,
        };
        Some(ch)
    }
}
