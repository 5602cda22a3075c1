"""Where a meeting was held and which region it belongs to.

* The place as printed, normalised: a one-character abbreviation or a city's by-name (在京, 在蓉, 在榕,
  在筑, 在星城) becomes the place's usual name through pipeline/data/place_abbreviations.csv, then a
  province's one-character abbreviation (在湘 → 湖南).
* The region: the one the meeting's name gives, else the place, the officials' titles and title lines,
  then the text. A county meeting's county is taken only when its name is not shared with another
  county, or when the text's province or prefecture singles it out. A municipal meeting whose city the
  text never names takes the prefecture of the counties it mentions, when they all lie in one; a 市 meeting whose
  one prefecture named is one it follows (传达了国家、省、滁州市关于…的要求) is held by the county-level city of that
  prefecture the text names (明光街道), flagged county_level_city_under_prefecture.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.data import read_csv, read_toml
from pipeline.parse.conference.common import alternation, compiled, lexicon, sentence_end, sentence_start
from pipeline.parse.conference.types import COUNTY, MUNICIPAL, NATIONAL, PROVINCIAL
from pipeline.text import regions

REGION_FROM_COUNTIES = "region_from_county_mentions"
REGION_AMBIGUOUS = "region_ambiguous"
COUNTY_LEVEL_CITY = "county_level_city_from_text"
DISTRICT_FROM_TITLES = "district_meeting_from_titles"
DISTRICT_FROM_TEXT = "district_meeting_from_text"
REGION_FROM_SLOGAN = "region_from_area_slogan"
UNDER_A_PREFECTURE = "county_level_city_under_prefecture"


@cache
def _abbreviations() -> dict[str, str]:
    return {row["abbreviation"]: row["place"] for row in read_csv("place_abbreviations.csv")}


def normalise_location(place: str | None) -> str | None:
    """在京 → 北京, 在蓉 → 成都, 在湘 → 湖南 (abbreviations and by-names), other places as printed (长沙)."""
    if not place:
        return None
    if place in _abbreviations():
        return _abbreviations()[place]
    if len(place) == 1:
        region = regions.lookup(place)
        return region.short_name if region else place
    county = regions.county_named(place, "") if place[-1] in "县区旗市" else None
    city = regions.by_code(county.prefecture_code or county.province_code) if county else None
    if city is not None and city.level != regions.PROVINCE or (city is not None and city.capital == city.name):
        return city.short_name + place  # a district or county with its city: 重庆渝北区, 襄阳枣阳市
    return place


def dateline_place(lead: str) -> str | None:
    """The place of a news report's dateline (人民网北京2月10日电 → 北京), when it names a region."""
    for found in re.finditer(lexicon()["meeting"]["dateline"], lead):
        place = found.group("place")
        for size in range(len(place), 1, -1):  # 人民网北京: the longest tail that is a region
            if regions.lookup(place[-size:]) is not None:
                return regions.lookup(place[-size:]).short_name
    return None


def seat_of(region_code: str | None, text: str = "", *, short: bool = False) -> str | None:
    """The name of a local meeting's own region (its city or county), for a meeting that prints no place: its full
    name (惠济区, 常州市) unless the text prints only its short form (科左中旗 for 科尔沁左翼中旗), or with `short` the
    short form (惠济, 常州); None for a province (its meetings are held in many places) or an unknown region. A
    municipality (北京市) is its own seat."""
    if region_code is None:
        return None
    try:
        region = regions.by_code(region_code)
    except KeyError:
        return None
    if region.level == regions.PROVINCE and region.capital != region.name:
        return None
    if short or (region.name not in text and region.short_name in text):
        return region.short_name
    return region.name


def venue_in_seat(location: str, region_code: str | None, text: str = "") -> str | None:
    """A local meeting's venue that names no place (行政中心, 齐盛宾馆会议中心), placed in the meeting's own city or
    county (常州市行政中心); None when the venue names a region or the meeting's region has no seat."""
    seat = seat_of(region_code, text)
    if seat is None or location.startswith(seat_of(region_code, short=True)) or regions.lookup(location) is not None:
        return None
    if regions.find_regions(location) or regions.find_counties(location) or location in _abbreviations().values():
        return None
    return seat + location


def district_evidence(name: str, hints: list[str], text: str = "") -> str | None:
    """Why a 全区 / 我区 meeting is a city district's (county level), not an autonomous region's (the flag to
    record), or None: the officials' titles or the lines before the meeting sentence name a district's bodies
    (区委, 副区长, 区卫生健康局) and none names an autonomous region; or, failing titles, the text names a
    district's bodies, a district (碑林区) or a district's parts (街道) anywhere and never an autonomous region
    (自治区, 盟市; 广西, 呼和浩特: pipeline.text.regions)."""
    cfg = lexicon()["meeting"]
    if not name.startswith(tuple(cfg["district_scopes"])):
        return None
    if any(word in hint for hint in hints for word in cfg["autonomous_region_words"]):
        return None
    if any(re.search(cfg["district_bodies"], hint) for hint in hints):
        return DISTRICT_FROM_TITLES
    if any(word in text for word in cfg["autonomous_region_words"]) or _names_autonomous_region(text):
        return None
    named_district = bool(resolved_counties(regions.find_counties(text), text, "区"))
    in_text = re.search(cfg["district_bodies"], text) or any(word in text for word in cfg["district_words"])
    return DISTRICT_FROM_TEXT if named_district or in_text else None


