"""Titles of key tasks: the headline clause a task opens with.

A task's title is its first sentence (up to 。！？； or a nested list's marker) when that is
short; otherwise its clauses (split on ，) are taken until they make a headline of some length. A
marker of a list nested in the task (一要…二要…) is not part of the title. A WeChat heading broken
over lines is joined.
"""

from __future__ import annotations

from pipeline.parse.conference.common import Paragraph, compiled, lexicon, lstrip_span, rstrip_span
from pipeline.parse.conference.markers import inline_markers

_LEADING_PUNCTUATION = "，、：；。 "


def task_title(text: str, start: int, end: int) -> tuple[str, int, int]:
    """(title, title_start, title_end) of the task text[start:end]; text[title_start:title_end] == title."""
    cfg = lexicon()["tasks"]["titles"]
    title_start = _skip_inner_marker(text, start, end)
    sentence_end = min((i for c in cfg["sentence_ends"] if (i := text.find(c, title_start, end)) >= 0), default=end)
    nested = [m.start for m in inline_markers(text, title_start, sentence_end) if m.start > title_start]
    sentence_end = min([sentence_end, *nested])
    title_end = sentence_end
    if sentence_end - title_start > cfg["max_sentence_chars"]:
        title_end = _clauses_end(text, title_start, sentence_end)
    title_end = rstrip_span(text, title_start, title_end, cfg["trailing_punctuation"])
    return text[title_start:title_end], title_start, title_end


def _clauses_end(text: str, start: int, sentence_end: int) -> int:
    """End of the first clauses (split on ，) that together reach the minimum title length."""
    cfg = lexicon()["tasks"]["titles"]
    position = start
    while (comma := text.find(cfg["clause_separator"], position, sentence_end)) >= 0:
        if comma - start >= cfg["min_clause_chars"]:
            return comma
        position = comma + 1
    return sentence_end


def _skip_inner_marker(text: str, start: int, end: int) -> int:
    """Skip a marker of a nested list opening the task (一要认真贯彻… → 认真贯彻…)."""
    head = text[start:end]
    for pattern in lexicon()["tasks"]["paragraph"]["standard"]:
        match = compiled(pattern).match(head)
        if match:
            return lstrip_span(text, start + match.end(), end, _LEADING_PUNCTUATION)
    return start


def heading_title(text: str, lines: list[Paragraph]) -> tuple[str, int, int]:
    """(title, start, end) of a heading printed over several lines, joined without line breaks."""
    cfg = lexicon()["tasks"]["titles"]
    start = lines[0].start
    end = rstrip_span(text, start, lines[-1].end, cfg["trailing_punctuation"])
    title = text[start:end].replace("\n", "")
    if len(title) > cfg["max_sentence_chars"]:
        return task_title(text, lines[0].start, lines[0].end)
    return title, start, end
