"""A meeting whose name holds no health word is a health meeting when the clause after its name says it studied or
deployed health work (县政府召开常务会议，专题研究部署全县卫生健康工作): pipeline.parse.conference.shapes. Sentences
written for the test, with the negatives (a government meeting on other work, health named only later)."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document

_BODY = "会议要求，要深化医药卫生体制改革，推进紧密型县域医共体建设，加强基层医疗卫生人才队伍建设。"


@pytest.mark.parametrize(
    ("lead", "kind", "region"),
    [
        ("3月8日，县政府召开常务会议，专题研究部署全县卫生健康工作。", "county_conference_report", None),
        ("3月8日，永宁县政府召开常务会议，研究部署2024年卫生健康工作。", "county_conference_report", "640121"),
        ("3月8日，县长主持召开县政府常务会议，听取全县医疗卫生工作汇报。", "county_conference_report", None),
        ("3月8日，永宁县召开专题会议，安排部署2024年医疗卫生工作。", "county_conference_report", "640121"),
        ("3月8日，市政府召开常务会议，研究部署全市疾控体系建设。", "municipal_conference_report", None),
    ],
)
def test_a_meeting_held_for_health_work_states_a_plan(lead: str, kind: str, region: str | None) -> None:
    payload = extract_document(lead + "\n" + _BODY, kind=None, published="2024-03-10")
    assert payload["kind"] == kind
    [plan] = payload["plans"]
    assert "meeting_found_by_shape" in plan["flag"]
    assert plan["region_code"] == region
    assert len(plan["tasks"]) == 3


@pytest.mark.parametrize(
    "raw",
    [
        "3月8日，县政府召开常务会议，研究部署全县安全生产工作。\n会议要求，要压实安全生产责任，开展隐患排查整治，加强应急值守。",
        # health work named only after the purpose window, in another sentence
        "3月8日，县政府召开常务会议，研究部署全县经济工作。\n会议还听取了其他事项的汇报。会后，卫生部门负责人表示将抓好落实。",
        # a meeting that studies the economy's sound development (健康发展 is no health work)
        "3月8日，县政府召开常务会议，研究推动民营经济健康发展。\n会议要求，要优化营商环境，加大信贷支持，减轻企业负担。",
    ],
)
def test_a_meeting_on_other_work_stays_other(raw: str) -> None:
    assert extract_document(raw, kind=None, published="2024-03-10")["kind"] == "other"
