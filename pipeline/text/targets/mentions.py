"""Target mentions: the numbers of running text read with their unit and the cue words glued to them.

What belongs here: finding each numeral that is read as a quantity (not masked by an exclusion,
not a bare idiomatic 一, not a run of digits that is a name), with its range (1~3), its unit or
rate denominator (个百分点, /10万) and a comparator cue standing right after it (以上, 左右, 余).
What does not: the words before the number (verb, cue, indicator) -- see targets_indicator and
targets_comparators -- and numeral parsing itself (pipeline.text.numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.numbers import parse_number
from pipeline.text.targets.lexicon import CJK, MULTIPLIER_CHARS, NUMERAL_RE, Lexicon, lexicon


@dataclass(frozen=True)
class Mention:
    start: int  # first character of the numeral (or of 百分之)
    num_end: int  # end of the numeral(s), range included
    end: int  # end of the mention: numeral, 余/多, unit and a trailing cue such as 以上
    value: float
    value_max: float | None
    unit: str | None
    cue: str | None  # comparator from a cue after the number (以上, 左右, 余 ...)


@dataclass(frozen=True)
class Context:
    """Where a mention stands in its clause."""

    index: int
    clause_start: int
    clause_end: int
    region_start: int  # clause start, or the end of the previous number in the clause
    earlier: tuple[Mention, ...]  # previous numbers in the clause


def find_mentions(text: str, lex: Lexicon, masked: bytearray) -> list[Mention]:
    """The numbers of `text` read as quantities, in text order, skipping masked numerals."""
    mentions: list[Mention] = []
    pos = 0
    while (m := NUMERAL_RE.search(text, pos)) is not None:
        pos = m.end()
        mention = _read_mention(text, m, lex)
        if mention is None or any(masked[mention.start : mention.num_end]):
            continue
        mentions.append(mention)
        pos = mention.end
    return mentions


def printed_scale(numeral: str, lex: Lexicon) -> tuple[str, float] | None:
    """The scale word printed at the end of a numeral and its factor (1.5万 → 万, 1e4; 3094万 → 万), if any."""
    last = numeral  # a range prints its scale once, after its upper bound (1~3万): that scale is the range's
    for separator in lex.range_separators:
        last = last.rsplit(separator, 1)[-1]
    for word, factor in lex.scales:
        if last.endswith(word) and last[: -len(word)] and parse_number(last[: -len(word)]) is not None:
            return word, factor
    return None


def scale_factor(word: str) -> float:
    """The factor of a scale word of pipeline/data/targets.toml (万 → 1e4)."""
    return dict(lexicon().scales)[word]


def _match_unit(text: str, pos: int, lex: Lexicon) -> str | None:
    for unit in lex.units:
        if text.startswith(unit, pos):
            blocker = lex.unit_not_before.get(unit)
            if blocker and blocker.match(text, pos + len(unit)):
                continue
            return unit
    return None


def _parse_numeral(token: str, lex: Lexicon) -> float | None:
    """Value of a numeral token, or None if it is not read as a number in running text."""
    if not token[0].isdigit():
        if token in lex.bare_chinese:
            return None
        # Runs of plain Chinese digits (一二三, 二零二六) are names or years, not quantities.
        if len(token) > 1 and not (MULTIPLIER_CHARS & set(token)) and "点" not in token:
            return None
    return parse_number(token)


def _opens_range(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether text[pos:] is a range separator and a numeral that is a number by itself (一至两个, 一到三家)."""
    if pos >= len(text) or text[pos] not in lex.range_separators:
        return False
    hi = NUMERAL_RE.match(text, pos + 1)
    return hi is not None and _parse_numeral(hi.group(), lex) is not None


def _read_mention(text: str, m: re.Match[str], lex: Lexicon) -> Mention | None:
    start, token = m.start(), m.group()
    if start and (text[start - 1].isdigit() or text[start - 1] == "."):
        return None
    value = _parse_numeral(token, lex)
    if value is None and token in lex.bare_chinese and _opens_range(text, m.end(), lex):
        value = parse_number(token)  # 一至两个: a bare 一 is a number as the lower bound of a range
    if value is None:
        return None
    chinese = not token[0].isdigit()
    percent = start >= 3 and text[start - 3 : start] == "百分之"
    if percent:
        start -= 3
    p = m.end()
    unit: str | None = "%" if percent else None
    if text.startswith("%", p):
        unit, p = "%", p + 1
    # A range: 1~3个百分点, 10%~20%, 三至五个.
    value_max: float | None = None
    if p < len(text) and text[p] in lex.range_separators:
        hi = NUMERAL_RE.match(text, p + 1)
        if hi and (hi_value := _parse_numeral(hi.group(), lex)) is not None and hi_value > value:
            value_max, p = hi_value, hi.end()
            # The scale printed after the upper bound applies to the lower one too (1~3万人: 1万 to 3万), unless
            # the lower bound is already a whole quantity below it (5000~3万).
            if (scale := printed_scale(hi.group(), lex)) and not printed_scale(token, lex):
                if value * scale[1] <= hi_value:
                    value *= scale[1]
            if text.startswith("%", p):
                unit, p = "%", p + 1
    num_end = p
    cue: str | None = None
    if unit is None:
        for word, comparator in lex.between_cues:
            if text.startswith(word, p) and _match_unit(text, p + len(word), lex):
                cue, p = comparator, p + len(word)
                break
        if rate := lex.rate_denominator_re.match(text, p):
            unit, p = rate.group(), rate.end()
        elif (unit := _match_unit(text, p, lex)) is not None:
            p += len(unit)
            unit = lex.unit_normalize.get(unit, unit)
    if unit is None and text.startswith("大", p):
        p += 1  # 四大省级儿童区域医疗中心: N大 before a facility (other N大 are masked as names)
        if p < len(text) and text[p] in lex.category_units:
            unit, p = text[p], p + 1  # 8大类耗材: N major kinds, counted like 8类
    elif unit is None and (chinese or not _bare_arabic_is_quantity(text, start, p, token, lex)):
        return None
    for word, comparator in lex.suffix_cues:
        if text.startswith(word, p):
            cue, p = comparator, p + len(word)
            break
    return Mention(start, num_end, p, value, value_max, unit, cue)


def _bare_arabic_is_quantity(text: str, start: int, end: int, token: str, lex: Lexicon) -> bool:
    """An Arabic number without a unit counts when multiplied out (70万) or followed by a noun."""
    if MULTIPLIER_CHARS & set(token):
        return True
    if end < len(text) and (CJK.match(text[end]) or text[end] == "“"):
        return True
    return any(text.endswith(word, 0, start) for word in lex.cue_words)
