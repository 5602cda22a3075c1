"""Items of a conference report's task list printed out of order (一、三、二) or twice.

The task chain counts 1, 2, 3…, so an item whose number is out of order is skipped and its words end
up inside the task before it. Work points mark such items (tasks.marker_issue); here the task that
holds a skipped item of its own list is flagged `list_out_of_order`, so the merge is never silent.
"""

from __future__ import annotations

from typing import Any

from pipeline.parse.conference.markers import inline_markers
from pipeline.parse.flags import add_flags

OUT_OF_ORDER_ITEM = "list_out_of_order"  # declared in schemas/tasks.schema.json (the list reader flags the same)


def flag_swallowed_items(text: str, tasks: list[dict[str, Any]]) -> None:
    """Add OUT_OF_ORDER_ITEM to the flag of each task whose own text holds a marker of its list's family."""
    for task in tasks:
        family = _family(task.get("marker"))
        if family is None:
            continue
        inside = inline_markers(text, task["start"], task["end"])
        if any(marker.family == family for marker in inside):
            add_flags(task, OUT_OF_ORDER_ITEM)


def _family(printed: str | None) -> str | None:
    """The family of a printed marker (一、 → dun, 二是 → shi…), None when it is not an inline marker."""
    if not printed:
        return None
    found = inline_markers(printed, 0, len(printed))
    return found[0].family if found and found[0].start == 0 else None
