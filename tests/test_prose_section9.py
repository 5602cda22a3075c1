"""CONVENTIONS 9 (prose sentences), as the one prose reader applies it: the unit first (9.1: ；-parts and runs of
要-sentences built alike are items, one task each), then one task per comma clause that names a measure (9.2), with
no task from leads, circumstance leads, closing aims and a closing clause that sums up the measures (9.4), one task
per field enumerated under one generic verb, and nothing from the framing section of a plan (9.5).
Every sentence here was written for these tests; the issuers, leads and verbs vary."""

from __future__ import annotations

import pytest

from pipeline.parse.lists import list_tasks, prose_tasks
from pipeline.parse.lists.clause_classes import frames_a_plan
from pipeline.parse.lists.unmarked import prose_items


def _passage(text: str) -> list[str]:
    """The openings of the tasks the passage reader (round-ups, briefs, deploy sentences) finds."""
    return [text[t["start"] : t["end"]].rstrip("。，；") for t in prose_tasks(text, 0, len(text))]


def _sentence(text: str) -> list[str]:
    """The tasks the sentence reader (inside the list reader) finds."""
    return [text[p.start : p.end] for p in prose_items(text, 0, len(text))]


LEADS = ["会议强调，2025年全县要", "市长在讲话中要求，全市上下要", "新的一年，全省将", "批示指出，要", "会议提出，今年全区将"]


# 9.2: a prose sentence gives one task per measure clause, starting at its first character (after 要/将)


@pytest.mark.parametrize("lead", LEADS)
def test_two_measure_clauses_give_two_tasks(lead: str) -> None:
    text = lead + "推进紧密型县域医共体建设，完善家庭医生签约服务。"
    assert _passage(text) == ["推进紧密型县域医共体建设", "完善家庭医生签约服务"]


def test_one_measure_clause_gives_one_task() -> None:
    assert _passage("今年，某县将实施基层卫生人才培养计划。") == ["实施基层卫生人才培养计划"]


@pytest.mark.parametrize("lead", LEADS)
def test_guiding_relaying_and_stance_leads_give_no_task(lead: str) -> None:
    text = (
        lead + "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持新时代卫生与健康工作方针，"
        "始终把人民健康放在优先发展的战略位置，深入开展健康促进行动，扎实推进健康乡镇建设。"
    )
    assert _passage(text) == ["深入开展健康促进行动", "扎实推进健康乡镇建设"]
    assert _sentence(text) == ["深入开展健康促进行动", "扎实推进健康乡镇建设"]


@pytest.mark.parametrize(
    "circumstance",
    ["以提高全市人均预期寿命为目标", "以县域医共体建设为抓手", "围绕群众看病就医的急难愁盼问题", "紧紧围绕健康某市建设这一主线", "结合乡村振兴战略"],
)
def test_a_circumstance_lead_gives_no_task_and_the_task_starts_at_the_next_measure(circumstance: str) -> None:
    text = "县长在会上要求，" + circumstance + "，加快补齐基层医疗短板，推动优质医疗资源下沉。"
    assert _passage(text) == ["加快补齐基层医疗短板", "推动优质医疗资源下沉"]
    assert _sentence(text) == ["加快补齐基层医疗短板", "推动优质医疗资源下沉"]


def test_a_circumstance_clause_with_its_own_verb_and_object_is_a_measure() -> None:
    text = "会议要求，要围绕重点人群开展健康教育，推进慢性病综合防控。"
    assert _passage(text) == ["围绕重点人群开展健康教育", "推进慢性病综合防控"]


@pytest.mark.parametrize(
    "closing",
    ["为建设健康某省作出更大贡献", "让群众在家门口享有优质服务", "确保各项任务落地见效", "推动全市卫生健康事业高质量发展"],
)
def test_closing_aims_give_no_task(closing: str) -> None:
    text = "会议强调，要加快建设区域医疗中心，持续深化公立医院改革，推进智慧医院建设，" + closing + "。"
    assert _passage(text) == ["加快建设区域医疗中心", "持续深化公立医院改革", "推进智慧医院建设"]
    assert _sentence(text) == ["加快建设区域医疗中心", "持续深化公立医院改革", "推进智慧医院建设"]


@pytest.mark.parametrize(
    "summing",
    ["全面提升医疗卫生服务能力和水平", "不断提高卫生健康服务质量", "坚决打赢疫情防控攻坚战", "提升村医服务能力", "提升乡镇卫生院服务水平"],
)
def test_a_closing_clause_that_sums_up_the_measures_gives_no_task(summing: str) -> None:
    text = "新的一年，全县将推进乡镇卫生院标准化建设，加强村医队伍培训，完善远程诊疗网络，" + summing + "。"
    assert _passage(text) == ["推进乡镇卫生院标准化建设", "加强村医队伍培训", "完善远程诊疗网络"]


