//! Windows time zone names and the IANA zone each stands for: CLDR's
//! `common/supplemental/windowsZones.xml`, the rows for territory `001` (the
//! zone a Windows name means when no country is given), with the IANA names
//! the database uses today for CLDR's older ones (`Asia/Kolkata` for
//! `Asia/Calcutta`, `Europe/Kyiv` for `Europe/Kiev`, ...). Dynamics 365 and
//! other Windows-based CRMs export a contact's zone so: "Eastern Standard Time"
//! is the US Eastern zone, daylight saving time and all (`America/New_York`).
//!
//! Sorted by the Windows name in lower case.

/// `Windows name>IANA name|`, pair after pair ([`pairs`] reads them): one
/// text rather than a table of 278 pointers in the WebAssembly module.
pub static WINDOWS_ZONES: &str = concat!(
    "Afghanistan Standard Time>Asia/Kabul|",
    "Alaskan Standard Time>America/Anchorage|",
    "Aleutian Standard Time>America/Adak|",
    "Altai Standard Time>Asia/Barnaul|",
    "Arab Standard Time>Asia/Riyadh|",
    "Arabian Standard Time>Asia/Dubai|",
    "Arabic Standard Time>Asia/Baghdad|",
    "Argentina Standard Time>America/Argentina/Buenos_Aires|",
    "Astrakhan Standard Time>Europe/Astrakhan|",
    "Atlantic Standard Time>America/Halifax|",
    "AUS Central Standard Time>Australia/Darwin|",
    "Aus Central W. Standard Time>Australia/Eucla|",
    "AUS Eastern Standard Time>Australia/Sydney|",
    "Azerbaijan Standard Time>Asia/Baku|",
    "Azores Standard Time>Atlantic/Azores|",
    "Bahia Standard Time>America/Bahia|",
    "Bangladesh Standard Time>Asia/Dhaka|",
    "Belarus Standard Time>Europe/Minsk|",
    "Bougainville Standard Time>Pacific/Bougainville|",
    "Canada Central Standard Time>America/Regina|",
    "Cape Verde Standard Time>Atlantic/Cape_Verde|",
    "Caucasus Standard Time>Asia/Yerevan|",
    "Cen. Australia Standard Time>Australia/Adelaide|",
    "Central America Standard Time>America/Guatemala|",
    "Central Asia Standard Time>Asia/Bishkek|",
    "Central Brazilian Standard Time>America/Cuiaba|",
    "Central Europe Standard Time>Europe/Budapest|",
    "Central European Standard Time>Europe/Warsaw|",
    "Central Pacific Standard Time>Pacific/Guadalcanal|",
    "Central Standard Time>America/Chicago|",
    "Central Standard Time (Mexico)>America/Mexico_City|",
    "Chatham Islands Standard Time>Pacific/Chatham|",
    "China Standard Time>Asia/Shanghai|",
    "Cuba Standard Time>America/Havana|",
    "Dateline Standard Time>Etc/GMT+12|",
    "E. Africa Standard Time>Africa/Nairobi|",
    "E. Australia Standard Time>Australia/Brisbane|",
    "E. Europe Standard Time>Europe/Chisinau|",
    "E. South America Standard Time>America/Sao_Paulo|",
    "Easter Island Standard Time>Pacific/Easter|",
    "Eastern Standard Time>America/New_York|",
    "Eastern Standard Time (Mexico)>America/Cancun|",
    "Egypt Standard Time>Africa/Cairo|",
    "Ekaterinburg Standard Time>Asia/Yekaterinburg|",
    "Fiji Standard Time>Pacific/Fiji|",
    "FLE Standard Time>Europe/Kyiv|",
    "Georgian Standard Time>Asia/Tbilisi|",
    "GMT Standard Time>Europe/London|",
    "Greenland Standard Time>America/Nuuk|",
    "Greenwich Standard Time>Atlantic/Reykjavik|",
    "GTB Standard Time>Europe/Bucharest|",
    "Haiti Standard Time>America/Port-au-Prince|",
    "Hawaiian Standard Time>Pacific/Honolulu|",
    "India Standard Time>Asia/Kolkata|",
    "Iran Standard Time>Asia/Tehran|",
    "Israel Standard Time>Asia/Jerusalem|",
    "Jordan Standard Time>Asia/Amman|",
    "Kaliningrad Standard Time>Europe/Kaliningrad|",
    "Korea Standard Time>Asia/Seoul|",
    "Libya Standard Time>Africa/Tripoli|",
    "Line Islands Standard Time>Pacific/Kiritimati|",
    "Lord Howe Standard Time>Australia/Lord_Howe|",
    "Magadan Standard Time>Asia/Magadan|",
    "Magallanes Standard Time>America/Punta_Arenas|",
    "Marquesas Standard Time>Pacific/Marquesas|",
    "Mauritius Standard Time>Indian/Mauritius|",
    "Middle East Standard Time>Asia/Beirut|",
    "Montevideo Standard Time>America/Montevideo|",
    "Morocco Standard Time>Africa/Casablanca|",
    "Mountain Standard Time>America/Denver|",
    "Mountain Standard Time (Mexico)>America/Mazatlan|",
    "Myanmar Standard Time>Asia/Yangon|",
    "N. Central Asia Standard Time>Asia/Novosibirsk|",
    "Namibia Standard Time>Africa/Windhoek|",
    "Nepal Standard Time>Asia/Kathmandu|",
    "New Zealand Standard Time>Pacific/Auckland|",
    "Newfoundland Standard Time>America/St_Johns|",
    "Norfolk Standard Time>Pacific/Norfolk|",
    "North Asia East Standard Time>Asia/Irkutsk|",
    "North Asia Standard Time>Asia/Krasnoyarsk|",
    "North Korea Standard Time>Asia/Pyongyang|",
    "Omsk Standard Time>Asia/Omsk|",
    "Pacific SA Standard Time>America/Santiago|",
    "Pacific Standard Time>America/Los_Angeles|",
    "Pacific Standard Time (Mexico)>America/Tijuana|",
    "Pakistan Standard Time>Asia/Karachi|",
    "Paraguay Standard Time>America/Asuncion|",
    "Qyzylorda Standard Time>Asia/Qyzylorda|",
    "Romance Standard Time>Europe/Paris|",
    "Russia Time Zone 10>Asia/Srednekolymsk|",
    "Russia Time Zone 11>Asia/Kamchatka|",
    "Russia Time Zone 3>Europe/Samara|",
    "Russian Standard Time>Europe/Moscow|",
    "SA Eastern Standard Time>America/Cayenne|",
    "SA Pacific Standard Time>America/Bogota|",
    "SA Western Standard Time>America/La_Paz|",
    "Saint Pierre Standard Time>America/Miquelon|",
    "Sakhalin Standard Time>Asia/Sakhalin|",
    "Samoa Standard Time>Pacific/Apia|",
    "Sao Tome Standard Time>Africa/Sao_Tome|",
    "Saratov Standard Time>Europe/Saratov|",
    "SE Asia Standard Time>Asia/Bangkok|",
    "Singapore Standard Time>Asia/Singapore|",
    "South Africa Standard Time>Africa/Johannesburg|",
    "South Sudan Standard Time>Africa/Juba|",
    "Sri Lanka Standard Time>Asia/Colombo|",
    "Sudan Standard Time>Africa/Khartoum|",
    "Syria Standard Time>Asia/Damascus|",
    "Taipei Standard Time>Asia/Taipei|",
    "Tasmania Standard Time>Australia/Hobart|",
    "Tocantins Standard Time>America/Araguaina|",
    "Tokyo Standard Time>Asia/Tokyo|",
    "Tomsk Standard Time>Asia/Tomsk|",
    "Tonga Standard Time>Pacific/Tongatapu|",
    "Transbaikal Standard Time>Asia/Chita|",
    "Turkey Standard Time>Europe/Istanbul|",
    "Turks And Caicos Standard Time>America/Grand_Turk|",
    "Ulaanbaatar Standard Time>Asia/Ulaanbaatar|",
    "US Eastern Standard Time>America/Indiana/Indianapolis|",
    "US Mountain Standard Time>America/Phoenix|",
    "UTC>Etc/UTC|",
    "UTC+12>Etc/GMT-12|",
    "UTC+13>Etc/GMT-13|",
    "UTC-02>Etc/GMT+2|",
    "UTC-08>Etc/GMT+8|",
    "UTC-09>Etc/GMT+9|",
    "UTC-11>Etc/GMT+11|",
    "Venezuela Standard Time>America/Caracas|",
    "Vladivostok Standard Time>Asia/Vladivostok|",
    "Volgograd Standard Time>Europe/Volgograd|",
    "W. Australia Standard Time>Australia/Perth|",
    "W. Central Africa Standard Time>Africa/Lagos|",
    "W. Europe Standard Time>Europe/Berlin|",
    "W. Mongolia Standard Time>Asia/Hovd|",
    "West Asia Standard Time>Asia/Tashkent|",
    "West Bank Standard Time>Asia/Hebron|",
    "West Pacific Standard Time>Pacific/Port_Moresby|",
    "Yakutsk Standard Time>Asia/Yakutsk|",
    "Yukon Standard Time>America/Whitehorse|",
);

