"""The analysis data files read once: theme taxonomy (themes.toml) and settings (analysis.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.data import read_toml

FIGURE_PATH = "figures/themes.png"  # the release figure, inside a package folder
INDICATOR_FIGURE_PATH = "figures/indicators.png"  # plans' targets against the national values, by indicator
INDICATOR_FIGURE_PANELS = 6  # the indicators with targets in the most plans, one panel each
# The analysis tables, in the order the analysis step writes them (pipeline.analysis.build.analysis_tables).
ANALYSIS_TABLES = ("themes", "task_themes", "alignments", "task_continuity", "plan_terms")

THEMES_FILE = "themes.toml"
SETTINGS_FILE = "analysis.toml"


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy with the weight of each signal term."""

    theme_id: str
    label_zh: str
    label_en: str
    weights: dict[str, float]  # term -> 1.0 (term) or 0.5 (weak term)


@dataclass(frozen=True)
class Settings:
    min_chars: int
    drop_pos: tuple[str, ...]
    stop_words: frozenset[str]
    theme_min_score: float
    theme_weight: float
    align_min_score: float
    align_min_cosine: float
    align_max_links: int
    continuity_min_score: float
    top_n: int
    tracked: tuple[str, ...]


def _require(data: dict[str, Any], key: str, file: str) -> Any:
    if key not in data:
        raise ValueError(f"pipeline/data/{file}: missing key {key!r}")
    return data[key]


@cache
def themes() -> tuple[Theme, ...]:
    """The taxonomy, in file order; fails naming the file on a duplicate id or a theme without terms."""
    entries = _require(read_toml(THEMES_FILE), "theme", THEMES_FILE)
    result, seen = [], set()
    for entry in entries:
        theme_id = _require(entry, "id", THEMES_FILE)
        if theme_id in seen:
            raise ValueError(f"pipeline/data/{THEMES_FILE}: duplicate theme id {theme_id!r}")
        seen.add(theme_id)
        weights = {term: 0.5 for term in entry.get("weak_terms", [])}
        weights.update({term: 1.0 for term in _require(entry, "terms", THEMES_FILE)})
        if not weights:
            raise ValueError(f"pipeline/data/{THEMES_FILE}: theme {theme_id!r} has no terms")
        result.append(
            Theme(theme_id, _require(entry, "label_zh", THEMES_FILE), _require(entry, "label_en", THEMES_FILE), weights)
        )
    return tuple(result)


@cache
def settings() -> Settings:
    data = read_toml(SETTINGS_FILE)

    def section(name: str) -> dict[str, Any]:
        return _require(data, name, SETTINGS_FILE)

    terms, alignment = section("terms"), section("alignment")
    return Settings(
        min_chars=int(terms["min_chars"]),
        drop_pos=tuple(terms["drop_pos"]),
        stop_words=frozenset(terms["stop_words"]),
        theme_min_score=float(section("themes")["min_score"]),
        theme_weight=float(section("similarity")["theme_weight"]),
        align_min_score=float(alignment["min_score"]),
        align_min_cosine=float(alignment["min_cosine"]),
        align_max_links=int(alignment["max_links"]),
        continuity_min_score=float(section("continuity")["min_score"]),
        top_n=int(section("plan_terms")["top_n"]),
        tracked=tuple(section("plan_terms")["tracked"]),
    )
