"""Parse a round-up of provincial work plans ("2025年各地卫健委工作计划汇总") into sections and measures.

Input is the cleaned text of pipeline.text.clean (one paragraph per line, full-width punctuation);
every offset returned points into that text. A round-up is a run of province sections:

    <province>：<headline>            header line; the headline may instead be on the next line
    2025年，X省卫生健康系统将…：         intro paragraph (the first paragraph of the section)
    一、<group>                         optional group lines (numbered, colon-less or "<group>：")
    <heading>：<body>                   headed items: the measures
    X省卫生健康系统将以更加饱满的…。     optional closing paragraph (not a measure)

The first section may lack a header line; its province is then inferred from the first province
named in its intro (flag "no_section_header"). The same inference splits a section when an
intro-like paragraph ("2025年，…") naming another province follows items without a header.
Prose between two items of the same group continues the earlier item (flag "continued").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.parse.lists.rules import directive_at
from pipeline.parse.roundup.lines import (
    MARKER,
    MAX_HEADING,
    MAX_HEADLINE,
    NUMBER_MARKER,
    YEAR_LED,
    Item,
    Line,
    alternation,
    group_heading,
    is_headline,
    is_lead_in,
    lexicon,
    match_item,
    split_lines,
)
from pipeline.text.regions import PROVINCE, Region, find_regions, lookup

MIN_SECTIONS = 3

_YEAR = re.compile(r"((?:19|20)\d{2})年")
_ORG_SUFFIX = f"(?:{alternation(lexicon()['items']['body_suffixes'])})"
# "<province>：<rest>", "【<province>】<rest>" or a line holding only the province's name.
_HEADER = re.compile(
    rf"^(?:{MARKER})?[【\[]?(?P<name>[^：:【】\[\]]{{2,12}}?){_ORG_SUFFIX}?(?:[：:】\]](?P<rest>.*))?$"
)
_QUOTED = re.compile("“([^“”]{1,20})”")
# An announced group is a count phrase: “十大重点任务”, “三大体系”, “六项原则”.
_COUNT_PHRASE = re.compile(r"^[一二三四五六七八九十两百\d]+[大项个条点件类]")


@dataclass(frozen=True)
class Measure:
    """One headed item ("<heading>：<body>") of a province section."""

    ordinal: int  # 1..n within the province section, in text order
    group_heading: str | None  # the group the item belongs to, e.g. "一、优化医疗资源布局，提升基层服务能力"
    heading: str  # text before the heading colon
    start: int  # body offsets (after the colon); text[start:end] is the measure text
    end: int
    heading_start: int
    heading_end: int
    flag: str | None  # why uncertain, else None


@dataclass(frozen=True)
class ProvinceSection:
    """One province's plan in a round-up."""

    region: Region  # provincial-level unit
    plan_year: int | None
    headline: str | None  # the section's slogan title, as in the cleaned text
    headline_start: int | None
    headline_end: int | None
    intro_start: int  # the section's opening paragraph (an empty span when there is none)
    intro_end: int
    section_start: int
    section_end: int
    measures: tuple[Measure, ...]
    flag: str | None  # e.g. "no_section_header" when the province was inferred from the text


@dataclass(frozen=True)
class _Segment:
    """Where one section lies, in line indexes, before its body is parsed."""

    region: Region
    first: int  # first line of the section (header line or intro)
    body: int  # first line after the header and headline
    stop: int  # line index after the section
    headline: tuple[int, int] | None = None
    inline_intro: tuple[int, int] | None = None  # intro written on the header line after the colon
    intro_line: int | None = None  # known intro line (implicit sections)
    flag: str | None = None


def _header_region(match: re.Match[str] | None) -> Region | None:
    """The provincial-level unit a header match names, if any."""
    region = lookup(match["name"]) if match else None
    return region if region is not None and region.level == PROVINCE else None


def _match_header(lines: list[Line], index: int) -> _Segment | None:
    """A section header "<province>：<headline>" (headline possibly on the next line)."""
    line = lines[index]
    match = _HEADER.match(line.text)
    region = _header_region(match)
    if match is None or region is None:
        return None
    rest = (match["rest"] or "").strip()
    segment = _Segment(region, index, index + 1, index + 1)
    if rest:
        rest_start = line.start + match.start("rest") + (len(match["rest"]) - len(match["rest"].lstrip()))
        span = (rest_start, rest_start + len(rest))
        if is_headline(Line(*span, rest)):
            return replace(segment, headline=span)
        return replace(segment, inline_intro=span)
    next_is_header = index + 1 < len(lines) and _header_region(_HEADER.match(lines[index + 1].text))
    if index + 1 < len(lines) and not next_is_header and is_headline(lines[index + 1]):
        next_line = lines[index + 1]
        return replace(segment, body=index + 2, headline=(next_line.start, next_line.end))
    return segment


