//! From a message to words: folding, clause boundaries, quoted history, and
//! reading a word the lists know even when it is elongated or misspelt.

use std::borrow::Cow;

use super::words::{self, Known, CONJ, CVERB, GER, KEY, LAUGH, MEDIA, THING};

/// At most this many characters of a message are read.
const HEAD_CHARS: usize = 2000;
/// At most this many words are read.
const MAX_TOKENS: usize = 400;

/// What stands before a word: nothing, a soft break (comma, colon, line
/// break, emoji) or the end of a sentence (. ! ? ;).
pub const WEAK: u8 = 1;
/// See [`WEAK`].
pub const STRONG: u8 = 2;

/// One word of a message.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte range of its surface in [`Tokens::buf`].
    start: usize,
    end: usize,
    /// Canonical spelling when the lists know it, else "".
    pub w: &'static str,
    /// Flags of the lists it is in.
    pub f: u32,
    /// Channel bits it names.
    pub ch: u8,
    /// The break before it (0, [`WEAK`] or [`STRONG`]).
    pub brk: u8,
    /// How it joins the word before it in the normalised text: space, `-`,
    /// `'`, or 0 when glued to it as written ("stoptexting").
    join: u8,
    /// Not written by the customer as a word (an emoji read as laughter, `&`).
    pub synth: bool,
    /// Line breaks before it (at most 2: 2 is a blank line).
    pub line: u8,
    /// Written with a capital first letter ("Debbie", "STOP").
    pub cap: bool,
}

impl Tok {
    fn known(start: usize, end: usize, k: Known, brk: u8, join: u8) -> Tok {
        Tok {
            start,
            end,
            w: k.w,
            f: k.f,
            ch: k.ch,
            brk,
            join,
            synth: false,
            line: 0,
            cap: false,
        }
    }

    /// Whether it is in a list with any of these flags.
    pub fn is(&self, flags: u32) -> bool {
        self.f & flags != 0
    }
}

/// A message read as words.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The normalised text the words point into.
    buf: String,
    /// The words.
    pub toks: Vec<Tok>,
}

impl Tokens {
    /// The word as written (normalised, upper case).
    pub fn surface(&self, t: &Tok) -> &str {
        self.buf.get(t.start..t.end).unwrap_or("")
    }

    /// The normalised message: the customer's words joined as they were
    /// (space, hyphen or elision apostrophe), without emoji or punctuation.
    pub fn joined(&self) -> String {
        let mut out = String::with_capacity(self.buf.len());
        for t in self.toks.iter().filter(|t| !t.synth) {
            if !out.is_empty() && t.join != 0 {
                out.push(char::from(t.join));
            }
            out.push_str(self.surface(t));
        }
        out
    }

    /// Lower-case words `a..b` joined by spaces (for `keyword`).
    pub fn span(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        for t in self
            .toks
            .get(a..b)
            .unwrap_or(&[])
            .iter()
            .filter(|t| !t.synth)
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.surface(t).to_ascii_lowercase());
        }
        out
    }
}

/// Folds one character: full-width, styled (mathematical, circled, squared) and
/// accented Latin letters to upper-case ASCII, curly apostrophes to `'`, dashes
/// that join words to `-`. `None` for marks that are dropped without a break
/// (zero-width characters, combining accents, variation selectors).
pub fn fold(c: char) -> Option<char> {
    let u = c as u32;
    let c = match u {
        0x0300..=0x036F | 0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD | 0xFE00..=0xFE0F => {
            return None
        }
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        // Mathematical alphanumeric letters (bold, italic, script, ...): 52 a style.
        0x1D400..=0x1D6A3 => letter((u - 0x1D400) % 52 % 26),
        0x1D7CE..=0x1D7FF => char::from_u32('0' as u32 + (u - 0x1D7CE) % 10).unwrap_or(c),
        0x24B6..=0x24CF => letter(u - 0x24B6),
        0x24D0..=0x24E9 => letter(u - 0x24D0),
        0x1F130..=0x1F149 => letter(u - 0x1F130),
        0x1F150..=0x1F169 => letter(u - 0x1F150),
        0x1F170..=0x1F189 => letter(u - 0x1F170),
        _ => c,
    };
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' => {
            'A'
        }
        'ç' | 'Ç' | 'ć' | 'č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' => 'I',
        'ñ' | 'Ñ' | 'ń' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' => {
            'O'
        }
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' => 'U',
        'ý' | 'ÿ' | 'Ý' => 'Y',
        'ß' => 'S',
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}' | '\u{FF07}' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        other => other,
    };
    Some(base.to_ascii_uppercase())
}

