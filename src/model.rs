//! The domain types of a contact and its history, as the engine sees them after
//! validation. Parsing from JSON-shaped data lives in [`crate::input`].

use serde::{Deserialize, Serialize};

pub use crate::channel::{Channel, MessageChannel};
use crate::time::Instant;

/// A DND channel: one of the three, or `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DndChannel {
    /// Text messages.
    Sms,
    /// Calls.
    Call,
    /// Email.
    Email,
    /// Every channel.
    All,
}

/// Who sent a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// From the customer.
    In,
    /// From us.
    Out,
}

/// How a logged activity happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Interaction {
    /// A phone call.
    Call,
    /// A text conversation.
    Sms,
    /// An email conversation.
    Email,
    /// A visit in store.
    InStore,
}

impl Interaction {
    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Interaction::Call => "call",
            Interaction::Sms => "sms",
            Interaction::Email => "email",
            Interaction::InStore => "inStore",
        }
    }
}

/// The outcome of a logged activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// A call that reached the person (no status of its own).
    Connected,
    /// A call nobody answered.
    NoAnswer,
    /// A call that went to voicemail, and a message was left.
    LeftVoicemail,
    /// The number does not belong to the contact.
    WrongNumber,
    /// A sale is under way.
    SaleInProgress,
    /// A product or service was sold.
    Sold,
    /// No sale (with reason `satisfied`: the customer is satisfied).
    NoSale,
}

impl Outcome {
    /// Outcomes that only a call can have.
    pub fn is_call_only(self) -> bool {
        matches!(
            self,
            Outcome::Connected | Outcome::NoAnswer | Outcome::LeftVoicemail | Outcome::WrongNumber
        )
    }

    /// Sales outcomes: contact was made and a sales result logged.
    pub fn is_sales(self) -> bool {
        matches!(
            self,
            Outcome::SaleInProgress | Outcome::Sold | Outcome::NoSale
        )
    }

    /// Whether a call with this outcome answers the customer: ours, unless
    /// nobody picked up (a voicemail we left is an answer); the customer's
    /// (`inbound`), only when we took it — the voicemail they left us
    /// answers nothing of theirs.
    pub fn answers(self, inbound: bool) -> bool {
        match self {
            Outcome::NoAnswer => false,
            Outcome::LeftVoicemail => !inbound,
            _ => true,
        }
    }

    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Connected => "connected",
            Outcome::NoAnswer => "noAnswer",
            Outcome::LeftVoicemail => "leftVoicemail",
            Outcome::WrongNumber => "wrongNumber",
            Outcome::SaleInProgress => "saleInProgress",
            Outcome::Sold => "sold",
            Outcome::NoSale => "noSale",
        }
    }
}

/// Why a DND was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DndSource {
    /// An opt-out keyword or phrase the customer texted.
    Keyword,
    /// Set by a person (for example after "stop calling me" on the phone).
    Manual,
    /// An email unsubscribe.
    Unsubscribe,
    /// An email that bounced.
    Bounce,
    /// A spam complaint.
    Complaint,
}

/// One event of a contact's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// When it happened.
    pub at: Instant,
    /// Its place in the `events` the contact was given with (outputs name
    /// events by it); a contact keeps its events sorted by time, ties in this
    /// order.
    pub index: u32,
    /// Only its date was given (`at` a date alone, read as its midnight, as
    /// a CRM's date field such as Salesforce's `ActivityDate` holds it): its
    /// time of day is unknown, so the touch is not audited against quiet
    /// hours (it still counts toward a frequency cap, at that midnight).
    pub dated: bool,
    /// What happened.
    pub body: EventBody,
}

/// What a customer's message asks for, read once when the contact is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Opt-out, opt-in, help or none.
    pub intent: crate::reply::Intent,
    /// Keyword or phrase match (`None` for intent none).
    pub matched: Option<crate::reply::Match>,
    /// What an opt-out revokes.
    pub channels: crate::reply::Revoked,
    /// The keyword or phrase, for a keyword or phrase match.
    pub keyword: Option<Box<str>>,
    /// Whether a machine sent it in the customer's name (an auto-reply, a
    /// delivery failure): no reach, no reply owed.
    pub automated: bool,
}

