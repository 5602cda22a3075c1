"""Versioning from the data diff, immutable releases, changelog, catalog, and interrupted publishes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from pipeline import schema
from pipeline.cli.main import main
from pipeline.release import folders
from pipeline.release import versions as release

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

PACKAGE = "china-health-work-plans"


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _publish(seeds: Path, datasets: Path, out: Path) -> int:
    return main(["publish", "--seeds", str(seeds), "--out", str(out), "--datasets", str(datasets)])


def _set_manifest_sha(seeds: Path, file_name: str) -> None:
    digest = hashlib.sha256((seeds / file_name).read_bytes()).hexdigest()
    lines = (seeds / "manifest.csv").read_text(encoding="utf-8").splitlines()
    fixed = []
    for line in lines:
        cells = line.split(",")
        if len(cells) > 2 and cells[1] == file_name:
            cells[2] = digest
        fixed.append(",".join(cells))
    (seeds / "manifest.csv").write_text("\n".join(fixed) + "\n", encoding="utf-8")


@pytest.fixture
def first(one_seed_release: Path) -> Path:
    """A datasets folder with version 1.0.0 published from one seed text with its manifest row
    (conftest.one_seed_release: seeds/, build/, datasets/): every mechanism tested here works on any folder."""
    return one_seed_release


@pytest.fixture
def work(first: Path, tmp_path: Path) -> Path:
    shutil.copytree(first, tmp_path / "work")
    return tmp_path / "work"


def test_first_release_is_1_0_0_with_changelog_and_catalog(first: Path):
    releases = first / "datasets" / PACKAGE
    assert folders.versions(releases) == ["1.0.0"]
    catalog = json.loads((first / "datasets" / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["packages"][0]["latest"] == "1.0.0"
    assert catalog["packages"][0]["versions"][0]["bytes"] > 0
    assert "## 1.0.0" in (releases / "CHANGELOG.md").read_text(encoding="utf-8")
    assert (releases / "1.0.0" / "changes.json").exists()
    assert main(["validate", str(releases / "1.0.0")]) == 0


def test_publishing_unchanged_inputs_creates_no_version(work: Path):
    before = _tree(work / "datasets")
    assert _publish(work / "seeds", work / "datasets", work / "build") == 0
    assert _tree(work / "datasets") == before


def test_editing_one_task_publishes_a_patch_naming_the_task(work: Path):
    path = work / "seeds" / "002_a1b3c1b0fa981a87.txt"
    text = path.read_text(encoding="utf-8")
    assert "促进人口长期均衡发展" in text
    path.write_text(text.replace("促进人口长期均衡发展", "促进人口长期均衡和高质量发展"), encoding="utf-8")
    _set_manifest_sha(work / "seeds", path.name)
    assert _publish(work / "seeds", work / "datasets", work / "build") == 0
    releases = work / "datasets" / PACKAGE
    assert folders.versions(releases) == ["1.0.0", "1.0.1"]
    changes = json.loads((releases / "1.0.1" / "changes.json").read_text(encoding="utf-8"))
    assert changes["bump"] == "patch"
    assert "cn-2024-health-work-t03" in changes["tables"]["tasks"]["changed_keys"]
    changelog = (releases / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index("## 1.0.1") < changelog.index("## 1.0.0")
    assert "| tasks |" in changelog and "cn-2024-health-work-t03" in changelog


def test_adding_a_document_publishes_a_minor_version(work: Path):
    new = work / "seeds" / "005_new_city_report.txt"
    new.write_text(
        "全市卫生健康工作会议召开\n2月5日，2025年全市卫生健康工作会议在长沙召开。会议总结2024年工作，部署2025年重点工作。"
        "市卫生健康委主任张三作工作报告。\n会议强调，一是加强基层医疗卫生服务能力建设；二是新增托位1000个；"
        "三是深化公立医院改革。\n",
        encoding="utf-8",
    )
    assert _publish(work / "seeds", work / "datasets", work / "build") == 0
    releases = work / "datasets" / PACKAGE
    assert folders.versions(releases)[-1] == "1.1.0"
    changes = json.loads((releases / "1.1.0" / "changes.json").read_text(encoding="utf-8"))
    assert changes["bump"] == "minor"
    assert any("005_new_city_report added" in r["change"] for r in changes["reasons"])


def test_removing_a_column_publishes_a_major_version(work: Path, monkeypatch: pytest.MonkeyPatch):
    schemas = work / "schemas"
    shutil.copytree(schema.SCHEMAS_DIR, schemas)
    tokens = json.loads((schemas / "tokens.schema.json").read_text(encoding="utf-8"))
    tokens["fields"] = [f for f in tokens["fields"] if f["name"] != "pos"]
    (schemas / "tokens.schema.json").write_text(json.dumps(tokens, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(schema, "SCHEMAS_DIR", schemas)
    schema.table_schema.cache_clear()
    schema.package_metadata.cache_clear()
    try:
        assert _publish(work / "seeds", work / "datasets", work / "build") == 0
    finally:
        schema.table_schema.cache_clear()
        schema.package_metadata.cache_clear()
    releases = work / "datasets" / PACKAGE
    assert folders.versions(releases)[-1] == "2.0.0"
    changes = json.loads((releases / "2.0.0" / "changes.json").read_text(encoding="utf-8"))
    assert "column tokens.pos removed or renamed" in changes["schema_changes"]


def test_killed_publish_leaves_datasets_untouched_and_next_publish_succeeds(work: Path, monkeypatch):
    path = work / "seeds" / "002_a1b3c1b0fa981a87.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("八是", "八是 "), encoding="utf-8")  # a harmless edit
    _set_manifest_sha(work / "seeds", path.name)
    before = _tree(work / "datasets")
    copied = []

    def failing_copy(src: str, dst: str) -> None:
        if len(copied) == 3:
            raise KeyboardInterrupt("killed half-way")
        copied.append(src)
        shutil.copy2(src, dst)

    monkeypatch.setattr(release, "_copy_file", failing_copy)
    with pytest.raises(KeyboardInterrupt):
        release.publish_folder(work / "build" / "package", work / "datasets" / PACKAGE, "9.9.9")
    assert _tree(work / "datasets") == before

    code = _publish(work / "seeds", work / "datasets", work / "build")
    assert code != 0  # the injected failure is inside the publish step too
    assert _tree(work / "datasets") == before
    monkeypatch.undo()
    assert _publish(work / "seeds", work / "datasets", work / "build") == 0
    assert len(folders.versions(work / "datasets" / PACKAGE)) == 2


def test_published_versions_are_immutable(first: Path, tmp_path: Path):
    built = tmp_path / "pkg"
    built.mkdir()
    with pytest.raises(FileExistsError):
        release.publish_folder(built, first / "datasets" / PACKAGE, "1.0.0")


def test_validate_detects_a_changed_file(work: Path):
    target = work / "datasets" / PACKAGE / "1.0.0" / "data" / "tasks.csv"
    target.write_text(target.read_text(encoding="utf-8").replace("一是", "一 是", 1), encoding="utf-8")
    assert main(["validate", str(target.parents[1])]) == 1


@pytest.mark.parametrize(
    "old,new,level",
    [
        (
            {"t": {"fields": [{"name": "a", "type": "string"}], "primaryKey": ["a"]}},
            {"t": {"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}], "primaryKey": ["a"]}},
            "minor",
        ),
        (
            {"t": {"fields": [{"name": "a", "type": "string"}], "primaryKey": ["a"]}},
            {"t": {"fields": [{"name": "a", "type": "integer"}], "primaryKey": ["a"]}},
            "major",
        ),
        (
            {"t": {"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}], "primaryKey": ["a"]}},
            {
                "t": {
                    "fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "string"}],
                    "primaryKey": ["a", "b"],
                }
            },
            "major",
        ),
        (
            {"t": {"fields": [], "primaryKey": []}},
            {"t": {"fields": [], "primaryKey": []}, "u": {"fields": [], "primaryKey": []}},
            "minor",
        ),
        (
            {"t": {"fields": [], "primaryKey": []}, "u": {"fields": [], "primaryKey": []}},
            {"t": {"fields": [], "primaryKey": []}},
            "major",
        ),
        (
            {"t": {"fields": [{"name": "a", "type": "string", "description": "x"}], "primaryKey": ["a"]}},
            {"t": {"fields": [{"name": "a", "type": "string", "description": "y"}], "primaryKey": ["a"]}},
            "patch",
        ),
        (  # an enum value renamed: a query filtering on the old value silently finds nothing
            {
                "t": {
                    "fields": [{"name": "a", "type": "string", "constraints": {"enum": ["province"]}}],
                    "primaryKey": [],
                }
            },
            {
                "t": {
                    "fields": [{"name": "a", "type": "string", "constraints": {"enum": ["provincial"]}}],
                    "primaryKey": [],
                }
            },
            "major",
        ),
        (  # an enum value added
            {"t": {"fields": [{"name": "a", "type": "string", "constraints": {"enum": ["x"]}}], "primaryKey": []}},
            {"t": {"fields": [{"name": "a", "type": "string", "constraints": {"enum": ["x", "y"]}}], "primaryKey": []}},
            "patch",
        ),
    ],
)
def test_schema_change_levels(old, new, level):
    changes = release.schema_changes(old, new)
    assert max((lvl for lvl, _ in changes), key=release.LEVELS.index) == level


def test_bump_version():
    assert release.bump_version("1.2.3", "patch") == "1.2.4"
    assert release.bump_version("1.2.3", "minor") == "1.3.0"
    assert release.bump_version("1.2.3", "major") == "2.0.0"
