"""Per-document results on disk: one Parquet file per document and stage, content-addressed.

Each stage's result for one document is written once to `<out>/documents/<stage>/<key>.parquet`, where
the key is a sha256 over the stage, the stage's code version and the stage's inputs (the seed's
checksum, its manifest entry, the key of the stage it reads). A result whose file exists is never
computed again — whether the run came from the CLI or from Dagster, in this process or another —
and unchanged documents cost only a file-exists test. Writers never share a file (a new file is
written under a temporary name and renamed into place), so per-document steps can run in parallel
processes, or on other machines sharing the folder, without contending for the DuckDB warehouse;
the core tables are assembled from these files by DuckDB (read_parquet over a list of files).

The code version of a stage is a hash of the source of every pipeline module the stage imports
(transitively), of the data files those modules name, of the schemas of the tables it writes and of
the versions of the libraries it depends on: changing the target lexicon re-extracts every
document but does not re-segment any.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema
from pipeline.documents.seeds import SeedDocument

PIPELINE_DIR = Path(__file__).resolve().parents[1]
DATA_DIR = PIPELINE_DIR / "data"

# Stage → (modules whose code makes its result, published tables whose layout it writes).
STAGES = {
    "raw": (("pipeline.documents.seeds",), ()),
    "clean": (("pipeline.text.clean",), ()),
    "segment": (("pipeline.text.segment", "pipeline.parse.conference.officials"), ("sentences", "tokens")),
    "extract": (("pipeline.documents.extract", "pipeline.documents.problems"), ()),
}
# Layout of the files of the stages that are not published tables.
STAGE_SCHEMAS = {
    "raw": pa.schema(
        [("doc_id", pa.string()), ("file", pa.string()), ("sha256", pa.string()), ("raw_text", pa.string()),
         ("manifest", pa.string())]
    ),
    "clean": pa.schema(
        [("doc_id", pa.string()), ("sha256", pa.string()), ("text", pa.string()), ("notes", pa.string()),
         ("published_date", pa.string()), ("source", pa.string())]
    ),
    "extract": pa.schema([("doc_id", pa.string()), ("sha256", pa.string()), ("payload", pa.string())]),
}  # fmt: skip
SEGMENT_FILES = ("sentences", "tokens")  # the segment stage writes one file of each under the same key


def _module_path(module: str) -> Path | None:
    parts = module.split(".")[1:]
    for candidate in (PIPELINE_DIR.joinpath(*parts).with_suffix(".py"), PIPELINE_DIR.joinpath(*parts, "__init__.py")):
        if candidate.exists():
            return candidate
    return None


@cache
def _all_imports(path: Path) -> frozenset[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(names)


def _imported_modules(path: Path) -> set[str]:
    return {name for name in _all_imports(path) if name == "pipeline" or name.startswith("pipeline.")}


def library_versions(sources: list[Path]) -> list[str]:
    """`name version` of every installed distribution the source files import (not the standard library)."""
    tops = {name.split(".")[0] for path in sources for name in _all_imports(path)}
    found = set()
    for top in sorted(tops - {"pipeline"} - set(sys.stdlib_module_names)):
        try:
            found.add(f"{top} {metadata.version(top)}")  # most distributions are named as they are imported
        except metadata.PackageNotFoundError:
            found.update(f"{name} {_version(name)}" for name in _distributions().get(top, [top]))
    return sorted(found)


@cache
def _distributions() -> dict[str, list[str]]:
    return metadata.packages_distributions()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def module_closure(modules: tuple[str, ...]) -> list[Path]:
    """Source files of the given pipeline modules and of every pipeline module they import, transitively."""
    seen: dict[str, Path] = {}
    pending = list(modules)
    while pending:
        module = pending.pop()
        path = _module_path(module)
        if module in seen or path is None:
            continue
        seen[module] = path
        parent = module.rsplit(".", 1)[0]
        if parent != module:
            pending.append(parent)  # a package's __init__ runs on import
        pending.extend(_imported_modules(path))
    return sorted(set(seen.values()))


@cache
def code_version(stage: str) -> str:
    """Hash of everything the stage's result depends on besides its inputs (see the module docstring)."""
    modules, tables = STAGES[stage]
    return modules_version(stage, modules, tables)


