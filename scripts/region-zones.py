#!/usr/bin/env python3
"""Writes src/regions/zones.rs: the IANA zones of every region code in
src/regions/regions.json, read from the time-zone database's zone.tab.

    python3 scripts/region-zones.py [path/to/zone.tab]   (default: the system's)

A zone belongs to a region when zone.tab lists it for the region's country and
its comment names the state, province or territory ("Eastern - MI (most
areas)", "Central - ON (west), Manitoba"), or when it is the country-wide zone
("Eastern (most areas)") of the part of the country the region lies in. The
territories are countries of their own in zone.tab. US and CA get every zone of
their states / provinces (US: the 50 states and DC, not the territories).

The principal zone comes first (local times are written in it): a state's main
zone, the zone whose comment gives the province's code with "(most areas)",
else the first in zone.tab order; America/New_York for US, America/Toronto for
CA. A zone whose clock agrees, every hour from 2026 to 2036, with one already
listed is left out: it adds nothing to an intersection (America/Indiana/
Indianapolis keeps New York's time), and each zone costs a conversion per day
and contact.

zone.tab does not say which country-wide zone each state mostly lies in, nor
name the states with only a part in another such zone. Those facts are the two
lists below, and nothing else here is typed by hand.
"""
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------
# HAND-KEPT FACTS (the only ones). Source: 49 CFR Part 71, Standard time zone
# boundaries (§§ 71.4-71.9: the Eastern, Central, Mountain, Pacific, Alaska and
# Hawaii-Aleutian zones), https://www.ecfr.gov/current/title-49/part-71.
#
# MAIN: the country-wide zone (a zone.tab comment "<Name> (most areas)" or
# "<Name>") that holds most of each US state. States whose own zones are
# named in zone.tab comments (AK, AZ, HI, IN, KY, MI, ND, ID, OR) still get
# their zone.tab zones on top of this.
MAIN = {
    "Eastern": "CT DC DE FL GA IN KY MA MD ME MI NC NH NJ NY OH PA RI SC VA VT WV",
    "Central": "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI",
    "Mountain": "CO ID MT NM UT WY",
    "Pacific": "CA NV OR WA",
}
# PART: states with a part in another country-wide zone that zone.tab's
# comments do not name (49 CFR 71.5-71.8 and the county lists there).
PART = {
    "FL": ["Central"],   # the panhandle west of the Apalachicola River (71.5)
    "TN": ["Eastern"],   # East Tennessee (71.5)
    "KY": ["Central"],   # western Kentucky (71.5); Louisville, Wayne are in zone.tab
    "TX": ["Mountain"],  # El Paso and Hudspeth counties (71.8)
    "KS": ["Mountain"],  # Greeley, Hamilton, Sherman, Wallace counties (71.8)
    "NE": ["Mountain"],  # the western panhandle (71.8)
    "SD": ["Mountain"],  # West River (71.8)
    "ND": ["Mountain"],  # the southwest (71.8)
    "ID": ["Pacific"],   # the panhandle north of the Salmon River (71.9)
    "NV": ["Mountain"],  # West Wendover (71.8)
    "AZ": ["Mountain"],  # the Navajo Nation keeps daylight time (71.8)
}
# CA_PART: places of a province that keep another zone's clock and have no
# zone of their own in zone.tab.
CA_PART = {
    "QC": ["America/Halifax"],   # the Magdalen Islands: Atlantic time, DST
    "SK": ["America/Winnipeg"],  # Creighton: Central time, DST
}
# The same for states, by local custom: Phenix City, Lanett and Valley
# (Alabama, on the Georgia line) keep Eastern time; Kenton (Oklahoma's
# panhandle) keeps Mountain time; Hyder (Alaska, on the line with Stewart,
# British Columbia) keeps Pacific time.
US_PART = {
    "AL": ["America/New_York"],
    "OK": ["America/Denver"],
    "AK": ["America/Los_Angeles"],
}
# ---------------------------------------------------------------------------

# Names zone.tab comments use for a province or state instead of its code.
NAMES = {
    "Manitoba": "MB", "Yukon": "YT", "New Brunswick": "NB",
    "Newfoundland": "NL", "Labrador": "NL", "Hawaii": "HI", "Alaska": "AK",
}
TERRITORIES = {"PR", "GU", "VI", "AS", "MP"}


