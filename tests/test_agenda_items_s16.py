"""Items that narrate a meeting's agenda in the past, and counts of a commendation, are no tasks and no targets
(issue 22, s16: review never yields tasks or targets). Sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.agenda_items import narrates_agenda
from pipeline.text.clean import clean_text
from pipeline.text.targets.extract import extract_targets

LEAD = "3月5日，某县卫生健康局2023年度工作总结暨2024年工作部署会议在县政府会议室召开。副县长王明出席会议。\n"


def _read(raw: str) -> tuple[str, dict]:
    text = clean_text(raw).text
    return text, extract_document(text, kind=None, published="2024-03-06")


def _tasks(text: str, payload: dict) -> list[str]:
    def walk(tasks: list[dict]) -> list[str]:
        return [row for task in tasks for row in [text[task["start"] : task["end"]], *walk(task["children"])]]

    return [row for plan in payload["plans"] for row in walk(plan["tasks"])]


@pytest.mark.parametrize(
    "item",
    [
        "局长回顾了2023年卫生健康工作取得的成效，从四个方面总结了一年的工作。",
        "局长回顾总结了一年来的工作。",
        "本次会议对系统内的先进集体进行了表彰：表彰先进个人12名；先进单位一等奖3个。",
        "副县长对2023年全县卫生健康工作予以了充分肯定，并强调了三点意见：",
        "会议通报了2023年度目标考核结果。",
        "与会人员观看了警示教育片。",
        "县委副书记宣读了表彰决定。",
    ],
)
def test_an_item_narrating_the_agenda_in_the_past_is_no_task(item: str) -> None:
    assert narrates_agenda(item, 0, len(item))


@pytest.mark.parametrize(
    "item",
    [
        "要认真总结经验，做好分析研判。",  # a requirement to review, not a review
        "全面回顾“十四五”规划实施情况，谋划“十五五”卫生健康发展。",  # no past mark
        "加快推进县医院新院区建设，年底前完成主体工程。",
        "深入了解群众就医需求，优化服务流程。",  # 了解 is no past mark
        "建立健全表彰激励机制，评选一批优秀乡村医生。",
    ],
)
def test_an_item_that_sets_out_work_is_kept(item: str) -> None:
    assert not narrates_agenda(item, 0, len(item))


def test_a_narrated_agenda_gives_no_tasks_or_targets_but_its_own_list_is_kept() -> None:
    text, payload = _read(
        LEAD + "首先，局长回顾了2023年度卫生健康工作取得的主要成效，对2024年工作进行了安排。"
        "其次，本次会议对系统内的先进集体进行了表彰：表彰先进个人12名；先进单位一等奖3个，二等奖5个。"
        "最后，王明对2024年卫生健康工作强调了三点意见：一要加快推进县医院新院区建设；二要深化紧密型县域医共体改革；"
        "三要做好重点人群家庭医生签约服务。"
    )
    rows = _tasks(text, payload)
    assert not any(row.startswith(("局长回顾", "本次会议", "王明对")) for row in rows), rows
    assert any("县医院新院区" in row for row in rows), rows
    [plan] = payload["plans"]
    assert "agenda_items_left_out" in plan["flag"].split(";")

    def targets(tasks: list[dict]) -> list[dict]:
        return [t for task in tasks for t in [*task["targets"], *targets(task["children"])]]

    assert targets(plan["tasks"]) == [] and plan["opening_targets"] == []


@pytest.mark.parametrize(
    "text",
    [
        "会议对系统内的优秀团体进行了表彰：表彰先进个人17名；目标考核先进单位一等奖4个，二等奖9个。",
        "会上通报表扬了先进集体5个、先进个人20名。",
        "大会授予5家医院“优秀单位”称号。",
        "会上命名12个村为卫生健康示范村。",
        "县委对获得一等奖的8个单位予以表彰，授予先进称号。",
    ],
)
def test_the_counts_of_a_commendation_are_no_targets(text: str) -> None:
    assert extract_targets(clean_text(text).text) == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("年内新建3个示范中心。", 3.0),
        ("培训优秀乡村医生100名。", 100.0),  # a deliverable, though it names 优秀
        ("表彰大会后，全县新建2所卫生院。", 2.0),  # no meeting's commendation in the sentence
        ("全市荣获省级表彰21项。", 21.0),
        ("8项工作在全省会议上作典型发言，荣获省级表彰21项，涌现出一批先进模范。", 21.0),  # 会议 opens no clause  # an honour the region received: a reported figure, read as before
    ],
)
def test_counts_outside_a_commendation_stay_targets(text: str, value: float) -> None:
    assert value in [t.value for t in extract_targets(clean_text(text).text)]
