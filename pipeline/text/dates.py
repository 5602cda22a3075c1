"""Dates printed in a page's metadata lines (发布时间：2025-02-14) or its first lines: read strictly, or not at all.

Pure functions. Only year-month-day order with a four-digit year is read (2025-02-14, 2025/2/14,
2025.02.14, 2025年2月14日); the date must exist in the calendar. Anything else (02/14/2025,
2025-02-30, 2025年13月01日) gives no date and a note saying why, so that the document's
published_date is null rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

_YEAR_MONTH_DAY = re.compile(r"^(?P<y>\d{4})\s*[-./年]\s*(?P<m>\d{1,2})\s*[-./月]\s*(?P<d>\d{1,2})\s*日?$")


def parse_printed_date(printed: str) -> tuple[str | None, str | None]:
    """(ISO date or None, note explaining a refusal or None) for a date printed in a metadata line."""
    match = _YEAR_MONTH_DAY.match(printed.strip())
    if not match:
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


def date_at_top(text: str) -> date | None:
    """A full date printed in a text's first lines (2021-10-12 14:26:35, 2016/3/9; a newspaper page's 2012年2月22日星期三):
    the page's date, which stands in for a missing publication date (no meeting it reports is after it)."""
    found = _TOP_DATE.search("\n".join(text.split("\n", _TOP_LINES)[:_TOP_LINES]))
    if found is None:
        return None
    year, month, day = found.group(1), found.group(3) or found.group(5), found.group(4) or found.group(6)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
