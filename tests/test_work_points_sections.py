"""The roles of a work-points outline's sections: framing, goals, review and safeguards sections give no task,
a task-section heading is no task (its items are), goals give the plan's targets, review gives neither.

Every text here is written for the test (no seed, no dev-set text).
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.announced import announced_statement
from pipeline.parse.statements import task_tree_paths
from pipeline.parse.work_points.sections import section_role
from pipeline.text.clean import clean_text


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("总体要求", "framing"),
        ("指导思想。", "framing"),
        ("基本原则", "framing"),
        ("2025年工作目标", "goals"),
        ("总体要求和主要目标", "goals"),
        ("指导思想与工作目标", "goals"),
        ("保障措施", "safeguards"),
        ("组织实施", "safeguards"),
        ("2024年工作开展情况", "review"),
        ("2015年度工作情况", "review"),
        ("存在的问题", "review"),
        ("重点任务", "tasks"),
        ("主要目标和重点任务", "tasks"),
        ("2026年工作计划", "tasks"),
        ("加强组织领导", None),  # a verb-led heading is a task, even inside a safeguards section
        ("强化目标管理", None),
        ("深化医药卫生体制改革", None),
        ("目标", None),
        ("", None),
        # modifiers + a role's head noun, not in the lists (pipeline/data/work_points.toml [sections.composed])
        ("主要目标指标", "goals"),
        ("年度工作目标。", "goals"),
        ("核心指标", "goals"),
        ("重点工作举措", "tasks"),
        ("具体工作措施", "tasks"),
        ("主要工作任务", "tasks"),
        ("重点任务和主要目标指标", "tasks"),
        ("完善指标体系", None),  # a verb before the noun: a task
        ("目标管理", None),
        ("重点人群", None),  # a modifier and a noun of no role
        ("重点", None),
    ],
)
def test_the_heading_alone_gives_the_sections_role(heading: str, role: str | None) -> None:
    assert section_role(heading) == role


COUNTY_PLAN = """关于印发龙溪县2025年基层卫生能力提升实施方案的通知
龙卫健〔2025〕4号
各乡镇卫生院，县直各医疗卫生单位：
现将《龙溪县2025年基层卫生能力提升实施方案》印发给你们，请认真组织实施。
龙溪县卫生健康局
2025年3月6日
龙溪县2025年基层卫生能力提升实施方案
为提升基层医疗卫生服务能力，制定本方案。
一、指导思想
坚持以人民健康为中心，以强基层为重点，推动优质资源下沉。
二、工作目标
到2025年底，全县乡镇卫生院服务能力达标率达到95%以上，新建村卫生室12个。
三、重点任务
（一）加强乡镇卫生院建设
1.改造提升中心卫生院3所。
2.配齐常用检查设备。
（二）推进县乡村一体化管理
1.统一人员调配。
2.统一药品采购。
四、保障措施
（一）加强组织领导
成立工作专班，每季度调度一次。
（二）强化经费保障
县财政安排专项资金不少于500万元。
"""


def _plan(raw: str) -> tuple[str, dict]:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=None)
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    return text, plan


def test_only_the_task_section_gives_tasks_and_its_heading_is_not_one() -> None:
    text, plan = _plan(COUNTY_PLAN)
    assert plan["level"] == "county"
    assert [task["title"] for task in plan["tasks"]] == ["加强乡镇卫生院建设", "推进县乡村一体化管理"]
    assert [task["ordinal"] for task in plan["tasks"]] == [1, 2]
    assert [task["marker"] for task in plan["tasks"]] == ["（一）", "（二）"]
    assert [child["title"] for child in plan["tasks"][0]["children"]] == ["改造提升中心卫生院3所", "配齐常用检查设备"]
    titles = [task["title"] for _, task in task_tree_paths(plan["tasks"])]
    assert not {"指导思想", "工作目标", "重点任务", "保障措施", "加强组织领导", "强化经费保障"} & set(titles)
    flags = plan["flag"].split(";")
    assert "non_task_section_left_out" in flags and "task_section_heading_dropped" in flags
    for _, task in task_tree_paths(plan["tasks"]):
        assert text[task["start"] : task["end"]] == task["text"]


def test_goals_and_safeguards_quantities_are_the_plans_targets_and_the_tasks_keep_theirs() -> None:
    text, plan = _plan(COUNTY_PLAN)
    opening = {(row["value"], row["unit"]) for row in plan["opening_targets"]}
    assert {(95, "%"), (12, "个"), (5000000, "元")} <= opening
    for row in plan["opening_targets"]:
        assert text[row["start"] : row["end"]] == row["raw_text"]
    task_targets = [(row["value"], row["unit"]) for row in plan["tasks"][0]["children"][0]["targets"]]
    assert task_targets == [(3, "所")]


REVIEW_THEN_PLAN = """索引号: | 000/2024-01 | 发布机构: | 东江市卫生健康委员会 |
名称: | 东江市卫生健康委2024年工作总结和2025年工作计划 |
一、2024年工作开展情况
（一）医疗服务能力稳步提升
一是新建胸痛中心2家。二是开展巡回医疗86次，服务群众1.2万人次。
（二）公共卫生持续加强
全年完成适龄儿童免疫接种4.5万剂次。
二、存在的问题
基层人才短缺，信息化水平不高。
三、2025年工作计划
（一）推进紧密型城市医疗集团建设
组建医疗集团2个。
（二）提升公共卫生应急能力
"""


def test_a_review_section_gives_no_task_and_no_target_and_the_plan_section_does() -> None:
    _, plan = _plan(REVIEW_THEN_PLAN)
    assert plan["work_year"] == 2025
    assert [task["title"] for task in plan["tasks"]] == ["推进紧密型城市医疗集团建设", "提升公共卫生应急能力"]
    assert "review_section_left_out" in plan["flag"].split(";")
    values = [row["value"] for _, task in task_tree_paths(plan["tasks"]) for row in task["targets"]]
    values += [row["value"] for row in plan["opening_targets"]]
    assert 2 in values  # 组建医疗集团2个
    assert not {86, 12000, 45000} & set(values)  # the review's figures are no targets


def test_a_text_that_stops_inside_the_review_keeps_its_plan_with_no_task() -> None:
    cut = REVIEW_THEN_PLAN.split("二、存在的问题")[0]
    _, plan = _plan(cut)
    assert plan["tasks"] == []
    assert {"review_section_left_out", "no_tasks"} <= set(plan["flag"].split(";"))


def test_a_task_section_written_as_prose_stays_one_task_and_unlabelled_sections_are_tasks() -> None:
    raw = """南湖区2026年卫生健康工作要点
