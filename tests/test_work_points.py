"""Work-points documents: header block, nested outline, 主要目标 targets (the plan's), genre recognised without a manifest.

Every text here is written for the test (no seed, no dev-set text).
"""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.outline import parse_outline
from pipeline.parse.statements import task_tree_paths
from pipeline.text.clean import clean_text

PROVINCIAL = """福建省卫生健康委员会关于印发2026年全省卫生健康工作要点的通知
闽卫发〔2026〕7号
各设区市卫生健康委，平潭综合实验区社会事业局，委直属各单位：
现将《2026年全省卫生健康工作要点》印发给你们，请结合实际认真贯彻落实。
福建省卫生健康委员会
2026年2月3日
2026年全省卫生健康工作要点
2026年全省卫生健康工作的总体要求是：坚持以人民健康为中心，推动卫生健康事业高质量发展。
一、主要目标
1.人均预期寿命达到80.2岁以上。
2.孕产妇死亡率控制在9/10万以下，婴儿死亡率控制在3‰以下。
3.每千人口执业（助理）医师数达到3.4人。
二、重点任务
（一）深化医药卫生体制改革
1.推进紧密型县域医共体建设。实现县域全覆盖。
（1）完善医共体考核办法。
（2）推动检查检验结果互认。
2.深化公立医院改革。
（二）加强公共卫生体系建设
1.提升疾病预防控制能力。
——建设省级疾控中心实验室。
——完善传染病监测预警系统。
三、保障措施
加强组织领导，压实工作责任。
附件：2026年重点工作任务分解表
"""


def _extract(raw: str, kind: str | None = None) -> tuple[str, dict]:
    text = clean_text(raw).text
    return text, extract_document(text, kind=kind, published=None)


def _titles(tasks: list[dict]) -> list[str]:
    return [task["title"] for task in tasks]


def test_provincial_work_points_yield_plan_header_and_nested_tasks():
    text, payload = _extract(PROVINCIAL)
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("provincial", "350000", 2026)
    assert plan["issuer"] == "福建省卫生健康委员会"
    assert plan["doc_number"] == "闽卫发〔2026〕7号" and plan["issued_date"] == "2026-02-03"
    assert plan["field"] == "health-work" and plan["title"] == "2026年全省卫生健康工作要点"
    # 主要目标 and 保障措施 give no task; the items of 重点任务 are the plan's tasks
    assert _titles(plan["tasks"]) == ["深化医药卫生体制改革", "加强公共卫生体系建设"]
    assert [task["ordinal"] for task in plan["tasks"]] == [1, 2]
    assert set(plan["flag"].split(";")) >= {"non_task_section_left_out", "task_section_heading_dropped"}
    reform = plan["tasks"][0]
    assert reform["title"] == "深化医药卫生体制改革" and reform["marker"] == "（一）"
    assert _titles(reform["children"][0]["children"]) == ["完善医共体考核办法", "推动检查检验结果互认"]
    dashes = plan["tasks"][1]["children"][0]["children"]
    assert _titles(dashes) == ["建设省级疾控中心实验室", "完善传染病监测预警系统"]
    for _, task in task_tree_paths(plan["tasks"]):
        assert text[task["start"] : task["end"]] == task["text"] and task["title"]
    assert "附件" not in plan["tasks"][-1]["text"]  # the attachment line ends the outline
    opening = text[plan["opening_start"] : plan["opening_end"]]
    assert opening.startswith("2026年全省卫生健康工作的总体要求是")


def test_main_targets_list_gives_the_plans_targets():
    text, payload = _extract(PROVINCIAL)
    plan = payload["plans"][0]
    values = [(target["value"], target["unit"]) for target in plan["opening_targets"]]
    assert (80.2, "岁") in values
    assert any(value == 3.4 for value, _ in values)
    assert len(values) >= 4
    goals_at = text.index("一、主要目标")
    assert all(goals_at < target["start"] < text.index("二、重点任务") for target in plan["opening_targets"])


MUNICIPAL_NO_NOTICE = """2025年全市卫生健康工作要点
2025年，全市卫生健康工作的总体思路是：巩固提升，守正创新。
一、聚焦健康优先，完善服务体系
1、推进区域医疗中心建设。新增床位500张。
2、加强基层能力建设。
二、聚焦改革创新，提升治理能力
1、深化医保支付方式改革。
"""