fn letter(i: u32) -> char {
    char::from_u32('A' as u32 + i).unwrap_or('?')
}

/// What a folded character does to the words around it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Apos,
    Hyphen,
    Space,
    Weak,
    Strong,
    Laugh,
    And,
    Number,
}

fn class(c: char) -> Class {
    match c {
        'A'..='Z' | '0'..='9' => Class::Word,
        '\'' => Class::Apos,
        '-' => Class::Hyphen,
        '.' | '!' | '?' | ';' | '。' | '！' | '？' | '；' | '¡' | '¿' | '…' | '‼' | '⁉' => {
            Class::Strong
        }
        '&' => Class::And,
        // "lose my #", "wrong #".
        '#' => Class::Number,
        // Laughter and affection: 😀😁😂😃😄😅😆😉😊😍😘😜😝😛🤣🥰☺❤💕💖😻.
        '\u{1F600}'..='\u{1F606}'
        | '\u{1F609}'..='\u{1F60A}'
        | '\u{1F60D}'
        | '\u{1F618}'
        | '\u{1F61B}'..='\u{1F61D}'
        | '\u{1F923}'
        | '\u{1F970}'
        | '\u{263A}'
        | '\u{2764}'
        | '\u{1F495}'
        | '\u{1F496}'
        | '\u{1F63B}' => Class::Laugh,
        ' '
        | '\t'
        | '\u{0B}'
        | '\u{0C}'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Class::Space,
        _ => Class::Weak,
    }
}

/// French elisions split off their word: "m'envoyer" is "m" "envoyer".
fn elides(word: &str) -> bool {
    matches!(
        word,
        "C" | "D" | "J" | "L" | "M" | "N" | "S" | "T" | "QU" | "JUSQU" | "LORSQU" | "PUISQU"
    )
}

/// The customer's own lines of a message, without the history it quotes:
/// "> ..." (or "| ...") lines, with the line that introduces them ("On ...
/// wrote:"), wherever they stand — a reply may be written above the quote,
/// below it or between its lines; and once something has been written, the
/// rest from a line that starts unquoted history or a signature
/// ("-----Original Message-----", "From:", "De :", "--", "Sent from my").
/// A message with no line of its own is read as the customer's: it is all
/// they wrote.
pub fn before_quote(text: &str) -> Cow<'_, str> {
    fn own(t: &str) -> bool {
        t.bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80)
    }
    fn quoted(t: &str) -> bool {
        t.trim_start().starts_with(['>', '|'])
    }
    let mut kept = String::new();
    let mut skipped = false;
    let mut header = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        at += line.len();
        let t = line.trim_start();
        // The next line with something on it is quoted.
        let quote_follows = || {
            text.get(at..)
                .unwrap_or("")
                .split_inclusive('\n')
                .find(|l| own(l) || quoted(l))
                .is_some_and(quoted)
        };
        if quoted(t) {
            skipped = true;
            continue;
        }
        if quote_header(t) && quote_follows() {
            skipped = true;
            header = true;
            continue;
        }
        let cut = t.starts_with("---")
            || t.trim_end() == "--"
            || t.starts_with("_____")
            || [
                "From:",
                "*From:*",
                "De:",
                "De :",
                "Von:",
                "Sent from my",
                "Get Outlook for",
            ]
            .iter()
            .any(|w| t.starts_with(w))
            || quote_header(t);
        if cut && own(&kept) {
            break;
        }
        kept.push_str(line);
    }
    if !own(&kept) {
        // Only a quote: the customer's, unless a mail program introduced it
        // (then it is ours, and the customer wrote nothing).
        if header {
            Cow::Borrowed("")
        } else {
            Cow::Borrowed(text)
        }
    } else if skipped {
        Cow::Owned(kept)
    } else {
        Cow::Borrowed(text.get(..kept.len()).unwrap_or(text))
    }
}

