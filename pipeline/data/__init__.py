"""Data files of the pipeline (lexicons, dictionaries, region codes) and the one way to read them."""

from __future__ import annotations

import csv
import tomllib
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    """A data file of this package as text (UTF-8)."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def read_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(read_text(name))


def read_csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(read_text(name).splitlines()))
