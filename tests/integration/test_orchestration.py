"""Dagster wiring: definitions, groups, table metadata from schemas/, pools, executors and their configs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg
import pytest
import yaml

from pipeline import schema
from pipeline.definitions import defs, make_definitions
from pipeline.defs.instance import throwaway_instance
from pipeline.defs.pools import WAREHOUSE_POOL
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


def test_no_asset_is_partitioned_and_no_job_needs_config():
    """What lets every entry point run on a fresh instance with nothing typed: the launchpad, "Materialize
    all", `dagster job execute`, `dagster asset materialize --select '*'` (which refuses partitioned assets
    without --partition), the schedule and the sensor."""
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        assert graph.get(key).partitions_def is None, key
    for job in defs.get_repository_def().get_all_jobs():
        dg.validate_run_config(job, {})


LAYERS = ["raw", "documents", "tables", "analysis", "package"]


def test_asset_groups_follow_the_layers_and_every_dependency_points_down_or_within_a_layer():
    graph = defs.resolve_asset_graph()
    groups = {key.to_user_string(): graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert set(groups.values()) == set(LAYERS)
    assert groups["raw_documents"] == "raw" and groups["published_release"] == "package"
    assert {name for name, group in groups.items() if group == "documents"} == PER_DOCUMENT_ASSETS - {"raw_documents"}
    for key in graph.get_all_asset_keys():
        for parent in graph.get(key).parent_keys:
            assert LAYERS.index(groups[parent.to_user_string()]) <= LAYERS.index(groups[key.to_user_string()]), (
                parent,
                key,
            )


def test_every_table_asset_shows_its_own_description_and_columns_from_schemas():
    graph = defs.resolve_asset_graph()
    descriptions = {}
    analysis = {"themes", "task_themes", "alignments", "task_continuity", "plan_terms"}
    for table in schema.table_names():
        node = graph.get(dg.AssetKey(table))
        assert node.group_name == ("analysis" if table in analysis else "tables"), table
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


def _run(paths: Paths, job_name: str, instance: dg.DagsterInstance | None = None) -> dg.ExecuteInProcessResult:
    """One run of a job as the launchpad makes it (no partition, no config), in a fresh in-memory instance by default
    (the CLI's throwaway instance: Dagster's in-memory storages on one held connection)."""
    job = make_definitions(paths).resolve_job_def(job_name)
    return job.execute_in_process(instance=instance or throwaway_instance(), raise_on_error=False)


def _materialised(result: dg.ExecuteInProcessResult) -> dict[str, set[str | None]]:
    found: dict[str, set[str | None]] = {}
    for event in result.get_asset_materialization_events():
        found.setdefault(event.asset_key.to_user_string(), set()).add(event.partition)
    return found


def _computed(result: dg.ExecuteInProcessResult) -> dict[str, int]:
    return {
        event.asset_key.to_user_string(): event.materialization.metadata["computed"].value
        for event in result.get_asset_materialization_events()
        if event.asset_key.to_user_string() in PER_DOCUMENT_ASSETS
    }


def _computed_names(result: dg.ExecuteInProcessResult) -> dict[str, str]:
    """The documents each per-document asset's one materialisation names as computed."""
    return {
        event.asset_key.to_user_string(): event.materialization.metadata["computed_documents"].value
        for event in result.get_asset_materialization_events()
        if event.asset_key.to_user_string() in PER_DOCUMENT_ASSETS
    }


def test_a_new_document_is_processed_alone_in_the_next_run_and_equals_a_full_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))  # nothing processed before
    seeds = tmp_path / "seeds"  # texts without a manifest: their metadata are inferred
    seeds.mkdir()
    shutil.copy(SEEDS / "000_d94bf26f79975ec5.txt", seeds)
    shutil.copy(SEEDS / "002_a1b3c1b0fa981a87.txt", seeds)
    incremental = Paths(seeds=seeds, out=tmp_path / "incremental", datasets=tmp_path / "ds-incremental")
    instance = throwaway_instance()
    first = _run(incremental, "build", instance)
    assert first.success and _computed(first) == dict.fromkeys(PER_DOCUMENT_ASSETS, 2)
    assert _computed_names(first) == dict.fromkeys(PER_DOCUMENT_ASSETS, "000_d94bf26f79975ec5\n002_a1b3c1b0fa981a87")
    again = _run(incremental, "build")  # another instance: what is reused is the store's, not the run's
    assert again.success and _computed(again) == dict.fromkeys(PER_DOCUMENT_ASSETS, 0)
    assert _computed_names(again) == dict.fromkeys(PER_DOCUMENT_ASSETS, "none: every result was stored")

    shutil.copy(SEEDS / "004_b92b20ed52438b26.txt", seeds)
    second = _run(incremental, "build", instance)
    assert second.success
    assert _computed(second) == dict.fromkeys(PER_DOCUMENT_ASSETS, 1)  # only the new text
    assert _computed_names(second) == dict.fromkeys(PER_DOCUMENT_ASSETS, "004_b92b20ed52438b26")  # one event per step
    assert _materialised(second)["tasks"] == {None}
    for table in ("sentences", "tokens"):  # the warehouse read the new text's file alone, kept the others' rows
        [loaded] = [e for e in second.get_asset_materialization_events() if e.asset_key.to_user_string() == table]
        assert {k: v.value for k, v in loaded.materialization.metadata.items() if k.startswith("documents_")} == {
            "documents_loaded": 1, "documents_kept": 2, "documents_removed": 0}  # fmt: skip

    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache-full"))
    full = Paths(seeds=seeds, out=tmp_path / "full", datasets=tmp_path / "ds-full")
    assert _run(full, "build").success
    for path in sorted((full.package / "data").iterdir()):
        assert (incremental.package / "data" / path.name).read_bytes() == path.read_bytes(), path.name
    # Every file of the package, the SQLite copy, figures and README included, is the same bytes.
    assert (incremental.package / "SHA256SUMS").read_text() == (full.package / "SHA256SUMS").read_text()