def resolved_counties(found: list, text: str, suffix: str) -> set[str]:
    """Codes of the counties among `found` (regions.find_counties or find_county_names of some words), each resolved
    by the text's other names, whose name ends with `suffix` (市: county-level cities; 区: city districts)."""
    return {
        county.code
        for candidates, _, _ in found
        if (county := regions.resolve_county(candidates, text)) is not None and county.name.endswith(suffix)
    }


def _names_autonomous_region(text: str) -> bool:
    """Whether the text names an autonomous region or a place in one (宁夏, 南宁, 锡林郭勒盟)."""
    autonomous = set(lexicon()["meeting"]["autonomous_region_codes"])
    return any(regions.province_of(region).code in autonomous for region, _, _ in regions.find_regions(text))


def resolve_scope(
    scope: str,
    named: regions.Region | None,
    location: str | None,
    text: str,
    hints: list[str],
    flags: list[str],
    name: str = "",
    source: str | None = None,
) -> tuple[str, str | None]:
    """(level, region code) of a meeting: the province of a provincial one, the city of a municipal one,
    the county of a county one. `named` is the region printed in the meeting's name, if any.

    A 全市 meeting whose place, officials' titles or title lines name a county-level city before any
    prefecture (晋江市委书记…) is that city's, a county-level meeting (flagged); so is a 全区 meeting whose
    titles or text name a district's bodies (see district_evidence).
    """
    if scope == PROVINCIAL and named is None and (district := district_evidence(name, hints, text)) is not None:
        flags.append(district)
        return COUNTY, resolve_region(COUNTY, None, location, text, hints, flags)
    if scope == MUNICIPAL and named is None and (city := _county_level_city([location or "", *hints])):
        flags.append(COUNTY_LEVEL_CITY)
        return COUNTY, city
    code = resolve_region(scope, named, location, text, hints, flags)
    if scope == MUNICIPAL and code is not None and regions.by_code(code).level == regions.PROVINCE:
        return PROVINCIAL, code  # 北京, 上海, 天津, 重庆: a city that is a provincial-level unit
    if scope == MUNICIPAL and named is None and code is not None and (city := _city_below(code, location, hints, text)):
        flags.append(UNDER_A_PREFECTURE)
        return COUNTY, city
    if scope == MUNICIPAL and named is None and name.startswith(tuple(lexicon()["meeting"]["city_scopes"])):
        if (city := _city_of_its_own(code, text, source)) is not None:
            flags.append(COUNTY_LEVEL_CITY)
            return COUNTY, city
    if code is None and named is None and scope in (MUNICIPAL, COUNTY) and (county := slogan_county(text)):
        if scope == COUNTY or county.name.endswith("市"):
            flags.append(REGION_FROM_SLOGAN)
            return COUNTY, county.code
    return scope, code


def _city_below(code: str, location: str | None, hints: list[str], text: str) -> str | None:
    """The county-level city a 市 meeting is held by when the one prefecture its text names is one it follows or
    reports (会上，市长传达了国家、省、滁州市关于…的新要求): the one county-level city of that prefecture the text names,
    by its full or short name (明光街道); None when the place or the titles name the prefecture, when the text names
    it as the issuer, or names no such city."""
    prefecture = regions.by_code(code)
    if prefecture.level != regions.PREFECTURE or any(
        region.code == code for source in [location or "", *hints] for region, _, _ in regions.find_regions(source)
    ):
        return None
    mentions = [(start, end) for region, start, end in regions.find_regions(text) if region.code == code]
    if not mentions or any(issuer_mention(text, start, end) for start, end in mentions):
        return None
    cities = {
        county.code
        for candidates, _, _ in regions.find_county_names(text)
        for county in candidates
        if county.prefecture_code == code and county.name.endswith("市")
    }
    return cities.pop() if len(cities) == 1 else None


@cache
def _following() -> re.Pattern[str]:
    return re.compile(alternation(read_toml("identity.toml")["text_mentions"]["following_words"]))


def issuer_mention(text: str, at: int, end: int) -> bool:
    """Whether a region named at text[at:end] may be the issuer's: it names the issuer's branch venue of a
    teleconference (马鞍山分会场), or its sentence follows or reports no other body (identity.toml [text_mentions])."""
    if text.startswith(tuple(lexicon()["relay"]["branch_venue_words"]), end):
        return True
    start = sentence_start(text, at)
    end = sentence_end(text, at)
    return _following().search(text, start, end) is None


