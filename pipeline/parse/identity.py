"""Who and when, completed from the whole text: the region and work year a genre's parser left unknown.

Each genre's parser reads a plan's region and work year from the places it knows (a meeting's name and
officials, a work-points title, a round-up header). Short reports often print them elsewhere: the page's
source line (来源：韶关日报, 来源：分宜县融媒体中心), a body's signature (包头市卫生和计划生育委员会), a year in a
directive sentence (会议要求，2019年全县…要…), the year's place in a period (今年是“十四五”开局之年) or the page's
date. `complete_identity` fills what is still unknown from that evidence, after every parser, and flags each
value it infers:

* region: the one region of the plan's level named in the source line, else the one region of that level the
  text names (a county by its full name, 分宜县, or by its short name in the title line, 伊通…; a province also
  through the cities it names);
* work year: pipeline.text.work_years (a directive sentence, a period's stage, a reviewed year), else the first year
  the title line prints that it does not review and that is no deadline (flagged work_year_from_title), else the
  publication date.

Only a region its parser flags as unresolved is looked for (a joint meeting of regions has none); one the
evidence does not single out stays unknown. The meeting a conference report's plan comes from
gets the same region and work year, and its seat as place when it prints none.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.parse.conference.common import alternation, lexicon
from pipeline.parse.conference.meeting_dates import MeetingDate
from pipeline.parse.conference.places import (
    COUNTY_LEVEL_CITY,
    UNDER_A_PREFECTURE,
    district_evidence,
    issuer_mention,
    resolved_counties,
    seat_of,
)
from pipeline.parse.conference.report import DATE_MISSING, DATE_YEAR_INFERRED
from pipeline.parse.conference.years import completed_date
from pipeline.parse.statements import first_line_title, issuer_for
from pipeline.text import regions
from pipeline.text.work_years import (
    FROM_DIRECTIVE,
    FROM_PERIOD,
    FROM_PUBLISHED,
    FROM_REVIEWED,
    FROM_SESSION,
    stated_work_year,
    text_work_year,
    title_year,
)

REGION_FROM_SOURCE_LINE = "region_from_source_line"
REGION_FROM_TEXT_MENTIONS = "region_from_text_mentions"
REGION_FROM_DIVISION_WORDS = "region_from_division_words"
WORK_YEAR_FROM_TITLE = "work_year_from_title"
# A parser's flags saying it looked for the region and found none (a joint meeting's has no region to find).
_UNRESOLVED = {"region_unresolved", "level_from_scope_word"}
_LOCATION_FROM_REGION = "location_from_region"
_COUNTY_SUFFIXES = set("县区市旗")
_MEETING_GENRES = {
    "conference_report",
    "commentary",
    "paraphrase",
    "roundup_item",
}  # their level is the meeting's (its table row points at it)


def complete_identity(text: str, plans: list[dict[str, Any]], published: date | None, source: str | None) -> None:
    """Fill each plan's unknown region and work year from the whole text (in place; see the module docstring)."""
    for plan in plans:
        flags = [flag for flag in (plan["flag"] or "").split(";") if flag]
        if (
            plan["level"] == regions.PROVINCE
            and plan["region_code"] is None
            and (district := _district_plan(text, plan))
        ):
            plan["level"], plan["issuer"] = regions.COUNTY, None  # 2024年全区卫生健康工作要点 of a city district
            flags += [district, "region_unresolved"]
        if plan["region_code"] is None and _UNRESOLVED & set(flags):  # never a joint or national plan's
            code, flag = region_evidence(plan["level"], text, source)
            if code is None and plan["level"] == regions.PREFECTURE and plan["genre"] not in _MEETING_GENRES:
                code, flag = _county_level_city(text, source)  # 2024年全市…工作要点, then 晋江市卫生健康局
                if code is not None:
                    plan["level"], plan["issuer"] = regions.COUNTY, None
                elif _follows_a_prefecture(text):  # 市卫健委…围绕…阜阳市卫健委《…任务清单》: a county-level city's
                    plan["level"], plan["issuer"] = regions.COUNTY, None
                    flags.append(UNDER_A_PREFECTURE)
            if code is not None:
                plan["region_code"] = code
                flags = [f for f in flags if f != "region_unresolved"] + [str(flag)]
        if plan["work_year"] is None:
            year, flag = stated_work_year(text, published)
            if year is None:
                year, flag = _title_year(text, published)
            if year is None:
                year, flag = text_work_year(text, published)  # the publication year, last
            if year is not None:
                plan["work_year"] = year
                flags = [f for f in flags if f != "work_year_unknown"] + [str(flag)]
        plan["flag"] = ";".join(dict.fromkeys(flags)) or None
        plan["issuer"] = plan["issuer"] or issuer_for(
            plan["level"], plan["region_code"], plan["field"], plan["work_year"]
        )


def _title_year(text: str, published: date | None) -> tuple[int | None, str | None]:
    """(year, WORK_YEAR_FROM_TITLE) of the year the title line names for its work (work_years.title_year: 宜川县组织召开
    全县2021年卫生健康工作, the body's meeting name printed without it); (None, None)."""
    year = title_year(first_line_title(text) or "", published.year + 1 if published else None)
    return (year, WORK_YEAR_FROM_TITLE) if year is not None else (None, None)


