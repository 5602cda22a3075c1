"""An item whose headline sentence is a double headline (two short verb-led comma clauses: 二要不断提升公共卫生服务能力，
推进健康城市建设。) and whose next sentence, the item's last (ending at its ；, or its 。), lists three or more verb-led
comma measures has each measure as a depth-2 task, under any marker and with the items in one paragraph; with two
measures the item is one run-on task; a long first sentence, a framing or attitude clause, or a first clause with no
directive verb makes no double headline. A comma clause of nouns after a 、 (…的系统性、整体性、协同性) is no measure.
Sentences written for these tests; extraction only (pipeline.parse.lists.measures)."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.lists.joins import joined_spans
from pipeline.parse.lists.measures import headline_sentence_measures, is_headline
from pipeline.text.clean import clean_text

_MEETING = "4月2日，2024年全县卫生健康工作会议召开。县卫生健康局局长李某作工作报告。\n"


def _tree(body: str) -> list[tuple[str, list[str]]]:
    text = clean_text(_MEETING + body).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    for task in plan["tasks"] + [c for t in plan["tasks"] for c in t["children"]]:
        assert text[task["start"] : task["end"]] == task["text"]
    return [(t["text"][:6], [c["text"] for c in t["children"]]) for t in plan["tasks"]]


def test_requirements_in_one_sentence_of_items_keep_their_measures() -> None:
    """Items printed in one sentence, separated by ；(一要…。A，B，C，D；二要…。E，F，G；三要…), are a list of headlines
    with the measures that carry each out: one task each (measures.among_items; the read keys keep such items whole,
    their measures 'not keyed separately'). The same items printed as sentences of their own keep their measures
    (test_double_headlines_of_any_marker_give_their_measures)."""
    body = (
        "会议强调，做好今年工作责任重大。一要筑牢疾病防控屏障，健全公共卫生体系。健全传染病监测预警体系，"
        "推进疾控机构标准化建设，加强重点人群免疫接种，做好突发事件卫生应急处置；二要持续深化医改，提升基层服务水平。"
        "推进紧密型县域医共体建设，完善村医养老保障政策，扩大家庭医生签约服务覆盖面；三要加快中医药发展。"
        "建设县中医医院重点专科，推广中医药适宜技术，培养基层中医药人才。"
    )
    assert [(head, kids) for head, kids in _tree(body)] == [("筑牢疾病防控", []), ("持续深化医改", []), ("加快中医药发", [])]
    one_by_one = body.replace("；二要", "。二要").replace("；三要", "。三要")
    assert [len(kids) for _, kids in _tree(one_by_one)] == [4, 3, 3]


@pytest.mark.parametrize(
    "body",
    [
        # numbered points on lines of their own
        "会议部署了2024年重点工作。\n一是着力强化人才支撑，夯实卫生健康发展根基。实施卫生人才引进计划，加强住院医师规范化"
        "培训，完善卫生人才评价机制。\n二是加快补齐短板，提升医疗服务能力。推进县医院能力提升工程，建设胸痛中心和卒中中心，"
        "开展远程会诊服务。",
        # parenthesised numbers, 。 after the measures
        "局长要求：（一）全面推进健康县城建设，深入开展爱国卫生运动。开展城乡环境卫生整治，推进农村改厕，"
        "加强病媒生物防制。（二）扎实做好妇幼健康工作，保障母婴安全。实施出生缺陷综合防治，开展两癌免费筛查，"
        "落实孕产妇风险评估制度。",
    ],
)
def test_double_headlines_of_any_marker_give_their_measures(body: str) -> None:
    tree = _tree(body)
    assert [len(kids) for _, kids in tree] == [3, 3]
    assert all(kid[:2] in ("实施", "加强", "完善", "推进", "建设", "开展", "落实") for _, kids in tree for kid in kids)


def test_a_double_headline_with_two_measures_is_one_run_on_task() -> None:
    body = (
        "会议强调，一要巩固基层网底，推进优质资源下沉。完善乡村一体化管理，提高村医待遇；"
        "二要强化人才支撑，优化人才结构。实施人才引进计划，加强规范化培训。"
    )
    assert [kids for _, kids in _tree(body)] == [[], []]


@pytest.mark.parametrize(
    "headline",
    [
        "不断提升公共卫生服务能力，推进健康城市建设",
        "持续深化医药卫生体制改革，着力提高医疗服务水平",
        "巩固基层网底，强化人才支撑",
    ],
)
def test_two_short_verb_led_clauses_are_a_headline(headline: str) -> None:
    assert is_headline(headline, 0, len(headline))


@pytest.mark.parametrize(
    "words",
    [
        "坚持以人民健康为中心，推进健康城市建设",  # a stance
        "坚持以新时代党的卫生与健康工作方针为指导，推进健康城市建设",  # framing
        "提高政治站位，推进健康城市建设",  # an attitude
        "今年全县卫生系统任务繁重，推进健康城市建设",  # no directive verb first
        "持续深化医药卫生体制改革和公立医院综合改革，着力提高县乡村三级医疗卫生服务水平和群众满意度",  # too long
        "巩固基层网底，强化人才支撑，推进优质资源下沉",  # three clauses: run-on prose
    ],
)
def test_other_first_sentences_are_no_headline(words: str) -> None:
    assert not is_headline(words, 0, len(words))


def test_a_sentence_of_reasons_after_a_double_headline_gives_no_measures() -> None:
    text = "不断提升公共卫生服务能力，推进健康城市建设。这关系到千家万户的健康，关系到社会和谐稳定，关系到发展大局；"
    assert headline_sentence_measures(text, 0, len(text)) == []


def test_nouns_after_a_comma_list_mark_are_no_measure() -> None:
    text = "提高医疗、医药、医保联动改革的系统性、整体性、协同性"
    assert joined_spans(text, 0, len(text)) == [(0, len(text))]
    text = "积极推进公立医院改革、逐步完善分级诊疗制度"
    assert [text[s:e] for s, e in joined_spans(text, 0, len(text))] == ["积极推进公立医院改革", "逐步完善分级诊疗制度"]
