"""Numeric-target extraction: the measurable quantities in a cleaned plan or task statement.

What belongs here: reading the numbers of running text as targets -- value and unit, comparator,
whether the quantity is an increment, the indicator it measures, the verb, the target year -- and
the general rules that say which numbers are not targets at all (years, ages, ordinals, names and
slogans in quotes, grades, per-capita denominators, idioms ...). Lexicons (units, cue words, verbs,
frame words, exclusion patterns) are data in pipeline/data/targets.toml; numeral parsing is in
pipeline.text.numbers. Pure functions: no I/O beyond reading that data file.

Input is text cleaned by pipeline.text.clean (full-width CJK punctuation, ASCII digits and
% ~ + - . , no spaces next to CJK characters). Offsets are character offsets into that text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from pipeline.text.numbers import CHINESE_NUMERAL_CHARS, parse_number

CLAUSE_BREAKS = "，。；：！？\n"
SENTENCE_BREAKS = "。；！？\n"
LIST_JOINERS = "、和及与"
QUOTE_CHARS = '“”‘’「」"'
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NUMERAL = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?[十百千万亿]*|[{CHINESE_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?)"
_NUMERAL_RE = re.compile(_NUMERAL)
_MULTIPLIER_CHARS = set("十百千万亿")

COMPARATORS = ("eq", "ge", "gt", "le", "lt", "approx", "range")
KINDS = ("level", "change", "count")


@dataclass(frozen=True)
class Target:
    """One measurable quantity found in a text."""

    start: int  # half-open char offsets into the input text; text[start:end] == raw_text
    end: int
    raw_text: str  # shortest span holding the indicator words, comparator words and the number with its unit
    indicator: str | None  # the thing measured, in the text's own words
    action: str | None  # the verb when the indicator is a counted object: 新增, 增配, 招聘, 实施, 建设
    value: float
    value_max: float | None  # upper bound of a range (1~3个百分点 → value 1, value_max 3)
    unit: str | None  # measure word or sign; None when the text has none
    comparator: str  # 'eq' | 'ge' | 'gt' | 'le' | 'lt' | 'approx' | 'range'
    is_change: bool  # an increment or decrement (新增, 增配, 新建, 提高…元, 提升…百分点, 减少 …)
    kind: str  # 'level' | 'change' | 'count' (count = number of programme items)
    year: int | None  # explicit target year in the same sentence (到2025年底 → 2025)
    flag: str | None  # why a row is uncertain ('no_unit', 'indicator_uncertain'; several joined by ';')


# --------------------------------------------------------------------------------------------
# Lexicon


@dataclass(frozen=True)
class _Cue:
    word: str
    comparator: str
    max_gap: int  # characters allowed between the cue and the number


@dataclass(frozen=True)
class _Lexicon:
    """pipeline/data/targets.toml, compiled. Word tuples are sorted longest first."""

    units: tuple[str, ...]
    rate_denominator_re: re.Pattern[str]
    unit_normalize: dict[str, str]
    unit_not_before: dict[str, re.Pattern[str]]
    level_units: frozenset[str]
    count_units: frozenset[str]
    bare_chinese: frozenset[str]
    range_separators: str
    prefix_cues: tuple[_Cue, ...]
    cue_words: tuple[str, ...]
    gap_cue_words: tuple[str, ...]  # non-eq cues that may stand apart from the number (突破, 至少)
    suffix_cues: tuple[tuple[str, str], ...]
    between_cues: tuple[tuple[str, str], ...]
    prefix_blockers: tuple[str, ...]
    to_markers: tuple[str, ...]
    change_verbs: tuple[str, ...]
    action_verbs: tuple[str, ...]
    governing_verbs: tuple[str, ...]  # change + action
    programme_verbs: tuple[str, ...]
    level_verbs: tuple[str, ...]  # possession verbs included
    possession_verbs: tuple[str, ...]
    adjacent_verbs: tuple[str, ...]  # level + change + action
    not_verb_before_re: re.Pattern[str]
    strippable: tuple[str, ...]  # adverbs, cue words and "to" markers between a verb and the number
    frame_re: re.Pattern[str]
    frame_suffix_re: re.Pattern[str]
    noun_stop_re: re.Pattern[str]
    programme_nouns: tuple[str, ...]
    respectively: tuple[str, ...]
    max_subject_chars: int
    max_noun_chars: int
    max_modifier_chars: int
    year_re: re.Pattern[str]
    exclusions: dict[str, tuple[re.Pattern[str], ...]]
    exclusion_exceptions: dict[str, tuple[str, ...]]
    idioms: tuple[str, ...]
    quote_pairs: tuple[tuple[str, str], ...]
    quote_max_chars: int
    quote_stops: str
    title_re: re.Pattern[str]
    level_quote_re: re.Pattern[str]


def _longest_first(words: Any) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in _longest_first(words)))


def _any_of(patterns: list[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


@cache
def lexicon() -> _Lexicon:
    """The lexicons of pipeline/data/targets.toml, compiled once."""
    raw = tomllib.loads(resources.files("pipeline.data").joinpath("targets.toml").read_text("utf-8"))
    units, comparators, verbs = raw["units"], raw["comparators"], raw["verbs"]
    indicator, exclusions, quotes = raw["indicator"], raw["exclusions"], raw["quotes"]
    prefix = tuple(
        _Cue(word, group["comparator"], int(group["max_gap"]))
        for group in comparators["prefix"]
        for word in group["words"]
    )
    suffix = [(w, g["comparator"]) for g in comparators["suffix"] for w in g["words"]]
    cue_words = _longest_first(c.word for c in prefix)
    change, action = verbs["change"], verbs["action"]
    level = verbs["level"] + verbs["possession"]
    opening, closing = (re.escape(t) for t in quotes["titles"])
    return _Lexicon(
        units=_longest_first(units["all"]),
        rate_denominator_re=re.compile(units["rate_denominator"]),
        unit_normalize=dict(units["normalize"]),
        unit_not_before={u: re.compile(p) for u, p in units["not_before"].items()},
        level_units=frozenset(units["level"]),
        count_units=frozenset(units["count"]),
        bare_chinese=frozenset(raw["numbers"]["bare_chinese_not_numbers"]),
        range_separators=raw["numbers"]["range_separators"].replace("\\", ""),
        prefix_cues=prefix,
        cue_words=cue_words,
        gap_cue_words=_longest_first(c.word for c in prefix if c.comparator != "eq" and c.max_gap > 0),
        suffix_cues=tuple(sorted(suffix, key=lambda x: -len(x[0]))),
        between_cues=tuple((w, g["comparator"]) for g in comparators["between"] for w in g["words"]),
        prefix_blockers=tuple(comparators["prefix_blockers"]),
        to_markers=tuple(comparators["to_markers"]),
        change_verbs=_longest_first(change),
        action_verbs=_longest_first(action),
        governing_verbs=_longest_first(change + action),
        programme_verbs=_longest_first(verbs["programme"]),
        level_verbs=_longest_first(level),
        possession_verbs=_longest_first(verbs["possession"]),
        adjacent_verbs=_longest_first(level + change + action),
        not_verb_before_re=re.compile(verbs["not_verb_before"]),
        strippable=_longest_first(verbs["adverbs"] + list(cue_words) + comparators["to_markers"]),
        frame_re=re.compile("^" + _any_of(sorted(indicator["frame_prefixes"], key=len, reverse=True))),
        frame_suffix_re=re.compile(_any_of(indicator["frame_suffixes"]) + "$"),
        noun_stop_re=re.compile(_any_of(indicator["noun_stops"])),
        programme_nouns=_longest_first(indicator["programme_nouns"]),
        respectively=_longest_first(indicator["respectively"]),
        max_subject_chars=int(indicator["max_subject_chars"]),
        max_noun_chars=int(indicator["max_noun_chars"]),
        max_modifier_chars=int(indicator["max_modifier_chars"]),
        year_re=re.compile(raw["year"]["pattern"]),
        exclusions={
            name: tuple(re.compile(p) for p in patterns) for name, patterns in exclusions.items() if name != "idioms"
        },
        exclusion_exceptions={k: _longest_first(v) for k, v in raw["exclusion_exceptions"].items()},
        idioms=_longest_first(exclusions["idioms"]),
        quote_pairs=tuple((a, b) for a, b in quotes["pairs"]),
        quote_max_chars=int(quotes["max_chars"]),
        quote_stops=quotes["stops"],
        title_re=re.compile(f"{opening}[^{closing}\\n]{{0,80}}{closing}"),
        level_quote_re=re.compile(rf"{_NUMERAL}(?:余|多)?{_any_of([re.escape(u) for u in units['level']])}"),
    )


# --------------------------------------------------------------------------------------------
# Exclusions: spans whose numbers are not targets


def excluded_spans(text: str) -> list[tuple[int, int, str]]:
    """All spans of `text` whose numbers are not targets, as (start, end, reason)."""
    lex = lexicon()
    spans: list[tuple[int, int, str]] = []
    for reason, patterns in lex.exclusions.items():
        unless_after = lex.exclusion_exceptions.get(reason, ())
        for pattern in patterns:
            spans.extend(
                (m.start(), m.end(), reason)
                for m in pattern.finditer(text)
                if m.end() > m.start() and not any(text.endswith(w, 0, m.start()) for w in unless_after)
            )
    spans.extend((m.start(), m.end(), "idioms") for m in _words_re(lex.idioms).finditer(text))
    spans.extend(_quote_spans(text, lex))
    spans.extend((m.start(), m.end(), "titles") for m in lex.title_re.finditer(text))
    return sorted(spans)


def _quote_spans(text: str, lex: _Lexicon) -> list[tuple[int, int, str]]:
    """Quoted names and slogans. A quote spans at most quote_max_chars and never crosses a stop."""
    openers = {a: b for a, b in lex.quote_pairs}
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(text):
        close = openers.get(text[i])
        if close is None:
            i += 1
            continue
        j, limit = i + 1, min(len(text), i + 1 + lex.quote_max_chars)
        while j < limit and text[j] != close and text[j] not in lex.quote_stops:
            j += 1
        closed = j < len(text) and text[j] == close
        end = j + 1 if closed else j
        inner = text[i + 1 : j]
        # A quoted phrase holding a level quantity (“城市12分钟、农村30分钟”) is not a name.
        if not lex.level_quote_re.search(inner):
            spans.append((i, end, "quotes"))
        i = end if closed else i + 1
    return spans


def _mask(text: str) -> bytearray:
    masked = bytearray(len(text))
    for start, end, _ in excluded_spans(text):
        masked[start:end] = b"\x01" * (end - start)
    return masked


# --------------------------------------------------------------------------------------------
# Number mentions


@dataclass(frozen=True)
class _Mention:
    start: int  # first character of the numeral (or of 百分之)
    num_end: int  # end of the numeral(s), range included
    end: int  # end of the mention: numeral, 余/多, unit and a trailing cue such as 以上
    value: float
    value_max: float | None
    unit: str | None
    cue: str | None  # comparator from a cue after the number (以上, 左右, 余 ...)


def _match_unit(text: str, pos: int, lex: _Lexicon) -> str | None:
    for unit in lex.units:
        if text.startswith(unit, pos):
            blocker = lex.unit_not_before.get(unit)
            if blocker and blocker.match(text, pos + len(unit)):
                continue
            return unit
    return None


def _parse_numeral(token: str, lex: _Lexicon) -> float | None:
    """Value of a numeral token, or None if it is not read as a number in running text."""
    if not token[0].isdigit():
        if token in lex.bare_chinese:
            return None
        # Runs of plain Chinese digits (一二三, 二零二六) are names or years, not quantities.
        if len(token) > 1 and not (_MULTIPLIER_CHARS & set(token)) and "点" not in token:
            return None
    return parse_number(token)


def _find_mentions(text: str, lex: _Lexicon, masked: bytearray) -> list[_Mention]:
    mentions: list[_Mention] = []
    pos = 0
    while (m := _NUMERAL_RE.search(text, pos)) is not None:
        pos = m.end()
        mention = _read_mention(text, m, lex)
        if mention is None or any(masked[mention.start : mention.num_end]):
            continue
        mentions.append(mention)
        pos = mention.end
    return mentions


def _read_mention(text: str, m: re.Match[str], lex: _Lexicon) -> _Mention | None:
    start, token = m.start(), m.group()
    if start and (text[start - 1].isdigit() or text[start - 1] == "."):
        return None
    value = _parse_numeral(token, lex)
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
        hi = _NUMERAL_RE.match(text, p + 1)
        if hi and (hi_value := _parse_numeral(hi.group(), lex)) is not None and hi_value > value:
            value_max, p = hi_value, hi.end()
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
    if unit is None and (chinese or not _bare_arabic_is_quantity(text, start, p, token, lex)):
        return None
    for word, comparator in lex.suffix_cues:
        if text.startswith(word, p):
            cue, p = comparator, p + len(word)
            break
    return _Mention(start, num_end, p, value, value_max, unit, cue)


def _bare_arabic_is_quantity(text: str, start: int, end: int, token: str, lex: _Lexicon) -> bool:
    """An Arabic number without a unit counts when multiplied out (70万) or followed by a noun."""
    if _MULTIPLIER_CHARS & set(token):
        return True
    if end < len(text) and (_CJK.match(text[end]) or text[end] == "“"):
        return True
    return any(text.endswith(word, 0, start) for word in lex.cue_words)


# --------------------------------------------------------------------------------------------
# Words around a number


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    word: str


def _clause(text: str, pos: int, end: int) -> tuple[int, int]:
    """The clause (between ，。；：！？ or line breaks) around text[pos:end]."""
    start = max(text.rfind(c, 0, pos) for c in CLAUSE_BREAKS) + 1
    stops = [i for c in CLAUSE_BREAKS if (i := text.find(c, end)) != -1]
    return start, min(stops, default=len(text))


def _blocked(text: str, start: int, end: int, lex: _Lexicon) -> bool:
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


def _endswith(text: str, start: int, end: int, words: tuple[str, ...]) -> str | None:
    """The longest of `words` that text[start:end] ends with."""
    return next((w for w in words if end - len(w) >= start and text.startswith(w, end - len(w))), None)


def _verbs_in(text: str, start: int, end: int, words: tuple[str, ...], lex: _Lexicon) -> list[_Span]:
    """Occurrences of `words` in text[start:end] used as verbs (not 覆盖 in 覆盖率, not 签约 ...)."""
    if end <= start or not words:
        return []
    return [
        _Span(m.start(), m.end(), m.group())
        for m in _words_re(words).finditer(text, start, end)
        if not _blocked(text, m.start(), m.end(), lex) and not lex.not_verb_before_re.match(text, m.end())
    ]


def _strip_frames(text: str, start: int, end: int, lex: _Lexicon) -> tuple[int, int]:
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


def _counted_noun(text: str, pos: int, limit: int, lex: _Lexicon) -> _Span | None:
    """The noun counted by a number, read from just after its unit (增配7500台[自动式体外除颤仪])."""
    i = pos
    if i < limit and text[i] in '”’」"':
        i += 1  # the number closed a quoted phrase: “…30分钟”应急救援圈
    if i >= limit or text[i] == "的" or text[i] in LIST_JOINERS:
        return None  # 50亿元的企业: a relative clause, the number measures what comes before
    j = i
    while j < limit and j - i < lex.max_noun_chars:
        if text[j] in CLAUSE_BREAKS or text[j] == "、" or text[j].isdigit():
            break
        if j > i and lex.noun_stop_re.match(text, j):
            break
        j += 1
    noun = "".join(ch for ch in text[i:j] if ch not in QUOTE_CHARS)
    return _Span(i, j, noun) if _CJK.search(noun) else None


def _list_noun(text: str, index: int, mentions: list[_Mention], clause_end: int, lex: _Lexicon) -> str | None:
    """A list item with no noun of its own shares the next item's (城市12分钟、农村30分钟”应急救援圈)."""
    previous_end = mentions[index].end
    for following in mentions[index + 1 :]:
        if following.start >= clause_end or "、" not in text[previous_end : following.start]:
            return None
        if noun := _counted_noun(text, following.end, clause_end, lex):
            return noun.word
        previous_end = following.end
    return None


