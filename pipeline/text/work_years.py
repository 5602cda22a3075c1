"""A plan's work year from evidence anywhere in its text, for when the genre's parser found none.

The genre parsers read a work year from a title (2024年全市卫生健康工作要点), a deploy cue (部署2025年…) or the
meeting's date. Many short reports print none of these, but still say which year they deploy:

* a directive sentence that names a year (会议要求，2019年全县…要控制在…; 确保2017年…任务圆满完成): the year of
  the sentences in the directive mood that do not review, the one they name most often (the earliest on a tie); a
  year inside a document's title (《…2035年远景目标纲要》) or before the 要 of a noun (纲要, 主要, 重要) deploys nothing;
* a national people's congress or CPPCC plenary session the text names (第十三届全国人民代表大会第三次会议 → 2020):
  one a year, so its term and number name the year of the government work report it hears;
* the year's place in a period (今年是“十四五”规划开局之年 → 2021; 今年是全面贯彻落实党的二十大精神的开局之年 → 2023);
* the year after a whole year the text reviews (回顾总结了2009年全县卫生工作 → 2010);
* the publication date, last.

`text_work_year` returns the year with the name of the evidence, which callers record as a flag. Words and
periods are data (pipeline/data/work_years.toml). Pure functions.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.text.modal import expand
from pipeline.text.numbers import parse_number

FROM_DIRECTIVE = "work_year_from_directive_sentence"
FROM_PERIOD = "work_year_from_period_stage"
FROM_REVIEWED = "work_year_after_reviewed_year"
FROM_PUBLISHED = "work_year_from_published"
FROM_SESSION = "work_year_from_congress_session"
REVIEWED, DEPLOYED = "reviewed", "deployed"

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!代)")
_SENTENCE = re.compile(r"[^。！？；\n]+")
_CLAUSE_ENDS, _SENTENCE_ENDS = "，；。！？\n", "。！？\n"


@cache
def _rules() -> dict[str, Any]:
    return read_toml("work_years.toml")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _compiled() -> dict[str, re.Pattern[str]]:
    rules = _rules()
    directive = rules["directive"]
    periods = rules["periods"]
    names = {**periods["five_year_plans"], **periods["party_congresses"]}
    stages = {**periods["five_year_stages"], **periods["congress_stages"]}
    pattern = periods["pattern"].replace("{P}", f"(?P<p>{_alternation(list(names))})")
    pattern = pattern.replace("{S}", f"(?P<s>{_alternation(list(stages))})")
    return {
        "before": re.compile(f"(?:{directive['before']}).{{0,{directive['before_gap']}}}$"),
        "after": re.compile(expand(directive["after"])),
        "review": re.compile(_alternation(directive["review_words"])),
        "not_after": re.compile(directive["not_after"]),
        "not_before": re.compile(directive["not_before"]),
        "period": re.compile(pattern),
    }


@cache
def _sessions() -> list[re.Pattern[str]]:
    sessions = _rules()["sessions"]
    numeral = sessions["numeral"]
    return [
        re.compile(p.replace("{T}", f"(?P<t>{numeral})").replace("{N}", f"(?P<n>{numeral})"))
        for p in sessions["patterns"]
    ]


def directive_year(text: str, latest: int | None = None) -> int | None:
    """The latest year that a sentence of the text deploys work in (see the module docstring); years after
    `latest` (the publication year + 1) and deadlines (到2020年, 2030年前) do not count."""
    rules, found_years = _rules()["directive"], []
    res = _compiled()
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group()
        for found in _YEAR.finditer(words):
            year = int(found.group(1))
            if (latest is not None and year > latest) or res["not_before"].search(words[found.end() :]):
                continue
            lead = words[: found.start()]
            if res["not_after"].search(lead) or _in_title(lead):
                continue
            clause_start = max(lead.rfind("，"), lead.rfind(","), lead.rfind("：")) + 1
            if res["before"].search(lead):
                directive_at = found.start()
            elif after := res["after"].search(words, found.end(), found.end() + rules["reach"]):
                directive_at = after.start()
            else:
                continue
            if not res["review"].search(words, clause_start, directive_at):
                found_years.append(year)
    return max(found_years, default=None)


def _in_title(lead: str) -> bool:
    """Whether a year after `lead` (its sentence up to the year) is printed inside a document's title (《…》)."""
    opening, closing = _rules()["directive"]["title_quotes"]
    return lead.count(opening) > lead.count(closing)


