//! The resident worklist: contacts held in memory with a compact key per
//! contact, for filtering and counting between two keystrokes.
//!
//! Each contact keeps only what filters, counts and ordering need (status index,
//! next-label id, phase id, allowed-channel bits, the due flag, priority and due
//! time), not its whole evaluation: [`Worklist::get`] evaluates the one contact
//! asked for, which gives exactly what [`evaluate`] gives. The contacts matching
//! no filter are kept in work order at all times, so a query walks that order
//! once and a count walks the keys once.
//!
//! `refresh(now)` re-evaluates only the contacts whose evaluation can have
//! changed: each evaluation carries the earliest instant after its `now` at which
//! it could change (a due time, a phase end, the window opening or closing, a
//! cap expiring, the next event), so moving forward touches only those. Moving
//! `now` backwards re-evaluates every contact.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::context::Env;
use crate::error::{Error, Result};
use crate::evaluate::{evaluate, evaluate_in, Evaluation};
use crate::model::{Channel, Contact, ContactId};
use crate::playbook::Playbook;
use crate::status::Status;
use crate::time::Instant;

/// A filter: every given field must hold (AND); within a list, any value (OR).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Filter {
    /// Status ids.
    pub status: Option<Vec<Status>>,
    /// Next-action labels (`"1st Attempt"`, `"Redial"`, ...; `"none"` for no next action).
    pub next: Option<Vec<String>>,
    /// Campaign phase ids.
    pub phase: Option<Vec<String>>,
    /// Channels: the contact may be reached now on at least one of them.
    pub allowed: Option<Vec<Channel>>,
    /// Whether the next action is due now.
    pub due: Option<bool>,
    /// Whether an automatic send is due now (for the host's sender loop).
    pub auto_due: Option<bool>,
    /// Text in the name, display name or id (case ignored).
    pub text: Option<String>,
}

impl Filter {
    /// Reads a filter from any deserializer.
    ///
    /// # Errors
    /// Field-path errors.
    pub fn from_deserializer<'de, D>(d: D) -> Result<Filter>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        serde_path_to_error::deserialize(d).map_err(Error::from_path)
    }
}

/// Counts per facet.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    /// By status id.
    pub status: BTreeMap<&'static str, u32>,
    /// By next-action label (`"none"` when there is none).
    pub next: BTreeMap<String, u32>,
    /// By campaign phase id.
    pub phase: BTreeMap<String, u32>,
    /// By channel allowed now.
    pub allowed: BTreeMap<&'static str, u32>,
}

/// The label of "no next action" in filters and counts.
pub const NO_NEXT: &str = "none";
const NO_PHASE: u16 = u16::MAX;

/// Strings seen in one facet (next labels, phase ids), numbered as they come.
#[derive(Default)]
struct Names {
    names: Vec<String>,
    ids: HashMap<String, u16>,
}

impl Names {
    fn id(&mut self, name: &str) -> u16 {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = u16::try_from(self.names.len()).unwrap_or(u16::MAX - 1);
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), i);
        i
    }

    fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    /// One flag per known name: is it in `wanted`.
    fn mask(&self, wanted: &[String]) -> Vec<bool> {
        let mut m = vec![false; self.names.len()];
        for w in wanted {
            if let Some(slot) = self.ids.get(w).and_then(|&i| m.get_mut(usize::from(i))) {
                *slot = true;
            }
        }
        m
    }
}

/// What filters, counts and ordering read of one evaluation.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    /// Index in [`Status::ALL`].
    status: u8,
    /// Next-label id ([`NO_NEXT`] included).
    label: u16,
    /// Phase id, or [`NO_PHASE`].
    phase: u16,
    /// Bit `i` set when channel `Channel::ALL[i]` is allowed now.
    allowed: u8,
    /// The next action is due now.
    due: bool,
    /// An automatic send is due now.
    auto_due: bool,
    /// Work priority (higher first).
    priority: f64,
    /// Due time of the next action (`i64::MAX` when none).
    due_ms: i64,
}

impl Key {
    /// Work order: due first, then higher priority, then earlier due time.
    fn order(&self, other: &Key) -> Ordering {
        other
            .due
            .cmp(&self.due)
            .then(other.priority.total_cmp(&self.priority))
            .then(self.due_ms.cmp(&other.due_ms))
    }
}

