"""A plan found by its deploy sentences (pipeline.parse.deploy), and meetings read when a known name is only
mentioned in passing (pipeline.parse.conference.report): sentences written for the test.

A deploy sentence has a subject that deploys (a body, a government or region of any level, a health system, a
meeting), the future or directive mood and the year ahead; its work is the clauses after the modal, the
directive sentences that follow it, or the marked list below it. Review, news without a plan and an event to
come (即将召开) are not plans.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.deploy import FROM_DEPLOY_SENTENCE, deploy_statement
from pipeline.text.clean import clean_text


def _payload(raw: str, published: str | None = None) -> tuple[str, dict]:
    text = clean_text(raw).text
    return text, extract_document(text, kind=None, published=published)


def _titles(text: str, tasks: list[dict]) -> list[str]:
    return [text[task["start"] : task["end"]] for task in tasks]


# (text, published, level, region code, work year, first task's opening, number of tasks)
DEPLOYED = [
    # a county as the subject, 今年 and 将, the date from the publication
    (
        "本报讯 记者从县卫生健康局获悉，今年西吉县将为5000名儿童免费开展视力筛查，新建10所标准化村卫生室。",
        "2023-05-02",
        "county",
        "640422",
        2023,
        "为5000名儿童",
        2,
    ),
    # a national body, a five-year period, then a sentence with no subject that goes on (年内还将…)
    (
        "国家卫生健康委消息，“十五五”期间，国家将支持各地建设50个左右儿童区域医疗中心，推动优质资源下沉。"
        "年内还将完成中心的布局规划，启动首批项目。",
        "2026-04-10",
        "national",
        None,
        2026,
        "支持各地建设50",
        4,
    ),
    # a province named short, the year printed, the verb-led clauses after 将
    (
        "记者从正在召开的省两会上获悉，2025年甘肃将新建20家县级医院急诊中心，完善院前急救网络，加快建设区域医疗中心。",
        None,
        "provincial",
        "620000",
        2025,
        "新建20家县级",
        3,
    ),
    # 计划 + the year: the subject named earlier in the paragraph (全县), the work after the year
    (
        "截至目前，全县已建成村卫生室80所。同时计划2026年再建15所村卫生室和3所社区卫生服务站。",
        None,
        "county",
        None,
        2026,
        "再建15所村卫",
        1,
    ),
    # a director in an interview announces a count, then a marked list below a short heading (at a meeting,
    # 在全市卫生健康工作会议上，…表示, the text is that meeting's report: tests/test_meeting_shapes_s5.py)
    (
        "近日，柳州市卫生健康委主任接受采访时表示，2023年全市卫生健康系统将为群众办好“五件实事”。\n"
        "五件实事\n一是新建10家社区卫生服务中心。\n二是为2万名孕妇提供免费产前筛查。\n三是开通市级预约诊疗平台。",
        None,
        "municipal",
        "450200",
        2023,
        "新建10家社区",
        3,
    ),
    # a framing deploy sentence (…要按照…思路), then directive sentences (要…) that go on with it
    (
        "2024年全省妇幼健康工作要按照“一条主线、两个重点”的思路抓好落实。要进一步完善危重孕产妇救治网络。"
        "要加快建设省级儿童医学中心。",
        None,
        "provincial",
        None,
        2024,
        "进一步完善危重",
        2,
    ),
]


@pytest.mark.parametrize(("raw", "published", "level", "region", "year", "first", "n_tasks"), DEPLOYED)
def test_a_plan_found_by_its_deploy_sentences(
    raw: str, published: str | None, level: str, region: str | None, year: int, first: str, n_tasks: int
) -> None:
    text, payload = _payload(raw, published)
    assert payload["kind"] == "plan_statement", payload["kind_flag"]
    [plan] = payload["plans"]
    assert FROM_DEPLOY_SENTENCE in plan["flag"].split(";")
    assert (plan["level"], plan["region_code"], plan["work_year"]) == (level, region, year)
    titles = _titles(text, plan["tasks"])
    assert titles[0].startswith(first), titles
    assert len(titles) == n_tasks, titles


def test_a_text_printing_its_work_twice_gives_each_task_once() -> None:
    raw = "据悉，今年西吉县将为5000名儿童免费开展视力筛查。\n（转载）据悉，今年西吉县将为5000名儿童免费开展视力筛查。"
    text = clean_text(raw).text
    plan = deploy_statement(text, None)
    assert plan is not None and len(plan["tasks"]) == 1


NOT_DEPLOYED = [
    # a year-end summary: what was done
    "2024年，全市累计新建社区卫生服务中心12家，已完成家庭医生签约50万人，群众满意度明显提升。",
    # news of an event to come (即将召开): no work
    "在2026年全国两会即将召开之际，国家卫生健康委召开座谈会，听取代表委员对卫生健康工作的意见建议。",
    # work since the start of the year, reported as done
    "今年以来，市卫生健康委深入开展群众满意医院创建活动，取得明显成效。",
    # an exhortation with no subject in its sentence and no directive work
    "他指出，全省卫生系统干部职工辛勤付出。做好今年工作责任重大，要以人民是否满意作为衡量工作的标尺。",
    # 计划 as a noun (an investment plan) with an amount: no mood
    "近日，国家发展改革委下达2014年中央预算内投资计划3亿元，支持县级医院建设。",
    # the year ahead and a subject, but the mood is a report (将 inside 即将; 要 inside 重要)
    "2025年是十四五规划的收官之年，国家卫生健康委召开重要会议。",
]


@pytest.mark.parametrize("raw", NOT_DEPLOYED)
def test_no_deploy_sentence_no_plan(raw: str) -> None:
    text = clean_text(raw).text
    assert deploy_statement(text, None) is None
    _, payload = _payload(raw)
    assert payload["kind"] == "other"
    assert "no_deploy_sentence" in payload["kind_flag"].split(";")  # (what the text does show may follow)


def test_a_known_meeting_named_in_passing_gives_way_to_the_meeting_held() -> None:
    """继省、市召开卫生与健康大会后: the known name is mentioned, the meeting held (…召开全县…会议) is the report's."""
    raw = (
        "5月8日，永登县召开全县卫生计生暨党风廉政建设会议，安排部署2018年卫生计生重点工作任务。\n"
        "副县长李明讲话。\n"
        "一、认真筹备全县卫生与健康大会。继省、市召开卫生与健康大会后，我县也要积极谋划发展规划。\n"
        "二、加快推进分级诊疗。要建立县乡村三级医疗服务网络。"
    )
    _, payload = _payload(raw)
    assert payload["meeting"] is not None
    assert payload["meeting"]["name"].endswith("卫生计生暨党风廉政建设会议")
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("county", "620121", 2018)


