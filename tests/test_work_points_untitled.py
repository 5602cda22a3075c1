"""A work-points text copied without its title starts at the plan's opening (2021年全市卫生健康工作的总体要求是：…);
over a numbered outline it is the year's plan, its year and level read from the opening's head (flag
plan_title_missing). Sentences written for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

OUTLINE = "一、做强公共卫生体系\n1.抓好传染病防控。完善监测预警机制。\n2.推进疾控机构改革。\n二、深化医改\n1.推进医共体建设。\n"


def _read(raw: str) -> tuple[dict, str]:
    text = clean_text(raw).text
    return extract_document(text, kind=None, published=None), text


def test_an_untitled_opening_over_an_outline_is_the_years_plan() -> None:
    payload, text = _read("2022年全市卫生健康工作的总体要求是：坚持以人民健康为中心，推动高质量发展。\n" + OUTLINE)
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"], plan["field"]) == ("municipal", 2022, "health-work")
    assert "plan_title_missing" in plan["flag"]
    assert [text[t["start"] : t["end"]][:4] for t in plan["tasks"]] == ["做强公共", "深化医改"]


def test_other_wordings_of_the_opening() -> None:
    for head in (
        "2019年度全县卫生计生工作总体思路是：",
        "2023年全省卫生健康工作的指导思想：",
        "2020年卫生健康工作的总的要求是：",
    ):
        payload, _ = _read(head + "以人民健康为中心，补短板、强弱项。\n" + OUTLINE)
        assert payload["kind"] == "work_points", head


def test_the_opening_without_an_outline_is_no_work_points_text() -> None:
    payload, _ = _read(
        "2022年全市卫生健康工作的总体要求是：坚持以人民健康为中心，推动高质量发展。会议还表彰了先进集体。\n"
    )
    assert payload["kind"] != "work_points"


def test_an_opening_that_is_not_the_first_line_gives_no_header() -> None:
    payload, _ = _read(
        "市卫健委召开党组会议\n会议指出，2022年全市卫生健康工作的总体要求是：坚持以人民健康为中心。\n" + OUTLINE
    )
    assert not any("plan_title_missing" in (plan["flag"] or "") for plan in payload["plans"])