/// Ruby on Rails' zone names (ActiveSupport's `TimeZone::MAPPING`) of the
/// US, Canada and Mexico, as Rails-built CRMs and help desks export a
/// contact's zone ("Eastern Time (US & Canada)"): the zone Rails maps each
/// to, under the database's name; then the labels Windows shows for the
/// zones of those countries that Rails names otherwise ("(UTC-06:00)
/// Guadalajara, Mexico City, Monterrey" is Windows' Central Standard Time
/// (Mexico); "Chihuahua, La Paz, Mazatlan" before Windows renamed it in
/// 2022). Read as [`WINDOWS_ZONES`] is.
pub static RAILS_ZONES: &str = concat!(
    "American Samoa>Pacific/Pago_Pago|",
    "Hawaii>Pacific/Honolulu|",
    "Alaska>America/Juneau|",
    "Pacific Time (US & Canada)>America/Los_Angeles|",
    "Tijuana>America/Tijuana|",
    "Mountain Time (US & Canada)>America/Denver|",
    "Arizona>America/Phoenix|",
    "Chihuahua>America/Chihuahua|",
    "Mazatlan>America/Mazatlan|",
    "Central Time (US & Canada)>America/Chicago|",
    "Saskatchewan>America/Regina|",
    "Guadalajara>America/Mexico_City|",
    "Mexico City>America/Mexico_City|",
    "Monterrey>America/Monterrey|",
    "Eastern Time (US & Canada)>America/New_York|",
    "Indiana (East)>America/Indiana/Indianapolis|",
    "Atlantic Time (Canada)>America/Halifax|",
    "Newfoundland>America/St_Johns|",
    "Puerto Rico>America/Puerto_Rico|",
    "Guam>Pacific/Guam|",
    // (Windows' labels that list a US territory's city: the same clock.)
    "Georgetown, La Paz, Manaus, San Juan>America/Puerto_Rico|",
    "Guam, Port Moresby>Pacific/Guam|",
    "Guadalajara, Mexico City, Monterrey>America/Mexico_City|",
    "Chihuahua, La Paz, Mazatlan>America/Mazatlan|",
    "La Paz, Mazatlan>America/Mazatlan|",
    "Baja California>America/Tijuana|",
    "Chetumal>America/Cancun|",
    "Aleutian Islands>America/Adak|",
    "Yukon>America/Whitehorse|",
    // (And the longer words of CRMs' picklists for those clocks, the US
    // statute's "Hawaii-Aleutian" among them: 15 U.S.C. § 263.)
    "Newfoundland Time>America/St_Johns|",
    "Alaska Standard Time>America/Anchorage|",
    "Hawaii-Aleutian Time>Pacific/Honolulu|",
    "Hawaii-Aleutian Standard Time>Pacific/Honolulu|",
    "Yukon Time>America/Whitehorse|",
    "Chamorro Standard Time>Pacific/Guam|",
    "Chamorro Time>Pacific/Guam|",
    // (The daylight names, which the abbreviations' long forms are.)
    "Eastern Daylight Time>America/New_York|",
    "Central Daylight Time>America/Chicago|",
    "Mountain Daylight Time>America/Denver|",
    "Pacific Daylight Time>America/Los_Angeles|",
    "Alaska Daylight Time>America/Anchorage|",
    "Atlantic Daylight Time>America/Halifax|",
    "Newfoundland Daylight Time>America/St_Johns|",
    // (Canada's French names and abbreviations, as a Quebec CRM writes them:
    // heure normale / avancée de l'Est, du Centre, des Rocheuses, du
    // Pacifique, de l'Atlantique, de Terre-Neuve.)
    "Heure de l'Est>America/New_York|",
    "Heure du Centre>America/Chicago|",
    "Heure des Rocheuses>America/Denver|",
    "Heure du Pacifique>America/Los_Angeles|",
    "Heure de l'Atlantique>America/Halifax|",
    "Heure de Terre-Neuve>America/St_Johns|",
);

