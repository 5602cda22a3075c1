"""Marked lists as real pages copy them (issue 22): a list that starts after 1 (its first items lost), skips numbers
(lines lost), runs its items inline after 。/；, and the tail of the lost item before its first surviving marker.
Every sentence is written for these tests (no seed, dev-set or read-set text)."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.lists.marked import find_chains, find_markers
from pipeline.text.clean import clean_text
from tests.list_reading import read_tasks

MIDWAY, INLINE, TAIL, OUT = "list_started_midway", "list_ran_inline", "list_lost_item_tail", "list_out_of_order"


def _flags(task: dict) -> set[str]:
    return set((task["flag"] or "").split(";"))


def _midway_chains(text: str) -> list[list[int]]:
    return [[m.value for m in c.markers] for c in find_chains(find_markers(text, 0, len(text)), midway=True) if c.midway]


def test_an_inline_fragment_with_a_gap_is_read_with_its_lost_items_tail() -> None:
    text = "修订县级医院绩效考核办法，完善考核指标。4.组织开展家庭医生签约服务质量评估。5.推动乡镇卫生院建设发热诊室。8.会同医保部门落实门诊统筹政策。"
    tasks = read_tasks(text)
    assert [t["marker"] for t in tasks] == [None, "4.", "5.", "8."]
    assert tasks[0]["title"] == "修订县级医院绩效考核办法"
    assert _flags(tasks[0]) >= {MIDWAY, TAIL} and INLINE not in _flags(tasks[0])
    assert all(_flags(t) >= {"list_marked", MIDWAY, INLINE, OUT} for t in tasks[1:])
    assert tasks[1]["marker_issue"] == "mismatch"  # printed 4, first of what is left


@pytest.mark.parametrize(
    ("text", "markers", "inline"),
    [
        ("全区将重点做好以下工作：\n三、加快区域医疗中心建设。\n四、提升基层首诊能力。\n五、强化院前急救网络。", ["三、", "四、", "五、"], False),
        ("明年，市卫健委将着力抓好：（三）推进健康城市建设；（四）落实职业病防治责任；（六）加强托育服务监管。", ["（三）", "（四）", "（六）"], True),
        ("局党组提出，二是完善分级诊疗，三是抓好慢病管理，四是建强乡村医生队伍。", ["二是", "三是", "四是"], False),
        ("今年的任务是：第二，规范民营医院执业行为；第三，扩大中医药服务供给；第四，办好老年健康服务。", ["第二", "第三", "第四"], False),
    ],
)
def test_a_list_of_any_family_that_starts_mid_way_is_read_and_flagged(text: str, markers: list[str], inline: bool) -> None:
    tasks = read_tasks(text)
    assert [t["marker"] for t in tasks] == markers
    assert all(MIDWAY in _flags(t) for t in tasks)
    assert all((INLINE in _flags(t)) == inline for t in tasks)  # 二是/第二 stand inline as a rule; 三、 on its line


def test_a_list_from_one_may_skip_several_numbers_when_its_markers_are_next_to_each_other() -> None:
    tasks = read_tasks("会议要求：1.压实院感防控责任；2.开展医疗乱象整治；6.推进智慧医院建设。")
    assert [t["marker"] for t in tasks] == ["1.", "2.", "6."]
    assert all(OUT in _flags(t) and MIDWAY not in _flags(t) for t in tasks)


def test_a_lead_in_before_a_mid_way_list_is_no_item() -> None:
    tasks = read_tasks("会议部署了下半年工作：3.扩大免费筛查范围。4.改造县级妇幼保健院。5.建设区域检验中心。")
    assert [t["marker"] for t in tasks] == ["3.", "4.", "5."]


def test_words_before_a_mid_way_list_that_are_not_led_like_an_item_are_no_item() -> None:
    tasks = read_tasks("这些工作由各科室分头负责。3.扩大免费筛查范围。4.改造县级妇幼保健院。5.建设区域检验中心。")
    assert [t["marker"] for t in tasks] == ["3.", "4.", "5."]


@pytest.mark.parametrize(
    "text",
    [
        "3.扩大免费筛查范围。4.改造县级妇幼保健院。",  # two markers: too few to say a list was cut
        "要求：5.扩大免费筛查范围。3.改造县级妇幼保健院。2.建设区域检验中心。",  # decreasing
        "目标：3.扩大免费筛查范围。4.改造县级妇幼保健院。9.建设区域检验中心。",  # 4 -> 9 skips more than max_gap
        "全年门诊量增长3.5%，住院量增长2.8%，床位使用率为86.1%。",  # decimals
        "附图见2.jpg。下载3.pdf。另见4.doc。",  # a file name is not after a boundary of its own
        "2020.8.24印发，2021.3.1施行，2022.5.6修订。",  # dates
    ],
)
def test_lone_decreasing_or_far_numbers_make_no_mid_way_list(text: str) -> None:
    assert _midway_chains(text) == []
    assert not any(MIDWAY in _flags(t) for t in read_tasks(text))


def test_a_mid_way_list_that_reviews_is_not_a_plan() -> None:
    text = "过去一年取得了显著成效：3.医共体建设取得明显成效。4.基层服务能力稳步提升。5.健康扶贫圆满完成。"
    assert read_tasks(text) == []


def test_lists_whose_numbers_restart_in_each_section_are_not_read_as_mid_way() -> None:
    text = "一、强基层\n1.建设村卫生室。\n2.培训乡村医生。\n二、优服务\n1.推广预约诊疗。\n2.改善就医环境。\n3.开展满意度测评。"
    assert _midway_chains(text) == []


def test_a_part_heading_run_into_the_last_item_ends_it() -> None:
    text = "明年将做好：1.完善基层服务网络。2.落实慢病长处方。3.推动远程会诊下沉。第二部分：各区重点工作"
    assert read_tasks(text)[-1]["text"] == "推动远程会诊下沉。"


WORK_POINTS = """某省卫生健康委员会关于印发2027年全省健康促进工作计划的通知
某卫发〔2027〕3号
各市卫生健康委：
现将《2027年全省健康促进工作计划》印发给你们，请认真组织实施。
某省卫生健康委员会
2027年3月2日
编制健康素养监测方案和质量控制规范。3.依托基层医疗机构开设健康教育课堂。4.组织评选健康促进示范单位。6.推进控烟立法调研，开展无烟机关创建。7.建设省级健康科普专家库。
第二部分：专项任务
一、慢病防治
1.
"""


def test_a_work_points_outline_whose_first_part_ran_inline_gives_its_items_first() -> None:
    text = clean_text(WORK_POINTS).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    assert [t["marker"] for t in plan["tasks"]] == [None, "3.", "4.", "6.", "7.", "一、"]
    assert plan["tasks"][0]["title"].startswith("编制健康素养监测方案")
    assert TAIL in _flags(plan["tasks"][0]) and all(MIDWAY in _flags(t) for t in plan["tasks"][:5])
    assert "outline_start_lost" in plan["flag"].split(";")


def test_a_work_points_notice_without_a_mid_way_list_keeps_its_outline_alone() -> None:
    text = clean_text(WORK_POINTS.replace("3.依托", "依托").replace("4.组织", "组织").replace("6.推进", "推进").replace("7.建设", "建设")).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    assert [t["marker"] for t in plan["tasks"]] == ["一、"]
    assert "outline_start_lost" not in (plan["flag"] or "")


INLINE_NOTICE = """某市卫生健康委员会关于印发2027年全市卫生健康工作要点的通知
各区卫生健康局：
现将《2027年全市卫生健康工作要点》印发给你们，请认真贯彻落实。
某市卫生健康委员会
2027年2月2日
2027年全市卫生健康工作要点
{body}
"""


@pytest.mark.parametrize(
    ("body", "markers"),
    [
        ("2027年，全市重点做好以下工作：1.深化公立医院改革，推进医共体建设。2.完善疾控网络。3.提升基层服务能力。", ["1.", "2.", "3."]),
        ("全年工作安排如下：（一）推进分级诊疗；（二）加强妇幼健康服务；（三）建设智慧医院。", ["（一）", "（二）", "（三）"]),
    ],
)
def test_a_work_points_outline_run_inline_after_its_title_gives_its_items(body: str, markers: list[str]) -> None:
    text = clean_text(INLINE_NOTICE.format(body=body)).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    assert [t["marker"] for t in plan["tasks"]] == markers
    assert "outline_inline" in plan["flag"].split(";")


def test_an_attachment_list_after_the_title_is_no_inline_outline() -> None:
    body = "附件：1.2027年全市卫生健康工作要点。2.重点任务分解表。3.联系人名单。"
    text = clean_text(INLINE_NOTICE.format(body=body)).text
    plans = extract_document(text, kind=None, published=None)["plans"]
    assert not any("outline_inline" in (p["flag"] or "") for p in plans)
    assert not any(t["marker"] == "1." for p in plans for t in p["tasks"])


def test_an_outline_of_lines_keeps_its_items_alone_beside_an_inline_list_in_its_opening() -> None:
    body = "总体要求：1.坚持预防为主。2.坚持中西医并重。3.坚持改革创新。\n一、深化医药卫生体制改革\n二、加强公共卫生体系建设"
    text = clean_text(INLINE_NOTICE.format(body=body)).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    assert [t["marker"] for t in plan["tasks"]] == ["一、", "二、"]
    assert "outline_inline" not in (plan["flag"] or "")


def test_a_prose_list_after_the_title_is_no_inline_outline() -> None:
    body = "主要任务：一是深化公立医院改革；二是完善疾控网络；三是提升基层服务能力。"
    text = clean_text(INLINE_NOTICE.format(body=body)).text
    plans = extract_document(text, kind=None, published=None)["plans"]
    assert not any("outline_inline" in (p["flag"] or "") for p in plans)
