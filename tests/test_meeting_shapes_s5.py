"""A health meeting found by its shape (pipeline.parse.conference.shapes): sentences written for the test.

Meetings whose names the known-name parser does not read (system meetings, year-end meetings that also deploy the
year's work, specialist video meetings, meetings named with 、 and 暨) are recognised by the shape of the sentence
that reports them held, when a health word or body is in the name or the holder and the text deploys work.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.report import parse_meeting_report
from pipeline.parse.conference.shapes import MEETING_BY_SHAPE, shaped_mention

# (text, level, region code, work year, start date, location)
SHAPED = [
    # a district's health system holds a year-end meeting that also deploys the year's work (holder, 召开, name)
    (
        "1月10日上午，雁塔区卫生健康系统召开2024年度总结暨表彰大会，全面总结2023年工作，部署2024年工作。"
        "副区长王明出席会议并讲话。\n王明要求，全区卫生健康系统要加强基层服务能力建设，要持续推进健康雁塔建设。",
        "county",
        "610113",
        2024,
        date(2024, 1, 10),
        "雁塔区",
    ),
    # the name first, the place and the held verb after it (…工作会在…召开)
    (
        "2月3日，碑林区卫生健康系统2023年工作会在区政府会议室召开。区卫生健康局局长李华作工作报告。\n"
        "会议强调，2023年要抓好传染病防控，要推进紧密型医联体建设。",
        "county",
        "610103",
        2023,
        date(2023, 2, 3),
        "碑林区政府会议室",
    ),
    # a city body holds a specialist video meeting of two fields (、): the 全市 scope is the holder's city
    (
        "3月5日，江门市卫生健康局召开2025年全市卫生应急、疾控工作视频会议。会议部署了2025年重点工作。\n"
        "会议要求，各地要完善卫生应急预案，要加强传染病监测预警。",
        "municipal",
        "440700",
        2025,
        date(2025, 3, 5),
        "江门市",
    ),
    # a national system meeting of several fields, held in Beijing
    (
        "1月20日，2025年全国卫生健康系统妇幼、老龄工作会议在京召开。国家卫生健康委副主任张三出席会议并讲话。\n"
        "会议指出，2025年要优化妇幼健康服务，要推进老年友好型社会建设。",
        "national",
        None,
        2025,
        date(2025, 1, 20),
        "北京",
    ),
    # a provincial body, a name joined by 暨 with the year inside it
    (
        "4月8日，湖北省卫生健康委召开全省卫生健康系统安全生产、信访稳定暨2024年职业健康工作视频会议。"
        "会议要求，各地要压实安全生产责任，要加强职业病防治。",
        "provincial",
        "420000",
        2024,
        date(2024, 4, 8),
        None,
    ),
    # the meeting named as the occasion of a statement (在<name>上，<someone>表示/强调…) by a county body
    (
        "在2023年全县卫生健康工作会议上，汉阴县卫生健康局局长张强表示，2023年全县将重点抓好三项工作：一是建设"
        "县域医共体；二是提升乡镇卫生院服务能力；三是做好老年人健康管理。",
        "county",
        "610921",
        2023,
        None,
        "汉阴县",  # the county's seat as printed, flagged location_from_region
    ),
]


@pytest.mark.parametrize(("text", "level", "region", "work_year", "start", "location"), SHAPED)
def test_a_meeting_found_by_its_shape(
    text: str, level: str, region: str | None, work_year: int | None, start: date, location: str | None
) -> None:
    report = parse_meeting_report(text, date(2025, 4, 1) if work_year is None else None)
    assert report is not None
    assert MEETING_BY_SHAPE in report.flags
    assert (report.scope, report.region_code, report.start_date) == (level, region, start)
    if work_year is not None:
        assert report.work_year == work_year
    assert report.location == location


def test_a_shaped_meeting_makes_the_text_a_plan_with_the_flag() -> None:
    payload = extract_document(SHAPED[0][0], kind=None, published=None)
    assert payload["kind"] == "county_conference_report"
    (plan,) = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("county", "610113", 2024)
    assert MEETING_BY_SHAPE in plan["flag"].split(";")
    assert payload["meeting"]["lead_official"] == "王明"


@pytest.mark.parametrize(
    "text",
    [
        # a year-end meeting that only reviews and commends
        "12月28日，雁塔区卫生健康局召开2024年度总结表彰大会，表彰了一批先进集体和个人。会议回顾了一年来取得的成绩。",
        # a training meeting
        "5月6日，江门市卫生健康局举办2024年全市卫生应急培训会。会议要求，学员要认真学习，要学以致用。",
        # a meeting that is not a health meeting
        "1月9日，雁塔区人民政府召开2024年安全生产工作会议，部署2024年安全生产工作。会议强调，要压实责任。",
        # a description of a meeting, not its name (…召开的一次…会议)
        "院长指出：这是省委在改革攻坚之际召开的一次规格最高的卫生健康会议，全院职工要高度重视，要狠抓落实。",
        # a hospital's own meeting that relays a health meeting
        "3月1日，市人民医院召开中层干部会议，传达全省卫生健康工作会议精神。会议要求，各科室要提升服务质量。",
        # a people's congress session
        "1月15日，市第十六届人民代表大会第三次会议隆重开幕。市长作政府工作报告，要求全市要推进健康城市建设。",
        # a speech at a health meeting relayed later: the clause does not end at 上
        "会议传达了在全省卫生健康工作会议上的讲话精神，要求全系统要抓好贯彻落实，要加强基层建设。",
        # the occasion of something other than a statement (a speech given by a delegate)
        "在全市卫生健康工作会议上，我局作了典型发言，要持续巩固成绩。",
        # the occasion of a statement that reviews only
        "在全区卫生健康工作会议上，区卫健委主任王明表示，去年全区完成了各项任务，群众满意度明显提高。",
    ],
)
def test_near_misses_are_no_meeting(text: str) -> None:
    assert shaped_mention(text) is None
    assert parse_meeting_report(text) is None


def test_a_named_meeting_is_read_by_name_without_the_flag() -> None:
    report = parse_meeting_report(
        "3月6日，抚州市卫生健康委召开2019年全市中医工作会议，部署2019年中医工作。会议要求，要实施中医药振兴行动。"
    )
    assert report is not None
    assert report.name == "全市中医工作会议"  # 中医 is a health field: the known-name parser reads it
    assert MEETING_BY_SHAPE not in report.flags
    assert report.region_code == "361000"


def test_a_league_body_and_a_traditional_medicine_field_are_read_by_name() -> None:
    text = "3月26日，兴安盟卫生健康委举行全盟蒙医药工作推进会，安排今年蒙医药重点任务。会议强调，要加强蒙医医院服务能力建设。"
    report = parse_meeting_report(text, date(2025, 4, 1))
    assert report is not None
    assert (report.name, report.scope, report.region_code) == ("全盟蒙医药工作推进会", "municipal", "152200")
    assert MEETING_BY_SHAPE not in report.flags


def test_a_dated_report_of_the_meeting_beats_its_title_line() -> None:
    text = (
        "全国卫生健康系统妇幼、老龄工作会议召开\n"
        "1月20日，2025年全国卫生健康系统妇幼、老龄工作会议在京召开。会议指出，要优化妇幼健康服务。"
    )
    mention = shaped_mention(text)
    assert mention is not None
    assert (mention.meeting_date.month, mention.meeting_date.day, mention.place) == (1, 20, "京")


@pytest.mark.parametrize(
    "title",
    [
        "卫生部办公厅关于召开2011年全国卫生应急工作会议的通知",
        "关于举办2025年全省妇幼健康培训班的通知",
        "市卫健委关于举行卫生健康工作座谈会的通知",
    ],
)
def test_a_notice_that_convenes_a_meeting_is_no_report_of_it(title: str) -> None:
    text = (
        title
        + "\n各有关单位：\n我委定于3月12日在合肥召开全省卫生健康工作会议。会议部署2025年工作，要求各地要做好准备。"
    )
    payload = extract_document(text, kind=None, published=None)
    assert (payload["kind"], payload["kind_flag"], payload["plans"]) == ("other", "convening_notice", [])


def test_a_notice_that_issues_a_plan_is_still_a_plan() -> None:
    text = "市卫生健康委关于印发2025年全市卫生健康工作要点的通知\n一、深化医改\n二、加强基层服务能力\n三、强化疾病防控"
    assert extract_document(text, kind=None, published=None)["kind"] == "work_points"
