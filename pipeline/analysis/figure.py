"""The release figure: themes × provincial plans, beside themes × national work years.

Each cell is the share of a plan's tasks that carry a theme (provincial plans: their leaf tasks;
national plans: their top-level tasks). Drawn with matplotlib's Agg backend in Noto Sans SC, a font
installed by the project's dependencies (the pylopdf-fonts-zh-cn package, SIL Open Font License), so
Chinese labels render the same on every machine; the PNG carries no timestamp or software version,
so the same tables give the same bytes.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from pipeline.analysis.settings import themes  # noqa: E402
from pipeline.analysis.tasks import AnalysisTask  # noqa: E402

DPI = 100


@cache
def chinese_font() -> str:
    """Register Noto Sans SC with matplotlib and return its family name."""
    import pylopdf_fonts_zh_cn

    path = pylopdf_fonts_zh_cn.sans_path()
    if not path.exists():
        raise FileNotFoundError(f"{path}: the Chinese font of the figure is missing; reinstall pylopdf-fonts-zh-cn")
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def theme_shares(
    tasks: Iterable[AnalysisTask], task_themes: Mapping[str, frozenset[str]]
) -> tuple[dict[str, dict[str, float]], dict[int, dict[str, float]]]:
    """Share of tasks per theme: by provincial-level region (local leaf tasks) and by national work year."""
    local: dict[str, list[AnalysisTask]] = defaultdict(list)
    national: dict[int, list[AnalysisTask]] = defaultdict(list)
    for task in tasks:
        if task.is_national and task.is_top and task.work_year is not None:
            national[task.work_year].append(task)
        elif not task.is_national and task.is_leaf and task.region_code:
            local[task.region_code[:2] + "0000"].append(task)

    def shares(group: list[AnalysisTask]) -> dict[str, float]:
        counts: dict[str, int] = defaultdict(int)
        for task in group:
            for theme in task_themes.get(task.task_id, ()):
                counts[theme] += 1
        return {theme: counts[theme] / len(group) for theme in counts}

    return (
        {code: shares(group) for code, group in sorted(local.items())},
        {year: shares(group) for year, group in sorted(national.items())},
    )


def render_theme_figure(
    tasks: Iterable[AnalysisTask],
    task_themes: Mapping[str, frozenset[str]],
    region_names: Mapping[str, str],
    title: str = "卫生健康工作任务的主题 Themes of health work plan tasks",
) -> bytes:
    """The figure as PNG bytes (deterministic for the same inputs)."""
    by_region, by_year = theme_shares(tasks, task_themes)
    taxonomy = themes()
    labels = [f"{theme.label_zh}" for theme in taxonomy]
    regions = list(by_region)
    years = list(by_year)
    left = [[by_region[code].get(theme.theme_id, 0.0) for code in regions] for theme in taxonomy]
    right = [[by_year[year].get(theme.theme_id, 0.0) for year in years] for theme in taxonomy]
    family = chinese_font()
    style: dict[str, Any] = {"font.family": family, "font.size": 9, "axes.unicode_minus": False}
    with plt.rc_context(style):
        width = 4.0 + 0.32 * (len(regions) + len(years)) + 2.0
        figure, axes = plt.subplots(
            1,
            2,
            figsize=(width, 1.6 + 0.3 * len(labels)),
            gridspec_kw={"width_ratios": [max(len(regions), 1), max(len(years), 1) + 1]},
            squeeze=True,
        )
        for axis, matrix, columns, subtitle in (
            (
                axes[0],
                left,
                [region_names.get(code, code) for code in regions],
                "各省级单位计划（叶任务占比）provincial plans",
            ),
            (axes[1], right, [str(year) for year in years], "国家计划 national plan"),
        ):
            if not columns:  # no plan of this kind in the corpus: one empty column, not an empty axis
                columns, matrix = ["（无）none"], [[0.0] for _ in labels]
            image = axis.imshow(matrix, aspect="auto", cmap="Blues", vmin=0.0, vmax=1.0, interpolation="nearest")
            axis.set_xticks(range(len(columns)), columns, rotation=90)
            axis.set_yticks(range(len(labels)), labels if axis is axes[0] else [""] * len(labels))
            axis.set_title(subtitle, fontsize=10)
            axis.tick_params(length=0)
        figure.colorbar(image, ax=axes[1], fraction=0.25, label="任务占比 share of tasks")
        figure.suptitle(title, fontsize=12)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        plt.close(figure)
    return buffer.getvalue()
