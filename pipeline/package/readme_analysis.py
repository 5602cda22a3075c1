"""The release README's section on the analysis tables: the figure, the method with its thresholds,
the measured precision and recall, and a query cookbook. Generated from pipeline/data/analysis.toml
and pipeline/data/analysis_evaluation.toml."""

from __future__ import annotations

from pipeline.analysis.settings import FIGURE_PATH, settings, themes
from pipeline.data import read_toml

COOKBOOK = """\
-- 1. Which 2025 national tasks does each province echo, with how many of its tasks?
SELECT v.short_name AS province, n.ordinal, n.title AS national_task,
       count(*) AS echoing_tasks, round(max(a.score), 3) AS best_score
FROM alignments a
JOIN tasks t USING (task_id) JOIN plans p ON p.plan_id = t.plan_id
JOIN provinces v ON v.province_code = p.region_code
JOIN tasks n ON n.task_id = a.national_task_id
WHERE a.national_work_year = 2025
GROUP BY v.short_name, n.ordinal, n.title
ORDER BY province, n.ordinal;

-- 2. How far does each 2025 national task travel: how many provinces echo it?
SELECT n.ordinal, n.title, count(DISTINCT p.region_code) AS provinces
FROM tasks n JOIN plans np ON np.plan_id = n.plan_id
LEFT JOIN alignments a ON a.national_task_id = n.task_id
LEFT JOIN tasks t ON t.task_id = a.task_id LEFT JOIN plans p ON p.plan_id = t.plan_id
WHERE np.level = 'national' AND np.work_year = 2025 AND n.parent_task_id IS NULL
GROUP BY n.ordinal, n.title
ORDER BY provinces, n.ordinal;

-- 3. Which themes does a province stress more than the national plan of the same year?
WITH shares AS (
  SELECT p.plan_id, p.level, p.region_code, p.work_year, tt.theme,
         count(DISTINCT tt.task_id) * 1.0 / max(p.n_leaf_tasks) AS share
  FROM task_themes tt JOIN tasks t USING (task_id) JOIN plans p USING (plan_id)
  WHERE t.n_children = 0
  GROUP BY p.plan_id, p.level, p.region_code, p.work_year, tt.theme)
SELECT th.label_zh, th.label_en, round(s.share, 2) AS province_share, round(coalesce(n.share, 0), 2) AS national_share
FROM shares s JOIN themes th USING (theme)
LEFT JOIN shares n ON n.level = 'national' AND n.work_year = s.work_year AND n.theme = s.theme
JOIN provinces v ON v.province_code = s.region_code
WHERE v.short_name = '浙江' AND s.work_year = 2025
ORDER BY province_share - national_share DESC;

-- 4. What is new, continued or dropped in the national plans, year over year?
SELECT t.task_id, c.work_year, t.title, c.status_previous, pt.title AS nearest_previous,
       c.status_next, nt.title AS nearest_next
FROM task_continuity c JOIN tasks t USING (task_id)
LEFT JOIN tasks pt ON pt.task_id = c.previous_task_id
LEFT JOIN tasks nt ON nt.task_id = c.next_task_id
ORDER BY t.task_id;

-- 5. Tracked terms by level and work year, and each national plan's most distinctive terms
SELECT level, work_year, term, sum(count) AS mentions, count(*) FILTER (WHERE count > 0) AS plans_mentioning
FROM plan_terms WHERE kind = 'tracked'
GROUP BY level, work_year, term ORDER BY term, level, work_year;

SELECT plan_id, rank, term, tfidf, count FROM plan_terms
WHERE kind = 'top' AND level = 'national' ORDER BY plan_id, rank;

-- Trace an alignment to both texts
SELECT a.task_id, a.national_task_id, a.score, a.shared_terms,
       substr(d.text, t.char_start + 1, t.char_end - t.char_start) AS provincial_text,
       substr(nd.text, n.char_start + 1, n.char_end - n.char_start) AS national_text
FROM alignments a
JOIN tasks t USING (task_id) JOIN documents d ON d.doc_id = t.doc_id
JOIN tasks n ON n.task_id = a.national_task_id JOIN documents nd ON nd.doc_id = n.doc_id
LIMIT 3;
"""


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def analysis_section() -> list[str]:
    """Markdown lines of the section (a level-2 heading and its body)."""
    config = settings()
    measured = read_toml("analysis_evaluation.toml")
    alignment, holdout = measured["alignment"], measured["alignment_holdout"]
    theme, theme_holdout = measured["themes"], measured["themes_holdout"]
    return [
        "## Themes, alignment and year-over-year change",
        "",
        f"![Share of each plan's tasks per theme: provincial plans and the national plan by work year]({FIGURE_PATH})",
        "",
        f"`{FIGURE_PATH}`: for each of the {len(themes())} themes (rows), the share of each provincial plan's",
        "tasks (leaf tasks) and of each national plan's tasks that carry it. Drawn in Noto Sans SC; the PNG has",
        "no timestamp, so a rebuild gives the same bytes.",
        "",
        "How the analysis tables are made (transparent and deterministic; every number below is a",
        "setting of `pipeline/data/analysis.toml`, the taxonomy is `pipeline/data/themes.toml`):",
        "",
        "- **Terms** of a task are its jieba tokens (title and text) of at least "
        f"{config.min_chars} characters that are not punctuation, numerals or function words, not one of "
        f"{len(config.stop_words)} stop-words of political prose (推进, 加强, 高质量发展, …) and not a region name.",
        "- **task_themes**: a theme's signal terms are matched on token boundaries (the longest match wins);",
        f"  a task carries a theme when its distinct terms weigh at least {config.theme_min_score:g}"
        " (terms 1, ambiguous weak terms 0.5). Table `themes` lists every term.",
        "- **alignments**: each leaf task of a provincial (municipal, county) plan is compared with the",
        "  top-level tasks of the national plan of its work year (or the latest earlier one): score = TF-IDF",
        f"  cosine of their terms + {config.theme_weight:g} × (themes they share ÷ themes of the local task).",
        f"  A link needs score ≥ {config.align_min_score:g} and cosine ≥ {config.align_min_cosine:g};"
        f" at most {config.align_max_links} links per task, best first. A task may echo none.",
        "- **task_continuity**: each top-level national task against the previous and the next year's",
        f"  national tasks with the same score; continued when the nearest reaches {config.continuity_min_score:g},",
        "  otherwise new (no predecessor) or dropped (no successor).",
        f"- **plan_terms**: the {config.top_n} most distinctive terms of each plan (TF-IDF over plans) and",
        f"  {len(config.tracked)} tracked terms ({', '.join(config.tracked)}) counted in every plan.",
        "",
        "Measured on samples labelled by hand, reading the texts (`tests/data/` in the source repository,",
        "checked by its test suite):",
        "",
        "| what | sample | precision | recall |",
        "|---|---|---:|---:|",
        f"| alignments, all labelled | {alignment['tasks']} provincial tasks, {alignment['gold_links']} true links, "
        f"{alignment['links']} links made | {_percent(alignment['precision'])} | {_percent(alignment['recall'])} |",
        f"| alignments, held-out sample (not used to set thresholds) | {holdout['tasks']} tasks, "
        f"{holdout['gold_links']} true links, {holdout['links']} links made | {_percent(holdout['precision'])} | "
        f"{_percent(holdout['recall'])} |",
        f"| task themes, all labelled | {theme['pairs']} (task, theme) pairs | {_percent(theme['precision'])} | — |",
        f"| task themes, sample labelled after the last taxonomy change | {theme_holdout['pairs']} pairs | "
        f"{_percent(theme_holdout['precision'])} | — |",
        "",
        "The alignments favour precision: about half of the true echoes are found; a missing link is not",
        "evidence that a province ignores a national task.",
        "",
        "Query cookbook:",
        "",
        "```sql",
        COOKBOOK.rstrip(),
        "```",
        "",
    ]
