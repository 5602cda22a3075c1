"""One download per release: a byte-reproducible zip of each version folder, and the `latest` pointer.

Beside the version folders of a package (datasets/<package>/):
  archives/<package>-<version>.zip   the whole version folder under the top folder <package>-<version>/
  latest.zip                         a byte copy of the newest version's archive
  latest/                            a copy of the newest version folder (same files; git stores them once)
  LATEST                             the newest version number (one line)
The zip is reproducible: entries in path order, every time stamp the release date, fixed permissions
(0644 files, 0755 folders), no extra fields or comment, deflate level 9 (same zlib, same bytes).
The catalog records each archive's sha256 and size; `validate` re-checks archives and pointer here.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from pipeline.package.json_files import JsonFileError, key_problems, read_descriptor, read_json, shape_name
from pipeline.package.release_notes import citation_version
from pipeline.release.folders import versions

ARCHIVES = "archives"
LATEST_ARCHIVE = "latest.zip"
LATEST_FILE = "LATEST"
LATEST_FOLDER = "latest"
_FILE_MODE = 0o100644 << 16
_DIR_MODE = (0o040755 << 16) | 0x10  # unix mode and the MS-DOS directory bit


def archive_path(releases_dir: Path, version: str) -> Path:
    return releases_dir / ARCHIVES / f"{releases_dir.name}-{version}.zip"


def top_folder(releases_dir: Path, version: str) -> str:
    """The folder an archive unpacks into: <package>-<version>."""
    return f"{releases_dir.name}-{version}"


def archive_bytes(version_dir: Path, top: str, created: str) -> bytes:
    """The zip of `version_dir` under `top`/, stamped with the release date `created` (YYYY-MM-DD)."""
    year, month, day = (int(part) for part in created[:10].split("-"))
    stamp = (max(year, 1980), month, day, 0, 0, 0)
    entries = sorted(version_dir.rglob("*"), key=lambda path: path.relative_to(version_dir).as_posix())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_info(f"{top}/", stamp, directory=True), b"")
        for path in entries:
            name = f"{top}/{path.relative_to(version_dir).as_posix()}"
            if path.is_dir():
                archive.writestr(_info(f"{name}/", stamp, directory=True), b"")
            else:
                archive.writestr(_info(name, stamp, directory=False), path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def _info(name: str, stamp: tuple[int, ...], *, directory: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.create_system = 3  # unix, so the permissions below are read
    info.external_attr = _DIR_MODE if directory else _FILE_MODE
    info.compress_type = zipfile.ZIP_STORED if directory else zipfile.ZIP_DEFLATED
    return info


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path for path in folder.rglob("*") if path.is_file()}


def folder_differences(expected: Path, actual: Path) -> list[str]:
    """Files of `expected` missing from or different in `actual`, and files only in `actual`."""
    want, have = _files(expected), _files(actual)
    differences = [f"{actual / name}: missing" for name in sorted(set(want) - set(have))]
    differences += [f"{actual / name}: not in {expected}" for name in sorted(set(have) - set(want))]
    differences += [
        f"{actual / name}: differs from {want[name]}"
        for name in sorted(set(want) & set(have))
        if want[name].read_bytes() != have[name].read_bytes()
    ]
    return differences


def archive_problems(releases_dir: Path, version: str) -> list[str]:
    """The archive of `version` holds exactly the files of its version folder, byte for byte."""
    path = archive_path(releases_dir, version)
    if not path.exists():
        return [f"{path}: missing (the one-file download of {version})"]
    version_dir = releases_dir / version
    top = top_folder(releases_dir, version)
    expected = {p.relative_to(version_dir).as_posix(): p for p in version_dir.rglob("*") if p.is_file()}
    problems = []
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
            outside = [name for name in names if not name.startswith(f"{top}/")]
            problems += [f"{path}: {name} is outside the folder {top}/" for name in outside]
            found = {name[len(top) + 1 :]: name for name in names if name not in outside}
            for name in sorted(set(expected) - set(found)):
                problems.append(f"{path}: {name} of {version_dir} is missing from the archive")
            for name in sorted(set(found) - set(expected)):
                problems.append(f"{path}: {name} is not a file of {version_dir}")
            for name in sorted(set(found) & set(expected)):
                if archive.read(found[name]) != expected[name].read_bytes():
                    problems.append(f"{path}: {name} differs from {expected[name]}")
    except zipfile.BadZipFile as error:
        problems.append(f"{path}: not a readable zip ({error})")
    return problems


def pointer_problems(releases_dir: Path, versions: list[str]) -> list[str]:
    """latest.zip is the newest version's archive, latest/ its folder, and LATEST names it."""
    if not versions:
        return []
    newest = versions[-1]
    problems = []
    latest_file = releases_dir / LATEST_FILE
    if not latest_file.exists() or latest_file.read_text(encoding="utf-8").strip() != newest:
        problems.append(f"{latest_file}: should name the newest version {newest}")
    latest_zip, newest_zip = releases_dir / LATEST_ARCHIVE, archive_path(releases_dir, newest)
    if not latest_zip.exists() or not newest_zip.exists() or latest_zip.read_bytes() != newest_zip.read_bytes():
        problems.append(f"{latest_zip}: should be a copy of {newest_zip}")
    differences = folder_differences(releases_dir / newest, releases_dir / LATEST_FOLDER)
    if differences:
        problems.append(
            f"{releases_dir / LATEST_FOLDER}: should be a copy of {releases_dir / newest} ({'; '.join(differences[:3])})"
        )
    return problems


