"""The targets and programmes of one document's plan: those of its opening, of the sections stating its goals,
of each task's own words, and of the plan's other sentences that commit to a quantity. Offsets are absolute
offsets into the cleaned text (pipeline.documents.extract calls these on each plan it reads)."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from pipeline.text.reported import committed_target
from pipeline.text.targets.extract import extract_targets, find_programmes

_SENTENCE = re.compile("[^。！？\n]+[。！？]?")


def _targets(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Targets stated in text[start:end], with offsets made absolute."""
    rows = []
    for target in extract_targets(text[start:end]):
        row = asdict(target)
        row["start"] += start
        row["end"] += start
        rows.append(row)
    return rows


def _programmes(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Programmes named in text[start:end], with offsets made absolute."""
    rows = []
    for programme in find_programmes(text[start:end]):
        row = asdict(programme)
        for key in ("start", "end", "count_start", "count_end"):
            row[key] = row[key] + start if row[key] is not None else None
        rows.append(row)
    return rows


def add_targets(text: str, plan: dict[str, Any]) -> None:
    """Targets and programmes of the plan's opening (outside its tasks), of the sections stating its goals
    (`target_spans`), and of each task's own words (before its first child)."""
    has_opening = plan["opening_start"] is not None
    plan["opening_targets"] = _targets(text, plan["opening_start"], plan["opening_end"]) if has_opening else []
    plan["opening_programmes"] = _programmes(text, plan["opening_start"], plan["opening_end"]) if has_opening else []
    for start, end in plan.get("target_spans") or []:  # sections stating the plan's goals (主要目标, 总体要求)
        plan["opening_targets"] += _targets(text, start, end)
        plan["opening_programmes"] += _programmes(text, start, end)

    def visit(tasks: list[dict[str, Any]]) -> None:
        for task in tasks:
            own_end = max(task["start"], task["children"][0]["start"] if task["children"] else task["end"])
            task["targets"] = _targets(text, task["start"], own_end)
            task["programmes"] = _programmes(text, task["start"], own_end)
            visit(task["children"])

    visit(plan["tasks"])
    # An opening that holds the tasks themselves (a round-up item's prose): their quantities belong to the tasks.
    spans = [(task["start"], task["end"]) for task in plan["tasks"]]
    for key in ("opening_targets", "opening_programmes"):
        plan[key] = [row for row in plan[key] if not any(s <= row["start"] and row["end"] <= e for s, e in spans)]


def add_plan_sentence_targets(
    text: str, plan: dict[str, Any], review: list[tuple[int, int]], year: int | None
) -> None:
    """Targets a plan states outside its tasks and opening (会议提出，今年将编制…等7个专项规划; a 主要目标 paragraph):
    read from every sentence of the plan's text that no task, opening or goals section covers, kept only when
    the stance rule reads them as committed to (flag from_plan_sentence)."""
    covered = [(task["start"], task["end"]) for task in plan["tasks"]]
    covered += list(plan.get("target_spans") or [])
    if plan["opening_start"] is not None:
        covered.append((plan["opening_start"], plan["opening_end"]))
    for sentence in _SENTENCE.finditer(text, plan["start"], plan["end"]):
        start, end = sentence.span()
        if any(s < end and start < e for s, e in covered):
            continue
        for row in _targets(text, start, end):
            if _already_stated(plan, row):
                continue  # a page that prints a sentence twice (a title repeating the lead) states its target once
            if committed_target(text, row, review_sections=review, reference_year=year):
                row["flag"] = ";".join(filter(None, [row["flag"], "from_plan_sentence"]))
                plan["opening_targets"].append(row)


def _already_stated(plan: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether the plan already has a target printed the same way (same words, value and unit)."""

    def rows(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [target for task in tasks for target in [*(task.get("targets") or []), *rows(task["children"])]]

    same = (row["raw_text"], row["value"], row["unit"])
    return any((t["raw_text"], t["value"], t["unit"]) == same for t in [*rows(plan["tasks"]), *plan["opening_targets"]])
