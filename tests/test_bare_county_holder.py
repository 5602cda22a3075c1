"""A county named by its short name with no suffix as the holder of a meeting (4月17日，嘉定召开…会议) is the
meeting's county: pipeline.parse.conference.shapes reads the holder (meetings.toml [shape] bare_county_holder) as a
county level, its region left to the text (晋江市副市长…). Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.shapes import held_health_meetings
from pipeline.text.clean import clean_text
from pipeline.text.regions import counties_named

_REQUIREMENTS = (
    "会议要求，一是要深化医药卫生体制改革，推进紧密型县域医共体建设；二是要加强公共卫生体系建设，做好重点传染病防控；"
    "三是要提升基层医疗卫生服务能力。"
)


@pytest.mark.parametrize(
    ("opening", "county", "year"),
    [
        (
            "2月26日，晋江召开2024年卫生健康工作会议，总结2023年工作，部署2024年重点任务。晋江市副市长出席会议并讲话。",
            "晋江市",
            2024,
        ),
        ("3月1日，西吉召开2023年卫生健康工作会议，安排部署2023年工作。西吉县委常委、副县长出席会议。", "西吉县", 2023),
        ("4月17日，青浦召开2019年卫生健康工作会议，部署2019年重点任务。青浦区副区长出席会议。", "青浦区", 2019),
    ],
)
def test_a_meeting_held_by_a_county_named_without_its_suffix_is_that_countys(
    opening: str, county: str, year: int
) -> None:
    cleaned = clean_text(f"{opening}\n{_REQUIREMENTS}")
    payload = extract_document(cleaned.text, kind=None, published=None, source=None)
    [code] = [region.code for region in counties_named(county)]
    assert [(plan["level"], plan["region_code"], plan["work_year"]) for plan in payload["plans"]] == [
        ("county", code, year)
    ]
    assert (payload["meeting"]["scope"], payload["meeting"]["region_code"]) == ("county", code)


@pytest.mark.parametrize("holder", ["医院", "我局", "中心", "会上"])
def test_a_holder_that_is_no_county_name_gives_no_county_meeting(holder: str) -> None:
    cleaned = clean_text(f"4月17日，{holder}召开2018年卫生计生工作会议，部署2018年重点任务。\n{_REQUIREMENTS}")
    assert held_health_meetings(cleaned.text) == []
