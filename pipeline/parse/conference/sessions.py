"""The session at which a plan is stated: a people's congress or CPPCC session (…人民代表大会…会议, …人大…会议,
…政协…会议) that a text reporting a government work report, a 部长通道 or a 局长通道 names as held or as the
occasion (在…会议上). It is the text's meeting when no health meeting is read, so that the plan's meeting facts
(date, place, the official who delivered the report) are kept. Its date is the one printed between its name and
its verb (…会议于1月21日开幕), else the last one printed before its name in its paragraph (a dateline 北京5月22日讯 included), in the plan's year when the year is left out; its place the
one printed (在人民大会堂开幕), else the seat of the plan's region (flagged location_from_region). The meeting
carries the flag `meeting_of_a_session`. Lexicon: pipeline/data/meetings.toml [session].
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.conference.common import alternation, lexicon
from pipeline.parse.conference.meeting_dates import last_date
from pipeline.parse.conference.officials import find_officials, lead_official
from pipeline.parse.conference.places import dateline_place, normalise_location, seat_of
from pipeline.parse.conference.types import MeetingReport
from pipeline.parse.conference.years import date_range

MEETING_OF_A_SESSION = "meeting_of_a_session"
MEETING_NAMED_AS_OCCASION = "meeting_named_as_occasion"
LOCATION_FROM_DATELINE = "location_from_dateline"
LOCATION_FROM_REGION = "location_from_region"
DATE_MISSING = "date_missing"


@cache
def _session() -> re.Pattern[str]:
    cfg = lexicon()["session"]
    verbs = alternation(cfg["held_verbs"])
    manner = alternation(lexicon()["meeting"]["manner_words"])  # 在人民大会堂隆重开幕 / 正式开幕: not the place
    return re.compile(
        rf"(?:{alternation(cfg['dateline_ends'])})?(?P<name>[\u4e00-\u9fff]{{0,16}}?(?:{alternation(cfg['bodies'])})[\u4e00-\u9fff]{{0,12}}?会议)"
        rf"(?:(?P<on>上)|[^，。；！？\n]{{0,12}}?(?:在(?P<place>[^，。；！？\n]{{1,12}}?))?(?:{manner})?(?:{verbs}))"
    )


@cache
def _occasion() -> re.Pattern[str]:
    cfg = lexicon()["session"]
    return re.compile(
        rf"(?:{alternation(lexicon()['meeting']['organisers'])})[^。！？\n]{{0,30}}?在"
        rf"(?P<name>[^，。；！？\n在]{{2,50}}?(?:{alternation(cfg['occasion_nouns'])}))上(?:{alternation(cfg['occasion_verbs'])})"
    )


@cache
def _press_occasion() -> re.Pattern[str]:
    cfg = lexicon()["session"]
    return re.compile(
        rf"(?:{alternation(lexicon()['officials']['title_suffixes'])})[\u4e00-\u9fff]{{2,4}}[^。！？\n在]{{0,12}}?在"
        rf"(?:[^，。；！？\n在]{{1,20}}?(?:{alternation(cfg['press_holder_verbs'])})的)?"  # the holder: not the name
        rf"(?P<name>[^，。；！？\n在的]{{2,50}}?(?:{alternation(cfg['press_nouns'])}))上(?:{alternation(cfg['occasion_verbs'])})"
    )


def session_meeting(text: str, level: str, region_code: str | None, work_year: int | None) -> MeetingReport | None:
    """The session the text names as held (or as the occasion), for a plan of this level, region and year; else
    the meeting at which a health body's official speaks (…卫生健康委副主任…在…新闻发布会上表示), or any titled
    official at a press event (…司负责人孙五近日在国务院新闻办举行的…吹风会上表示), flagged
    meeting_named_as_occasion, its place from the dateline (新华社北京…电) when none is printed."""
    found = _session().search(text)
    flags = [MEETING_OF_A_SESSION]
    if found is None and (found := _occasion().search(text) or _press_occasion().search(text)) is not None:
        flags = [MEETING_NAMED_AS_OCCASION]
    if found is None:
        return None
    paragraph_start = text.rfind("\n", 0, found.start()) + 1
    printed = last_date(text[found.end("name") : found.end()]) or last_date(text[paragraph_start : found.start("name")])
    year = printed.year if printed and printed.year else work_year
    days = date_range(printed, year) if printed is not None and year is not None else None
    if days is None:
        flags.append(DATE_MISSING)
    place = found.groupdict().get("place")
    location = normalise_location(place) if place else None
    if location is None and (location := dateline_place(text[: found.start("name")])) is not None:
        flags.append(LOCATION_FROM_DATELINE)
    if location is None and (location := seat_of(region_code, text)) is not None:
        flags.append(LOCATION_FROM_REGION)
    officials = tuple(o for o in find_officials(text) if o.role in lexicon()["session"]["roles"])
    return MeetingReport(
        name=found.group("name"),
        scope=level,
        region_code=region_code,
        is_national_health_work_conference=False,
        work_year=work_year,
        start_date=days[0] if days else None,
        end_date=None,
        location=location,
        lead_official=lead_official(list(officials)),
        officials=officials,
        tasks=(),
        announced_task_count=None,
        sections=(),
        commentary=(),
        flags=tuple(flags),
    )
