//! Remove me, take me off, lose my number, supprimez-moi: the customer (or
//! one of the household, or their number or address) taken off a list.

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// Remove me, take me off, lose my number, supprimez-moi.
    pub(super) fn remove(&self, i: usize) -> Option<Hit> {
        // ("Non, je ne veux pas être retiré de la liste": refused.)
        let refused = self.back(i, 5).any(|m| self.eq(m, "NE"))
            && self.back(i, 5).any(|m| self.eq(m, "PAS"))
            && self
                .back(i, 5)
                .any(|m| self.any(m, "VEUX VOULONS") || self.written(m, "SOUHAITE"));
        // ("Why did you remove me from the list?": asked, wanting to stay.)
        let why = self.question(i) && self.back_in_sentence(i).any(|m| self.eq(m, "WHY"));
        // ("If I remove my info will I lose the discount?": only supposed.)
        let supposed = i > 1 && self.is(i - 1, I1) && self.any(i - 2, "IF SI");
        if self.negated(i) || refused || why || supposed {
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
            && self.any(k + 3, "SYSTEM DATABASE RECORDS FILES CRM CONTACTS")
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
        // ("Forget you ever had my number", "Just forget I exist": every
        // channel, as "forget me".)
        if self.is(i, FORGET)
            && self
                .back(i, 3)
                .all(|m| self.is(m, FILLER) && !self.eq(m, "NO"))
        {
            let k = i + 1 + usize::from(self.eq(i + 1, "THAT"));
            let v = k + 1 + usize::from(self.eq(k + 1, "EVER"));
            let end = if !self.eq(k, "YOU") {
                (self.written(k, "I") && self.written(k + 1, "EXIST")).then_some(k + 2)
            } else {
                (self.written(v, "HAD HAVE GOT")
                    && self.eq(v + 1, "MY")
                    && self.means_named(v + 2) != 0)
                    .then_some(v + 3)
            };
            if let Some(end) = end.filter(|&e| (i..e).all(|m| self.on(m)) && self.bare(e)) {
                return hit(i, end, ALL_CH);
            }
        }
        // ("Merci de m'oublier": the pronoun first.)
        if self.is(i, FORGET)
            && i > 1
            && self.is(i - 1, ME)
            && self.any(i - 2, "DE D")
            && self.bare(i + 1)
        {
            return hit(i - 1, i + 1, ALL_CH);
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
        // ("I request that my number be removed": what is removed, as
        // "remove my number".)
        let mine = (i > 2 && self.any(i - 3, "MY OUR") && self.on(i - 2) && self.on(i - 1))
            .then(|| self.mine_channels(i - 3, i - 2, false))
            .flatten();
        hit(i - 1, i + 1, if all { ALL_CH } else { mine.unwrap_or(0) })
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
        } else if (self.is(k, ME)
            || self.any(k, "HIM HER")
            || (self.theirs(k) && self.any(k + 1, "DE DU")))
            && self.on(k)
        {
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
                        || self.theirs(b)
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
            // ("Sácame del seguro", "Supprimez-moi du contrat": off
            // something, which `off_list` reads.)
            && (self.any(k, "OFF OUT FROM DE DEL DU")
                || (v == "TAKE" && self.eq(k, "OF") && !self.eq(k + 1, "COURSE"))
                // ("Take me iff your list": a neighbouring key.)
                || (v == "TAKE" && self.written(k, "IFF")));
        if matches!(v, "TAKE" | "GET" | "DROP") && !from {
            return None;
        }
        // ("drop me off at home": a ride; "drop me from your list".)
        if v == "DROP"
            && self.eq(k, "OFF")
            && !matches!(self.object(k + 1), Obj::Media { .. } | Obj::All(_))
        {
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
        // ("Take me off\n\nJohn", "Take me off. John", "Take me off, Mary":
        // a name signed under the request is not what the customer is taken
        // off; as "take me off" alone.)
        if !self.on(o) {
            return hit(i, end, 0);
        }

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
            // ("de la police d'assurance": French for the policy.)
            || (o..o + 2).any(|m| self.written(m, "POLICE") && self.any(m + 1, "D DE"))
            || (self.eq(o, "LA") && !self.on(o + 1))
            || (o..o + 4)
                .take_while(|&m| self.on(m))
                .any(|m| self.any(m, "LIST LISTS") && self.list_of_others(m))
        {
            return self.and_off(i, o);
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
            Obj::Thing => self.and_off(i, o),
            // ("take me off all your lists": every channel.)
            _ if self.all_lists(o) => hit(i, end, ALL_CH),
            // ("votre liste d'appels": the list's means after it; a contact
            // list is the medium's.)
            Obj::Media { ch, .. } => {
                let list = self.list_channel(o, o + 4).filter(|&c| c != ALL_CH);
                hit(i, end, ch | list.unwrap_or(0))
            }
            Obj::All(_) => hit(i, end, ALL_CH),
            // "take me off the schedule", "remove me from the
            // waitlist": a list the lists do not know is something
            // else ("remove me from this group" is known).
            Obj::Unknown => None,
            _ => hit(i, end, 0),
        }
    }

    /// Off something else, and then off a list: "Sácame del seguro del carro
    /// y de su lista de llamadas", "Supprimez-moi du contrat et de votre
    /// liste".
    fn and_off(&self, i: usize, o: usize) -> Option<Hit> {
        let m = (o..o + 8)
            .take_while(|&m| self.on(m))
            .find(|&m| self.any(m, "Y ET AND") && self.any(m + 1, "DE DEL DU FROM OFF"))?;
        self.off_list(i, m + 1)
    }

    /// "Please add me to your suppression list", "Please add us to your
    /// global suppression list", "add me to your blocklist": the
    /// sender's list of whom not to write to; the medium's.
    pub(super) fn suppressed(&self, i: usize) -> Option<Hit> {
        let list = (i + 1..i + 8)
            .take_while(|&m| self.on(m))
            .find(|&m| self.written(m, "SUPPRESSION BLOCKLIST BLACKLIST"))?;
        hit(i, list + 1, 0).filter(|_| !self.negated(i) && !self.question(i))
    }

    /// "No me agreguen a sus listas", "Ne m'ajoutez à aucune liste": the
    /// customer not to be added to a list, in Spanish and French.
    pub(super) fn add_me(&self, i: usize) -> Option<Hit> {
        let refused = i > 1 && self.is(i - 1, ME) && self.any(i - 2, "NO NE N");
        refused.then_some(())?;
        self.our_list(i - 2, i + 1..i + 5)
    }

    /// A list of ours among words `at` of the clause, read as a request
    /// from word `a`: "(no quiero estar en) su lista (de correos)", "(ne
    /// m'ajoutez à aucune) liste": the medium's, or the means the list is of;
    /// not another's list ("la lista de espera").
    pub(super) fn our_list(&self, a: usize, at: std::ops::Range<usize>) -> Option<Hit> {
        let list = at
            .take_while(|&m| self.on(m))
            .find(|&m| self.any(m, "LIST LISTS"))?;
        if self.list_of_others(list) {
            return None;
        }
        hit(a, list + 1, self.list_channel(list, list + 1).unwrap_or(0))
    }
}
