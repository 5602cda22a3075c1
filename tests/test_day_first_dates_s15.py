"""Day-month-year dates (pipeline.text.dates): read only where they cannot be month-day. Dates written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.text.clean import clean_text
from pipeline.text.dates import date_at_top, parse_printed_date

REPORT = "全市卫生健康工作会议召开\n会议要求，一是要深化医改；二是要加强公共卫生体系建设。"


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("20.04.2017", "2017-04-20"),  # dd.mm.yyyy with dots
        ("05.04.2017", "2017-04-05"),  # dotted, two digits each: day first though the day is under 13
        ("14/02/2025", "2025-02-14"),  # a day over 12
        ("31-1-2019", "2019-01-31"),
        ("2025.02.14", "2025-02-14"),  # year first, as before
    ],
)
def test_a_day_first_date_that_cannot_be_month_first_is_read(printed: str, iso: str) -> None:
    assert parse_printed_date(printed) == (iso, None)
    assert date_at_top(f"标题\n{printed} 19:03\n正文") == date.fromisoformat(iso)
    assert clean_text(f"发布时间：{printed}\n{REPORT}").published_date == iso


@pytest.mark.parametrize(
    "printed",
    [
        "05/04/2017",  # slashes, both under 13: April 5 or May 4
        "5.4.2017",  # dots but not dd.mm
        "04-05-2017",
        "02/14/2025",  # month first
        "20.04.17",  # a two-digit year
        "31.02.2017",  # no such day
        "13.13.2017",
    ],
)
def test_an_ambiguous_or_impossible_day_first_date_is_not_read(printed: str) -> None:
    assert parse_printed_date(printed)[0] is None
    assert date_at_top(f"标题\n{printed} 19:03\n正文") is None


def test_a_year_first_date_after_an_ambiguous_one_is_still_read() -> None:
    assert date_at_top("标题\n05/04/2017\n2017-04-05 10:00") == date(2017, 4, 5)


def test_the_first_date_printed_is_read() -> None:
    assert date_at_top("标题\n20.04.2017 19:03\n发布：2017-05-01") == date(2017, 4, 20)
    assert date_at_top("标题\n2017-05-01\n20.04.2017") == date(2017, 5, 1)


def test_digits_inside_a_longer_number_are_no_date() -> None:
    assert date_at_top("标题\n编号 120.04.2017.3\n正文") is None
    assert date_at_top("标题\n版本 3.20.04.2017\n正文") is None
