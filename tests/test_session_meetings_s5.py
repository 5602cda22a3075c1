"""The session at which a plan is stated (pipeline.parse.conference.sessions): sentences written for the test.

A government work report's health items, or a 部长通道 answer, state a plan at a people's congress or CPPCC session;
when no health meeting is read, that session is the text's meeting (flag meeting_of_a_session), with its date,
place and the official who delivered the report.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.sessions import MEETING_OF_A_SESSION, session_meeting
from pipeline.text.clean import clean_text

PLAN = "\n2025年，全省将实施医疗卫生强基工程，推进紧密型县域医共体建设，加强疾病预防控制体系建设。"


@pytest.mark.parametrize(
    ("raw", "start", "location", "official"),
    [
        # held, with a place and the governor delivering the report
        (
            "1月20日上午，浙江省第十四届人民代表大会第三次会议在省人民大会堂隆重开幕，省长王五作政府工作报告。" + PLAN,
            "2025-01-20",
            "省人民大会堂",
            "王五",
        ),
        # named as the occasion (在…会议上), the report delivered by a mayor; the place is the seat of the city
        (
            "1月9日，在金华市第九届人民代表大会第四次会议上，市长赵六作《政府工作报告》。\n"
            "2025年，金华市将推进国家区域医疗中心建设，实施基层卫生服务能力提升行动，做好传染病防控。",
            "2025-01-09",
            "金华市",
            "赵六",
        ),
        # the date of a dateline, the session held 今天上午
        (
            "新华社杭州1月20日电 浙江省十四届人大三次会议今天上午在杭州开幕。省长王五作政府工作报告。" + PLAN,
            "2025-01-20",
            "杭州",
            "王五",
        ),
        # a CPPCC session with its date between the name and the verb
        (
            "人民网杭州1月24日电 浙江省政协十三届三次会议于1月19日开幕。省政协委员钱七接受采访时表示。" + PLAN,
            "2025-01-19",
            "杭州",  # the dateline's place: none is printed
            None,
        ),
    ],  # fmt: skip
)
def test_the_session_is_the_meeting_of_a_plan_stated_there(
    raw: str, start: str, location: str | None, official: str | None
) -> None:
    payload = extract_document(clean_text(raw).text, kind=None, published=None)
    assert len(payload["plans"]) == 1
    meeting = payload["meeting"]
    assert meeting is not None and MEETING_OF_A_SESSION in meeting["flags"]
    assert (meeting["start_date"], meeting["location"], meeting["lead_official"]) == (start, location, official)
    assert meeting["field"] == payload["plans"][0]["field"]  # the meeting points at the plan


def test_a_health_meeting_read_by_name_is_not_replaced_by_a_session() -> None:
    raw = "3月7日，全省卫生健康工作会议在杭州召开。会议传达了省十四届人大三次会议精神。会议要求，要加强基层。"
    meeting = extract_document(clean_text(raw).text, kind=None, published=None)["meeting"]
    assert meeting is not None and meeting["name"] == "全省卫生健康工作会议"
    assert MEETING_OF_A_SESSION not in meeting["flags"]


@pytest.mark.parametrize(
    "text",
    [
        "全国人大代表王五建议，加强基层医疗卫生服务能力建设。",  # a deputy, no session named
        "省人民大会堂今天举行新春音乐会。",  # a hall, not a session
    ],
)
def test_no_session_is_named(text: str) -> None:
    assert session_meeting(text, "provincial", "330000", 2025) is None


def test_the_occasion_at_which_a_health_official_states_the_plan_is_its_meeting() -> None:
    raw = (
        "新华社北京3月10日电 国家卫生健康委副主任张三10日在国务院新闻办公室新闻发布会上表示，2025年，国家卫生健康委将"
        "推进紧密型县域医共体建设，实施医疗卫生强基工程，加强疾病预防控制体系建设。"
    )
    payload = extract_document(clean_text(raw).text, kind=None, published=None)
    meeting = payload["meeting"]
    assert meeting is not None and "meeting_named_as_occasion" in meeting["flags"]
    assert (meeting["name"], meeting["location"]) == ("国务院新闻办公室新闻发布会", "北京")
    assert "location_from_dateline" in meeting["flags"]


@pytest.mark.parametrize(
    "text",
    [
        "市人民医院院长李四在全院职工大会上表示，2025年医院将新建门诊楼。",  # no health authority speaks
        "国家卫生健康委副主任张三表示，2025年将推进医共体建设。",  # no occasion named
    ],
)
def test_no_occasion_without_a_health_body_speaking_at_a_meeting(text: str) -> None:
    assert session_meeting(text, "national", None, 2025) is None
