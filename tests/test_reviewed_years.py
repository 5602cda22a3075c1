"""A year the text reviews is not the year it deploys (pipeline.text.work_years.is_reviewed, words in
pipeline/data/work_years.toml [printed]): the deploy reader's sentence year and the announced reader's year
before its cue pass over it. Every sentence here is written for the test.
"""

from __future__ import annotations

import re

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text
from pipeline.text.work_years import FROM_REVIEWED, first_deployed_year, is_reviewed


def _reviewed(text: str, year: str) -> bool:
    found = re.search(f"{year}年", text)
    assert found is not None
    return is_reviewed(text, *found.span())


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("区卫生健康局2023年工作总结和2024年工作计划", "2023"),  # the summary's year
        ("开展2022年度计划生育目标管理责任制考核", "2022"),  # an assessment of a year's work
        ("报告开篇是2021年工作回顾", "2021"),
        ("2016年以来，全县新建村卫生室42个", "2016"),
        ("会议回顾2019年全市卫生健康工作", "2019"),  # the review word right before the year
        ("局长总结了2020年工作", "2020"),
        ("2018年全县卫生工作取得新进展", "2018"),
    ],
)
def test_a_year_in_a_review_frame_is_reviewed(text: str, year: str) -> None:
    assert _reviewed(text, year)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("区卫生健康局2023年工作总结和2024年工作计划", "2024"),  # the plan's year, after the summary's
        ("2024年全区卫生健康工作要点", "2024"),
        ("关于2012年全市卫生重点工作的通报", "2012"),  # 通报 after the year names the document
        ("研究部署2025年重点任务，会议总结了去年工作", "2025"),  # the review word is in the next clause
        ("2017年，全市要巩固国家卫生城市创建成果", "2017"),
    ],
)
def test_a_year_named_for_work_ahead_is_not_reviewed(text: str, year: str) -> None:
    assert not _reviewed(text, year)


def test_the_first_deployed_year_passes_over_the_reviewed_ones() -> None:
    text = "区卫生健康局2023年工作总结和2024年工作计划"
    found = first_deployed_year(text, 0, len(text))
    assert found is not None and found.group(1) == "2024"
    assert first_deployed_year("回顾2022年工作", 0, 8) is None


def _plan(raw: str) -> dict:
    cleaned = clean_text(raw)
    [plan] = extract_document(cleaned.text, kind=None, published=None, source=None)["plans"]
    return plan


@pytest.mark.parametrize(
    ("raw", "year"),
    [
        (
            "2月10日上午，区卫生健康局局长带队赴城南街道开展2023年度计划生育目标管理责任制考核，并与街道负责同志研究部署"
            "2024年卫生健康重点工作，强调：一要做好社区托育服务设施建设；二要深入开展爱国卫生运动；三要加强基层公共卫生委员会建设。",
            2024,
        ),
        (
            "3月5日，县卫生健康局局长到城关镇卫生院督导，通报了2022年度绩效考核结果，安排2023年卫生健康工作，要求：一要提升"
            "基层诊疗能力；二要做好慢性病管理；三要加强家庭医生签约服务。",
            2023,
        ),
        (  # no reviewed year: the sentence's first year as before
            "3月5日，县卫生健康局局长到城关镇卫生院督导，安排2023年卫生健康工作，要求：一要提升基层诊疗能力；二要做好慢性病"
            "管理；三要加强家庭医生签约服务。",
            2023,
        ),
    ],
)
def test_a_deploy_sentence_that_reviews_a_year_then_deploys_the_next_gives_the_next(raw: str, year: int) -> None:
    assert _plan(raw)["work_year"] == year


def test_this_year_after_a_reviewed_year_is_the_next_year_flagged() -> None:
    raw = (
        "省长在政府工作报告中，用较大篇幅回顾了2022年工作的成效。\n"
        "评论指出，今年，该省将突出保健康防重症，提升医疗救治能力、医疗物资保障能力和基层服务能力，加快建设国家医学中心，"
        "推进县域医共体建设。"
    )
    plan = _plan(raw)
    assert plan["work_year"] == 2023
    assert FROM_REVIEWED in plan["flag"].split(";")


def test_a_notice_of_a_years_work_keeps_its_year() -> None:
    raw = (
        "某市有关2016年全市卫生重点工作的通报：2016年是“十三五”开局之年。为做好各项卫生工作，市卫生局认真安排今年重点"
        "工作任务。一是实施妇幼健康计划，确保妇幼工作目标完成；二是推进公立医院综合改革，完善分级诊疗；三是加强基层医疗"
        "卫生服务能力建设，提升群众满意度。"
    )
    plan = _plan(raw)
    assert plan["work_year"] == 2016
    assert FROM_REVIEWED not in (plan["flag"] or "").split(";")
