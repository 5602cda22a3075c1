"""An enumeration before a count (A、B、C三项行动) gives the item's children only when the counted noun names work to be
done (lists.toml [shape] counted_work_nouns: 行动, 工程, 改革, 工作…), or when each part is led by a directive verb, or
all end in one head noun (人才保障、经费保障、制度保障). Nouns of fields, systems or points of focus counted (生命全周期、
健康全过程、人群全覆盖三个着力点; A、B及C“四个体系”建设) name no task each (pipeline.parse.lists.unmarked._counts_work).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.enumerations import enumeration_items


def _parts(text: str) -> list[str]:
    return [text[p.start : p.end] for p in enumeration_items(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("抓好儿科建设、胸痛中心建设、村卫生室建设三项行动", ["儿科建设", "胸痛中心建设", "村卫生室建设"]),
        ("实施县医院提升、乡镇卫生院达标、村医培训“三大工程”", ["县医院提升", "乡镇卫生院达标", "村医培训"]),
        ("推进医保支付、药品采购、薪酬制度三项改革", ["医保支付", "药品采购", "薪酬制度"]),
        ("做好疫苗接种、慢病随访和健康体检三项工作", ["疫苗接种", "慢病随访", "健康体检"]),
    ],
)
def test_a_count_of_work_gives_its_parts(text: str, parts: list[str]) -> None:
    assert _parts(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "精准聚焦生命全周期、健康全过程、人群全覆盖三个着力点",
        "一体推进医疗服务、疾病防控、综合监管及健康保障“四个体系”建设",
        "突出县级强、乡级活、村级稳三个目标",
        "统筹城市、农村、园区三类区域",
    ],
)
def test_a_count_of_fields_systems_or_focus_points_gives_none(text: str) -> None:
    assert _parts(text) == []


def test_verb_led_parts_or_one_head_noun_are_parts_whatever_is_counted() -> None:
    assert _parts("抓好加强预检分诊、规范发热门诊、严格院感防控三个环节") == ["加强预检分诊", "规范发热门诊", "严格院感防控"]
    assert _parts("落实人才保障、经费保障、制度保障“三项保障”") == ["人才保障", "经费保障", "制度保障"]
