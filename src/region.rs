//! Calling and texting rules by region: the US (federal), Canada (national),
//! each US state, DC and territory, and each Canadian province and territory,
//! by ISO 3166-2 code (`US`, `US-TX`, `CA`, `CA-ON`, ...).
//!
//! The rules are data, not code: `src/regions/regions.json` (window per
//! weekday, days with no calls, caps, citations) is compiled in as Rust data
//! by build.rs and resolved once;
//! `src/regions/zones.rs` (the IANA zones of each region) is generated from
//! the time-zone database by `scripts/region-zones.py`. A state with no rule of
//! its own has its country's window. Every window is inside its country's (a
//! test checks it), so a state's window alone binds.
//!
//! ```
//! use cadence_engine::region::Region;
//! use chrono::NaiveDate;
//!
//! let tx = Region::parse("US-TX").unwrap();
//! assert_eq!(tx.code(), "US-TX");
//! assert!(tx.zones().contains(&"America/Denver")); // El Paso
//! let al = Region::parse("US-AL").unwrap();
//! let thanksgiving = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
//! assert!(al.banned(thanksgiving).unwrap().starts_with("Thanksgiving Day"));
//! assert!(Region::parse("US-XX").is_err());
//! ```

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::de::{self, Deserializer};
use serde::Deserialize;

use crate::channel::Channel;
use crate::holiday::Holiday;

use crate::window::{Cap, CapSource, Window};

#[path = "regions/load.rs"]
mod load;
#[cfg(test)]
#[path = "regions/tests.rs"]
mod tests;
#[path = "regions/zones.rs"]
mod zones;

#[cfg(test)]
use load::load;
use load::{rows_of, RAW};

/// A region: an index into the compiled table. Read from JSON as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region(u16);

/// One region's rules, resolved from the data file.
struct Row {
    code: String,
    /// The region's name ("Texas", "United States (federal)").
    name: String,
    window: Window,
    /// Weekdays with no calls, with the words `banned` gives.
    weekdays: Vec<(Weekday, String)>,
    /// Holidays with no calls: the rule, its words, the words of its observed day.
    holidays: Vec<(Holiday, String, String)>,
    /// (max, period in ms, channels).
    caps: Vec<(u32, i64, Vec<Channel>)>,
    covers_texts: bool,
    citation: String,
    zones: &'static [&'static str],
}

struct Table {
    rows: Vec<Row>,
    /// Row numbers in the order of their codes, for a binary search (a batch
    /// reads a region per contact).
    by_code: Vec<u16>,
    /// Why the data did not load (a test keeps this `None`).
    error: Option<String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| match rows_of(RAW) {
        Ok(rows) => {
            let mut by_code: Vec<u16> = (0..rows.len())
                .filter_map(|i| u16::try_from(i).ok())
                .collect();
            // An insertion sort: some seventy codes, once (a library sort
            // is a few kilobytes of code for each element type and order).
            let code = |i: Option<&u16>| {
                i.and_then(|&i| rows.get(usize::from(i)))
                    .map(|r| r.code.as_str())
            };
            for i in 1..by_code.len() {
                let mut j = i;
                while j > 0 && code(by_code.get(j - 1)) > code(by_code.get(j)) {
                    by_code.swap(j - 1, j);
                    j -= 1;
                }
            }
            Table {
                rows,
                by_code,
                error: None,
            }
        }
        Err(e) => Table {
            rows: Vec::new(),
            by_code: Vec::new(),
            error: Some(e),
        },
    })
}

impl Region {
    /// The United States (federal rule): the first row of the table.
    pub const US: Region = Region(0);

