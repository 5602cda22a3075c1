"""The header block of a work-points document: title, issuing body, 文号, signature date, work year, region.

A work-points circular usually opens with a notice (《X关于印发2025年全省卫生健康工作要点的通知》, its
文号, addressees, one paragraph, the body's name and the date), then the plan's own title line, then
the plan. Every value is read from the text; what is not stated stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from pipeline.parse.statements import LEVEL_FROM_SCOPE_WORD, first_scope_level
from pipeline.parse.work_points.issuer import (
    level_from_body,
    level_from_title,
    lexicon,
    year_from_metadata,
    year_of_range,
)
from pipeline.text import regions

LEVEL_FROM_DOC_NUMBER = "level_from_doc_number"
LEVEL_FROM_TEXT = "level_from_text"
PLAN_TITLE_MISSING = "plan_title_missing"
PLAN_FROM_PREAMBLE = "plan_from_preamble"
_SPAN_AFTER_TITLE = re.compile(r"\s*[（(](?:19|20)\d{2}\s*[—–\-－~～至到]\s*(?:19|20)\d{2}\s*年?[）)]$")


@dataclass(frozen=True)
class Header:
    """What the header block states (offsets into the cleaned text)."""

    title: str | None
    title_start: int | None
    title_end: int | None  # the plan starts after the title line
    is_notice: bool  # the title is the notice's (the plan's own title line was not found)
    issuer: str | None
    doc_number: str | None
    issued_date: date | None
    work_year: int | None
    level: str | None
    region_code: str | None
    flags: tuple[str, ...] = ()  # what had to be inferred (region_from_text, work_year_from_date)


def top_lines(text: str, limit: int) -> list[tuple[int, str]]:
    out, offset = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((offset + len(raw) - len(raw.lstrip()), raw.strip()))
            if len(out) >= limit:
                break
        offset += len(raw) + 1
    return out


@lru_cache(maxsize=4)  # asked for the same text by the work-points reader and by the summary reader
def title_line(text: str) -> tuple[int, str, bool] | None:
    """(offset, title, is_notice) of the plan's title line.

    The plan's own title is a short line naming a work-points kind (not a sentence, not the notice, not a lead
    that ends on a colon: 《…工作要点》全文如下：);
    without one, the notice that issues the plan stands in, its 《…》 title preferred.
    """
    cfg = lexicon()["title"]
    candidates = [
        (start, line)
        for start, line in top_lines(text, 10_000)
        if len(line) <= (cfg["notice_max_length"] if "通知" in line else cfg["max_length"])
        and "。" not in line
        and any(kind in line for kind in cfg["kinds"])
    ]
    plain = [c for c in candidates if "通知" not in c[1] and "关于" not in c[1] and not c[1].endswith(("：", ":"))]
    if plain:
        start, line = plain[0]
        if attachment := re.match(cfg["attachment_prefix"], line):  # 附件：2009年…工作要点 names the plan
            return start + attachment.end(), line[attachment.end() :], False
        return (*_with_first_half(text, start, line), False)
    notices = [c for c in candidates if c[0] < _top_limit(text)]
    if not notices:
        return None
    start, line = notices[0]
    for quoted in re.finditer("《([^《》]+)》", line):
        if any(kind in quoted.group(1) for kind in cfg["kinds"]):
            return start + quoted.start(1), quoted.group(1), True
    return start, line, True


def _with_first_half(text: str, start: int, line: str) -> tuple[int, str]:
    """A title broken over two lines (海南州全面推进…医疗卫生 / 共同体建设实施方案): (start of the first line,
    both lines joined). The line before counts when it is short, names no kind, and is no sentence, notice
    or metadata line."""
    before = text[:start].rstrip("\n")
    previous = before[before.rfind("\n") + 1 :].strip()
    cfg = lexicon()["title"]
    if (
        not previous
        or len(previous) + len(line) > cfg["max_length"]
        or any(kind in previous for kind in cfg["kinds"])
        or re.search(r"[。；！？：:|｜]|通知|关于|(?:19|20)\d{2}[-/年]\d", previous)
        or previous[-1] in "，、）)"
    ):
        return start, line
    return text.rfind(previous, 0, start), previous + line


def _top_limit(text: str) -> int:
    """Offset of the end of the first `search_lines` lines: a notice is at the top of the text."""
    lines = top_lines(text, lexicon()["title"]["search_lines"])
    return lines[-1][0] + 1 if lines else 0


def _issuer(text: str, head_end: int, title: str) -> str | None:
    suffixes = "|".join(sorted(lexicon()["header"]["body_suffixes"], key=len, reverse=True))
    head = text[:head_end]
    notice = re.search(rf"([\u4e00-\u9fff（）]{{0,24}}?(?:{suffixes}))关于", head)
    if notice:
        return notice.group(1)
    for _, line in top_lines(head, 200):
        if re.fullmatch(rf"[\u4e00-\u9fff（）]{{2,24}}?(?:{suffixes})", line):
            return line  # the signature line
    published = re.search(rf"发布(?:机构|单位)?[：:][\s|]*([\u4e00-\u9fff]{{2,24}}?(?:{suffixes}))", head)
    if published:
        return published.group(1)
    issued = re.search(lexicon()["header"]["issued_by"].replace("{body}", suffixes), head)
    if issued:
        return re.sub(f"^(?:{'|'.join(lexicon()['header']['time_words'])})", "", issued.group("body"))
    titled = re.match(rf"([\u4e00-\u9fff（）]{{0,24}}?(?:{suffixes}))(?=[：:]?\s*(?:19|20)\d{{2}}年)", title)
    return titled.group(1) if titled else None  # 市卫生健康委2024年工作思路, 卫生部：2012年…: the body heads its title


def _region(
    issuer: str | None, title: str | None, number: str | None, text: str, flags: list[str]
) -> tuple[str | None, str | None]:
    """(level, region code) from the issuing body, else from the title (pipeline.parse.work_points.issuer),
    else national when the 文号 is a national body's (国卫办发〔2024〕3号; flag level_from_doc_number), else the
    level of the first scope word of the text (全市, 全县; flag level_from_scope_word) — but a county's when the text
    names one county and says a higher scope word only once (全省妇幼保健年: flag level_from_text)."""
    if issuer:
        level, code = level_from_body(issuer, lexicon()["header"]["national_words"])
        if level is not None:
            return level, code
    level, code = level_from_title(title, text, flags) if title else (None, None)
    if level is None and number and number.startswith(tuple(lexicon()["header"]["national_doc_number_prefixes"])):
        flags.append(LEVEL_FROM_DOC_NUMBER)
        return "national", None
    counties = {c[0].code for c, _, _ in regions.find_counties(text) if len(c) == 1}
    if level is None and (scope := first_scope_level(text, lexicon()["header"]["body_scope_levels"])):
        if len(counties) == 1 and scope != "county" and _said_once(text, scope):
            # 更是全省妇幼保健年，还是船山区…试点: a county's plan naming a province's year
            flags.append(LEVEL_FROM_TEXT)
            return "county", counties.pop()
        flags.append(LEVEL_FROM_SCOPE_WORD)
        return scope, None
    cfg = lexicon()["header"]
    if level is None and cfg["district_scope"] in text and not any(n in text for n in cfg["autonomous_region_names"]):
        flags.append(LEVEL_FROM_SCOPE_WORD)  # 提高全区居民健康素质, in a text of no autonomous region: a district's
        return "county", None
    if level is None and len(counties) == 1:
        flags.append(LEVEL_FROM_TEXT)  # 某卫生局工作计划 whose text names 船山区 and no other county: that county's
        return "county", counties.pop()
    return level, code


def _said_once(text: str, level: str) -> bool:
    """Whether the scope words of `level` (全省, 我省) occur once in the text: a higher body's campaign or meeting named
    in passing, not the plan's own scope."""
    words = [word for word, of in lexicon()["header"]["body_scope_levels"].items() if of == level]
    return sum(text.count(word) for word in words) == 1


