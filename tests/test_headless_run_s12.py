"""Headless comma runs (issue 22, rule 8): a deploying sentence with no head whose comma clauses are three or more
measures gives one task per measure (pipeline.parse.lists.headless_run_tasks, with_headless_runs); sentences
written for the purpose, with the negative cases the rule must leave alone."""

from __future__ import annotations

from pipeline.parse.lists import headless_run_tasks, with_headless_runs


def _texts(text: str) -> list[str]:
    return [t["text"] for t in headless_run_tasks(text, [])]


def test_meeting_requirement_run_gives_one_task_per_measure() -> None:
    text = "会议要求，加大农村卫生投入力度，完善新农合补偿政策，扩大新型农村合作医疗试点范围。"
    tasks = headless_run_tasks(text, [])
    assert [t["text"] for t in tasks] == ["加大农村卫生投入力度", "完善新农合补偿政策", "扩大新型农村合作医疗试点范围"]
    assert {t["flag"] for t in tasks} == {"list_headless_run"}
    assert all(text[t["start"] : t["end"]] == t["text"] for t in tasks)  # half-open offsets into the text


def test_overall_thinking_run_other_verbs_and_a_circumstance_lead() -> None:
    text = "明年全县卫生工作的总体思路是：围绕建设健康某县总体目标，继续深化公立医院改革，着力推进疾病预防等重点工作，全面加强基层卫生队伍建设。"
    assert _texts(text) == ["继续深化公立医院改革", "着力推进疾病预防等重点工作", "全面加强基层卫生队伍建设"]


def test_two_measures_are_no_run() -> None:
    assert _texts("会议要求，加大农村卫生投入力度，完善新农合补偿政策。") == []


def test_attitude_run_gives_none() -> None:
    assert _texts("会议要求，提高政治站位，统一思想认识，增强责任意识，强化担当精神。") == []


def test_review_run_gives_none() -> None:
    text = "会议要求总结经验。过去一年，全县完成了村卫生室标准化建设，建成了三个医共体，实现了家庭医生签约全覆盖。"
    assert _texts(text) == []


def test_slogan_string_gives_none() -> None:
    assert _texts("会议要求，攻坚克难，真抓实干，开拓创新，奋勇争先。") == []


def test_run_that_reports_results_in_a_review_paragraph_gives_none() -> None:
    text = "报告回顾了去年工作。健康扶贫工作扎实推进，完善健康扶贫政策措施，加强组织管理，组织城市医院帮扶县级医院。"
    assert _texts(text) == []


def test_a_plan_with_tasks_keeps_them_alone() -> None:
    text = "会议要求，加大农村卫生投入力度，完善新农合补偿政策，扩大新型农村合作医疗试点范围。"
    listed = [{"start": 0, "end": 4, "title": "会议要求", "text": "会议要求", "ordinal": 1}]
    assert with_headless_runs(text, listed) == listed
    added = with_headless_runs(text, [])
    assert [t["text"] for t in added] == ["加大农村卫生投入力度", "完善新农合补偿政策", "扩大新型农村合作医疗试点范围"]
    assert {t["ordinal"] for t in added} == {None}


def test_head_with_measures_is_left_to_the_list_reader() -> None:
    # a heading and its measures separated by ；-units or a colon list: not a headless comma run
    text = "会议要求，一要加大投入力度；二要完善补偿政策；三要扩大试点范围。"
    assert _texts(text) == []


def test_heading_with_colon_and_measures_is_no_headless_run() -> None:
    text = "会议要求，全面深化医药卫生体制改革：深化公立医院改革，推进分级诊疗，健全医保制度。"
    assert _texts(text) == []


def test_a_meeting_that_points_out_a_run_of_measures_deploys_them() -> None:
    text = (
        "全省卫生健康工作会议日前召开。会议指出，坚持稳中求进工作总基调，全面推进健康中国建设，深化医药卫生体制改革，"
        "加快优质医疗资源扩容，更好统筹发展和安全，不断增强群众获得感。"
    )
    assert _texts(text) == [
        "全面推进健康中国建设",
        "深化医药卫生体制改革",
        "加快优质医疗资源扩容",
        "更好统筹发展和安全",
    ]
    assert _texts("大会指出，要加快公立医院改革，推进紧密型医共体建设，完善家庭医生签约服务。") == [
        "加快公立医院改革",
        "推进紧密型医共体建设",
        "完善家庭医生签约服务",
    ]


def test_what_a_meeting_points_out_about_the_past_or_the_situation_and_an_experts_view_are_no_run() -> None:
    assert _texts("会议指出，过去一年，全市卫生健康系统深化医改，完善分级诊疗，加强基层建设，取得了显著成效。") == []
    assert _texts("会议指出，当前疫情防控形势依然严峻复杂，任务艰巨。") == []
    assert _texts("会议指出，要加快公立医院改革，推进医共体建设。") == []  # two measures
    assert _texts("专家指出，推进分级诊疗，完善医保支付，加强基层队伍建设，是医改的关键。") == []
