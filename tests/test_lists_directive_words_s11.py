"""Directive words added to lists.toml [directive] (session 11): verbs 研究制定, 研究出台, 细化, 督促, 编发, 回应, 提醒 and
adverbs 提前, 及时 lead a measure; 研究 alone (研究部署…, the meeting's agenda) and words that only contain them do not.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.rules import directive_at


@pytest.mark.parametrize(
    "clause",
    ["提前谋划“十五五”卫生健康规划", "及时开展传染病风险评估", "督促各地加快项目进度", "研究制定年度工作计划",
     "研究出台基层人才激励办法", "细化分解年度任务", "编发工作简报", "回应群众关切", "提醒居民做好个人防护"],
    ids=["tiqian", "jishi", "duchu", "yanjiu-zhiding", "yanjiu-chutai", "xihua", "bianfa", "huiying", "tixing"],
)
def test_the_words_lead_a_measure(clause: str) -> None:
    lead = directive_at(clause, 0, len(clause))
    assert lead is not None and lead.start == 0


@pytest.mark.parametrize("clause", ["研究部署2025年工作", "研究了有关问题", "及时雨", "督导组"], ids=["bushu", "le", "yu", "dudao"])
def test_other_words_lead_none(clause: str) -> None:
    assert directive_at(clause, 0, len(clause)) is None


def test_a_requirement_with_the_words_has_its_measures() -> None:
    text = (
        "会议强调，全区卫生健康系统要提高站位。要聚焦重点任务，做好年度规划收官工作，"
        "提前谋划下一阶段发展规划，深入推进重点医疗项目建设，督促各单位落实责任。要强化协调联动，健全部门协同机制。\n"
    )
    items = read_lists(text)
    first = next(i for i in items if text.startswith("聚焦重点任务", i.start))
    assert [text[c.start : c.start + 4] for c in first.children] == ["做好年度", "提前谋划", "深入推进", "督促各单"]


def test_a_requirements_short_measures_with_the_words_are_its_children() -> None:
    text = (
        "他强调，全县上下要全面动员，落实属地责任。要加强返乡人员排查，做好宣传引导，提醒居民做好个人防护，督促企业落实防控措施，"
        "开展环境消杀。要做好信息发布，做好舆情引导，回应群众关切。\n"
    )
    items = read_lists(text)
    assert [text[c.start : c.start + 4] for c in items[1].children] == ["做好宣传", "提醒居民", "督促企业", "开展环境"]
    assert items[2].children == []  # a heading and two measures is one task
    # the same requirements in one sentence, separated by ；, are items among others: each one task (measures.among_items)
    joined = text.replace("责任。要", "责任；要").replace("消杀。要", "消杀；要")
    assert all(item.children == [] for item in read_lists(joined))
