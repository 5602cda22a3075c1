"""DocumentRecord: everything known about one document after the per-document stages, as the tables read it."""

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
