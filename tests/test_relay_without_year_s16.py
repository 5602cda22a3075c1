"""A meeting held to relay or study another meeting's spirit, naming no year (pipeline.documents.reporting
.relayed_without_year). Every sentence is written for the test.

A party committee, a government or a health bureau that relays the spirit of a meeting that is no work conference (a
national policy conference, a party plenum) and asks to study it, research it and carry it out, without naming the
year whose work it deploys, states no plan (flag relayed_without_year). The same relay that names the year
(研究部署2024年工作, 今年要…, 新的一年…), that presents a plan in its lead (重点工作), a relay of a work conference
(…卫生健康工作会议精神: it carries on the work deployed there), or a text that relays nothing is read as before.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.documents.reporting import relayed_without_year
from pipeline.text.clean import clean_text

CALLS = (
    "书记强调，卫生健康事关群众切身利益。要认真贯彻上级关于卫生健康工作的方针政策，深入谋划做好本地卫生健康工作的举措。"
    "要坚持问题导向，深入开展调查研究，对卫生健康工作进行全面摸底，研究制定有关规划。"
    "各级党委、政府要把卫生健康工作摆上重要日程，加大考核力度，强化激励和问责，推动形成工作合力。"
)


def _extract(raw: str, published: str | None = None) -> dict:
    return extract_document(clean_text(raw).text, kind=None, published=published)


@pytest.mark.parametrize(
    "lead",
    [
        # a province's party leadership meeting relays a national conference, no date but the day
        "15日上午，某某省召开省级领导干部会议，传达学习全国卫生与健康大会精神，研究贯彻落实意见。",
        # a city's party standing committee studies a provincial meeting
        "近日，市委常委会召开会议，学习贯彻全省卫生健康大会精神，市委书记主持会议。",
        # a county government relays a party plenum at once, without a held verb
        "8月30日下午，县政府迅速传达县委十四届五次全会精神，副县长出席。",
        # a title line that relays, then a body without a year
        "某某区委传达学习全国卫生与健康大会精神\n区委书记主持召开区委常委会议，部署贯彻落实工作。",
    ],
)
def test_a_relay_naming_no_year_states_no_plan(lead: str) -> None:
    raw = lead + CALLS
    assert relayed_without_year(clean_text(raw).text)
    document = _extract(raw)
    assert document["kind"] == "other"
    assert document["kind_flag"] == "relayed_without_year"
    assert document["plans"] == []


@pytest.mark.parametrize(
    "raw",
    [
        # the relay names the year whose work it deploys
        "3月5日上午，市卫生健康委召开专题会议，传达学习全省卫生健康工作会议精神，安排部署2024年全市卫生健康工作。" + CALLS,
        # the year ahead, in words
        "近日，县委召开常委会议，传达学习全市卫生健康大会精神。会议要求，新的一年要深化医改。" + CALLS,
        # this year
        "近日，县政府召开会议，传达学习全省卫生健康工作会议精神。会议指出，今年是关键之年。" + CALLS,
        # the second half of the year
        "7月10日，区卫健局召开会议，传达全市卫生健康工作推进会精神，研究下半年工作。" + CALLS,
        # the lead presents a plan
        "近日，县卫健局召开会议，传达学习全市卫生健康工作会议精神，对重点工作作出安排。" + CALLS,
        # a meeting held, no spirit relayed
        "15日上午，某某省召开全省卫生健康工作会议，研究部署卫生健康工作。" + CALLS,
        # a relay of a work conference: the conference deployed the work the relay carries on
        "5月6日，县卫生健康局党组会传达学习了全省卫生健康工作会议精神。",
        "近日，市委常委会召开会议，学习贯彻全省卫生健康工作推进会精神。",
        # a body's own meeting (a party members' meeting): internal_meeting says why it states no plan
        "2月3日，县卫生健康局召开机关党员干部大会，传达学习全国卫生与健康大会精神。",
        # a relayed spirit named later, not in the lead
        "15日上午，某某省召开全省卫生健康工作会议。会议传达学习了全国卫生健康工作会议精神。" + CALLS,
    ],
)
def test_a_relay_naming_a_year_or_a_plan_or_no_relay_is_read_as_before(raw: str) -> None:
    assert not relayed_without_year(clean_text(raw).text)


def test_a_relay_with_a_year_keeps_its_tasks() -> None:
    raw = (
        "3月5日上午，市卫生健康委召开专题会议，传达学习全省卫生健康工作会议精神，安排部署2024年全市卫生健康工作。"
        "会议要求，一是要深化医药卫生体制改革，推进紧密型县域医共体建设；二是要加强公共卫生体系建设，完善疾病预防控制网络；"
        "三是要提升基层医疗服务能力，建设10个标准化村卫生室。"
    )
    document = _extract(raw)
    assert document["kind"] != "other"
    assert len(document["plans"][0]["tasks"]) == 3
