"""A digest of a plan document (pipeline.parse.digest): a text that names a plan document and quotes its measures by
its full or short name (报告提出，…; 《报告》明确，…; 要点要求，…). Sentences written for the test: other documents,
issuer levels, verbs and leads, and the negatives (a review quoted from the report, an economy-only report, a
research report nobody issued as a plan, a notice convening a meeting)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.digest import FROM_DOCUMENT_DIGEST, digest_statement
from pipeline.text.clean import clean_text


def _texts(text: str, plan: dict) -> list[str]:
    return [text[task["start"] : task["end"]] for task in plan["tasks"]]


@pytest.mark.parametrize(
    ("raw", "level", "year", "tasks"),
    [
        (  # a national report quoted by its short name on the next line
            "3月5日，十四届全国人大三次会议在北京开幕。政府工作报告对今年卫生健康工作作出部署。\n"
            "报告提出，实施健康优先发展战略，提高基本医疗保险人均财政补助标准，推进紧密型县域医共体建设。\n"
            "专家表示，这些举措回应了群众关切。",
            "national",
            2025,
            ["实施健康优先发展战略", "提高基本医疗保险人均财政补助标准", "推进紧密型县域医共体建设"],
        ),
        (  # 《报告》, a lead 今年 and a measure led by its subject (a figure), not by a verb
            "3月5日，全国人民代表大会开幕，国务院总理作政府工作报告。\n《报告》指出，今年城乡居民医保人均补助标准再提高30元。",
            "national",
            2025,
            ["城乡居民医保人均补助标准再提高30元"],
        ),
        (  # a lead word before the quote, 要 before the clauses, a second verb in between (报告中还提出)
            "政府工作报告涉及不少民生内容。首先，报告中还提出要加快健全基本医疗卫生制度，完善城乡居民基本医保。",
            "national",
            2025,
            ["加快健全基本医疗卫生制度", "完善城乡居民基本医保"],
        ),
        (  # a city's work points issued, then quoted as 要点 with a count of its parts before 包括
            "近日，宁远市卫生健康委印发《2024年全市卫生健康工作要点》。要点共分四个方面，包括深化医药卫生体制改革，"
            "推进县域医共体建设，加强公共卫生体系建设，提升基层服务能力。",
            "municipal",
            2024,
            ["深化医药卫生体制改革", "推进县域医共体建设", "加强公共卫生体系建设", "提升基层服务能力"],
        ),
        (  # an implementation plan: a horizon before the clauses is framing, not a measure
            "省政府办公厅近日印发《全省卫生健康服务能力提升实施方案》。方案明确，到2027年，全省每千人口执业医师数达到3.5人，"
            "建成一批区域医疗中心，推进公立医院高质量发展。",
            "provincial",
            2025,
            ["全省每千人口执业医师数达到3.5人", "建成一批区域医疗中心", "推进公立医院高质量发展"],
        ),
        (  # an outline quoted as 纲要, with its verb 要求 and a colon
            "十四届全国人大会议表决通过了规划纲要。纲要要求：健全公共卫生体系，加快优质医疗资源扩容下沉，发展中医药事业。",
            "national",
            2025,
            ["健全公共卫生体系", "加快优质医疗资源扩容下沉", "发展中医药事业"],
        ),
    ],
)
def test_a_digest_quotes_the_named_document(raw: str, level: str, year: int, tasks: list[str]) -> None:
    text = clean_text(raw).text
    plan = digest_statement(text, date(2025, 3, 6))
    assert plan is not None
    assert FROM_DOCUMENT_DIGEST in plan["flag"]
    assert plan["level"] == level
    assert plan["work_year"] == year
    assert _texts(text, plan) == tasks


def test_the_document_year_is_the_plans() -> None:
    text = "市卫生健康委印发《2023年全市卫生健康工作要点》。要点明确，推进医共体建设，加强儿科服务能力建设。"
    plan = digest_statement(text, date(2025, 1, 2))
    assert plan is not None and plan["work_year"] == 2023
    assert "work_year_from_published" not in plan["flag"]


def test_a_national_session_outranks_a_region_named_in_passing() -> None:
    text = (
        "3月5日，全国人民代表大会开幕，总理作政府工作报告。\n《报告》指出，今年居民医保人均补助标准再提高30元。\n"
        "江南市卫生发展研究中心主任说，这个幅度比较大。"
    )
    plan = digest_statement(text, date(2025, 3, 6))
    assert plan is not None and (plan["level"], plan["region_code"]) == ("national", None)


@pytest.mark.parametrize(
    "raw",
    [
        # the short name quoted, but no plan document named: a research report
        "某大学发布调研报告。报告提出，我国老年人慢性病患病率较高，基层医疗服务能力不足。",
        # the report quoted only on what was done
        "总理作政府工作报告。报告指出，过去一年，全国新建乡镇卫生院300所，居民医保补助标准提高了30元。",
        # a report named, never quoted
        "政府工作报告今天发布，引起代表委员热议。代表们表示，将认真学习，抓好落实。",
        # a quote that is no sentence's or clause's subject (the expert's own report)
        "总理作政府工作报告。专家的报告提出，加强基层医疗服务能力。",
    ],
)
def test_no_digest(raw: str) -> None:
    assert digest_statement(clean_text(raw).text, date(2025, 3, 6)) is None


def test_an_economy_only_digest_stays_other() -> None:
    text = clean_text(
        "3月5日，十四届全国人大三次会议开幕，总理作政府工作报告。\n报告要求，扩大国内需求，推进新型工业化，发展新质生产力。"
    ).text
    payload = extract_document(text, kind=None, published="2025-03-06")
    assert payload["kind"] == "other"
    assert payload["plans"] == []


def test_a_digest_is_a_plan_statement_of_the_document() -> None:
    text = clean_text(
        "政府工作报告对今年卫生健康工作作出部署。\n报告提出，推进紧密型县域医共体建设，加强传染病防控体系建设。"
    ).text
    payload = extract_document(text, kind=None, published="2025-03-06")
    assert payload["kind"] == "plan_statement"
    [plan] = payload["plans"]
    assert FROM_DOCUMENT_DIGEST in plan["flag"]
    assert len(plan["tasks"]) == 2
