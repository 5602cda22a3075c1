"""Who states a plan read from prose (pipeline.parse.announced, deploy, combined, digest, evidence): its level and
region from the text's words.

Level: national when the text names a national body or event, no local region and no local scope word (全市, 我省);
else, when no region is named, the level of the body the cue's sentence names by a bare word (区卫生健康局将…), else
the first scope word's that ranks nothing (not 位居全省前列; flagged level_from_scope_word); else the one county the
text names (when its scope word allows it, or when it names that county again and again and the cue's sentence prints
no scope of its own: 嘉定区…嘉定区…嘉定区 past 全国和全市的先进集体受到表彰), else the one province or city the text's
regions lie in (flagged level_from_text), or, when they lie in several, the one the title names (flagged
region_from_title); with neither, national when it names national work (健康中国行动, 国家医学中心: flagged
level_national_from_words), else provincial is assumed (flagged level_unknown). Words: pipeline/data/announced_plans.toml.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.parse.conference.common import sentence_start
from pipeline.parse.statements import LEVEL_FROM_SCOPE_WORD, MAX_TITLE_CHARS, first_scope_level
from pipeline.text.regions import PROVINCE, Region, find_counties, find_regions

LEVEL_FROM_TEXT = "level_from_text"
LEVEL_UNKNOWN = "level_unknown"
LEVEL_NATIONAL_FROM_WORDS = "level_national_from_words"
REGION_FROM_TITLE = "region_from_title"
CUE_SENTENCE_ENDS = "。\n"  # a cue's sentence: 。 or a line break, not ！？ (a speaker's words run on)


@cache
def lexicon() -> dict[str, Any]:
    """The words of plans stated outside a meeting report (pipeline/data/announced_plans.toml), read once for every
    reader of such plans (announced, combined, digest, evidence, deploy import it through pipeline.parse.announced)."""
    return read_toml("announced_plans.toml")


@cache
def _metadata() -> re.Pattern[str]:
    """A line of page furniture (来源, 发布日期…): one of the lexicon's metadata words."""
    return re.compile("|".join(map(re.escape, lexicon()["metadata_words"])))


def cue_level_and_region(text: str, cue: re.Match[str] | None, flags: list[str]) -> tuple[str, str | None]:
    """The level and region of a plan whose cue (None: none) the text prints: the region its sentence names before
    the cue, national for a national body there, else from the whole text (level_and_region; flags appended)."""
    return (
        _cue_region(text, cue)
        or _national_cue(text, cue)
        or level_and_region(text, flags, bare_body_level(text, cue), cue_sentence(text, cue))
    )


def _cue_region(text: str, cue: re.Match[str] | None) -> tuple[str, str | None] | None:
    """The level and region of the one region a cue names as its subject (2024年，黄冈市将…)."""
    found = find_regions(text, cue.start(), cue.end()) if cue else []
    if len(found) != 1:
        return None
    region = found[0][0]
    return region.level, region.code  # find_regions looks for provinces and prefectures only


def _national_cue(text: str, cue: re.Match[str] | None) -> tuple[str, None] | None:
    """National when the cue's own sentence names a national body as the subject (下一步，国家卫生健康委将…),
    whatever places the rest of the page names (a related-news list, a dateline)."""
    if cue is None:
        return None
    before = text[sentence_start(text, cue.start(), CUE_SENTENCE_ENDS) : cue.end()]
    return ("national", None) if any(word in before for word in lexicon()["national_bodies"]) else None


def cue_sentence(text: str, cue: re.Match[str] | None) -> str | None:
    """The words of the cue's sentence up to the end of the cue, or None without a cue."""
    return text[sentence_start(text, cue.start(), CUE_SENTENCE_ENDS) : cue.end()] if cue else None


def bare_body_level(text: str, cue: re.Match[str] | None) -> str | None:
    """The level of a health body the cue's sentence names by a bare administrative word before the cue
    (省卫生健康委将… → provincial; 2023年，市卫生健康委将…重点做好以下工作： → municipal)."""
    if cue is None:
        return None
    found = re.search(lexicon()["bare_body"], text[sentence_start(text, cue.start(), CUE_SENTENCE_ENDS) : cue.end()])
    return lexicon()["bare_body_levels"].get(found.group(1)) if found else None


def _bare_congress_level(text: str) -> str | None:
    """The level of a local congress or government work report named with no place (市十七届人大三次会议)."""
    found = re.search(lexicon()["bare_congress"], text)
    return lexicon()["bare_body_levels"][found.group(1)] if found else None