def test_a_county_health_system_named_short_holds_the_meeting() -> None:
    """卫计系统 (卫生计生系统 short) is a health system: its year-end meeting that deploys the year is read."""
    raw = (
        "2月3日，永登县卫计系统2018年度工作总结会暨2019年工作部署会在县卫计局会议室召开。\n"
        "会议要求，要全面推进家庭医生签约服务，要加快建设紧密型医共体。"
    )
    _, payload = _payload(raw)
    assert payload["meeting"] is not None and "meeting_found_by_shape" in payload["meeting"]["flags"]
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("county", "620121", 2019)


@pytest.mark.parametrize(
    ("line", "published", "source"),
    [
        ("来源:健康时报 时间:2021-03-05 10:12:45", "2021-03-05", "健康时报"),
        ("来源:人民财讯作者:王明2024-09-12 13:36", "2024-09-12", "人民财讯"),
        ("来源：贵州日报 时间：2020-01-09 浏览次数:", "2020-01-09", "贵州日报"),
    ],
)
def test_a_source_line_that_prints_the_date_dates_the_page(line: str, published: str, source: str) -> None:
    cleaned = clean_text(f"市卫生健康委召开会议\n{line}\n会议要求，要加快建设医共体。")
    assert (cleaned.published_date, cleaned.source) == (published, source)
    assert line not in cleaned.text


