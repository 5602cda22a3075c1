"""A report's FIRST passage that deploys work, when the meeting parser reads a later list: its items are tasks
too (flag tasks_from_first_passage), unless it reviews past work, is a lone sentence of comma clauses (an
overview), or repeats the later list (a summary said first). And a requirement's ；-parts that a directive verb
leads are items of their own (要A，…；B，…；要C). Reports written for these tests, at several issuer levels;
extraction only, no build."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text


def _plan(raw: str) -> tuple[str, dict]:
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    for task in plan["tasks"] + [c for t in plan["tasks"] for c in t["children"]]:
        assert text[task["start"] : task["end"]] == task["text"]
    assert [t["ordinal"] for t in plan["tasks"]] == list(range(1, len(plan["tasks"]) + 1))
    return text, plan


def _starts(plan: dict) -> list[str]:
    return [t["text"][:7] for t in plan["tasks"]]


# A later list the meeting parser reads: the leader's points, numbered.
_LATER = "\n局长孙某在讲话中强调，一是抓好安全生产，开展医疗机构消防隐患排查；二是抓好作风建设，持续整治群众身边不正之风。"

_FIRST = [
    (
        "2月20日，2025年全县卫生健康工作会议召开。\n会议强调，全县卫生健康系统要突出重点，深化医药卫生体制改革；"
        "完善公共卫生服务体系，提升应急处置能力；加快智慧医院建设，优化就医流程。",
        ["突出重点，深化", "完善公共卫生服", "加快智慧医院建"],
    ),
    (
        "1月8日，2025年全市卫生健康工作会议在某某市召开。\n副市长钱某要求，要夯实基层基础，推进乡村一体化管理；"
        "要强化疾病防控，健全平急结合机制；要守牢安全底线，开展医疗质量专项整治。",
        ["夯实基层基础，", "强化疾病防控，", "守牢安全底线，"],
    ),
    (
        "1月12日，2025年全省卫生健康工作会议召开。\n会议部署，持续推进优质资源扩容下沉，建设区域医疗中心；"
        "深化以公益性为导向的公立医院改革，推进薪酬制度改革；加快中医药传承创新，建设中医药强省。",
        ["持续推进优质资", "深化以公益性为", "加快中医药传承"],
    ),
]


@pytest.mark.parametrize(("first", "starts"), _FIRST, ids=["county-qiangdiao-verbs", "city-leader-yao", "province-bushu-verbs"])
def test_the_first_deploying_passage_is_read_before_the_later_list(first: str, starts: list[str]) -> None:
    _, plan = _plan(first + _LATER)
    assert _starts(plan) == starts + ["抓好安全生产，", "抓好作风建设，"]
    assert "tasks_from_first_passage" in plan["flag"]


def test_a_review_passage_before_the_list_is_not_read() -> None:
    _, plan = _plan(
        "3月2日，2025年全区卫生健康工作会议召开。\n会议指出，2024年，我们坚持人民至上，扎实推进医共体建设；"
        "持续加强疾病防控，医疗服务能力明显提升；不断深化医改，取得显著成效。" + _LATER
    )
    assert _starts(plan) == ["抓好安全生产，", "抓好作风建设，"]
    assert "tasks_from_first_passage" not in (plan["flag"] or "")


def test_a_summary_said_before_the_list_does_not_double_its_tasks() -> None:
    _, plan = _plan(
        "1月15日，2025年全州卫生健康工作会议召开。\n会议要求，要抓好安全生产，排查消防隐患；"
        "要抓好作风建设，整治不正之风。" + _LATER
    )
    assert _starts(plan) == ["抓好安全生产，", "抓好作风建设，"]


def test_an_overview_sentence_of_comma_clauses_before_the_list_is_not_read() -> None:
    _, plan = _plan(
        "1月15日，2025年全市卫生健康工作会议召开。\n会议认为，做好今年工作要以人民健康为中心，推进优质资源下沉，"
        "深化医改，提升服务能力，努力建设健康城市。" + _LATER
    )
    assert "tasks_from_first_passage" not in (plan["flag"] or "")


def test_huiyi_yaoqiu_as_a_word_starts_no_task() -> None:
    _, plan = _plan(
        "2月20日，2025年全县卫生健康工作会议召开。\n会议要求各单位认真学习会议精神，结合实际抓好贯彻落实。" + _LATER
    )
    assert _starts(plan) == ["抓好安全生产，", "抓好作风建设，"]


@pytest.mark.parametrize(
    ("passage", "starts"),
    [
        (
            "县长周某强调，要加强疾病防控，统筹推进疫苗接种，落实重大传染病防控措施；加强人才队伍建设，"
            "制定人才引进政策；要推动资源下沉，抓好乡镇卫生院建设。",
            ["加强疾病防控，", "加强人才队伍建", "推动资源下沉，"],
        ),
        (
            "副省长吴某指出，要做好常态化防控，落实落细各项措施；以提升服务能力为重点，深化医改；推进健康扶贫与"
            "乡村振兴衔接；加快中医药强省建设。",
            ["做好常态化防控", "以提升服务能力", "推进健康扶贫与", "加快中医药强省"],
        ),
    ],
    ids=["county-mixed", "province-yi-wei"],
)
def test_a_requirements_verb_led_parts_are_items_of_their_own(passage: str, starts: list[str]) -> None:
    _, plan = _plan("3月1日，2025年全市卫生健康工作会议召开。\n" + passage)
    assert _starts(plan) == starts
    flags = [t["flag"] for t in plan["tasks"]]
    assert "list_verb_clauses" in flags[1:] and set(flags) <= {"list_modal_clauses", "list_verb_clauses"}


def test_parts_announced_by_a_colon_stay_the_requirements_measures() -> None:
    _, plan = _plan(
        "3月1日，2025年全市卫生健康工作会议召开。\n市长郑某要求，要健全三项机制：建立预警机制；完善会商机制；"
        "落实督办机制。要加快信息化建设，推进互联网医院发展。"
    )
    assert _starts(plan)[0] == "健全三项机制："
    assert len(plan["tasks"]) == 2


def test_yaosu_is_no_modal_and_no_sibling() -> None:
    _, plan = _plan(
        "3月1日，2025年全市卫生健康工作会议召开。\n会议要求，要聚焦重点，推进医共体建设；要强化措施，做到压实责任，"
        "履职尽责；要素配置，确保到位。"
    )
    assert not any(t["text"].startswith("素") or t["text"].startswith("要素") for t in plan["tasks"])
    assert _starts(plan)[:2] == ["聚焦重点，推进", "强化措施，做到"]


@pytest.mark.parametrize(
    ("passage", "starts"),
    [
        (
            "2025年，全县卫健系统将加快推进优质资源扩容下沉，提升县域就诊率；持续深化公立医院改革，推进薪酬制度改革；"
            "全面提升公共卫生能力，推动疾控体系现代化。",
            ["加快推进优质资", "持续深化公立医", "全面提升公共卫"],
        ),
        (
            "新的一年，市卫生健康委将着力扩大优质医疗资源供给；加快完善分级诊疗体系；大力推进智慧医疗建设。",
            ["着力扩大优质医", "加快完善分级诊", "大力推进智慧医"],
        ),
    ],
    ids=["year-jiang-units", "xindeyinian-units"],
)
def test_a_year_passage_of_semicolon_units_gives_one_task_per_unit(passage: str, starts: list[str]) -> None:
    _, plan = _plan("2月25日，2025年全市卫生健康工作会议召开。\n" + passage + _LATER)
    assert _starts(plan) == starts + ["抓好安全生产，", "抓好作风建设，"]
    assert "tasks_from_year_passage" in plan["flag"]


@pytest.mark.parametrize(
    ("meeting", "speaker"),
    [
        ("1月10日，2025年全省卫生健康工作会议召开。", "副省长冯某指出，2025年全省卫生健康工作要"),
        ("1月10日，武义县召开2025年卫生健康工作会议。", "县委书记陈某在讲话中强调，今年全县卫生健康系统要"),
    ],
    ids=["province", "county"],
)
def test_a_count_announced_then_slogan_led_items_gives_its_items(meeting: str, speaker: str) -> None:
    _, plan = _plan(
        meeting + "\n" + speaker + "坚持人民至上，重点抓好三项工作：固本强基、"
        "提质增效，加快构建分级诊疗格局；防治结合、关口前移，健全疾病预防控制体系；传承精华、守正创新，推动中医药振兴。"
        + _LATER
    )
    assert _starts(plan)[:3] == ["固本强基、提质", "防治结合、关口", "传承精华、守正"]
    assert [t["flag"] for t in plan["tasks"][:3]] == ["list_announced_clauses"] * 3


def test_a_year_passage_that_reviews_the_year_before_is_not_read() -> None:
    _, plan = _plan(
        "2月25日，2025年全市卫生健康工作会议召开。\n2024年，全市卫健系统加快推进医共体建设，县域就诊率明显提升；"
        "持续深化公立医院改革，取得显著成效。" + _LATER
    )
    assert _starts(plan) == ["抓好安全生产，", "抓好作风建设，"]


@pytest.mark.parametrize(
    ("meeting", "passage"),
    [
        (
            "1月18日，金水区召开2025年卫生健康工作会议。",
            "会议宣读了《2025年全区卫生健康重点工作任务清单》，要求2025年加强基层医疗机构标准化建设，"
            "坚持中西医并重。要争创国家慢性病综合防控示范区，持续推进健康城区建设。",
        ),
        (
            "1月18日，2025年全市卫生健康工作会议召开。",
            "市长邓某作出批示，要求今年加强基层医疗机构标准化建设，坚持中西医并重。要争创国家慢性病综合防控示范区，"
            "持续推进健康城区建设。",
        ),
    ],
    ids=["district-list-read-out", "city-instruction"],
)
def test_a_requirement_with_its_year_after_yaoqiu_and_the_requirement_after_it_are_read(meeting: str, passage: str) -> None:
    _, plan = _plan(meeting + "\n" + passage + _LATER)
    assert _starts(plan) == ["加强基层医疗机", "坚持中西医并重", "争创国家慢性病", "持续推进健康城", "抓好安全生产，", "抓好作风建设，"]


def test_a_requirement_after_a_sentence_of_another_year_is_not_read() -> None:
    _, plan = _plan(
        "1月18日，2025年全市卫生健康工作会议召开。\n会议指出，2024年全市加强基层医疗机构标准化建设，坚持中西医并重。"
        "要争创国家慢性病综合防控示范区，持续推进健康城区建设。" + _LATER
    )
    assert "加强基层医疗机" not in _starts(plan)


@pytest.mark.parametrize("joiner", ["同时，", "此外，", "最后，"])
def test_a_requirement_joined_after_the_list_is_a_task_of_its_own(joiner: str) -> None:
    text, plan = _plan(
        "3月20日，2025年全市卫生健康工作会议召开。\n副市长蒋某指出，一要明确方向、知责尽责，推进医共体建设；"
        "二要围绕中心、服务大局，深化医改；三是迎难而上、主动作为，抓好重点项目落地。" + joiner
        + "要全面加强党的建设，持续加强行风建设。（记者 沈某）"
    )
    assert [t["text"][:6] for t in plan["tasks"]] == ["明确方向、知", "围绕中心、服", "迎难而上、主", "全面加强党的"]
    assert plan["tasks"][2]["text"].endswith("抓好重点项目落地。")
    assert plan["tasks"][3]["flag"] == "list_modal_clauses" and "记者" not in plan["tasks"][3]["text"]


@pytest.mark.parametrize("after", ["同时，要素保障持续加强。", "同时，会议要求各单位认真落实。", "同时，各地要结合实际抓好落实。"])
def test_no_further_task_without_a_joined_requirement(after: str) -> None:
    _, plan = _plan(
        "3月20日，2025年全市卫生健康工作会议召开。\n副市长蒋某指出，一要明确方向、知责尽责，推进医共体建设；"
        "二要围绕中心、服务大局，深化医改；三是迎难而上、主动作为，抓好重点项目落地。" + after
    )
    assert len(plan["tasks"]) == 3
