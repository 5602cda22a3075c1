"""Parse a report of a health work conference into exact, traceable meeting facts and key tasks.

Input is a cleaned text (pipeline.text.clean: one paragraph per line, full-width punctuation).
`parse_meeting_report` finds the meeting sentence ("1月5日，全国卫生健康工作会议在京召开"), the
meeting's scope, region, dates, place and work year, its officials and their roles, the review and
requirements passages, and the key tasks in order with their printed markers, titles and any
editor's commentary kept apart. Every span is an offset into the text. The work lives in:

* meeting_facts: the meeting sentence, dates, work year, place, scope and region;
* meeting_officials: names, titles and roles;
* meeting_sections: paragraph roles, review and requirements passages;
* meeting_tasks (with meeting_markers, meeting_titles): the key tasks.

Lexicons (verbs, title suffixes, commentary cues, marker forms…) are in pipeline/data/meetings.toml.
"""

from __future__ import annotations

from datetime import date

from pipeline.parse.conference.common import Paragraph, lexicon, named_in_passing, paragraphs
from pipeline.parse.conference.facts import Mention, announced_task_count, find_mentions, is_nhwc, primary_mention
from pipeline.parse.conference.meeting_dates import MeetingDate
from pipeline.parse.conference.officials import find_officials, lead_official, title_hints
from pipeline.parse.conference.places import dateline_place, normalise_location, resolve_scope, seat_of, venue_in_seat
from pipeline.parse.conference.sections import FRAME, PLAIN, Layout, classify, sections
from pipeline.parse.conference.shapes import MEETING_BY_SHAPE, is_group_meeting, shaped_mention
from pipeline.parse.conference.speech_titles import speech_title
from pipeline.parse.conference.tasks import Zone, segment_tasks
from pipeline.parse.conference.types import (
    NATIONAL,
    PROVINCIAL,
    Commentary,
    MeetingReport,
    Official,
    ReportedTask,
    Section,
)
from pipeline.parse.conference.years import (
    date_range,
    day_only_date,
    deploys_next_year,
    meeting_year_for,
    relative_work_year,
    weekday_year,
    work_year_from_text,
)
from pipeline.text.work_years import stated_work_year

__all__ = [
    "Commentary",
    "MeetingReport",
    "Official",
    "ReportedTask",
    "Section",
    "parse_meeting_report",
]

DATE_YEAR_INFERRED = "date_year_inferred"
DATE_YEAR_FROM_WEEKDAY = "date_year_from_weekday"
DATE_MISSING = "date_missing"
DATE_MONTH_INFERRED = "date_month_inferred"
WORK_YEAR_UNKNOWN = "work_year_unknown"
WORK_YEAR_FROM_PUBLISHED = "work_year_from_published"
REGION_UNRESOLVED = "region_unresolved"
LOCATION_FROM_REGION = "location_from_region"
LOCATION_FROM_DATELINE = "location_from_dateline"
LOCATION_IN_SEAT = "location_venue_in_region_seat"
JOINT = "joint_meeting_of_regions"
NO_TASKS = "no_tasks"
TASK_COUNT_DIFFERS = "task_count_differs_from_announced"


