"""Target phrases: the words around a number -- clause bounds, verbs, the counted noun, frame words.

What belongs here: small readers of the text next to a number that the indicator and comparator
rules build on -- the clause and sentence around it, verbs used as verbs (not 覆盖 in 覆盖率), cue
words that are only part of a longer word (通过, 签约), frame words to strip (全省, 确保,
到2025年底), the noun counted after a unit, the modifier between a verb and a number, the
deadline year. Each reader answers one question about the words; deciding which of them is the
indicator is targets_indicator's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.text.targets.lexicon import (
    CJK,
    CLAUSE_BREAKS,
    LIST_JOINERS,
    QUOTE_CHARS,
    SENTENCE_BREAKS,
    Lexicon,
    words_re,
)
from pipeline.text.targets.mentions import Mention


@cache
def _age(qualifiers: tuple[str, ...]) -> re.Pattern[str]:
    """An age (65岁, 0~3岁) with its qualifier (以上…) from the lexicon."""
    return re.compile(rf"\d+(?:\.\d+)?(?:[~～\-至到]\d+)?周?岁(?:{'|'.join(map(re.escape, qualifiers))})?")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    word: str


def clause(text: str, pos: int, end: int) -> tuple[int, int]:
    """The clause (between ，。；：！？ or line breaks) around text[pos:end]."""
    start = max(text.rfind(c, 0, pos) for c in CLAUSE_BREAKS) + 1
    stops = [i for c in CLAUSE_BREAKS if (i := text.find(c, end)) != -1]
    return start, min(stops, default=len(text))


def blocked(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Is text[start:end] part of a longer word that only looks like a cue or verb (通过, 作为, 签约 ...)?"""
    for word in lex.prefix_blockers:
        if len(word) <= end - start:
            continue
        lo = max(0, start - len(word) + 1)
        i = text.find(word, lo, end + len(word) - 1)
        while i != -1 and i <= start:
            if i + len(word) >= end:
                return True
            i = text.find(word, i + 1, end + len(word) - 1)
    return False


