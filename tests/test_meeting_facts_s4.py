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
