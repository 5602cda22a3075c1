"""A plan found outside a meeting or work points must name health work (issue 22's negative: a people's congress news
item without health work is no plan). Every sentence below was written for these tests."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.health_work import NO_HEALTH_WORK, names_health_work

_NO_HEALTH = [
    # a provincial people's congress: the government work report's economic work
    "1月20日，省十四届人大二次会议开幕。政府工作报告提出，2025年加快建设现代化产业体系；扩大有效投资；稳定外贸外资。",
    # a city's year-ahead announcement on transport and housing
    "今年，我市将新建城市道路30公里，改造老旧小区120个，新增公交线路15条。",
    # a county's key tasks of another field
    "2025年全县重点任务是：推进高标准农田建设；扩大特色产业规模；完善农村道路网络。",
]

_HEALTH = [
    # the same shapes with health work
    "1月20日，省十四届人大二次会议开幕。政府工作报告提出，2025年加快建设紧密型医共体；扩大家庭医生签约服务；提高医保财政补助标准。",
    "今年，我市将新建社区卫生服务中心5个，改造乡镇卫生院12所，新增托育托位800个。",
    # tasks that do not name the field, in a text that does (新农合)
    "新型农村合作医疗：2025年全县重点任务是：筹资标准从每人每年380元提高到400元；扩大按病种付费范围；推进即时结算。",
]


@pytest.mark.parametrize("raw", _NO_HEALTH)
def test_a_plan_without_health_work_is_no_plan(raw: str) -> None:
    payload = extract_document(raw, kind=None, published="2025-02-01")
    assert payload["kind"] == "other"
    assert payload["plans"] == []
    assert payload["kind_flag"] == NO_HEALTH_WORK


@pytest.mark.parametrize("raw", _HEALTH)
def test_a_plan_with_health_work_is_a_plan(raw: str) -> None:
    payload = extract_document(raw, kind=None, published="2025-02-01")
    assert payload["kind"] == "plan_statement"
    assert len(payload["plans"]) == 1
    assert payload["plans"][0]["tasks"]


def test_a_text_with_no_plan_keeps_its_reasons() -> None:
    payload = extract_document("近日，市体育局举办全民健步走活动。", kind=None, published="2025-02-01")
    assert payload["kind"] == "other"
    assert payload["kind_flag"].startswith("no_meeting_held")


@pytest.mark.parametrize(("words", "named"), [("提高医保财政补助标准", True), ("扩大有效投资", False), ("托育托位", True)])
def test_names_health_work(words: str, named: bool) -> None:
    assert names_health_work(words) is named
