//! Every problem of shape in a playbook, not only the first: each field and
//! each element of a list is read on its own, so that a person fixing a
//! playbook sees all its unknown fields and wrong types at once.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::raw::{
    ObjectOnly, RawBlock, RawCap, RawDuration, RawKeywords, RawOptOut, RawPhase, RawStep,
};
use super::StopOn;
use crate::error::Error;
use crate::model::Channel;
use crate::region::Region;
use crate::status::Status;

/// The fields of a playbook, as JSON names them.
const FIELDS: [&str; 16] = [
    "name",
    "timeZone",
    "region",
    "window",
    "campaign",
    "steps",
    "replyWithin",
    "stopOn",
    "followUpFraction",
    "optOut",
    "stickyStatuses",
    "holidays",
    "blackoutDates",
    "frequencyCap",
    "keywords",
    "",
];

/// The fields of a monthly campaign.
const CAMPAIGN_FIELDS: [&str; 3] = ["period", "phases", "channels"];

fn one_of(list: &[&str]) -> String {
    list.iter()
        .filter(|f| !f.is_empty())
        .map(|f| format!("{f:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads `v` as a `T` at `path`; its first problem, if any.
fn check<T: DeserializeOwned>(v: &Value, path: &str, out: &mut Vec<Error>) {
    if let Err(e) = serde_path_to_error::deserialize::<_, T>(v) {
        let e = Error::from_path(e).under(path);
        out.push(crate::error::Error::new(
            crate::error::ErrorCode::InvalidPlaybook,
            e.path,
            e.message,
        ));
    }
}

/// Reads each element of a list at `path` as a `T`.
fn each<T: DeserializeOwned>(v: &Value, path: &str, out: &mut Vec<Error>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check::<T>(item, &format!("{path}[{i}]"), out);
            }
        }
        other => check::<Vec<T>>(other, path, out),
    }
}

fn unknown(path: String, field: &str, known: &[&str]) -> Error {
    Error::playbook(
        path,
        format!("unknown field {field:?}; expected one of {}", one_of(known)),
    )
}

/// Every problem of shape in a playbook given as a JSON value.
pub(super) fn problems(v: &Value) -> Vec<Error> {
    let mut out = Vec::new();
    let Value::Object(map) = v else {
        check::<super::raw::RawPlaybook>(v, "", &mut out);
        return out;
    };
    if !map.contains_key("name") {
        out.push(Error::playbook("name", "required, but missing"));
    }
    for (k, val) in map {
        let path = k.as_str();
        match path {
            "name" => check::<String>(val, path, &mut out),
            "timeZone" => check::<Option<String>>(val, path, &mut out),
            "region" => check::<Option<Region>>(val, path, &mut out),
            "window" => match val {
                Value::Array(_) => each::<ObjectOnly<RawBlock>>(val, path, &mut out),
                _ => check::<ObjectOnly<RawBlock>>(val, path, &mut out),
            },
            "campaign" => match val {
                Value::Object(c) => {
                    for (ck, cv) in c {
                        let cpath = format!("campaign.{ck}");
                        match ck.as_str() {
                            "period" => check::<Option<String>>(cv, &cpath, &mut out),
                            "phases" => each::<ObjectOnly<RawPhase>>(cv, &cpath, &mut out),
                            "channels" => each::<Channel>(cv, &cpath, &mut out),
                            other => out.push(unknown(cpath.clone(), other, &CAMPAIGN_FIELDS)),
                        }
                    }
                }
                other => check::<ObjectOnly<super::raw::RawCampaign>>(other, path, &mut out),
            },
            "steps" => each::<ObjectOnly<RawStep>>(val, path, &mut out),
            "replyWithin" => check::<ObjectOnly<RawDuration>>(val, path, &mut out),
            "stopOn" => each::<StopOn>(val, path, &mut out),
            "followUpFraction" => check::<Option<f64>>(val, path, &mut out),
            "optOut" => check::<ObjectOnly<RawOptOut>>(val, path, &mut out),
            "stickyStatuses" => each::<Status>(val, path, &mut out),
            "holidays" | "blackoutDates" => each::<String>(val, path, &mut out),
            "frequencyCap" => check::<ObjectOnly<RawCap>>(val, path, &mut out),
            "keywords" => check::<ObjectOnly<RawKeywords>>(val, path, &mut out),
            other => out.push(unknown(other.to_string(), other, &FIELDS)),
        }
    }
    out
}
