"""The CLI's run follows what changed: one run of the job over every document, whose per-document steps
process only the new or changed texts (pipeline.cli.runs); the package equals a build from nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.cli.runs import describe, documents_to_process
from pipeline.documents.seeds import discover
from pipeline.documents.stages import run_stage
from pipeline.documents.store import DocumentStore
from pipeline.settings import Paths

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`


def test_the_run_is_described_by_what_it_will_process():
    assert describe("build", 4, 4) == "the Dagster job 'build' over 4 documents"
    assert describe("publish", 4, 0) == "the Dagster job 'publish' over the 4 documents already processed"
    assert describe("build", 4, 1) == (
        "the Dagster job 'build' over 4 documents (1 new or changed document to process, the others reused)"
    )


def _report(city: str, year: int) -> str:
    return (
        f"{city}卫生健康工作会议召开\n2月5日，{year}年{city}卫生健康工作会议召开。会议总结{year - 1}年工作，"
        f"部署{year}年重点工作。\n会议强调，一是加强基层医疗卫生服务能力建设；二是新增托位1000个。\n"
    )


def _write_seeds(folder: Path, cities: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for index, city in enumerate(cities):
        (folder / f"city_{index}.txt").write_text(_report(city, 2025), encoding="utf-8")
    return folder


def _package_files(package: Path) -> dict[str, str]:
    return {
        p.relative_to(package).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(package.rglob("*"))
        if p.is_file()
    }


def test_adding_a_text_processes_it_alone_and_the_package_equals_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))  # an empty store: nothing processed before
    seeds = _write_seeds(tmp_path / "seeds", ["长沙市", "株洲市"])
    args = ["build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--datasets", str(tmp_path / "ds")]
    assert main(args) == 0
    assert "running the Dagster job 'build' over 2 documents" in capsys.readouterr().err

    _write_seeds(seeds, ["长沙市", "株洲市", "湘潭市"])
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "'build' over 3 documents (1 new or changed document to process, the others reused)" in err

    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache2"))
    full = ["build", "--seeds", str(seeds), "--out", str(tmp_path / "full"), "--datasets", str(tmp_path / "ds")]
    assert main(full) == 0
    assert "running the Dagster job 'build' over 3 documents" in capsys.readouterr().err
    assert _package_files(tmp_path / "out" / "package") == _package_files(tmp_path / "full" / "package")


def test_a_document_counts_as_to_process_until_every_stage_has_its_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))
    seeds = _write_seeds(tmp_path / "seeds", ["长沙市", "株洲市"])
    paths = Paths(seeds=seeds, out=tmp_path / "out", datasets=tmp_path / "ds")
    documents = discover(seeds)
    assert documents_to_process(paths, documents) == {"city_0", "city_1"}
    store = DocumentStore(paths.documents)
    for stage in ("raw", "clean", "segment"):
        run_stage(stage, store, documents[:1])
    assert documents_to_process(paths, documents) == {"city_0", "city_1"}
    run_stage("extract", store, documents[:1])
    assert documents_to_process(paths, documents) == {"city_1"}
