//! From a message to words: folding, clause boundaries, quoted history, and
//! reading a word the lists know even when it is elongated or misspelt.
//!
//! - `chars`: folding a character, and the part it plays between words;
//! - `quote`: the quoted history, signature and subject prefixes around the
//!   customer's words;
//! - `links`: links and email addresses, each read as one word;
//! - `spelling`: a word the lists know however it is written;
//! - `tokenize`: characters into words, with the breaks between them.

mod chars;
mod links;
mod quote;
mod spelling;
mod tokenize;

use super::words::Known;
use std::borrow::Cow;

pub use quote::before_quote;

/// At most this many characters of a message are read.
const HEAD_CHARS: usize = 2000;

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
    /// Written in capitals only ("CANCEL", not "Cancel").
    pub upper: bool,
    /// After a hyphen standing alone ("-Bob", "- Bob").
    pub hyphen: bool,
    /// After a dash with a space before it ("STOP – CALLING"), and no other
    /// break.
    dash: bool,
    /// A question mark in the break before it ("Stop? No way").
    pub ask: bool,
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
            upper: false,
            hyphen: false,
            dash: false,
            ask: false,
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
    /// A question mark after the last word ("¿Esto es spam?").
    pub asks: bool,
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

/// The first [`HEAD_CHARS`] characters.
pub fn head(text: &str) -> &str {
    match text.char_indices().nth(HEAD_CHARS) {
        Some((i, _)) => text.get(..i).unwrap_or(text),
        None => text,
    }
}

/// Reads a message as words (the first [`HEAD_CHARS`] characters before any
/// quoted history).
pub fn tokens(text: &str) -> Tokens {
    // ("ArrÃªtez": UTF-8 once read as Windows-1252, mended.)
    let text = crate::cp1252::unmangled(text);
    let text = without_markup(&text);
    let own = before_quote(&text);
    let own = links::without_links(&own);
    tokenize::read(head(quote::without_subject(&own)))
}

/// The text of an email's HTML part as a mail program may hand it over:
/// block tags as line breaks ("<p>REMOVE</p>", "<div>End</div><br>"),
/// inline ones as a space ("<b>Do not</b> email me", "Please
/// <strong>remove</strong> me"), entities as their character ("Don&#39;t",
/// "don&rsquo;t", `&nbsp;`). What nobody wrote is dropped: the `<head>`
/// (an Outlook reply's style sheet runs to kilobytes, past what is read),
/// `<style>`, `<script>`, `<title>`, comments, and a `<blockquote>` (the
/// history a reply quotes, above it or below). A `<` that opens no tag
/// ("<3", "a < b", "<jo@acme.com>") stays.
fn without_markup(text: &str) -> Cow<'_, str> {
    if !(text.contains('<') || text.contains('&')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['<', '&']) {
        let (before, at) = rest.split_at(i);
        out.push_str(before);
        let tag = at
            .strip_prefix('<')
            .filter(|t| t.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'))
            .and_then(|t| t.get(..t.find('>')?.min(400)))
            // (Not an address or a link in angle brackets: "<jo@acme.com>";
            // but a tag with attributes: "<a href=\"mailto:jo@acme.com\">".)
            .filter(|inner| !(inner.contains('@') || inner.contains("://")) || inner.contains(' '));
        let (skip, with) = match tag {
            Some(inner) if at.get(inner.len() + 1..inner.len() + 2) == Some(">") => {
                let name = inner.split([' ', '\n', '\t', '\r']).next().unwrap_or("");
                let is =
                    |list: &str, name: &str| list.split(' ').any(|w| w.eq_ignore_ascii_case(name));
                let n = inner.len() + 2;
                if name.starts_with("!--") {
                    (at.find("-->").map_or(at.len(), |e| e + 3), "\n")
                } else if is("head style script title blockquote", name) {
                    // (Up to its closing tag.)
                    let end = at
                        .match_indices("</")
                        .map(|(e, _)| e)
                        .find(|&e| {
                            at.get(e + 2..e + 2 + name.len())
                                .is_some_and(|c| is(c, name))
                        })
                        .and_then(|e| Some(e + at.get(e..)?.find('>')? + 1));
                    (end.unwrap_or(at.len()), "\n")
                // (A table's cells in a row as one line: a card's "Text:"
                // and its number side by side.)
                } else if is(
                    "b i u em strong span a font td th",
                    name.trim_start_matches('/'),
                ) {
                    (n, " ")
                } else {
                    (n, "\n")
                }
            }
            _ => entity(at).unwrap_or((1, at.get(..1).unwrap_or_default())),
        };
        out.push_str(with);
        rest = at.get(skip..).unwrap_or_default();
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// An HTML entity at the start of `at`: its length and its character.
/// Those a mail program writes in words: spaces, `&`, apostrophes and
/// quotes ("Don&#39;t", "don&rsquo;t", "Don&#x27;t"), `<`, `>` and dashes.
/// (A table, not a number parser: the module is compiled to WebAssembly,
/// where size counts.)
fn entity(at: &str) -> Option<(usize, &'static str)> {
    const ALL: [(&str, &str); 24] = [
        ("&nbsp;", " "),
        ("&#160;", " "),
        ("&amp;", "&"),
        ("&#38;", "&"),
        ("&apos;", "'"),
        ("&#39;", "'"),
        ("&#x27;", "'"),
        ("&rsquo;", "'"),
        ("&#8217;", "'"),
        ("&#x2019;", "'"),
        ("&lsquo;", "'"),
        ("&#8216;", "'"),
        ("&quot;", "\""),
        ("&#34;", "\""),
        ("&ldquo;", "\""),
        ("&#8220;", "\""),
        ("&rdquo;", "\""),
        ("&#8221;", "\""),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&ndash;", "-"),
        ("&#8211;", "-"),
        ("&mdash;", "-"),
        ("&#8212;", "-"),
    ];
    ALL.iter()
        .find(|(e, _)| at.starts_with(e))
        .map(|(e, c)| (e.len(), *c))
}

/// Normalises a message for keyword matching: folds characters, keeps letters,
/// digits, apostrophes and hyphens inside words, turns every other run into a
/// single space, and trims.
pub fn normalize(text: &str) -> String {
    tokens(text).joined()
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
    fn spelt_letters_and_spaced_dashes() {
        assert_eq!(words_of("s t o p texting me"), ["STOP", "TEXTING", "ME"]);
        assert_eq!(words_of("please R E M O V E"), ["PLEASE", "REMOVE"]);
        // Not a word of the lists, or fewer than three letters: as written.
        assert_eq!(normalize("U S A"), "U S A");
        assert_eq!(normalize("I am a b c"), "I AM A B C");
        assert_eq!(normalize("a b testing"), "A B TESTING");
        assert_eq!(normalize("x s t o p"), "X S T O P");
        assert_eq!(
            words_of("STOP \u{2013} CALLING \u{2013} ME"),
            ["STOP", "CALLING", "ME"]
        );
        assert_eq!(normalize("stop - texting - me"), "STOP-TEXTING-ME");
        // One dash, or a dash after a word group: a clause break.
        assert_eq!(
            words_of("Thanks \u{2013} stop by"),
            ["THANKS", ",STOP", "BY"]
        );
        assert_eq!(
            words_of("Sure - call me - at 5"),
            ["SURE", ",CALL", "ME", ",AT", "5"]
        );
    }
}
