"""regions: the reference table of administrative regions (from pipeline/data/regions.csv)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from pipeline.text.regions import Region, all_regions


def region_rows() -> list[dict[str, Any]]:
    # Every field is a str or None: a shallow dict per region is what dataclasses.asdict gives, without its
    # deep copy (~70 ms for the ~3,400 regions, in every build).
    names = [field.name for field in fields(Region)]
    return [{name: getattr(region, name) for name in names} for region in all_regions()]