# ---------------------------------------------------------------------------------------------
# Sections


def _first_item(lines: list[Line], lo: int, hi: int) -> int | None:
    return next((i for i in range(lo, hi) if match_item(lines[i])), None)


def _first_province(text: str, start: int, end: int) -> Region | None:
    found = find_regions(text, start, end, levels={PROVINCE})
    return found[0][0] if found else None


def _opening_before(lines: list[Line], lo: int, item: int) -> tuple[int | None, int]:
    """The intro paragraph (if any) and first line of the block that opens with the item at `item`.

    Group lines and lead-in lines directly above the item belong to the block; the prose paragraph
    above them is the intro.
    """
    index = item - 1
    while index >= lo and (group_heading(lines, index) is not None or is_lead_in(lines[index])):
        index -= 1
    if index < lo or match_item(lines[index]):
        return None, index + 1
    line = lines[index]
    is_prose = bool(re.search("[。，；：]", line.text)) or len(line.text) > MAX_HEADLINE
    if is_prose or YEAR_LED.match(line.text):
        return index, index
    return None, index + 1


def _headerless_segment(text: str, lines: list[Line], lo: int, hi: int) -> _Segment | None:
    """The section at the start of the text that has no header line (province inferred)."""
    item = _first_item(lines, lo, hi)
    if item is None:
        return None
    intro, first = _opening_before(lines, lo, item)
    region = None
    if intro is not None:
        region = _first_province(text, lines[intro].start, lines[intro].end)
    if region is None:
        region = _first_province(text, lines[first].start, lines[hi - 1].end)
    if region is None:
        return None
    return _Segment(region, first, first, hi, intro_line=intro, flag="no_section_header")


def _implicit_split(text: str, lines: list[Line], segment: _Segment) -> list[_Segment]:
    """Split a segment where a dated intro naming another province follows items, with no header."""
    seen_item = False
    for index in range(segment.body, segment.stop):
        line = lines[index]
        if match_item(line):
            seen_item = True
            continue
        if not seen_item or not YEAR_LED.match(line.text) or _match_item_after(lines, index, segment.stop) is None:
            continue
        region = _first_province(text, line.start, line.end)
        if region is not None and region != segment.region:
            head = replace(segment, stop=index)
            tail = _Segment(region, index, index, segment.stop, intro_line=index, flag="no_section_header")
            return [head, *_implicit_split(text, lines, tail)]
    return [segment]


def _match_item_after(lines: list[Line], index: int, stop: int) -> int | None:
    """The next line after `index` (past group lines) if it is an item."""
    nxt = index + 1
    while nxt < stop and group_heading(lines, nxt) is not None and not match_item(lines[nxt]):
        nxt += 1
    return nxt if nxt < stop and match_item(lines[nxt]) else None


def _segments(text: str, lines: list[Line]) -> list[_Segment]:
    headers = [seg for i in range(len(lines)) if (seg := _match_header(lines, i))]
    segments: list[_Segment] = []
    first_header = headers[0].first if headers else len(lines)
    if first_header > 0 and (opening := _headerless_segment(text, lines, 0, first_header)):
        segments.append(opening)
    for position, header in enumerate(headers):
        stop = headers[position + 1].first if position + 1 < len(headers) else len(lines)
        segments.append(replace(header, stop=stop))
    return [part for seg in segments for part in _implicit_split(text, lines, seg)]


# ---------------------------------------------------------------------------------------------
# Section bodies


def _intro_index(lines: list[Line], segment: _Segment) -> int | None:
    """The line index of the section's intro paragraph, if it has one on its own line."""
    if segment.intro_line is not None or segment.inline_intro is not None:
        return segment.intro_line
    if segment.body >= segment.stop:
        return None
    index = segment.body
    if match_item(lines[index]) or group_heading(lines, index) is not None:
        return None
    return index


def _announced_groups(text: str, intro: tuple[int, int]) -> list[str]:
    """Quoted count phrases the intro announces, e.g. ["十大攻坚突破", "十大重点任务"]."""
    return [name for name in _QUOTED.findall(text[intro[0] : intro[1]]) if _COUNT_PHRASE.match(name)]


def _normalise_group(heading: str) -> str:
    heading = NUMBER_MARKER.sub("", heading)
    return re.sub("[“”‘’：:]", "", heading)


