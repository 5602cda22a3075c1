"""A health meeting found by its shape deploys work when its requirements are set out as a marked list after a colon
(对下一阶段工作提出了明确要求：一是…；二是…), with no 要 or 将 near the requirement verb. Sentences written for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

MEETING = "4月8日，市卫生局组织召开了新“两纲”妇幼卫生目标推进会议。会议总结了2014年目标完成情况。"


def _read(raw: str) -> dict:
    return extract_document(clean_text(raw).text, kind=None, published="2015-04-09")


def test_requirements_listed_after_a_colon_are_the_work_deployed() -> None:
    payload = _read(
        MEETING + "副局长李明对下一阶段工作提出了明确要求：一是对照任务分解表，推动目标任务落实；"
        "二是进一步加强培训，做好监测统计工作；三是加大工作力度，确保目标如期实现。"
    )
    assert payload["kind"] == "municipal_conference_report"
    [plan] = payload["plans"]
    assert len(plan["tasks"]) == 3


def test_a_colon_without_a_list_deploys_nothing() -> None:
    payload = _read(MEETING + "副局长李明对下一阶段工作提出了明确要求：各单位抓好落实。")
    assert payload["plans"] == [] or not payload["plans"][0]["tasks"]
