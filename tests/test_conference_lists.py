"""A conference report's plan beyond its one list: an item of the list that reviews past work is left out,
and a second passage that sets out the work year's work (a leader's instruction) adds its tasks. Reports
written for these tests, at several issuer levels; extraction only, no build."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.documents.record import DocumentRecord
from pipeline.tables.screening import document_row_problem
from pipeline.text.clean import clean_text


def _plan(raw: str) -> dict:
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    for task in plan["tasks"]:
        assert text[task["start"] : task["end"]] == task["text"]
    assert [t["ordinal"] for t in plan["tasks"]] == list(range(1, len(plan["tasks"]) + 1))
    return plan


_MEETINGS = [
    "2月2日，2024年全市卫生健康工作会议在某某市召开，副市长张三出席会议并讲话。",
    "1月9日，2024年全省卫生健康工作会议在省会召开，副省长张三出席会议并讲话。",
    "3月1日，2024年全县卫生健康工作会议召开，副县长张三出席会议并讲话。",
]


@pytest.mark.parametrize("meeting", _MEETINGS)
def test_an_item_that_reviews_is_left_out_of_a_deploying_list(meeting: str) -> None:
    plan = _plan(
        meeting + "\n张三强调，一是全系统团结奋进，攻坚克难，在疫情防控、医改等方面取得了可喜成绩；"
        "二是要深化改革，推进医共体建设；三是要强化保障，加大财政投入。"
    )
    assert [t["marker"] for t in plan["tasks"]] == ["二是", "三是"]
    assert "review_items_left_out" in plan["flag"]


@pytest.mark.parametrize("meeting", _MEETINGS)
def test_items_that_only_mention_results_to_reach_stay(meeting: str) -> None:
    plan = _plan(
        meeting + "\n张三强调，一是要深化改革，确保医改取得新成效；二是要强化基层，推进医共体建设；三是要守牢底线，做好传染病防控。"
    )
    assert [t["marker"] for t in plan["tasks"]] == ["一是", "二是", "三是"]
    assert "review_items_left_out" not in (plan["flag"] or "")


_LIST = "\n张三对全系统提出三点要求：一是深化医改，推进医共体建设；二是强化基层，建强村卫生室；三是守牢底线，做好传染病防控。"


@pytest.mark.parametrize(
    ("meeting", "instruction"),
    [
        (_MEETINGS[0], "\n会议传达了市长李四的批示。李四在批示中指出，2024年，要加强基层服务能力建设，加快建强疾控体系，持续深化综合医改，为建设健康城市作出贡献。"),
        (_MEETINGS[1], "\n省长李四作出批示。他强调，今年要加强基层服务能力建设；加快建强疾控体系；持续深化综合医改。"),
        (_MEETINGS[2], "\n县委书记李四在讲话中指出，2024年全县要加强基层服务能力建设，加快建强疾控体系，持续深化综合医改。"),
    ],
)
def test_an_instruction_setting_out_the_year_adds_its_tasks_in_text_order(meeting: str, instruction: str) -> None:
    plan = _plan(meeting + instruction + _LIST)
    titles = [t["title"] for t in plan["tasks"]]
    assert titles[:3] == ["加强基层服务能力建设", "加快建强疾控体系", "持续深化综合医改"]
    assert [t["marker"] for t in plan["tasks"][3:]] == ["一是", "二是", "三是"]
    units = "；" in instruction  # ；-units, each led by a directive verb: one task per unit
    assert {t["flag"] for t in plan["tasks"][:3]} == {"list_verb_clauses" if units else "list_prose_clauses"}
    assert "tasks_from_year_passage" in plan["flag"]


@pytest.mark.parametrize(
    "passage",
    [
        # standing requirements with no year: not the year's plan
        "\n会议强调，全市卫生健康系统要全面加强党的建设，巩固主题教育成果，加强作风建设，推进党风廉政建设。",
        # another year (last year's work, said as a plan at the time)
        "\n李四在批示中指出，2023年，要加强基层服务能力建设，加快建强疾控体系，持续深化综合医改。",
        # the lead sentence of the list itself, in its own paragraph
        "",
        # a summary of the list said once more before it
        "\n会议提出，2024年全市将深化医改，推进医共体建设，强化基层。",
    ],
)
def test_other_passages_add_no_tasks(passage: str) -> None:
    lead = "2024年全市要加强基层服务能力建设，加快建强疾控体系，持续深化综合医改。" if passage == "" else ""
    plan = _plan(_MEETINGS[0] + passage + _LIST.replace("\n", "\n" + lead, 1))
    assert [t["marker"] for t in plan["tasks"]] == ["一是", "二是", "三是"]
    assert "tasks_from_year_passage" not in (plan["flag"] or "")


@pytest.mark.parametrize("markers", [("一、", "二、", "三、"), ("（一）", "（二）", "（三）"), ("1.", "2.", "3.")])
def test_a_bare_item_is_left_out_and_the_plan_keeps_its_other_tasks(markers: tuple[str, str, str]) -> None:
    first, second, third = markers
    plan = _plan(_MEETINGS[1] + f"\n会议强调：\n{first}\n{second}推进医共体建设。\n{third}加强基层队伍建设。")
    assert [t["title"] for t in plan["tasks"]] == ["推进医共体建设", "加强基层队伍建设"]
    assert "empty_item_dropped" in plan["flag"]


def test_a_plan_with_a_bare_item_is_published() -> None:
    raw = "2024年全省卫生健康工作会议召开\n" + _MEETINGS[1] + "\n会议强调，一是；二是推进医共体建设；三是加强基层队伍建设。"
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=None)
    record = DocumentRecord("d1", "d1.txt", "0" * 64, None, text, (), {}, payload)
    assert document_row_problem(record) is None


@pytest.mark.parametrize("meeting", _MEETINGS)
@pytest.mark.parametrize("markers", [("一要", "二要", "三要")])
def test_a_reported_numbered_requirement_stays_whole_but_has_the_parts_it_names(meeting: str, markers: tuple[str, str, str]) -> None:
    one, two, three = markers
    plan = _plan(
        meeting + f"\n会议部署了2024年重点工作：{one}聚焦群众就医难点，持续深化公立医院改革，健全分级诊疗制度，"
        f"加快推进医共体建设，推动优质资源下沉；{two}着力补齐短板，提升儿科服务能力；{three}强化队伍保障、经费保障、制度保障。"
    )
    first, second, third = plan["tasks"]
    assert first["children"] == []  # a numbered point is one task, however many measures it lists (lists._measured)
    assert second["children"] == []  # a heading and one measure is one task (CONVENTIONS 3)
    assert [c["title"] for c in third["children"]] == ["队伍保障", "经费保障", "制度保障"]  # the parts it names
    for task in (third,):
        assert all(task["start"] <= c["start"] < c["end"] <= task["end"] for c in task["children"])
