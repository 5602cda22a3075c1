"""The general reader of lists (pipeline.parse.lists.reader) and its items as plan-statement tasks.

Rules are data: pipeline/data/lists.toml (deployment and review cues, directive verbs, modals, marker
families, shapes). Each task's `flag` names the rule that found it (list_marked, list_modal_clauses,
list_verb_clauses, list_comma_clauses, list_enumeration, list_prose_clauses; list_out_of_order when its list's numbers skip
or repeat; list_started_midway, list_ran_inline and list_lost_item_tail for a list copied in pieces), as declared in schemas/tasks.schema.json.
"""

from __future__ import annotations

from typing import Any

from pipeline.parse.lists.areas import RULE as AREAS
from pipeline.parse.lists.copied import MIDWAY
from pipeline.parse.lists.headed import COLON_HEADING, headed_items
from pipeline.parse.lists.item_measures import (
    headline_children,
    item_children,
    requirement_children,
    slogan_part_children,
)
from pipeline.parse.lists.items import Item, title_of
from pipeline.parse.lists.leads import LEADS
from pipeline.parse.lists.measures import in_counted_list, opens_on_headline_sentence
from pipeline.parse.lists.prose import PROSE, prose_items
from pipeline.parse.lists.reader import (
    MARKED,
    SINGLE,
    closed_end,
    marked_children,
    read_lists,
    reviews_past_work,
)
from pipeline.parse.lists.restated import restates
from pipeline.parse.lists.rules import is_modal_word, is_requirement_marker, rules, shape
from pipeline.parse.lists.unmarked import ANNOUNCED, CLAUSES, COMMAS, ENUMERATION, MODAL
from pipeline.parse.lists.year_passage import headless_run_pieces, year_passage_pieces
from pipeline.parse.statements import task

__all__ = [
    "Item",
    "headless_run_tasks",
    "with_headless_runs",
    "closed_end",
    "is_requirement_marker",
    "list_tasks",
    "lost_start_tasks",
    "nested_list_tasks",
    "prose_tasks",
    "headings_kept_whole",
    "read_lists",
    "restates",
    "title_at",
    "reviews_past_work",
    "with_nested_lists",
    "year_passage_tasks",
]

READER_RULES = frozenset({MARKED, SINGLE, LEADS, COLON_HEADING, PROSE, MODAL, CLAUSES, COMMAS, ENUMERATION, ANNOUNCED, AREAS})
"""The flags that name the list reader's rule that found an item (schemas/tasks.schema.json)."""


def _task(text: str, item: Item, ordinal: int) -> dict[str, Any]:
    issue = "mismatch" if item.marker_value is not None and item.marker_value != item.position else None
    return task(
        text,
        ordinal=ordinal,
        title=title_of(text, item),
        start=item.start,
        end=item.end,
        marker=item.marker,
        marker_issue=issue,
        flag=item.flag,
        children=[_task(text, child, number) for number, child in enumerate(item.children, start=1)],
    )


def list_tasks(text: str, start: int = 0, end: int | None = None) -> list[dict[str, Any]]:
    """Tasks (statement shape, pipeline.parse.statements.task) of the lists read in text[start:end]."""
    return [_task(text, item, ordinal) for ordinal, item in enumerate(read_lists(text, start, end), start=1)]


