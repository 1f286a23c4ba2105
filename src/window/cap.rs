//! Frequency caps: at most so many touches within a rolling period.

use crate::channel::Channel;
use crate::region::Region;
use crate::time::{DAY, HOUR};

/// Where a cap comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CapSource {
    /// A region preset.
    Region(Region),
    /// The playbook's `frequencyCap`.
    Playbook,
}

/// At most `max` touches on `channels` within any rolling `period_ms`.
#[derive(Debug, Clone, PartialEq)]
pub struct Cap {
    /// Touches allowed per period.
    pub max: u32,
    /// The rolling period.
    pub period_ms: i64,
    /// Which channels count (together).
    pub channels: Vec<Channel>,
    /// Where it comes from.
    pub source: CapSource,
}

impl Cap {
    /// Words for `explain`.
    pub fn describe(&self) -> String {
        let chans: Vec<&str> = self.channels.iter().map(|c| c.noun()).collect();
        let period = if self.period_ms > DAY && self.period_ms % DAY == 0 {
            format!("{} days", self.period_ms / DAY)
        } else {
            format!("{} h", self.period_ms / HOUR)
        };
        let from = match self.source {
            CapSource::Region(r) => format!(" ({})", r.code()),
            CapSource::Playbook => " (playbook)".to_string(),
        };
        format!(
            "at most {} {} per {period}{from}",
            self.max,
            chans.join("/")
        )
    }
}
