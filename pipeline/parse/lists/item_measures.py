"""The measures of an item another parser found (a meeting report's 一要…), as the list reader reads them.

Read in the item's first sentence only: a heading and three or more verb-led measures (一要聚焦…，深化…，健全…，
加快…), or the parts its first clause names (强化A保障、B保障、C保障; pipeline.parse.lists.unmarked enumerations).
Attitudes and clauses that relay or exhort are left out; fewer than two measures make no children.
`headline_children`: an item's measures in the sentence after its headline sentence, for an item of any marker.
"""

from __future__ import annotations

import re

from pipeline.parse.lists import unmarked
from pipeline.parse.lists.measures import headline_sentence_measures, requirement_measures
from pipeline.parse.lists.reader import Item, title_of
from pipeline.parse.lists.rules import is_attitude, is_generic, shape


def item_children(text: str, start: int, end: int) -> list[Item]:
    """The measures of the item text[start:end] (see module doc), as items numbered from 1."""
    sentence = re.match("[^。！？\n]+", text[start:end])
    stop = start + sentence.end() if sentence else end
    measures = requirement_measures(text, start, stop, None)
    if len(measures) < shape("min_heading_measures"):
        measures = unmarked.enumeration_items(text, start, stop)
    children = [Item(p.start, p.end, p.marker, None, n, p.rule) for n, p in enumerate(measures, start=1)]
    children = [c for c in children if title_of(text, c) and not is_generic(text, c.start, c.end) and not is_attitude(text, c.start, c.end)]
    return children if len(children) >= 2 else []


def headline_children(text: str, start: int, end: int) -> list[Item]:
    """The measures of the item text[start:end] in the sentence after its headline sentence (一是突出医改重点。
    加快推进…，推进完善…。; pipeline.parse.lists.measures.headline_sentence_measures), as items numbered from 1."""
    measures = headline_sentence_measures(text, start, end)
    children = [Item(p.start, p.end, p.marker, None, n, p.rule) for n, p in enumerate(measures, start=1)]
    children = [c for c in children if title_of(text, c) and not is_generic(text, c.start, c.end)]
    return children if len(children) >= 2 else []
