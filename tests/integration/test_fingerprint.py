"""pipeline.cli.fingerprint: a build folder's package is current only while nothing a build reads changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import fingerprint
from pipeline.cli.fingerprint import current_build, inputs_fingerprint, record_build
from pipeline.cli.main import main
from pipeline.package.checksums import write_checksums
from pipeline.settings import Paths

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

TODAY = "2026-01-31"


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    """A seeds folder with one text, a build folder whose package has one data file, no release yet."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("全国卫生健康工作会议", encoding="utf-8")
    paths = Paths(seeds=seeds, out=tmp_path / "out", datasets=tmp_path / "datasets")
    (paths.package / "data").mkdir(parents=True)
    (paths.package / "data" / "t.csv").write_text("a\n1\n", encoding="utf-8")
    write_checksums(paths.package)
    return paths


def _record(paths: Paths, new_version: bool = False) -> str:
    inputs = inputs_fingerprint(paths.seeds)
    assert record_build(paths, inputs, "1.0.0", new_version, TODAY) is not None
    return inputs


def test_an_untouched_build_folder_is_current(paths: Paths) -> None:
    inputs = _record(paths)
    record = current_build(paths, inputs_fingerprint(paths.seeds), TODAY)
    assert record is not None and record.version == "1.0.0"
    assert inputs == inputs_fingerprint(paths.seeds)


def test_a_changed_added_or_renamed_seed_file_makes_it_stale(paths: Paths) -> None:
    _record(paths)
    (paths.seeds / "a.txt").write_text("全国卫生健康工作会议。", encoding="utf-8")
    assert current_build(paths, inputs_fingerprint(paths.seeds), TODAY) is None
    _record(paths)
    (paths.seeds / "manifest.csv").write_text("doc_id\n", encoding="utf-8")
    assert current_build(paths, inputs_fingerprint(paths.seeds), TODAY) is None
    _record(paths)
    (paths.seeds / "a.txt").rename(paths.seeds / "b.txt")
    assert current_build(paths, inputs_fingerprint(paths.seeds), TODAY) is None


def test_a_code_or_schema_change_makes_it_stale(paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "code"
    code.mkdir()
    (code / "module.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(fingerprint, "code_folders", lambda: (code,))
    _record(paths)
    assert current_build(paths, inputs_fingerprint(paths.seeds), TODAY) is not None
    (code / "module.py").write_text("X = 2\n", encoding="utf-8")
    assert current_build(paths, inputs_fingerprint(paths.seeds), TODAY) is None


def test_a_changed_or_unlisted_package_file_makes_it_stale(paths: Paths) -> None:
    inputs = _record(paths)
    (paths.package / "data" / "t.csv").write_text("a\n2\n", encoding="utf-8")
    assert current_build(paths, inputs, TODAY) is None
    (paths.package / "data" / "t.csv").write_text("a\n1\n", encoding="utf-8")
    assert current_build(paths, inputs, TODAY) is not None
    (paths.package / "data" / "extra.csv").write_text("b\n", encoding="utf-8")
    assert current_build(paths, inputs, TODAY) is None


def test_a_new_latest_release_makes_it_stale(paths: Paths) -> None:
    inputs = _record(paths)
    release = paths.releases / "1.0.0"
    release.mkdir(parents=True)
    (release / "SHA256SUMS").write_text("", encoding="utf-8")
    assert current_build(paths, inputs, TODAY) is None


def test_an_unpublished_new_version_is_current_only_on_its_release_date(paths: Paths) -> None:
    inputs = _record(paths, new_version=True)
    assert current_build(paths, inputs, TODAY) is not None
    assert current_build(paths, inputs, "2026-02-01") is None


def test_a_second_cli_build_of_unchanged_seeds_skips_the_run_and_a_changed_seed_rebuilds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = "全国卫生健康工作会议在京召开\n会议部署了2025年重点工作。一是深化医改。二是推进健康中国建设。\n"
    (seeds / "conference.txt").write_text(text, encoding="utf-8")
    args = ["build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--datasets", str(tmp_path / "ds")]
    assert main(args) == 0
    assert "no Dagster run" not in capsys.readouterr().err
    assert main(args) == 0
    assert "nothing changed since the last build" in capsys.readouterr().err
    (seeds / "conference.txt").write_text(text + "三是加强公共卫生。\n", encoding="utf-8")
    assert main(args) == 0
    assert "no Dagster run" not in capsys.readouterr().err
