"""regions: the reference table of administrative regions (from pipeline/data/regions.csv)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pipeline.text.regions import all_regions


def region_rows() -> list[dict[str, Any]]:
    return [asdict(region) for region in all_regions()]
