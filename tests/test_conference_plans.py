"""Conference reports as plan statements: task lists the meeting parser does not read, meetings it does
not read (county, 视频会, "在…召开的…会议上"), and the issuer by work year. Texts written for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.conference import find_conference
from pipeline.parse.statements import issuer_for
from pipeline.text.clean import clean_text


def _extract(raw: str) -> dict:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=None)
    for plan in payload["plans"]:
        for task in plan["tasks"]:
            assert text[task["start"] : task["end"]] == task["text"]
    return payload


def test_county_meeting_with_inline_tasks_states_a_county_plan():
    payload = _extract(
        "2024年南溪县卫生健康工作会议召开\n"
        "2月20日上午，南溪县召开卫生健康工作会议。副县长出席会议并讲话。\n"
        "会议指出，2023年全县卫生健康工作取得显著成效。一是医改深入推进。二是疫情平稳转段。\n"
        "会议强调，2024年要重点做好三个方面的工作。一是强化基层，推进医共体建设。二是守牢底线，抓好疾病防控。三是优化服务，改善就医体验。"
    )
    assert payload["kind"] == "county_conference_report"
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("county", None, 2024)
    assert [task["title"] for task in plan["tasks"]] == ["强化基层", "守牢底线", "优化服务"]  # not last year's review
    assert "tasks_from_list_reader" in plan["flag"] and "meeting_not_parsed" in plan["flag"]


def test_watched_video_conference_is_a_provincial_plan():
    mention = find_conference("3月5日，我区组织收看广西卫生健康工作视频会。会议部署2024年工作。")
    assert (mention.level, mention.region_code) == ("provincial", "450000")


def test_national_meeting_named_inside_a_quotation():
    payload = _extract("“要守护人民健康。”在1月7-8日召开的2006年全国卫生工作会议上，部长作了报告。")
    [plan] = payload["plans"]
    assert plan["level"] == "national" and plan["work_year"] == 2006
    assert plan["issuer"] == "卫生部"  # the national health authority's name in 2006


def test_requirements_as_semicolon_clauses():
    payload = _extract(
        "1月10日，全市卫生健康工作会议在拉萨召开。\n"
        "会议强调，要提高政治站位，压实责任；要突出重点难点，补齐短板；要加强组织领导，确保落实。"
    )
    [plan] = payload["plans"]
    # 要 is each requirement's marker; a requirement that only states an attitude (提高政治站位) is not a task
    assert [task["title"] for task in plan["tasks"]] == ["突出重点难点", "加强组织领导"]
    assert [task["marker"] for task in plan["tasks"]] == ["要", "要"]
    assert "tasks_from_list_reader" in plan["flag"]


def test_issuer_follows_the_year():
    assert issuer_for("national", None, "health-work", 2012) == "卫生部"
    assert issuer_for("national", None, "health-work", 2016) == "国家卫生计生委"
    assert issuer_for("national", None, "health-work", 2025) == "国家卫生健康委"
    assert issuer_for("provincial", "350000", "health-work", 2025) == "福建省卫生健康委"
    assert issuer_for("provincial", "350000", "health-work", 2010) is None  # not recorded: unknown, not guessed
    assert issuer_for("provincial", "350000", "gov-work-report", 2023) == "福建省人民政府"


def test_text_of_no_genre_stays_other_with_a_reason():
    payload = _extract("西北五省区卫生健康合作联席会议在西宁举行，各方围绕医疗、医保等方面开展合作。")
    assert payload["kind"] == "other" and payload["plans"] == []
    assert payload["kind_flag"] == (
        "no_meeting_held;no_work_points_title;no_roundup_items;no_announced_plan;no_new_year_address;no_plan_evidence;no_deploy_sentence"
        ";meeting_without_work"  # the meeting is held, but nothing after it deploys work
    )


def test_a_meeting_whose_city_is_not_named_keeps_its_plan_apart_and_flagged():
    payload = _extract(
        "1月10日，全市卫生健康工作会议召开。\n会议强调，要提高政治站位；要突出重点难点；要加强组织领导。"
    )
    [plan] = payload["plans"]
    assert plan["level"] == "municipal" and plan["region_code"] is None
    assert "region_unresolved" in plan["flag"]


def test_meeting_n_tasks_equals_its_plans_tasks_and_a_short_list_is_flagged():
    payload = _extract(
        "3月1日，2024年全市卫生健康工作会议召开。赣州市副市长王五出席会议并讲话。\n"
        "王五强调，今年要重点做好六项工作：一是扩大优质医疗资源。二是深化医药卫生体制改革。"
    )
    plan = payload["plans"][0]
    assert payload["meeting"]["n_tasks"] == len(plan["tasks"]) == 2
    assert payload["meeting"]["announced_task_count"] == 6
    assert "list_cut_short" in plan["flag"]
