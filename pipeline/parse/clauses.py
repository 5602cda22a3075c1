"""Tasks written inside one paragraph: 一是…二是… / 一要…二要… markers, or "；"-separated clauses.

Used where a text lists its tasks without numbered lines: a round-up item's paragraph, a conference
report whose requirements are "要…；要…；要…". Offsets are absolute offsets into the text.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.parse.lists.rules import shape
from pipeline.parse.statements import task
from pipeline.text.numbers import parse_number

_CN = "一二三四五六七八九十"
_KINDS = "|".join(map(re.escape, shape("inline_marker_words")))
_INLINE = re.compile(rf"(?:^|(?<=[。；，：\s]))(?P<n>[{_CN}]{{1,3}})(?P<kind>{_KINDS})")
MIN_CLAUSES = 2
MAX_TITLE = 40
_TITLE_END = re.compile("[，。；：]")


def _title(text: str, start: int, end: int) -> str:
    stop = _TITLE_END.search(text, start, end)
    title_end = min(stop.start() if stop else end, start + MAX_TITLE)
    return text[start:title_end].strip() or text[start:end].strip()[:MAX_TITLE]


def clause_task(text: str, ordinal: int, start: int, end: int) -> dict[str, Any]:
    """text[start:end] as a task whose title is its first clause."""
    return task(text, ordinal=ordinal, title=_title(text, start, end), start=start, end=end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t，、":
        start += 1
    while end > start and text[end - 1] in " \t；":
        end -= 1
    return start, end


def inline_marker_tasks(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Tasks opened by 一是 / 二是 … (or 一要 …) in text[start:end], when they run 1, 2, 3… from 一."""
    found = []
    for match in _INLINE.finditer(text, start, end):
        value = parse_number(match.group("n"))
        kind = found[0][1].group("kind") if found else match.group("kind")
        if value == len(found) + 1 and match.group("kind") == kind:
            found.append((int(value), match))
    if len(found) < MIN_CLAUSES:
        return []
    tasks = []
    for index, (_, match) in enumerate(found):
        stop = found[index + 1][1].start() if index + 1 < len(found) else end
        body_start, body_end = _strip(text, match.end(), stop)
        if body_start >= body_end:
            continue
        tasks.append(
            task(
                text,
                ordinal=len(tasks) + 1,
                title=_title(text, body_start, body_end),
                start=body_start,
                end=body_end,
                marker=match.group(),
            )
        )
    return tasks


def semicolon_tasks(text: str, start: int, end: int, *, lead: str | None = None) -> list[dict[str, Any]]:
    """ "；"-separated clauses of text[start:end] as tasks (each starting with `lead`, e.g. 要, when given)."""
    pieces = []
    offset = start
    for part in re.split("(；)", text[start:end]):
        if part != "；":
            piece_start, piece_end = _strip(text, offset, offset + len(part))
            if piece_start < piece_end:
                pieces.append((piece_start, piece_end))
        offset += len(part)
    if lead is not None:
        pieces = [(s, e) for s, e in pieces if text.startswith(lead, s)]
    if len(pieces) < MIN_CLAUSES:
        return []
    return [clause_task(text, number, s, e) for number, (s, e) in enumerate(pieces, start=1)]


def paragraph_tasks(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """The tasks a paragraph lists: inline markers first, else "；" clauses; [] when it lists none."""
    return inline_marker_tasks(text, start, end) or semicolon_tasks(text, start, end)
