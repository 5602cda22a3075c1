"""Dagster wiring: definitions, table metadata from schemas/, partitions, pools, executors and their configs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg
import pytest
import yaml

from pipeline import schema
from pipeline.definitions import defs, make_definitions
from pipeline.defs.partitions import (
    RANGE_END_TAG,
    RANGE_START_TAG,
    WAREHOUSE_POOL,
    documents_partitions,
    range_tags,
    sync_document_partitions,
)
from pipeline.settings import Paths
from tests.conftest import ROOT, SEEDS, copy_seeds

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

PER_DOCUMENT_ASSETS = {"raw_documents", "clean_documents", "segmented_documents", "extracted_documents"}


def test_definitions_load_like_dagster_dev_does():
    dg.Definitions.validate_loadable(defs)
    repository = defs.get_repository_def()
    assert {"build", "publish", "process_documents", "assemble_and_publish"} <= {
        job.name for job in repository.get_all_jobs()
    }
    assert repository.has_schedule_def("daily_publish") and repository.has_sensor_def("seeds_sensor")


def test_per_document_assets_are_partitioned_and_the_rest_are_not():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        partitioned = graph.get(key).partitions_def is not None
        assert partitioned == (key.to_user_string() in PER_DOCUMENT_ASSETS), key


def test_every_table_asset_shows_its_own_description_and_columns_from_schemas():
    graph = defs.resolve_asset_graph()
    descriptions = {}
    for table in schema.table_names():
        node = graph.get(dg.AssetKey(table))
        assert node.group_name == "core", table
        descriptions[table] = node.description
        assert schema.table_schema(table)["description"] in node.description, table
        columns = node.metadata["dagster/column_schema"].columns
        assert [c.name for c in columns] == schema.columns(table), table
        for column in columns:
            field = schema.field(table, column.name)
            assert column.description == field.get("description") and column.type == field["type"]
            assert column.constraints.nullable == (not field.get("constraints", {}).get("required", False))
    assert len(set(descriptions.values())) == len(descriptions), "two tables share a description"


def test_assembly_assets_share_one_pool_limited_to_one_run_in_the_project_instance(monkeypatch, tmp_path):
    from pipeline.defs.instance import project_instance

    graph = defs.resolve_asset_graph()
    for key in ("checked_package", "published_release"):
        assert graph.get(dg.AssetKey(key)).pools == {WAREHOUSE_POOL}, key
    for key in PER_DOCUMENT_ASSETS:  # documents of different runs may be processed side by side
        assert not graph.get(dg.AssetKey(key)).pools, key
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    instance = project_instance()
    assert (tmp_path / "home" / "dagster.yaml").exists()
    pools = instance.get_concurrency_config().pool_config
    assert pools.pool_granularity.value == "run"
    assert instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).slot_count == 1


def test_partition_registry_follows_the_seeds_and_ranges_cover_exactly_them():
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(documents_partitions.name, ["m", "z"])
        registered = sync_document_partitions(instance, ["z", "a", "b"])
        assert set(registered) == {"z", "a", "b"} and registered[0] == "z"  # the instance's order, not sorted
        assert list(instance.get_dynamic_partitions(documents_partitions.name)) == registered
        assert range_tags(registered) == {RANGE_START_TAG: "z", RANGE_END_TAG: registered[-1]}


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
        leaf = next(i for i, row in enumerate(tables.tasks) if row["n_children"] == 0)
        row = tables.tasks[leaf]
        tables.tasks[leaf] = {**row, "char_end": row["char_end"] + 1}  # offsets no longer quote the text
        return tables

    monkeypatch.setattr(core, "build_plan_tables", shifted)
    seeds = copy_seeds(tmp_path / "seeds", ["002_a1b3c1b0fa981a87"])
    result = _run_all_partitions(Paths(seeds=seeds, out=tmp_path / "out", datasets=tmp_path / "ds"), "publish")
    materialised = _materialised(result)
    assert "tasks" in materialised
    failed = {
        (e.asset_check_evaluation_data.asset_key.to_user_string(), e.asset_check_evaluation_data.check_name)
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and not e.asset_check_evaluation_data.passed
        and e.asset_check_evaluation_data.severity == dg.AssetCheckSeverity.ERROR
    }
    assert {asset for asset, _ in failed} == {"tasks"}, failed
    assert "checked_package" not in materialised and "published_release" not in materialised
    assert not (tmp_path / "ds").exists()


def test_executor_is_in_process_by_default_and_others_by_configuration(monkeypatch: pytest.MonkeyPatch):
    from pipeline.defs.executors import executor_from_environment

    monkeypatch.delenv("PIPELINE_EXECUTOR", raising=False)
    assert executor_from_environment() is dg.in_process_executor
    assert make_definitions().resolve_job_def("publish").executor_def is dg.in_process_executor
    monkeypatch.setenv("PIPELINE_EXECUTOR", "multiprocess")
    assert executor_from_environment() is dg.multiprocess_executor
    monkeypatch.setenv("PIPELINE_EXECUTOR", "nonsense")
    with pytest.raises(RuntimeError, match="PIPELINE_EXECUTOR"):
        executor_from_environment()


@pytest.mark.parametrize("executor", ["multiprocess", "celery", "k8s"])
def test_example_run_configs_are_valid_for_their_executor(executor: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PIPELINE_EXECUTOR", executor)
    job = make_definitions().resolve_job_def("publish")
    assert job.executor_def.name == executor
    config = yaml.safe_load((ROOT / "deploy" / "run_config" / f"{executor}.yaml").read_text(encoding="utf-8"))
    dg.validate_run_config(job, config)
    with pytest.raises(dg.DagsterInvalidConfigError):
        dg.validate_run_config(job, {"execution": {"config": {"no_such_option": 1}}})


def test_the_multiprocess_example_config_runs_the_per_document_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PIPELINE_EXECUTOR", "multiprocess")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / "002_a1b3c1b0fa981a87.txt", seeds)
    monkeypatch.setenv("PIPELINE_SEEDS", str(seeds))
    monkeypatch.setenv("PIPELINE_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("PIPELINE_DATASETS", str(tmp_path / "ds"))
    config = yaml.safe_load((ROOT / "deploy" / "run_config" / "multiprocess.yaml").read_text(encoding="utf-8"))
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        instance.add_dynamic_partitions(documents_partitions.name, ["002_a1b3c1b0fa981a87"])
        result = dg.execute_job(
            dg.build_reconstructable_job("tests.integration.test_orchestration", "_process_documents_job_for_test"),
            instance=instance,
            run_config=config,
            tags={"dagster/partition": "002_a1b3c1b0fa981a87"},
            asset_selection=[dg.AssetKey("raw_documents"), dg.AssetKey("clean_documents")],
        )
        assert result.success
        assert {e.step_key for e in result.all_events if e.is_step_success} == {"raw_documents", "clean_documents"}
        processes = {e.pid for e in result.all_events if e.is_step_start}
        assert len(processes) == 2 and os.getpid() not in processes  # one process per step


def _process_documents_job_for_test() -> dg.JobDefinition:
    """The process_documents job on the PIPELINE_* folders (rebuilt in every step's own process)."""
    return make_definitions().resolve_job_def("process_documents")
