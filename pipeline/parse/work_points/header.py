"""The header block of a work-points document: title, issuing body, 文号, signature date, work year, region.

A work-points circular usually opens with a notice (《X关于印发2025年全省卫生健康工作要点的通知》, its
文号, addressees, one paragraph, the body's name and the date), then the plan's own title line, then
the plan. Every value is read from the text; what is not stated stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.text.regions import PROVINCE, find_regions


@cache
def lexicon() -> dict[str, Any]:
    return read_toml("work_points.toml")


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


def _lines(text: str, limit: int) -> list[tuple[int, str]]:
    out, offset = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((offset + len(raw) - len(raw.lstrip()), raw.strip()))
            if len(out) >= limit:
                break
        offset += len(raw) + 1
    return out


def title_line(text: str) -> tuple[int, str, bool] | None:
    """(offset, title, is_notice) of the plan's title line.

    The plan's own title is a short line naming a work-points kind (not a sentence, not the notice);
    without one, the notice that issues the plan stands in, its 《…》 title preferred.
    """
    cfg = lexicon()["title"]
    candidates = [
        (start, line)
        for start, line in _lines(text, 10_000)
        if len(line) <= cfg["max_length"] and "。" not in line and any(kind in line for kind in cfg["kinds"])
    ]
    plain = [c for c in candidates if "通知" not in c[1] and "关于" not in c[1]]
    if plain:
        return plain[0][0], plain[0][1], False
    notices = [c for c in candidates if c[0] < _top_limit(text)]
    if not notices:
        return None
    start, line = notices[0]
    for quoted in re.finditer("《([^《》]+)》", line):
        if any(kind in quoted.group(1) for kind in cfg["kinds"]):
            return start + quoted.start(1), quoted.group(1), True
    return start, line, True


def _top_limit(text: str) -> int:
    """Offset of the end of the first `search_lines` lines: a notice is at the top of the text."""
    lines = _lines(text, lexicon()["title"]["search_lines"])
    return lines[-1][0] + 1 if lines else 0


def _issuer(text: str, head_end: int) -> str | None:
    suffixes = "|".join(sorted(lexicon()["header"]["body_suffixes"], key=len, reverse=True))
    head = text[:head_end]
    notice = re.search(rf"([\u4e00-\u9fff（）]{{2,24}}?(?:{suffixes}))关于", head)
    if notice:
        return notice.group(1)
    for _, line in _lines(head, 200):
        if re.fullmatch(rf"[\u4e00-\u9fff（）]{{2,24}}?(?:{suffixes})", line):
            return line  # the signature line
    published = re.search(rf"发布[：:]\s*([\u4e00-\u9fff]{{2,24}}?(?:{suffixes}))", head)
    return published.group(1) if published else None


def _region(issuer: str | None, title: str | None) -> tuple[str | None, str | None]:
    """(level, region code) from the issuing body, else from the title's 全省 / 全市 / 全县."""
    if issuer:
        if any(word in issuer for word in lexicon()["header"]["national_words"]):
            return "national", None
        found = find_regions(issuer)
        organ = (issuer[found[0][2] :] if found else issuer).split("卫生")[0]
        if re.search("[县旗区]$", organ):
            return "county", None  # county-level units are not in the regions table
        if found:
            region = found[0][0]
            return ("provincial" if region.level == PROVINCE else "municipal"), region.code
    for words, level in (("全国", "national"), ("全省", "provincial"), ("全区", "provincial"), ("全市", "municipal")):
        if title and words in title:
            return level, None
    if title and "全县" in title:
        return "county", None
    return None, None


def _year_of_plan(title: str) -> re.Match[str] | None:
    """The year written before the work-points kind in a title (2017 in 2016年总结和2017年工作要点)."""
    kinds = "|".join(lexicon()["title"]["kinds"])
    found = list(re.finditer(rf"((?:19|20)\d{{2}})年(?=[^年]*?(?:{kinds}))", title))
    return found[-1] if found else re.search(r"((?:19|20)\d{2})年", title)


def parse_header(text: str) -> Header | None:
    """The header of a work-points document; None when no title line names a work-points kind."""
    found = title_line(text)
    if found is None:
        return None
    start, title, is_notice = found
    cfg = lexicon()["header"]
    number = re.search(cfg["doc_number"], text[: start + len(title)])
    signed = None
    for _, line in _lines(text[:start], 200):
        match = re.match(cfg["date_line"], line)
        if match:
            signed = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    year = _year_of_plan(title) or re.search(r"((?:19|20)\d{2})年", text[:start])
    issuer = _issuer(text, start + len(title))
    level, region_code = _region(issuer, title)
    return Header(
        title=title,
        title_start=start,
        title_end=text.find("\n", start) if text.find("\n", start) >= 0 else len(text),
        is_notice=is_notice,
        issuer=issuer,
        doc_number=number.group() if number else None,
        issued_date=signed,
        work_year=int(year.group(1)) if year else None,
        level=level,
        region_code=region_code,
    )