def parse_meeting_report(text: str, published: date | None = None, source: str | None = None) -> MeetingReport | None:
    """Parse a cleaned report; None when the text does not report a health work conference held. `source` is
    the page's printed source line (来源：分宜县融媒体中心), read after the text's own title lines for the region."""
    mentions = [m for m in find_mentions(text) if not named_in_passing(text, m.start, m.end)]  # 继…会议召开之后
    if mentions and not _states_plan(text, primary_mention(mentions)):
        mentions = []  # a symposium or briefing that deploys no work, or a meeting named in passing (继…大会后)
    shaped = None if mentions else shaped_mention(text)
    if shaped is not None:
        mentions = [shaped]
    if not mentions:
        return None
    primary = primary_mention(mentions)
    if shaped is None and not _states_plan(text, primary):
        return None  # (a meeting found by its shape was read only where the text deploys work)
    paras = paragraphs(text)
    meeting_paragraph = next(p for p in paras if p.start <= primary.start <= p.end)
    flags: list[str] = [MEETING_BY_SHAPE] if shaped else []
    work_year, start_date, end_date = years_and_dates(text, meeting_paragraph, mentions, published, flags)
    location = printed_place(mentions)
    officials = find_officials(text)
    if (title := speech_title(text)) is not None and primary.name in title.meeting:  # …主任王五在…会议上的讲话
        officials = [*title.speakers, *(o for o in officials if o.name not in {s.name for s in title.speakers})]
        if start_date is None and title.meeting_date and (days := _printed_days(title.meeting_date)) is not None:
            start_date, end_date = days
            flags.remove(DATE_MISSING)
    hints = title_hints(officials) + [p.text for p in paras[: meeting_paragraph.index]] + ([source] if source else [])
    if primary.joint:  # several provincial units together: no one region
        scope, region_code = PROVINCIAL, None
        flags.append(JOINT)
    else:
        scope, region_code = resolve_scope(
            primary.scope, primary.region, location, text, hints, flags, primary.name, source
        )
    if scope != NATIONAL and region_code is None and not primary.joint:
        flags.append(REGION_UNRESOLVED)
    location = meeting_location(text, location, meeting_paragraph, region_code, flags)
    layout = classify(paras, work_year, meeting_paragraph.index)
    announced = announced_task_count(text)
    segmentation = segment_tasks(text, _zones(layout, meeting_paragraph), announced)
    tasks = segmentation.tasks if segmentation else []
    if not tasks:
        flags.append(NO_TASKS)
    elif announced is not None and len(tasks) != announced:
        flags.append(TASK_COUNT_DIFFERS)
    return MeetingReport(
        name=primary.name,
        scope=scope,
        region_code=region_code,
        is_national_health_work_conference=is_nhwc(primary),
        work_year=work_year,
        start_date=start_date,
        end_date=end_date,
        location=location,
        lead_official=lead_official(officials),
        officials=tuple(officials),
        tasks=tuple(tasks),
        announced_task_count=announced,
        sections=tuple(sections(layout)),
        commentary=tuple(segmentation.commentary if segmentation else ()),
        flags=tuple(flags),
        printed_date=primary.meeting_date if start_date is None else None,
    )


def _states_plan(text: str, primary: Mention) -> bool:
    """Whether the meeting is a work meeting (…工作会议) or the text after it deploys work (部署, 要求, 重点工作…)."""
    return "工作" in primary.name or any(cue in text[primary.end :] for cue in lexicon()["meeting"]["plan_cues"])


def printed_place(mentions: list[Mention]) -> str | None:
    """The place the meeting's mentions print (在京 → 北京), the primary mention's first."""
    return normalise_location(primary_mention(mentions).place or next((m.place for m in mentions if m.place), None))


def meeting_location(
    text: str, location: str | None, meeting_paragraph: Paragraph, region_code: str | None, flags: list[str]
) -> str | None:
    """The printed place, else the dateline's; a bare venue placed in the meeting's own city or county; else that
    region's seat (flagging what was not printed)."""
    if location is None and (location := dateline_place(text[: meeting_paragraph.end])) is not None:
        flags.append(LOCATION_FROM_DATELINE)
    if location and region_code and location[0] in "省市州盟县区旗" and (seat := seat_of(region_code, short=True)):
        location = seat + location  # 县政府会议室 of 西吉县's meeting: 西吉县政府会议室
    elif location and (seated := venue_in_seat(location, region_code, text)) is not None:
        location = seated  # 行政中心 of 常州's meeting: 常州市行政中心
        flags.append(LOCATION_IN_SEAT)
    if location is None and (location := seat_of(region_code, text)) is not None:
        flags.append(LOCATION_FROM_REGION)
    return location


