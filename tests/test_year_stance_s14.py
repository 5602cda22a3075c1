"""One rule says whether a printed year is reviewed or deployed (pipeline.text.work_years.year_stance, words in
pipeline/data/work_years.toml [printed]): the deploy/announced/round-up readers' is_reviewed and the speech reader's
first year after its occasion (conference/speeches.py) agree on the same sentence. Every sentence is written for the
test.
"""

from __future__ import annotations

import re

import pytest

from pipeline.parse.conference.speeches import speech_meeting
from pipeline.text.clean import clean_text
from pipeline.text.work_years import DEPLOYED, REVIEWED, is_reviewed, year_stance

_SPEECH_HEAD = "县卫生工作会议上的讲话\n同志们：\n这次会议的主要任务是总结去年工作，安排部署今年工作。\n"
_PLAN_PART = "下面，我讲几点意见。一要加强基层医疗卫生服务能力建设；二要做好重大疾病防控；三要深化医药卫生体制改革。"


def _speech_year(body: str) -> tuple[int | None, bool]:
    meeting = speech_meeting(clean_text(_SPEECH_HEAD + body + _PLAN_PART).text)
    assert meeting is not None
    return meeting.work_year, "work_year_after_reviewed_year" in meeting.flags


def _span(text: str, year: str) -> tuple[int, int]:
    found = re.search(f"{year}年", text)
    assert found is not None
    return found.span()


@pytest.mark.parametrize(
    ("sentence", "year", "reviewed"),
    [
        # the year's own words review it: both callers pass over it
        ("会议回顾了2019年全县卫生健康工作。", 2019, True),
        ("2022年度全县卫生健康目标考核结果已经公布。", 2022, True),
        ("2016年以来，全县新建村卫生室42个。", 2016, True),
        ("局长总结了2020年工作。", 2020, True),
        ("2018年全县卫生工作取得新进展。", 2018, True),
        ("2013年是全市卫生事业极不平凡的一年。", 2013, True),
        ("2010年全区卫生系统圆满完成各项任务。", 2010, True),
        # its own words do not: both take it for the year it names
        ("2017年，全县要巩固国家卫生城市创建成果。", 2017, False),
        ("部署2025年重点任务，会议总结了去年工作。", 2025, False),
        ("2021年全县将新建三个社区卫生服务中心。", 2021, False),
    ],
)
def test_is_reviewed_and_the_speech_reader_agree(sentence: str, year: int, reviewed: bool) -> None:
    assert is_reviewed(sentence, *_span(sentence, str(year))) == reviewed
    assert _speech_year(sentence) == ((year + 1, True) if reviewed else (year, False))


@pytest.mark.parametrize(
    ("sentence", "year", "own_words", "wider"),
    [
        # the review word in the year's sentence, not in its own words: only the speech reader looks that far
        ("2019年，全县卫生工作取得了显著成效。", "2019", None, REVIEWED),
        ("2021年，全县卫生健康系统要重点抓好以下工作。", "2021", None, DEPLOYED),
        ("总结2011年工作，部署2012年工作。", "2011", REVIEWED, REVIEWED),  # the year's own words first
        ("2016年版的诊疗规范已经印发。", "2016", None, None),  # a year that is neither
    ],
)
def test_the_wider_reading_looks_at_the_clause_then_the_sentence(
    sentence: str, year: str, own_words: str | None, wider: str | None
) -> None:
    start, end = _span(sentence, year)
    assert year_stance(sentence, start, end) == own_words
    assert year_stance(sentence, start, end, wider=True) == wider
