//! The object after a verb: a means of contact ("these texts", "your emails
//! and calls"), a pronoun ("it"), "all", something else ("this bill"), words
//! the lists do not know, or nothing.

use super::super::text::WEAK;
use super::super::words::*;
use super::{Obj, Reader};

/// What `object` has read so far.
#[derive(Default)]
struct Scan {
    /// Channels named, and the word after the last means.
    ch: u8,
    end: usize,
    /// A means of contact was read: the object is a list of means.
    media: bool,
    /// A specific determiner ("the", "my"): "the call" is one call.
    spec: bool,
    /// A word the lists do not know.
    unknown: bool,
    /// A time looked past, and what the object was before it.
    timed: Option<Obj>,
    /// Items of a list of means ("messages and emails"): whether the one
    /// being read named a channel, and whether one named none.
    item: bool,
    named_one: bool,
    generic: bool,
    /// A means was read, not only post ("letters and postcards").
    means: bool,
}

/// What to do after a word of the object.
enum Step {
    Next,
    Stop,
    Done(Obj),
}

impl Scan {
    /// An item of a list of means ends.
    fn end_item(&mut self) {
        self.means |= self.item;
        self.generic |= self.item && !self.named_one;
        (self.item, self.named_one) = (false, false);
    }

    /// The object read.
    fn finish(mut self) -> Obj {
        if let Some(before) = self.timed {
            if self.media {
                before
            } else {
                Obj::Thing
            }
        } else if self.media && !(self.means || self.item) {
            Obj::Thing
        } else if self.media {
            self.generic |= self.item && !self.named_one;
            if self.generic && self.ch != 0 {
                self.ch |= CAME_BY;
            }
            Obj::Media {
                end: self.end,
                ch: self.ch,
            }
        } else if self.unknown {
            Obj::Unknown
        } else {
            Obj::Empty
        }
    }
}

