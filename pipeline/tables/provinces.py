"""provinces and province_measures: the sections of provincial plan round-ups and their headed items."""

from __future__ import annotations

from typing import Any

from pipeline.tables import DocumentRecord


def measure_id_for(province_code: str, plan_year: int, doc_id: str, ordinal: int) -> str:
    return f"{province_code}-{plan_year}-{doc_id}-m{ordinal:02d}"


def section_key(section: dict[str, Any], doc_id: str) -> str:
    return f"{section['province_code']}-{section['plan_year']}-{doc_id}"


def province_rows(records: list[DocumentRecord]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of provinces and province_measures from every round-up."""
    provinces: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    for record in records:
        for section in record.payload.get("provinces") or []:
            if section["plan_year"] is None:
                continue  # a plan without a year cannot be keyed; reported by the section flag check
            provinces.append(
                {
                    "province_code": section["province_code"],
                    "plan_year": section["plan_year"],
                    "doc_id": record.doc_id,
                    "name": section["name"],
                    "short_name": section["short_name"],
                    "headline": section["headline"],
                    "text": section["intro"],
                    "char_start": section["intro_start"],
                    "char_end": section["intro_end"],
                    "section_start": section["section_start"],
                    "section_end": section["section_end"],
                    "n_measures": len(section["measures"]),
                    "flag": section["flag"],
                }
            )
            for measure in section["measures"]:
                measures.append(
                    {
                        "measure_id": measure_id_for(
                            section["province_code"], section["plan_year"], record.doc_id, measure["ordinal"]
                        ),
                        "province_code": section["province_code"],
                        "plan_year": section["plan_year"],
                        "doc_id": record.doc_id,
                        "ordinal": measure["ordinal"],
                        "group_heading": measure["group_heading"],
                        "heading": measure["heading"],
                        "text": measure["text"],
                        "char_start": measure["start"],
                        "char_end": measure["end"],
                        "flag": measure["flag"],
                    }
                )
    return provinces, measures