def years_and_dates(
    text: str, meeting_paragraph: Paragraph, mentions: list[Mention], published: date | None, flags: list[str]
) -> tuple[int | None, date | None, date | None]:
    """The work year and the meeting's first and last day, flagging what had to be inferred."""
    work_year = work_year_from_text(text, meeting_paragraph.end, mentions, flags)
    if work_year is None and (stated := stated_work_year(text, published))[0] is not None:
        work_year = stated[0]  # 会议要求，2019年全县…要…; 今年是“十四五”开局之年
        flags.append(str(stated[1]))
    printed = primary_mention(mentions).meeting_date
    if printed is None and published is not None:
        printed = _day_only_date(text, meeting_paragraph, primary_mention(mentions).name, published)
        if printed is not None:
            flags.append(DATE_MONTH_INFERRED)
    year = printed.year if printed else None
    if printed is not None and year is None:
        year = meeting_year_for(printed, work_year, published)
        if year is not None:
            flags.append(DATE_YEAR_INFERRED)
        if year is not None and (by_weekday := weekday_year(text, printed, year)) not in (None, year):
            year = by_weekday  # 1月15日（周五）: the weekday outranks a page date that is the crawl's
            flags.append(DATE_YEAR_FROM_WEEKDAY)
    days = date_range(printed, year) if printed is not None and year is not None else None
    if days is None:
        flags.append(DATE_MISSING)
    # only an annual work meeting (…工作会议) or a leading group's meeting (…党组会议) held late in a year deploys the
    # next year's work
    annual = "工作" in primary_mention(mentions).name or is_group_meeting(primary_mention(mentions).name)
    if work_year is None and printed is not None and year is not None:
        work_year = _work_year_from_date(text[: meeting_paragraph.end], printed, year, annual)
    if work_year is None and published is not None:  # the report is not older than the meeting
        work_year = published.year + 1 if annual and deploys_next_year(published.month) else published.year
        flags.append(WORK_YEAR_FROM_PUBLISHED)
    if work_year is None:
        flags.append(WORK_YEAR_UNKNOWN)
    return work_year, days[0] if days else None, days[1] if days else None


def _printed_days(printed: MeetingDate) -> tuple[date, date] | None:
    """The days of a date printed with its year (a speech title's （2024年1月5日）)."""
    return date_range(printed, printed.year) if printed.year is not None else None


def _day_only_date(text: str, meeting_paragraph: Paragraph, name: str, published: date) -> MeetingDate | None:
    """A day printed alone before the meeting's name in the first paragraph from the meeting's that names it
    (a title 全市卫生工作会议召开, then the lead 本报讯 28日上午，记者从全市卫生工作会议上获悉), or, where the lead
    prints the name otherwise (我县召开2016年卫生和计划生育工作会议), before the first verb saying a meeting was held."""
    held = lexicon()["meeting"]["held_verbs"]
    for paragraph in paragraphs(text)[meeting_paragraph.index :]:
        at = paragraph.text.find(name)
        if at < 0:
            at = min((i for verb in held if (i := paragraph.text.find(verb)) >= 0), default=-1)
        if at >= 0 and (found := day_only_date(paragraph.text[:at], published)) is not None:
            return found
    return None


def _work_year_from_date(lead: str, printed: MeetingDate, year: int, annual: bool) -> int:
    relative = relative_work_year(lead, year)
    if relative is not None:
        return relative
    return year + 1 if annual and deploys_next_year(printed.month) else year


def _zones(layout: Layout, meeting_paragraph: Paragraph) -> list[Zone]:
    """Framing paragraphs (and the meeting paragraph itself) with the paragraphs of their passage."""
    zones: list[Zone] = []
    for index, kind in enumerate(layout.kinds):
        is_meeting = index == meeting_paragraph.index and kind == PLAIN
        if kind == FRAME or is_meeting:
            body = layout.paragraphs[index + 1 : layout.passage_end(index)]
            zones.append(Zone(layout.paragraphs[index], body))
    return zones
