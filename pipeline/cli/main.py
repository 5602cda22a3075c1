"""Command line: build, publish and validate the data package.

  python -m pipeline build    [--seeds DIR] [--out DIR] [--strict]          build + check into OUT/package
  python -m pipeline publish  [--seeds DIR] [--out DIR] [--datasets DIR] [--note WHY] [--strict]   build, check, publish if changed
  python -m pipeline validate [PATH]                                        re-check a release (default: latest)
  python -m pipeline instance                                               create DAGSTER_HOME (what `make dev` runs)
  python -m pipeline open     [PATH] [--shell | --print]                    open a release in DuckDB (default: latest)
  python -m pipeline serve    [PATH] [--port N]                             browse a release in Datasette on 127.0.0.1

build and publish run the Dagster job of the same name in-process (no daemon, no UI), one run over
every document whose per-document steps process only the new or changed texts (pipeline.cli.runs),
holding the build folder's writer lock (pipeline.warehouse.lock: a run from the UI on the same folder
waits for it, and it for them). A run over the project's seeds folder (seeds/ or PIPELINE_SEEDS) is recorded in the
project's Dagster instance (DAGSTER_HOME, default .dagster_home/), so the UI shows the CLI's runs,
materialisations and check results; a run over another folder uses a throwaway instance. When
nothing a build reads changed since the last build of the same build folder (pipeline.cli.fingerprint),
no Dagster run starts: `build` reports the package as current, `publish` only repairs and re-checks
datasets/ under its lock.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from pipeline.settings import PACKAGE_NAME, Paths, default_paths


def _parser() -> argparse.ArgumentParser:
    defaults = default_paths()
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (
        ("build", "build and check the package into OUT/package without touching datasets/"),
        ("publish", "build, check and publish a new version into datasets/ when the data changed"),
    ):
        command = commands.add_parser(name, help=helptext)
        command.add_argument(
            "--seeds", type=Path, default=defaults.seeds, help=f"seed texts (default {defaults.seeds})"
        )
        command.add_argument("--out", type=Path, default=defaults.out, help=f"build folder (default {defaults.out})")
        command.add_argument(
            "--datasets", type=Path, default=defaults.datasets, help=f"releases folder (default {defaults.datasets})"
        )
        command.add_argument(
            "--note", default="", help="why this version is made (kept in its changes.json, changelog and README)"
        )
        command.add_argument(
            "--strict",
            action="store_true",
            help="fail (nothing published) when a text could not be read into plan rows, instead of warning",
        )
    validate = commands.add_parser("validate", help="re-check a release: Frictionless validation and every sha256")
    validate.add_argument("path", type=Path, nargs="?", help="a release folder (default: the latest release)")
    validate.add_argument("--datasets", type=Path, default=defaults.datasets)
    commands.add_parser("instance", help="create DAGSTER_HOME (default .dagster_home/) with the project's dagster.yaml")
    opener = commands.add_parser("open", help="open a release in a DuckDB shell, or print how to open it")
    opener.add_argument("path", type=Path, nargs="?", help="a release folder (default: the latest release)")
    opener.add_argument("--datasets", type=Path, default=defaults.datasets)
    mode = opener.add_mutually_exclusive_group()
    mode.add_argument("--shell", action="store_true", default=None, help="start the duckdb shell")
    mode.add_argument("--print", dest="shell", action="store_false", help="only print how to open the release")
    server = commands.add_parser("serve", help="browse a release's SQLite copy in Datasette on 127.0.0.1")
    server.add_argument(
        "path", type=Path, nargs="?", help="a release folder or .sqlite file (default: the latest release)"
    )
    server.add_argument("--datasets", type=Path, default=defaults.datasets)
    server.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default 8001)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    datasets = getattr(args, "datasets", None)
    if datasets is not None and datasets.exists() and not datasets.is_dir():
        _say(f"error: {datasets}: --datasets must be a folder (of releases); this is a file. Nothing was done.")
        return 2
    if args.command == "validate":
        return _validate(args.path, args.datasets)
    if args.command == "instance":
        return _instance()
    if args.command == "open":
        return _open(args.path, args.datasets, args.shell)
    if args.command == "serve":
        return _serve(args.path, args.datasets, args.port)
    return _run(
        args.command,
        Paths(seeds=args.seeds.resolve(), out=args.out.resolve(), datasets=args.datasets.resolve()),
        note=args.note,
        strict=args.strict,
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _run(command: str, paths: Paths, note: str = "", strict: bool = False) -> int:
    from pipeline.cli.collector import fewer_collections
    from pipeline.documents.seeds import SeedError, check_seeds
    from pipeline.warehouse.lock import BuildFolderBusy, build_lock

    busy: tuple[type[Exception], ...] = (BuildFolderBusy,)
    if command == "publish":  # the release machinery (DuckDB, Arrow) is imported only by a publish
        from pipeline.release.transaction import PublishError, publish_lock

        busy = (BuildFolderBusy, PublishError)

    started = time.monotonic()
    try:
        documents = check_seeds(paths.seeds)
    except SeedError as error:
        _say(f"error: {error}\nNothing was built or published.")
        return 2
    _say(f"[1/3] {len(documents)} seed texts in {paths.seeds} are readable and match the manifest")
    # One writer of the build folder at a time (a run from the UI, the schedule, the sensor, another CLI):
    # the CLI holds its lock from the fingerprint check to the record of what it built, and the
    # datasets folder's lock inside it (the order every writer takes them in).
    try:
        with build_lock(paths.out, on_wait=_say, who=f"python -m pipeline {command}"):
            with publish_lock(paths.datasets, on_wait=_say) if command == "publish" else nullcontext():
                with fewer_collections():  # the run and what reads its result (pipeline.cli.collector)
                    return _build(command, paths, documents, note, started, strict)
    except busy as error:  # a lock was not free in time
        _say(f"error: {error}")
        return 1


def _build(command: str, paths: Paths, documents: list, note: str, started: float, strict: bool) -> int:
    """The build under the build folder's lock (and the datasets folder's, for publish)."""
    from pipeline.cli.fingerprint import current_build, forget_build, inputs_fingerprint
    from pipeline.cli.problems import report_checks, warn_documents_without_plans
    from pipeline.release.folders import versions
    from pipeline.settings import release_date

    inputs = inputs_fingerprint(paths.seeds)
    record = current_build(paths, inputs, release_date())
    if record is not None and (command == "build" or not record.new_version):
        if warn_documents_without_plans(paths, strict, _say):
            return 1
        return _unchanged(command, paths, record, len(documents), started)
    if refused := _latest_release_refused(command, paths):  # before the run, not after minutes of building
        return refused
    forget_build(paths)  # the run below rewrites the package; a failed run leaves no record behind

    import dagster as dg

    from pipeline.cli.progress import RunDisplay
    from pipeline.cli.runs import describe, documents_to_process
    from pipeline.definitions import make_definitions
    from pipeline.defs.instance import project_instance, throwaway_instance
    from pipeline.documents.progress import listening

    # A run over the project's seeds folder is recorded in the project's instance (the UI shows it); a
    # run over another folder (tests, experiments) uses a throwaway instance.
    recorded = paths.seeds.resolve() == default_paths().seeds.resolve()
    instance = project_instance() if recorded else throwaway_instance()
    to_process = documents_to_process(paths, documents)
    job = make_definitions(paths).resolve_job_def(command)
    display = RunDisplay(documents=len(documents), steps=len(job.graph.nodes))
    loggers = {"console": dg.default_loggers()["console"], "progress": _step_logger(display)}
    where = f"recorded in DAGSTER_HOME={instance.root_directory}" if recorded else "not recorded: not the seeds folder"
    _say(f"[2/3] running {describe(command, len(documents), len(to_process))} in-process ({where})")
    published_before = versions(paths.releases)
    with display, listening(display.document_done):
        result = job.with_logger_defs(loggers).execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={
                "loggers": {"console": {"config": {"log_level": "CRITICAL"}}, "progress": {}},
                "ops": {"checked_package": {"config": {"note": note, "strict": strict}}},
            },
        )
    published_now = [v for v in versions(paths.releases) if v not in published_before]
    failed_checks = report_checks([result], _say)
    if not result.success:
        _say(_failure_message(result))
        if published_now:
            _say(f"Version {', '.join(published_now)} WAS published to {paths.releases}; see the error above.")
        elif command == "publish":
            _say(f"Nothing was published; no version folder was added to {paths.releases}.")
        else:
            _say(f"The package in {paths.package} is not a checked package (build never publishes).")
        return 1
    if failed_checks:
        _say("Nothing was published.")
        return 1
    checks = sum(1 for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION")
    _say(f"[3/3] {checks} tables checked, no blocking rule failed")
    _record(paths, inputs)
    _say(_summary(result, len(documents), time.monotonic() - started))
    warn_documents_without_plans(paths, False, _say)
    return 0


def _latest_release_refused(command: str, paths: Paths) -> int:
    """1 (after saying why) when the latest release does not verify, which the package step (and publish,
    inside its lock) would refuse after the whole build; else 0."""
    from pipeline.release.versions import ReleaseError, verify_latest

    try:
        verify_latest(paths.releases)
    except ReleaseError as error:
        _say(f"error: {error}")
        published = f"Nothing was published; no version folder was added to {paths.releases}."
        _say(published if command == "publish" else f"Nothing was built; the build folder {paths.out} is as it was.")
        return 1
    return 0


def _record(paths: Paths, inputs: str) -> None:
    """Remember what the package in the build folder was made from (pipeline.cli.fingerprint)."""
    from pipeline.cli.fingerprint import record_build
    from pipeline.package.json_files import read_descriptor
    from pipeline.release.folders import versions

    descriptor = read_descriptor(paths.package)
    version = descriptor["version"]
    record_build(paths, inputs, version, version not in versions(paths.releases), descriptor["created"][:10])


def _unchanged(command: str, paths: Paths, record, documents: int, started: float) -> int:  # noqa: ANN001 - a BuildRecord
    """Nothing a build reads changed since the last build of this folder: no Dagster run. A publish
    still takes the datasets folder's lock, repairs it and re-plans the package against its latest release."""
    _say(
        f"[2/3] nothing changed since the last build in {paths.out} (same texts, code, libraries and latest "
        "release; its package matches its SHA256SUMS): no Dagster run"
    )
    if command == "build":
        state = (
            f"package {record.version} (not published)"
            if record.new_version
            else (f"package in {paths.package} has the data of the latest release {record.version}")
        )
        _say(f"done in {time.monotonic() - started:.1f} s: {documents} documents; {state}")
        return 0
    from pipeline.package.json_files import JsonFileError
    from pipeline.release.transaction import publish
    from pipeline.release.versions import ReleaseError
    from pipeline.settings import release_date

    try:
        result = publish(paths.package, paths.releases, release_date(), on_wait=_say)
    except (ReleaseError, JsonFileError) as error:  # PublishError is a ReleaseError
        _say(f"error: {error}\nNothing was published.")
        return 1
    for repaired in result.repaired:
        _say(f"  repaired datasets/ first: {repaired}")
    outcome = (
        f"published {PACKAGE_NAME} {result.version} to {result.path}"
        if result.published
        else f"no change since {result.version}, nothing published"
    )
    _say("[3/3] the package was checked when it was built; the latest release verifies")
    _say(f"done in {time.monotonic() - started:.1f} s: {documents} documents; {outcome}")
    return 0