impl Reader<'_> {
    /// The object starting at word `j`.
    pub(super) fn object(&self, j: usize) -> Obj {
        let mut s = Scan {
            end: j,
            ..Scan::default()
        };
        let mut k = j;
        for _ in 0..8 {
            if k >= self.t.len() {
                break;
            }
            if s.media && (self.is(k, CONJ) || !self.on(k)) {
                s.end_item();
            }
            if k > j && !self.on(k) && !self.list_goes_on(k, s.media) {
                break;
            }
            let step = if s.media {
                self.more_means(&mut s, k)
            } else {
                self.object_word(&mut s, j, k)
            };
            match step {
                Step::Next => k += 1,
                Step::Stop => break,
                Step::Done(o) => return o,
            }
        }
        s.finish()
    }

    /// A list of means goes on across the break before word `k`.
    fn list_goes_on(&self, k: usize, media: bool) -> bool {
        // A list across a comma: "texts, calls or emails", "texts,
        // calls, or emails".
        // Not a new clause: "by email, text is fine".
        // ("the calls, the texts, the emails".)
        let list = media
            && self.brk(k) == WEAK
            && (self.is(k, MEDIA | GER | CONJ)
                || (self.is(k, DET) && self.is(k + 1, MEDIA))
                || (self.postal(k) && self.listed_on(k + 1)));
        // (The means past its article: "les textos, le courriel c'est correct";
        // to its last word: "text messages are fine".)
        let m = self.means(k + usize::from(self.is(k, DET))).0.max(k + 1) - 1;
        // (Nor the means kept: "stop calling, texting only".)
        let only = self.on(m + 1) && self.any(m + 1, "ONLY INSTEAD");
        list && !self.any(m + 1, "IS ARE") && !self.fine(m) && !self.asked_for(k) && !only
    }

    /// Word `k` of an object that has named a means: another means, or a
    /// word between them.
    fn more_means(&self, s: &mut Scan, k: usize) -> Step {
        // "your list and contact my assistant", "... and contact Jane": a
        // new request, of someone (not "all calls and contact of any kind").
        let someone = self.any(k + 1, "MY HIS HER OUR THEIR THE ADDRESS")
            || self.t.get(k + 1).is_some_and(|t| t.w.is_empty());
        if self.is(k, CVERB)
            && !self.is(k, GER)
            && self.ch(k) == ALL_CH
            && self.is(k - 1, CONJ)
            && self.on(k + 1)
            && someone
        {
            return Step::Stop;
        }
        if self.postal(k) {
            // ("texts, mail or email": post, no channel; "SMS et mail":
            // French and Spanish for email.)
            if self.any(k, "MAIL") && self.any(k - 1, "ET OU Y O NI") {
                s.ch |= EMAIL;
            }
            return Step::Next;
        }
        if self.is(k, MEDIA | GER) && !self.is(k, THING) {
            // "email communication": the means named first narrows a
            // word for every means after it.
            let named = self.ch(k);
            if !(named == ALL_CH && s.ch != 0 && self.on(k) && !self.is(k - 1, CONJ)) {
                s.ch |= named;
            }
            s.item = true;
            s.named_one |= named != 0;
            s.end = k + 1;
        } else if !(self.is(k, CONJ | DET | ADJ)
            // ("plus de messages ni d'appels".)
            || (self.any(k, "D DE") && self.is(k - 1, CONJ)))
        {
            return Step::Stop;
        }
        Step::Next
    }

    /// Word `k` of an object starting at word `j`, before any means.
    fn object_word(&self, s: &mut Scan, j: usize, k: usize) -> Step {
        let w = self.w(k);
        if w == "SUBSCRIPTION" {
            return Step::Done(self.subscription(k, s.unknown));
        }
        if self.is(k, ALLW) && self.bare(k + 1) {
            return Step::Done(Obj::All(k + 1));
        }
        // "all of it", "all of them", "all this", "it all".
        let of = usize::from(self.eq(k + 1, "OF"));
        if ((self.is(k, ALLW) && self.any(k + 1 + of, "IT THEM THIS"))
            || (of == 0 && self.any(k, "IT THEM") && self.is(k + 1, ALLW)))
            && self.bare(k + 2 + of)
        {
            return Step::Done(Obj::All(k + 2 + of));
        }
        if self.is(k, PRON) && (!self.is(k, DET) || self.bare(k + 1)) {
            return Step::Done(if self.eq(k + 1, "FROM") {
                Obj::Thing
            } else {
                Obj::Pron(k + 1)
            });
        }
        if w == "CONTACT" && self.any(k + 1, "LIST LISTS INFO DETAILS DATABASE") {
            // "contact list": the list, not all contact.
            return Step::Next;
        }
        // ("por correo postal": post, not email.)
        if self.any(k, "CORREO CORREOS") && self.written(k + 1, "POSTAL") {
            return Step::Done(Obj::Thing);
        }
        if self.is(k, MEDIA) && !self.is(k, THING) {
            // "the call", "my text": one message, not the messages; so is
            // "end call", the call on the line ("end calls" is all of them).
            let one = s.spec || (k == j && self.eq(k.wrapping_sub(1), "END") && self.ch(k) == CALL);
            // (A means after it names more; after "end (the) call", only
            // in its clause and not a verb: "end call, call me back", "Had
            // to end the call, call me back", "end call call me back".)
            let ended = self.eq(j.wrapping_sub(1), "END");
            let more = self.is(k + 1, MEDIA)
                && (s.spec && !ended || self.on(k + 1) && !self.is(k + 2, ME));
            if self.is(k, SING) && one && !more {
                return Step::Done(Obj::Thing);
            }
            s.media = true;
            s.ch |= self.ch(k);
            s.item = true;
            s.named_one = self.ch(k) != 0;
            s.end = k + 1;
        } else if self.postal(k) && self.listed_on(k + 1) {
            // ("letters and texts", "postcards, texts or calls": a piece of
            // post in a list of means names no channel of its own.)
            s.media = true;
            s.end = k + 1;
        } else if self.is(k, THING) {
            // ("job texts", "gym promos", "service reminders": a thing before
            // a means is what the means are about.)
            // ("the appointment reminder list": of the reminders.)
            // (But "the loyalty program", "the rewards program": a program
            // of the thing, not its messages.)
            let about = self.on(k + 1)
                && self.is(k + 1, MEDIA)
                && (!self.eq(k + 1, "PROGRAM") || self.is(k + 2, MEDIA))
                && (!self.is(k + 1, THING | SING) || self.any(k + 2, "LIST LISTS"))
                && !self.eq(k + 1, "SUBSCRIPTION");
            if !about {
                return Step::Done(Obj::Thing);
            }
        } else if s.spec
            && self.on(k + 1)
            && (self.is(k, FILLER) || self.written(k, "SAME"))
            && !self.is(k, DET | ADJ)
        {
            // ("the wrong address", "the same pics": which one was sent, a
            // thing; not "the same old texts", "the wrong number".)
            if !(k + 1..k + 3).any(|m| self.on(m) && self.is(m, MEDIA | FILLER)) {
                return Step::Done(Obj::Thing);
            }
        } else if self.is(k, DET | ADJ)
            // (French "l'", an article.)
            || self.eq(k, "L")
            // ("l'envoi de messages", "el envío de mensajes": the sending of
            // them.)
            || (self.written(k, "ENVOI ENVIO ENVOIS ENVIOS") && self.any(k + 1, "DE D DES"))
        {
            s.spec |= self.is(k, SPEC);
        } else if w.is_empty() || self.is(k, PLAIN) {
            s.unknown = true;
        } else if self.t.get(k).is_some_and(|t| t.f & !PLAIN == 0)
            && self.on(k + 1)
            && self.is(k + 1, THING | MEDIA)
        {
            // A word of no kind before a noun: the first word of a
            // compound ("gap insurance"), which the noun decides.
        } else if k > j && self.is(k, WHEN) {
            // "the night shift", "the night before": a time then a noun
            // is a thing; "the morning texts" is read as before a time
            // was looked past (a request limited in time).
            s.timed
                .get_or_insert(if s.unknown { Obj::Unknown } else { Obj::Empty });
        } else {
            return Step::Stop;
        }
        Step::Next
    }

    /// Word `k` is a piece of post ("letters", "mailers"): no channel.
    pub(super) fn postal(&self, k: usize) -> bool {
        self.any(
            k,
            "MAIL LETTERS LETTER MAILERS MAILER POSTCARDS POSTCARD FLYERS FLYER BROCHURES BROCHURE POSTAL",
        ) || self.any(k, "CATALOGS CATALOG CATALOGUES CATALOGUE PAMPHLETS PAMPHLET")
            || self.any(k, "FOLLETOS FOLLETO CIRCULAIRES CIRCULAIRE DEPLIANTS VOLANTES")
    }

    /// A list of means goes on at word `k` (after "and" or a comma).
    fn listed_on(&self, k: usize) -> bool {
        let m = k + usize::from(self.on(k) && self.is(k, CONJ));
        // ("the mailers and the calls".)
        let m = m + usize::from(m > k && self.is(m, DET) && self.on(m));
        (self.on(k) || self.brk(k) == WEAK)
            && (m > k || !self.on(k))
            && (self.is(m, MEDIA) && !self.is(m, THING) || self.postal(m))
    }

    /// "my subscription" is to these messages; "my subscription to the
    /// magazine", "mi suscripción a la revista", "my Netflix subscription",
    /// "my subscription box" are not.
    pub(super) fn subscription(&self, k: usize, modified: bool) -> Obj {
        if modified {
            return Obj::Thing;
        }
        if self.on(k + 1) && self.any(k + 1, "TO FOR OF WITH A AL DE DEL PARA AU DU") {
            return match self.object(k + 2) {
                m @ Obj::Media { .. } => m,
                _ => Obj::Thing,
            };
        }
        if self.on(k + 1) && (self.w(k + 1).is_empty() || self.is(k + 1, THING)) {
            return Obj::Thing;
        }
        Obj::Media { end: k + 1, ch: 0 }
    }
}
