//! Every listed word and variant in a hash table, and looking a word up.

use std::sync::OnceLock;

use super::lists::{List, LISTS, VARIANTS};
use super::Known;

/// One word of the index: its spelling, the word it stands for (itself, or
/// the listed word a variant leads to), and its flags with channel bits on top.
#[derive(Clone, Copy)]
struct Entry {
    key: &'static str,
    canon: &'static str,
    bits: u64,
}

/// Channel bits sit above the flags (32 bits of them) in [`Entry::bits`].
const CH_SHIFT: u32 = 32;

/// Every listed word and variant, one entry a spelling, in a hash table.
struct Index {
    entries: Vec<Entry>,
    /// Open addressing: entry index + 1, or 0 for an empty slot.
    slots: Vec<u16>,
}

/// Slots in the table (a power of two, at least twice the words: a word
/// past half of it is not added, so the test below counts every variant).
const SLOTS: usize = 8192;

fn hash(word: &str) -> usize {
    // FNV-1a.
    let h = word.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    h as usize & (SLOTS - 1)
}

impl Index {
    fn slot_of(&self, word: &str) -> Result<usize, usize> {
        let mut s = hash(word);
        loop {
            match self.slots.get(s).copied() {
                Some(0) | None => return Err(s),
                Some(i) => {
                    if self
                        .entries
                        .get(usize::from(i) - 1)
                        .is_some_and(|e| e.key == word)
                    {
                        return Ok(usize::from(i) - 1);
                    }
                }
            }
            s = (s + 1) & (SLOTS - 1);
        }
    }

    fn add(&mut self, e: Entry) {
        match self.slot_of(e.key) {
            // In several lists: the flags and channels of all of them.
            Ok(i) => {
                if let Some(old) = self.entries.get_mut(i) {
                    old.bits |= e.bits;
                }
            }
            Err(s) => {
                if self.entries.len() + 1 < SLOTS / 2 {
                    self.entries.push(e);
                    if let Some(slot) = self.slots.get_mut(s) {
                        *slot = self.entries.len() as u16;
                    }
                }
            }
        }
    }

    fn get(&self, word: &str) -> Option<&Entry> {
        self.slot_of(word).ok().and_then(|i| self.entries.get(i))
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = Index {
            entries: Vec::with_capacity(2400),
            slots: vec![0; SLOTS],
        };
        for List(flags, ch, words) in LISTS {
            for w in words.split_ascii_whitespace() {
                ix.add(Entry {
                    key: w,
                    canon: w,
                    bits: u64::from(*flags) | (u64::from(*ch) << CH_SHIFT),
                });
            }
        }
        // A variant carries the flags of the word it leads to.
        for pair in VARIANTS.iter().flat_map(|l| l.split_ascii_whitespace()) {
            if let Some((key, canon)) = pair.split_once('>') {
                let bits = ix.get(canon).map_or(0, |e| e.bits);
                ix.add(Entry { key, canon, bits });
            }
        }
        ix
    })
}

/// Looks a word up: a variant spelling leads to the word it stands for. A
/// variant whose word is in no list is still known (its flags are empty).
pub fn lookup(word: &str) -> Option<Known> {
    let e = index().get(word)?;
    Some(Known {
        w: e.canon,
        f: e.bits as u32,
        ch: (e.bits >> CH_SHIFT) as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_holds_every_word_once() {
        let ix = index();
        let mut keys: Vec<&str> = ix.entries.iter().map(|e| e.key).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n);
        assert!(n > 900 && n < SLOTS / 2, "{n}");
        let listed = LISTS.iter().flat_map(|l| l.2.split_ascii_whitespace());
        assert!(listed
            .clone()
            .all(|w| ix.get(w).is_some_and(|e| e.key == w)));
        // Every variant too ("CROSS>SCRATCH": none is lost to a full table).
        let variants = VARIANTS.iter().flat_map(|l| l.split_ascii_whitespace());
        assert!(variants
            .filter_map(|p| p.split_once('>'))
            .all(|(k, _)| ix.get(k).is_some()));
    }
}
