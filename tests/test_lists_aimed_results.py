"""A result word that a goal word governs in its clause (确保到位, 力争取得新突破, 努力实现明显提升) says what is to be
reached, not what was: it does not make an item read as a result already reached, so a list of requirements whose
last one closes on 确保到位 is read as requirements (要…；要…；要素配置，确保到位), each whole. A result word
with no goal word before it in its clause still reads as a result. Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.modal import modal_items
from pipeline.parse.lists.reader import _paragraphs, _unmarked_lists
from pipeline.parse.lists.rules import reads_as_results


@pytest.mark.parametrize(
    "item",
    ["强化措施，履职尽责；要素配置，确保到位", "深化医共体改革，力争取得新突破", "加强基层能力建设，努力实现服务能力明显提升"],
    ids=["quebao-daowei", "lizheng-tupo", "nuli-tisheng"],
)
def test_a_result_word_under_a_goal_word_is_no_result(item: str) -> None:
    assert not reads_as_results(item)


@pytest.mark.parametrize(
    "item",
    ["医共体建设取得明显成效", "各项工作落实到位，确保安全", "全面深化改革，重点任务有序推进"],
    ids=["qude-chengxiao", "goal-after-result", "youxu-tuijin"],
)
def test_a_result_word_with_no_goal_word_before_it_is_a_result(item: str) -> None:
    assert reads_as_results(item)


_REQUIREMENTS = (
    "会议要求，全县卫生健康系统要坚定信心。要聚焦重点，扎实推进县域医共体建设，做好重大疾病防控工作。"
    "要压实责任，履职尽责；要素配置，确保到位；科学考评，加强督导。\n会上，县卫健局作了工作报告。"
)


def test_a_requirement_closing_on_a_goal_is_read_whole() -> None:
    text = _REQUIREMENTS
    assert [text[p.start : p.end][:4] for p in modal_items(text, 0, len(text))] == ["聚焦重点", "压实责任"]
    [found] = _unmarked_lists(text, _paragraphs(text, 0, len(text)), [])
    assert [i.rule for i in found] == ["list_modal_clauses", "list_modal_clauses"]
    items = read_lists(text)
    assert text[items[-1].start : items[-1].end].rstrip("。").endswith("科学考评，加强督导")


def test_requirements_that_state_results_are_still_left_out() -> None:
    text = "会议指出，要看到成绩。要肯定医共体建设取得明显成效；要看到各项工作落实到位。\n"
    assert _unmarked_lists(text, _paragraphs(text, 0, len(text)), []) == []
