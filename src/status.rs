//! Contact statuses: ten of them, three automatic (from the SMS thread) and seven
//! manual (from logged outcomes), decided by a fold over the history.
//!
//! Rule: the most recent of (last SMS message, last logged outcome that has a
//! status) decides; on a tie the logged outcome wins. Email and in-store events
//! never move the automatic status. A sticky status (playbook `stickyStatuses`) is
//! replaced only by another logged outcome. A `connected` call has no status of its
//! own and leaves the status as it was.

use serde::{Deserialize, Serialize};

use crate::model::{Direction, Event, EventBody, MessageChannel, Outcome};
use crate::time::Instant;

/// A contact status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// No SMS exchanged yet.
    NewAccount,
    /// The last SMS was ours.
    NoSmsReply,
    /// The last SMS was the customer's.
    SmsInProgress,
    /// Logged: sale in progress.
    SaleInProgress,
    /// Logged: no sale, the customer is satisfied.
    Satisfied,
    /// Logged: no sale.
    NoSale,
    /// Logged: sold a product or service.
    Sold,
    /// Logged call: no answer.
    NoAnswer,
    /// Logged call: left a voicemail.
    LeftVoicemail,
    /// Logged call: wrong number.
    WrongNumber,
}

/// Whether a status comes from the SMS thread or a logged outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StatusSource {
    /// From the SMS thread.
    Automatic,
    /// From a logged outcome.
    Manual,
}

impl Status {
    /// All ten, in display order.
    pub const ALL: [Status; 10] = [
        Status::NewAccount,
        Status::NoSmsReply,
        Status::SmsInProgress,
        Status::SaleInProgress,
        Status::Satisfied,
        Status::NoSale,
        Status::Sold,
        Status::NoAnswer,
        Status::LeftVoicemail,
        Status::WrongNumber,
    ];

    /// The camelCase id.
    pub fn id(self) -> &'static str {
        match self {
            Status::NewAccount => "newAccount",
            Status::NoSmsReply => "noSmsReply",
            Status::SmsInProgress => "smsInProgress",
            Status::SaleInProgress => "saleInProgress",
            Status::Satisfied => "satisfied",
            Status::NoSale => "noSale",
            Status::Sold => "sold",
            Status::NoAnswer => "noAnswer",
            Status::LeftVoicemail => "leftVoicemail",
            Status::WrongNumber => "wrongNumber",
        }
    }

    /// The display label.
    pub fn label(self) -> &'static str {
        match self {
            Status::NewAccount => "New Account",
            Status::NoSmsReply => "No SMS Reply",
            Status::SmsInProgress => "SMS in Progress",
            Status::SaleInProgress => "Sale in Progress",
            Status::Satisfied => "Satisfied",
            Status::NoSale => "No Sale",
            Status::Sold => "Sold",
            Status::NoAnswer => "No Answer",
            Status::LeftVoicemail => "Left a Voicemail",
            Status::WrongNumber => "Wrong Number",
        }
    }

    /// Whether it comes from a logged outcome.
    pub fn is_manual(self) -> bool {
        !matches!(
            self,
            Status::NewAccount | Status::NoSmsReply | Status::SmsInProgress
        )
    }

    /// A call's result without contact: No Answer, Left a Voicemail, Wrong
    /// Number.
    pub fn is_call_result(self) -> bool {
        matches!(
            self,
            Status::NoAnswer | Status::LeftVoicemail | Status::WrongNumber
        )
    }

    /// The source.
    pub fn source(self) -> StatusSource {
        if self.is_manual() {
            StatusSource::Manual
        } else {
            StatusSource::Automatic
        }
    }

    /// The status a logged outcome gives, if any (`connected` gives none).
    pub fn of_outcome(outcome: Outcome, satisfied: bool) -> Option<Status> {
        Some(match outcome {
            Outcome::Connected => return None,
            Outcome::NoAnswer => Status::NoAnswer,
            Outcome::LeftVoicemail => Status::LeftVoicemail,
            Outcome::WrongNumber => Status::WrongNumber,
            Outcome::SaleInProgress => Status::SaleInProgress,
            Outcome::Sold => Status::Sold,
            Outcome::NoSale => {
                if satisfied {
                    Status::Satisfied
                } else {
                    Status::NoSale
                }
            }
        })
    }
}

/// The result of the status fold.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusFold {
    /// The status.
    pub status: Status,
    /// The index (in the input order) of the event that decided it, if any.
    pub event: Option<usize>,
    /// When that event happened.
    pub at: Option<Instant>,
    /// Whether a sticky status held against later SMS messages.
    pub held_by_sticky: bool,
}

/// Folds the status over the history up to `now`, sorted by time (equal times
/// in input order).
pub fn fold(events: &[Event], sticky: &[Status]) -> StatusFold {
    let mut sms: Option<(Status, usize, Instant)> = None;
    let mut manual: Option<(Status, usize, Instant)> = None;
    let mut held = false;
    for e in events {
        let i = e.index as usize;
        match &e.body {
            EventBody::Message {
                channel: MessageChannel::Sms,
                direction,
                ..
            } => {
                let s = match direction {
                    Direction::Out => Status::NoSmsReply,
                    Direction::In => Status::SmsInProgress,
                };
                sms = Some((s, i, e.at));
            }
            EventBody::Activity {
                outcome, satisfied, ..
            } => {
                if let Some(s) = Status::of_outcome(*outcome, *satisfied) {
                    manual = Some((s, i, e.at));
                } else if manual.is_some_and(|(m, ..)| m.is_call_result()) {
                    // A call that connected ends what an earlier call's
                    // result said ("No Answer", "Wrong Number"): the status
                    // is the texts' again (a sales outcome stays). It is a
                    // logged outcome, so it ends a sticky one too.
                    manual = None;
                }
            }
            _ => {}
        }
    }
    let pick = match (sms, manual) {
        (None, None) => None,
        (Some(a), None) => Some(a),
        (None, Some(m)) => Some(m),
        (Some(a), Some(m)) => {
            if sticky.contains(&m.0) {
                held = a.2 > m.2;
                Some(m)
            } else if a.2 > m.2 {
                Some(a)
            } else {
                // Tie or later outcome: the manual outcome wins.
                Some(m)
            }
        }
    };
    match pick {
        None => StatusFold {
            status: Status::NewAccount,
            event: None,
            at: None,
            held_by_sticky: false,
        },
        Some((status, i, at)) => StatusFold {
            status,
            event: Some(i),
            at: Some(at),
            held_by_sticky: held,
        },
    }
}