def read_tab(path):
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        country, zone = parts[0], parts[2]
        comment = parts[3] if len(parts) > 3 else ""
        rows.append((country, zone, comment))
    return rows


def named(comment):
    """Region codes a zone.tab comment names: "Mountain - AB, BC(E), NT(E)"."""
    found = set(re.findall(r"\b([A-Z]{2})\b", comment.split(" - ", 1)[-1] if " - " in comment else ""))
    for name, code in NAMES.items():
        if name in comment:
            found.add(code)
    return found


def clock(zone):
    """The zone's UTC offsets, every hour from 2026 to 2036."""
    tz = ZoneInfo(zone)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    return tuple(
        (start + timedelta(hours=h)).astimezone(tz).utcoffset() for h in range(0, 24 * 3653)
    )


def main():
    tab = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/zoneinfo/zone.tab"
    rows = read_tab(tab)
    codes = [r["code"] for r in json.loads((ROOT / "src/regions/regions.json").read_text())["regions"]]
    zones = {c: [] for c in codes}

    def add(code, zone):
        if code in zones and zone not in zones[code]:
            zones[code].append(zone)

    # The country-wide zones, by the name zone.tab gives them.
    wide = {}
    for country, zone, comment in rows:
        if country == "US":
            m = re.fullmatch(r"(\w+)(?: \(most areas\))?", comment)
            if m:
                wide[m.group(1)] = zone
    for name, states in MAIN.items():
        for s in states.split():
            add("US-" + s, wide[name])
    for country, zone, comment in rows:
        if country in ("US", "CA"):
            for code in named(comment):
                add(f"{country}-{code}", zone)
        elif country in TERRITORIES:
            add("US-" + country, zone)
    for s, names in PART.items():
        for name in names:
            add("US-" + s, wide[name])
    for country, parts in (("CA", CA_PART), ("US", US_PART)):
        for p, extra in parts.items():
            for zone in extra:
                add(country + "-" + p, zone)
    for code in codes:
        if "-" in code and code[3:] not in TERRITORIES:
            for z in zones[code]:
                add(code[:2], z)
    # Principal first.
    most = {}
    for country, zone, comment in rows:
        if country in ("US", "CA") and "(most areas)" in comment:
            head = comment.split("(most areas)")[0]
            for code in re.findall(r"\b([A-Z]{2})\b", head.split(" - ", 1)[-1] if " - " in head else ""):
                most.setdefault(f"{country}-{code}", zone)
    principal = {"US": wide["Eastern"], **{f"US-{s}": wide[n] for n, st in MAIN.items() for s in st.split()}}
    principal["CA"] = most["CA-ON"]
    for code, zone in most.items():
        principal.setdefault(code, zone)
    clocks = {}
    for code in codes:
        first = principal.get(code)
        order = ([first] if first in zones[code] else []) + [z for z in zones[code] if z != first]
        kept = []
        for z in order:
            c = clocks.setdefault(z, clock(z))
            if all(clocks[k] != c for k in kept):
                kept.append(z)
        zones[code] = kept
    missing = [c for c in codes if not zones[c]]
    if missing:
        sys.exit(f"no zone found for {missing}")

    version = ""
    zi = Path(tab).with_name("tzdata.zi")
    if zi.exists():
        first = zi.read_text(encoding="utf-8").splitlines()[0]
        version = first.replace("# version", "").strip()
    out = [
        "//! IANA zones of each region, for the safe intersection when a contact has",
        "//! no zone. @generated by scripts/region-zones.py from tzdb zone.tab"
        + (f" (tzdata {version})" if version else "") + "; do not edit.",
        "",
        "/// (region code, zones), in the order of `regions.json`; the principal zone",
        "/// first; zones whose clocks agree with one listed (2026-2036) are left out.",
        "pub static ZONES: &[(&str, &[&str])] = &[",
    ]
    for code in codes:
        out.append(f'    ("{code}", &[' + ", ".join(f'"{z}"' for z in zones[code]) + "]),")
    out.append("];")
    (ROOT / "src/regions/zones.rs").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
