"""Tests of plans stated outside a conference (pipeline.parse.announced). Every text is written for the test."""

from __future__ import annotations

from datetime import date

from pipeline.parse.announced import announced_statement
from pipeline.text.clean import clean_text


def plan(raw: str, published: date | None = None):
    return announced_statement(clean_text(raw).text, published)


def test_work_points_summarised_in_running_text() -> None:
    found = plan(
        "本刊讯 按照党中央、国务院的部署，2013年卫生工作要点有：（1）深化医药卫生体制改革；（2）加强公共卫生服务；"
        "（3）推进中医药发展。"
    )
    assert (found["level"], found["region_code"], found["work_year"]) == ("national", None, 2013)
    assert len(found["tasks"]) == 3
    assert all(words in task["text"] for words, task in zip(("深化医药卫生", "加强公共卫生", "推进中医药发"), found["tasks"], strict=True))


def test_spokesman_briefing_with_an_announced_count_cut_short_is_flagged() -> None:
    found = plan(
        "国家卫生健康委新闻发言人介绍，今年将采取五项举措：一是扩大优质医疗资源；二是加强基层服务能力。",
        date(2023, 2, 1),
    )
    assert found["level"] == "national" and found["work_year"] == 2023
    assert len(found["tasks"]) == 2 and "list_cut_short" in found["flag"]
    assert "work_year_from_published" in found["flag"]


def test_commentary_whose_list_starts_after_a_lead_in() -> None:
    found = plan(
        "政府工作报告解读\n发布机构：河北镇\n今年的政府工作报告在卫生健康领域部署了8项具体任务。\n这些任务意味着什么？\n"
        "1、实施健康优先发展战略\n解读文字。\n2、深化公立医院改革\n解读文字。",
        date(2025, 3, 10),
    )
    assert found["level"] == "national" and found["region_code"] is None
    assert [t["text"][:6] for t in found["tasks"]] == ["实施健康优先", "深化公立医院"]


def test_provincial_director_year_ahead_article() -> None:
    found = plan(
        "新的一年，湖南省卫生健康系统将重点抓好以下三个方面工作：一是深化医改；二是强化基层；三是守护安全。",
        date(2024, 1, 5),
    )
    assert (found["level"], found["region_code"]) == ("provincial", "430000")


def test_a_review_list_states_no_plan() -> None:
    assert plan("过去一年，全省卫生健康工作取得了8项重大成效：一是医改深化；二是基层加强。") is None


def test_a_cue_without_a_list_states_no_plan() -> None:
    assert plan("会议部署了十项重点任务。会议还表彰了先进集体。") is None


def test_a_training_course_report_states_no_plan() -> None:
    text = (
        "卫生部人事司组织开展了卫生管理干部培训班，先后组织召开了3次专家论证会，研究制定了培训实施方案。"
        "截至目前，已经完成12个省的培训工作。"
    )
    assert plan(text, date(2004, 10, 14)) is None


def test_a_fragment_that_opens_on_the_meetings_requirements() -> None:
    found = plan("会议强调，2024年全市卫生健康系统要抓好三项工作：一是守牢安全底线。二是推进医联体建设。三是加强人才队伍。\n")
    assert found is not None and found["work_year"] == 2024 and len(found["tasks"]) == 3
    # 全市 names the scope, not the city: municipal, region unknown (before the scope word: provincial, unknown)
    assert (found["level"], found["region_code"]) == ("municipal", None) and "level_from_scope_word" in found["flag"]


def test_a_meeting_requirement_in_the_middle_of_a_text_is_no_fragment_opening() -> None:
    assert plan("医院召开职工大会。\n院长说，会议强调，一是学习文件。二是传达精神。") is None


def test_a_work_points_outline_with_no_title_line() -> None:
    found = plan(
        "一、深化医药卫生体制改革\n推进公立医院改革。\n二、加强公共卫生体系建设\n完善疾控体系。\n"
        "三、促进中医药传承创新\n建设中医药强省。\n",
        date(2023, 1, 20),
    )
    assert found is not None and [t["title"] for t in found["tasks"]][:1] == ["深化医药卫生体制改革"]
    assert found["work_year"] == 2023 and "work_year_from_published" in found["flag"]


def test_an_outline_of_achievements_states_no_plan() -> None:
    raw = "一、医改取得新成效\n二、公共卫生取得新进展\n三、中医药取得新成绩\n"
    assert plan(raw) is None