def test_the_same_clause_first_among_the_measures_with_a_number_or_naming_a_new_field_is_a_task() -> None:
    first = "今年，全市将全面提升基层医疗卫生服务能力，推进医共体建设，完善远程诊疗网络。"
    assert _passage(first)[0] == "全面提升基层医疗卫生服务能力"
    among = "今年，全市将推进医共体建设，提升基层医疗卫生服务水平，完善远程诊疗网络。"
    assert _passage(among) == ["推进医共体建设", "提升基层医疗卫生服务水平", "完善远程诊疗网络"]
    new_field = "今年，全市将推进医共体建设，完善远程诊疗网络，持续提升中医药服务能力。"
    assert _passage(new_field)[-1] == "持续提升中医药服务能力"
    field = "今年，全市将推进医共体建设，完善远程诊疗网络，提升基层服务能力。"
    assert _passage(field)[-1] == "提升基层服务能力"
    number = "今年，全市将推进医共体建设，完善远程诊疗网络，提升基层服务能力达到90%以上。"
    assert _passage(number)[-1] == "提升基层服务能力达到90%以上"
    battle_only = "会议要求，全区要坚决打赢疫情防控阻击战。"
    assert _passage(battle_only) == ["坚决打赢疫情防控阻击战"]


def test_only_one_closing_clause_sums_up() -> None:
    text = "会议要求，全市疾控系统要加快推进疾控体系改革，强化人才队伍建设，提升卫生监督执法效能，全面提升疾控体系能力水平。"
    assert _passage(text) == ["加快推进疾控体系改革", "强化人才队伍建设", "提升卫生监督执法效能"]


@pytest.mark.parametrize("closer", ["等方面", "等领域"])
def test_fields_enumerated_under_one_generic_verb_give_one_task_each(closer: str) -> None:
    text = "会议指出，要围绕医疗卫生、公共卫生、中医药、人才培养" + closer + "，进一步深化区域合作，共同为区域协调发展作出积极贡献。"
    assert _passage(text) == ["医疗卫生", "公共卫生", "中医药", "人才培养"]


def test_an_enumeration_with_a_verb_of_work_after_it_is_not_a_field_list() -> None:
    text = "会议指出，要围绕医疗卫生、公共卫生等方面，新建3所区域医疗中心，推进医共体建设。"
    assert _passage(text) == ["新建3所区域医疗中心", "推进医共体建设"]


# 9.1: the unit first


@pytest.mark.parametrize("separator", ["；", ";"])
def test_semicolon_parts_are_items_one_task_each(separator: str) -> None:
    text = (
        "会议要求，要深化医药卫生体制改革，推进分级诊疗" + separator + "要加强公共卫生体系建设，提升应急能力"
        + separator + "要推动中医药传承创新，建设名医工作室。"
    )
    assert [t[:6] for t in _passage(text)] == ["深化医药卫生", "加强公共卫生", "推动中医药传"]


def test_a_semicolon_part_without_a_verb_of_the_list_goes_on_with_the_item_before() -> None:
    text = "今年，该区将新建社区卫生服务中心2所，扩建门诊楼；改造提升村卫生室50处，实现村村有标准化卫生室。"
    tasks = prose_tasks(text, 0, len(text))
    assert len(tasks) == 1 and "50处" in text[tasks[0]["start"] : tasks[0]["end"]]


@pytest.mark.parametrize(
    "run",
    [
        "要坚持问题导向，着力解决群众看病难问题。要坚持目标导向，加快建设健康城市。要坚持结果导向，完善绩效考核制度。",
        "要加强规划引领，编制区域卫生规划。要加强政策协同，完善医保支付政策。",
        "要织密疾控网络，坚定不移打好疾控攻坚战。要补齐基层短板，坚定不移打好基层攻坚战。",
    ],
)
def test_a_run_of_requirements_built_alike_gives_one_task_per_sentence(run: str) -> None:
    text = "会议要求，" + run
    assert len(_passage(text)) == run.count("。")


def test_requirements_not_built_alike_are_prose() -> None:
    text = "会议要求，要加快建设区域医疗中心，推进智慧医院建设。要织密疾控网络，完善监测预警体系。"
    assert len(_passage(text)) == 4


# 9.5: the framing section of a plan gives no task


@pytest.mark.parametrize("heading", ["一、总体目标", "（一）指导思想", "总体要求"])
def test_a_framing_heading_is_recognised(heading: str) -> None:
    assert frames_a_plan(heading)


@pytest.mark.parametrize("heading", ["一、重点任务", "加强基层卫生人才队伍建设。推进医共体建设，总体要求明确。"])
def test_other_lines_frame_nothing(heading: str) -> None:
    assert not frames_a_plan(heading)


def test_prose_under_a_framing_heading_gives_no_task() -> None:
    text = (
        "某县推进医共体建设实施方案\n一、总体目标\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
        "围绕“县强、乡活、村稳”目标，着力推动人员下沉，推进县乡一体管理，全面提升县域综合服务能力。"
    )
    assert list_tasks(text) == []
    deployed = text.replace("一、总体目标", "会议部署")
    assert [t["text"][:4] for t in list_tasks(deployed)] == ["着力推动", "推进县乡"]