def period_year(text: str) -> int | None:
    """The year a text names by its place in a period (今年是“十三五”收官之年 → 2020), or None."""
    periods = _rules()["periods"]
    found = _compiled()["period"].search(text)
    if found is None:
        return None
    period, stage = found.group("p"), found.group("s")
    if period in periods["party_congresses"]:
        offset = periods["congress_stages"].get(stage)
        return None if offset is None else periods["party_congresses"][period] + offset
    offset = periods["five_year_stages"].get(stage)
    return None if offset is None else periods["five_year_plans"][period] + offset


def session_year(text: str) -> int | None:
    """The year of the first national congress or CPPCC plenary session the text names (第十三届全国人民代表大会
    第三次会议 → 2020; 全国政协十四届二次会议 → 2024), or None."""
    hits = [m for p in _sessions() if (m := p.search(text))]
    if not hits:
        return None
    found = min(hits, key=lambda m: m.start())
    term, session = parse_number(found.group("t")), parse_number(found.group("n"))
    rules = _rules()["sessions"]
    if term is None or session is None or term < rules["first_term"] or not 1 <= session <= rules["term_years"]:
        return None
    return int(rules["first_term_year"] + (term - rules["first_term"]) * rules["term_years"] + session - 1)


def stated_work_year(text: str, published: date | None) -> tuple[int | None, str | None]:
    """(work year, the flag naming its evidence) from what the text says: a directive sentence's year, else a
    period's stage; (None, None) when it says neither."""
    latest = published.year + 1 if published else None
    if (year := directive_year(text, latest)) is not None:
        return year, FROM_DIRECTIVE
    if (year := session_year(text)) is not None and (latest is None or year <= latest):
        return year, FROM_SESSION
    if (year := period_year(text)) is not None:
        return year, FROM_PERIOD
    if (year := reviewed_year(text)) is not None and (latest is None or year + 1 <= latest):
        return year + 1, FROM_REVIEWED
    return None, None


def reviewed_year(text: str) -> int | None:
    """The first whole year whose work the text reviews (回顾总结了2009年全县卫生工作), or None."""
    found = [m for p in _rules()["reviewed"]["patterns"] if (m := re.search(p, text))]
    return int(min(found, key=lambda m: m.start()).group("y")) if found else None


def year_stance(text: str, start: int, end: int, wider: bool = False) -> str | None:
    """Whether the year printed at text[start:end] (2023年) is one the text reviews (REVIEWED) or one it deploys
    (DEPLOYED), from the nearest evidence out; None when nothing says. One rule, words in pipeline/data/work_years.toml
    [printed]:

    1. its own words: one of `review_words` in the words after it, up to the next year or clause mark (2023年工作总结,
       2022年度…考核, 2016年以来), or one of [directive] review_words right before it (回顾2022年, 总结了2023年):
       REVIEWED;
    2. with `wider`, its clause, then its sentence: one of `deploy_words` (今年, 要, 将, 部署; not 主要, 要求): DEPLOYED;
       else one of `review_words` (取得, 圆满, …极不平凡的一年): REVIEWED.

    A year among others in one line (2023年工作总结和2024年工作计划) is judged by its own words only (is_reviewed); a
    speech's first year after its occasion (2019年，全县卫生工作取得了…) also by its clause and sentence."""
    rules, printed = _rules()["printed"], _printed()
    stop = printed["stop"].search(text, end, end + rules["reach"])
    after_end = stop.start() if stop else min(len(text), end + rules["reach"])
    before = text[max(0, start - rules["lead"]) : start]
    review = printed["review"]
    if review.search(text, end, after_end) or printed["review_before"].search(before):
        return REVIEWED
    if not wider:
        return None
    deploy = printed["deploy"]
    for ends in (_CLAUSE_ENDS, _SENTENCE_ENDS):  # 总结2011年工作，部署2012年工作: the year's own clause first
        words = text[max(text.rfind(e, 0, start) for e in ends) + 1 : _span_end(text, start, ends)]
        if deploy.search(words):
            return DEPLOYED
        if review.search(words):
            return REVIEWED
    return None


