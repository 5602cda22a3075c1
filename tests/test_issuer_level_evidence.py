"""Which level a plan stated in prose is: the body its deploy or cue sentence names by a bare word (区卫生健康局将…,
市卫生健康委主任…研究部署…) outranks a scope word printed elsewhere, and a scope word that ranks the subject among
its peers (位居全省前列, 高于全市平均) sets no scope (pipeline.parse.statements.first_scope_level, words in
pipeline/data/identity.toml [scope_words]). Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.statements import first_scope_level
from pipeline.text.clean import clean_text

_LEVELS = {"全省": "provincial", "全市": "municipal", "全县": "county", "我县": "county"}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("城关镇卫生院考核位居全省前列，全县要学习推广。", "county"),
        ("排名全市同类医院第3位。全县卫生院要对标提升。", "county"),
        ("在全省率先实现医共体全覆盖，全县要巩固成果。", "county"),
        ("人均期望寿命高于全省平均水平。", None),  # the only scope word ranks
        ("全省卫生健康工作会议召开。", "provincial"),  # a scope word that ranks nothing
        ("全县共有村卫生室212个。", "county"),
        ("全市第一季度工作会议", "municipal"),  # 第一 of a quarter, not a rank
        ("全县前三季度门诊量同比增长。", "county"),  # 前三 of quarters, not a rank
        ("家庭医生签约率全县第2名。", None),
        ("综合考核进入全省前十。", None),
    ],
)
def test_a_scope_word_in_a_comparison_sets_no_scope(text: str, level: str | None) -> None:
    assert first_scope_level(text, _LEVELS) == level


def _identity(raw: str) -> list[tuple[str, str | None, int | None]]:
    cleaned = clean_text(raw)
    plans = extract_document(cleaned.text, kind=None, published=None, source=None)["plans"]
    return [(plan["level"], plan["region_code"], plan["work_year"]) for plan in plans]


_ITEMS = (
    "一是深化医药卫生体制改革，推进紧密型医联体建设；二是加强公共卫生体系建设，做好重点传染病防控；"
    "三是提升基层医疗服务能力，推进社区医院建设。"
)


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        (f"过去一年，全市共有5家医院通过等级评审。\n2024年，区卫生健康局将重点做好以下工作：{_ITEMS}", "county"),
        (f"去年，全省共有30个县通过评审。\n2024年，市卫生健康委将重点做好以下工作：{_ITEMS}", "municipal"),
        (f"去年，城关镇卫生院考核位居全省前列。\n2024年，全县卫生健康系统将重点做好以下工作：{_ITEMS}", "county"),
        (f"2024年，全县卫生健康系统将重点做好以下工作：{_ITEMS}", "county"),  # a scope word alone, as before
    ],
)
def test_the_body_of_the_cue_sentence_outranks_a_scope_word_elsewhere(raw: str, level: str) -> None:
    assert _identity(raw) == [(level, None, 2024)]


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        (
            "3月8日，市卫生健康委主任带队到市第一人民医院调研，研究部署2024年医疗服务提升工作，要求：一要优化就医流程；"
            "二要加强医疗质量管理；三要推进智慧医院建设。",
            "municipal",
        ),
        (
            "2月10日上午，区卫生健康局局长带队赴城南街道调研，并与街道负责同志研究部署2024年卫生健康重点工作，强调："
            "一要做好社区托育服务设施建设；二要深入开展爱国卫生运动；三要加强基层公共卫生委员会建设。",
            "county",
        ),
    ],
)
def test_a_deploy_sentence_led_by_a_bare_body_is_that_bodys_level(raw: str, level: str) -> None:
    assert _identity(raw) == [(level, None, 2024)]


_QINGPU = (
    "3月20日，召开2019年卫生健康工作会议，总结工作，部署2019年重点任务。青浦区委副书记李明、副区长张华出席会议。\n"
    "会上，全国和全市的先进集体和先进个人受到表彰。\n"
    "青浦区部署2019年卫生健康重点工作\n"
    "2019年，卫生健康系统将以深化医药卫生体制改革、推进健康青浦建设为目标，切实做好以下重点工作：一是深化医药卫生体制"
    "改革，推进区域医联体建设；二是加强公共卫生体系建设，做好重点传染病防控；三是提升社区卫生服务能力，推进家庭医生签约"
    "服务。\n"
    "青浦区卫生健康委供稿"
)


def test_the_county_a_text_names_again_and_again_is_its_issuer_past_a_scope_word_elsewhere() -> None:
    # 青浦区 is a district of 上海 (a province-level city): 全市 in the commendation sentence is no scope of the plan
    assert _identity(_QINGPU) == [("county", "310118", 2019)]


def test_a_scope_word_in_the_cue_sentence_outranks_a_county_named_again_and_again() -> None:
    raw = (
        "3月20日，副省长到临泉县调研卫生健康工作。\n"
        "2019年，全省卫生健康系统将以深化医药卫生体制改革为目标，切实做好以下重点工作：一是深化医药卫生体制改革，推进紧密型"
        "县域医共体建设；二是加强公共卫生体系建设，做好重点传染病防控；三是提升基层服务能力，推广临泉县经验。临泉县要走在前列。"
    )
    assert _identity(raw) == [("provincial", "340000", 2019)]


def test_a_county_named_once_does_not_outrank_a_scope_word() -> None:
    raw = _QINGPU.replace("青浦区卫生健康委供稿", "").replace("青浦区部署", "部署")
    assert _identity(raw) == [("provincial", "310000", 2019)]
