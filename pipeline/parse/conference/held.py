"""The meeting a text reports held when its plan is read by another reader than the meeting parser.

A plan stated by a deploy sentence, an announced list, a round-up item or a meeting the parser names only
(pipeline.parse.conference.fallback) may come from a text that also reports a meeting held: 7月12日，某县召开妇幼健康
项目推进会。今年全县将…. That meeting is found by the meeting parser's own readers (a known name held: facts.py; a
name by its shape: shapes.py), without their test that the text after it deploys work (the plan is already read),
and its facts by the same readers: the date printed (years.py), the place (places.py), the officials and their roles
(officials.py). It is the plan's meeting only when it is consistent with the plan: of the plan's level, of its region
when both name one, inside the plan's own text; it takes the plan's region and work year. A meeting named in passing
(继…会议召开之后, 传达在京召开的…会议精神) or to come (将于…召开) is none. The meeting carries the flag
`meeting_from_plan_text`. Lexicon: pipeline/data/meetings.toml [in_passing].
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pipeline.parse.conference.common import (
    alternation,
    lexicon,
    named_in_passing_or_to_come,
    paragraphs,
    sentence_start,
)
from pipeline.parse.conference.facts import Mention, find_mentions, is_nhwc
from pipeline.parse.conference.fallback import find_conference
from pipeline.parse.conference.meeting_dates import MeetingDate, last_date
from pipeline.parse.conference.officials import find_officials, lead_official
from pipeline.parse.conference.report import (
    DATE_MISSING,
    DATE_YEAR_INFERRED,
    meeting_location,
    printed_place,
    years_and_dates,
)
from pipeline.parse.conference.shapes import held_health_meetings
from pipeline.parse.conference.speech_titles import speech_title
from pipeline.parse.conference.types import MeetingReport, Official
from pipeline.parse.conference.years import completed_date
from pipeline.text import regions

MEETING_FROM_PLAN_TEXT = "meeting_from_plan_text"


def held_meetings(text: str) -> list[Mention]:
    """Every meeting the text names held, by a known name or by its shape, in text order, without the ones named in
    passing or to come; a shape overlapping a known name is the same meeting."""
    known = find_mentions(text)
    shaped = [m for _, m in held_health_meetings(text) if not any(m.start < k.end and k.start < m.end for k in known)]
    found = sorted(known + shaped, key=lambda m: m.start)
    return [m for m in found if not named_in_passing_or_to_come(text, m.start, m.end)]


def plan_text_meeting(
    text: str, plans: list[dict[str, Any]], published: date | None
) -> tuple[MeetingReport, int] | None:
    """(the meeting the text reports held, the index of the plan it is consistent with), the first such meeting that
    prints its date, else the first; None when the text reports none, or none consistent with a plan."""
    found = [(m, index) for m in held_meetings(text) if (index := _plan_of(m, plans)) is not None]
    speakers: list[Official] = []
    if not found and (conference := _conference_mention(text)) is not None:
        mention, speakers = conference
        found = [(mention, index)] if (index := _plan_of(mention, plans)) is not None else []
    if not found and plans and (occasion := _occasion(text, plans[0]["level"])) is not None:
        mention, speakers = occasion
        found = [(mention, 0)] if plans[0]["start"] <= mention.start < plans[0]["end"] else []
    if not found:
        return None
    mention, index = next(((m, i) for m, i in found if m.meeting_date), found[0])
    return _report(text, mention, plans[index], published, speakers), index


def _conference_mention(text: str) -> tuple[Mention, list[Official]] | None:
    """The conference the fallback names (find_conference) as a mention, with the official whose speech the text's
    title names (speech_titles.py): held in a sentence, its date the last one printed before its name there; or the
    occasion of the speech in the title (卫生部部长陈竺在2010年全国卫生工作会议上的工作报告（2010年1月5日）), its
    date the one printed right after the title."""
    conference = find_conference(text)
    if conference is None:
        return None
    title = speech_title(text)
    field = re.search(alternation(lexicon()["mention"]["fields"]), conference.name)
    if title is not None and conference.name in title.meeting:
        speakers, printed = list(title.speakers), title.meeting_date
    else:
        speakers, printed = [], _date_before(text, conference.name[field.start() if field else 0 :], conference.start)
    mention = Mention(
        name=conference.name,
        start=conference.start,
        end=conference.end,
        scope=conference.level,
        region=regions.by_code(conference.region_code) if conference.region_code else None,
        field=field.group() if field else "",
        title_year=conference.work_year,
        place=None,
        meeting_date=printed,
    )
    return mention, speakers


def _occasion(text: str, level: str) -> tuple[Mention, list[Official]] | None:
    """An official's occasion as the plan's meeting (国务院副总理孙春兰10日同…学员座谈时强调，要…): the first sentence
    in which an official of an office ([occasion] speaker) speaks on an occasion's act, else an official's visit whose
    official speaks later (蓝绍敏副省长来我委调研…。…蓝绍敏…指出); its name is the act's words,
    its date the last one printed in the sentence before the act (a dateline's: 新华社北京5月10日电), its level the
    plan's, the official its speaker."""
    rules = lexicon()["occasion"]
    found = re.compile(rules["speaker"]).search(text) or _visit(text, rules)
    if found is None:
        return None
    act_start = found.start("act")
    mention = Mention(
        name=found.group("act")[1:],
        start=act_start,
        end=found.end("act"),
        scope=level,
        region=None,
        field="",
        title_year=None,
        place=None,
        meeting_date=last_date(text[sentence_start(text, found.start(), "。！？\n") : act_start]),
    )
    speaker = Official(found.group("name"), found.group("office"), "speech", found.start("name"), found.end("name"))
    return mention, [speaker]


def _visit(text: str, rules: dict[str, Any]) -> re.Match[str] | None:
    """An official's visit (蓝绍敏副省长来我委调研…) whose official speaks later in the text (蓝绍敏…指出)."""
    for found in re.finditer(rules["visit"], text):
        speaks = rf"{re.escape(found.group('name'))}[^。！？\n]{{0,{rules['speaks_within']}}}?(?:{rules['speaks']})"
        if re.search(speaks, text[found.end() :]):
            return found
    return None


def _date_before(text: str, name: str, start: int) -> MeetingDate | None:
    """The last date printed before the meeting's name (from its field on) in its sentence, else before the first of
    its later mentions that prints one (a title line 2024年南溪县卫生健康工作会议召开, then the lead 2月20日上午，南溪县
    召开卫生健康工作会议)."""
    at = start
    while at >= 0:
        if (printed := last_date(text[sentence_start(text, at, "。\n") : at])) is not None:
            return printed
        at = text.find(name, at + len(name))
    return None


def _plan_of(mention: Mention, plans: list[dict[str, Any]]) -> int | None:
    """The first plan the meeting is consistent with: same level, same region when both name one, inside its text."""
    for index, plan in enumerate(plans):
        region = mention.region.code if mention.region else None
        if mention.scope != plan["level"] or (region and plan["region_code"] and region != plan["region_code"]):
            continue
        if plan["start"] <= mention.start < plan["end"]:
            return index
    return None


def _report(
    text: str, mention: Mention, plan: dict[str, Any], published: date | None, speakers: list[Official]
) -> MeetingReport:
    """The meeting's facts, read as the meeting parser reads them; its level, region and work year the plan's."""
    flags: list[str] = [MEETING_FROM_PLAN_TEXT]
    paragraph = next(p for p in paragraphs(text) if p.start <= mention.start <= p.end)
    work_year, start_date, end_date = years_and_dates(text, paragraph, [mention], published, flags)
    if plan["work_year"] is not None:
        work_year = plan["work_year"]
        flags = [flag for flag in flags if not flag.startswith("work_year_")]
        if start_date is None and (days := completed_date(mention.meeting_date, work_year)) is not None:
            start_date, end_date = days  # 3月15日，…召开…会议 of a plan whose year another reader found
            flags = [flag for flag in flags if flag != DATE_MISSING] + [DATE_YEAR_INFERRED]
    region_code = plan["region_code"] or (mention.region.code if mention.region else None)
    if plan["level"] != "national" and region_code is None:
        flags.append("region_unresolved")
    location = meeting_location(text, printed_place([mention]), paragraph, region_code, flags)
    officials = find_officials(text)
    officials = [*speakers, *(o for o in officials if (o.name, o.role) not in {(s.name, s.role) for s in speakers})]
    return MeetingReport(
        name=mention.name,
        scope=plan["level"],
        region_code=region_code,
        is_national_health_work_conference=is_nhwc(mention),
        work_year=work_year,
        start_date=start_date,
        end_date=end_date,
        location=location,
        lead_official=lead_official(officials),
        officials=tuple(officials),
        tasks=(),
        announced_task_count=None,
        sections=(),
        commentary=(),
        flags=tuple(flags),
    )
