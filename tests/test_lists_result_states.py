"""A clause written as a state reached, subject first (医疗资源布局更加优化, 医改持续深化, 特色优势日益凸显), states a
result; work to be done is written verb first (持续深化医改). Such a clause governed by a goal word or a modal
(确保…全面完成, 使…持续改善, 能力还需进一步提升) is an aim, not a result. A list whose lead-in deploys work
(聚焦…, 要…) is still no plan's list when most of its items are written as such states: a review's headings
(坚持A，B更加优化；坚持C，D持续深化；…). Sentences written for these tests (lists.toml [cues] result_state)."""

from __future__ import annotations

import pytest

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.rules import reads_as_results, states_result


@pytest.mark.parametrize(
    "item",
    [
        "坚持规划先行，全县医疗机构布局更加合理",
        "强化协同联动，公共卫生防线日益牢固",
        "深化综合改革，公立医院运行机制不断完善",
        "突出中医特色，中医药服务网络逐步健全",
        "夯实基层基础，乡村医生队伍明显壮大",
    ],
    ids=["gengjia", "riyi", "buduan", "zhubu", "mingxian"],
)
def test_a_state_written_subject_first_is_a_result(item: str) -> None:
    assert states_result(item)
    assert reads_as_results(item)


@pytest.mark.parametrize(
    "item",
    [
        "持续深化医药卫生体制改革，稳妥推进分级诊疗",  # verb first: work to do
        "加强基层建设，推动基层服务能力全面提升",  # a directive verb leads the state clause
        "完善保障机制，确保年度任务全面完成",  # a goal word governs it
        "优化服务流程，使群众就医体验持续改善",
        "基层服务能力还需进一步提升",  # what is still to be reached
        "全市各级卫生健康部门要进一步加强",  # a modal
        "加强人才队伍建设",
    ],
    ids=["verb-first", "tuidong", "quebao", "shi", "haixu", "yao", "plain"],
)
def test_work_and_aims_are_no_result_state(item: str) -> None:
    assert not states_result(item)


_REVIEW_HEADINGS = (
    "会议指出，过去一年，全区卫生健康系统聚焦群众所需，各项工作取得新进展。"
    "坚持规划先行，区域医疗资源布局更加合理；坚持改革引领，县域医共体建设持续深化；"
    "坚持预防为主，重大疾病防控体系日益健全；坚持人才强卫，卫生人才队伍不断壮大。\n"
)

_PLAN_ITEMS = (
    "会议对2025年全区卫生健康工作作出部署。"
    "坚持规划先行，优化区域医疗资源布局；坚持改革引领，持续深化县域医共体建设；"
    "坚持预防为主，健全重大疾病防控体系；坚持人才强卫，壮大卫生人才队伍。\n"
)


def test_review_headings_under_a_deploying_word_are_no_list() -> None:
    text = _REVIEW_HEADINGS
    assert read_lists(text) == []


def test_the_same_headings_written_as_work_are_read() -> None:
    text = _PLAN_ITEMS
    items = read_lists(text)
    assert [text[i.start : i.end][:6] for i in items] == ["坚持规划先行", "坚持改革引领", "坚持预防为主", "坚持人才强卫"]


def test_one_state_among_work_items_keeps_the_list() -> None:
    text = _PLAN_ITEMS.replace("健全重大疾病防控体系", "重大疾病防控体系日益健全")
    assert len(read_lists(text)) == 4


# --- prose: a sentence of ；-parts most of which state results reviews ----------------------------------------

_REVIEW_SENTENCE = (
    "今年，全省优质医疗资源扩容提质，县域医共体建设持续深化；家庭医生签约扩面增效，群众就医体验持续改善；"
    "大力推进爱国卫生运动，公共卫生防线日益牢固。"
)
_PLAN_SENTENCE = (
    "今年，全省将推动优质医疗资源扩容提质，持续深化县域医共体建设；扩大家庭医生签约覆盖面，改善群众就医体验；"
    "大力推进爱国卫生运动，筑牢公共卫生防线。"
)


def test_a_prose_sentence_whose_parts_state_results_gives_no_task() -> None:
    from pipeline.parse.lists import prose_tasks

    assert prose_tasks(_REVIEW_SENTENCE, 0, len(_REVIEW_SENTENCE)) == []


def test_the_same_sentence_written_as_work_gives_its_measures() -> None:
    from pipeline.parse.lists import prose_tasks

    text = _PLAN_SENTENCE
    starts = [text[t["start"] : t["start"] + 4] for t in prose_tasks(text, 0, len(text))]
    assert "大力推进" in starts and len(starts) >= 3


def test_one_part_of_three_stating_a_result_keeps_the_sentence() -> None:
    from pipeline.parse.lists import prose_tasks

    text = _PLAN_SENTENCE.replace("改善群众就医体验", "群众就医体验持续改善")
    assert prose_tasks(text, 0, len(text))