struct Entry {
    /// Boxed: the facet and query scans read only the small fields below, and
    /// a short entry keeps more of them in each cache line.
    contact: Box<Contact>,
    /// The id as text (the index key and the last tie-break of the order).
    id: String,
    /// Lower-case id, name and display name, for `text` filters.
    search: String,
    /// Evaluated at the worklist's `now`: `key` and `valid_until` hold.
    evaluated: bool,
    key: Key,
    /// Re-evaluate once `now` reaches this (epoch ms).
    valid_until: i64,
}

/// The facts a filter and the facets read, eight bytes a contact, kept in one
/// dense array beside the entries (slot for slot) so a scan over 100k contacts
/// reads 800 KB instead of every entry.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Facts {
    status: u8,
    allowed: u8,
    due: bool,
    auto_due: bool,
    evaluated: bool,
    label: u16,
    phase: u16,
}

impl Facts {
    fn of(e: &Entry) -> Facts {
        Facts {
            status: e.key.status,
            allowed: e.key.allowed,
            due: e.key.due,
            auto_due: e.key.auto_due,
            evaluated: e.evaluated,
            label: e.key.label,
            phase: e.key.phase,
        }
    }
}

/// What `remove` did to the slots: each `(from, to)` moved the contact in slot
/// `from` to slot `to`, in that sequence; then the list was cut to `len`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Removal {
    /// How many of the ids were held.
    pub removed: usize,
    /// Slot moves, in order.
    pub moves: Vec<(usize, usize)>,
}

/// What `upsert` did: slots of new contacts, in slot order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Upserted {
    /// Contacts added (each in a new slot at the end).
    pub added: usize,
    /// Contacts replaced by a changed version.
    pub changed: usize,
    /// Contacts given again unchanged (not re-evaluated).
    pub unchanged: usize,
}

/// A filter resolved against the worklist's numbering.
struct Compiled {
    status: Option<u16>,
    labels: Option<Vec<bool>>,
    phases: Option<Vec<bool>>,
    allowed: Option<u8>,
    due: Option<bool>,
    auto_due: Option<bool>,
    text: Option<String>,
}

impl Compiled {
    fn keys_match(&self, k: &Facts) -> bool {
        if let Some(m) = self.status {
            if m & (1 << k.status) == 0 {
                return false;
            }
        }
        if let Some(m) = &self.labels {
            if !m.get(usize::from(k.label)).copied().unwrap_or(false) {
                return false;
            }
        }
        if let Some(m) = &self.phases {
            if !m.get(usize::from(k.phase)).copied().unwrap_or(false) {
                return false;
            }
        }
        if let Some(m) = self.allowed {
            if k.allowed & m == 0 {
                return false;
            }
        }
        if let Some(d) = self.due {
            if k.due != d {
                return false;
            }
        }
        if let Some(d) = self.auto_due {
            if k.auto_due != d {
                return false;
            }
        }
        true
    }

    /// Whether the contact in a slot matches: its facts, then (only for a text
    /// filter) its entry's search text.
    fn matches(&self, f: &Facts, e: Option<&Entry>) -> bool {
        f.evaluated
            && self.keys_match(f)
            && self
                .text
                .as_deref()
                .map_or(true, |t| e.is_some_and(|e| e.search.contains(t)))
    }
}

/// The worklist.
pub struct Worklist {
    playbook: Playbook,
    now: Option<Instant>,
    entries: Vec<Entry>,
    /// [`Facts`] of each entry, slot for slot, rebuilt after every change.
    facts: Vec<Facts>,
    index: HashMap<String, usize>,
    labels: Names,
    phases: Names,
    /// Slots of the evaluated contacts, in work order.
    order: Vec<u32>,
}

fn status_index(s: Status) -> u8 {
    Status::ALL
        .iter()
        .position(|x| *x == s)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(0)
}

fn search_text(c: &Contact, id: &str) -> String {
    let mut s = id.to_lowercase();
    if let Some(n) = &c.name {
        s.push('\u{1}');
        s.push_str(&n.to_lowercase());
    }
    s
}

impl Worklist {
    /// An empty worklist.
    pub fn new(playbook: Playbook, now: Option<Instant>) -> Worklist {
        let mut labels = Names::default();
        labels.id(NO_NEXT);
        Worklist {
            playbook,
            now,
            entries: Vec::new(),
            facts: Vec::new(),
            index: HashMap::new(),
            labels,
            phases: Names::default(),
            order: Vec::new(),
        }
    }

    /// The playbook it evaluates with.
    pub fn playbook(&self) -> &Playbook {
        &self.playbook
    }

