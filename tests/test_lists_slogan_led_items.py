"""Items of a list that each open on a four-character slogan head and then a measure a directive leads
(凝心聚力，高起点谋划…；守正创新，高质量推进…), in ；- or 。-separated runs, after a requirement's modal or alone
(pipeline.parse.lists.rules.slogan_led, read by unmarked.clause_items). The item starts at its head; an attitude
head (真抓实干) before work is no attitude item. Heads that say who speaks or when, heads with no measure after them,
and a verb-led attitude (提高认识，…) are not such items. Manner words 高效率/高品质/高起点… are adverbs.

Every text here is written for the test (no seed, no dev-set or tune text)."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.lists.rules import directive_at, is_attitude, slogan_led
from pipeline.parse.lists.unmarked import clause_items
from pipeline.text.clean import clean_text

COUNTY_MEETING = """某某县召开2026年卫生健康工作会议
2月20日，某某县2026年卫生健康工作会议召开。会议总结了2025年全县卫生健康工作，部署2026年重点任务。
会议要求，全县卫生健康系统要凝心聚力，高起点谋划县域医共体建设；守正创新，高质量推进中医药服务进乡村；补短强弱，高效率完善基层急救网络；多措并举，全力提升家庭医生签约服务质量。
"""


def _items(text: str) -> list[str]:
    return [text[p.start : p.end][:9] for p in clause_items(text, 0, len(text))]


def test_a_county_meetings_slogan_led_requirements_are_its_tasks() -> None:
    text = clean_text(COUNTY_MEETING).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    assert [t["text"][:9] for t in plan["tasks"]] == ["凝心聚力，高起点谋", "守正创新，高质量推", "补短强弱，高效率完", "多措并举，全力提升"]
    assert {t["flag"] for t in plan["tasks"]} == {"list_verb_clauses"}
    assert all(text[t["start"] : t["end"]] == t["text"] for t in plan["tasks"])


def test_sentences_each_a_slogan_and_a_measure_are_a_list() -> None:
    text = "全区上下要攻坚克难，高水平深化医改。真抓实干，高品质建设健康社区。固本强基，扎实推进村卫生室标准化建设。"
    assert _items(text) == ["攻坚克难，高水平深", "真抓实干，高品质建", "固本强基，扎实推进"]


def test_heads_that_say_who_or_when_or_lead_no_measure_are_no_slogans() -> None:
    assert slogan_led("会议强调，加强基层建设", 0, 11) is None
    assert slogan_led("今年以来，全市推进医改", 0, 11) is None
    assert slogan_led("精益求精，这是群众的期盼", 0, 12) is None
    assert slogan_led("攻坚克难，高水平深化医改", 0, 12) == 5
    assert _items("会议指出，群众满意，这是工作的目标。上下一心，大家共同努力。") == []


def test_an_attitude_head_before_work_is_no_attitude_item() -> None:
    work = "真抓实干，高效率推进健康乡村建设"
    assert not is_attitude(work, 0, len(work))
    for stance in ("提高认识，聚焦工作重点", "真抓实干，努力开创卫生健康工作新局面", "统一思想，坚决克服麻痹思想"):
        assert is_attitude(stance, 0, len(stance))


def test_manner_words_lead_a_measure() -> None:
    for words in ("高效率推进疾控体系建设", "高品质优化托育服务", "高起点谋划医学中心", "高强度推进项目建设"):
        assert directive_at(words, 0, len(words)) is not None
    assert directive_at("高血压患者规范管理", 0, 9) is None
