"""The addressee line of a national notice (各省、自治区、直辖市卫生健康委，新疆生产建设兵团卫生健康委：) addresses every
province's body: a region named in it is no issuer of the plan (pipeline.parse.prose_level, patterns in
pipeline/data/announced_plans.toml addressees). Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.parse.prose_level import level_and_region

_BODY = "\n为贯彻落实国务院部署，国家卫生健康委决定开展专项行动。"


@pytest.mark.parametrize(
    "addressees",
    [
        "各省、自治区、直辖市卫生健康委，新疆生产建设兵团卫生健康委：",
        "各省（区、市）卫生健康委，新疆生产建设兵团卫生健康委：",
        "各省、自治区、直辖市及新疆生产建设兵团卫生计生委，委机关各司局：",
    ],
)
def test_a_region_named_among_a_national_notices_addressees_is_no_issuer(addressees: str) -> None:
    flags: list[str] = []
    assert level_and_region(addressees + _BODY, flags) == ("national", None)


def test_the_corps_named_outside_an_addressee_line_is_the_issuer() -> None:
    flags: list[str] = []
    assert level_and_region("新疆生产建设兵团卫生健康委召开会议，部署2024年重点工作。", flags) == (
        "provincial",
        "660000",
    )


def test_a_province_named_after_the_addressee_line_is_still_read() -> None:
    text = "各省、自治区、直辖市卫生健康委：\n湖南省卫生健康委将认真落实，重点做好以下工作。"
    assert level_and_region(text, []) == ("provincial", "430000")
