"""A model named after a place (三明医改经验, 罗湖模式) is no mention of the place (pipeline.text.regions.find_regions,
regex region_common_words.toml model_after). Every sentence is written for the test."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text
from pipeline.text.regions import find_regions


@pytest.mark.parametrize(
    "text",
    [
        "要全面推广三明医改经验，推进公立医院改革。",
        "认真学习三明市医改经验，深化医疗、医保、医药联动改革。",
        "学习借鉴三明模式，推广深圳经验。",
        "深化三明医改，推进薪酬制度改革。",
        "借鉴深圳做法，推进医联体建设。",
    ],
)
def test_a_model_named_after_a_place_is_no_mention(text: str) -> None:
    assert find_regions(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("三明市召开全市卫生健康工作会议。", "三明市"),
        ("三明卫健委印发2024年工作要点。", "三明市"),
        ("三明医改试点工作推进会在福州召开。", "三明市"),  # a meeting of the reform's pilot, held by the place
        ("福建：推广三明医改经验", "福建省"),
        ("深圳市卫生健康委召开会议，总结推广医改经验。", "深圳市"),
    ],
)
def test_the_place_itself_is_still_named(text: str, name: str) -> None:
    assert [region.name for region, _, _ in find_regions(text)][:1] == [name]


def test_a_provincial_plan_that_spreads_a_citys_model_is_no_citys_plan() -> None:
    raw = (
        "1月15日，副省长张某某到省卫生健康委调研，部署2024年全省卫生健康重点工作。张某某强调，2024年全省卫生健康系统要"
        "重点抓好以下工作：一是深化医药卫生体制改革，推广三明医改经验；二是加强公共卫生体系建设，提升重大疫情防控救治能力；"
        "三是推进优质医疗资源扩容下沉，建设5个省级区域医疗中心。"
    )
    document = extract_document(clean_text(raw).text, kind=None, published="2024-01-16")
    assert [(plan["level"], plan["region_code"]) for plan in document["plans"]] == [("provincial", None)]


# --- a provincial plan's province through the counties a text names (pipeline.parse.identity._one_region) ---------

_PROVINCIAL = (
    "2月25日，2023年全省卫生健康工作视频会议召开，安排部署2023年重点工作。会议要求，要加快推进紧密型县域医共体建设，"
    "提升基层服务能力；要加强疾病预防控制体系建设，完善传染病监测预警机制。\n"
)


def _provincial(raw: str) -> list[tuple[str, str | None]]:
    document = extract_document(clean_text(raw).text, kind=None, published="2023-02-26")
    return [(plan["level"], plan["region_code"]) for plan in document["plans"]]


@pytest.mark.parametrize(
    ("after", "province"),
    [
        ("华亭市副市长某某某在华亭分会场收听收看会议实况。", "620000"),  # a county-level city of 甘肃
        ("西吉县副县长某某某在西吉分会场收听收看会议实况。", "640000"),  # a county of 宁夏
        ("西吉县卫生健康局主要负责同志参加会议。", "640000"),
    ],
)
def test_a_provincial_meeting_watched_in_a_county_is_that_countys_province(after: str, province: str) -> None:
    assert _provincial(_PROVINCIAL + after) == [("provincial", province)]


def test_counties_of_two_provinces_name_no_province() -> None:
    after = "华亭市副市长某某某在华亭分会场收听收看会议实况。西吉县卫生健康局负责同志介绍了经验。"
    assert _provincial(_PROVINCIAL + after) == [("provincial", None)]


def test_a_province_named_wins_over_the_counties() -> None:
    after = "宁夏回族自治区卫生健康委和华亭市副市长某某某在分会场收听收看会议实况。"
    assert _provincial(_PROVINCIAL + after)[0][1] != "620000"
