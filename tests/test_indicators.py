"""The indicators vocabulary (pipeline/data) and how targets and figures are read as its entries."""

from __future__ import annotations

import pytest

from pipeline.tables.indicators import indicator_framework_rows, indicator_rows
from pipeline.text.indicators import (
    DIRECTIONS,
    NO_INDICATOR,
    UNIT_MISMATCH,
    frameworks,
    match_indicator,
    vocabulary,
)


def test_every_indicator_has_names_a_direction_and_aliases() -> None:
    for entry in vocabulary():
        assert entry.name_en.strip() and entry.name_zh.strip() and entry.definition.strip()
        assert entry.direction in DIRECTIONS
        assert entry.aliases and entry.units


def test_every_framework_value_cites_its_document() -> None:
    rows = indicator_framework_rows()
    assert rows
    for row in rows:
        assert row["document_title"] and row["issuer"] and row["document_year"]
        assert row["stated_as"] and row["confirmed_by"].startswith("http")
        assert row["framework_id"] in frameworks()
    listed = {row["indicator_id"]: row["frameworks"] for row in indicator_rows()}
    for row in rows:
        assert row["framework_id"] in listed[row["indicator_id"]].split(";")


@pytest.mark.parametrize(
    ("phrase", "unit", "per_unit", "expected"),
    [
        ("县域内就诊率", "%", None, "county_retention_rate"),
        ("县域就诊率", "%", None, "county_retention_rate"),
        ("全市居民健康素养水平", "%", None, "health_literacy"),
        ("全科医生数", "人", "每万常住人口", "general_practitioners_per_10k"),
        ("专科型国家区域医疗中心", "个", None, "national_regional_medical_centres"),
        ("省级妇产区域医疗中心", "所", None, "provincial_regional_medical_centres"),
        ("县域医疗卫生次中心", "所", None, "county_medical_subcentres"),
    ],
)
def test_phrases_written_differently_read_as_one_indicator(
    phrase: str, unit: str, per_unit: str | None, expected: str
) -> None:
    assert match_indicator((phrase,), unit, per_unit).indicator_id == expected


def test_the_longest_alias_wins() -> None:
    """省级临床重点专科建设项目覆盖县 is coverage of places, not a count of specialties."""
    assert match_indicator(("省级临床重点专科建设项目覆盖县",), "个").indicator_id == "clinical_key_specialty_coverage"
    assert match_indicator(("省级临床重点专科",), "个").indicator_id == "clinical_key_specialties"


def test_a_per_population_measure_needs_its_per_unit() -> None:
    assert match_indicator(("全科医生数",), "人", None).indicator_id is None
    assert match_indicator(("全科医生数",), "人", "每万名人口").indicator_id == "general_practitioners_per_10k"


def test_unit_mismatch_and_no_entry_are_flagged() -> None:
    assert match_indicator(("居民健康素养水平",), "元") == match_indicator(("居民健康素养水平",), "元")
    assert match_indicator(("居民健康素养水平",), "元").flag == UNIT_MISMATCH
    assert match_indicator(("意识形态分析研判会",), "次").flag == NO_INDICATOR
    assert match_indicator((None, "居民健康素养水平达到30%"), "%").indicator_id == "health_literacy"


def test_the_new_tables_and_column_are_a_minor_change_against_the_latest_release() -> None:
    """The release notes' bump rules (pipeline.release.versions) read issue 24's schema changes as MINOR."""
    import json
    from pathlib import Path

    from pipeline import schema
    from pipeline.release.versions import latest_release, schema_changes

    release = latest_release(Path(__file__).resolve().parents[1] / "datasets" / "china-health-work-plans")
    assert release is not None
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    old = {r["name"]: r["schema"] for r in descriptor["resources"] if r["format"] == "csv"}
    new = {table: schema.resource_schema(table) for table in schema.table_names()}
    ours = ("indicators", "indicator_frameworks", "reported_figures", "targets")
    changes = [(level, text) for level, text in schema_changes(old, new) if any(t in text for t in ours)]
    assert all(level in ("minor", "patch") for level, _ in changes), changes
    if "reported_figures" not in old:  # before the release that publishes them
        assert ("minor", "table reported_figures added") in changes
        assert ("minor", "column targets.indicator_id added") in changes
