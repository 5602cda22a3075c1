"""A speech's title: the speaker and the meeting it was given at, and the date printed after it.

A speech or work report printed in full opens with a line that names it: 省卫生健康委主任王五在2024年全省卫生健康工作
会议上的讲话（2024年1月5日）, often after the speech's own title and a dash (…新局面——卫生部部长陈竺在…上的工作报告).
The official before 在 (or before a colon right before it: 王五：在…上的讲话) gave the speech, in the role its words name (上的讲话: speech, 上的工作报告: work_report), and a
date printed right after the words is the meeting's. Lexicon: pipeline/data/meetings.toml [meeting]
speech_title_words, speech_title_roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pipeline.parse.conference.common import alternation, lexicon
from pipeline.parse.conference.meeting_dates import MeetingDate, last_date
from pipeline.parse.conference.officials import officials_before
from pipeline.parse.conference.types import Official

_DATE_CHARS = 16  # a date printed right after the title's words: （2010年1月5日）
_SEPARATORS = "—―－- 　"  # the speech's own title ends at a dash or a space before the speaker
_SPEAKER_COLONS = "：:"  # or the speaker is printed first, then a colon (王五：在…会议上的讲话)


@dataclass(frozen=True)
class SpeechTitle:
    """The speech a text's first line names: the meeting's name as printed, the speaker(s), the date printed."""

    meeting: str
    speakers: tuple[Official, ...]
    meeting_date: MeetingDate | None


@cache
def _title() -> re.Pattern[str]:
    words = alternation(list(lexicon()["meeting"]["speech_title_roles"]))
    nouns = alternation(lexicon()["shape"]["nouns"])
    return re.compile(rf"在(?P<meeting>[^，。；！？\n在]{{2,40}}?(?:{nouns}))(?P<words>{words})")


def speech_title(text: str) -> SpeechTitle | None:
    """The speech the first line names (…主任王五在…会议上的讲话), None when it names none."""
    first_line_end = text.find("\n") if "\n" in text else len(text)
    found = _title().search(text, 0, first_line_end)
    if found is None:
        return None
    at = found.start()
    lead = max(text.rfind(char, 0, at) for char in _SEPARATORS) + 1
    role = lexicon()["meeting"]["speech_title_roles"][found.group("words")]
    speakers = [
        replace(o, start=o.start + lead, end=o.end + lead) for o in officials_before(text[lead:], at - lead, role)
    ]
    if not speakers and at > lead and text[at - 1] in _SPEAKER_COLONS:  # 王五：在全区…大会上的讲话
        labels = lexicon()["meeting"]["speech_title_labels"]
        speakers = [o for o in officials_before(text, at - 1, role) if o.title or o.name not in labels]
    printed = last_date(text[found.end() : found.end() + _DATE_CHARS])
    return SpeechTitle(found.group("meeting"), tuple(speakers), printed)
