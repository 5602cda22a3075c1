"""Paragraph roles in a conference report and the meeting-level sections (review, requirements).

A paragraph opening with "<subject><adverbs><verb>" (会议指出, 会议还指出, 此次会议着重强调,
会议作了要求) starts a passage. It is the review when the verb reviews (指出, 认为, 肯定…) and the
passage is about the past (it names an earlier year than the work year, or, naming none, speaks
of what was achieved); the requirements when the verb requires (要求, 号召); otherwise it frames
the key tasks. A passage runs over the following paragraphs up to the next opening, the closing
paragraph on who attended, or the end of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.parse.conference.common import Paragraph, alternation, compiled, lexicon
from pipeline.parse.conference.types import REQUIREMENTS, REVIEW, Section

FRAME = "frame"
CLOSING = "closing"
PLAIN = "plain"
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(\d{4})年")
_CHAIN_START = re.compile(r"一[是要]|[（(]一[）)]")


@dataclass(frozen=True)
class Layout:
    """The role of every paragraph (frame, review, requirements, closing or plain)."""

    paragraphs: list[Paragraph]
    kinds: list[str]

    def passage_end(self, index: int) -> int:
        """Index (exclusive) of the paragraph that ends the passage opened at `index`."""
        end = index + 1
        while end < len(self.paragraphs) and self.kinds[end] == PLAIN:
            end += 1
        return end


@cache
def _opening() -> re.Pattern[str]:
    cfg = lexicon()["sections"]
    verbs = cfg["framing_verbs"] + cfg["review_verbs"] + cfg["requirement_verbs"]
    return re.compile(
        rf"^(?:{alternation(cfg['subjects'])})(?:{alternation(cfg['adverbs'])})*(?P<verb>{alternation(verbs)})"
    )


def opening_verb(paragraph: str) -> str | None:
    """The verb of a passage opening (会议还指出 → 指出), None if the paragraph opens none."""
    match = _opening().match(paragraph)
    return match.group("verb") if match else None


def classify(paragraphs: list[Paragraph], work_year: int | None, meeting_index: int) -> Layout:
    """Give every paragraph its role."""
    kinds = [_kind(p, work_year, meeting_index) for p in paragraphs]
    return Layout(paragraphs, kinds)


def _kind(paragraph: Paragraph, work_year: int | None, meeting_index: int) -> str:
    cfg = lexicon()["sections"]
    verb = opening_verb(paragraph.text)
    if verb is None:
        closing = paragraph.index > meeting_index and any(compiled(p).search(paragraph.text) for p in cfg["closing"])
        return CLOSING if closing else PLAIN
    if verb in cfg["requirement_verbs"]:
        return REQUIREMENTS
    if verb in cfg["review_only_verbs"] or (verb in cfg["review_verbs"] and _is_past(paragraph.text, work_year)):
        return REVIEW
    return FRAME


def _is_past(text: str, work_year: int | None) -> bool:
    """Whether a passage reviews the past: an earlier year first, or no year and words of results."""
    year = _YEAR_IN_TEXT.search(text)
    if year is not None and work_year is not None:
        return int(year.group(1)) < work_year
    if _CHAIN_START.search(text):
        return False
    return any(cue in text for cue in lexicon()["sections"]["past_cues"])


def sections(layout: Layout) -> list[Section]:
    """The review and requirements passages, in text order."""
    found: list[Section] = []
    for index, kind in enumerate(layout.kinds):
        if kind in (REVIEW, REQUIREMENTS):
            last = layout.paragraphs[layout.passage_end(index) - 1]
            found.append(Section(kind, layout.paragraphs[index].start, last.end))
    return found
