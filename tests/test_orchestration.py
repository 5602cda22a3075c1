"""Dagster wiring: definitions load, the sensor and schedule, and per-document partitions."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipeline.definitions import defs, make_definitions
from pipeline.defs.jobs import range_tags
from pipeline.defs.partitions import documents_partitions
from pipeline.defs.schedules import daily_publish
from pipeline.defs.sensors import seeds_sensor
from pipeline.settings import Paths
from tests.conftest import SEEDS

PER_DOCUMENT_ASSETS = {"raw_documents", "clean_documents", "segmented_documents", "extracted_documents"}


def test_definitions_load_like_dagster_dev_does():
    dg.Definitions.validate_loadable(defs)
    repository = defs.get_repository_def()
    assert {"build", "publish"} <= {job.name for job in repository.get_all_jobs()}
    assert repository.has_schedule_def("daily_publish") and repository.has_sensor_def("seeds_sensor")


def test_per_document_assets_are_partitioned_and_the_rest_are_not():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        partitioned = graph.get(key).partitions_def is not None
        assert partitioned == (key.to_user_string() in PER_DOCUMENT_ASSETS), key


def _sensor_context(instance: dg.DagsterInstance, cursor: str | None) -> dg.SensorEvaluationContext:
    return dg.build_sensor_context(instance=instance, cursor=cursor, definitions=defs)


def test_sensor_requests_one_run_per_new_or_changed_text_and_nothing_otherwise(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    monkeypatch.setenv("PIPELINE_SEEDS", str(seeds))
    (seeds / "a.txt").write_text("全省卫生健康工作会议召开。", encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()

    first = seeds_sensor(_sensor_context(instance, None))
    assert [r.partition_key for r in first.run_requests] == ["a"]
    [add] = first.dynamic_partitions_requests
    assert add.partitions_def_name == documents_partitions.name and list(add.partition_keys) == ["a"]

    again = seeds_sensor(_sensor_context(instance, first.cursor))
    assert isinstance(again, dg.SkipReason)

    (seeds / "a.txt").write_text("全省卫生健康工作会议召开。会议强调……", encoding="utf-8")
    changed = seeds_sensor(_sensor_context(instance, first.cursor))
    assert [r.partition_key for r in changed.run_requests] == ["a"]
    assert not changed.dynamic_partitions_requests  # the partition exists already

    (seeds / "b.txt").write_text("全市卫生健康工作会议召开。", encoding="utf-8")
    added = seeds_sensor(_sensor_context(instance, changed.cursor))
    assert [r.partition_key for r in added.run_requests] == ["b"]
    assert list(added.dynamic_partitions_requests[0].partition_keys) == ["b"]


def test_schedule_runs_the_full_publish_over_every_partition():
    assert daily_publish.job_name == "publish"
    assert daily_publish.execution_timezone == "Asia/Shanghai"
    with dg.instance_for_test() as instance:
        assert isinstance(daily_publish(dg.build_schedule_context(instance=instance)), dg.SkipReason)
        instance.add_dynamic_partitions(documents_partitions.name, ["a", "b", "c"])
        request = daily_publish(dg.build_schedule_context(instance=instance))
    assert request.tags == range_tags(["a", "b", "c"])
    publish = defs.resolve_job_def("publish")
    assert {k.to_user_string() for k in publish.asset_layer.executable_asset_keys} >= {
        "published_release",
        "raw_documents",
    }


def _run_all_partitions(paths: Paths, job_name: str) -> dg.ExecuteInProcessResult:
    """One run of a job over every document in paths.seeds, in a fresh instance."""
    doc_ids = sorted(p.stem for p in paths.seeds.glob("*.txt"))
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(documents_partitions.name, doc_ids)
    job = make_definitions(paths).resolve_job_def(job_name)
    return job.execute_in_process(instance=instance, tags=range_tags(doc_ids), raise_on_error=False)


def _materialised(result: dg.ExecuteInProcessResult) -> dict[str, set[str | None]]:
    found: dict[str, set[str | None]] = {}
    for event in result.get_asset_materialization_events():
        found.setdefault(event.asset_key.to_user_string(), set()).add(event.partition)
    return found


def test_new_document_materialises_only_its_own_partition_and_equals_a_full_rebuild(tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "000_d94bf26f79975ec5.txt", seeds)
    shutil.copy(SEEDS / "002_a1b3c1b0fa981a87.txt", seeds)
    incremental = Paths(seeds=seeds, out=tmp_path / "incremental", datasets=tmp_path / "ds-incremental")
    instance = dg.DagsterInstance.ephemeral()
    job = make_definitions(incremental).resolve_job_def("build")
    instance.add_dynamic_partitions(documents_partitions.name, ["000_d94bf26f79975ec5", "002_a1b3c1b0fa981a87"])
    first = job.execute_in_process(instance=instance, tags=range_tags(["000_d94bf26f79975ec5", "002_a1b3c1b0fa981a87"]))
    assert first.success

    shutil.copy(SEEDS / "004_b92b20ed52438b26.txt", seeds)
    instance.add_dynamic_partitions(documents_partitions.name, ["004_b92b20ed52438b26"])
    second = job.execute_in_process(instance=instance, partition_key="004_b92b20ed52438b26")
    assert second.success
    materialised = _materialised(second)
    for asset in PER_DOCUMENT_ASSETS:
        assert materialised[asset] == {"004_b92b20ed52438b26"}, asset
    assert materialised["tasks"] == {None}

    full = Paths(seeds=seeds, out=tmp_path / "full", datasets=tmp_path / "ds-full")
    assert _run_all_partitions(full, "build").success
    for path in sorted((full.package / "data").iterdir()):
        assert (incremental.package / "data" / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_failing_blocking_check_stops_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import pipeline.defs.core as core

    original = core.build_plan_tables

    def shifted(records):
        tables = original(records)
        leaf = next(i for i, row in enumerate(tables.tasks) if row["n_children"] == 0 and row["depth"] == 2)
        row = tables.tasks[leaf]
        tables.tasks[leaf] = {**row, "char_end": row["char_end"] + 1}  # offsets no longer quote the text
        return tables

    monkeypatch.setattr(core, "build_plan_tables", shifted)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    result = _run_all_partitions(Paths(seeds=seeds, out=tmp_path / "out", datasets=tmp_path / "ds"), "publish")
    materialised = _materialised(result)
    assert "tasks" in materialised
    assert "checked_package" not in materialised and "published_release" not in materialised
    assert not (tmp_path / "ds").exists()


def test_executor_is_in_process_by_default_and_multiprocess_by_configuration(monkeypatch: pytest.MonkeyPatch):
    from pipeline.defs.executors import default_execution_config, executor_from_environment

    assert default_execution_config() == {"execution": {"config": {"in_process": {}}}}
    monkeypatch.setenv("PIPELINE_EXECUTOR", "multiprocess")
    assert default_execution_config() == {"execution": {"config": {"multiprocess": {}}}}
    assert executor_from_environment() is dg.multi_or_in_process_executor
    monkeypatch.setenv("PIPELINE_EXECUTOR", "nonsense")
    with pytest.raises(RuntimeError, match="PIPELINE_EXECUTOR"):
        executor_from_environment()
