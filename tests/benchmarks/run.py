"""Benchmarks, run on demand (`make bench`), never asserted in the test suite.

For synthetic corpora of 1, 3 and 10 MB (tests/benchmarks/corpus.py) — of two kinds: `repeating`, the
seeds' paragraphs reshuffled, and `varied`, recombined clauses with new numbers, places and 3% of the
characters changed, so that nothing repeats — and one 1 MB text without line breaks, one run measures a cold `python -m pipeline build` (wall time, CPU time of the build and its
worker processes, peak resident memory of the whole process tree) and, in the same run, the time of
`jieba.lcut` and jieba's own `jieba.posseg` tokenizer (the project's dictionary, one process, none of the
pipeline's caching) over the same texts; the
build's wall time is given as a multiple of both. On the largest corpus it also measures an
unchanged rebuild and a rebuild after adding one document.

Usage: python tests/benchmarks/run.py [--sizes 1,3,10] [--corpora repeating,varied] [--no-unbroken]
(`make bench SIZES=100` for the 100 MB corpora, about 5,000 documents each.)
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, document_text, seed_paragraphs, write_corpus, write_unbroken_text, write_varied_corpus  # noqa: E402


def _tree_rss_kib(root_pid: int) -> int:
    """Resident memory of a process and all its descendants (from /proc), in KiB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    total, pending = 0, [root_pid]
    while pending:
        pid = pending.pop()
        total += rss.get(pid, 0)
        pending += [child for child, parent in parents.items() if parent == pid]
    return total


def build(seeds: Path, out: Path) -> dict[str, float]:
    """One `python -m pipeline build`: wall and CPU seconds, peak RSS of its process tree (MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "build", "--seeds", str(seeds), "--out", str(out), "--datasets", str(out / "ds")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT,
    )  # fmt: skip
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            done.wait(0.25)

    sampler = threading.Thread(target=sample)
    sampler.start()
    output = process.communicate()[0]
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        print(output[-3000:])
        raise SystemExit(f"the build of {seeds} failed ({process.returncode})")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # RUSAGE_CHILDREN's ru_maxrss is the largest child of the whole benchmark so far, not of this build:
    # the sampled sum over the build's process tree is the figure.
    return {"wall": wall, "cpu": cpu, "rss": peak / 1024}


def jieba_times(texts: list[str]) -> dict[str, float]:
    """Same-run time of jieba.lcut and jieba.posseg (with the project's dictionary) over the texts."""
    import jieba.posseg

    from pipeline.text.segment import pos_tokenizer

    project = pos_tokenizer()
    project.makesure_userdict_loaded()
    posseg = object.__new__(jieba.posseg.POSTokenizer)  # jieba's own class: the pipeline's HMM cache not used
    posseg.tokenizer, posseg.word_tag_tab = project.tokenizer, project.word_tag_tab
    posseg.lcut("预热")
    posseg.tokenizer.lcut("预热")
    started = time.perf_counter()
    for text in texts:
        posseg.tokenizer.lcut(text)
    lcut = time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        posseg.lcut(text)
    return {"lcut": lcut, "posseg": time.perf_counter() - started}


def measure(name: str, seeds: Path, out: Path) -> dict:
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    row = {"corpus": name, "documents": len(texts), "characters": sum(map(len, texts)), **build(seeds, out)}
    row.update(jieba_times(texts))
    print(_line(row), flush=True)
    return row


HEADER = (
    "| corpus | documents | characters | build wall s | build CPU s | peak RSS MiB | jieba.lcut s | jieba.posseg s "
    "| wall / posseg | wall / lcut |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
)


def _line(row: dict) -> str:
    return (
        f"| {row['corpus']} | {row['documents']} | {row['characters']:,} | {row['wall']:.1f} | {row['cpu']:.1f} "
        f"| {row['rss']:.0f} | {row['lcut']:.1f} | {row['posseg']:.1f} | {row['wall'] / row['posseg']:.2f} "
        f"| {row['wall'] / row['lcut']:.1f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,3,10", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--corpora", default="repeating,varied", help="corpus kinds: repeating, varied")
    parser.add_argument("--no-unbroken", action="store_true", help="skip the 1 MB text without line breaks")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    kinds = args.corpora.split(",")
    print(f"{date.today().isoformat()}, {platform.node()}: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}\n")  # fmt: skip
    print(HEADER, flush=True)
    rows = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for kind in kinds:
            for size in sizes:
                name = f"{size:g} MB" + ("" if kind == "repeating" else f", {kind}")
                (write_corpus if kind == "repeating" else write_varied_corpus)(work / name / "seeds", size)
                rows[name] = measure(name, work / name / "seeds", work / name / "out")
        if not args.no_unbroken:
            write_unbroken_text(work / "unbroken" / "seeds", 1)
            rows["unbroken"] = measure("1 MB, no line breaks", work / "unbroken" / "seeds", work / "unbroken" / "out")
        largest = f"{max(sizes):g} MB" + ("" if kinds[0] == "repeating" else f", {kinds[0]}")
        seeds, out = work / largest / "seeds", work / largest / "out"
        cold = rows[largest]["wall"]
        unchanged = build(seeds, out)["wall"]
        count = len(list(seeds.glob("*.txt")))
        (seeds / "synthetic_added.txt").write_text(document_text(10**7, 20_000, seed_paragraphs()), encoding="utf-8")
        added = build(seeds, out)["wall"]
    print()
    print(f"- {largest} unchanged rebuild: {unchanged:.1f} s ({unchanged / cold:.0%} of its cold build)")
    print(f"- {largest}, one document added to {count}: {added:.1f} s ({added / cold:.0%} of its cold build)")
    if "1 MB" in rows:
        for name, row in rows.items():
            if name not in ("1 MB", "unbroken") and "varied" not in name:
                print(f"- {name} cold build: {row['wall'] / rows['1 MB']['wall']:.1f}× the 1 MB time")
        if "unbroken" in rows:
            print(f"- 1 MB without line breaks: {rows['unbroken']['wall'] / rows['1 MB']['wall']:.1f}× the 1 MB time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