def _year_of_plan(title: str) -> re.Match[str] | None:
    """The year written before the work-points kind in a title (2017 in 2016年总结和2017年工作要点); not a horizon
    (到2035年, 2035年远景目标: the year the plan aims at)."""
    kinds = "|".join(lexicon()["title"]["kinds"])
    work_year = lexicon()["title"]["work_year"]
    found = list(re.finditer(rf"{work_year}(?=[^年]*?(?:{kinds}))", title))
    return found[-1] if found else re.search(work_year, title)


def parse_header(text: str) -> Header | None:
    """The header of a work-points document; None when no title line names a work-points kind."""
    found = title_line(text)
    if found is None:
        return None
    return header_for_title(text, *found)


def opening_header(text: str) -> Header | None:
    """The header of a work-points text printed without its title, read from its opening's head (2021年全省卫生健康
    工作的总体要求是：… gives 2021 and 全省); None when the first line is no such opening. The plan starts there."""
    lines = top_lines(text, 1)
    found = re.match(lexicon()["title"]["headless_opening"], lines[0][1]) if lines else None
    if found is None:
        return None
    start = lines[0][0]
    header = header_for_title(text, start, found.group("head"), False)
    return replace(header, title=None, title_end=start, flags=(*header.flags, PLAN_TITLE_MISSING))