@cache
def _printed() -> dict[str, re.Pattern[str]]:
    """year_stance's patterns ([printed] of work_years.toml), compiled once."""
    rules = _rules()["printed"]
    return {
        "stop": re.compile(rules["stop"]),
        "review": re.compile(_alternation(rules["review_words"])),
        "review_before": re.compile(f"(?:{_compiled()['review'].pattern})了?$"),
        "deploy": re.compile(expand(rules["deploy_words"])),
        "horizon": re.compile(rules["horizon"]),
    }


def _span_end(text: str, position: int, ends: str) -> int:
    """Where the clause or sentence holding `position` ends: at the first of `ends` from it on (len(text) if none)."""
    return min((i for e in ends if (i := text.find(e, position)) >= 0), default=len(text))


def is_reviewed(text: str, start: int, end: int) -> bool:
    """Whether the year printed at text[start:end] is one the text reviews by its own words (year_stance, step 1)."""
    return year_stance(text, start, end) == REVIEWED


def first_deployed_year(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first year printed in text[start:end] that the text does not review (is_reviewed), or None."""
    for found in _YEAR.finditer(text, start, end):
        if not is_reviewed(text, found.start(), found.end()):
            return found
    return None


def year_before(text: str, first: re.Match[str], end: int, this_year: bool, flags: list[str]) -> int:
    """The work year of a cue at `end` that `first`, the first year printed before it, stands for: that year unless the
    text reviews it; then the next year when the cue says 今年 (2022年工作回顾…今年，该省将…, FROM_REVIEWED appended to
    `flags`), else the first year before the cue it does not review, else the first year."""
    if not is_reviewed(text, first.start(), first.end()):
        return int(first.group(1))
    if this_year:
        flags.append(FROM_REVIEWED)
        return int(first.group(1)) + 1
    return int((first_deployed_year(text, 0, end) or first).group(1))


def title_year(title: str, latest: int | None) -> int | None:
    """The first year a title line prints that it does not review (is_reviewed), that is no deadline, past date or
    horizon ([directive] not_after / not_before, [printed] horizon: 到2025年, 2035年远景目标) and that is at most
    `latest`; None."""
    res, horizon = _compiled(), _printed()["horizon"]
    for found in _YEAR.finditer(title):
        year, after = int(found.group(1)), title[found.end() :]
        if res["not_after"].search(title[: found.start()]) or res["not_before"].search(after) or horizon.match(after):
            continue
        if not is_reviewed(title, found.start(), found.end()) and (latest is None or year <= latest):
            return year
    return None


def text_work_year(text: str, published: date | None) -> tuple[int | None, str | None]:
    """As stated_work_year, else the publication year (flagged work_year_from_published)."""
    year, flag = stated_work_year(text, published)
    if year is not None:
        return year, flag
    if published is not None:
        return published.year, FROM_PUBLISHED
    return None, None


def printed_or_published(printed: re.Match[str] | None, published: date | None, flags: list[str]) -> int | None:
    """The year a statement prints (group 1 of `printed`), else the page's publication year (FROM_PUBLISHED appended
    to `flags`), else None."""
    if printed is not None:
        return int(printed.group(1))
    if published is not None:
        flags.append(FROM_PUBLISHED)
        return published.year
    return None