def _share_population(text: str, m: _Mention, clause_end: int, lex: _Lexicon) -> tuple[int, int] | None:
    """For a percentage followed by a noun (90%以上的基层医疗卫生机构…), the span of that noun clause."""
    if m.unit != "%":
        return None
    i = m.end + (text.startswith("的", m.end))
    if i >= clause_end or not _CJK.match(text[i]):
        return None
    return i, min(clause_end, i + 2 * lex.max_subject_chars)


def _is_programme(noun: str | None, unit: str | None, lex: _Lexicon) -> bool:
    """A count of programme items: 8项为民服务实事, 18个专项行动, 五项制度."""
    return bool(noun) and unit in lex.count_units and noun.endswith(lex.programme_nouns)


def _modifier(text: str, start: int, end: int, lex: _Lexicon, *, as_prefix: bool) -> _Span | None:
    """The phrase between a verb and the number (高层次人才 in 招引高层次人才不少于1000名).

    As a prefix of the counted noun (健康四川 in 开展健康四川18个专项行动) it must be short, and only
    the part after the last 和/及/与 is kept; an enumeration (A、B等) is not a modifier.
    """
    start, end = _strip_frames(text, start, end, lex)
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
    return _Span(start, end, phrase) if _CJK.search(phrase) else None


def _target_year(text: str, pos: int, lex: _Lexicon) -> int | None:
    """The last deadline year (到2025年底, 2026年前, 力争2025年) earlier in the sentence."""
    sentence_start = max(text.rfind(c, 0, pos) for c in SENTENCE_BREAKS) + 1
    years = list(lex.year_re.finditer(text, sentence_start, pos))
    return int(years[-1].group("y1") or years[-1].group("y2")) if years else None