def _county_level_city(text: str, source: str | None) -> tuple[str | None, str | None]:
    """(code, flag) of the one county-level city (晋江市) that the source line (by its full or short name: 今日高邮)
    or else the text names, when neither names a region at prefecture level or above; (None, None)."""
    for where, short in ((source or "", True), (text, False)):
        if regions.find_regions(where):
            return None, None
        found = regions.find_counties(where) or (regions.find_county_names(where) if short else [])
        cities = resolved_counties(found, text, "市")
        if len(cities) == 1:
            return cities.pop(), COUNTY_LEVEL_CITY
        if found:
            return None, None
    return None, None


def _follows_a_prefecture(text: str) -> bool:
    """Whether a sentence of the text follows or carries out the work of a named prefecture-level city's body
    (围绕市委、市政府决策部署和阜阳市卫健委《…任务清单》): a 市 plan under a prefecture is a county-level city's."""
    for region, start, end in regions.find_regions(text):
        if region.level == regions.PREFECTURE and _body_after().match(text, end) and not issuer_mention(text, start, end):
            return True
    return False


@cache
def _body_after() -> re.Pattern[str]:
    return re.compile(alternation(read_toml("identity.toml")["text_mentions"]["superior_bodies"]))


def _district_plan(text: str, plan: dict[str, Any]) -> str | None:
    """Why a provincial plan titled by 全区 / 我区 with no region (2024年全区卫生健康工作要点) is a city district's
    (pipeline.parse.conference.places.district_evidence), or None."""
    title = plan.get("title") or first_line_title(text) or ""
    scope = re.search(alternation(lexicon()["meeting"]["district_scopes"]), title)
    return district_evidence(scope.group(), [], text) if scope else None


def complete_meeting(
    meeting: dict[str, Any], plan: dict[str, Any], printed: MeetingDate | None = None, text: str = ""
) -> None:
    """Give a meeting (a payload dict) the region and work year completed on the one plan it states, its region's
    seat as place when it prints none, and the days of its date printed without a year (3月15日) in that work year
    (in place)."""
    if meeting.get("scope") != plan["level"]:
        return
    flags = list(meeting["flags"])
    if meeting.get("region_code") is None and plan["region_code"] is not None:
        meeting["region_code"] = plan["region_code"]
        flags = [f for f in flags if f != "region_unresolved"]
        if meeting.get("location") is None and (seat := seat_of(plan["region_code"], text)) is not None:
            meeting["location"] = seat
            flags.append(_LOCATION_FROM_REGION)
    if meeting.get("work_year") is None and plan["work_year"] is not None:
        meeting["work_year"] = plan["work_year"]
        flags = [f for f in flags if f != "work_year_unknown"]
    if meeting.get("start_date") is None and (days := completed_date(printed, meeting.get("work_year"))) is not None:
        meeting["start_date"], meeting["end_date"] = days[0].isoformat(), days[1].isoformat()
        flags = [f for f in flags if f != DATE_MISSING] + [DATE_YEAR_INFERRED]
    meeting["flags"] = list(dict.fromkeys(flags + [f for f in (plan["flag"] or "").split(";") if f in _INFERRED]))


_INFERRED = {
    WORK_YEAR_FROM_TITLE,
    REGION_FROM_SOURCE_LINE,
    REGION_FROM_TEXT_MENTIONS,
    FROM_DIRECTIVE,
    FROM_SESSION,
    FROM_PERIOD,
    FROM_REVIEWED,
    FROM_PUBLISHED,
}


def region_evidence(level: str, text: str, source: str | None) -> tuple[str | None, str | None]:
    """(code, flag) of the one region of `level` that the source line, else the text, names; (None, None)."""
    if source and (code := _one_region(level, source, text)) is not None:
        return code, REGION_FROM_SOURCE_LINE
    if (code := _one_region(level, text, text)) is not None:
        return code, REGION_FROM_TEXT_MENTIONS
    if level == regions.PROVINCE and not regions.find_regions(text) and (code := _division_province(text)):
        return code, REGION_FROM_DIVISION_WORDS  # 各盟市卫生局: only Inner Mongolia has 盟
    if level == regions.COUNTY and (title := first_line_title(text)) is not None:
        # a title names its county by its short name (伊通深化乡村医疗卫生改革): a title is no running text
        found = {
            county.code
            for counties, _, end in regions.find_county_names(title)
            if title[end : end + 1] not in _COUNTY_SUFFIXES  # 南溪县 printed, 南溪区 in the table: another name
            and (county := regions.resolve_county(counties, text))
        }
        if len(found) == 1:
            return found.pop(), REGION_FROM_TEXT_MENTIONS
    return None, None


@cache
def _division_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(province code, regex of its own kinds of division) from identity.toml [division_words], read once."""
    return tuple((code, re.compile(pattern)) for code, pattern in read_toml("identity.toml")["division_words"].items())


def _division_province(text: str) -> str | None:
    """The one province whose own kinds of division the text names (identity.toml [division_words]), or None."""
    codes = {code for code, pattern in _division_words() if pattern.search(text)}
    return codes.pop() if len(codes) == 1 else None


def _one_region(level: str, where: str, context: str) -> str | None:
    if level == regions.COUNTY:
        found = regions.find_counties(where)
        codes = {
            county.code
            for candidates, start, end in found
            if issuer_mention(where, start, end) and (county := regions.resolve_county(candidates, context))
        }
    elif level == regions.PREFECTURE:
        codes = {
            r.code
            for r, s, e in regions.find_regions(where)
            if r.level == regions.PREFECTURE and issuer_mention(where, s, e)
        }
    else:
        codes = {regions.province_of(r).code for r, s, e in regions.find_regions(where) if issuer_mention(where, s, e)}
    return codes.pop() if len(codes) == 1 else None


