"""Release notes in words: what a version changed, generated from its changes.json, plus the maintainer's
note on why it was made (`publish --note`), and the project's CITATION.cff for the newest version.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

_PATTERNS = [
    (re.compile(r"^table (\S+) removed$"), "tables_removed"),
    (re.compile(r"^table (\S+) added$"), "tables_added"),
    (re.compile(r"^column (\S+) removed or renamed$"), "columns_removed"),
    (re.compile(r"^column (\S+) added$"), "columns_added"),
    (re.compile(r"^column (\S+) redefined$"), "columns_redefined"),
    (re.compile(r"^column (\S+) type (\S+) -> (\S+)$"), "types_changed"),
    (re.compile(r"^column (\S+) values (.+) no longer used$"), "values_dropped"),
    (re.compile(r"^column (\S+) description or constraints changed$"), "columns_described"),
    (re.compile(r"^table (\S+) primary key changed$"), "keys_changed"),
    (re.compile(r"^table (\S+) foreign keys changed$"), "foreign_keys_changed"),
    (re.compile(r"^document (\S+) withdrawn$"), "documents_withdrawn"),
    (re.compile(r"^document (\S+) added$"), "documents_added"),
    (re.compile(r"^file (\S+) added$"), "files_added"),
    (re.compile(r"^file (\S+) removed$"), "files_removed"),
]
_ROW_REASONS = re.compile(r"^(rows|bytes) of \S+ changed$")


def _listing(items: list[str]) -> str:
    quoted = [f"`{item}`" for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _the(word: str, items: list[str]) -> str:
    """'the table `a`' or 'the tables `a` and `b`'."""
    return f"the {word if len(items) == 1 else word + 's'} {_listing(items)}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def describe_changes(changes: dict[str, Any]) -> str:
    """One paragraph saying in words what the version changed (schema, documents, rows)."""
    if changes.get("bump") == "first":
        tables = changes.get("tables", {})
        return f"The first release: {_plural(len(tables), 'table')}."
    found: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    other = []
    for reason in changes.get("reasons", []):
        text = reason["change"]
        for pattern, kind in _PATTERNS:
            if match := pattern.match(text):
                found[kind].append(match.groups())
                break
        else:
            if not _ROW_REASONS.match(text):
                other.append(text)
    moves = changes.get("moves", {})

    def names(kind: str) -> list[str]:
        return [groups[0] for groups in found[kind]]

    sentences = []
    if found["files_removed"]:
        sentences.append(f"Removes {_the('file', names('files_removed'))}.")
    if found["tables_removed"]:
        sentences.append(f"Removes {_the('table', names('tables_removed'))}.")
    if found["columns_removed"]:
        sentences.append(f"Removes or renames {_the('column', names('columns_removed'))}.")
    if moves:
        sentences.append("Where they went is listed below.")
    if found["columns_redefined"]:
        sentences.append(
            f"Redefines {_the('column', names('columns_redefined'))}: same name, another meaning (listed below)."
        )
    for column, old, new in found["types_changed"]:
        sentences.append(f"Column `{column}` changes type from {old} to {new}.")
    for column, values in found["values_dropped"]:
        sentences.append(
            f"Column `{column}` no longer uses the values {values}: queries filtering on them need updating."
        )
    for kind, text in (("keys_changed", "primary key"), ("foreign_keys_changed", "foreign keys")):
        if found[kind]:
            sentences.append(f"The {text} of {_listing(names(kind))} changed.")
    if found["tables_added"]:
        sentences.append(f"Adds {_the('table', names('tables_added'))}.")
    if found["columns_added"]:
        sentences.append(f"Adds {_the('column', names('columns_added'))}.")
    if found["files_added"]:
        sentences.append(f"Adds {_the('file', names('files_added'))}.")
    if found["documents_added"]:
        sentences.append(f"Adds {_the('source document', names('documents_added'))}.")
    if found["documents_withdrawn"]:
        sentences.append(f"Withdraws {_the('source document', names('documents_withdrawn'))}.")
    if found["columns_described"]:
        columns = names("columns_described")
        sentences.append(
            f"Descriptions or constraints of {_plural(len(columns), 'column')} changed ({_listing(columns)})."
        )
    rows = _row_sentence(changes.get("tables", {}))
    if rows:
        sentences.append(rows)
    sentences += [f"{text[0].upper()}{text[1:]}." for text in other]
    return " ".join(sentences) or "No change in the data."


def schema_and_move_lines(changes: dict[str, Any]) -> list[str]:
    """Markdown lines listing a version's schema changes and where removed tables and columns went."""
    lines = [f"- schema: {change}" for change in changes.get("schema_changes", [])]
    if lines:
        lines.append("")
    if changes.get("moves"):
        lines += ["Where the removed tables and columns went:", ""]
        lines += [f"- `{old}` → {new}" for old, new in changes["moves"].items()]
        lines.append("")
    if changes.get("redefined"):
        lines += ["What the redefined columns now hold, and where the old meaning went:", ""]
        lines += [f"- `{column}`: {note}" for column, note in changes["redefined"].items()]
        lines.append("")
    return lines


def _row_sentence(tables: dict[str, dict[str, Any]]) -> str:
    parts = []
    for table, counts in sorted(tables.items()):
        done = [f"{counts[k]} {k}" for k in ("added", "changed", "removed") if counts.get(k)]
        if done:
            parts.append(f"{table} {', '.join(done)}")
    return ("Rows: " + "; ".join(parts) + ".") if parts else ""


def render_citation(meta: dict[str, Any], version: str, released: str) -> str:
    """CITATION.cff (Citation File Format 1.2.0) for `version` of the package described by `meta`
    (schemas/package.json). Strings are JSON-quoted, which YAML reads as double-quoted scalars."""

    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = [
        "# Generated by `python -m pipeline publish` for the newest release; do not edit by hand.",
        "cff-version: 1.2.0",
        f"message: {q('If you use this dataset, please cite the version you used (a published version never changes).')}",
        f"title: {q(meta['title'])}",
        "type: dataset",
        f"version: {q(version)}",
        f"date-released: {q(released)}",
        "authors:",
        *[f"  - name: {q(person['title'])}" for person in meta["contributors"]],
        f"license: {q(meta['licenses'][0]['name'])}",
        # The repository's public address, once schemas/package.json names one; never a made-up one.
        *(
            [f"repository-code: {q(meta['repository'])}", f"url: {q(meta['repository'])}"]
            if meta.get("repository")
            else []
        ),
        "keywords:",
        *[f"  - {q(keyword)}" for keyword in meta["keywords"]],
        f"abstract: {q(meta['description'])}",
    ]
    return "\n".join(lines) + "\n"


_CFF_VERSION = re.compile(r'^version: "([^"]+)"$', re.MULTILINE)


def citation_version(text: str) -> str | None:
    """The version a CITATION.cff names, or None."""
    match = _CFF_VERSION.search(text)
    return match.group(1) if match else None