    /// The region of an ISO 3166-2 code (`"US"`, `"US-TX"`, `"CA-ON"`), in any
    /// letter case (`"us-tx"`, as CRM exports write it; the codes differ by
    /// more than case).
    ///
    /// # Errors
    /// A message that names the valid form and lists the valid codes.
    pub fn parse(code: &str) -> Result<Region, String> {
        let t = table();
        let code_of = |i: &u16| t.rows.get(usize::from(*i)).map_or("", |r| r.code.as_str());
        // Upper-cased on the stack: every code is at most six bytes.
        let mut upper = [0u8; 8];
        let key = match upper.get_mut(..code.len()) {
            Some(key) => {
                key.copy_from_slice(code.as_bytes());
                key.make_ascii_uppercase();
                std::str::from_utf8(key).unwrap_or(code)
            }
            None => code,
        };
        if let Ok(k) = t.by_code.binary_search_by(|i| code_of(i).cmp(key)) {
            if let Some(&i) = t.by_code.get(k) {
                return Ok(Region(i));
            }
        }
        // A bare state or province code ("TX"): the code it is part of. Not
        // read as that code: "CA" is Canada, so a column of state codes read
        // as regions would put California's contacts under Canada's hours.
        let full = ["US-", "CA-"]
            .map(|country| format!("{country}{key}"))
            .into_iter()
            .find(|full| key.len() == 2 && t.rows.iter().any(|r| r.code == *full));
        let valid: Vec<&str> = t.rows.iter().map(|r| r.code.as_str()).collect();
        let mut msg = format!(
            "expected \"US\", \"CA\" or an ISO 3166-2 code of a US state or Canadian province \
             such as \"US-TX\" or \"CA-ON\" (valid: {}), got {}",
            valid.join(", "),
            serde_json::to_string(code).unwrap_or_default()
        );
        if t.rows
            .iter()
            .any(|r| r.code.eq_ignore_ascii_case(code.trim()))
        {
            msg.push_str(" (codes have no spaces)");
        }
        if let Some(full) = full {
            msg.push_str(&format!(" (did you mean {full:?}?)"));
        }
        if let Some(e) = &t.error {
            msg.push_str(&format!(" (region table did not load: {e})"));
        }
        Err(msg)
    }

