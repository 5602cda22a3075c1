"""The schedule and the sensor evaluated against a real Dagster instance, and the runs they request
executed end to end on a small folder of texts, as the daemon would launch them.

A schedule's context needs a persistent instance (temporary, SQLite on disk, as the project's). The
sensor's runs use an in-memory instance: the same SQL storages in an in-memory SQLite database, without
a database file per run, which costs more than the runs' steps."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipeline import schema
from pipeline.definitions import defs, make_definitions
from pipeline.defs.partitions import documents_partitions
from pipeline.defs.schedules import daily_publish
from pipeline.defs.sensors import seeds_sensor
from pipeline.release.folders import versions
from pipeline.settings import Paths

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

FIRST = ["city_a", "city_b"]
ADDED_TOGETHER = ["city_c", "city_d"]
CITIES = {"city_a": "长沙市", "city_b": "株洲市", "city_c": "湘潭市", "city_d": "衡阳市"}


def _write_text(seeds: Path, doc_id: str) -> None:
    """A short city conference report (each run's cost grows with the rows of its texts)."""
    city = CITIES[doc_id]
    (seeds / f"{doc_id}.txt").write_text(
        f"{city}卫生健康工作会议召开\n2月5日，2025年{city}卫生健康工作会议召开。会议总结2024年工作，部署2025年重点工作。\n"
        "会议强调，一是加强基层医疗卫生服务能力建设；二是新增托位1000个；三是深化公立医院改革。\n",
        encoding="utf-8",
    )


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """Temporary seeds/build/datasets folders, which the schedule and sensor read from PIPELINE_*."""
    paths = Paths(seeds=tmp_path / "seeds", out=tmp_path / "build", datasets=tmp_path / "datasets")
    paths.seeds.mkdir()
    for doc_id in FIRST:
        _write_text(paths.seeds, doc_id)
    monkeypatch.setenv("PIPELINE_SEEDS", str(paths.seeds))
    monkeypatch.setenv("PIPELINE_OUT", str(paths.out))
    monkeypatch.setenv("PIPELINE_DATASETS", str(paths.datasets))
    return paths


@pytest.fixture
def persistent(tmp_path: Path):  # -> a persistent DagsterInstance in a temporary DAGSTER_HOME
    home = tmp_path / "dagster_home"
    home.mkdir()
    with dg.instance_for_test(temp_dir=str(home)) as instance:
        yield instance


@pytest.fixture
def instance() -> dg.DagsterInstance:
    """An in-memory instance (runs, partitions, materialisations and events in SQL storages in memory)."""
    return dg.DagsterInstance.ephemeral()


def _launch(instance: dg.DagsterInstance, paths: Paths, request: dg.RunRequest, job_name: str | None = None):
    """Execute a requested run as the daemon would: its job, partition and tags, on the given instance."""
    job = make_definitions(paths).resolve_job_def(request.job_name or job_name)
    result = job.execute_in_process(
        instance=instance, partition_key=request.partition_key, tags=request.tags, raise_on_error=False
    )
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return result


def _tick(instance: dg.DagsterInstance, cursor: str | None) -> dg.SensorResult | dg.SkipReason:
    """One sensor evaluation; its partition requests are applied to the instance like the daemon does."""
    outcome = seeds_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, definitions=defs))
    if isinstance(outcome, dg.SensorResult):
        for request in outcome.dynamic_partitions_requests or []:
            if isinstance(request, dg.AddDynamicPartitionsRequest):
                instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
            else:
                for key in request.partition_keys:
                    instance.delete_dynamic_partition(request.partitions_def_name, key)
    return outcome


def test_a_schedule_tick_on_an_empty_instance_registers_the_texts_and_publishes(paths, persistent):
    instance = persistent
    assert instance.get_dynamic_partitions(documents_partitions.name) == []
    request = daily_publish(dg.build_schedule_context(instance=instance))
    assert isinstance(request, dg.RunRequest)
    assert sorted(instance.get_dynamic_partitions(documents_partitions.name)) == FIRST
    result = _launch(instance, paths, request, daily_publish.job_name)
    materialised = {(e.asset_key.to_user_string(), e.partition) for e in result.get_asset_materialization_events()}
    assert {("raw_documents", doc_id) for doc_id in FIRST} <= materialised
    assert versions(paths.releases) == ["1.0.0"]


