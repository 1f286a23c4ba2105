//! Room in the module's memory for a bulk load, taken in few, large growths.
//!
//! The allocator grows the memory a few 64 KiB pages at a time, as it needs
//! them. In V8 each growth makes a new `ArrayBuffer` of the whole memory, and
//! once the memory is large (past about 64 MB) each can set off a full garbage
//! collection of the host's heap: a book of 100,000 contacts loaded 1,000 at a
//! time beside a resident one grew the memory in 46 of its 100 calls and took
//! 11.7 s in Node, against 1.0 s with the room there already.
//!
//! So before a bulk call reads its text, [`room`] makes sure about what the
//! load will keep is free, and an eighth of the memory; when it is not, the
//! memory grows once, by a quarter of its size or more (as a `Vec` grows
//! geometrically), so a book loaded in small calls grows it a few times, not
//! once a call: 2 of those 100 calls grew it, and they took 1.4–1.7 s. What is
//! free is the memory less the allocator's live bytes, which the global
//! allocator counts: the standard one, each call passed on unchanged and its
//! bytes added or taken off. (The `cap` crate does the same, but its counting,
//! inlined at every allocation, made the module 14 KB larger gzipped; this
//! one's calls stay out of line: 0.3 KB.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The standard allocator, with its live bytes counted.
#[global_allocator]
static ALLOCATOR: Counted = Counted;

/// Bytes handed out and not given back.
static LIVE: AtomicUsize = AtomicUsize::new(0);

struct Counted;

// SAFETY: every call is passed to the standard allocator unchanged, with its
// own arguments; the count is only read by `room`, never to allocate.
unsafe impl GlobalAlloc for Counted {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }
    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Relaxed);
        }
        p
    }
    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            LIVE.fetch_add(new_size, Relaxed);
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

/// Bytes of one page of WebAssembly memory.
const PAGE: usize = 65_536;

/// The byte size of the module's linear memory.
fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size::<0>().saturating_mul(PAGE)
}

/// Bytes the allocator has handed out and not been given back.
fn live_bytes() -> usize {
    LIVE.load(Relaxed)
}

/// Makes sure about `bytes` are free for the allocator before a bulk load,
/// and an eighth of the memory at least: nothing when they are (the memory
/// less the live bytes and the module's data and stack); else one growth of
/// the memory, by `bytes` less what is free, or by a quarter of its size,
/// whichever is more.
///
/// The eighth kept free is for what the count cannot see: the allocator's
/// own few bytes per block, and free room in holes too small for the text of
/// the next batch. The room is a block taken and given back at once: it
/// stays with the allocator as free room (wasm memory never shrinks), and
/// the load's allocations are carved from it. The block's address goes
/// through `black_box`: an allocation nothing reads is one the optimizer may
/// leave out (it does at `opt-level = 3`). When the memory cannot grow that
/// far, the allocator is left to grow it as the load needs.
pub fn room(bytes: usize) {
    let memory = memory_bytes();
    let free = memory
        .saturating_sub(live_bytes())
        .saturating_sub(static_bytes());
    if free >= bytes.max(memory / 8) {
        return;
    }
    for want in [bytes.max(free.saturating_add(memory / 4)), bytes] {
        let mut block = Vec::<u8>::new();
        if block.try_reserve_exact(want).is_ok() {
            std::hint::black_box(block.as_ptr());
            return;
        }
    }
}

/// The module's data and stack, below its heap, in bytes, at most: the
/// memory not handed out when first asked (its first megabytes, with what
/// the allocator kept free then counted as taken, to be safe).
fn static_bytes() -> usize {
    static BASE: AtomicUsize = AtomicUsize::new(0);
    if BASE.load(Relaxed) == 0 {
        BASE.store(memory_bytes().saturating_sub(live_bytes()), Relaxed);
    }
    BASE.load(Relaxed)
}
