"""Conference reports as real reports write them (session 4): a leader's requirements that state attitudes and work
style rather than measures (要增强政治自觉，履行责任担当，强化风险意识，筑牢廉洁防线，…), framing roles (以…为主题,
以…为动力, 以“…”为目标 as a slogan), closing calls (推动…事业稳中有进, 服务好全市人民), and sentences that review the
year past in the words of a plan (扎实开展…取得明显成效; 回顾总结了…). Every text is written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.rules import is_attitude, is_framing, is_generic, is_style
from pipeline.parse.lists.stances import mostly_attitude
from tests.list_reading import read_tasks, task_titles

# --- attitude and work-style clauses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "增强政治自觉",
        "进一步增强思想自觉和行动自觉",
        "切实履行责任担当",
        "持续强化风险意识",
        "牢牢筑牢廉洁防线",
        "不断提升机关服务效能",
        "始终保持奋发有为的精神状态",
        "激发干部职工干事热情",
        "树牢底线意识",
    ],
)
def test_a_clause_whose_object_is_a_stance_is_an_attitude(clause: str) -> None:
    assert is_style(clause, 0, len(clause)) and is_attitude(clause, 0, len(clause))


@pytest.mark.parametrize(
    "clause",
    [
        "提升基层医疗服务能力",
        "筑牢公共卫生安全防线",
        "强化传染病监测预警",
        "提高居民健康素养水平",
        "加强卫生人才队伍建设",
        "增强县级医院综合服务能力",
    ],
)
def test_a_clause_whose_object_is_work_is_no_attitude(clause: str) -> None:
    assert not is_style(clause, 0, len(clause)) and not is_attitude(clause, 0, len(clause))


@pytest.mark.parametrize(
    "requirement",
    [
        "要增强政治自觉，履行责任担当，狠抓工作落实，强化风险意识，筑牢廉洁防线，抓实作风建设，提升服务效能。",
        "要进一步增强干事创业的责任感和使命感，始终保持昂扬向上的精神状态，推动卫生健康事业发展稳中有进。",
        "要主动作为、担当实干，以“政风清朗、医风清正”为目标，服务好全县人民，不断增强群众的获得感。",
    ],
)
@pytest.mark.parametrize("speaker", ["县长强调，", "副市长要求，", "厅长在讲话中指出，"])
def test_a_requirement_of_attitudes_and_style_gives_no_task(requirement: str, speaker: str) -> None:
    text = speaker + "要加快县域医共体建设，推进乡镇卫生院提档升级。" + requirement + "要抓好传染病防控，完善监测预警机制。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["加快县域医共体建设", "抓好传染病防控"]
    assert all(not t["children"] for t in tasks)


def test_requirements_separated_by_semicolons_drop_the_one_of_stance() -> None:
    text = (
        "副市长要求，要持续深化公立医院综合改革；要进一步增强风险意识，始终保持奋发有为的精神状态，"
        "服务好全市人民；要加快区域医疗中心建设。"
    )
    assert task_titles(text) == ["持续深化公立医院综合改革", "加快区域医疗中心建设"]


def test_a_style_clause_among_measures_is_no_child() -> None:
    text = "会议要求，要加快医共体建设，强化风险意识，推进智慧医院建设，完善分级诊疗制度，推广日间手术，加强院感防控。要做好秋冬季疫情防控。"
    first = read_tasks(text)[0]
    assert [c["title"] for c in first["children"]] == ["推进智慧医院建设", "完善分级诊疗制度", "推广日间手术", "加强院感防控"]


def test_leadership_and_closing_calls_alone_do_not_make_a_requirement_one_of_stance() -> None:
    """加强领导 is organisation, not attitude: a requirement of it and closing calls is still read (an item's
    words start after its modal 要)."""
    words = "切实加强领导、强化措施，着力推动各项决策部署落地生根，促进全市卫生健康事业高质量发展"
    assert not mostly_attitude(words, 0, len(words))
    words = "强化风险意识，加快医共体建设，推进智慧医院建设"
    assert not mostly_attitude(words, 0, len(words))
    words = "强化风险意识，筑牢廉洁防线，加快医共体建设"
    assert not mostly_attitude(words, 0, len(words))  # two stances, one measure: not more than twice as many
    words = "强化风险意识，筑牢廉洁防线，提升服务效能，加快医共体建设"
    assert mostly_attitude(words, 0, len(words))


# --- framing roles and closing calls ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "以高质量发展为主题，",
        "以深化医改为动力，",
        "以数字化改革为引领，",
        "以高质量党建引领卫生健康事业高质量发展为主题，",
        "以“党风清明、院风清朗”为目标，",
    ],
)
def test_framing_roles_frame_the_work(clause: str) -> None:
    assert is_framing(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["以深化医改为重点，", "以打造“四大高地”为目标，", "以家庭医生签约为抓手推进分级诊疗"])
def test_a_goal_or_focus_that_names_work_is_no_framing_role(clause: str) -> None:
    # 为抓手 frames; the third clause is framing followed by work, read by the framed-start rule
    assert is_framing(clause, 0, len(clause)) == clause.startswith("以家庭医生")


def test_a_requirement_starts_after_its_framing_role() -> None:
    text = "厅长指出，今年要以深化医改为动力，加快分级诊疗制度建设。要以数字化改革为引领，建设全民健康信息平台。"
    assert task_titles(text) == ["加快分级诊疗制度建设", "建设全民健康信息平台"]


@pytest.mark.parametrize(
    "clause",
    [
        "推动卫生健康事业发展稳中有进、提质增效",
        "促进全市卫生计生事业高质量发展",
        "全力推进卫生事业跨越发展",
        "不断提高人民健康水平",
        "建设人民满意的卫生健康事业",
        "服务好全县人民群众",
        "着力推动各项决策部署落地生根",
    ],
)
def test_closing_calls_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["推动县级医院提标扩能", "提高乡村医生待遇水平", "建设区域全民健康信息平台", "服务好老年人健康体检"])
def test_work_near_a_closing_call_is_not_generic(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


# --- review written in the words of a plan -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "会议指出，2023年，全区卫生健康系统扎实开展主题教育取得明显成效，有力推动基层服务能力显著提升，"
        "着力推动中医药事业快速发展，大力推进医共体建设。",
        "全县卫生健康工作会议召开。会议全面回顾总结了2023年卫生健康工作，安排部署了2024年工作任务，表彰了先进集体。",
        "局长说，过去一年全市推动家庭医生签约服务取得新进展，促进妇幼健康服务明显改善，实施了健康乡村行动。",
    ],
)
def test_a_sentence_that_reports_the_year_past_gives_no_task(text: str) -> None:
    assert task_titles(text) == []


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("会议要求，全县要稳步推进紧密型医共体建设，有序推进乡村一体化管理，力争基层诊疗量明显提升。", "稳步推进紧密型医共体建设"),
        ("局长强调，新的一年，要深入开展爱国卫生运动，推动健康县城建设取得新进展，加快补齐公共卫生短板，全面提升基层服务能力。", "深入开展爱国卫生运动"),
        ("市长要求，要深入了解群众就医需求，优化门诊服务流程，推广预约诊疗。", "深入了解群众就医需求"),
    ],
)
def test_a_plan_with_goal_words_or_one_result_is_still_read(text: str, first: str) -> None:
    titles = task_titles(text)
    assert titles and titles[0] == first and len(titles) >= 3


# --- a list of stances alone, a requirement's later sentences, slogans, more verbs -------------------------


def test_when_the_only_requirements_state_stances_the_deploying_sentence_is_read() -> None:
    text = (
        "会议指出，2024年，全县卫生健康系统要围绕健康县城这条主线，加快补齐公共卫生短板，持续深化医药卫生体制改革，"
        "不断提升医疗服务能力。会议强调，要增强政治自觉，强化风险意识，筑牢廉洁防线；要保持昂扬向上的精神状态，提升服务效能。"
    )
    # 不断提升医疗服务能力 closes the sentence and sums up its measures: no task (CONVENTIONS 9.4)
    assert task_titles(text) == ["加快补齐公共卫生短板", "持续深化医药卫生体制改革"]


def test_a_requirement_keeps_the_measures_of_its_later_sentences() -> None:
    text = (
        "会议要求，要做好传染病防治工作，落实好免疫规划政策，继续抓好结核病防治。"
        "进一步加强基层服务体系建设，继续加强基础设施建设，切实加强卫生人才队伍建设。要加强行业管理。"
    )
    first = read_tasks(text)[0]
    assert [c["title"] for c in first["children"]] == [
        "落实好免疫规划政策",
        "继续抓好结核病防治",
        "进一步加强基层服务体系建设",
        "继续加强基础设施建设",
        "切实加强卫生人才队伍建设",
    ]


def test_a_numbered_requirement_does_not_take_its_later_sentences_as_children() -> None:
    """一要… often elaborates its head in a second sentence (一要锐意进取。要围绕…): only its first sentence's
    measures are its children."""
    text = (
        "局长强调，一要加快医共体建设，推进资源下沉，优化就医流程，完善双向转诊，推广远程会诊。要强化人才支撑，完善激励机制，"
        "落实待遇保障。二要抓好疫情防控。"
    )
    first = read_tasks(text)[0]
    assert [c["title"] for c in first["children"]] == ["推进资源下沉", "优化就医流程", "完善双向转诊", "推广远程会诊"]


@pytest.mark.parametrize(
    "clause",
    ["深入实施“健康先行、服务争先、实干争效”行动", "全面开展“查隐患、保安全、促发展”专项行动"],
)
def test_a_quoted_slogan_is_one_name_not_a_list(clause: str) -> None:
    text = f"副省长要求，要坚定不移推进医改；要{clause}。"
    tasks = read_tasks(text)
    assert tasks[-1]["title"] == clause and tasks[-1]["children"] == []


def test_an_unquoted_enumeration_before_its_head_is_still_split() -> None:
    text = "副省长要求，要坚定不移推进医改；要开展医疗卫生、疾病防控、健康促进三大专项行动。"
    assert [c["title"] for c in read_tasks(text)[-1]["children"]] == ["医疗卫生", "疾病防控", "健康促进"]


@pytest.mark.parametrize("lead", ["持之以恒抓好", "坚定不移抓好", "搞好", "毫不松懈抓紧抓好"])
def test_more_ways_a_measure_opens(lead: str) -> None:
    text = f"市长要求，要{lead}秋冬季疫情防控工作；要加快推进医共体建设。"
    assert task_titles(text) == [f"{lead}秋冬季疫情防控工作", "加快推进医共体建设"]


@pytest.mark.parametrize(
    "clause",
    [
        "落实市委、市政府工作要求",
        "围绕健康平安这条主线",
        "聚焦“五增”目标",
        "全方位全周期维护和保障人民健康",
        "抓住实施“卫生强基”工程的机遇",
        "坚持卫生工作为人民健康服务的方向",
        "始终坚持把习近平新时代中国特色社会主义思想作为卫生健康工作的根本遵循",
    ],
)
def test_relaying_focus_and_principle_clauses_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["围绕县域医共体建设推进资源下沉", "聚焦孕产妇死亡率下降实施母婴安全行动", "落实家庭医生签约服务"])
def test_work_with_a_focus_word_is_not_generic(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


def test_a_clause_that_reports_is_no_measure_among_relaying_ones() -> None:
    text = (
        "会议坚持以新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，认真落实省市卫生健康工作会议部署，"
        "全面回顾总结了2023年卫生健康工作，安排部署了2024年工作任务。"
    )
    assert task_titles(text) == []


# --- enumerations that name an item's parts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "副市长强调，要明确目标，围绕推进分级诊疗、加快项目建设、完善基层服务体系、强化公共卫生管理等重点任务，补短板、强弱项。",
            ["推进分级诊疗", "加快项目建设", "完善基层服务体系", "强化公共卫生管理"],
        ),
        ("县长要求，要聚焦深化医改、提升服务能力、推进智慧医疗等工作，持续发力。", ["深化医改", "提升服务能力", "推进智慧医疗"]),
        ("局长指出，全县要抓好建设医共体、培养乡村医生、完善村卫生室等多项工作。", ["建设医共体", "培养乡村医生", "完善村卫生室"]),
    ],
)
def test_an_enumeration_that_names_the_tasks_gives_them_as_children(sentence: str, parts: list[str]) -> None:
    tasks = read_tasks(sentence + "要加强组织领导，落实工作责任。")
    assert [c["title"] for c in tasks[0]["children"]] == parts
    assert {c["flag"] for c in tasks[0]["children"]} == {"list_enumeration"}


def test_an_enumeration_of_fields_names_no_tasks() -> None:
    tasks = read_tasks("县长要求，要围绕疾病防控、医疗服务等方面，加强协作。要抓好安全生产。")
    assert all(t["children"] == [] for t in tasks)


def test_a_measure_of_a_requirement_is_one_though_it_counts_systems() -> None:
    text = (
        "会议强调，全市卫生健康系统要坚持人民至上，精准聚焦县级强、乡级活、村级稳三个目标，一体推进医疗服务、疾病防控、"
        "积极生育支持及健康保障“四个体系”建设，加快推进健康城市建设，持续深化医共体改革。要加强党的建设。"
    )
    measures = read_tasks(text)[0]["children"]
    joined = next(m for m in measures if m["title"].startswith("一体推进"))
    assert joined["text"].endswith("“四个体系”建设")  # one measure: not split at 、积极…
    # the counted nouns name systems, not work (unmarked._counts_work; the read keys keep 一体推进…“五个体系”建设 one
    # task): no children; a count of actions (三项行动) or verb-led parts gives them (test_lists_counted_nouns.py)
    assert joined["children"] == []
