"""Session 14: more of the ways a report names the officials who speak, report or send instructions (verbs and
titles are data, pipeline/data/meetings.toml [officials]), a speech title that prints the speaker before a colon,
and a page's labelled metadata line that dates it. Sentences written for the test; negatives alongside."""

from __future__ import annotations

import pytest

from pipeline.parse.conference.officials import find_officials
from pipeline.parse.conference.speech_titles import speech_title
from pipeline.text.clean import clean_text
from pipeline.text.dates import date_at_top


def _roles(text: str) -> list[tuple[str, str]]:
    return [(o.name, o.role) for o in find_officials(clean_text(text).text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speakers among others: 交流发言, 典型发言, 表态发言, two titled officials with 、 in a title joined by 和
        ("市卫生局局长周明在会上作了交流发言。", [("周明", "speech")]),
        ("区疾控中心主任吴芳做表态发言。", [("吴芳", "speech")]),
        (
            "市人民医院党委副书记、副院长刘洋和市中医院党支部书记陈静分别做了典型发言。",
            [("刘洋", "speech"), ("陈静", "speech")],
        ),
        # 会议讲话, 做出重要讲话, 到会并作讲话
        ("州卫生健康委党组书记、主任郑海作会议讲话。", [("郑海", "speech")]),
        ("副县长马林到会并作重要讲话。", [("马林", "speech")]),
        # what the verb is about between the official and the verb (就…, 对…): titled here or elsewhere
        ("旗政府副旗长白音同志就全民健康行动做出重要讲话。", [("白音", "speech")]),
        ("常务副县长赵军出席会议。赵军就扎实推进今年各项重点工作强调：一要提高认识。", [("赵军", "speech")]),
        ("刚才，孙丽副区长对《健康行动纲要》进行了解读。", [("孙丽", "speech")]),
        # weak verbs of a titled official: 表示, 提出…要求, 做了工作部署, 作了安排部署
        ("省卫生健康委党组书记、主任钱文表示，今年将持续深化医改。", [("钱文", "speech")]),
        ("市委书记、市长林涛提出工作要求。", [("林涛", "speech")]),
        ("市长冯伟做了工作部署。", [("冯伟", "speech")]),
        ("县卫健委一级主任科员韩冬就全县医政工作作了安排部署。", [("韩冬", "speech")]),
        # reports: 汇报 (to the meeting or a visiting leader), not a 汇报会
        ("省卫生健康委主任郭华汇报了全省卫生健康事业发展情况。", [("郭华", "work_report")]),
        ("市卫生局局长黄河在会上汇报了今年工作打算。", [("黄河", "work_report")]),
        # instructions: 专门批示; passed on or studied with the title before the name; the one who relays them speaks
        ("副省长何平对全省卫生工作作出专门批示。", [("何平", "instruction")]),
        ("会上传达了副市长邓军同志批示精神。", [("邓军", "instruction")]),
        ("会议传达学习市委书记、市人大常委会主任高山在卫生健康工作报告上的批示精神。", [("高山", "instruction")]),
        ("厅办公会学习了省委书记宋江同志在《日报》报道上的批示。", [("宋江", "instruction")]),
        ("市政府副秘书长许亮出席会议并传达市长批示。", [("许亮", "speech")]),
        ("县卫健委党组成员、副主任乌力吉同志传达县委领导批示。", [("乌力吉", "speech")]),
        ("县人民医院院长严冬传达了今年医政工作要点。", [("严冬", "speech")]),
        # a 、-list of titled officials before one verb; a 、 inside one title (党组书记、主任; 市政协副主席、局长) stays one
        ("县委副书记李强、县政府副县长王伟到会并作重要讲话。", [("李强", "speech"), ("王伟", "speech")]),
        ("委党组书记、主任杨光主持会议。", [("杨光", "chair")]),
        ("市政协副主席、卫生局局长周亮作工作报告。", [("周亮", "work_report")]),
        # 向… before the verb, 副委员长, words after a name (还将, 等)
        ("国家卫健委主任郑明向在场中外记者介绍了情况。", [("郑明", "speech")]),
        ("县卫生局局长王军向大会作工作报告。", [("王军", "work_report")]),
        ("全国人大常委会副委员长钱江、孙海到会并讲话。", [("钱江", "speech"), ("孙海", "speech")]),
        ("接下来，吴刚局长还将对全县卫生工作作具体安排部署。", [("吴刚", "speech")]),
        # greetings, titled lectures, 作重要指示, 动员部署, 通报了 / 解读了 / 提出殷切希望 / 进行了全面部署 of a titled official
        ("副省长王强出席会议并致辞。", [("王强", "speech")]),
        ("省卫生健康委主任李明致欢迎辞。", [("李明", "speech")]),
        ("北京大学教授张华作了题为《健康中国》的专题报告。", [("张华", "speech")]),
        ("省疾控中心主任刘洋做题为《传染病防控新形势》专题讲座。", [("刘洋", "speech")]),  # no 的
        ("国务院副总理刘兵作重要指示。", [("刘兵", "instruction")]),
        ("副市长陈红作动员部署。", [("陈红", "speech")]),
        ("市卫健委副主任林海通报了全市疫情防控情况。", [("林海", "speech")]),
        ("县医保局局长赵丽解读了医保政策。", [("赵丽", "speech")]),
        ("副县长周洋对全县卫生健康工作提出殷切希望。", [("周洋", "speech")]),
        ("市卫健委主任吴刚进行了全面部署。", [("吴刚", "speech")]),
    ],
)
def test_officials_named_in_more_ways(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会议听取了各单位的工作汇报。",  # a report heard, no official before the verb
        "会议召开了工作汇报会。",  # 汇报会: a meeting's name
        "会议就做好今年工作强调：一要提高认识。",  # the meeting, not an official, before 就
        "市疾控中心就下一步工作作了安排部署。",  # a body without a title
        "与会人员表示，将认真落实会议精神。",  # those present, no title
        "会议传达学习了习近平总书记的重要指示精神。",  # the national leader's instructions are studied, not given
        "县委副书记张三出席会议。",  # attends only
        "会议通报了全市疫情防控情况。",  # the meeting reports, no official
        "会议进行了全面部署。",
        "大会开幕致辞后进行了分组讨论。",  # 开幕致辞: no name before the verb
        "单县、牡丹区、鄄城做了典型发言。",  # places speak, no names
        "党组成员作了发言。",  # a group of officials
        "局班子成员通报了分管领域指标。",
        "副省长温国辉召开座谈会，听取工作汇报，提出要求。",  # a report heard: 工作汇报
    ],
)
def test_no_official_from_bodies_meetings_or_those_who_only_attend(text: str) -> None:
    assert [o for o in _roles(text) if o[1] != "attend"] == []


