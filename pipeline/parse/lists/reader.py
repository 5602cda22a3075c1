"""The general reader of lists: where a text deploys work, the parallel items it lists there.

`read_lists(text, start, end)` finds, in text order:

1. marked lists (any marker family, pipeline.parse.lists.marked) whose lead-in deploys work — the
   nearest cue before the list (部署, 要求, 重点抓好…) is one of deployment, not of review (总结, 回顾,
   取得…), and their items do not read as results already reached;
2. in the paragraphs no marked list covers: requirements led by 要 (要…；要…), then clauses led by a
   directive verb or 以…为… (坚持…；实施…。) after a lead-in that deploys work;
3. only when nothing else is found: one deploying sentence of short verb-led comma clauses.

A list that restates another (a summary said before or after it) is read once (pipeline.parse.lists.restated).

Inside each item a nested list becomes its children: a marked list of another family, an enumeration
(（扎实推进A、扎实推进B）, A、B、C三项行动) or short verb-led comma clauses after the item's headline.
Every item carries the rule that found it (its flag) and offsets into the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.parse.lists import enumerations, unmarked
from pipeline.parse.lists.areas import area_items, named_tasks, nested_areas
from pipeline.parse.lists.clause_classes import frames_a_plan
from pipeline.parse.lists.copied import LOST_TAIL, MIDWAY, copy_notes, lost_tail
from pipeline.parse.lists.ends import closed_end, other_sectors_part, passage_opening, site_notice
from pipeline.parse.lists.items import Item, title_of
from pipeline.parse.lists.marked import Chain, find_chains, find_markers
from pipeline.parse.lists.measures import (
    announced_measures,
    comma_measures,
    headline_names_no_work,
    in_counted_list,
)
from pipeline.parse.lists.modal import further_requirement, modal_items
from pipeline.parse.lists.restated import without_restatements
from pipeline.parse.lists.rules import (
    DEPLOY,
    REVIEW,
    announces_list,
    is_attitude,
    is_generic,
    is_requirement_marker,
    nearest_cue,
    reads_as_results,
    rules,
    shape,
    states_result,
)
from pipeline.parse.lists.stances import mostly_attitude, only_exhortation
from pipeline.parse.lists.year_passage import in_earlier_years

MARKED = "list_marked"
SINGLE = "list_single_item"
_PROSE_FAMILIES = ("sequence", "shi")  # 首先…, 一是… alone are words of prose more often than a list
_MIN_LEAD = 4


@dataclass(frozen=True)
class _Paragraph:
    start: int
    end: int


def _paragraphs(text: str, start: int, end: int) -> list[_Paragraph]:
    out, offset = [], 0
    for line in text.split("\n"):
        s, e = offset, offset + len(line)
        if e > start and s < end and line.strip():
            out.append(_Paragraph(max(s, start), min(e, end)))
        offset = e + 1
    return out


def _paragraph_of(paragraphs: list[_Paragraph], offset: int) -> int:
    return next((i for i, p in enumerate(paragraphs) if p.start <= offset <= p.end), -1)


def _lead(text: str, paragraphs: list[_Paragraph], first: int) -> str:
    """The words before a list: its paragraph up to the list, or the paragraph before when that is empty."""
    index = _paragraph_of(paragraphs, first)
    lead = text[paragraphs[index].start : first] if index >= 0 else ""
    if len(lead.strip(" \t\u3000：:，,")) < _MIN_LEAD and index > 0:
        lead = text[paragraphs[index - 1].start : paragraphs[index - 1].end] + lead
    return lead


def _trimmed_chain(chain: Chain, paragraphs: list[_Paragraph]) -> Chain | None:
    """Cut a chain where a marker in a later paragraph does not open it (a stray 二、 far below)."""
    kept = [chain.markers[0]]
    for marker in chain.markers[1:]:
        index = _paragraph_of(paragraphs, marker.start)
        same = index == _paragraph_of(paragraphs, kept[-1].start)
        if not same and (index < 0 or paragraphs[index].start != marker.start):
            break
        kept.append(marker)
    return replace(chain, markers=tuple(kept)) if len(kept) >= 2 else None


def _chain_items(text: str, chain: Chain, paragraphs: list[_Paragraph], end: int) -> list[Item]:
    items = []
    for position, marker in enumerate(chain.markers, start=1):
        if position < len(chain.markers):
            stop = chain.markers[position].start
        else:
            index = _paragraph_of(paragraphs, marker.start)
            stop = closed_end(text, marker.end, paragraphs[index].end if index >= 0 else end)
        s, e = unmarked.trim_span(text, marker.end, stop)
        if position < len(chain.markers):
            e = closed_end(text, s, e) if "\n" in text[s:e] else e
        item = Item(s, max(s, e), marker.printed(text), marker.value or None, position, MARKED, chain.out_of_order)
        items.append(replace(item, notes=copy_notes(chain, marker)))
    return items


def _with_further(text: str, items: list[Item]) -> list[Item]:
    """A list whose last item holds a further requirement (…。同时，要…: modal.further_requirement) ends before it;
    the requirement is one more item (list_modal_clauses)."""
    further = further_requirement(text, items[-1].start, items[-1].end)
    if further is None:
        return items
    (sentence, lead), last = further, items[-1]
    closed = replace(last, end=unmarked.trim_span(text, last.start, sentence)[1])
    return [*items[:-1], closed, Item(lead.start, last.end, lead.marker, None, last.position + 1, unmarked.MODAL)]


def _deploys(text: str, paragraphs: list[_Paragraph], first: int, items: list[Item], strict: bool) -> bool:
    """Whether a list sets out coming work: its lead-in's nearest cue, and its items' tense; a deploying cue is
    outweighed when most items state a state reached, subject first (坚持A，B更加优化；坚持C，D持续深化)."""
    cue = nearest_cue(_lead(text, paragraphs, first))
    results = sum(1 for item in items if reads_as_results(text[item.start : item.end]))
    if cue == REVIEW:
        return False
    if cue == DEPLOY:
        states = sum(1 for item in items if states_result(text[item.start : item.end]))
        return results < len(items) and 2 * states <= len(items)
    return (not strict or _parallel(text, items)) and 2 * results < len(items)


def _parallel(text: str, items: list[Item]) -> bool:
    """Whether unmarked items deploy work by their own shape when no cue leads them in: one is a requirement
    (要着力…；着力…), or most of them, at least [shape] min_parallel_leads, repeat one lead (着力A；着力B；着力C)."""
    if any(item.marker in rules()["directive"]["modals"] for item in items):
        return True
    leads = Counter(text[item.start : item.start + 2] for item in items)
    repeated = max(leads.values(), default=0)
    return repeated >= shape("min_parallel_leads") and 2 * repeated > len(items)


def _marked_lists(text: str, paragraphs: list[_Paragraph], start: int, end: int) -> tuple[list[list[Item]], list[tuple[int, int]]]:
    """Marked lists that deploy work, and the spans of every top-level marked list (review ones too)."""
    lists: list[list[Item]] = []
    covered: list[tuple[int, int]] = []
    for chain in find_chains(find_markers(text, start, end), midway=True):
        trimmed = _trimmed_chain(chain, paragraphs)
        if trimmed is None or any(s <= trimmed.start < e for s, e in covered):
            continue
        items = _with_further(text, _chain_items(text, trimmed, paragraphs, end))
        index = _paragraph_of(paragraphs, trimmed.start)
        if tail := lost_tail(text, paragraphs[index].start if index >= 0 else trimmed.start, trimmed):
            items = [Item(*tail, None, None, 1, MARKED, trimmed.out_of_order, notes=(MIDWAY, LOST_TAIL)), *items]
        span = (items[0].start if tail else trimmed.start, items[-1].end)
        if any(s < span[1] and span[0] < e for s, e in covered):
            continue
        covered.append(span)
        if _deploys(text, paragraphs, span[0], items, strict=False):
            lists.append(items)
    single = _single_item_list(text, paragraphs, start, end, covered)
    if single:
        lists.append(single)
        covered.append((single[0].start, single[0].end))
    return lists, covered


def _single_item_list(
    text: str, paragraphs: list[_Paragraph], start: int, end: int, covered: list[tuple[int, int]]
) -> list[Item]:
    """The one item of a marked list cut after it (有以下几方面重点工作：\n第一，…<end of text>): a first
    marker opening the last paragraph, after a paragraph whose words announce a list (list_single_item)."""
    if len(paragraphs) < 2:
        return []
    last = paragraphs[-1]
    opening = [m for m in find_markers(text, last.start, min(last.end, last.start + 6)) if m.start == last.start]
    if not opening or opening[0].value != 1 or opening[0].family in _PROSE_FAMILIES:
        return []
    if any(s <= last.start < e for s, e in covered) or not announces_list().search(text[paragraphs[-2].start : paragraphs[-2].end].rstrip()):
        return []
    marker = opening[0]
    s, e = unmarked.trim_span(text, marker.end, closed_end(text, marker.end, last.end))
    items = [Item(s, e, marker.printed(text), 1, 1, SINGLE)] if s < e else []
    return items if items and _deploys(text, paragraphs, marker.start, items, strict=True) else []


def _as_items(pieces: list[unmarked.Piece]) -> list[Item]:
    return [Item(p.start, p.end, p.marker, None, n, p.rule) for n, p in enumerate(pieces, start=1)]


def _unmarked_lists(text: str, paragraphs: list[_Paragraph], covered: list[tuple[int, int]]) -> list[list[Item]]:
    lists: list[list[Item]] = []
    free = [p for p in paragraphs if not any(s < p.end and p.start < e for s, e in covered)]
    for group in _runs(text, free, paragraphs):
        g_start, g_end = group[0].start, group[-1].end
        modal = _as_items(modal_items(text, g_start, g_end))
        if modal and 2 * sum(reads_as_results(text[i.start : i.end]) for i in modal) < len(modal):
            lists.append(_closed(text, modal, paragraphs))
            group = [p for p in group if p.end <= modal[0].start or p.start > modal[-1].end]  # another list may precede or follow
        for paragraph in group:
            announced = _as_items(unmarked.announced_items(text, paragraph.start, paragraph.end))
            if announced:  # the count sizes the list: a catch-all item (统筹做好其它各项工作) stays
                lists.append(_closed(text, announced, paragraphs, keep_generic=True))
                continue
            clauses = _as_items(unmarked.clause_items(text, paragraph.start, paragraph.end))
            if clauses and _deploys(text, paragraphs, clauses[0].start, clauses, strict=True):
                lists.append(_closed(text, clauses, paragraphs))
    return lists


def _runs(text: str, free: list[_Paragraph], paragraphs: list[_Paragraph]) -> list[list[_Paragraph]]:
    """Free paragraphs grouped into runs of neighbours; a paragraph that opens a new passage (会议要求，…;
    县长强调，…) starts a run of its own."""
    runs: list[list[_Paragraph]] = []
    for paragraph in free:
        index = paragraphs.index(paragraph)
        opens = passage_opening().match(text[paragraph.start : paragraph.end]) is not None
        if runs and paragraphs.index(runs[-1][-1]) == index - 1 and not opens:
            runs[-1].append(paragraph)
        else:
            runs.append([paragraph])
    return runs


def _closed(text: str, items: list[Item], paragraphs: list[_Paragraph], keep_generic: bool = False) -> list[Item]:
    """The last item closed before a byline or a new passage; attitudes (提高政治站位…) and, unless
    `keep_generic`, clauses that relay or exhort left out."""
    last = items[-1]
    items[-1] = Item(last.start, max(last.start, closed_end(text, last.start, last.end)), last.marker, None, last.position, last.rule)
    kept: list[Item] = []
    for item in items:
        if not keep_generic and mostly_attitude(text, item.start, item.end):
            continue
        if is_attitude(text, item.start, item.end):
            kept += _measures_after_attitude(text, item) if item.marker is None else []
        elif keep_generic or not only_exhortation(text, item.start, item.end):
            kept.append(item)
    return kept if len(kept) >= 2 else (kept if kept and len(items) > len(kept) else [])


def _measures_after_attitude(text: str, item: Item) -> list[Item]:
    """An unmarked item that opens on an attitude (牢固树立…理念，加快转变…，优化…。) keeps the measures it
    goes on to list: its verb-led comma clauses when the sentence is made of them (list_prose_clauses). A
    requirement (要提高政治站位，增强…) is one item: its attitude head leaves it out whole."""
    pieces = unmarked.prose_items(text, item.start, item.end)
    measures = [
        p for p in pieces if p.start > item.start and not is_attitude(text, p.start, p.end) and not is_generic(text, p.start, p.end)
    ]
    return _as_items(measures) if len(measures) >= 2 else []


def _fallback(text: str, paragraphs: list[_Paragraph], start: int, end: int) -> list[Item]:
    """Where no list was found: an enumeration of areas of work (pipeline.parse.lists.areas); else, in every
    paragraph whose lead-in deploys work and sets it in no year before a later paragraph's (2024年，…。/ 2025年，要…),
    the verb-led comma clauses of its sentences made (almost) only of them (list_prose_clauses), or its first
    sentence of short verb-led comma clauses (2021年，要加强…，加快…: list_comma_clauses); attitudes and clauses
    that relay or exhort are left out."""
    if areas := area_items(text, start, end):
        return _as_items(areas)
    passages: list[tuple[list[unmarked.Piece], str]] = []
    for number, paragraph in enumerate(paragraphs):
        if number and frames_a_plan(text[paragraphs[number - 1].start : paragraphs[number - 1].end]):
            continue  # CONVENTIONS 9.5: the 总体要求/总体目标 section frames the plan, it lists no task
        if pieces := unmarked.prose_items(text, paragraph.start, paragraph.end) or _comma_sentence(text, paragraph):
            passages.append((pieces, _lead(text, paragraphs, pieces[0].start)))
    earlier, found = in_earlier_years([lead for _, lead in passages]), []  # 2024年，…。/ 2025年，要…
    for (pieces, lead), reviews in zip(passages, earlier, strict=True):
        if not reviews and nearest_cue(lead) == DEPLOY:
            found += [p for p in pieces if not is_attitude(text, p.start, p.end) and not is_generic(text, p.start, p.end)]
    return _as_items(found)


def _comma_sentence(text: str, paragraph: _Paragraph) -> list[unmarked.Piece]:
    for sentence in re.finditer("[^。！？]+", text[paragraph.start : paragraph.end]):
        s, e = paragraph.start + sentence.start(), paragraph.start + sentence.end()
        if pieces := unmarked.comma_items(text, s, e, framed_first=True):
            return pieces
    return []


def _with_children(text: str, item: Item) -> Item:
    """An item with the list nested in it (marked, enumerated or comma clauses after its headline)."""
    inner = [c for c in find_chains(find_markers(text, item.start, item.end)) if c.start > item.start]
    if inner:
        chain = inner[0]
        paragraphs = _paragraphs(text, item.start, item.end)
        children = _chain_items(text, chain, paragraphs, item.end) if paragraphs else []
    else:
        colon = re.search("[：:]", text[item.start : item.end])
        after_colon = item.start + colon.end() if colon else item.end
        children = _as_items(unmarked.clause_items(text, after_colon, item.end)) if colon else []
        children = children or _as_items(named_tasks(text, item.start, item.end))
        if not children and _is_requirement(item):  # a requirement's measures before its enumerations
            measures = announced_measures(text, item.start, item.end, item.marker)
            enough = len(measures) >= shape("min_requirement_measures") or (len(measures) == 1 and headline_names_no_work(text, item.start, item.end))
            children = [_with_enumeration(text, child) for child in _as_items(measures)] if enough else []
        elif not children and item.rule in (unmarked.CLAUSES, MARKED) and not in_counted_list(text, item.start):
            measures = announced_measures(text, item.start, item.end, None)  # a heading and 3+ measures
            children = _as_items(measures) if len(measures) >= shape("min_heading_measures") else []
        children = children or _as_items(enumerations.enumeration_items(text, item.start, item.end))
        children = children or _as_items(nested_areas(text, item.start, item.end))
        children = children or _as_items(comma_measures(text, item.start, item.end))
    children = [
        child
        for child in children
        if title_of(text, child) and not is_generic(text, child.start, child.end) and not is_attitude(text, child.start, child.end)
    ]
    if len(children) == 1 and headline_names_no_work(text, item.start, item.end):
        (child,) = children  # 要始终坚持把…思想作为…，精准聚焦…着力点，一体推进A、B、C建设: the one measure is the task
        return replace(item, start=child.start, end=child.end, children=child.children)
    if len(children) < 2:
        return item
    return replace(item, children=children)


def _with_enumeration(text: str, item: Item) -> Item:
    """A requirement's measure with the parts it enumerates (一体推进A、B、C“三个体系”建设: A, B, C)."""
    parts = _as_items(enumerations.enumeration_items(text, item.start, item.end))
    return replace(item, children=parts) if len(parts) >= 2 else item