def preamble_header(text: str) -> Header | None:
    """The header of a plan document read from its preamble, the sentence in which it names itself (…结合我县实际，
    特制定本方案。), when no title line names a work-points kind: the title is the short line right before that
    paragraph when it ends on a plan noun (思南县2014年新型农村合作医疗统筹补偿方案), else the name the preamble
    gives (特制定磐安县卫生事业发展“十一五”规划), else none (flag plan_title_missing). The plan starts after the
    preamble's paragraph (flag plan_from_preamble); None when no line of the top block is such a preamble."""
    cfg = lexicon()["title"]
    lines = top_lines(text, cfg["search_lines"])
    for index, (start, line) in enumerate(lines):
        found = re.search(cfg["preamble"], line)
        if found is None:
            continue
        previous = _title_above(lines[:index])
        if previous is not None:
            title_start, title = previous
        elif found.group("name"):
            title_start, title = start + found.start("name"), found.group("name")
        else:
            title_start, title = start, ""
        header = header_for_title(text, title_start, title, False)
        flags = (*header.flags, PLAN_FROM_PREAMBLE, *(() if title else (PLAN_TITLE_MISSING,)))
        return replace(header, title=title or None, title_end=start + len(line), flags=flags)
    return None


def _title_above(lines: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The plan title among the lines right above a preamble: the nearest that is one, over short lines of page
    furniture (访问量:, 发布时间：2017-05-04), at most `preamble_title_lines` lines up; none past a sentence."""
    for start, line in reversed(lines[-lexicon()["title"]["preamble_title_lines"] :]):
        if _is_plan_title(line):
            return start, line
        if "。" in line:
            return None
    return None


def _is_plan_title(line: str) -> bool:
    """A short line, no sentence, that ends on a plan noun (…补偿方案, …发展规划), maybe before the years it spans
    (…服务体系规划(2017-2020年))."""
    cfg = lexicon()["title"]
    core = _SPAN_AFTER_TITLE.sub("", line)
    return len(line) <= cfg["max_length"] and "。" not in line and core.endswith(tuple(cfg["plan_nouns"]))


def header_for_title(text: str, start: int, title: str, is_notice: bool) -> Header:
    """What the header block states around the title line at `start`."""
    cfg = lexicon()["header"]
    number = re.search(cfg["doc_number"], text[: start + len(title)])
    signed = None
    for _, line in top_lines(text[:start], 200):
        match = re.match(cfg["date_line"], line)
        if match:
            signed = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    flags: list[str] = []
    found_year = _year_of_plan(title) or re.search(lexicon()["title"]["work_year"], text[:start])
    work_year = year_of_range(title) or (int(found_year.group(1)) if found_year else None)
    if work_year is None:
        work_year = year_from_metadata(text[:start], flags)
    issuer = _issuer(text, start + len(title), title)
    level, region_code = _region(issuer, title, number.group() if number else None, text, flags)
    return Header(
        title=title,
        title_start=start,
        title_end=text.find("\n", start + len(title)) if text.find("\n", start + len(title)) >= 0 else len(text),
        is_notice=is_notice,
        issuer=issuer,
        doc_number=number.group() if number else None,
        issued_date=signed,
        work_year=work_year,
        level=level,
        region_code=region_code,
        flags=tuple(flags),
    )