def _backfill_group(measures: list[Measure], group: str, announced: list[str]) -> list[Measure]:
    """Items before the first explicit group get the announced group preceding the one it matches."""
    if not measures or any(m.group_heading for m in measures):
        return measures
    name = _normalise_group(group)
    for position, announced_name in enumerate(announced[1:], start=1):
        if announced_name in name:
            return [replace(m, group_heading=announced[position - 1]) for m in measures]
    return measures


def _measure(item: Item, text: str, ordinal: int, group: str | None) -> Measure:
    heading = text[item.heading_start : item.heading_end]
    flags = []
    if len(heading) > MAX_HEADING:
        flags.append("long_heading")
    if heading.count("“") != heading.count("”"):
        flags.append("unbalanced_quote")
    return Measure(
        ordinal,
        group,
        heading,
        item.body_start,
        item.body_end,
        item.heading_start,
        item.heading_end,
        ";".join(flags) or None,
    )


def _continue(measure: Measure, line: Line) -> Measure:
    flags = [f for f in (measure.flag, "continued") if f]
    return replace(measure, end=line.end, flag=";".join(dict.fromkeys(flags)))


def _parse_measures(text: str, lines: list[Line], lo: int, hi: int, announced: list[str]) -> tuple[Measure, ...]:
    measures: list[Measure] = []
    group: str | None = None
    pending: list[Line] = []  # prose after the latest item, kept until we know an item follows
    for index in range(lo, hi):
        line = lines[index]
        if item := match_item(line):
            if measures and pending and measures[-1].group_heading == group:
                for extra in pending:
                    measures[-1] = _continue(measures[-1], extra)
            pending = []
            measures.append(_measure(item, text, len(measures) + 1, group))
        elif (heading := group_heading(lines, index)) is not None:
            measures = _backfill_group(measures, heading, announced) if group is None else measures
            group, pending = heading, []
        elif measures:
            pending.append(line)
    return tuple(measures)


def _intro_span(lines: list[Line], segment: _Segment, intro_index: int | None) -> tuple[int, int]:
    """The intro's offsets; an empty span where the body starts when the section has no intro."""
    if segment.inline_intro is not None:
        return segment.inline_intro
    if intro_index is not None:
        return lines[intro_index].start, lines[intro_index].end
    position = lines[segment.body].start if segment.body < segment.stop else lines[segment.stop - 1].end
    return position, position


def _section(text: str, lines: list[Line], segment: _Segment, default_year: int | None) -> ProvinceSection:
    intro_index = _intro_index(lines, segment)
    intro = _intro_span(lines, segment, intro_index)
    body = intro_index + 1 if intro_index is not None else segment.body
    measures = _parse_measures(text, lines, body, segment.stop, _announced_groups(text, intro))
    year = _YEAR.search(text, intro[0], intro[1])
    headline = segment.headline
    flags = [segment.flag] if segment.flag else []
    if not measures:
        flags.append("no_measures")
    return ProvinceSection(
        region=segment.region,
        plan_year=int(year.group(1)) if year else default_year,
        headline=text[headline[0] : headline[1]] if headline else None,
        headline_start=headline[0] if headline else None,
        headline_end=headline[1] if headline else None,
        intro_start=intro[0],
        intro_end=intro[1],
        section_start=lines[segment.first].start,
        section_end=lines[segment.stop - 1].end,
        measures=measures,
        flag=";".join(flags) or None,
    )


def _mark_duplicates(sections: list[ProvinceSection]) -> list[ProvinceSection]:
    seen: set[str] = set()
    out: list[ProvinceSection] = []
    for section in sections:
        if section.region.code in seen:
            flags = [f for f in (section.flag, "duplicate_province") if f]
            section = replace(section, flag=";".join(flags))
        seen.add(section.region.code)
        out.append(section)
    return out


def parse_roundup(text: str, default_year: int | None = None) -> list[ProvinceSection]:
    """Split a cleaned round-up into province sections with their measures.

    Returns [] when the text is not a round-up: fewer than MIN_SECTIONS province sections with a
    headline, measures, or measures in prose after the header (北京：推进…，新建…; 【江苏】…).
    """
    lines = split_lines(text)
    sections = [_section(text, lines, seg, default_year) for seg in _segments(text, lines)]
    if (
        sum(1 for section in sections if section.measures or section.headline or _prose_intro(text, section))
        < MIN_SECTIONS
    ):
        return []
    return _mark_duplicates(sections)


def _prose_intro(text: str, section: ProvinceSection) -> bool:
    """Whether the section opens with measures in prose: a directive verb leads its intro, which holds more
    than one clause (推进…，新建…); a one-clause report (新增病例3例。) is no plan."""
    start, end = section.intro_start, section.intro_end
    return re.search("[，,；;]", text[start:end]) is not None and directive_at(text, start, end) is not None
