"""Seed texts and their manifest: discovery, checksums and strict decoding.

Everything that can be wrong with an input is detected here and raised as a SeedError that names
the file and the problem, before anything is built or published.

Which files are texts: every file in the seeds folder whose extension is .txt, .md, .html or .htm,
in any letter case (a.TXT is a text; HTML is converted to text by pipeline.text.html). Other files
and hidden files are ignored. A text's doc_id is its file name without the extension, and must
match the doc_id pattern of schemas/manifest.schema.json (ASCII letters, digits, `_`, `.`, `-`,
starting with a letter or digit): a file whose name cannot be a doc_id is refused, never renamed.

Only files inside the seeds folder are read: a symbolic link whose target lies outside it (a text or the
manifest) is refused naming the link, so nothing from elsewhere on the machine can become a published
document. Sub-folders are not read. The manifest is the file named exactly `manifest.csv`; a file that
looks meant to be it (`Manifest.csv`, `manifest.CSV`, `manifest.tsv`, `manifest.xlsx`…) is an error
naming it, never silently ignored. A file that cannot be listed or read (permissions, a path too long
for the file system) is an error naming it.
"""

from __future__ import annotations

import errno
import hashlib
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.schema import SCHEMAS_DIR

MANIFEST_NAME = "manifest.csv"
# Extensions of a file that looks meant to be the manifest when its name is not exactly MANIFEST_NAME.
_MANIFEST_LOOKALIKE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".xls", ".xlsx", ".ods", ".json")
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")  # compared in lower case
_MAX_CONTROL_SHARE = 0.01
# Control characters other than the whitespace ones (\t \n \v \f \r are \x09-\x0d).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


class SeedError(Exception):
    """A problem with an input text or the manifest; the message names the file."""


@contextmanager
def naming(file: str | Path) -> Iterator[None]:
    """Re-raise any error met while processing one document as a SeedError naming the document's file,
    so that no unexpected input ends a run with a bare traceback that names no file."""
    try:
        yield
    except SeedError:
        raise
    except Exception as error:  # noqa: BLE001 - re-raised with the file named
        raise SeedError(f"{file}: {type(error).__name__}: {error}") from error


@dataclass(frozen=True)
class ManifestEntry:
    doc_id: str
    file: str
    sha256: str
    kind: str
    title: str
    rights: str
    source: str | None = None
    source_attribution: str | None = None
    published_date: str | None = None
    url: str | None = None
    retrieved_date: str | None = None


@dataclass(frozen=True)
class SeedDocument:
    """One seed text on disk, with its manifest entry when it has one."""

    doc_id: str
    path: Path
    sha256: str
    entry: ManifestEntry | None


def cannot_read(path: Path, error: OSError) -> SeedError:
    """A SeedError naming the file an OSError was met on, in words instead of a traceback."""
    if error.errno == errno.ENAMETOOLONG:
        reason = f"the path is too long for the file system ({len(str(path))} characters); use a shorter folder"
    elif error.errno in (errno.EACCES, errno.EPERM):
        reason = "permission denied: the file cannot be read by this user"
    else:
        reason = error.strerror or str(error)
    return SeedError(f"{path}: cannot be read: {reason}")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a SeedError naming it."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise cannot_read(path, error) from None