# (text, level, region code, work year, meeting name): a health body's leading group meets (…党组召开会议)
GROUP_MEETINGS = [
    # national, in December, reading a central meeting: the next year's work
    (
        "12月20日，国家疾控局党组召开会议，传达学习中央经济工作会议精神。\n"
        "会议强调，要毫不放松抓好传染病防控，要加快推进疾控体系改革，要做好岁末年初各项工作。",
        "national",
        None,
        2025,
        "国家疾控局党组会议",
    ),
    # provincial, its area named with the body
    (
        "3月5日，湖南省卫生健康委党委召开专题会议，研究部署2023年重点工作。\n"
        "会议要求，要全面推进紧密型县域医共体建设，要持续提升基层服务能力。",
        "provincial",
        "430000",
        2023,
        "湖南省卫生健康委党委会议",
    ),
]


@pytest.mark.parametrize(("raw", "level", "region", "year", "name"), GROUP_MEETINGS)
def test_a_leading_group_meeting_is_read(raw: str, level: str, region: str | None, year: int, name: str) -> None:
    _, payload = _payload(raw, "2024-12-21" if "12月20日" in raw else None)
    assert payload["meeting"] is not None and payload["meeting"]["name"] == name
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == (level, region, year)


def test_a_group_meeting_without_a_list_takes_the_work_of_its_deploy_sentences() -> None:
    """县卫健委党组及时召开会议 and no list the meeting readers know: the deploy sentence's clauses are its tasks; the
    year (对2023年度工作进行谋划) is the work year of the meeting and its plan."""
    raw = (
        "全市动员会议召开之后，县卫健委党组及时召开会议，对2023年度工作进行谋划，大家认为，我们要紧紧围绕"
        "卫生健康工作方针，着力构建县域医疗卫生服务体系，深入推进紧密型医共体建设，强化家庭医生签约服务。"
    )
    text, payload = _payload(raw)
    assert payload["meeting"] is not None and payload["meeting"]["name"] == "县卫健委党组会议"
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("county", 2023)
    assert "tasks_from_deploy_sentences" in plan["flag"].split(";")
    assert payload["meeting"]["work_year"] == 2023
    assert _titles(text, plan["tasks"])[-1] == "强化家庭医生签约服务"


def test_a_meeting_named_by_a_bare_district_word_is_placed_by_the_text() -> None:
    """区卫生健康…推进会: a district's meeting; the district is the one the source line names; the year deployed is
    the last the name prints (2024年度总结暨2025年…)."""
    raw = (
        "区卫生健康重点工作推进会召开\n"
        "2月8日下午，区卫生健康重点工作2024年度总结暨2025年调度推进会召开。副区长王明出席。\n"
        "会议强调，要全面深化医共体建设，要加快标准化村卫生室建设。\n"
        "稿件来源：雁塔区融媒体中心"
    )
    _, payload = _payload(raw)
    assert payload["meeting"] is not None and payload["meeting"]["start_date"] == "2025-02-08"
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("county", "610113", 2025)


def test_a_horizon_year_is_no_work_year() -> None:
    """力争到2030年…: a horizon, not the year deployed; 今年 with a publication date is that year."""
    text = clean_text("今年，全市将新建3家社区医院，力争到2030年建成15分钟医疗服务圈。").text
    plan = deploy_statement(text, date(2024, 3, 1))
    assert plan is not None and plan["work_year"] == 2024


