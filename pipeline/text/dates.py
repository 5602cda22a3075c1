"""Dates printed in a page's metadata lines (发布时间：2025-02-14): read strictly, or not at all.

Pure function. Only year-month-day order with a four-digit year is read (2025-02-14, 2025/2/14,
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