def test_a_speaker_printed_before_a_colon_gives_the_speech_title():
    title = speech_title("王明：在全区卫生与健康大会上的讲话\n同志们：")
    assert title is not None and [o.name for o in title.speakers] == ["王明"]
    titled = speech_title("副区长王明：在全区卫生与健康大会上的讲话\n同志们：")
    assert titled is not None and [(o.name, o.title) for o in titled.speakers] == [("王明", "副区长")]


@pytest.mark.parametrize("label", ["讲话稿", "关于", "全文"])
def test_a_label_before_the_colon_is_no_speaker(label: str):
    title = speech_title(f"{label}：在全区卫生与健康大会上的讲话\n同志们：")
    assert title is not None and title.speakers == ()


@pytest.mark.parametrize(
    ("line", "published", "source"),
    [
        ("作者:来源:发布日期:2017年12月15日16时40分", "2017-12-15", None),
        ("作者:卫生健康委 来源:市卫生健康委 日期:2016-01-11", "2016-01-11", "市卫生健康委"),
        ("来源:梅州日报  时间:2024-03-21 10:01:31  浏览:-", "2024-03-21", "梅州日报"),
        ("来源: 时间:2024-07-24 14:23:15 点击量:", "2024-07-24", None),
    ],
)
def test_a_line_of_labelled_fields_dates_the_page(line: str, published: str, source: str | None):
    cleaned = clean_text(f"全市卫生健康工作会议召开\n{line}\n3月1日，全市卫生健康工作会议召开。")
    assert (cleaned.published_date, cleaned.source) == (published, source)
    assert line.split(":")[0] not in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "一、会议时间:2007年8月17日下午1:30分。",  # a notice's item, not page furniture
        "会议指出，时间:2024-03-21是关键节点，要抓紧推进各项工作落实到位。",
    ],
)
def test_prose_with_a_date_label_is_kept(line: str):
    cleaned = clean_text(f"关于召开全市卫生健康工作会议的通知\n{line}")
    assert cleaned.published_date is None and line.rstrip("。")[:6] in cleaned.text


def test_a_time_printed_right_after_the_day_still_dates_the_top():
    assert str(date_at_top("全市卫生健康工作会议召开\n2017年12月15日16时40分\n正文")) == "2017-12-15"
    assert date_at_top("全市卫生健康工作会议召开\n2017-12-156\n正文") is None


@pytest.mark.parametrize("manner", ["正式", "隆重", ""])
def test_a_session_opened_in_the_great_hall_is_placed_in_beijing(manner: str):
    from pipeline.parse.conference.sessions import session_meeting

    text = f"3月5日上午，十三届全国人大一次会议在人民大会堂{manner}开幕，国务院总理李克强作政府工作报告。"
    meeting = session_meeting(text, "national", None, 2018)
    assert meeting is not None and meeting.location == "北京人民大会堂"
    assert str(meeting.start_date) == "2018-03-05"


@pytest.mark.parametrize(
    ("text", "name", "official"),
    [
        (
            "据新华社电 国家发展改革委社会发展司负责人孙五近日在国务院新闻办举行的国务院政策例行吹风会上表示，明年将扩大试点。",
            "国务院政策例行吹风会",
            "孙五",
        ),
        ("国家医保局副局长李六在国务院新闻办公室新闻发布会上介绍，今年将推进改革。", "国务院新闻办公室新闻发布会", "李六"),
    ],
)
def test_a_press_event_where_any_bodys_official_speaks_is_the_plans_meeting(text: str, name: str, official: str):
    from pipeline.parse.conference.sessions import session_meeting

    meeting = session_meeting(text, "national", None, 2021)
    assert meeting is not None and meeting.name == name
    assert [o.name for o in meeting.officials] == [official]


