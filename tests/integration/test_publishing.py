"""Publishing as a transaction (issue 13, cases 1-4 and 9): the lock, honest messages, verification of the
latest release, repair of leftovers, no write when nothing changed, and a validate that never crashes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.release import transaction
from pipeline.release.folders import versions
from tests.cli_process import finish_cli, start_cli
from tests.conftest import RELEASE_DATE, made_once, release_problems

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

PACKAGE = "china-health-work-plans"


def _report(city: str, leader: str, year: int) -> str:
    return (
        f"{city}卫生健康工作会议召开\n2月5日，{year}年{city}卫生健康工作会议召开。会议总结{year - 1}年工作，"
        f"部署{year}年重点工作。市卫生健康委主任{leader}作工作报告。\n会议强调，一是加强基层医疗卫生服务能力建设；"
        "二是新增托位1000个；三是深化公立医院改革。\n"
    )


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _args(command: str, work: Path, seeds: str = "seeds", out: str = "build") -> list[str]:
    return [command, "--seeds", str(work / seeds), "--out", str(work / out), "--datasets", str(work / "datasets")]


def _consistent(datasets: Path) -> list[str]:
    """Every version folder validates (Frictionless once per content in a session: conftest.release_problems),
    its labels name its folder and predecessor, and the index files list exactly the version folders."""
    releases = datasets / PACKAGE
    found = versions(releases)
    problems = [p for version in found for p in release_problems(releases / version)]
    for previous, version in zip([None, *found], found, strict=False):
        changes = json.loads((releases / version / "changes.json").read_text(encoding="utf-8"))
        if changes.get("previous_version") != previous:
            problems.append(f"{version}: previous_version {changes.get('previous_version')} != {previous}")
    catalog = json.loads((datasets / "catalog.json").read_text(encoding="utf-8"))
    listed = [entry["version"] for entry in catalog["packages"][0]["versions"]]
    if listed != found:
        problems.append(f"catalog lists {listed}, folders are {found}")
    changelog = (releases / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = [line.split()[1] for line in changelog.splitlines() if line.startswith("## ")]
    if headings != list(reversed(found)):
        problems.append(f"changelog lists {headings}, folders are {found}")
    leftovers = [p.name for p in (*datasets.iterdir(), *releases.iterdir()) if p.name.startswith(".tmp-")]
    return problems + [f"leftover {name}" for name in leftovers]


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small seeds folder published as 1.0.0, plus two more texts (x, y) kept aside (made once per session)."""

    def publish_first(work: Path) -> None:
        os.environ["PIPELINE_RELEASE_DATE"] = RELEASE_DATE
        (work / "seeds").mkdir(parents=True)
        (work / "seeds" / "base_city.txt").write_text(_report("长沙市", "张三", 2025), encoding="utf-8")
        (work / "extra").mkdir()
        (work / "extra" / "x_city.txt").write_text(_report("株洲市", "李四", 2025), encoding="utf-8")
        (work / "extra" / "y_city.txt").write_text(_report("湘潭市", "王五", 2025), encoding="utf-8")
        assert main(_args("publish", work)) == 0

    return made_once(tmp_path_factory, "publishing-first", publish_first)


@pytest.fixture
def work(first: Path, tmp_path: Path) -> Path:
    shutil.copytree(first, tmp_path / "work")
    return tmp_path / "work"


def _seeds_with(work: Path, name: str, extra: str) -> str:
    """A seeds folder `name` holding the base text and one extra text."""
    shutil.copytree(work / "seeds", work / name)
    shutil.copy(work / "extra" / extra, work / name / extra)
    return name