def _core_length(indicator: str) -> int:
    return len(re.sub(r"（[^）]*）|\([^)]*\)", "", indicator))


# --------------------------------------------------------------------------------------------
# Reading one mention


@dataclass(frozen=True)
class _Context:
    """Where a mention stands in its clause."""

    index: int
    clause_start: int
    clause_end: int
    region_start: int  # clause start, or the end of the previous number in the clause
    earlier: tuple[_Mention, ...]  # previous numbers in the clause


@dataclass(frozen=True)
class _Approach:
    """The words right before a number, read backwards past adverbs, cue words and "to" markers."""

    verb: _Span | None  # a verb right before the number (新增, 达到, 增配 …)
    tail: int  # end of the words before the number once adverbs and cue words are removed
    to_marker: bool  # 提高到, 至: the number is the level reached, not an increment
    cue_before: bool  # a comparator word stands right before the number (床位数不超过6张)


@dataclass
class _Reading:
    indicator: str | None = None
    action: _Span | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    uncertain: bool = False


def _comparator(text: str, m: _Mention, ctx: _Context, lex: _Lexicon) -> tuple[str, _Span | None]:
    """Comparator of a mention: range, else a cue after it, else a non-eq cue before it, else eq."""
    cue = _prefix_cue(text, ctx.region_start, m.start, lex)
    if m.value_max is not None:
        return "range", cue
    if m.cue:
        return m.cue, cue
    if cue and cue.word in lex.cue_words:
        return next(c.comparator for c in lex.prefix_cues if c.word == cue.word), cue
    return "eq", cue