def catalog_entry(releases_dir: Path, version: str) -> dict[str, object] | None:
    """The catalog's `archive` entry of a version: path (relative to datasets/), sha256 and bytes."""
    path = archive_path(releases_dir, version)
    if not path.exists():
        return None
    data = path.read_bytes()
    return {
        "path": path.relative_to(releases_dir.parent).as_posix(),
        "sha256": sha256_bytes(data),
        "bytes": len(data),
    }


def catalog_problems(releases_dir: Path, catalog: dict[str, object]) -> list[str]:
    """Every version of the package in datasets/catalog.json records its archive's true sha256 and size
    (and the catalog has the shape it is written with: each problem of shape named)."""
    path = releases_dir.parent / "catalog.json"
    problems = [f"{path}: {problem}" for problem in catalog_shape_problems(catalog)]
    if problems:
        return problems
    packages = [p for p in catalog["packages"] if p["name"] == releases_dir.name]  # type: ignore[union-attr]
    entries = {entry["version"]: entry for package in packages for entry in package["versions"]}
    for version, entry in sorted(entries.items()):
        recorded, actual = entry.get("archive"), catalog_entry(releases_dir, version)
        if recorded != actual:
            problems.append(
                f"{releases_dir.parent / 'catalog.json'}: the archive of {version} is recorded as {recorded}, "
                f"but is {actual}"
            )
    return problems


def catalog_shape_problems(catalog: object) -> list[str]:
    """How catalog.json departs from its shape: {"packages": [{"name", "versions": [{"version", …}]}]}."""
    if not isinstance(catalog, dict):
        return [f"holds {shape_name(catalog)}, not an object with 'packages'"]
    problems = key_problems(catalog, {"packages": list})
    for number, package in enumerate(catalog.get("packages") if not problems else [], start=1):
        if not isinstance(package, dict):
            problems.append(f"package {number} is {shape_name(package)}, not an object")
            continue
        where = f"package {package.get('name', number)!s}: "
        if found := key_problems(package, {"name": str, "versions": list}, where):
            problems += found
            continue
        for place, entry in enumerate(package["versions"], start=1):
            if not isinstance(entry, dict):
                problems.append(f"{where}version entry {place} is {shape_name(entry)}, not an object")
            else:
                problems += key_problems(entry, {"version": str}, f"{where}version entry {place} ")
    return problems


def release_date(version_dir: Path) -> str:
    """The release date of a version folder (datapackage.json `created`)."""
    return read_descriptor(version_dir)["created"][:10]


def distribution_problems(version_dir: Path) -> list[str]:
    """For a version folder inside a package folder of datasets/: its archive, the latest pointers, the
    catalog's record of every archive, and CITATION.cff naming the newest version. Never raises."""
    releases_dir = version_dir.resolve().parent
    found = versions(releases_dir)
    if version_dir.name not in found:
        return []  # an unpacked archive or a build folder: no distribution around it
    try:
        problems = archive_problems(releases_dir, version_dir.name) + pointer_problems(releases_dir, found)
        catalog_path = releases_dir.parent / "catalog.json"
        if catalog_path.exists():
            try:
                problems += catalog_problems(releases_dir, read_json(catalog_path, object))
            except JsonFileError as error:
                problems.append(str(error))
        else:
            problems.append(f"{catalog_path}: missing")
        citation = releases_dir.parent.parent / "CITATION.cff"
        named = citation_version(citation.read_text(encoding="utf-8")) if citation.exists() else None
        if named != found[-1]:
            problems.append(f"{citation}: names version {named}, not the newest {found[-1]}")
    except (OSError, ValueError) as error:
        problems = [f"{releases_dir}: the archives and pointers cannot be checked: {error}"]
    except Exception as error:  # noqa: BLE001 - validate reports, it never crashes
        problems = [f"{releases_dir}: the archives and pointers cannot be checked: {type(error).__name__}: {error}"]
    return problems
