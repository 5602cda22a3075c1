"""A word that only announces a list (以下, 如下, 分别为) after a review word of its sentence announces a review
(pipeline.parse.lists.rules.nearest_cue): sentences written for the test.

A speech's review part often reads 一年来，全县卫生工作取得了较好的成绩，主要有以下几个方面：一是…二是…: the items are
what was done. The same announcer after a deploying word of its sentence (今年要重点抓好以下工作：), or in a sentence of
its own after the review (…取得了成绩。今年的主要任务如下：), still deploys.
"""

from __future__ import annotations

import pytest

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.rules import DEPLOY, REVIEW, nearest_cue

_ITEMS = "一是加强公共卫生服务体系建设，完善疾病预防控制网络。二是推进基层医疗机构标准化建设。三是深化公立医院改革。"


@pytest.mark.parametrize(
    ("lead", "cue"),
    [
        ("2009年，全县卫生工作取得了较好的成绩，主要有以下几个方面特色。", REVIEW),
        ("一年来，全市卫生系统圆满完成了各项任务，具体如下：", REVIEW),
        ("回顾过去一年，我们的做法分别是：", REVIEW),
        ("去年全区卫生工作取得了显著成效。今年要重点抓好以下工作：", DEPLOY),
        ("在肯定成绩的同时，今年要着力抓好以下几项工作：", DEPLOY),
        ("过去一年成效明显。今年的主要任务如下：", DEPLOY),
        ("今年全省卫生健康工作的重点如下：", DEPLOY),
    ],
)
def test_an_announcer_takes_the_cue_of_its_sentence(lead: str, cue: str) -> None:
    assert nearest_cue(lead) == cue


def test_items_announced_after_a_review_word_are_no_list() -> None:
    assert read_lists("2009年，全县卫生工作取得了较好的成绩，主要有以下几个方面。" + _ITEMS) == []


def test_items_announced_after_a_deploying_word_are_read() -> None:
    text = "去年全县卫生工作取得了较好的成绩。今年要重点抓好以下几个方面。" + _ITEMS
    assert len(read_lists(text)) == 3
