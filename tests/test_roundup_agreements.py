"""Tests of agreements between health bodies of several regions (pipeline.parse.roundup.agreements).

Every text is written for the test."""

from __future__ import annotations

from pipeline.parse.roundup.agreements import agreement_statements
from pipeline.text.clean import clean_text


def plans(raw: str):
    return agreement_statements(clean_text(raw).text)


def test_one_plan_per_body_that_commits_to_work() -> None:
    found = plans(
        "2021年5月8日，上海市卫生健康委与浙江省卫生健康委签署长三角卫生健康合作协议。\n"
        "根据协议，上海市卫生健康委支持浙江医疗卫生发展，主要内容包括：共建3个区域医疗中心；开展远程会诊。"
        "浙江省卫生健康委支持上海的内容包括：输送护理人才；共享急救网络。"
    )
    assert [(p["level"], p["region_code"], p["work_year"]) for p in found] == [
        ("provincial", "310000", 2021),
        ("provincial", "330000", 2021),
    ]
    assert [len(p["tasks"]) for p in found] == [2, 2]
    assert all("work_year_from_document" in p["flag"] for p in found)


def test_a_city_body_commits_as_a_city() -> None:
    found = plans(
        "苏州市卫生健康委与无锡市卫生健康委签订合作备忘录。苏州市卫生健康委将支持无锡：建设1所医院；"
        "培训100名医生。无锡市卫生健康委将支持苏州：开放检验互认。"
    )
    assert [(p["level"], p["region_code"]) for p in found] == [("municipal", "320500"), ("municipal", "320200")]


def test_no_agreement_or_a_single_body_states_none() -> None:
    assert plans("北京市卫生健康委支持雄安新区建设医院：建设1所医院；派驻专家。") == []
    assert plans("北京市卫生健康委与雄安新区签署协议。北京市卫生健康委支持雄安：建设1所医院。") == []