def test_year_ahead_article_takes_its_year_from_the_publication_date() -> None:
    raw = "新的一年，我们将重点抓好三件事：一是守住疫情防控底线；二是推进分级诊疗；三是加强人才培养。国家卫生健康委主任说。"
    assert plan(raw, date(2023, 12, 28))["work_year"] == 2024
    assert plan(raw, date(2024, 1, 3))["work_year"] == 2024


def test_a_local_scope_word_outranks_the_national_documents_a_local_plan_cites() -> None:
    """A city's outline that cites 《中共中央 国务院关于…》 is no national plan: 全市 makes it municipal; with no
    scope word the national words still decide, and a region named decides over a scope word."""
    city = plan(
        "一、推进医药卫生体制改革\n二、加强公共卫生服务\n三、强化基层卫生\n"
        "2026年全市卫生工作的总体要求是：贯彻《中共中央 国务院关于深化医药卫生体制改革的意见》。\n"
    )
    assert (city["level"], city["region_code"]) == ("municipal", None) and "level_from_scope_word" in city["flag"]
    county = plan("我县今年将做好以下三方面工作：一是改造乡镇卫生院；二是培训村医；三是落实国务院部署的医改任务。\n")
    assert county["level"] == "county" and "level_from_scope_word" in county["flag"]
    national = plan(
        "一、推进医药卫生体制改革\n二、加强公共卫生服务\n三、强化基层卫生\n"
        "2026年卫生工作的总体要求是：贯彻《中共中央 国务院关于深化医药卫生体制改革的意见》。\n"
    )
    assert national["level"] == "national"
    named = plan("一、推进医药卫生体制改革\n二、加强公共卫生服务\n三、强化基层卫生\n全市要学习三明市的经验。\n")
    assert named["level"] == "municipal" and named["region_code"] == "350400"


def test_a_fragment_that_opens_on_the_requirements_after_a_headline() -> None:
    """A copy that starts with its headline line and then 会议强调: still a fragment opening; the work year
    is the one the list's lead names (做好2025年各项工作。一是…)."""
    found = plan(
        "奋力开创卫生健康事业发展新局面\n会议强调，要切实增强责任感使命感。要全面做好2025年卫生健康各项工作。"
        "一是做好重点传染病防控。继续加强监测预警。二是深化医改。推进公立医院高质量发展。\n"
    )
    assert found is not None and found["work_year"] == 2025
    assert [t["title"] for t in found["tasks"]] == ["做好重点传染病防控", "深化医改"]
    # a first line that is a sentence is no headline: the requirement is in the middle of the text
    assert plan("近日召开了座谈会。\n会议强调，一是做好防控；二是深化医改。\n") is None


def test_a_count_cue_whose_items_are_enumerated_in_its_sentence() -> None:
    """包括N个部分/方面，分别是A、B…以及F: exactly N items give the list (also joined by 和); any other number
    of items gives none; the plan's year is the first of a range printed before."""
    joint = plan(
        "甲乙丙三省签署《区域卫生健康合作框架协议（2026-2028年）》。\n"
        "协议包括五个方面，分别是共建医学中心、推进检查结果互认、加强疾控协作、共享专家资源以及联合培养人才。\n"
    )
    assert joint is not None and joint["work_year"] == 2026
    assert [t["title"] for t in joint["tasks"]] == [
        "共建医学中心", "推进检查结果互认", "加强疾控协作", "共享专家资源", "联合培养人才",
    ]  # fmt: skip
    assert all(t["flag"] == "list_enumeration" for t in joint["tasks"])
    three = plan("合作内容包括3个方面：加强疾控协作、共享专家资源和联合培养人才。\n")
    assert [t["title"] for t in three["tasks"]] == ["加强疾控协作", "共享专家资源", "联合培养人才"]
    assert plan("协议包括五个方面，分别是共建医学中心、推进检查结果互认以及联合培养人才。\n") is None


def test_a_count_cue_followed_by_one_paragraph_per_area() -> None:
    """包括N个方面内容。 then one paragraph per area, each opening on a short verb-led clause (a stray 三是
    in one of them is no marker of another list)."""
    found = plan(
        "近日，两省卫生健康委联合印发《区域医疗协同行动方案》。\n《方案》包括4个方面内容。\n"
        "提升医疗服务同质化水平，推进检查检验结果互认，推进专科联盟建设等。\n"
        "推进公共卫生协同，加强传染病监测预警，健全联防联控机制等。\n"
        "三是深化中医药合作，共建中医药传承创新平台等。\n"
        "优化支撑保障，完善协商议事制度等。\n"
    )
    assert found is not None
    assert [t["title"] for t in found["tasks"]] == ["提升医疗服务同质化水平", "推进公共卫生协同", "深化中医药合作", "优化支撑保障"]
    assert found["tasks"][2]["text"].startswith("深化中医药合作")


