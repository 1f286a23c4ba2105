//! Worklist filters: what a rep asks for, resolved against the worklist's
//! numbering and tested on the fact columns.

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Channel;
use crate::playbook::{ObjectOnly, Record};
use crate::status::Status;

use super::columns::{Columns, Names, AUTO_DUE, DUE, EVALUATED, TEXTING_BLOCKED};
use super::lowercase;

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
    /// Read as `checkChannel` reads its channel: `"SMS"`, `"text"`,
    /// `"Phone Call"` ([`crate::api::channel_named`]).
    #[serde(default, deserialize_with = "channels_named")]
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
        // As an object only: serde's derived reader would also take an
        // array of the fields in order (and its code).
        serde_path_to_error::deserialize(d)
            .map(|ObjectOnly(f)| f)
            .map_err(Error::from_path)
    }
}

impl Record for Filter {
    const EXPECTED: &'static str =
        "a filter object ({status?, next?, phase?, allowed?, due?, autoDue?, text?})";
}

/// A channel as a host writes it; see [`Filter::allowed`].
struct Named(Channel);

impl<'de> Deserialize<'de> for Named {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        crate::api::channel_named(&s).map(Named).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "expected one of \"sms\", \"call\", \"email\", got \"{s}\""
            ))
        })
    }
}

/// [`Filter::allowed`]'s reader.
fn channels_named<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<Channel>>, D::Error> {
    let list = Option::<Vec<Named>>::deserialize(d)?;
    Ok(list.map(|l| l.into_iter().map(|Named(c)| c).collect()))
}

/// Index of a status in [`Status::ALL`].
pub(super) fn status_index(s: Status) -> u8 {
    Status::ALL
        .iter()
        .position(|x| *x == s)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(0)
}

/// The bit of a channel among the flags.
pub(super) fn channel_bit(c: Channel) -> u8 {
    match c {
        Channel::Sms => 1,
        Channel::Call => 2,
        Channel::Email => 4,
    }
}

/// A filter resolved against the worklist's numbering.
pub(super) struct Compiled {
    status: Option<u16>,
    labels: Option<Vec<bool>>,
    phases: Option<Vec<bool>>,
    /// Flags that must all be set, and flags that must all be clear.
    set: u8,
    clear: u8,
    allowed: Option<u8>,
    text: Option<String>,
    /// The playbook's opt-out suffix, lower-case (the display name of a
    /// contact whose texting is blocked ends with it).
    suffix: String,
}

impl Compiled {
    pub(super) fn new(f: &Filter, labels: &Names, phases: &Names, suffix: &str) -> Compiled {
        let mut set = EVALUATED;
        let mut clear = 0;
        for (want, bit) in [(f.due, DUE), (f.auto_due, AUTO_DUE)] {
            match want {
                Some(true) => set |= bit,
                Some(false) => clear |= bit,
                None => {}
            }
        }
        Compiled {
            status: f
                .status
                .as_ref()
                .map(|s| s.iter().fold(0u16, |m, x| m | 1 << status_index(*x))),
            labels: f.next.as_ref().map(|l| labels.mask(l)),
            phases: f.phase.as_ref().map(|p| phases.mask(p)),
            set,
            clear,
            allowed: f
                .allowed
                .as_ref()
                .map(|cs| cs.iter().fold(0u8, |m, c| m | channel_bit(*c))),
            text: f
                .text
                .as_ref()
                .map(|t| lowercase(t.trim()))
                .filter(|t| !t.is_empty()),
            suffix: lowercase(suffix),
        }
    }

    /// Whether the contact in slot `s` matches: its facts, then (only for a
    /// text filter) its id, name and display name.
    pub(super) fn matches(&self, c: &Columns, s: usize) -> bool {
        let (Some(&flags), Some(&status), Some(&label), Some(&phase)) = (
            c.flags.get(s),
            c.status.get(s),
            c.label.get(s),
            c.phase.get(s),
        ) else {
            return false;
        };
        self.matches_facts(flags, status, label, phase) && self.matches_text(c, s, flags)
    }

    /// Whether a slot with these facts passes every part of the filter but
    /// the text.
    #[inline]
    pub(super) fn matches_facts(&self, flags: u8, status: u8, label: u16, phase: u16) -> bool {
        self.flags_pass(flags)
            && self.status.map_or(true, |m| m & (1 << status) != 0)
            && self.matches_lists(label, phase)
    }

    /// Whether flags pass: the due flags asked for, and one of the channels.
    fn flags_pass(&self, flags: u8) -> bool {
        flags & self.set == self.set
            && flags & self.clear == 0
            && self.allowed.map_or(true, |m| flags & m != 0)
    }

    /// For each value of the flags, 1 when it passes (a table read instead
    /// of three tests).
    pub(super) fn flag_table(&self) -> [u8; 256] {
        let mut t = [0u8; 256];
        for (f, ok) in (0..=u8::MAX).zip(t.iter_mut()) {
            *ok = u8::from(self.flags_pass(f));
        }
        t
    }

    /// Bit s set when status index s passes (every bit without a status
    /// filter).
    pub(super) fn status_mask(&self) -> u16 {
        self.status.unwrap_or(u16::MAX)
    }

    /// Whether the flags and the status decide alone: no label, phase or
    /// text part.
    pub(super) fn flags_and_status_only(&self) -> bool {
        self.labels.is_none() && self.phases.is_none() && self.text.is_none()
    }

    /// Whether the label and the phase pass.
    #[inline]
    pub(super) fn matches_lists(&self, label: u16, phase: u16) -> bool {
        if let Some(m) = &self.labels {
            if !m.get(usize::from(label)).copied().unwrap_or(false) {
                return false;
            }
        }
        if let Some(m) = &self.phases {
            if !m.get(usize::from(phase)).copied().unwrap_or(false) {
                return false;
            }
        }
        true
    }

    /// Whether slot `s` passes the text part of the filter (true when it has
    /// none).
    #[inline]
    pub(super) fn matches_text(&self, c: &Columns, s: usize, flags: u8) -> bool {
        match &self.text {
            None => true,
            Some(t) => c
                .search
                .get()
                .and_then(|texts| texts.get(s))
                .is_some_and(|text| {
                    text.contains(t.as_str())
                        || (flags & TEXTING_BLOCKED != 0 && self.in_display_name(text, t))
                }),
        }
    }

    /// Whether `t` is in the display name "NAME - can't text" of a contact
    /// whose search text is `id \u{1} name`: the part of it the name and the
    /// id do not hold.
    fn in_display_name(&self, search: &str, t: &str) -> bool {
        let name =
            search.split_once('\u{1}').map_or(
                search,
                |(id, name)| {
                    if name.is_empty() {
                        id
                    } else {
                        name
                    }
                },
            );
        crate::facts::with_suffix(name, &self.suffix).contains(t)
    }
}
