"""The release figure of indicators: each plan's target against the national frameworks' values (a dot plot).

For the indicators with targets in the most plans (up to INDICATOR_FIGURE_PANELS), one panel each: a dot per
plan's target (the plan's region and work year on the left), a hollow dot per figure a text reports
as reached, and a grey diamond per value a national framework states for the indicator
(indicator_frameworks), on a row of its own labelled with the framework and its year. Labels are in Chinese and English.
Only levels and counts in one of the units the indicator accepts are drawn (not increments such as
提高5元). Drawn and cached exactly as the themes figure is (pipeline.analysis.figure): matplotlib's
Agg backend, Noto Sans SC, no timestamp in the PNG, a cache key of the data and of everything that
draws it, so the same tables give the same bytes.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

from pipeline.analysis.figure import DPI, _drawing_environment, chinese_font  # noqa: E402
from pipeline.analysis.settings import INDICATOR_FIGURE_PANELS, INDICATOR_FIGURE_PATH  # noqa: E402
from pipeline.bytes_cache import cached_bytes, key_of  # noqa: E402
from pipeline.text.indicators import vocabulary  # noqa: E402

TITLE = "各计划的目标与国家规划值 Plan targets against the national frameworks' values"
FRAMEWORK_LABELS = {
    "healthy_china_2030": "健康中国2030 Healthy China 2030",
    "healthy_china_action": "健康中国行动 Healthy China Action",
    "national_health_plan_14th": "“十四五”国民健康规划 14th FYP health plan",
}


def indicator_figure_data(
    targets: Iterable[Mapping[str, Any]],
    figures: Iterable[Mapping[str, Any]],
    framework_values: Iterable[Mapping[str, Any]],
    plans: Iterable[Mapping[str, Any]],
    region_names: Mapping[str, str],
) -> dict[str, Any]:
    """Everything the figure shows, as plain data: per indicator, its labels, dots and reference lines.

    `targets` are rows of the targets table (indicator_id, plan_id, value, unit, kind), `figures` of
    reported_figures (indicator_id, plan_id, base_value, base_unit), `framework_values` of
    indicator_frameworks, `plans` of plans (plan_id, level, region_code, work_year)."""
    entries = {entry.indicator_id: entry for entry in vocabulary()}
    plan_label = {row["plan_id"]: _plan_label(row, region_names) for row in plans}
    dots: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
    for row in targets:
        entry = entries.get(row["indicator_id"] or "")
        if entry and row["kind"] != "change" and (row["unit"] or "-") in entry.units:
            dots[entry.indicator_id].append((plan_label.get(row["plan_id"], row["plan_id"]), row["value"], "target"))
    reported: dict[str, list[tuple[str, float, str]]] = defaultdict(list)
    for row in figures:
        entry = entries.get(row["indicator_id"] or "")
        if entry and (row["base_unit"] or "-") in entry.units:
            label = plan_label.get(row["plan_id"] or "", f"（无计划）text {row['doc_id'][:24]}")
            reported[entry.indicator_id].append((label, row["base_value"], "reported"))
    lines: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for row in framework_values:
        if row["value"] is not None:
            label = f"{FRAMEWORK_LABELS.get(row['framework_id'], row['framework_id'])}：{row['year']}年"
            lines[row["indicator_id"]].append((label, float(row["value"])))
    plans_per_indicator = {indicator: len({label for label, _, _ in rows}) for indicator, rows in dots.items() if rows}
    # The most common first; among equally common, those a national framework states a value for.
    chosen = sorted(
        plans_per_indicator,
        key=lambda indicator: (-plans_per_indicator[indicator], not lines[indicator], indicator),
    )
    panels = []
    for indicator in chosen[:INDICATOR_FIGURE_PANELS]:
        entry = entries[indicator]
        panels.append(
            {
                "title": f"{entry.name_zh}（{entry.unit}）\n{entry.name_en}",
                "dots": sorted(dots[indicator] + reported[indicator]),
                "lines": sorted(lines[indicator]),
            }
        )
    return {"title": TITLE, "panels": panels}


def _plan_label(plan: Mapping[str, Any], region_names: Mapping[str, str]) -> str:
    """全国 national 2025, 浙江 2025, 海南藏族自治州 2024; a plan of no known region: its level and year."""
    if plan["level"] == "national":
        region = "全国 national"
    else:
        region = region_names.get(plan["region_code"] or "") or f"（地区不详）{plan['level']}"
    return f"{region} {plan['work_year'] or ''}".strip()


def render_indicator_figure(data: dict[str, Any], cache_dir: Path | None = None) -> bytes:
    """The figure as PNG bytes, read from `cache_dir` when the same data was drawn by the same code before."""
    return cached_bytes(cache_dir, indicator_figure_key(data), lambda: draw_indicator_figure(data))


def indicator_figure_key(data: dict[str, Any]) -> str:
    """sha256 of the data, this module's source and how the themes figure's libraries and font draw."""
    settings = sorted((name, repr(value)) for name, value in dict.items(matplotlib.rcParams))
    return key_of(
        INDICATOR_FIGURE_PATH,
        json.dumps(data, ensure_ascii=False, sort_keys=True),
        Path(__file__).read_text(encoding="utf-8"),
        _drawing_environment(),
        json.dumps(settings, ensure_ascii=False),
    )


def draw_indicator_figure(data: dict[str, Any]) -> bytes:
    """Draw indicator_figure_data as a PNG (Agg, Noto Sans SC, no metadata): one panel per indicator,
    the frameworks' values as grey diamonds on rows of their own above the plans' dots."""
    import matplotlib.pyplot as plt

    panels = data["panels"] or [{"title": "（无指标目标）no target with an indicator", "dots": [], "lines": []}]
    style: dict[str, Any] = {"font.family": chinese_font(), "font.size": 8, "axes.unicode_minus": False}
    heights = [len(_rows(panel)) * 0.25 + 0.9 for panel in panels]
    with plt.rc_context(style):
        figure, axes = plt.subplots(
            len(panels),
            1,
            figsize=(9.0, 0.7 + sum(heights)),
            gridspec_kw={"height_ratios": heights},
            layout="constrained",
        )
        for axis, panel in zip(axes if len(panels) > 1 else [axes], panels, strict=True):
            _draw_panel(axis, panel)
        figure.suptitle(data["title"], fontsize=11)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        plt.close(figure)
    return buffer.getvalue()


def _rows(panel: dict[str, Any]) -> list[str]:
    """Row labels from the bottom up: the plans (sorted), then the frameworks' values."""
    plans = sorted({label for label, _, _ in panel["dots"]}, reverse=True)
    return plans + [label for label, _ in panel["lines"]] or [""]


