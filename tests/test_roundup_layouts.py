"""Tests of round-ups in other layouts (pipeline.parse.roundup.paragraphs). Every text is written for the test."""

from __future__ import annotations

from pipeline.parse.roundup import parse_paragraph_roundup
from pipeline.text.clean import clean_text


def items(raw: str):
    text = clean_text(raw).text
    return text, parse_paragraph_roundup(text, default_year=2025)


def test_items_run_together_in_one_paragraph_are_split_at_the_next_dated_region() -> None:
    text, found = items(
        "各地陆续召开卫生健康工作会议。\n"
        "2月10日，河南省卫生健康工作会议召开。会议指出，2025年全省将扩大优质医疗资源；加强基层能力建设。"
        "2月12日，北京市卫生健康工作会议召开。会议提出，2025年全市将推进分级诊疗；完善疾控体系。"
    )
    assert [item["region_code"] for item in found] == ["410000", "110000"]
    assert text[found[0]["start"] : found[0]["end"]].endswith("加强基层能力建设。")
    assert text[found[1]["start"] :].startswith("2月12日，北京市")


def test_an_item_led_by_a_date_and_a_briefing_is_read_after_the_briefing_sentence() -> None:
    _, found = items(
        "1月8日，山东省卫生健康委举行媒体沟通会。2025年，全省将实施健康山东行动；推进医共体建设。\n"
        "1月9日，江苏省卫生健康委举行新闻发布会。2025年，全省将深化医改；加强公共卫生。"
    )
    assert [item["region_code"] for item in found] == ["370000", "320000"]
    assert [len(item["tasks"]) for item in found] == [2, 2]
    assert "reports_conference" in found[0]["flag"]


def test_the_opening_of_an_item_stops_where_its_tasks_start() -> None:
    text, found = items(
        "河北：2025年，全省将新建3所区域医疗中心；建成100家胸痛中心。\n"
        "山西：2025年，全省将改造50个县级医院；培训1000名全科医生。"
    )
    for item in found:
        assert item["opening_end"] <= item["tasks"][0]["start"]


def test_a_one_region_text_is_no_round_up() -> None:
    _, found = items("2月10日，河南省卫生健康工作会议召开。会议指出，2025年全省将扩大优质医疗资源。")
    assert found == []