def endswith(text: str, start: int, end: int, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that text[start:end] ends with."""
    return next((w for w in words if end - len(w) >= start and text.startswith(w, end - len(w))), None)


def verbs_in(text: str, start: int, end: int, words: tuple[str, ...], lex: Lexicon) -> list[Span]:
    """Occurrences of `words` in text[start:end] used as verbs (not 覆盖 in 覆盖率, not 签约 ...)."""
    if end <= start or not words:
        return []
    return [
        Span(m.start(), m.end(), m.group())
        for m in words_re(words).finditer(text, start, end)
        if not blocked(text, m.start(), m.end(), lex) and not lex.not_verb_before_re.match(text, m.end())
    ]


def strip_frames(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Trim frame words (全省, 确保, 到2025年底 …; trailing 均, 分别 …), joiners and quotes from a phrase."""
    while start < end:
        m = lex.frame_re.match(text[start:end])
        if m and m.end() > 0:
            start += m.end()
        elif text[start] in LIST_JOINERS + "的" + QUOTE_CHARS:
            start += 1
        else:
            break
    while end > start:
        if text[end - 1] in QUOTE_CHARS:
            end -= 1
        elif (m := lex.frame_suffix_re.search(text, start, end)) and m.start() > start:
            end = m.start()
        else:
            break
    return start, end


def counted_noun(text: str, pos: int, limit: int, lex: Lexicon) -> Span | None:
    """The noun counted by a number, read from just after its unit (增配7500台[自动式体外除颤仪])."""
    i = pos
    if i < limit and text[i] in '”’」"':
        i += 1  # the number closed a quoted phrase: “…30分钟”应急救援圈
    if i >= limit or text[i] == "的" or text[i] in LIST_JOINERS:
        return None  # 50亿元的企业: a relative clause, the number measures what comes before
    j = i
    while j < limit and j - i < lex.max_noun_chars:
        if text[j].isdigit() and (age := _age(lex.age_qualifiers).match(text, j)):
            j = age.end()  # an age inside the noun: 50万名65岁以上老年人
            continue
        if text[j] in CLAUSE_BREAKS or text[j] == "、" or text[j].isdigit():
            break
        if j > i and lex.noun_stop_re.match(text, j):
            break
        j += 1
    noun = "".join(ch for ch in text[i:j] if ch not in QUOTE_CHARS)
    return Span(i, j, noun) if CJK.search(noun) else None


def list_noun(text: str, index: int, mentions: list[Mention], clause_end: int, lex: Lexicon) -> str | None:
    """A list item with no noun of its own shares the next item's (城市12分钟、农村30分钟”应急救援圈)."""
    previous_end = mentions[index].end
    for following in mentions[index + 1 :]:
        if following.start >= clause_end or "、" not in text[previous_end : following.start]:
            return None
        if noun := counted_noun(text, following.end, clause_end, lex):
            return noun.word
        previous_end = following.end
    return None


def share_population(text: str, m: Mention, clause_end: int, lex: Lexicon) -> tuple[int, int] | None:
    """For a percentage followed by a noun (90%以上的基层医疗卫生机构…), the span of that noun clause."""
    if m.unit != "%":
        return None
    i = m.end + (text.startswith("的", m.end))
    if i >= clause_end or not CJK.match(text[i]):
        return None
    return i, min(clause_end, i + 2 * lex.max_subject_chars)


def modifier(text: str, start: int, end: int, lex: Lexicon, *, as_prefix: bool) -> Span | None:
    """The phrase between a verb and the number (高层次人才 in 招引高层次人才不少于1000名).

    As a prefix of the counted noun (健康四川 in 开展健康四川18个专项行动) it must be short, and only
    the part after the last 和/及/与 is kept; an enumeration (A、B等) is not a modifier.
    """
    start, end = strip_frames(text, start, end, lex)
    phrase = text[start:end]
    if not phrase or phrase.endswith(("的", "等")):
        return None
    if as_prefix:
        if "、" in phrase:
            return None
        cut = max(phrase.rfind(c) for c in LIST_JOINERS) + 1
        start, phrase = start + cut, phrase[cut:]
        if not phrase or len(phrase) > lex.max_modifier_chars:
            return None
    phrase = "".join(ch for ch in phrase if ch not in QUOTE_CHARS)
    return Span(start, end, phrase) if CJK.search(phrase) else None


def target_year(text: str, pos: int, lex: Lexicon) -> int | None:
    """The last deadline year (到2025年底, 2026年前, 力争2025年) earlier in the sentence."""
    sentence_start = max(text.rfind(c, 0, pos) for c in SENTENCE_BREAKS) + 1
    years = list(lex.year_re.finditer(text, sentence_start, pos))
    return int(years[-1].group("y1") or years[-1].group("y2")) if years else None


def core_length(indicator: str) -> int:
    """Length of an indicator without its bracketed asides (执业（助理）医师数 → 6)."""
    return len(re.sub(r"（[^）]*）|\([^)]*\)", "", indicator))


def quoted_from(text: str, start: int, lex: Lexicon) -> str | None:
    """Another issuer the clause credits with what follows (国家推出的8项…, 国家层面8项…), as printed."""
    clause_start, _ = clause(text, start, start)
    # one character past `start`, so that 国家12项 is seen; a match must still end before `start`
    matches = [m for m in lex.quoted_from_re.finditer(text, clause_start, start + 1) if m.end() <= start]
    return matches[-1].group().removesuffix("的") if matches else None


def per_unit(text: str, start: int, end: int, lex: Lexicon) -> Span | None:
    """The unit a quantity is per (每个市, 每万名人口, 人均) in text[start:end], the last one."""
    matches = list(lex.per_unit_re.finditer(text, start, end))
    return Span(matches[-1].start(), matches[-1].end(), matches[-1].group()) if matches else None


def balance_quotes(text: str, start: int, end: int, lower: int, upper: int) -> tuple[int, int]:
    """Widen text[start:end] within [lower, upper) so that it never cuts across a quotation mark."""
    for _ in range(4):
        segment = text[start:end]
        if segment.count("“") > segment.count("”") and (close := text.find("”", end, upper)) != -1:
            end = close + 1
        elif segment.count("”") > segment.count("“") and (open_ := text.rfind("“", lower, start)) != -1:
            start = open_
        else:
            break
    return start, end
