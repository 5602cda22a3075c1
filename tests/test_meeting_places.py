"""Tests of who holds a meeting and where: county meetings, region resolution, place abbreviations.

Every report here is written for the test (pipeline.parse.conference.report, .places); none is a dev-set text.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.parse.conference.facts import announced_task_count
from pipeline.parse.conference.places import normalise_location
from pipeline.parse.conference.report import parse_meeting_report
from pipeline.text.clean import clean_text


def report(raw: str):
    found = parse_meeting_report(clean_text(raw).text)
    assert found is not None, raw
    return found


@pytest.mark.parametrize(
    ("raw", "scope", "code"),
    [
        ("3月2日，青阳县召开2024年卫生健康工作会议，部署今年工作。", "county", "341723"),
        ("2月27日，建湖县召开卫生健康工作会议。会议要求抓好重点工作。", "county", "320925"),
        ("4月8日，2023年晋江市卫生健康工作会议召开。", "county", "350582"),
        ("1月9日上午，庆城县卫生计生工作会议在县会议中心召开。", "county", "621021"),
        ("3月1日，全旗卫生健康工作会议召开。鄂托克前旗旗长出席会议并讲话。", "county", "150623"),
        ("2月5日，我市召开2024年卫生健康工作会议。赣州市副市长张三出席会议并讲话。", "municipal", "360700"),
    ],
)
def test_county_and_city_meetings_at_any_issuer_level(raw: str, scope: str, code: str) -> None:
    found = report(raw)
    assert (found.scope, found.region_code) == (scope, code)


def test_shared_county_name_is_resolved_by_the_city_the_text_names() -> None:
    found = report("3月5日，朝阳区召开卫生健康工作会议。长春市朝阳区区长李四出席会议并讲话。")
    assert (found.scope, found.region_code) == ("county", "220104")


def test_shared_county_name_without_context_is_left_open_and_flagged() -> None:
    found = report("3月5日，朝阳区召开卫生健康工作会议。区长李四出席会议并讲话。")
    assert found.scope == "county" and found.region_code is None
    assert "region_ambiguous" in found.flags and "region_unresolved" in found.flags


def test_city_meeting_that_never_names_its_city_takes_the_prefecture_of_its_counties() -> None:
    text = "3月25日，全市卫生健康工作会议召开。会上，萨迦县、定日县和江孜县作了交流发言。"
    found = report(text)
    assert (found.scope, found.region_code) == ("municipal", "540200")
    assert "region_from_county_mentions" in found.flags


def test_city_meeting_with_counties_of_two_cities_is_not_guessed() -> None:
    found = report("3月25日，全市卫生健康工作会议召开。萨迦县和西吉县作了交流发言。")
    assert found.region_code is None and "region_unresolved" in found.flags


def test_county_level_city_named_first_in_the_titles_makes_a_quanshi_meeting_a_county_one() -> None:
    found = report("3月19日，全市卫生健康工作会议召开。枣阳市委书记王五出席会议并讲话，襄阳市卫健委有关负责人参加。")
    assert (found.scope, found.region_code) == ("county", "420683")
    assert "county_level_city_from_text" in found.flags


def test_prefecture_named_first_keeps_a_quanshi_meeting_municipal() -> None:
    found = report("3月19日，全市卫生健康工作会议召开。襄阳市副市长王五出席会议并讲话，枣阳市卫健局作交流发言。")
    assert (found.scope, found.region_code) == ("municipal", "420600")


def test_unprinted_place_of_a_local_meeting_is_its_own_seat_and_flagged() -> None:
    found = report("4月19日，2020年全市卫生健康工作会议召开。赣州市副市长赵六主持会议。")
    assert found.location == "赣州市" and "location_from_region" in found.flags
    provincial = report("1月10日，全省卫生健康工作会议召开。湖南省副省长赵六出席会议并讲话。")
    assert provincial.location is None  # a province's meeting may be held anywhere in it


@pytest.mark.parametrize(
    ("printed", "place"),
    [("京", "北京"), ("蓉", "成都"), ("榕", "福州"), ("筑", "贵阳"), ("昆", "昆明"), ("湘", "湖南"), ("星城", "长沙"), ("长沙", "长沙")],
)
def test_place_abbreviations_are_normalised(printed: str, place: str) -> None:
    assert normalise_location(printed) == place


@pytest.mark.parametrize(
    ("raw", "place"),
    [
        ("1月6日，全省卫生健康工作会议在蓉召开。", "成都"),
        ("1月7日，全省卫生健康工作会议今日在榕举行。", "福州"),
        ("1月8日，2024年全国卫生健康工作会议在京召开。", "北京"),
        ("1月9日，全省卫生健康工作会议在筑召开。", "贵阳"),
    ],
)
def test_place_abbreviation_in_a_meeting_sentence(raw: str, place: str) -> None:
    assert report(raw).location == place


def test_review_sentence_naming_a_county_is_no_county_meeting() -> None:
    text = "去年，省、市和县三级联动，西吉县卫生健康工作取得新成效。"
    assert parse_meeting_report(clean_text(text).text) is None


def test_place_printed_before_the_verb_and_the_name() -> None:
    found = report("国家卫生健康委1月6日在京召开2021年全国卫生健康工作会议。")
    assert found.location == "北京" and found.scope == "national"
    assert report("12月28日，省卫生健康委在渝北区召开全省卫生健康工作会议。").location == "重庆渝北区"  # with its city


@pytest.mark.parametrize(
    ("raw", "scope", "code", "name"),
    [
        ("12月20日，省卫生健康委在宜昌召开全省基层卫生健康工作座谈会。", "provincial", None, "全省基层卫生健康工作座谈会"),
        ("5月8日，市卫健委在江北区召开2023年医疗卫生工作推进会。重庆市卫健委主任张三主持。", "provincial", "500000", "医疗卫生工作推进会"),
        ("1月8日，卫生部在京召开了2007年全国卫生工作会议。", "national", None, "全国卫生工作会议"),
        ("1月9日，国家卫生健康委召开2020年卫生健康科技教育工作视频会议。", "national", None, "卫生健康科技教育工作视频会议"),
        ("9月3日，湖北省卫生健康高质量发展大会在武汉召开。会议强调，要加快建设健康湖北。", "provincial", "420000", "湖北省卫生健康高质量发展大会"),
        ("3月12日上午，我县组织收看全省卫生健康工作视频会。甘肃省副省长李四出席会议并讲话。", "provincial", "620000", "全省卫生健康工作视频会"),
        ("4月2日，2024年全省妇幼健康（出生缺陷防治）工作会议在长沙召开。", "provincial", "430000", "全省妇幼健康（出生缺陷防治）工作会议"),
    ],
)
def test_meetings_of_every_kind_and_organiser(raw: str, scope: str, code: str | None, name: str) -> None:
    found = report(raw)
    assert (found.scope, found.name) == (scope, name)
    if code is not None:
        assert found.region_code == code


def test_a_province_level_city_meeting_is_provincial() -> None:
    found = report("1月15日，全市卫生健康工作会议召开。北京市副市长张三出席会议并讲话。")
    assert (found.scope, found.region_code) == ("provincial", "110000")


def test_a_district_bodys_symposium_is_a_county_level_meeting_placed_with_its_city() -> None:
    found = report("3月1日，区卫健局在渝北区召开卫生健康工作座谈会。")
    assert found.scope == "county" and found.location == "重庆渝北区"


def test_a_hospital_relaying_a_meeting_reports_no_meeting_held() -> None:
    text = "某医院组织职工传达学习全省卫生与健康大会精神\n会上，院长传达学习了全省卫生与健康大会会议精神。"
    assert parse_meeting_report(clean_text(text).text) is None


def test_work_year_when_the_title_and_the_body_disagree_is_flagged() -> None:
    found = report("2023年全市卫生健康工作会议召开\n3月12日，全市卫生健康工作会议召开，总结2020年工作，研究部署2021年工作。")
    assert found.work_year == 2021 and "work_year_sources_disagree" in found.flags


def test_year_ahead_named_after_a_december_symposium() -> None:
    found = report(
        "12月28日，市卫生健康委召开2018年卫生健康工作座谈会。上海市卫生健康委主任张三主持。\n"
        "张三强调，2019年全市卫生健康工作要坚持稳中求进。"
    )
    assert found.work_year == 2019 and found.start_date is not None and found.start_date.year == 2018


def test_county_meeting_named_only_by_its_short_name_in_the_title_line() -> None:
    found = report(
        "奋力推进西吉卫生健康事业高质量发展\n3月9日，全县卫生健康工作会议在县政府会议室召开。"
        "会上，对2022年卫生健康工作进行了详细安排。"
    )
    assert (found.scope, found.region_code, found.work_year) == ("county", "640422", 2022)
    assert found.location == "西吉县政府会议室" and str(found.start_date) == "2022-03-09"


def test_only_an_annual_work_meeting_held_late_in_a_year_deploys_the_next_year() -> None:
    special = parse_meeting_report(clean_text("10月9日，云南省卫生健康高质量发展大会在昆明召开，部署下一步工作。").text, date(2021, 10, 12))
    annual = parse_meeting_report(clean_text("12月28日，云南省卫生健康工作会议在昆明召开。").text, date(2021, 12, 30))
    assert special.work_year == 2021 and annual.work_year == 2022


def test_joint_meeting_of_several_provinces_has_no_one_region_and_keeps_its_whole_name() -> None:
    found = report("近日，2023华东六省一市卫生健康协作联席会议在上海市召开。会议要求，要深化区域协作。")
    assert found.scope == "provincial" and found.region_code is None and found.work_year == 2023
    assert found.name.startswith("华东六省一市") and "joint_meeting_of_regions" in found.flags
    unscoped = report(
        "3月1日，湘赣卫生健康合作推进会在长沙召开。湖南省卫生健康委主任张一、江西省卫生健康委主任李二出席会议并讲话，"
        "部署了下一步合作。"
    )
    assert unscoped.scope == "provincial" and unscoped.region_code is None


@pytest.mark.parametrize(
    ("raw", "scope", "place"),
    [
        ("新华社北京1月9日电 国家卫生健康委今天上午举行新闻发布会，介绍2024年重点工作。", "national", "北京"),
        ("本报长沙2月3日电 湖南省卫生健康委2月3日举行媒体沟通会，介绍今年卫生健康重点工作。", "provincial", "长沙"),
    ],
)
def test_briefings_held_by_a_health_body(raw: str, scope: str, place: str) -> None:
    found = report(raw)
    assert (found.scope, found.location) == (scope, place)


def test_a_briefing_without_any_health_body_is_no_health_meeting() -> None:
    assert parse_meeting_report(clean_text("3月1日，市政府举行新闻发布会，介绍招商引资情况。").text) is None


def test_a_province_before_a_city_in_a_meeting_name_only_places_the_city() -> None:
    found = report("2月1日，湖南省长沙市卫生健康工作会议召开。")
    assert (found.scope, found.region_code) == ("municipal", "430100") and "joint_meeting_of_regions" not in found.flags


def test_a_symposium_that_deploys_no_work_states_no_plan() -> None:
    text = "5月6日，全省卫生健康宣传工作座谈会在杭州召开。与会代表交流了经验。"
    assert parse_meeting_report(clean_text(text).text) is not None  # a 工作 meeting: its name says it is one
    assert parse_meeting_report(clean_text("5月6日，浙江省卫生健康合作座谈会在杭州召开，各方交流了经验。").text) is None
    assert parse_meeting_report(clean_text("5月6日，浙江省卫生健康合作座谈会在杭州召开。会议强调，要加强合作。").text) is not None


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("孟书记强调，要重点做好六项工作：建强龙头；打通枢纽。", 6),
        ("会议部署了今年十个方面的工作。", 10),
        ("会议明确了2016年卫生计生工作8大重点。", 8),
        ("发言人介绍，今年将采取七项举措。", 7),
        ("会议提出要抓好十方面工作。", 10),
        ("扎实推进健康江苏建设25个专项行动。", None),  # the size of a named programme, not of the plan's list
        ("全力加强监测预警以及应急处置这两方面工作。", None),  # two things just named, inside a task
    ],
)
def test_announced_counts(sentence: str, count: int | None) -> None:
    assert announced_task_count(sentence) == count


def test_a_meeting_named_in_a_clause_held_at_it() -> None:
    found = report("“守护健康是第一责任。”在1月9-10日召开的2019年全国卫生健康工作会议上，部长李四这样说。")
    assert found.scope == "national" and str(found.start_date) == "2019-01-09" and str(found.end_date) == "2019-01-10"


def test_a_seat_is_named_as_the_text_prints_it_full_name_first() -> None:
    # the full name printed (惠济区, 鄠邑区) or nothing printed: the full name; only the short form printed: the short form
    district = report("3月14日，惠济区卫生健康委召开2023年全区卫生健康工作会。副区长王明出席会议并讲话。")
    assert district.location == "惠济区" and "location_from_region" in district.flags
    banner = report("2月20日，全旗卫生健康工作会议召开。达茂旗副旗长王明出席会议并讲话，部署2024年工作。")
    assert banner.region_code == "150223" and banner.location == "达茂旗"
    full = report("2月20日，全旗卫生健康工作会议召开。达尔罕茂明安联合旗副旗长王明出席会议并讲话，部署2024年工作。")
    assert full.location == "达尔罕茂明安联合旗"


def test_a_venue_prefixed_by_its_level_takes_the_short_seat() -> None:
    found = report("1月5日，西吉县在县政府会议室召开全县卫生健康工作会议，部署2024年工作。副县长王明出席会议并讲话。")
    assert found.location == "西吉县政府会议室"


def test_a_provincial_meeting_that_names_no_province_takes_the_province_of_its_counties() -> None:
    found = report(
        "2月20日，2023年全省卫生健康工作视频会议召开，安排部署2023年重点工作。会议要求，要持续深化医改，"
        "要全力推进健康乡村建设。靖远县副县长王明在靖远分会场收听收看会议。"
    )
    assert (found.scope, found.region_code) == ("provincial", "620000")
    assert "region_from_county_mentions" in found.flags
    # counties of two provinces: no province
    two = report(
        "2月20日，2023年全省卫生健康工作视频会议召开，安排部署2023年重点工作。会议要求，要持续深化医改。"
        "靖远县、醴陵市有关负责人在分会场收听收看会议。"
    )
    assert two.region_code is None and "region_unresolved" in two.flags


@pytest.mark.parametrize(
    ("raw", "place"),
    [
        ("3月1日，县卫生健康局三楼会议室召开全县卫生健康工作会议。", "县卫生健康局三楼会议室"),
        ("3月1日上午，市政府第一会议室召开了全市卫生健康工作会议。", "市政府第一会议室"),
        ("2月9日，区卫健委党委多功能厅举行全区卫生健康工作会议。", "区卫健委党委多功能厅"),
        ("3月1日，县卫生健康局在三楼会议室召开全县卫生健康工作会议。", "三楼会议室"),  # 在 names the place itself
    ],
)
def test_a_venue_printed_before_the_held_verb_without_zai(raw: str, place: str) -> None:
    assert report(raw).location == place


@pytest.mark.parametrize(
    "raw",
    [
        "1月5日，省卫生健康委召开全省卫生健康工作会议。",  # a body, not a room
        "3月1日，县卫生健康局组织召开全县卫生健康工作会议。",
    ],
)
def test_a_holder_before_the_held_verb_is_no_venue(raw: str) -> None:
    assert report(raw).location is None
