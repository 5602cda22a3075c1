"""Dates printed in a page's metadata lines (发布时间：2025-02-14) or its first lines: read strictly, or not at all.

Pure functions. Year-month-day order with a four-digit year is read (2025-02-14, 2025/2/14, 2025.02.14,
2025年2月14日), and day-month-year order with a four-digit year last only where it cannot be month-day: the day is
over 12 (14/02/2025, 20-4-2017), or the date is printed dd.mm.yyyy with dots and two-digit day and month
(05.04.2017: a dotted date with the year last is day first). The date must exist in the calendar. Anything else
(02/14/2025, 05/04/2025, 2/14/25, 2025-02-30, 2025年13月01日) gives no date and a note saying why, so that the
document's published_date is null rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

_YEAR_MONTH_DAY = re.compile(r"^(?P<y>\d{4})\s*[-./年]\s*(?P<m>\d{1,2})\s*[-./月]\s*(?P<d>\d{1,2})\s*日?$")
_DAY_MONTH_YEAR = re.compile(r"^(?P<d>\d{1,2})\s*(?P<sep>[-./])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})$")
_MONTHS = 12
_DD_MM = 2  # digits of the day and of the month in a dd.mm.yyyy date


def day_first(day: str, month: str, separator: str) -> bool:
    """Whether a date printed with the year last (day, month as printed, one separator) is read day first without
    doubt: the day is over 12 and the month is not, or it is printed dd.mm.yyyy (dots, two digits each)."""
    if int(day) > _MONTHS >= int(month):
        return True
    return separator == "." and len(day) == len(month) == _DD_MM


def parse_printed_date(printed: str) -> tuple[str | None, str | None]:
    """(ISO date or None, note explaining a refusal or None) for a date printed in a metadata line."""
    match = _YEAR_MONTH_DAY.match(printed.strip())
    if not match:
        match = _DAY_MONTH_YEAR.match(printed.strip())
        if not match or not day_first(match["d"], match["m"], match["sep"]):
            return None, f"published date {printed!r} in a metadata line is not a year-month-day date: left empty"
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat(), None
    except ValueError:
        return None, f"published date {printed!r} in a metadata line is not a valid date: left empty"


_TOP_LINES = 3
# Year first, then month and day, with one separator used twice (2021-10-12, 2016/3/9, 2016.3.9) or 年月日 (a time may
# follow 日 unspaced: 2017年12月15日16时40分).
_TOP_DATE = re.compile(
    r"(?<![\d./-])((?:19|20)\d{2})(?:([-/.])(\d{1,2})\2(\d{1,2})(?![\d./-])|年(\d{1,2})月(\d{1,2})日)"
)
# Day, month, then a four-digit year, one separator used twice (20.04.2017 19:03; 14/02/2025): read when day_first.
_TOP_DAY_FIRST = re.compile(r"(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2((?:19|20)\d{2})(?![\d./-])")


def date_at_top(text: str) -> date | None:
    """A full date printed in a text's first lines (2021-10-12 14:26:35, 2016/3/9; a newspaper page's 2012年2月22日星期三;
    a day-first 20.04.2017 19:03 when day_first): the page's date, which stands in for a missing publication date (no
    meeting it reports is after it). The first date printed is read."""
    top = "\n".join(text.split("\n", _TOP_LINES)[:_TOP_LINES])
    found, day_first_found = _TOP_DATE.search(top), _TOP_DAY_FIRST.search(top)
    if day_first_found is not None and (found is None or day_first_found.start() < found.start()):
        day, separator, month, year = day_first_found.groups()
        if day_first(day, month, separator):
            return _date(year, month, day)
        # 05/04/2017 cannot be read without doubt: a year-first date printed after it is read, as before
    if found is None:
        return None
    return _date(found.group(1), found.group(3) or found.group(5), found.group(4) or found.group(6))


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