/// A line that introduces quoted history, in the mail programs' words:
/// "On Tue, Bob wrote:", "---- On Tue, 03 Mar 2026 Bob wrote ----" (within
/// dashes), "Bob <bob@x.com> wrote:", "Le ... a écrit :", "El ... escribió:",
/// "Am ... schrieb Bob:".
fn quote_header(line: &str) -> bool {
    let t = line.trim().trim_matches('-').trim();
    let starts = |w: &str| t.starts_with(w);
    let ends = |w: &str| t.trim_end_matches(':').trim_end().ends_with(w);
    (starts("On ") && t.contains("wrote"))
        || (t.contains(" wrote on ") && t.trim_end().ends_with(':'))
        || ends("wrote")
        || ends("writes")
        || (starts("Le ") && t.contains("crit"))
        || (starts("El ") && t.contains("escribi"))
        || (starts("Am ") && t.contains("schrieb"))
}

/// The text with each link and email address as one word, "link" and
/// "address": their words ("unsub", "stop-smoking", "optout@") are nobody's
/// request, and their dots would end sentences ("remove jo@acme.com from
/// your list" reads as "remove address from your list"). What is glued
/// around one stays ("STOP,https://...", "my email is jo@acme.com. Stop");
/// the brackets and quotes around one go with it ("<jo@acme.com>").
fn without_links(text: &str) -> Cow<'_, str> {
    if !text.split_whitespace().any(|w| link_in(w).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        let space = piece.get(word.len()..).unwrap_or("");
        match link_in(word) {
            Some((start, end, kind)) => {
                out.push_str(word.get(..start).unwrap_or(""));
                out.push_str(kind);
                out.push_str(word.get(end..).unwrap_or(""));
            }
            None => out.push_str(word),
        }
        out.push_str(space);
    }
    Cow::Owned(out)
}

/// Where in word `w` a link or an email address is, with the brackets or
/// quotes around it and without the punctuation after it, and the word it
/// reads as. (Bytes: each bound stops at an ASCII byte, so it is a
/// character's bound.)
fn link_in(w: &str) -> Option<(usize, usize, &'static str)> {
    let b = w.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let addr = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let find = |pat: &[u8]| {
        (0..b.len()).find(|&i| {
            b.get(i..).is_some_and(|t| {
                t.len() >= pat.len()
                    && t.get(..pat.len())
                        .is_some_and(|x| x.eq_ignore_ascii_case(pat))
            })
        })
    };
    let (mut start, mut end, kind);
    if let Some(p) = find(b"://") {
        start = p;
        while start > 0 && at(start - 1).is_ascii_alphabetic() {
            start -= 1;
        }
        (end, kind) = (b.len(), "link");
    } else if let Some(p) = find(b"www.").filter(|&p| p == 0 || !at(p - 1).is_ascii_alphanumeric())
    {
        // ("www." starting a word: not "Awww.stop".)
        (start, end, kind) = (p, b.len(), "link");
    } else {
        let p = find(b"@")?;
        start = p;
        while start > 0 && addr(at(start - 1)) {
            start -= 1;
        }
        end = p + 1;
        while end < b.len() && addr(at(end)) {
            end += 1;
        }
        while end > p + 1 && at(end - 1) == b'.' {
            end -= 1;
        }
        if start == p || !b.get(p + 1..end).is_some_and(|d| d.contains(&b'.')) {
            return None;
        }
        // ("mailto:jo@acme.com".)
        if start >= 7
            && b.get(start - 7..start)
                .is_some_and(|m| m.eq_ignore_ascii_case(b"mailto:"))
        {
            start -= 7;
        }
        kind = "address";
    }
    while end > start && b".,!?;:)]>\"'".contains(&at(end - 1)) {
        end -= 1;
    }
    // The brackets and quotes around it go with it.
    while start > 0 && b"<([\"'".contains(&at(start - 1)) {
        start -= 1;
    }
    while end < b.len() && b">)]\"'".contains(&at(end)) {
        end += 1;
    }
    Some((start, end, kind))
}