def test_a_work_points_text_whose_opening_states_its_general_requirements_is_a_plan_with_one_item() -> None:
    """A work-points title over an opening that speaks of the document's year (…工作的总体要求是：) makes a page cut
    after its first item a plan (a news item naming a plan has no such opening)."""
    raw = (
        "2016年全省妇幼健康工作要点\n"
        "2016年妇幼健康工作的总体要求是：全面贯彻党的十八届五中全会精神，推进妇幼健康事业发展。\n"
        "一、全面实施两孩政策，加强孕产妇安全管理\n"
        "加强危重孕产妇救治中心建设。规范开展产前筛查。"
    )
    _, payload = _payload(raw)
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("provincial", 2016)
    assert len(plan["tasks"]) == 1


def test_a_work_points_title_over_one_item_without_such_an_opening_is_no_plan() -> None:
    raw = "2016年全省妇幼健康工作要点\n近日，省卫生计生委召开会议。\n一、全面实施两孩政策"
    _, payload = _payload(raw)
    assert payload["kind"] != "work_points"


def test_a_new_year_address_titled_with_a_subtitle_and_dated_by_its_greeting() -> None:
    """…新年寄语：A，B (a subtitle with a comma after the address word) is the title; with no publication date the
    new year is the latest year the greeting prints (2025年就要过去，…2026年即将到来)."""
    raw = (
        "王明新年寄语：守正创新再出发，携手奋进新征程\n"
        "省中医药管理局局长王明在2026年元旦到来之际发表新年寄语。\n"
        "硕果累累的2025年就要过去，充满希望的2026年即将到来。我谨代表河南省中医药管理局，向全省中医药工作者致以新年的祝福！"
    )
    _, payload = _payload(raw)
    assert payload["kind"] == "plan_statement"
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("provincial", "410000", 2026)
    assert "work_year_from_greeting" in plan["flag"].split(";")


def test_a_news_title_naming_an_address_with_a_clause_before_it_is_no_address() -> None:
    raw = "记者探访，新年寄语背后的故事\n市民王明在2026年元旦到来之际写下新年寄语，我们来看一看。"
    _, payload = _payload(raw)
    assert payload["kind"] == "other"


@pytest.mark.parametrize(
    ("title", "level"),
    [("区卫健局2021年工作计划", "county"), ("县卫计局2019年工作要点", "county"), ("市卫计委2018年工作要点", "municipal")],
)
def test_a_work_points_title_headed_by_a_short_body_name_gives_its_level(title: str, level: str) -> None:
    """卫健局, 卫计局, 卫计委 are health bodies: the bare area before them (区, 县, 市) gives the plan's level."""
    raw = f"{title}\n一、加强疫情防控，完善应急指挥体系。\n二、深化医药卫生体制改革，推进县域医共体建设。"
    _, payload = _payload(raw)
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    assert plan["level"] == level


def test_a_county_plan_without_its_county_takes_the_one_the_title_names() -> None:
    """全县…计划2016年再建…: a county plan; the county is the one the title names by its short name (西吉)."""
    raw = "西吉推进村卫生室建设有新进展\n截至目前，全县已建成村卫生室80所。同时计划2016年再建15所村卫生室。"
    _, payload = _payload(raw)
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("county", "640422", 2016)
    assert "region_from_title" in plan["flag"].split(";")


def test_a_sentence_led_by_its_subject_and_a_modal_goes_on_with_the_subject() -> None:
    """After a deploy sentence, 妇幼服务体系要加快健全 is a task that starts at its subject; 在…方面，要… starts after 要."""
    raw = "今年，全省将新建20家胸痛中心。妇幼服务体系要加快健全。在人才方面，要加快培养全科医生。全省去年已建成15家。"
    text = clean_text(raw).text
    plan = deploy_statement(text, date(2024, 5, 1))
    assert plan is not None
    assert _titles(text, plan["tasks"]) == ["新建20家胸痛中心", "妇幼服务体系要加快健全", "加快培养全科医生"]
