"""Validation of a package with a folder of markers (pipeline.package.validation: validate_once, table_keys):
a table whose own files, descriptor and foreign-key targets passed before is not read again; a table whose CSV,
Parquet copy or schema changed, or which points at a table that changed, is validated again and its problems
are reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.package import validation
from pipeline.package.checksums import sha256_file, write_checksums


@pytest.fixture
def package(one_seed_release: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "package"
    shutil.copytree(one_seed_release / "build" / "package", copy)
    return copy


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The tables Frictionless validates and those whose Parquet copy is compared with the CSV, as they run."""
    seen: dict[str, list[str]] = {"frictionless": [], "parquet": []}
    validate, compare = frictionless.Resource.validate, validation._parquet_copy_problems

    def validating(resource, *args, **kwargs):  # noqa: ANN001, ANN202 - Frictionless's own signature
        seen["frictionless"].append(resource.name)
        return validate(resource, *args, **kwargs)

    def comparing(con, dest, resource, path):  # noqa: ANN001, ANN202
        seen["parquet"].append(resource["name"])
        return compare(con, dest, resource, path)

    monkeypatch.setattr(frictionless.Resource, "validate", validating)
    monkeypatch.setattr(validation, "_parquet_copy_problems", comparing)
    return seen


def _descriptor(package: Path) -> dict:
    return json.loads((package / "datapackage.json").read_text(encoding="utf-8"))


def _resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def _rewrite(package: Path, descriptor: dict) -> None:
    """The descriptor with every file's hash and bytes as they are now, and SHA256SUMS to match: the only
    problems left are those of the contents."""
    for resource in descriptor["resources"]:
        for entry in (resource, resource["parquet"]):
            entry["hash"] = f"sha256:{sha256_file(package / entry['path'])}"
            entry["bytes"] = (package / entry["path"]).stat().st_size
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    write_checksums(package)


def _pointing_at(descriptor: dict, name: str) -> set[str]:
    """The table and every table whose foreign keys point at it."""
    return {name} | {
        r["name"]
        for r in descriptor["resources"]
        if any(fk["reference"]["resource"] == name for fk in r["schema"].get("foreignKeys", []))
    }


def _validate(package: Path, validated: Path, read: dict[str, list[str]]) -> tuple[list[str], set[str], set[str]]:
    read["frictionless"].clear()
    read["parquet"].clear()
    problems = validation.validate_package(package, validated)
    return problems, set(read["frictionless"]), set(read["parquet"])


def test_a_table_is_read_again_when_its_csv_its_parquet_its_schema_or_a_table_it_points_at_changed(
    package: Path, tmp_path: Path, read: dict[str, list[str]]
):
    validated = tmp_path / "validated"
    descriptor = _descriptor(package)
    tables = {r["name"] for r in descriptor["resources"]}
    # validate_once reads every table of a package it has not seen, and marks each table.
    assert validation.validate_once(package, validated) == []
    assert set(read["frictionless"]) == set(read["parquet"]) == tables
    assert len(list((validated / validation.TABLES).iterdir())) == len(tables)
    assert _validate(package, validated, read) == ([], set(), set())

    # indicators.csv changed, the descriptor and SHA256SUMS not: read again, and Frictionless finds that the
    # file is not the one the descriptor describes. Then its Parquet copy alone: compared again, unreadable.
    csv, parquet = package / "data" / "indicators.csv", package / "data" / "indicators.parquet"
    for path, changed, found, again in [
        (csv, csv.read_bytes().replace(b"\n", b"\r\n", 1), f"{csv}: ", _pointing_at(descriptor, "indicators")),
        (parquet, parquet.read_bytes() + b"\0", f"{parquet}: cannot be read as Parquet", {"indicators"}),
    ]:  # (the tables pointing at indicators read its CSV, not its Parquet copy)
        before = path.read_bytes()
        path.write_bytes(changed)
        problems, frictionless_read, parquet_read = _validate(package, validated, read)
        assert frictionless_read == parquet_read == again
        assert any(p.startswith(found) and "SHA256SUMS" not in p for p in problems), problems
        path.write_bytes(before)
    assert _validate(package, validated, read) == ([], set(), set())

    # regions.csv changed (a level outside the enum): regions and every table pointing at it are read again.
    csv = package / "data" / "regions.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[1].rstrip("\n").split(",")
    cells[header.index("level")] = "galaxy"
    csv.write_text("".join([lines[0], ",".join(cells) + "\n", *lines[2:]]), encoding="utf-8")
    _rewrite(package, descriptor)
    problems, frictionless_read, parquet_read = _validate(package, validated, read)
    assert frictionless_read == parquet_read == _pointing_at(descriptor, "regions")
    assert {"provinces", "plans", "meetings", "targets"} <= frictionless_read
    assert any(p.startswith(f"{csv}: ") and "galaxy" in p for p in problems), problems
    # (the changed row counted twice: the CSV's row is not in the Parquet copy, and the copy's not in the CSV)
    assert any("data/regions.parquet: 2 rows differ from data/regions.csv" in p for p in problems), problems

    # The same bytes once more: the same problems; regions is read again (only a table that passes is marked),
    # the tables pointing at it passed with these bytes of regions and are not.
    assert _validate(package, validated, read) == (problems, {"regions"}, {"regions"})

    # regions.parquet made to match the changed CSV, with other names in three more rows: read again.
    copy = pq.read_table(package / "data" / "regions.parquet").to_pylist()
    assert [copy[0][column] for column in header[:2]] == cells[:2]  # the row changed in the CSV
    copy[0]["level"] = "galaxy"
    for row in copy[1:4]:
        row["name"] = "别的名字"
    pq.write_table(pa.Table.from_pylist(copy, schema=pq.read_schema(package / "data" / "regions.parquet")),
                   package / "data" / "regions.parquet")  # fmt: skip
    _rewrite(package, descriptor)
    problems, _, parquet_read = _validate(package, validated, read)
    assert parquet_read == _pointing_at(descriptor, "regions")
    assert any("data/regions.parquet: 6 rows differ from data/regions.csv" in p for p in problems), problems

    # themes' schema changed (a length its values break), its CSV not: themes is read again and fails.
    themes = _resource(descriptor, "themes")
    field = next(f for f in themes["schema"]["fields"] if f["type"] == "string")
    field.setdefault("constraints", {})["maxLength"] = 1
    _rewrite(package, descriptor)
    problems, frictionless_read, parquet_read = _validate(package, validated, read)
    assert "themes" in frictionless_read and "themes" in parquet_read
    assert not frictionless_read & {"documents", "tasks", "indicators"}
    assert any(p.startswith(f"{package / 'data' / 'themes.csv'}: ") and "maxLength" in p for p in problems)
    # What a validation that skips the tables which passed reports is what a full validation reports.
    assert problems == validation.validate_package(package)
