"""The fast implementations of the build's hot paths give exactly what the plain ones they replaced gave.

Each reference below is the straightforward implementation the project used before it was made
faster; the generated cases (seeded, so the test is deterministic) mix real vocabulary with
punctuation, repetitions and edge cases, and the fast function must return the very same values.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence

from pipeline.analysis import themes as themes_module
from pipeline.analysis.settings import themes
from pipeline.tables import plans

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
    for _ in range(400):
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
