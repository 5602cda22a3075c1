"""Whether a plan found by a cue, a heading or a sentence is a health plan: its tasks or its text name health work
(卫生, 医疗, 疾病, 托育 …). Lexicon: pipeline/data/announced_plans.toml [health_work]."""

from __future__ import annotations

from functools import cache
from typing import Any

from pipeline.data import read_toml

NO_HEALTH_WORK = "no_health_work"


@cache
def _words() -> tuple[str, ...]:
    return tuple(read_toml("announced_plans.toml")["health_work"]["words"])


def names_health_work(words: str) -> bool:
    """Whether `words` name health work."""
    return any(word in words for word in _words())


def states_health_work(text: str, plan: dict[str, Any]) -> bool:
    """Whether the plan is a health plan: its tasks (children included) or, as tasks are often written without the
    field's name (优化资源配置和布局; 从每人每年240元提高到280元), the plan's text names health work. A text that names
    none (a people's congress item on the economy's work) states no health plan."""

    def spans(tasks: list[dict[str, Any]]) -> list[tuple[int, int]]:
        return [(t["start"], t["end"]) for t in tasks] + [span for t in tasks for span in spans(t["children"])]

    tasks = "".join(text[start:end] for start, end in spans(plan["tasks"]))
    return names_health_work(tasks) or names_health_work(text[plan["start"] : plan["end"]])
