"""Passages that review past work give no task, whichever reader found it: the lines after a lead-in that reviews
(在回顾过去一年工作时，局长说：), up to the next lead-in or heading, and a section whose heading names a review
(一、2023年工作情况; 二、发展基础), up to the next heading of its family. A lead-in whose nearest cue deploys
(总结去年工作，部署今年任务：) opens no such passage. Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.review_passages import FLAG, review_passages, without_review
from pipeline.parse.work_points.sections import section_role

_LEAD_IN = (
    "市卫生健康工作会议召开\n"
    "在回顾过去一年工作时，局长说：\n"
    "全面推开紧密型医联体建设，实施基层能力提升工程，完善家庭医生签约服务。\n"
    "在谈到今年工作时，局长表示：\n"
    "加快建设区域医疗中心，推进公立医院改革，加强疾病预防控制体系建设。\n"
)

_SECTIONS = (
    "某县卫生健康局2024年工作计划\n"
    "一、2023年工作情况\n"
    "1、深化医药卫生体制改革。巩固基本药物制度。\n"
    "2、加强疾病预防控制。开展重点人群筛查。\n"
    "二、2024年工作计划\n"
    "1、推进紧密型县域医共体建设。\n"
    "2、提升基层医疗服务能力。\n"
)


def _starts(text: str) -> list[str]:
    return [text[s : s + 6] for s, _ in review_passages(text)]


def test_the_lines_after_a_reviewing_lead_in_are_review() -> None:
    text = _LEAD_IN
    [(start, end)] = review_passages(text)
    assert text[start:end].strip().startswith("全面推开紧密型")
    assert "区域医疗中心" not in text[start:end]


def test_a_lead_in_whose_nearest_cue_deploys_opens_no_review() -> None:
    text = _LEAD_IN.replace("在回顾过去一年工作时，局长说：", "局长总结去年工作，部署今年任务：")
    assert review_passages(text) == []


def test_a_lead_in_that_names_no_cue_opens_no_review() -> None:
    assert review_passages(_LEAD_IN.replace("在回顾过去一年工作时，局长说：", "局长在会上说：")) == []


def test_a_review_section_runs_to_the_next_heading_of_its_family() -> None:
    text = _SECTIONS
    [(start, end)] = review_passages(text)
    assert text[start:end].startswith("一、2023年工作情况")
    assert "医共体" not in text[start:end]


def test_other_review_headings_and_a_task_heading() -> None:
    assert len(review_passages("（一）发展基础\n全县已建成乡镇卫生院12所。\n（二）主要任务\n加强人才队伍建设。\n")) == 1
    assert review_passages("一、加强组织领导\n各单位要明确责任。\n二、强化督导考核\n") == []


def test_tasks_in_a_review_passage_are_dropped_and_flagged() -> None:
    text = _SECTIONS
    first = text.index("1、深化")
    later = text.index("1、推进")
    plan = {
        "flag": None,
        "tasks": [
            {"start": first + 2, "end": first + 12, "children": []},
            {"start": later + 2, "end": later + 12, "children": []},
        ],
    }
    without_review(text, plan)
    assert [t["start"] for t in plan["tasks"]] == [later + 2]
    assert plan["flag"] == FLAG


def test_a_plan_with_no_task_in_review_is_unchanged() -> None:
    text = _SECTIONS
    later = text.index("1、推进")
    plan = {"flag": "x", "tasks": [{"start": later + 2, "end": later + 12, "children": []}]}
    without_review(text, plan)
    assert plan == {"flag": "x", "tasks": [{"start": later + 2, "end": later + 12, "children": []}]}


def test_a_conference_report_keeps_no_task_of_its_review() -> None:
    text = (
        "4月2日，全县卫生健康工作会议召开。县卫生健康局局长作工作报告。\n"
        "报告对过去一年的工作作了回顾，主要有：\n"
        "一是推进医共体建设，组建县域医共体3个；二是实施基层能力提升工程；三是完善家庭医生签约服务。\n"
        "会议要求，2024年全县卫生健康系统要：\n"
        "一是加快建设县域医疗次中心；二是推进公立医院改革；三是加强疾病预防控制体系建设。\n"
    )
    payload = extract_document(text, kind=None, published="2024-04-02")
    [plan] = payload["plans"]
    review = (text.index("一是推进"), text.index("会议要求"))
    assert all(not review[0] <= t["start"] < review[1] for t in plan["tasks"])
    assert FLAG in plan["flag"].split(";")


@pytest.mark.parametrize("heading", ["基本现状", "工作现状", "主要问题", "发展环境", "基础与形势"])
def test_headings_that_describe_the_starting_point_review(heading: str) -> None:
    assert section_role(heading) == "review"


@pytest.mark.parametrize("heading", ["加强基层基础", "基础设施建设", "重点问题整治", "坚持问题导向"])
def test_work_that_names_a_foundation_or_a_problem_is_a_task(heading: str) -> None:
    assert section_role(heading) is None


def test_a_plan_s_baseline_section_gives_no_task() -> None:
    text = (
        "某区医疗卫生服务体系规划\n一、基本现状\n（一）卫生资源状况\n1.医疗卫生机构。截至2015年底，全区有医疗卫生机构194家。\n"
        "2.卫技人员。全区卫生技术人员2060人。\n二、主要任务\n（一）优化医疗资源布局。\n"
    )
    [(start, end)] = review_passages(text)
    assert text[start:end].startswith("一、基本现状") and "优化医疗资源布局" not in text[start:end]
