"""Texts that report or relay rather than deploy (pipeline.documents.reporting): texts written for the test.

An institution (a hospital, an association, a university) that relays or studies another body's meeting states no
region's plan, whatever it asks of its own staff; a press conference or a symposium that hears views, with no task
read and no sentence announcing work, reports. A government body that relays a meeting and deploys, a press
conference that announces work, and a symposium that deploys are read as before.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.documents.reporting import is_reporting_event, relayed_by_institution
from pipeline.text.clean import clean_text

STAFF_DEMANDS = (
    "会议要求，一是要提高认识，深刻领会会议提出的目标任务；二是要在全院开展学习讨论活动，推动会议精神入脑入心；"
    "三是要在官方网站开设专栏，宣传会议精神和各科室的落实举措。"
)


def _extract(raw: str, published: str | None = "2023-08-01") -> dict:
    return extract_document(clean_text(raw).text, kind=None, published=published)


@pytest.mark.parametrize(
    "raw",
    [
        # a hospital's title relays the provincial meeting; its requirements of its staff follow
        "某市第二人民医院传达学习全省卫生健康工作会议精神\n3月2日下午，医院召开全体中层干部会议。" + STAFF_DEMANDS,
        # no title: the lead sentence, after its date, names a hospital's party committee that holds the meeting
        "2023年7月20日上午，某某大学附属口腔医院党委召开专题会议，认真传达学习全省卫生健康工作半年推进会议精神。"
        + STAFF_DEMANDS,
        # an association gathers its staff to study a national meeting
        "近日，市计生协组织机关全体干部学习贯彻全国卫生与健康大会有关精神，秘书长主持会议。" + STAFF_DEMANDS,
        # a society, the lead sentence after a source line
        "来源：本站\n9月3日，省预防医学会召开理事会，学习传达全省疾病预防控制工作会议精神。" + STAFF_DEMANDS,
    ],
)
def test_an_institution_relaying_a_meeting_states_no_plan(raw: str) -> None:
    document = _extract(raw)
    assert document["kind"] == "other"
    assert document["kind_flag"] == "relayed_by_institution"
    assert document["plans"] == []


def test_a_health_commission_relaying_a_meeting_still_deploys() -> None:
    raw = (
        "3月5日上午，市卫生健康委召开专题会议，传达学习全省卫生健康工作会议精神，安排部署2023年全市卫生健康工作。"
        "会议要求，一是要深化医药卫生体制改革，推进紧密型县域医共体建设；二是要加强公共卫生体系建设，完善疾病预防控制网络；"
        "三是要提升基层医疗服务能力，建设10个标准化村卫生室。"
    )
    assert not relayed_by_institution(clean_text(raw).text)
    document = _extract(raw)
    assert document["kind"] != "other"
    assert len(document["plans"][0]["tasks"]) == 3


@pytest.mark.parametrize(
    "raw",
    [
        # a government body that names an institution in its own name
        "4月1日，市医院管理局召开会议，传达学习全省公立医院改革推进会精神。" + STAFF_DEMANDS,
        # an institution's own meeting that relays nothing
        "1月8日，县人民医院召开2023年工作会议，总结2022年工作，部署2023年重点任务。" + STAFF_DEMANDS,
        # a relaying sentence after the lead: the text's own lead is a health commission's meeting
        "2月10日，县卫生健康局召开全县卫生健康工作会议。会议回顾了过去一年的工作，分析了当前形势。"
        "随后，县人民医院传达学习了全省卫生健康工作会议精神。",
    ],
)
def test_no_institution_relays(raw: str) -> None:
    assert not relayed_by_institution(clean_text(raw).text)


PRESS = (
    "9月12日，省政府新闻办举行新闻发布会，省卫生健康委介绍全省卫生健康事业发展有关情况。"
    "省卫生健康委主任介绍，十年来，全省卫生健康系统贯彻落实省委、省政府决策部署，卫生健康事业取得了显著成就。"
    "全省已建成县域医共体80个，"
    "居民人均预期寿命从2012年的76.5岁提高到2022年的79.1岁。"
)


NATIONAL_PRESS = (
    "5月20日，国务院新闻办公室举行新闻发布会，国家卫生健康委介绍卫生健康事业发展有关情况。"
    "国家卫生健康委主任介绍，十年来，全国卫生健康系统贯彻落实党中央、国务院决策部署，卫生健康事业取得了显著成就。"
    "全国已建成县域医共体4000余个，居民健康素养水平提高到27.8%。"
)


@pytest.mark.parametrize(
    ("raw", "flag"),
    [
        # the page ends on the photo's caption: no whole last sentence, so only the event tells
        (NATIONAL_PRESS + "\n发布会现场 记者 摄 |", "reporting_event"),
        # a provincial press conference, the page cut inside a sentence
        (PRESS + "全省基层医疗卫生机构", "reporting_event"),
        # a report that ends on a whole sentence and says nothing in the directive mood: a meeting without work
        (NATIONAL_PRESS, "meeting_without_work"),
    ],
)
def test_a_press_conference_that_reviews_is_other(raw: str, flag: str) -> None:
    document = _extract(raw)
    assert document["kind"] == "other"
    assert document["kind_flag"] == flag


def test_a_press_conference_that_announces_work_states_its_plan() -> None:
    raw = PRESS + "下一步，省卫生健康委将加快推进国家区域医疗中心建设，全面提升县级医院综合能力。"
    assert not is_reporting_event(clean_text(raw).text, "新闻发布会")
    assert _extract(raw)["kind"] != "other"


def test_a_press_conference_that_presents_the_work_points_states_a_plan() -> None:
    raw = (
        "3月8日，市卫生健康委举行新闻发布会，介绍2024年全市卫生健康工作安排。"
        "市卫生健康委主任介绍，去年全市卫生健康事业取得了显著成就。"
    )
    assert not is_reporting_event(clean_text(raw).text, "新闻发布会")


def test_a_symposium_that_hears_views_reports() -> None:
    raw = (
        "3月2日，省卫生健康委召开座谈会，听取部分全国人大代表、政协委员对卫生健康工作的意见建议。"
        "省卫生健康委主任主持会议并讲话。与会代表委员围绕医疗资源布局、基层人才队伍建设等问题展开讨论，"
        "并就下一步推进健康中国建设提出了建议。主任感谢代表委员长期以来对卫生健康工作的关心和支持。"
    )
    assert is_reporting_event(clean_text(raw).text, "座谈会")
    announced = raw + "会后，省卫生健康委将加快推进省级区域医疗中心建设，完善基层人才培养机制。"
    assert not is_reporting_event(clean_text(announced).text, "座谈会")


def test_a_symposium_without_hearing_is_no_reporting_event() -> None:
    raw = "5月6日，市卫生健康委召开县区卫生健康工作座谈会，总结一季度工作，分析当前形势。与会人员交流了工作情况。"
    assert not is_reporting_event(clean_text(raw).text, "县区卫生健康工作座谈会")


def test_a_national_specialist_meeting_reported_without_work_is_other() -> None:
    raw = (
        "3月3日，国家卫生健康委召开2021年全国职业健康工作电视电话会议。市卫生健康委副主任及相关科室负责人在市分会场参加会议。"
        "会上，国家卫生健康委有关负责同志回顾总结了2020年全国职业健康工作，分析了当前形势。"
    )
    document = _extract(raw, published="2021-03-04")
    assert document["kind"] == "other"
    assert document["kind_flag"] == "meeting_without_work"
