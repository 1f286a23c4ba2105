//! The tokenizer: folded characters into words, with the breaks and joins
//! between them.

use super::super::words::{self, Known, ADJ, ALL_CH, CONJ, CVERB, GER, LAUGH, MEDIA};
use super::chars::{class, fold, Class};
use super::spelling::{glued, keyed, lost, masked, numbered, read_word, run_together, NUMBER};
use super::{Tok, Tokens, STRONG, WEAK};

/// At most this many words are read.
const MAX_TOKENS: usize = 400;

/// Reads `text`, folded character by character, as words.
pub(super) fn read(text: &str) -> Tokens {
    let mut b = Builder {
        out: Tokens {
            buf: String::with_capacity(text.len().min(512)),
            toks: Vec::with_capacity(24),
            asks: false,
        },
        word: None,
        brk: 0,
        join: b' ',
        line: 0,
        cap: false,
        upper: false,
        hyphen: false,
        dash: false,
        ask: false,
        slash: false,
    };
    for (c, up) in text
        .chars()
        // (A capital as written is a letter the fold left as it was: ASCII
        // only, without Unicode's case tables.)
        .filter_map(|o| fold(o).map(|c| (c, o == c && c.is_ascii_uppercase())))
    {
        b.char(c, up);
    }
    b.end_word();
    b.out.asks = b.ask;
    spelt(&mut b.out);
    dashed(&mut b.out.toks);
    contracted(&mut b.out);
    debug_assert!(words::lookup("LOL").is_some_and(|k| k.f & LAUGH != 0));
    debug_assert!(words::lookup("AND").is_some_and(|k| k.f & CONJ != 0));
    b.out
}

/// A message being read into words, and what stands before the next one.
struct Builder {
    out: Tokens,
    /// Start of the word being read, in `out.buf`.
    word: Option<usize>,
    brk: u8,
    join: u8,
    /// Line breaks since the last word (at most 2).
    line: u8,
    /// The word being read starts with a capital letter.
    cap: bool,
    /// The word being read is in capitals only so far.
    upper: bool,
    /// A hyphen standing alone before the next word.
    hyphen: bool,
    /// A dash after a space stands before the next word, and no other break.
    dash: bool,
    /// A question mark stands before the next word.
    ask: bool,
    /// A slash or a plus, and no other break, stands before the next word.
    slash: bool,
}

impl Builder {
    /// One folded character; `up` when it was written as a capital.
    fn char(&mut self, c: char, up: bool) {
        // An asterisk inside a word masks letters ("f***ing"): part of it.
        if c == '*' && self.word.is_some() {
            self.out.buf.push(c);
            return;
        }
        // A character lost in decoding inside a word ("ARR\u{FFFD}T", a
        // Latin-1 "ARRÊT" read as UTF-8) stands for the letter it was.
        if c == '\u{FFFD}' && self.word.is_some() {
            self.out.buf.push(c);
            return;
        }
        // An underscore after a letter parts words as a form field or a
        // hashtag joins them ("opt_out pls"); a line of them is a break
        // (Outlook's above a quoted message).
        if c == '_' && self.word.is_some() {
            self.end_word();
            self.join = b' ';
            return;
        }
        match class(c) {
            Class::Word => self.letter(c, up),
            Class::Apos => self.apostrophe(),
            Class::Hyphen => self.hyphen(),
            Class::Space => {
                self.end_word();
                self.join = b' ';
            }
            Class::Weak => self.punctuation(c, WEAK),
            Class::Strong => self.punctuation(c, STRONG),
            Class::Laugh => {
                self.synth("LOL");
                self.brk = self.brk.max(WEAK);
            }
            Class::And => self.synth("AND"),
            Class::At => self.synth("AT"),
            Class::Number => self.synth("NUMBER"),
        }
    }

    /// A letter or a digit: it starts a word or goes on with one.
    fn letter(&mut self, c: char, up: bool) {
        // A word of another script glued to a Latin one is two words: "我要
        // cancel预约" is 我要 CANCEL 预约, as "quiero cancel la cita" is read
        // (a letter lost in decoding stays in its word: "ARR\u{FFFD}T"; so
        // does a Latin letter the fold leaves as it is: "Małgorzata").
        let other = |c: char| c > '\u{024F}' && c != '\u{FFFD}';
        if self.word.is_some() && self.out.buf.ends_with(|p: char| other(p) != other(c)) {
            self.end_word();
        }
        if self.word.is_none() {
            if !self.out.buf.is_empty() {
                self.out.buf.push(char::from(self.join));
            }
            self.word = Some(self.out.buf.len());
            self.cap = up;
            self.upper = true;
        }
        self.upper &= up;
        self.out.buf.push(c);
    }

