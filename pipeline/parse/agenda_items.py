"""List items that narrate a meeting's agenda in the past rather than set out work (issue 22, s16).

A report of a meeting often walks through its agenda in a list (首先，…其次，…最后，…; 会上，一是…): each item tells
what a speaker or the meeting did, its verb in the past (局长回顾了2017年工作…; 本次会议对…优秀团体进行了表彰：…;
副县长对2017年工作予以了肯定，并强调了三点意见：). Such an item is no task, whichever reader found it, and its
quantities (先进个人17名, 一等奖4个) are no targets; the list the item itself announces (一要…二要…) keeps its items,
which take its place. The acts and their past forms are data: pipeline/data/lists.toml [agenda]. Offsets are absolute.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.parse.lists.rules import rules
from pipeline.parse.task_tree import KEEP, LIFT, prune_tasks

FLAG = "agenda_items_left_out"


@cache
def _narrated() -> re.Pattern[str]:
    agenda = rules()["agenda"]
    acts = "(?:" + "|".join(map(re.escape, agenda["acts"])) + ")"
    return re.compile(agenda["narrated"].replace("{ACTS}", acts))


def narrates_agenda(text: str, start: int, end: int) -> bool:
    """Whether the first clause of text[start:end] tells what a speaker or the meeting did, its act in the past
    (回顾了…, 对…进行了表彰, 予以了肯定)."""
    clause = re.split("[，,。；;：:！？\n]", text[start:end], maxsplit=1)[0]
    return _narrated().search(clause) is not None


def without_agenda_items(text: str, plan: dict[str, Any]) -> None:
    """Drop the plan's tasks that narrate the meeting's agenda; their own items take their place. Flag the plan."""

    prune_tasks(plan, lambda task: LIFT if narrates_agenda(text, task["start"], task["end"]) else KEEP, FLAG)
