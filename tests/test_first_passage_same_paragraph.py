"""The first passage that deploys work may stand in the SAME paragraph as the list the meeting parser reads (会议指出，
2025年要A；B。会议还部署了五个方面的工作：一是…), or after a year passage in the paragraph before it (2025年全市要…，
…。重点抓好三个方面的工作：坚持A，推进…；坚持B，…。): its items are tasks too (flag tasks_from_first_passage).
Review sentences before the list in its paragraph, and a lone overview sentence, still give none. Reports written
for these tests, at several issuer levels; extraction only, no build."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text


def _plan(raw: str) -> dict:
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    for task in plan["tasks"]:
        assert text[task["start"] : task["end"]] == task["text"]
    return plan


def _starts(plan: dict) -> list[str]:
    return [t["text"][:6] for t in plan["tasks"]]


_SAME_PARAGRAPH = [
    (
        "1月10日，2025年全国卫生健康工作会议在北京召开。\n会议指出，2025年要扎实推进家庭医生签约服务；"
        "健全托育服务体系，发展普惠托育。会议还部署了其他三个方面的工作：一是深化医药卫生体制改革；"
        "二是加强基层医疗卫生服务能力建设；三是推进中医药传承创新发展。",
        ["扎实推进家庭", "健全托育服务", "深化医药卫生", "加强基层医疗", "推进中医药传"],
    ),
    (
        "3月5日，2025年全市卫生健康工作会议召开。\n会议指出，今年要加快建设紧密型医联体；"
        "完善疾病预防控制体系。会议还部署了其他两个方面的工作：一是抓好重点人群健康管理；二是抓好医疗质量安全。",
        ["加快建设紧密", "完善疾病预防", "抓好重点人群", "抓好医疗质量"],
    ),
]


@pytest.mark.parametrize(("raw", "starts"), _SAME_PARAGRAPH, ids=["national-brief", "city-requirements"])
def test_a_deploying_passage_before_the_list_in_its_paragraph_is_read(raw: str, starts: list[str]) -> None:
    plan = _plan(raw)
    assert _starts(plan) == starts
    assert "tasks_from_first_passage" in plan["flag"]


def test_an_announced_list_after_the_year_passage_is_read() -> None:
    plan = _plan(
        "1月9日，2025年全省卫生健康工作会议召开。\n厅长王某指出，2025年全省卫生健康工作要坚持以人民健康为中心，"
        "深入推进健康某省建设，不断深化医药卫生体制改革，努力为人民群众提供更加优质的服务。"
        "重点抓好三个方面的工作：坚持预防为主，健全传染病监测预警体系；坚持固本强基，加强县域医共体建设；"
        "坚持中西医并重，推进中医药服务能力提升。\n王某强调，一是要加强党的领导；二是要改进工作作风。"
    )
    starts = _starts(plan)
    assert ["坚持预防为主", "坚持固本强基", "坚持中西医并"] == [s for s in starts if s.startswith("坚持")]
    assert starts[-2:] == ["要加强党的领", "要改进工作作"]
    assert "tasks_from_first_passage" in plan["flag"]


def test_review_sentences_before_the_list_in_its_paragraph_give_no_task() -> None:
    plan = _plan(
        "2月18日，2025年全县卫生健康工作会议召开。\n会议指出，2024年全县扎实推进医共体建设，"
        "取得明显成效；持续加强疾病防控，医疗服务能力明显提升。会议部署了两个方面的工作：一是深化医共体改革；"
        "二是提升基层服务能力。"
    )
    assert _starts(plan) == ["深化医共体改", "提升基层服务"]
    assert "tasks_from_first_passage" not in (plan["flag"] or "")


def test_a_lone_overview_sentence_before_the_list_gives_no_task() -> None:
    plan = _plan(
        "2月18日，2025年全区卫生健康工作会议召开。\n会议强调，全区要全面提升卫生健康服务水平，推动卫生健康事业"
        "高质量发展。会议部署了两个方面的工作：一是加强公共卫生体系建设；二是深化公立医院改革。"
    )
    assert _starts(plan) == ["加强公共卫生", "深化公立医院"]
