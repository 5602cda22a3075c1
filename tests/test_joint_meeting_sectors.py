"""A joint meeting of several sectors (全县卫生、文体工作会) reports each sector's part under its own lead (关于卫生工作，…;
关于文化工作，…): a paragraph whose lead names another sector's work holds no list of the health plan
(pipeline.parse.lists.ends.other_sectors_part, lists.toml [ends] sector_lead, other_sectors). Every sentence here is
written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.ends import other_sectors_part

_HEALTH = "关于卫生工作，副县长要求，要深化医改，推进县域医共体建设；要加强疾病防控，健全监测预警体系；要提升基层能力，推进村卫生室标准化建设。"


def _items(text: str) -> list[str]:
    return [text[i.start : i.end].rstrip("。；;") for i in read_lists(text)]


@pytest.mark.parametrize(
    "other",
    [
        "关于文化工作，副县长要求，要狠抓群众文化活动，发挥文化馆功能；狠抓文艺精品创作，打造特色品牌；狠抓文物保护，推进遗址修缮。",
        "关于教育工作：要推进学校标准化建设，改善办学条件；要加强教师队伍建设，完善培训制度；要深化课程改革，提升教学质量。",
        "关于文体和旅游工作，会议要求，要办好全民健身运动会，提升体育设施水平；要推进景区提档升级，打造旅游品牌；要繁荣群众文化，丰富节庆活动。",
    ],
)
def test_the_part_of_another_sector_gives_no_task(other: str) -> None:
    text = "全县卫生、文体工作会召开。\n" + _HEALTH + "\n" + other
    items = _items(text)
    assert items and all(text.find(item) < text.find("\n" + other) for item in items)
    assert len(items) == 3


@pytest.mark.parametrize(
    "paragraph",
    [
        _HEALTH,  # the health sector's own part
        "关于下一步工作，局长要求，要深化医改，推进县域医共体建设；要加强疾病防控，健全监测预警体系。",  # no sector named
        "关于中医药文化工作，要建设中医药文化宣传基地，推进中医药进校园；要办好中医药文化节，普及中医药知识。",  # a health field
        "会上，关于文化工作的部署由分管副县长作出。要深化医改，推进县域医共体建设；要加强疾病防控，健全监测预警体系。",  # not the lead
    ],
)
def test_a_health_part_or_a_lead_naming_no_other_sector_keeps_its_list(paragraph: str) -> None:
    text = "全县工作会召开。\n" + paragraph
    assert not other_sectors_part(text, len(text) - 5)
    assert _items(text)
