"""Benchmarks, run on demand (`make bench`), never asserted in the test suite.

Measures, on the seeds (optionally replicated N times to simulate a larger corpus):
  - wall time and peak memory of a full in-process build (`python -m pipeline build`),
  - per-document cost of cleaning, segmentation and extraction.
Usage: python tests/benchmarks/run.py [--copies N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _text_functions(seeds: list[Path]) -> None:
    from pipeline.extract import extract_document
    from pipeline.text.clean import clean_text
    from pipeline.text.segment import split_sentences, tokenize

    tokenize("预热")  # load jieba's dictionary once, outside the timings
    totals = {"clean": 0.0, "segment": 0.0, "extract": 0.0}
    characters = 0
    for path in seeds:
        raw = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        text = clean_text(raw).text
        totals["clean"] += time.perf_counter() - started
        started = time.perf_counter()
        tokenize(text, split_sentences(text))
        totals["segment"] += time.perf_counter() - started
        started = time.perf_counter()
        extract_document(text, kind=None, published=None)
        totals["extract"] += time.perf_counter() - started
        characters += len(text)
    for stage, seconds in totals.items():
        print(
            f"  {stage:8s} {seconds * 1000:8.1f} ms for {characters} characters ({seconds / characters * 1e6:.2f} µs/char)"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=1, help="replicate each seed N times (new doc_ids)")
    args = parser.parse_args()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    print(f"text functions on {len(seeds)} seeds:")
    _text_functions(seeds)

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "seeds").mkdir()
        for copy in range(args.copies):
            for path in seeds:
                # Each copy gets a distinct last line: identical bytes would be refused as duplicates.
                data = path.read_bytes() + f"\n（副本{copy}）\n".encode()
                (work / "seeds" / f"{path.stem}_c{copy:03d}{path.suffix}").write_bytes(data)
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "pipeline", "build", "--seeds", str(work / "seeds"), "--out", str(work / "out")],
            capture_output=True,
            text=True,
            env={**os.environ, "DAGSTER_HOME": str(work / "dagster_home")},  # not the project's instance
        )
        elapsed = time.perf_counter() - started
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        status = "ok" if completed.returncode == 0 else f"FAILED ({completed.returncode})"
        print(
            f"full build of {len(seeds) * args.copies} documents: {elapsed:.1f} s, peak RSS {peak_mib:.0f} MiB, {status}"
        )
        if completed.returncode:
            print(completed.stderr[-2000:])
        return completed.returncode


if __name__ == "__main__":
    raise SystemExit(main())
