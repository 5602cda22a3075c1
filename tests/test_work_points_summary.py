"""A year-end summary (…2023年工作总结) states a plan only in a section whose heading names a later year's plan;
its other sections review the year whatever their headings say, and a summary without such a section states no
plan. Sentences written for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

REVIEW = (
    "县卫生健康局2023年工作总结\n2023年，我局在县委县政府的坚强领导下，各项工作取得新成效。现将全年工作总结如下：\n"
    "一、聚焦一条主线\n一是扎实推进了医共体建设。全年新建分院3个。二是深入开展了健康县城创建。"
    "6月召开了全县创建工作推进会，全面部署创建工作。\n二、存在的问题\n基层人才不足。\n"
)


def _read(raw: str) -> tuple[dict, str]:
    text = clean_text(raw).text
    return extract_document(text, kind=None, published="2024-01-05"), text


def _tasks(payload: dict, text: str) -> list[str]:
    [plan] = payload["plans"]
    return [text[t["start"] : t["end"]] for t in plan["tasks"]]


def test_a_summary_without_a_plan_section_states_no_plan() -> None:
    payload, _ = _read(REVIEW)
    assert (payload["kind"], payload["kind_flag"], payload["plans"]) == ("other", "summary_without_plan", [])


def test_the_section_naming_the_next_years_plan_is_the_plan() -> None:
    payload, text = _read(
        REVIEW + "三、2024年工作打算\n一是加快推进县医院新院区建设。二是做好传染病防控工作，提高疫苗接种率。"
        "三是深化医保支付方式改革。\n"
    )
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("county", 2024)
    assert "summary_title" in plan["flag"] and "work_year_after_summary" not in plan["flag"]
    assert [task[:8] for task in _tasks(payload, text)] == ["加快推进县医院新", "做好传染病防控工", "深化医保支付方式"]


def test_a_next_steps_section_without_a_year_plans_the_year_after() -> None:
    payload, text = _read(
        REVIEW.replace("县卫生健康局", "市卫生健康委")
        + "三、下一步工作计划\n（一）推进紧密型医疗集团建设。\n（二）做好传染病防控工作，疫苗接种率达到95%以上。\n"
    )
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("municipal", 2024)
    assert "work_year_after_summary" in plan["flag"]
    assert _tasks(payload, text) == ["推进紧密型医疗集团建设。", "做好传染病防控工作，疫苗接种率达到95%以上。"]


def test_a_title_that_names_a_summary_and_a_plan_is_read_as_work_points() -> None:
    payload, text = _read(
        "区卫生健康局2023年工作总结和2024年工作计划\n一、2023年工作开展情况\n全年完成老年人体检2万人次。\n"
        "二、2024年工作计划\n一是推进健康促进行动。二是做好妇幼健康服务。\n"
    )
    [plan] = payload["plans"]
    assert plan["work_year"] == 2024 and "summary_title" not in plan["flag"]
    assert [task[:6] for task in _tasks(payload, text)] == ["推进健康促进", "做好妇幼健康"]


def test_a_meeting_that_sums_up_the_year_is_no_summary_document() -> None:
    payload, _ = _read(
        "县卫健局召开2023年工作总结暨2024年工作部署会议\n1月10日，县卫健局召开2023年工作总结暨2024年工作部署会议。"
        "会议要求，2024年要加快推进医共体建设；要做好传染病防控工作；要深化医保支付方式改革。\n"
    )
    assert payload["kind"] != "other" and payload["plans"]
    assert payload["plans"][0]["work_year"] == 2024


def test_a_review_section_of_a_conference_report_is_no_summary_title() -> None:
    payload, _ = _read(
        "全市卫生健康工作会议召开\n1月5日，全市卫生健康工作会议召开。市卫健委主任王明作工作报告。\n一、2023年工作总结\n"
        "全年新建医院3所。\n二、2024年重点工作\n会议要求，要加快推进医共体建设；要做好传染病防控；要深化医改。\n"
    )
    assert payload["kind"] == "municipal_conference_report"
    [plan] = payload["plans"]
    assert "summary_title" not in (plan["flag"] or "") and plan["work_year"] == 2024
