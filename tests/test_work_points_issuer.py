"""Tests of what a work-points plan's header says about its issuer, region and year, and of the evidence
that a text with a work-points title states the plan itself. Every text is written for the test."""

from __future__ import annotations

from pipeline.parse.work_points import work_points_statement
from pipeline.text.clean import clean_text


def plan(raw: str):
    return work_points_statement(clean_text(raw).text)


def test_county_body_in_a_metadata_table_gives_the_county_plan() -> None:
    found = plan(
        "索引号：| 001/2024 | 发布机构：| 绩溪县卫生健康委员会 |\n名称：| 县卫健委2024年工作计划 |\n"
        "一、加强基层医疗卫生服务\n二、深化医药卫生体制改革\n"
    )
    assert (found["level"], found["region_code"], found["work_year"]) == ("county", "341824", 2024)


def test_city_government_office_as_issuer_and_the_first_year_of_a_range() -> None:
    found = plan(
        "关于印发洛阳市基层卫生能力提升行动计划（2024—2026年）的通知\n洛阳市人民政府办公室\n2024年3月1日\n"
        "洛阳市基层卫生能力提升行动计划（2024—2026年）\n一、强化县域医共体\n二、提升乡村医疗服务\n"
    )
    assert (found["level"], found["region_code"], found["work_year"]) == ("municipal", "410300", 2024)
    assert found["issuer"] == "洛阳市人民政府办公室"


def test_province_of_the_cities_a_quansheng_plan_names_is_taken_and_flagged() -> None:
    found = plan(
        "2019年全省卫生健康工作要点\n一、推进公立医院改革，支持岳阳、常德、郴州建设区域医疗中心\n"
        "二、加强疾病预防控制\n"
    )
    assert (found["level"], found["region_code"]) == ("provincial", "430000")
    assert "region_from_text" in found["flag"]


def test_cities_of_two_provinces_leave_the_region_open() -> None:
    found = plan("2019年全省卫生健康工作要点\n一、学习岳阳和宝鸡的经验\n二、加强疾病预防控制\n")
    assert found["region_code"] is None and "region_unresolved" in found["flag"]


def test_title_broken_over_two_lines_and_an_autonomous_prefecture_written_with_zhou() -> None:
    found = plan(
        "生效日期：| 2023-05-10 |\n恩施州全面提升县级医院综合能力\n工作实施方案\n"
        "为推动县级医院高质量发展，结合实际，制定本方案。\n一、总体目标\n到2025年，县级医院达到推荐标准。\n"
    )
    assert found["title"] == "恩施州全面提升县级医院综合能力工作实施方案"
    assert (found["level"], found["region_code"], found["work_year"]) == ("municipal", "422800", 2023)
    assert "work_year_from_date" in found["flag"]


def test_one_visible_item_with_a_document_number_states_a_plan() -> None:
    found = plan(
        "国家卫生健康委关于印发2020年卫生健康工作要点的通知\n国卫办发〔2020〕3号\n2020年卫生健康工作要点\n"
        "2020年卫生健康工作的总体要求是：坚持稳中求进。重点做好以下工作：\n一、全力做好疫情防控"
    )
    assert found is not None and found["level"] == "national" and found["work_year"] == 2020


def test_a_news_item_that_only_names_a_plan_states_none() -> None:
    assert plan("市卫健委召开工作会\n会上学习了2024年卫生健康工作要点\n一、学习了文件精神\n") is None


def test_national_work_points_of_older_years() -> None:
    ministry = plan(
        "卫生部关于印发2011年卫生工作要点的通知\n卫办发〔2011〕5号\n2011年卫生工作要点\n"
        "一、深化医药卫生体制改革\n二、加强公共卫生服务\n"
    )
    assert (ministry["level"], ministry["region_code"], ministry["work_year"]) == ("national", None, 2011)
    assert ministry["issuer"] == "卫生部"
    untitled_body = plan("2012年国家卫生工作要点\n一、巩固完善基本药物制度\n二、推进公立医院改革试点\n")
    assert (untitled_body["level"], untitled_body["work_year"]) == ("national", 2012)


