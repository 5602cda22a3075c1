"""The meeting parser's task list, edited into the plan's tasks (pipeline.parse.conference.plan).

* a bare item (一、 with no words: the text lost them) is left out: flag empty_item_dropped;
* an item that reviews past work in a list that deploys (一是全省…取得了可喜成绩；二是要…) is left out:
  flag review_items_left_out;
* an item's children are read by the readers every plan's tasks get (pipeline.parse.lists.with_nested_lists: a
  marked list of another family inside it, 二是…。第一，…；第二，…; a requirement's measures, 一要A，B，C，D) before
  the last item is closed;
* a second passage that sets out the work year's work (a leader's instruction: 2021年，要加强…，加快…)
  adds its tasks (pipeline.parse.lists.year_passage_tasks): flag tasks_from_year_passage;
* the last item's words end before a byline (（记者 某某）) or a passage that opens after it, and a sentence in it
  that joins one more requirement (同时，要全面加强…: lists.toml [ends] further_requirement) is a task of its own
  (flag list_modal_clauses);
* the first passage that deploys work, when it stands before that list (会议要求，要…；要…, a leader's 重点做好
  四项工作：A；B；…) and the list reader reads it as a list of [first_passage] rules, adds its items, unless most
  of them repeat the later list (a summary said first): flag tasks_from_first_passage.

The tasks are renumbered in text order and the editors' notes follow their task.
"""

from __future__ import annotations

from typing import Any

from pipeline.parse.conference.common import rstrip_span, sentence_start
from pipeline.parse.lists import (
    closed_end,
    list_tasks,
    restates,
    title_at,
    with_nested_lists,
    year_passage_tasks,
)
from pipeline.parse.lists.modal import further_requirement
from pipeline.parse.lists.rules import reviews_as_item, rules
from pipeline.parse.lists.unmarked import MODAL
from pipeline.parse.statements import task

Task = dict[str, Any]


def edited_tasks(
    text: str, tasks: list[Task], commentary: list[Task], work_year: int | None, flags: list[str]
) -> tuple[list[Task], list[Task]]:
    """(tasks, commentary) of the plan from the meeting parser's list; the plan's flags are appended to `flags`."""
    kept = [t for t in tasks if t["title"].strip()]
    if len(kept) < len(tasks):
        flags.append("empty_item_dropped")
    reviewing = [t for t in kept if reviews_as_item(t["text"])]
    if reviewing and len(reviewing) < len(kept):
        kept = [t for t in kept if t not in reviewing]
        flags.append("review_items_left_out")
    kept = _last_closed(text, with_nested_lists(text, kept))
    added = _year_passage(text, kept, work_year)
    if added:
        flags.append("tasks_from_year_passage")
    first = _first_passage(text, kept, added)
    if first:
        flags.append("tasks_from_first_passage")
    added += first
    return _renumbered(sorted(kept + added, key=lambda t: t["start"]), commentary)


def _last_closed(text: str, tasks: list[Task]) -> list[Task]:
    """The tasks with the last one closed (lists.closed_end) and a further requirement in it a task of its own."""
    if not tasks or tasks[-1].get("children"):
        return tasks
    last = tasks[-1]
    end = closed_end(text, last["start"], last["end"])
    further = further_requirement(text, last["start"], end)
    if further is None:
        return [*tasks[:-1], {**last, "text": text[last["start"] : end], "end": end}] if end > last["start"] else tasks
    sentence, lead = further
    cut = rstrip_span(text, last["start"], sentence, "，,；; \t\u3000")
    closed = {**last, "text": text[last["start"] : cut], "end": cut}
    title = title_at(text, lead.start, end)
    added = task(text, ordinal=0, title=title, start=lead.start, end=end, marker=lead.marker, flag=MODAL)
    return [*tasks[:-1], closed, {**added, "ordinal": None}]


def _year_passage(text: str, tasks: list[Task], work_year: int | None) -> list[Task]:
    """Tasks of another passage setting out the work year's work, unless it repeats the list (a summary)."""
    if not tasks or work_year is None:
        return []
    taken = [(min(t["start"] for t in tasks), max(t["end"] for t in tasks))]
    added = year_passage_tasks(text, work_year, taken)
    if any(a["text"].rstrip("。；;，,") in t["text"] for a in added for t in tasks):
        return []  # the list's items said once more in the lead: a summary, not a second list
    return [{**a, "ordinal": None} for a in added]


def _first_passage(text: str, tasks: list[Task], added: list[Task]) -> list[Task]:
    """Items of the lists read before the meeting parser's list, in the [first_passage] list shapes: in the
    paragraphs before the list's and in the sentences of its paragraph before the one that opens it (会议指出，
    2020年要…；…。会议还部署了七个方面的工作：一是…); none that overlaps a task `added` from the year's passage,
    and none when most of them repeat the later tasks' words (a summary of the list said before it)."""
    if not tasks:
        return []
    config = rules()["first_passage"]
    first = min(t["start"] for t in tasks)
    found = [
        t
        for t in list_tasks(text, 0, sentence_start(text, first))  # up to the sentence that opens the list
        if t["flag"].split(";")[0] in config["rules"]
        and not any(t["start"] < a["end"] and a["start"] < t["end"] for a in added)
    ]
    later = "".join(text[t["start"] : t["end"]] for t in tasks + added)
    if not found or restates([t["title"] for t in found], later):
        return []
    return [{**t, "ordinal": None} for t in found]


def _renumbered(tasks: list[Task], commentary: list[Task]) -> tuple[list[Task], list[Task]]:
    """Tasks numbered 1… in order; a note follows its task's new number (a note of a task left out goes)."""
    new_ordinal = {t["ordinal"]: n for n, t in enumerate(tasks, start=1) if t["ordinal"] is not None}
    numbered = [{**t, "ordinal": n} for n, t in enumerate(tasks, start=1)]
    notes = [{**n, "task_ordinal": new_ordinal[n["task_ordinal"]]} for n in commentary if n["task_ordinal"] in new_ordinal]
    return numbered, notes