    /// An apostrophe: after a French elision it ends the word, which the next
    /// joins with it ("m'envoyer"); else it is part of the word ("don't").
    fn apostrophe(&mut self) {
        match self.word {
            Some(start) => {
                if self.out.buf.get(start..).is_some_and(elides) {
                    self.end_word();
                    self.join = b'\'';
                } else {
                    self.out.buf.push('\'');
                }
            }
            None => self.join = b' ',
        }
    }

    /// A hyphen: after a word it joins the next to it ("opt-out"); else it is
    /// a soft break ("--stop--").
    fn hyphen(&mut self) {
        if self.word.is_some() {
            self.end_word();
            self.join = b'-';
        } else {
            self.dash = self.brk == 0 || self.dash;
            self.hyphen = true;
            self.join = b' ';
            self.brk = self.brk.max(WEAK);
        }
    }

    /// Punctuation, a line break or a symbol: the word ends, and the break
    /// before the next is at least `k`.
    fn punctuation(&mut self, c: char, k: u8) {
        self.end_word();
        self.dash = false;
        self.slash = matches!(c, '/' | '+') && self.brk == 0 && !self.out.toks.is_empty();
        if c == '\n' {
            self.line = self.line.saturating_add(1).min(2);
        }
        self.ask |= matches!(c, '?' | '？');
        self.join = b' ';
        self.brk = self.brk.max(k);
    }

    /// Ends the word being read: reads it as the lists know it and adds it.
    fn end_word(&mut self) {
        let Some((start, end)) = self.take_word() else {
            return;
        };
        let read = read_word(self.out.buf.get(start..end).unwrap_or(""));
        if read.is_none() && self.split(start, end) {
            return;
        }
        let surface = self.out.buf.get(start..end).unwrap_or("");
        let known = read
            .or_else(|| masked(surface))
            .or_else(|| lost(surface))
            .unwrap_or(Known { w: "", f: 0, ch: 0 });
        let tok = Tok {
            start,
            end,
            w: known.w,
            f: known.f,
            ch: known.ch,
            brk: self.brk,
            join: self.join,
            synth: false,
            line: self.line,
            cap: self.cap,
            upper: self.upper,
            hyphen: self.hyphen,
            dash: self.dash,
            ask: self.ask,
        };
        self.brk = 0;
        self.ask = false;
        self.join = b' ';
        self.line = 0;
        self.dash = false;
        self.hyphen = false;
        if tok.brk == 0 && self.merge(&tok) {
            return;
        }
        let tok = self.slashed(tok);
        self.push(tok);
    }

    /// Means parted by a slash or a plus are a list, as "or" joins them:
    /// "Do not call/text", "don't call/text/email", "no texts + calls" (not
    /// a date, "and/or", "24/7": words of no channel).
    fn slashed(&mut self, mut tok: Tok) -> Tok {
        let means = |t: &Tok| t.is(CVERB | MEDIA | GER) && t.ch & ALL_CH != 0;
        if std::mem::take(&mut self.slash)
            && tok.brk == WEAK
            && tok.line == 0
            && means(&tok)
            && self.out.toks.last().is_some_and(|p| means(p) && !p.synth)
        {
            tok.brk = 0;
            self.synth("OR");
        }
        tok
    }

    /// The bounds in `out.buf` of the word being read, without the
    /// apostrophes and asterisks it ends with; `None` when there is no word,
    /// or nothing left of it.
    fn take_word(&mut self) -> Option<(usize, usize)> {
        let start = self.word.take()?;
        while (self.out.buf.ends_with('\'')
            || self.out.buf.ends_with('*')
            || self.out.buf.ends_with('\u{FFFD}'))
            && self.out.buf.len() > start
        {
            self.out.buf.pop();
        }
        let end = self.out.buf.len();
        (end != start).then_some((start, end))
    }