@pytest.mark.parametrize(
    "text",
    ["记者在发布会上表示，今年将推进改革。", "李四在会上表示，今年将推进改革。", "国家发展改革委负责人孙五在座谈会上表示，今年将推进改革。"],
)
def test_no_press_event_without_a_titled_speaker_or_a_press_noun(text: str):
    from pipeline.parse.conference.sessions import session_meeting

    assert session_meeting(text, "national", None, 2021) is None


@pytest.mark.parametrize(
    ("body", "level", "code"),
    [("浏阳市卫生和计划生育局", "county", "430181"), ("桂阳县卫生和计划生育局", "county", "431021")],
)
def test_a_notice_signed_by_a_health_and_family_planning_bureau_names_the_issuer(body: str, level: str, code: str):
    from pipeline.parse.work_points.header import parse_header

    text = clean_text(
        "通知\n各乡镇卫生院，局机关各股室：\n现将《2018年全市卫生计生工作要点》印发给你们，请认真贯彻实施。\n"
        f"{body}\n2018年3月6日\n2018年全市卫生计生工作要点\n"
        "根据《长沙市卫生计生委关于印发2018年全市卫生计生重点工作任务的通知》精神，结合我市实际，现提出工作要点如下。\n"
        "一、持续深化医药卫生体制改革\n二、提升基层服务能力\n"
    ).text
    header = parse_header(text)
    assert header is not None and (header.issuer, header.level, header.region_code) == (body, level, code)


_COUNTY_MEETING = (
    "洛川县组织召开全县{year}卫生健康工作\n{day}，洛川县在卫健局会议室组织召开全县卫生健康工作会议。副县长王丽出席会议。\n"
    "会上，卫健局主要负责人回顾总结了去年的工作成效，安排部署了今年工作任务。\n"
    "就进一步做好全县卫生健康工作，王丽指出，一要加强疫情防控，巩固防控成果；二要深化医药卫生体制改革，推进紧密型医共体"
    "建设；三要提升基层医疗服务能力，加强乡村医生队伍建设。\n"
)


@pytest.mark.parametrize(
    ("year", "day", "start"),
    [
        ("2021年", "3月15日", "2021-03-15"),  # the title's year, found after the meeting was read, dates it
        ("2021年", "12月28日", "2020-12-28"),  # a meeting late in the year before deploys the work year
        ("", "3月15日", None),  # no year anywhere: the date stays unknown
    ],
)
def test_a_date_printed_without_its_year_takes_the_work_year_found_later(year: str, day: str, start: str | None):
    from pipeline.documents.extract import extract_document

    result = extract_document(clean_text(_COUNTY_MEETING.format(year=year, day=day)).text, kind=None, published=None)
    meeting = result["meeting"]
    assert meeting is not None and meeting["start_date"] == start
    assert ("date_year_inferred" in meeting["flags"]) == (start is not None)
    assert ("date_missing" in meeting["flags"]) == (start is None)
    assert "printed_date" not in meeting


def test_completed_date_needs_a_printed_day_without_a_year_and_a_work_year():
    from pipeline.parse.conference.meeting_dates import parse_date
    from pipeline.parse.conference.years import completed_date

    assert completed_date(parse_date("1月11日至12日"), 2024) is not None
    assert [str(d) for d in completed_date(parse_date("1月11日至12日"), 2024) or ()] == ["2024-01-11", "2024-01-12"]
    assert completed_date(parse_date("2023年1月11日"), 2024) is None  # printed with its year: read as printed
    assert completed_date(parse_date("1月11日"), None) is None
    assert completed_date(None, 2024) is None


@pytest.mark.parametrize(
    ("lead", "start"),
    [
        ("新华社北京5月31日电（记者王五）“去年，全国孕产妇死亡率继续下降。”在刚刚召开的国家卫生健康委新闻发布会上", "2023-05-31"),
        ("人民网北京3月2日电 国家卫生健康委今天上午召开新闻发布会，", "2023-03-02"),
        ("新华社北京5月31日电（记者王五）“去年，全国孕产妇死亡率继续下降。”在日前召开的国家卫生健康委新闻发布会上", None),
    ],
)
def test_a_briefing_held_now_takes_its_datelines_day(lead: str, start: str | None):
    from pipeline.documents.extract import extract_document

    text = (
        "国家卫健委：孕产妇死亡率降至历史最低\n"
        f"{lead}，国家卫生健康委妇幼司司长李红介绍，2023年将实施母婴安全行动提升计划，推进出生缺陷防治，"
        "加强儿童健康服务，要持续完善妇幼健康服务体系，要加快推进妇幼保健机构能力建设，要深入实施健康儿童行动。\n"
    )
    result = extract_document(clean_text(text).text, kind=None, published="2023-06-01")
    meeting = result["meeting"]
    assert meeting is not None and meeting["start_date"] == start
