"""Where the pipeline reads and writes: seeds, build folder, warehouse, datasets (one place)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # the repository: seeds/, schemas/, datasets/, pipeline/
PACKAGE_NAME = "china-health-work-plans"


@dataclass(frozen=True)
class Paths:
    """The folders of one pipeline run."""

    seeds: Path
    out: Path  # build folder: the checked package is written here, beside warehouse.duckdb
    datasets: Path

    @property
    def warehouse(self) -> Path:
        return self.out / "warehouse.duckdb"

    @property
    def cache(self) -> Path:
        """Results addressed by content (per-document results, validated packages): PIPELINE_CACHE, else
        OUT/cache. Sharing one cache between build folders is safe: a key changes with inputs and code."""
        return Path(os.environ.get("PIPELINE_CACHE") or self.out / "cache")

    @property
    def documents(self) -> Path:
        """Per-document results, one Parquet file per document and stage (see pipeline.documents.store)."""
        return self.cache / "documents"

    @property
    def package(self) -> Path:
        return self.out / "package"

    @property
    def kept_sqlite(self) -> Path:
        """The package's last SQLite copy and what it was written from, whose rows the next copy reuses."""
        return self.out / "sqlite-kept"

    @property
    def releases(self) -> Path:
        return self.datasets / PACKAGE_NAME


def default_paths() -> Paths:
    """Defaults, overridable by PIPELINE_SEEDS / PIPELINE_OUT / PIPELINE_DATASETS (used by `dagster dev`)."""
    return Paths(
        seeds=Path(os.environ.get("PIPELINE_SEEDS", PROJECT_ROOT / "seeds")),
        out=Path(os.environ.get("PIPELINE_OUT", PROJECT_ROOT / "build")),
        datasets=Path(os.environ.get("PIPELINE_DATASETS", PROJECT_ROOT / "datasets")),
    )


def release_date() -> str:
    """Date a new version is released (PIPELINE_RELEASE_DATE overrides the clock, for tests)."""
    return os.environ.get("PIPELINE_RELEASE_DATE") or date.today().isoformat()


# DuckDB's memory limit: DUCKDB_MEMORY_PER_TEXT_BYTE times the bytes of the seed texts, at least DUCKDB_MEMORY_MIN
# and at most half of the machine's memory. DuckDB spills sorts, joins and aggregates to disk, and the build
# reads documents, inserts rows and checks offsets a batch at a time, but some of its statements still hold
# memory in proportion to the corpus. Measured 2026-12-06: 128 MB failed on 10 MB of text now and then (the
# package); on the 100 MB benchmark corpus (4,935 texts) 128 MB failed at the documents step, 363 MB (4x) at the
# package, 600 MB (6x) built it. 8x leaves a margin.
DUCKDB_MEMORY_MIN = 256 * 2**20
DUCKDB_MEMORY_PER_TEXT_BYTE = 8


def duckdb_memory_limit(text_bytes: int = 0) -> str:
    """Memory a DuckDB connection of the build may hold (the warehouse's, the SQLite copy's reader) for a corpus
    of `text_bytes` bytes of seed text; PIPELINE_DUCKDB_MEMORY overrides it (e.g. 2GB).

    DuckDB's own default is 80% of the machine's memory, which it keeps once used: the build's peak would grow
    to that on any large corpus instead of with what its statements need."""
    if override := os.environ.get("PIPELINE_DUCKDB_MEMORY"):
        return override
    ceiling = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2
    wanted = max(DUCKDB_MEMORY_MIN, DUCKDB_MEMORY_PER_TEXT_BYTE * text_bytes)
    return f"{min(wanted, ceiling) // 2**20}MB"


def seed_text_bytes(seeds: Path) -> int:
    """Bytes of the files in a seeds folder (0 when it does not exist yet)."""
    return sum(path.stat().st_size for path in seeds.iterdir() if path.is_file()) if seeds.is_dir() else 0