def _prefix_cue(text: str, region_start: int, pos: int, lex: _Lexicon) -> _Span | None:
    """The cue word before a number (至少, 不少于, 突破, 过, 达到 …): non-eq first, then the closest."""
    found: list[tuple[bool, int, int, _Span]] = []
    for cue in lex.prefix_cues:
        i = text.find(cue.word, max(region_start, pos - cue.max_gap - len(cue.word)), pos)
        while i != -1:
            e = i + len(cue.word)
            gap = pos - e
            if 0 <= gap <= cue.max_gap and not any(ch.isdigit() for ch in text[e:pos]):
                if not _blocked(text, i, e, lex):
                    found.append((cue.comparator == "eq", gap, -len(cue.word), _Span(i, e, cue.word)))
            i = text.find(cue.word, i + 1, pos)
    return min(found, key=lambda f: f[:3])[3] if found else None


def _approach(text: str, region_start: int, pos: int, lex: _Lexicon) -> _Approach:
    tail, to_marker, cue_before = pos, False, False
    while tail > region_start:
        word = _endswith(text, region_start, tail, lex.adjacent_verbs)
        if word and not _blocked(text, tail - len(word), tail, lex):
            return _Approach(_Span(tail - len(word), tail, word), tail, to_marker, cue_before)
        word = _endswith(text, region_start, tail, lex.strippable)
        if not word:
            break
        to_marker = to_marker or word.endswith(lex.to_markers)
        cue_before = cue_before or word in lex.cue_words
        tail -= len(word)
    return _Approach(None, tail, to_marker, cue_before)