    /// A word the lists do not know that is two, added as both: a keyword
    /// with its number, or a stop word glued to a word of contact. `false`
    /// when it is one word.
    fn split(&mut self, start: usize, end: usize) -> bool {
        let surface = self.out.buf.get(start..end).unwrap_or("");
        // "STOPSTOPSTOP", "LEAVEMEALONE": each word.
        if let Some(parts) = run_together(surface) {
            let ends = parts.iter().skip(1).map(|p| start + p.1).chain([end]);
            for (n, ((k, at), to)) in parts.iter().zip(ends).enumerate() {
                let (brk, join) = if n == 0 {
                    (self.brk, self.join)
                } else {
                    (0, 0)
                };
                let mut t = Tok::known(start + at, to, *k, brk, join);
                if n == 0 {
                    t.ask = std::mem::take(&mut self.ask);
                }
                self.push(t);
            }
            self.brk = 0;
            self.join = b' ';
            return true;
        }
        let (at, first, second) = if let Some((key, at)) = numbered(surface) {
            // "STOP2": the keyword, then its number as a word of its own.
            (start + at, key, NUMBER)
        } else if let Some((key, at, other)) = keyed(surface) {
            // "STOP2END": both keywords.
            (start + at, key, other)
        } else if let Some((stop, at, rest)) = glued(surface) {
            // "stoptexting", "DoNotCall": two words, the second glued to the first.
            (start + at, stop, rest)
        } else {
            return false;
        };
        let brk = self.brk;
        let mut head = Tok::known(start, at, first, brk, self.join);
        head.ask = std::mem::take(&mut self.ask);
        self.push(head);
        self.push(Tok::known(at, end, second, 0, 0));
        self.brk = 0;
        self.join = b' ';
        true
    }

    /// Adds a word, unless [`MAX_TOKENS`] have been read.
    fn push(&mut self, tok: Tok) {
        if self.out.toks.len() < MAX_TOKENS {
            self.out.toks.push(tok);
        }
    }

    /// Two words read as one: "opt out", "e-mail", "voice mail", "un subscribe",
    /// "au revoir".
    fn merge(&mut self, t: &Tok) -> bool {
        let Some(p) = self.out.toks.last().copied() else {
            return false;
        };
        if p.synth {
            return false;
        }
        let ps = self.out.buf.get(p.start..p.end).unwrap_or("");
        let ts = self.out.buf.get(t.start..t.end).unwrap_or("");
        let into = match (ps, ts) {
            _ if p.w == "OPT" && t.w == "OUT" => "OPTOUT",
            ("E", "MAIL") => "EMAIL",
            ("E", "MAILS") => "EMAILS",
            ("E", "MAILING") => "EMAILING",
            ("E", "MAILED") => "EMAILED",
            ("UN", "STOP") => "UNSTOP",
            ("VOICE", "MAIL") => "VOICEMAIL",
            ("VOICE", "MAILS") => "VOICEMAILS",
            ("UN", "SUBSCRIBE") => "UNSUBSCRIBE",
            ("FOLLOW", "UPS") => "FOLLOWUPS",
            // ("stop f-ing texting me": a swear word minced.)
            ("F", "ING" | "IN") => "FUCKING",
            // ("STOP au revoir": a goodbye, as "bye".)
            ("AU", "REVOIR") => "REVOIR",
            // ("STOP cảm ơn": Vietnamese thanks.)
            ("CAM", "ON") => "CAMON",
            _ => return false,
        };
        match (words::lookup(into), self.out.toks.last_mut()) {
            (Some(k), Some(p)) => {
                p.w = k.w;
                p.f = k.f;
                p.ch = k.ch;
                p.end = t.end;
                true
            }
            _ => false,
        }
    }

    /// A word the customer did not write as one: an emoji read as laughter,
    /// `&` as "and", `#` as "number".
    fn synth(&mut self, w: &str) {
        self.end_word();
        if let Some(k) = words::lookup(w) {
            if self.out.toks.len() < MAX_TOKENS {
                let at = self.out.buf.len();
                self.out.toks.push(Tok {
                    start: at,
                    end: at,
                    w: k.w,
                    f: k.f,
                    ch: k.ch,
                    brk: self.brk,
                    join: b' ',
                    synth: true,
                    line: 0,
                    cap: false,
                    upper: false,
                    hyphen: false,
                    dash: false,
                    ask: false,
                });
            }
        }
    }
}

