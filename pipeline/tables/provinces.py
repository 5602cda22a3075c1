"""provinces: the provincial-level units that issue plans (31 mainland units and 新疆生产建设兵团), one row each."""

from __future__ import annotations

from typing import Any

from pipeline.text.regions import provinces


def province_rows() -> list[dict[str, Any]]:
    """One row per plan-issuing provincial unit, by code (the plans themselves are in `plans`)."""
    return [
        {
            "province_code": unit.code,
            "name": unit.name,
            "short_name": unit.short_name,
            "abbreviation": unit.abbreviation,
        }
        for unit in provinces()
    ]
