//! FNV-1a hashing for the crate's lookup tables.
//!
//! The keys are short words from the crate's own tables and from the text
//! being read; a table lookup happens for many words of every document, and
//! SipHash (the standard library's default, built to resist keys chosen by
//! an attacker) costs several times more per short key. The tables are
//! small and fixed once built, so a crafted document cannot degrade them:
//! it can only make lookups miss.

use std::hash::{BuildHasher, Hasher};

/// Builds [`Fnv`] hashers.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct BuildFnv;

/// The 64-bit FNV-1a hasher.
pub(crate) struct Fnv(u64);

impl BuildHasher for BuildFnv {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
