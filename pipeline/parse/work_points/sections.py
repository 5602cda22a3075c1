"""The roles of a work-points outline's sections: only task sections give tasks.

A work-points document is written in parts: framing (总体要求, 指导思想), goals (主要目标), a review of past work
(工作开展情况, 存在问题), the tasks (重点任务) and safeguards (保障措施). The role of a section is read from its
heading alone (the role words are data: `work_points.toml [sections]`), at any depth of the outline:
- framing, goals and safeguards sections give no task; their spans are where the plan states its targets;
- a review section gives nothing (its figures are reported, not planned: its span is a review passage for the
  reported-figures rule);
- a task-section heading (二、重点任务) is a part of the document, not a task: its items take its place; so is a
  heading that names a year and a kind of plan (二、2024年工作思路 after 一、2023年工作总结): it is that year's plan,
  where 工作思路 alone frames the plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.parse.lists import nested_list_tasks
from pipeline.parse.lists.rules import directive_at
from pipeline.parse.work_points.header import lexicon

ROLES = ("framing", "goals", "review", "safeguards", "tasks")
_YEAR = re.compile(r"^(?:19|20)\d{2}年度?")
_CLOSING = "。：:；;，, "


@dataclass
class SortedOutline:
    """The task sections' tasks, the spans whose quantities are the plan's targets, and plan-level flags."""

    tasks: list[dict[str, Any]]
    target_spans: list[tuple[int, int]] = field(default_factory=list)
    review_spans: list[tuple[int, int]] = field(default_factory=list)  # sections reporting past work
    flags: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _role_words() -> tuple[dict[str, str], re.Pattern[str]]:
    cfg = lexicon()["sections"]
    words = {word: role for role in ROLES for word in cfg[role]}
    joiners = re.compile("|".join(re.escape(j) for j in sorted(cfg["joiners"], key=len, reverse=True)))
    return words, joiners


@lru_cache(maxsize=1)
def _composed_heads() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of modifiers + one role's head noun (`[sections.composed]`), and the role of each head."""
    cfg = lexicon()["sections"]["composed"]
    heads = {head: role for role in ROLES if role in cfg for head in cfg[role]}
    alternation = "|".join(re.escape(word) for word in sorted(heads, key=len, reverse=True))
    modifiers = "|".join(re.escape(word) for word in sorted(cfg["modifiers"], key=len, reverse=True))
    return re.compile(f"(?:{modifiers})+({alternation})"), heads


def _composed_role(part: str) -> str | None:
    """The role of a heading built as modifiers and a role's head noun (主要目标指标 → goals), else None."""
    pattern, heads = _composed_heads()
    found = pattern.fullmatch(part)
    return heads[found.group(1)] if found else None


def section_role(heading: str) -> str | None:
    """The role a heading gives its section, or None (an ordinary task). Several role words joined in one
    heading (总体要求和主要目标) give the role that matters most: tasks, then review, then goals, safeguards, framing."""
    words, joiners = _role_words()
    entry = re.sub(lexicon()["sections"]["toc_leader"], "", heading.strip())  # 二、主要任务……5: a contents entry
    core = _YEAR.sub("", entry).strip(_CLOSING)
    core = re.sub(lexicon()["sections"]["document_name_lead"], "", core)  # 《规划》编制背景: the role of 编制背景
    if not core:
        return None
    if core != entry.strip(_CLOSING) and core in lexicon()["sections"]["year_plan_kinds"]:
        return "tasks"  # 二、2024年工作思路 after 一、2023年工作总结: the year's plan, not the plan's framing
    if re.search(lexicon()["sections"]["review_heading"], core):
        return "review"  # “十五”期间卫生事业简要回顾: a past period's results
    parts = [part.strip() for part in joiners.split(core)]
    roles = {words.get(part) or _composed_role(part) for part in parts}
    if None in roles:
        return None
    for role in ("tasks", "review", "goals", "safeguards", "framing"):
        if role in roles:
            return role
    return None


def sort_sections(tasks: list[dict[str, Any]], text: str | None = None, *, summary: bool = False) -> SortedOutline:
    """Keep the tasks of task sections; record where the plan's own targets are stated and flag what was left.
    With `text`, a task section whose outline found no items gives the marked list printed inside it (二、2024年
    工作思路 then 一是…二是…三是… in one paragraph), when it holds one. In a year-end `summary`, a top-level
    section whose heading names no role reviews the year (一、聚焦一条主线: what was done)."""
    result = SortedOutline(tasks=[])
    result.tasks = _sorted(tasks, result, text, default_role="review" if summary else None)
    result.flags = list(dict.fromkeys(result.flags))
    return result


def _all_directives(text: str, children: list[dict[str, Any]]) -> bool:
    """Whether a section's items are all led by a directive verb (加强…, 积极做好…, 完成…), two at least: measures,
    not goals stated as levels to reach (到2025年，…达到90%)."""
    return len(children) >= 2 and all(directive_at(text, c["start"], c["end"]) is not None for c in children)


def _sorted(
    tasks: list[dict[str, Any]], result: SortedOutline, text: str | None = None, default_role: str | None = None
) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for task in tasks:
        role = section_role(task["title"]) or default_role
        inline = nested_list_tasks(text, task["start"], task["end"]) if role == "tasks" and text else []
        if role is None:
            task["children"] = _sorted(task["children"], result, text)
            kept.append(task)
        elif role == "tasks":
            if task["children"] or len(inline) >= 2:
                kept.extend(_sorted(task["children"] or inline, result, text))
                result.flags.append("task_section_heading_dropped")
            elif text is not None and text[task["start"] : task["end"]].strip(_CLOSING + "\n") == task["title"].strip(_CLOSING):
                result.flags.append("task_section_heading_dropped")  # a heading alone; its items follow as siblings
            else:  # a task section written as prose: the section itself is the task
                kept.append(task)
        elif role == "review":
            result.review_spans.append((task["start"], task["end"]))
            result.flags.append("review_section_left_out")
        elif role == "goals" and text is not None and _all_directives(text, task["children"]):
            kept.extend(_sorted(task["children"], result, text))  # 主要工作目标 whose items are measures (加强…)
            result.flags.append("goals_section_of_measures")
        else:
            result.target_spans.append((task["start"], task["end"]))
            result.flags.append("non_task_section_left_out")
    for ordinal, task in enumerate(kept, start=1):
        task["ordinal"] = ordinal
    return kept
