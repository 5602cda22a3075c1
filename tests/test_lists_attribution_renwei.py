"""认为 is a verb of speech like 指出 (lists.toml [cues] attribution): a clause that only says who holds the view (会议
认为，…) counts neither for nor against a sentence of measures, so 会议认为，今后一个时期的工作重点是…，突出A，促进B，
强化C is read as measures; a view of the past year (会议认为，去年…取得明显成效) still gives none. Sentences written
for these tests."""

from __future__ import annotations

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.unmarked import only_attributes


def test_a_view_is_an_attribution() -> None:
    for clause in ("会议认为", "与会代表一致认为", "他指出"):
        assert only_attributes(clause, 0, len(clause))
    assert not only_attributes("认为这项工作很重要", 0, 9)


def test_measures_after_a_view_are_read() -> None:
    text = "与会人员一致认为，今后全县卫生工作的重点是进一步加强社区卫生工作，突出慢病防治，强化医疗质量监管。\n"
    assert [text[i.start : i.start + 4] for i in read_lists(text)] == ["突出慢病", "强化医疗"]
    text = (
        "会议认为，全省今后一个时期的卫生工作重点是进一步加强农村卫生工作，突出重大传染病防治，"
        "促进中医药事业发展，强化医疗服务监管。\n"
    )
    assert [text[i.start : i.start + 4] for i in read_lists(text)] == ["突出重大", "促进中医", "强化医疗"]


def test_a_view_of_the_past_year_gives_none() -> None:
    text = "会议认为，去年全省卫生系统扎实推进医改，取得明显成效，突出重大传染病防治，促进中医药事业发展。\n"
    assert read_lists(text) == []
