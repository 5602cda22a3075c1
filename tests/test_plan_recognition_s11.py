"""Texts that state a plan in ways the readers did not recognise (session 11, issue 22): a meeting its own area
holds in the first person (我区召开…会议: a district's, or an autonomous region's by the text's evidence). Every
sentence is written for these tests; negatives: a report that only reviews, a meeting named in passing."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.places import dateline_place
from pipeline.parse.conference.report import parse_meeting_report
from pipeline.text.clean import clean_text
from pipeline.text.work_years import directive_year

_WORK = "会议要求，要加快推进紧密型医共体建设，提升基层服务能力；要加强疾病预防控制体系建设。"


def _read(raw: str, published: str | None = "2025-03-12") -> dict:
    return extract_document(clean_text(raw).text, kind=None, published=published)


def _report(raw: str):
    found = parse_meeting_report(clean_text(raw).text)
    assert found is not None, raw
    return found


# --- 我区 holds its own meeting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "code"),
    [
        ("3月11日，我区召开2025年卫生健康工作会议。副区长李强主持会议。", None),
        ("2月20日上午，我区举行2024年卫生健康工作会议，区委常委王芳出席并讲话，秀英区卫生健康委主任符海作报告。", "460105"),
        ("1月9日，我区召开卫生健康工作会议。区政府副区长赵六出席会议并讲话，区卫生健康局局长作工作报告。", None),
    ],
)
def test_a_meeting_wo_qu_holds_is_a_districts_by_its_bodies(lead: str, code: str | None) -> None:
    found = _report(lead + "\n" + _WORK)
    assert (found.scope, found.region_code) == ("county", code)
    assert "district_meeting_from_titles" in found.flags


def test_a_meeting_wo_qu_holds_in_an_autonomous_region_stays_provincial() -> None:
    found = _report("1月9日，我区召开2024年卫生健康工作会议。自治区副主席黄华出席会议并讲话。\n" + _WORK)
    assert found.scope == "provincial" and "district_meeting_from_titles" not in found.flags


def test_a_wo_qu_meeting_states_the_districts_plan() -> None:
    payload = _read("3月11日，我区召开2025年卫生健康工作会议。副区长李强主持会议。\n李强强调，" + _WORK[5:])
    assert payload["kind"] == "county_conference_report"
    assert [(p["level"], p["work_year"]) for p in payload["plans"]] == [("county", 2025)]
    assert payload["plans"][0]["tasks"]


def test_a_wo_qu_meeting_that_only_reviews_states_no_plan() -> None:
    payload = _read(
        "3月11日，我区召开2024年卫生健康工作总结会议。副区长李强主持会议。会议总结了2024年全区卫生健康工作，"
        "对下一步工作进行了部署。"
    )
    assert (payload["kind"], payload["plans"]) == ("other", [])


def test_a_wo_qu_delegation_at_a_higher_meeting_holds_no_district_meeting() -> None:
    payload = _read("3月11日，全市卫生健康工作会议召开，我区代表参加会议并作交流发言。会议总结了2024年工作。")
    assert payload["plans"] == [] or all(p["level"] != "county" for p in payload["plans"])


# --- a year that names a document or a distant goal is no work year ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("会议强调，要深入学习《“十四五”规划和2035年远景目标纲要》，扎实做好2021年各项工作。", 2021),
        ("全省卫生健康系统要认真对照《2030年健康湖南行动纲要》，确保2019年各项任务圆满完成。", 2019),
        ("会议要求，2019年全县孕产妇死亡率要控制在十万分之十以内。", 2019),  # a year deployed, as before
    ],
)
def test_a_year_inside_a_documents_title_is_not_the_year_deployed(sentence: str, year: int) -> None:
    assert directive_year(sentence) == year


@pytest.mark.parametrize(
    "sentence",
    [
        "会议传达学习了《2035年远景目标纲要》。",
        "会议指出，2035年远景目标纲要对卫生健康工作作出了部署。",  # 纲要 is a noun, not 要
        "2020年主要任务已经完成，重要指标全面达标。",  # 主要, 重要: no directive mood
        "2018年需要总结的经验很多。",
    ],
)
def test_the_yao_of_a_noun_deploys_no_year(sentence: str) -> None:
    assert directive_year(sentence) is None


# --- an epidemic command meeting; a 市 under the prefecture it follows ---------------------------------------

_COMMAND = (
    "1月28日，市长王强主持召开市新冠肺炎疫情防控指挥部会议。会上，王强传达了国家、省、{city}关于疫情防控的新要求，"
    "对下一步工作进行安排部署。他强调，要加强发热门诊管理，落实预检分诊制度；要加强医疗物资储备，做好{street}等重点"
    "区域排查。"
)


def test_an_epidemic_command_meeting_is_a_health_meeting() -> None:
    payload = _read(_COMMAND.format(city="滁州市", street="城区"), published="2020-01-29")
    assert payload["kind"].endswith("_conference_report") and payload["plans"][0]["tasks"]


def test_an_animal_epidemic_meeting_is_no_health_meeting() -> None:
    raw = "1月28日，市长王强主持召开市非洲猪瘟疫情防控指挥部会议。他强调，要加强生猪调运监管；要做好消毒灭源工作。"
    assert _read(raw, published="2020-01-29")["plans"] == []


@pytest.mark.parametrize(
    ("city", "street", "code"),
    [("滁州市", "天长街道", "341181"), ("芜湖市", "无为经济开发区", "340281"), ("滁州市", "明光街道", "341182")],
)
def test_a_city_meeting_that_relays_its_prefecture_is_a_county_level_citys(city: str, street: str, code: str) -> None:
    payload = _read(_COMMAND.format(city=city, street=street), published="2020-01-29")
    plan = payload["plans"][0]
    assert (plan["level"], plan["region_code"]) == ("county", code)
    assert "county_level_city_under_prefecture" in payload["meeting"]["flags"]


@pytest.mark.parametrize(
    "raw",
    [
        _COMMAND.format(city="滁州市", street="城区"),  # no county-level city named
        _COMMAND.format(city="滁州市", street="天长街道") + "滁州市卫健委主任作了发言。",  # the prefecture's own body speaks
    ],
)
def test_a_city_meeting_stays_the_prefectures_without_evidence_below_it(raw: str) -> None:
    plan = _read(raw, published="2020-01-29")["plans"][0]
    assert (plan["level"], plan["region_code"]) == ("municipal", "341100")


# --- a page that opens on a speaker's requirements, the ones required named before 要 ------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "张明强调，各级党委、政府务必要",
        "（上接第二版）县长要求，全县上下要",
        "李华指出，各乡镇卫生院都要",
    ],
)
def test_a_page_opening_on_a_speakers_requirement_to_named_bodies_states_a_plan(opening: str) -> None:
    raw = (
        opening + "加快推进医共体建设，强化县级医院龙头作用，提升乡镇卫生院能力。"
        "要扎实做好疾病防控，加强传染病监测预警，抓好慢性病管理。要大力宣传健康知识，提高群众健康素养。"
    )
    [plan] = _read(raw, published=None)["plans"]
    titles = [t["title"] for t in plan["tasks"]]
    assert "扎实做好疾病防控" in titles and "大力宣传健康知识" in titles


@pytest.mark.parametrize(
    "raw",
    [
        "张明强调，这项工作非常重要，全县医共体建设取得显著成效。",  # 重要 is no directive
        "县长指出，过去一年全县卫生健康工作取得显著成效，群众满意度明显提升，医共体建设稳步推进，要素保障有力。",
        "张明强调的工作要点已经印发。要加强学习。",  # no comma after the verb: no speaker's words
    ],
)
def test_a_page_opening_on_a_speakers_review_or_a_noun_states_no_plan(raw: str) -> None:
    assert _read(raw, published=None)["plans"] == []


# --- a meeting named as the occasion, after when it was held: 在…召开的…大会上 ---------------------------------

_REQUIREMENTS = "要加快推进紧密型医共体建设，提升基层服务能力；要加强疾病预防控制体系建设，完善传染病监测预警机制。"


@pytest.mark.parametrize(
    ("lead", "level"),
    [
        ("在11月2日召开的国家卫生健康委直属机关党员干部大会上，传达学习了全国卫生健康工作会议精神。主任王明指出，", "national"),
        # a party members' meeting relays the work conference (s16: one whose demands relay nothing is no plan,
        # tests/test_internal_meetings_s16.py, as the keys of near_nhc_party_relay_2022 and near_partygroup_meeting_2023)
        ("在近日召开的县卫生健康局党员干部大会上，传达学习了全市卫生健康工作会议精神。局长李强强调，", "county"),
        ("在3月5日举行的市卫健委系统干部职工大会上，主任张华要求，", "municipal"),
    ],
)
def test_a_meeting_named_as_the_occasion_after_it_was_held(lead: str, level: str) -> None:
    payload = _read(lead + _REQUIREMENTS)
    assert payload["meeting"] is not None and payload["meeting"]["scope"] == level
    assert payload["plans"][0]["tasks"]


def test_a_meeting_whose_words_are_relayed_later_is_no_occasion() -> None:
    payload = _read("县卫生健康局传达了在11月2日召开的省卫生健康委直属机关党员干部大会上的讲话精神。" + _REQUIREMENTS)
    assert payload["meeting"] is None or "直属机关党员干部大会" not in payload["meeting"]["name"]


# --- a leader's visit with a symposium: 调研并召开座谈会 --------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "level"),
    [
        # session 15: a visit's text that names no time ahead (今年, 下半年) reports (tests/test_visits_notices_s15.py)
        ("7月15日下午，副省长王强到省卫生健康委调研并召开座谈会，听取工作汇报。王强强调，今年", "provincial"),
        ("5月8日，市长李明到市疾控中心调研并召开座谈会。李明要求，下半年", "municipal"),
        ("3月2日，县卫健委召开座谈会，听取各乡镇卫生院工作汇报。局长张华指出，", "county"),
    ],
)
def test_a_symposium_held_on_a_visit_states_the_plan_it_requires(lead: str, level: str) -> None:
    payload = _read(lead + _REQUIREMENTS)
    assert payload["meeting"]["scope"] == level and payload["plans"][0]["tasks"]


@pytest.mark.parametrize(
    "raw",
    [
        "7月15日，副省长王强到某汽车企业调研并召开座谈会，听取企业发展情况汇报。王强强调，要优化营商环境，稳定就业。",
        "7月15日，副省长王强到省卫生健康委调研并召开座谈会，听取工作汇报。王强对全省卫生健康工作给予充分肯定。",
    ],
)
def test_a_symposium_on_other_work_or_that_only_praises_states_no_plan(raw: str) -> None:
    assert _read(raw)["plans"] == []


# --- a convening notice without its title; a review ending on page furniture --------------------------------

_NOTICE = (
    "各乡镇卫生院，县直各医疗卫生单位：\n为总结2023年全县卫生健康工作，安排部署2024年工作任务，经研究决定，{held}。"
    "现将有关事项通知如下：\n一、会议时间：2024年2月6日上午9:00。\n二、会议地点：县卫生健康局三楼会议室。\n"
    "三、参会人员：各单位主要负责人。\n四、有关要求：请各单位准备书面汇报材料，发言时间控制在10分钟内。\n特此通知\n"
    "县卫生健康局\n2024年2月1日"
)


@pytest.mark.parametrize(
    "held", ["召开2024年全县卫生健康工作会议", "定于2月6日举办全县基层卫生人员培训班"]
)
def test_a_convening_notice_without_its_title_states_no_plan(held: str) -> None:
    payload = _read(_NOTICE.format(held=held), published="2024-02-01")
    assert (payload["kind"], payload["plans"], payload["kind_flag"]) == ("other", [], "convening_notice")


@pytest.mark.parametrize(
    "decided",
    [
        "经研究，决定召开2024年全市卫生健康工作会议暨表彰大会。现将有关事宜通知如下：",
        "市卫生健康委定于3月8日举办全市妇幼健康培训班，现将具体安排通知如下：",
    ],
)
def test_a_convening_notice_cut_before_its_close_states_no_plan(decided: str) -> None:
    raw = (
        decided + "\n一、会议时间\n2024年3月8日上午9时。\n二、会议内容\n总结2023年工作，部署2024年重点任务。\n"
        "三、参会人员\n各区卫生健康局分管负责人。\n"
    )
    payload = _read(raw, published="2024-03-01")
    assert (payload["kind"], payload["plans"], payload["kind_flag"]) == ("other", [], "convening_notice")


def test_a_report_that_relays_a_meeting_by_notice_is_no_convening_notice() -> None:
    from pipeline.documents.gates import is_convening_notice

    assert not is_convening_notice("1月5日，全县卫生健康工作会议召开。现将会议精神通知如下：\n一、加强基层建设。\n")
    assert not is_convening_notice(
        "会议决定召开全县医共体建设推进会。\n会议要求，全县卫生健康系统要加强基层建设，推进医共体改革，"
        "做好疾病预防控制工作。现将有关事项通知如下：\n"
    )


def test_a_notice_that_issues_work_points_is_no_convening_notice() -> None:
    raw = (
        "各乡镇卫生院：\n现将《2024年全县卫生健康工作要点》印发给你们，请结合实际认真贯彻落实。\n特此通知\n"
        "2024年全县卫生健康工作要点\n一、加快推进紧密型医共体建设\n二、加强疾病预防控制体系建设\n三、提升基层服务能力\n"
    )
    assert _read(raw, published="2024-02-01")["plans"]


def test_a_meeting_report_that_decides_on_a_later_meeting_keeps_its_plan() -> None:
    raw = (
        "2月6日，全县卫生健康工作会议召开。会议决定，3月召开全县医共体建设推进会。县长李强强调，" + _REQUIREMENTS
    )
    assert _read(raw, published="2024-02-07")["plans"]


_REVIEWED = (
    "8月14日，市卫生局在市妇幼保健院召开全市上半年妇幼卫生工作会议。各县区卫生局分管局长参加会议。"
    "副局长王明对上半年工作进行了总结，对下半年全市妇幼卫生工作进行了部署。"
)


@pytest.mark.parametrize("furniture", ["\n|", "\n|\n", "\n2007-08-15 10:30", "\n———"])
def test_a_review_ending_on_page_furniture_is_a_meeting_without_work(furniture: str) -> None:
    payload = _read(_REVIEWED + furniture, published="2007-08-15")
    assert (payload["kind"], payload["plans"]) == ("other", [])
    assert "meeting_without_work" in payload["kind_flag"]


def test_a_copy_cut_before_its_list_ending_on_page_furniture_keeps_its_plan() -> None:
    assert _read(_REVIEWED + "会议强调，下半年各地\n|", published="2007-08-15")["plans"]


# --- a county holding its meeting under a short name (莫旗召开…) -----------------------------------------------


@pytest.mark.parametrize(
    ("lead", "code"),
    [
        ("4月3日，莫旗召开健康莫力达瓦行动推进会议。旗卫生健康委主任对2023年重点工作进行了安排部署。", "150722"),
        ("3月5日，丰县召开2024年卫生健康工作推进会，副县长李强出席。", None),
    ],
)
def test_a_county_holding_its_meeting_under_a_short_name(lead: str, code: str | None) -> None:
    payload = _read(lead + "\n会议指出，" + _REQUIREMENTS)
    plan = payload["plans"][0]
    assert plan["level"] == "county" and plan["tasks"]
    if code is not None:
        assert plan["region_code"] == code


def test_a_meeting_that_reports_to_assessors_states_no_plan() -> None:
    raw = (
        "11月17日，文县召开2015年度卫生计生工作考核汇报会议，向市卫生计生工作考核组汇报今年的工作情况。"
        "考核组要求，要进一步巩固公立医院改革成果，持续提升基层服务能力。"
    )
    assert _read(raw, published="2015-11-17")["plans"] == []


# --- a briefing named as the occasion that announces what will be done (将推动, 将实施) --------------------------


@pytest.mark.parametrize(
    "announced",
    [
        "未来将推动母婴安全行动提升计划、健康儿童行动提升计划落地见效。",
        "下一步将实施出生缺陷防治能力提升计划，加强产前筛查。",
        "今后将着力加强儿童早期发展服务，完善托育服务体系。",
    ],
)
def test_a_briefing_that_announces_work_states_a_plan(announced: str) -> None:
    raw = "北京5月31日电 在刚刚召开的国家卫生健康委新闻发布会上，妇幼司司长王芳介绍，" + announced
    payload = _read(raw, published="2023-06-01")
    assert payload["meeting"]["name"] == "国家卫生健康委新闻发布会"
    assert [(p["level"], p["work_year"]) for p in payload["plans"]] == [("national", 2023)]


def test_a_briefing_that_only_reports_results_states_no_plan() -> None:
    raw = (
        "北京5月31日电 在刚刚召开的国家卫生健康委新闻发布会上，妇幼司司长王芳介绍，2022年全国孕产妇死亡率下降至"
        "15.7/10万，婴儿死亡率下降至4.9‰，均降至历史最低。"
    )
    assert _read(raw, published="2023-06-01")["plans"] == []


# --- a health body's own meeting as the subject (省卫生厅办公会专门学习了…) ----------------------------------------


@pytest.mark.parametrize(
    ("lead", "level"),
    [
        # s16: the office meeting relays the work conference; one that studies an instruction and demands near-term
        # work states no plan (tests/test_internal_meetings_s16.py; keys near_commission_meeting_2016, near_partygroup_…)
        ("9月8日下午，省卫生厅办公会专门学习了全省卫生工作会议精神。厅长王强要求，", "provincial"),
        ("3月2日，市卫健委委务会议研究部署今年医共体建设工作。主任李明强调，", "municipal"),
        ("5月6日，县卫生健康局党组会传达学习了全省卫生健康工作会议精神。局长张华指出，", "county"),
    ],
)
def test_a_health_bodys_own_meeting_as_the_subject(lead: str, level: str) -> None:
    payload = _read(lead + _REQUIREMENTS)
    assert payload["meeting"]["scope"] == level and payload["plans"][0]["tasks"]


def test_a_bodys_office_meeting_on_its_own_affairs_states_no_plan() -> None:
    assert _read("5月6日，县卫生健康局办公会议研究了机关干部轮岗事项，通过了有关人选。")["plans"] == []


# --- a plan's background section gives no task ------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["规划背景", "发展背景", "编制背景"])
def test_a_background_section_gives_no_task(heading: str) -> None:
    raw = (
        "某市卫生健康事业发展规划（2021—2025年）\n"
        f"一、{heading}\n“十三五”时期，全市医疗卫生服务体系不断完善，居民人均预期寿命达到79岁。\n"
        "二、主要任务\n（一）加快推进紧密型医共体建设，提升基层服务能力。\n（二）加强疾病预防控制体系建设，完善监测预警机制。\n"
        "（三）推进中医药传承创新发展，建设中医特色专科。\n"
    )
    [plan] = _read(raw, published="2021-06-01")["plans"]
    titles = " ".join(t["title"] for t in plan["tasks"])
    assert heading not in titles and "医共体" in titles


# --- a page that lost its spaces to ? ---------------------------------------------------------------------------


def test_a_page_whose_paragraphs_open_on_question_marks_lost_them_in_encoding() -> None:
    cleaned = clean_text(
        "??? 3月26日,市卫生健康委召开2024?年?度全市中医药工作会议,主任王明出席会议并作重要?讲话?。\n"
        "??? 会议强调,要加强中医药服务体系建设?;要推进中医药传承创新。详见 http://example.cn/a.html?id=3"
    )
    assert cleaned.text.startswith("3月26日，市卫生健康委召开2024年度全市中医药工作会议，")
    assert "作重要讲话。" in cleaned.text
    assert "a.html?id=3" in cleaned.text or "a.html？id=3" in cleaned.text  # an address's ? is kept (then unified)
    assert any("removed" in note and "?" in note for note in cleaned.notes)
    payload = extract_document(cleaned.text, kind=None, published=None)
    assert payload["meeting"] is not None and payload["meeting"]["start_date"] is not None


def test_question_marks_of_a_page_without_such_runs_stay() -> None:
    cleaned = clean_text("群众看病难怎么办?会议强调,要加强基层服务能力。")
    assert "怎么办？" in cleaned.text and cleaned.notes == ()


# --- a dateline without its date ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "place"),
    [("人民网北京电讯，", "北京"), ("新华社北京电 ", "北京"), ("湖南日报长沙电（记者 王明）", "长沙"), ("人民网北京2月10日电 ", "北京")],
)
def test_a_dateline_with_or_without_its_date_gives_the_place(lead: str, place: str) -> None:
    assert dateline_place(lead + "会议召开。") == place


@pytest.mark.parametrize("lead", ["全市各单位要保障供电，", "宜昌电视台报道，", "国家电网，"])
def test_words_with_dian_are_no_dateline(lead: str) -> None:
    assert dateline_place(lead) is None