    /// How many contacts.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The `now` it is evaluated at, if any yet.
    pub fn now(&self) -> Option<Instant> {
        self.now
    }

    /// The contact id in each slot, in slot order (slots are what
    /// [`Worklist::query_slots`] returns and [`Removal`] moves).
    pub fn ids(&self) -> impl Iterator<Item = &ContactId> + '_ {
        self.entries.iter().map(|e| &e.contact.id)
    }

    /// Evaluates one entry at `now` and stores its key; the search text gains the
    /// display name when it differs from the name.
    fn evaluate_entry(
        env: &Env,
        labels: &mut Names,
        phases: &mut Names,
        e: &mut Entry,
        now: Instant,
    ) {
        let ev = evaluate_in(env, &e.contact, now, false);
        e.key = Self::key_of(labels, phases, &ev);
        e.valid_until = ev.valid_until_ms();
        e.evaluated = true;
        let shown = ev.display_name.to_lowercase();
        let mut search = search_text(&e.contact, &e.id);
        if !search.contains(&shown) {
            search.push('\u{1}');
            search.push_str(&shown);
        }
        e.search = search;
    }

    fn key_of(labels: &mut Names, phases: &mut Names, ev: &Evaluation) -> Key {
        let mut allowed = 0u8;
        for (i, c) in Channel::ALL.iter().enumerate() {
            if ev.channels.get(*c).allowed {
                allowed |= 1 << i;
            }
        }
        Key {
            status: status_index(ev.status),
            label: labels.id(ev.next.as_ref().map_or(NO_NEXT, |n| n.label.as_str())),
            phase: ev
                .campaign
                .as_ref()
                .map_or(NO_PHASE, |c| phases.id(&c.phase)),
            allowed,
            due: ev.next.as_ref().is_some_and(|n| n.due),
            auto_due: ev.next_auto.as_ref().is_some_and(|n| n.due),
            priority: ev.priority,
            due_ms: ev.due_ms.map_or(i64::MAX, |t| t.0),
        }
    }

    fn cmp_slots(entries: &[Entry], a: u32, b: u32) -> Ordering {
        match (entries.get(a as usize), entries.get(b as usize)) {
            (Some(x), Some(y)) => x.key.order(&y.key).then_with(|| x.id.cmp(&y.id)),
            _ => a.cmp(&b),
        }
    }

    /// Puts the `changed` slots (newly evaluated, or with a new key) back in
    /// work order: the others keep their relative order, so this is one sort of
    /// the changed slots and one merge.
    fn reorder(&mut self, mut changed: Vec<u32>) {
        if changed.is_empty() {
            return;
        }
        let entries = &self.entries;
        if changed.len() * 4 >= entries.len() {
            // Most moved: sort everything.
            let mut all: Vec<u32> = (0..entries.len())
                .filter(|&i| entries.get(i).is_some_and(|e| e.evaluated))
                .filter_map(|i| u32::try_from(i).ok())
                .collect();
            all.sort_unstable_by(|&a, &b| Self::cmp_slots(entries, a, b));
            self.order = all;
            return;
        }
        let mut moved = vec![false; entries.len()];
        for &s in &changed {
            if let Some(m) = moved.get_mut(s as usize) {
                *m = true;
            }
        }
        changed.sort_unstable_by(|&a, &b| Self::cmp_slots(entries, a, b));
        changed.dedup();
        changed.retain(|&s| entries.get(s as usize).is_some_and(|e| e.evaluated));
        let mut out = Vec::with_capacity(self.order.len() + changed.len());
        let mut new = changed.into_iter().peekable();
        for &s in &self.order {
            if moved.get(s as usize).copied().unwrap_or(true) {
                continue;
            }
            while let Some(&n) = new.peek() {
                if Self::cmp_slots(entries, n, s) == Ordering::Less {
                    out.push(n);
                    new.next();
                } else {
                    break;
                }
            }
            out.push(s);
        }
        out.extend(new);
        self.order = out;
    }

    /// Adds or replaces contacts by id; unchanged contacts are not re-evaluated.
    /// When one id comes several times, the last one wins.
    pub fn upsert(&mut self, contacts: Vec<Contact>) -> Upserted {
        let mut done = Upserted::default();
        let mut changed = Vec::new();
        for c in contacts {
            let id = c.id.text();
            let slot = match self.index.get(&id).copied() {
                Some(i) => {
                    let Some(e) = self.entries.get_mut(i) else {
                        continue;
                    };
                    if *e.contact == c {
                        done.unchanged += 1;
                        continue;
                    }
                    done.changed += 1;
                    e.search = search_text(&c, &id);
                    *e.contact = c;
                    e.evaluated = false;
                    i
                }
                None => {
                    done.added += 1;
                    let i = self.entries.len();
                    self.index.insert(id.clone(), i);
                    self.entries.push(Entry {
                        search: search_text(&c, &id),
                        id,
                        contact: Box::new(c),
                        evaluated: false,
                        key: Key {
                            status: 0,
                            label: 0,
                            phase: NO_PHASE,
                            allowed: 0,
                            due: false,
                            auto_due: false,
                            priority: 0.0,
                            due_ms: i64::MAX,
                        },
                        valid_until: i64::MIN,
                    });
                    i
                }
            };
            if let Ok(s) = u32::try_from(slot) {
                changed.push(s);
            }
        }
        if let Some(now) = self.now {
            changed.sort_unstable();
            changed.dedup();
            let env = Env::new(&self.playbook);
            for &s in &changed {
                if let Some(e) = self.entries.get_mut(s as usize) {
                    Self::evaluate_entry(&env, &mut self.labels, &mut self.phases, e, now);
                }
            }
            self.reorder(changed);
        } else {
            // Nothing is evaluated before the first `now`; a replaced contact
            // leaves the order.
            let entries = &self.entries;
            self.order
                .retain(|&s| entries.get(s as usize).is_some_and(|e| e.evaluated));
        }
        self.sync_facts();
        done
    }

    /// Removes contacts by id. The last contact moves into each freed slot.
    pub fn remove(&mut self, ids: &[String]) -> Removal {
        let mut out = Removal::default();
        let n = self.entries.len();
        // Which original slot each current slot holds.
        let mut origin: Vec<u32> = (0..n).filter_map(|i| u32::try_from(i).ok()).collect();
        for id in ids {
            let Some(i) = self.index.remove(id) else {
                continue;
            };
            out.removed += 1;
            let last = self.entries.len().saturating_sub(1);
            self.entries.swap_remove(i);
            origin.swap_remove(i);
            if let Some(moved) = self.entries.get(i) {
                self.index.insert(moved.id.clone(), i);
                out.moves.push((last, i));
            }
        }
        if out.removed > 0 {
            let mut now_at = vec![u32::MAX; n];
            for (new, &old) in origin.iter().enumerate() {
                if let (Some(slot), Ok(new)) = (now_at.get_mut(old as usize), u32::try_from(new)) {
                    *slot = new;
                }
            }
            self.order = self
                .order
                .iter()
                .filter_map(|&s| now_at.get(s as usize).copied().filter(|&x| x != u32::MAX))
                .collect();
        }
        self.sync_facts();
        out
    }

    /// Re-evaluates at `now`; returns how many contacts were re-evaluated.
    pub fn refresh(&mut self, now: Instant) -> usize {
        let back = self.now.is_some_and(|old| now < old);
        self.now = Some(now);
        let mut n = 0;
        let mut changed = Vec::new();
        let env = Env::new(&self.playbook);
        for (i, e) in self.entries.iter_mut().enumerate() {
            if e.evaluated && !back && e.valid_until > now.0 {
                continue;
            }
            let before = e.evaluated.then_some(e.key);
            Self::evaluate_entry(&env, &mut self.labels, &mut self.phases, e, now);
            n += 1;
            let moved = before.map_or(true, |k| {
                k.due != e.key.due || k.priority != e.key.priority || k.due_ms != e.key.due_ms
            });
            if moved {
                if let Ok(s) = u32::try_from(i) {
                    changed.push(s);
                }
            }
        }
        self.reorder(changed);
        self.sync_facts();
        n
    }

    fn compile(&self, f: &Filter) -> Compiled {
        Compiled {
            status: f
                .status
                .as_ref()
                .map(|s| s.iter().fold(0u16, |m, x| m | 1 << status_index(*x))),
            labels: f.next.as_ref().map(|l| self.labels.mask(l)),
            phases: f.phase.as_ref().map(|p| self.phases.mask(p)),
            allowed: f.allowed.as_ref().map(|cs| {
                cs.iter().fold(0u8, |m, c| {
                    let i = Channel::ALL.iter().position(|x| x == c).unwrap_or(0);
                    m | 1 << i
                })
            }),
            due: f.due,
            auto_due: f.auto_due,
            text: f
                .text
                .as_ref()
                .map(|t| t.trim().to_lowercase())
                .filter(|t| !t.is_empty()),
        }
    }

    /// Rebuilds the dense [`Facts`] from the entries (a copy of 8 bytes a
    /// contact, done once per change rather than at every site that changes one).
    fn sync_facts(&mut self) {
        self.facts.clear();
        self.facts.extend(self.entries.iter().map(Facts::of));
    }

    /// The slots of the contacts matching `f`, in work order: due first, then
    /// higher priority, then earlier due time, then id.
    pub fn query_slots(&self, f: &Filter) -> Vec<u32> {
        self.query_page(f, 0, usize::MAX)
    }

    /// The slots of one page of the matches, in work order: `limit` of them
    /// after skipping `offset` (a table shows one screen at a time).
    pub fn query_page(&self, f: &Filter, offset: usize, limit: usize) -> Vec<u32> {
        let c = self.compile(f);
        self.order
            .iter()
            .copied()
            .filter(|&s| {
                self.facts
                    .get(s as usize)
                    .is_some_and(|k| c.matches(k, self.entries.get(s as usize)))
            })
            .skip(offset)
            .take(limit)
            .collect()
    }

    /// The ids matching `f`, in work order: due first, then higher priority,
    /// then earlier due time, then id.
    pub fn query(&self, f: &Filter) -> Vec<&ContactId> {
        self.query_slots(f)
            .into_iter()
            .filter_map(|s| self.entries.get(s as usize).map(|e| &e.contact.id))
            .collect()
    }

    /// Counts among the contacts matching `f`.
    pub fn facets(&self, f: &Filter) -> Facets {
        let c = self.compile(f);
        let mut status = [0u32; 16];
        let mut labels = vec![0u32; self.labels.names.len()];
        let mut phases = vec![0u32; self.phases.names.len()];
        let mut allowed = [0u32; 3];
        for (i, k) in self.facts.iter().enumerate() {
            if !c.matches(k, self.entries.get(i)) {
                continue;
            }
            if let Some(n) = status.get_mut(usize::from(k.status)) {
                *n += 1;
            }
            if let Some(n) = labels.get_mut(usize::from(k.label)) {
                *n += 1;
            }
            if let Some(n) = phases.get_mut(usize::from(k.phase)) {
                *n += 1;
            }
            for (i, n) in allowed.iter_mut().enumerate() {
                *n += u32::from(k.allowed >> i & 1);
            }
        }
        // Every status, channel and campaign phase is listed, zeros included,
        // so a sidebar keeps its rows; next-action labels are those in use.
        let mut out = Facets::default();
        for (s, &n) in Status::ALL.iter().zip(&status) {
            out.status.insert(s.id(), n);
        }
        if let Some(c) = &self.playbook.campaign {
            for p in &c.phases {
                out.phase.insert(p.id.clone(), 0);
            }
        }
        for (i, &n) in labels.iter().enumerate() {
            if n > 0 {
                out.next.insert(self.labels.name(i).to_string(), n);
            }
        }
        for (i, &n) in phases.iter().enumerate() {
            if n > 0 {
                out.phase.insert(self.phases.name(i).to_string(), n);
            }
        }
        for (c, &n) in Channel::ALL.iter().zip(&allowed) {
            out.allowed.insert(c.as_str(), n);
        }
        out
    }

    /// The evaluation of a contact by id at the worklist's `now` (`None` before
    /// the first `now` or for an unknown id): exactly what [`evaluate`] gives.
    pub fn get(&self, id: &str) -> Option<Evaluation> {
        let now = self.now?;
        self.index
            .get(id)
            .and_then(|&i| self.entries.get(i))
            .map(|e| evaluate(&e.contact, &self.playbook, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn playbook() -> Playbook {
        Playbook::from_json(crate::preset_json("monthly-campaign").unwrap_or("")).unwrap_or_else(
            |_| Playbook::from_json(r#"{"name":"x"}"#).unwrap_or_else(|_| unreachable_pb()),
        )
    }

    #[allow(clippy::panic)]
    fn unreachable_pb() -> Playbook {
        panic!("no playbook")
    }

    fn contact(id: &str, events: &str) -> Contact {
        let text = format!(
            r#"{{"id":"{id}","name":"N {id}","timeZone":"America/New_York","addedAt":"2026-10-20T15:00:00Z","events":[{events}]}}"#
        );
        crate::input::contact_from_json(&text).unwrap_or_else(|e| {
            #[allow(clippy::panic)]
            {
                panic!("{e}")
            }
        })
    }

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or(Instant(0))
    }

    const OUT: &str =
        r#"{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"}"#;
    const IN: &str =
        r#"{"kind":"message","at":"2026-11-03T14:00:00Z","channel":"sms","direction":"in"}"#;

    fn sample() -> Vec<Contact> {
        (0..60)
            .map(|i| {
                let ev = match i % 3 {
                    0 => String::new(),
                    1 => OUT.to_string(),
                    _ => format!("{OUT},{IN}"),
                };
                contact(&format!("c{i}"), &ev)
            })
            .collect()
    }

    /// The order and counts a plain scan over full evaluations gives.
    fn check_against_scan(w: &Worklist) {
        let now = w.now.unwrap_or(Instant(0));
        let mut evs: Vec<Evaluation> = w
            .entries
            .iter()
            .map(|e| crate::evaluate::evaluate(&e.contact, &w.playbook, now))
            .collect();
        evs.sort_by(|a, b| {
            let k = |e: &Evaluation| {
                (
                    e.next.as_ref().is_some_and(|n| n.due),
                    e.priority,
                    e.due_ms.map_or(i64::MAX, |t| t.0),
                )
            };
            let (da, pa, ta) = k(a);
            let (db, pb, tb) = k(b);
            db.cmp(&da)
                .then(pb.total_cmp(&pa))
                .then(ta.cmp(&tb))
                .then_with(|| a.id.text().cmp(&b.id.text()))
        });
        let want: Vec<String> = evs.iter().map(|e| e.id.text()).collect();
        let got: Vec<String> = w
            .query(&Filter::default())
            .iter()
            .map(|i| i.text())
            .collect();
        assert_eq!(got, want);
        let f = w.facets(&Filter::default());
        assert_eq!(f.status.values().sum::<u32>() as usize, w.len());
        assert_eq!(f.next.values().sum::<u32>() as usize, w.len());
        for (s, n) in &f.status {
            let st = Status::ALL.iter().find(|x| x.id() == *s).copied();
            let q = w.query(&Filter {
                status: st.map(|s| vec![s]),
                ..Filter::default()
            });
            assert_eq!(q.len() as u32, *n, "{s}");
        }
        for (l, n) in &f.next {
            let q = w.query(&Filter {
                next: Some(vec![l.clone()]),
                ..Filter::default()
            });
            assert_eq!(q.len() as u32, *n, "{l}");
        }
    }

    #[test]
    fn keys_order_and_counts_match_full_evaluations() {
        let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
        let up = w.upsert(sample());
        assert_eq!(up.added, 60);
        check_against_scan(&w);
        let again = w.upsert(sample());
        assert_eq!(again.unchanged, 60);
        // Forward, backward, and forward again.
        for t in [
            "2026-11-12T15:01:00Z",
            "2026-11-21T13:00:00Z",
            "2026-11-02T03:00:00Z",
            "2026-12-01T15:00:00Z",
        ] {
            w.refresh(at(t));
            check_against_scan(&w);
        }
    }

    #[test]
    fn forward_refresh_touches_only_stale_contacts() {
        let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
        w.upsert(sample());
        assert_eq!(w.refresh(at("2026-11-12T15:00:00.001Z")), 0);
        assert_eq!(w.refresh(at("2026-11-02T15:00:00Z")), 60);
    }

    #[test]
    fn remove_keeps_order_and_index() {
        let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
        w.upsert(sample());
        let gone: Vec<String> = (0..60).step_by(7).map(|i| format!("c{i}")).collect();
        let r = w.remove(&gone);
        assert_eq!(r.removed, gone.len());
        assert_eq!(w.len(), 60 - gone.len());
        check_against_scan(&w);
        for id in &gone {
            assert!(w.get(id).is_none());
        }
        assert!(w.get("c1").is_some());
    }

    #[test]
    fn last_duplicate_wins_and_text_filter() {
        let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
        w.upsert(vec![contact("a", ""), contact("a", OUT)]);
        assert_eq!(w.len(), 1);
        assert_eq!(w.get("a").map(|e| e.status), Some(Status::NoSmsReply));
        let q = w.query(&Filter {
            text: Some("  N A ".into()),
            ..Filter::default()
        });
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn nothing_listed_before_the_first_now() {
        let mut w = Worklist::new(playbook(), None);
        w.upsert(sample());
        assert!(w.query(&Filter::default()).is_empty());
        assert!(w.get("c1").is_none());
        w.refresh(at("2026-11-12T15:00:00Z"));
        check_against_scan(&w);
    }
}
