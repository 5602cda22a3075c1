"""A meeting whose name holds no health word is a health meeting when it is held to relay a health conference
(省委召开常委会议，传达学习全国卫生与健康大会精神), and sentences that open on 要 one after another are the work it
deploys, when the text names the year of that work (…研究部署今年下半年…工作); naming no year, such a relay of a
conference that is no work conference asks to study a direction and states no plan (session 16, relayed_without_year).
Sentences written for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

DIRECTIVES = (
    "书记强调，全省人口多，卫生健康任务艰巨。要认真贯彻中央关于卫生与健康工作的方针政策，推进健康省份建设。"
    "要坚持问题导向，深入开展调查研究。要全面深化医药卫生体制改革，加强基层医疗卫生服务。"
)


def _read(raw: str) -> dict:
    return extract_document(clean_text(raw).text, kind=None, published="2016-08-25")


def test_a_party_meeting_that_relays_a_health_conference_deploys_health_work() -> None:
    lead = "23日下午，甘肃省召开省委常委会议，传达学习全国卫生与健康大会精神，研究部署今年下半年全省卫生与健康工作。"
    payload = _read(lead + DIRECTIVES)
    assert payload["kind"] == "provincial_conference_report"
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"]) == ("provincial", "620000")
    assert len(plan["tasks"]) >= 3


def test_relaying_without_directives_states_no_plan() -> None:
    payload = _read("23日下午，甘肃省召开省委常委会议，传达学习全国卫生与健康大会精神。会议还研究了其他事项。")
    assert (payload["kind"], payload["plans"]) == ("other", [])


def test_relaying_an_economic_conference_is_no_health_meeting() -> None:
    payload = _read("23日下午，甘肃省召开省委常委会议，传达学习中央经济工作会议精神。" + DIRECTIVES.replace("卫生", "经济"))
    assert (payload["kind"], payload["plans"]) == ("other", [])


def test_a_party_meeting_relaying_a_health_conference_without_a_year_states_no_plan() -> None:
    # no year named and no work conference relayed: a call to study and carry out a direction (relayed_without_year)
    payload = _read("23日下午，甘肃省召开省委常委会议，传达学习全国卫生与健康大会精神，研究贯彻落实意见。" + DIRECTIVES)
    assert (payload["kind"], payload["kind_flag"], payload["plans"]) == ("other", "relayed_without_year", [])
