"""indicators and indicator_frameworks: the reviewed vocabulary of measures and the national frameworks' values.

Both come from data files (pipeline/data/indicators.csv, indicator_frameworks.csv,
indicator_framework_values.csv) through pipeline.text.indicators; no text is read.
"""

from __future__ import annotations

from typing import Any

from pipeline.text.indicators import framework_values, frameworks, vocabulary


def indicator_rows() -> list[dict[str, Any]]:
    """One row per vocabulary entry, with the frameworks that list it among their main indicators."""
    listed: dict[str, list[str]] = {}
    for row in framework_values():
        names = listed.setdefault(row["indicator_id"], [])
        if row["framework_id"] not in names:
            names.append(row["framework_id"])
    return [
        {
            "indicator_id": entry.indicator_id,
            "name_zh": entry.name_zh,
            "name_en": entry.name_en,
            "unit": entry.unit,
            "direction": entry.direction,
            "definition": entry.definition,
            "aliases": ";".join(entry.aliases),
            "frameworks": ";".join(listed.get(entry.indicator_id, [])) or None,
        }
        for entry in vocabulary()
    ]


def indicator_framework_rows() -> list[dict[str, Any]]:
    """One row per framework value (indicator, framework, year), with the document that states it."""
    rows = []
    for row in framework_values():
        document = frameworks()[row["framework_id"]]
        rows.append(
            {
                "indicator_id": row["indicator_id"],
                "framework_id": row["framework_id"],
                "year": int(row["year"]),
                "value": float(row["value"]) if row["value"] else None,
                "unit": row["unit"] or None,
                "comparator": row["comparator"] or None,
                "stated_as": row["stated_as"],
                "document_title": document["title_zh"],
                "document_title_en": document["title_en"],
                "issuer": document["issuer"],
                "document_number": document["document_number"] or None,
                "document_year": int(document["year"]),
                "confirmed_by": row["confirmed_by"],
            }
        )
    return rows