def _wait_for(path: Path, text: str, process: subprocess.Popen, seconds: float = 120) -> None:
    """Return once the log at path says text; fail if the process ends first or it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(encoding="utf-8", errors="replace"):
            return
        if process.poll() is not None:
            break
        time.sleep(0.05)
    raise AssertionError(f"{path} never said {text!r}: {path.read_text(encoding='utf-8', errors='replace')}")


def test_two_publishes_started_together_wait_for_each_other_and_label_every_version_honestly(work: Path):
    """Case 1: two concurrent publishes (two processes) with different new texts on one datasets folder."""
    seeds = {"a": _seeds_with(work, "seeds_a", "x_city.txt"), "b": _seeds_with(work, "seeds_b", "y_city.txt")}
    logs = {name: work / f"{name}.log" for name in seeds}
    # Each run is a new interpreter (tests/cli_process.py), which inherits no descriptor and so not this lock.
    runs: dict[str, subprocess.Popen] = {}
    try:
        with transaction.publish_lock(work / "datasets"):  # hold the lock until both runs are waiting for it
            for name, folder in seeds.items():
                runs[name] = start_cli(_args("publish", work, folder, f"out_{name}"), logs[name])
            for name, log in logs.items():
                _wait_for(log, "waiting for another publish", runs[name])
        ended = {name: finish_cli(process, logs[name], timeout=600) for name, process in runs.items()}
    finally:
        for process in runs.values():  # none is left running when the test fails
            if process.poll() is None:
                process.kill()
                process.wait()
    codes = {name: code for name, (code, _) in ended.items()}
    texts = {name: said for name, (_, said) in ended.items()}
    assert codes == {"a": 0, "b": 0}, texts
    assert _consistent(work / "datasets") == []
    releases = work / "datasets" / PACKAGE
    assert versions(releases) == ["1.0.0", "1.1.0", "2.0.0"]
    # whichever run came second withdrew the other's text, and says so
    second = json.loads((releases / "2.0.0" / "changes.json").read_text(encoding="utf-8"))
    assert any("withdrawn" in reason["change"] for reason in second["reasons"])
    assert any("added" in reason["change"] for reason in second["reasons"])


def test_a_package_planned_before_another_publish_landed_is_refused(work: Path):
    """Case 1 without the CLI's lock around the build (e.g. two Dagster runs): the publish step re-plans."""
    for name, extra in (("a", "x_city.txt"), ("b", "y_city.txt")):
        assert main(_args("build", work, _seeds_with(work, f"seeds_{name}", extra), f"out_{name}")) == 0
    releases = work / "datasets" / PACKAGE
    assert transaction.publish(work / "out_a" / "package", releases, RELEASE_DATE).version == "1.1.0"
    before = _tree(work / "datasets")
    with pytest.raises(transaction.PublishError, match="another publish landed"):
        transaction.publish(work / "out_b" / "package", releases, RELEASE_DATE)
    assert _tree(work / "datasets") == before
    assert _consistent(work / "datasets") == []


def test_a_failure_after_the_version_is_in_place_says_it_was_published_and_the_next_run_repairs(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """Case 2: writing CHANGELOG.md / catalog.json fails after the rename."""
    shutil.copy(work / "extra" / "x_city.txt", work / "seeds")
    real_write = transaction._atomic_write

    def full_disk(path: Path, text: str) -> None:
        if path.name == "catalog.json":
            (path.parent / ".tmp-catalog.json").write_text(text[:10], encoding="utf-8")  # a half-written temporary
            raise OSError(28, "No space left on device")
        real_write(path, text)

    monkeypatch.setattr(transaction, "_atomic_write", full_disk)
    assert main(_args("publish", work)) == 1
    err = capsys.readouterr().err
    assert "1.1.0 WAS published" in err and "Nothing was published" not in err
    releases = work / "datasets" / PACKAGE
    assert versions(releases) == ["1.0.0", "1.1.0"]
    # the version folder is whole; validate reports only the index files that could not be written
    stale = release_problems(releases / "1.1.0")
    assert stale and all("catalog.json" in problem or "CITATION.cff" in problem for problem in stale), stale

    monkeypatch.undo()
    (releases / ".tmp-1.2.0").mkdir()  # and a folder a killed publish left behind
    assert main(_args("publish", work)) == 0
    err = capsys.readouterr().err
    assert "no change since 1.1.0" in err and "repaired" in err
    assert _consistent(work / "datasets") == []


def test_a_no_op_publish_writes_nothing_at_all(work: Path, monkeypatch: pytest.MonkeyPatch):
    """Case 9: an unchanged build neither rewrites the index files nor touches anything in datasets/."""
    stats = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (work / "datasets").rglob("*")}

    def refuse(path: Path, text: str) -> None:  # as on a read-only folder
        raise PermissionError(13, "Read-only file system", str(path))

    monkeypatch.setattr(transaction, "_atomic_write", refuse)
    assert main(_args("publish", work)) == 0
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (work / "datasets").rglob("*")} == stats