def _metadata(result, key: str) -> dict:  # noqa: ANN001 - a dagster ExecuteInProcessResult
    for event in result.get_asset_materialization_events():
        if event.asset_key.to_user_string() == key:
            return {k: v.value for k, v in event.materialization.metadata.items()}
    return {}


def _summary(result, documents: int, seconds: float) -> str:  # noqa: ANN001 - a dagster ExecuteInProcessResult
    """The run in one line (preceded by the changes of a new version): documents, rows, what was published."""
    package = _metadata(result, "checked_package")
    release = _metadata(result, "published_release")
    rows = {k.split("/", 1)[1]: v for k, v in package.items() if k.startswith("rows/")}
    line = f"done in {seconds:.1f} s: {documents} documents, {sum(rows.values())} rows in {len(rows)} tables"
    if release.get("published"):
        outcome = f"published {PACKAGE_NAME} {release['version']} to {release['path']}"
    elif release:
        outcome = f"no change since {release['version']}, nothing published"
    elif package.get("new_version"):
        outcome = f"package {package['version']} (not published) in {package['path']}"
    else:
        outcome = f"package in {package.get('path')} has the data of the latest release {package.get('version')}"
    changes = f"  changes: {package['summary']}\n" if package.get("new_version") and package.get("summary") else ""
    repaired = f"  repaired datasets/ first: {release['repaired']}\n" if release.get("repaired") else ""
    return f"{repaired}{changes}{line}; {outcome}"


