"""The list reader on texts as copied from real pages: an adverb with its particle 地 still leads a measure
(持之以恒地抓好…), a marker whose item the copy cut after its modal (七是要<end>) is no task, and a passage the page
prints twice gives its items once. Sentences written for these tests; pure functions, no build."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.rules import directive_at, is_generic, verb_at
from pipeline.parse.lists.unmarked import only_attributes
from tests.list_reading import read_tasks, task_titles


@pytest.mark.parametrize("clause", ["持之以恒地抓好行风建设", "扎实地推进医共体建设", "认真地做好疫苗接种", "进一步地完善分级诊疗"])
def test_an_adverb_with_its_particle_leads_a_measure(clause: str) -> None:
    assert verb_at(clause, 0, len(clause))
    assert directive_at(clause, 0, len(clause)) is not None


@pytest.mark.parametrize("clause", ["重点地区疫情平稳", "地方财政投入", "认真地"])
def test_the_particle_makes_no_measure_without_a_verb(clause: str) -> None:
    assert not verb_at(clause, 0, len(clause))


def test_measures_written_with_the_particle_are_split_like_any_other() -> None:
    text = (
        "局长强调，要加强行业作风建设，筑牢医务人员廉洁从业防线，认真地开展医疗领域突出问题专项整治，"
        "持之以恒地抓好医德医风建设，扎实地推进清廉医院创建。要完善医疗纠纷调解机制。"
    )
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["加强行业作风建设", "完善医疗纠纷调解机制"]
    assert [c["title"] for c in tasks[0]["children"]] == [
        "筑牢医务人员廉洁从业防线",
        "认真地开展医疗领域突出问题专项整治",
        "持之以恒地抓好医德医风建设",
        "扎实地推进清廉医院创建",
    ]


@pytest.mark.parametrize("cut", ["七是要", "七是", "七要", "（七）要"])
def test_an_item_cut_after_its_marker_or_modal_is_no_task(cut: str) -> None:
    text = (
        "会议强调，2023年全系统要抓好以下工作：一是要加强人才培养，壮大基层队伍；二是要推进县域医共体建设；"
        "三是要完善疾控体系；四是要提升妇幼服务能力；五是要实施中医药振兴工程；六是要加快智慧医院建设；" + cut
    )
    titles = task_titles(text)
    assert len(titles) == 6
    assert titles[-1] == "要加快智慧医院建设"


@pytest.mark.parametrize("subject", ["全县卫生健康系统", "全市疾控系统", "各乡镇卫生院"])
def test_a_passage_printed_twice_gives_its_items_once(subject: str) -> None:
    passage = (
        f"副县长强调，{subject}要扎实开展医疗卫生领域专项整治。要加强领导班子建设，选优配强院长队伍。"
        "要加快补齐公共卫生短板，提升传染病监测预警能力。"
    )
    titles = task_titles("会议部署了2024年工作。\n" + passage + "\n" + passage + "\n")
    assert titles == ["扎实开展医疗卫生领域专项整治", "加强领导班子建设", "加快补齐公共卫生短板"]


def test_the_same_measure_in_two_different_passages_is_kept_once_but_distinct_ones_stay() -> None:
    text = (
        "会议要求，要加强基层医疗队伍建设。要推进医共体建设。\n"
        "会议强调，要推进医共体建设。要完善家庭医生签约服务。\n"
    )
    assert task_titles(text) == ["加强基层医疗队伍建设", "推进医共体建设", "完善家庭医生签约服务"]


# A sentence in the mood of work to come: its subject's modal (将, 要) sets every verb-led clause after it as a measure,
# so half of its clauses led by a directive verb make it a plan in prose (two thirds without the modal).


@pytest.mark.parametrize(
    ("opening", "modal"),
    [("据国家卫健委消息，“十四五”期间，国家", "将"), ("记者从省卫生健康委获悉，今年全省", "将"), ("会议强调，全市各级医疗机构", "要")],
)
def test_a_sentence_after_its_subjects_modal_is_read_with_half_its_clauses_led(opening: str, modal: str) -> None:
    text = opening + modal + "支持各地建设一批区域医疗中心，推动优质医疗资源向基层延伸，尽可能方便群众就近就医。"
    assert task_titles(text) == ["支持各地建设一批区域医疗中心", "推动优质医疗资源向基层延伸"]


def test_without_a_modal_a_sentence_needs_two_thirds_of_its_clauses_led() -> None:
    text = "会议强调，全市医院近年来积极探索，推动资源下沉，建设医联体，群众看病更方便，就医体验持续改善。"
    assert task_titles(text) == []


@pytest.mark.parametrize("speaker", ["省中医药管理局局长介绍", "市卫生健康委主任透露", "她介绍"])
def test_a_speaker_who_introduces_the_plan_only_attributes_it(speaker: str) -> None:
    assert only_attributes(speaker, 0, len(speaker))


def test_a_measure_led_by_tongshi_is_a_measure() -> None:
    clause = "同时聚焦生物医药、现代中医药等产业"
    assert verb_at(clause, 0, len(clause))


@pytest.mark.parametrize("modal", ["要", "将"])
def test_a_run_of_four_character_slogans_lists_no_measures(modal: str) -> None:
    text = (
        f"会议要求，各地各单位{modal}立足统筹，着眼长远，突出重点，强化改革，加快推进分级诊疗制度建设，"
        "完善家庭医生签约服务，提升基层首诊能力。"
    )
    assert task_titles(text) == ["加快推进分级诊疗制度建设", "完善家庭医生签约服务", "提升基层首诊能力"]


def test_short_measures_that_make_no_run_of_slogans_stay() -> None:
    text = "会议要求，全县各医疗机构要优化布局，加快推进医共体建设，完善家庭医生签约服务，提升基层首诊能力。"
    assert task_titles(text) == ["优化布局", "加快推进医共体建设", "完善家庭医生签约服务", "提升基层首诊能力"]


@pytest.mark.parametrize(
    "clause",
    [
        "紧扣“追赶超越”和“五个扎实”要求",
        "对照国家区域医疗中心建设标准",
        "继续围绕“两大任务”",
        "以更宽的视野和更高的站位",
        "以更加务实的作风",
        "确保“十四五”卫生健康规划圆满收官",
        "不断增强人民群众的获得感和满意度",
        "把学习贯彻全会精神作为首要政治任务",
        "把人民群众生命安全放在首位",
    ],
)
def test_circumstance_manner_aims_and_stances_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize(
    "clause",
    ["围绕“一老一小”完善托育和养老服务", "对照标准补齐乡镇卫生院短板", "把家庭医生签约服务作为基层改革重点", "推进中医药事业发展"],
)
def test_measures_sharing_those_first_words_stay_measures(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


# An item that names its parts (CONVENTIONS 3): parts sharing one head noun, or closed by 等 and a noun of deliverables;
# a bracket that explains one item lists no parts, and 等工作 names fields of work, not parts.


def _requirements(first: str) -> str:
    return f"会议强调，{first}。要完善家庭医生签约服务，提高签约居民续约率。"


@pytest.mark.parametrize(
    ("item", "parts"),
    [
        ("要强化队伍保障、经费保障、制度保障，为全县卫生健康工作提供支撑", ["队伍保障", "经费保障", "制度保障"]),
        ("要推进胸痛中心建设、卒中中心建设、创伤中心建设", ["胸痛中心建设", "卒中中心建设", "创伤中心建设"]),
        ("要抓好妇幼保健、老年健康、职业健康等服务，坚决守住健康底线", ["妇幼保健", "老年健康", "职业健康"]),
        ("要实施县医院提标、乡镇卫生院提质、村卫生室提档等工程", ["县医院提标", "乡镇卫生院提质", "村卫生室提档"]),
    ],
)
def test_a_requirement_that_names_its_parts_has_them_as_children(item: str, parts: list[str]) -> None:
    tasks = read_tasks(_requirements(item))
    assert len(tasks) == 2
    assert [c["title"] for c in tasks[0]["children"]] == parts


@pytest.mark.parametrize(
    "item",
    [
        "要开展健康教育“五进”（进家庭、进学校、进医院）活动",
        "要加强疾病防控、卫生应急、卫生监督等工作，提升公共卫生服务能力",
        "要加强疾病防控、卫生应急、妇幼健康、卫生监督",
    ],
)
def test_brackets_fields_of_work_and_unlike_parts_make_no_children(item: str) -> None:
    tasks = read_tasks(_requirements(item))
    assert len(tasks) == 2
    assert tasks[0]["children"] == []
