"""The schedule and the sensor evaluated against a real Dagster instance, and the runs they request
executed end to end on a small folder of texts, as the daemon would launch them.

An evaluation only reads seeds/ and returns run requests: the tests check it changes nothing in the
instance. The schedule and the sensor are evaluated against a persistent instance (temporary, SQLite on disk,
as the project's); the schedule's first request and the sensor's would publish the same texts, so one test
launches the schedule's and then follows the sensor on that instance (one publish less). The runs they request
are executed in the CLI's throwaway in-memory instance (pipeline.defs.instance.throwaway_instance): what a run
does reads only the folders, and nothing here reads a run's stored events back, while SQLite on disk commits
each of a run's ~200 events (about a fifth of these runs' CPU); runs recorded in a persistent instance are
tested by test_the_cli_records_its_run_row_counts_and_check_results_in_dagster_home, test_orchestration and
test_dagster_entry_points. Other sensor tests use an in-memory instance: the same SQL storages in an in-memory
SQLite database."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipeline import schema
from pipeline.definitions import defs, make_definitions
from pipeline.defs.instance import throwaway_instance
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
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))  # counts of processed texts start from nothing
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


def _launch(paths: Paths, request: dg.RunRequest, job_name: str | None = None):
    """Execute a requested run as the daemon would: its job and tags (in a throwaway instance)."""
    job = make_definitions(paths).resolve_job_def(request.job_name or job_name)
    result = job.execute_in_process(instance=throwaway_instance(), tags=request.tags, raise_on_error=False)
    assert result.success, [e.message for e in result.all_events if e.is_failure]
    return result


def _tick(instance: dg.DagsterInstance, cursor: str | None) -> dg.SensorResult | dg.SkipReason:
    """One sensor evaluation, as the daemon makes it."""
    return seeds_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, definitions=defs))


def _instance_state(instance: dg.DagsterInstance) -> tuple:
    """What an evaluation could change in the instance: its runs, partitions and materialisations."""
    return (
        instance.get_runs_count(),
        sorted(instance.get_dynamic_partitions("documents")),
        sorted(key.to_user_string() for key in instance.get_asset_keys()),
    )


def _computed(result: dg.ExecuteInProcessResult) -> dict[str, int]:
    return {
        e.asset_key.to_user_string(): e.materialization.metadata["computed"].value
        for e in result.get_asset_materialization_events()
        if "computed" in e.materialization.metadata
    }


def test_schedule_and_sensor_ticks_change_nothing_and_the_sensor_publishes_once_per_batch_of_changed_texts(
    paths, persistent
):
    """The schedule's first request and the sensor's first request would publish the same texts: the
    schedule's is launched, then the sensor, on the same instance, sees nothing new and goes on."""
    instance = persistent
    before = _instance_state(instance)
    request = daily_publish(dg.build_schedule_context(instance=instance))
    assert isinstance(request, dg.RunRequest) and request.partition_key is None and not request.run_config
    assert _instance_state(instance) == before  # no side effect: nothing registered, no run

    first = _tick(instance, None)
    [publish] = first.run_requests  # every text is new: one run over all of them
    assert publish.job_name in (None, "publish") and publish.partition_key is None
    assert daily_publish.job_name == "publish" and not publish.run_config
    assert first.dynamic_partitions_requests in (None, []) and _instance_state(instance) == before

    result = _launch(paths, request, daily_publish.job_name)
    assert _computed(result) == dict.fromkeys(
        ["raw_documents", "clean_documents", "segmented_documents", "extracted_documents"], len(FIRST)
    )
    assert versions(paths.releases) == ["1.0.0"]
    _the_sensor_publishes_each_batch_of_changes(instance, paths, first)


def test_the_schedule_skips_with_a_reason_when_seeds_are_empty_or_invalid(paths, persistent):
    instance = persistent
    for text in paths.seeds.iterdir():
        text.unlink()
    assert isinstance(daily_publish(dg.build_schedule_context(instance=instance)), dg.SkipReason)
    (paths.seeds / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    skipped = daily_publish(dg.build_schedule_context(instance=instance))
    assert isinstance(skipped, dg.SkipReason) and "broken.txt" in skipped.skip_message


def _the_sensor_publishes_each_batch_of_changes(instance: dg.DagsterInstance, paths: Paths, first) -> None:  # noqa: ANN001
    """From the sensor's first tick (its request published as 1.0.0): one run per batch of changes."""
    assert isinstance(_tick(instance, first.cursor), dg.SkipReason)

    for doc_id in ADDED_TOGETHER:  # two texts added together: one run, one new version
        _write_text(paths.seeds, doc_id)
    added = _tick(instance, first.cursor)
    [publish] = added.run_requests
    assert publish.run_key != first.run_requests[0].run_key and "2 new texts" in publish.tags["pipeline/changes"]
    assert _computed(_launch(paths, publish, "publish"))["extracted_documents"] == len(ADDED_TOGETHER)
    assert versions(paths.releases) == ["1.0.0", "1.1.0"]
    assert isinstance(_tick(instance, added.cursor), dg.SkipReason)

    (paths.seeds / f"{ADDED_TOGETHER[0]}.txt").unlink()  # a withdrawn text: one run, nothing to process
    removed = _tick(instance, added.cursor)
    [publish] = removed.run_requests
    assert _computed(_launch(paths, publish, "publish"))["extracted_documents"] == 0
    assert versions(paths.releases) == ["1.0.0", "1.1.0", "2.0.0"]


def test_the_sensor_skips_with_a_reason_when_seeds_are_invalid(paths, instance):
    (paths.seeds / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    skipped = _tick(instance, None)
    assert isinstance(skipped, dg.SkipReason) and "broken.txt" in skipped.skip_message


def test_the_project_instance_queues_runs_with_dagsters_own_coordinator_and_keeps_the_ui_quiet(
    tmp_path, monkeypatch
):
    from dagster._core.run_coordinator import QueuedRunCoordinator

    from pipeline.defs.instance import project_instance

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    instance = project_instance()
    assert type(instance.run_coordinator) is QueuedRunCoordinator
    assert not instance.telemetry_enabled and not instance.nux_enabled


def test_an_instance_made_with_the_retired_run_coordinator_gets_the_current_settings(tmp_path, monkeypatch):
    from pipeline.defs.instance import ensure_dagster_home

    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(
        "run_coordinator:\n  module: pipeline.defs.run_coordinator\n  class: DocumentsRunCoordinator\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    ensure_dagster_home()
    assert "pipeline.defs.run_coordinator" not in (home / "dagster.yaml").read_text(encoding="utf-8")


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
