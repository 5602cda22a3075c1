"""The work year and region of a plan from evidence anywhere in its text, when its parser found none.

pipeline.text.work_years reads a directive sentence's year, a year named by its place in a period and the year
after a reviewed one; pipeline.parse.identity completes a plan's unresolved region from the page's source line
or the one region of its level the text names. Every sentence here is written for the test.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.places import resolve_scope
from pipeline.text import regions
from pipeline.text.clean import clean_text
from pipeline.text.dates import date_at_top
from pipeline.text.work_years import (
    FROM_PUBLISHED,
    directive_year,
    period_year,
    printed_or_published,
    stated_work_year,
    text_work_year,
)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("会议要求，2019年全县孕产妇死亡率要控制在10/10万以下。", 2019),  # the year, then 要 in its clause
        ("会上强调，确保2021年卫生健康各项任务圆满完成。", 2021),  # a deploy verb right before the year
        ("会议宣读了责任清单，要求2024年加强基层医疗机构建设。", 2024),  # 要求 right before the year
        ("副县长要求2022年全面完成村卫生室标准化建设。", 2022),
        ("会议总结了去年的工作，敲定2016年各项工作目标。", 2016),
        ("2024年，全区卫生健康系统将重点抓好以下工作。", 2024),  # the next clause says 将
        ("会议总结2022年工作，安排部署2023年重点工作。", 2023),  # the reviewed year is not deployed
        ("今年全市要巩固成果。力争2018年全市家庭医生签约率达到60%。", 2018),
    ],
)
def test_a_directive_sentence_names_the_work_year(text: str, year: int) -> None:
    assert directive_year(text) == year


@pytest.mark.parametrize(
    "text",
    [
        "2018年，全市卫生系统取得显著成效，要再接再厉。",  # a review word before the directive word
        "到2025年，全省要建成20个区域医疗中心。",  # a deadline of a longer period
        "力争2030年前实现人人享有基本医疗卫生服务。",
        "会上，各县区汇报了2023年工作开展情况。",
        "会议按照上级要求通报了2023年度考核结果。",  # 要求 not right before the year; a review word in its clause
        "会议要求2016年以来的问题全部整改到位。",  # 以来 after the year: a period already past
        "2017年是实施“十三五”规划的重要一年。",  # a year named, but nothing deployed in it
        "全市卫生健康工作会议召开，副市长出席会议并讲话。",
    ],
)
def test_no_directive_year_in_reviews_deadlines_or_plain_news(text: str) -> None:
    assert directive_year(text) is None


def test_a_directive_year_after_the_publication_year_plus_one_is_not_the_work_year() -> None:
    text = "确保2021年完成改造任务。"
    assert directive_year(text, latest=2021) == 2021
    assert directive_year(text, latest=2020) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("今年是“十四五”规划开局之年，全县要开好局。", 2021),
        ("今年是全面贯彻落实党的二十大精神的开局之年。", 2023),
        ("明年是“十三五”收官之年，各地要早作谋划。", 2020),
        ("今年既是建党百年，也是十九大精神的开局之年。", 2018),
        ("今年是“十二五”规划承上启下的关键一年。", 2013),
    ],
)
def test_a_year_named_by_its_place_in_a_period(text: str, year: int) -> None:
    assert period_year(text) == year


@pytest.mark.parametrize(
    "text",
    [
        "2018年是全面贯彻党的十九大精神的开局之年。",  # the year is printed: no period needed
        "今年是脱贫攻坚的关键之年。",  # no period with a first year
        "“十四五”期间，全省要建成一批区域医疗中心。",  # a period, but no stage of it
    ],
)
def test_no_period_year_without_this_year_a_period_and_its_stage(text: str) -> None:
    assert period_year(text) is None


@pytest.mark.parametrize(
    ("text", "year", "flag"),
    [
        ("县卫生局局长回顾总结了2015年全县卫生工作，安排部署了今年的任务。", 2016, "work_year_after_reviewed_year"),
        ("会议盘点2020年度卫生健康工作，分析了形势。", 2021, "work_year_after_reviewed_year"),
        ("今年是“十三五”开局之年。", 2016, "work_year_from_period_stage"),
        ("会议要求，2019年全县要抓好三项工作。", 2019, "work_year_from_directive_sentence"),
    ],
)
def test_stated_work_year_names_its_evidence(text: str, year: int, flag: str) -> None:
    assert stated_work_year(text, None) == (year, flag)


def test_half_a_year_reviewed_gives_no_next_year_and_the_page_date_comes_last() -> None:
    text = "会议总结了2013年上半年卫生工作，部署了下半年工作。"
    assert stated_work_year(text, None) == (None, None)
    assert text_work_year(text, date(2013, 8, 2)) == (2013, "work_year_from_published")
    assert text_work_year(text, None) == (None, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2012年2月22日星期三\n第4版\n全县卫生工作会议召开", date(2012, 2, 22)),
        ("县卫生工作会议召开\n2021-10-12 14:26:35\n来源：本站", date(2021, 10, 12)),
        ("标题\n正文\n又一行\n2019年3月1日", None),  # below the first lines: a date in the body
        ("2012年2月30日\n全县卫生工作会议召开", None),  # no such day
        ("全县卫生工作会议召开\n2016/3/9\n本报讯 8日，我县召开…", date(2016, 3, 9)),
        ("全市卫生工作会议召开 2014.2.7 作者：本报记者", date(2014, 2, 7)),
        ("全市卫生工作会议召开\n2016/3-9", None),  # two separators: not one date
        # day first: read since session 15 when it cannot be month first (pipeline.text.dates.day_first)
        ("全市卫生工作会议召开\n22.01.2015 12:45", date(2015, 1, 22)),
        ("全市卫生工作会议召开\n02/01/2015 12:45", None),  # January 2 or February 1: not read
        ("文号 2016.3.9.1\n全市卫生工作会议召开", None),  # part of a longer number
    ],
)
def test_a_page_date_is_read_in_the_first_lines_only(text: str, day: date | None) -> None:
    assert date_at_top(text) == day


def _extract(raw: str, source: str | None = None) -> dict:
    cleaned = clean_text(raw)
    return extract_document(cleaned.text, kind=None, published=cleaned.published_date, source=source or cleaned.source)


def _code(name: str) -> str:
    found = regions.lookup(name) or regions.counties_named(name)[0]
    return found.code


def test_a_county_meeting_gets_its_region_from_the_source_line() -> None:
    raw = (
        "3月6日，我县召开2022年卫生健康工作会议。\n"
        "会议要求，全县卫生健康系统要深化医改，加强疾病预防控制，推进县域医共体建设，提升基层服务能力。"
    )
    payload = _extract(raw, source="永新县融媒体中心")
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("county", _code("永新县"), 2022)
    assert payload["meeting"]["region_code"] == _code("永新县")
    assert payload["meeting"]["location"] is not None  # the county's seat stands in for an unprinted place


def test_a_source_line_with_its_date_gives_both() -> None:
    raw = (
        "全盟卫生健康工作会议召开\n"
        "来源：阿盟卫生健康委 时间：2023-02-20\n"
        "2月17日，盟卫生健康委召开全盟卫生健康工作会议，安排部署2023年工作。会议要求，要深化医改，加强疾病防控，提升基层能力。"
    )
    cleaned = clean_text(raw)
    assert (cleaned.source, cleaned.published_date) == ("阿盟卫生健康委", "2023-02-20")
    [plan] = _extract(raw)["plans"]
    assert plan["region_code"] == _code("阿拉善盟")


def test_a_work_points_plan_gets_its_region_from_the_body_that_signs_it() -> None:
    raw = (
        "2019年全市卫生健康工作要点\n"
        "一、深化医药卫生体制改革。推进紧密型医联体建设。\n"
        "二、加强公共卫生服务。做好重大疾病防控。\n"
        "三、提升基层服务能力。实施基层能力提升工程。\n"
        "赤峰市卫生健康委员会\n"
        "2019年3月1日"
    )
    [plan] = _extract(raw)["plans"]
    assert (plan["level"], plan["region_code"]) == ("municipal", _code("赤峰市"))
    assert "region_from_text_mentions" in plan["flag"]


def test_a_region_named_as_the_body_a_text_follows_is_not_the_issuer() -> None:
    raw = (
        "2019年全县卫生健康工作要点\n"
        "按照赤峰市卫生健康委员会的部署，结合我县实际，制定本要点。\n"
        "一、深化医药卫生体制改革。推进紧密型医共体建设。\n"
        "二、加强公共卫生服务。做好重大疾病防控。\n"
        "三、提升基层服务能力。实施基层能力提升工程。"
    )
    [plan] = _extract(raw)["plans"]
    assert plan["region_code"] is None


def test_a_county_news_page_names_its_own_county() -> None:
    raw = (
        "泰宁安排部署今年卫生工作\n"
        "泰宁县新闻中心\n"
        "副县长对今年卫生工作提出要求：一是明确责任，要落实服务大局的责任；二是突出中心，要全力推进医改；"
        "三是加强协作，要加大财政投入。\n"
        "县卫生局局长回顾总结了2011年全县卫生工作，安排部署了今年的工作任务。\n"
        "上一篇：泰宁县举办义务植树活动"
    )
    [plan] = _extract(raw)["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("county", _code("泰宁县"), 2012)


@pytest.mark.parametrize(
    ("prefecture", "city"),
    [("大理", "大理市"), ("恩施", "恩施市"), ("临夏", "临夏市")],
)
def test_a_city_meeting_in_an_autonomous_prefecture_is_its_county_level_city(prefecture: str, city: str) -> None:
    text = f"4月30日，我市卫生健康工作会议召开。会议要求，要深入实施健康{prefecture}战略。"
    flags: list[str] = []
    level, code = resolve_scope("municipal", None, None, text, [], flags, "我市卫生健康工作会议")
    assert (level, code) == ("county", _code(city))
    assert flags == ["county_level_city_from_text"]


def test_a_prefecture_meeting_of_an_autonomous_prefecture_stays_the_prefecture() -> None:
    text = "4月30日，全州卫生健康工作会议召开。会议要求，要深入实施健康大理战略。"
    flags: list[str] = []
    level, code = resolve_scope("municipal", None, None, text, [], flags, "全州卫生健康工作会议")
    assert (level, code) == ("municipal", _code("大理"))


def test_a_county_plan_titled_by_its_counties_short_name() -> None:
    raw = (
        "泾源推进村卫生室标准化建设\n"
        "今年全县将新建12所标准化村卫生室，为每个村卫生室配备1名合格乡村医生，推进乡村一体化管理。"
    )
    [plan] = _extract(raw)["plans"]
    assert (plan["level"], plan["region_code"]) == ("county", _code("泾源县"))


def test_a_venue_that_names_no_place_is_put_in_the_meetings_own_city() -> None:
    from pipeline.parse.conference.places import venue_in_seat

    assert venue_in_seat("行政中心", _code("常州")) == "常州市行政中心"
    assert venue_in_seat("金湖宾馆会议中心", _code("淄博")) == "淄博市金湖宾馆会议中心"
    assert venue_in_seat("常州市政府", _code("常州")) is None  # already in its city
    assert venue_in_seat("南京", _code("常州")) is None  # names a place of its own
    assert venue_in_seat("人民大会堂", None) is None  # a national meeting has no seat


def test_printed_year_comes_first_then_the_publication_year_flagged() -> None:
    year = re.compile(r"((?:19|20)\d{2})年")
    flags: list[str] = []
    assert printed_or_published(year.search("2024年重点工作"), date(2023, 12, 30), flags) == 2024
    assert flags == []
    assert printed_or_published(year.search("今年重点工作"), date(2023, 12, 30), flags) == 2023
    assert flags == [FROM_PUBLISHED]
    assert printed_or_published(None, None, flags) is None


@pytest.mark.parametrize("printed", ["86620年", "12024年", "0418年"])
def test_a_year_is_no_part_of_a_longer_number(printed: str) -> None:
    # a garbled or run-together number before 年 names no year: the meeting's year comes from elsewhere or stays unknown
    text = clean_text(
        f"{printed}全国卫生健康工作会议在京召开\n会议要求，一是深化医改，推进分级诊疗；二是加强公共卫生体系建设；"
        "三是提升基层服务能力。\n"
    ).text
    plans = extract_document(text, kind=None, published=None)["plans"]
    assert plans and all(p["work_year"] is None or 1949 <= p["work_year"] <= 2100 for p in plans)
