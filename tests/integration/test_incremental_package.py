"""A build that follows a change of one text (added, changed, removed) reuses what it can — per-document results,
the warehouse's rows and check records, the SQLite copy's rows, the figures, the data files' hashes — and its
package is, byte for byte, the package a cold build of the same texts writes: a fresh build folder (warehouse,
package, kept SQLite copy), whose per-document results come from a store of their own (PIPELINE_CACHE, shared by
the cold builds only: those results are not what is compared here, and a key of them changes with text and code)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from pipeline.cli.main import main
from pipeline.package.checksums import verify_checksums

pytestmark = pytest.mark.slow  # builds: not in `make test-fast`

CITIES = ("长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市")


def _report(city: str, year: int, measure: str = "新增托位1000个") -> str:
    return (
        f"{city}卫生健康工作会议召开\n2月5日，{year}年{city}卫生健康工作会议召开。会议总结{year - 1}年工作，"
        f"部署{year}年重点工作。\n会议强调，一是加强基层医疗卫生服务能力建设；二是{measure}。\n"
    )


def _package_files(package: Path) -> dict[str, str]:
    return {
        p.relative_to(package).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(package.rglob("*"))
        if p.is_file()
    }


def _build(seeds: Path, out: Path, datasets: Path) -> dict[str, str]:
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--datasets", str(datasets)]) == 0
    files = _package_files(out / "package")
    # Each data file is hashed once for the descriptor and SHA256SUMS of both of write_package's calls: both
    # name every file's own sha256 (the draft's README and descriptor are rewritten in between).
    assert verify_checksums(out / "package") == []
    descriptor = json.loads((out / "package" / "datapackage.json").read_text(encoding="utf-8"))
    for entry in [*descriptor["resources"], *(r["parquet"] for r in descriptor["resources"]), descriptor["sqlite"]]:
        assert entry["hash"] == f"sha256:{files[entry['path']]}", entry["path"]
    return files


def _cold(seeds: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    with monkeypatch.context() as context:
        context.setenv("PIPELINE_CACHE", str(tmp_path / "cold-cache"))
        return _build(seeds, tmp_path / name, tmp_path / "ds")  # its own build folder and warehouse


def _two_source_plans(out: Path) -> int:
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(
            "SELECT count(*) FROM (SELECT plan_id FROM plan_sources GROUP BY plan_id HAVING count(*) = 2)"
        ).fetchone()[0]


def _record_rows(out: Path, record: str) -> int:
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {record}").fetchone()[0]


def test_a_text_added_changed_or_removed_gives_the_package_of_a_cold_build_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.delenv("PIPELINE_CACHE", raising=False)  # the incremental build folder keeps its own cache
    seeds, out = tmp_path / "seeds", tmp_path / "incremental"
    seeds.mkdir()
    for number, city in enumerate(CITIES):
        (seeds / f"city_{number}.txt").write_text(_report(city, 2025), encoding="utf-8")
    # A second report of 株洲市's meeting: one plan of two sources, whose leaves the merge matches (and keeps the
    # match: a later build reuses it only while the texts on both sides are the same).
    (seeds / "city_1_again.txt").write_text(_report("株洲市", 2025, "新增托位2000个"), encoding="utf-8")
    _build(seeds, out, tmp_path / "ds")
    assert _two_source_plans(out) == 1
    # The checks of the first build left records, so the next builds compare changed rows only.
    assert _record_rows(out, "_verified_documents") > 0 and _record_rows(out, "_verified_quotes") > 0

    # One text added and another changed, in one build (five builds in all instead of seven: each is seconds).
    (seeds / "city_5.txt").write_text(_report("岳阳市", 2025), encoding="utf-8")
    (seeds / "city_1.txt").write_text(_report("株洲市", 2025, "新建社区医院3所"), encoding="utf-8")
    capsys.readouterr()
    incremental = _build(seeds, out, tmp_path / "ds")
    assert "(2 new or changed documents to process, the others reused)" in capsys.readouterr().err
    assert incremental == _cold(seeds, tmp_path, "cold-added-and-changed", monkeypatch)

    (seeds / "city_2.txt").unlink()
    assert _build(seeds, out, tmp_path / "ds") == _cold(seeds, tmp_path, "cold-removed", monkeypatch)
