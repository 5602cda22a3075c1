"""Core tables: pure functions from per-document results to the rows of each published table.

Input everywhere is a list of DocumentRecord (one per seed, in doc_id order); output is a list of
row dicts keyed by the columns declared in schemas/. Identifiers are derived from content (meeting,
ordinal, province, year, document), never from row positions in a table, so that adding an
unrelated document does not shift them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DocumentRecord:
    """Everything known about one document after the per-document layers."""

    doc_id: str
    file: str
    sha256: str
    manifest: dict[str, Any] | None  # the manifest entry, None when the text has none
    text: str  # cleaned text
    cleaning_notes: tuple[str, ...]
    metadata: dict[str, Any]  # date and source read from the text's own metadata lines
    payload: dict[str, Any]  # pipeline.documents.extract.extract_document output

    @property
    def kind(self) -> str:
        return self.payload["kind"]
