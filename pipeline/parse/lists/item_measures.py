"""The measures of an item another parser found (a meeting report's 一要…), as the list reader reads them.

Read in the item's first sentence only: a heading and the verb-led measures it announces (一要聚焦…，深化…，健全…，
加快…，推进…: pipeline.parse.lists.measures.announced_measures), or the parts its first clause names (强化A保障、B保障、C保障; pipeline.parse.lists.unmarked enumerations).
Attitudes and clauses that relay or exhort are left out; fewer than two measures make no children.
`headline_children`: an item's measures in the sentence after its headline sentence, for an item of any marker.
`requirement_children`: the requirements after an item's headline sentence (二是明确责任。要A…；要B…。).
`slogan_part_children`: an item's ；-parts written as parallel pairs of a slogan head and a measure (撸起袖子，全力推进…；
扑下身子，扎实推进…), each a child from its head; a part whose head is followed by an aim (要素配置，确保到位) is no such
pair, and the item stays whole.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.parse.lists import enumerations, unmarked
from pipeline.parse.lists.items import Item, title_of
from pipeline.parse.lists.measures import announced_measures, headline_sentence_measures
from pipeline.parse.lists.modal import modal_items
from pipeline.parse.lists.rules import is_attitude, is_generic, is_modal_word, rules, shape, slogan_led


def item_children(text: str, start: int, end: int, *, measures: bool = True) -> list[Item]:
    """The measures of the item text[start:end] (see module doc), as items numbered from 1; only the parts its first
    clause names unless `measures`."""
    sentence = re.match("[^。！？\n]+", text[start:end])
    stop = start + sentence.end() if sentence else end
    found = announced_measures(text, start, stop, None) if measures else []
    if len(found) < shape("min_heading_measures"):
        found = enumerations.enumeration_items(text, start, stop)
    return _children(text, found, attitudes=True)


def headline_children(text: str, start: int, end: int) -> list[Item]:
    """The measures of the item text[start:end] in the sentence after its headline sentence (一是突出医改重点。
    加快推进…，推进完善…。; pipeline.parse.lists.measures.headline_sentence_measures), as items numbered from 1."""
    measures = headline_sentence_measures(text, start, end)
    return _children(text, measures, attitudes=False)


def slogan_part_children(text: str, start: int, end: int) -> list[Item]:
    """The ；-parts of a sentence of the item text[start:end] when each is a slogan head of [shape]
    slogan_clause_chars characters, a comma and a clause a directive verb leads, after at most two characters (要撸起袖子，全力推进医改；扑下身子，
    扎实推进项目建设；迈开步子，着力推进疾病防控): one child per part, from its head (after its modal). A part that
    opens the item is its headline, not a child; the first sentence with two or more such parts, and no other
    part, gives them."""
    modals = tuple(rules()["directive"]["modals"])
    item_start = unmarked.trim_span(text, start, end)[0]
    for sentence in re.finditer("[^。！？\n]+", text[start:end]):
        parts: list[Item] = []
        for part in re.finditer("[^；;]+", sentence.group()):
            s, e = unmarked.trim_span(text, start + sentence.start() + part.start(), start + sentence.start() + part.end())
            if s == item_start:
                continue  # the item's own headline part
            s += next((len(m) for m in modals if text.startswith(m, s) and not is_modal_word(text, s)), 0)
            measure = slogan_led(text, s, e)
            if measure is None or text.startswith(tuple(shape("aim_words")), measure):
                break  # a slogan head, then a directive verb after at most two characters (奋力推进…) (rules.slogan_led);
                # an aim after the head (要素配置，确保到位) is no measure
            parts.append(Item(s, e, None, None, len(parts) + 1, unmarked.CLAUSES))
        else:
            if len(parts) >= 2:
                return parts
    return []


def requirement_children(text: str, start: int, end: int) -> list[Item]:
    """The requirements printed after the headline sentence of the item text[start:end] (二是围绕目标，明确责任。要紧紧
    围绕…，科学制定…；要突出重点，…。), two or more, as its children (pipeline.parse.lists.modal); attitudes and
    clauses that relay or exhort are left out."""
    sentence = re.match("[^。！？\n]+[。！？]", text[start:end])
    if sentence is None:
        return []
    found = modal_items(text, start + sentence.end(), end)
    return _children(text, found, attitudes=True)


def _children(text: str, pieces: list[Any], *, attitudes: bool) -> list[Item]:
    """The pieces as child items numbered from 1, without those that name no title, only generic work or (when
    `attitudes`) an attitude; none unless two or more are left."""
    children = [Item(p.start, p.end, p.marker, None, n, p.rule) for n, p in enumerate(pieces, start=1)]
    children = [
        c
        for c in children
        if title_of(text, c)
        and not is_generic(text, c.start, c.end)
        and not (attitudes and is_attitude(text, c.start, c.end))
    ]
    return children if len(children) >= 2 else []
