"""Plans announced for this year or the next in running text, with no conference or work-points title:
今年/明年 … 将/要 followed by the measures, a count of aspects closed by a colon (抓好以下五个方面：), the
main tasks closed by a colon (明确了今年的重点任务：, 主要任务：), and a government work report's health
passage (政府工作报告提出，…); and the same cues before a review of a past period, which are no plan.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text


def _read(raw: str) -> tuple[str, list[str]]:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published="2024-03-01")
    tasks = [text[t["start"] : t["end"]] for plan in payload["plans"] for t in plan["tasks"]]
    return payload["kind"], tasks


@pytest.mark.parametrize(
    "raw",
    [
        "今年全市卫生工作将重点抓好以下五个方面：加快推进医药卫生体制改革；加强公共卫生服务体系建设；"
        "加强农村卫生服务网络建设；加强卫生人才队伍建设；全面提升医疗服务质量。",
        "记者从县卫健委获悉，今年我县将新建3所乡镇卫生院，改扩建15个村卫生室，加快推进紧密型县域医共体建设。",
        "明年，全区将持续深化公立医院改革，推进家庭医生签约服务扩面提质，完善疾病预防控制体系。",
        "日前，市卫健委印发《2019年全市卫生健康工作要点》，明确了今年的重点任务：一是深化医药卫生体制改革；"
        "二是加强公共卫生服务；三是提升基层服务能力。",
        "2012年全省卫生工作要点\n【摘要】主要任务：一是巩固完善基本药物制度；二是推进公立医院改革试点；"
        "三是加强基层医疗卫生机构建设。",
        "2019年工作打算\n主要任务：一是推进医共体建设；二是加强疾病防控；三是开展健康扶贫。",
        "政府工作报告提出，今年要实施健康优先发展战略，深化以公益性为导向的公立医院改革，加强基层医疗卫生服务能力建设。",
    ],
)
def test_work_announced_for_the_year_in_running_text_is_a_plan(raw: str) -> None:
    kind, tasks = _read(raw)
    assert kind == "plan_statement"
    assert len(tasks) >= 3
    assert not any(task.startswith(("：", ":", "，")) for task in tasks)  # the cue's colon is not an item's


@pytest.mark.parametrize(
    "raw",
    [
        "今年以来，我市已新建3所乡镇卫生院，改扩建15个村卫生室，家庭医生签约率达到75%。",  # work done
        "今年将于3月启动居民健康素养监测调查，具体安排另行通知。",  # a date, not work
        "市卫健委今年要求各医疗机构做好统计报表报送工作。",  # 要求 is no modal
        # a list after a cue that reviews a past period, or whose items read as results
        "2018年工作总结\n主要工作：一是推进医共体建设，二是加强疾病防控，三是开展健康扶贫。",
        "过去一年，主要工作有：一是推进医共体建设；二是加强疾病防控；三是开展健康扶贫。",
        "主要工作：一是全面完成了家庭医生签约任务；二是基层服务能力明显提升；三是公共卫生服务取得新成效。",
    ],
)
def test_work_done_or_a_date_this_year_is_no_plan(raw: str) -> None:
    assert _read(raw)[0] == "other"


def test_a_body_named_by_a_bare_word_in_the_cue_sentence_gives_the_level() -> None:
    text = clean_text(
        "2023年，市卫生健康委将聚焦群众看病就医急难愁盼问题，重点做好以下工作：推进优质医疗资源扩容下沉；"
        "深化公立医院综合改革；加强妇幼健康服务。"
    ).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    assert (plan["level"], plan["work_year"]) == ("municipal", 2023)
    # the list is what follows 做好以下工作：, not the lead-in before it
    assert [text[t["start"] : t["start"] + 4] for t in plan["tasks"]] == ["推进优质", "深化公立", "加强妇幼"]


@pytest.mark.parametrize(
    "raw",
    [
        "多地卫生健康工作会议密集召开 2024年这样干\n北京：推进紧密型城市医疗集团建设，提升基层服务能力。\n"
        "上海：深化公立医院改革，加强公共卫生体系建设。\n广东：新建100个县域医疗服务次中心，加强中医药传承创新。",
        "各地2025年政府工作报告中的卫生健康关键词\n【江苏】推进紧密型县域医共体建设，新建20个县域医疗卫生次中心。\n"
        "【浙江】深化“山海”提升工程，实施医学高峰计划。\n【四川】推进国家区域医疗中心建设，完善疾病预防控制体系。",
    ],
)
def test_a_round_up_of_one_line_sections_in_prose_gives_one_plan_per_province(raw: str) -> None:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=None)
    assert payload["kind"] == "provincial_plan_roundup"
    assert len(payload["plans"]) == 3
    assert all(len(plan["tasks"]) == 2 for plan in payload["plans"])


@pytest.mark.parametrize(
    ("raw", "kind", "level", "year"),
    [
        # a snippet that names the plan document and what it states
        ("《2019年全市卫生健康工作要点》提出，深化医药卫生体制改革，加强疾病预防控制，提升基层服务能力。",
         "plan_statement", "municipal", 2019),
        # an abstract: the plan's kind, then its contents as verb-led clauses
        ("摘要：2010年县卫生局工作计划包括：加强农村卫生工作，完善新农合制度，做好疾病预防控制工作。",
         "plan_statement", "county", 2010),
        # a speaker's words about the year ahead
        ("国家卫生健康委主任表示，2020年要加快推进分级诊疗制度建设，深化公立医院综合改革，加强公共卫生体系建设。",
         "plan_statement", "national", 2020),
        # a work-points title whose items are marked inside one line
        ("2013年全县卫生工作要点\n一、深化医改；二、加强公共卫生；三、提升基层服务能力。", "work_points", "county", 2013),
    ],
)  # fmt: skip
def test_short_snippets_that_state_a_plan(raw: str, kind: str, level: str, year: int) -> None:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published=None)
    [plan] = payload["plans"]
    assert (payload["kind"], plan["level"], plan["work_year"]) == (kind, level, year)
    assert len(plan["tasks"]) == 3


def test_a_national_body_in_the_cue_sentence_makes_the_plan_national_whatever_the_page_names() -> None:
    raw = (
        "国家卫生健康委新闻发布会\n下一步，国家卫生健康委将做好职业健康监测，推进职业病防治能力建设，督促用人单位落实主体责任。\n"
        "相关新闻\n广东作家新书发布会在广州举行"
    )
    [plan] = extract_document(clean_text(raw).text, kind=None, published="2024-09-13")["plans"]
    assert (plan["level"], plan["region_code"]) == ("national", None)


def test_a_speech_named_in_the_first_line_reports_its_meeting_but_relaying_a_speech_does_not() -> None:
    speech = clean_text("部长在2010年全国卫生工作会议上的工作报告（2010年1月5日）\n同志们：这次会议的主要任务是…").text
    payload = extract_document(speech, kind=None, published=None)
    assert payload["kind"] == "national_conference_report"
    assert [(p["level"], p["work_year"]) for p in payload["plans"]] == [("national", 2010)]
    relayed = clean_text("县卫健局召开干部大会\n会议传达了省委书记在全省卫生健康工作会议上的讲话精神。").text
    assert extract_document(relayed, kind=None, published=None)["kind"] == "other"


def test_an_officials_requirement_after_a_colon_is_a_plan() -> None:
    raw = "在两会部长通道上，国家卫健委主任李明提出：要推进分级诊疗制度建设，加强县级医院能力建设，完善医保支付政策。"
    payload = extract_document(clean_text(raw).text, kind=None, published="2019-03-08")
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"], len(plan["tasks"])) == ("national", 2019, 3)
    assert extract_document(clean_text("专家表示：要注意防暑降温。").text, kind=None, published=None)["kind"] == "other"


def test_a_meeting_that_reviews_one_year_and_deploys_the_next_deploys_the_later_year() -> None:
    raw = (
        "县卫健局召开2023年度工作总结暨2024年工作部署会\n1月20日，县卫健局召开2023年度工作总结暨2024年工作部署会。"
        "会议要求，要加快推进县域医共体建设，实施乡村医生队伍提升工程，做好重大传染病防控。"
    )
    [plan] = extract_document(clean_text(raw).text, kind=None, published="2024-01-21")["plans"]
    assert plan["work_year"] == 2024