def _subject(text: str, start: int, end: int, lex: _Lexicon, reading: _Reading) -> str | None:
    """The subject before a level verb (县域就诊率 in 县域就诊率保持在90%以上), frame words stripped."""
    s, e = _strip_frames(text, start, end, lex)
    if e > s and _CJK.search(text[s:e]):
        reading.spans.append((s, e))
        return text[s:e]
    return None


def _with_modifier(modifier: _Span | None, noun: str, reading: _Reading) -> str:
    if modifier is None:
        return noun
    reading.spans.append((modifier.start, modifier.end))
    return modifier.word + noun


def _read(
    text: str,
    m: _Mention,
    ctx: _Context,
    approach: _Approach,
    noun: _Span | None,
    noun_word: str | None,
    lex: _Lexicon,
) -> _Reading:
    """Indicator and action of a mention."""
    reading = _Reading(spans=[(noun.start, noun.end)] if noun else [])
    verb = approach.verb
    acting = verb if verb and verb.word not in lex.level_verbs else None
    share = _share_population(text, m, ctx.clause_end, lex)
    if share is not None:
        # 90%以上的基层医疗卫生机构提供儿科服务: the share is of what follows.
        reading.action, reading.indicator, reading.spans = acting, text[share[0] : share[1]], [share]
    elif noun_word and _is_programme(noun_word, m.unit, lex):
        # 实施人均预期寿命提升10个专项行动: a programme verb governs a count, not 提升.
        verbs = _verbs_in(text, ctx.clause_start, approach.tail, lex.programme_verbs, lex)
        modifier = None
        if verbs:
            reading.action = verbs[-1]
            modifier = _modifier(text, max(verbs[-1].end, ctx.region_start), approach.tail, lex, as_prefix=True)
        else:
            reading.action = acting
        reading.indicator = _with_modifier(modifier, noun_word, reading)
    elif verb is not None:
        # 托位数新增1.5万个, 增配7500台自动式体外除颤仪, 每万人口拥有3.5名全科医生.
        reading.action = acting
        reading.spans.append((verb.start, verb.end))
        if noun_word and verb.word in lex.possession_verbs:
            owner = _subject(text, ctx.region_start, verb.start, lex, reading)
            reading.indicator = (owner or "") + noun_word
        elif noun_word:
            reading.indicator = noun_word
        else:
            reading.indicator = _subject(text, ctx.region_start, verb.start, lex, reading)
    else:
        # 提升签约率1~3个百分点, 招引高层次人才不少于1000名, 突破中医药全产业链千亿元规模.
        reading.action, phrase = _governing_verb(text, m, ctx, approach.tail, lex)
        if phrase and noun_word:
            reading.indicator = _with_modifier(
                _modifier(text, phrase.start, phrase.end, lex, as_prefix=True), noun_word, reading
            )
        elif phrase:
            reading.indicator = phrase.word
            reading.spans.append((phrase.start, phrase.end))
        elif noun_word:
            reading.indicator = noun_word
        else:
            reading.indicator = _subject(text, ctx.region_start, approach.tail, lex, reading)
            reading.uncertain = not approach.cue_before
    return reading


