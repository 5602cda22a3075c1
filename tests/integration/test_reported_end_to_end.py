"""End to end on a small seeds folder: a conference report whose review reports figures and whose task
list sets targets -- the two tables never share a quantity, both map to the vocabulary, both pass the
checks generated from schemas/, and the release carries the indicator figure and the README section."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.cli.main import main
from tests.conftest import made_once

pytestmark = pytest.mark.slow  # builds a package

REPORT = """\
宜昌市召开2025年全市卫生健康工作会议
1月20日，2025年全市卫生健康工作会议在宜昌召开。市卫生健康委主任张明作工作报告，副市长李华出席会议并讲话。全市卫生健康系统干部约120人参加会议。
会议指出，2024年全市卫生健康工作取得明显成效，全年新建成社区医院6家，居民健康素养水平提升至31.2%，县域就诊率稳定在91%。
会议强调，2025年要重点抓好以下工作：一是力争居民健康素养水平达到33%。二是新建胸痛救治单元12家。三是县域就诊率保持在92%以上。
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report built once per session, whichever of the session's processes asks first."""

    def build(root: Path) -> None:
        seeds = root / "seeds"
        seeds.mkdir(parents=True)
        (seeds / "yichang.txt").write_text(REPORT, encoding="utf-8")
        args = ["build", "--seeds", str(seeds), "--out", str(root / "out"), "--datasets", str(root / "ds")]
        assert main(args) == 0  # every blocking check (keys, foreign keys, offsets) passed

    return made_once(tmp_path_factory, "reported", build) / "out" / "package"


def _rows(package: Path, sql: str) -> list[tuple]:
    con = duckdb.connect()
    for table in ("targets", "reported_figures", "documents", "indicators", "indicator_frameworks"):
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{package}/data/{table}.parquet')")
    return con.execute(sql).fetchall()


def test_targets_and_reported_figures_of_one_report(package: Path) -> None:
    targets = _rows(package, "SELECT indicator_id, value, unit, comparator FROM targets ORDER BY target_id")
    assert targets == [
        ("health_literacy", 33.0, "%", "eq"),
        ("chest_pain_units", 12.0, "家", "eq"),
        ("county_retention_rate", 92.0, "%", "ge"),
    ]
    figures = _rows(
        package, "SELECT plan_id, indicator_id, value, unit, year, cue FROM reported_figures ORDER BY figure_id"
    )
    assert figures == [
        ("420500-2025-health-work", None, 120.0, "人", None, "参加"),
        ("420500-2025-health-work", "community_hospitals", 6.0, "家", 2024, "全年"),
        ("420500-2025-health-work", "health_literacy", 31.2, "%", 2024, "review_paragraph"),
        ("420500-2025-health-work", "county_retention_rate", 91.0, "%", 2024, "review_paragraph"),
    ]


def test_no_quantity_is_both_a_target_and_a_reported_figure(package: Path) -> None:
    overlapping = _rows(
        package,
        "SELECT t.raw_text, f.raw_text FROM targets t JOIN reported_figures f USING (doc_id) "
        "WHERE f.char_start < t.char_end AND t.char_start < f.char_end",
    )
    assert overlapping == []


def test_the_cookbook_query_compares_targets_with_figures_and_national_values(package: Path) -> None:
    rows = _rows(
        package,
        "SELECT tg.value, f.base_value, fw.framework_id, fw.year, fw.value FROM targets tg "
        "JOIN reported_figures f ON f.indicator_id = tg.indicator_id AND f.base_unit = tg.unit "
        "JOIN indicator_frameworks fw ON fw.indicator_id = tg.indicator_id AND fw.unit = tg.unit "
        "WHERE tg.indicator_id = 'health_literacy' AND fw.framework_id = 'national_health_plan_14th'",
    )
    assert rows == [(33.0, 31.2, "national_health_plan_14th", 2025, 25.0)]


def test_the_release_carries_the_indicator_figure_and_the_guide(package: Path) -> None:
    png = (package / "figures" / "indicators.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    readme = (package / "README.md").read_text(encoding="utf-8")
    assert "## Indicators and reported figures" in readme
    assert "figures/indicators.png" in readme and "Cookbook — targets vs reported figures" in readme
