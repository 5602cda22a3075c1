"""A leader's speech printed as a transcript: the health work meeting it was given at, held now, in first person.

Many health work plans are published as the speech a leader gave at the year's work meeting, not as a news report of
it: a title (在2007年全县卫生工作会议上的讲话, or …会议上的讲话 without 在, or none), a salutation (同志们：, 各位代表、
同志们：), then the speaker's own words: 今天，我们在这里召开…会议 / 这次会议的主要任务是…安排部署今年工作 /
下面，我讲几点意见. No sentence reports the meeting held (…会议在…召开), so the meeting readers find none. A text is
read as a speech transcript when all three hold, each a list of cue words ([speech] in pipeline/data/meetings.toml):

* it is printed as a speech: a salutation line in its head, or a first line naming a speech given at a meeting;
* the speaker holds the meeting now, in first person (这次会议, 本次会议, 今天…召开, 我们…召开, 齐聚一堂): the
  sentence that does is the speech's occasion;
* the speech deploys work (部署, 安排…工作, 讲几点意见, 提几点要求, 重点抓好): a speech that only reviews or praises
  deploys none and stays what the other readers make of it.

The meeting's name is the one the title names (在…会议上的讲话), else the one the occasion's sentence names
(召开2007年区卫生工作会议); its level and region from its name (全县, 区, 省, a region's name: [mention.area_levels]
of the fallback reader), its work year the year the name prints. A name that gives no level (2024年卫生与健康大会)
gives no meeting. The speaker is not guessed (the title's speaker is read by speech_titles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.parse.conference.common import (
    ARABIC_YEAR,
    YEAR,
    area_level_and_region,
    lexicon,
    numeral_value,
    sentence_end,
    sentence_start,
)
from pipeline.text.work_years import DEPLOYED, REVIEWED, year_stance

SPEECH_FLAG = "meeting_from_speech"
NAME_FROM_WORK = "meeting_name_from_deployed_work"
YEAR_AFTER_REVIEWED = "work_year_after_reviewed_year"
SPEECH_WITHOUT_PLAN = "speech_without_plan"  # a text left `other` that is printed as a speech (documents.flag)


@dataclass(frozen=True)
class SpeechMeeting:
    """The meeting a speech transcript was given at: its name as printed, where, level, region and year."""

    name: str
    start: int
    end: int
    level: str
    region_code: str | None
    work_year: int | None
    flags: tuple[str, ...] = (SPEECH_FLAG,)


@cache
def _rules() -> dict[str, Any]:
    return lexicon()["speech"]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    rules = _rules()
    return {
        "salutation": re.compile(rules["salutation"], re.MULTILINE),
        "title": re.compile(rules["title"]),
        "first_person": re.compile(rules["first_person"]),
        "now": re.compile("|".join(f"(?:{p})" for p in rules["held_now"])),
        "deploys": re.compile("|".join(f"(?:{p})" for p in rules["deploys"])),
        "named": re.compile(rules["named_meeting"]),
        "work": re.compile(rules["deployed_work"]),
        "printed_year": re.compile(rf"({YEAR})年"),
    }


def is_speech_transcript(text: str) -> bool:
    """Whether the text is printed as a speech: a salutation line or a line naming a speech in its head, or the speaker
    holding the meeting in first person in its body (今天，我们在这里召开…会议)."""
    head = text[: _rules()["head_chars"]]
    if _patterns()["salutation"].search(head) is not None or _title(text) is not None:
        return True
    return _patterns()["first_person"].search(text, 0, _rules()["body_chars"]) is not None


def _title(text: str) -> re.Match[str] | None:
    """The speech a line of the head names (在2010年全县卫生工作会议上的讲话; 县卫生工作会议上的讲话)."""
    for line in re.finditer("[^\n]+", text[: _rules()["head_chars"]]):
        if found := _patterns()["title"].search(text, line.start(), line.end()):
            return found
    return None


def _occasion(text: str) -> re.Match[str] | None:
    """The first sentence of the head in which the speaker holds the meeting now (今天，我们在这里召开…; 这次会议…)."""
    return _patterns()["now"].search(text, 0, _rules()["body_chars"])


def speech_meeting(text: str) -> SpeechMeeting | None:
    """The health work meeting a speech transcript was given at, held now and deploying work; None otherwise."""
    if not is_speech_transcript(text) or (occasion := _occasion(text)) is None:
        return None
    start = sentence_start(text, occasion.start())
    if not _patterns()["deploys"].search(text, start, _rules()["body_chars"]):
        return None  # a speech that only reviews, praises or welcomes
    end = sentence_end(text, start)
    flags = (SPEECH_FLAG,)
    named = _title(text) or _patterns()["named"].search(text, start, end)
    if named is None and (named := _patterns()["work"].search(text, start, end)) is not None:
        flags = (SPEECH_FLAG, NAME_FROM_WORK)  # 这次会议…部署2022年全市卫生健康工作: the meeting of that work
    if named is None or not re.search(_rules()["health_fields"], named.group("name")):
        return None  # a speech at a meeting that is no health meeting
    name = named.group("name") + ("会议" if NAME_FROM_WORK in flags else "")
    level, region_code = _level_and_region(name, text)
    if level is None:
        return None
    year = ARABIC_YEAR.search(name)
    work_year, reviewed = (int(year.group(1)), False) if year else _body_year(text, start)
    flags = (*flags, YEAR_AFTER_REVIEWED) if reviewed else flags
    return SpeechMeeting(
        name=name,
        start=named.start("name"),
        end=named.end("name"),
        level=level,
        region_code=region_code,
        work_year=work_year,
        flags=flags,
    )


def _body_year(text: str, after: int) -> tuple[int | None, bool]:
    """(the work year the first year printed from `after` (the occasion's sentence) on sets, whether it is the year
    after a year reviewed): the year after it when the text reviews it (总结2011年工作; 二零零八年，是我县…极不平凡的
    一年), the year itself when it sets out work (部署2012年工作; 今年, 要): work_years.year_stance with its clause and
    sentence; (None, False) when neither."""
    found = _patterns()["printed_year"].search(text, after, _rules()["body_chars"])
    if found is None or (value := numeral_value(found.group(1))) is None:
        return None, False
    stance = year_stance(text, found.start(), found.end(), wider=True)
    if stance == REVIEWED:
        return value + 1, True
    return (value, False) if stance == DEPLOYED else (None, False)


def _level_and_region(name: str, context: str) -> tuple[str | None, str | None]:
    """The level and region of a meeting's name: those of the area it opens on after its year, up to its field or a
    year (西吉县2020年…, 湖南省长沙市卫生…, 全县爱国卫生…: common.area_level_and_region, as the fallback reader)."""
    bare = re.sub(r"^(?:19|20)\d{2}年度?", "", name)
    area = re.split(rf"(?:19|20)\d{{2}}年|{_rules()['health_fields']}", bare, maxsplit=1)[0]
    return area_level_and_region(area, context) if area else (None, None)