/// The US and Canadian zone abbreviations a CRM writes for a contact's zone
/// ("EST", "PT"), and the words of its picklists ("Eastern", "Pacific
/// Time"), and the zone each means, daylight saving time and all. The
/// database's own `EST` is a fixed offset (Panama's clock, a link since
/// 2024b), which a US CRM's "EST" never means: read so, an Eastern contact
/// would be an hour off all summer, called at 20:30 taken for 19:30. `MST`
/// stays the database's (Arizona's clock all year), and `AST` is not here
/// (Atlantic Canada keeps daylight time, Puerto Rico does not); `ADT` is
/// written only where daylight time is kept. The words "Atlantic" and
/// "Atlantic Time" are Halifax's clock as Windows' "Atlantic Standard Time"
/// is: in Puerto Rico's region, Puerto Rico's (`context::loose_zone`).
pub static ABBREVIATIONS: &str = concat!(
    "ET>America/New_York|EST>America/New_York|EDT>America/New_York|",
    "CT>America/Chicago|CST>America/Chicago|CDT>America/Chicago|",
    "MT>America/Denver|MDT>America/Denver|",
    "PT>America/Los_Angeles|PST>America/Los_Angeles|PDT>America/Los_Angeles|",
    "AKST>America/Anchorage|AKDT>America/Anchorage|",
    "ADT>America/Halifax|NST>America/St_Johns|NDT>America/St_Johns|ChST>Pacific/Guam|",
    "HNE>America/New_York|HAE>America/New_York|HNC>America/Chicago|HAC>America/Chicago|",
    "HNR>America/Denver|HAR>America/Denver|HNP>America/Los_Angeles|HAP>America/Los_Angeles|",
    "HNA>America/Halifax|HAA>America/Halifax|HNT>America/St_Johns|HAT>America/St_Johns|",
    // The words, as CRMs' time-zone picklists label US zones.
    "Eastern>America/New_York|Eastern Time>America/New_York|",
    "Central>America/Chicago|Central Time>America/Chicago|",
    "Mountain>America/Denver|Mountain Time>America/Denver|",
    "Pacific>America/Los_Angeles|Pacific Time>America/Los_Angeles|",
    "Alaska Time>America/Anchorage|Hawaii Time>Pacific/Honolulu|",
    "Atlantic>America/Halifax|Atlantic Time>America/Halifax|",
);

