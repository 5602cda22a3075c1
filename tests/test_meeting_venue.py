"""A county's short name inside the venue of a meeting (金麒麟大酒店: 麒麟) is part of the venue's name, not the
county that holds the meeting; the county's full name, or its short name outside a venue, still gives it.
Sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

BODY = "会议安排部署2012年全县卫生工作。县卫生局局长吴立友作工作报告，要求：一是加强医院建设；二是做好疾病防控；三是深化医改。"


def _region(raw: str) -> str | None:
    payload = extract_document(clean_text(raw).text, kind=None, published=None)
    [plan] = payload["plans"]
    return plan["region_code"]


@pytest.mark.parametrize("venue", ["金麒麟大酒店", "新庆城宾馆", "麒麟山庄"])
def test_a_short_name_inside_a_venue_names_no_county(venue: str) -> None:
    assert _region(f"全县卫生工作会议召开\n2月20日，全县卫生工作会议在{venue}召开，" + BODY) is None


def test_a_full_name_in_the_venue_still_names_the_county() -> None:
    assert _region("全县卫生工作会议召开\n2月20日，全县卫生工作会议在庆城县宾馆召开，" + BODY) == "621021"
