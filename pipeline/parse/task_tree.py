"""Pruning a plan's task tree: the one walk behind every rule that leaves tasks out after the readers have run
(political attitudes, slogan headings, a meeting's narrated agenda). Each rule judges a task; this module applies
the verdict over the whole tree, depth first, and flags the plan when anything went."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pipeline.parse.flags import add_flags

Verdict = Literal["keep", "drop", "lift"]
KEEP: Verdict = "keep"  # the task stays, with its children pruned
DROP: Verdict = "drop"  # the task goes with its children
LIFT: Verdict = "lift"  # the task goes and its (pruned) children take its place


def prune_tasks(plan: dict[str, Any], verdict: Callable[[dict[str, Any]], Verdict], flag: str) -> None:
    """Apply `verdict` to every task of the plan (each judged as the readers left it); add `flag` to the plan
    when a task was dropped or lifted anywhere in the tree."""

    def kept(tasks: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], bool]:
        out: list[dict[str, Any]] = []
        changed = False
        for task in tasks:
            choice = verdict(task)
            if choice == DROP:
                changed = True
                continue
            children, gone = kept(task["children"])
            if choice == LIFT:
                out += children
                changed = True
                continue
            out.append({**task, "children": children} if gone else task)
            changed = changed or gone
        return out, changed

    tasks, changed = kept(plan["tasks"])
    if changed:
        plan["tasks"] = tasks
        add_flags(plan, flag)
