"""The CLI's runs follow what changed: one run over every document when none is processed, else
process_documents over the new or changed ones only, then the assembly job (pipeline.cli.runs)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import dagster as dg
import pytest

from pipeline.cli.main import main
from pipeline.cli.runs import documents_to_process, plan_runs
from pipeline.defs.partitions import RANGE_END_TAG, RANGE_START_TAG
from pipeline.documents.seeds import discover
from pipeline.documents.stages import run_stage
from pipeline.documents.store import DocumentStore
from pipeline.settings import Paths

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

DOCS = ["a", "b", "c", "d"]


def _runs(command: str, to_process: set[str]) -> list[tuple[str, str | None, str | None]]:
    return [
        (run.job_name, run.tags.get(RANGE_START_TAG), run.tags.get(RANGE_END_TAG))
        for run in plan_runs(command, DOCS, to_process)
    ]


def test_a_cold_build_is_one_run_over_every_document():
    assert _runs("build", set(DOCS)) == [("build", "a", "d")]
    assert _runs("publish", set(DOCS)) == [("publish", "a", "d")]


def test_nothing_to_process_runs_the_assembly_job_alone():
    assert _runs("build", set()) == [("assemble", None, None)]
    assert _runs("publish", set()) == [("assemble_and_publish", None, None)]


def test_new_or_changed_documents_are_processed_alone_then_everything_is_assembled():
    assert _runs("build", {"d"}) == [("process_documents", "d", "d"), ("assemble", None, None)]
    assert _runs("publish", {"c", "d"}) == [("process_documents", "c", "d"), ("assemble_and_publish", None, None)]
    # one run covers one range: a processed document between two changed ones is inside it (and reused)
    assert _runs("build", {"a", "c"}) == [("process_documents", "a", "c"), ("assemble", None, None)]


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
    assert "'process_documents' over 1 new or changed document, then 'assemble' over all 3" in err

    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache2"))
    full = ["build", "--seeds", str(seeds), "--out", str(tmp_path / "full"), "--datasets", str(tmp_path / "ds")]
    assert main(full) == 0
    assert "running the Dagster job 'build' over 3 documents" in capsys.readouterr().err
    assert _package_files(tmp_path / "out" / "package") == _package_files(tmp_path / "full" / "package")


def test_the_project_instance_counts_a_stored_document_it_never_materialised_as_to_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))
    seeds = _write_seeds(tmp_path / "seeds", ["长沙市", "株洲市"])
    paths = Paths(seeds=seeds, out=tmp_path / "out", datasets=tmp_path / "ds")
    documents = discover(seeds)
    assert documents_to_process(paths, documents, None) == {"city_0", "city_1"}
    store = DocumentStore(paths.documents)
    for stage in ("raw", "clean", "segment", "extract"):
        run_stage(stage, store, documents[:1])
    assert documents_to_process(paths, documents, None) == {"city_1"}
    # a fresh UI instance has materialised nothing: the CLI makes the run that shows every document
    assert documents_to_process(paths, documents, dg.DagsterInstance.ephemeral()) == {"city_0", "city_1"}
