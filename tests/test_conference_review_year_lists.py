"""A conference report whose only list is set by its lead-in in a year before the meeting's work year (会议指出，2023年，
全市…坚持A，…；坚持B，…) reviews that year: the general list reader's items there are no tasks (flag
review_year_list_left_out); a list set in the work year, or with no year, is read as before. Texts written for the
test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

_HEAD = "全市卫生健康工作会议召开\n1月20日，2024年全市卫生健康工作会议召开。会议总结了2023年工作，部署2024年重点任务。\n"
_ITEMS = (
    "坚持深化医改，推动公立医院高质量发展；坚持预防为主，完善公共卫生体系；坚持中西医并重，促进中医药传承创新；"
    "坚持强基固本，提升基层服务能力。\n"
)


def _plan(body: str) -> dict:
    text = clean_text(_HEAD + body).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    return plan


def test_a_list_set_in_the_year_before_reviews_it() -> None:
    for lead in (
        "会议指出，2023年，全市卫生健康系统",
        "2023年，全市卫生健康系统",
        "市长在讲话中指出，2023年度，全市",
        "会议指出，2023年以来，全市卫生健康系统",
    ):
        plan = _plan(lead + _ITEMS + "会议要求，各级各部门要履职尽责，抓好落实。\n")
        assert plan["tasks"] == [], lead
        assert "review_year_list_left_out" in plan["flag"], lead


def test_a_list_set_in_the_work_year_or_in_none_is_read() -> None:
    for lead in ("会议要求，2024年，全市卫生健康系统要", "会议要求，全市卫生健康系统要", "会议强调，到2025年，全市"):
        plan = _plan(lead + _ITEMS)
        assert len(plan["tasks"]) == 4, lead
        assert "review_year_list_left_out" not in plan["flag"], lead


def test_a_review_sentence_then_the_years_list_keeps_the_list() -> None:
    plan = _plan(
        "会议指出，2023年，全市卫生健康系统坚持以人民健康为中心，各项工作取得新成效。\n"
        "会议要求，2024年，全市卫生健康系统要" + _ITEMS
    )
    assert len(plan["tasks"]) == 4 and "review_year_list_left_out" not in plan["flag"]


def test_a_complete_report_that_only_reviews_the_year_before_still_states_its_plan() -> None:
    plan = _plan("会议指出，2023年，全市卫生健康系统" + _ITEMS)  # no 要, no 将: the copy shows none of the plan
    assert plan["tasks"] == [] and "review_year_list_left_out" in plan["flag"] and plan["work_year"] == 2024


def test_the_tasks_kept_after_a_review_list_are_numbered_from_one() -> None:
    """Ordinals are positions: a task dropped before others must not leave a gap (a merged plan numbers the tasks
    other sources add after the last one, so a gap made two tasks share an id)."""
    plan = _plan(
        "会议指出，2023年，全市卫生健康系统" + _ITEMS + "会议要求，2024年，全市卫生健康系统要"
        "加快建设紧密型医共体，推进分级诊疗；健全疾控体系，完善医防协同机制；加强人才队伍建设，提升服务能力。\n"
    )
    assert "review_year_list_left_out" in plan["flag"]
    assert [task["ordinal"] for task in plan["tasks"]] == list(range(1, len(plan["tasks"]) + 1))
    assert plan["tasks"]


def test_every_plan_statements_ordinals_are_positions() -> None:
    from pipeline.parse.statements import numbered

    tasks = [{"ordinal": 1, "children": []}, {"ordinal": 3, "children": [{"ordinal": 2, "children": []}]}]
    assert numbered(tasks) == [
        {"ordinal": 1, "children": []},
        {"ordinal": 2, "children": [{"ordinal": 1, "children": []}]},
    ]
