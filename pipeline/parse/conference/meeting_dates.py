"""A meeting's date as printed (1月11日至12日, 2024年1月5日, 一月十一日): the pattern and its parsed parts; the year
stays None when the text leaves it out (pipeline.parse.conference.years completes it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.conference.common import YEAR, numeral_value

_DATE_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
MEETING_DATE = (
    rf"(?:(?P<dy>{YEAR})年)?(?P<dm>{_DATE_NUM})月(?P<dd>{_DATE_NUM})日?"
    rf"(?:[至到—–－\-~～](?:(?P<dm2>{_DATE_NUM})月)?(?P<dd2>{_DATE_NUM}))?日"
)
DATE_RE = re.compile(MEETING_DATE)


@dataclass(frozen=True)
class MeetingDate:
    """A printed meeting date; year is None when the text leaves it out (1月11日至12日)."""

    year: int | None
    month: int
    day: int
    end_month: int | None
    end_day: int | None


def parse_date(printed: str) -> MeetingDate | None:
    match = DATE_RE.search(printed)
    return _date_from_match(match) if match else None


def last_date(before: str) -> MeetingDate | None:
    matches = list(DATE_RE.finditer(before))
    return _date_from_match(matches[-1]) if matches else None


def _date_from_match(match: re.Match[str]) -> MeetingDate | None:
    month, day = numeral_value(match.group("dm")), numeral_value(match.group("dd"))
    if month is None or day is None:
        return None
    return MeetingDate(
        year=numeral_value(match.group("dy")) if match.group("dy") else None,
        month=month,
        day=day,
        end_month=numeral_value(match.group("dm2")) if match.group("dm2") else None,
        end_day=numeral_value(match.group("dd2")) if match.group("dd2") else None,
    )