def _draw_panel(axis: Any, panel: dict[str, Any]) -> None:
    labels = _rows(panel)
    rows = {label: index for index, label in enumerate(labels)}
    kinds = (
        ("target", {"marker": "o", "color": "#1f77b4", "label": "计划目标 plan target"}),
        ("reported", {"marker": "o", "facecolors": "none", "edgecolors": "#d62728", "label": "已达到 reported"}),
    )
    for kind, style in kinds:
        points = [(value, rows[label]) for label, value, dot_kind in panel["dots"] if dot_kind == kind]
        if points:
            axis.scatter([x for x, _ in points], [y for _, y in points], s=26, zorder=3, **style)
    if panel["lines"]:
        axis.scatter(
            [value for _, value in panel["lines"]],
            [rows[label] for label, _ in panel["lines"]],
            marker="D",
            s=26,
            color="#666666",
            zorder=3,
            label="国家规划值 national framework",
        )
    axis.set_yticks(range(len(labels)), labels)
    axis.set_ylim(-0.7, len(labels) - 0.3)
    axis.set_title(panel["title"], fontsize=9, loc="left")
    axis.grid(axis="x", color="#dddddd", linewidth=0.6)
    axis.margins(x=0.08)
    if panel["dots"] or panel["lines"]:
        axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
