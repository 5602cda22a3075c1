"""A plan guessed from combined evidence (session 12, issue 22; pipeline/parse/combined.py): texts no reader
recognises — an untitled page of directive clauses with a deadline and a quantity, a leader's requirements in a news
item, a plan's outline whose headings run into their items — and texts that must stay `other` though they have
directive clauses: a review, a training notice, a hospital's relay, clauses with only one kind of evidence. Every
sentence is written for these tests."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse import combined
from pipeline.text.clean import clean_text


def _read(raw: str, published: str | None = "2024-06-04") -> dict:
    return extract_document(clean_text(raw).text, kind=None, published=published)


def _flags(found: dict) -> list[str]:
    assert found["kind"] == "plan_statement", found["kind_flag"]
    assert len(found["plans"]) == 1
    return (found["plans"][0]["flag"] or "").split(";")


def _titles(found: dict) -> list[str]:
    return [task["title"] for task in found["plans"][0]["tasks"]]


def test_untitled_clauses_with_a_deadline_and_a_quantity_state_a_plan() -> None:
    found = _read(
        "提升老年人健康服务水平\n"
        "提升老年人健康服务水平。年内实现65岁以上老年人健康管理率达到72%以上，深入推进医养结合，"
        "全面落实失能老人上门服务，加快建设老年友善医疗机构。"
    )
    flags = _flags(found)
    assert {"plan_guessed_from_evidence", "evidence_deadline", "evidence_target"} <= set(flags)
    assert "深入推进医养结合" in _titles(found)


@pytest.mark.parametrize(
    ("office", "level"),
    [("国务院副总理", "national"), ("副省长", "provincial"), ("市委书记", "municipal")],
)
def test_an_officials_requirements_with_a_time_ahead_state_a_plan_at_the_offices_level(office: str, level: str) -> None:
    found = _read(
        # session 15: not on a visit (在调研…时强调 with no year ahead is a report: tests/test_visits_notices_s15.py)
        f"新华社6月3日电 {office}周明远3日在听取基层医疗卫生工作汇报时强调，要加快推进分级诊疗制度建设，"
        "持续深化公立医院综合改革，不断强化基层医疗卫生服务能力。\n"
        "周明远指出，当前要抓实夏季传染病防控，落实属地责任，加强监测预警。"
    )
    flags = _flags(found)
    assert {"plan_guessed_from_evidence", "evidence_speaker", "evidence_deadline"} <= set(flags)
    assert found["plans"][0]["level"] == level
    assert found["plans"][0]["work_year"] == 2024  # the publication year, flagged
    assert "work_year_from_published" in flags


def test_a_plans_outline_run_into_one_line_gives_the_items_of_its_task_sections() -> None:
    found = _read(
        "文档简介\n"
        "基层卫生年度工作计划示例为进一步做好基层卫生工作，我们制定了基层卫生年度工作计划。"
        "一、工作目标1.提高基层首诊率。2.改善群众就医体验。"
        "二、重点工作1.加强乡镇卫生院能力建设。推进设备更新，补齐短板。2.深化家庭医生签约服务。扩大覆盖面，提高签约质量。"
        "3.推进县域医共体建设。完善管理体制。"
        "三、保障措施1.强化经费保障。各地要足额安排资金。",
        published=None,
    )
    flags = _flags(found)
    assert {"plan_guessed_from_evidence", "evidence_sections"} <= set(flags)
    titles = _titles(found)
    assert titles[:3] == ["加强乡镇卫生院能力建设", "深化家庭医生签约服务", "推进县域医共体建设"]
    assert not any(title.startswith(("提高基层首诊率", "强化经费保障")) for title in titles)  # goals, safeguards


@pytest.mark.parametrize(
    "raw",
    [
        # a review: the lines report what was done
        "2023年卫生健康工作回顾\n2023年，我委全面加强党的领导，加快推进健康城区建设，取得了明显成效。"
        "年内新建社区卫生服务站5个，家庭医生签约率达到75%以上，已完成全部改造任务。",
        # a training notice: its head says so, though its body has clauses, a deadline and a quantity
        "关于举办2024年基层卫生人员培训班的通知\n各乡镇卫生院：为提升基层服务能力，年内完成全员轮训，"
        "要加强组织管理，严格考勤纪律，确保参训率达到95%以上。",
        # a hospital's relay of a meeting: its president is no office of a government or a health body
        "医院召开全院职工大会传达会议精神\n院长王某指出，要认真学习会议精神，加强医疗质量管理，"
        "改善患者就医体验，提升服务水平。",
        # directive clauses with one kind of evidence only (a deadline); no subject deploys them (各地要…)
        "做好夏季防汛期间卫生防疫\n年内加强饮用水卫生监测，做好灾后环境消杀，落实传染病报告制度，强化应急值守。",
    ],
)
def test_clauses_without_enough_evidence_stay_other(raw: str) -> None:
    found = _read(raw)
    assert found["kind"] == "other"
    assert found["plans"] == []


# --- a meeting report that names the year whose work it deployed ---------------------------------------------


@pytest.mark.parametrize(
    "deployed",
    ["系统部署了2025年工作任务", "安排部署了2025年卫生健康重点工作", "对2025年全省卫生健康工作作出部署"],
)
def test_a_meeting_that_deployed_a_named_years_work_states_that_years_plan(deployed: str) -> None:
    found = _read(
        "2025年湖北省卫生健康工作会议在武汉召开\n"
        f"2月27日，2025年湖北省卫生健康工作会议在武汉召开。会议总结了2024年工作，表彰了先进集体，{deployed}。"
        "省卫生健康委主任张华作工作报告。"
    )
    assert found["kind"] == "provincial_conference_report"
    assert found["plans"][0]["work_year"] == 2025


def test_a_meeting_that_deployed_the_second_half_years_work_only_names_it() -> None:
    found = _read(
        "7月10日，市卫生健康委召开全市上半年卫生健康工作会议。会议总结了上半年工作，通报了各县区指标完成情况，"
        "并对下半年工作进行了部署。"
    )
    assert found["kind"] == "other"
    assert "meeting_without_work" in found["kind_flag"]


# --- a page titled as a summary that reports the meeting held -------------------------------------------------


def test_a_page_titled_as_a_summary_whose_lead_reports_a_dated_meeting_is_that_meetings_report() -> None:
    found = _read(
        "全县卫生健康工作总结\n1月10日，县卫生健康局召开全县卫生健康工作会议。会议总结了2023年工作，表彰了先进。"
        "局长李明要求，要加快推进医共体建设，提升基层服务能力；要加强疾病预防控制，做好重点传染病防控。"
    )
    assert found["kind"] == "county_conference_report"
    assert len(found["plans"][0]["tasks"]) == 2


@pytest.mark.parametrize(
    "raw",
    [
        # a summary that names a meeting held during the year, without its date
        "县卫生健康局2023年工作总结\n2023年，我局召开了全县卫生健康工作会议，部署全年工作。全年加快推进医共体建设，"
        "提升基层服务能力；加强疾病预防控制。",
        # a summary whose first sentence is no meeting's
        "区卫生健康委2023年工作总结\n2023年，我委全面加强党的领导，加快推进健康城区建设。3月5日，区卫生健康委召开"
        "全区卫生健康工作会议，要求要加快推进医共体建设，要加强疾病预防控制。",
    ],
)
def test_a_summary_that_names_a_meeting_held_stays_other(raw: str) -> None:
    found = _read(raw)
    assert found["kind"] == "other"
    assert found["kind_flag"] == "summary_without_plan"


# --- a document's requirements quoted, and many clauses -----------------------------------------------------


def test_an_issued_documents_quoted_requirements_with_many_clauses_state_a_plan_of_its_marked_items() -> None:
    found = _read(
        "国务院办公厅印发《关于加强基层医疗卫生服务体系建设的意见》\n"
        "新华社北京5月8日电 国务院办公厅近日印发《关于加强基层医疗卫生服务体系建设的意见》（以下简称《意见》）。\n"
        "《意见》指出，要坚持以人民健康为中心，强化基层医疗卫生机构功能，完善乡村医生队伍建设，"
        "健全分级诊疗制度，推进县域医共体建设，提升基层服务能力。\n"
        "《意见》从三个方面作出具体安排。一是优化基层机构布局，每个乡镇办好一所卫生院。"
        "二是加强人才队伍建设，扩大全科医生培养规模。三是提升服务质量，规范慢病管理。",
        published="2024-05-08",
    )
    flags = _flags(found)
    assert {"plan_guessed_from_evidence", "evidence_requirements", "evidence_many_clauses"} <= set(flags)
    assert _titles(found) == ["优化基层机构布局", "加强人才队伍建设", "提升服务质量"]  # marked items, not clauses
    assert found["plans"][0]["level"] == "national"
    assert found["plans"][0]["work_year"] == 2024


def test_six_directive_clauses_in_lines_that_report_nothing_weigh_as_two_kinds() -> None:
    raw = (
        "（三）加强基层卫生服务\n加强乡村医生队伍建设，完善激励机制，优化服务流程，"
        "改善就医环境，提升服务能力，强化健康宣教，落实家庭医生制度。"
    )
    text = clean_text(raw).text
    clauses, lines = combined._work(text)
    assert len(clauses) >= 6
    assert combined._evidence(text, combined._head(text)[1], lines, len(clauses)) == ["evidence_many_clauses"]
    assert "evidence_many_clauses" in _flags(_read(raw))


@pytest.mark.parametrize(
    "raw",
    [
        # five clauses and nothing else
        "（三）加强基层卫生服务\n加强乡村医生队伍建设，完善激励机制，优化服务流程，改善就医环境，提升服务能力。",
        # a review written in directive form: its lines report what was done
        "（一）深化改革，构建协同式医疗体系\n全区加强乡村医生队伍建设，完善激励机制，优化服务流程，改善就医环境，"
        "提升服务能力，强化健康宣教，已有12家机构实现了家庭医生全覆盖。",
    ],
)
def test_fewer_clauses_or_clauses_that_report_stay_other(raw: str) -> None:
    assert _read(raw)["kind"] == "other"


# --- a preamble's title over page furniture --------------------------------------------------------------------

_OUTLINE = "一、加强基层医疗机构建设\n二、完善公共卫生服务体系\n三、推进卫生人才队伍建设\n"


@pytest.mark.parametrize(
    "title",
    [
        "长宁区卫生健康服务体系规划(2018-2022年)",
        "长宁区卫生健康服务体系规划（2018—2022年）",
        "长宁区2018年卫生健康服务体系规划",
    ],
)
def test_a_preambles_title_is_the_plan_title_above_page_furniture(title: str) -> None:
    found = _read(
        f"{title}\n访问量:\n发布时间：2019-03-02\n“十三五”时期是全区卫生事业发展的关键时期。为优化资源配置，"
        f"结合我区实际，制定本规划。\n{_OUTLINE}",
        published=None,
    )
    assert found["kind"] == "work_points"
    plan = found["plans"][0]
    assert plan["work_year"] == 2018  # the title's year, not the publication line's
    assert "plan_title_missing" not in (plan["flag"] or "")


def test_no_title_is_read_past_a_sentence_above_the_preamble() -> None:
    found = _read(
        "长宁区卫生健康服务体系规划(2018-2022年)\n全区卫生事业取得长足发展。\n为优化资源配置，结合我区实际，制定本规划。\n"
        + _OUTLINE,
        published=None,
    )
    assert "plan_title_missing" in (found["plans"][0]["flag"] or "")


def test_a_plan_that_says_it_was_compiled_names_itself_in_its_preamble() -> None:
    found = _read(
        "长宁区卫生健康“十四五”规划\n为全面推进健康长宁建设，依据《云南省卫生健康“十四五”规划》，编制本规划。\n"
        + _OUTLINE,
        published="2022-03-01",
    )
    assert found["kind"] == "work_points"
    assert "plan_from_preamble" in (found["plans"][0]["flag"] or "")


def test_a_plan_being_compiled_elsewhere_is_no_preamble() -> None:
    found = _read("卫生健康工作动态\n目前，区卫生健康局正在编制本市卫生健康规划。\n" + _OUTLINE, published="2022-03-01")
    assert "plan_from_preamble" not in ";".join(plan["flag"] or "" for plan in found["plans"])


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("长宁区卫生健康事业发展“十四五”规划和2035年远景目标", None),
        ("长宁区推进健康城市建设到2035年行动方案", None),
        ("长宁区卫生健康事业发展规划（2021—2035年）", 2021),
        ("长宁区2022年卫生健康工作要点", 2022),
    ],
)
def test_a_horizon_year_is_no_work_year_of_a_plan_document(title: str, year: int | None) -> None:
    found = _read(f"{title}\n为推进健康长宁建设，结合我区实际，制定本规划。\n{_OUTLINE}", published=None)
    assert found["kind"] == "work_points"
    assert found["plans"][0]["work_year"] == year


_COUNTY_PLAN = (
    "某卫生局工作计划\n2012年是新医改的实施年，更是{scope}妇幼保健年，还是{county}城乡统筹改革试点的第一年，"
    "为加快卫生事业发展，提出2012年卫生工作任务。{more}\n一、工作重点\n1、加强农村卫生。2、完善社区卫生。3、推进医保。\n"
)


@pytest.mark.parametrize(
    ("scope", "county", "more", "level"),
    [
        ("全省", "船山区", "", "county"),  # a province's year named in passing, in a county's plan
        ("全市", "南溪区", "", "county"),
        ("全省", "船山区", "全省要加快推进卫生改革。", "provincial"),  # the scope word said twice: the plan's own
        ("全省", "船山区和安居区", "", "provincial"),  # two counties: no one county's plan
    ],
)
def test_a_county_named_once_outweighs_a_higher_scope_word_said_once(
    scope: str, county: str, more: str, level: str
) -> None:
    found = _read(_COUNTY_PLAN.format(scope=scope, county=county, more=more), published=None)
    assert found["kind"] == "work_points"
    assert found["plans"][0]["level"] == level


def test_a_goal_that_work_go_smoothly_does_not_make_a_line_a_report() -> None:
    found = _read(
        "（四）推进重点项目建设\n加快县医院新院区建设，推进乡镇卫生院改扩建，完善村卫生室设施，落实项目资金保障，"
        "强化工程质量监管，加强项目调度，确保各项工程顺利推进。"
    )
    assert "evidence_many_clauses" in _flags(found)


@pytest.mark.parametrize(
    "heading",
    ["（三）加强基层人员培训", "三、严格督导检查和考核", "（五）认真总结推广典型经验"],
)
def test_a_section_heading_is_no_title_that_vetoes_a_plan(heading: str) -> None:
    found = _read(
        f"{heading}\n年内完成全县乡村医生轮训，加强全科医生转岗培训，完善培训考核机制，落实继续医学教育学分管理，"
        "强化培训质量评估，建立培训档案，确保培训覆盖率达到95%以上。"
    )
    assert "plan_guessed_from_evidence" in _flags(found)


def test_a_lead_that_reports_an_event_held_vetoes_a_guess() -> None:
    found = _read(
        "5月6日，县卫生健康局举办基层卫生人员能力提升班。年内完成全县乡村医生轮训，加强全科医生转岗培训，"
        "完善培训考核机制，落实继续医学教育学分管理，强化培训质量评估，建立培训档案。"
    )
    assert "plan_guessed_from_evidence" not in ";".join(plan["flag"] or "" for plan in found["plans"])


# --- an official's occasion as the plan's meeting ---------------------------------------------------------------

_SPEECH = (
    "要加快推进分级诊疗制度建设，持续深化公立医院综合改革，不断强化基层医疗卫生服务能力，"
    "加强疾病预防控制体系建设，推进中医药传承创新，做好重点人群健康服务。"
)


@pytest.mark.parametrize(
    "occasion", ["同全国卫生健康系统先进代表座谈时", "在湖北调研基层医疗卫生工作时", "到国家疾控局考察时"]
)
def test_an_officials_occasion_is_the_meeting_of_the_plan_the_text_states(occasion: str) -> None:
    # 今年: since session 15 a visit (调研, 考察) whose text names no year ahead reports, it states no plan
    found = _read(f"新华社北京6月3日电 国务院副总理周明远3日{occasion}强调，今年{_SPEECH}", published="2024-06-04")
    assert found["plans"]
    meeting = found["meeting"]
    assert meeting is not None
    assert meeting["start_date"] == "2024-06-03"
    assert "meeting_from_plan_text" in meeting["flags"]
    assert [(o["name"], o["role"]) for o in meeting["officials"]][:1] == [("周明远", "speech")]


def test_a_speech_without_an_occasion_gives_no_meeting() -> None:
    found = _read(f"新华社北京6月3日电 国务院副总理周明远强调，{_SPEECH}", published="2024-06-04")
    assert found["plans"]
    assert found["meeting"] is None


# a visit whose text names the year ahead (今年要…); without it the visit is reported (tests/test_visits_notices_s15.py)
@pytest.mark.parametrize(("later", "has_meeting"), [("周明远指出，今年", True), ("会议指出，今年", False)])
def test_an_officials_visit_is_an_occasion_when_the_official_speaks_later(later: str, has_meeting: bool) -> None:
    found = _read(f"6月3日下午，周明远副省长来我委调研指导卫生健康工作。\n{later}{_SPEECH}", published="2024-06-04")
    assert found["plans"]
    assert (found["meeting"] is not None) == has_meeting
    without_year = _read(f"6月3日下午，周明远副省长来我委调研指导卫生健康工作。\n{later[:-2]}{_SPEECH}")
    assert (without_year["kind"], without_year["kind_flag"]) == ("other", "inspection_visit")
