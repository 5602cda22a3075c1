"""The meeting a text reports held when its plan is read by another reader than the meeting parser
(pipeline.parse.conference.held), and meetings named in passing or to come: sentences written for the test.

A text whose plan a deploy sentence or a round-up item states, and that reports a meeting held, gets that meeting
(flag meeting_from_plan_text) with the date, place and officials it prints, read by the meeting parser's readers,
when the meeting is of the plan's level and region. A meeting named in passing or to come is none; an official
who only attends has no lead role. Neither the meeting parser nor its fallback reads a meeting named in passing
(继…会议召开之后, 传达…会议精神) as the text's meeting.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.fallback import find_conference
from pipeline.parse.conference.held import MEETING_FROM_PLAN_TEXT, held_meetings
from pipeline.text.clean import clean_text

COUNTY_PLAN = "今年泽州县将为6000名妇女免费筛查宫颈癌和乳腺癌，为3000名孕妇免费开展产前筛查。"


def _extract(raw: str, published: str = "2024-07-15") -> dict:
    return extract_document(clean_text(raw).text, kind=None, published=published)


@pytest.mark.parametrize(
    ("raw", "level", "start", "location", "officials"),
    [
        # national: a health body holds a meeting in Beijing (在京), the date with its year
        (
            "2024年1月5日，国家卫生健康委在京召开妇幼健康项目推进会。"
            "今年国家将为1000万名农村妇女免费筛查宫颈癌和乳腺癌，为500万名孕妇免费开展产前筛查。",
            "national", "2024-01-05", "北京", [],
        ),
        # provincial: a month and day, the chair
        (
            "3月5日，湖南省卫生健康委召开全省基层卫生健康座谈会。"
            "今年全省将新建100个社区医院，为基层培训5000名全科医生。副主任李华主持会议。",
            "provincial", "2024-03-05", None, [("李华", "chair")],
        ),
        # municipal: a day alone (5日上午, in the month of publication), a room in the city's government, a speech and a chair
        (
            "本报讯 5日上午，株洲市卫生健康委在市政府会议室召开全市医疗保障推进会。"
            "今年全市将新增10家定点医院，为5000名老人免费体检。副市长赵六出席会议并讲话，市卫生健康委主任钱七主持会议。",
            "municipal", "2024-07-05", "株洲市政府会议室", [("赵六", "speech"), ("钱七", "chair")],
        ),
        # county: the county government's meeting room (在县政府会议室); an official who only attends has no role
        (
            "1月5日，泽州县在县政府会议室召开妇幼健康项目推进会。" + COUNTY_PLAN + "县委副书记张三出席会议。",
            "county", "2024-01-05", "泽州县政府会议室", [],
        ),
        # county: no place printed, the county's seat; the head of the health bureau speaks
        (
            "7月12日，泽州县召开妇幼健康项目推进会。" + COUNTY_PLAN + "县卫生健康局局长王明出席会议并讲话。",
            "county", "2024-07-12", "泽州县", [("王明", "speech")],
        ),
    ],  # fmt: skip
)
def test_a_plan_texts_meeting_held_is_its_meeting(
    raw: str, level: str, start: str, location: str | None, officials: list[tuple[str, str]]
) -> None:
    payload = _extract(raw)
    (plan,) = payload["plans"]
    meeting = payload["meeting"]
    assert meeting is not None and MEETING_FROM_PLAN_TEXT in meeting["flags"]
    assert (meeting["scope"], meeting["region_code"], meeting["work_year"]) == (
        level,
        plan["region_code"],
        plan["work_year"],
    )
    assert meeting["field"] == plan["field"]  # the meeting's plan is the one the text states
    assert meeting["n_tasks"] == len(plan["tasks"]) > 0
    assert (meeting["start_date"], meeting["location"]) == (start, location)
    assert [(o["name"], o["role"]) for o in meeting["officials"]] == officials


@pytest.mark.parametrize(
    "raw",
    [
        # named in passing: an earlier meeting relayed, or what follows it
        "泽州县卫生健康局传达了在太原召开的全县妇幼健康项目推进会精神。" + COUNTY_PLAN,
        "继泽州县妇幼健康项目推进会召开之后，" + COUNTY_PLAN,
        # to come
        "泽州县拟召开妇幼健康项目推进会。" + COUNTY_PLAN,
        "泽州县卫生健康局将于7月20日召开妇幼健康项目推进会。" + COUNTY_PLAN,
        # a notice convening it: no plan, no meeting
        "关于召开全县妇幼健康项目推进会的通知\n" + COUNTY_PLAN,
        # a meeting of another level than the plan's (a provincial one watched by the county)
        "泽州县组织收看全省妇幼健康项目视频会议。" + COUNTY_PLAN,
    ],
)
def test_a_meeting_in_passing_to_come_or_of_another_level_is_none(raw: str) -> None:
    assert _extract(raw)["meeting"] is None


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("7月12日，泽州县召开妇幼健康项目推进会。", True),
        ("全省疾病预防控制工作会议于1月5日在长沙召开。", True),
        ("继全省疾病预防控制工作会议召开以来，各地积极行动。", False),
        ("认真学习在长沙召开的全省疾病预防控制工作会议精神。", False),
        ("全省疾病预防控制工作会议将于1月20日在长沙召开。", False),
        ("全省疾病预防控制工作会议召开后，各地贯彻会议精神。", True),  # 会议精神 in a later clause relays this one
    ],
)
def test_held_meetings_leave_out_meetings_in_passing_and_to_come(sentence: str, held: bool) -> None:
    assert bool(held_meetings(sentence)) is held


def test_a_round_up_items_meeting_is_the_meeting_of_that_item() -> None:
    raw = (
        "1月17日，安徽省卫生健康工作会议召开。会议指出，2025年，全省将合理配置医疗资源；落实儿科服务年行动。"
        "2月12日，北京市卫生健康委召开媒体沟通会。会上介绍了2025年重点工作。完善信息化顶层设计；推进全民健康信息平台建设。"
    )
    payload = _extract(raw, published="2025-02-20")
    assert [(plan["level"], plan["region_code"]) for plan in payload["plans"]] == [
        ("provincial", "340000"),
        ("provincial", "110000"),
    ]
    meeting = payload["meeting"]
    assert meeting is not None and MEETING_FROM_PLAN_TEXT in meeting["flags"]
    assert (meeting["region_code"], meeting["start_date"]) == ("340000", "2025-01-17")
    assert meeting["n_tasks"] == len(payload["plans"][0]["tasks"])


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("1月5日，西吉县召开卫生健康工作会议，部署今年工作。", True),
        ("2024年全市卫生健康工作会议在株洲召开。", True),
        ("5月15日，院长主持召开院长办公会，传达2023年全市卫生健康工作会议精神。", False),
        ("继2024年全省卫生健康工作会议召开之后，我县迅速行动。", False),
        ("全县卫生健康工作会议将于1月20日召开。", False),
    ],
)
def test_the_fallback_names_no_conference_in_passing_or_to_come(sentence: str, found: bool) -> None:
    assert (find_conference(sentence) is not None) is found


def test_a_meeting_named_in_passing_is_not_the_texts_meeting_held() -> None:
    # the meeting parser reads no national meeting from 继…召开之后, nor the fallback a municipal one relayed
    payload = _extract("继全国卫生健康工作会议召开之后，" + COUNTY_PLAN)
    assert payload["meeting"] is None and payload["kind"] != "national_conference_report"
    relayed = _extract(
        "5月15日，县人民医院召开院长办公会，传达2023年全市卫生健康工作会议精神。"
        "会议要求，要加快提升公共卫生服务能力，持续强化医疗服务。"
    )
    assert relayed["kind"] != "municipal_conference_report"
    assert not any("meeting_not_parsed" in (plan["flag"] or "") for plan in relayed["plans"])


SPEECH_PLAN = "2024年全省要重点抓好以下工作：一是深化医改，推进医共体建设；二是强化公共卫生，提升疾控能力；三是优化医疗服务。"


@pytest.mark.parametrize(
    ("title", "official"),
    [
        # the speech's own title, a dash, the speaker and the meeting; the date in brackets after it
        ("以改革创新精神开创卫生健康事业新局面——湖南省卫生健康委主任王五在2024年全省卫生健康工作会议上的讲话（2024年1月5日）",
         ("王五", "speech")),
        ("湖南省卫生健康委主任赵六在2024年全省卫生健康工作会议上的工作报告（2024年1月5日）", ("赵六", "work_report")),
    ],  # fmt: skip
)
def test_a_speech_titles_speaker_and_date_are_its_meetings(title: str, official: tuple[str, str]) -> None:
    # read by the fallback (the title names the meeting, no sentence reports it held) or by the meeting parser
    for body in (SPEECH_PLAN, "同志们：今天召开全省卫生健康工作会议。" + SPEECH_PLAN):
        payload = _extract(title + "\n" + body)
        meeting = payload["meeting"]
        assert meeting is not None and meeting["scope"] == "provincial"
        assert meeting["start_date"] == "2024-01-05"
        assert (meeting["officials"][0]["name"], meeting["officials"][0]["role"]) == official


def test_a_speech_relayed_in_the_body_names_no_speaker() -> None:
    # 传达…在…会议上的讲话精神 in the body is no title: its speaker is not the meeting's
    payload = _extract(
        "1月8日，泽州县召开卫生健康工作会议。会议传达了省卫生健康委主任王五在全省卫生健康工作会议上的讲话精神。"
        "会议要求，2024年全县要深化医改，加强疾病防控。"
    )
    assert "王五" not in [official["name"] for official in (payload["meeting"] or {}).get("officials", [])]


def test_a_conference_the_fallback_names_is_dated_by_its_lead_after_the_title() -> None:
    # 南溪县 is 南溪区 today: the meeting parser does not read it; the fallback names it in the title line, undated
    payload = _extract(
        "2023年南溪县卫生工作会议召开\n3月2日上午，南溪县召开卫生工作会议。\n"
        "会议强调，2023年要重点做好三个方面的工作。一是强化基层，推进医共体建设。二是守牢底线，抓好疾病防控。三是优化服务。"
    )
    meeting = payload["meeting"]
    assert meeting is not None and MEETING_FROM_PLAN_TEXT in meeting["flags"]
    assert (meeting["scope"], meeting["start_date"], meeting["n_tasks"]) == ("county", "2023-03-02", 3)
