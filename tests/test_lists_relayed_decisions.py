"""A deployment word inside a clause that relays superiors' decisions (落实党中央、国务院决策部署; 按照省委、省政府
部署要求; 贯彻…工作要求) names their decision, not the text's deploying: it is no cue, so a review paragraph that holds
one (刚刚过去的一年，全系统…落实…决策部署，紧盯…，推动…) stays a review. Deploying words outside such a clause (会议部署,
要, 会议要求) still deploy. Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.rules import DEPLOY, REVIEW, nearest_cue


@pytest.mark.parametrize(
    "lead",
    [
        "会议指出，过去的一年，全省卫生健康系统认真落实党中央、国务院决策部署，",
        "局长指出，一年来，全县卫生健康系统按照县委、县政府部署要求，",
        "会议回顾，2024年全市上下坚决贯彻省委工作要求，",
    ],
    ids=["national-jueceblushu", "county-bushuyaoqiu", "city-gongzuoyaoqiu"],
)
def test_a_relayed_decision_is_no_deployment_cue(lead: str) -> None:
    assert nearest_cue(lead) == REVIEW


@pytest.mark.parametrize(
    "lead",
    [
        "会议指出，过去一年成绩显著。会议部署，",
        "会议回顾了去年的工作。会议要求，全市上下要认真落实省委决策部署，",
        "他总结了过去的成绩，强调全县要",
        "会议要求，",
        "过去一年成绩显著。全县要认真落实县委决策部署，",
    ],
    ids=["bushu-after-review", "yao-in-relaying-clause", "qiangdiao-yao", "huiyi-yaoqiu", "yao-before-luoshi"],
)
def test_deployment_words_outside_a_relaying_clause_still_deploy(lead: str) -> None:
    assert nearest_cue(lead) == DEPLOY


def test_a_review_paragraph_that_relays_decisions_gives_no_task() -> None:
    review = (
        "会议指出，刚刚过去的一年极不平凡。全市卫生健康系统坚决贯彻习近平总书记重要指示精神，落实省委、省政府决策部署，"
        "紧盯重点任务，扎实推进医共体建设，持续深化公立医院改革，推动卫生健康事业持续向前发展。\n"
    )
    plan = "会议要求，2025年全市要加快推进紧密型城市医疗集团建设，健全基层医疗卫生服务网络，完善医防协同机制。\n"
    titles = [(review + plan)[i.start : i.end][:6] for i in read_lists(review + plan)]
    assert titles == ["加快推进紧密", "健全基层医疗", "完善医防协同"]