def _city_of_its_own(code: str | None, text: str, source: str | None = None) -> str | None:
    """The county-level city a 全市 / 我市 meeting is held by when the text names no city at prefecture level:
    the county-level city of the same name as the prefecture found when that one is no city (大理州 → 大理市),
    else, when no region was found, the one county-level city the text names (高邮市融媒体中心), else the one the
    page's source line names by its short name (来源：今日高邮, 晋江新闻网) when that line names no other region."""
    if code is not None:
        prefecture = regions.by_code(code)
        if prefecture.level != regions.PREFECTURE or prefecture.name.endswith("市"):
            return None
        same = [c for c in regions.counties_named(prefecture.short_name + "市") if c.prefecture_code == code]
        return same[0].code if len(same) == 1 else None
    if regions.find_regions(text):
        return None
    cities = resolved_counties(regions.find_counties(text), text, "市")
    if not cities and source and not regions.find_regions(source):
        cities = resolved_counties(regions.find_county_names(source), text, "市")
    return cities.pop() if len(cities) == 1 else None


def slogan_county(text: str) -> regions.Region | None:
    """The one county a text names by its short name in a slogan of its own plan (健康竹溪, 和谐福鼎)."""
    words = tuple(lexicon()["meeting"]["area_slogan_words"])
    found = {
        county.code: county
        for candidates, start, _ in regions.find_county_names(text)
        if text.endswith(words, 0, start) and (county := regions.resolve_county(candidates, text)) is not None
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _county_level_city(sources: list[str]) -> str | None:
    """The code of a county-level city named in the first source that names any region, if it comes first."""
    for source in sources:
        found = [(start, region.level, region) for region, start, _ in regions.find_regions(source)]
        for candidates, start, _ in regions.find_counties(source):
            county = regions.resolve_county(candidates, source)
            if county is not None and county.name.endswith("市"):
                found.append((start, regions.COUNTY, county))
        if found:
            _, level, region = min(found, key=lambda item: item[0])
            return region.code if level == regions.COUNTY else None
    return None


def resolve_region(
    scope: str, named: regions.Region | None, location: str | None, text: str, hints: list[str], flags: list[str]
) -> str | None:
    """The region code of a meeting of a given level (see resolve_scope)."""
    if scope == NATIONAL:
        return None
    if named is not None:
        code = _code_for_scope(named, scope)
        if code is not None:
            return code
    if scope == COUNTY:
        return _county_code([location or "", *hints, text], text, flags)
    for source in [location or "", *hints, text]:
        found = _regions_in(source)
        if scope == PROVINCIAL:  # a province named anywhere beats a city of another one
            found.sort(key=lambda region: region.level != regions.PROVINCE)
        for region in found:
            code = _code_for_scope(region, scope)
            if code is not None:
                return code
    # the one prefecture (of a city's meeting) or province (of a province's: 华亭分会场 of 全省…视频会议) that holds
    # every county the text names
    holders = {_county_holder(candidates, text, scope) for candidates, _, _ in regions.find_counties(text)}
    if len(holders) == 1 and None not in holders:
        flags.append(REGION_FROM_COUNTIES)
        return holders.pop()
    return None


def _county_holder(candidates: tuple[regions.Region, ...], text: str, scope: str) -> str | None:
    county = regions.resolve_county(candidates, text)
    if county is None:
        return None
    return county.province_code if scope == PROVINCIAL else county.prefecture_code


def _county_code(sources: list[str], text: str, flags: list[str]) -> str | None:
    """The county a county meeting names: a full name in its place, titles, title lines or text, else a
    short name (庆城) in its place, titles or title lines."""
    venue = compiled(lexicon()["meeting"]["venue_name"])
    short = [regions.find_county_names(venue.sub("", source)) for source in sources[:-1]]  # not 麒麟 of 金麒麟大酒店
    for found in [regions.find_counties(source) for source in sources] + short:
        for candidates, _, _ in found:
            county = regions.resolve_county(candidates, text)
            if county is not None:
                return county.code
            flags.append(REGION_AMBIGUOUS)
            return None
    return None


def _regions_in(source: str) -> list[regions.Region]:
    exact = regions.lookup(source) if source and len(source) <= 8 else None
    if exact is not None:
        return [exact]
    return [region for region, _, _ in regions.find_regions(source)]


def _code_for_scope(region: regions.Region, scope: str) -> str | None:
    if scope == PROVINCIAL:
        return regions.province_of(region).code
    if scope == COUNTY:
        return region.code if region.level == regions.COUNTY else None
    if region.level == regions.PREFECTURE or _is_city_province(region):
        return region.code
    return None


def _is_city_province(region: regions.Region) -> bool:
    """A province-level city (北京, 上海, 天津, 重庆): its own capital."""
    return region.capital == region.name