def level_and_region(
    text: str, flags: list[str], body_level: str | None = None, cue_sentence: str | None = None
) -> tuple[str, str | None]:
    """Regions are read in the text's sentences, not in its metadata lines (发布机构: 河北镇). A cue's body named
    by a bare word (省卫生健康委) gives the level: the region is the one province (or city) of the text's. The one
    county a text names again and again is its issuer even past a wider scope word printed elsewhere, not in the
    cue's sentence (`cue_sentence`; 全国和全市的先进集体受到表彰)."""
    prose = "\n".join(line for line in text.split("\n") if not _metadata().search(line))
    locative = tuple(lexicon()["locative_before_place"])
    datelines = [m.span() for pattern in lexicon()["datelines"] for m in re.finditer(pattern, prose)]
    datelines += [m.span() for pattern in lexicon()["addressees"] for m in re.finditer(pattern, prose)]  # 各省、自治区…
    named = [
        found
        for found in find_regions(prose)
        if not prose[: found[1]].endswith(locative)  # 在北京…开幕
        and not any(start <= found[1] < end for start, end in datelines)  # 人民网成都1月24日电, 记者…济南报道
    ]
    counties = [c for c, start, _ in find_counties(prose) if len(c) == 1 and not prose[:start].endswith(locative)]
    scope = body_level or first_scope_level(prose, lexicon()["scope_levels"]) or _bare_congress_level(prose)
    national = [*lexicon()["national_bodies"], *lexicon()["national_words"]]
    if scope is None and any(word in text for word in national) and not named and not counties:
        return "national", None
    if scope is not None and not named and not counties:
        flags.append(LEVEL_FROM_SCOPE_WORD)
        return scope, None
    if not named and not counties and scope is None and any(word in text for word in lexicon()["national_scope_words"]):
        flags.append(LEVEL_NATIONAL_FROM_WORDS)  # 一是…推进国家医学中心建设…扎实推进健康中国行动, and no place
        return "national", None
    if not named and not counties:
        flags.append(LEVEL_UNKNOWN)
        return "provincial", None
    flags.append(LEVEL_FROM_TEXT)
    county = _one_county(named, counties)
    if county is not None and (scope in (None, "county") or _county_subject(counties, cue_sentence)):
        return "county", county  # 宁化县新闻中心 … 县卫生局局长…: a county's text names its own county
    provinces = {region.province_code for region, _, _ in named} | {c[0].province_code for c in counties}
    if len(provinces) > 1 and (titled := _title_region(text)) is not None:
        flags.append(REGION_FROM_TITLE)  # 2024年新疆加快健康新疆建设, then a broadcaster 兵团广播电视台
        return titled
    if len(provinces) == 1:
        province = provinces.pop()
        cities = {r.code for r, _, _ in named if r.level != PROVINCE} | {c[0].prefecture_code for c in counties}
        if body_level == "provincial":
            return "provincial", province  # 省卫生健康委将…, in a text that also names its capital
        if len(cities) == 1 and None not in cities and not counties:
            return "municipal", cities.pop()
        return "provincial", province
    return "provincial", None


def _county_subject(counties: list[tuple[Region, ...]], cue_sentence: str | None) -> bool:
    """Whether the one county named (`counties`, its mentions) is named often enough to be the text's subject and the
    cue's sentence (None: unknown) prints no scope word of its own (2019年，全省卫生健康系统将…)."""
    if cue_sentence is None or first_scope_level(cue_sentence, lexicon()["scope_levels"]) is not None:
        return False
    return len(counties) >= lexicon()["county_subject_mentions"]


def _one_county(named: list[tuple[Region, int, int]], counties: list[tuple[Region, ...]]) -> str | None:
    """The code of the one county the text names, when every other region it names is one of its superiors."""
    codes = {candidates[0].code for candidates in counties}
    if len(codes) != 1:
        return None
    county = counties[0][0]
    superiors = {county.province_code, county.prefecture_code}
    return county.code if all(region.code in superiors for region, _, _ in named) else None


def _title_region(text: str) -> tuple[str, str] | None:
    """The level and code of the one province or city the title line names (its subject), if it names one."""
    first_line = text.split("\n", 1)[0]
    found = (
        {region.code: region for region, _, _ in find_regions(first_line)} if len(first_line) <= MAX_TITLE_CHARS else {}
    )
    if len(found) != 1:
        return None
    region = next(iter(found.values()))
    return region.level, region.code
