"""Targets read the way the key conventions count them: the level a change goes to, not the one it starts from; no
count of someone else's list a measure belongs to; 高于 as ge; 家 before 乡镇 as a measure word; a quantity reported
as where things stand (目前…, 已按计划完成…) is no commitment; a sentence a page prints twice states its target once.
Every sentence here is written for the test.
"""

from __future__ import annotations

import re

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text
from pipeline.text.reported.stance import stance
from pipeline.text.targets.extract import extract_targets


def _read(sentence: str) -> list[tuple[float, str | None, str]]:
    return [(t.value, t.unit, t.comparator) for t in extract_targets(sentence)]


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        ("今年财政对居民医保的补助标准，将从每人每年450元提高到480元。", [(480.0, "元", "eq")]),
        ("人均基本公共卫生服务经费补助标准由50元提高至55元。", [(55.0, "元", "eq")]),
        ("孕产妇死亡率由12/10万降至10/10万以下。", [(10.0, "/10万", "le")]),
        ("门诊报销比例从50%提升到60%左右。", [(60.0, "%", "approx")]),
        ("补助标准提高到480元。", [(480.0, "元", "eq")]),  # no start level: nothing to drop
    ],
)
def test_the_level_a_change_starts_from_is_no_target(sentence: str, targets: list) -> None:
    assert _read(sentence) == targets


@pytest.mark.parametrize(
    "sentence",
    [
        "将县医院改扩建列入全省42项民生实事之一。",
        "儿童先心病筛查是今年10件惠民实事之一。",
        "该项目被列为全市八大重点工程之一。",
    ],
)
def test_the_count_of_a_list_a_measure_belongs_to_is_no_target(sentence: str) -> None:
    assert _read(sentence) == []


def test_a_count_of_ones_own_things_still_counts() -> None:
    assert _read("今年新建12所乡镇卫生院，作为全市民生实事。") == [(12.0, "所", "eq")]


@pytest.mark.parametrize(
    ("sentence", "comparator"),
    [("人均基本公共卫生服务经费标准高于80元。", "ge"), ("门诊量超过120万人次。", "gt"), ("签约率不低于40%。", "ge")],
)
def test_higher_than_is_at_least_as_the_conventions_say(sentence: str, comparator: str) -> None:
    assert [c for _, _, c in _read(sentence)] == [comparator]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [("新增200家乡镇卫生院提供中医药服务。", "家"), ("支持80家乡镇卫生院建设胸痛救治单元。", "家")],
)
def test_jia_before_xiangzhen_is_the_measure_word(sentence: str, unit: str) -> None:
    assert [u for _, u, _ in _read(sentence)] == [unit]


def test_jia_before_xiang_alone_still_starts_a_word() -> None:
    assert all(u != "家" for _, u, _ in _read("吸引3000家乡贤回乡投资。"))


@pytest.mark.parametrize(
    ("sentence", "number", "verdict"),
    [
        ("截至目前，全市已按计划完成86所村卫生室新建任务。", "86", "report"),
        ("目前，全省参保人数已达4200万人，参保率超过97%。", "97", "report"),
        ("今年要按计划完成86所村卫生室新建任务。", "86", "commitment"),
        ("今年计划新建86所村卫生室。", "86", "commitment"),
    ],
)
def test_where_things_stand_is_reported_and_a_plan_is_committed(sentence: str, number: str, verdict: str) -> None:
    found = re.search(number, sentence)
    assert found is not None
    assert stance(sentence, found.start(), found.end()).stance == verdict


def test_a_sentence_printed_twice_states_its_target_once() -> None:
    raw = (
        "今年全县将为5000名妇女免费筛查两癌\n"
        "3月2日，县卫生健康局召开会议，安排部署今年的妇女两癌免费筛查工作。今年全县将为5000名妇女免费筛查两癌。"
        "会议要求，各乡镇卫生院要做好宣传发动，确保筛查质量。"
    )
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=None)
    rows = [
        target
        for plan in payload["plans"]
        for target in [*plan["opening_targets"], *(t for task in plan["tasks"] for t in task["targets"])]
    ]
    assert [(row["value"], row["unit"]) for row in rows].count((5000.0, "名")) == 1
