//! The channels a contact is reached on: what every other module speaks of,
//! so it depends on none of them.

use serde::{Deserialize, Serialize};

/// A message channel: `sms` or `email`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MessageChannel {
    /// Text message.
    Sms,
    /// Email.
    Email,
}

/// A reachable channel: `sms`, `call` or `email`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Channel {
    /// Text message.
    Sms,
    /// Phone call.
    Call,
    /// Email.
    Email,
}

impl Channel {
    /// All three, in the order outputs list them.
    pub const ALL: [Channel; 3] = [Channel::Sms, Channel::Call, Channel::Email];

    /// The id as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Call => "call",
            Channel::Email => "email",
        }
    }

    /// The words a rep uses.
    pub fn noun(self) -> &'static str {
        match self {
            Channel::Sms => "text",
            Channel::Call => "call",
            Channel::Email => "email",
        }
    }

    /// Parses `sms`, `call` or `email`.
    pub fn parse(s: &str) -> Option<Channel> {
        match s {
            "sms" => Some(Channel::Sms),
            "call" => Some(Channel::Call),
            "email" => Some(Channel::Email),
            _ => None,
        }
    }
}

impl From<MessageChannel> for Channel {
    fn from(c: MessageChannel) -> Channel {
        match c {
            MessageChannel::Sms => Channel::Sms,
            MessageChannel::Email => Channel::Email,
        }
    }
}
