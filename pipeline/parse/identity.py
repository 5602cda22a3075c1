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
* work year: pipeline.text.work_years (a directive sentence, a period's stage, the publication date).

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
from pipeline.parse.conference.common import SENTENCE_ENDS, alternation, sentence_start
from pipeline.parse.conference.places import seat_of
from pipeline.parse.statements import first_line_title, issuer_for
from pipeline.text import regions
from pipeline.text.work_years import FROM_DIRECTIVE, FROM_PERIOD, FROM_PUBLISHED, FROM_REVIEWED, text_work_year

REGION_FROM_SOURCE_LINE = "region_from_source_line"
REGION_FROM_TEXT_MENTIONS = "region_from_text_mentions"
# A parser's flags saying it looked for the region and found none (a joint meeting's has no region to find).
_UNRESOLVED = {"region_unresolved", "level_from_scope_word"}
_LOCATION_FROM_REGION = "location_from_region"
_COUNTY_SUFFIXES = set("县区市旗")


def complete_identity(text: str, plans: list[dict[str, Any]], published: date | None, source: str | None) -> None:
    """Fill each plan's unknown region and work year from the whole text (in place; see the module docstring)."""
    for plan in plans:
        flags = [flag for flag in (plan["flag"] or "").split(";") if flag]
        if plan["region_code"] is None and _UNRESOLVED & set(flags):  # never a joint or national plan's
            code, flag = region_evidence(plan["level"], text, source)
            if code is not None:
                plan["region_code"] = code
                flags = [f for f in flags if f != "region_unresolved"] + [str(flag)]
        if plan["work_year"] is None:
            year, flag = text_work_year(text, published)
            if year is not None:
                plan["work_year"] = year
                flags = [f for f in flags if f != "work_year_unknown"] + [str(flag)]
        plan["flag"] = ";".join(dict.fromkeys(flags)) or None
        plan["issuer"] = plan["issuer"] or issuer_for(
            plan["level"], plan["region_code"], plan["field"], plan["work_year"]
        )


def complete_meeting(meeting: dict[str, Any], plan: dict[str, Any]) -> None:
    """Give a meeting (a payload dict) the region and work year completed on the one plan it states, and its
    region's seat as place when it prints none (in place)."""
    if meeting.get("scope") != plan["level"]:
        return
    flags = list(meeting["flags"])
    if meeting.get("region_code") is None and plan["region_code"] is not None:
        meeting["region_code"] = plan["region_code"]
        flags = [f for f in flags if f != "region_unresolved"]
        if meeting.get("location") is None and (seat := seat_of(plan["region_code"])) is not None:
            meeting["location"] = seat
            flags.append(_LOCATION_FROM_REGION)
    if meeting.get("work_year") is None and plan["work_year"] is not None:
        meeting["work_year"] = plan["work_year"]
        flags = [f for f in flags if f != "work_year_unknown"]
    meeting["flags"] = list(dict.fromkeys(flags + [f for f in (plan["flag"] or "").split(";") if f in _INFERRED]))


_INFERRED = {REGION_FROM_SOURCE_LINE, REGION_FROM_TEXT_MENTIONS, FROM_DIRECTIVE, FROM_PERIOD, FROM_REVIEWED, FROM_PUBLISHED}


def region_evidence(level: str, text: str, source: str | None) -> tuple[str | None, str | None]:
    """(code, flag) of the one region of `level` that the source line, else the text, names; (None, None)."""
    if source and (code := _one_region(level, source, text)) is not None:
        return code, REGION_FROM_SOURCE_LINE
    if (code := _one_region(level, text, text)) is not None:
        return code, REGION_FROM_TEXT_MENTIONS
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


def _one_region(level: str, where: str, context: str) -> str | None:
    if level == regions.COUNTY:
        found = regions.find_counties(where)
        codes = {
            county.code
            for candidates, start, _ in found
            if _issuer_mention(where, start) and (county := regions.resolve_county(candidates, context))
        }
    elif level == regions.PREFECTURE:
        codes = {r.code for r, s, _ in regions.find_regions(where) if r.level == regions.PREFECTURE and _issuer_mention(where, s)}
    else:
        codes = {regions.province_of(r).code for r, s, _ in regions.find_regions(where) if _issuer_mention(where, s)}
    return codes.pop() if len(codes) == 1 else None


@cache
def _following() -> re.Pattern[str]:
    return re.compile(alternation(read_toml("identity.toml")["text_mentions"]["following_words"]))


def _issuer_mention(text: str, at: int) -> bool:
    """Whether a region named at `at` may be the issuer's: its sentence follows or reports no other body."""
    start = sentence_start(text, at)
    end = min((i for i in (text.find(c, at) for c in SENTENCE_ENDS) if i >= 0), default=len(text))
    return _following().search(text, start, end) is None
