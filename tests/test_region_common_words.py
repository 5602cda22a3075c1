"""Short region names that are also ordinary words (安康, 长治, 中卫, 来宾…) name a place only in an issuer's
position (pipeline.text.regions.find_regions, words in pipeline/data/region_common_words.toml). Every sentence
here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text
from pipeline.text.regions import find_regions


def _names(text: str) -> list[str]:
    return [region.name for region, _, _ in find_regions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "要守护好群众的幸福安康，织密公共卫生防护网。",  # a wish
        "筑牢人民生命安康的健康防线。",
        "卫生健康事业事关社会长治久安。",  # an idiom
        "全县共有职工320人，其中卫生技术人员260人。",  # 中卫 across two words
        "开展集中卫生整治行动。",
        "感谢各位来宾出席本次会议。",  # guests
        "坚决纠治文山会海，为基层减负。",
        "健康产业是朝阳产业。",
        "与中山大学附属医院签订合作协议。",
        "推进新乡镇卫生院建设。",  # 新 + 乡镇卫生院
        "各项工作大同小异，要突出特色。",
    ],
)
def test_an_ordinary_word_that_is_also_a_short_region_name_names_no_region(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("安康市卫生健康委员会召开全市卫生健康工作会议。", "安康市"),  # the full name
        ("安康卫健委部署2024年重点工作。", "安康市"),  # a body follows the short name
        ("3月2日，长治召开全市卫生健康工作会议。", "长治市"),  # a meeting verb follows
        ("来宾日报讯 全市卫生健康工作会议召开。", "来宾市"),  # a newspaper
        ("统筹推进健康大同建设，提升群众获得感。", "大同市"),  # the place's own campaign
        ("深入实施健康中卫行动。", "中卫市"),
        ("中卫市委、市政府高度重视卫生健康工作。", "中卫市"),
    ],
)
def test_a_short_region_name_that_is_also_a_word_names_the_place_in_an_issuers_position(text: str, name: str) -> None:
    assert _names(text) == [name]


def test_a_short_name_that_is_no_ordinary_word_is_read_as_before() -> None:
    assert _names("宝鸡加快推进紧密型医联体建设，铜川召开会议。") == ["宝鸡市", "铜川市"]


def test_a_wish_in_a_city_meeting_report_does_not_make_it_another_citys_plan() -> None:
    raw = (
        "3月1日，我市召开2023年卫生健康工作会议，研究部署2023年重点任务。副市长出席会议并讲话。\n"
        "过去的一年，全市卫生健康系统筑牢人民安康的健康防线。\n"
        "会议要求，一是要深化医药卫生体制改革；二是要提升基层医疗服务能力；三是要加强公共卫生体系建设。"
    )
    cleaned = clean_text(raw)
    payload = extract_document(cleaned.text, kind=None, published=None, source=None)
    assert [(plan["level"], plan["region_code"]) for plan in payload["plans"]] == [("municipal", None)]
