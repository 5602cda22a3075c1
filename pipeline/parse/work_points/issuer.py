"""Who issues a work-points plan, for which region and which year, when the header does not say it plainly.

* Region: the issuing body (青阳县卫生健康委员会 → county 341723), else a region the title names
  (海南州…实施方案 → 632500), else the title's 全省 / 全市 / 全县 with the one province (or city) that
  the regions named in the text all lie in (洛阳、焦作、濮阳 → 河南; at least two mentions), flagged.
* Year: a year range (2023—2025年) gives its first year; without any year in the title, a date in the
  header's metadata lines (生效日期: 2024-10-31) gives one, flagged.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.text.regions import COUNTY, PREFECTURE, by_code, county_named, find_counties, find_regions

REGION_FROM_TEXT = "region_from_text"
WORK_YEAR_FROM_DATE = "work_year_from_date"
LEVEL_FROM_BARE_TITLE = "level_from_bare_title"
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*[—–\-－~～至到]\s*(?:19|20)\d{2}\s*年")
_MIN_MENTIONS = 2  # one region named once may be another place the plan speaks of (学习成都经验)


@cache
def lexicon() -> dict[str, Any]:
    """The work-points parser's words (pipeline/data/work_points.toml)."""
    return read_toml("work_points.toml")


@cache
def _metadata_date() -> re.Pattern[str]:
    return re.compile(lexicon()["header"]["metadata_date"])


@cache
def _organ_head() -> str:
    """Where a health body's own name starts after its area (卫生, 卫健, 卫计)."""
    return "|".join(map(re.escape, lexicon()["header"]["organ_heads"]))


def level_from_body(issuer: str, national_words: list[str]) -> tuple[str | None, str | None]:
    """(level, region code) an issuing body names; (None, None) when it names no region."""
    if any(word in issuer for word in national_words):
        return "national", None
    found = find_regions(issuer)
    organ = re.split(_organ_head(), issuer[found[0][2] :] if found else issuer)[0]  # 区 of 区卫健局, 市 of 市卫生健康委
    if county := county_named(organ or issuer, issuer):
        return "county", county.code
    if re.search("[县旗区]$", organ):
        return "county", None  # a county the table does not single out
    if not found and (level := lexicon()["header"]["bare_organ_levels"].get(organ)):
        return level, None  # 市卫生健康委: a body named without its place
    if found:
        region = found[0][0]
        return region.level, region.code
    return None, None


def level_from_title(title: str, text: str, flags: list[str]) -> tuple[str | None, str | None]:
    """(level, region code) from a region the title names, else from its scope word and the text's regions."""
    county = next((c for counties, _, _ in find_counties(title) if (c := county_named(title, text))), None)
    if county is not None:
        return "county", county.code
    named = find_regions(title)
    if named:
        region = named[0][0]
        return region.level, region.code
    for word, level in lexicon()["title"]["scope_levels"].items():
        if word in title:
            code = None if level == "national" else _one_region_of_text(level, text)
            if code is not None:
                flags.append(REGION_FROM_TEXT)
            return level, code
    bare = re.match(lexicon()["title"]["bare_area_before_year"], title)
    if bare and (level := lexicon()["title"]["bare_area_levels"].get(bare.group(1))):
        flags.append(LEVEL_FROM_BARE_TITLE)
        return level, None  # 区2023年卫生健康工作总结及2024年工作计划: a copy that dropped the place's name
    return None, None


def _one_region_of_text(level: str, text: str) -> str | None:
    """The one province (or city) that every region the text names lies in; None when they disagree."""
    codes: list[str] = []
    for region, _, _ in find_regions(text):
        if level == "provincial":
            codes.append(region.province_code)
        elif level == "municipal" and region.level == PREFECTURE:
            codes.append(region.code)
    if level == "municipal":
        codes += [counties[0].prefecture_code for counties, _, _ in find_counties(text) if len(counties) == 1]
    if len(codes) < _MIN_MENTIONS or len(set(codes)) != 1 or None in codes:
        return None
    code = codes[0]
    return code if by_code(code).level != COUNTY else None


def year_of_range(title: str) -> int | None:
    """The first year of a range printed in a title (行动计划（2023—2025年） → 2023)."""
    found = _YEAR_RANGE.search(title)
    return int(found.group(1)) if found else None


def year_from_metadata(head: str, flags: list[str]) -> int | None:
    """The year of a date in the header's metadata lines (生效日期: 2024-10-31), flagged."""
    found = _metadata_date().search(head)
    if found is None:
        return None
    flags.append(WORK_YEAR_FROM_DATE)
    return int(found.group(1))