def test_a_leftover_temporary_is_removed_by_the_next_publish(work: Path):
    """Case 9: hidden `.tmp-*` left by a killed publish, beside the versions and beside the catalog."""
    releases = work / "datasets" / PACKAGE
    (releases / ".tmp-1.0.1").mkdir()
    (releases / ".tmp-1.0.1" / "datapackage.json").write_text("{", encoding="utf-8")
    (work / "datasets" / ".tmp-catalog.json").write_text("{", encoding="utf-8")
    assert main(_args("publish", work)) == 0
    assert _consistent(work / "datasets") == []
    assert versions(releases) == ["1.0.0"]


@pytest.mark.parametrize("damage", ["one character of tasks.csv", "corrupt parquet", "missing file"])
def test_a_tampered_latest_release_is_refused_before_diffing(
    work: Path, damage: str, capsys: pytest.CaptureFixture[str]
):
    """Case 3: publish (and build) verify the latest release before building and refuse, leaving datasets/
    and the build folder as they are."""
    latest = work / "datasets" / PACKAGE / "1.0.0"
    if damage == "one character of tasks.csv":
        path = latest / "data" / "tasks.csv"
        path.write_text(path.read_text(encoding="utf-8").replace("基层", "基屋", 1), encoding="utf-8")
    elif damage == "corrupt parquet":
        path = latest / "data" / "tasks.parquet"
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    else:
        path = latest / "data" / "tokens.parquet"
        path.unlink()
    shutil.copy(work / "extra" / "x_city.txt", work / "seeds")  # a real change, which must not be published
    before = _tree(work / "datasets")
    built = _tree(work / "build")
    assert main(_args("publish", work)) == 1
    err = capsys.readouterr().err
    assert "the latest release does not verify" in err and str(path) in err
    assert "Nothing was published" in err
    assert "[2/3]" not in err  # refused before the run: minutes of building would end in the same refusal
    assert main(_args("build", work)) == 1  # a build plans its version against that release too
    err = capsys.readouterr().err
    assert "the latest release does not verify" in err and "Nothing was built" in err and "[2/3]" not in err
    assert _tree(work / "datasets") == before and _tree(work / "build") == built


def test_validate_reports_every_problem_and_never_crashes(work: Path, capsys: pytest.CaptureFixture[str]):
    """Case 4: a corrupt Parquet file, a changed CSV and a broken SHA256SUMS line are all reported."""
    latest = work / "datasets" / PACKAGE / "1.0.0"
    (latest / "data" / "meetings.parquet").write_bytes(b"PAR1 this is not parquet PAR1")
    tasks = latest / "data" / "tasks.csv"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("基层", "基屋", 1), encoding="utf-8")
    with (latest / "SHA256SUMS").open("a", encoding="utf-8") as handle:
        handle.write("garbage line\n")
    with (latest / "data" / "sentences.csv").open("a", encoding="utf-8") as handle:
        handle.write("".join(f"not,a,sentence,{n},x,y,z,extra\n" for n in range(8)))  # 8 bad rows at least
    assert main(["validate", str(latest)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "sentences.csv: and " in err and " more errors" in err  # beyond the first five, counted
    assert "meetings.parquet: cannot be read as Parquet" in err
    assert "tasks.csv: sha256 differs" in err
    assert "SHA256SUMS: line" in err

    (latest / "datapackage.json").write_text("{ not json", encoding="utf-8")
    assert main(["validate", str(latest)]) == 1
    assert "datapackage.json" in capsys.readouterr().err


def test_validate_refuses_a_version_folder_whose_labels_name_another_version(work: Path):
    """Case 1's symptom: a folder 2.0.0 whose descriptor says 1.1.0 must not validate."""
    releases = work / "datasets" / PACKAGE
    shutil.copytree(releases / "1.0.0", releases / "2.0.0")
    problems = release_problems(releases / "2.0.0")
    assert any("says version 1.0.0, not 2.0.0" in p for p in problems)
    assert any("README.md: does not name version 2.0.0" in p for p in problems)


def test_republishing_unchanged_data_after_a_release_with_a_note_is_a_no_op(work: Path):
    """A release published with --note keeps its note; rebuilding the same data must not be refused for it."""
    seeds = _seeds_with(work, "seeds_x", "x_city.txt")
    assert main([*_args("publish", work, seeds=seeds), "--note", "why this version"]) == 0
    before = _tree(work / "datasets")
    assert main(_args("publish", work, seeds=seeds)) == 0
    assert _tree(work / "datasets") == before
