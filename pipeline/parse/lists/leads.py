"""Lists written without markers as lead sentences: each item is a paragraph that opens on a short
verb-led sentence (its headline, often printed bold), and a short verb-led line with no sentence mark
may head the paragraphs after it.

    坚持预防为主 提升群众健康素质            <- a heading line: a parent item
    大力推进健康促进。倡导健康生活方式……       <- a lead paragraph: a child of the heading
    加强重大疾病防治。发挥联席会议作用……
    提升医疗技术能力同质化水平，协同推进……   <- a lead clause works the same way

A briefing or a year-ahead article that announces its list (从以下七个方面…：) often prints it so. Lines
that are neither (a photo caption, a repeated lead-in) may stand between the items, a few at most; a
lead that states an attitude or relays (提高政治站位。, 贯彻落实…精神。) is no item. The sizes are data
(pipeline/data/lists.toml [leads]). Items carry the flag `list_lead_sentences`: the reader guessed the
list from the shape of its paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.parse.lists.rules import NUMERAL, directive_at, is_attitude, is_generic, rules
from pipeline.parse.outline import line_spans
from pipeline.parse.statements import task

LEADS = "list_lead_sentences"
_HEADING_BREAKS = re.compile("[。；;，,：:！？!?、]")
_LEAD_END = re.compile("[。，,]")
_STRAY_MARKER = re.compile(rf"{NUMERAL}(?:是|要)")


@dataclass
class _Item:
    start: int
    end: int
    title_end: int
    is_heading: bool = False
    children: list[_Item] = field(default_factory=list)


def _is_item_words(text: str, start: int, end: int) -> bool:
    lead = directive_at(text, start, end)
    return (
        lead is not None
        and lead.kind == "verb"
        and not is_attitude(text, start, end)
        and not is_generic(text, start, end)
    )


def _heading(text: str, start: int, end: int) -> bool:
    """A short verb-led line with no sentence or clause mark (坚持预防为主 提升人民群众健康素质)."""
    words = text[start:end]
    return len(words) <= rules()["leads"]["max_heading_chars"] and not _HEADING_BREAKS.search(words) and (
        _is_item_words(text, start, end)
    )


def _lead_end(text: str, start: int, end: int) -> int | None:
    """End of a paragraph's lead (大力推进健康促进。 or 提升医疗技术能力同质化水平，…): its first sentence or
    clause, when it is short, verb-led and more words follow it; None otherwise."""
    stop = _LEAD_END.search(text, start, end)
    if stop is None or stop.end() >= end:
        return None
    if stop.start() - start > rules()["leads"]["max_lead_chars"] or _HEADING_BREAKS.search(text, start, stop.start()):
        return None
    return stop.start() if _is_item_words(text, start, stop.start()) else None


def _after_stray_marker(text: str, start: int, end: int) -> int:
    """Where a paragraph's words start after a stray inline marker (五是深化…): the list is unmarked, but
    one paragraph kept its number."""
    found = _STRAY_MARKER.match(text, start, end)
    return found.end() if found else start


def lead_items(text: str, start: int, end: int) -> list[dict]:
    """Tasks of the lead-sentence list that starts within the first lines of text[start:end]; [] when its
    first item is further down, or it has fewer than `min_items` lead paragraphs."""
    cfg = rules()["leads"]
    items: list[_Item] = []
    heading: _Item | None = None
    skipped = 0
    for position, (marker_start, line_end) in enumerate(line_spans(text, start, end)):
        if not items and position >= cfg["max_lines_before"]:
            break
        line_start = _after_stray_marker(text, marker_start, line_end)
        if (stop := _lead_end(text, line_start, line_end)) is not None:
            item = _Item(line_start, line_end, stop)
            if heading is not None:
                heading.children.append(item)
                heading.end = line_end
            else:
                items.append(item)
            skipped = 0
        elif _heading(text, line_start, line_end):
            heading = _Item(line_start, line_end, line_end, is_heading=True)
            items.append(heading)
            skipped = 0
        elif items:
            skipped += 1
            if skipped > cfg["max_skipped_lines"]:
                break
    while items and items[-1].is_heading and not items[-1].children:
        items.pop()  # a heading with no paragraph after it ends the list
    leads = sum(len(item.children) if item.is_heading else 1 for item in items)
    if leads < cfg["min_items"]:
        return []
    return [_task(text, item, number) for number, item in enumerate(items, start=1)]


def _task(text: str, item: _Item, ordinal: int) -> dict:
    return task(
        text,
        ordinal=ordinal,
        title=text[item.start : item.title_end],
        start=item.start,
        end=item.end,
        flag=LEADS,
        children=[_task(text, child, number) for number, child in enumerate(item.children, start=1)],
    )
