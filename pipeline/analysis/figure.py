"""The release figure: themes × provincial plans, beside themes × national work years.

Each cell is the share of a plan's tasks that carry a theme (provincial plans: their leaf tasks;
national plans: their top-level tasks). Drawn with matplotlib's Agg backend in Noto Sans SC, a font
installed by the project's dependencies (the pylopdf-fonts-zh-cn package, SIL Open Font License), so
Chinese labels render the same on every machine; the PNG carries no timestamp or software version,
so the same tables give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

from pipeline.analysis.settings import themes  # noqa: E402
from pipeline.analysis.tasks import AnalysisTask  # noqa: E402
from pipeline.bytes_cache import cached_bytes, key_of  # noqa: E402

DPI = 100


def font_path() -> Path:
    """The Noto Sans SC font file of pylopdf-fonts-zh-cn (an error naming it when it is missing)."""
    import pylopdf_fonts_zh_cn

    path = Path(pylopdf_fonts_zh_cn.sans_path())
    if not path.exists():
        raise FileNotFoundError(f"{path}: the Chinese font of the figure is missing; reinstall pylopdf-fonts-zh-cn")
    return path


@cache
def chinese_font() -> str:
    """Register Noto Sans SC with matplotlib and return its family name."""
    from matplotlib import font_manager

    path = font_path()
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


TITLE = "卫生健康工作任务的主题 Themes of health work plan tasks"
LEFT_TITLE = "各省级单位计划（叶任务占比）provincial plans"
RIGHT_TITLE = "国家计划 national plan"
# What draws the figure besides its data: matplotlib and the libraries it renders with, and the font.
DRAWING_DISTRIBUTIONS = ("matplotlib", "pylopdf-fonts-zh-cn")


def figure_data(
    tasks: Iterable[AnalysisTask],
    task_themes: Mapping[str, frozenset[str]],
    region_names: Mapping[str, str],
    title: str = TITLE,
) -> dict[str, Any]:
    """Everything the figure shows, as plain data: row labels, each panel's columns and cell values."""
    by_region, by_year = theme_shares(tasks, task_themes)
    taxonomy = themes()
    return {
        "title": title,
        "labels": [theme.label_zh for theme in taxonomy],
        "panels": [
            {
                "title": LEFT_TITLE,
                "columns": [region_names.get(code, code) for code in by_region],
                "cells": [[by_region[code].get(theme.theme_id, 0.0) for code in by_region] for theme in taxonomy],
            },
            {
                "title": RIGHT_TITLE,
                "columns": [str(year) for year in by_year],
                "cells": [[by_year[year].get(theme.theme_id, 0.0) for year in by_year] for theme in taxonomy],
            },
        ],
    }


def render_theme_figure(
    tasks: Iterable[AnalysisTask],
    task_themes: Mapping[str, frozenset[str]],
    region_names: Mapping[str, str],
    title: str = TITLE,
    cache_dir: Path | None = None,
) -> bytes:
    """The figure as PNG bytes (deterministic for the same inputs).

    With `cache_dir`, the PNG is kept there under a key of its data and of everything that draws it
    (figure_key), and a figure drawn before is read back instead of drawn again: the same bytes."""
    data = figure_data(tasks, task_themes, region_names, title)
    return cached_bytes(cache_dir, figure_key(data), lambda: draw_figure(data))


def figure_key(data: dict[str, Any]) -> str:
    """sha256 of the figure's data and of how it is drawn: this module's source, the versions of
    matplotlib and of every library it requires, the font file's bytes and matplotlib's settings."""
    settings = sorted((name, repr(value)) for name, value in dict.items(matplotlib.rcParams))
    return key_of(
        "themes.png",
        json.dumps(data, ensure_ascii=False, sort_keys=True),
        _drawing_environment(),
        json.dumps(settings, ensure_ascii=False),
    )


@cache
def _drawing_environment() -> str:
    """This module's source, the drawing libraries' versions and the font's sha256 (fixed in a process)."""
    from packaging.requirements import Requirement  # a requirement of matplotlib

    names = set(DRAWING_DISTRIBUTIONS)
    for line in metadata.requires("matplotlib") or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            names.add(requirement.name)
    versions = [f"{name} {_version(name)}" for name in sorted(names)]
    font = hashlib.sha256(font_path().read_bytes()).hexdigest()
    source = Path(__file__).read_text(encoding="utf-8")
    return "\0".join([source, f"dpi {DPI}", *versions, f"font {font}"])


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def draw_figure(data: dict[str, Any]) -> bytes:
    """Draw figure_data as a PNG with matplotlib (Agg, Noto Sans SC, no metadata)."""
    import matplotlib.pyplot as plt

    labels = data["labels"]
    left, right = data["panels"]
    family = chinese_font()
    style: dict[str, Any] = {"font.family": family, "font.size": 9, "axes.unicode_minus": False}
    with plt.rc_context(style):
        width = 4.0 + 0.32 * (len(left["columns"]) + len(right["columns"])) + 2.0
        figure, axes = plt.subplots(
            1,
            2,
            figsize=(width, 1.6 + 0.3 * len(labels)),
            gridspec_kw={"width_ratios": [max(len(left["columns"]), 1), max(len(right["columns"]), 1) + 1]},
            squeeze=True,
        )
        for axis, panel in zip(axes, (left, right), strict=True):
            columns, matrix = panel["columns"], panel["cells"]
            if not columns:  # no plan of this kind in the corpus: one empty column, not an empty axis
                columns, matrix = ["（无）none"], [[0.0] for _ in labels]
            image = axis.imshow(matrix, aspect="auto", cmap="Blues", vmin=0.0, vmax=1.0, interpolation="nearest")
            axis.set_xticks(range(len(columns)), columns, rotation=90)
            axis.set_yticks(range(len(labels)), labels if axis is axes[0] else [""] * len(labels))
            axis.set_title(panel["title"], fontsize=10)
            axis.tick_params(length=0)
        figure.colorbar(image, ax=axes[1], fraction=0.25, label="任务占比 share of tasks")
        figure.suptitle(data["title"], fontsize=12)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        plt.close(figure)
    return buffer.getvalue()
