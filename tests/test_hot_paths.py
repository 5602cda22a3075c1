"""The fast implementations of the build's hot paths give exactly what the plain ones they replaced gave.

Each reference below is the straightforward implementation the project used before it was made
faster; the generated cases (seeded, so the test is deterministic) mix real vocabulary with
punctuation, repetitions and edge cases, and the fast function must return the very same values.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from pipeline.analysis import themes as themes_module
from pipeline.analysis.settings import themes
from pipeline.tables import plans
from pipeline.text.first_chars import FirstChars, first_chars, has_digit, matches_at, never_empty, starts_re
from pipeline.text.targets import exclusions as targets_exclusions
from pipeline.text.targets.lexicon import lexicon, words_re
from pipeline.text.targets.programmes import find_programmes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# ---------------------------------------------------------------- themes: term runs in task tokens


def _reference_matches(tokens: Sequence[str]) -> list[tuple[int, int, str, str]]:
    found = []
    for theme in themes():
        for term in theme.weights:
            pattern = themes_module._term_tokens(term)
            width = len(pattern)
            if not width:
                continue
            for start in range(len(tokens) - width + 1):
                if tuple(tokens[start : start + width]) == pattern:
                    found.append((start, start + width, theme.theme_id, term))
    spans = {(start, end) for start, end, _, _ in found}
    return sorted(
        match
        for match in found
        if not any(s <= match[0] and match[1] <= e and (s, e) != (match[0], match[1]) for s, e in spans)
    )


def test_theme_term_runs_match_the_plain_scan_on_generated_token_sequences():
    rng = random.Random(11)
    term_tokens = [themes_module._term_tokens(term) for theme in themes() for term in theme.weights]
    pieces = [token for tokens in term_tokens for token in tokens] + ["，", "和", "推进", "建设", "的", "。"]
    cases = [[], ["，"]] + [list(term_tokens[0])]
    for _ in range(150):
        tokens: list[str] = []
        while len(tokens) < rng.randint(0, 40):
            tokens.extend(rng.choice(term_tokens) if rng.random() < 0.4 else [rng.choice(pieces)])
        cases.append(tokens)
    for tokens in cases:
        assert themes_module._matches(tokens) == _reference_matches(tokens), tokens
    assert any(_reference_matches(tokens) for tokens in cases)  # the cases do hold terms


# ---------------------------------------------------------------- plans: task matching by bigram Dice


def _reference_similarity(a: str, b: str) -> float:
    a, b = plans._NOT_CONTENT.sub("", a), plans._NOT_CONTENT.sub("", b)
    grams_a = [a[i : i + 2] for i in range(len(a) - 1)]
    grams_b = [b[i : i + 2] for i in range(len(b) - 1)]
    if not grams_a or not grams_b:
        return 1.0 if a == b else 0.0
    counts: dict[str, int] = defaultdict(int)
    for gram in grams_a:
        counts[gram] += 1
    shared = 0
    for gram in grams_b:
        if counts[gram] > 0:
            counts[gram] -= 1
            shared += 1
    return 2 * shared / (len(grams_a) + len(grams_b))


def _reference_match_tasks(primary: list[dict], other: list[dict]) -> dict[int, tuple[int, float]]:
    pairs = []
    for p in primary:
        for o in other:
            score = _reference_similarity(p["text"], o["text"])
            if score >= plans.MATCH_THRESHOLD:
                pairs.append((-score, abs(p["ordinal"] - o["ordinal"]), p["ordinal"], o["ordinal"], score))
    pairs.sort()
    matched: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for _, _, p_ordinal, o_ordinal, score in pairs:
        if o_ordinal not in matched and p_ordinal not in used:
            matched[o_ordinal] = (p_ordinal, score)
            used.add(p_ordinal)
    return matched


_CHARS = "加强基层医疗卫生服务体系建设推进公立医院改革健康中国行动，、。 \n（）“”1234"


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(rng.choice([0, 1, 2, 3, 8, 20, 60])))


def test_the_containment_test_equals_the_pairwise_one_on_generated_spans():
    rng = random.Random(12)
    for _ in range(300):
        found = []
        for _ in range(rng.randint(1, 30)):
            start = rng.randint(0, 20)
            found.append((start, start + rng.randint(1, 6), rng.choice("ab"), "t"))
        spans = {(start, end) for start, end, _, _ in found}
        inside = themes_module._containment_test(found)
        for start, end, _, _ in found:
            pairwise = any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)
            assert inside(start, end) == pairwise, (found, start, end)


def test_content_similarity_equals_the_plain_bigram_dice_on_generated_texts():
    rng = random.Random(7)
    texts = ["", "，", "医", "医改", "医改。", "改医", "医医医医", "医医"] + [_random_text(rng) for _ in range(150)]
    for a in texts:
        for b in texts[:40]:
            assert plans.content_similarity(a, b) == _reference_similarity(a, b), (a, b)


def test_task_matching_equals_the_all_pairs_greedy_match_on_generated_sources():
    rng = random.Random(3)
    n_matched = 0
    for _ in range(200):
        primary_texts = [_random_text(rng) for _ in range(rng.randint(0, 12))]
        # the other source: some tasks copied (and perhaps edited), some new ones, in another order
        other_texts = [
            t[: rng.randint(0, len(t))] + _random_text(rng) if rng.random() < 0.5 else t for t in primary_texts
        ]
        other_texts += [_random_text(rng) for _ in range(rng.randint(0, 4))]
        rng.shuffle(other_texts)
        primary = [{"ordinal": n, "text": t} for n, t in enumerate(primary_texts, start=1)]
        other = [{"ordinal": n, "text": t} for n, t in enumerate(other_texts, start=1)]
        matched = plans.match_tasks(primary, other)
        assert matched == _reference_match_tasks(primary, other)
        n_matched += len(matched)
    assert n_matched > 200  # the cases do hold matching tasks


# ---------------------------------------------------------------- exclusions: spans of numbers that are no targets


def _reference_quote_spans(text: str, lex) -> list[tuple[int, int, str]]:
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
        if not lex.level_quote_re.search(text[i + 1 : j]):
            spans.append((i, end, "quotes"))
        i = end if closed else i + 1
    return spans


def _reference_pattern_spans(text: str) -> list[tuple[int, int, str]]:
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
    spans.extend((m.start(), m.end(), "idioms") for m in words_re(lex.idioms).finditer(text))
    spans.extend(_reference_quote_spans(text, lex))
    spans.extend((m.start(), m.end(), "titles") for m in lex.title_re.finditer(text))
    spans.extend(targets_exclusions.named_before_spans(text))
    spans.extend(targets_exclusions.counted_sequence_spans(text))
    return sorted(spans)


_FRAGMENTS = (
    "2025年", "3月15日", "12:30", "第3", "第十", "一是", "二要", "（一）", "1.", "(2)", "十四五", "二十大", "三届二中全会",
    "每千人口", "每10万人", "1/3", "三分之一", "3:1", "前10名", "这3", "上述5", "以下八项工作：", "如下3个方面",
    "以改革为牵引", "在现有基础上", "5G", "V2.0", "4+1", "12345热线", "65岁", "3年", "连续5年", "二级", "三甲",
    "“健康中国”", "“城市12分钟、农村30分钟”", "“未闭合", "《规划》", "甲、乙和丙3个中心", "等7个应用",
    "达到90%以上", "提高到80岁", "，", "。", "\n", "、", "覆盖", "医疗卫生", "１２", "٣", "A", "x",
)  # fmt: skip


def _generated_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    seed_text = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    texts = []
    for _ in range(n):
        pieces = [rng.choice(_FRAGMENTS) for _ in range(rng.randint(0, 12))]
        start = rng.randrange(len(seed_text))
        pieces.insert(rng.randint(0, len(pieces)), seed_text[start : start + rng.randint(0, 200)])
        texts.append("".join(pieces))
    return ["", "7", "，"] + texts


def test_exclusion_spans_equal_the_plain_scan_of_every_pattern():
    texts = _generated_texts(1, 300)
    for text in texts + texts[::-1]:  # the second round is answered from the remembered results
        assert targets_exclusions.pattern_spans(text) == _reference_pattern_spans(text), text


# Sentences written for the purpose: numbers right after digits and dots (look-behinds), a year and its 年 on
# two lines, ordinals at line starts, a count right after a title, a text ending in an announced count.
_WRITTEN = (
    "全市112月份完成3.12月度考核，12月31日前上报，5·15宣传日、3.15活动照常。",
    "到2025\n年，每千人口床位达到6.5张；2024-\n2026年实施三年行动。",
    "1、总体要求\n2.主要目标\n3\n（一）加强基层\n(2)完善机制",
    "《规划》《意见》《方案》三个指导性文件和两个《议事规则》已印发，国发〔2019〕13号。",
    "这两个学科、上述3项任务，以下八项工作：一是…\n重点做好十个方面工作",
    "全省三大中心建设，打造五大中心，八大类重点人群，二十大精神，十四五期间",
    "床位超过1000张的医院，营业收入过50亿元的企业，每10万人口12.5张，1/3以上，3:1",
    "12320卫生热线，0571-88888888，13912345678，5G应用，V2.0版，4+1模式",
)


def test_tried_only_where_a_match_can_start_the_matches_are_those_of_the_plain_scan():
    patterns = [pattern for patterns in lexicon().exclusions.values() for pattern in patterns]
    patterns += [
        re.compile(p) for p in (r"(?<![\d.])\d{1,2}月", r"(?m)^\d{1,2}(?:[、.]|$)", r"(?<=》)[一二三]个", r"\d+\s*年")
    ]
    found = 0
    for pattern in patterns:
        first = first_chars(pattern)
        assert first is not None and never_empty(pattern), pattern.pattern
        for text in _WRITTEN + ("", "\n", "".join(_WRITTEN)):
            starts = [m.start() for m in starts_re(first).finditer(text)]
            got = [m.span() for m in matches_at(pattern, text, starts)]
            assert got == [m.span() for m in pattern.finditer(text)], (pattern.pattern, text)
            found += len(got)
    assert found > 100  # the sentences do hold matches, the line-spanning year among them
    year = lexicon().exclusions["years_and_dates"][0]  # a year, its range and 年 may run over a line break
    starts = [m.start() for m in starts_re(first_chars(year)).finditer(_WRITTEN[1])]
    assert [m.group() for m in matches_at(year, _WRITTEN[1], starts)] == ["2025\n年", "2024-\n2026年"]


def test_a_pattern_that_may_match_empty_is_never_tried_only_at_its_starts():
    for nullable in ("a*", r"(?<!x)a?", "(?:ab)*|c", r"\d{0,2}"):
        assert not never_empty(re.compile(nullable)), nullable
    for unknown in (r".a", r"[^a]b", r"\w"):  # first characters unknown
        assert not never_empty(re.compile(unknown)), unknown
    for consuming in (r"\d+", r"(?<=x)a", r"(?m)^b", "a*b", "(?:a|b)c?"):
        assert never_empty(re.compile(consuming)), consuming
    assert starts_re(FirstChars(frozenset("]^-"), True)).findall("a]b^c-d7e") == ["]", "^", "-", "7"]
    assert starts_re(FirstChars(frozenset(), False)).search("anything") is None


def test_exclusion_spans_of_written_sentences_equal_the_plain_scan():
    for text in _WRITTEN + ("\n".join(_WRITTEN),):
        assert targets_exclusions.pattern_spans(text) == _reference_pattern_spans(text) != [], text


def test_a_remembered_result_is_a_fresh_list_and_belongs_to_its_lexicon(monkeypatch):
    text = "2025年以下八项工作：“健康中国”"
    first = targets_exclusions.pattern_spans(text)
    first.clear()
    assert targets_exclusions.pattern_spans(text) == _reference_pattern_spans(text) != []
    other = dataclasses.replace(lexicon(), exclusions={}, quote_pairs=())  # no patterns and no quotes
    monkeypatch.setattr(targets_exclusions, "lexicon", lambda: other)
    assert targets_exclusions.pattern_spans(text) == []


def test_programmes_are_remembered_per_text_and_equal_a_fresh_reading():
    for text in _generated_texts(2, 200) + ["实施医疗卫生强基工程，推进健康广东18项专项行动和“优质服务基层行”活动"]:
        assert find_programmes(text) == find_programmes.__wrapped__(text)


def test_the_first_characters_of_every_exclusion_pattern_admit_each_of_its_matches():
    lex = lexicon()
    known = 0
    for patterns in lex.exclusions.values():
        for pattern in patterns:
            first = first_chars(pattern)
            known += first is not None
            for text in _generated_texts(3, 300):
                if first is not None and any(m.end() > m.start() for m in pattern.finditer(text)):
                    assert first.may_match(set(text), has_digit(text)), (pattern.pattern, text)
    assert known >= 40  # nearly every pattern can be skipped where it cannot match


def test_first_characters_of_hand_written_patterns():
    assert first_chars(re.compile("第[一二]")) == FirstChars(frozenset("第"), False)
    assert first_chars(re.compile(r"(?<!\d)(?:a|b?c)\d")) == FirstChars(frozenset("abc"), False)
    assert first_chars(re.compile(r"x?\d+")) == FirstChars(frozenset("x"), True)
    assert first_chars(re.compile(r"(?m)^(?:甲)*乙")) == FirstChars(frozenset("甲乙"), False)
    for unknown in (r".a", r"[^a]b", r"\w", r"\s*x", "(?i)a", r"(a)?\1"):
        assert first_chars(re.compile(unknown)) is None, unknown
    assert first_chars(re.compile(r"(a)\1")) == FirstChars(frozenset("a"), False)  # decided before the reference
    nullable = first_chars(re.compile("a*"))  # only its non-empty matches count
    assert nullable == FirstChars(frozenset("a"), False) and not nullable.may_match(set("bbb"), False)


def test_remembered_numbers_equal_a_fresh_reading():
    from pipeline.text.numbers import parse_number

    for numeral in ["1.5万", "千亿", "十五", "两", "1,000", "〇", "万", "abc", "", " 3 ", "1.5万"] * 2:
        assert parse_number(numeral) == parse_number.__wrapped__(numeral)
