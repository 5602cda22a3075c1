"""Indicators: the reviewed vocabulary of measures (pipeline/data/indicators.csv) and how a phrase is read as one.

What belongs here: loading the vocabulary and the national framework values (indicator_frameworks.csv,
indicator_framework_values.csv) and `match_indicator`, which reads the indicator of a target or the
subject of a reported figure as a vocabulary entry through the entry's aliases -- data, not code:
the longest alias found in the phrase wins (… in an alias stands for a few characters), provided the quantity's unit is one the entry accepts
and, for a per-population measure (每万人口全科医生数), the per-unit words say so. A phrase no entry
fits gets no indicator and the flag `no_indicator`; one whose alias fits but whose unit does not gets
`indicator_unit_mismatch`. Pure functions; the data files are read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.data import read_csv

NO_INDICATOR = "no_indicator"
UNIT_MISMATCH = "indicator_unit_mismatch"
NO_UNIT = "-"  # in indicators.csv `units`: the entry accepts a quantity printed without a unit
DIRECTIONS = ("higher_is_better", "lower_is_better", "count_to_build")
GAP = "…"  # in an alias: up to GAP_CHARS characters of any kind (省级…区域医疗中心 reads 省级妇产区域医疗中心)
GAP_CHARS = 6


class VocabularyError(ValueError):
    """pipeline/data/indicators.csv (or a framework file) is inconsistent; the message names the row."""


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    name_zh: str
    name_en: str
    unit: str
    direction: str
    definition: str
    aliases: tuple[str, ...]
    units: frozenset[str]  # units a quantity of this indicator may be printed in ("-": none)
    per_unit: str | None  # words the per-unit must hold (每万) for a per-population measure


@dataclass(frozen=True)
class IndicatorMatch:
    indicator_id: str | None
    flag: str | None  # None when an entry fits; NO_INDICATOR or UNIT_MISMATCH otherwise
    alias: str | None = None  # the alias that was read


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


@cache
def vocabulary() -> tuple[Indicator, ...]:
    """Every entry of pipeline/data/indicators.csv, checked (unique ids, a known direction, English names)."""
    entries, seen = [], set()
    for number, row in enumerate(read_csv("indicators.csv"), start=2):
        where = f"pipeline/data/indicators.csv line {number}"
        if row["indicator_id"] in seen:
            raise VocabularyError(f"{where}: indicator_id {row['indicator_id']!r} appears twice")
        if row["direction"] not in DIRECTIONS:
            raise VocabularyError(f"{where}: direction {row['direction']!r} is not one of {', '.join(DIRECTIONS)}")
        for column in ("name_zh", "name_en", "definition", "aliases", "units"):
            if not row[column].strip():
                raise VocabularyError(f"{where}: {column} is empty")
        seen.add(row["indicator_id"])
        entries.append(
            Indicator(
                indicator_id=row["indicator_id"],
                name_zh=row["name_zh"],
                name_en=row["name_en"],
                unit=row["unit"],
                direction=row["direction"],
                definition=row["definition"],
                aliases=_split(row["aliases"]),
                units=frozenset(_split(row["units"])),
                per_unit=row["per_unit"].strip() or None,
            )
        )
    return tuple(entries)


@cache
def _aliases() -> tuple[tuple[str, re.Pattern[str], Indicator], ...]:
    """(alias, pattern, entry), longest alias first (its gaps not counted; ties in file order): the most
    specific reading wins."""
    triples = [
        (alias, re.compile(f".{{0,{GAP_CHARS}}}".join(map(re.escape, alias.split(GAP)))), entry)
        for entry in vocabulary()
        for alias in entry.aliases
    ]
    return tuple(sorted(triples, key=lambda triple: -len(triple[0].replace(GAP, ""))))


def match_indicator(phrases: tuple[str | None, ...], unit: str | None, per_unit: str | None = None) -> IndicatorMatch:
    """The vocabulary entry the first phrase that names one is about (targets: indicator, then raw_text).

    `unit` is the quantity's unit as targets.base_unit has it (scale multiplied out: 人, not 万人);
    `per_unit` the per-unit words (每万名人口) when the quantity is per population.
    """
    mismatch: IndicatorMatch | None = None
    for phrase in phrases:
        if not phrase:
            continue
        for alias, pattern, entry in _aliases():
            if pattern.search(phrase) is None:
                continue
            if entry.per_unit and entry.per_unit not in (per_unit or "") + phrase:
                continue
            if (unit or NO_UNIT) in entry.units:
                return IndicatorMatch(entry.indicator_id, None, alias)
            mismatch = mismatch or IndicatorMatch(None, UNIT_MISMATCH, alias)
    return mismatch or IndicatorMatch(None, NO_INDICATOR)


@cache
def frameworks() -> dict[str, dict[str, str]]:
    """The national frameworks whose main indicators the vocabulary places (indicator_frameworks.csv)."""
    return {row["framework_id"]: row for row in read_csv("indicator_frameworks.csv")}


@cache
def framework_values() -> tuple[dict[str, str], ...]:
    """Each framework's own value of an indicator for a year, with its citation (indicator_framework_values.csv)."""
    ids = {entry.indicator_id for entry in vocabulary()}
    rows = read_csv("indicator_framework_values.csv")
    for number, row in enumerate(rows, start=2):
        where = f"pipeline/data/indicator_framework_values.csv line {number}"
        if row["indicator_id"] not in ids:
            raise VocabularyError(f"{where}: indicator_id {row['indicator_id']!r} is not in indicators.csv")
        if row["framework_id"] not in frameworks():
            raise VocabularyError(f"{where}: framework_id {row['framework_id']!r} is not in indicator_frameworks.csv")
        if not row["confirmed_by"].strip() or not row["stated_as"].strip():
            raise VocabularyError(f"{where}: a framework value needs stated_as and confirmed_by (its citation)")
    return tuple(rows)
