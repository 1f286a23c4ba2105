//! The resident worklist: contacts held in memory with their evaluations, for
//! filtering and counting between two keystrokes.
//!
//! `refresh(now)` re-evaluates only the contacts whose evaluation can have
//! changed: each evaluation carries the earliest instant after its `now` at which
//! it could change (a due time, a phase end, the window opening or closing, a
//! cap expiring, the next event), so moving forward touches only those. Moving
//! `now` backwards re-evaluates every contact.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::evaluate::{evaluate, Evaluation};
use crate::model::{Channel, Contact};
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

struct Entry {
    contact: Contact,
    eval: Option<Evaluation>,
    search: String,
}

/// The worklist.
pub struct Worklist {
    playbook: Playbook,
    now: Option<Instant>,
    entries: Vec<Entry>,
    index: HashMap<String, usize>,
}

fn search_text(c: &Contact) -> String {
    let mut s = c.id.text().to_lowercase();
    if let Some(n) = &c.name {
        s.push('\u{1}');
        s.push_str(&n.to_lowercase());
    }
    s
}

impl Worklist {
    /// An empty worklist.
    pub fn new(playbook: Playbook, now: Option<Instant>) -> Worklist {
        Worklist {
            playbook,
            now,
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// How many contacts.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds or replaces contacts by id; unchanged contacts are not re-evaluated.
    pub fn upsert(&mut self, contacts: Vec<Contact>) {
        for c in contacts {
            let key = c.id.text();
            match self.index.get(&key).copied() {
                Some(i) => {
                    let Some(e) = self.entries.get_mut(i) else {
                        continue;
                    };
                    if e.contact == c {
                        continue;
                    }
                    e.eval = self.now.map(|n| evaluate(&c, &self.playbook, n));
                    e.search = search_text(&c);
                    e.contact = c;
                }
                None => {
                    let eval = self.now.map(|n| evaluate(&c, &self.playbook, n));
                    self.index.insert(key, self.entries.len());
                    self.entries.push(Entry {
                        search: search_text(&c),
                        contact: c,
                        eval,
                    });
                }
            }
        }
    }

    /// Removes contacts by id; returns how many were held.
    pub fn remove(&mut self, ids: &[String]) -> usize {
        let mut removed = 0;
        for id in ids {
            if let Some(i) = self.index.remove(id) {
                self.entries.swap_remove(i);
                if let Some(moved) = self.entries.get(i) {
                    self.index.insert(moved.contact.id.text(), i);
                }
                removed += 1;
            }
        }
        removed
    }

    /// Re-evaluates at `now`; returns how many contacts were re-evaluated.
    pub fn refresh(&mut self, now: Instant) -> usize {
        let back = self.now.is_some_and(|old| now < old);
        self.now = Some(now);
        let mut n = 0;
        for e in &mut self.entries {
            let stale = match &e.eval {
                None => true,
                Some(ev) => back || ev.valid_until <= now,
            };
            if stale {
                e.eval = Some(evaluate(&e.contact, &self.playbook, now));
                n += 1;
            }
        }
        n
    }

    fn matches(f: &Filter, e: &Entry) -> bool {
        let Some(ev) = &e.eval else { return false };
        if let Some(s) = &f.status {
            if !s.contains(&ev.status) {
                return false;
            }
        }
        if let Some(labels) = &f.next {
            let label = ev.next.as_ref().map_or("none", |n| n.label.as_str());
            if !labels.iter().any(|l| l == label) {
                return false;
            }
        }
        if let Some(phases) = &f.phase {
            let Some(c) = &ev.campaign else { return false };
            if !phases.contains(&c.phase) {
                return false;
            }
        }
        if let Some(chans) = &f.allowed {
            if !chans.iter().any(|c| ev.channels.get(*c).allowed) {
                return false;
            }
        }
        if let Some(due) = f.due {
            let is_due = ev.next.as_ref().is_some_and(|n| n.due);
            if is_due != due {
                return false;
            }
        }
        if let Some(t) = &f.text {
            let t = t.trim().to_lowercase();
            if !t.is_empty()
                && !e.search.contains(&t)
                && !ev.display_name.to_lowercase().contains(&t)
            {
                return false;
            }
        }
        true
    }

    /// The ids matching `f`, in work order: due first, then higher priority,
    /// then earlier due time, then id.
    pub fn query(&self, f: &Filter) -> Vec<&crate::model::ContactId> {
        let mut hits: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| Self::matches(f, e))
            .collect();
        hits.sort_by(|a, b| {
            let key = |e: &Entry| {
                let ev = e.eval.as_ref();
                let due = ev.and_then(|v| v.next.as_ref()).is_some_and(|n| n.due);
                let pr = ev.map_or(0.0, |v| v.priority);
                let at = ev.and_then(|v| v.due_ms).map_or(i64::MAX, |t| t.0);
                (due, pr, at)
            };
            let (da, pa, ta) = key(a);
            let (db, pb, tb) = key(b);
            db.cmp(&da)
                .then(pb.total_cmp(&pa))
                .then(ta.cmp(&tb))
                .then_with(|| a.contact.id.text().cmp(&b.contact.id.text()))
        });
        hits.into_iter().map(|e| &e.contact.id).collect()
    }

    /// Counts among the contacts matching `f`.
    pub fn facets(&self, f: &Filter) -> Facets {
        let mut out = Facets::default();
        for e in &self.entries {
            if !Self::matches(f, e) {
                continue;
            }
            let Some(ev) = &e.eval else { continue };
            *out.status.entry(ev.status.id()).or_default() += 1;
            let label = ev.next.as_ref().map_or("none", |n| n.label.as_str());
            *out.next.entry(label.to_string()).or_default() += 1;
            if let Some(c) = &ev.campaign {
                *out.phase.entry(c.phase.clone()).or_default() += 1;
            }
            for c in Channel::ALL {
                if ev.channels.get(c).allowed {
                    *out.allowed.entry(c.as_str()).or_default() += 1;
                }
            }
        }
        out
    }

    /// The evaluation of a contact by id (`None` before the first `now`).
    pub fn get(&self, id: &str) -> Option<&Evaluation> {
        self.index
            .get(id)
            .and_then(|&i| self.entries.get(i))
            .and_then(|e| e.eval.as_ref())
    }
}
