"""An item among others (…；要A，B，C，D，E；要…) keeps its measures inside it, except when they are short parallel
works, a verb and a distinct work each (要突出重点抓落实，持续推进医联体建设，加快补齐卫生短板，全面开展爱国卫生，…):
then they are its depth-2 tasks (pipeline.parse.lists.measures.short_parallel, lists.toml [shape] min_short_measures,
short_measure_share, short_measure_chars, short_measure_spread). Long measures carrying out one headline, or short
ones continuing one topic (加强队伍建设，优化队伍结构，…), stay inside the item. Sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.lists import unmarked
from pipeline.parse.lists.measures import short_parallel
from pipeline.text.clean import clean_text


def _pieces(text: str) -> list[unmarked.Piece]:
    return [unmarked.Piece(m.start(), m.end(), None, unmarked.CLAUSES) for m in re.finditer("[^，,；;。]+", text)]


@pytest.mark.parametrize(
    "measures",
    [
        # five measures of eight characters, each a verb and its own work
        "持续推进医联体建设，加快补齐卫生短板，全面开展爱国卫生，扎实做好疾病防控，切实守住安全底线",
        # lengths 6 to 8, ASCII commas, and a long last one (a share still short)
        "深化公立医院改革,完善分级诊疗,强化基层能力,办好民生实事,着力打造群众满意的县域医疗卫生服务体系",
        # four measures, the least, led by the same verb: the works differ
        "加快建设胸痛中心，加快完善急救网络，加快推进智慧医院，加快培育专科人才",
    ],
)
def test_short_parallel_works(measures: str) -> None:
    assert short_parallel(measures, _pieces(measures))


@pytest.mark.parametrize(
    "measures",
    [
        # three short ones: too few
        "持续推进医联体建设，加快补齐卫生短板，全面开展爱国卫生",
        # long measures carrying out one headline
        "做好全年各项卫生健康目标任务的收尾工作，提前谋划明年全县卫生健康重点项目，深入推进基层医疗卫生机构标准化建设，"
        "促进优质医疗资源扩容和区域均衡布局",
        # short measures continuing one topic
        "加强人才队伍建设，优化人才队伍结构，提高人才队伍素质，完善人才队伍激励",
        # lengths too far apart
        "深化医改，完善分级诊疗制度，强化基层，加快推进县域医共体建设工作",
        # half of them long
        "持续推进医联体建设，加快补齐卫生短板，深入推进基层医疗卫生机构标准化建设工作，促进优质医疗资源扩容和区域均衡布局",
    ],
)
def test_not_short_parallel_works(measures: str) -> None:
    assert not short_parallel(measures, _pieces(measures))


def _tasks(raw: str) -> list[dict]:
    document = extract_document(clean_text(raw).text, kind=None, published="2024-04-01")
    return document["plans"][0]["tasks"]


def test_an_item_among_others_with_short_parallel_works_has_them_as_tasks() -> None:
    raw = (
        "4月1日，某县召开2024年卫生健康工作会议。副县长要求，要统一思想、凝聚共识抓好卫生健康；"
        "要突出重点、狠抓落实抓好卫生健康，持续推进医联体建设，加快补齐卫生短板，全面开展爱国卫生，扎实做好疾病防控，"
        "切实守住安全底线；要强化保障、压实责任抓好卫生健康，健全考核机制，完善经费投入。"
    )
    parents = [t for t in _tasks(raw) if t["children"]]
    assert len(parents) == 1 and parents[0]["title"].startswith("突出重点")
    titles = [c["title"] for c in parents[0]["children"]]
    assert titles[:4] == ["持续推进医联体建设", "加快补齐卫生短板", "全面开展爱国卫生", "扎实做好疾病防控"]


def test_an_item_among_others_with_long_measures_stays_whole() -> None:
    raw = (
        "4月1日，某县召开2024年卫生健康工作会议。副县长要求，要统一思想、凝聚共识抓好卫生健康；"
        "要突出重点、狠抓落实抓好卫生健康，做好全年各项卫生健康目标任务的收尾工作，提前谋划明年全县卫生健康重点项目，"
        "深入推进基层医疗卫生机构标准化建设，促进优质医疗资源扩容和区域均衡布局；要强化保障、压实责任抓好卫生健康，"
        "健全考核机制，完善经费投入。"
    )
    assert not any(t["children"] for t in _tasks(raw))
