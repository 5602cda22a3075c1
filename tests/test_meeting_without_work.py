"""A local meeting report that says no word of the work in the directive or future mood and ends on a whole
sentence only names the work deployed (对下半年工作进行了部署): it states no plan (other, meeting_without_work). A
copy cut before its list, a report with a 要- or 将-sentence and a national conference stay plans. Sentences written
for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

REPORT = (
    "8月14日，市卫生局在市妇幼保健院召开全市上半年妇幼卫生工作会议。各县区卫生局分管局长参加会议。"
    "副局长王明对上半年工作进行了总结，对下半年全市妇幼卫生工作进行了部署，并提出了具体要求。"
)


def _read(raw: str) -> dict:
    return extract_document(clean_text(raw).text, kind=None, published="2007-08-15")


def test_a_report_that_only_names_the_work_deployed_states_no_plan() -> None:
    payload = _read(REPORT)
    assert (payload["kind"], payload["plans"]) == ("other", [])
    assert "meeting_without_work" in payload["kind_flag"]


def test_a_report_with_a_directive_sentence_states_a_plan() -> None:
    assert _read(REPORT + "王明强调，下半年要抓好孕产妇系统管理。")["plans"]


def test_a_copy_cut_before_its_list_states_a_plan() -> None:
    assert _read(REPORT + "会议强调，下半年各地")["plans"]


def test_what_is_required_after_yaoqiu_is_work_deployed() -> None:
    assert _read(REPORT.replace("并提出了具体要求。", "要求各县区加强孕产妇系统管理。"))["plans"]
