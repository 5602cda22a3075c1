"""One task or several: a requirement sentence (要A，B，C。) is one task unless its headline announces its measures
(pipeline.parse.lists.measures.announces_measures, [shape] min_many_measures in pipeline/data/lists.toml).

Every sentence here is written for the test (no seed, no dev-set or read-set text)."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.measures import announced_measures, announces_measures
from pipeline.parse.lists.rules import is_generic, shape
from tests.list_reading import read_tasks

_LEAD = "副区长强调，"
_NEXT = "要加快智慧医院建设。"


def _titles(requirement: str) -> tuple[list[str], list[list[str]]]:
    tasks = read_tasks(_LEAD + requirement + _NEXT)
    return [t["title"] for t in tasks], [[c["title"] for c in t["children"]] for t in tasks]


@pytest.mark.parametrize(
    "requirement",
    [
        # a specific headline and two or three specific measures: one task
        "要完善分级诊疗机制，推进家庭医生签约，加快基层人才培养。",
        "要深入推进三明医改经验，推进药品集中采购，加快紧密型医共体建设。",
        "要主动应对人口老龄化，抓好托育服务，持续深化医养结合，筑牢妇幼安全底线。",
        "必须强化基层网底，推进乡镇卫生院提档升级，完善村医养老保障，落实乡村医生培训。",
        "务必抓实传染病防控，健全监测预警机制，做好疫苗接种。",
        # a general single headline (聚焦重点) and a few measures: still one task
        "要聚焦重点，扎实推进县域医共体建设，做好重大疾病防控工作，推动卫生健康事业高质量发展。",
        "要紧盯全年重点工作内容，持续深化公立医院改革，全力推进健康乡村建设。",
        # short measures (list_comma_clauses) after a specific headline: one task too
        "要夯实医院发展基础，做好风险防范，抓好队伍建设，落实监管责任。",
        # a headline sentence (even a general one) whose next sentence elaborates it with long measures: one task
        "要紧扣年度目标，全力攻坚克难。做好全民健康信息平台升级工作，提前谋划下一周期区域卫生规划，深入推进县医院综合能力提升工程。",
        # a headline of manner and a few measures
        "要进一步绷紧防控之弦，做好冬春季传染病防控，落实落细院感防控措施。",
    ],
)
def test_a_requirement_of_a_few_specific_measures_is_one_task(requirement: str) -> None:
    titles, children = _titles(requirement)
    assert len(titles) == 2 and titles[1] == "加快智慧医院建设"
    assert children == [[], []]


@pytest.mark.parametrize(
    ("requirement", "measures"),
    [
        # a double headline: the second clause names the work as a whole (generic), the measures follow
        (
            "要突出重点难点，全面抓实卫生健康工作任务，推进医共体建设，优化资源布局，健全疾控体系。",
            ["推进医共体建设", "优化资源布局", "健全疾控体系"],
        ),
        (
            "要加强组织领导，全面夯实卫生计生工作基础，加强党的建设，改进医德医风。",
            ["加强党的建设", "改进医德医风"],
        ),
        (
            "要抓住关键环节，全面夯实卫生健康工作基础，办好便民实事，优化床位布局，加快资金拨付。",
            ["办好便民实事", "优化床位布局", "加快资金拨付"],  # short measures (list_comma_clauses)
        ),
        # …or states the principle the measures serve
        (
            "要把健康融入所有政策，坚持以人民为中心的发展理念，推动优质医疗资源下沉，做好检查结果互认。",
            ["推动优质医疗资源下沉", "做好检查结果互认"],
        ),
        # many measures ([shape] min_many_measures) after a specific headline
        (
            "要深化医改，推进药品集中采购，加快医共体建设，完善分级诊疗，健全薪酬制度。",
            ["推进药品集中采购", "加快医共体建设", "完善分级诊疗", "健全薪酬制度"],
        ),
        # a headline that is a sentence of its own, then a sentence of short measures only (list_comma_clauses)
        (
            "要聚焦年度目标，全力攻坚突破。做好规划收官工作，谋划下一阶段项目，推进重点医疗项目建设。",
            ["做好规划收官工作", "谋划下一阶段项目", "推进重点医疗项目建设"],
        ),
    ],
)
def test_a_headline_that_announces_its_measures_has_them_as_children(requirement: str, measures: list[str]) -> None:
    tasks = read_tasks(_LEAD + requirement + _NEXT)
    assert [c["title"] for c in tasks[0]["children"]] == measures
    assert tasks[0]["children"][0]["start"] > tasks[0]["start"]


def test_the_threshold_of_many_measures_is_data() -> None:
    many = shape("min_many_measures")
    assert many == 4
    head = "要深化医改，"
    measures = ["推进药品集中采购", "加快医共体建设", "完善分级诊疗", "健全薪酬制度", "落实院长年薪"]
    for n in range(2, len(measures) + 1):
        text = head + "，".join(measures[:n]) + "。"
        found = announced_measures(text, 1, len(text), "要")
        assert len(found) == (n if n >= many else 0), n


@pytest.mark.parametrize(
    ("sentence", "announces"),
    [
        ("要狠抓重点，全面抓实卫生健康工作任务，推进A，完善B。", True),  # 卫生健康工作任务: the work as a whole
        ("要狠抓重点，全面夯实卫生工作基础，推进A，完善B。", True),
        ("要狠抓重点，坚持以人民为中心的发展理念，推进A，完善B。", True),  # a principle
        ("要狠抓重点，以健康城市建设为主线，推进A，完善B。", True),  # framing
        ("要狠抓重点，全面抓实妇幼健康服务，推进A，完善B。", False),  # a field's service is work
        ("要狠抓重点，共同做好区域卫生规划编制工作，推进A，完善B。", False),  # one piece of work
        ("要狠抓重点，推进A，完善B。", False),
        ("要准确把握新阶段新要求，推进A，完善B。", True),  # the headline itself is no work
        ("要坚持以基层为重点，推进A，完善B。", True),
        ("要围绕中心、服务大局，推进A，完善B。", True),
    ],
)
def test_announcing_reads_the_clause_after_the_headline(sentence: str, announces: bool) -> None:
    after = sentence.index("，") + 1
    assert announces_measures(sentence, 1, after, len(sentence) - 1, 2) is announces


def test_a_numbered_requirement_follows_the_same_rule() -> None:
    text = (
        "会议要求，一要强化基层网底，推进乡镇卫生院提档升级，完善村医养老保障。"
        "二要突出重点难点，全面抓实卫生健康工作任务，推进胸痛中心建设，加快卒中中心建设。"
    )
    first, second = read_tasks(text)
    assert first["children"] == []
    assert [c["title"] for c in second["children"]] == ["推进胸痛中心建设", "加快卒中中心建设"]


@pytest.mark.parametrize(
    ("clause", "generic"),
    [
        ("统筹做好疫情防控和卫生健康工作", True),  # the sector's work as a whole
        ("扎实做好2025年卫生健康工作", True),
        ("全力抓好全县卫生计生工作", True),
        ("做好妇幼卫生工作", False),  # a field's work
        ("推进老年卫生健康工作", False),
        ("做好基层卫生工作", False),
        ("全面提升卫生健康服务能力", True),  # its capacity as a whole
        ("不断提高全县卫生计生服务水平", True),
        ("全面提升医疗服务能力", False),  # a service's capacity
        ("提升卫生健康信息化水平", False),
    ],
)
def test_the_sectors_work_as_a_whole_is_no_task(clause: str, generic: bool) -> None:
    assert is_generic(clause, 0, len(clause)) is generic


def test_a_numbered_requirement_of_another_parser_stays_whole_however_many_measures() -> None:
    from pipeline.parse.lists import with_nested_lists

    text = "三要推动两个提升，加快建设胸痛中心，完善卒中救治网络，推进远程会诊；开展医师培训，提高急救水平，优化转诊流程。"
    task = {"ordinal": 3, "start": 2, "end": len(text), "marker": "三要", "flag": None, "children": []}
    [out] = with_nested_lists(text, [task])
    assert out.get("children", []) == []
    bare = {**task, "marker": "要"}  # the same words printed by a bare modal: six measures are many
    [out] = with_nested_lists(text, [bare])
    assert len(out["children"]) >= 4


def test_a_bare_requirements_headline_sentence_keeps_its_elaboration() -> None:
    from pipeline.parse.lists import with_nested_lists

    one = "全力补齐基层短板。做好县级医院提标扩能工作，持续推进乡镇卫生院等级评审，深入开展基层人才订单培养。"
    two = "着力提升服务质量。推行检查结果互认，扩大日间手术范围，推广预约诊疗服务。"
    for first, second in (("要", "要"), ("一是", "二是")):  # a list of headings: marked, its measures are children
        text = first + one + second + two
        tasks = [
            {"ordinal": 1, "start": len(first), "end": len(first + one), "marker": first, "flag": None, "children": []},
            {"ordinal": 2, "start": len(first + one + second), "end": len(text), "marker": second, "flag": None, "children": []},
        ]
        out = with_nested_lists(text, tasks)
        counts = [len(t.get("children", [])) for t in out]
        assert counts == ([0, 0] if first == "要" else [3, 3]), (first, counts)
