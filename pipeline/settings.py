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


# Enough for a 10 MB corpus (DuckDB spills larger sorts and joins to disk): with 128MB instead of 256MB its cold
# build wrote the same bytes in the same time with a peak 116 MiB lower (1005 -> 889 MiB, 2026-12-06).
DUCKDB_MEMORY_LIMIT = "128MB"


def duckdb_memory_limit() -> str:
    """Memory a DuckDB connection of the build may hold: the warehouse's, the SQLite copy's reader
    (PIPELINE_DUCKDB_MEMORY overrides, e.g. 2GB for large corpora).

    DuckDB's default is 80% of the machine's memory, which it keeps once used: the build's peak would
    grow with the corpus instead of staying flat."""
    return os.environ.get("PIPELINE_DUCKDB_MEMORY") or DUCKDB_MEMORY_LIMIT
