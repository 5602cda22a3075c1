"""A plan whose text names its work year only in its title line (宜川县组织召开全县2021年卫生健康工作, the body's
meeting name printed without the year) gets it from there, flagged work_year_from_title
(pipeline.parse.identity); a title's deadline or reviewed year gives none. Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.identity import WORK_YEAR_FROM_TITLE
from pipeline.text.clean import clean_text

_BODY = (
    "\n3月15日，富县在卫健局会议室组织召开全县年卫生健康工作会议。副县长出席会议并讲话。\n"
    "会上，副县长要求，一要巩固疫情防控成果；二要深化医药卫生体制改革，推进县域医共体建设；三要提升基层医疗卫生服务能力。"
)


def _payload(title: str) -> dict:
    cleaned = clean_text(title + _BODY)
    return extract_document(cleaned.text, kind=None, published=None, source=None)


def test_the_title_lines_year_is_the_work_year_when_the_body_prints_none() -> None:
    payload = _payload("富县组织召开全县2022年卫生健康工作")
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("county", 2022)
    assert WORK_YEAR_FROM_TITLE in plan["flag"].split(";")
    assert payload["meeting"]["work_year"] == 2022
    assert WORK_YEAR_FROM_TITLE in payload["meeting"]["flags"]


@pytest.mark.parametrize(
    "title", ["富县卫生健康工作锚定到2025年的目标", "富县卫生健康“十四五”规划和2035年远景目标", "富县卫生健康工作"]
)
def test_a_deadline_in_the_title_or_no_year_gives_no_work_year(title: str) -> None:
    [plan] = _payload(title)["plans"]
    assert plan["work_year"] is None
    assert "work_year_unknown" in plan["flag"].split(";")


def test_a_reviewed_year_in_the_title_is_not_the_work_year() -> None:
    [plan] = _payload("富县回顾2021年卫生健康工作")["plans"]
    assert plan["work_year"] == 2022  # the year after the one reviewed, not the title's
    assert WORK_YEAR_FROM_TITLE not in plan["flag"].split(";")
