//! A keyword told as sent, not sent now: "I replied STOP yesterday", "I said
//! stop twice", "ya les dije BAJA ayer", and to whom and when it was told.

use super::super::words::*;
use super::{bare_hit, Hit, Reader};

impl Reader<'_> {
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
        // ("Ya les dije que BAJA", "J'ai déjà dit que STOP": the word
        // after "que".)
        let t = if i > 1 && self.any(i - 1, "QUE") && self.any(i - 2, "DIJE DIT RESPONDI") {
            i - 1
        } else {
            i
        };
        let told = i > 0
            && (self.any(
                t - 1,
                "SAID TOLD DIJE ECRIT ESCRIBI MANDE ENVIE RESPONDI REPONDU DIT WROTE WRITTEN ENVOYE",
            ) || (often && self.any(i - 1, "SAY DECIR DIRE")));
        let sent = told_you || told || asked || (i > 0 && self.any(i - 1, SENDING));
        if i == 0 || sent {
            // (A day or a date says when only when the customer says it of
            // a stop word: not "They said stop this morning", "I said cancel
            // on Tuesday".)
            let mine = (i > 0 && self.any(t - 1, "DIJE ESCRIBI MANDE ENVIE RESPONDI"))
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

    /// The keyword at `i` is one the sender is reproached with ignoring: "you
    /// ignored my STOP", "u ignored my stop request", "Didnt u get my stop
    /// msg", "Did you not get my STOP?" — the request said again (not
    /// asked: "Did you get my STOP?").
    pub(super) fn reproached(&self, i: usize) -> bool {
        let (a, _) = self.sentence(i);
        let not = (a..i).any(|m| self.is(m, NEG));
        let mine = i > 1
            && self.eq(i - 1, "MY")
            && (self.written(i - 2, "IGNORED IGNORE IGNORING")
                || (not && self.any(i - 2, "GET GOT SEE")));
        // ("... my stop request", "... my stop msg".)
        let k = i
            + 1
            + usize::from(self.on(i + 1) && self.written(i + 1, "REQUEST MSG MESSAGE TEXT REPLY"));
        // ("... my STOP twice", "... my stop request from last week".)
        mine && self.bare(self.told_until(k, true))
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
