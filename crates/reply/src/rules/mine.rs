//! Someone or something other than the customer taken off: the number
//! ("remove it"), both of us, an address or a company, and what is the
//! customer's ("remove my number", "take my email off your list").

use super::super::text::WEAK;
use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// Someone or something other than the customer taken off, from word
    /// `k`: a reason ("remove deceased"), the number ("remove it"), "both of
    /// us", an address or a company, "get off", "remove my number".
    pub(super) fn remove_other(&self, i: usize, k: usize) -> Option<Hit> {
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
        // ("Remove jo@acme.com", "take jo@acme.com off": the address
        // written out, its email.)
        let off = usize::from(v == "TAKE" && self.eq(k + 1, "OFF") && self.on(k + 1));
        if (matches!(v, "REMOVE" | "DELETE") || off > 0)
            && self.eq(k, "ADDRESS")
            && self.on(k)
            && self.bare(k + 1 + off)
        {
            return hit(i, k + 1 + off, EMAIL);
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
                    // ("Please remove Jane Doe from your mailing list": a
                    // full name.)
                    || (((f == k + 1 && (self.eq(k, "THEM") || self.name_at(k)))
                        || (f == k + 2 && self.name_at(k) && self.name_at(k + 1)))
                        && (f + 1..f + 4)
                            .find(|&m| !self.is(m, DET | ADJ))
                            .is_some_and(|m| self.is(m, MEDIA))))
        })?;
        // ("remove our company from future communications".)
        let means = match self.object(f + 1) {
            Obj::Media { ch, .. } => Some(ch),
            _ => None,
        };
        if means.is_some()
            || (f + 1..f + 4)
                .take_while(|&m| self.on(m))
                .any(|m| self.any(m, "LIST LISTS DATABASE RECORDS SYSTEM"))
        {
            // ("remove from all lists": every channel; "take jo@acme.com
            // off your list": its email; "Remove from call/text list": the
            // means the list is of, as "remove me from your call list".)
            let ch = if self.all_lists(f + 1) {
                ALL_CH
            } else if (k..f).any(|m| self.eq(m, "ADDRESS")) {
                EMAIL
            } else {
                let list = self.list_channel(f + 1, f + 5).filter(|&c| c != ALL_CH);
                means.unwrap_or(0) | list.unwrap_or(0)
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
        // ("remove the house phone from your list": "the" with a list.)
        let list_after = (k + 2..k + 9)
            .take_while(|&n| self.on(n))
            .any(|n| self.any(n, "LIST LISTS"));
        if !(self.on(k)
            && (self.any(
                k,
                "MY THIS OUR HIS HER THEIR MI MIS MON MA MES CETTE CE ESTA ESTE",
            ) || (self.eq(k, "THE") && list_after)))
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
            if self.another_line(m) && !(self.any(m, "WORK HOME") && listed) {
                return None;
            }
            let Some(mut ch) = self.mine_channels(k, m, forget) else {
                continue;
            };
            // ("Olvida mi número anterior": an update; "mi número de cuenta":
            // another number.)
            if self.on(m + 1)
                && (self.written(m + 1, "ANTERIOR VIEJO VIEJA VIEJOS VIEJAS")
                    || self.written(m + 1, "ANCIEN ANCIENNE ANCIENS")
                    || (self.any(m + 1, "DE")
                        && self
                            .t
                            .get(m + 2)
                            .is_some_and(|t| t.w.is_empty() || t.is(THING))))
            {
                return None;
            }
            // ("remove my number and email", "my cell and my work email",
            // "my cell, my home phone and my email": each one named.)
            let mut m = m;
            loop {
                let from = if self.on(m + 1) && self.is(m + 1, CONJ) {
                    m + 2
                } else if self.brk(m + 1) == WEAK && self.any(m + 1, "MY") {
                    m + 1
                } else {
                    break;
                };
                // (Not a verb: "remove my number and email me the
                // confirmation".)
                let next = (from..m + 5)
                    .take_while(|&n| n == from || self.on(n))
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
            let ch = self.list_channel(m + 2, m + 7).unwrap_or(ch);
            // "remove my name from the contract", "take my name off the
            // loan": a document, not a list; nor a list of something the
            // lists do not know ("take my name off the co-signer list").
            if self.any(m + 1, "FROM OFF")
                && (self.other_list(m + 2)
                    || matches!(self.object(m + 2), Obj::Thing | Obj::Unknown))
            {
                return None;
            }
            if self.moved_over(m + 1) {
                return None;
            }
            return hit(i, m + 1, ch);
        }
        None
    }

    /// What is taken off is put on another record after word `from`, in
    /// its sentence: "... from the old deal and add it to the new one", an
    /// update.
    pub(super) fn moved_over(&self, from: usize) -> bool {
        let (_, b) = self.sentence(from);
        (from..b).any(|m| {
            (self.any(m, "ADD MOVED") || self.unlisted(m, "ADDED PUT MOVE"))
                && (m + 1..(m + 5).min(b)).any(|n| self.eq(n, "NEW"))
        })
    }

    /// Word `m`, before "number" or "email", says it is another than the
    /// one in use: "my old number", "my work email", "mon ancien numéro".
    pub(super) fn another_line(&self, m: usize) -> bool {
        self.any(m, "OLD PREVIOUS OTHER SECOND NEW WORK HOME")
            || self.written(m, "ANCIEN ANCIENNE ANCIENS ANCIENNES")
            || self.written(m, "VIEJO VIEJA VIEJOS ANTERIOR")
    }

    /// The channel of a list of one means named from word `from` to `to` in
    /// the clause ("off your texting list", "from your call list").
    pub(super) fn list_channel(&self, from: usize, to: usize) -> Option<u8> {
        // ("votre liste d'appels", "la lista de llamadas": the means after.)
        let after = |n: usize| {
            if self.any(n + 1, "D DE") && self.on(n + 2) {
                self.ch(n + 2) & ALL_CH
            } else {
                0
            }
        };
        (from..to)
            .take_while(|&n| self.on(n))
            .filter(|&n| n > 0 && self.eq(n, "LIST"))
            .map(|n| (self.ch(n - 1) & ALL_CH) | after(n))
            .find(|&c| c != 0)
    }

    /// The channels of what word `m` names after the possessive at word `k`
    /// ("my number", "this address", "my info"); `None` when it names none
    /// of them.
    pub(super) fn mine_channels(&self, k: usize, m: usize, forget: bool) -> Option<u8> {
        // (Forgotten, it is every channel.)
        let or_all = |ch: u8| if forget { ALL_CH } else { ch };
        let ch = match self.w(m) {
            // ("take our main line off your dialer"; not a line of credit.)
            "NUMBER" | "CELL" | "MOBILE" | "TELEPHONE" | "LANDLINE" | "LINE"
                if !self.eq(m + 1, "OF") =>
            {
                or_all(SMS | CALL)
            }
            "PHONE" if !self.any(m + 1, "NUMBER") => or_all(SMS | CALL),
            "EMAIL" | "CORREO" | "COURRIEL" => EMAIL,
            // ("my email address".)
            "ADDRESS" if m > 0 && self.eq(m - 1, "EMAIL") => EMAIL,
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
            // ("Je retire mon consentement (pour les appels)": what it was
            // for.)
            "CONSENT" | "PERMISSION" => self.consent_for(m)?,
            // ("scrub my contact from your CRM"; "my contact info" reads on.)
            // The customer's information taken off is every means of
            // reaching them, deleted or removed ("remove all my contact
            // information from your database", as "delete my info"); a
            // name is who is listed, as "remove me" ("remove my name from
            // your list": the medium).
            // (Not information about a thing, "my payment info", "my
            // insurance info", nor a thing, "my data plan".)
            "NAME" => or_all(0),
            "INFO" | "INFORMATION" | "DETAILS" | "DATA" | "CONTACT"
                if !self.any(m + 1, "INFO INFORMATION DETAILS") =>
            {
                let thing = (k + 1..=m + 1).any(|n| self.on(n) && self.is(n, THING));
                if thing {
                    return None;
                }
                // ("my contact" alone may be a person: "remove my contact
                // from the thread"; their record only in our records.)
                let records = (m + 1..m + 5)
                    .any(|n| self.on(n) && self.any(n, "DATABASE SYSTEM FILES RECORDS CRM"));
                if self.eq(m, "CONTACT") && !records {
                    or_all(0)
                } else {
                    ALL_CH
                }
            }
            // ("remove my resume from your database": the customer's record.)
            "" if self.unlisted(m, "RESUME PROFILE CV")
                && (m + 1..m + 5)
                    .any(|n| self.on(n) && self.any(n, "DATABASE SYSTEM FILES RECORDS CRM")) =>
            {
                or_all(0)
            }
            _ => return None,
        };
        Some(ch)
    }
}
