//! The means a request names: before it, after it, by "via" or "by", and a
//! sentence that only lists them.

use super::super::text::{STRONG as FULL_STOP, WEAK};
use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// The request from word `i` whose object, from word `k`, is a means of
    /// contact: to the means' end, with its channels ("lay off the texts",
    /// "cut out the calls and emails", "alto a los mensajes").
    pub(super) fn means_hit(&self, i: usize, k: usize) -> Option<Hit> {
        match self.object(k) {
            Obj::Media { end, ch } => hit(i, end, ch),
            _ => None,
        }
    }

    /// Channels named by the words before `i` in its sentence ("I want the
    /// text messages to stop").
    /// (Not the customer's own device: "my phone keeps freezing, how do I
    /// stop that" asks nothing of calls; "my phone keeps ringing" names
    /// them by its ringing. Nor the customer's own bother: "Sorry to
    /// bother you but STOP" names no channel.)
    pub(super) fn media_before(&self, i: usize) -> u8 {
        let sorry = |k: usize| {
            k > 1
                && self.eq(k - 1, "TO")
                && (self.eq(k + 1, "YOU") || !self.on(k + 1))
                && (self.eq(k - 2, "SORRY") || self.written(k - 2, "HATE"))
        };
        self.back_in_sentence(i)
            .filter(|&k| self.is(k, MEDIA | GER | CVERB) && !self.is(k, THING) && !sorry(k))
            .filter(|&k| k == 0 || !self.eq(k - 1, "MY") || !self.any(k, "PHONE CELL MOBILE"))
            .fold(0, |c, k| c | self.ch(k))
    }

    /// Channels named before the stop word `i`: in its sentence, else, when
    /// it opens a sentence of its own, in the sentences before it ("You
    /// called me 4 times today. Please stop.", as "... Enough." is read).
    pub(super) fn named_before(&self, i: usize) -> u8 {
        let own = self.media_before(i);
        // (Only a stop that ends the message: "Stop, I'm blushing" after
        // "You called at the perfect time" is banter.)
        // (Or a pronoun for them: "Please make them stop.", "I want them to
        // stop.", "This needs to stop.", "I wish these to cease
        // immediately.")
        if own != 0
            || !self
                .back_in_sentence(i)
                .all(|m| self.is(m, FILLER | PRON) || self.any(m, "I MAKE WANT WISH NEED NEEDS TO"))
            || !self.ends_message(i + 1 + usize::from(self.any(i + 1, "IMMEDIATELY NOW")))
        {
            return own;
        }
        // (Not the customer's own: "My email is jo@acme.com. Stop".)
        (0..i)
            .filter(|&k| self.is(k, MEDIA | CVERB) && !self.is(k, THING))
            .filter(|&k| k == 0 || !self.eq(k - 1, "MY"))
            .fold(0, |c, k| c | self.ch(k))
    }

    /// Channels the means of contact named after `i` in its clause name
    /// ("my email", "calls and texts"; not a verb: "I'm calling my lawyer").
    pub(super) fn means_after(&self, i: usize) -> u8 {
        (i + 1..i + 9)
            .take_while(|&m| self.on(m))
            .filter(|&m| {
                self.is(m, MEDIA)
                    && !self.is(m, THING | GER)
                    && (!self.is(m, CVERB) || self.is(m - 1, DET))
            })
            .fold(0, |c, m| c | self.ch(m))
    }

    /// Channels named after `i` in its clause ("unsubscribe me from your
    /// emails", "I revoke my consent to be contacted"); "all" as the last word
    /// is every channel.
    pub(super) fn media_after(&self, i: usize) -> u8 {
        let mut c = 0;
        // The channels named one by one (not by a word for every channel).
        let mut named = 0;
        let mut k = i + 1;
        // To the end of the clause, or a turn ("unsubscribe me but you can
        // still text me").
        // (Nor past an exception: "ne me contactez pas sauf par courriel"
        // keeps email; nor past "and" then another request, read on its
        // own: "Unsubscribe me and stop texting", "Désabonnez-moi et ne
        // m'appelez plus", "Desuscríbanme y no me manden textos", emailed,
        // revoke email too, as "UNSUBSCRIBE and stop texting me".)
        while self.on(k)
            && !self.eq(k, "BUT")
            && self.except(k).is_none()
            && !(self.any(k, "AND Y ET") && (self.is(k + 1, STOPV | NEG) || self.eq(k + 1, "NO")))
        {
            // A means named narrows a word for every channel before it: "I
            // revoke consent to be contacted by text" (but "to calls or
            // texts or contact by email" keeps the calls and texts).
            if self.via(k).is_some() {
                return self.narrowed(named, k);
            }
            if self.is(k, MEDIA | GER | CVERB) && !self.is(k, THING) {
                c |= self.ch(k);
                if self.ch(k) != ALL_CH {
                    named |= self.ch(k);
                }
                // A verb for the medium in the list ("Ne m'appelez plus ni
                // ne m'écrivez", "No me llamen ni me escriban"): the medium
                // the message came by too; not a verb whose object names the
                // means ("que vous m'envoyiez de courriels", "ne m'envoyez
                // plus de textos"), nor one not asked
                // of them ("the emails we send with your software").
                let object =
                    (k + 1..k + 4).any(|x| self.on(x) && self.is(x, MEDIA) && self.ch(x) != 0);
                if self.ch(k) == 0
                    && self.is(k, CVERB | GER)
                    && !self.is(k, MEDIA)
                    && !object
                    && (self.is(k - 1, ME) || self.is(k + 1, ME) || self.any(k - 1, "NE N"))
                {
                    c |= CAME_BY;
                }
            }
            if self.is(k, ALLW) && self.bare(k + 1) {
                c = ALL_CH;
            }
            k += 1;
        }
        // (Alone it names nothing: "ne m'écrivez plus" is the medium.)
        if c == CAME_BY {
            0
        } else {
            c
        }
    }

    /// The means of messages left, `ch`: a voicemail, so calls, when they
    /// name no means ("don't leave me a message", "stop leaving messages
    /// on my machine", "arrêtez de me laisser des messages").
    pub(super) fn left(&self, ch: u8) -> u8 {
        if ch & ALL_CH == 0 {
            CALL
        } else {
            ch
        }
    }

    /// The hit refuses a voicemail or a message left and the customer asks
    /// for a call after it: a request about messages on the machine, not
    /// calls ("Don't leave a voicemail, call me back", "No dejes mensaje de
    /// voz, llámame más tarde", "Ne laissez pas de message, appelez-moi",
    /// "No voicemail please, call back"; not "..., just text me", nor "...,
    /// don't call me again"; nor messages sent: "Stop sending me messages,
    /// call me instead").
    pub(super) fn call_asked(&self, h: &Hit) -> bool {
        let words = h.a.saturating_sub(2)..h.b;
        let left = words
            .clone()
            .any(|m| self.any(m, "VOICEMAIL VOICEMAILS VOICE"))
            || words
                .clone()
                .any(|m| self.any(m, "LEAVE LAISSEZ DEJES DEJEN DEJE"))
                && words
                    .into_iter()
                    .any(|m| self.any(m, "MESSAGE MESSAGES MENSAJE MENSAJES"));
        left && (h.b - 1..self.t.len()).any(|x| {
            self.is(x, CVERB)
                && self.ch(x) & CALL != 0
                && !self
                    .back(x, 2)
                    .any(|m| self.is(m, NEG) || self.any(m, "NI NE N"))
                && (self.is(x, ME)
                    || self.is(x + 1, ME)
                    || self.any(x + 1, "BACK AGAIN LATER")
                    || self.written(x + 2, "TARD"))
        })
    }

    /// The channels of a request, narrowed by a means named at word `k` ("do
    /// not contact me by email", "no contact by text"): the means alone when
    /// the request named every channel or none, else both.
    pub(super) fn narrowed(&self, ch: u8, k: usize) -> u8 {
        match self.via(k) {
            Some(v) if ch == ALL_CH || ch == 0 => v,
            Some(v) => ch | v,
            None => ch,
        }
    }

    /// "via text", "by phone", "with your texts", "por correo", "par SMS":
    /// the channel that narrows a request.
    /// So does the adjective of a means after it: "Pas de relance
    /// téléphonique" is "par téléphone", calls, by either medium.
    pub(super) fn via(&self, k: usize) -> Option<u8> {
        // ("Sin seguimiento telefónico".)
        let adj = self.written(k, "TELEPHONIQUE TELEPHONIQUES TELEFONICA TELEFONICAS")
            || self.written(k, "TELEFONICO TELEFONICOS");
        if self.on(k) && adj {
            return Some(CALL);
        }
        self.via_list(k).map(|(ch, _)| ch)
    }

    /// [`Reader::via`], with the word after the means named.
    pub(super) fn via_list(&self, k: usize) -> Option<(u8, usize)> {
        // (Not "por favor": please.)
        if !self.on(k)
            || !self.any(k, "VIA BY THROUGH OVER ON WITH THRU POR PAR AU CON AVEC EN")
                && !self.written(k, "SUR")
            || (self.eq(k, "POR") && self.eq(k + 1, "FAVOR"))
        {
            return None;
        }
        // ("par mail", "por mail": French and Spanish for email.)
        if self.any(k, "PAR POR") && self.eq(k + 1, "MAIL") {
            return Some((EMAIL, k + 2));
        }
        // "by phone", "by email or phone", "over the phone or by email":
        // each means named.
        let (mut phone, mut ch, mut end) = (false, 0, k + 1);
        // What was named before the first comma crossed, and whether one was.
        let (mut first, mut crossed) = ((false, 0, k + 1), false);
        // (Post in the list names no channel: "by phone, mail or email".)
        let means = |m: usize| {
            self.ch(m) & ALL_CH != 0
                || self.any(m, "PHONE CELL TELEPHONE LANDLINE VOICEMAIL")
                || self.postal(m)
        };
        for m in k + 1..k + 9 {
            end = m;
            // ("by phone, text, or email": a list across commas; not "by
            // phone, text is fine".)
            let listed = self.brk(m) == WEAK
                && m > k + 1
                && means(m - 1)
                && (means(m) || (self.is(m, CONJ) && means(m + 1)))
                && !self.fine(m)
                && !self.asked_for(m);
            if !self.on(m) && !listed {
                break;
            }
            if !self.on(m) && !crossed {
                (first, crossed) = ((phone, ch, m), true);
            }
            if self.any(m, "PHONE CELL TELEPHONE LANDLINE VOICEMAIL") {
                phone = true;
                ch |= CALL;
            } else if self.any(m, "MAIL") && self.any(m - 1, "PAR POR") {
                ch |= EMAIL;
            } else if self.any(m, "CORREO CORREOS") && self.written(m + 1, "POSTAL") {
                // ("por correo postal": post.)
            } else if self.ch(m) != 0 {
                ch |= self.ch(m);
            } else if !(self.is(m, CONJ)
                || self.postal(m)
                || self.any(m, "BY VIA THE MY YOUR POR PAR")
                // ("en el buzón", "sur ma boîte vocale", "sur le répondeur".)
                || (self.any(m, "EL LA LE MI MA MON SU SUS VOTRE") && m == k + 1)
                || self.written(m, "BOITE"))
            {
                break;
            }
            end = m + 1;
        }
        // (A list across commas ends its clause, or a limit follows it; not
        // "by phone, text and email are fine", "by phone, email me the
        // quote", "by phone, email is easiest".)
        if crossed && !(self.bare(end) || self.any(end, "AGAIN ANYMORE") || self.limited(end)) {
            (phone, ch, end) = first;
        }
        if phone {
            return Some((ch, end));
        }
        match self.object(k + 1) {
            // ("by text or by email": the list read on past the second
            // "by".)
            Obj::Media { ch: c, end: e } if c != 0 => Some(if ch & c == c && end > e {
                (ch, end)
            } else {
                (c, e)
            }),
            _ => None,
        }
    }

    /// The channels of means listed after a request that ends at word `b`:
    /// in sentences of their own ("Calls, texts, emails."), or in its
    /// clause after a break or "and" ("STOP (calls too)", "Stop: texts &
    /// calls", "Unsubscribe, and the texts too"); after a request that
    /// names its means, only with a word that adds them ("Stop texting me.
    /// Calls too.", "stop texting me & the calls"; not "Stop calling.
    /// Texts.", which may ask for them). 0 when none is.
    pub(super) fn listed_after(&self, b: usize, named: bool) -> u8 {
        let n = self.t.len();
        let mut a = (b..n).find(|&m| self.brk(m) == FULL_STOP);
        let mut ch = 0;
        // (Past a courtesy, or the rest of the request's clause: "STOP
        // please (calls too)", "Take me off your list (phone)", "... and
        // phone".)
        let b = b + usize::from(self.on(b) && self.eq(b, "PLEASE"));
        let joined = |m: usize| !self.on(m) || self.is(m, CONJ) || self.any(m, "INCLUDING INCL");
        let b = (b..a.unwrap_or(n)).find(|&m| joined(m)).unwrap_or(n);
        if b < n && self.brk(b) != FULL_STOP {
            ch |= self.only_means(b, a.unwrap_or(n), named);
        }
        while let Some(s) = a {
            let (_, e) = self.sentence(s);
            ch |= self.only_means(s, e, named);
            a = (e < n).then_some(e);
        }
        ch
    }

    /// The channels of words `s..e` when they only list means (not the
    /// means kept: "Texts ok."); with a word that adds them when `added`
    /// is asked ("Emails as well", "Same for calls", "and the calls",
    /// "including calls").
    fn only_means(&self, s: usize, e: usize, added: bool) -> u8 {
        let only = (s..e).all(|m| {
            (self.is(m, MEDIA | CVERB) && !self.is(m, THING))
                || self.is(m, CONJ | ALLW)
                || self.postal(m)
                || self.any(
                    m,
                    "TOO ALSO EITHER AS WELL SAME DITTO GOES FOR WITH INCLUDING INCL",
                )
                || self.any(m, "THE YOUR UR THESE THOSE ANY THAT INCLUDES")
        });
        let adds = (s..e).any(|m| {
            self.any(m, "TOO ALSO EITHER WELL SAME DITTO INCLUDING INCL INCLUDES")
                || (m == s && self.is(m, CONJ))
        });
        if only && (adds || !added) {
            (s..e).fold(0, |c, m| c | self.ch(m)) & ALL_CH
        } else {
            0
        }
    }
}