impl From<crate::reply::Classification> for Reply {
    fn from(c: crate::reply::Classification) -> Reply {
        Reply {
            intent: c.intent,
            matched: c.matched,
            channels: c.channels,
            keyword: c.keyword.map(String::into_boxed_str),
            automated: c.automated.is_some(),
        }
    }
}

/// The kinds of event.
#[derive(Debug, Clone, PartialEq)]
pub enum EventBody {
    /// A text or email, either way.
    Message {
        /// `sms` or `email`.
        channel: MessageChannel,
        /// `in` (customer) or `out` (us).
        direction: Direction,
        /// For an inbound message, what it asks for (its text is read then and
        /// not kept).
        reply: Option<Reply>,
        /// The sequence step this message carries out.
        step: Option<Box<str>>,
    },
    /// A logged activity.
    Activity {
        /// How.
        interaction: Interaction,
        /// What came of it.
        outcome: Outcome,
        /// Whether the reason is `satisfied` (a `noSale` then gives the status
        /// Satisfied).
        satisfied: bool,
        /// A call the customer made to us (`interaction: "Inbound Call"`, or
        /// `direction: "in"` on the activity): what came of it counts (a sale,
        /// a wrong number, a conversation), but it is no touch of ours — not
        /// audited, not counted toward a cap, not an attempt nor a step's call.
        inbound: bool,
        /// The sequence step this activity carries out.
        step: Option<Box<str>>,
    },
    /// A do-not-disturb change.
    Dnd {
        /// Which channel.
        channel: DndChannel,
        /// `true` sets, `false` lifts.
        active: bool,
        /// Why (defaults to `manual`).
        source: DndSource,
        /// The source names a do-not-call list or registry (the National
        /// DNC Registry, the company's internal list, a litigator list): on
        /// calls it binds texts too, as 47 CFR 64.1200(e) applies those
        /// lists to texts to wireless numbers.
        list: bool,
    },
    /// A sequence step marked done.
    StepDone {
        /// The step id.
        step: Box<str>,
    },
    /// A callback set by the agent.
    Callback {
        /// When to call.
        due_at: Instant,
        /// `true` when the lead asked for this exact time (a "scheduled call").
        scheduled: bool,
        /// `due_at` was a date alone (a CRM task's due date, Salesforce's
        /// `ActivityDate`): the callback is for that day, any time in it.
        dated: bool,
    },
    /// The buying horizon the lead gave.
    Horizon {
        /// When the lead means to buy.
        buy_at: Instant,
    },
}

/// A contact's id, kept as given (string or number) so outputs echo it.
#[derive(Debug, Clone, PartialEq)]
pub enum ContactId {
    /// A string id.
    Text(Box<str>),
    /// A numeric id.
    Number(f64),
}

impl ContactId {
    /// The id as text, borrowed when it is text ([`ContactId::text`]).
    pub fn key(&self) -> std::borrow::Cow<'_, str> {
        match self {
            ContactId::Text(s) => std::borrow::Cow::Borrowed(s),
            ContactId::Number(_) => std::borrow::Cow::Owned(self.text()),
        }
    }

    /// The id as text (numbers without a fractional part print as integers).
    pub fn text(&self) -> String {
        match self {
            // A copy, not `to_string` (which formats through `Display`).
            ContactId::Text(s) => String::from(&**s),
            ContactId::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 9.0e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
        }
    }
}

impl Serialize for ContactId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ContactId::Text(t) => s.serialize_str(t),
            ContactId::Number(n) => s.serialize_f64(*n),
        }
    }
}

/// A contact with its history.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// Id, echoed in outputs.
    pub id: ContactId,
    /// Display name.
    pub name: Option<Box<str>>,
    /// IANA time zone name, overriding the playbook's.
    pub time_zone: Option<crate::time::Zone>,
    /// Region preset, overriding the playbook's.
    pub region: Option<crate::region::Region>,
    /// When the contact arrived (lead arrival, enrollment).
    pub added_at: Instant,
    /// Base priority (higher works first); defaults to the playbook's.
    pub priority: Option<f64>,
    /// History, sorted by time (stably: events at the same instant keep the
    /// order they were given in; [`Event::index`] is that order).
    pub events: Vec<Event>,
}