def test_a_failing_blocking_check_stops_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import pipeline.defs.core as core

    original = core.build_plan_tables

    def shifted(records, *memo):
        tables = original(records, *memo)
        leaf = next(i for i, row in enumerate(tables.tasks) if row["n_children"] == 0)
        row = tables.tasks[leaf]
        tables.tasks[leaf] = {**row, "char_end": row["char_end"] + 1}  # offsets no longer quote the text
        return tables

    monkeypatch.setattr(core, "build_plan_tables", shifted)
    seeds = copy_seeds(tmp_path / "seeds", ["002_a1b3c1b0fa981a87"])
    result = _run(Paths(seeds=seeds, out=tmp_path / "out", datasets=tmp_path / "ds"), "publish")
    materialised = _materialised(result)
    assert "tasks" in materialised
    failed = {
        (
            e.asset_check_evaluation_data.asset_key.to_user_string(),
            e.asset_check_evaluation_data.metadata["failed"].value,
        )
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
        and not e.asset_check_evaluation_data.passed
        and e.asset_check_evaluation_data.severity == dg.AssetCheckSeverity.ERROR
    }
    assert failed == {("tasks", "offsets_quote_text")}, failed
    assert "checked_package" not in materialised and "published_release" not in materialised
    assert not (tmp_path / "ds").exists()


def test_executor_is_in_process_by_default_and_others_by_configuration(monkeypatch: pytest.MonkeyPatch):
    from pipeline.defs.executors import executor_from_environment

    monkeypatch.delenv("PIPELINE_EXECUTOR", raising=False)
    assert executor_from_environment() is dg.in_process_executor
    assert make_definitions().resolve_job_def("publish").executor_def is dg.in_process_executor
    monkeypatch.setenv("PIPELINE_EXECUTOR", "multiprocess")
    assert executor_from_environment() is dg.multiprocess_executor
    monkeypatch.setenv("PIPELINE_EXECUTOR", "dask")
    assert executor_from_environment().name == "dask"
    monkeypatch.setenv("PIPELINE_EXECUTOR", "nonsense")
    with pytest.raises(RuntimeError, match="PIPELINE_EXECUTOR"):
        executor_from_environment()


@pytest.mark.parametrize("executor", ["multiprocess", "dask", "celery", "k8s"])
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
        result = dg.execute_job(
            dg.build_reconstructable_job("tests.integration.test_orchestration", "_process_documents_job_for_test"),
            instance=instance,
            run_config=config,
            asset_selection=[dg.AssetKey("raw_documents"), dg.AssetKey("clean_documents")],
        )
        assert result.success
        assert {e.step_key for e in result.all_events if e.is_step_success} == {"raw_documents", "clean_documents"}
        processes = {e.pid for e in result.all_events if e.is_step_start}
        assert len(processes) == 2 and os.getpid() not in processes  # one process per step


def _process_documents_job_for_test() -> dg.JobDefinition:
    """The process_documents job on the PIPELINE_* folders (rebuilt in every step's own process)."""
    return make_definitions().resolve_job_def("process_documents")


@dg.asset
def _upstream() -> dg.MaterializeResult:
    return dg.MaterializeResult(metadata={"rows": 2})


@dg.asset(deps=[_upstream])
def _downstream(context) -> None:  # noqa: ANN001 - Dagster reads the annotation, which __future__ makes a string
    context.log.info("downstream")


@dg.asset_check(asset=_downstream)
def _downstream_check() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=False, metadata={"why": "on purpose"})


def test_the_clis_throwaway_instance_records_what_dagsters_in_memory_instance_records():
    """The CLI's instance for runs over other seeds folders (its event log storage keeps one connection)
    stores the same events, materialisations and check results as Dagster's own in-memory instance."""
    from pipeline.defs.instance import throwaway_instance

    job = dg.Definitions(
        assets=[_upstream, _downstream], asset_checks=[_downstream_check]
    ).resolve_implicit_global_asset_job_def()
    recorded = []
    for instance in (dg.DagsterInstance.ephemeral(), throwaway_instance()):
        result = job.execute_in_process(instance=instance)
        records = instance.get_records_for_run(result.run_id, limit=1000).records
        events = [(r.event_log_entry.dagster_event_type, r.event_log_entry.step_key) for r in records]
        materialised = instance.get_latest_materialization_event(dg.AssetKey("_upstream"))
        check = instance.event_log_storage.get_latest_asset_check_execution_by_key([_downstream_check.check_key])[
            _downstream_check.check_key
        ]
        recorded.append((events, materialised.asset_materialization.metadata, check.status, result.success))
    assert recorded[0] == recorded[1]
    assert len(recorded[0][0]) > 10 and recorded[0][1]["rows"] == dg.IntMetadataValue(2)
