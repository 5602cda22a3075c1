"""Paragraphs headed by a short verb-led phrase and a colon, then its measures (持续深化卫生健康领域改革：深化…，
推进…，加快…。): a layout of digests and round-ups, where the heading is often printed bold.

Such a paragraph is one item whose heading is the parent and whose verb-led measures after the colon
(pipeline.parse.lists.prose) are its children, when there are at least `min_measures` of them; when
`min_headings_list` paragraphs or more are so headed, they make a list of headings and each is one task, its measures
inside it (the measures carry out the heading: the read keys do not list them); a heading that is no
directive (a region's name: 北京市：…; 会议要求：…) heads nothing. Children carry the measure rule's flag and the parent
the flag `list_colon_heading`. Sizes are data (pipeline/data/lists.toml [headed]).
"""

from __future__ import annotations

import re

from pipeline.parse.lists.items import Item
from pipeline.parse.lists.prose import prose_items
from pipeline.parse.lists.rules import directive_at, is_attitude, is_generic, rules

COLON_HEADING = "list_colon_heading"
_HEADING = re.compile("[^。；;，,：:！？!?\n]+[：:]")


def colon_heading_end(text: str, start: int, end: int) -> int | None:
    """End of the heading (its colon excluded) that opens the paragraph text[start:end], or None: a verb-led phrase
    of at most `max_heading_chars`, no attitude or generic words, followed by a colon and more words."""
    found = _HEADING.match(text, start, end)
    if found is None or found.end() >= end:
        return None
    heading_end = found.end() - 1
    if heading_end - start > rules()["headed"]["max_heading_chars"]:
        return None
    lead = directive_at(text, start, heading_end)
    if lead is None or lead.kind != "verb" or is_attitude(text, start, heading_end) or is_generic(text, start, heading_end):
        return None
    return heading_end


def headed_items(text: str, start: int, end: int) -> list[Item] | None:
    """The items of text[start:end] when at least one of its paragraphs is colon-headed with enough measures (see
    the module doc): such a paragraph is one parent item, every other paragraph gives its prose measures as before;
    None when no paragraph is so headed (the caller reads the span as it did)."""
    paragraphs = [(m.start() + start, m.end() + start) for m in re.finditer("[^\n]+", text[start:end])]
    heads: dict[int, tuple[int, list]] = {}
    for para_start, para_end in paragraphs:
        para_start += len(text[para_start:para_end]) - len(text[para_start:para_end].lstrip())
        heading_end = colon_heading_end(text, para_start, para_end)
        measures = prose_items(text, heading_end + 1, para_end) if heading_end is not None else []
        if heading_end is not None and len(measures) >= rules()["headed"]["min_measures"]:
            heads[para_start] = (para_end, measures)
    if not heads:
        return None
    of_headings = len(heads) >= rules()["headed"]["min_headings_list"]  # a list of headings: each heading one task
    found: list[Item] = []
    for para_start, para_end in paragraphs:
        para_start += len(text[para_start:para_end]) - len(text[para_start:para_end].lstrip())
        if para_start in heads:
            measures = [] if of_headings else heads[para_start][1]
            children = [Item(p.start, p.end, None, None, n, p.rule) for n, p in enumerate(measures, start=1)]
            found.append(Item(para_start, para_end, None, None, len(found) + 1, COLON_HEADING, children=children))
            continue
        for piece in prose_items(text, para_start, para_end):
            found.append(Item(piece.start, piece.end, None, None, len(found) + 1, piece.rule))
    return found