/// Letters spaced one by one that spell a word the lists know ("s t o p
/// texting me", "S T O P"): that word, as if written whole. Three letters at
/// least, the whole run, and a word with a flag of its own in the lists ("a b
/// testing", "p s", "U S A", "I am a b c" stay as written).
fn spelt(out: &mut Tokens) {
    let mut a = 0;
    while a < out.toks.len() {
        let mut word = [0u8; 16];
        let mut n = 0;
        let mut dots = false;
        while let Some(t) = out.toks.get(a + n) {
            let c = out.buf.as_bytes().get(t.start).copied().unwrap_or(0);
            // (Spaced, or parted by hyphens or dots: "S-T-O-P calling me",
            // "s.t.o.p. texting me".)
            let parted = t.brk == 0 && matches!(t.join, b' ' | b'-');
            let dotted = n > 0 && t.brk == STRONG;
            let on = n == 0 || parted || dotted;
            match word.get_mut(n) {
                Some(s) if on && t.end == t.start + 1 && c.is_ascii_alphabetic() => *s = c,
                _ => break,
            }
            dots |= dotted;
            n += 1;
        }
        let known = std::str::from_utf8(word.get(..n).unwrap_or_default())
            .ok()
            .filter(|_| n >= 3)
            .and_then(words::lookup)
            .filter(|k| k.f & !words::PLAIN != 0);
        if let (Some(k), Some(t)) = (known, out.toks.get_mut(a)) {
            // (The word spelt is added to the text the words point into.)
            t.start = out.buf.len();
            out.buf.push_str(k.w);
            t.end = out.buf.len();
            t.w = k.w;
            t.f = k.f;
            t.ch = k.ch;
            out.toks.drain(a + 1..a + n);
            // (The dot after the last letter of a word spelt with dots is
            // the spelling's, no sentence's end: "s.t.o.p. calling me".)
            if let Some(next) = out.toks.get_mut(a + 1).filter(|x| dots && x.brk == STRONG) {
                next.brk = 0;
            }
            n = 1;
        }
        // (A word spelt is the whole run: "x s t o p" is not "x stop".)
        a += n.max(1);
    }
}

/// Two words written as one, read as the two the rules know: "wanna" as
/// "want to" ("I don't wanna get these"), and "anymore" before the means it
/// counts as "any more" ("I don't want anymore texts", "don't send me
/// anymore of these"; not "I don't want it anymore", "don't text me
/// anymore").
fn contracted(out: &mut Tokens) {
    let mut a = 0;
    while let Some(t) = out.toks.get(a).copied() {
        let surface = out.buf.get(t.start..t.end).unwrap_or("");
        // (What follows "anymore": a means, after words that qualify it,
        // or "of".)
        let counted = || {
            let mut n = a + 1;
            while out
                .toks
                .get(n)
                .is_some_and(|x| x.brk == 0 && x.is(ADJ) && !x.is(MEDIA) && x.w != "OF")
            {
                n += 1;
            }
            out.toks
                .get(a + 1..=n)
                .is_some_and(|r| r.iter().all(|x| x.brk == 0 && !x.synth))
                && out.toks.get(n).is_some_and(|x| x.is(MEDIA) || x.w == "OF")
        };
        let pair = match surface {
            "WANNA" => Some(("WANT", "TO")),
            "ANYMORE" if counted() => Some(("ANY", "MORE")),
            _ => None,
        };
        let known = pair.and_then(|(x, y)| Some((words::lookup(x)?, words::lookup(y)?)));
        match known {
            Some((first, second)) if !t.synth && out.toks.len() < MAX_TOKENS => {
                // (The surface is parted where the first word's letters end:
                // "WAN"+"NA", "ANY"+"MORE".)
                let at = t.start + 3;
                let mut head = Tok::known(t.start, at, first, t.brk, t.join);
                head.ask = t.ask;
                head.line = t.line;
                head.cap = t.cap;
                head.upper = t.upper;
                head.hyphen = t.hyphen;
                head.dash = t.dash;
                let tail = Tok::known(at, t.end, second, 0, b' ');
                if let Some(slot) = out.toks.get_mut(a) {
                    *slot = head;
                }
                out.toks.insert(a + 1, tail);
                a += 2;
            }
            _ => a += 1,
        }
    }
}

/// Words parted by spaced dashes one by one ("STOP – CALLING – ME", "stop -
/// texting - me"): joined as an unspaced dash joins them ("STOP—CALLING—ME").
/// Two dashes at least in a row with a single word between; a lone dash is
/// a clause break ("Thanks – stop by tomorrow", "Sure - call me at 5") and
/// stays one.
fn dashed(toks: &mut [Tok]) {
    let mut a = 0;
    while a < toks.len() {
        let n = toks.iter().skip(a + 1).take_while(|t| t.dash).count();
        let first = toks.get(a).is_some_and(|t| !t.dash);
        if first && n >= 2 {
            for t in toks.iter_mut().skip(a + 1).take(n) {
                t.brk = 0;
                t.join = b'-';
            }
        }
        a += n + 1;
    }
}

/// French elisions split off their word: "m'envoyer" is "m" "envoyer".
fn elides(word: &str) -> bool {
    matches!(
        word,
        "C" | "D" | "J" | "L" | "M" | "N" | "S" | "T" | "QU" | "JUSQU" | "LORSQU" | "PUISQU"
    )
}
