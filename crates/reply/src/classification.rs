//! What a message was read as: its intent, how it matched, and for an
//! opt-out how far it reaches.

use serde::Serialize;

use super::Revoked;
use crate::auto::Automated;

/// What an inbound message asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Intent {
    /// Stop messaging.
    OptOut,
    /// Start again.
    OptIn,
    /// Asks for help.
    Help,
    /// Anything else.
    None,
}

/// How it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Match {
    /// The whole message is a keyword.
    Exact,
    /// A longer message read as an opt-out; a person should review it.
    Phrase,
}

/// How far an opt-out reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Scope {
    /// Some channels (listed in `channels`).
    Channel,
    /// Every channel.
    All,
}

/// The classification of a message. Serialises as
/// `{intent, keyword?, match, scope, channels, automated?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// Intent.
    pub intent: Intent,
    /// The keyword matched, upper-case (`"STOP"`), or for a phrase the words
    /// that read as the opt-out, lower-case (`"stop texting me"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// How it matched; `null` for intent `none`.
    #[serde(rename = "match")]
    pub matched: Option<Match>,
    /// Scope of an opt-out (`all` when it revokes every channel); `null` otherwise.
    pub scope: Option<Scope>,
    /// What an opt-out revokes; empty otherwise.
    pub channels: Revoked,
    /// What sent the message in the customer's name, when a machine did: an
    /// auto-reply or a delivery failure ([`crate::auto`]); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub automated: Option<Automated>,
}

impl Classification {
    pub(super) fn none() -> Self {
        Classification {
            intent: Intent::None,
            keyword: None,
            matched: None,
            scope: None,
            channels: Revoked::NONE,
            automated: None,
        }
    }

    pub(super) fn exact(intent: Intent, keyword: String) -> Self {
        Classification {
            intent,
            keyword: Some(keyword),
            matched: Some(Match::Exact),
            scope: None,
            channels: Revoked::NONE,
            automated: None,
        }
    }

    pub(super) fn opt_out(keyword: String, matched: Match, channels: Revoked) -> Self {
        Classification {
            intent: Intent::OptOut,
            keyword: Some(keyword),
            matched: Some(matched),
            scope: Some(if channels.is_all() {
                Scope::All
            } else {
                Scope::Channel
            }),
            channels,
            automated: None,
        }
    }

    /// Whether this is an opt-out.
    pub fn is_opt_out(&self) -> bool {
        self.intent == Intent::OptOut
    }
}
