"""National texts that were not recognised or were given the wrong level (issue 22):

* a notice that issues a national meeting's documents (关于印发2019年全国卫生健康工作会议文件的通知) is a report of
  that meeting: its date and place, and the officials whose report and speech it issues (现将马五同志的工作报告和
  李六同志的总结讲话印发给你们); its attachments (附件：1.…工作报告 2.…讲话) are documents, no tasks; the speech's
  numbered heading 一、2018年卫生健康工作总结 is no title of a year-end summary;
* a meeting named after the national body that holds it (国家卫生健康委健康中国行动领导小组办公室会议在京召开) is
  a national health meeting; not when the rest of its name is no health field, nor when it is only relayed;
* a commentary that quotes a plan outline by its short name (规划纲要草案…规划明确提出…) states that plan;
* a brief that names no place, no local scope word and no national body, but national work (健康中国行动,
  国家医学中心), is national (flag level_national_from_words); with a scope word (全省) or without such words the
  level is read as before.

Texts written for these tests; extraction only, no build.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.conference.officials import find_officials
from pipeline.parse.conference.report import find_mentions
from pipeline.parse.lists.rules import REVIEW, nearest_cue
from pipeline.text.clean import clean_text

_NOTICE = (
    "国家卫生健康委关于印发2019年全国卫生健康工作会议文件的通知\n各省、自治区、直辖市卫生健康委：\n"
    "经国务院同意，我委于1月9日-10日在北京召开了2019年全国卫生健康工作会议。为贯彻落实会议精神，现将马立新同志的"
    "工作报告和李文同志的总结讲话印发给你们，请认真学习，抓好落实。\n"
    "附件：1.马立新同志在2019年全国卫生健康工作会议上的工作报告\n2.李文同志在2019年全国卫生健康工作会议上的总结讲话\n"
    "国家卫生健康委\n2019年1月25日\n"
    "在2019年全国卫生健康工作会议上的工作报告\n同志们：\n下面，我讲两点意见。\n一、2018年卫生健康工作总结\n"
    "2018年，全国卫生健康系统认真贯彻党中央决策部署，各项工作取得明显成效。"
)


def _extract(raw: str) -> tuple[str, dict]:
    text = clean_text(raw).text
    return text, extract_document(text, kind=None, published=None)


def test_a_notice_issuing_a_national_meetings_documents_reports_the_meeting() -> None:
    _, found = _extract(_NOTICE)
    assert found["kind"] == "national_conference_report"
    [plan] = found["plans"]
    assert (plan["level"], plan["work_year"], plan["tasks"]) == ("national", 2019, [])
    meeting = found["meeting"]
    assert (meeting["start_date"], meeting["end_date"], meeting["location"]) == ("2019-01-09", "2019-01-10", "北京")
    assert [(o["name"], o["role"]) for o in meeting["officials"]] == [("马立新", "work_report"), ("李文", "speech")]


def test_a_numbered_summary_heading_inside_the_text_is_no_summary_title() -> None:
    _, found = _extract(_NOTICE)
    assert found["kind_flag"] is None and found["plans"]


@pytest.mark.parametrize(
    "sentence",
    [
        "王五同志的工作报告全面总结了去年的工作。",  # nothing is issued
        "现将王五同志的先进事迹材料印发给你们。",  # what is issued is no report or speech
        "现将王五同志的工作报告摘要刊登如下。",  # printed, not issued
    ],
)
def test_only_a_report_or_speech_that_a_notice_issues_names_its_official(sentence: str) -> None:
    assert [o.name for o in find_officials(sentence)] == []


@pytest.mark.parametrize("lead", ["附件：", "请认真学习。\n附件:"])
def test_a_list_after_attachments_is_no_plans_list(lead: str) -> None:
    assert nearest_cue("会议部署了今年的重点工作。" + lead) == REVIEW


_BRIEF = (
    "以新发展理念引领卫生健康事业发展\n会议强调，{scope}要做好2024年卫生健康各项工作。一是做好重点传染病防控工作。"
    "加强监测预警，完善应急处置机制，推进疫苗接种。二是提升医疗服务水平。推进{centre}建设，开展医疗质量提升行动。"
    "三是深入开展{campaign}。倡导健康生活方式，加强慢性病管理。"
)


def test_a_brief_of_national_work_with_no_place_is_national() -> None:
    _, found = _extract(_BRIEF.format(scope="", centre="国家医学中心", campaign="健康中国行动"))
    [plan] = found["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("national", None, 2024)
    assert "level_national_from_words" in plan["flag"]
    assert len(plan["tasks"]) == 3


@pytest.mark.parametrize(
    ("scope", "centre", "campaign", "level", "flag"),
    [
        ("全省", "国家医学中心", "健康中国行动", "provincial", "level_from_scope_word"),  # a local scope word
        ("", "医院重点专科", "爱国卫生运动", "provincial", "level_unknown"),  # no national work named
    ],
)
def test_a_scope_word_or_no_national_work_keeps_the_level_read_before(
    scope: str, centre: str, campaign: str, level: str, flag: str
) -> None:
    _, found = _extract(_BRIEF.format(scope=scope, centre=centre, campaign=campaign))
    [plan] = found["plans"]
    assert plan["level"] == level and flag in plan["flag"]
    assert "level_national_from_words" not in plan["flag"]


def test_a_meeting_named_after_the_national_body_that_holds_it_is_national() -> None:
    raw = (
        "王立同志主持召开国家疾控局传染病防控工作领导小组办公室会议\n"
        "2024年9月5日，国家疾控局传染病防控工作领导小组办公室会议在京召开。国家疾控局副局长王立出席会议并讲话。\n"
        "会议要求，各司局要加强传染病监测预警，完善应急处置机制，推进重点人群疫苗接种。"
    )
    _, found = _extract(raw)
    [plan] = found["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("national", None, 2024)
    meeting = found["meeting"]
    assert (meeting["scope"], meeting["start_date"], meeting["location"]) == ("national", "2024-09-05", "北京")
    assert "王立" in {o["name"] for o in meeting["officials"]}


@pytest.mark.parametrize(
    "sentence",
    [
        "9月5日，国家卫生健康委机关党委会议在京召开。会议要求，要加强党建。",  # the rest of the name is no health field
        "各地要认真贯彻国家卫生健康委健康中国行动领导小组办公室会议精神。",  # relayed, not held
    ],
)
def test_a_body_named_before_a_meeting_that_is_no_health_meeting_or_not_held_gives_none(sentence: str) -> None:
    assert find_mentions(sentence) == []


_OUTLINE = (
    "健康优先，从规划走向行动\n今年全国两会期间，代表委员热议健康中国建设。翻开刚刚公布的“十五五”规划纲要草案，"
    "“健康”二字分量很重。规划明确提出{quoted}。这是一份写给每个人的健康承诺。"
)


def test_a_commentary_quoting_a_plan_outline_by_its_short_name_states_its_plan() -> None:
    _, found = _extract(_OUTLINE.format(quoted="加快建设国家医学中心，深入推进健康中国行动"))
    [plan] = found["plans"]
    assert plan["level"] == "national" and "plan_from_document_digest" in plan["flag"]
    assert plan["tasks"][0]["text"].startswith("加快建设国家医学中心")


@pytest.mark.parametrize(
    "raw",
    [
        _OUTLINE.format(quoted="过去五年已经建成一批国家医学中心").replace("规划明确提出", "规划指出，"),  # review
        _OUTLINE.replace("“十五五”规划纲要草案", "“十五五”发展蓝图").format(quoted="加快建设国家医学中心"),  # no outline named
    ],
)
def test_a_quote_that_reviews_or_names_no_outline_states_no_plan_from_it(raw: str) -> None:
    _, found = _extract(raw)
    assert all("plan_from_document_digest" not in (plan["flag"] or "") for plan in found["plans"])