    /// As [`Region::parse`], or by the region's name as a CRM's state field
    /// holds it, in any letter case, spacing and punctuation: `"Texas"`,
    /// `"british columbia"`, `"Québec"`, `"Newfoundland & Labrador"`, and
    /// `"United States"`, `"USA"`, `"Canada"` for the countries; or by its
    /// abbreviation in the GPO's and the AP's style (`"Calif."`, `"N.Y."`,
    /// `"W. Va."`) or Canada Post's older one (`"Ont."`, `"Que."`). A bare
    /// two-letter code stays an error (`"CA"` is Canada: see
    /// [`Region::parse`]); written with dots (`"N.Y."`, `"B.C."`) it is the
    /// abbreviation. For contacts' records; playbooks take codes only.
    ///
    /// # Errors
    /// As [`Region::parse`].
    pub fn parse_record(text: &str) -> Result<Region, String> {
        // Other names of regions, as `key` writes them (letters and digits,
        // upper case, accents off): `NAME>CODE|` (one text, not a table of
        // pointers, in the WebAssembly module).
        const OTHER_NAMES: &str = concat!(
            // (ISO 3166's three letters too: "USA", "CAN".)
            "US>US|USA>US|UNITEDSTATES>US|UNITEDSTATESOFAMERICA>US|CAN>CA|",
            // Names a CRM's picklist uses.
            "PEI>CA-PE|NWT>CA-NT|NEWFOUNDLAND>CA-NL|LABRADOR>CA-NL|WASHINGTONDC>US-DC|",
            "DC>US-DC|WASHINGTONSTATE>US-WA|USVIRGINISLANDS>US-VI|VIRGINISLANDSUS>US-VI|",
            "VIRGINISLANDS>US-VI|YUKONTERRITORY>CA-YT|USVI>US-VI|CNMI>US-MP|",
            // The abbreviations of the US Government Publishing Office's
            // style manual and the AP's ("Calif.", "N.Y.", "W. Va."), and
            // Canada Post's older ones ("Ont.", "Que.", "Nfld.").
            "ALA>US-AL|ARIZ>US-AZ|ARK>US-AR|CAL>US-CA|CALIF>US-CA|COLO>US-CO|CONN>US-CT|",
            "DEL>US-DE|FLA>US-FL|GA>US-GA|IDA>US-ID|ILL>US-IL|IND>US-IN|KAN>US-KS|KANS>US-KS|",
            "KY>US-KY|LA>US-LA|MD>US-MD|MASS>US-MA|MICH>US-MI|MINN>US-MN|MISS>US-MS|MO>US-MO|",
            "MONT>US-MT|NEB>US-NE|NEBR>US-NE|NEV>US-NV|NH>US-NH|NJ>US-NJ|NM>US-NM|NMEX>US-NM|",
            "NY>US-NY|NC>US-NC|ND>US-ND|NDAK>US-ND|OKLA>US-OK|ORE>US-OR|OREG>US-OR|PA>US-PA|",
            "PENN>US-PA|PENNA>US-PA|RI>US-RI|SC>US-SC|SD>US-SD|SDAK>US-SD|TENN>US-TN|TEX>US-TX|",
            "VT>US-VT|VA>US-VA|WASH>US-WA|WVA>US-WV|WIS>US-WI|WISC>US-WI|WYO>US-WY|PR>US-PR|",
            "VI>US-VI|ALTA>CA-AB|BC>CA-BC|MAN>CA-MB|NB>CA-NB|NFLD>CA-NL|NL>CA-NL|NS>CA-NS|",
            "NUN>CA-NU|NVT>CA-NU|ONT>CA-ON|QUE>CA-QC|PQ>CA-QC|SASK>CA-SK|YT>CA-YT|YUK>CA-YT|",
            // The provinces' French names, as a Québec CRM writes them.
            "COLOMBIEBRITANNIQUE>CA-BC|NOUVELLEECOSSE>CA-NS|NOUVEAUBRUNSWICK>CA-NB|",
            "TERRENEUVEETLABRADOR>CA-NL|TERRENEUVE>CA-NL|ILEDUPRINCEEDOUARD>CA-PE|",
            "TERRITOIRESDUNORDOUEST>CA-NT",
        );
        Region::parse(text).or_else(|e| {
            // "US TX", "us_tx", "US - TX", "US/TX", "US–TX": the code with
            // another separator (two letters, then two or three).
            let mut parts = text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|p| !p.is_empty());
            if let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) {
                if a.len() == 2 && (2..=3).contains(&b.len()) {
                    if let Ok(r) = Region::parse(&[a, "-", b].concat()) {
                        return Ok(r);
                    }
                }
            }
            let key = key(text);
            // Two letters are a code, read as "US-TX" only (see `parse`),
            // unless written with dots: "N.Y.", "Ga.", "B.C.".
            let named = key.len() > 2 || text.contains('.');
            let code = OTHER_NAMES
                .split('|')
                .find_map(|p| p.split_once('>').filter(|(n, _)| named && *n == key))
                .map_or("", |(_, code)| code);
            let rows = &table().rows;
            rows.iter()
                .position(|r| {
                    r.code == code || {
                        // The names are ASCII: "Quebec", "U.S. Virgin Islands".
                        let name = r.name.split(" (").next().unwrap_or_default();
                        name.bytes()
                            .filter(u8::is_ascii_alphanumeric)
                            .map(|b| b.to_ascii_uppercase())
                            .eq(key.bytes())
                    }
                })
                .and_then(|i| u16::try_from(i).ok())
                .map(Region)
                .ok_or(e)
        })
    }

    fn row(self) -> Option<&'static Row> {
        table().rows.get(usize::from(self.0))
    }

    /// Every region, in table order (US and its states, then Canada and its
    /// provinces).
    pub fn all() -> impl Iterator<Item = Region> {
        (0..table().rows.len()).filter_map(|i| u16::try_from(i).ok().map(Region))
    }

    /// The ISO 3166-2 code, as in JSON.
    pub fn code(self) -> &'static str {
        self.row().map_or("", |r| r.code.as_str())
    }

    /// The calling window, in the called person's local time: blocks per
    /// weekday, never wider than the country's. Days with no calls every week
    /// (Sundays where banned) have no block.
    pub fn window(self) -> Window {
        self.row()
            .map_or(Window { blocks: Vec::new() }, |r| r.window.clone())
    }

    /// Why `date` (the called person's local date) has no calls at all, if it
    /// has none, with the statute: `"Sunday (Miss. Code Ann. § 77-3-723(1))"`,
    /// `"Thanksgiving Day (Ala. Code § 1-3-8)"`, `"Christmas Day, observed
    /// (R.I. Gen. Laws § 25-1-1)"`. Holidays are computed from their rules for
    /// any year.
    pub fn banned(self, date: NaiveDate) -> Option<&'static str> {
        let row = self.row()?;
        let wd = date.weekday();
        if let Some((_, why)) = row.weekdays.iter().find(|(d, _)| *d == wd) {
            return Some(why.as_str());
        }
        row.holidays
            .iter()
            .find_map(|(h, own, observed)| match h.on(date)? {
                false => Some(own.as_str()),
                true => Some(observed.as_str()),
            })
    }

    /// Whether the region bans any whole day (weekdays or holidays).
    pub fn bans_days(self) -> bool {
        self.row()
            .is_some_and(|r| !r.weekdays.is_empty() || !r.holidays.is_empty())
    }

    /// The region's own caps on calls and texts per rolling period.
    pub fn caps(self) -> Vec<Cap> {
        self.row().map_or_else(Vec::new, |r| {
            r.caps
                .iter()
                .map(|(max, period_ms, channels)| Cap {
                    max: *max,
                    period_ms: *period_ms,
                    channels: channels.clone(),
                    source: CapSource::Region(self),
                })
                .collect()
        })
    }

    /// The IANA zones of the region, from the time-zone database (for the
    /// safe intersection when a contact has no zone).
    pub fn zones(self) -> &'static [&'static str] {
        self.row().map_or(&[], |r| r.zones)
    }

    /// The zones whose clocks are the region's own: its [`zones`](Region::zones),
    /// and for the United States as a whole those of its territories too
    /// (Puerto Rico, the Virgin Islands, Guam, the Northern Marianas, American
    /// Samoa), where the federal rule applies though "US"'s safe intersection
    /// is Hawaii to Eastern. A zone given for a contact in "US" (the contact's
    /// or the playbook's) on one of these clocks is kept.
    pub fn clock_zones(self) -> impl Iterator<Item = &'static str> {
        let territories: &[&str] = match self.code() {
            "US" => &[
                "America/Puerto_Rico",
                "America/St_Thomas",
                "Pacific/Guam",
                "Pacific/Saipan",
                "Pacific/Pago_Pago",
            ],
            _ => &[],
        };
        self.zones().iter().chain(territories).copied()
    }

    /// Whether the region's own rule names text messages (informational: the
    /// engine holds texts to the window everywhere, as the TCPA does).
    pub fn covers_texts(self) -> bool {
        self.row().is_some_and(|r| r.covers_texts)
    }

    /// The statutes and rules, with sections: `"Tex. Bus. & Com. Code § 301.051"`.
    pub fn citation(self) -> &'static str {
        self.row().map_or("", |r| r.citation.as_str())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Region::parse(&code).map_err(de::Error::custom)
    }
}

/// A region's name as [`Region::parse_record`] compares it: its letters and
/// digits, upper case, accents off, `&` as AND ("Newfoundland & Labrador",
/// "Hawaiʻi", "Washington, D.C.", "Île-du-Prince-Édouard").
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // (Not `char::to_lowercase`: its Unicode tables are 5 KB of the
    // WebAssembly module, for the few letters French names use.)
    for c in text.chars() {
        let c = match c {
            '&' => {
                out.push_str("AND");
                continue;
            }
            'à' | 'â' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ô' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        }
    }
    out
}
