"""Counts that name the parts of a plan or things already named are no commitments (issue 22, s16).

Three shapes, each written for the test (pipeline/data/targets.toml):
* a formula counting up in Chinese numerals, one count per clause (抓住一条主线，夯实两项基础，推进三项改革):
  [sequences], reason counted_sequence;
* a count right after quoted names that equals their number (“送医下乡”“健康小屋”两项惠民实事): [enumerations]
  quote_closers, reason named_before;
* a count of documents with no title (执行两个纲要, 宣贯三个条例) and a frame 以…为主要抓手: [exclusions]
  named_documents, frames.
"""

from __future__ import annotations

import pytest

from pipeline.text.clean import clean_text
from pipeline.text.targets.exclusions import counted_sequence_spans
from pipeline.text.targets.extract import extract_targets


def _values(text: str) -> list[tuple[float, str | None]]:
    cleaned = clean_text(text).text
    found = extract_targets(cleaned)
    for target in found:
        assert cleaned[target.start : target.end] == target.raw_text
    return [(target.value, target.unit) for target in found]


@pytest.mark.parametrize(
    "text",
    [
        "明年全区将抓住一条主线，夯实两项基础，推进三项改革，实现四个提升。",
        "围绕一个目标、坚持两个导向、抓好三大任务，推动卫生事业发展。",
        "今年要守住一道底线；落实两项制度；完善三个机制。",
        "确立一个中心，突出两个重点，强化三方面保障，做到四个到位，力求五项突破。",
    ],
)
def test_a_formula_counting_up_one_count_per_clause_is_no_target(text: str) -> None:
    assert _values(text) == []


def test_arabic_counts_in_consecutive_clauses_stay_targets() -> None:
    assert _values("建成1个中心，2个基地，3个站点。") == [(1.0, "个"), (2.0, "个"), (3.0, "个")]


@pytest.mark.parametrize(
    "text",
    [
        "新建一个分院，改造两个病区。",  # two counts only: no run
        "新建一个分院和两个病区，改造三个科室。",  # one clause holds two of them
        "新建两个分院，改造三个病区，培训四名骨干。",  # the run starts above one
        "新建一个分院，改造三个病区，培训四名骨干。",  # the counts do not go up by one
    ],
)
def test_counts_that_are_no_formula_are_not_masked(text: str) -> None:
    assert counted_sequence_spans(text) == []


def test_a_sentence_mark_ends_the_run() -> None:
    spans = counted_sequence_spans("抓住一条主线，夯实两项基础。推进三项改革，实现四个提升。")
    assert spans == []


@pytest.mark.parametrize(
    "text",
    [
        "力争“送医下乡”“健康小屋”两项惠民实事取得新进展。",
        "推动“互联网+护理”、“家庭病床”两项服务提质扩面。",
        "深化“先诊疗后付费”“一站式结算”和“床旁结算”三项便民举措。",
    ],
)
def test_a_count_of_the_quoted_names_before_it_is_no_target(text: str) -> None:
    assert _values(text) == []


def test_a_count_of_quoted_names_that_differs_from_their_number_stays() -> None:
    assert _values("在“健康小屋”建设中新建五个示范点。") != []
    assert _values("围绕“送医下乡”“健康小屋”新建五个服务点。") == [(5.0, "个")]


@pytest.mark.parametrize(
    "text",
    [
        "要求各地以落实妇女儿童两个纲要为主要抓手，全面推进妇幼工作。",
        "认真宣贯三个条例，严格依法执业。",
        "全面落实两个纲要，提升妇幼健康水平。",
        "以推进分级诊疗为重要抓手，带动医改。",
    ],
)
def test_a_count_of_documents_without_a_title_or_a_frame_is_no_target(text: str) -> None:
    assert _values(text) == []


def test_documents_a_verb_makes_new_stay_targets() -> None:
    assert _values("年内制定两个条例。") == [(2.0, "个")]


def test_one_quote_listing_the_names_is_still_counted_by_its_items() -> None:
    assert _values("持续推动“人员、资金、服务”三个统一管理。") == []


@pytest.mark.parametrize(
    "text",
    [
        "各区建成1至2家社区托育示范点。",
        "年内举办1-2期业务培训班。",
        "每个科室培养一到两名学科骨干。",
        "每村配备1或2名村医。",
        "全年开展１～２次督导。",
    ],
)
def test_one_or_two_of_a_count_is_an_approximation_not_a_target(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    "text, values",
    [
        ("新建1至3家分院。", [(1.0, "家")]),  # a wider range stays, with its value_max
        ("家庭医生签约率提升1~2个百分点。", [(1.0, "百分点")]),  # a rate's range is no count of things
        ("建成12家机构。", [(12.0, "家")]),
        ("建成1家中心，2个站点。", [(1.0, "家"), (2.0, "个")]),
    ],
)
def test_other_ranges_and_counts_stay_targets(text: str, values: list[tuple[float, str]]) -> None:
    assert _values(text) == values


def test_the_one_of_a_word_before_two_is_no_approximation() -> None:
    assert _values("将数据统一到两个平台。") == [(2.0, "个")]