def test_municipal_work_points_without_header_block():
    _, payload = _extract(MUNICIPAL_NO_NOTICE)
    [plan] = payload["plans"]
    assert payload["kind"] == "work_points"
    assert plan["level"] == "municipal" and plan["region_code"] is None  # the city is not named
    assert "region_unresolved" in plan["flag"]
    assert plan["work_year"] == 2025 and plan["doc_number"] is None
    assert [len(task["children"]) for task in plan["tasks"]] == [2, 1]


def test_notice_fragment_that_stops_in_last_years_review_has_no_tasks():
    raw = """杭州市卫生健康委关于印发2024年工作总结和2025年全市卫生健康工作要点的通知
各区、县（市）卫生健康局：
现将有关材料印发给你们，请贯彻执行。
杭州市卫生健康委员会
2025年2月1日
2024年全市卫生健康工作总结
一、突出改革主题
1.深化公立医院改革。一是完善绩效考核，二是"""
    _, payload = _extract(raw)
    [plan] = payload["plans"]
    assert plan["work_year"] == 2025 and plan["region_code"] == "330100"
    assert plan["tasks"] == [] and "plan_text_not_reached" in plan["flag"]


def test_bare_marker_lines_do_not_make_invalid_tasks():
    text = "一、\n（一）深化医改\n1.推进医共体建设。\n二、\n三、保障措施\n加强领导。"
    tasks, flags = parse_outline(text)
    assert [task["marker"] for task in tasks] == ["一、", "三、"]
    assert tasks[0]["flag"] == "empty_item" and tasks[0]["title"] == "一、"
    assert tasks[1]["marker_issue"] is None  # 三 is the third item printed
    assert "empty_item_dropped" in flags
    assert all(task["title"] for _, task in task_tree_paths(tasks))


def test_bare_marker_with_heading_on_the_next_line():
    text = "一、\n总体要求\n坚持人民至上。\n二、主要任务"
    tasks, _ = parse_outline(text)
    assert tasks[0]["title"] == "总体要求" and tasks[0]["text"].startswith("总体要求")


def test_marker_mismatch_is_reported():
    tasks, _ = parse_outline("1.甲项工作。\n3.乙项工作。")
    assert [task["marker_issue"] for task in tasks] == [None, "mismatch"]


def test_manifest_kind_forces_the_genre_even_for_a_short_outline():
    _, payload = _extract("2025年爱国卫生工作要点\n一、开展城乡环境卫生整洁行动。", kind="work_points")
    [plan] = payload["plans"]
    assert plan["genre"] == "work_points" and len(plan["tasks"]) == 1


TABLE_OF_CONTENTS = """2026年全市卫生健康工作要点
目录：
一、深化医药卫生体制改革
二、加强公共卫生服务
（一）完善疾控体系
（二）做好妇幼健康
三、强化基层卫生
2026年全市卫生健康工作的总体要求是：坚持以人民健康为中心。
一、深化医药卫生体制改革
各地要充分认识深化医改的重要意义，新建紧密型医联体5个。
"""


def test_a_table_of_contents_gives_the_tasks_once_and_the_body_is_not_a_second_list() -> None:
    text = clean_text(TABLE_OF_CONTENTS).text
    start = text.find("一、")
    tasks, flags = parse_outline(text, start, len(text))
    assert [t["title"] for t in tasks] == ["深化医药卫生体制改革", "加强公共卫生服务", "强化基层卫生"]
    assert [c["title"] for c in tasks[1]["children"]] == ["完善疾控体系", "做好妇幼健康"]
    assert tasks[2]["text"] == "强化基层卫生"  # the body's opening after the last entry is not part of it
    assert flags == ["outline_table_of_contents"]
    plan = extract_document(text, kind=None, published=None)["plans"][0]
    assert len(plan["tasks"]) == 3 and "outline_table_of_contents" in plan["flag"]


def test_an_outline_whose_headings_do_not_repeat_is_read_to_its_end() -> None:
    """A later item may share words with the first (深化医改 … 深化医改成果巩固): only the same heading again
    restarts the outline; one repeated heading with no earlier sibling is no table of contents."""
    text = clean_text("一、深化医改\n二、加强公卫\n三、深化医改成果巩固\n各地要抓好落实。\n").text
    tasks, flags = parse_outline(text)
    assert len(tasks) == 3 and flags == [] and tasks[2]["text"].endswith("各地要抓好落实。")
    single = clean_text("一、深化医改\n各地要抓好落实。\n一、深化医改\n").text
    assert parse_outline(single)[1] == []
