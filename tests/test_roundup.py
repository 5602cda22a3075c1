"""Tests for the provincial round-up parser (pipeline.parse.roundup.sections)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.parse.roundup.sections import Measure, ProvinceSection, parse_roundup
from pipeline.text.clean import clean_text

SEED = Path(__file__).resolve().parents[1] / "seeds" / "003_a1a5b979cf4b0208.txt"


def _doc(*paragraphs: str) -> str:
    """A text with one paragraph per line."""
    return "\n".join(paragraphs)


SYNTHETIC = _doc(
    "2026年各省卫生健康工作要点汇总",
    "2026年是“十五五”开局之年。北京市卫生健康委将坚持稳中求进，全面提升服务能力。",
    "提升服务水平：做好重大活动医疗保障。",
    "深化医改：推进公立医院改革。",
    "天津：科学谋划强基赋能",
    "2026年，天津市将聚焦健康优先发展，主要工作如下：",
    "实施强基工程：提升基层服务能力。",
    "优化资源布局，推进扩容下沉：建设区域医疗中心。",
    "天津市卫生健康系统将以更加饱满的热情，为健康天津建设作出新的更大贡献。",
    "辽宁：",
    "为全面振兴新突破护航",
    "2026年，辽宁省卫生健康委将全面贯彻全国卫生健康工作会议精神。",
    "一、优化医疗资源布局，提升基层服务能力",
    "实施强基工程：健全长期帮扶机制。",
    "推进药品联动：健全联动管理机制。",
    "二、深化医药卫生体制改革",
    "推广三明医改经验：选取公立医院试点。",
    "宁夏：战略布局紧抓“四项能力”提升",
    "2026年，宁夏将通过实施“两大战略”、提升“四项能力”，推动事业迈向新高度。",
    "实施“两大战略”",
    "健康优先发展战略：秉持大卫生理念。",
    "人口高质量发展战略：完善生育支持政策。",
    "提升“四项能力",
    "系统集成能力：统筹医疗、医保、医药。",
    "山东：把保障人民健康放在优先位置",
    "2026年，山东省将全力推进“三大攻坚突破”和“两大重点任务”：",
    "加快医共体提质：完善管理体制。",
    "实施儿科服务年行动：遴选重点专科。",
    "两大重点任务：",
    "深化医改提质增效：以三明医改经验为标杆。",
    "基层体系提质增效：以同质化为目标。",
    "新疆：推进优质医疗资源扩容下沉",
    "2026年工作规划",
    "深化改革与资源优化：推动各领域改革联动。",
    "新疆生产建设兵团：共下“一盘棋”管好“一本账”",
    "2026年，兵团卫生健康委将推动卫生健康事业高质量发展：",
    "推动高水平医院建设：加强高水平医院建设。",
)


def _section(sections: list[ProvinceSection], name: str) -> ProvinceSection:
    return next(s for s in sections if s.region.short_name == name)


def _headings(section: ProvinceSection) -> list[str]:
    return [m.heading for m in section.measures]


def _groups(section: ProvinceSection) -> list[str | None]:
    return [m.group_heading for m in section.measures]


def _assert_offsets(text: str, sections: list[ProvinceSection]) -> None:
    previous_end = -1
    for section in sections:
        assert previous_end < section.section_start <= section.intro_start <= section.intro_end
        assert section.intro_end <= section.section_end <= len(text)
        previous_end = section.section_end
        if section.headline is not None:
            assert text[section.headline_start : section.headline_end] == section.headline
        for ordinal, measure in enumerate(section.measures, start=1):
            _assert_measure(text, section, measure, ordinal)


def _assert_measure(text: str, section: ProvinceSection, measure: Measure, ordinal: int) -> None:
    assert measure.ordinal == ordinal
    assert section.intro_end <= measure.heading_start < measure.heading_end < measure.start
    assert measure.start < measure.end <= section.section_end
    assert text[measure.heading_start : measure.heading_end] == measure.heading
    assert text[measure.heading_end : measure.start].strip() in ("：", ":")
    assert text[measure.start : measure.end].strip() == text[measure.start : measure.end]
    if measure.flag is None or "continued" not in measure.flag:
        assert "\n" not in text[measure.heading_start : measure.end]


# ---------------------------------------------------------------------------------------------
# Synthetic round-ups


@pytest.fixture(scope="module")
def synthetic() -> list[ProvinceSection]:
    return parse_roundup(SYNTHETIC)


def test_synthetic_sections_in_order(synthetic: list[ProvinceSection]) -> None:
    assert [s.region.code for s in synthetic] == [
        "110000",
        "120000",
        "210000",
        "640000",
        "370000",
        "650000",
        "660000",
    ]
    assert [s.plan_year for s in synthetic] == [2026] * 7
    _assert_offsets(SYNTHETIC, synthetic)


def test_missing_header_at_start(synthetic: list[ProvinceSection]) -> None:
    beijing = synthetic[0]
    assert beijing.flag == "no_section_header" and beijing.headline is None
    assert SYNTHETIC[beijing.section_start :].startswith("2026年是“十五五”开局之年")
    assert SYNTHETIC[beijing.intro_start : beijing.intro_end].endswith("全面提升服务能力。")
    assert _headings(beijing) == ["提升服务水平", "深化医改"]


def test_headline_on_same_line_and_closing_paragraph(synthetic: list[ProvinceSection]) -> None:
    tianjin = _section(synthetic, "天津")
    assert tianjin.headline == "科学谋划强基赋能" and tianjin.flag is None
    assert SYNTHETIC[tianjin.intro_start : tianjin.intro_end].startswith("2026年，天津市")
    assert _headings(tianjin) == ["实施强基工程", "优化资源布局，推进扩容下沉"]
    assert SYNTHETIC[tianjin.measures[-1].start : tianjin.measures[-1].end] == "建设区域医疗中心。"
    assert SYNTHETIC[tianjin.section_end - 5 : tianjin.section_end] == "更大贡献。"


def test_headline_on_next_line_and_numbered_groups(synthetic: list[ProvinceSection]) -> None:
    liaoning = _section(synthetic, "辽宁")
    assert liaoning.headline == "为全面振兴新突破护航"
    assert SYNTHETIC[liaoning.intro_start : liaoning.intro_end].startswith("2026年，辽宁省")
    assert _groups(liaoning) == ["一、优化医疗资源布局，提升基层服务能力"] * 2 + ["二、深化医药卫生体制改革"]


def test_colon_less_group_lines(synthetic: list[ProvinceSection]) -> None:
    ningxia = _section(synthetic, "宁夏")
    assert _headings(ningxia) == ["健康优先发展战略", "人口高质量发展战略", "系统集成能力"]
    assert _groups(ningxia) == ["实施“两大战略”", "实施“两大战略”", "提升“四项能力"]


def test_empty_body_group_and_announced_groups(synthetic: list[ProvinceSection]) -> None:
    shandong = _section(synthetic, "山东")
    assert len(shandong.measures) == 4
    assert _groups(shandong) == ["三大攻坚突破"] * 2 + ["两大重点任务"] * 2


def test_corps_is_not_xinjiang(synthetic: list[ProvinceSection]) -> None:
    xinjiang, corps = synthetic[-2:]
    assert xinjiang.region.short_name == "新疆" and corps.region.code == "660000"
    assert SYNTHETIC[xinjiang.intro_start : xinjiang.intro_end] == "2026年工作规划"
    assert _headings(xinjiang) == ["深化改革与资源优化"]
    assert corps.headline == "共下“一盘棋”管好“一本账”"
    assert _headings(corps) == ["推动高水平医院建设"]


def test_cleaned_raw_text_with_half_width_colons() -> None:
    raw = _doc(
        "河北: 稳中求进",
        "2025 年,河北省卫生健康系统将坚持稳中求进。",
        "优化资源布局: 推动国家医学中心建设。",
        "夯实基础补齐短板: 深入开展提质行动。",
        "山西:夯实健康根基",
        "2025年,山西省将以健康中国建设为统领。",
        "坚持党建引领,提升综合治理能力: 开展学习活动。",
        "内蒙古自治区:聚焦改革攻坚",
        "2025年,自治区卫生健康系统将着重办好以下八件事:",
        "以党建为统领: 全面学习贯彻。",
    ).replace("\n", "\n\n")  # raw pages have blank lines between paragraphs
    text = clean_text(raw).text
    sections = parse_roundup(text)
    assert [s.region.short_name for s in sections] == ["河北", "山西", "内蒙古"]
    assert sections[0].headline == "稳中求进"
    assert _headings(sections[1]) == ["坚持党建引领，提升综合治理能力"]
    assert _headings(sections[2]) == ["以党建为统领"]
    _assert_offsets(text, sections)


def test_half_width_colon_without_cleaning() -> None:
    text = _doc(
        "河北:稳中求进",
        "2025年，河北省将坚持稳中求进。",
        "优化资源布局:推动国家医学中心建设。",
        "山西:夯实健康根基",
        "2025年，山西省将以健康中国建设为统领。",
        "深化医改:推进改革。",
        "吉林:共筑健康新篇章",
        "2025年，吉林省卫生健康委将继续坚持以人民为中心。",
        "全面推进健康吉林建设:持续推进规划实施。",
    )
    sections = parse_roundup(text)
    assert [s.region.code for s in sections] == ["130000", "140000", "220000"]
    assert [len(s.measures) for s in sections] == [1, 1, 1]
    assert sections[2].region.name == "吉林省"
    _assert_offsets(text, sections)


def test_plan_year_falls_back_to_default_year() -> None:
    text = _doc(
        "江苏：推进健康江苏建设",
        "江苏省卫生健康系统将紧紧围绕高质量发展，重点做好以下工作：",
        "聚焦能力提升：推动优质医疗资源扩容。",
        "浙江：以“五个聚焦”巩固成果",
        "展望2025年，浙江省将深入贯彻落实全会精神。",
        "聚焦科技创新：推进研究型医院建设。",
        "安徽：建设健康强省",
        "安徽省卫生健康系统将深入贯彻落实考察重要讲话精神。",
        "深化医改：持续深化医药卫生体制改革。",
    )
    assert [s.plan_year for s in parse_roundup(text, default_year=2024)] == [2024, 2025, 2024]
    assert [s.plan_year for s in parse_roundup(text)] == [None, 2025, None]


def test_prose_between_items_continues_the_item() -> None:
    text = _doc(
        "湖北：服务支点建设",
        "2025年，湖北省卫生健康系统将坚决贯彻落实重要讲话精神。",
        "深化医改：实施健康优先发展战略。",
        "同时，全面加强医疗保障，推进医防协同和医防融合，优化服务流程。",
        "促进人口发展：健全人口服务体系。",
        "湖北省卫生健康系统将以更加饱满的热情，作出新的更大贡献。",
        "湖南：筑牢健康根基",
        "2025年，湖南省卫生健康系统将锚定美好蓝图。",
        "坚持预防为主：加快推进疾控体系改革。",
        "广东：纵深推进高质量发展",
        "2025年，广东省将深入学习贯彻重要论述。",
        "优化资源配置：深化医药卫生体制改革。",
    )
    sections = parse_roundup(text)
    first, second = sections[0].measures
    assert first.flag == "continued"
    assert (
        text[first.start : first.end]
        == "实施健康优先发展战略。\n同时，全面加强医疗保障，推进医防协同和医防融合，优化服务流程。"
    )
    assert second.flag is None and text[second.start : second.end] == "健全人口服务体系。"
    _assert_offsets(text, sections)


def test_missing_header_in_the_middle_is_inferred() -> None:
    text = _doc(
        "河南：以科研为牵引",
        "2025年，河南省卫生健康系统将坚持落实工作方针。",
        "贯穿“一条主线”：全面加强党的建设。",
        "2025年，湖北省卫生健康系统将坚决贯彻落实重要讲话精神。",
        "深化医改：实施健康优先发展战略。",
        "湖南：筑牢健康根基",
        "2025年，湖南省卫生健康系统将锚定美好蓝图。",
        "坚持预防为主：加快推进疾控体系改革。",
    )
    sections = parse_roundup(text)
    assert [(s.region.short_name, s.flag) for s in sections] == [
        ("河南", None),
        ("湖北", "no_section_header"),
        ("湖南", None),
    ]
    assert [len(s.measures) for s in sections] == [1, 1, 1]
    _assert_offsets(text, sections)


def test_numbered_items_and_duplicate_province() -> None:
    text = _doc(
        "福建：推动健康优先发展",
        "2025年，福建省将继续坚持以公益性为导向。",
        "1.推动健康优先：完善服务体系。",
        "2.健全服务体系：布局公立医疗机构。",
        "江西：建设“四区四高地”",
        "2025年，江西省将聚焦目标要求。",
        "坚持政治引领：全面落实全会精神。",
        "福建：补充部署",
        "2025年，福建省还将推进公立医院改革。",
        "协同推进公立医院改革：完善编制保障。",
    )
    sections = parse_roundup(text)
    assert _headings(sections[0]) == ["推动健康优先", "健全服务体系"]
    assert text[sections[0].measures[0].heading_start - 2 : sections[0].measures[0].heading_start] == "1."
    assert [s.flag for s in sections] == [None, None, "duplicate_province"]


def test_header_variants_lead_in_and_long_heading() -> None:
    text = _doc(
        "【重庆】改革创新与服务提升并进",
        "展望2025年，重庆市卫生健康委将以推进落实国家重大战略为牵引。",
        "主要工作如下：",
        "提升公卫服务能力： 开展健康中国重庆行动监测评估。",
        "四川省卫生健康委：为健康中国建设提供更多四川经验",
        "2025年，四川省将深度推进委省战略合作。",
        "坚持以基层为重点，推进城乡融合和区域均衡发展，持续提升县域医疗卫生服务能力：推进医共体建设。",
        "贵州：",
        "2025年，贵州省卫生健康委将贯彻党的二十届三中全会精神，重点抓好以下工作：",
        "（一）抓改革强体系：创新区域医疗中心建设运营管理。",
    )
    sections = parse_roundup(text)
    assert [s.region.short_name for s in sections] == ["重庆", "四川", "贵州"]
    assert [s.headline for s in sections] == [
        "改革创新与服务提升并进",
        "为健康中国建设提供更多四川经验",
        None,
    ]
    chongqing, sichuan, guizhou = sections
    assert text[chongqing.measures[0].start :].startswith("开展健康中国重庆行动")
    assert len(chongqing.measures) == 1 and chongqing.measures[0].group_heading is None
    assert sichuan.measures[0].flag == "long_heading"
    assert guizhou.measures[0].heading == "抓改革强体系"
    assert text[guizhou.intro_start : guizhou.intro_end].startswith("2025年，贵州省")
    _assert_offsets(text, sections)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2025年全国卫生健康工作会议在北京召开。\n会议强调：要坚持预防为主。\n一是深化医改。",
        "北京：新增病例3例。\n上海：新增病例2例。\n广东：新增病例1例。",
        _doc(
            "天津：科学谋划",
            "2025年，天津市将聚焦健康。",
            "实施强基工程：提升能力。",
            "河北：稳中求进",
            "2025年，河北省将坚持稳中求进。",
            "优化资源布局：推动建设。",
        ),
    ],
)
def test_not_a_roundup(text: str) -> None:
    assert parse_roundup(text) == []


# ---------------------------------------------------------------------------------------------
# The seed round-up


@cache
def _seed() -> tuple[str, list[ProvinceSection]]:
    text = clean_text(SEED.read_text("utf-8")).text
    return text, parse_roundup(text, default_year=2025)


SEED_COUNTS = {
    "北京": 5, "天津": 3, "河北": 5, "山西": 6, "内蒙古": 8, "辽宁": 8, "吉林": 6, "黑龙江": 14,
    "上海": 7, "江苏": 5, "浙江": 5, "安徽": 7, "福建": 3, "江西": 10, "山东": 20, "河南": 4,
    "湖北": 5, "湖南": 7, "广东": 5, "广西": 6, "海南": 6, "重庆": 6, "四川": 5, "贵州": 5,
    "云南": 5, "西藏": 6, "陕西": 6, "甘肃": 8, "青海": 8, "宁夏": 9, "新疆": 4, "兵团": 5,
}  # fmt: skip


def test_seed_has_32_sections_in_code_order() -> None:
    _, sections = _seed()
    codes = [s.region.code for s in sections]
    assert len(sections) == 32
    assert codes == sorted(codes) and len(set(codes)) == 32
    assert codes[0] == "110000" and codes[-2:] == ["650000", "660000"]
    assert [s.region.short_name for s in sections] == list(SEED_COUNTS)
    assert {s.region.name for s in sections} >= {
        "内蒙古自治区",
        "广西壮族自治区",
        "宁夏回族自治区",
        "西藏自治区",
    }
    assert all(s.plan_year == 2025 for s in sections)


def test_seed_measure_counts() -> None:
    _, sections = _seed()
    assert {s.region.short_name: len(s.measures) for s in sections} == SEED_COUNTS


def test_seed_offsets_are_consistent() -> None:
    text, sections = _seed()
    _assert_offsets(text, sections)
    for section in sections:
        assert section.flag in (None, "no_section_header")
        assert "\n" not in text[section.intro_start : section.intro_end]


def test_seed_beijing_and_headlines() -> None:
    text, sections = _seed()
    beijing = sections[0]
    assert beijing.flag == "no_section_header" and beijing.headline is None
    assert text[beijing.intro_start : beijing.intro_end].startswith("2025年是“十四五”规划收官之年")
    assert beijing.measures[0].heading == "提高“四个服务”水平"
    assert _section(sections, "天津").headline == "科学谋划强基赋能"
    assert _section(sections, "辽宁").headline == "为实现全面振兴新突破推进中国式现代化辽宁实践护航"
    assert _section(sections, "上海").headline == "打造高品质、整合型、智慧化卫生健康服务体系"
    assert _section(sections, "兵团").headline == "共下“一盘棋”管好“一本账”"
    assert text[_section(sections, "新疆").intro_start :].startswith("2025年工作规划\n")


def test_seed_heilongjiang_groups() -> None:
    _, sections = _seed()
    heilongjiang = _section(sections, "黑龙江")
    groups = list(dict.fromkeys(_groups(heilongjiang)))
    assert len(groups) == 5
    assert groups[0] == "一、优化医疗资源布局，提升基层服务能力"
    assert all(group and group[0] in "一二三四五" for group in groups)
    assert heilongjiang.measures[0].heading == "实施强基工程"


def test_seed_shandong_two_groups() -> None:
    _, sections = _seed()
    shandong = _section(sections, "山东")
    assert _groups(shandong) == ["十大攻坚突破"] * 10 + ["十大重点任务"] * 10
    assert shandong.measures[10].heading == "深化医改提质增效"


def test_seed_ningxia_three_groups() -> None:
    _, sections = _seed()
    ningxia = _section(sections, "宁夏")
    assert _groups(ningxia) == ["实施“两大战略”"] * 2 + ["健全“三大体系”"] * 3 + ["提升“四项能力"] * 4


def test_seed_headings_with_commas_and_first_measures() -> None:
    text, sections = _seed()
    assert _section(sections, "山西").measures[0].heading == "坚持党建引领，提升综合治理能力"
    assert _section(sections, "陕西").measures[0].heading == "强基层，促均衡"
    hebei = _section(sections, "河北").measures[0]
    assert hebei.heading == "优化资源布局" and text[hebei.start :].startswith("推动北京协和医院国家医学中心")
    closing = "作出新的更大贡献"
    assert all(closing not in text[m.start : m.end] for s in sections for m in s.measures)


def test_task_text_holds_its_title_and_not_its_marker(synthetic: list[ProvinceSection]) -> None:
    """Issue 22 point 7: a group task's text starts after its marker (一、), a headed item's text holds its
    heading, and every title is printed inside its task's text."""
    from pipeline.parse.roundup.plan import roundup_statements

    statements = roundup_statements(SYNTHETIC, synthetic)
    liaoning = next(s for s in statements if s["region_code"] == "210000")
    first_group = liaoning["tasks"][0]
    assert first_group["marker"] == "一、"
    assert first_group["text"].startswith("优化医疗资源布局，提升基层服务能力\n实施强基工程：")
    assert first_group["children"][0]["text"] == "实施强基工程：健全长期帮扶机制。"
    for statement in statements:
        stack = list(statement["tasks"])
        while stack:
            task = stack.pop()
            assert SYNTHETIC[task["start"] : task["end"]] == task["text"]
            if "group_heading_not_in_place" not in (task["flag"] or ""):
                assert task["title"] in task["text"]
            assert not (task["marker"] and task["text"].startswith(task["marker"]))
            stack += task["children"]
