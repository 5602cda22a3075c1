"""A leader's speech printed as a transcript (pipeline.parse.conference.speeches): speeches written for the test.

A speech at a health work meeting (a title …会议上的讲话 with or without 在, or none; a salutation 同志们：; or the
speaker's 今天，我们在这里召开…会议) whose speaker holds the meeting now and deploys work states the meeting's plan:
the meeting named by the title or the first-person sentence, its level from the name (全县, 区, 省, a county's name),
its year from the name, flag meeting_from_speech; a review part gives no task. A speech that only reviews or
praises, a speech at a meeting of another field, and a news report are not read as speeches.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.speeches import is_speech_transcript, speech_meeting
from pipeline.text.clean import clean_text

PLAN_PART = (
    "今年要重点抓好以下工作：一是深化医药卫生体制改革，推进紧密型县域医共体建设；二是加强公共卫生体系建设，"
    "完善疾病预防控制网络；三是提升基层医疗服务能力，建设10个标准化村卫生室。"
)


def _extract(raw: str, published: str | None = "2021-03-01") -> dict:
    return extract_document(clean_text(raw).text, kind=None, published=published)


def _flags(plan: dict) -> list[str]:
    return (plan["flag"] or "").split(";")


def _titles(tasks: list[dict]) -> list[str]:
    return [task["title"] for task in tasks]


@pytest.mark.parametrize(
    ("raw", "level", "name", "year"),
    [
        # a county speech without 在 in its title, 讲四点意见, no year printed
        (
            "县卫生工作会议上的讲话\n同志们：\n这次会议的主要任务是总结去年全县卫生工作，安排部署今年工作。"
            "下面，我讲四点意见。\n" + PLAN_PART,
            "county",
            "县卫生工作会议",
            None,
        ),
        # a district's meeting named in the first-person sentence of a page cut from its title and salutation
        (
            "今天，我们在这里召开2007年区卫生工作会议，回顾去年工作情况，部署今年工作任务。\n" + PLAN_PART,
            "county",
            "2007年区卫生工作会议",
            2007,
        ),
        # a province's speech, 讲三个问题, other salutation
        (
            "在2019年全省卫生健康工作会议上的讲话\n各位代表、同志们：\n今天，我们召开全省卫生健康工作会议，"
            "安排部署今年全省卫生健康工作。下面，我讲三个问题。\n" + PLAN_PART,
            "provincial",
            "2019年全省卫生健康工作会议",
            2019,
        ),
        # a city: the speaker names the meeting only as 这次会议, its name is the work deployed (flagged)
        (
            "同志们：\n这次会议的主要任务是贯彻全省卫生健康工作会议精神，部署2022年全市卫生健康工作。"
            "下面，我提几点要求。\n" + PLAN_PART,
            "municipal",
            "2022年全市卫生健康工作会议",
            2022,
        ),
    ],  # fmt: skip
)
def test_a_speech_at_a_health_work_meeting_states_its_plan(raw: str, level: str, name: str, year: int | None) -> None:
    meeting = speech_meeting(clean_text(raw).text)
    assert meeting is not None
    assert (meeting.level, meeting.name, meeting.work_year) == (level, name, year)
    payload = _extract(raw)
    assert payload["kind"] == f"{level}_conference_report"
    plan = payload["plans"][0]
    assert plan["level"] == level
    # (a speech whose first-person sentence prints the meeting's full name 召开全省…工作会议 the meeting parser reads)
    assert ("meeting_from_speech" in _flags(plan)) == (level != "provincial")
    assert payload["meeting"] is not None and payload["meeting"]["name"].endswith(name.removeprefix("2019年"))
    titles = _titles(plan["tasks"])
    assert len(titles) == 3
    for title, opening in zip(
        titles, ("深化医药卫生体制改革", "加强公共卫生体系建设", "提升基层医疗服务能力"), strict=True
    ):
        assert title.startswith(opening)


def test_a_speech_whose_name_is_the_work_it_deploys_is_flagged() -> None:
    raw = "同志们：\n本次会议的任务是部署全县卫生健康工作。\n" + PLAN_PART
    plan = _extract(raw)["plans"][0]
    assert "meeting_name_from_deployed_work" in _flags(plan)
    assert plan["level"] == "county"


def test_a_speech_of_a_named_county_takes_its_region() -> None:
    raw = "在西吉县2020年卫生健康工作会议上的讲话\n同志们：\n今天，我们召开这次会议，安排部署今年工作。\n" + PLAN_PART
    meeting = speech_meeting(clean_text(raw).text)
    assert meeting is not None
    assert (meeting.level, meeting.region_code, meeting.work_year) == ("county", "640422", 2020)


def test_a_speech_titled_as_a_summary_that_deploys_work_is_no_summary() -> None:
    """A speech filed under a summary's title (卫生局2006年工作总结) whose speaker deploys this year's work."""
    raw = (
        "卫生局2006年工作总结\n今天，我们在这里召开2007年区卫生工作会议，回顾2006年工作情况，部署今年工作任务。"
        "一、2006年卫生工作回顾\n2006年，我区卫生系统较好地完成了各项任务。"
    )
    payload = _extract(raw)
    assert payload["kind"] == "county_conference_report"
    assert payload["plans"][0]["work_year"] == 2007
    assert payload["plans"][0]["tasks"] == []  # the review part gives none


@pytest.mark.parametrize(
    "raw",
    [
        # only praises: a commendation, nothing deployed
        "在全县卫生工作总结表彰会上的讲话\n同志们：\n今天，我们在这里召开全县卫生工作表彰大会，表彰先进集体和先进个人。"
        "一年来，全县卫生系统取得了显著成绩。在此，我代表县委、县政府向受表彰的单位和个人表示热烈祝贺！",
        # a speech at a meeting of another field
        "在2021年全县农业农村工作会议上的讲话\n同志们：\n今天，我们召开全县农业农村工作会议，安排部署今年农业农村工作。"
        "下面，我讲几点意见。\n一、稳定粮食生产。\n二、推进乡村振兴，建设美丽乡村。\n三、深化农村改革。",
        # a welcome: first person, a meeting now, nothing deployed
        "同志们：\n今天，我们在这里召开全市卫生健康系统新春团拜会，共叙友谊，共话发展。祝大家新春愉快！",
    ],
)
def test_a_speech_that_deploys_no_health_work_gives_no_speech_meeting(raw: str) -> None:
    text = clean_text(raw).text
    assert is_speech_transcript(text)
    assert speech_meeting(text) is None
    assert _extract(raw)["kind"] == "other"


def test_a_news_report_is_no_speech_transcript() -> None:
    raw = "1月5日，全县卫生健康工作会议召开。会议总结了去年工作，安排部署了今年工作。会议要求，一要深化医改；二要加强公共卫生。"
    assert not is_speech_transcript(clean_text(raw).text)


def test_a_speech_left_other_says_it_is_a_speech() -> None:
    raw = "同志们：\n大家好！欢迎各位来到美丽的山城。祝大家身体健康，工作顺利！"
    payload = _extract(raw)
    assert payload["kind"] == "other"
    assert "speech_without_plan" in payload["kind_flag"].split(";")


@pytest.mark.parametrize(
    ("body", "year", "reviewed"),
    [
        # the first year the speech prints is the one it reviews (Chinese digits): the next one is deployed
        ("二零零八年，是我县经济社会发展极不平凡的一年，全县卫生事业取得了丰硕成果。", 2009, True),
        ("2019年，全县卫生工作圆满完成了各项任务。", 2020, True),
        # the first year printed is the one it deploys
        ("2021年，全县卫生健康系统要重点抓好以下工作。", 2021, False),
        # a year in a sentence that neither reviews nor deploys says nothing
        ("2016年版的诊疗规范已经印发。", None, False),
    ],
)
def test_a_speech_whose_meeting_prints_no_year_takes_the_year_its_body_sets(
    body: str, year: int | None, reviewed: bool
) -> None:
    raw = "县卫生工作会议上的讲话\n同志们：\n这次会议的主要任务是总结去年工作，安排部署今年工作。\n" + body + PLAN_PART
    meeting = speech_meeting(clean_text(raw).text)
    assert meeting is not None
    assert meeting.work_year == year
    assert ("work_year_after_reviewed_year" in meeting.flags) == reviewed


@pytest.mark.parametrize(
    ("occasion", "year"),
    [
        ("今天，我们召开全县卫生工作会议，主要任务是总结2011年工作，安排部署2012年工作。", 2012),
        ("这次全县卫生工作会议的主要任务是部署2015年全县卫生工作。", 2015),
        ("这次会议的主要任务是回顾2013年工作，明确今年任务。", 2014),
    ],
)
def test_the_occasions_own_sentence_sets_the_year(occasion: str, year: int) -> None:
    raw = "县卫生工作会议上的讲话\n同志们：\n" + occasion + "\n" + PLAN_PART
    meeting = speech_meeting(clean_text(raw).text)
    assert meeting is not None
    assert meeting.work_year == year


@pytest.mark.parametrize(
    "raw",
    [
        # a year-end summary that reports the meeting held earlier in first person: no speech, still a summary
        "县卫生健康局2020年工作总结\n2020年，我们召开了全县卫生健康工作会议，安排部署了全年工作。"
        "一是完成了疫情防控任务；二是推进了医共体建设；三是新建了10个村卫生室。",
        "县卫生健康局2020年工作总结\n年初，我们召开全县卫生健康工作会议，安排部署全年工作，签订了目标责任书。"
        "全年完成了各项任务。",
    ],
)
def test_a_summary_reporting_a_meeting_it_held_is_no_speech(raw: str) -> None:
    text = clean_text(raw).text
    assert not is_speech_transcript(text)
    assert speech_meeting(text) is None
    payload = _extract(raw, published="2021-01-01")
    assert payload["kind"] == "other"
