"""documents: provenance and cleaned text of each seed."""

from __future__ import annotations

from typing import Any

from pipeline.documents.record import DocumentRecord

INFERRED_RIGHTS = "Unknown: the text has no manifest entry. Quoted for research; not covered by the dataset licence."


def document_rows(records: list[DocumentRecord]) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        entry = record.manifest or {}
        rows.append(
            {
                "doc_id": record.doc_id,
                "file": record.file,
                "kind": record.kind,
                "title": entry.get("title") or record.payload.get("inferred_title"),
                "published_date": entry.get("published_date") or record.metadata.get("published_date"),
                "source": entry.get("source"),
                "source_attribution": entry.get("source_attribution") or record.metadata.get("source"),
                "url": entry.get("url"),
                "retrieved_date": entry.get("retrieved_date"),
                "rights": entry.get("rights") or INFERRED_RIGHTS,
                "metadata_origin": "manifest" if record.manifest else "inferred",
                "flag": record.payload.get("kind_flag"),
                "sha256": record.sha256,
                "cleaning_notes": "; ".join(record.cleaning_notes) or None,
                "n_chars": len(record.text),
                "text": record.text,
            }
        )
    return rows
