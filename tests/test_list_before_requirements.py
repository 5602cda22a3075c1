"""A list of another shape may stand before a leader's 要-requirements in the same run of paragraphs, as it may
follow them (pipeline.parse.lists.reader._unmarked_lists): a year's plan in ；-separated verb-led clauses (2025年，
全县将加快A，提升B；持续深化C，推进D；…) is read, then the requirements. Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.parse.lists import read_lists

_REQUIREMENTS = "副县长王某某要求，要加强组织领导，压实各级责任；要强化督查考核，确保各项任务落地。"


def _items(text: str) -> list[str]:
    return [text[i.start : i.end].rstrip("。；;") for i in read_lists(text)]


@pytest.mark.parametrize(
    ("plan", "first"),
    [
        ("2024年全县卫生健康工作成效明显，获评省级先进单位。2025年，全县卫健系统将加快推进紧密型医共体建设，提升县域服务能力；"
         "持续深化公立医院改革，推进薪酬制度改革；全面加强疾病预防控制，健全监测预警体系。", "加快推进紧密型医共体建设"),
        ("今年，全市卫生健康系统要巩固提升基层服务能力，推进村卫生室标准化建设；加快补齐公共卫生短板，健全传染病救治体系；"
         "持续优化就医服务，推广预约诊疗。", "巩固提升基层服务能力"),
    ],
)
def test_a_plan_in_clauses_before_the_requirements_is_read_with_them(plan: str, first: str) -> None:
    text = "我县召开2025年卫生健康工作会议。\n" + plan + "\n" + _REQUIREMENTS
    items = _items(text)
    assert items[0].startswith(first)
    assert len([i for i in items if text.find(i) < text.find(_REQUIREMENTS)]) == 3  # the plan's three clauses
    assert items[-1] == "强化督查考核，确保各项任务落地"  # and the requirements after them


def test_a_review_before_the_requirements_is_not_read() -> None:
    text = (
        "我县召开2025年卫生健康工作会议。\n"
        "2024年，全县新建村卫生室12所，完成了县医院门诊楼改造；引进卫生人才36名，实现了乡镇卫生院全覆盖；"
        "家庭医生签约率达到了75%，获评省级先进单位。\n" + _REQUIREMENTS
    )
    items = _items(text)
    assert [i[:4] for i in items] == ["加强组织", "强化督查"]
