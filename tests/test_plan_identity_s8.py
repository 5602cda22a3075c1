"""Who and when of a plan (issue 22 item 5, CONVENTIONS 7 and 8): the year a national congress session names, the
year a printed weekday fixes, the body of a new-year address that names its region, the level of a body that relays
a higher meeting and deploys its own work, and the level of a local congress named without its place. Every sentence
below was written for these tests."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.meeting_dates import MeetingDate
from pipeline.parse.conference.relay import LEVEL_FROM_RELAYING_BODY, relaying_level
from pipeline.parse.conference.years import weekday_year
from pipeline.text.work_years import FROM_SESSION, session_year, stated_work_year


def _plans(text: str, published: str | None = None) -> list[tuple[str, str | None, int | None, str]]:
    payload = extract_document(text, kind=None, published=published)
    return [(p["level"], p["region_code"], p["work_year"], p["flag"] or "") for p in payload["plans"]]


# --- a national congress or CPPCC plenary session names its year -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("第十三届全国人民代表大会第三次会议今天上午在人民大会堂开幕", 2020),
        ("3月5日，十四届全国人大二次会议开幕，国务院总理作政府工作报告", 2024),
        ("十二届全国人大五次会议审议政府工作报告", 2017),
        ("全国政协十三届三次会议开幕", 2020),
        ("中国人民政治协商会议第十四届全国委员会第二次会议在京闭幕", 2024),
    ],
)
def test_a_national_session_names_its_year(sentence: str, year: int) -> None:
    assert session_year(sentence) == year


@pytest.mark.parametrize(
    "sentence",
    [
        "十四届全国人大常委会第十一次会议专题新闻发布会举行",  # the standing committee meets several times a year
        "山东省十三届人大七次会议开幕",  # a province's terms and sessions are not the nation's
        "第十届全国人民代表大会第十次会议",  # no term has a tenth plenary session
        "全国卫生健康工作会议在京召开",
    ],
)
def test_no_year_from_what_is_no_annual_national_session(sentence: str) -> None:
    assert session_year(sentence) is None


def test_a_directive_year_outranks_the_session() -> None:
    text = "十三届全国人大三次会议开幕。报告提出，2021年要加快推进健康中国建设。"
    assert stated_work_year(text, None)[0] == 2021


def test_a_government_report_brief_without_a_year_takes_the_sessions() -> None:
    text = (
        "政府工作报告里的健康民生\n"
        "5月22日，第十三届全国人民代表大会第三次会议开幕。国务院总理向大会作政府工作报告，提出加强公共卫生体系建设，"
        "改革疾病预防控制体制，完善传染病直报和预警系统，增加防疫救治医疗设施，强化基层卫生防疫。"
    )
    [(level, _, year, flag)] = _plans(text)
    assert (level, year) == ("national", 2020)
    assert FROM_SESSION in flag


# --- a weekday printed after a month and day fixes the year ---------------------------------------------------------


def test_the_weekday_fixes_the_year_within_the_bodies_years() -> None:
    text = "国家卫生计生委定于1月15日（周五）上午10时召开例行新闻发布会，介绍工作进展和工作要点。"
    assert weekday_year(text, MeetingDate(None, 1, 15, None, None), 2024) == 2016


def test_the_weekday_alone_takes_the_nearest_year() -> None:
    text = "市卫生健康委定于1月15日星期五召开新闻发布会。"
    assert weekday_year(text, MeetingDate(None, 1, 15, None, None), 2024) == 2021


@pytest.mark.parametrize(
    "text",
    [
        "市卫生健康委定于1月15日上午召开新闻发布会。",  # no weekday
        "市卫生健康委定于11月15日（周五）召开新闻发布会。",  # another day: 1月15日 is not printed
    ],
)
def test_no_weekday_no_year(text: str) -> None:
    assert weekday_year(text, MeetingDate(None, 1, 15, None, None), 2024) is None


def test_a_presser_on_a_crawled_page_takes_the_weekdays_year() -> None:
    text = (
        "国家卫生计生委举行例行新闻发布会\n"
        "时间：2024-01-22 18:10:50\n"
        "国家卫生计生委定于1月15日（周五）上午10时召开例行新闻发布会，介绍卫生计生工作进展和工作要点。"
    )
    payload = extract_document(text, kind=None, published=None)
    assert payload["meeting"]["start_date"] == "2016-01-15"
    assert "date_year_from_weekday" in payload["meeting"]["flags"]
    assert payload["plans"][0]["work_year"] == 2016


# --- a new-year address: the body that names its region -----------------------------------------------------------


def test_a_new_year_address_takes_the_body_that_names_its_region() -> None:
    text = (
        "砥砺前行再出发——2023年新春贺词\n"
        "作者：市卫健委办公室 发布时间：2023-01-20 10:00\n"
        "岁序更替，华章日新。值此新春佳节来临之际，我谨代表芜湖市卫生健康委员会，向全市广大卫生健康工作者致以诚挚的问候。"
    )
    [(level, region, year, _)] = _plans(text, published="2023-01-20")
    assert (level, region, year) == ("municipal", "340200", 2023)


# --- a higher meeting relayed: the body that deploys after it -----------------------------------------------------

_RELAYS = [
    (
        "我县组织收看全省卫生健康工作电视电话会议\n5月10日，全省卫生健康工作电视电话会议召开。我县在县分会场组织收看。"
        "会后，副县长李明就贯彻落实会议精神提出要求：一是加强疫情防控；二是推进医共体建设；三是做好健康扶贫工作。",
        "county",
    ),
    (
        "1月20日，全国爱卫会召开爱国卫生工作电视电话会议。会议结束后，副市长王红作了工作部署。她要求，各级政府要着力解决"
        "突出问题，巩固国家卫生城市创建成果，加快推进农村改厕，深入开展健康城市建设。",
        "municipal",
    ),
    (
        "3月2日，全省卫生健康工作会议以视频形式召开。会议结束后，市卫生健康委主任张华对贯彻落实会议精神作出部署，"
        "要求全市卫生健康系统深化医改，加强公共卫生体系建设，提升基层服务能力。",
        "municipal",
    ),
]


@pytest.mark.parametrize(("text", "level"), _RELAYS)
def test_the_body_deploying_after_a_relayed_meeting_states_the_plan(text: str, level: str) -> None:
    payload = extract_document(text, kind=None, published=None)
    [plan] = payload["plans"]
    assert plan["level"] == level
    assert LEVEL_FROM_RELAYING_BODY in plan["flag"]
    assert payload["meeting"]["scope"] == level  # the relay with its follow-up is the meeting read


@pytest.mark.parametrize(
    "text",
    [
        # watching the provincial meeting and reporting its requirements: the provincial plan
        "3月12日上午，我区组织收看全区卫生健康工作视频会。会议指出，今年要深化医改，加强公共卫生体系建设，提升基层服务能力。",
        # several bodies after the meeting, none of them the relaying one
        "全省卫生健康工作会议召开。会后，各市县卫生健康部门负责人分组讨论并提出意见。会议要求，一要深化医改；二要强基层。",
        # the meeting's own level deploys after it
        "全省卫生健康工作会议召开。会后，副省长李华就做好全省卫生健康工作提出要求：一要深化医改；二要强基层。",
        # a lower body after the meeting that does not deploy
        "全省卫生健康工作会议召开。会后，县卫生健康局组织参观了基层医疗机构。会议要求，一要深化医改；二要强基层。",
    ],
)
def test_no_relaying_body(text: str) -> None:
    assert relaying_level(text, "provincial") is None


# --- a local congress named without its place ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "市十七届人大三次会议开幕\n1月10日，市十七届人大三次会议开幕。市政府工作报告提出，今年将推进健康城市建设，"
            "新建5家社区卫生服务中心，加强公共卫生体系建设。",
            "municipal",
        ),
        (
            "1月8日，县十八届人大四次会议开幕。县政府工作报告提出，今年将推进紧密型县域医共体建设，改造提升10个村卫生室，"
            "加强基层卫生人才队伍建设。",
            "county",
        ),
        (
            "3月5日，十四届全国人大二次会议开幕。政府工作报告提出，今年将提高居民医保人均财政补助标准，深化医药卫生体制改革，"
            "加强传染病防控。",
            "national",
        ),
    ],
)
def test_a_congress_without_a_place_is_of_its_bare_level(text: str, level: str) -> None:
    [(found, *_)] = _plans(text)
    assert found == level


# --- 全区: a city district's, unless the text names an autonomous region ------------------------------------------

_MEASURES = "会议要求，要深化医改，推进紧密型医共体建设；加强公共卫生体系建设，提升疾病防控能力；提升基层服务能力。"


@pytest.mark.parametrize(
    "lead",
    [
        "2月10日，全区卫生健康工作会议召开，区卫健局全体干部参加会议。",  # a district's body, not among the officials
        "2月10日，全区卫生健康工作会议在区政府会议中心召开。",
        "2月10日，全区卫生健康工作会议召开。全区各街道社区卫生服务中心负责人参会。",  # a district's parts
    ],
)
def test_a_district_meeting_named_only_in_the_text(lead: str) -> None:
    payload = extract_document(lead + _MEASURES, kind=None, published="2024-03-06")
    assert payload["plans"][0]["level"] == "county"
    assert "district_meeting_from_text" in payload["meeting"]["flags"]


@pytest.mark.parametrize(
    "lead",
    [
        "2月10日，全区卫生健康工作会议召开。全区各盟市卫生健康委负责人参会。",  # 盟市: an autonomous region's parts
        "2月10日，全区卫生健康工作会议在南宁召开，区直各医疗卫生单位负责人参会。",  # a place in an autonomous region
        "2月10日，全区卫生健康工作会议召开，自治区卫生健康委主任作工作报告，区卫健局负责人参会。",
        "2月10日，全区卫生健康工作会议召开，各医疗卫生单位负责人参会。",  # no evidence either way: as before
    ],
)
def test_an_autonomous_region_or_no_evidence_keeps_the_provincial_reading(lead: str) -> None:
    payload = extract_document(lead + _MEASURES, kind=None, published="2024-03-06")
    assert payload["plans"][0]["level"] == "provincial"


def test_a_work_points_title_of_a_district() -> None:
    text = (
        "2024年全区卫生健康工作要点\n一、深化医药卫生体制改革\n推进紧密型城市医疗集团建设，完善医疗资源配置。\n"
        "二、加强公共卫生体系建设\n提升疾病预防控制能力，做好重点传染病防控。\n"
        "三、提升基层服务能力\n推进街道社区卫生服务中心标准化建设。"
    )
    [(level, _, _, flag)] = _plans(text, published="2024-03-06")
    assert level == "county" and "district_meeting_from_text" in flag
    assert _plans(text.replace("街道社区", "苏木乡镇").replace("完善医疗", "完善各盟市医疗"))[0][0] == "provincial"


# --- 全市 of a county-level city: the source line or the issuer names it ------------------------------------------


def test_a_source_line_names_a_county_level_city_by_its_short_name() -> None:
    from pipeline.text.clean import clean_text

    cleaned = clean_text(
        "全市卫生健康工作会议召开\n2024-02-21 10:00 作者：王明 来源：今日晋江\n2月20日，全市卫生健康工作会议召开。" + _MEASURES
    )
    assert (cleaned.source, cleaned.published_date) == ("今日晋江", "2024-02-21")
    payload = extract_document(cleaned.text, kind=None, published=cleaned.published_date, source=cleaned.source)
    assert [(p["level"], p["region_code"]) for p in payload["plans"]] == [("county", "350582")]


def test_a_source_line_naming_a_prefecture_keeps_the_city() -> None:
    from pipeline.text.clean import clean_text

    cleaned = clean_text(
        "全市卫生健康工作会议召开\n2024-02-21 10:00 来源：泉州晚报\n2月20日，全市卫生健康工作会议召开。" + _MEASURES
    )
    payload = extract_document(cleaned.text, kind=None, published=cleaned.published_date, source=cleaned.source)
    assert [(p["level"], p["region_code"]) for p in payload["plans"]] == [("municipal", "350500")]


def test_a_metadata_line_followed_by_prose_is_no_metadata() -> None:
    from pipeline.text.clean import clean_text

    cleaned = clean_text("标题\n2024-02-21 10:00 来源：今日晋江。会议指出，要做好基层卫生工作。\n正文。")
    assert cleaned.source is None and "会议指出" in cleaned.text


_WORK_POINTS = (
    "\n一、深化医药卫生体制改革\n推进紧密型医共体建设，完善分级诊疗制度。\n二、加强公共卫生体系建设\n"
    "提升疾病预防控制能力，做好重点传染病防控。\n三、提升基层服务能力\n推进乡镇卫生院标准化建设。"
)


def test_work_points_of_a_county_level_city_named_by_its_issuer() -> None:
    [(level, region, _, flag)] = _plans("2024年全市卫生健康工作要点\n晋江市卫生健康局" + _WORK_POINTS)
    assert (level, region) == ("county", "350582") and "county_level_city_from_text" in flag


@pytest.mark.parametrize(
    "head",
    [
        "2024年全市卫生健康工作要点\n泉州市卫生健康委员会",  # a prefecture city
        "2024年全市卫生健康工作要点\n晋江市、石狮市卫生健康局",  # two county-level cities: which one is not said
    ],
)
def test_work_points_of_a_prefecture_or_of_no_one_city(head: str) -> None:
    [(level, *_)] = _plans(head + _WORK_POINTS)
    assert level == "municipal"


def test_work_points_following_a_named_prefecture_are_a_county_level_citys() -> None:
    head = "市卫健委2023年工作计划\n2023年，市卫健委围绕市委、市政府决策部署和六安市卫健委《2023年全市卫生健康任务清单》，扎实推进各项工作。"
    [(level, region, _, flag)] = _plans(head + _WORK_POINTS)
    assert (level, region) == ("county", None) and "county_level_city_under_prefecture" in flag


@pytest.mark.parametrize(
    "head",
    [
        # the prefecture is the issuer itself, named as such
        "六安市卫健委2023年工作计划\n2023年，市卫健委围绕市委、市政府决策部署，扎实推进各项工作。",
        # a prefecture named as a place to learn from is no superior body
        "市卫健委2023年工作计划\n2023年，市卫健委围绕市委、市政府决策部署，学习借鉴杭州经验，扎实推进各项工作。",
    ],
)
def test_work_points_of_a_prefecture_city_stay_municipal(head: str) -> None:
    [(level, *_)] = _plans(head + _WORK_POINTS)
    assert level == "municipal"
