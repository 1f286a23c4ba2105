//! The resident worklist: contacts held in memory with their facts in
//! columns, for filtering and counting between two keystrokes.
//!
//! Each contact is kept in its compact form (events sorted, customers'
//! messages already read) beside its facts: status, next-label number, phase
//! number, the allowed channels and due flags, priority, due time, valid-until
//! — one flat array per fact ([`columns`]). [`Worklist::get`] renders the one
//! contact asked for, exactly as [`crate::evaluate::evaluate`] gives it. The
//! matching contacts are kept in work order ([`order`]: put back in order by
//! the first read after a change), so a query walks that order once and a
//! count walks the columns once ([`facets`]).
//!
//! `refresh(now)` re-evaluates only the contacts whose facts can have changed:
//! each carries the earliest instant after its `now` at which it could change
//! (a due time, a phase end, the window opening or closing, a cap expiring,
//! the next event), so moving forward touches only those. The window's turns
//! are kept apart: a channel under no DND and no cap answers as its place's
//! window does until a new event, so a contact whose only change is a turn
//! takes its place's answer, worked out once per place, and is not
//! re-evaluated (a day on, 7% of the bench's contacts are, where 93% were).
//! Moving `now` backwards re-evaluates every contact.

mod columns;
mod facets;
mod filter;
mod index;
mod order;
#[cfg(test)]
mod tests;
mod update;

use std::cell::RefCell;
use std::rc::Rc;

use crate::context::Places;
use crate::evaluate::{evaluate, Evaluation};
use crate::model::{Contact, ContactId};
use crate::playbook::Playbook;
use crate::time::Instant;

pub use columns::{Columns, Names, AUTO_DUE, EVALUATED, NO_NEXT, TEXTING_BLOCKED};
use columns::{Labels, PlaceIds, DUE, NO_PHASE, OVERDUE};
pub use facets::Facets;
pub use filter::Filter;

/// What `remove` did to the slots: each `(from, to)` moved the contact in slot
/// `from` to slot `to`, in that sequence; then the list was cut to `len`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Removal {
    /// How many of the ids were held.
    pub removed: usize,
    /// Slot moves, in order.
    pub moves: Vec<(usize, usize)>,
}

/// What `upsert` did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Upserted {
    /// Contacts added (each in a new slot at the end).
    pub added: usize,
    /// Contacts replaced by a changed version.
    pub changed: usize,
    /// Contacts given again unchanged (not re-evaluated).
    pub unchanged: usize,
    /// Slots whose id is now given in another form (`1` then `"1"`): the
    /// same contact, echoed as last given.
    pub renamed: Vec<u32>,
}

/// What the worklist keeps of one contact, in words ([`Worklist::kept`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// The status.
    pub status: crate::status::Status,
    /// The next action's label ([`NO_NEXT`] when none).
    pub next: String,
    /// The campaign phase id.
    pub phase: Option<String>,
    /// The channels allowed now.
    pub allowed: Vec<crate::model::Channel>,
    /// The next action is due.
    pub due: bool,
    /// The next action is overdue.
    pub overdue: bool,
    /// An automatic send is due.
    pub auto_due: bool,
    /// Texting is blocked (the display name carries the opt-out suffix).
    pub texting_blocked: bool,
    /// Work priority.
    pub priority: f64,
    /// The next action's due time, epoch ms.
    pub due_at: Option<i64>,
    /// When the facts can next change, epoch ms.
    pub valid_until: Option<i64>,
}

/// The worklist.
pub struct Worklist {
    /// Shared with the environments of each call, which borrow it while the
    /// columns change.
    playbook: Rc<Playbook>,
    now: Option<Instant>,
    /// The contacts, slot by slot.
    contacts: Vec<Contact>,
    /// The id of each slot as text (the index key and the last tie-break of
    /// the order).
    keys: Vec<Box<str>>,
    /// The facts, slot by slot.
    cols: Columns,
    /// The slot of each id (the ids are `keys`).
    index: index::Index,
    labels: Labels,
    phases: Names,
    /// The phase number of each of the playbook's phases.
    phase_ids: Vec<u16>,
    /// Slots of the evaluated contacts, in work order, put back in order
    /// when next read (see [`order`]).
    order: RefCell<order::Order>,
    /// The places worked out by earlier calls (their hours' days and
    /// openings), for the next.
    places: Places,
    /// The number of each place a slot has been evaluated in.
    place_ids: PlaceIds,
    /// The consent fold's lists, lent to each evaluation.
    lent: crate::consent::Lent,
}

