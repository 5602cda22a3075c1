"""Provincial- and prefecture-level regions of China: the table in pipeline/data/regions.csv and lookups.

The table holds every provincial-level unit (31 mainland units plus 香港, 澳门 and 台湾, which exist
for lookups only) and every prefecture-level division (地级市, 地区, 自治州, 盟), keyed by its
six-digit GB/T 2260 code. The prefectures come from cpca 0.5.5's adcodes data, brought up to date
with two later changes (莱芜市 merged into 济南市 in 2019; 那曲地区 became 那曲市, 540600).

新疆生产建设兵团 (the Xinjiang Production and Construction Corps) has no GB/T 2260 code, yet it
publishes its own plans alongside the provinces. By project convention it gets the code 660000: the
prefix 66 is not assigned to any province in GB/T 2260, so the code cannot clash with a real one.
It is not a GB/T 2260 code and must not be sent to systems that expect one.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from pipeline.data import read_csv

PROVINCE = "province"
PREFECTURE = "prefecture"
# Provincial-level units that do not issue plans alongside the mainland provinces.
_NOT_IN_PLANS = frozenset({"710000", "810000", "820000"})


@dataclass(frozen=True)
class Region:
    """One row of regions.csv."""

    code: str
    name: str
    short_name: str
    level: str  # "province" or "prefecture"
    province_code: str
    abbreviation: str | None  # one-character abbreviation of a province (京, 沪, 湘), else None
    capital: str | None  # full name of a province's seat, else None


@cache
def all_regions() -> list[Region]:
    """Every region in the table, sorted by code."""
    regions = [_region_from_row(row) for row in read_csv("regions.csv")]
    return sorted(regions, key=lambda region: region.code)


def _region_from_row(row: dict[str, str]) -> Region:
    return Region(
        code=row["code"],
        name=row["name"],
        short_name=row["short_name"],
        level=row["level"],
        province_code=row["province_code"],
        abbreviation=row["abbreviation"] or None,
        capital=row["capital"] or None,
    )


@cache
def provinces() -> list[Region]:
    """The 32 units that issue provincial plans: 31 mainland units and 新疆生产建设兵团, by code."""
    return [r for r in all_regions() if r.level == PROVINCE and r.code not in _NOT_IN_PLANS]


@cache
def _by_code() -> dict[str, Region]:
    return {region.code: region for region in all_regions()}


def by_code(code: str) -> Region:
    """The region with this code (KeyError if the table has none)."""
    return _by_code()[code]


@cache
def _names() -> dict[str, Region]:
    """Full and short names to regions; a province wins over a prefecture with the same name."""
    names: dict[str, Region] = {}
    # Prefectures first so that provinces, written second, overwrite ties (吉林, 海南).
    ordered = sorted(all_regions(), key=lambda region: region.level == PROVINCE)
    for region in ordered:
        names[region.short_name] = region
        names[region.name] = region
    return names


@cache
def _abbreviations() -> dict[str, Region]:
    return {r.abbreviation: r for r in all_regions() if r.abbreviation}


def lookup(name: str) -> Region | None:
    """Find a region by exact full name, short name or (provinces only) one-character abbreviation."""
    name = name.strip()
    return _names().get(name) or _abbreviations().get(name)


def province_of(region: Region) -> Region:
    """The provincial-level unit a region belongs to (the region itself for a province)."""
    return _by_code()[region.province_code]


@cache
def _name_pattern(levels: frozenset[str]) -> re.Pattern[str]:
    names = [name for name, region in _names().items() if region.level in levels]
    # Longest names first so that the regex prefers 新疆生产建设兵团 to 新疆 at the same position.
    return re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))


def find_regions(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    levels: Collection[str] = (PROVINCE, PREFECTURE),
) -> list[tuple[Region, int, int]]:
    """Non-overlapping mentions of full or short region names in text[start:end], in text order.

    At each position the longest name wins. One-character abbreviations are not searched. Offsets
    are half-open and point into `text`. `levels` restricts the search (e.g. to provinces only).
    """
    pattern = _name_pattern(frozenset(levels))
    end = len(text) if end is None else end
    names = _names()
    return [(names[m.group()], m.start(), m.end()) for m in pattern.finditer(text, start, end)]
