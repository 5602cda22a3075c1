"""A body that sets out the year's key work and then lists it (市卫生局认真安排今年重点工作任务。一是…) states its
plan, outside any meeting. Sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text


def _read(raw: str) -> tuple[dict, str]:
    text = clean_text(raw).text
    return extract_document(text, kind=None, published="2012-03-01"), text


@pytest.mark.parametrize(
    "cue",
    [
        "市卫生局认真安排今年重点工作任务。",
        "县卫生局部署了2012年主要工作：",
        "区卫生局安排全年卫生重点工作：",
        "局党组安排本年度主要工作任务：",
    ],
)
def test_key_work_set_out_then_listed_is_the_plan(cue: str) -> None:
    payload, text = _read(
        "关于2012年卫生重点工作的通报\n为做好各项工作，"
        + cue
        + "一是加快推进县级医院建设，完成3所医院改扩建。二是做好重大传染病防控。三是深化医药卫生体制改革。"
    )
    [plan] = payload["plans"]
    assert plan["work_year"] == 2012
    assert [text[t["start"] : t["end"]][:6] for t in plan["tasks"]] == ["加快推进县级", "做好重大传染", "深化医药卫生"]


def test_key_work_set_out_without_a_list_states_no_plan() -> None:
    payload, _ = _read(
        "关于2012年卫生重点工作的通报\n市卫生局认真安排今年重点工作任务。各单位要抓好落实，按时报送进展。"
    )
    assert payload["plans"] == [] or not payload["plans"][0]["tasks"]
