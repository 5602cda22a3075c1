"""Meeting facts in more layouts (pipeline.parse.conference.facts, report): sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.parse.conference.report import parse_meeting_report


@pytest.mark.parametrize(
    ("text", "expected_name", "expected_date"),
    [
        # the title year printed without 年 after the held verb (召开2024全市…)
        ("3月7日，市卫健委召开2024全市卫生健康工作会议，部署今年工作。会议要求，要加强基层。", "全市卫生健康工作会议", date(2024, 3, 7)),
        ("2月20日，县卫生健康局召开2023全县卫生健康工作会议。会议强调，要深化医改。", "全县卫生健康工作会议", date(2023, 2, 20)),
        ("4月2日，州卫健委举行2022全州卫生健康工作会。会议部署了今年的重点工作。", "全州卫生健康工作会", date(2022, 4, 2)),
        # the same with 年 still reads as before
        ("3月7日，市卫健委召开2024年全市卫生健康工作会议，部署今年工作。会议要求，要加强基层。", "全市卫生健康工作会议", date(2024, 3, 7)),
    ],
)
def test_a_title_year_without_nian_after_the_held_verb(text: str, expected_name: str, expected_date: date) -> None:
    report = parse_meeting_report(text)
    assert report is not None
    assert report.name == expected_name
    assert report.start_date == expected_date


def test_a_year_that_is_no_title_year_is_not_a_meeting_held() -> None:
    # a count before the name, not a held verb: no meeting is reported held
    assert parse_meeting_report("全市共有2024全市卫生健康工作会议代表名额。") is None


@pytest.mark.parametrize(
    ("text", "level", "region_code"),
    [
        # the area whose body holds the meeting, right before the body or the held verb, names its scope word
        ("3月31日，碑林区卫生健康局召开2023年全区卫生健康工作会。会议部署了今年的工作任务。", "county", "610103"),
        ("4月14日，七里河区召开全区卫生健康工作会议。会议部署了重点任务。", "county", "620103"),
        ("2月9日，西吉县卫生和计划生育局召开2016年全县卫生计生工作会议。会议要求，要加强基层。", "county", "640422"),
        ("3月1日，晋江市召开全市卫生健康工作会议。会议部署了今年的工作。", "county", "350582"),
        ("3月1日，赣州市卫健委召开全市卫生健康工作会议。会议部署了今年的工作。", "municipal", "360700"),
    ],
)
def test_the_holding_area_gives_a_scope_words_region(text: str, level: str, region_code: str) -> None:
    report = parse_meeting_report(text)
    assert report is not None
    assert (report.scope, report.region_code) == (level, region_code)


def test_a_city_before_a_county_scope_word_gives_no_region() -> None:
    report = parse_meeting_report("3月1日，西安市卫健委召开全县卫生健康工作会议。会议部署了今年的工作。")
    assert report is not None
    assert (report.scope, report.region_code) == ("county", None)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day alone in the lead, read in the publication's month, or the month before
        ("全市卫生工作会议召开\n本报讯 28日上午，记者从全市卫生工作会议上获悉，今年全市卫生工作将加强基层。", date(2013, 3, 1), date(2013, 2, 28)),
        ("本报讯 5日下午，全县卫生健康工作会议召开。会议部署了今年的工作。", date(2024, 2, 6), date(2024, 2, 5)),
        ("本报讯（记者 张三）12日，全州卫生健康工作会议召开。会议部署了今年的工作。", date(2023, 1, 3), date(2022, 12, 12)),
        # the lead names the meeting otherwise than the title: the day before the verb that says it was held
        ("全县2019年卫生健康工作会议召开\n本报讯 8日，我县召开2019年卫生和计划生育工作会议，部署今年工作。", date(2019, 3, 9), date(2019, 3, 8)),
        ("全区卫生健康工作会议召开\n20日上午，区卫生健康局组织召开2024年全区卫生健康工作会议，安排部署全年工作。", date(2024, 2, 3), date(2024, 1, 20)),
    ],
)
def test_a_day_alone_takes_the_month_of_the_publication(text: str, published: date, expected: date) -> None:
    report = parse_meeting_report(text, published)
    assert report is not None
    assert report.start_date == expected
    assert "date_month_inferred" in report.flags


@pytest.mark.parametrize(
    "text",
    [
        "本报讯 全市卫生健康工作会议召开，会议部署了今年的工作。",  # no day at all
        "本报讯 全市卫生健康工作会议召开。会议要求，15日前完成部署，各地要加强基层。",  # a day after the name is a deadline
    ],
)
def test_no_day_no_inferred_month(text: str) -> None:
    report = parse_meeting_report(text, date(2024, 3, 8))
    assert report is not None
    assert report.start_date is None
    assert "date_month_inferred" not in report.flags