def lost_start_tasks(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Tasks of the lists in text[start:end] that started mid-way (list_started_midway: 3.…4.…6.… run together, the
    copy lost the first items), with the lost item's tail before them; none when no such list is there. For a
    numbered outline whose first part the copy ran into one paragraph above its first marker line."""
    return [t for t in list_tasks(text, start, end) if MIDWAY in (t["flag"] or "").split(";")]


def title_at(text: str, start: int, end: int) -> str:
    """The headline of the item text[start:end] (reader.title_of)."""
    return title_of(text, Item(start, end, None, None, 1, ""))


def prose_tasks(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Tasks of the measures written as prose in text[start:end] (pipeline.parse.lists.prose), for a
    passage the caller knows states one unit's plan (a round-up item without listed measures). A paragraph headed by
    a verb-led phrase and a colon is one task with its measures as children (pipeline.parse.lists.headed)."""
    if (headed := headed_items(text, start, end)) is not None:
        return [_task(text, item, item.position) for item in headed]
    pieces = prose_items(text, start, end)
    items = [Item(p.start, p.end, None, None, n, p.rule) for n, p in enumerate(pieces, start=1)]
    return [_task(text, item, item.position) for item in items]


def headings_kept_whole(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tasks of colon-headed paragraphs read one by one (prose_tasks per line): when [headed] min_headings_list or more
    are so headed, they make a list of headings and each keeps its measures inside, as headed_items reads several
    paragraphs at once (提高…水平：A，B，C。/ 持续深化…改革：D，E。: two tasks)."""
    headed = [n for n, t in enumerate(tasks) if COLON_HEADING in (t.get("flag") or "").split(";")]
    if len(headed) < rules()["headed"]["min_headings_list"]:
        return tasks
    return [{**t, "children": []} if n in headed else t for n, t in enumerate(tasks)]


def year_passage_tasks(text: str, year: int, taken: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Tasks of a passage outside the spans `taken` that sets out the work of `year` in one sentence of
    verb-led clauses (2021年，要加强…，加快…; pipeline.parse.lists.year_passage), numbered from 1."""
    pieces = year_passage_pieces(text, year, taken)
    return [_task(text, Item(p.start, p.end, None, None, n, p.rule), n) for n, p in enumerate(pieces, start=1)]


def headless_run_tasks(text: str, taken: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Tasks of deploying sentences outside the paragraphs of the spans `taken` that are one headless run of three or
    more comma measures (会议要求，加大…，完善…，扩大…; pipeline.parse.lists.year_passage), numbered from 1."""
    pieces = headless_run_pieces(text, taken)
    return [_task(text, Item(p.start, p.end, None, None, n, p.rule), n) for n, p in enumerate(pieces, start=1)]


def with_headless_runs(text: str, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A plan's tasks: when its parser found none, the measures of the text's headless runs (headless_run_tasks), in
    text order and unnumbered (ordinal None) for the caller to number. A plan whose parser found tasks keeps them
    alone: beside a list, a headless run is most often its overview or a leader's summary, which the keys leave out
    (measured: adding them gave 2 right and 23 wrong rows over the read sets)."""
    if tasks:
        return tasks
    return [{**t, "ordinal": None} for t in headless_run_tasks(text, [])]


def nested_list_tasks(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Tasks of a marked list of another family nested inside the item text[start:end] (二是突出重点…。第一，…；
    第二，…), numbered from 1; none when the item holds no such list."""
    return [_task(text, child, n) for n, child in enumerate(marked_children(text, start, end), start=1)]


def with_nested_lists(text: str, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tasks of any parser's plan, each top-level task without children given its children by one ordered set
    of readers, whatever parser found it (tasks that have children keep them):
    1. the marked list of another family printed inside it, one level down (CONVENTIONS 3, a marked sub-list:
       （一）heading 一是…；二是…), as nested_list_tasks reads them;
    2. in a list of headings (most of its items open on a headline sentence of one clause, [shape]
       headline_list_share), the measures of the sentence after an item's headline (一是突出医改重点。加快推进…，
       推进完善…。: item_measures.headline_children), where a list of run-on items keeps each item whole unless
       the item is one reader 5 reads (the list reader's, or a requirement); never for an item printed by a bare
       modal (要聚焦重点任务，全力攻坚突破。做好…，提前谋划…，深入推进…。: its next sentence elaborates it, one task);
    3. ；-parts of a slogan head and a measure (item_measures.slogan_part_children);
    4. requirements after the item's headline sentence (二是…。要A；要B。: item_measures.requirement_children);
    5. a heading and the measures it announces in its first sentence (measures.announces_measures: four or more, or
       after a headline that names no work of its own), or the parts it names (item_measures.item_children),
       for an item the list reader found (its flag names the reader's rule) or printed as a requirement by a bare
       modal (要…); an item printed as a numbered requirement (一要…, 二是要…) gets only the parts it names (_measured),
       as the list reader reads its own items; an item of a list announced with its count (十大重点任务分别为：…)
       and another parser's numbered point (一是…, 1.…: the seeds' and the dev keys' convention) stay whole."""
    headings = sum(opens_on_headline_sentence(text, t["start"], t["end"]) for t in tasks)
    numerator, denominator = shape("headline_list_share")
    of_headings = len(tasks) >= shape("min_items") and denominator * headings >= numerator * len(tasks)
    out = []
    for item in tasks:
        if item.get("children"):
            out.append(item)
            continue
        start, end = item["start"], item["end"]
        children = nested_list_tasks(text, start, end)
        if not children:
            found = (
                (headline_children(text, start, end) if (of_headings or _reads_measures(text, item)) and not _bare_modal(item) else [])
                or slogan_part_children(text, start, end)
                or requirement_children(text, start, end)
                or (item_children(text, start, end, measures=_measured(item)) if _reads_measures(text, item) else [])
            )
            children = [_task(text, child, n) for n, child in enumerate(found, start=1)]
        out.append({**item, "children": children} if children else item)
    return out


def _reads_measures(text: str, item: dict[str, Any]) -> bool:
    """Whether the task's first sentence is read for a heading and its measures (with_nested_lists, reader 5)."""
    flags = (item.get("flag") or "").split(";")
    if COLON_HEADING in flags:
        return False  # the headed reader decided its measures (pipeline.parse.lists.headed: a list of headings keeps them)
    found_by_reader = any(flag in READER_RULES for flag in flags)
    return (found_by_reader or _is_requirement(text, item)) and not in_counted_list(text, item["start"])


def _measured(item: dict[str, Any]) -> bool:
    """Whether reader 5 reads the measures of an item's first sentence, not only the parts it names: an item the list
    reader found, or one printed as a requirement by a bare modal (要…). Another parser's numbered requirement
    (一要…, 二是要…) stays whole however many measures it lists, as a numbered point (一是…) does (the dev and read
    keys: 三要促进三个发展，A，B，C；D，E，F；G，H，I。 is one task); the parts it names (强化A、B、C保障) are its
    children."""
    return any(flag in READER_RULES for flag in (item.get("flag") or "").split(";")) or _bare_modal(item)


def _bare_modal(item: dict[str, Any]) -> bool:
    """Whether a task is printed as a requirement by a bare modal (要…), not a numbered point (一要, 一是)."""
    return item.get("marker") in rules()["directive"]["modals"]


def _is_requirement(text: str, item: dict[str, Any]) -> bool:
    """Whether a task is printed as a requirement: its marker is one (一要, 要) or a modal opens its words after
    another marker (二是要积极做好…)."""
    marker, start = item.get("marker"), item["start"]
    if is_requirement_marker(marker):
        return True
    start += len(marker) if marker and text.startswith(marker, start) else 0
    return marker is not None and text.startswith(tuple(rules()["directive"]["modals"]), start) and not is_modal_word(text, start)