def test_a_national_doc_number_makes_a_plan_with_no_region_national() -> None:
    """An issuer that names no region (a programme's office) and a title without 全国: the 文号 of a national
    body (国…发) says the plan is national, flagged; a provincial 文号 or none does not."""
    office = plan(
        "全民健身推进办公室关于印发2026年工作要点的通知\n国健推委办发〔2026〕2号\n各成员单位：\n"
        "全民健身推进委员会办公室\n2026年2月3日\n全民健身2026年工作要点\n一、完善工作机制\n二、开展监测评估\n"
    )
    assert (office["level"], office["region_code"], office["work_year"]) == ("national", None, 2026)
    assert "level_from_doc_number" in office["flag"]
    commission = plan(
        "关于印发2025年疾病预防控制工作要点的通知\n国疾控综发〔2025〕1号\n2025年疾病预防控制工作要点\n"
        "一、完善疾控体系\n二、加强传染病监测\n"
    )
    assert commission["level"] == "national" and "level_from_doc_number" in commission["flag"]
    provincial_number = plan(
        "全民健身推进办公室关于印发2026年工作要点的通知\n赣健推办发〔2026〕2号\n全民健身2026年工作要点\n"
        "一、完善工作机制\n二、开展监测评估\n"
    )
    assert "level_from_doc_number" not in (provincial_number["flag"] or "")
    assert provincial_number["level"] != "national"


def test_a_notice_that_issues_a_plan_as_its_attachment_states_it() -> None:
    """The notice says it issues the plan (印发给你们) and lists it as an attachment (附件：…): the plan is
    stated even when its outline is not on the page; the attachment prefix is no part of the title."""
    found = plan(
        "各市卫生健康委：\n根据全省卫生健康工作会议精神，现将《2024年全省妇幼健康工作要点》印发给你们，请参照执行。\n"
        "附件：2024年全省妇幼健康工作要点\n2024年2月1日\n"
    )
    assert found is not None
    assert found["title"] == "2024年全省妇幼健康工作要点"
    assert (found["level"], found["work_year"]) == ("provincial", 2024)
    attachment_two = plan("现将有关文件印发给你们。\n附件2：2023年全县爱国卫生工作计划\n")
    assert attachment_two is not None and attachment_two["title"] == "2023年全县爱国卫生工作计划"
    assert attachment_two["level"] == "county"


def test_a_news_item_that_mentions_an_attachment_line_states_no_plan() -> None:
    """附件 alone is no evidence: without a notice that issues the plan, a one-line mention is no plan."""
    assert plan("附件：2024年全省妇幼健康工作要点\n阅读次数：25\n") is None


def test_work_ideas_and_year_plans_are_work_points_kinds() -> None:
    """工作思路, 工作规划 and 工作打算 name a plan like 工作要点; a body heading the title is its issuer, and a
    body named without its place (市卫生健康委) gives the level only."""
    ideas = plan("市卫生健康委2025年工作思路\n1.推进分级诊疗。扩大签约服务。\n2.加强公共卫生。完善疾控体系。\n")
    assert ideas is not None and ideas["issuer"] == "市卫生健康委"
    assert (ideas["level"], ideas["region_code"], ideas["work_year"]) == ("municipal", None, 2025)
    yearly = plan("2026年全县妇幼健康工作规划\n一、加强妇幼保健机构建设\n二、做好孕产妇健康管理\n")
    assert yearly is not None and (yearly["level"], yearly["work_year"]) == ("county", 2026)
    bureau = plan("省卫生厅2013年工作打算\n一、深化医改\n二、加强疾病防控\n")
    assert bureau is not None and bureau["level"] == "provincial" and bureau["region_code"] is None
    named = plan("徐州市卫生健康委2025年工作思路\n1.推进分级诊疗\n2.加强公共卫生\n")
    assert (named["level"], named["region_code"]) == ("municipal", "320300")


def test_the_level_from_a_scope_word_of_the_plans_own_text() -> None:
    """No issuer, no region and no scope in the title: the first 全市 / 全县 of the text gives the level,
    flagged; 全国 in a local text does not make it national."""
    city = plan(
        "2026年妇幼健康工作计划\n为促进全市妇幼健康事业发展，对标全国先进水平，制定本计划。\n"
        "一、加强机构建设\n二、做好孕产期保健\n"
    )
    assert (city["level"], city["region_code"]) == ("municipal", None) and "level_from_scope_word" in city["flag"]
    county = plan("2026年妇幼健康工作计划\n全县要对标全国先进。\n一、加强机构建设\n二、做好孕产期保健\n")
    assert county["level"] == "county"
    unknown = plan("2026年妇幼健康工作计划\n对标全国先进水平。\n一、加强机构建设\n二、做好孕产期保健\n")
    assert "level_unknown" in unknown["flag"] and "level_from_scope_word" not in unknown["flag"]
