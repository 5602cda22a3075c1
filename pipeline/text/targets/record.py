"""The Target record: one measurable quantity found in a text, as every target module returns it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One measurable quantity found in a text."""

    start: int  # half-open char offsets into the input text; text[start:end] == raw_text
    end: int
    raw_text: str  # shortest span holding the indicator words, comparator words and the number with its unit
    indicator: str | None  # the thing measured, in the text's own words
    action: str | None  # the verb when the indicator is a counted object: 新增, 增配, 招聘, 实施, 建设
    value: float  # multiplied out (1.5万个 → 15000); the table shows it as printed with `scale`
    value_max: float | None  # upper bound of a range (1~3个百分点 → value 1, value_max 3)
    unit: str | None  # measure word or sign without the scale; None when the text has none
    comparator: str  # 'eq' | 'ge' | 'gt' | 'le' | 'lt' | 'approx' | 'range'
    is_change: bool  # adds to or takes from what exists (新增, 新建, 打造, 建设, 增配, 提高…元, 减少 …)
    kind: str  # 'level' (a state to reach or keep) | 'change' (of a level) | 'count' (things to build, train, deliver)
    year: int | None  # explicit deadline year in the same sentence (到2025年底 → 2025)
    flag: str | None  # why a row is uncertain ('no_unit', 'indicator_uncertain'; several joined by ';')
    per_unit: str | None = None  # what the quantity is per, as printed (每个市, 每万名人口, 人均)
    quoted_from: str | None = None  # another issuer whose figure the clause restates (国家层面), as printed
    scale: str | None = None  # scale word printed at the end of the number (万 in 1.5万个), if any
