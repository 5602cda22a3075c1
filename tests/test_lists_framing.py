"""The list reader on plans written as prose by a leader (批示, 讲话): framing that is not a task (坚持以…统揽全局,
an outcome goal), clauses that relay or exhort (贯彻落实…精神, 增强…获得感), a requirement after a time word,
enumerations headed by a shared noun, a list announced inside its first clause, a list cut after its first
marked item, and a second list after a 要… list. Sentences written for these tests; pure functions, no build."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.rules import directive_at, is_framing, is_generic
from tests.list_reading import read_tasks, task_titles


@pytest.mark.parametrize(
    ("speaker", "framing"),
    [
        ("省委书记在批示中强调，全省各级各部门要", "坚持以人民健康为中心统揽全局，以提高人均预期寿命为目标，"),
        ("县长在讲话中指出，全县上下要", "始终坚持以高质量发展统领全局，以降低孕产妇死亡率为主要目标，"),
        ("市委书记作出批示，要求全市", "坚持以习近平新时代中国特色社会主义思想为指导，"),
    ],
)
def test_framing_clauses_are_not_tasks_and_do_not_break_the_sentence(speaker: str, framing: str) -> None:
    text = speaker + framing + "深入实施健康城市行动，持续深化医药卫生体制改革，着力抓好县域医共体建设，为群众提供优质服务。"
    assert task_titles(text) == ["深入实施健康城市行动", "持续深化医药卫生体制改革", "着力抓好县域医共体建设"]
    assert {t["flag"] for t in read_tasks(text)} == {"list_prose_clauses"}


def test_is_framing_tells_an_outcome_goal_from_a_deliverable_goal() -> None:
    assert is_framing("以提高人均预期寿命为核心目标，", 0, 14)
    assert is_framing("坚持以改革创新统揽全局", 0, 11)
    assert not is_framing("以建成三个区域医疗中心为目标", 0, 14)  # a deliverable: the goal is work
    assert not is_framing("以基层为重点，推进改革", 0, 11)
    assert directive_at("以打造“四大高地”为目标", 0, 12).kind == "yi_wei"


def test_a_goal_lead_in_prose_gives_no_task_the_measure_after_it_does() -> None:
    """CONVENTIONS 9.4 (decided in session 8 against one dev key): 以…为目标 leads no task of its own in prose."""
    text = "会议强调，全区要扩大优质医疗资源，以打造“三大医学高地”为目标，深化医共体建设，推进智慧医院建设。"
    assert task_titles(text) == ["扩大优质医疗资源", "深化医共体建设", "推进智慧医院建设"]


@pytest.mark.parametrize(
    "clause",
    [
        "认真贯彻落实全省卫生健康工作会议精神",
        "深入学习领会总书记重要讲话精神",
        "认真落实市委市政府决策部署",
        "大力弘扬伟大抗疫精神",
        "不断增强人民群众健康获得感",
        "切实保障人民群众生命安全",
        "推动卫生健康事业高质量发展",
        "不断满足群众多层次健康需求",
        "全力推动各项重点任务落地落实",
        "坚持以人民健康为中心",  # the standing principle
        "始终坚持以人民为中心的发展思想",
    ],
)
def test_clauses_that_relay_or_exhort_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize(
    "clause",
    [
        "推进精神卫生服务体系建设", "落实严重精神障碍患者救治救助", "推动公立医院高质量发展", "提升群众满意度", "加强党的建设",
        "坚持以县医院为中心建设医共体",  # a 以…为中心 that organises work is no slogan
    ],  # fmt: skip
)
def test_work_that_shares_words_with_exhortations_is_not_generic(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


def test_generic_clauses_count_for_the_shape_but_are_left_out() -> None:
    text = (
        "会议要求，全州要认真贯彻落实全国卫生健康工作会议精神，深入推进紧密型医共体建设，大力弘扬崇高职业精神，"
        "加快补齐基层服务短板，不断增强群众健康获得感，推动各项工作落地落实。"
    )
    assert task_titles(text) == ["深入推进紧密型医共体建设", "加快补齐基层服务短板"]


def test_a_requirement_after_a_time_word_leads_the_sentence() -> None:
    text = "区长强调，当前，要毫不放松抓好冬春季传染病防控，加强重点人群健康管理，做好药品保供稳价。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["毫不放松抓好冬春季传染病防控", "加强重点人群健康管理", "做好药品保供稳价"]


def test_a_count_inside_a_clause_does_not_make_it_a_fragment() -> None:
    text = "会议强调，2025年要扎实推进健康城市建设12个专项行动，不断强化基层服务能力，深入开展爱国卫生运动。"
    assert task_titles(text) == ["扎实推进健康城市建设12个专项行动", "不断强化基层服务能力", "深入开展爱国卫生运动"]


def test_a_verb_and_a_count_alone_is_not_a_measure() -> None:
    text = "县长指出，今年要抓好三件大事，深化医共体改革，加强村医队伍建设，推进智慧医疗。"
    assert task_titles(text) == ["深化医共体改革", "加强村医队伍建设", "推进智慧医疗"]


def test_an_enumeration_headed_by_a_shared_noun_nests_under_its_clause() -> None:
    text = "会议强调，要全面实施卫生健康提升计划，开展儿科服务提升、心理健康促进、院感防控强化专项行动，加快补齐短板。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["全面实施卫生健康提升计划", "开展儿科服务提升、心理健康促进、院感防控强化专项行动", "加快补齐短板"]
    assert [c["title"] for c in tasks[1]["children"]] == ["儿科服务提升", "心理健康促进", "院感防控强化专项行动"]
    assert {c["flag"] for c in tasks[1]["children"]} == {"list_enumeration"}


@pytest.mark.parametrize(
    "clause",
    [
        "推动医疗卫生工作重心下移、资源下沉",  # two items: no nested list
        "做好中医药守正创新、传承发展、人才培养工作",  # 工作 heads no list of actions
    ],
)
def test_other_enumerations_do_not_nest(clause: str) -> None:
    text = f"会议强调，要深化医改，{clause}，加强基层建设。"
    assert all(t["children"] == [] for t in read_tasks(text))


@pytest.mark.parametrize("separator", ["；", "。"])
def test_a_list_announced_inside_its_first_clause_starts_after_the_colon(separator: str) -> None:
    text = f"会议指出，今年全市卫生系统要做好以下5项重点工作：加强基层医疗机构能力建设{separator}提升公共卫生保障水平{separator}深化公立医院改革"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["加强基层医疗机构能力建设", "提升公共卫生保障水平", "深化公立医院改革"]
    assert tasks[0]["marker"] is None


def test_a_colon_without_an_announcing_lead_starts_nothing() -> None:
    text = "会议强调：加强基层医疗机构能力建设；提升公共卫生保障水平。"
    assert task_titles(text) == ["加强基层医疗机构能力建设", "提升公共卫生保障水平"]


def test_a_second_list_follows_a_requirements_list() -> None:
    text = (
        "会议强调，要坚持问题导向，补齐公共卫生短板。要坚持目标导向，推进事业发展。\n"
        "全县卫生健康系统要紧紧围绕“一二三”工作思路，开创健康县城建设新局面：围绕健康县城建设这条主线，构建卫生健康新格局。"
        "紧扣服务体系建设目标，打造区域医疗高地。抓好项目建设、人才培养、学科建设三项行动。"
    )
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == [
        "坚持问题导向", "坚持目标导向", "围绕健康县城建设这条主线", "紧扣服务体系建设目标", "抓好项目建设、人才培养、学科建设三项行动"
    ]  # fmt: skip
    assert [c["title"] for c in tasks[-1]["children"]] == ["项目建设", "人才培养", "学科建设"]


@pytest.mark.parametrize("marker", ["第一，", "一、", "（一）", "1."])
def test_a_list_cut_after_its_first_item(marker: str) -> None:
    text = f"局长说，未来五年，我们将突出重点。今年有以下几方面重点工作：\n{marker}全面推进医共体建设。围绕着这个目标，在各县实施一系列工程"
    [task] = read_tasks(text)
    assert task["title"] == "全面推进医共体建设"
    assert task["flag"] == "list_single_item"


@pytest.mark.parametrize(
    "text",
    [
        "局长说，今年工作很多。\n第一，全面推进医共体建设。围绕着这个目标，在各县实施一系列工程",  # no announcing lead
        "今年有以下几方面重点工作：\n首先，全面推进医共体建设",  # 首先 alone is prose
        "去年取得的成绩如下：\n第一，全面完成了医共体建设。",  # a review lead
    ],
)
def test_a_lone_first_marker_without_an_announcing_deploying_lead_is_no_list(text: str) -> None:
    assert all(t["flag"] != "list_single_item" for t in read_tasks(text))


def test_two_marked_items_are_a_list_not_a_single_item() -> None:
    text = "今年有以下几方面重点工作：\n第一，推进医共体建设。\n第二，加强人才队伍建设。"
    assert [t["flag"] for t in read_tasks(text)] == ["list_marked", "list_marked"]


def test_a_sentence_of_attitudes_with_two_verb_clauses_is_no_list() -> None:
    text = "会议要求，各地要充分认识爱国卫生运动的重要意义，充分发挥群众优势，加快推进健康城市建设，努力构建共建共享新局面。"
    assert read_tasks(text) == []


@pytest.mark.parametrize("when", ["2025年", "当前", "新的一年", "下一步"])
def test_a_time_clause_is_part_of_the_lead_in(when: str) -> None:
    text = f"副省长在讲话中强调，{when}，要加强基层服务能力建设，加快建强疾控体系，持续深化综合医改，为建设健康省份作出贡献。"
    assert task_titles(text) == ["加强基层服务能力建设", "加快建强疾控体系", "持续深化综合医改"]


@pytest.mark.parametrize(
    "lead",
    ["会议强调，2024年要做好以下重点工作。", "县长要求，今年全县要抓好如下几项任务；", "新的一年，全市将重点推进下列工作。"],
)
def test_a_clause_announcing_the_list_is_not_its_first_item(lead: str) -> None:
    text = lead + "推进健康城市建设，开展爱国卫生运动。深化医药卫生体制改革。加强公共卫生体系建设。"
    assert task_titles(text)[0] == "推进健康城市建设"
    assert "以下" not in "".join(task_titles(text)) and "如下" not in "".join(task_titles(text))


@pytest.mark.parametrize("verb", ["锚定目标", "打好医改攻坚战", "织密公共卫生防护网", "深耕基层"])
def test_requirements_led_by_newer_verbs(verb: str) -> None:
    text = f"会议要求，全县卫生健康系统要{verb}，扎实推进医共体建设。要聚焦短板，加快村卫生室建设。要守牢底线，做好传染病防控。"
    assert task_titles(text) == [verb, "聚焦短板", "守牢底线"]


def test_a_measure_opening_on_framing_continues_a_run_of_sentences() -> None:
    """…。以信息化为抓手，进一步优化…。: inside a run of verb-led sentences, a sentence that frames its measure
    (为抓手) is still an item, from its framing; a framing sentence with no measure after it ends the run."""
    text = "会上介绍了重点工作。完善信息化顶层设计。以信息化为抓手，进一步优化就医流程。加快推进医学中心建设。"
    assert task_titles(text) == ["完善信息化顶层设计", "以信息化为抓手", "加快推进医学中心建设"]
    cut = "会上介绍了重点工作。完善信息化顶层设计。加快推进医学中心建设。以信息化为抓手。开展义诊活动。"
    assert task_titles(cut)[:2] == ["完善信息化顶层设计", "加快推进医学中心建设"]
    assert "以信息化为抓手" not in task_titles(cut)