def _is_requirement(item: Item) -> bool:
    """An item printed as a requirement: led by a modal (要…) or marked as one (一要…, 二要…)."""
    return is_requirement_marker(item.marker)


def marked_children(text: str, start: int, end: int) -> list[Item]:
    """The items of a marked list that starts inside text[start:end] (not at its start), when it has two or more."""
    inner = [c for c in find_chains(find_markers(text, start, end)) if c.start > start]
    paragraphs = _paragraphs(text, start, end)
    children = _chain_items(text, inner[0], paragraphs, end) if inner and paragraphs else []
    children = [child for child in children if title_of(text, child) and not is_generic(text, child.start, child.end)]
    return children if len(children) >= 2 else []


def read_lists(text: str, start: int = 0, end: int | None = None) -> list[Item]:
    """The items of every list in text[start:end] that sets out coming work, in text order (see module doc)."""
    end = len(text) if end is None else end
    paragraphs = _paragraphs(text, start, end)
    marked, covered = _marked_lists(text, paragraphs, start, end)
    notice = site_notice()
    lists = [[i for i in found if not notice.search(text, i.start, i.end)] for found in marked + _unmarked_lists(text, paragraphs, covered)]
    lists = without_restatements(text, [found for found in lists if found], lambda item: title_of(text, item))
    if not lists:  # lists of attitudes alone, left out whole, leave the text to the fallback
        fallback = _fallback(text, paragraphs, start, end)
        lists = [fallback] if fallback else []
    items = sorted((i for found in lists for i in found if _has_words(text, i) and not other_sectors_part(text, i.start)), key=lambda i: i.start)
    return [_with_children(text, item) for item in _first_copies(text, items)]


def _has_words(text: str, item: Item) -> bool:
    """Whether an item holds words of work: not empty, nor only a modal where the copy stops (七是要<end>)."""
    words = text[item.start : item.end].strip(" \t\u3000。；;，,：:\n")
    return bool(title_of(text, item)) and words not in rules()["directive"]["modals"]


def _first_copies(text: str, items: list[Item]) -> list[Item]:
    """Items in text order, each words only once: a page that prints a passage twice lists its items once."""
    seen: set[str] = set()
    kept = []
    for item in items:
        words = text[item.start : item.end].strip(" \t\u3000。；;，,\n")
        if words not in seen:
            kept.append(item)
        seen.add(words)
    return kept


def reviews_past_work(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a list (its items' spans, the first from its marker) reviews past work: the nearest cue of its
    lead-in is one of review (会议总结回顾了2023年工作。一是…) and most of its items read as results."""
    paragraphs = _paragraphs(text, 0, len(text))
    if nearest_cue(_lead(text, paragraphs, spans[0][0])) != REVIEW:
        return False
    return 2 * sum(reads_as_results(text[s:e]) for s, e in spans) > len(spans)
