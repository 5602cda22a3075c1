"""The version folders of a package folder in datasets/: which versions are published, and the newest."""

from __future__ import annotations

import re
from pathlib import Path

SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def versions(releases_dir: Path) -> list[str]:
    """Published versions, oldest first (folders named MAJOR.MINOR.PATCH)."""
    if not releases_dir.is_dir():
        return []
    found = [p.name for p in releases_dir.iterdir() if p.is_dir() and SEMVER.match(p.name)]
    return sorted(found, key=lambda v: tuple(int(x) for x in v.split(".")))


def latest_release(releases_dir: Path) -> Path | None:
    found = versions(releases_dir)
    return releases_dir / found[-1] if found else None
