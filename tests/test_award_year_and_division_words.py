"""Two kinds of who-and-when evidence a report gives without naming them outright.

* A meeting that commends units or people for a year's work (表彰2004年度…先进单位) is held after that year: its
  work year is the next one (meetings.toml [work_year] review; work_years.toml [reviewed] for other genres).
* A provincial text that names no province but addresses divisions only one province has (各盟市, 旗县区: 盟 and 旗
  exist only in Inner Mongolia) is that province's (identity.toml [division_words], flag region_from_division_words).

Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.identity import region_evidence
from pipeline.text.clean import clean_text
from pipeline.text.regions import PROVINCE
from pipeline.text.work_years import FROM_REVIEWED, reviewed_year, stated_work_year


def _plans(raw: str) -> list[dict]:
    cleaned = clean_text(raw)
    payload = extract_document(cleaned.text, kind=None, published=cleaned.published_date, source=cleaned.source)
    return payload["plans"]


@pytest.mark.parametrize(
    ("raw", "year"),
    [
        # a garbled date and a page date years later: the award year + 1
        ("全县卫生工作会议召开\n编辑：张三 2011-12-26 00:00:00\n"
         "415日，全县卫生工作会议在县城召开，会议总结了去年的工作，会上表彰了2006年度乡镇卫生院目标管理先进单位。"
         "县委副书记王五要求，要加强农村卫生体系建设，要深化卫生体制改革，要加强重大疾病防治工作。", 2007),
        # the award verb with 奖励, no 了
        ("全市卫生健康工作会议召开\n会议表彰奖励2019年度全市卫生健康工作先进集体和先进个人。"
         "副市长李四强调，要深化医改，加强疾病预防控制体系建设，提升基层医疗服务能力。", 2020),
    ],
)
def test_a_meeting_that_commends_a_years_work_deploys_the_next_year(raw: str, year: int) -> None:
    [plan] = _plans(raw)
    assert plan["work_year"] == year


def test_an_award_year_outside_conference_reports_is_read_as_reviewed() -> None:
    text = "局里召开干部大会，表彰了2017年度先进科室，并对今年的工作作出安排。"
    assert stated_work_year(text, None) == (2018, FROM_REVIEWED)


@pytest.mark.parametrize(
    "text",
    [
        "各单位报送2019年度表彰的推荐名单。",  # the year before 表彰: an award still to be given
        "表彰2020年先进个人时要严格把关。",  # no 年度: not an award for a year's work
        "会议表彰了先进集体。",
    ],
)
def test_no_award_year_without_an_award_for_a_years_work(text: str) -> None:
    assert reviewed_year(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "各盟市卫生局，厅直属各有关单位：现将《2009年全区卫生应急工作要点》印发给你们，请结合实际，参照执行。",
        "请各旗县区卫生健康局于3月底前报送全区工作进展。",
        "推进嘎查村卫生室标准化建设，全区所有苏木乡镇卫生院达到服务能力标准。",
    ],
)
def test_a_provincial_text_addressing_inner_mongolias_divisions_is_inner_mongolias(text: str) -> None:
    assert region_evidence(PROVINCE, text, None) == ("150000", "region_from_division_words")


@pytest.mark.parametrize(
    "text",
    [
        "各地市卫生局：现将《2009年全区卫生应急工作要点》印发给你们。",  # no 盟 or 旗
        "医疗联盟市场化运作要规范，全区要加强监管。",  # 联盟 + 市场: no 盟市
        "各盟市卫生局：学习借鉴广西壮族自治区和宁夏回族自治区的经验。",  # provinces named: the rule does not guess
    ],
)
def test_no_province_from_division_words_when_the_text_has_none_or_names_provinces(text: str) -> None:
    assert region_evidence(PROVINCE, text, None)[1] != "region_from_division_words"


def test_a_work_points_notice_of_an_autonomous_region_gets_inner_mongolia_flagged() -> None:
    raw = (
        "各盟市卫生健康委，委直属各单位：\n"
        "现将《2015年全区卫生应急工作要点》印发给你们，请认真贯彻执行。\n"
        "附件：2015年全区卫生应急工作要点\n"
        "二〇一五年三月二日"
    )
    plans = _plans(raw)
    assert [(p["level"], p["region_code"]) for p in plans] == [("provincial", "150000")]
    assert "region_from_division_words" in plans[0]["flag"]
