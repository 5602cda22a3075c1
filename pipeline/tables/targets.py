"""targets: every measurable quantity of national tasks, provincial measures and plan openings."""

from __future__ import annotations

from typing import Any

from pipeline.tables import DocumentRecord
from pipeline.tables.provinces import measure_id_for, section_key
from pipeline.text.regions import by_code, province_of

_SCOPES = {"national": "national", "provincial": "province", "municipal": "municipal"}


def target_rows(
    records: list[DocumentRecord], tasks: list[dict[str, Any]], meetings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Targets of every published task (rows of `tasks` and `meetings`) and every round-up section."""
    rows: list[dict[str, Any]] = []
    meeting_by_id = {row["meeting_id"]: row for row in meetings}
    published_tasks = {(row["doc_id"], row["ordinal"]): row for row in tasks}
    for record in records:
        report = record.payload.get("meeting")
        if report:
            for task in report["tasks"]:
                published = published_tasks.get((record.doc_id, task["ordinal"]))
                if published is None:
                    continue  # a secondary source: its task is published from the primary document
                meeting = meeting_by_id[published["meeting_id"]]
                province_code = None
                if meeting["region_code"]:
                    province_code = province_of(by_code(meeting["region_code"])).code
                rows += _rows(
                    task["targets"],
                    prefix=published["task_id"],
                    doc_id=record.doc_id,
                    default_year=meeting["work_year"],
                    scope=_SCOPES[meeting["scope"]],
                    province_code=province_code,
                    meeting_id=meeting["meeting_id"],
                    task_id=published["task_id"],
                )
        for section in record.payload.get("provinces") or []:
            if section["plan_year"] is None:
                continue
            common = {
                "doc_id": record.doc_id,
                "default_year": section["plan_year"],
                "scope": "province",
                "province_code": section["province_code"],
            }
            rows += _rows(section["intro_targets"], prefix=f"{section_key(section, record.doc_id)}-intro", **common)
            for measure in section["measures"]:
                measure_id = measure_id_for(
                    section["province_code"], section["plan_year"], record.doc_id, measure["ordinal"]
                )
                rows += _rows(measure["targets"], prefix=measure_id, measure_id=measure_id, **common)
    return rows


def _rows(
    targets: list[dict[str, Any]],
    *,
    prefix: str,
    doc_id: str,
    default_year: int | None,
    scope: str,
    province_code: str | None,
    meeting_id: str | None = None,
    task_id: str | None = None,
    measure_id: str | None = None,
) -> list[dict[str, Any]]:
    return [
        {
            "target_id": f"{prefix}-{number:02d}",
            "scope": scope,
            "province_code": province_code,
            "meeting_id": meeting_id,
            "task_id": task_id,
            "measure_id": measure_id,
            "year": target.get("year") or default_year,
            "kind": target["kind"],
            "indicator": target["indicator"],
            "action": target.get("action"),
            "value": target["value"],
            "value_max": target.get("value_max"),
            "unit": target.get("unit"),
            "comparator": target["comparator"],
            "is_change": target["is_change"],
            "raw_text": target["raw_text"],
            "doc_id": doc_id,
            "char_start": target["start"],
            "char_end": target["end"],
            "flag": target.get("flag"),
        }
        for number, target in enumerate(targets, start=1)
    ]
