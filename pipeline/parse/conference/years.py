"""The work year of a meeting and the days it was held, from the text's own years and dates.

The work year comes from the whole text (a deploy cue, a year the text says its work is to be done in,
the title year, the reviewed year + 1), flagged when these disagree; a printed month and day get their
year from the work year or the publication date. Cues are data (pipeline/data/meetings.toml, [work_year]).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.parse.conference.common import compiled, lexicon, numeral_value
from pipeline.parse.conference.facts import Mention
from pipeline.parse.conference.meeting_dates import MeetingDate

WORK_YEAR_SOURCES_DISAGREE = "work_year_sources_disagree"


def work_year_from_text(text: str, lead_end: int, mentions: list[Mention], flags: list[str] | None = None) -> int | None:
    """The year whose work the meeting deploys, from the text's own years (None if it names none).

    In order: a deploy cue in the lead (部署2025年), a year the text says its work is to be done in
    (2019年全市卫生健康工作要…) when it is later than the title's, the title year, the reviewed year + 1
    in the lead, then the same cues anywhere. When these sources name different years, `flags` gets
    work_year_sources_disagree.
    """
    cfg = lexicon()["work_year"]
    lead = text[:lead_end]
    reviewed_lead = _first_year(cfg["review"], lead)
    reviewed_any = _first_year(cfg["review"], text)
    title = next((m.title_year for m in mentions if m.title_year), None)
    ahead = _first_year(cfg["year_ahead"], text)
    candidates = [
        _first_year(cfg["deploy"], lead),
        ahead if ahead is not None and (title is None or ahead > title) else None,
        title,
        reviewed_lead + 1 if reviewed_lead is not None else None,
        _first_year(cfg["deploy"], text),
        reviewed_any + 1 if reviewed_any is not None else None,
    ]
    found = next((year for year in candidates if year is not None), None)
    stated = {year for year in (*candidates[:4], ahead) if year is not None}
    if flags is not None and len(stated) > 1:
        flags.append(WORK_YEAR_SOURCES_DISAGREE)
    return found


def _first_year(patterns: list[str], text: str) -> int | None:
    hits = [m for p in patterns if (m := compiled(p).search(text))]
    if not hits:
        return None
    return numeral_value(min(hits, key=lambda m: m.start()).group("y"))


def relative_work_year(lead: str, meeting_year: int) -> int | None:
    """今年 / 明年 after a deploy verb, counted from the meeting's year."""
    cfg = lexicon()["work_year"]
    if any(compiled(p).search(lead) for p in cfg["deploy_next_year"]):
        return meeting_year + 1
    if any(compiled(p).search(lead) for p in cfg["deploy_this_year"]):
        return meeting_year
    return None


def deploys_next_year(month: int) -> bool:
    """Whether a meeting held in this month deploys the next year's work."""
    return month in lexicon()["meeting"]["next_year_months"]


def meeting_year_for(printed: MeetingDate, work_year: int | None, published: date | None) -> int | None:
    """The year of a partial date: from the work year, else the published date (not after it)."""
    if work_year is not None:
        return work_year - 1 if deploys_next_year(printed.month) else work_year
    if published is not None:
        year = published.year
        if (printed.month, printed.day) > (published.month, published.day):
            year -= 1
        return year
    return None


def completed_date(printed: MeetingDate | None, work_year: int | None) -> tuple[date, date] | None:
    """The days of a date printed without its year (3月15日), once the work year is known from other evidence (the
    year before it for a date late in a year: meeting_year_for); None for no date, a date with its year, or no year."""
    if printed is None or printed.year is not None or work_year is None:
        return None
    year = meeting_year_for(printed, work_year, None)
    return date_range(printed, year) if year is not None else None


_WEEKDAYS = "一二三四五六日"


def weekday_year(text: str, printed: MeetingDate, year: int) -> int | None:
    """The year nearest to `year` (the earlier on a tie) in which the printed month and day fall on the weekday the
    text prints right after them (1月15日（周五） → 2016 for a page crawled in 2024), within the years of the health
    bodies the text names (国家卫计委: 2013–2018) when they agree; None when no weekday is printed or the day does not
    exist."""
    after = compiled(lexicon()["meeting"]["weekday_after_date"])
    first, last = _body_years(text)
    for found in re.finditer(rf"(?<!\d){printed.month}月{printed.day}日", text):
        if (weekday := after.search(text[found.end() : found.end() + 6])) is None:
            continue
        wanted = _WEEKDAYS.index(weekday.group("w").replace("天", "日"))
        for distance in range(12):
            for candidate in (year - distance, year + distance):
                if not first <= candidate <= last:
                    continue
                try:
                    if date(candidate, printed.month, printed.day).weekday() == wanted:
                        return candidate
                except ValueError:
                    continue
        return None
    return None


def _body_years(text: str) -> tuple[int, int]:
    """The span of years shared by the health bodies the text names (meetings.toml [meeting.body_years]); any year
    when it names none or their spans do not meet."""
    spans = [span for name, span in lexicon()["meeting"]["body_years"].items() if name in text]
    first, last = max((s[0] for s in spans), default=0), min((s[1] for s in spans), default=9999)
    return (first, last) if first <= last else (0, 9999)


def date_range(printed: MeetingDate, year: int) -> tuple[date, date] | None:
    """The first and last day of a printed date in a given year (a range may run into next year)."""
    try:
        start = date(year, printed.month, printed.day)
        if printed.end_day is None:
            return start, start
        end_month = printed.end_month or printed.month
        end_year = year + 1 if end_month < printed.month else year
        end = date(end_year, end_month, printed.end_day)
    except ValueError:
        return None
    if end < start or end - start > timedelta(days=31):
        return None
    return start, end


def day_only_date(lead: str, published: date) -> MeetingDate | None:
    """A meeting date printed as a day alone before the meeting's name (本报讯 28日上午，…会议…), read in the
    month of the publication date, or the month before when the day is later than the publication's day."""
    found = re.search(lexicon()["meeting"]["day_only_date"], lead)
    if found is None:
        return None
    day = int(found.group("day"))
    month = published.month if day <= published.day else (published.month - 2) % 12 + 1
    try:
        date(2000, month, day)  # a day the month has (2000 is a leap year)
    except ValueError:
        return None
    return MeetingDate(None, month, day, None, None)
