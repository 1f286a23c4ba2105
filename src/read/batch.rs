//! A batch of contacts: one JSON array read in one pass, each element to its
//! own contact or its own error, and the array's outline when an element is
//! not valid JSON inside.

use crate::context::Fallback;
use crate::error::{Error, Result};
use crate::model::Contact;
use crate::playbook::Playbook;

use super::json::{Reader, Syntax};
use super::record::{read_contact, Batch};
use super::{read_whole, Errors, NonFinite};

/// The byte ranges of the elements of a JSON array (a batch of contacts),
/// found without reading them: each is then read on its own, so a bad contact
/// yields its own error and the rest still read.
///
/// # Errors
/// When the text is not a JSON array, or its elements' brackets and quotes
/// do not close (an element with another fault is found all the same).
pub fn array_elements(text: &str) -> Result<Vec<std::ops::Range<usize>>> {
    let mut r = Reader::new(text);
    let fail = |e: Syntax| Error::input("", e.message);
    r.ws();
    if r.peek() != Some(b'[') {
        let got = r.describe_value().unwrap_or_else(|e| e);
        return Err(Error::input(
            "",
            format!("expected an array of contacts, got {got}"),
        ));
    }
    let mut out = Vec::new();
    r.elements(|r, _| {
        let start = r.pos;
        r.skip_element()?;
        // (JSON's whitespace only: a no-break space after an element is no
        // part of the outline.)
        let element = r.text.get(start..r.pos).unwrap_or("");
        let end = start.saturating_add(element.trim_end_matches([' ', '\n', '\r', '\t']).len());
        if end == start {
            // "[{},]": no element between the comma and the bracket.
            return Err(r.syntax("a JSON value"));
        }
        out.push(start..end);
        Ok(())
    })
    .map_err(fail)?;
    r.ws();
    if r.pos < r.bytes.len() {
        return Err(Error::input(
            "",
            format!(
                "expected the end of the array, got more text at byte {}",
                r.pos
            ),
        ));
    }
    Ok(out)
}

/// The contacts of a JSON array text (a batch), read in one pass: each
/// element's byte range with its contact or its own error, in order.
///
/// Yields `Err` once, and then nothing, when the text is not a JSON array of
/// values (what [`array_elements`] refuses); the items yielded before it are
/// then to be dropped with the batch.
pub fn contacts<'a>(text: &'a str, playbook: &'a Playbook) -> Contacts<'a> {
    Contacts {
        text,
        r: Reader::new(text),
        fallback: Fallback::of(playbook),
        batch: Batch::new(&playbook.keywords),
        index: 0,
        state: Walk::Start,
    }
}

/// [`contacts`], for the JSON text a host wrote from its own values: see
/// [`NonFinite`] (records are numbered from 0, in the array's order).
pub fn contacts_from_host<'a>(
    text: &'a str,
    playbook: &'a Playbook,
    host: &'a dyn NonFinite,
) -> Contacts<'a> {
    let mut c = contacts(text, playbook);
    c.batch.host = Some(host);
    c
}

/// The iterator of [`contacts`].
pub struct Contacts<'a> {
    text: &'a str,
    r: Reader<'a>,
    fallback: Fallback,
    batch: Batch<'a>,
    index: usize,
    state: Walk,
}

/// Where a [`Contacts`] walk stands.
enum Walk {
    Start,
    Elements,
    /// A record was not valid JSON inside while the array around it is: the
    /// rest are read from the ranges the array's outline gives (as
    /// [`array_elements`] finds them), each on its own.
    Ranges(std::vec::IntoIter<std::ops::Range<usize>>),
    Done,
}

/// One item of [`contacts`]: an element's byte range and its contact or error.
pub type Element = (std::ops::Range<usize>, Result<Contact>);

impl Contacts<'_> {
    fn fail(&mut self, e: Error) -> Option<Result<Element>> {
        self.state = Walk::Done;
        Some(Err(e))
    }

    /// The next element read in place; `None` after the closing bracket.
    fn element(&mut self) -> Option<Result<Element>> {
        self.batch.record = self.index;
        let r = &mut self.r;
        r.ws();
        let start = r.pos;
        let item = if r.peek() == Some(b'{') {
            let mut out = Errors::default();
            match read_contact(r, &mut out, self.fallback, &mut self.batch) {
                Ok(c) => out.finish(c),
                Err(_) => return self.outline(),
            }
        } else {
            if r.value().is_err() {
                return self.outline();
            }
            // Not an object: the element's own error, as `contact` words it
            // (with what the host held where the text has `null`).
            let mut out = Errors::default();
            let text = self.text;
            let mut whole = Reader::new(text.get(start..self.r.pos).unwrap_or(""));
            read_whole(&mut whole, &mut out, self.fallback, &mut self.batch)
        };
        let end = self.r.pos;
        self.r.ws();
        match self.r.peek() {
            Some(b',') => self.r.bump(),
            Some(b']') => {
                self.r.bump();
                self.r.ws();
                if self.r.pos < self.r.bytes.len() {
                    return self.outline();
                }
                self.state = Walk::Done;
            }
            _ => return self.outline(),
        }
        self.index = self.index.saturating_add(1);
        Some(Ok((start..end, item)))
    }

    /// A syntax error met in place: the array's outline decides. When it is
    /// not an array of values, that is the batch's error; when it is, the
    /// elements from this one on are read each on its own.
    fn outline(&mut self) -> Option<Result<Element>> {
        match array_elements(self.text) {
            Err(e) => self.fail(e),
            Ok(ranges) => {
                let mut rest = ranges.into_iter();
                for _ in 0..self.index {
                    rest.next();
                }
                self.state = Walk::Ranges(rest);
                self.next()
            }
        }
    }
}

impl Iterator for Contacts<'_> {
    type Item = Result<Element>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.state {
            Walk::Done => None,
            Walk::Ranges(rest) => {
                let range = rest.next()?;
                let raw = self.text.get(range.clone()).unwrap_or("");
                let mut out = Errors::default();
                let mut r = Reader::new(raw);
                self.batch.record = self.index;
                self.index = self.index.saturating_add(1);
                let c = read_whole(&mut r, &mut out, self.fallback, &mut self.batch);
                Some(Ok((range, c)))
            }
            Walk::Start => {
                self.r.ws();
                if self.r.peek() != Some(b'[') {
                    return self.outline();
                }
                self.r.bump();
                self.r.ws();
                if self.r.peek() == Some(b']') {
                    self.r.bump();
                    self.r.ws();
                    if self.r.pos < self.r.bytes.len() {
                        return self.outline();
                    }
                    self.state = Walk::Done;
                    return None;
                }
                self.state = Walk::Elements;
                self.element()
            }
            Walk::Elements => self.element(),
        }
    }
}
