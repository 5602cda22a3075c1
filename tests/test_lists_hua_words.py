"""A directive verb followed by 化 is a -化 word (规范化, 标准化), an adjective or noun, not a verb: it leads no
measure and no 、-part of a clause is cut at it; 防范化解 stays a verb and its verb. 克期 (by a set date) is an adverb
before the verb (克期完成…). Sentences written for the test."""

from __future__ import annotations

from pipeline.parse.lists.joins import joined_spans
from pipeline.parse.lists.measures import requirement_measures
from pipeline.parse.lists.rules import verb_at


def test_a_hua_word_is_no_verb() -> None:
    for words in ("规范化村卫生室", "标准化建设", "规范化管理体系"):
        assert not verb_at(words, 0, len(words))
    for words in ("规范开展巡诊", "强化院感防控", "优化就医流程", "防范化解重大风险", "常态化开展督查"):
        assert verb_at(words, 0, len(words))


def test_a_pair_of_hua_words_is_one_measure() -> None:
    text = "打造标准化、规范化村卫生室"
    assert joined_spans(text, 0, len(text)) == [(0, len(text))]
    text = "积极推进医共体建设、逐步完善分级诊疗制度"  # two measures joined by 、 are still two
    assert len(joined_spans(text, 0, len(text))) == 2


def test_a_deadline_adverb_leads_a_measure() -> None:
    text = "二是夯实基层网底，克期完成36所卫生院改造，全面落实乡医培训计划，建设15个标准化、规范化卫生室。"
    measures = [text[p.start : p.end][:6] for p in requirement_measures(text, 0, len(text), None)]
    assert measures == ["克期完成36", "全面落实乡医", "建设15个标"]
