"""Province sections of a round-up as plan statements; a section's groups become parent tasks.

A section without headed measures states its measures in prose, from the opening paragraph to the section's
end: a marked or 要-led list there gives its items (pipeline.parse.lists.list_tasks); otherwise each verb-led
clause (今年，…将加快…，推进…。) is a task (pipeline.parse.lists.prose_tasks).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.parse.lists import list_tasks, prose_tasks
from pipeline.parse.roundup.sections import Measure, ProvinceSection
from pipeline.parse.statements import roundup_item_field, statement, task

GENRE = "roundup_item"
_SENTENCE_RULES = ("list_verb_clauses", "list_comma_clauses")  # reader rules the prose clauses refine
_GROUP_MARKER = re.compile(
    r"^(?:第?[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])\s*"
)


def roundup_statements(text: str, sections: list[ProvinceSection]) -> list[dict[str, Any]]:
    """One statement per province section (sections without a plan year are kept, flagged)."""
    out = []
    for section in sections:
        flags = [flag for flag in (section.flag or "").split(";") if flag]
        if section.plan_year is None:
            flags.append("work_year_unknown")
        tasks = _task_tree(text, section)
        opening = (section.intro_start, section.intro_end)
        if not tasks:  # a prose item: its measures are the lists of its paragraphs (pipeline.parse.lists)
            tasks = _prose_item_tasks(text, section)
            opening = (section.intro_start, tasks[0]["start"] if tasks else section.section_end)
        out.append(
            statement(
                genre=GENRE,
                level="provincial",
                region_code=section.region.code,
                field=roundup_item_field(text, section.section_start, section.section_end),
                work_year=section.plan_year,
                start=section.section_start,
                end=section.section_end,
                tasks=tasks,
                headline=section.headline,
                opening=opening,
                flags=flags,
            )
        )
    return out


def _prose_item_tasks(text: str, section: ProvinceSection) -> list[dict[str, Any]]:
    """A prose item's tasks: the lists the general reader finds when one is marked or led by 要; otherwise each
    verb-led clause (，/；/。) of the prose is a measure (prose_tasks), finer than the reader's sentences."""
    listed = list_tasks(text, section.intro_start, section.section_end)
    if any(not (t["flag"] or "").startswith(_SENTENCE_RULES) for t in listed):
        return listed
    return prose_tasks(text, section.intro_start, section.section_end)


def _leaf(text: str, measure: Measure, ordinal: int) -> dict[str, Any]:
    """A measure as a task: its text is the whole item, heading (its title) and body ("实施强基工程：以…")."""
    return task(
        text, ordinal=ordinal, title=measure.heading, start=measure.heading_start, end=measure.end, flag=measure.flag
    )


def _task_tree(text: str, section: ProvinceSection) -> list[dict[str, Any]]:
    """Measures in order; consecutive measures of one group become the children of a group task."""
    tasks: list[dict[str, Any]] = []
    runs: list[tuple[str | None, list[Measure]]] = []
    for measure in section.measures:
        if runs and runs[-1][0] == measure.group_heading:
            runs[-1][1].append(measure)
        else:
            runs.append((measure.group_heading, [measure]))
    floor = section.intro_end
    for group, members in runs:
        if group is None:
            for measure in members:
                tasks.append(_leaf(text, measure, len(tasks) + 1))
        else:
            tasks.append(_group(text, group, members, len(tasks) + 1, floor))
        floor = members[-1].end
    return tasks


def _group(text: str, heading: str, members: list[Measure], ordinal: int, floor: int) -> dict[str, Any]:
    """A group task: from its heading line (when printed before its first item) to its last item."""
    first = members[0].heading_start
    position = text.rfind(heading, floor, first)
    flag = None
    if position < 0:  # the heading is announced elsewhere (e.g. in the section's opening)
        position, flag = first, "group_heading_not_in_place"
    marker = _GROUP_MARKER.match(heading)
    if marker and flag is None:  # the task's text starts after its printed marker (四、)
        position += marker.end()
    children = [_leaf(text, measure, number) for number, measure in enumerate(members, start=1)]
    return task(
        text,
        ordinal=ordinal,
        title=heading[marker.end() :] if marker else heading,
        marker=marker.group().strip() if marker else None,
        start=position,
        end=members[-1].end,
        flag=flag,
        children=children,
    )
