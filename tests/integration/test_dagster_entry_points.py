"""Dagster as its users run it: the standard commands on a fresh DAGSTER_HOME, the CLI and a Dagster run on
one build folder at once, and the build on a real Dask cluster — each compared byte for byte with what
`python -m pipeline` makes of the same texts.

The Dagster commands run as subprocesses, exactly as typed in a shell (README, "Dagster"), with nothing
registered in the instance and no config; the CLI that waits for one of their runs is called by the test
process (what it waits for is the other process's lock). The Dask run is started from the test process (dagster.execute_job
with deploy/run_config/dask.yaml pointed at the cluster): its steps still run on the cluster's two worker
processes, and `dagster job execute` is the first test's, so a third interpreter importing Dagster and the
pipeline would test nothing more. The seeds are two short texts written for the purpose.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest
import yaml

from pipeline.cli.main import main
from pipeline.definitions import make_definitions
from tests.conftest import ROOT, made_once

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

DAGSTER = str(Path(sys.executable).parent / "dagster")
CITIES = {"city_a": "长沙市", "city_b": "株洲市"}


def _write_seeds(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for doc_id, city in CITIES.items():
        (folder / f"{doc_id}.txt").write_text(
            f"{city}卫生健康工作会议召开\n2月5日，2025年{city}卫生健康工作会议召开。会议总结2024年工作，部署2025年重点工作。\n"
            "会议强调，一是加强基层医疗卫生服务能力建设；二是新增托位1000个；三是深化公立医院改革。\n",
            encoding="utf-8",
        )
    return folder


def _tree(folder: Path) -> dict[str, str]:
    """Every file under folder (relative path → sha256), leaving out build bookkeeping."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, and what `python -m pipeline publish` makes of them: base/out/package and base/datasets
    (made once per session, whichever of the session's processes runs a test of this module first)."""

    def publish(base: Path) -> None:
        seeds = _write_seeds(base / "seeds")
        os.environ.setdefault("PIPELINE_RELEASE_DATE", "2026-01-31")
        args = ["publish", "--seeds", str(seeds), "--out", str(base / "out"), "--datasets", str(base / "datasets")]
        assert main(args) == 0

    return made_once(tmp_path_factory, "entry-points-reference", publish)


def _environment(reference: Path, where: Path, **extra: str) -> dict[str, str]:
    """A shell's environment for a Dagster command on the reference seeds: a fresh DAGSTER_HOME (no
    dagster.yaml, nothing registered), its own build and datasets folders and an empty document store."""
    (where / "dagster_home").mkdir(parents=True)
    environment = {key: value for key, value in os.environ.items() if key != "PIPELINE_CACHE"}
    environment.update(
        DAGSTER_HOME=str(where / "dagster_home"),
        PIPELINE_SEEDS=str(reference / "seeds"),
        PIPELINE_OUT=str(where / "out"),
        PIPELINE_DATASETS=str(where / "datasets"),
        PIPELINE_EXECUTOR="in_process",
    )
    environment.update(extra)
    return environment


def _start(command: list[str], environment: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(command, env=environment, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT)


def _cli_in_process(
    arguments: list[str], environment: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """`python -m pipeline ARGUMENTS` run by this process (pipeline.cli.main.main) with the variables of
    `environment` that the pipeline and Dagster read (DAGSTER_HOME, PIPELINE_*; PIPELINE_CACHE unset, as
    there), restored afterwards: its exit code and what it said. What it waits for is a lock that another
    process holds (an flock), so a new interpreter of its own would add only its imports (~3 s of CPU); the
    command line in a process of its own is tested by test_publishing's two publishes."""
    for key in [k for k in os.environ if k.startswith("PIPELINE_") and k not in environment]:
        monkeypatch.delenv(key)
    for key, value in environment.items():
        if key == "DAGSTER_HOME" or key.startswith("PIPELINE_"):
            monkeypatch.setenv(key, value)
    monkeypatch.setenv("PIPELINE_LOCK_TIMEOUT", "600")  # fail, not hang, if the run never lets go of the folder
    said = io.StringIO()
    with contextlib.redirect_stderr(said), contextlib.redirect_stdout(said):
        code = main(arguments)
    return code, said.getvalue()


def _finish(process: subprocess.Popen, log: Path) -> str:
    assert process.wait(timeout=900) == 0, log.read_text(encoding="utf-8")[-3000:]
    return log.read_text(encoding="utf-8")


def test_job_execute_and_asset_materialize_on_a_fresh_instance_publish_the_bytes_of_the_cli_which_waits_for_a_run(
    reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """`dagster job execute` and `dagster asset materialize` (each on a fresh instance, no config) publish
    what the CLI publishes. While the job's run holds its build folder, `python -m pipeline build` is
    started on that folder (by the test process, with the run's environment): the CLI says
    what it waits for, builds after the run, both succeed and the package is the reference's, byte for
    byte. One run serves both
    behaviours: the run's own package is compared through the release it published (the package's files
    and the release's), the CLI's through the build folder it rewrote after the run."""
    commands = {
        "job_execute": [DAGSTER, "job", "execute", "-m", "pipeline.definitions", "-j", "publish"],
        "asset_materialize": [DAGSTER, "asset", "materialize", "-m", "pipeline.definitions", "--select", "*"],
    }
    environments = {name: _environment(reference, tmp_path / name) for name in commands}
    running = {
        name: _start(command, environments[name], tmp_path / f"{name}.log") for name, command in commands.items()
    }
    run, run_log, out = running["job_execute"], tmp_path / "job_execute.log", tmp_path / "job_execute" / "out"
    holder = out / ".writer"
    deadline = time.monotonic() + 600
    while not (holder.exists() and holder.read_text(encoding="utf-8").strip()):
        assert run.poll() is None and time.monotonic() < deadline, "the Dagster run never took the build folder"
        time.sleep(0.1)
    assert "Dagster run" in holder.read_text(encoding="utf-8")
    cli_arguments = ["build", "--out", str(out), "--datasets", str(tmp_path / "cli_datasets")]
    code, said = _cli_in_process(cli_arguments, environments["job_execute"], monkeypatch)
    assert code == 0, said[-3000:]
    assert "waiting for Dagster run" in said and f"to finish writing {out}" in said
    assert "RUN_SUCCESS" in run_log.read_text(encoding="utf-8")  # the CLI built after the run
    assert not holder.read_text(encoding="utf-8").strip()  # released
    for name, process in running.items():
        log = _finish(process, tmp_path / f"{name}.log")
        assert "RUN_SUCCESS" in log, name
        assert _tree(tmp_path / name / "datasets") == _tree(reference / "datasets"), name
        assert _tree(tmp_path / name / "out" / "package") == _tree(reference / "out" / "package"), name


def dask_build_job() -> dg.JobDefinition:
    """The build job of definitions made when called, so with the executor PIPELINE_EXECUTOR names then (dask, in
    the test and on the workers, which reconstruct the job from this function)."""
    return make_definitions().resolve_job_def("build")


def test_the_build_on_a_dask_cluster_of_two_worker_processes_equals_the_in_process_build(
    reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    distributed = pytest.importorskip("distributed")
    environment = _environment(reference, tmp_path, PIPELINE_EXECUTOR="dask")
    for key in ("DAGSTER_HOME", "PIPELINE_SEEDS", "PIPELINE_OUT", "PIPELINE_DATASETS", "PIPELINE_EXECUTOR"):
        monkeypatch.setenv(key, environment[key])  # the workers are started with this environment
    monkeypatch.delenv("PIPELINE_CACHE")
    config = yaml.safe_load((ROOT / "deploy" / "run_config" / "dask.yaml").read_text(encoding="utf-8"))
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        workers = set(client.run(os.getpid).values())
        assert len(workers) == 2 and os.getpid() not in workers
        config["execution"]["config"]["cluster"]["existing"]["address"] = cluster.scheduler_address
        instance = dg.DagsterInstance.from_config(environment["DAGSTER_HOME"])  # persistent, as Dask needs
        result = dg.execute_job(dg.reconstructable(dask_build_job), instance, run_config=config)
        assert result.success
    assert _tree(tmp_path / "out" / "package") == _tree(reference / "out" / "package")

    [run] = instance.get_runs()
    starts = instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.STEP_START, limit=1000).records
    step_processes = {record.event_log_entry.dagster_event.pid for record in starts}
    assert step_processes == workers  # every step ran on the cluster, on both of its workers
    steps = {record.event_log_entry.step_key for record in starts}
    assert {"raw_documents", "segmented_documents", "extracted_documents", "checked_package"} <= steps
