"""Programmes: the named standing initiatives a plan carries on, found in one cleaned statement.

A programme is an initiative with a name: 健康广东18项专项行动, 母婴安全五项制度, 中医药产业发展“十大行动”,
“优质服务基层行”活动, 医疗卫生强基工程, 国家层面8项民生实事任务. Its name is kept as printed (offsets into
the text); when the name holds a count of its parts (18项, 五项, 十大, “4+1”) that count is `n_parts`.
A number in a programme's name is part of the name, never a target: pipeline.text.targets.extract masks
the names found here.

Three wordings are read, in this order of precedence when they overlap:

- a quoted name that ends with a programme noun or is followed by one (“十大行动”, “千医出海”三年行动),
  with the short modifier between its verb and the quote (中医药产业发展“十大行动”);
- a count of programme items (18项专项行动, 三项民生工程, 4个“三年行动计划”) with its modifier;
- an unquoted name right after a programme verb, ending with a name noun before a clause break or a
  joiner (实施医疗卫生强基工程，), and the names listed after it (…工程和…三年行动).

A count that only announces the list that follows (抓好十项重点工作，…：) is no programme. Words and
patterns are data (pipeline/data/targets.toml, [programmes]). Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.memo import recent_texts
from pipeline.text.numbers import parse_number
from pipeline.text.targets.exclusions import pattern_spans
from pipeline.text.targets.lexicon import CJK, LIST_JOINERS, NUMERAL, NUMERAL_RE, Lexicon, lexicon, words_re
from pipeline.text.targets.phrases import clause, counted_noun, modifier, quoted_from, strip_frames, verbs_in

# Exclusion kinds whose numbers cannot count a programme's parts (a programme may sit in quotes, in
# a 以…为 frame, in a baseline, or be a N大 name).
_NOT_PARTS = {"quotes", "n_da", "n_da_sets", "n_da_kinds", "frames", "baselines", "formulas", "named_before"}
_QUOTE_RE = re.compile(r"“([^“”\n。；：！？]{1,25})”")
_FORMULA_RE = re.compile(r"^(\d+)(?:\+(\d+))+$")


@dataclass(frozen=True)
class Programme:
    start: int  # half-open offsets of the name as printed: text[start:end] == name
    end: int
    name: str
    n_parts: int | None  # the count of parts the name holds (18项专项行动 → 18); None when it has none
    count_start: int | None  # offsets of that count in the text
    count_end: int | None
    quoted_from: str | None  # another issuer the clause credits with it (国家, 国家层面), as printed
    flag: str | None  # 'several_counts' (十大工程30项行动: n_parts is the first), 'formula' (“4+1”: the sum)


@recent_texts(32, lambda: lexicon())  # looked up when called: the lexicon in force
def find_programmes(text: str) -> list[Programme]:
    """The programmes named in `text`, in text order, none overlapping."""
    lex = lexicon()
    masked = bytearray(len(text))
    for start, end, reason in pattern_spans(text):
        if reason not in _NOT_PARTS:
            masked[start:end] = b"\x01" * (end - start)
    found = _quoted(text, lex) + _counted(text, lex, masked) + _named(text, lex)
    kept: list[Programme] = []
    for programme in found:  # earlier wordings take precedence
        if not any(programme.start < k.end and k.start < programme.end for k in kept):
            kept.append(programme)
    return sorted(kept, key=lambda p: p.start)


def _prefix_start(text: str, start: int, lex: Lexicon) -> int:
    """Start of the name: the short modifier between the last programme verb of the clause and `start`."""
    clause_start, _ = clause(text, start, start)
    verbs = verbs_in(text, clause_start, start, lex.programme_verbs, lex)
    if not verbs:
        return start
    prefix = modifier(text, verbs[-1].end, start, lex, as_prefix=True)
    if prefix is None or prefix.start >= start or any(q in text[prefix.start - 1 : start] for q in "“”"):
        return start
    begin = prefix.start
    while begin < start:  # adverbs and a resultative 好 after the verb (总计10项…, 组织好“…”活动)
        word = next((w for w in (*lex.strippable, "好") if text.startswith(w, begin)), None)
        if word is None:
            break
        begin += len(word)
    return begin


def _announces(text: str, end: int, name: str) -> bool:
    """Does the name only announce the list that follows (十大重点任务：)?"""
    return name.rstrip("”").endswith(lexicon().announcement_nouns) and bool(re.match(r"”?[^。；！？\n：]{0,30}：", text[end:]))


def _parts(text: str, start: int, end: int, lex: Lexicon) -> tuple[int | None, int | None, int | None, str | None]:
    """The count of parts in text[start:end]: value, offsets and flag."""
    inner = text[start:end]
    if formula := _FORMULA_RE.match(inner):
        return sum(int(n) for n in re.findall(r"\d+", formula.group())), start, end, "formula"
    classifiers = "".join(lex.programme_classifiers)
    counts = []
    for m in re.finditer(f"({NUMERAL})[{classifiers}]", inner):
        if m.group(1) in lex.bare_chinese:
            continue
        value = parse_number(m.group(1))
        if value is not None and value == int(value):
            counts.append((int(value), start + m.start(1), start + m.end(1)))
    if not counts:
        return None, None, None, None
    value, s, e = counts[0]
    return value, s, e, ("several_counts" if len(counts) > 1 else None)


def _quoted(text: str, lex: Lexicon) -> list[Programme]:
    nouns = lex.programme_quoted_nouns
    found = []
    for q in _QUOTE_RE.finditer(text):
        inner = q.group(1)
        end = q.end()
        after = lex.after_quote_re.match(text, end)
        trailing = next((n for n in nouns if text.startswith(n, after.end())), None) if after else None
        if trailing:
            end = after.end() + len(trailing)
        elif not inner.endswith(nouns) and not _FORMULA_RE.match(inner):
            continue
        elif _FORMULA_RE.match(inner):
            continue  # a bare formula (“2+5+11”布局) names no programme
        name_text = text[q.start() : end]
        if _announces(text, end, name_text):
            continue
        start = _prefix_start(text, q.start(), lex)
        n_parts, cs, ce, flag = _parts(text, q.start(1), q.end(1), lex)
        if n_parts is None and start < q.start():
            n_parts, cs, ce, flag = _parts(text, start, q.start(), lex)  # 4个“三年行动计划”
        found.append(Programme(start, end, text[start:end], n_parts, cs, ce, quoted_from(text, start, lex), flag))
    return found


def _counted(text: str, lex: Lexicon, masked: bytearray) -> list[Programme]:
    classifiers = "".join(lex.programme_classifiers)
    quoted = bytearray(len(text))
    for q in _QUOTE_RE.finditer(text):
        quoted[q.start() : q.end()] = b"\x01" * (q.end() - q.start())
    found = []
    for m in re.finditer(f"({NUMERAL})[{classifiers}]", text):
        if any(masked[m.start() : m.end()]) or any(quoted[m.start() : m.end()]) or m.group(1) in lex.bare_chinese:
            continue
        if m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] == "."):
            continue
        value = parse_number(m.group(1))
        if value is None or value != int(value):
            continue
        _, clause_end = clause(text, m.start(), m.end())
        noun = counted_noun(text, m.end(), clause_end, lex)
        if noun is None or not noun.word.endswith(lex.programme_nouns):
            continue
        end = noun.end
        if text[noun.start] == "“" and "”" in text[noun.start : noun.end + 1]:
            end = text.index("”", noun.start) + 1
        start = _prefix_start(text, m.start(), lex)
        found.append(
            Programme(
                start, end, text[start:end], int(value), m.start(1), m.end(1), quoted_from(text, m.start(), lex), None
            )
        )
    return found


def _named(text: str, lex: Lexicon) -> list[Programme]:
    """Unquoted names after a programme verb (实施医疗卫生强基工程), and the names listed after them."""
    found = []
    name_end = words_re(lex.programme_name_nouns)
    verbs = verbs_in(text, 0, len(text), lex.programme_verbs, lex)
    starts = {v.start for v in verbs}
    for verb in verbs:
        if verb.end in starts:
            continue  # 谋划实施…工程: the name starts after the last of adjacent verbs
        pos = verb.end
        while True:
            limit = min(len(text), pos + lex.max_name_chars)
            j = pos
            while j < limit and CJK.match(text[j]) and text[j] not in LIST_JOINERS + "等的":
                j += 1
            s, e = strip_frames(text, pos, j, lex)
            ends = [m.start() for m in name_end.finditer(text, s, e) if m.end() == j]
            if text.startswith(lex.references, s) or (ends and ends[0] - s < 2):
                break  # 本行动计划 refers to the document itself; 攻坚行动 alone names nothing
            stop = j >= len(text) or text[j] in "，。；：！？\n" + LIST_JOINERS
            if not ends or not stop or e - s < 4 or NUMERAL_RE.search(text, s, e) and _has_count(text, s, e, lex):
                break
            found.append(Programme(s, e, text[s:e], None, None, None, quoted_from(text, s, lex), None))
            if j >= len(text) or text[j] not in LIST_JOINERS:
                break
            pos = j + 1
    return found


def _has_count(text: str, start: int, end: int, lex: Lexicon) -> bool:
    return _parts(text, start, end, lex)[0] is not None
