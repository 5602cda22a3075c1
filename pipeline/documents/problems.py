"""A document that cannot be read into plan rows: kept as a document, flagged, without any plan rows.

One malformed text must never stop the rest of the corpus from building. When the parsers raise on a
text (`extraction_error`), or the rows read from it would break a constraint of schemas/ (`rows_refused`,
found by pipeline.tables.screening), the document keeps its documents row — its provenance and text —
with documents.flag naming the problem, and states no plan, meeting, task or target. The CLI ends such a
build with a warning naming the file and the problem; `--strict` (and the checked_package asset's
`strict` config) makes it a failed run instead. Both flag values are declared in
schemas/documents.schema.json (flagValues).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

EXTRACTION_ERROR = "extraction_error"
ROWS_REFUSED = "rows_refused"
PROBLEM_FLAGS = (EXTRACTION_ERROR, ROWS_REFUSED)
_PROBLEM_MAX = 240  # characters of the problem kept in the flag
_SEPARATORS = re.compile(r"[;\s]+")  # ';' separates flags; a flag is one line


def problem_flag(code: str, problem: str) -> str:
    """`code:problem` as one documents.flag value: one line, no ';', at most _PROBLEM_MAX characters."""
    words = _SEPARATORS.sub(" ", problem).strip() or "no detail"
    if len(words) > _PROBLEM_MAX:
        words = words[: _PROBLEM_MAX - 1] + "…"
    return f"{code}:{words}"


def problem_of(flag: str | None) -> tuple[str, str] | None:
    """(code, problem) of the problem flag among a documents.flag value's flags, else None."""
    for part in (flag or "").split(";"):
        code, _, problem = part.partition(":")
        if code in PROBLEM_FLAGS and problem:
            return code, problem
    return None


def without_plans(payload: dict[str, Any], kind: str | None, flag: str) -> dict[str, Any]:
    """The extraction payload of a document kept only as a document: the manifest's kind (else the kind
    the payload found, else `other`), its inferred title kept, no meeting and no plan statement, and the
    flag naming the problem."""
    return {
        "kind": kind or payload.get("kind") or "other",
        "kind_flag": flag,
        "inferred_title": payload.get("inferred_title"),
        "meeting": None,
        "plans": [],
    }


def documents_with_problems(rows: Iterable[tuple[str, str | None]]) -> list[tuple[str, str, str]]:
    """(file, code, problem) of each (file, documents.flag) whose flag names a problem, in file order."""
    found = [(file, *problem) for file, flag in rows if (problem := problem_of(flag))]
    return sorted(found)


def describe_problems(found: list[tuple[str, str, str]]) -> list[str]:
    """One line per document kept without plan rows: `file: problem (code: …)`."""
    return [f"{file}: {problem} ({code}: kept as a document without plan rows)" for file, code, problem in found]