def test_the_schedule_skips_with_a_reason_when_seeds_are_empty_or_invalid(paths, persistent):
    instance = persistent
    for text in paths.seeds.iterdir():
        text.unlink()
    assert isinstance(daily_publish(dg.build_schedule_context(instance=instance)), dg.SkipReason)
    (paths.seeds / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    skipped = daily_publish(dg.build_schedule_context(instance=instance))
    assert isinstance(skipped, dg.SkipReason) and "broken.txt" in skipped.skip_message


def test_the_sensor_processes_new_texts_then_assembles_and_publishes_once(paths, instance):
    first = _tick(instance, None)
    [process_all] = first.run_requests  # every text is new: one run over all of them
    assert process_all.job_name == "process_documents"
    _launch(instance, paths, process_all)
    assembly = _tick(instance, first.cursor)
    [assemble] = assembly.run_requests
    assert assemble.job_name == "assemble_and_publish"
    _launch(instance, paths, assemble)
    assert versions(paths.releases) == ["1.0.0"]
    assert isinstance(_tick(instance, assembly.cursor), dg.SkipReason)

    for doc_id in ADDED_TOGETHER:  # two texts added together
        _write_text(paths.seeds, doc_id)
    added = _tick(instance, assembly.cursor)
    assert sorted(r.partition_key for r in added.run_requests) == ADDED_TOGETHER
    assert {r.job_name for r in added.run_requests} == {"process_documents"}
    assert sorted(instance.get_dynamic_partitions(documents_partitions.name)) == sorted(FIRST + ADDED_TOGETHER)

    # While a document run is still in flight, the sensor waits instead of assembling.
    in_flight = instance.create_run_for_job(
        make_definitions(paths).resolve_job_def("process_documents"), status=dg.DagsterRunStatus.STARTED
    )
    waiting = _tick(instance, added.cursor)
    assert isinstance(waiting, dg.SkipReason) and "waiting" in waiting.skip_message
    instance.delete_run(in_flight.run_id)

    for request in added.run_requests:
        result = _launch(instance, paths, request)
        assert {e.partition for e in result.get_asset_materialization_events()} == {request.partition_key}
    assembly = _tick(instance, added.cursor)
    [assemble] = assembly.run_requests  # one assembly for both texts
    _launch(instance, paths, assemble)
    assert versions(paths.releases) == ["1.0.0", "1.1.0"]  # exactly one new version
    assert isinstance(_tick(instance, assembly.cursor), dg.SkipReason)

    (paths.seeds / f"{ADDED_TOGETHER[0]}.txt").unlink()  # a withdrawn text: no document run, one assembly
    removed = _tick(instance, assembly.cursor)
    assert removed.run_requests == [] and ADDED_TOGETHER[0] not in instance.get_dynamic_partitions("documents")
    [assemble] = _tick(instance, removed.cursor).run_requests
    _launch(instance, paths, assemble)
    assert versions(paths.releases) == ["1.0.0", "1.1.0", "2.0.0"]


def test_a_run_launched_without_a_partition_is_given_every_text(paths, instance):
    """The UI launchpad's default (no partition, no config), as the project's run coordinator submits it."""
    from pipeline.defs.run_coordinator import tags_for_run_without_partition

    definitions = make_definitions(paths)
    instance.add_dynamic_partitions(documents_partitions.name, ["removed_since"])
    assemble = instance.create_run_for_job(definitions.resolve_job_def("assemble_and_publish"))
    assert tags_for_run_without_partition(instance, assemble) == {}  # it has no per-document asset
    build = instance.create_run_for_job(definitions.resolve_job_def("build"))
    tags = tags_for_run_without_partition(instance, build)
    assert sorted(instance.get_dynamic_partitions(documents_partitions.name)) == FIRST
    result = definitions.resolve_job_def("process_documents").execute_in_process(instance=instance, tags=tags)
    assert result.success
    assert instance.get_materialized_partitions(dg.AssetKey("extracted_documents")) == set(FIRST)
    with_partition = instance.create_run_for_job(
        definitions.resolve_job_def("process_documents"), tags={"dagster/partition": FIRST[0]}
    )
    assert tags_for_run_without_partition(instance, with_partition) == {}


def test_the_project_instance_uses_the_documents_run_coordinator(tmp_path, monkeypatch):
    from pipeline.defs.instance import project_instance
    from pipeline.defs.run_coordinator import DocumentsRunCoordinator

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    assert isinstance(project_instance().run_coordinator, DocumentsRunCoordinator)


def test_the_cli_records_its_run_row_counts_and_check_results_in_dagster_home(built: Path):
    """`built` ran the CLI on the project's seeds; its run is in the session's DAGSTER_HOME, as the UI reads it."""
    import csv

    instance = dg.DagsterInstance.get()
    runs = instance.get_run_records(filters=dg.RunsFilter(job_name="build", statuses=[dg.DagsterRunStatus.SUCCESS]))
    assert runs
    for table in schema.table_names():
        event = instance.get_latest_materialization_event(dg.AssetKey(table))
        with (built / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.reader(handle)) - 1
        assert event.asset_materialization.metadata["dagster/row_count"].value == rows, table
    checks = instance.get_records_for_run(
        runs[0].dagster_run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    )
    assert {
        r.event_log_entry.dagster_event.asset_check_evaluation_data.asset_key.to_user_string() for r in checks.records
    } >= set(schema.table_names())