@cache
def modules_version(name: str, modules: tuple[str, ...], tables: tuple[str, ...]) -> str:
    """Hash of the source of the modules and of every pipeline module they import, the data files those name,
    the schemas of the tables and the versions of the libraries they use (a stage's code version, or another
    result's, named `name`)."""
    digest = hashlib.sha256(f"{name} python {sys.version_info[:2]}".encode())
    sources = module_closure(modules)
    texts = [path.read_text(encoding="utf-8") for path in sources]
    for path, text in zip(sources, texts, strict=True):
        digest.update(f"\0{path.relative_to(PIPELINE_DIR)}\0{text}".encode())
    for path in sorted(DATA_DIR.iterdir()):
        if path.is_file() and any(path.name in text for text in texts):
            digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    for table in tables:
        digest.update(json.dumps(schema.table_schema(table), sort_keys=True).encode())
    for library in library_versions(sources):
        digest.update(f"\0{library}".encode())
    return digest.hexdigest()


def _key(*parts: str | None) -> str:
    return hashlib.sha256("\0".join(part or "" for part in parts).encode()).hexdigest()


def manifest_json(document: SeedDocument) -> str | None:
    """The document's manifest entry as canonical JSON (None without an entry)."""
    return json.dumps(document.entry.__dict__, ensure_ascii=False, sort_keys=True) if document.entry else None


@dataclass(frozen=True)
class DocumentKeys:
    """The content address of each stage's result for one document."""

    doc_id: str
    raw: str
    clean: str
    segment: str
    extract: str

    def of(self, stage: str) -> str:
        return getattr(self, stage)


@lru_cache(maxsize=1 << 14)
def document_keys(document: SeedDocument) -> DocumentKeys:
    """Keys of one seed's results: a stage's key changes with its inputs or its code, and only then.

    Remembered per document (its doc_id, path, checksum and manifest entry: every field of the frozen
    SeedDocument), as the code versions are: a run asks for the same keys many times."""
    manifest = manifest_json(document)
    clean = _key("clean", code_version("clean"), document.doc_id, document.sha256)
    return DocumentKeys(
        doc_id=document.doc_id,
        raw=_key("raw", code_version("raw"), document.doc_id, document.path.name, document.sha256, manifest),
        clean=clean,
        segment=_key("segment", code_version("segment"), clean),
        extract=_key("extract", code_version("extract"), clean, manifest),
    )


class DocumentStore:
    """The folder of per-document results (`<out>/documents`)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, kind: str, key: str) -> Path:
        """File of one result; `kind` is a stage, or sentences / tokens for the segment stage."""
        return self.root / kind / f"{key}.parquet"

    def has(self, stage: str, key: str) -> bool:
        kinds = SEGMENT_FILES if stage == "segment" else (stage,)
        return all(self.path(kind, key).exists() for kind in kinds)

    def write(self, kind: str, key: str, table: pa.Table) -> None:
        """Write a result atomically: readers see the whole file or none."""
        path = self.path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        pq.write_table(table, temporary, compression="zstd")
        os.replace(temporary, path)

    def read(self, kind: str, key: str) -> pa.Table:
        return pq.read_table(self.path(kind, key))

    def read_row(self, kind: str, key: str) -> dict:
        """The one row of a raw, clean or extract result."""
        [row] = self.read(kind, key).to_pylist()
        return row

    def prune(self, current: list[DocumentKeys]) -> int:
        """Delete results that no current document uses (older texts or code); return how many."""
        keep = {(kind, keys.of("segment" if kind in SEGMENT_FILES else kind)) for keys in current
                for kind in (*STAGE_SCHEMAS, *SEGMENT_FILES)}  # fmt: skip
        removed = 0
        for kind in (*STAGE_SCHEMAS, *SEGMENT_FILES):
            folder = self.root / kind
            for path in sorted(folder.glob("*.parquet")) if folder.exists() else []:
                if (kind, path.stem) not in keep:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed


def stage_table(stage: str, rows: list[dict]) -> pa.Table:
    """Rows of a raw, clean or extract result as a table of the stage's layout."""
    return pa.Table.from_pylist(rows, schema=STAGE_SCHEMAS[stage])
