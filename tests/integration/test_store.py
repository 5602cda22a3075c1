"""The per-document store: results addressed by content and code, reused across runs, made in parallel alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli.main import main
from pipeline.documents.seeds import discover
from pipeline.documents.stages import run_stage
from pipeline.documents.store import STAGES as STAGE_CODE
from pipeline.documents.store import DocumentStore, document_keys, library_versions, module_closure
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

STAGES = ("raw", "clean", "segment", "extract")


def _seed_copy(tmp_path: Path, names: list[str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in names:
        shutil.copy(SEEDS / name, seeds)
    return seeds


# Unchanged documents are not processed again and a new one alone is: tests/integration/test_orchestration.py
# (test_a_new_document_is_processed_alone_in_the_next_run_and_equals_a_full_rebuild).


def test_a_stage_key_changes_with_its_inputs_and_code_only():
    document = discover(SEEDS)[0]
    keys = document_keys(document)
    assert len({keys.raw, keys.clean, keys.segment, keys.extract}) == 4
    segment_sources = {path.name for path in module_closure(STAGE_CODE["segment"][0])}
    assert {"segment.py", "settings.py", "officials.py"} <= segment_sources
    assert not any(name.startswith("targets") for name in segment_sources)
    assert any(library.startswith("jieba ") for library in library_versions(module_closure(("pipeline.text.segment",))))
    extract_sources = {path.as_posix() for path in module_closure(("pipeline.documents.extract",))}
    assert any(name.endswith("text/targets/extract.py") for name in extract_sources)


def test_parallel_processes_make_the_same_files_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    documents = sorted(discover(SEEDS), key=lambda d: d.path.stat().st_size)[:2]  # one for each of two workers
    stores = {}
    for name, workers, min_bytes in (("one", "1", "0"), ("two", "2", "0")):
        monkeypatch.setenv("PIPELINE_WORKERS", workers)
        monkeypatch.setattr("pipeline.documents.stages.PARALLEL_MIN_BYTES", int(min_bytes))
        store = DocumentStore(tmp_path / name)
        reports = [run_stage(stage, store, documents) for stage in STAGES]
        for report in reports[1:]:  # clean, segment and extract: as many processes as asked
            assert report.workers == int(workers) and report.computed == len(documents)
        stores[name] = store
    for document in documents:
        keys = document_keys(document)
        for kind, key in (("clean", keys.clean), ("tokens", keys.segment), ("sentences", keys.segment),
                          ("extract", keys.extract)):  # fmt: skip
            assert stores["one"].read(kind, key).equals(stores["two"].read(kind, key)), (document.doc_id, kind)


def test_a_tampered_stored_result_is_caught_and_the_failure_names_table_row_document_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))
    seeds = _seed_copy(tmp_path, ["004_b92b20ed52438b26.txt"])
    out = tmp_path / "out"
    args = ["build", "--seeds", str(seeds), "--out", str(out), "--datasets", str(tmp_path / "ds")]
    assert main(args) == 0
    [document] = discover(seeds)
    path = DocumentStore(tmp_path / "cache" / "documents").path("tokens", document_keys(document).segment)
    tokens = pq.read_table(path).to_pylist()
    tokens[4]["token"] = "错"
    pq.write_table(pq.read_table(path).from_pylist(tokens, schema=pq.read_schema(path)), path)
    capsys.readouterr()
    # Another build folder sharing the cache: the first folder's package is current (it was made before the
    # tampering) and would not be rebuilt; this build assembles its tables from the tampered file.
    args[args.index("--out") + 1] = str(tmp_path / "other-out")
    assert main(args) == 1
    error = capsys.readouterr().err
    assert "tokens.offsets_quote_text" in error
    row = tokens[4]
    assert (
        f"tokens: row (doc_id={row['doc_id']}, sentence_no={row['sentence_no']}, token_no={row['token_no']}) "
        f"of document {row['doc_id']}: documents.text[{row['char_start']}:{row['char_end']}]"
    ) in error
    assert 'but token is "错"' in error
