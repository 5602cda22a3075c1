"""The general list reader (pipeline.parse.lists) on sentences written for these tests: marked lists of every
marker family, unmarked lists by their shape, nesting, and the negatives (review lists, 会议要求 and 要素 as
words, slogans, framing before the first item). Pure functions, no build."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.marked import find_chains, find_markers
from pipeline.parse.lists.rules import DEPLOY, REVIEW, directive_at, nearest_cue
from tests.list_reading import read_tasks, task_titles


@pytest.mark.parametrize(
    ("lead", "items"),
    [
        ("会议部署了今年四项工作：", ["一是优化服务。", "二是强化监管。", "三是加强队伍建设。"]),
        ("下一步，县卫健局要重点抓好以下工作。", ["一、优化服务。", "二、强化监管。", "三、加强队伍建设。"]),
        ("新的一年，全区将抓好三项工作：", ["（一）优化服务；", "（二）强化监管；", "（三）加强队伍建设。"]),
        ("会议要求：", ["1.优化服务；", "2.强化监管；", "3.加强队伍建设。"]),
        ("州卫生健康委提出三项举措：", ["（1）优化服务；", "（2）强化监管；", "（3）加强队伍建设。"]),
        ("全国卫生健康系统今年要做好三件事：", ["第一，优化服务；", "第二，强化监管；", "第三，加强队伍建设。"]),
        ("市卫健委明确了重点任务：", ["①优化服务；", "②强化监管；", "③加强队伍建设。"]),
        ("会议强调，", ["首先，优化服务。", "其次，强化监管。", "最后，加强队伍建设。"]),
    ],
)
def test_marked_lists_of_every_family(lead: str, items: list[str]) -> None:
    tasks = read_tasks(lead + "".join(items))
    assert [t["title"] for t in tasks] == ["优化服务", "强化监管", "加强队伍建设"]
    assert all(t["flag"] == "list_marked" for t in tasks)
    assert tasks[0]["marker"] in {"一是", "一、", "（一）", "1.", "（1）", "第一", "①", "首先"}


def test_marked_list_one_item_per_paragraph() -> None:
    text = "会议要求，重点抓好以下三项任务：\n一是深化医改，推进医共体建设。\n二是强基层，建强村卫生室。\n三是守底线，做好传染病防控。"
    assert task_titles(text) == ["深化医改", "强基层", "守底线"]


def test_mixed_chain_keeps_each_item_and_drops_the_byline() -> None:
    text = "局长强调，一要提高站位，压实责任。二要守牢底线，抓好疫情防控。三是优化服务，方便群众就医。（记者 王明 通讯员 李华）"
    tasks = read_tasks(text)
    assert [t["marker"] for t in tasks] == ["一要", "二要", "三是"]
    assert tasks[1]["text"] == "守牢底线，抓好疫情防控。"  # item 2 does not swallow item 3
    assert tasks[2]["text"] == "优化服务，方便群众就医。"  # nor the last item the byline


def test_out_of_order_numbers_are_read_and_flagged() -> None:
    tasks = read_tasks("会议部署了今年的工作：一是优化服务；三是强化监管；四是加强队伍建设。")
    assert [t["marker"] for t in tasks] == ["一是", "三是", "四是"]
    assert all("list_out_of_order" in t["flag"] for t in tasks)
    assert tasks[1]["marker_issue"] == "mismatch"


def test_review_list_is_not_a_plan() -> None:
    text = (
        "会议回顾了2023年工作。一是医改深入推进，取得明显成效。二是服务能力不断提升。\n"
        "会议对2024年工作作出安排。一是推进医共体建设。二是加强基层人才培养。"
    )
    assert task_titles(text) == ["推进医共体建设", "加强基层人才培养"]


def test_review_items_without_a_cue_are_not_a_plan() -> None:
    assert read_tasks("一是医改深入推进，取得明显成效。二是服务水平明显提升。三是行业作风明显好转。") == []


def test_modal_requirements_split_on_semicolons_and_full_stops() -> None:
    text = "会议要求，全县卫生系统要坚持预防为主，织牢公共卫生网；要深化综合医改。要加强基层建设，补齐短板。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["坚持预防为主", "深化综合医改", "加强基层建设"]
    assert [t["marker"] for t in tasks] == ["要", "要", "要"]
    assert all(t["flag"] == "list_modal_clauses" for t in tasks)


@pytest.mark.parametrize(
    "text",
    [
        "会议要求各单位认真落实。会议还要求做好值班工作。",  # 会议要求 is a word, not 要 leading a task
        "要素配置不断优化；主要指标全面完成；重要工作有序推进。",  # 要素, 主要, 重要
        "会议指出，这是需要长期坚持的工作；只要坚持就能见效。",
    ],
)
def test_yao_inside_a_word_never_leads_a_task(text: str) -> None:
    assert read_tasks(text) == []


def test_directive_at_tells_the_modal_from_words() -> None:
    assert directive_at("要加强监管", 0, 5).kind == "modal"
    assert directive_at("要求加强监管", 0, 6) is None
    assert directive_at("要素配置", 0, 4) is None
    assert directive_at("以健康为中心，推进改革", 0, 10).kind == "yi_wei"
    assert directive_at("进一步深化医改", 0, 7).kind == "verb"


def test_verb_led_semicolon_clauses_after_framing() -> None:
    text = "会议提出，2024年全省将加强基层卫生服务体系建设；推进紧密型县域医共体建设；以健康为中心，完善疾病预防控制体系。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["加强基层卫生服务体系建设", "推进紧密型县域医共体建设", "以健康为中心"]
    assert not tasks[0]["text"].startswith(("会议", "2024"))  # the framing is not inside the first task
    assert {t["flag"] for t in tasks} == {"list_verb_clauses"}


def test_verb_led_sentences_at_city_level() -> None:
    text = "新的一年，市卫健委将紧扣目标，推动工作落地。深化公立医院改革，提升服务质量。实施医疗卫生强基工程，建强基层。统筹做好疾病防控。"
    assert task_titles(text) == ["紧扣目标", "深化公立医院改革", "实施医疗卫生强基工程", "统筹做好疾病防控"]


def test_verb_led_sentences_need_a_deploying_lead() -> None:
    text = "2023年，全省卫生健康系统取得了显著成绩。完善了分级诊疗制度。推进了医共体建设。"
    assert read_tasks(text) == []


def test_slogans_are_not_lists() -> None:
    text = "会议强调，要坚持强基、稳二、控三，确保全年目标实现。"
    assert read_tasks(text) == []


def test_a_heading_item_carries_its_own_list() -> None:
    text = (
        "对今年工作进行了部署。一是深化改革，推进“三项改革”（推进医保改革、推进医疗改革、推进医药改革）；"
        "二是突出重点，全面抓实卫生健康工作任务，落实家医签约，办好民生实事，强化综合监管。"
    )
    tasks = read_tasks(text)
    assert [c["title"] for c in tasks[0]["children"]] == ["推进医保改革", "推进医疗改革", "推进医药改革"]
    assert [c["title"] for c in tasks[1]["children"]] == ["落实家医签约", "办好民生实事", "强化综合监管"]
    assert {c["flag"] for c in tasks[0]["children"]} == {"list_enumeration"}


def test_enumeration_sized_by_its_count() -> None:
    text = "会议要求，要抓好医院建设、人才培养和学科建设三项工作；要推进医改。"
    [first, _] = read_tasks(text)
    assert [c["title"] for c in first["children"]] == ["医院建设", "人才培养", "学科建设"]


def test_single_deploying_sentence_of_short_verb_clauses() -> None:
    text = "省长在批示中指出，今年要加强公共卫生体系建设，持续深化医改，推进中医药发展，积极应对老龄化，为群众健康作出贡献。"
    assert task_titles(text) == ["加强公共卫生体系建设", "持续深化医改", "推进中医药发展", "积极应对老龄化"]


def test_nearest_cue_decides() -> None:
    assert nearest_cue("会议总结了2023年工作，部署了2024年重点任务：") == DEPLOY
    assert nearest_cue("会议部署了工作，回顾了过去一年取得的成绩：") == REVIEW
    assert nearest_cue("他说") is None


def test_chains_count_from_one_and_keep_families_apart() -> None:
    text = "一是甲；二是乙。（一）丙；（二）丁。"
    chains = find_chains(find_markers(text, 0, len(text)))
    assert sorted(len(c.markers) for c in chains) == [2, 2]
    assert {c.markers[0].family for c in chains} == {"shi", "paren"}


def test_clauses_announced_with_their_count_are_items_however_they_open() -> None:
    text = "县长强调，今年全县要重点做好四项工作：稳字当头、守正创新，巩固医改成果；因地制宜，完善服务网络；依法治理，规范执业行为；对标对表，补齐短板弱项。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["稳字当头、守正创新", "因地制宜", "依法治理", "对标对表"]
    assert {t["flag"] for t in tasks} == {"list_announced_clauses"}


def test_announced_count_that_disagrees_gives_no_announced_list() -> None:
    text = "会议要求做好三项工作：稳字当头，巩固成果；守正创新，完善网络。"
    assert all(t["flag"] != "list_announced_clauses" for t in read_tasks(text))


def test_the_guiding_thought_leads_no_item() -> None:
    text = "会议要求，要以新时代党的卫生健康工作方针为指导，凝聚共识；要深化医改；要加强基层。"
    assert task_titles(text) == ["深化医改", "加强基层"]


def test_counts_and_bare_verbs_are_not_enumerated_items() -> None:
    text = "会议强调，要重点实施一项行动、推进两项改革；要加强基层。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["重点实施一项行动、推进两项改革", "加强基层"]
    assert tasks[0]["children"] == []


def test_an_explanatory_sentence_is_not_a_sub_list() -> None:
    text = (
        "会议要求，一要统一思想，进一步增强责任感。要围绕建设目标，进一步健全服务体系，深化医改，拓展公卫项目，统筹做好各项工作，努力推动发展。"
        "二要狠抓落实，确保完成任务。"
    )
    assert [t["children"] for t in read_tasks(text)] == [[], []]


def test_a_plan_stated_in_prose_gives_its_verb_led_clauses() -> None:
    text = "省政府工作报告提出将加快建设省儿童医院新院区，推进国家区域医疗中心建设，争取获批国家中医医学中心。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["加快建设省儿童医院新院区", "推进国家区域医疗中心建设", "争取获批国家中医医学中心"]
    assert {t["flag"] for t in tasks} == {"list_prose_clauses"}


def test_prose_of_mostly_other_clauses_is_no_list() -> None:
    text = "会议提出，今年全县群众健康获得感明显增强，医疗服务更加便捷，推进医共体建设，群众满意度持续提升。"
    assert read_tasks(text) == []


@pytest.mark.parametrize("opening", ["会议强调，", "会上，", "李明指出，", "她表示，", "本次会议还"])
def test_the_last_item_ends_where_a_new_passage_opens_in_its_paragraph(opening: str) -> None:
    text = (
        "会议要求，2025年重点抓好三项工作：一是深化医药卫生体制改革。二是提升基层医疗服务能力。"
        f"三是加强公共卫生体系建设。{opening}全系统要狠抓落实，确保各项任务落地见效。\n"
    )
    tasks = read_tasks(text)
    assert [t["text"] for t in tasks][-1] == "加强公共卫生体系建设。"
    assert opening not in tasks[-1]["text"]
