//! Limits in time of a request: "after 5pm", "today", "al trabajo", "le
//! soir", "until next week", and a limit said before the request ("After 8pm
//! don't call me", "Los domingos no me llamen").

use super::super::text::WEAK;
use super::super::words::*;
use super::Reader;

impl Reader<'_> {
    /// Word `k` limits a request in time: "after 5pm", "today", "right now",
    /// "this late", "too early" — but not "at this number", "at all", "in any
    /// way", "too" (also).
    pub(super) fn limited(&self, k: usize) -> bool {
        if !self.on(k) || self.paused(k) || self.sign_off(k) > 0 {
            return false;
        }
        // "too early", "too late at night" (but "don't call me too": also);
        // "tan temprano".
        // ("until I call you", "hasta que yo les llame": the customer will
        // reach out, no limit.)
        if self.any(k, "UNTIL TILL HASTA") {
            let mut m = k + 1;
            while self.on(m) && self.any(m, "I YO QUE LES LE YOU") {
                m += 1;
            }
            if m > k + 1 && self.is(m, CVERB) && self.any(m - 1, "I YO LES LE") {
                return false;
            }
            // ("until further notice", "until I say so", "until then",
            // "hasta nuevo aviso": a pause only the customer ends.)
            if (self.eq(k + 1, "FURTHER") && self.written(k + 2, "NOTICE"))
                // (Not a time named before it: "I'm away till Friday,
                // don't text me until then".)
                || (self.written(k + 1, "THEN")
                    && self.bare(k + 2)
                    && !(0..k).any(|m| {
                        self.t.get(m).is_some_and(|t| {
                            self.toks.surface(t).starts_with(|c: char| c.is_ascii_digit())
                        }) || (self.is(m, WHEN)
                                && !self.any(m, "ON IN AT FOR SO THIS IF NOW UNTIL TILL UNLESS WHEN WHILE"))
                    }))
                || (self.eq(k + 1, "I") && self.eq(k + 2, "SAY") && self.eq(k + 3, "SO"))
                || (self.written(k + 1, "NUEVO") && self.written(k + 2, "AVISO"))
            {
                return false;
            }
        }
        // ("unless I text you first", "unless I reach out first", "...
        // unless I ask": only when the customer does, no limit.)
        if self.eq(k, "UNLESS")
            && self.eq(k + 1, "I")
            && (self.is(k + 2, CVERB) || self.any(k + 2, "ASK SAY"))
        {
            return false;
        }
        if self.any(k, "TOO TAN") {
            return self.on(k + 1) && self.is(k + 1, WHEN);
        }
        // "no me llamen al trabajo", "pas d'appels au travail" (but "al
        // celular" names the means).
        if self.any(k, "AL AU") {
            return self.any(k + 1, "TRABAJO OFICINA TRAVAIL BUREAU")
                && !self.any(k + 2, "NI O Y OU ET");
        }
        // ("pas d'appels le dimanche", "no llamadas los domingos", "pas de
        // textos le soir", "no me llamen a la oficina".)
        if self.any(k, "LE LES LOS EL LA") || (self.eq(k, "A") && self.eq(k + 1, "LA")) {
            let m = k + 1 + usize::from(self.eq(k, "A"));
            return self.any(m, "NOCHE WEEK OFICINA TRABAJO WEEKENDS")
                || self.any(m, DIAS_JOURS)
                || self.unlisted(m, "SOIR DOMINGOS SABADOS FINES WEEKEND");
        }
        // ("pas d'appels aujourd'hui", "no llamadas hoy", "cette semaine",
        // "esta semana".)
        let said = |m: usize, w: &str| self.any(m, w) || self.unlisted(m, w);
        if self.unlisted(k, "AUJOURD'HUI AUJOURDHUI")
            || (said(k, "CETTE ESTA") && said(k + 1, "SEMAINE SEMANA NOCHE"))
        {
            return true;
        }
        // ("a las 7", "à 7h", "à 7 heures", "entre 12h et 14h".)
        if (self.any(k, "A AU") || self.written(k, "ENTRE"))
            && (self.hour(k + 1)
                || (self.eq(k + 1, "LAS") && self.number(k + 2))
                || (self.number(k + 1) && self.written(k + 2, "HEURES HEURE")))
        {
            return true;
        }
        // ("the night before", "the day of".)
        if self.eq(k, "THE")
            && self.any(k + 1, "NIGHT DAY MORNING WEEK EVENING")
            && self.any(k + 2, "BEFORE OF")
        {
            return true;
        }
        if self.any(k, "AT ON IN") && self.any(k + 1, "THIS ALL ANY MY YOUR") {
            return self.eq(k + 1, "THIS")
                && !self.any(k + 2, "NUMBER PHONE CELL LINE EMAIL ADDRESS");
        }
        // ("Don't contact me unless by email": a means kept, no limit; "Don't
        // call me unless it's urgent" is one.)
        self.is(k, WHEN) && self.except(k).is_none()
    }

    /// Word `k` asks for a pause, no limit: "(don't text me) for now", "for a
    /// while" — revoked, as "stop texting me for a while" is.
    pub(super) fn paused(&self, k: usize) -> bool {
        self.eq(k, "FOR")
            && (self.eq(k + 1, "NOW") || (self.eq(k + 1, "A") && self.eq(k + 2, "WHILE")))
    }

    /// A limit said before the request at word `i`: "Today don't call me
    /// please", "Hoy no me llamen", "After 8pm don't call me", "Los domingos
    /// no me llamen", "Le soir, ne m'appelez pas".
    /// Word `a` opens a time of day or week: "after 8pm", "before 9",
    /// "on weekends", "antes de las 9", "después de las 9", "après 20h",
    /// "entre 12h et 14h" (not "after all this", "until further notice",
    /// "after today", "hasta nuevo aviso", "après réflexion").
    fn time_after(&self, a: usize) -> bool {
        let when = |m: usize| {
            self.hour(m)
                || self.number(m)
                || (self.is(m, WHEN) && !self.any(m, "TODAY NOW THIS SO IN AT ON FOR IF"))
        };
        let opener = self.any(a, "AFTER BEFORE UNTIL ON ANTES DESPUES AVANT APRES")
            || self.written(a, "ENTRE");
        let t = a + 1 + usize::from(self.any(a + 1, "DE")) + usize::from(self.any(a + 2, "LAS"));
        opener && (when(a + 1) || when(t))
    }

    pub(super) fn said_first(&self, i: usize) -> bool {
        // ("Today don't call me please", "Hoy no me llamen", "Ahorita no me
        // llames": a limit said first.)
        // (Right before the request, and not "as of today", "starting
        // today": from then on.)
        let at = |m: usize| {
            self.any(m, "TODAY TONIGHT HOY")
                || self.unlisted(m, "AHORITA AUJOURD'HUI AUJOURDHUI")
                || (m > 0 && self.eq(m, "NOW") && self.eq(m - 1, "RIGHT"))
        };
        let moment = i > 0
            && self.brk(i) <= WEAK
            && at(i - 1)
            && !(i > 1
                && (self.any(i - 2, "OF FROM AFTER")
                    || self.written(i - 2, "DESDE")
                    || self.written(i - 2, "SINCE STARTING BEGINNING")));
        // ("After 8pm don't call me", "Los domingos no me llamen", "Après
        // 20h ne m'appelez pas", "Le soir, ne m'appelez pas": a limit that
        // opens the sentence.)
        let (a, _) = self.sentence(i);
        let opens = a < i
            && i - a <= 6
            && !at(a)
            && !self.any(a, "RIGHT NOW")
            && !(a..i).any(|m| self.is(m, I1) || self.any(m, "QUE THAT"))
            && (self.time_after(a)
                || self.written(a, "HORITA")
                // ("Los domingos", "Le soir", "Esta semana".)
                || (a + 1 < i
                    && (self.any(a, "LE LES LOS EL LA AL AU") || self.written(a, "CETTE ESTA"))
                    && self.limited(a)))
            && !(a..i).any(|m| self.is(m, CVERB))
            && !self.widened(a)
            && !(i..self.t.len()).any(|m| {
                self.any(m, "NUNCA JAMAIS NEVER") || (self.eq(m, "NON") && self.eq(m + 1, "PLUS"))
            });
        moment || opens
    }
}
