"""A digest of a plan document: a news item or commentary that names a plan document (a government work report, a
plan outline, a year's work points) and quotes its measures (报告提出，提高居民医保人均财政补助标准…; 《2025年全省卫生
健康工作要点》日前印发。要点明确，…).

The quote is the document's full or short name as the subject of a stating verb (提出, 明确, 要求…) at the start of a
sentence or clause, after the document is named. The clauses of each quote up to its sentence's end are the plan's
measures, the first whatever verb leads it (a report's 居民医保人均财政补助标准再提高30元 is a measure); a quote
whose sentence holds a past word (过去一年, 已经: [deploy] past_words) reviews and gives none. The plan
carries the flag `plan_from_document_digest`. Level and region as for announced plans (a provincial report's
bare 省 or its congress makes the plan provincial); work year: the year the document's name prints, else the first
year the text prints before the quote, else the publication year (flagged). Lexicon: pipeline/data/
announced_plans.toml [digest].
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from pipeline.parse.announced import lexicon, prose_plan_statement
from pipeline.parse.conference.common import ARABIC_YEAR, SENTENCE_ENDS, fill, sentence_end, sentence_start
from pipeline.parse.deploy import work_clauses
from pipeline.parse.lists.rules import alternation
from pipeline.parse.prose_level import level_and_region
from pipeline.text.work_years import printed_or_published

FROM_DOCUMENT_DIGEST = "plan_from_document_digest"


@cache
def _rules() -> dict[str, Any]:
    return lexicon()["digest"]


@cache
def _documents() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(the full name, the quote) of each kind of plan document."""
    rules = _rules()
    verbs, between, leads = (alternation(rules[key]) for key in ("stating_verbs", "between", "leads"))
    found = []
    for document in rules["documents"]:
        quote = (
            rf"(?:(?<=[{SENTENCE_ENDS}；;，,])|^)\s*(?:(?:{leads})[，,]?)?《?(?:{alternation(document['short'])})》?"
            rf"(?:{between}){{0,2}}(?:{fill(rules['parts'])})?(?:{verbs}){{1,2}}了?[，,：:]?"
        )
        found.append((re.compile(document["named"]), re.compile(quote, re.MULTILINE)))
    return found


@cache
def _framing() -> re.Pattern[str]:
    return re.compile(fill(_rules()["framing"]))


def digest_statement(text: str, published: date | None = None) -> dict[str, Any] | None:
    """The plan a digest of a plan document states, or None when the text quotes no named plan document's measures."""
    for named_pattern, quote_pattern in _documents():
        named = named_pattern.search(text)
        if named is None:
            continue
        tasks: list[dict[str, Any]] = []
        first = None
        for quote in quote_pattern.finditer(text, named.start()):
            end = sentence_end(text, quote.end())
            if any(word in text[quote.start() : end] for word in lexicon()["deploy"]["past_words"]):
                continue  # 报告指出，过去一年…: the report reviews what was done
            at = _framing().match(text, quote.end(), end).end()
            work = [t for t in work_clauses(text, at, end) if t["start"] >= at]
            if work:
                first = first or quote
                tasks += [t for t in work if all(t["start"] != taken["start"] for taken in tasks)]
        if first is not None and len(tasks) >= _rules()["min_tasks"]:
            return _statement(text, tasks, named, first, published)
    return None


def _national(text: str, named: re.Match[str]) -> bool:
    """Whether the sentence that names the document, or the one before it, names a national body or session."""
    start = sentence_start(text, named.start())
    start = sentence_start(text, start - 1) if start > 0 else 0
    end = sentence_end(text, named.end())
    return any(word in text[start:end] for word in _rules()["national_words"])


def _statement(
    text: str, tasks: list[dict[str, Any]], named: re.Match[str], quote: re.Match[str], published: date | None
) -> dict[str, Any]:
    flags = [FROM_DOCUMENT_DIGEST]
    level, region_code = ("national", None) if _national(text, named) else level_and_region(text, flags)
    year = ARABIC_YEAR.search(named.group()) or ARABIC_YEAR.search(text, 0, quote.start())
    work_year = printed_or_published(year, published, flags)
    return prose_plan_statement(text, tasks, level, region_code, work_year, flags)
