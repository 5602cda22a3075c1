"""Items that only name political attitudes asked of the workers are no tasks, whatever reader found them
(pipeline.parse.lists.stances.without_political_attitudes): sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.lists.stances import political_attitude_only
from pipeline.text.clean import clean_text


@pytest.mark.parametrize(
    "item",
    [
        "增强“四个意识”、坚定“四个自信”、做到“两个维护”",
        "牢固树立四个意识",
        "切实把思想和行动统一到党中央的决策部署上来",
        "进一步把思想和行动统一到省委、省政府的工作要求上来",
        "不断提高政治判断力、政治领悟力、政治执行力",
        "坚守初心使命，强化使命担当",
        "切实增强大局意识",
        "以“一刻也不能放松”的责任感和“马上就办”的执行力",
        "进一步增强做好新时代卫生健康工作的责任感和紧迫感；",
    ],
)
def test_an_item_of_political_attitudes_states_no_work(item: str) -> None:
    assert political_attitude_only(item, 0, len(item))


@pytest.mark.parametrize(
    "item",
    [
        "要突出加强党的领导，牢固树立“四个意识”",
        "进一步增强大局意识，围绕县委、县政府决策部署，谋划好今年的卫生健康各项工作",
        "统一思想，抓住机遇，加快推进紧密型县域医共体建设",
        "增强基层医疗卫生机构服务能力",
        "全面加强党风廉政建设",
        # an item printed as lines, one of which states work
        "深刻领悟“两个确立”的决定性意义，坚决做到“两个维护”\n加强行政管理能力和作风建设",
        "",
    ],
)
def test_an_item_that_states_work_stays(item: str) -> None:
    assert not political_attitude_only(item, 0, len(item))


def test_a_plan_leaves_out_the_attitude_items_of_its_list() -> None:
    raw = (
        "2月3日，市卫生健康委召开2024年全市卫生健康工作会议，总结2023年工作，安排部署2024年重点任务。"
        "会议要求，一是切实把思想和行动统一到市委、市政府的决策部署上来；二是增强“四个意识”、坚定“四个自信”、做到“两个维护”；"
        "三是深化医药卫生体制改革，推进紧密型城市医疗集团建设；四是加强公共卫生体系建设，完善传染病监测预警网络；"
        "五是提升基层医疗卫生服务能力，建设10个社区医院。"
    )
    payload = extract_document(clean_text(raw).text, kind=None, published="2024-02-04")
    [plan] = payload["plans"]
    titles = [task["title"] for task in plan["tasks"]]
    assert len(titles) == 3
    assert all("四个意识" not in title and "思想和行动" not in title for title in titles)
    assert "attitude_items_left_out" in plan["flag"].split(";")


ATTITUDE_MEETING = (
    "12月28日，某县卫生健康局召开全体干部职工大会。会议指出，过去一年，全局各项工作取得一定成效。"
    "会议强调，全体干部职工要坚守初心使命、强化责任担当，以“一刻也不能放松”的责任感和“马上就办”的执行力，"
    "切实把思想和行动统一到县委、县政府的决策部署上来。"
)


def test_a_meeting_whose_items_are_all_attitudes_states_no_plan() -> None:
    payload = extract_document(clean_text(ATTITUDE_MEETING).text, kind=None, published="2025-12-29")
    assert payload["kind"] == "other"
    assert payload["kind_flag"] == "attitudes_only"
    assert payload["plans"] == []
    assert payload["meeting"] is None


def test_a_meeting_that_deployed_a_named_year_keeps_its_plan() -> None:
    raw = ATTITUDE_MEETING.replace("会议指出，", "会议安排部署了2026年卫生健康工作任务。会议指出，")
    payload = extract_document(clean_text(raw).text, kind=None, published="2025-12-29")
    assert payload["kind"] != "other"
    assert len(payload["plans"]) == 1
