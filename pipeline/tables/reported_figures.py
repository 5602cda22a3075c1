"""reported_figures: the quantities each text reports as already reached, pointing at the plan whose text it is.

The figures are found per document by pipeline.text.reported (payload["reported_figures"]); here each
gets its id, the plan whose statement holds it (a document may state several plans: a round-up) and
its indicator from the vocabulary (pipeline.text.indicators).
"""

from __future__ import annotations

from typing import Any

from pipeline.documents.record import DocumentRecord
from pipeline.tables.plans import plan_id_of
from pipeline.text.indicators import match_indicator


def reported_figure_rows(records: list[DocumentRecord], plans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every reported figure of every document (rows of `plans` say which plan ids are published)."""
    published = {row["plan_id"] for row in plans}
    rows: list[dict[str, Any]] = []
    for record in records:
        statements = [
            (statement["start"], statement["end"], plan_id)
            for statement in record.payload.get("plans") or []
            if (plan_id := plan_id_of(statement, record.doc_id)) in published
        ]
        for number, figure in enumerate(record.payload.get("reported_figures") or [], start=1):
            match = match_indicator((figure["subject"], figure["raw_text"]), figure["base_unit"])
            rows.append(
                {
                    "figure_id": f"{record.doc_id}-f{number:02d}",
                    "doc_id": record.doc_id,
                    "plan_id": _plan_of(figure["start"], statements),
                    "indicator_id": match.indicator_id,
                    "subject": figure["subject"],
                    "value": figure["value"],
                    "value_max": figure["value_max"],
                    "unit": figure["unit"],
                    "base_value": figure["base_value"],
                    "base_unit": figure["base_unit"],
                    "comparator": figure["comparator"],
                    "year": figure["year"],
                    "cue": figure["cue"],
                    "raw_text": figure["raw_text"],
                    "char_start": figure["start"],
                    "char_end": figure["end"],
                    "flag": match.flag,
                }
            )
    return rows


def _plan_of(offset: int, statements: list[tuple[int, int, str]]) -> str | None:
    """The published plan whose statement holds the offset; the only one when the document states one plan."""
    holding = [plan_id for start, end, plan_id in statements if start <= offset < end]
    if holding:
        return holding[0]
    plan_ids = {plan_id for _, _, plan_id in statements}
    return plan_ids.pop() if len(plan_ids) == 1 else None