def sha256_of(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()


def _manifest_schema() -> dict:
    return json.loads((SCHEMAS_DIR / "manifest.schema.json").read_text(encoding="utf-8"))


def doc_id_pattern() -> str:
    """The doc_id pattern, from schemas/manifest.schema.json (the one place it is declared)."""
    field = next(f for f in _manifest_schema()["fields"] if f["name"] == "doc_id")
    return field["constraints"]["pattern"]


def is_text_file(path: Path) -> bool:
    try:
        return path.is_file() and not path.name.startswith(".") and path.suffix.lower() in TEXT_SUFFIXES
    except OSError as error:
        raise cannot_read(path, error) from None


def folder_entries(seeds_dir: Path) -> list[Path]:
    """The entries of the seeds folder, with a link that leaves the folder and a near-miss of the
    manifest's name refused (a SeedError naming the file)."""
    try:
        entries = sorted(seeds_dir.iterdir())
        inside = seeds_dir.resolve()
    except OSError as error:
        raise cannot_read(seeds_dir, error) from None
    for path in entries:
        if path.name.startswith("."):
            continue
        _refuse_outside_link(path, inside)
        if path.name != MANIFEST_NAME and _looks_like_manifest(path.name):
            raise SeedError(
                f"{path}: looks like the manifest but the manifest must be named exactly {MANIFEST_NAME} "
                "(comma-separated, UTF-8); rename it, or move it out of the seeds folder"
            )
    return entries


def _looks_like_manifest(name: str) -> bool:
    stem, _, suffix = name.rpartition(".")
    return stem.lower() == "manifest" and f".{suffix.lower()}" in _MANIFEST_LOOKALIKE_SUFFIXES


def _refuse_outside_link(path: Path, inside: Path) -> None:
    if not path.is_symlink():
        return
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as error:  # a dangling link or a loop
        raise SeedError(f"{path}: a symbolic link whose target cannot be read ({error}); remove it") from None
    if not target.is_relative_to(inside):
        raise SeedError(
            f"{path}: a symbolic link to {target}, outside the seeds folder: only files inside {inside} are "
            "read; copy the text into the folder instead of linking to it"
        )


# Manifests read and validated in this process, by the sha256 of their bytes and of the schema:
# a run reads the manifest once per step, and Frictionless takes ~40 ms to validate it.
_manifests: dict[str, dict[str, ManifestEntry]] = {}
_MANIFESTS_KEPT = 8
_manifests_lock = threading.Lock()


def read_manifest(seeds_dir: Path) -> dict[str, ManifestEntry]:
    """Read and validate seeds/manifest.csv against schemas/manifest.schema.json ({} if absent).

    A manifest whose bytes (and schema) were validated before in this process is not validated again."""
    path = seeds_dir / MANIFEST_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise cannot_read(path, error) from None
    key = hashlib.sha256(data + b"\0" + (SCHEMAS_DIR / "manifest.schema.json").read_bytes()).hexdigest()
    with _manifests_lock:
        known = _manifests.get(key)
    if known is not None:
        return dict(known)
    entries = _validated_manifest(path)
    if path.read_bytes() == data:  # remembered only if the file did not change while it was read
        with _manifests_lock:
            while len(_manifests) >= _MANIFESTS_KEPT:
                _manifests.pop(next(iter(_manifests)))
            _manifests[key] = entries
    return dict(entries)


def _validated_manifest(path: Path) -> dict[str, ManifestEntry]:
    import frictionless  # only for a folder with a manifest: a build's start-up does not pay for it otherwise

    schema = frictionless.Schema.from_descriptor(_manifest_schema())
    resource = frictionless.Resource(
        path=path.name, basepath=str(path.parent), schema=schema, format="csv", encoding="utf-8"
    )
    report = frictionless.validate(resource)
    if not report.valid:
        problems = "; ".join(error.message for task in report.tasks for error in task.errors[:5])
        raise SeedError(f"{path}: the manifest is not valid: {problems}")
    entries: dict[str, ManifestEntry] = {}
    with resource:
        for row in resource.row_stream:
            values = {k: (str(v) if v is not None else None) for k, v in row.items()}
            entry = ManifestEntry(**values)  # type: ignore[arg-type]
            if Path(entry.file).stem != entry.doc_id:
                raise SeedError(f"{path}: doc_id {entry.doc_id!r} must be the file name without extension")
            entries[entry.doc_id] = entry
    return entries


def discover(seeds_dir: Path) -> list[SeedDocument]:
    """List the seed texts, matched to the manifest, with every structural error raised.

    Raises SeedError for: a missing folder, no texts, a manifest entry with no file, two files
    with the same doc_id, two files with the same bytes, and a file whose sha256 differs from its
    manifest entry.
    """
    try:
        if not seeds_dir.is_dir():
            raise SeedError(f"{seeds_dir}: the seeds folder does not exist")
    except OSError as error:
        raise cannot_read(seeds_dir, error) from None
    entries = folder_entries(seeds_dir)
    manifest = read_manifest(seeds_dir)
    paths = [p for p in entries if is_text_file(p)]
    if not paths:
        raise SeedError(f"{seeds_dir}: no seed texts (*.txt, *.md, *.html, *.htm, any letter case) found")
    pattern = re.compile(doc_id_pattern())
    for path in paths:
        if not pattern.fullmatch(path.stem):
            raise SeedError(
                f"{seeds_dir / repr(path.name)[1:-1]}: the file name {path.name!r} cannot give a doc_id: the name "
                f"without extension must match {pattern.pattern} (ASCII letters, digits, _ . -); rename the file"
            )

    by_id: dict[str, list[Path]] = {}
    for path in paths:
        by_id.setdefault(path.stem, []).append(path)
    for doc_id, same in by_id.items():
        if len(same) > 1:
            names = " and ".join(p.name for p in same)
            raise SeedError(f"{same[-1]}: duplicate document: {names} have the same doc_id {doc_id!r}")

    documents: list[SeedDocument] = []
    seen_ids: dict[str, Path] = {}
    seen_hashes: dict[str, Path] = {}
    for path in paths:
        doc_id = path.stem
        digest = sha256_of(path)
        if digest in seen_hashes:
            raise SeedError(f"{path}: duplicate document: same bytes as {seen_hashes[digest].name}")
        entry = manifest.get(doc_id)
        if entry is not None:
            if entry.file != path.name:
                raise SeedError(f"{path}: the manifest lists doc_id {doc_id!r} with file {entry.file!r}")
            if entry.sha256 != digest:
                raise SeedError(
                    f"{path}: sha256 mismatch: the file is {digest} but seeds/{MANIFEST_NAME} records "
                    f"{entry.sha256}. If the text was corrected on purpose, update its manifest entry."
                )
        seen_ids[doc_id] = path
        seen_hashes[digest] = path
        documents.append(SeedDocument(doc_id=doc_id, path=path, sha256=digest, entry=entry))

    missing = sorted(set(manifest) - set(seen_ids))
    if missing:
        files = ", ".join(manifest[doc_id].file for doc_id in missing)
        raise SeedError(f"{seeds_dir / MANIFEST_NAME}: manifest entries with no file in {seeds_dir}: {files}")
    return documents


def decode_text(path: Path, data: bytes) -> str:
    """Decode a seed file strictly as UTF-8; refuse empty, binary or undecodable content."""
    if not data.strip():
        raise SeedError(f"{path}: the file is empty")
    if utf16 := _utf16_order(data):
        raise SeedError(
            f"{path}: the text is UTF-16 ({utf16}), not UTF-8; convert it, e.g. "
            f"`iconv -f UTF-16 -t UTF-8 {path.name} > converted.txt` (or save it as UTF-8 in your editor)"
        )
    if b"\x00" in data:
        raise SeedError(f"{path}: the file looks binary (it contains NUL bytes), not a text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SeedError(
            f"{path}: not valid UTF-8 at byte {error.start} ({data[error.start : error.start + 4]!r}); "
            "save the text as UTF-8"
        ) from None
    controls = len(_CONTROLS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise SeedError(f"{path}: the file looks binary ({controls} control characters), not a text")
    if not any(character.isalnum() for character in text):
        raise SeedError(
            f"{path}: the file holds no text: no letter, digit or Chinese character (only spaces, "
            "byte-order marks or punctuation)"
        )
    return text


def _utf16_order(data: bytes) -> str | None:
    """How the bytes are UTF-16, or None: a byte-order mark, or NUL bytes (the high byte of ASCII
    characters, line breaks and digits) mostly at odd positions (little-endian) or mostly at even ones
    (big-endian) of bytes that decode as UTF-16 to a text with few control characters."""
    if data.startswith(b"\xff\xfe") and not data.startswith(b"\xff\xfe\x00\x00"):
        return "little-endian, with a byte-order mark"
    if data.startswith(b"\xfe\xff"):
        return "big-endian, with a byte-order mark"
    if len(data) % 2 or b"\x00" not in data:
        return None
    at_odd, at_even = data[1::2].count(0), data[0::2].count(0)
    order, encoding = ("little-endian", "utf-16-le") if at_odd > at_even else ("big-endian", "utf-16-be")
    if max(at_odd, at_even) < 3 * min(at_odd, at_even):
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return order if len(_CONTROLS.findall(text)) <= _MAX_CONTROL_SHARE * len(text) else None


def read_seed(document: SeedDocument) -> str:
    """Read one seed text, re-checking its checksum (the file may have changed since discovery)."""
    data = read_bytes(document.path)
    digest = hashlib.sha256(data).hexdigest()
    if digest != document.sha256:
        raise SeedError(f"{document.path}: the file changed while the pipeline was running")
    return decode_text(document.path, data)


def check_seeds(seeds_dir: Path) -> list[SeedDocument]:
    """Discover and fully read every seed, so that any bad input fails before a build starts."""
    documents = discover(seeds_dir)
    for document in documents:
        read_seed(document)
    return documents
