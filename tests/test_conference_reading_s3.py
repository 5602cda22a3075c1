"""Conference reports as real reports write them (session 3): who holds a 全区 meeting, a meeting held in a long
room name, a work year set off by a comma, requirements whose measures follow their headline, a speaker's 要求
fused with the first measure, a sentence that opens on an attitude, and the clauses that are no tasks
(attitudes after an adverb, closing calls, principles). Every text is written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.conference.report import parse_meeting_report
from pipeline.parse.lists.rules import is_attitude, is_generic
from pipeline.text.clean import clean_text
from tests.list_reading import read_tasks, task_titles


def report(raw: str):
    found = parse_meeting_report(clean_text(raw).text)
    assert found is not None, raw
    return found


# --- who holds a 全区 meeting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("titles", "code"),
    [
        ("区委常委、副区长李强出席会议并讲话，秀英区卫生健康委员会主任符海作工作报告。", "460105"),
        ("区长王芳出席会议并讲话。渝北区卫生健康委主任张三作工作报告。", "500112"),
        ("区政府副区长赵六出席会议并讲话。", None),  # a district, but which one the text does not say
    ],
)
def test_a_district_meeting_is_county_level(titles: str, code: str | None) -> None:
    found = report(f"2月6日，全区卫生健康工作会议召开。{titles}\n会议要求，要做实家庭医生签约服务；要加强妇幼健康服务。")
    assert (found.scope, found.region_code) == ("county", code)
    assert "district_meeting_from_titles" in found.flags


@pytest.mark.parametrize(
    "titles",
    [
        "自治区副主席黄华出席会议并讲话，自治区卫生健康委主任廖平作工作报告。",
        "卫生健康委主任廖平作工作报告。",  # no district body named: the reading of 全区 as before
    ],
)
def test_an_autonomous_region_meeting_stays_provincial(titles: str) -> None:
    found = report(f"1月8日，全区卫生健康工作会议在南宁召开。{titles}\n会议要求，要推进区域医疗中心建设。")
    assert found.scope == "provincial" and "district_meeting_from_titles" not in found.flags


# --- meeting sentence and work year ------------------------------------------------------------------


@pytest.mark.parametrize(
    "room", ["市卫生健康委机关五楼会议室", "县人民医院门诊楼十二楼学术报告厅", "市行政中心"]
)
def test_a_meeting_held_in_a_long_room_name_keeps_its_date_and_place(room: str) -> None:
    found = report(f"4月9日上午，潍坊市卫生健康工作视频会议在{room}召开。会议部署2020年重点工作。")
    assert str(found.start_date) == "2020-04-09" and found.location.endswith(room)


@pytest.mark.parametrize(
    "sentence",
    [
        "会议强调，2024年，全区卫生健康系统要推进医共体建设。",
        "会议要求，2024年，全市卫生健康战线将加快智慧医院建设。",
        "局长指出，2024年，我县卫生健康工作要聚焦基层。",
    ],
)
def test_a_work_year_set_off_by_a_comma_is_the_year_ahead(sentence: str) -> None:
    assert report("2月6日，全县卫生健康工作会议召开。\n" + sentence).work_year == 2024


def test_a_year_set_off_by_a_comma_that_only_reviews_or_requires_is_no_year_ahead() -> None:
    found = report("2月6日，全县卫生健康工作会议召开。\n会议指出，2023年，全县卫生健康系统取得新成效。会议要求，2023年，全县要求严格。")
    assert found.work_year is None


# --- requirements and their measures -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requirement", "measures"),
    [
        ("要健全工作机制，完善健康策略，统筹推进健康城市建设。", ["完善健康策略", "统筹推进健康城市建设"]),
        (
            "要聚焦重点，扎实推进公立医院改革、医共体建设，全力做好传染病防控工作，推动全县卫生健康事业高质量发展。",
            ["扎实推进公立医院改革、医共体建设", "全力做好传染病防控工作"],  # the closing call is no measure
        ),
        ("必须积极应对老龄化，抓好托育服务体系建设，持续深化医养结合。", ["抓好托育服务体系建设", "持续深化医养结合"]),
    ],
)
def test_a_requirement_carries_the_measures_after_its_headline(requirement: str, measures: list[str]) -> None:
    text = "副市长要求，要提高站位，抓好落实。" + requirement + "要加强队伍建设，改进工作作风。"
    tasks = read_tasks(text)
    parent = next(t for t in tasks if t["text"].startswith(requirement[1:5]) or t["text"].startswith(requirement[2:6]))
    assert [c["title"] for c in parent["children"]] == measures
    assert {c["flag"] for c in parent["children"]} == {"list_prose_clauses"}


def test_a_requirement_of_one_measure_or_of_attitudes_has_no_children() -> None:
    text = "会议要求，要坚持“预防为主”的原则，慎终如始抓好疫情防控工作。要转变作风，凝心聚力，奋发有为。要加快医共体建设。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["坚持“预防为主”的原则", "加快医共体建设"]
    assert all(t["children"] == [] for t in tasks)


def test_a_requirement_ends_with_its_paragraph() -> None:
    text = "县长说，做好今年的工作，必须精准对接群众需求，确保开好头。\n县长要求，要加快医共体建设。要提升乡镇卫生院服务能力。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["加快医共体建设", "提升乡镇卫生院服务能力"]  # not the 必须 of the paragraph before


def test_a_requirement_not_led_by_a_verb_ends_the_one_before() -> None:
    text = "会议要求，要加快医共体建设，抓好人才培养。要提升乡镇卫生院服务能力，做好风险防范。要锤炼过硬本领，狠抓工作落实。"
    last = read_tasks(text)[-1]
    assert last["text"].startswith("提升乡镇卫生院服务能力") and "锤炼" not in last["text"]


# --- a speaker's 要求 fused with the first measure, a sentence opening on an attitude ------------------------


@pytest.mark.parametrize("speaker", ["副县长要求", "他强调", "局长李明要求"])
def test_a_speaker_fused_with_the_first_measure(speaker: str) -> None:
    text = f"{speaker}加快推进县域医共体建设，优化医疗资源配置，持续提升基层服务能力。"
    assert task_titles(text) == ["加快推进县域医共体建设", "优化医疗资源配置", "持续提升基层服务能力"]


def test_a_sentence_opening_on_an_attitude_keeps_its_measures() -> None:
    text = (
        "会议要求，全市上下要统一思想。\n"
        "市长要求牢固树立大卫生、大健康理念，始终把人民健康放在优先发展的战略位置，加快转变发展方式，优化资源配置，"
        "持续提升服务能力。要加强基层卫生人才培养，抓好乡村医生队伍建设。"
    )
    titles = task_titles(text)
    assert titles[:3] == ["加快转变发展方式", "优化资源配置", "持续提升服务能力"]
    assert not any(t.startswith(("牢固树立", "始终把")) for t in titles)


def test_a_requirement_that_opens_on_an_attitude_is_left_out_whole() -> None:
    text = "会议强调，要提高政治站位，全面增强工作意识，进一步增强主动性。要加快医共体建设。要推进智慧医院建设。"
    assert task_titles(text) == ["加快医共体建设", "推进智慧医院建设"]


# --- clauses that are no tasks -------------------------------------------------------------------------


@pytest.mark.parametrize("clause", ["坚决克服麻痹思想、厌战情绪", "慎终如始", "切实克服松劲心态", "牢固树立大健康理念", "树牢底线思维"])
def test_attitudes_after_an_adverb(clause: str) -> None:
    assert is_attitude(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["坚决打赢疫情防控阻击战", "切实加强医疗质量管理", "树立一批基层卫生典型"])
def test_work_is_no_attitude(clause: str) -> None:
    assert not is_attitude(clause, 0, len(clause))


@pytest.mark.parametrize(
    "clause",
    [
        "确保如期完成“十四五”规划确定的目标任务",
        "全面完成全年目标任务",
        "始终把人民健康放在优先发展的战略位置",
        "坚持以人民为中心的发展理念",
        "全面落实新时代卫生与健康工作方针",
        "切实解决群众反映强烈的突出问题",
    ],
)
def test_closing_calls_and_principles_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["完成村卫生室标准化建设", "把家庭医生签约服务纳入绩效考核", "解决乡村医生待遇保障"])
def test_work_is_not_generic(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


def test_a_verb_and_joined_counts_is_no_measure() -> None:
    text = "会议要求，要加强规划引领，扎实推进6大任务、20项具体工作，积极争取上级支持，做好项目谋划。要加快医共体建设。"
    titles = [c["title"] for t in read_tasks(text) for c in t["children"]]
    assert "扎实推进6大任务、20项具体工作" not in titles and "积极争取上级支持" in titles


def test_an_enumeration_sized_by_a_quoted_count_has_no_stray_quotes() -> None:
    text = "会议强调，今年全市要力促医药卫生体制改革、中医药传承创新、综合执法监督“三项重点突破”，打好健康扶贫、医养结合“两大攻坚战”。"
    tasks = read_tasks(text)
    assert [c["title"] for c in tasks[0]["children"]] == ["医药卫生体制改革", "中医药传承创新", "综合执法监督"]
    assert [c["title"] for c in tasks[1]["children"]] == ["健康扶贫", "医养结合"]
