//! A means of contact said to be unwelcome: "calls are not welcome", "texts,
//! calls, and emails are all unwelcome", "none of your messages are
//! welcome", "neither texts nor calls are welcome", "I'm not ok with these
//! texts", "it's not ok to text me", "texts used to be ok but not anymore",
//! "no son bienvenidas sus llamadas".

use super::super::text::{STRONG as FULL_STOP, WEAK};
use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

/// Said of a means, these make it welcome ("are ok", "no son bienvenidas"
/// negated)...
const WELCOME: &str = "OK OKAY FINE WELCOME ALLOWED WANTED APPRECIATED ACCEPTABLE BIENVENIDAS \
    BIENVENIDOS BIENVENUS BIENVENUES PERMITIDAS PERMITIDOS DESEADAS DESEADOS ACEPTABLES \
    ACCEPTABLES AUTORISES SOUHAITES DESIRES ACCEPTES ACEPTADAS ACEPTADOS";

/// ...and these unwelcome.
const UNWELCOME: &str = "UNWELCOME UNACCEPTABLE UNWANTED INACEPTABLES INACCEPTABLES MALVENUS";

impl Reader<'_> {
    /// A means said to be unwelcome: "calls are not welcome", "texts are
    /// unwelcome", "Texts from you are really not ok", "Calling me is not
    /// acceptable", "your emails are no longer wanted", "Calls not
    /// welcome", "texts and calls are not ok", "texting this number is not
    /// ok", "messages like this are not welcome", "the texts are annoying and
    /// not ok", "las llamadas no son bienvenidas", "vos appels ne sont plus
    /// souhaités"; or, beside a means said to be fine, not said what:
    /// "Texts are ok. Calls are not.", "Texts ok, calls no", "Mensajes sí,
    /// llamadas no", "Les textos, ça va. Les appels, non.". (Not "calls are
    /// not going through", "the quality of your calls is unacceptable", nor
    /// a limit: "calls are not ok before 9".)
    pub(super) fn unwelcome(&self, i: usize) -> Option<Hit> {
        if !self.is(i, MEDIA | GER) || self.back(i, 3).any(|m| self.eq(m, "OF")) {
            return None;
        }
        self.said_of(i, i, false)
    }

    /// The means named from word `i` said to be unwelcome, the hit from word
    /// `a`; `denied`: said to be welcome, but denied before the means
    /// ("neither texts nor calls are welcome", "none of your texts are ok").
    fn said_of(&self, a: usize, i: usize, denied: bool) -> Option<Hit> {
        if !self.a_means(i) {
            return None;
        }
        let said = |k: usize, words: &str| self.on(k) && self.any(k, words);
        let (mut j, ch, nor) = self.means_list(i);
        // "from you", "on my cell", "at home": where they come (not a limit:
        // "at work", "on weekends").
        if said(j, "FROM ON AT TO") {
            if self.limited(j) {
                return None;
            }
            j = (j + 1..j + 5)
                .find(|&m| !self.on(m) || self.any(m, "ARE IS AREN'T ISN'T NOT NO NE YA"))
                .unwrap_or(j);
        }
        // ("Texts: not ok", a label and what it is.)
        let labelled = self.starts(i) && self.brk(j) == WEAK;
        let (k, not) = if labelled && self.any(j, UNWELCOME) {
            (j, false)
        } else if labelled && self.eq(j, "NOT") {
            (j + 1, true)
        } else {
            self.how_said(j)?
        };
        // ("Neither texts nor calls are welcome": welcome, denied.)
        let how = match (not, denied || nor) {
            // ("None of your texts are unwelcome".)
            (true, true) => return None,
            (false, false) => UNWELCOME,
            _ => WELCOME,
        };
        // (Not where or when: "not allowed at my job", "not ok on
        // weekends", "pas les bienvenus le dimanche"; but "not ok at all",
        // "not welcome in my inbox".)
        let placed = said(k + 1, "AT ON WHILE DURING LE EL LOS")
            && !self.any(k + 2, "ALL ANY")
            && self.the_number(k + 2).is_none();
        // (Labelled, nothing more said: not "Texts, not ok to call though".)
        let how_said = if labelled {
            self.any(k, how) && self.bare(k + 1)
        } else {
            said(k, how)
        };
        if how_said && !placed {
            return hit(a, k + 1, ch).filter(|h| !self.limited(h.b));
        }
        // (Said of one means while another is said to be fine, as `kept`
        // reads "texts are fine".)
        // (Read only here: each is a pass over the whole message.)
        let fine = || (0..self.t.len()).any(|m| self.is(m, MEDIA | CVERB | GER) && self.fine(m));
        if not && !denied && !self.on(k) && fine() && self.kept() & !ch != 0 {
            return hit(a, k, ch);
        }
        None
    }

    /// The means named from word `i`, one or a list: "text messages",
    /// "texting me", "texts and calls", "texts, calls, and emails", "texts
    /// nor calls", "texting this number", "messages like this". Where they
    /// end, their channels, and whether "nor" joined them.
    fn means_list(&self, i: usize) -> (usize, u8, bool) {
        let mut j = i + 1;
        let mut ch = self.ch(i);
        let mut nor = false;
        // (The first means alone, unless the commas end in "and" / "or".)
        let mut first = None;
        // (A list of a few: a long run is not read again from each word.)
        while j < i + 12 {
            // ("Text messages", "Texting me".)
            if self.on(j) && self.is(j, MEDIA | ME) && !self.is(j, THING) {
                ch |= self.ch(j);
                j += 1;
            } else if self.brk(j) <= WEAK
                && self.any(j, "AND OR NOR")
                && self.a_means(j + 1 + usize::from(self.is(j + 1, DET)))
            {
                // ("the calls and the texts".)
                let m = j + 1 + usize::from(self.is(j + 1, DET));
                nor |= self.eq(j, "NOR");
                ch |= self.ch(m);
                first = None;
                j = m + 1;
            } else if self.brk(j) == WEAK && self.a_means(j) {
                first = first.or(Some((j, ch)));
                ch |= self.ch(j);
                j += 1;
            } else {
                break;
            }
        }
        // ("Calls, texts, emails are not welcome" opens its sentence; in "I
        // like texts, calls are not ok" the comma parts two clauses.)
        if let Some((end, first_ch)) = first.filter(|_| !self.starts(i)) {
            return (end, first_ch, false);
        }
        if self.is(i, GER) {
            j = self.the_number(j).unwrap_or(j);
        }
        // ("Messages like this".)
        if self.on(j) && self.eq(j, "LIKE") && self.any(j + 1, "THIS THESE THAT THOSE") {
            j += 2;
        }
        (j, ch, nor)
    }

    /// Word `m` names a means (a means or a verb of it as a gerund), not a
    /// thing: "texts", "calling", not "the bill".
    fn a_means(&self, m: usize) -> bool {
        self.is(m, MEDIA | GER) && !self.is(m, THING)
    }

    /// From word `k`, past a determiner ("your", "these").
    fn past_det(&self, k: usize) -> usize {
        (k..k + 2).find(|&m| !self.is(m, DET)).unwrap_or(k)
    }

    /// Word `i` opens its sentence (past an article: "The texts: not ok").
    fn starts(&self, i: usize) -> bool {
        let at = |m: usize| m == 0 || self.brk(m) == FULL_STOP;
        at(i) || (i > 0 && at(i - 1) && self.is(i - 1, DET))
    }

    /// After the means named from word `j`: where the word that says how
    /// they are stands ("[are] not ok", "[are] unwelcome", "[no son]
    /// bienvenidas", "[ne sont pas les] bienvenus", "[used to be] ok but
    /// not anymore", or nothing after "calls are not") and whether it is
    /// negated.
    fn how_said(&self, j: usize) -> Option<(usize, bool)> {
        let said = |k: usize, words: &str| self.on(k) && self.any(k, words);
        // "Texts used to be ok but not anymore", "calls were fine, but no
        // longer".
        let past = if said(j, "USED") && self.eq(j + 1, "TO") && self.eq(j + 2, "BE") {
            j + 3
        } else {
            j + usize::from(said(j, "WERE WAS"))
        };
        if past > j {
            return self.not_anymore(past + 1).then_some((past, true));
        }
        let (mut k, not) = if said(j, "AREN'T ISN'T NOT") {
            (j + 1, true)
        } else if said(j, "ARE IS SONT SON") {
            // ("are really not ok", "are annoying and not ok".)
            let mut n = j + 1 + usize::from(said(j + 1, "REALLY ABSOLUTELY DEFINITELY ALL"));
            if said(n + 1, "AND") && (said(n + 2, "NOT") || said(n + 2, UNWELCOME)) {
                n += 2;
            }
            if said(n, "NOT") {
                (n + 1, true)
            } else if said(n, "NO") && self.eq(n + 1, "LONGER") {
                (n + 2, true)
            } else {
                (n, false)
            }
        } else if self.brk(j) <= WEAK && self.any(j, "NO NON") && !self.on(j + 1) {
            // ("Texts ok, calls no", "Les appels, non".)
            (j + 1, true)
        } else {
            let ya = usize::from(said(j, "YA"));
            if !(said(j + ya, "NO NE") && said(j + ya + 1, "SON ES SONT EST ESTAN")) {
                return None;
            }
            (j + ya + 2, true)
        };
        while said(k, "PAS PLUS LES REALLY ABSOLUTELY") || (said(k, "AT") && self.eq(k + 1, "ALL"))
        {
            k += if self.eq(k, "AT") { 2 } else { 1 };
        }
        Some((k, not))
    }

    /// From word `m`: "but not anymore", "but no longer", "but not any
    /// more".
    fn not_anymore(&self, m: usize) -> bool {
        self.eq(m, "BUT")
            && self.brk(m) != FULL_STOP
            && ((self.eq(m + 1, "NOT")
                && (self.eq(m + 2, "ANYMORE")
                    || (self.eq(m + 2, "ANY") && self.eq(m + 3, "MORE"))))
                || (self.eq(m + 1, "NO") && self.eq(m + 2, "LONGER")))
    }

    /// "None of your messages are welcome": the means after "none of",
    /// said to be welcome.
    pub(super) fn none_welcome(&self, i: usize) -> Option<Hit> {
        if !self.eq(i + 1, "OF") {
            return None;
        }
        self.said_of(i, self.past_det(i + 2), true)
    }

    /// "Neither texts nor calls are welcome"; after a means said to be
    /// unwelcome, one more: "… and so are calls", "Neither are emails".
    pub(super) fn neither(&self, i: usize) -> Option<Hit> {
        if self.eq(i, "NEITHER") && self.on(i + 1) {
            if let Some(h) = self.said_of(i, i + 1, true) {
                return Some(h);
            }
        }
        let so = self.eq(i, "SO") && i > 0 && self.eq(i - 1, "AND") && self.on(i);
        let one_more = (so || self.any(i, "NEITHER NOR"))
            && self.on(i + 1)
            && self.any(i + 1, "ARE IS")
            && self.a_means(i + 2);
        // (The one before is near: a few words back, so that a long message
        // is not read again at every "neither".)
        if !one_more || !(i.saturating_sub(12)..i).any(|m| self.unwelcome(m).is_some()) {
            return None;
        }
        let (end, ch, _) = self.means_list(i + 2);
        hit(i, end, ch)
    }

    /// "No son bienvenidas sus llamadas": the means after it.
    pub(super) fn no_son(&self, i: usize) -> Option<Hit> {
        if !(self.any(i + 1, "SON ESTAN") && self.on(i + 2) && self.any(i + 2, WELCOME)) {
            return None;
        }
        let m = self.past_det(i + 3);
        let means = self.on(m) && self.is(m, MEDIA) && !self.is(m, THING);
        // (Not when or where: "los domingos", "a esta hora", "al trabajo".)
        let placed = self.on(m + 1)
            && (self.any(m + 1, "LOS EL") || (self.eq(m + 1, "A") && self.eq(m + 2, "ESTA")));
        if !means || placed || self.limited(m + 1) {
            return None;
        }
        hit(i, m + 1, self.ch(m))
    }

    /// "I'm not ok with these texts", "I am not fine with being texted",
    /// "It's not ok to text me" (not "… after 9pm", nor "I'm not ok with
    /// the price").
    pub(super) fn not_ok(&self, i: usize) -> Option<Hit> {
        if let Some(h) = self.not_after_fine(i) {
            return Some(h);
        }
        let said = |k: usize, words: &str| self.on(k) && self.any(k, words);
        if !said(
            i + 1,
            "OK OKAY FINE ALRIGHT COOL ACCEPTABLE HAPPY COMFORTABLE",
        ) || i == 0
        {
            return None;
        }
        let first = self.any(i - 1, "I'M WE'RE AM");
        let it = self.eq(i - 1, "IT'S") || (self.eq(i - 1, "IS") && i > 1 && self.eq(i - 2, "IT"));
        let mut j = i + 3;
        if first && said(i + 2, "WITH") {
            while self.on(j) && (self.any(j, "YOU BEING") || self.is(j, DET)) {
                j += 1;
            }
        } else if !(it && said(i + 2, "TO") && self.is(j, CVERB)) {
            return None;
        }
        if !self.is(j, MEDIA | GER | CVERB) || self.is(j, THING) {
            return None;
        }
        let (end, ch, _) = self.means_list(j);
        let end = self.the_number(end).unwrap_or(end);
        hit(i, end, ch).filter(|h| !self.limited(h.b))
    }

    /// "text is ok, not calls", "ok to text, not to call": a means refused
    /// after one said to do, in the same sentence.
    pub(super) fn not_after_fine(&self, i: usize) -> Option<Hit> {
        // ("Le texto est OK mais pas les appels".)
        if !self.any(i, "NOT PAS")
            || i == 0
            || !(self.brk(i) == WEAK || self.eq(i - 1, "BUT") || self.unlisted(i - 1, "MAIS"))
        {
            return None;
        }
        let kept = self.back_in_sentence(i).take(6).any(|m| {
            (self.is(m, MEDIA | GER | CVERB) && self.fine(m))
                // ("Call me, not text".)
                || (m == 0 && self.is(m, CVERB) && self.is(m + 1, ME))
                || (self.any(m, "OK OKAY FINE") && self.eq(m + 1, "TO") && self.is(m + 2, CVERB))
        });
        let j = i + 1;
        let to = self.eq(j, "TO") && self.on(j + 1) && self.is(j + 1, CVERB);
        match self.object(j) {
            _ if !kept => None,
            _ if to && self.ch(j + 1) != 0 => hit(i, j + 2, self.ch(j + 1)),
            Obj::Media { end, ch } if ch != 0 && !self.limited(end) => hit(i, end, ch),
            _ => None,
        }
    }
}