/// The message without the mail program's subject prefixes it starts with
/// ("Re: STOP", "Subject: Remove", "Fwd: unsubscribe" are the keyword).
fn without_subject(mut text: &str) -> &str {
    loop {
        let t = text.trim_start();
        let Some(colon) = t.get(..9).unwrap_or(t).find(':') else {
            return text;
        };
        let head = t.get(..colon).unwrap_or("").trim_end();
        if !["re", "fw", "fwd", "aw", "tr", "subject", "objet", "asunto"]
            .iter()
            .any(|p| head.eq_ignore_ascii_case(p))
        {
            return text;
        }
        text = t.get(colon + 1..).unwrap_or("");
    }
}

/// The first [`HEAD_CHARS`] characters.
pub fn head(text: &str) -> &str {
    match text.char_indices().nth(HEAD_CHARS) {
        Some((i, _)) => text.get(..i).unwrap_or(text),
        None => text,
    }
}

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
}

impl Builder {
    fn end_word(&mut self) {
        let Some(start) = self.word.take() else {
            return;
        };
        while (self.out.buf.ends_with('\'') || self.out.buf.ends_with('*'))
            && self.out.buf.len() > start
        {
            self.out.buf.pop();
        }
        let end = self.out.buf.len();
        if end == start {
            return;
        }
        let surface = self.out.buf.get(start..end).unwrap_or("");
        let read = read_word(surface);
        if read.is_none() {
            if let Some((key, at)) = numbered(surface) {
                // "STOP2": the keyword, then its number as a word of its own.
                let brk = self.brk;
                self.push(Tok::known(start, start + at, key, brk, self.join));
                self.push(Tok::known(start + at, end, NUMBER, 0, 0));
                self.brk = 0;
                self.join = b' ';
                return;
            }
            if let Some((stop, rest)) = glued(surface) {
                // "stoptexting": two words, the second glued to the first.
                let at = start + 4;
                let brk = self.brk;
                self.push(Tok::known(start, at, stop, brk, self.join));
                self.push(Tok::known(at, end, rest, 0, 0));
                self.brk = 0;
                self.join = b' ';
                return;
            }
        }
        let known = read
            .or_else(|| masked(surface))
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
        };
        self.brk = 0;
        self.join = b' ';
        self.line = 0;
        if tok.brk == 0 && self.merge(&tok) {
            return;
        }
        self.push(tok);
    }

    fn push(&mut self, tok: Tok) {
        if self.out.toks.len() < MAX_TOKENS {
            self.out.toks.push(tok);
        }
    }

    /// Two words read as one: "opt out", "e-mail", "voice mail", "un subscribe".
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
                });
            }
        }
    }
}

/// Reads a message as words (the first [`HEAD_CHARS`] characters before any
/// quoted history).
pub fn tokens(text: &str) -> Tokens {
    let own = before_quote(text);
    let own = without_links(&own);
    let text = head(without_subject(&own));
    let mut b = Builder {
        out: Tokens {
            buf: String::with_capacity(text.len().min(512)),
            toks: Vec::with_capacity(24),
        },
        word: None,
        brk: 0,
        join: b' ',
        line: 0,
        cap: false,
    };
    for (c, up) in text
        .chars()
        // (A capital as written is a letter the fold left as it was: ASCII
        // only, without Unicode's case tables.)
        .filter_map(|o| fold(o).map(|c| (c, o == c && c.is_ascii_uppercase())))
    {
        // An asterisk inside a word masks letters ("f***ing"): part of it.
        if c == '*' && b.word.is_some() {
            b.out.buf.push(c);
            continue;
        }
        match class(c) {
            Class::Word => {
                if b.word.is_none() {
                    if !b.out.buf.is_empty() {
                        b.out.buf.push(char::from(b.join));
                    }
                    b.word = Some(b.out.buf.len());
                    b.cap = up;
                }
                b.out.buf.push(c);
            }
            Class::Apos => match b.word {
                Some(start) => {
                    if b.out.buf.get(start..).is_some_and(elides) {
                        b.end_word();
                        b.join = b'\'';
                    } else {
                        b.out.buf.push('\'');
                    }
                }
                None => b.join = b' ',
            },
            Class::Hyphen => {
                if b.word.is_some() {
                    b.end_word();
                    b.join = b'-';
                } else {
                    b.join = b' ';
                    b.brk = b.brk.max(WEAK);
                }
            }
            Class::Space => {
                b.end_word();
                b.join = b' ';
            }
            Class::Weak | Class::Strong => {
                b.end_word();
                if c == '\n' {
                    b.line = b.line.saturating_add(1).min(2);
                }
                b.join = b' ';
                let k = if class(c) == Class::Strong {
                    STRONG
                } else {
                    WEAK
                };
                b.brk = b.brk.max(k);
            }
            Class::Laugh => {
                b.synth("LOL");
                b.brk = b.brk.max(WEAK);
            }
            Class::And => b.synth("AND"),
            Class::Number => b.synth("NUMBER"),
        }
    }
    b.end_word();
    debug_assert!(words::lookup("LOL").is_some_and(|k| k.f & LAUGH != 0));
    debug_assert!(words::lookup("AND").is_some_and(|k| k.f & CONJ != 0));
    b.out
}