/// Lower-case `id \u{1} name` (the name left empty when blank), as
/// `str::to_lowercase` gives each part: one allocation of the exact size
/// when both are ASCII, as CRM ids and most names are.
fn search_text(c: &Contact, id: &str, suffix: &str) -> Box<str> {
    // (The opt-out suffix a CRM saved in the name is the display name's,
    // there only while texting is blocked.)
    let name = c
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map_or("", |n| crate::facts::without_suffix(n, suffix));
    let mut s = String::with_capacity(id.len().saturating_add(name.len()).saturating_add(1));
    push_lowercase(&mut s, id);
    s.push('\u{1}');
    push_lowercase(&mut s, name);
    s.into_boxed_str()
}

/// Appends `text` lower-cased, as `str::to_lowercase` gives it (the whole
/// text at once: a final sigma depends on what precedes it).
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let from = out.len();
        out.push_str(text);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
    } else {
        out.push_str(&lowercase(text));
    }
}

/// `text` lower-cased by Unicode's default rule, as `String.prototype.toLowerCase`
/// and `str::to_lowercase` give it, a final sigma as a sigma, with typographic apostrophes as `'` (a
/// Mac or a phone types "can’t text"); in WebAssembly also composed (NFC),
/// so that "José" typed finds a name a Mac's file system or a CRM's import
/// kept decomposed ("e" and a combining accent). In WebAssembly the host's does it:
/// Rust's case tables are 8.4 KB of the gzipped module, for the few names and
/// filter texts that are not ASCII (each such one crosses to the host and
/// back).
#[cfg(target_arch = "wasm32")]
pub(crate) fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let text = js_sys::JsString::from(text)
        .normalize("NFC")
        .to_lower_case();
    plain_apostrophes(String::from(text))
}

/// `text` lower-cased by Unicode's default rule (see the WebAssembly build's).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn lowercase(text: &str) -> String {
    plain_apostrophes(text.to_lowercase())
}

/// The right and left single quotation marks, the modifier letter apostrophe
/// and the full-width one, as `'`; and a final sigma as a sigma: lower-cased
/// whole, a search typed "ΚΩΣ" ends in "ς", which "Κωστας" holds as "σ".
fn plain_apostrophes(text: String) -> String {
    const MARKS: [char; 4] = ['\u{2019}', '\u{2018}', '\u{02BC}', '\u{FF07}'];
    let text = if text.contains(MARKS) {
        text.replace(MARKS, "'")
    } else {
        text
    };
    // (ς is CF 82 in UTF-8, σ CF 83: one byte changed in place.)
    let mut bytes = text.into_bytes();
    let mut prev = 0;
    for b in &mut bytes {
        if prev == 0xCF && *b == 0x82 {
            *b = 0x83;
        }
        prev = *b;
    }
    String::from_utf8(bytes).unwrap_or_default()
}

impl Worklist {
    /// An empty worklist.
    pub fn new(playbook: Playbook, now: Option<Instant>) -> Worklist {
        let labels = Labels::new(&playbook);
        let mut phases = Names::default();
        let phase_ids = playbook
            .campaign
            .as_ref()
            .map(|c| c.phases.iter().map(|p| phases.id(&p.id)).collect())
            .unwrap_or_default();
        Worklist {
            playbook: Rc::new(playbook),
            now,
            contacts: Vec::new(),
            keys: Vec::new(),
            cols: Columns::default(),
            index: index::Index::default(),
            labels,
            phases,
            phase_ids,
            order: RefCell::default(),
            places: Places::default(),
            place_ids: PlaceIds::default(),
            lent: crate::consent::Lent::default(),
        }
    }

    /// The playbook it evaluates with.
    pub fn playbook(&self) -> &Playbook {
        &self.playbook
    }

    /// How many contacts.
    pub fn len(&self) -> usize {
        self.contacts.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty()
    }

    /// The `now` it is evaluated at, if any yet.
    pub fn now(&self) -> Option<Instant> {
        self.now
    }

