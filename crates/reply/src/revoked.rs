//! The channels an opt-out revokes.

use serde::{Serialize, Serializer};

use crate::channel::Channel;

/// The channels an opt-out revokes: a small set over [`Channel`], listed in
/// the order sms, call, email. Serialises as a JSON array (`["sms", "call"]`).
///
/// ```
/// use cadence_reply::Revoked;
/// use cadence_reply::channel::Channel;
///
/// let r = Revoked::of(Channel::Call).union(Revoked::of(Channel::Sms));
/// assert!(r.contains(Channel::Sms) && !r.contains(Channel::Email));
/// assert_eq!(r.iter().collect::<Vec<_>>(), [Channel::Sms, Channel::Call]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Revoked(pub(super) u8);

impl Revoked {
    /// No channel.
    pub const NONE: Revoked = Revoked(0);
    /// Every channel.
    pub const ALL: Revoked = Revoked(7);

    fn bit(c: Channel) -> u8 {
        match c {
            Channel::Sms => 1,
            Channel::Call => 2,
            Channel::Email => 4,
        }
    }

    /// Just this channel.
    pub fn of(c: Channel) -> Revoked {
        Revoked(Self::bit(c))
    }

    /// From channel bits (sms 1, call 2, email 4).
    pub(crate) fn from_bits(b: u8) -> Revoked {
        Revoked(b & 7)
    }

    /// Whether it holds `c`.
    pub fn contains(self, c: Channel) -> bool {
        self.0 & Self::bit(c) != 0
    }

    /// Whether it holds no channel.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Both sets together.
    pub fn union(self, other: Revoked) -> Revoked {
        Revoked(self.0 | other.0)
    }

    /// Whether it holds every channel.
    pub fn is_all(self) -> bool {
        self.0 == 7
    }

    /// Its channels, in the order sms, call, email.
    pub fn iter(self) -> impl Iterator<Item = Channel> {
        Channel::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

impl Serialize for Revoked {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Channel::as_str))
    }
}
