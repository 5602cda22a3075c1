"""One list of the words that hold 要 without leading a requirement (lists.toml [directive] yao_words), used by
every reader of the directive mood: the meeting gate, the work year, the reported figures' commitment cue and the
list reader's modal opener. Sentences written for the purpose, one per word family, and the negatives."""

from __future__ import annotations

import re

import pytest

from pipeline.documents.gates import reports_no_work
from pipeline.parse.lists.rules import is_modal_word
from pipeline.text.modal import expand, yao_pattern, yao_words
from pipeline.text.reported.stance import rules as stance_rules
from pipeline.text.work_years import DEPLOYED, directive_year, year_stance

# One sentence per family: a document (纲要, 摘要, 提要, 概要), a main or important thing (主要, 重要, 首要, 紧要),
# a need or condition (需要, 必要, 只要), a part (要素, 要点, 要件), a report (要闻, 简要, 扼要).
NOUN_SENTENCES = [
    "会议学习了全省卫生健康事业发展规划纲要。",
    "会上印发了上级会议精神摘要。",
    "会议宣读了文件提要和内容概要。",
    "会议通报了全县卫生工作的主要情况。",
    "会议认为这次会议十分重要，首要的是紧要关头的担当。",
    "会议介绍了群众就医需要，认为这项改革是必要的，只要条件具备即可推广。",
    "会议分析了医疗资源要素配置和工作要点，审核了申报要件。",
    "会议播放了卫生要闻，简要通报了情况，言简意赅，提纲扼要。",
]


@pytest.mark.parametrize("sentence", NOUN_SENTENCES)
def test_a_word_that_holds_yao_is_no_directive_mood(sentence: str) -> None:
    assert reports_no_work(f"某县卫生健康局召开专题会议。{sentence}会议对下半年工作进行了部署。")


@pytest.mark.parametrize(
    "sentence",
    [
        "会议要求，各单位要加强院感防控。",  # 要 of the mood
        "会议要求各单位加强院感防控。",  # 要求 with what is required after it
        "会议提出要求：全面加强院感防控。",
        "下一步，将推进紧密型医共体建设。",  # 将 of the future
        "财政要加大对基层医疗机构的投入。",  # 财政|要: no 政要
        "各地要务实推进家庭医生签约服务。",  # 要|务实: no 要务
    ],
)
def test_the_mood_is_still_read(sentence: str) -> None:
    assert not reports_no_work(f"某县卫生健康局召开专题会议。{sentence}")


def test_jianglai_is_not_the_future() -> None:
    assert reports_no_work("某县卫生健康局召开专题会议。会议认为，卫生事业将来大有可为。会议对下半年工作进行了部署。")
    # 要求 with nothing required after it only names the demand
    assert reports_no_work("某县卫生健康局召开专题会议。会议提出了具体要求。")


def test_every_word_is_blocked_and_the_modal_is_not() -> None:
    yao = re.compile(yao_pattern())
    for word in yao_words():
        assert len(word) == 2 and "要" in word
        assert yao.search(word) is None, word
    for sentence in ("要加强", "各级医疗机构要落实", "今年要完成", "也要抓好"):
        assert yao.search(sentence), sentence
    assert expand("{YAO}|将") == f"{yao_pattern()}|将"


@pytest.mark.parametrize("word", ["纲要", "摘要", "主要", "重要", "需要", "要素", "要点", "要求"])
def test_the_list_reader_opens_no_item_on_the_word(word: str) -> None:
    text = f"一是{word}"
    assert is_modal_word(text, 2 + word.index("要"))
    assert not is_modal_word("一是要加强", 3)


@pytest.mark.parametrize(
    "text",
    ["2023年卫生健康工作摘要印发各单位。", "2023年卫生健康工作简要情况印发各单位。", "2023年全县医疗要素配置清单印发。"],
)
def test_a_year_before_a_noun_of_yao_is_not_deployed(text: str) -> None:
    assert directive_year(text) is None
    assert year_stance(text, 0, 5, wider=True) != DEPLOYED


def test_a_year_before_the_mood_is_deployed() -> None:
    text = "2023年全县卫生健康系统要加强院感防控。"
    assert directive_year(text) == 2023
    assert year_stance(text, 0, 5, wider=True) == DEPLOYED


def _cues(text: str) -> list[str]:
    return [m.group("cue") for m in stance_rules().commitment.finditer(text) if m.group("cue")]


def test_commitment_cues() -> None:
    assert _cues("按照规划纲要，主要指标的概要如下") == []
    assert _cues("简要来说，只要投入到位") == []
    assert _cues("要求覆盖率达到90%") == ["要"]  # a quantity required commits
    assert _cues("要确保覆盖率达到90%") == ["要", "确保"]
