"""DuckDB's memory limit grows with the corpus (pipeline.settings.duckdb_memory_limit), within bounds."""

from __future__ import annotations

import os

from pipeline import settings


def test_the_limit_is_the_minimum_for_a_small_corpus_and_grows_with_a_large_one(monkeypatch):
    monkeypatch.delenv("PIPELINE_DUCKDB_MEMORY", raising=False)
    minimum = settings.DUCKDB_MEMORY_MIN // 2**20
    assert settings.duckdb_memory_limit() == f"{minimum}MB"
    assert settings.duckdb_memory_limit(1_000_000) == f"{minimum}MB"
    large = 200 * 2**20  # 200 MiB of text: four times that, unless the machine has less than twice as much memory
    half_of_memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2 // 2**20
    assert settings.duckdb_memory_limit(large) == f"{min(settings.DUCKDB_MEMORY_PER_TEXT_BYTE * 200, half_of_memory)}MB"
    assert settings.duckdb_memory_limit(10**15) == f"{half_of_memory}MB"  # never more than half of the machine


def test_an_operator_sets_the_limit(monkeypatch):
    monkeypatch.setenv("PIPELINE_DUCKDB_MEMORY", "2GB")
    assert settings.duckdb_memory_limit(10**12) == "2GB"


def test_seed_bytes_count_the_files_of_the_folder(tmp_path):
    assert settings.seed_text_bytes(tmp_path / "missing") == 0
    (tmp_path / "a.txt").write_text("卫生", encoding="utf-8")  # 6 bytes
    (tmp_path / "b.md").write_bytes(b"x" * 10)
    (tmp_path / "sub").mkdir()
    assert settings.seed_text_bytes(tmp_path) == 16