/// Normalises a message for keyword matching: folds characters, keeps letters,
/// digits, apostrophes and hyphens inside words, turns every other run into a
/// single space, and trims.
pub fn normalize(text: &str) -> String {
    tokens(text).joined()
}

/// A swear word masked or minced ("f***ing", "F*CKING", "f'ing") read as
/// the one the lists know: an intensifier, as in "stop f***ing texting me".
fn masked(s: &str) -> Option<Known> {
    let masked = s.starts_with('F')
        && s.ends_with("ING")
        && s.len() <= 9
        && s.bytes().any(|b| b == b'*' || b == b'\'');
    masked.then(|| words::lookup("FUCKING")).flatten()
}

/// A number the lists do not know (its digits are its surface).
const NUMBER: Known = Known { w: "", f: 0, ch: 0 };

/// A keyword with a number glued to it ("STOP2", "stop123", as a reply to a
/// numbered list is typed): the keyword and where its digits start.
fn numbered(s: &str) -> Option<(Known, usize)> {
    let at = s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if at == s.len() || at == 0 {
        return None;
    }
    let key = read_word(s.get(..at)?).filter(|k| k.f & KEY != 0)?;
    Some((key, at))
}

/// A stop word glued to a word of contact ("STOPTEXTING", "STOPCALLING"):
/// both words.
fn glued(s: &str) -> Option<(Known, Known)> {
    let rest = s.strip_prefix("STOP").filter(|r| r.len() >= 3)?;
    let contact =
        |w: &str| read_word(w).filter(|k| k.f & (GER | CVERB | MEDIA) != 0 && k.f & THING == 0);
    // "STOPCALLINGME": the "ME" glued on too is the customer.
    let second = contact(rest).or_else(|| rest.strip_suffix("ME").and_then(contact))?;
    Some((words::lookup("STOP")?, second))
}

/// A word the lists know, also when elongated ("stooop", "pleeease",
/// "stopppp") or a near miss of "unsubscribe" ("unsubscibe").
fn read_word(s: &str) -> Option<Known> {
    if let Some(k) = words::lookup(s) {
        return Some(k);
    }
    let bytes = s.as_bytes();
    if bytes.len() <= 32 && bytes.windows(2).any(|w| w.first() == w.get(1)) {
        let mut buf = [0u8; 32];
        for mode in [Squeeze::Two, Squeeze::One, Squeeze::TwoLastOne] {
            if let Some(k) = squeeze(bytes, mode, &mut buf).and_then(words::lookup) {
                return Some(k);
            }
        }
    }
    // A near miss of a longer word of a request, one edit away, with its
    // first letter ("callng", "txeting", "contanct", "remvoe", "mesaging").
    // Words that are one edit from these and mean something else ("testing",
    // "contract", "remote", "calming") are in the lists, and found above.
    if (6..=11).contains(&bytes.len()) {
        const NEAR: [&str; 9] = [
            "REMOVE",
            "CONTACT",
            "CONTACTING",
            "CALLING",
            "TEXTING",
            "MESSAGING",
            "EMAILING",
            "ANYMORE",
            "MESSAGES",
        ];
        for target in NEAR {
            if bytes.first() == target.as_bytes().first() && within(bytes, target.as_bytes(), 1) {
                return words::lookup(target);
            }
        }
    }
    if (8..=15).contains(&bytes.len()) && bytes.first() == Some(&b'U') {
        for (target, d) in [("UNSUBSCRIBE", 2), ("UNSUBSCRIBED", 2)] {
            let d = if bytes.len() < 10 { 1 } else { d };
            if within(bytes, target.as_bytes(), d) {
                return words::lookup(target);
            }
        }
    }
    None
}

