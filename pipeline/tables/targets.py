"""targets: every measurable quantity of the published tasks and plan openings, pointing at task_id and plan_id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.documents.record import DocumentRecord
from pipeline.parse.statements import task_tree_paths
from pipeline.tables.plans import plan_id_of, task_id_for
from pipeline.text.indicators import match_indicator
from pipeline.text.regions import by_code, province_of
from pipeline.text.targets.mentions import scale_factor


@dataclass(frozen=True)
class PublishedStatement:
    """The parts of one published plan statement that carry targets and programmes."""

    record: DocumentRecord
    plan: dict[str, Any]  # the plans row
    statement: dict[str, Any]  # the per-document plan statement (opening and task tree)
    tasks: list[tuple[str, dict[str, Any]]]  # (task_id, task) of every published task, in tree order
    is_primary: bool  # the statement the plan's tree comes from; another's opening repeats the plan's


def published_statements(
    records: list[DocumentRecord],
    tasks: list[dict[str, Any]],
    plans: list[dict[str, Any]],
    plan_sources: list[dict[str, Any]],
) -> Iterator[PublishedStatement]:
    """Every plan statement a plan is published from, with its published tasks.

    The statement a plan's tree comes from gives its opening and its tasks; another statement of the plan
    gives only the tasks published from it (those it alone states, flag from_other_source): its other
    tasks are matched to the primary's (task_sources) and its opening repeats the plan's.
    """
    plan_by_id = {row["plan_id"]: row for row in plans}
    published_tasks = {(row["task_id"], row["doc_id"], row["char_start"]) for row in tasks}
    task_by_place = {(row["doc_id"], row["char_start"], row["char_end"]): row["task_id"] for row in tasks}
    statements = {(row["plan_id"], row["doc_id"], row["char_start"]): row["is_primary"] for row in plan_sources}
    for record in records:
        for statement in record.payload.get("plans") or []:
            plan_id = plan_id_of(statement, record.doc_id)
            is_primary = statements.get((plan_id, record.doc_id, statement["start"]))
            if is_primary is None:
                continue
            paths = task_tree_paths(statement["tasks"])
            if is_primary:
                own = [
                    (task_id, task)
                    for path, task in paths
                    if ((task_id := task_id_for(plan_id, path)), record.doc_id, task["start"]) in published_tasks
                ]
            else:
                places = [(task, (record.doc_id, task["start"], task["end"])) for _, task in paths]
                own = [(task_by_place[place], task) for task, place in places if place in task_by_place]
                if not own:
                    continue
            yield PublishedStatement(record, plan_by_id[plan_id], statement, own, bool(is_primary))


def target_rows(
    records: list[DocumentRecord],
    tasks: list[dict[str, Any]],
    plans: list[dict[str, Any]],
    plan_sources: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Targets of every published task and every plan's opening (rows of `tasks`, `plans`, `plan_sources`)."""
    rows: list[dict[str, Any]] = []
    for published in published_statements(records, tasks, plans, plan_sources):
        plan = published.plan
        province_code = province_of(by_code(plan["region_code"])).code if plan["region_code"] else None
        common = {
            "doc_id": published.record.doc_id,
            "default_year": plan["work_year"],
            "level": plan["level"],
            "province_code": province_code,
            "plan_id": plan["plan_id"],
        }
        opening = (published.statement.get("opening_targets") or []) if published.is_primary else []
        rows += _rows(opening, prefix=f"{plan['plan_id']}-opening", **common)
        for task_id, task in published.tasks:
            rows += _rows(task["targets"], prefix=task_id, task_id=task_id, **common)
    return rows


def _rows(
    targets: list[dict[str, Any]],
    *,
    prefix: str,
    doc_id: str,
    default_year: int | None,
    level: str,
    province_code: str | None,
    plan_id: str,
    task_id: str | None = None,
) -> list[dict[str, Any]]:
    return [
        _with_indicator(
            {
                "target_id": f"{prefix}-{number:02d}",
                "level": level,
                "province_code": province_code,
                "plan_id": plan_id,
                "task_id": task_id,
                "year": target.get("year") or default_year,
                "deadline_year": target.get("year"),
                "kind": target["kind"],
                "indicator": target["indicator"],
                "action": target.get("action"),
                **_as_printed(target),
                "per_unit": target.get("per_unit"),
                "comparator": target["comparator"],
                "is_change": target["is_change"],
                "quoted_from": target.get("quoted_from"),
                "raw_text": target["raw_text"],
                "doc_id": doc_id,
                "char_start": target["start"],
                "char_end": target["end"],
                "flag": target.get("flag"),
            }
        )
        for number, target in enumerate(targets, start=1)
    ]


def _as_printed(target: dict[str, Any]) -> dict[str, Any]:
    """value, value_max and unit as printed, the scale word kept in the unit (新增1.5万个 → 1.5, 万个), and the
    quantity multiplied out in base_value and base_unit (15000, 个), as reported_figures has them."""
    scale = target.get("scale")
    factor = scale_factor(scale) if scale else 1.0
    value_max = target.get("value_max")
    return {
        "value": round(target["value"] / factor, 6) if scale else target["value"],
        "value_max": round(value_max / factor, 6) if scale and value_max is not None else value_max,
        "unit": (scale or "") + (target.get("unit") or "") or None,
        "base_value": target["value"],
        "base_unit": target.get("unit"),
    }


def _with_indicator(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its indicator_id from the vocabulary; a row no entry fits says why in its flag."""
    match = match_indicator((row["indicator"], row["raw_text"]), row["base_unit"], row["per_unit"])
    flags = [flag for flag in (row["flag"], match.flag) if flag]
    return {**row, "indicator_id": match.indicator_id, "flag": ";".join(flags) or None}
