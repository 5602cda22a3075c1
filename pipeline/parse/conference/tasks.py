"""Key tasks of a conference report, found from the report's structure rather than its markers alone.

A zone is a framing paragraph (会议强调, 会议指出, 此次会议着重强调… not the review or the
requirements) with the paragraphs that follow it up to the next passage. Three segmentations of a
zone compete:

* numbered: paragraphs that are only a number (1, 2, 3… — WeChat reposts); a task runs over its
  heading and item lines up to the editor's commentary;
* inline: a chain of markers 1..n at sentence starts (一是…十是, 一要…三是, （一）…, 1、…);
* paragraph: every paragraph after the frame is one task, whatever its marker (garbled texts).

The one matching the announced count wins; else numbered, then inline unless most marker-led
paragraphs are not part of the chain. A chain confined to one paragraph among several marker-led
paragraphs is a list nested inside one task, never the task list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline.parse.conference.common import Paragraph, compiled, lexicon, lstrip_span, rstrip_span
from pipeline.parse.conference.markers import (
    Marker,
    bare_number,
    chains,
    inline_markers,
    leading_marker,
    opens_inner_list,
)
from pipeline.parse.conference.titles import heading_title, task_title
from pipeline.parse.conference.types import MALFORMED, MISMATCH, MISSING, Commentary, ReportedTask

_LEADING_PUNCTUATION = "，、：；。 "
_TRAILING_JOINERS = "，、"
_MIN_NESTING_PARAGRAPHS = 3
_MIN_PARAGRAPH_TASKS = 2


@dataclass(frozen=True)
class Zone:
    """A framing paragraph and the paragraphs that follow it in the same passage."""

    frame: Paragraph
    body: list[Paragraph]

    @property
    def end(self) -> int:
        return (self.body[-1] if self.body else self.frame).end


@dataclass
class Segmentation:
    """Tasks (and commentary) found in one zone by one method."""

    mode: str
    tasks: list[ReportedTask] = field(default_factory=list)
    commentary: list[Commentary] = field(default_factory=list)
    marker_starts: set[int] = field(default_factory=set)


def segment_tasks(text: str, zones: list[Zone], announced: int | None) -> Segmentation | None:
    """The best segmentation over all zones: the announced count, else the most tasks (earliest)."""
    results = [s for zone in zones if (s := _segment_zone(text, zone, announced)) and s.tasks]
    if not results:
        return None
    if announced is not None:
        matching = [s for s in results if len(s.tasks) == announced]
        if matching:
            return matching[0]
    return max(results, key=lambda s: len(s.tasks))


def _segment_zone(text: str, zone: Zone, announced: int | None) -> Segmentation | None:
    numbered = _numbered(text, zone)
    inline = _inline(text, zone, announced)
    paragraph = _paragraph_mode(text, zone)
    if announced is not None:
        for candidate in (numbered, inline, paragraph):
            if candidate and len(candidate.tasks) == announced:
                return candidate
    if numbered:
        return numbered
    if inline and paragraph:
        return paragraph if _paragraphs_win(zone, inline) else inline
    return inline or paragraph


# --- inline chains --------------------------------------------------------------------------------


def _best_chain(text: str, zone: Zone, announced: int | None) -> list[Marker] | None:
    markers = inline_markers(text, zone.frame.start, zone.end)
    led = sum(1 for p in zone.body if leading_marker(p))
    candidates = [c for c in chains(markers) if not _is_nested(c, zone, led)]
    candidates = [c for c in candidates if not any(_is_inside(c, other, zone) for other in candidates)]
    if not candidates:
        return None
    if announced is not None:
        matching = [c for c in candidates if len(c) == announced]
        if matching:
            return matching[0]
    return max(candidates, key=len)


def _is_nested(chain: list[Marker], zone: Zone, marker_led: int) -> bool:
    """A chain inside one paragraph that sits among several marker-led paragraphs."""
    paragraph = _paragraph_of(zone, chain[0].start)
    confined = all(_paragraph_of(zone, m.start) is paragraph for m in chain)
    return confined and marker_led >= _MIN_NESTING_PARAGRAPHS


def _is_inside(chain: list[Marker], other: list[Marker], zone: Zone) -> bool:
    """Whether every marker of `chain` falls inside one task of the `other` chain (a sub-list)."""
    if chain is other:
        return False
    for index, marker in enumerate(other):
        end = other[index + 1].start if index + 1 < len(other) else _paragraph_of(zone, marker.start).end
        if all(marker.start < m.start < end for m in chain):
            return True
    return False


def _paragraph_of(zone: Zone, offset: int) -> Paragraph:
    return next(p for p in [zone.frame, *zone.body] if p.start <= offset <= p.end)


def _inline(text: str, zone: Zone, announced: int | None) -> Segmentation | None:
    chain = _best_chain(text, zone, announced)
    if chain is None:
        return None
    result = Segmentation("inline", marker_starts={m.start for m in chain})
    for ordinal, marker in enumerate(chain, start=1):
        following = chain[ordinal] if ordinal < len(chain) else None
        end = following.start if following else _paragraph_of(zone, marker.start).end
        start = lstrip_span(text, marker.end, end, _LEADING_PUNCTUATION)
        end = rstrip_span(text, start, end, _TRAILING_JOINERS)
        printed = text[marker.start : marker.end]
        result.tasks.append(_task(text, ordinal, printed, marker.value, None, start, end))
    return result


def _paragraphs_win(zone: Zone, inline: Segmentation) -> bool:
    """Whether most marker-led paragraphs of the zone are not led by a marker of the inline chain."""
    led = [p for p in zone.body if leading_marker(p)]
    in_chain = sum(1 for p in led if p.start in inline.marker_starts)
    outside = len(led) - in_chain
    return outside > in_chain or 2 * outside > len(zone.body)


# --- paragraph mode -------------------------------------------------------------------------------


def _paragraph_mode(text: str, zone: Zone) -> Segmentation | None:
    body = [p for p in zone.body if bare_number(p) is None]
    led = [p for p in body if leading_marker(p)]
    announces_list = zone.frame.text.rstrip().endswith("：")
    if len(body) < _MIN_PARAGRAPH_TASKS or not (2 * len(led) >= len(body) or announces_list):
        return None
    result = Segmentation("paragraph")
    for paragraph in body:
        if result.tasks and _is_commentary(paragraph.text, weak=False):
            result.commentary.append(Commentary(result.tasks[-1].ordinal, paragraph.start, paragraph.end))
            continue
        result.tasks.append(_paragraph_task(text, paragraph, len(result.tasks) + 1))
    return result


def _paragraph_task(text: str, paragraph: Paragraph, ordinal: int) -> ReportedTask:
    marker = leading_marker(paragraph)
    if marker is None or opens_inner_list(paragraph, marker):
        start = lstrip_span(text, paragraph.start, paragraph.end, _LEADING_PUNCTUATION)
        end = rstrip_span(text, start, paragraph.end)
        return _task(text, ordinal, None, None, MISSING, start, end)
    issue = None
    if marker.value != ordinal:
        issue = MISMATCH
    elif not marker.standard:
        issue = MALFORMED
    start = lstrip_span(text, marker.end, paragraph.end, _LEADING_PUNCTUATION)
    end = rstrip_span(text, start, paragraph.end)
    return _task(text, ordinal, marker.printed, marker.value, issue, start, end)


# --- numbered (WeChat) mode -----------------------------------------------------------------------


def _numbered(text: str, zone: Zone) -> Segmentation | None:
    numbers = [(i, v) for i, p in enumerate(zone.body) if (v := bare_number(p)) is not None]
    run: list[int] = []
    for index, value in numbers:
        if value == len(run) + 1:
            run.append(index)
    if len(run) < 2:
        return None
    result = Segmentation("numbered")
    for ordinal, index in enumerate(run, start=1):
        stop = run[ordinal] if ordinal < len(run) else len(zone.body)
        block = zone.body[index + 1 : stop]
        if block:
            _numbered_task(text, zone.body[index], block, ordinal, result)
    return result


def _numbered_task(text: str, number: Paragraph, block: list[Paragraph], ordinal: int, out: Segmentation) -> None:
    heading = _heading_lines(block)
    notes_from = next((i for i in range(heading, len(block)) if _is_commentary(block[i].text, weak=True)), len(block))
    kept = block[: max(notes_from, 1)]
    start, end = kept[0].start, rstrip_span(text, kept[0].start, kept[-1].end)
    title, title_start, title_end = heading_title(text, block[:heading])
    out.tasks.append(ReportedTask(ordinal, number.text, ordinal, None, title, start, end, title_start, title_end))
    if notes_from < len(block):
        out.commentary.append(Commentary(ordinal, block[notes_from].start, block[-1].end))


def _heading_lines(block: list[Paragraph]) -> int:
    """How many lines the heading of a numbered task takes (a heading broken over lines)."""
    cfg = lexicon()["tasks"]["headings"]
    count = 1
    while count < min(len(block), cfg["max_heading_lines"]):
        joined = "".join(p.text for p in block[:count])
        if not _continues(joined, block[count].text):
            break
        count += 1
    return count


def _continues(heading: str, following: str) -> bool:
    """Whether a heading so far (its lines joined) goes on in the following line."""
    cfg = lexicon()["tasks"]["headings"]
    if not heading or heading[-1] in "。！？；":
        return False
    if heading[-1] in cfg["continues_after"] or following[:1] in cfg["continues_before"]:
        return True
    if heading.count("“") > heading.count("”"):
        return True
    return any(heading.endswith(verb) for verb in cfg["dangling_verbs"])


# --- commentary and shared helpers ----------------------------------------------------------------


@cache
def _commentary_patterns(weak: bool) -> list[re.Pattern[str]]:
    cfg = lexicon()["tasks"]["commentary"]
    patterns = cfg["opening"] + (cfg["weak_opening"] + cfg["anywhere"] if weak else [])
    return [compiled(p) for p in patterns]


def _is_commentary(paragraph: str, weak: bool) -> bool:
    """Whether a paragraph is an editor's comparison with last year (weak: numbered blocks only)."""
    return any(p.search(paragraph) for p in _commentary_patterns(weak))


def _task(
    text: str, ordinal: int, marker: str | None, value: int | None, issue: str | None, start: int, end: int
) -> ReportedTask:
    title, title_start, title_end = task_title(text, start, end)
    return ReportedTask(ordinal, marker, value, issue, title, start, end, title_start, title_end)
