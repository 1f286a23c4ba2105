//! The slots of the resident contacts by id: a table of slot numbers hashed by
//! the id text the worklist keeps for each slot anyway (its `keys`), so each id
//! is held once, not a second time as the key of a map, and a load hashes each
//! id once (a look-up and an insertion share the hash).

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

/// Slot numbers by id; the ids themselves are the worklist's `keys`, passed in.
#[derive(Default)]
pub struct Index {
    table: HashTable<u32>,
    hasher: FxBuildHasher,
}

/// Where an id stands: its slot, or the hash to insert it with.
pub enum Found {
    /// The id's slot.
    At(u32),
    /// Not there; insert with this hash ([`Index::insert`]).
    Absent(u64),
}

impl Index {
    fn hash(&self, id: &str) -> u64 {
        self.hasher.hash_one(id)
    }

    /// The slot of `id`; `keys` are the ids by slot.
    pub fn get(&self, keys: &[Box<str>], id: &str) -> Option<u32> {
        match self.find(keys, id) {
            Found::At(s) => Some(s),
            Found::Absent(_) => None,
        }
    }

    /// The slot of `id`, or the hash to insert it with.
    pub fn find(&self, keys: &[Box<str>], id: &str) -> Found {
        let h = self.hash(id);
        match self.table.find(h, |&s| key(keys, s) == Some(id)) {
            Some(&s) => Found::At(s),
            None => Found::Absent(h),
        }
    }

    /// Adds `slot`, whose id (`keys[slot]`, of hash `hash` from [`Index::find`])
    /// is not in the index yet.
    pub fn insert(&mut self, keys: &[Box<str>], hash: u64, slot: u32) {
        let hasher = self.hasher;
        self.table.insert_unique(hash, slot, |&s| {
            key(keys, s).map_or(0, |k| hasher.hash_one(k))
        });
    }

    /// Takes `id` out; returns its slot.
    pub fn remove(&mut self, keys: &[Box<str>], id: &str) -> Option<u32> {
        let h = self.hash(id);
        let entry = self
            .table
            .find_entry(h, |&s| key(keys, s) == Some(id))
            .ok()?;
        Some(entry.remove().0)
    }

    /// Says that the contact of id `id` moved from slot `from` to slot `to`.
    pub fn moved(&mut self, id: &str, from: u32, to: u32) {
        if let Some(s) = self.table.find_mut(self.hash(id), |&s| s == from) {
            *s = to;
        }
    }
}

fn key(keys: &[Box<str>], slot: u32) -> Option<&str> {
    keys.get(slot as usize).map(|k| &**k)
}