/// Whether `name`, read as the zone named `zone`, named it by its clock
/// rather than by a place in the time-zone database: one of the
/// [`ABBREVIATIONS`] ("CST", "Pacific"), a Windows name ("Central Standard
/// Time") or a Rails name ("Mountain Time (US & Canada)") of one of the
/// clocks North America's zones are named by ([`is_clock_zone`]). In a region
/// such a name is read as `context::loose_zone` says ("Central Standard
/// Time" in Saskatchewan is Regina's). A name of a place is kept as given:
/// the database's own (also HubSpot's slug of it, "america_slash_phoenix",
/// and its names without a `/`, "MST", "UTC"), and the Windows and Rails
/// names of a place ("Arizona", "US Mountain Standard Time", "Saskatchewan",
/// "Mexico City"), Rails' "Hawaii" and "Newfoundland" too, though their
/// zones are clocks' ("Hawaii" on an Alaska contact is Honolulu's clock).
pub fn named_by_clock(name: &str, zone: &str) -> bool {
    clock_name(name) && is_clock_zone(zone)
}

/// Whether a zone `name` may name a clock: it holds no place of the
/// database ([`unplaced`]) and is none of Rails' place names whose zone is
/// a clock's ("Hawaii", "Newfoundland").
pub fn clock_name(name: &str) -> bool {
    unplaced(name)
        && !["Hawaii", "Newfoundland"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(shown(name.trim())))
}

