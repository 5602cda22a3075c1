"""Synthetic corpora for the benchmarks, made from the seeds: deterministic, no two documents alike.

Each document takes the paragraphs of the seed texts, shuffled (a fixed random seed per document), up
to about `doc_bytes`, under a first line that numbers it; no manifest, as a user's folder would be.
`write_corpus(folder, megabytes)` writes enough documents for the size; `write_unbroken_text` writes
one text of the given size with no line break at all (a page pasted as one line).
"""

from __future__ import annotations

import random
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