def _governing_verb(
    text: str, m: _Mention, ctx: _Context, tail: int, lex: _Lexicon
) -> tuple[_Span | None, _Span | None]:
    """The verb governing a number that does not follow it directly, and the phrase in between.

    In a 、-list (新建40家社区护理中心、10家社区康复中心) the verb before the first item governs all
    items, and each item keeps its words after the last 、. Otherwise the last verb before the number
    governs it; adjacent verbs form one verb (新增培训合格居民1万名 → 新增).
    """
    verbs = _longest_first(lex.governing_verbs + lex.gap_cue_words)
    separator = text.rfind("、", ctx.region_start, m.start)
    if ctx.earlier and separator != -1:
        head = ctx.earlier[-1]
        for previous in reversed(ctx.earlier[:-1]):
            if "、" not in text[previous.end : head.start]:
                break
            head = previous
        if own := _verbs_in(text, separator + 1, tail, verbs, lex):
            return _verb_and_phrase(text, own, tail, lex)
        governing = _verbs_in(text, ctx.clause_start, head.start, lex.governing_verbs, lex)
        action = _verb_and_phrase(text, governing, head.start, lex)[0] if governing else None
        return action, _modifier(text, separator + 1, tail, lex, as_prefix=False)
    found = _verbs_in(text, ctx.region_start, tail, verbs, lex)
    quote = text.rfind("“", ctx.region_start, tail)
    if quote != -1 and "”" not in text[quote:tail]:
        # The number sits inside a quoted phrase (“城区10分钟、郊区20分钟”): its words follow the quote.
        before = [v for v in found if v.end <= quote]
        action = _verb_and_phrase(text, before, quote, lex)[0] if before else None
        return action, _modifier(text, quote + 1, tail, lex, as_prefix=False)
    return _verb_and_phrase(text, found, tail, lex) if found else (None, None)


