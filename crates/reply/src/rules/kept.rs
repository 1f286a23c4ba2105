//! Channels the customer asks to keep: "text me instead", "just text",
//! "email is fine", "don't call, text me", "you can text me". They are not
//! revoked by what a request implies.

use super::super::text::{STRONG as FULL_STOP, WEAK};
use super::super::words::*;
use super::{Obj, Reader};

impl Reader<'_> {
    /// Channels the customer asks to keep: "text me instead", "just text",
    /// "email is fine", "don't call, text me" (they are not revoked by what a request implies).
    pub(super) fn kept(&self) -> u8 {
        let mut kept = 0;
        for k in 0..self.t.len() {
            // ("Do not contact me except by email".)
            kept |= self.except(k).unwrap_or(0);
            // (A word for messages that names no channel, asked for, keeps the
            // medium: "no llamen, solo mensajes".)
            // ("no me llamen, escríbanme": a verb of no channel with "me" on it.)
            // ("vous pouvez m'écrire": the pronoun before the verb.)
            let me_before = k > 0 && self.is(k - 1, ME) && self.on(k) && self.is(k, CVERB);
            // (Not a verb whose object names the channel: "puedes mandarme
            // correos", "vous pouvez m'écrire par courriel" keep email.)
            let named = self.is(k, CVERB)
                && self.on(k + 1)
                && (self.via(k + 1).is_some_and(|c| c & ALL_CH != 0)
                    || matches!(self.object(k + 1), Obj::Media { ch, .. } if ch & ALL_CH != 0));
            // (The means named after the word: "mensajes de texto",
            // "messages texte" keep texts.)
            let ch = self.ch(k) | self.means(k).1;
            let generic = ((self.is(k, MEDIA) && !self.is(k, THING))
                || (self.is(k, ME) && self.is(k, CVERB))
                || me_before)
                && ch & ALL_CH == 0
                && !named
                // (Nor the word after a means named: "email messages are
                // fine" keeps email, by either medium.)
                && !(k > 0 && self.on(k) && self.ch(k - 1) & ALL_CH != 0);
            if !self.means_at(k) || !(ch != 0 || generic) {
                continue;
            }
            // (Or one of two joined: "you can email or text", "email or
            // text is fine".)
            let joined = |j: usize| self.means_at(j) && self.ch(j) & ALL_CH != 0 && self.keeps(j);
            if self.keeps(k)
                || (self.any(k + 1, "OR AND") && joined(k + 2))
                || (k > 1 && self.any(k - 1, "OR AND") && self.on(k - 1) && joined(k - 2))
            {
                kept |= if generic { CAME_BY } else { ch };
            }
        }
        kept
    }

    /// Channels asked to keep in so many words from word `from` on: "email
    /// only", "just email", "text me instead", "solo por correo", "except by
    /// email" (not a means listed: "do not contact me by phone, text or
    /// email", "remove me from your lists: email, phone").
    pub(super) fn kept_only(&self, from: usize) -> u8 {
        let mut kept = 0;
        for k in from..self.t.len() {
            kept |= self.except(k).unwrap_or(0);
            let end = self.means(k).0.max(k + 1 + usize::from(self.is(k + 1, ME)));
            if self.means_at(k)
                && ((self.on(end) && self.any(end, "INSTEAD ONLY"))
                    || self.back(k, 2).any(|b| self.any(b, "ONLY JUST")))
            {
                kept |= self.ch(k) & ALL_CH;
            }
        }
        kept
    }

    /// Word `k` names a means (not all of them).
    fn means_at(&self, k: usize) -> bool {
        self.is(k, CVERB | MEDIA | GER) && self.ch(k) != ALL_CH
    }

    /// The means at word `k` is asked for, or said to do.
    fn keeps(&self, k: usize) -> bool {
        let after = if self.is(k + 1, ME) { k + 2 } else { k + 1 };
        // (Past an article: "juste des textos".)
        let det = k > 1 && self.is(k - 1, DET) && self.on(k - 1);
        let before = k
            .checked_sub(if det { 2 } else { 1 })
            .filter(|_| self.on(k));
        // ("texts ok", "I prefer text", "texting is the only way", "email
        // works".)
        // ("text me rather than call", "only contact me by email".)
        let end = self.means(k).0.max(after);
        // ("un SMS plutôt que d'appeler", "un texto en lugar de llamar".)
        // ("Text me the code instead of calling".)
        let instead = (end..end + 4)
            .take_while(|&m| self.on(m))
            .find(|&m| self.any(m, "INSTEAD") || self.is(m, MEDIA | CVERB))
            .is_some_and(|m| self.any(m, "INSTEAD"));
        // ("no me llamen, textos por favor", "don't call, send text
        // messages": the means alone after the refusal, asked for or sent.)
        let send = k > 0 && self.is(k - 1, CVERB) && self.ch(k - 1) == 0 && self.on(k);
        let b = k - usize::from(send);
        let alone = b > 0
            && self.brk(b) == WEAK
            && (send || end < self.t.len())
            && (end..self.t.len()).all(|m| self.on(m) && self.is(m, FILLER));
        (self.on(end) && (self.any(end, "INSTEAD ONLY PLUTOT") || self.instead_of(end).is_some()))
            || alone
            || (self.is(k, CVERB) && instead)
            || before.is_some_and(|b| {
                self.any(b, "JUST ONLY PREFER PLEASE")
                    // ("I only want emails", "I only accept texts".)
                    || (b > 0 && self.any(b, "WANT ACCEPT") && self.eq(b - 1, "ONLY"))
                    // ("I'm fine with texts", not "I'm no longer ok with texts"
                    // nor "... texts NOT".)
                    || (b > 1
                        && self.eq(b, "WITH")
                        && self.any(b - 1, "FINE OK OKAY")
                        && self.any(b - 2, "I'M WE'RE AM")
                        && !self.eq(k + 1, "NOT"))
            })
            // ("Instead of calling, text"; "Stop calling me. Text me at
            // 5pm": asked for, at a time.)
            || (self.is(k, CVERB)
                && !self.on(k)
                && k > 0
                && (self.bare(after) || (after > k + 1 && self.later(after))))
            // ("only by text", "seulement par texto".)
            || self.back(k, 5).any(|b| {
                self.eq(b, "ONLY") && (self.is(b + 1, CVERB) || self.any(b + 1, "BY VIA POR PAR"))
            })
            || self.fine(k)
            // ("My cell is fine for texts", "écrivez-moi par texto",
            // "mejor mándenme un mensaje", "textez-moi à la place".)
            || (k > 1 && self.eq(k - 1, "FOR") && self.any(k - 2, "FINE OK OKAY GOOD"))
            // ("Feel free to text", "Happy to get texts, but please don't call".)
            || {
                let b = k.saturating_sub(1 + usize::from(k > 1 && self.any(k - 1, "GET RECEIVE")));
                b > 0
                    && self.eq(b, "TO")
                    && (self.unlisted(b - 1, "FREE GLAD") || self.any(b - 1, "WELCOME HAPPY"))
                    && (b..=k).all(|m| self.on(m))
            }
            // ("ok to text, not to call"; not "it's not ok to text me".)
            || (k > 1
                && self.is(k, CVERB)
                && self.eq(k - 1, "TO")
                && self.any(k - 2, "FINE OK OKAY")
                && !self.back(k - 2, 2).any(|b| self.any(b, "NOT NO")))
            || (k > 2
                && self.any(k - 1, "PAR POR BY VIA")
                && self.is(k - 2, ME)
                && self.is(k - 3, CVERB)
                && (k == 3 || self.brk(k - 3) != 0))
            || self.back(k, 4).any(|b| self.eq(b, "MEJOR"))
            || (self.eq(end, "A") && self.eq(end + 1, "LA") && self.eq(end + 2, "PLACE"))
            || self.asked_for(k)
            || self.left_open(k)
            // ("pueden mandar mensajes": the means after the verb left open;
            // "vous pouvez m'envoyer des courriels".)
            || (k > 0 && self.is(k, MEDIA) && self.on(k) && self.left_open(k - 1))
            || (k > 1
                && self.is(k, MEDIA)
                && self.is(k - 1, DET)
                && self.on(k)
                && self.on(k - 1)
                && self.left_open(k - 2))
            // ("Escríbanme por WhatsApp pero no me llamen": asked for by.)
            || (k > 1
                && self.any(k - 1, "PAR POR BY VIA")
                && self.is(k - 2, CVERB)
                && self.is(k - 2, ME)
                && (k == 2 || self.brk(k - 2) != 0))
            // ("vous pouvez m'écrire par courriel": the means of a verb kept.)
            || (k > 1
                && self.any(k - 1, "PAR POR BY VIA")
                && self.on(k)
                && self.on(k - 1)
                && self.is(k - 2, CVERB)
                && self.keeps(k - 2))
            || self.kept_on(k)
            // ("no me llamen, mándenme (un) mensaje".)
            || (k > 1
                && self.is(k - 1, DET)
                && self.is(k - 2, CVERB)
                && self.is(k - 2, ME)
                && self.brk(k - 2) != 0)
            || (k > 0
                && self.is(k, MEDIA)
                && self.is(k - 1, CVERB)
                && self.is(k - 1, ME)
                && self.on(k)
                && self.brk(k - 1) != 0)
            // ("Send me a text, don't call me", "shoot me an email",
            // "envoyez-moi des textos", "send me text messages": a verb of
            // sending.)
            || (k > 1 && {
                let v = k - 2 - usize::from(k > 2 && self.is(k - 1, DET));
                self.is(v + 1, ME)
                    && ((self.is(v, CVERB) && self.ch(v) == 0)
                        || self.any(v, "DROP")
                        || self.unlisted(v, "SHOOT"))
                    && (v == 0 || self.brk(v) != 0)
                    && (v + 1..=k).all(|m| self.on(m))
            })
            // ("prefiero mensajes", "je préfère les textos".)
            || self
                .back(k, 2)
                .any(|b| self.any(b, "PREFIERO") || self.unlisted(b, "PREFERE PREFERONS"))
            || self.first_ask(k)
    }

    /// "Text me, don't call me", "Please text, don't call": a request
    /// of its own at word `k`, ahead of the rest.
    fn first_ask(&self, k: usize) -> bool {
        let start = |x: usize| x == 0 || self.brk(x) == FULL_STOP;
        // ("text me dont call me", "Text or email but no calls": the refusal
        // next, no comma between.)
        let mut e = k + 1 + usize::from(self.is(k + 1, ME));
        if self.eq(e, "OR") && self.is(e + 1, CVERB) {
            e += 2;
        }
        (start(k) || (k > 0 && start(k - 1) && self.eq(k - 1, "PLEASE") && self.on(k)))
            && self.is(k, CVERB)
            && ((self.is(k + 1, ME) && self.on(k + 1) && {
                // ("Text me please. Please do not call me.")
                let p = k + 2 + usize::from(self.on(k + 2) && self.any(k + 2, "PLEASE NOW"));
                // ("Text me when the tech is on the way, don't call": past
                // the clause of when.)
                let p = if self.on(p) && self.any(p, "WHEN IF ONCE") {
                    (p..self.t.len()).find(|&m| !self.on(m)).unwrap_or(p)
                } else {
                    p
                };
                !self.on(p) && p < self.t.len()
            }) || (!self.on(k + 1) && (self.is(k + 1, NEG) || self.eq(k + 1, "NO")))
                || ((e..=e + 1).all(|m| self.on(m))
                    && (self.is(e, NEG) || (self.eq(e, "BUT") && self.any(e + 1, "NO NOT")))))
    }

    /// Word `k` is left open to the sender: "you can text me", "you may
    /// still email me" ("you can text me but stop calling" revokes calls).
    fn left_open(&self, k: usize) -> bool {
        let mut back = self
            .back(k, 4)
            .skip_while(|&b| self.any(b, "STILL JUST ALSO ALWAYS") || self.is(b, ME));
        let can = back.next();
        // ("puedes mandarme texto", "vous pouvez me texter": the person in
        // the verb.)
        let es_fr = can.is_some_and(|b| self.unlisted(b, "PUEDES PUEDEN PUEDE POUVEZ PEUX"));
        self.is(k, CVERB)
            && (es_fr
                || (can.is_some_and(|b| self.any(b, "CAN MAY"))
                    && back.next().is_some_and(|b| self.eq(b, "YOU"))))
    }

    /// The means at word `k` is to go on: "..., keep texting me", "but
    /// keep texting me", "Keep the texts coming", "Please continue
    /// texting", "sigan mandando mensajes", "continuez les textos" (not
    /// "don't keep texting me", "you keep texting me"); or wanted: "I still
    /// want the texts", "I like the texts", "love the texts" (not "I'd like
    /// the texts to stop", "I don't want the texts").
    fn kept_on(&self, k: usize) -> bool {
        // (Past an article, or a verb of sending: "sigan mandando".)
        let between = k > 1
            && self.is(k, MEDIA)
            && self.on(k - 1)
            && (self.is(k - 1, DET) || (self.is(k - 1, GER) && self.ch(k - 1) == 0));
        let Some(v) = k.checked_sub(1 + usize::from(between)) else {
            return false;
        };
        let lead = v == 0 || self.brk(v) != 0 || self.any(v - 1, "BUT PLEASE JUST");
        let go_on = self.any(v, "KEEP CONTINUE SIGAN CONTINUEZ") && (between || self.is(k, GER));
        let wanted = self.any(v, "WANT LIKE LOVE")
            && self.is(k, MEDIA)
            && self
                .back(v, 3)
                .all(|b| self.is(b, I1) || self.any(b, "STILL REALLY JUST"))
            && self.bare(self.means(k).0.max(k + 1))
            && !self.question(k);
        self.on(k) && ((go_on && lead) || wanted)
    }
}
