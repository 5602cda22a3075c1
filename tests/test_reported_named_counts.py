"""Reported figures that the target exclusions hold for targets only: a count closing an enumeration
(A、B等18项指标达到要求) and a count of major kinds (8大类耗材) commit to nothing new, but a review reports them.
The reasons are data (pipeline/data/reported_figures.toml target_only_exclusions). Sentences written for the test.
"""

from __future__ import annotations

from pipeline.text.reported import find_reported_figures
from pipeline.text.targets.extract import extract_targets


def _figures(text: str, year: int) -> list[tuple[float, str | None]]:
    found = find_reported_figures(text, reference_year=year)
    for figure in found:
        assert text[figure.start : figure.end] == figure.raw_text
    return [(figure.value, figure.unit) for figure in found]


def test_a_count_closing_an_enumeration_in_a_review_is_a_figure_and_no_target() -> None:
    text = "会议指出，2023年全县卫生健康工作成效明显，孕产妇保健、儿童保健等18项考核指标达到市级要求。"
    assert _figures(text, 2024) == [(18, "项")]
    assert [t.value for t in extract_targets(text)] == []


def test_major_kinds_under_a_review_heading_are_a_figure() -> None:
    text = "2024年工作总结\n一是推进阳光采购。新增检验试剂等6大类耗材纳入全市集中采购范围。\n2025年工作计划\n一是深化医改。"
    assert _figures(text, 2025) == [(6, "类")]


def test_the_same_counts_in_a_plan_are_neither_figures_nor_targets() -> None:
    text = "2025年要持续迭代预约挂号、电子病历等7个应用，推进八大类重点人群签约服务。"
    assert _figures(text, 2025) == []
    assert [t.value for t in extract_targets(text)] == []


def test_a_count_of_ideas_is_never_a_figure() -> None:
    text = "2024年工作总结\n一、突出两个主题，深化医改促发展。全年建成胸痛中心3家。"
    assert _figures(text, 2025) == [(3, "家")]
