"""Numbered outlines (一、 / （一） / 1. / （1） / ① / ⑴ / ㈠ / 1） / ——) as a task tree, nested to any depth.

Input is a cleaned text (one paragraph per line). Every line that opens with a list marker starts an
item; a marker style seen for the first time nests under the current item, a style already open
closes the deeper items and starts a sibling. Lines without a marker continue the current item.
Items become tasks (pipeline.parse.statements.task): the title is the item's heading (its first
clause, or the next line when the marker line is bare), the text runs from after the marker to the
end of its last line, children included. A printed number that disagrees with the item's position
is a marker_issue (mismatch); a line that names who answers for the item or by when (牵头单位：…, 完成时限：…;
lists.toml [outline]) ends the item's text, and plain lines after it continue nothing; a bare marker with no words at all is kept with the marker as its title
and flagged (empty_item) when it has children, and dropped when it has none. A top-level heading printed
a second time (a table of contents, then the body: 一、…七、 … 一、) ends the outline: the entries read so
far are the tasks, each ending at its own line (flag outline_table_of_contents).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.parse.statements import task
from pipeline.text.numbers import parse_number, series_value

_CN = "一二三四五六七八九十"
# (style, pattern): the marker, then its number in group "n" (none for bullets).
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn_dun", re.compile(rf"^(?P<n>[{_CN}]{{1,3}})[、．.]\s*")),
    ("cn_paren", re.compile(rf"^[（(](?P<n>[{_CN}]{{1,3}})[）)]\s*")),
    ("num_dot", re.compile(r"^(?P<n>\d{1,2})(?:[、．]|\.(?!\d))\s*")),
    ("num_paren", re.compile(r"^[（(](?P<n>\d{1,2})[）)]\s*")),
    ("circled", re.compile(r"^(?P<c>[①-⑳])\s*")),
    ("paren_char", re.compile(r"^(?P<c>[⑴-⒇])\s*")),
    ("paren_ideograph", re.compile(r"^(?P<c>[㈠-㈩])\s*")),
    ("num_half_paren", re.compile(r"^(?P<n>\d{1,2})[）)](?![\d%％])\s*")),
    ("dash", re.compile(r"^(?:——|—|－－|--)\s*")),
)
_CHAR_STYLES = ("circled", "paren_char", "paren_ideograph")
MAX_TITLE = 40
TABLE_OF_CONTENTS = "outline_table_of_contents"
MIN_CONTENTS_ITEMS = 2  # top-level entries a table of contents has before the body repeats its first heading
_TITLE_END = re.compile("[。；：！？]")


@dataclass
class _Item:
    style: str
    marker: str
    value: int | None
    line_start: int  # offset of the marker
    start: int  # offset after the marker
    end: int
    title_span: tuple[int, int] | None
    children: list[_Item] = field(default_factory=list)
    line_end: int = 0  # end of the item's own marker line


def marker_of(line: str) -> tuple[str, re.Match[str]] | None:
    """(style, match) of the list marker that opens a line, if any."""
    for style, pattern in MARKERS:
        match = pattern.match(line)
        if match:
            return style, match
    return None


@cache
def _annotation() -> re.Pattern[str]:
    """A line that opens with a responsibility or deadline head (牵头责任单位：, 完成时限:)."""
    heads = sorted(read_toml("lists.toml")["outline"]["annotation_heads"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, heads))})\s*[：:]")


def _value(style: str, match: re.Match[str]) -> int | None:
    if style in _CHAR_STYLES:  # one character of a series (①, ⑴, ㈠): its place in it
        return series_value(match.group("c"))
    if style == "dash":
        return None
    number = parse_number(match.group("n"))
    return int(number) if number is not None else None


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line in text[start:end], stripped."""
    out = []
    offset = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((offset + lead, offset + lead + len(stripped)))
        offset += len(raw) + 1
    return out


def _title_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The heading of an item: its first clause (up to 。；：), at most MAX_TITLE characters."""
    if start >= end:
        return None
    stop = _TITLE_END.search(text, start, end)
    title_end = stop.start() if stop else end
    if title_end - start > MAX_TITLE:
        comma = text.find("，", start, start + MAX_TITLE)
        title_end = comma if comma > start else start + MAX_TITLE
    return (start, title_end) if title_end > start else None


def parse_outline(text: str, start: int = 0, end: int | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """The task tree of the numbered outline in text[start:end], and plan-level flags."""
    end = len(text) if end is None else end
    roots: list[_Item] = []
    stack: list[_Item] = []
    annotated = False  # an annotation line closed the open items to plain lines
    for line_start, line_end in line_spans(text, start, end):
        found = marker_of(text[line_start:line_end])
        if found is None:
            annotated = annotated or bool(_annotation().match(text, line_start, line_end))
            if stack and not annotated:
                if stack[-1].title_span is None:  # a bare marker line: its heading is the next line
                    stack[-1].start = line_start
                    stack[-1].title_span = _title_span(text, line_start, line_end)
                for open_item in stack:
                    open_item.end = line_end
            continue
        style, match = found
        annotated = False
        body = line_start + match.end()
        item = _Item(style, match.group().strip(), _value(style, match), line_start, body, line_end, None)
        item.title_span = _title_span(text, body, line_end)
        item.line_end = line_end
        if not stack or style == roots[0].style:
            if _repeats_a_heading(text, roots, item):
                _close_as_contents(roots)  # the outline so far was a table of contents; the body repeats it
                contents_flags = [TABLE_OF_CONTENTS]
                return _tasks(text, roots, contents_flags), contents_flags
        open_styles = [open_item.style for open_item in stack]
        if style in open_styles:
            del stack[open_styles.index(style) :]
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
        for ancestor in stack[:-1]:
            ancestor.end = max(ancestor.end, line_end)
    flags: list[str] = []
    return _tasks(text, roots, flags), flags


def _heading(text: str, item: _Item) -> str | None:
    return text[item.title_span[0] : item.title_span[1]] if item.title_span else None


def _repeats_a_heading(text: str, roots: list[_Item], item: _Item) -> bool:
    """A top-level item whose heading an earlier top-level item already printed (一、推进医改 … 一、推进医改):
    the outline starts again, so what came before lists the headings only."""
    heading = _heading(text, item)
    return heading is not None and len(roots) >= MIN_CONTENTS_ITEMS and any(_heading(text, r) == heading for r in roots)


def _close_as_contents(items: list[_Item]) -> None:
    """Each entry of a table of contents is its own line (with its sub-entries): prose after the last entry
    (the body's opening) is not part of it."""
    for item in items:
        _close_as_contents(item.children)
        item.end = max([item.line_end, *(child.end for child in item.children)])


def _tasks(text: str, items: list[_Item], flags: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for position, item in enumerate(items, start=1):
        children = _tasks(text, item.children, flags)
        if item.title_span is None and not children:
            flags.append("empty_item_dropped")
            continue
        ordinal = len(out) + 1
        issue = "mismatch" if item.value is not None and item.value != position else None
        if item.title_span is not None:
            title, flag = text[item.title_span[0] : item.title_span[1]], None
        else:
            title, flag = item.marker, "empty_item"
        start = item.start if item.title_span is not None else item.line_start
        out.append(
            task(
                text,
                ordinal=ordinal,
                title=title,
                start=start,
                end=item.end,
                marker=item.marker,
                marker_issue=issue,
                flag=flag,
                children=children,
            )
        )
    return out
