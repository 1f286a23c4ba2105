//! The shape of a playbook as people write it: every field as JSON gives it,
//! unknown fields refused. [`super::build`] checks the values.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use super::{Mode, StepChannel, StopOn};
use crate::model::Channel;
use crate::region::Region;
use crate::status::Status;

/// A record that must be given as an object. Serde's derived readers also
/// accept an array of the fields in order (`["name", null, ...]`), which no JS
/// caller means; this reads objects only, so an array is reported as
/// "expected a playbook object, got an array".
pub(crate) struct ObjectOnly<T>(pub(crate) T);

/// What a record read by [`ObjectOnly`] is called in "expected …".
pub(crate) trait Record {
    /// "a playbook object".
    const EXPECTED: &'static str;
}

impl Record for RawPlaybook {
    const EXPECTED: &'static str = "a playbook object";
}

impl<'de, T: Deserialize<'de> + Record> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Record> Visitor<'de> for V<T> {
            type Value = ObjectOnly<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(T::EXPECTED)
            }
            fn visit_map<A: de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<ObjectOnly<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(ObjectOnly)
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// A record that may be left out, read by [`ObjectOnly`] (for
/// `#[serde(deserialize_with)]`).
fn object<'de, D: Deserializer<'de>, T: Deserialize<'de> + Record>(
    d: D,
) -> std::result::Result<Option<T>, D::Error> {
    Ok(Option::<ObjectOnly<T>>::deserialize(d)?.map(|o| o.0))
}

/// A list of records that may be left out, each read by [`ObjectOnly`].
fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de> + Record>(
    d: D,
) -> std::result::Result<Option<Vec<T>>, D::Error> {
    let list = Option::<Vec<ObjectOnly<T>>>::deserialize(d)?;
    Ok(list.map(|l| l.into_iter().map(|o| o.0).collect()))
}

/// What each record of a playbook is called in "expected …".
macro_rules! records {
    ($($t:ty => $what:literal,)*) => {
        $(impl Record for $t {
            const EXPECTED: &'static str = $what;
        })*
    };
}

records! {
    RawBlock => "a block {days?, from, to}",
    RawCampaign => "a campaign object {period?, phases?, channels?}",
    RawPhase => "a phase object {id, label?, fromDay, attempt}",
    RawStep => "a step object {id, label?, channel, mode, day?, after?, businessDays?}",
    RawDuration => "a duration object {days?, hours?, minutes?}",
    RawOptOut => "an object {suffix?, stage?, priorityBoost?}",
    RawCap => "an object {max, hours, channels?}",
    RawKeywords => "an object {optOut?, optIn?, help?}",
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawPlaybook {
    pub(super) name: String,
    pub(super) time_zone: Option<String>,
    pub(super) region: Option<Region>,
    pub(super) window: Option<OneOrMany<RawBlock>>,
    #[serde(default, deserialize_with = "object")]
    pub(super) campaign: Option<RawCampaign>,
    #[serde(default, deserialize_with = "objects")]
    pub(super) steps: Option<Vec<RawStep>>,
    #[serde(default, deserialize_with = "object")]
    pub(super) reply_within: Option<RawDuration>,
    pub(super) stop_on: Option<Vec<StopOn>>,
    pub(super) follow_up_fraction: Option<f64>,
    #[serde(default, deserialize_with = "object")]
    pub(super) opt_out: Option<RawOptOut>,
    pub(super) sticky_statuses: Option<Vec<Status>>,
    pub(super) holidays: Option<Vec<String>>,
    pub(super) blackout_dates: Option<Vec<String>>,
    #[serde(default, deserialize_with = "object")]
    pub(super) frequency_cap: Option<RawCap>,
    #[serde(default, deserialize_with = "object")]
    pub(super) keywords: Option<RawKeywords>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawBlock {
    pub(super) days: Option<Vec<String>>,
    #[serde(alias = "start")]
    pub(super) from: String,
    #[serde(alias = "end")]
    pub(super) to: String,
}

/// A list, or a single item standing for a list of one (a window of one block
/// may be written as that block).
pub(super) enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    pub(super) fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}

impl<'de, T: Deserialize<'de> + Record> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Record> serde::de::Visitor<'de> for V<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a block {days?, from, to} or a list of them")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                Vec::<ObjectOnly<T>>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(|l| OneOrMany::Many(l.into_iter().map(|o| o.0).collect()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(OneOrMany::One)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawCampaign {
    pub(super) period: Option<String>,
    #[serde(default, deserialize_with = "objects")]
    pub(super) phases: Option<Vec<RawPhase>>,
    pub(super) channels: Option<Vec<Channel>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawPhase {
    pub(super) id: String,
    pub(super) label: Option<String>,
    pub(super) from_day: f64,
    pub(super) attempt: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawStep {
    pub(super) id: String,
    pub(super) label: Option<String>,
    pub(super) channel: StepChannel,
    pub(super) mode: Mode,
    pub(super) day: Option<f64>,
    #[serde(default, deserialize_with = "object")]
    pub(super) after: Option<RawDuration>,
    pub(super) business_days: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawDuration {
    pub(super) days: Option<f64>,
    pub(super) hours: Option<f64>,
    pub(super) minutes: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawOptOut {
    pub(super) suffix: Option<String>,
    pub(super) stage: Option<String>,
    pub(super) priority_boost: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawCap {
    pub(super) max: f64,
    pub(super) hours: f64,
    pub(super) channels: Option<Vec<Channel>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct RawKeywords {
    pub(super) opt_out: Option<Vec<String>>,
    pub(super) opt_in: Option<Vec<String>>,
    pub(super) help: Option<Vec<String>>,
}
