//! French and Québec forms read from their own first word: "je veux plus
//! recevoir vos textos", "lâchez-moi patience", "appelez-moi plus", "plus de
//! messages", "ni appels ni textos"; and the Spanish twins of a few
//! ("nunca me suscribí", "continúan llamándome").

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// "je veux plus recevoir vos textos", "j'veux pu recevoir", "j'en
    /// veux pas de vos textos" (spoken French, without "ne").
    pub(super) fn veux_plus(&self, i: usize) -> Option<Hit> {
        // "Je (ne) veux plus avoir de vos nouvelles": no word from us at all.
        if self.any(i + 1, "PLUS PAS")
            && self.eq(i + 2, "AVOIR")
            && self.any(i + 3, "DE D")
            && self.any(i + 4, "VOS VOTRE")
            && self.eq(i + 5, "NOUVELLES")
        {
            return hit(i, i + 6, ALL_CH);
        }
        let spoken = self.any(i + 1, "PLUS PAS") && !self.back(i, 3).any(|m| self.any(m, "NE N"));
        if !spoken {
            return None;
        }
        if let Some(v) = self.que_me(i + 1) {
            return self.contact(i, v, true);
        }
        // ("Je veux plus être dans votre liste".)
        if self.written(i + 2, "ETRE") && self.written(i + 3, "DANS SUR") {
            return self.our_list(i, i + 4..i + 6);
        }
        let mut k = i + 2;
        // ("je veux plus en recevoir": "en" for the messages.)
        if self.eq(k, "EN") && self.eq(k + 1, "RECEVOIR") {
            return hit(i, k + 2, 0);
        }
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

    /// After "veux (plus | pas)" from word `k`, the verb of contact of
    /// "que vous m'appeliez", "que tu m'écrives", "que vous me contactiez"
    /// or "me faire appeler": the contact not wished (with a means named
    /// after it, "que vous m'envoyiez de courriels", the means say which).
    pub(super) fn que_me(&self, k: usize) -> Option<usize> {
        let k = k + usize::from(self.any(k, "PLUS PAS"));
        let (me, v) = if self.eq(k, "QUE") && self.written(k + 1, "VOUS TU") {
            // ("Je ne veux plus que vous communiquiez avec moi": the customer
            // after the verb.)
            let avec = self.eq(k + 3, "AVEC") && self.ch(k + 2) == ALL_CH;
            (k + 2 + 2 * usize::from(avec), k + 3 - usize::from(avec))
        } else {
            (k, k + 2)
        };
        let faire = me == k && self.written(k + 1, "FAIRE");
        (self.is(me, ME)
            && (me > k || faire)
            && self.is(v, CVERB)
            && (k..=v).all(|m| self.on(m))
            && self.media_after(v) & ALL_CH == 0)
            .then_some(v)
    }

    /// Québec "lâchez-moi / sacrez-moi / crissez-moi patience (avec vos
    /// appels)": leave me alone; "lâchez-moi".
    pub(super) fn lachez_moi(&self, i: usize) -> Option<Hit> {
        // ("Crissez-moi la paix", "Câlissez-moi la paix": as "Fichez-moi la
        // paix".)
        if self.is(i + 1, ME) && self.eq(i + 2, "LA") && self.eq(i + 3, "PAIX") {
            return self.alone(i);
        }
        // (Said to one person too, with the means: "Lâche-moi avec tes
        // textos", "Sacre-moi patience avec tes appels"; not "Lâche-moi avec
        // tes questions".)
        if self.is(i + 1, ME) && (self.eq(i + 2, "PATIENCE") || self.eq(i + 2, "AVEC")) {
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
            if self.eq(i, "LACHE") {
                return None;
            }
            return hit(i, w, ALL_CH);
        }
        // "lâchez-moi".
        // ("lâchez-moi la grappe".)
        let grappe = self.eq(i + 2, "LA") && self.written(i + 3, "GRAPPE") && self.bare(i + 4);
        if self.any(i, "LACHEZ LACHE") && self.is(i + 1, ME) && (self.bare(i + 2) || grappe) {
            return hit(i, i + 2, ALL_CH);
        }
        None
    }

    /// "Je me suis jamais inscrit à ça", "Nunca me suscribí".
    pub(super) fn never_signed_up(&self, i: usize) -> Option<Hit> {
        if self.any(i + 1, "INSCRIT INSCRITE SUSCRIBI")
            || (self.is(i + 1, ME) && self.any(i + 2, "SUSCRIBI"))
        {
            return hit(i, i + 2, 0);
        }
        // "Je n'ai jamais demandé à recevoir ces messages"; "jamais donné
        // mon accord pour être contacté", "jamais accepté d'être contacté".
        let means = (i + 2..i + 7)
            .take_while(|&m| self.on(m))
            .any(|m| self.is(m, MEDIA | CVERB) && !self.is(m, THING));
        let consent = (i + 2..i + 5).any(|m| self.written(m, "ACCORD CONSENT PERMISSION"));
        if (self.eq(i + 1, "DEMANDE") && means)
            || (self.written(i + 1, "DONNE") && consent)
            || (self.written(i + 1, "ACCEPTE") && means)
        {
            return hit(i, i + 2, self.media_after(i + 1));
        }
        None
    }

    /// "Pourquoi vous continuez à m'appeler?", "continúan llamándome".
    pub(super) fn continuez(&self, i: usize) -> Option<Hit> {
        // Said of them ("vous continuez à m'appeler", "pourquoi
        // continuez-vous à m'écrire ?"), not asked ("Continuez à m'appeler
        // svp": keep calling me).
        let them = self.eq(i + 1, "VOUS")
            || self
                .back(i, 3)
                .any(|m| self.eq(m, "VOUS") || self.unlisted(m, "ILS POURQUOI"));
        let mut k = i + 1;
        while self.any(k, "A DE VOUS") || (self.is(k, ME) && !self.is(k, CVERB)) {
            k += 1;
        }
        if !(them && self.on(k) && self.is(k, CVERB)) {
            return None;
        }
        // ("... à m'envoyer des messages", "à m'écrire": the medium.)
        match self.object(k + 1) {
            _ if self.ch(k) != 0 => hit(i, k + 1, self.ch(k)),
            Obj::Media { end, ch } => hit(i, end, ch),
            _ if self.bare(k + 1) => hit(i, k + 1, 0),
            _ => None,
        }
    }

    /// "Ni appels ni textos svp".
    pub(super) fn ni(&self, i: usize) -> Option<Hit> {
        // ("Ni me llamen", "Ni me llames ni me escribas".)
        // (Not told: "Ni me llamaron ni me escribieron".)
        let past = self
            .t
            .get(i + 2)
            .is_some_and(|t| self.toks.surface(t).ends_with("RON"));
        if (i == 0 || self.brk(i) != 0) && self.is(i + 1, ME) && self.is(i + 2, CVERB) && !past {
            return self.contact(i, i + 2, true);
        }
        // ("ni se te ocurra volver a llamarme", "ni se les ocurra llamarme":
        // a warning, as "don't you dare".)
        if self.written(i + 1, "SE") && self.written(i + 3, "OCURRA") {
            let v = self.vuelvan(i + 4).unwrap_or(i + 4);
            if self.is(v, CVERB) && self.is(v, ME) {
                return self.contact(i, v, true);
            }
        }
        if i == 0 {
            return self.means_hit(i, i + 1).filter(|h| !self.limited(h.b));
        }
        None
    }

    /// "Pourquoi vous m'appelez encore?": why the contact goes on, asked,
    /// as "why are you still calling me".
    pub(super) fn encore(&self, i: usize) -> Option<Hit> {
        // (Of us, not negated: not "Pourquoi vous ne m'appelez pas encore?",
        // "Pourquoi ma femme m'appelle encore?".)
        let why = self
            .back_in_sentence(i)
            .any(|m| self.written(m, "POURQUOI"))
            && self.back_in_sentence(i).any(|m| self.written(m, "VOUS"))
            && !self.back_in_sentence(i).any(|m| self.any(m, "PAS NE N"));
        let v = self
            .back_in_sentence(i)
            .find(|&m| self.is(m, CVERB) && self.ch(m) & ALL_CH != 0)?;
        (why && self.bare(i + 1))
            .then_some(())
            .and_then(|()| hit(v, i + 1, self.ch(v) & ALL_CH))
    }

    /// Québec French without "ne": "appelez-moi plus", "m'appelez
    /// pus", "écrivez-moi plus", "merci de pu m'appeler"; else "plus de messages", "plus d'appels",
    /// "pas d'appels svp".
    pub(super) fn plus(&self, i: usize) -> Option<Hit> {
        // (The request from its "ne": "Après 20h ne m'appelez pas".)
        let start = self
            .back(i, 4)
            .filter(|&m| self.any(m, "NE N"))
            .last()
            .unwrap_or(i);
        if self.said_first(start) {
            return None;
        }
        if let Some(h) = self.not_after_fine(i) {
            return Some(h);
        }
        // ("n'osez pas me rappeler": a warning, as "don't you dare".)
        if i > 0 && self.written(i - 1, "OSEZ") && self.is(i + 1, ME) && self.is(i + 2, CVERB) {
            return self.contact(start, i + 2, true);
        }
        // ("Je ne veux plus rien savoir de vous", "plus entendre parler de
        // vous": no contact at all.)
        let of_you = |m: usize| (m..m + 3).any(|n| self.written(n, "VOUS"));
        if self.eq(i, "PLUS")
            && !self.question(i)
            && ((self.written(i + 1, "RIEN")
                && self.written(i + 2, "SAVOIR")
                && (of_you(i + 3) || self.bare(i + 3)))
                || (self.written(i + 1, "ENTENDRE")
                    && self.written(i + 2, "PARLER")
                    && of_you(i + 3)))
        {
            return hit(i, i + 3, ALL_CH);
        }
        // ("Je veux plus rien recevoir (de vous)": nothing received, as
        // anything.)
        if self.eq(i, "PLUS")
            && !self.question(i)
            && self.written(i + 1, "RIEN")
            && self.eq(i + 2, "RECEVOIR")
            && (of_you(i + 3) || self.bare(i + 3))
        {
            return hit(i, i + 3, 0);
        }
        // ("Pourquoi vous m'appelez plus?", "Vous ne m'appelez plus?": more
        // contact wished.)
        if self
            .back_in_sentence(i)
            .any(|m| self.unlisted(m, "POURQUOI"))
            // (Not a question tag: "Vous ne m'appelez plus, c'est clair ?".)
            || (self.asked_here(i)
                && self
                    .back(i, 4)
                    .any(|m| self.written(m, "VOUS TU") && self.any(m + 1, "NE N")))
        {
            return None;
        }
        // ("Envoyez-moi pu de textos": Québec's "pu", never "more", before
        // "de" and the means; not "Envoyez-moi plus de photos".)
        if i > 1
            && self.written(i, "PU PUS")
            && self.is(i - 1, ME)
            && self.is(i - 2, CVERB)
            && self.on(i)
            && self.eq(i + 1, "DE")
        {
            if let Obj::Media { end, ch } = self.object(i + 2) {
                return hit(i - 2, end, ch);
            }
        }
        // ("appelez-moi plus jamais"; "appelez-moi pas", Québec's "don't";
        // "appelez-moi pu sur mon cell": the line's means.)
        // ("envoyez-moi plus rien": nothing sent.)
        let rien = self.eq(i, "PLUS") && self.written(i + 1, "RIEN") && !self.question(i);
        let ever = i + 1 + usize::from(self.eq(i + 1, "JAMAIS") || rien);
        let line = self.line_at(ever).filter(|&e| self.bare(e));
        let bare = self.bare(i + 1) || line.is_some();
        if (self.eq(i, "PLUS") || (self.eq(i, "PAS") && bare))
            && i > 0
            && (bare || (ever > i + 1 && self.bare(ever)))
        {
            let verb = if self.is(i - 1, ME) && i > 1 {
                i - 2
            } else {
                i - 1
            };
            return if !(self.is(verb, CVERB) && self.on(i)) {
                None
            } else if let Some(e) = line {
                hit(verb, e, self.line_means(self.ch(verb), ever, e))
            } else {
                hit(verb, i + 1, self.ch(verb))
            };
        }
        // "merci de pu m'appeler": "de ne plus" spoken, without "ne", before
        // an infinitive (not "de plus, envoyez-moi les photos").
        let v = i + 1 + usize::from(self.is(i + 1, ME));
        let inf = self.w(v).ends_with('R') || self.w(v).ends_with("RE");
        if i > 0 && self.eq(i - 1, "DE") && self.on(i) && self.on(v) && self.is(v, CVERB) && inf {
            return hit(i - 1, v + 1, self.ch(v));
        }
        // "plus de messages", "plus d'appels".
        // ("pas d'appels svp", "pas de textos", at the start of a clause.)
        // ("plus jamais d'appels"; not "envoyez-moi plus de messages", "recevoir
        // plus de messages": more.)
        let more =
            i > 0 && self.on(i) && (self.is(i - 1, CVERB | ME) || self.written(i - 1, "RECEVOIR"));
        let i = if self.eq(i, "PLUS") && self.eq(i + 1, "JAMAIS") {
            i + 1
        } else {
            i
        };
        // ("Ne (me) laissez pas de message (vocal)": a voicemail refused,
        // calls.)
        let left =
            start < i && (start..i).all(|m| self.any(m, "NE N LAISSEZ LAISSE") || self.is(m, ME));
        // ("Aucune relance", "Plus aucun appel svp": none, as "plus de".)
        let none = self.eq(i, "AUCUN")
            && (i == 0 || !self.on(i) || (self.eq(i - 1, "PLUS") && (i == 1 || !self.on(i - 1))));
        if none
            || (self.any(i + 1, "DE D")
                && (((self.any(i, "PLUS JAMAIS") || i == 0 || !self.on(i)) && !more) || left))
        {
            // ("Pas d'appels avant midi svp": a limit.)
            // ("plus de messages sur ma boîte vocale": the means named.)
            // (Not one needed or had: "Pas de relance nécessaire, je passe
            // demain signer", "Pas de relance reçue ?", "Pas de relance de
            // votre part depuis lundi ?".)
            return self
                .means_hit(i, i + 2 - usize::from(none))
                .filter(|h| {
                    !(self.limited(h.b)
                        || self.written(h.b, "NECESSAIRE REQUISE RECUE RECU")
                        || (!self.eq(i, "PLUS") && self.question(i)))
                })
                .map(|h| Hit {
                    ch: self.narrowed(if left { self.left(h.ch) } else { h.ch }, h.b),
                    ..h
                });
        }
        None
    }

    /// "stp" is French for please, and a typo of STOP: alone, or before a
    /// verb of contact ("stp texting me"), the typo.
    pub(super) fn stp(&self, i: usize) -> Option<Hit> {
        if self.t.len() == 1 {
            return hit(i, i + 1, 0);
        }
        if self.is(i + 1, GER) {
            return self.gerund(i, i + 1);
        }
        None
    }
}