def _verb_and_phrase(text: str, verbs: list[_Span], tail: int, lex: _Lexicon) -> tuple[_Span | None, _Span | None]:
    """The last verb (extended back over directly preceding verbs) and the phrase up to `tail`."""
    first = verbs[-1]
    for verb in reversed(verbs[:-1]):
        if verb.end != first.start or verb.word not in lex.governing_verbs:
            break
        first = verb
    action = first if first.word in lex.governing_verbs else None
    return action, _modifier(text, first.end, tail, lex, as_prefix=False)


def _analyse(text: str, index: int, mentions: list[_Mention], lex: _Lexicon) -> Target:
    m = mentions[index]
    clause_start, clause_end = _clause(text, m.start, m.end)
    earlier = tuple(p for p in mentions[:index] if p.start >= clause_start)
    ctx = _Context(index, clause_start, clause_end, earlier[-1].end if earlier else clause_start, earlier)

    comparator, cue = _comparator(text, m, ctx, lex)
    approach = _approach(text, ctx.region_start, m.start, lex)
    noun = _counted_noun(text, m.end, clause_end, lex)
    noun_word = noun.word if noun else _list_noun(text, index, mentions, clause_end, lex)
    reading = _read(text, m, ctx, approach, noun, noun_word, lex)

    spans = [(m.start, m.end), *reading.spans] + ([(cue.start, cue.end)] if cue else [])
    action = reading.action
    if action is not None and action.start >= ctx.region_start and action.end >= min(s for s, _ in spans) - 2:
        spans.append((action.start, action.end))
    elif action is None and noun is not None and reading.spans and reading.spans[0] == (noun.start, noun.end):
        # A verb right after the counted noun: 确保2所国家区域医疗中心建成.
        after = _verbs_in(text, noun.end, min(clause_end, noun.end + 4), lex.action_verbs, lex)
        action = after[0] if after and after[0].start == noun.end else None

    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    action_word = action.word if action else None
    is_change = action_word in lex.change_verbs and not approach.to_marker
    flags = ["no_unit"] if m.unit is None else []
    indicator = reading.indicator
    if (
        indicator is None
        or reading.uncertain
        or not 2 <= _core_length(indicator) <= lex.max_subject_chars
        or "了" in indicator  # narrative past tense (今年两次提到了…): a report, not a target
    ):
        flags.append("indicator_uncertain")
    return Target(
        start=start,
        end=end,
        raw_text=text[start:end],
        indicator=indicator,
        action=action_word,
        value=m.value,
        value_max=m.value_max,
        unit=m.unit,
        comparator=comparator,
        is_change=is_change,
        kind="count" if _is_programme(noun_word, m.unit, lex) else ("change" if is_change else "level"),
        year=_target_year(text, m.start, lex),
        flag=";".join(flags) or None,
    )


