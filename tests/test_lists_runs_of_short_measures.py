"""A run of four-character clauses is a string of slogans that sets the tone (立足统筹，着眼长远，突出重点…) only when
one of them is no measure: no directive leads it, or it states an attitude (积极作为, 真抓实干). A run of short
measures, each a directive verb and its object (压实责任，强化督查，细化预案), lists measures
(pipeline.parse.lists.unmarked.slogan_runs). Sentences written for the test."""

from __future__ import annotations

from pipeline.parse.lists.stances import slogan_runs
from pipeline.parse.lists.unmarked import prose_items
from tests.list_reading import task_titles


def _runs(text: str) -> list[str]:
    phrases, position = [], 0
    for part in text.split("，"):
        phrases.append((position, position + len(part)))
        position += len(part) + 1
    return [text[s:e] for s, e in phrases if e in slogan_runs(text, phrases)]


def test_a_run_of_short_measures_is_no_slogan_string() -> None:
    assert _runs("压实责任，强化督查，细化预案，落实各项防控措施") == []
    text = "会议要求，全区疾控系统要织密监测网络，压实责任，强化督查，细化预案，抓实各项防控措施。"
    pieces = [text[p.start : p.end] for p in prose_items(text, 0, len(text))]
    assert pieces[-4:] == ["压实责任", "强化督查", "细化预案", "抓实各项防控措施"]


def test_runs_with_a_stance_or_an_unled_phrase_stay_slogans() -> None:
    assert _runs("强化意识，提升能力，积极作为，真抓实干，全面完成年度任务") == ["强化意识", "提升能力", "积极作为", "真抓实干"]
    assert _runs("立足统筹，着眼长远，突出重点，加快推进医共体建设") == ["立足统筹", "着眼长远", "突出重点"]
    text = "会议要求，各地要强化意识，提升能力，积极作为，真抓实干，加快推进医共体建设，完善家庭医生签约服务。"
    assert task_titles(text) == ["加快推进医共体建设", "完善家庭医生签约服务"]