def _step_logger(display):  # noqa: ANN001, ANN202 - a RunDisplay; returns a dagster LoggerDefinition
    import dagster as dg

    from pipeline.cli.progress import StepHandler

    def make_logger(init_context) -> logging.Logger:  # noqa: ANN001 - dagster InitLoggerContext
        logger = logging.getLogger(f"pipeline.documents.progress.{id(display)}")
        logger.setLevel(logging.DEBUG)
        logger.propagate = False
        logger.handlers = [StepHandler(display)]
        return logger

    return dg.logger(description="Feeds the CLI's progress bars.")(make_logger)


_NAMED_ERRORS = ("SeedError", "ReleaseError", "PublishError", "IndexFilesError", "JsonFileError")


def _failure_message(result) -> str:  # noqa: ANN001 - a dagster ExecuteInProcessResult
    lines = ["error: the build failed."]
    for event in result.all_events:
        if event.is_step_failure:
            chain = [event.step_failure_data.error]
            while chain[-1].cause is not None:
                chain.append(chain[-1].cause)
            # The project's own errors name the file or folder; else the root cause.
            named = next((e for e in chain if e.cls_name in _NAMED_ERRORS), chain[-1])
            message = named.message.strip()
            qualified, _, rest = message.partition(": ")
            if qualified.endswith(f".{named.cls_name}") and named.cls_name in (*_NAMED_ERRORS, "Failure"):
                message = rest.strip()  # the project's own words, without the class's module path
            lines.append(f"  step {event.step_key}: {message}")
    return "\n".join(lines)