#[derive(Clone, Copy)]
enum Squeeze {
    /// Runs of three or more letters become two ("CALLLL" → "CALL").
    Two,
    /// Every run becomes one letter ("STOOOPPP" → "STOP").
    One,
    /// Runs of three become two, and a run at the end one ("CALLINGG" → "CALLING").
    TwoLastOne,
}

fn squeeze<'b>(s: &[u8], mode: Squeeze, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let mut n = 0;
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        let mut run = 1;
        while s.get(i + run) == Some(&c) {
            run += 1;
        }
        let last = i + run == s.len();
        let keep = match mode {
            Squeeze::Two => run.min(2),
            Squeeze::One => 1,
            Squeeze::TwoLastOne if last => 1,
            Squeeze::TwoLastOne => run.min(2),
        };
        for _ in 0..keep {
            *buf.get_mut(n)? = c;
            n += 1;
        }
        i += run;
    }
    let out = std::str::from_utf8(buf.get(..n)?).ok()?;
    (out.len() < s.len()).then_some(out)
}

/// Whether `a` is within `k` edits (insert, delete, substitute, swap two
/// neighbours) of `b`.
fn within(a: &[u8], b: &[u8], k: u32) -> bool {
    match (a.split_first(), b.split_first()) {
        (None, None) => true,
        (None, Some(_)) => b.len() <= k as usize,
        (Some(_), None) => a.len() <= k as usize,
        (Some((x, ra)), Some((y, rb))) => {
            if x == y {
                return within(ra, rb, k);
            }
            if k == 0 {
                return false;
            }
            if let (Some((x2, ra2)), Some((y2, rb2))) = (ra.split_first(), rb.split_first()) {
                if x == y2 && x2 == y && within(ra2, rb2, k - 1) {
                    return true;
                }
            }
            within(ra, rb, k - 1) || within(a, rb, k - 1) || within(ra, b, k - 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(t: &str) -> Vec<String> {
        let ts = tokens(t);
        ts.toks
            .iter()
            .map(|k| {
                let w = if k.w.is_empty() { ts.surface(k) } else { k.w };
                format!(
                    "{}{}",
                    if k.brk == STRONG {
                        "|"
                    } else if k.brk == WEAK {
                        ","
                    } else {
                        ""
                    },
                    w
                )
            })
            .collect()
    }

    #[test]
    fn normalises_as_before() {
        assert_eq!(normalize(" Stop! "), "STOP");
        assert_eq!(normalize("\u{201c}stop.\u{201d}"), "STOP");
        assert_eq!(normalize("Ｓｔｏｐ"), "STOP");
        assert_eq!(normalize("ＳＴＯＰ　ＡＬＬ"), "STOP ALL");
        assert_eq!(normalize("opt-out"), "OPT-OUT");
        assert_eq!(normalize("--stop--"), "STOP");
        assert_eq!(normalize("don’t text me"), "DON'T TEXT ME");
        assert_eq!(normalize("Arrêt"), "ARRET");
        assert_eq!(normalize("l'arrêt"), "L'ARRET");
        assert_eq!(normalize("🛑"), "");
        assert_eq!(normalize("𝐒𝐓𝐎𝐏"), "STOP");
        assert_eq!(normalize("Ⓢⓣⓞⓟ"), "STOP");
        assert_eq!(normalize("S\u{200b}TOP"), "STOP");
        assert_eq!(normalize("Arre\u{0302}t"), "ARRET");
    }

    #[test]
    fn words_and_breaks() {
        assert_eq!(
            words_of("Stop. Who is this?"),
            ["STOP", "|WHO", "IS", "THIS"]
        );
        assert_eq!(words_of("opt-out pls"), ["OPTOUT", "PLEASE"]);
        assert_eq!(
            words_of("stop txting me, u"),
            ["STOP", "TEXTING", "ME", ",YOU"]
        );
        assert_eq!(words_of("m'envoyer"), ["M", "ENVOYER"]);
        assert_eq!(words_of("stop 😂"), ["STOP", "LOL"]);
        assert_eq!(words_of("texts & calls"), ["TEXTS", "AND", "CALLS"]);
        assert_eq!(words_of("e-mail"), ["EMAIL"]);
        assert_eq!(words_of("STOPTEXTING me"), ["STOP", "TEXTING", "ME"]);
        assert_eq!(words_of("stopcalling"), ["STOP", "CALLING"]);
        assert_eq!(words_of("stopover"), ["stopover".to_uppercase()]);
        assert_eq!(normalize("stoptexting"), "STOPTEXTING");
    }

    #[test]
    fn elongated_and_misspelt_words() {
        for (s, w) in [
            ("STOOOOP", "STOP"),
            ("STOPPPP", "STOP"),
            ("STOPP", "STOP"),
            ("PLEEEASE", "PLEASE"),
            ("CALLLLING", "CALLING"),
            ("TEXTINGGG", "TEXTING"),
            ("MEEEE", "ME"),
            ("UNSUBSCIBE", "UNSUBSCRIBE"),
            ("UNSUSBCRIBE", "UNSUBSCRIBE"),
            ("USUBSCRIBE", "UNSUBSCRIBE"),
        ] {
            assert_eq!(read_word(s).map(|k| k.w), Some(w), "{s}");
        }
        assert_eq!(read_word("SUBSCRIBE"), None);
        assert_eq!(read_word("RESUBSCRIBE"), None);
        assert_eq!(read_word("GREEN"), None);
    }

    #[test]
    fn quoted_history_is_not_read() {
        assert_eq!(
            before_quote("Sounds good.\n\n> Reply STOP"),
            "Sounds good.\n\n"
        );
        assert_eq!(
            before_quote("Thanks\nOn Mon, Nov 2 Cadence wrote:\nunsubscribe"),
            "Thanks\n"
        );
        assert_eq!(before_quote("> stop"), "> stop");
        // A reply written below the quote: the quote above is not read.
        assert_eq!(
            before_quote("> Reply STOP to unsubscribe\n\nsee you thursday"),
            "\nsee you thursday"
        );
        // Below the attribution and its quote, and between quoted lines.
        assert_eq!(
            before_quote("On Tue, Nov 3, 2026 Sam wrote:\n> Hi Jo.\n\nUnsubscribe me\n\nJo"),
            "\nUnsubscribe me\n\nJo"
        );
        assert_eq!(
            before_quote("Hi Sam,\nOn Tue Sam wrote:\n> Still interested?\nNo. Stop emailing me."),
            "Hi Sam,\nNo. Stop emailing me."
        );
        // Unquoted history after a header in Spanish, or quoted with bars.
        assert_eq!(
            before_quote("Sounds good.\nDe: Sam\nAsunto: hola\nResponda BAJA"),
            "Sounds good.\n"
        );
        assert_eq!(before_quote("Sounds good.\n| Reply STOP"), "Sounds good.\n");
        // Only our quoted message under its attribution: nothing of theirs.
        assert_eq!(
            before_quote("On Mon, Nov 2 Cadence wrote:\n> unsubscribe here"),
            ""
        );
        // "wrote on" in the customer's own sentence.
        assert_eq!(
            before_quote("Hi,\nI never wrote on your form.\nPlease stop texting me."),
            "Hi,\nI never wrote on your form.\nPlease stop texting me."
        );
        assert_eq!(
            before_quote(">> Reply STOP\n> ok?\nyes\n> more\nbye"),
            "yes\nbye"
        );
    }
}
