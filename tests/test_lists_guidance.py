"""The list reader on the guiding sentence of a deployment (要按照…部署，以…为中心，坚持系统观念，[measures]，推动…事业
高质量发展) and on items that open on a heading: circumstance, framing on its own, national slogans and closing calls
are no tasks; an unmarked item of a heading and three or more measures has them at depth 2, one of one or two verb
phrases is one task (CONVENTIONS 1 and 3). Sentences written for these tests; pure functions, no build."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.rules import is_generic
from tests.list_reading import read_tasks, task_titles


@pytest.mark.parametrize(
    "clause",
    [
        "按照全国疾控工作会议部署",
        "要按照省委省政府决策部署要求",
        "根据市委全会精神",
        "依据全省卫生健康事业发展规划",
        "以妇幼健康为中心",
        "以改革创新为动力",
        "以能力建设为重点",
        "坚持以高质量发展为主题",
        "完整准确全面贯彻新发展理念",
        "服务和融入新发展格局",
        "坚持系统观念",
        "坚持稳中求进工作总基调",
        "推动全市疾控事业高质量发展",
        "加快推动全区中医药事业高质量发展",
        "确保“十五五”开好局",
        "奋力谱写健康强省建设新篇章",
    ],
)
def test_circumstance_framing_slogans_and_closing_calls_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize(
    "clause",
    [
        "按照二级医院标准改造县中医院",  # a measure that names its standard
        "以县医院为龙头组建医共体",
        "坚持中西医并重建设中医馆",
        "推动基层医疗卫生机构提档升级",
        "根据需求增设儿科门诊",
    ],
)
def test_measures_sharing_their_first_words_stay_measures(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


@pytest.mark.parametrize(
    ("speaker", "closing"),
    [
        ("副省长强调，2025年，全省妇幼健康工作要", "推动全省妇幼健康事业高质量发展，确保“十五五”开好局。"),
        ("会议要求，全市职业健康系统要", "推动职业健康事业再创新水平。"),
        ("局长指出，新的一年，全县卫生健康系统要", "奋力谱写健康县城建设新篇章。"),
    ],
)
def test_the_guiding_sentence_keeps_only_its_measures(speaker: str, closing: str) -> None:
    text = (
        speaker + "按照全国卫生健康工作会议部署，贯彻新发展理念，以群众健康为中心，以改革创新为动力，坚持系统观念，"
        "织密传染病监测网络，加强基层服务体系建设，提升危重孕产妇救治能力，" + closing
    )
    assert task_titles(text) == ["织密传染病监测网络", "加强基层服务体系建设", "提升危重孕产妇救治能力"]


def _shaped(items: list[str]) -> str:
    return "会议强调，今年要重点抓好以下工作。" + "；".join(items) + "。"


def test_a_heading_with_four_measures_among_other_items_is_one_task() -> None:
    """Heads with their measures in one ；-separated sentence are a list of headlines: each one task, however many
    measures (measures.among_items; the read keys keep 着力A，…；着力B，… and 坚持A，…。坚持B，…。 whole). A requirement of
    its own (要A，B，C，D，E。) with four or more measures still lists them."""
    text = _shaped(
        [
            "紧盯群众就医难点，持续深化公立医院改革，健全分级诊疗制度，加快推进医共体建设，推广日间手术",
            "聚焦公共卫生短板，完善疾控体系，强化监测预警，提升应急处置能力",
        ]
    )
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["紧盯群众就医难点", "聚焦公共卫生短板"]
    assert tasks[0]["children"] == [] and tasks[1]["children"] == []
    alone = "会议强调，要紧盯群众就医难点，持续深化公立医院改革，健全分级诊疗制度，加快推进医共体建设，推广日间手术。要聚焦公共卫生短板，完善疾控体系。"
    first = read_tasks(alone)[0]
    assert [c["title"] for c in first["children"]] == ["持续深化公立医院改革", "健全分级诊疗制度", "加快推进医共体建设", "推广日间手术"]


def test_sentences_on_one_lead_are_items_among_others() -> None:
    text = (
        "会议强调，要坚持规划引领，统筹推进区域医疗中心建设，加快补齐儿科短板，强化院前急救网络，推进胸痛中心建设。"
        "要坚持改革创新，深化医保支付方式改革，完善药品集中采购制度。"
    )
    assert [t["children"] for t in read_tasks(text)] == [[], []]
    other_lead = text.replace("要坚持改革创新，", "要")
    assert [len(t["children"]) for t in read_tasks(other_lead)] == [4, 0]


def test_items_of_one_or_two_verb_phrases_are_one_task_each() -> None:
    text = _shaped(["着力夯实基层，加快建设县域医疗次中心", "着力补齐短板，提升儿科服务能力", "推进智慧医院建设"])
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["着力夯实基层", "着力补齐短板", "推进智慧医院建设"]
    assert all(not t["children"] for t in tasks)


def test_the_items_of_a_counted_list_keep_their_measures_inside() -> None:
    # the count names the items as the tasks, also when fewer are printed (a fragment, the rest elsewhere)
    text = (
        "会议明确，五大重点任务分别为：深化公立医院改革，完善公立医院薪酬制度，推进公立医院编制动态调整，"
        "健全现代医院运行管理机制；提升基层服务能力，建设县域慢病一体化门诊，改造提升偏远地区村卫生室，"
        "分批培训在岗乡村医生；推进中医药传承创新。"
    )
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["深化公立医院改革", "提升基层服务能力", "推进中医药传承创新"]
    assert all(not t["children"] for t in tasks)


@pytest.mark.parametrize(
    "lead", ["会议要求，新的一年要", "局长强调，2025年全区卫生健康系统要", "市委书记在批示中提出了“五个持续”的工作要求，"]
)
def test_a_clause_listing_verb_led_measures_by_the_enumeration_comma_is_that_many_tasks(lead: str) -> None:
    parts = ["持续推进紧密型医共体建设", "扎实开展老年健康服务", "推进出生缺陷综合防治", "加强重点传染病防控"]
    assert task_titles(lead + "、".join(parts) + "。") == parts


@pytest.mark.parametrize(
    "clause",
    [
        "守正创新、传承发展中医药事业",  # nouns after the first verb: one measure
        "加强预防、控制、治疗",  # bare verbs
        "实施“建机制、强基层、促健康”行动",  # a slogan inside a quotation
    ],
)
def test_enumerations_that_are_not_lists_of_measures_stay_one_clause(clause: str) -> None:
    from pipeline.parse.lists.joins import joined_spans

    assert joined_spans(clause, 0, len(clause)) == [(0, len(clause))]


def test_a_requirement_to_build_on_past_results_deploys_work() -> None:
    text = (
        "会议指出，2025年全县卫生健康工作要巩固已经取得的成效，稳步推进健康县城建设、扎实开展家庭医生签约服务、"
        "持续深化县域综合医改，促进经济社会协调发展。"
    )
    assert task_titles(text) == ["巩固已经取得的成效", "稳步推进健康县城建设", "扎实开展家庭医生签约服务", "持续深化县域综合医改"]


def test_a_review_of_results_is_still_no_plan() -> None:
    text = "会议指出，2024年全县卫生健康工作取得了明显成效，稳步推进健康县城建设、扎实开展家庭医生签约服务、持续深化县域综合医改。"
    assert task_titles(text) == []


@pytest.mark.parametrize(
    "notice",
    [
        "①本报各媒体稿件和图片，独家授权本网发布，未经本网允许，不得转载使用。\n②本网转载其他媒体稿件目的在于传递更多信息，并不代表本网赞同其观点。",
        "一、凡注明来源为本站的作品，版权所有，未经书面授权不得转载。\n二、本站部分文章来自网络，如有侵权请联系删除。",
    ],
)
def test_a_site_notice_is_never_a_task_and_leaves_the_plan_to_be_read(notice: str) -> None:
    text = "会议强调，2025年，全区卫健系统要更好推动资源向基层倾斜，更好强化公立医院公益性，更好健全托育服务体系。\n" + notice
    assert task_titles(text) == ["更好推动资源向基层倾斜", "更好强化公立医院公益性", "更好健全托育服务体系"]


def test_a_numbered_list_of_work_is_not_a_site_notice() -> None:
    text = "会议要求：①加快建设区域医疗中心；②推进县域医共体建设；③完善疾控体系。"
    assert task_titles(text) == ["加快建设区域医疗中心", "推进县域医共体建设", "完善疾控体系"]


@pytest.mark.parametrize("lead", ["着力", "持续", "聚焦"])
def test_items_repeating_one_lead_deploy_work_without_a_cue(lead: str) -> None:
    text = (
        f"会议指出，卫生健康工作关系千家万户。{lead}夯实基层，建设县域医疗次中心；{lead}补齐短板，"
        f"提升儿科服务能力；{lead}深化改革，推进医共体建设。"
    )
    tasks = read_tasks(text)
    assert [t["text"][:6] for t in tasks] == [f"{lead}夯实基层", f"{lead}补齐短板", f"{lead}深化改革"]
    assert all(not t["children"] for t in tasks)  # a heading and one measure: one task each


def test_a_requirement_among_the_items_deploys_work_without_a_cue() -> None:
    text = "会议指出，卫生健康工作关系千家万户。加快建设区域医疗中心，完善分级诊疗；要推进医共体建设，提升县级医院能力。"
    assert task_titles(text) == ["加快建设区域医疗中心", "推进医共体建设"]


def test_items_without_a_cue_or_a_shared_lead_are_not_read_as_a_plan() -> None:
    text = "会议指出，卫生健康工作关系千家万户。加快建设区域医疗中心，完善分级诊疗；推进医共体建设，提升县级医院能力。"
    assert task_titles(text) == []


def test_items_repeating_one_lead_that_report_results_are_a_review() -> None:
    text = "会议指出，着力夯实基层，基层服务能力明显提升；着力补齐短板，儿科服务取得成效；着力深化改革，医共体建设稳步推进。"
    assert task_titles(text) == []


@pytest.mark.parametrize(("head", "measure"), [("转变重心", "聚焦重症救治"), ("对标先进", "加大督查考核"), ("开拓思路", "探索医防融合新路子")])
def test_a_requirement_opening_on_a_short_heading_then_a_measure_is_read(head: str, measure: str) -> None:
    text = (
        f"局长强调，全区卫生健康系统要统筹兼顾，推进医共体建设，深化公立医院改革。要{head}，{measure}。"
        "要以人才为本，加强卫生人才队伍建设。"
    )
    assert task_titles(text) == ["统筹兼顾", head, "以人才为本"]


def test_a_requirement_of_attitude_with_a_short_heading_stays_out() -> None:
    text = "局长强调，要统筹兼顾，推进医共体建设，深化公立医院改革。要锤炼过硬本领，持续改进作风。要以人才为本，加强人才队伍建设。"
    assert "锤炼过硬本领" not in task_titles(text)
