"""The one-file download of a release (reproducible zip), the `latest` pointer, release notes in words,
and CITATION.cff."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from pipeline.package.release_notes import citation_version, describe_changes, render_citation
from pipeline.release import archive, distribution
from pipeline.schema import package_metadata
from tests.conftest import ROOT, release_problems

RELEASES = ROOT / "datasets" / "china-health-work-plans"


@pytest.fixture()
def releases(tmp_path: Path) -> Path:
    """A releases folder with two small versions."""
    folder = tmp_path / "datasets" / "pkg"
    for version, text in (("1.0.0", "a,b\n1,2\n"), ("1.1.0", "a,b\n1,3\n")):
        (folder / version / "data").mkdir(parents=True)
        (folder / version / "data" / "t.csv").write_text(text)
        (folder / version / "README.md").write_text(f"version {version}\n")
    return folder


def test_archive_is_byte_reproducible_whatever_the_file_times_and_permissions(releases: Path, tmp_path: Path):
    first = archive.archive_bytes(releases / "1.0.0", "pkg-1.0.0", "2026-01-31")
    copy = tmp_path / "copy"
    shutil.copytree(releases / "1.0.0", copy)
    os.utime(copy / "README.md", (1_000_000_000, 1_000_000_000))
    (copy / "data" / "t.csv").chmod(0o600)
    assert archive.archive_bytes(copy, "pkg-1.0.0", "2026-01-31") == first
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert [i.filename for i in infos] == [
        "pkg-1.0.0/",
        "pkg-1.0.0/README.md",
        "pkg-1.0.0/data/",
        "pkg-1.0.0/data/t.csv",
    ]
    assert {i.date_time for i in infos} == {(2026, 1, 31, 0, 0, 0)}
    assert {(i.external_attr >> 16) & 0o777 for i in infos if not i.is_dir()} == {0o644}


def test_archives_latest_and_pointer_are_written_and_verified(releases: Path):
    created = {"1.0.0": "2026-01-01", "1.1.0": "2026-02-01"}
    distribution.write_archives(releases, ["1.0.0", "1.1.0"], created)
    assert archive.archive_problems(releases, "1.0.0") == archive.archive_problems(releases, "1.1.0") == []
    assert archive.pointer_problems(releases, ["1.0.0", "1.1.0"]) == []
    assert (releases / "LATEST").read_text() == "1.1.0\n"
    assert (releases / "latest.zip").read_bytes() == archive.archive_path(releases, "1.1.0").read_bytes()
    assert (releases / "latest" / "data" / "t.csv").read_text() == "a,b\n1,3\n"
    with zipfile.ZipFile(releases / "latest.zip") as unpacked:
        assert unpacked.read("pkg-1.1.0/data/t.csv") == b"a,b\n1,3\n"

    # an existing archive is never rewritten
    before = archive.archive_path(releases, "1.0.0").stat().st_mtime_ns
    distribution.write_archives(releases, ["1.0.0", "1.1.0"], created)
    assert archive.archive_path(releases, "1.0.0").stat().st_mtime_ns == before

    # tampering is found: a changed file in the folder, an extra file, a stale pointer
    (releases / "1.0.0" / "data" / "t.csv").write_text("a,b\n9,9\n")
    (releases / "1.0.0" / "extra.txt").write_text("x")
    problems = archive.archive_problems(releases, "1.0.0")
    assert any("data/t.csv differs" in p for p in problems) and any("extra.txt" in p for p in problems)
    (releases / "LATEST").write_text("1.0.0\n")
    (releases / "latest" / "README.md").write_text("edited")
    problems = archive.pointer_problems(releases, ["1.0.0", "1.1.0"])
    assert len(problems) == 2 and "LATEST" in problems[0] and "README.md: differs" in problems[1]

    # a new version moves every pointer
    (releases / "1.2.0").mkdir()
    (releases / "1.2.0" / "README.md").write_text("version 1.2.0\n")
    distribution.write_archives(releases, ["1.0.0", "1.1.0", "1.2.0"], {**created, "1.2.0": "2026-03-01"})
    assert archive.pointer_problems(releases, ["1.0.0", "1.1.0", "1.2.0"]) == []
    assert not (releases / "latest" / "data").exists() and (releases / "LATEST").read_text() == "1.2.0\n"
    archive.archive_path(releases, "1.1.0").unlink()
    assert "missing" in archive.archive_problems(releases, "1.1.0")[0]
    assert not list(releases.glob(".tmp-*"))


def test_release_notes_say_in_words_what_changed():
    changes = {
        "bump": "major",
        "reasons": [
            {"level": "major", "change": "column regions.level values province, prefecture no longer used"},
            {"level": "minor", "change": "column regions.name_en added"},
            {"level": "minor", "change": "document 005 added"},
            {"level": "patch", "change": "rows of targets changed"},
        ],
        "tables": {
            "targets": {"added": 0, "removed": 1, "changed": 3},
            "tasks": {"added": 0, "removed": 0, "changed": 0},
        },
    }
    text = describe_changes(changes)
    assert "`regions.level` no longer uses the values province, prefecture" in text
    assert "Adds the column `regions.name_en`." in text and "Adds the source document `005`." in text
    assert "Rows: targets 3 changed, 1 removed." in text and "tasks" not in text


def test_citation_names_version_date_and_repository():
    meta = {**package_metadata(), "repository": "https://example.org/chwp"}
    text = render_citation(meta, "3.1.0", "2026-11-24")
    parsed = yaml.safe_load(text)
    assert parsed["version"] == "3.1.0" and parsed["date-released"] == "2026-11-24"
    assert parsed["repository-code"] == "https://example.org/chwp" and parsed["type"] == "dataset"
    assert parsed["title"] == package_metadata()["title"]
    assert citation_version(text) == "3.1.0"


def test_citation_names_no_repository_when_the_project_has_no_public_address():
    text = render_citation({**package_metadata(), "repository": ""}, "3.1.0", "2026-11-24")
    parsed = yaml.safe_load(text)
    assert "repository-code" not in parsed and "url" not in parsed and parsed["version"] == "3.1.0"


@pytest.mark.slow
def test_the_downloaded_zip_and_latest_folder_validate_where_they_are(tmp_path: Path):
    """An unpacked latest.zip (folder <package>-<version>) and datasets/.../latest/ validate as releases. The
    two hold the same bytes: Frictionless reads them once, the second folder's files are checked against the
    same SHA256SUMS (conftest.release_problems); labels and pointers are checked in both."""
    from pipeline.release.verify import verify_release

    with zipfile.ZipFile(RELEASES / "latest.zip") as downloaded:
        downloaded.extractall(tmp_path)
    (unpacked,) = tmp_path.iterdir()
    assert unpacked.name == f"china-health-work-plans-{(RELEASES / 'LATEST').read_text().strip()}"
    assert release_problems(unpacked) == []
    assert release_problems(RELEASES / "latest") == []
    (unpacked / "datapackage.json").write_text(
        (unpacked / "datapackage.json").read_text(encoding="utf-8").replace('"version": "', '"version": "9', 1),
        encoding="utf-8",
    )
    # the label check of validate_release, without a third full Frictionless pass over the same rows
    assert any("says version 9" in problem for problem in verify_release(unpacked))


def test_every_committed_release_is_its_own_archive_and_the_pointers_and_catalog_agree():
    """What `validate` checks around each committed version folder, for all of them (no Frictionless pass)."""
    import json

    from pipeline.release.folders import versions

    found = versions(RELEASES)
    assert [p for v in found for p in archive.archive_problems(RELEASES, v)] == []
    assert archive.pointer_problems(RELEASES, found) == []
    catalog = json.loads((RELEASES.parent / "catalog.json").read_text(encoding="utf-8"))
    assert archive.catalog_problems(RELEASES, catalog) == []


@pytest.mark.slow  # reads or verifies a published release
def test_an_archive_that_is_not_its_folder_is_made_again_from_the_verified_folder(tmp_path: Path):
    """A zip left behind by a publish that was dropped and made again (another build's bytes under the
    same version) is replaced by the zip of the folder; a damaged folder never replaces its archive."""
    version = (RELEASES / "LATEST").read_text().strip()
    releases = tmp_path / "datasets" / RELEASES.name
    shutil.copytree(RELEASES / version, releases / version)
    created = {version: archive.release_date(releases / version)}
    other = tmp_path / "other"
    shutil.copytree(releases / version, other)
    (other / "README.md").write_text("an earlier build of the same version\n", encoding="utf-8")
    stale = archive.archive_bytes(other, archive.top_folder(releases, version), created[version])
    archive.archive_path(releases, version).parent.mkdir(parents=True)
    archive.archive_path(releases, version).write_bytes(stale)
    assert any("README.md differs" in p for p in archive.archive_problems(releases, version))

    written = distribution.write_archives(releases, [version], created)
    assert str(archive.archive_path(releases, version)) in written
    assert archive.archive_problems(releases, version) == []
    expected = archive.archive_bytes(releases / version, archive.top_folder(releases, version), created[version])
    assert archive.archive_path(releases, version).read_bytes() == expected
    assert distribution.write_archives(releases, [version], created) == []  # the right archive stays untouched

    archive.archive_path(releases, version).write_bytes(stale)
    (releases / version / "README.md").write_text("damaged\n", encoding="utf-8")  # no longer its SHA256SUMS
    distribution.write_archives(releases, [version], created)
    assert archive.archive_path(releases, version).read_bytes() == stale
