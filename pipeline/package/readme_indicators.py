"""The release README's section on indicators and reported figures: what the tables hold, the figure,
how to sum or compare them safely, and the cookbook entry "targets vs reported figures"."""

from __future__ import annotations

from pipeline.analysis.settings import INDICATOR_FIGURE_PANELS, INDICATOR_FIGURE_PATH

GUIDE = """\
`indicators` is a reviewed vocabulary of the measures plans set targets for and texts report
(居民健康素养水平, 县域就诊率, 每万人口全科医生数, 国家区域医疗中心 …): an English and a Chinese name, the unit,
the direction (`higher_is_better`, `lower_is_better`, `count_to_build`), a definition and the aliases it
is read from. `targets.indicator_id` and `reported_figures.indicator_id` point into it, so 县域就诊率 and
县域内就诊率 are one measure; a row no entry fits has an empty `indicator_id` and the flag `no_indicator`
(or `indicator_unit_mismatch` when the words fit and the unit does not). `indicator_frameworks` holds
the value a national framework states for one of its main indicators — 《“健康中国2030”规划纲要》,
《健康中国行动（2019—2030年）》, 《“十四五”国民健康规划》 — each row with its document (title, issuer,
number, year), its wording and the public source it was checked against; values that could not be
checked are left out.

`reported_figures` holds what a text reports as already reached: results in a review (会议指出，2023年
…新建成省卫生乡镇39个), statistics (据统计…), attendance (约100人参加会议), streaks (连续四年). A quantity
is a target or a reported figure, never both: one rule (`pipeline/data/reported_figures.toml`, the cue
that decided is in `cue`) reads each number as a commitment (力争, 要, 到2027年 …), a report (已, 累计,
共, 参加, a review passage …) or neither; 保持在 and 稳定在 decide nothing by themselves. `value` and `unit`
are as printed (3094万人 → 3094 `万人`); `base_value` and `base_unit` are multiplied out (30940000 `人`). Targets have the
same four columns: `value` and `unit` as printed (新增1.5万个 → 1.5 `万个`), `base_value` and `base_unit`
multiplied out (15000 `个`).

To sum or compare them safely:

- compare a target with a reported figure only for the same `indicator_id` and the same unit:
  `targets.base_value` with `reported_figures.base_value` where `targets.base_unit =
  reported_figures.base_unit`; never `value`, whose unit may carry 万 or 亿;
- read `indicators.direction` before saying a plan is ahead or behind: for `lower_is_better` (死亡率,
  a radius in minutes) a smaller value is better; a comparator `ge`/`le` makes the target a floor or a
  ceiling;
- a reported figure's `year` is the year the text names for it; empty means the text names none (the
  year before the plan's work year is the usual reading of a review, but it is not recorded as fact);
- never sum `level` targets or any `higher_is_better`/`lower_is_better` figures (rates and standards do
  not add up); `count_to_build` targets add up across plans of one level only (a province's count
  includes its cities'), and only with the same unit;
- a framework value is a national goal for its `year`; compare a provincial target with it as a level,
  not as a share of it; a framework value stated relative to a base year (提高1岁左右) has no `value`;
- reported figures with an empty `plan_id` come from texts that state no plan (news items, round-ups of
  results); those with an empty `indicator_id` (attendance, meeting counts) are kept for provenance.
"""

COOKBOOK = """\
-- Targets vs reported figures: each plan's target of an indicator, what texts of plans of the same
-- region and level report as reached, and the national frameworks' values (units made comparable)
SELECT i.name_zh, i.name_en, i.direction, p.level, p.region_code, p.work_year,
       tg.base_value AS target, tg.comparator, tg.base_unit AS unit,
       f.base_value AS reported, f.year AS reported_year, f.raw_text AS reported_as,
       fw.framework_id, fw.year AS framework_year, fw.value AS framework_value
FROM targets tg
JOIN indicators i USING (indicator_id)
JOIN plans p USING (plan_id)
LEFT JOIN (reported_figures f JOIN plans pf ON pf.plan_id = f.plan_id)
       ON f.indicator_id = tg.indicator_id AND f.base_unit = tg.base_unit
      AND pf.level = p.level AND pf.region_code IS NOT DISTINCT FROM p.region_code
LEFT JOIN indicator_frameworks fw ON fw.indicator_id = tg.indicator_id AND fw.unit = tg.base_unit
WHERE tg.kind <> 'change'
ORDER BY i.indicator_id, p.region_code, p.work_year, tg.target_id;

-- How many plans set a target for each indicator, and how many texts report it
SELECT i.indicator_id, i.name_en,
       count(DISTINCT tg.plan_id) AS plans_with_target,
       count(DISTINCT f.doc_id) AS texts_reporting
FROM indicators i
LEFT JOIN targets tg USING (indicator_id)
LEFT JOIN reported_figures f USING (indicator_id)
GROUP BY i.indicator_id, i.name_en
ORDER BY plans_with_target DESC, i.indicator_id;
"""


def indicators_section() -> list[str]:
    """The README lines of the section (ends with an empty line)."""
    return [
        "## Indicators and reported figures",
        "",
        GUIDE.rstrip(),
        "",
        f"![Plan targets against the national frameworks' values, by indicator]({INDICATOR_FIGURE_PATH})",
        "",
        f"`{INDICATOR_FIGURE_PATH}`: for the {INDICATOR_FIGURE_PANELS} indicators with targets in the most plans, each",
        "plan's target (filled dot), the figures texts report as reached (hollow dot) and the national",
        "frameworks' values (grey diamonds, one row per framework and year). Labels are in Chinese and English.",
        "",
        "Cookbook — targets vs reported figures:",
        "",
        "```sql",
        COOKBOOK.rstrip(),
        "```",
        "",
    ]
