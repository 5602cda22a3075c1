"""Marked lists as real pages copy them: started after 1, numbers skipped, items run inline (issue 22).

A chain that starts mid-way (pipeline.parse.lists.marked, [markers.midway]) is read as a list; its items say how it
was copied, and the words before its first marker may be the end of the item the copy lost. The flags are declared in
schemas/tasks.schema.json.
"""

from __future__ import annotations

from pipeline.parse.lists.marked import Chain, Marker
from pipeline.parse.lists.rules import REVIEW, directive_at, nearest_cue, rules
from pipeline.parse.lists.unmarked import trim_span

MIDWAY = "list_started_midway"  # the item's list starts after 1: the copy lost its first items
INLINE = "list_ran_inline"  # a line-start family's item found inline (…。4.征集…) in a list so copied
LOST_TAIL = "list_lost_item_tail"  # the words before a mid-way list's first marker: the end of an item the copy lost
_SENTENCE_END = "。；;！"


def copy_notes(chain: Chain, marker: Marker) -> tuple[str, ...]:
    """The flags of an item of a list copied in pieces: started mid-way, and run inline when its family is printed one
    item per line ([markers.midway] inline_flagged). An item of a list from 1 gets none (its flags are as before)."""
    if not chain.midway:
        return ()
    inline = marker.inline and marker.family in rules()["markers"]["midway"]["inline_flagged"]
    return (MIDWAY, *([INLINE] if inline else []))


def lost_tail(text: str, paragraph_start: int, chain: Chain) -> tuple[int, int] | None:
    """(start, end) of the words before a mid-way chain's first marker when they open its paragraph and are the end
    of the item the copy lost (研究制定…规则。3.根据…): one or more sentences closed by 。/；, led like a plan's item
    (a directive verb, 要, 以…为…), with no lead-in (a colon before the marker, 会议部署了…：) and no cue of review.
    None otherwise: the words are the list's lead-in or not work at all."""
    first = chain.markers[0]
    if not chain.midway or not first.inline:
        return None
    start, end = trim_span(text, paragraph_start, first.start, "，,、")
    if end <= start or text[end - 1] not in _SENTENCE_END:
        return None
    if directive_at(text, start, end) is None or nearest_cue(text[start:end]) == REVIEW:
        return None
    return start, end
