"""A row's flag: its values joined by ';' in the order they were added, each once (plans, tasks, meetings)."""

from __future__ import annotations

from typing import Any


def add_flags(row: dict[str, Any], *values: str) -> None:
    """Append `values` to the row's `flag`, keeping the values it has and adding none twice."""
    flags = [flag for flag in (row.get("flag") or "").split(";") if flag]
    row["flag"] = ";".join(dict.fromkeys([*flags, *values]))