def _instance() -> int:
    """Create the project's Dagster instance if missing (what `make dev` runs before the UI)."""
    from pipeline.defs.instance import project_instance

    instance = project_instance()
    _say(f"DAGSTER_HOME={instance.root_directory}: the project's Dagster instance (settings: dagster.yaml)")
    return 0


def _open(path: Path | None, datasets: Path, shell: bool | None) -> int:
    from pipeline.cli.opening import open_release
    from pipeline.package.json_files import JsonFileError
    from pipeline.release.folders import latest_release

    target = path or latest_release(datasets / PACKAGE_NAME)
    if target is None:
        _say(f"error: no release found in {datasets / PACKAGE_NAME}")
        return 2
    try:
        return open_release(target, shell)
    except JsonFileError as error:
        _say(f"error: {error}; `python -m pipeline validate {target}` lists every problem of the release")
        return 2


def _serve(path: Path | None, datasets: Path, port: int) -> int:
    from pipeline.cli.serve import serve
    from pipeline.release.folders import latest_release

    target = path or latest_release(datasets / PACKAGE_NAME)
    if target is None:
        _say(f"error: no release found in {datasets / PACKAGE_NAME}")
        return 2
    return serve(target, port)


def _validate(path: Path | None, datasets: Path) -> int:
    from pipeline.release.folders import latest_release
    from pipeline.release.verify import validate_release

    target = path or latest_release(datasets / PACKAGE_NAME)
    if target is None:
        _say(f"error: no release found in {datasets / PACKAGE_NAME}")
        return 2
    problems = validate_release(target)
    if problems:
        _say(f"{target}: NOT valid ({len(problems)} problem(s))")
        for problem in problems:
            _say(f"  {problem}")
        return 1
    _say(
        f"{target}: valid (Frictionless package validation, Parquet copies, every file matches SHA256SUMS, "
        "version labels agree with the folder; in datasets/ also its zip, latest.zip, latest/, LATEST, the "
        "catalog's archive records and CITATION.cff)"
    )
    return 0