/// Canada's French name of a clock in the form [`RAILS_ZONES`] holds:
/// "Heure normale de l’Est" and "Heure avancée de l'Est" (standard and
/// daylight time) are "Heure de l'Est", any apostrophe a straight one, and
/// an accent in capitals ("HEURE AVANCÉE") or apart from its letter (as
/// macOS keeps it, "e" and U+0301) the one the name has. `None` for a name
/// that is no such one.
pub fn french_clock(name: &str) -> Option<String> {
    name.get(..6).filter(|h| h.eq_ignore_ascii_case("heure "))?;
    let name = name
        .replace(['’', '‘', 'ʼ'], "'")
        .replace(['É'], "é")
        .replace("e\u{301}", "é")
        .replace("E\u{301}", "é");
    let rest = name.get(6..)?.trim_start();
    let rest = ["normale ", "avancée ", "avancee "]
        .iter()
        .find_map(|w| {
            rest.get(..w.len())
                .filter(|h| h.eq_ignore_ascii_case(w))
                .and_then(|_| rest.get(w.len()..))
        })
        .unwrap_or(rest);
    Some(format!("Heure {}", rest.trim_start()))
}

/// A Windows or Rails name as both display it, after the standard offset
/// ("(GMT-05:00) Eastern Time (US & Canada)", "(UTC-10:00) Hawaii"): the
/// name; else `name`.
pub fn shown(name: &str) -> &str {
    // (In any letter case: "(utc-10:00) hawaii".)
    let offset = |o: &str| {
        o.get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("(gmt") || p.eq_ignore_ascii_case("(utc"))
    };
    match name.split_once(')') {
        Some((o, rest)) if offset(o) => rest.trim(),
        _ => name,
    }
}

/// Whether a zone `name` holds no place of the database (no `/`, nor
/// HubSpot's `_slash_` for it).
pub fn unplaced(name: &str) -> bool {
    !name.contains('/')
        && !name
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"_slash_"))
}

/// Whether `zone` is one of the clocks North America's zones are named by
/// (Eastern, Central, Mountain, Pacific, Alaska, Hawaii, Atlantic,
/// Newfoundland), which a name by clock stands for; or Samoa's, whose
/// Windows name, "Samoa Standard Time", is also US law's name for American
/// Samoa's clock (15 U.S.C. § 263), a day behind on the other side of the
/// date line.
pub fn is_clock_zone(zone: &str) -> bool {
    "America/New_York America/Chicago America/Denver America/Los_Angeles America/Anchorage \
     Pacific/Honolulu America/Halifax America/St_Johns Pacific/Apia"
        .split_ascii_whitespace()
        .any(|z| z == zone)
}

/// The `(name, IANA name)` pairs of [`WINDOWS_ZONES`] or [`RAILS_ZONES`].
pub fn pairs(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.split('|').filter_map(|pair| pair.split_once('>'))
}
