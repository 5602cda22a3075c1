"""A clause of prose that names no measure gives no task (CONVENTIONS 1): an aim closing its sentence (确保…, 实现…)
with no number, a verb with no object, and, in a passage read as prose, clauses that relay or state an attitude.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.lists import prose_tasks
from pipeline.parse.lists.stances import names_no_measure
from pipeline.parse.lists.unmarked import prose_items


def _no_measure(clause: str, closes: bool) -> bool:
    return names_no_measure(clause, 0, len(clause), closes)


@pytest.mark.parametrize(
    "clause",
    ["确保采购活动公开透明", "确保各项任务落到实处", "实现基层服务网络全覆盖", "切实确保群众就医安全", "出台", "坚决兜住"],
)
def test_an_aim_closing_a_sentence_or_a_bare_verb_names_no_measure(clause: str) -> None:
    assert _no_measure(clause, closes=True)


@pytest.mark.parametrize(
    "clause",
    ["实现30个乡镇卫生院达标全覆盖", "确保2025年建成5家县域医疗次中心", "深化医改", "加快资金支出", "推进家庭医生签约服务"],
)
def test_a_commitment_with_a_number_and_a_verb_with_its_object_name_measures(clause: str) -> None:
    assert not _no_measure(clause, closes=True)


def test_an_aim_word_inside_a_sentence_is_left_to_the_other_rules() -> None:
    assert not _no_measure("确保医疗质量安全", closes=False)


@pytest.mark.parametrize(
    "lead",
    ["会议要求，各地要", "他强调，全县卫生系统要", "新的一年，全市将"],
)
def test_a_sentence_of_measures_keeps_them_and_drops_its_closing_aim(lead: str) -> None:
    text = lead + "加强基层医疗机构建设，推进家庭医生签约服务，完善分级诊疗制度，确保群众看病就医更加便捷。"
    words = [text[p.start : p.end] for p in prose_items(text, 0, len(text))]
    assert words == ["加强基层医疗机构建设", "推进家庭医生签约服务", "完善分级诊疗制度"]


def test_a_closing_commitment_with_a_number_stays() -> None:
    text = "各地要加强基层医疗机构建设，推进家庭医生签约服务，实现80%的村卫生室达到标准化。"
    words = [text[p.start : p.end] for p in prose_items(text, 0, len(text))]
    assert words[-1] == "实现80%的村卫生室达到标准化"


@pytest.mark.parametrize(
    ("prose", "kept"),
    [
        (
            "今年将推进医共体建设，扩大家庭医生签约覆盖面，认真贯彻落实全省卫生健康工作会议精神，确保群众满意。",
            ["推进医共体建设", "扩大家庭医生签约覆盖面"],
        ),
        (
            "2025年，该市将提高政治站位，新建3所社区卫生服务中心，推进村卫生室标准化建设，实现县域内就诊率持续提高。",
            ["新建3所社区卫生服务中心", "推进村卫生室标准化建设"],
        ),
    ],
)
def test_a_passage_read_as_prose_leaves_out_relaying_attitudes_and_aims(prose: str, kept: list[str]) -> None:
    titles = [t["text"].rstrip("。，") for t in prose_tasks(prose, 0, len(prose))]
    assert titles == kept
