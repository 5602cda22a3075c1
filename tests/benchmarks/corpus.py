"""Synthetic corpora for the benchmarks, made from the seeds: deterministic, no two documents alike.

Each document takes the paragraphs of the seed texts, shuffled (a fixed random seed per document), up
to about `doc_bytes`, under a first line that numbers it; no manifest, as a user's folder would be.
`write_corpus(folder, megabytes)` writes enough documents for the size; `write_unbroken_text` writes
one text of the given size with no line break at all (a page pasted as one line).

Those documents repeat the seeds' paragraphs, so a cache keyed by text (jieba's HMM runs, say) looks far
better on them than on real writing. `write_varied_corpus` writes documents that do not repeat: paragraphs
recombined from the seeds' clauses, every number drawn anew, place names drawn from the county table, and
3% of the Chinese characters of the prose replaced by other characters of the seeds — so most runs of
characters outside the dictionary are new, as in a corpus of many real texts.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
MB = 1_000_000


def seed_paragraphs() -> list[str]:
    """The paragraphs of the seeds' cleaned texts (no site boilerplate, which cleaning would drop)."""
    from pipeline.text.clean import clean_text

    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        paragraphs += clean_text(path.read_text(encoding="utf-8")).text.split("\n")
    return paragraphs


def document_text(number: int, doc_bytes: int, paragraphs: list[str], separator: str = "\n") -> str:
    """Document `number`: a numbered first line, then shuffled seed paragraphs up to doc_bytes."""
    generator = random.Random(number)
    lines = [f"合成测试文本第{number}篇（由种子文本段落随机组合而成）"]
    size = len(lines[0].encode())
    order: list[str] = []
    while size < doc_bytes:
        if not order:
            order = paragraphs[:]
            generator.shuffle(order)
        line = order.pop()
        lines.append(line)
        size += len(line.encode()) + len(separator.encode())
    return separator.join(lines) + "\n"


def write_corpus(folder: Path, megabytes: float, doc_bytes: int = 20_000, first: int = 0) -> list[Path]:
    """Write documents of ~doc_bytes until the folder holds `megabytes` MB; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = seed_paragraphs()
    paths, total, number = [], 0, first
    while total < megabytes * MB:
        path = folder / f"synthetic_{number:05d}.txt"
        data = document_text(number, doc_bytes, paragraphs).encode()
        path.write_bytes(data)
        paths.append(path)
        total += len(data)
        number += 1
    return paths


def write_unbroken_text(folder: Path, megabytes: float) -> Path:
    """One text of `megabytes` MB without a single line break."""
    folder.mkdir(parents=True, exist_ok=True)
    text = document_text(10**6, int(megabytes * MB), seed_paragraphs(), separator="").rstrip("\n")
    path = folder / "synthetic_unbroken.txt"
    path.write_bytes(text.encode())
    return path


PERTURBED_SHARE = 0.03  # of the Chinese characters of the varied corpus's prose
_CLAUSE = re.compile(r"[^，；。！？]+[，；。！？]?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGITS = re.compile(r"\d+")


@cache
def seed_clauses() -> tuple[str, ...]:
    """The clauses of the seeds' paragraphs (up to and with their ，；。！？)."""
    return tuple(clause for paragraph in seed_paragraphs() for clause in _CLAUSE.findall(paragraph) if clause.strip())


@cache
def _characters_and_places() -> tuple[str, tuple[str, ...], re.Pattern[str]]:
    from pipeline.data import read_csv

    characters = "".join(sorted(set(_HAN.findall("".join(seed_paragraphs())))))
    regions = read_csv("regions.csv")
    counties = tuple(sorted({row["name"] for row in regions if row.get("level") == "county"} or {row["name"] for row in regions}))
    named = sorted({row["name"] for row in regions if row.get("level") != "county"}, key=len, reverse=True)
    return characters, counties, re.compile("|".join(map(re.escape, named)))


def varied_text(number: int, doc_bytes: int) -> str:
    """Document `number` of the varied corpus: recombined clauses, new numbers, places and characters."""
    generator = random.Random(f"varied-{number}")
    characters, counties, places = _characters_and_places()
    clauses = seed_clauses()
    lines = [f"合成测试文本第{number}篇（由种子文本分句重组并改写而成）"]
    size = len(lines[0].encode())
    while size < doc_bytes:
        paragraph = "".join(generator.choice(clauses) for _ in range(generator.randint(2, 8)))
        paragraph = _DIGITS.sub(lambda m: _new_number(m, generator), paragraph)
        paragraph = places.sub(lambda m: generator.choice(counties), paragraph)
        paragraph = _HAN.sub(
            lambda m: generator.choice(characters) if generator.random() < PERTURBED_SHARE else m.group(), paragraph
        )
        lines.append(paragraph)
        size += len(paragraph.encode()) + 1
    return "\n".join(lines) + "\n"


def _new_number(match: re.Match[str], generator: random.Random) -> str:
    """Another number of as many digits; a year (four digits before 年) stays a plausible year."""
    if len(match.group()) == 4 and match.string.startswith("年", match.end()):
        return str(generator.randrange(2000, 2031))
    return str(generator.randrange(1, 10 ** len(match.group())))


def write_varied_corpus(folder: Path, megabytes: float, doc_bytes: int = 20_000) -> list[Path]:
    """Write varied documents of ~doc_bytes until the folder holds `megabytes` MB; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, total, number = [], 0, 0
    while total < megabytes * MB:
        path = folder / f"varied_{number:05d}.txt"
        data = varied_text(number, doc_bytes).encode()
        path.write_bytes(data)
        paths.append(path)
        total += len(data)
        number += 1
    return paths