    /// The contact id in each slot, in slot order (slots are what
    /// [`Worklist::query_slots`] returns and [`Removal`] moves).
    pub fn ids(&self) -> impl Iterator<Item = &ContactId> + '_ {
        self.contacts.iter().map(|c| &c.id)
    }

    /// The id of the contact in `slot`.
    pub fn id_at(&self, slot: u32) -> Option<&ContactId> {
        self.contacts.get(slot as usize).map(|c| &c.id)
    }

    /// The fact columns, slot by slot (for readers that take them whole).
    pub fn columns(&self) -> &Columns {
        &self.cols
    }

    /// The names the `label` column numbers: next-action labels, "none" among
    /// them.
    pub fn label_names(&self) -> &Names {
        &self.labels.names
    }

    /// The names the `phase` column numbers: the playbook's campaign phases.
    pub fn phase_names(&self) -> &Names {
        &self.phases
    }

    fn compile(&self, f: &Filter) -> filter::Compiled {
        if f.text.is_some() {
            self.cols.search.get_or_init(|| {
                self.contacts
                    .iter()
                    .zip(&self.keys)
                    .map(|(c, id)| search_text(c, id, &self.playbook.opt_out.suffix))
                    .collect()
            });
        }
        filter::Compiled::new(
            f,
            &self.labels.names,
            &self.phases,
            &self.playbook.opt_out.suffix,
        )
    }

    /// The slots of the contacts matching `f`, in work order (see
    /// [`order`]).
    pub fn query_slots(&self, f: &Filter) -> Vec<u32> {
        self.query_page(f, 0, usize::MAX)
    }

    /// The slots of one page of the matches, in work order: `limit` of them
    /// after skipping `offset` (a table shows one screen at a time).
    pub fn query_page(&self, f: &Filter, offset: usize, limit: usize) -> Vec<u32> {
        let c = self.compile(f);
        self.with_order(|order| {
            order
                .iter()
                .copied()
                .filter(|&s| c.matches(&self.cols, s as usize))
                .skip(offset)
                .take(limit)
                .collect()
        })
    }

    /// The ids matching `f`, in work order.
    pub fn query(&self, f: &Filter) -> Vec<&ContactId> {
        self.query_slots(f)
            .into_iter()
            .filter_map(|s| self.contacts.get(s as usize).map(|c| &c.id))
            .collect()
    }

    /// Counts among the contacts matching `f`.
    pub fn facets(&self, f: &Filter) -> Facets {
        let c = self.compile(f);
        facets::count(
            &self.cols,
            &c,
            &self.labels.names,
            &self.phases,
            &self.playbook,
        )
    }

    /// What the worklist keeps of a contact, by id, in words (`None` for an
    /// unknown id or before the first `now`): the facts its filters, counts and
    /// order read, for checking them against [`evaluate`].
    pub fn kept(&self, id: &str) -> Option<Kept> {
        self.now?;
        let s = self.index.get(&self.keys, id)? as usize;
        if !self.cols.evaluated(s) {
            return None;
        }
        let c = &self.cols;
        let flags = *c.flags.get(s)?;
        let phase = *c.phase.get(s)?;
        Some(Kept {
            status: crate::status::Status::ALL
                .get(usize::from(*c.status.get(s)?))
                .copied()?,
            next: self
                .labels
                .names
                .name(usize::from(*c.label.get(s)?))
                .to_string(),
            phase: (phase != NO_PHASE).then(|| self.phases.name(usize::from(phase)).to_string()),
            allowed: crate::model::Channel::ALL
                .into_iter()
                .filter(|ch| flags & filter::channel_bit(*ch) != 0)
                .collect(),
            due: flags & DUE != 0,
            overdue: flags & OVERDUE != 0,
            auto_due: flags & AUTO_DUE != 0,
            texting_blocked: flags & TEXTING_BLOCKED != 0,
            priority: *c.priority.get(s)?,
            due_at: Some(*c.due_ms.get(s)?).filter(|&t| t != i64::MAX),
            valid_until: Some(*c.valid_until.get(s)?).filter(|&t| t != i64::MAX),
        })
    }

    /// The evaluation of a contact by id at the worklist's `now` (`None` before
    /// the first `now` or for an unknown id): exactly what [`evaluate`] gives.
    pub fn get(&self, id: &str) -> Option<Evaluation> {
        let now = self.now?;
        self.index
            .get(&self.keys, id)
            .and_then(|s| self.contacts.get(s as usize))
            .map(|c| evaluate(c, &self.playbook, now))
    }
}
