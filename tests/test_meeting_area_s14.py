"""One reading of the area a meeting's name opens on (conference.common.area_level_and_region), for both readers of a
meeting's name: the fallback reader of a news sentence (…卫生健康工作会议召开) and the speech transcript reader (在…会议上的
讲话). Names written for the test: a province then its city, a county-level city, a city then its district, a banner, a
county, scope words, and a community (below a county: no meeting's level)."""

from __future__ import annotations

import pytest

from pipeline.parse.conference.common import area_level_and_region
from pipeline.parse.conference.fallback import find_conference
from pipeline.parse.conference.speeches import speech_meeting
from pipeline.text.clean import clean_text

_PLAN_PART = (
    "今年要重点抓好以下工作：一是深化医药卫生体制改革，推进紧密型县域医共体建设；二是加强公共卫生体系建设，"
    "完善疾病预防控制网络；三是提升基层医疗服务能力，建设10个标准化村卫生室。"
)


def _news(area: str) -> tuple[str | None, str | None]:
    text = clean_text(f"3月5日，2023年{area}卫生健康工作会议召开。会议总结了去年工作。\n").text
    found = find_conference(text)
    return (found.level, found.region_code) if found else (None, None)


def _speech(area: str) -> tuple[str | None, str | None]:
    raw = f"在2023年{area}卫生健康工作会议上的讲话\n同志们：\n今天，我们召开这次会议，安排部署今年工作。\n" + _PLAN_PART
    found = speech_meeting(clean_text(raw).text)
    return (found.level, found.region_code) if found else (None, None)


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        ("湖南省长沙市", ("municipal", "430100")),  # a province then its city: the city's meeting
        ("常宁市", ("county", "430482")),  # a county-level city
        ("铜川市王益区", ("county", "610202")),  # a city then its district
        ("科尔沁左翼中旗", ("county", "150521")),  # a banner
        ("西吉县", ("county", "640422")),
        ("宁夏回族自治区", ("provincial", "640000")),
        ("全县", ("county", None)),
        ("全市", ("municipal", None)),
        ("东风社区", (None, None)),  # a community is no county
    ],
)
def test_both_readers_of_a_meetings_name_agree_on_its_level_and_region(
    area: str, expected: tuple[str | None, str | None]
) -> None:
    assert _news(area) == _speech(area) == expected


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        ("区", ("county", None)),
        ("省", ("provincial", None)),
        ("某某县", ("county", None)),  # a county the table does not single out
        ("幸福小区", (None, None)),
        ("新疆维吾尔自治区", ("provincial", "650000")),
        ("全县爱国", ("county", None)),  # a scope word opening a longer area
        ("", (None, None)),
    ],
)
def test_the_area_of_a_meetings_name_in_one_order_of_evidence(
    area: str, expected: tuple[str | None, str | None]
) -> None:
    assert area_level_and_region(area, "") == expected
