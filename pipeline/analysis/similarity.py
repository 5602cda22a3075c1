"""TF-IDF vectors over task terms and the pair score shared by alignment and continuity.

tf = 1 + ln(count); idf = 1 + ln((1 + n) / (1 + df)) over the documents given; vectors have unit
length. score = cosine + theme_weight × (shared themes ÷ themes of the task being matched).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Vector = dict[str, float]


def tfidf_vectors(documents: Mapping[str, Sequence[str]], *, sublinear: bool = True) -> dict[str, Vector]:
    """A unit-length TF-IDF vector per document (key → its terms, repeats counted); tf = 1 + ln(count),
    or the count itself when not sublinear."""
    counts = {key: Counter(terms) for key, terms in documents.items()}
    frequency: Counter[str] = Counter()
    for counter in counts.values():
        frequency.update(counter.keys())
    n = len(counts)
    vectors = {}
    for key, counter in counts.items():
        weights = {
            term: ((1 + math.log(count)) if sublinear else count) * (1 + math.log((1 + n) / (1 + frequency[term])))
            for term, count in counter.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors[key] = {term: w / norm for term, w in weights.items()} if norm else {}
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


@dataclass(frozen=True)
class PairScore:
    score: float
    cosine: float
    shared_terms: tuple[str, ...]  # by contribution to the cosine, largest first
    shared_themes: tuple[str, ...]  # sorted


def pair_score(
    a: Vector, b: Vector, themes_a: frozenset[str], themes_b: frozenset[str], theme_weight: float
) -> PairScore:
    """Score of task a against candidate task b (a's themes are the denominator of the theme share)."""
    contributions = {term: weight * b[term] for term, weight in a.items() if term in b}
    similarity = sum(contributions.values())
    shared = themes_a & themes_b
    theme_share = len(shared) / len(themes_a) if themes_a else 0.0
    ordered = tuple(term for term, _ in sorted(contributions.items(), key=lambda item: (-item[1], item[0])))
    return PairScore(
        score=round(similarity + theme_weight * theme_share, 4),
        cosine=round(similarity, 4),
        shared_terms=ordered,
        shared_themes=tuple(sorted(shared)),
    )
