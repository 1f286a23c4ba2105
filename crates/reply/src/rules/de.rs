//! A stop verb and "de" with the verb of contact after it: "dejen de
//! enviarme mensajes", "arrêtez de m'appeler", "Dejen ya de llamarme".

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// The "de" after the verb at word `i`, past words of manner between
    /// ("Dejen ya de llamarme", "Dejen por favor de", "Arrêtez donc de",
    /// "Arrêtez svp de", "Arrêtez tout de suite de").
    pub(super) fn de_at(&self, i: usize) -> Option<usize> {
        let mut d = i + 1;
        while d < i + 6
            && self.on(d)
            && !self.any(d, "DE D")
            && (self.is(d, FILLER) || self.written(d, "DONC NOMAS TOUT SUITE"))
        {
            d += 1;
        }
        // ("tout de suite de": the "de" of the phrase is not the verb's.)
        if self.written(d + 1, "SUITE") {
            return self.any(d + 2, "DE D").then_some(d + 2);
        }
        (self.any(d, "DE D") && self.on(d)).then_some(d)
    }

    /// "dejen de enviarme mensajes", "arrêtez de m'envoyer des SMS".
    pub(super) fn de_verb(&self, i: usize) -> Option<Hit> {
        // ("Pourquoi vous avez arrêté de m'appeler ?": they stopped; "J'ai
        // arrêté d'appeler l'autre concessionnaire", "On a arrêté": the
        // customer did; but "vous avez jamais arrêté de m'appeler"
        // complains.)
        let stopped = i > 0
            && (self.written(i - 1, "AVEZ AS ONT AVAIT AVIEZ AVAIENT HAN HABIAN")
                || self.any(i - 1, "AI A")
                || self.written(i - 1, "AVONS"))
            && !self.back(i, 3).any(|m| self.any(m, "PAS JAMAIS NE N NO"));
        if self.negated(i) || stopped {
            return None;
        }
        // ("Mi vecino no para de llamarme": someone of the customer's, not us.)
        if self.back(i, 4).any(|m| self.any(m, "MI MIS MON MA MES"))
            && self.back(i, 2).any(|m| self.any(m, "NO N"))
        {
            return None;
        }
        let mut k = self.de_at(i)? + 1;
        if self.is(k, ME) && !self.is(k, CVERB | GER) && self.on(k) {
            k += 1;
        }
        // ("Dejen de mandarme la misma cotización", "Arrêtez de m'envoyer le
        // même devis": one thing again, not the messages.)
        if self.on(k + 1) && self.is(k + 1, DET) && self.written(k + 2, "MISMA MISMO MEME") {
            return None;
        }
        // ("dejen de estar llamando", "dejen de estarme llamando": the
        // gerund after "estar".)
        if self.written(k, "ESTAR ESTARME") && self.is(k + 1, GER) {
            k += 1;
        }
        // ("Quiero dejar de recibir sus mensajes", "arrêter de recevoir vos
        // textos": the means received; "dejen de hacerme llamadas": the
        // means done, named.)
        let done = self.unlisted(k, "HACERME HACER");
        if done || self.any(k, "RECIBIR RECEVOIR") {
            return match self.object(k + 1) {
                Obj::Media { end, ch } if self.on(k + 1) && (ch != 0 || !done) => hit(i, end, ch),
                _ => None,
            };
        }
        // ("dejen de calling me": the English gerund.)
        if !self.is(k, CVERB | GER) {
            return None;
        }
        let line = self.line_at(k + 1);
        // ("Arrêtez de m'écrire à mon courriel le même devis".)
        if line.is_some_and(|e| self.is(e, DET) && self.written(e + 1, "MISMA MISMO MEME")) {
            return None;
        }
        // ("Dejé de llamar al otro concesionario": another sender called by
        // the customer, "dejé" folded as "deje"; not "a mi otro número", the
        // customer's own line.)
        if !self.is(k, ME)
            && (k + 1..k + 4).any(|m| {
                self.on(m) && self.any(m, "OTRA AUTRE OTHER") && !self.any(m - 1, "MI MY MON")
            })
        {
            return None;
        }
        // ("Dejen de llamar a mi jefe", "Arrêtez d'appeler mon patron":
        // someone outside the household, as "No llamen a mi jefe"; not "a
        // mi esposo", nor a line: "a mi celular".)
        let p = k + 1 + usize::from(self.any(k + 1, "A AL"));
        if !self.is(k, ME)
            && line.is_none()
            && self.on(p)
            && self.any(p, "MI MON MA")
            && self.kin(p) == 0
            && self.object(p) == Obj::Unknown
        {
            return None;
        }
        let object = self.object(k + 1);
        let ch = match (line, object) {
            // ("dejen de llamar a este número", "dejen de contactar este
            // número", "arrêtez de m'écrire à mon courriel": the line's
            // means, written to or reached.)
            (Some(end), _) => self.line_means(self.ch(k), k + 1, end),
            // ("Dejen de llamarme del gym": the sender by its trade.)
            _ if self.any(k + 1, "DE DEL") && self.on(k + 1) => self.ch(k),
            // ("arrêtez de laisser des messages sur ma messagerie": the
            // means named after them.)
            // ("arrêtez de me laisser des messages": a voicemail.)
            (_, Obj::Media { ch, end }) if self.on(k + 1) => {
                let ch = if self.any(k, "LAISSER DEJAR DEJARME") {
                    self.left(ch)
                } else {
                    ch
                };
                self.narrowed(ch, end) | self.ch(k)
            }
            // ("dejen de mandarme facturas en papel": a thing, unless a
            // verb of contact follows it, below.)
            (_, Obj::Thing) if self.on(k + 1) => 0,
            // ("arrêtez de me laisser tranquille": leaving needs the messages.)
            _ if self.is(k, NEED_OBJ) => return None,
            // ("arrêtez de me harceler au téléphone".)
            _ => self.narrowed(self.ch(k), k + 1),
        };
        // ("dejen de llamarme y mandarme correos", "arrêtez de m'appeler et
        // de m'envoyer des mails": a second verb and its means.)
        let thing =
            line.is_none() && object == Obj::Thing && self.on(k + 1) && !self.any(k + 1, "DE DEL");
        let e = match (line, object) {
            (Some(end), _) => end,
            (_, Obj::Media { end, .. }) if self.on(k + 1) => end,
            // ("Dejen de enviarme folletos y de llamarme", "Arrêtez de
            // m'envoyer des circulaires et de m'appeler": past the thing.)
            _ if thing => (k + 2..k + 6)
                .find(|&m| !self.on(m) || self.is(m, CONJ))
                .unwrap_or(k + 1),
            _ => k + 1,
        };
        // (Past the means named: "... en mi buzón", not a time.)
        let e = self.via_list(e).map_or(e, |(_, end)| end);
        let mut v = e + 1 + usize::from(self.any(e + 1, "DE D"));
        v += usize::from(self.is(v, ME) && !self.is(v, CVERB));
        let second = self.on(e)
            && self.is(e, CONJ)
            && self.on(v)
            && self.is(v, CVERB)
            && self.object(v + 1) != Obj::Thing;
        let more = if second {
            match self.object(v + 1) {
                Obj::Media { ch: c, .. } => self.ch(v) | c,
                _ => self.ch(v),
            }
        } else {
            0
        };
        // ("Dejen de llamarme al trabajo", "Arrêtez de m'appeler le soir": a
        // limit; "Arrêtez d'appeler le fixe, utilisez mon cellulaire": an
        // update.)
        if self.limited(e) || self.switched_line(k + 1) || (thing && !second) {
            return None;
        }
        hit(i, k + 1, ch | (more & ALL_CH))
    }
}
