"""The JSON files of schemas/ hold every key once: json.load keeps the last of two equal keys silently, so a
repeated flag value (or field property) would lose its first description without anyone seeing it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SCHEMAS = sorted((Path(__file__).resolve().parents[1] / "schemas").glob("*.json"))


def _no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    assert not repeated, f"repeated keys: {repeated}"
    return dict(pairs)


def test_there_are_schemas() -> None:
    assert len(SCHEMAS) > 10


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_a_schema_file_repeats_no_key(path: Path) -> None:
    json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_repeats)
