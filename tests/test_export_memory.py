"""The package's export (pipeline.package.files.export_data) runs under a lower DuckDB memory limit than the
build's connection, and gives that connection back its own limit (as it was set: DuckDB shows it rounded, e.g.
2GB as '1.8 GiB', which set again would be '1.7 GiB') and threads."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.package import files


def _limit(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]


@pytest.mark.parametrize(
    ("connection_limit", "while_exporting"),
    [("256MB", "61.0 MiB"), ("2GB", "61.0 MiB"), ("32MB", "30.5 MiB")],  # lowered to 64 MB, never raised
)
def test_the_export_runs_under_the_lower_limit_and_restores_the_connections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, connection_limit: str, while_exporting: str
):
    seen = {}

    def export(con, data_dir, formats):  # noqa: ANN001, ANN202 - the signature of files._export_tables
        seen["limit"], seen["threads"] = _limit(con), con.execute("SELECT current_setting('threads')").fetchone()[0]
        return {}

    monkeypatch.setattr(files, "_export_tables", export)
    con = duckdb.connect(config={"memory_limit": connection_limit, "threads": 2})
    before = _limit(con)
    files.export_data(con, tmp_path, memory_limit=connection_limit)
    assert seen == {"limit": while_exporting, "threads": 1}
    assert _limit(con) == before and con.execute("SELECT current_setting('threads')").fetchone()[0] == 2
    files.export_data(con, tmp_path)  # no limit given: the connection's is kept
    assert seen == {"limit": before, "threads": 1} and _limit(con) == before


def test_the_export_restores_the_limit_when_a_table_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def export(con, data_dir, formats):  # noqa: ANN001, ANN202
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(files, "_export_tables", export)
    con = duckdb.connect(config={"memory_limit": "256MB"})
    with pytest.raises(duckdb.IOException):
        files.export_data(con, tmp_path, memory_limit="256MB")
    assert _limit(con) == "244.1 MiB"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [("244.1 MiB", 244.1 * 2**20), ("1.8 GiB", 1.8 * 2**30), ("97.6 KiB", 97.6 * 2**10), ("0 bytes", 0), ("64.0 MB", 64e6)],
)
def test_memory_settings_are_read_as_bytes(setting: str, expected: float):
    assert files._bytes(setting) == pytest.approx(expected)