def _pair_respectively(text: str, targets: list[Target], mentions: list[_Mention], lex: _Lexicon) -> list[Target]:
    """A和B分别控制在X和Y: the i-th subject before 分别 goes with the i-th number of the run."""
    out = list(targets)
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and not text[mentions[j].end : mentions[j + 1].start].strip(LIST_JOINERS):
            j += 1
        if j > i:
            _pair_run(text, out, mentions, i, j, lex)
        i = j + 1
    return out


def _pair_run(text: str, out: list[Target], mentions: list[_Mention], i: int, j: int, lex: _Lexicon) -> None:
    clause_start, _ = _clause(text, mentions[i].start, mentions[i].end)
    word = _words_re(lex.respectively).search(text, clause_start, mentions[i].start)
    if word is None:
        return
    s, e = _strip_frames(text, clause_start, word.start(), lex)
    pieces = [(p.start() + s, p.end() + s) for p in re.finditer(f"[^{LIST_JOINERS}]+", text[s:e])]
    if len(pieces) != j - i + 1:
        return
    # A cue said once holds for the whole run: 分别控制在9/10万、3.5‰、5‰以内.
    cues = {out[k].comparator for k in range(i, j + 1)} - {"eq", "range"}
    shared = cues.pop() if len(cues) == 1 else None
    for k, (ps, pe) in zip(range(i, j + 1), pieces, strict=True):
        t = out[k]
        if shared and t.comparator == "eq":
            t = replace(t, comparator=shared)
        flags = [f for f in (t.flag or "").split(";") if f and f != "indicator_uncertain"]
        start, end = min(t.start, ps), max(t.end, mentions[k].end)
        out[k] = replace(
            t,
            start=start,
            end=end,
            raw_text=text[start:end],
            indicator=text[ps:pe],
            flag=";".join(flags) or None,
        )


# --------------------------------------------------------------------------------------------


def extract_targets(text: str) -> list[Target]:
    """All measurable quantities in a plan/task statement, in text order."""
    lex = lexicon()
    mentions = _find_mentions(text, lex, _mask(text))
    targets = [_analyse(text, i, mentions, lex) for i in range(len(mentions))]
    return _pair_respectively(text, targets, mentions, lex)