def test_a_counted_cue_in_the_same_sentence_leads_and_its_list_is_below() -> None:
    """新的一年，…要采取五项举措，力促…，推进…。: the clauses after the count are its purpose; the list is the
    lead-sentence paragraphs below it (longer), and a list shorter than its count is flagged."""
    found = plan(
        "国家中医药局：新的一年将采取五项举措\n"
        "记者1月9日获悉，新的一年，国家中医药局要采取五项举措，力促中医药振兴发展，推进中医药强国建设。\n"
        "加强中医药服务体系建设。推动国家中医医学中心建设。\n"
        "推进中医药传承创新。实施古籍保护工程。\n"
        "深化中医药改革。完善中医药价格政策。\n",
        date(2025, 1, 9),
    )
    assert [t["title"] for t in found["tasks"]] == ["加强中医药服务体系建设", "推进中医药传承创新", "深化中医药改革"]
    assert found["level"] == "national" and "list_cut_short" in found["flag"]


def test_a_year_ahead_sentence_states_a_city_plan_in_prose() -> None:
    """2025年，某市将…: the city named by the cue is the plan's; its verb-led clauses in this paragraph and the
    next (还将…) are the tasks; the review paragraph before it gives none; a clause opened by 并 counts."""
    found = plan(
        "1月8日，在市人民代表大会上，市长作政府工作报告。\n"
        "据了解，2024年全市建成社区卫生服务中心12个。\n"
        "2025年，襄阳市将全面推进紧密型医共体建设，并申报国家区域医疗中心项目，加快三级医院创建。\n"
        "报告指出，襄阳市还将深入开展爱国卫生运动。\n"
        "责任编辑：王五\n"
    )
    assert (found["level"], found["region_code"], found["work_year"]) == ("municipal", "420600", 2025)
    assert [t["title"] for t in found["tasks"]] == [
        "全面推进紧密型医共体建设", "申报国家区域医疗中心项目", "加快三级医院创建", "深入开展爱国卫生运动",
    ]  # fmt: skip
    assert {t["flag"] for t in found["tasks"]} == {"list_prose_clauses"}


def test_a_digest_of_the_government_work_report_is_a_national_plan_in_prose() -> None:
    """A digest of the report's health items, under editor's 【headings】 (no tasks of the report): the clauses
    of its paragraphs, up to the page furniture; 北京 named only as the place of the session does not make the
    plan Beijing's."""
    found = plan(
        "解读：政府工作报告中的健康信息\n"
        "3月5日，十四届全国人大三次会议在北京人民大会堂开幕，国务院总理作政府工作报告。一起来看看！\n"
        "【推进健康中国建设】\n"
        "实施健康优先发展战略，深化以公益性为导向的公立医院改革；提高基本公共卫生服务经费标准。\n"
        "责任编辑：李四\n推进医改的十个看点\n"
    )
    assert (found["level"], found["region_code"]) == ("national", None)
    # the ；-parts are items, one task each (CONVENTIONS 9.1 a)
    assert [t["title"] for t in found["tasks"]] == ["实施健康优先发展战略", "提高基本公共卫生服务经费标准"]


def test_prose_cues_that_state_no_plan() -> None:
    # a year's review written with 将 nowhere: no cue; a single clause after the cue is too little
    assert plan("2024年，全市卫生健康事业取得新成效，建成社区卫生服务中心12个。\n") is None
    assert plan("2025年，襄阳市将加快三级医院创建。\n记者 李四\n") is None
    # the sentences after the cue review work (取得, 已): no measure
    assert plan("市长作政府工作报告。\n过去一年，全市医疗服务能力明显提升，取得显著成效，已建成医联体8个。\n") is None


def test_a_year_range_gives_the_first_year_only_where_the_first_year_is_printed() -> None:
    """An untitled outline that cites a document of a range later keeps the year it names first."""
    found = plan(
        "一、推进医改\n二、加强公共卫生\n三、强化基层卫生\n"
        "2010年全市卫生工作的总体要求是：落实《医药卫生体制改革近期重点实施方案（2009—2011年）》。\n"
    )
    assert found["work_year"] == 2010
