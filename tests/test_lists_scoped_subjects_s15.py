"""A list of verb-led sentences may state one measure on its own subject (所有三级公立医院均开展…): the subject opens on
a word of scope and a word spreads the measure over it (issue 22; lists.toml [shape] scope_subjects, scope_adverbs).
Every sentence is written for these tests (no seed, dev-set or read-set text)."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.unmarked import subject_scoped
from tests.list_reading import read_tasks

LEAD = "会议部署了今年工作。"


@pytest.mark.parametrize(
    "scoped",
    [
        "所有二级以上医院均开展预约诊疗服务。",
        "每个乡镇都建成一所标准化卫生院。",
        "全部县级医院均推行日间手术。",
        "每所学校都配备专职校医。",
    ],
)
def test_a_measure_on_its_own_subject_continues_a_list_of_verb_led_sentences(scoped: str) -> None:
    text = LEAD + "完善分级诊疗制度。推进医共体建设。" + scoped + "加强公共卫生体系建设。"
    tasks = read_tasks(text)
    assert len(tasks) == 4
    assert tasks[2]["text"] == scoped.rstrip("。")  # from its subject, not from its verb
    assert all(t["flag"] == "list_verb_clauses" for t in tasks)


@pytest.mark.parametrize(
    "clause",
    [
        "所有村卫生室均已建成",  # 已: a result, no verb of work right after 均
        "医疗资源布局都更加优化",  # no word of scope before the subject
        "所有参加培训并通过考核的乡村医生和村卫生室负责人均开展",  # subject longer than max_subject_chars
        "所有医院，均开展义诊",  # a comma before the adverb
        "全部完成年度目标任务",  # no adverb: 全部 is the adverb itself, not a subject
    ],
)
def test_other_subjects_state_no_measure_of_their_own(clause: str) -> None:
    assert not subject_scoped(clause, 0, len(clause))


def test_a_scoped_result_breaks_the_list_as_before() -> None:
    text = LEAD + "完善分级诊疗制度。推进医共体建设。所有村卫生室均已建成。加强公共卫生体系建设。"
    assert [t["title"] for t in read_tasks(text)] == ["完善分级诊疗制度", "推进医共体建设"]