南湖区卫生健康局
2026年1月20日
一、总体思路
坚持稳中求进，巩固提升。
二、重点工作
全面推进医共体建设，完善家庭医生签约服务。
三、强基层
推进村卫生室标准化建设。
四、优服务
推广预约诊疗。
"""
    _, plan = _plan(raw)
    assert [task["title"] for task in plan["tasks"]] == ["重点工作", "强基层", "优服务"]


def test_an_outline_with_no_title_line_sorts_its_sections_too() -> None:
    raw = (
        "一、总体要求\n坚持以人民健康为中心，到2026年底，县域内就诊率达到92%。\n"
        "二、重点任务\n（一）推进医共体建设\n完善考核办法。\n（二）加强公共卫生\n建设疾控实验室。\n"
        "三、保障措施\n加强组织领导。\n"
    )
    text = clean_text(raw).text
    plan = announced_statement(text, date(2026, 2, 1))
    assert plan is not None
    assert [task["title"] for task in plan["tasks"]] == ["推进医共体建设", "加强公共卫生"]
    assert plan["target_spans"] and "non_task_section_left_out" in plan["flag"].split(";")
    payload = extract_document(text, kind=None, published="2026-02-01")
    [found] = payload["plans"]
    assert (92, "%") in {(row["value"], row["unit"]) for row in found["opening_targets"]}


SUBHEADED_PLAN = """2025年清河市卫生健康工作要点
一、主要任务
（一）实施基层能力提升行动。
1.年度工作目标。
全市乡镇卫生院达到服务能力推荐标准的比例达到60%以上，新建村卫生室20个。
2.重点工作举措。
（1）推进县域医共体建设，年底前实现县域全覆盖。
（2）加强村医队伍建设。
（二）实施公共卫生强化行动。
"""


def test_sub_headings_built_of_role_words_give_no_task_and_their_targets_are_the_plans() -> None:
    """A task of the outline written in parts (1.目标 / 2.举措): the goals part gives targets, the measures
    part's items take its place under the task."""
    text = clean_text(SUBHEADED_PLAN).text
    plan = extract_document(text, kind=None, published=None)["plans"][0]
    tops = plan["tasks"]
    assert [t["title"] for t in tops] == ["实施基层能力提升行动", "实施公共卫生强化行动"]
    assert [c["title"] for c in tops[0]["children"]] == ["推进县域医共体建设，年底前实现县域全覆盖", "加强村医队伍建设"]
    targets = tops[0]["targets"] + plan["opening_targets"]
    assert sorted((t["value"], t["unit"]) for t in targets) == [(20.0, "个"), (60.0, "%")]
    assert "non_task_section_left_out" in plan["flag"] and "task_section_heading_dropped" in plan["flag"]
