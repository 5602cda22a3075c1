"""A folder of texts of every genre, none in seeds/ and without a manifest, built end to end.

The texts are written for the tests (tests/test_work_points.py, test_roundup_paragraphs.py,
test_conference_plans.py hold their variants); here they go through the whole pipeline: kinds
recognised from the text, one plan per statement, tasks nested, blocking checks green.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.cli.main import main
from tests.conftest import made_once
from tests.test_roundup_paragraphs import FRAGMENT
from tests.test_work_points import MUNICIPAL_NO_NOTICE, PROVINCIAL

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

TEXTS = {
    "work_points_fujian": PROVINCIAL,
    "work_points_city": MUNICIPAL_NO_NOTICE,
    "roundup_fragment": FRAGMENT,
    "county_conference": (
        "2024年南溪县卫生健康工作会议召开\n2月20日上午，南溪县召开卫生健康工作会议。\n"
        "会议强调，2024年要重点做好三个方面的工作。一是强化基层，推进医共体建设。二是守牢底线，抓好疾病防控。三是优化服务。"
    ),
    "provincial_conference": (
        "1月8日，2025年全省卫生健康工作会议在长沙召开。省卫生健康委党组书记、主任李明作工作报告。\n"
        "会议指出，2025年要重点抓好以下工作：一是深化医改，推进紧密型县域医共体建设；二是强化公共卫生；三是发展中医药。"
    ),
    "not_a_plan": "西北五省区卫生健康合作联席会议在西宁举行，各方围绕医疗、医保等方面开展合作。",
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The texts built once per session; returns the package's data folder."""

    def build(folder: Path) -> None:
        seeds = folder / "seeds"
        seeds.mkdir(parents=True)
        for name, text in TEXTS.items():
            (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
        out = folder / "out"
        assert main(["build", "--seeds", str(seeds), "--out", str(out), "--datasets", str(folder / "ds")]) == 0

    return made_once(tmp_path_factory, "genres", build) / "out" / "package" / "data"


def _rows(package: Path, sql: str) -> list[tuple]:
    con = duckdb.connect()
    for table in ("documents", "plans", "plan_sources", "tasks", "meetings", "targets"):
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{package}/{table}.parquet')")
    return con.execute(sql).fetchall()


def test_every_text_that_states_a_plan_gets_its_genre(package: Path):
    kinds = dict(_rows(package, "SELECT doc_id, kind FROM documents"))
    assert kinds == {
        "work_points_fujian": "work_points",
        "work_points_city": "work_points",
        "roundup_fragment": "provincial_plan_roundup",
        "county_conference": "county_conference_report",
        "provincial_conference": "provincial_conference_report",
        "not_a_plan": "other",
    }
    [(flag,)] = _rows(package, "SELECT flag FROM documents WHERE kind = 'other'")
    assert flag


def test_plans_of_every_genre(package: Path):
    plans = _rows(package, "SELECT primary_doc_id, level, region_code, work_year FROM plans ORDER BY plan_id")
    assert ("work_points_fujian", "provincial", "350000", 2026) in plans
    assert ("provincial_conference", "provincial", "430000", 2025) in plans
    roundup = sorted(code for doc, _, code, _ in plans if doc == "roundup_fragment")
    assert roundup == ["320000", "340000", "350000"]
    assert {doc for doc, *_ in plans} == set(TEXTS) - {"not_a_plan"}
    genres = dict(_rows(package, "SELECT doc_id, any_value(genre) FROM plan_sources GROUP BY 1"))
    assert genres["work_points_fujian"] == "work_points" and genres["roundup_fragment"] == "roundup_item"


def test_work_points_tasks_nest_and_carry_targets(package: Path):
    depths = dict(
        _rows(
            package,
            "SELECT depth, count(*) FROM tasks WHERE doc_id = 'work_points_fujian' GROUP BY 1",
        )
    )
    # 一、主要目标 and 三、保障措施 give no task; 二、重点任务 is a part heading: its （一） items are depth 1
    assert depths[1] == 2 and depths[3] == 4  # （一） → 1. → （1） or ——
    targets = _rows(
        package,
        "SELECT tg.value, tg.task_id FROM targets tg JOIN plan_sources s USING (plan_id) WHERE s.doc_id = 'work_points_fujian'",
    )
    assert (80.2, None) in targets  # the 主要目标 section's targets are the plan's


def test_provincial_conference_keeps_its_meeting_and_its_tasks(package: Path):
    [meeting] = _rows(
        package,
        "SELECT level, region_code, work_year, CAST(start_date AS VARCHAR), location, lead_official, plan_id FROM meetings"
        " WHERE region_code = '430000'",
    )
    assert meeting[:6] == ("provincial", "430000", 2025, "2025-01-08", "长沙", "李明")
    n_tasks = _rows(package, f"SELECT count(*) FROM tasks WHERE plan_id = '{meeting[6]}' AND depth = 1")
    assert n_tasks == [(3,)]
    [(issuer,)] = _rows(package, f"SELECT issuer FROM plans WHERE plan_id = '{meeting[6]}'")
    assert issuer == "湖南省卫生健康委"


def test_meetings_of_texts_whose_plan_another_reader_reads(package: Path):
    # a round-up item's meeting (1月17日，安徽省卫生健康工作会议召开) and the county meeting the fallback names (南溪县:
    # no code for its old name), dated by its lead after the title line: flag meeting_from_plan_text
    meetings = _rows(package, "SELECT region_code, CAST(start_date AS VARCHAR), plan_id, flag FROM meetings ORDER BY 1")
    assert [row[:2] for row in meetings] == [("340000", "2025-01-17"), ("430000", "2025-01-08"), (None, "2024-02-20")]
    assert "meeting_from_plan_text" in meetings[2][3]
    plan_id, flag = meetings[0][2:]
    assert "meeting_from_plan_text" in flag
    assert _rows(package, f"SELECT primary_doc_id FROM plans WHERE plan_id = '{plan_id}'") == [("roundup_fragment",)]
