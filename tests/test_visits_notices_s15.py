"""Texts whose own event is no plan of a region (pipeline.documents.reporting): an institution's notice to its own
units, and an official's inspection or research visit. Every sentence is written for the test.

WHO speaks and WHAT is announced separate them from plans: a hospital that asks its departments to study a meeting,
or a vice-governor who visits and says 下一步要…, states no plan; a health commission's notice to the region's
bureaus, a visit during which the year's work is deployed or announced, and a conference report that mentions a
visit later are read as before.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.documents.reporting import inspection_visit, internal_notice
from pipeline.text.clean import clean_text


def _extract(raw: str, published: str | None = "2023-05-01") -> dict:
    return extract_document(clean_text(raw).text, kind=None, published=published)


NOTICE_BODY = (
    "全省卫生健康工作会议日前在省城召开，会议总结了过去一年的工作，部署了今年的重点任务。"
    "现要求各部门组织全体人员认真学习会议精神，要结合本部门实际明确下一步工作思路，要加强学科建设和人才培养，"
    "要进一步改善患者就医体验。学习心得于5月底前交院办公室，将纳入年度考核。\n特此通知。\n2023年4月20日"
)


@pytest.mark.parametrize(
    "head",
    [
        "关于认真学习全省卫生健康工作会议精神的通知\n全院各部门、科室：\n",
        "关于组织学习全国卫生健康工作会议精神的通知\n各临床科室、医技科室、职能部门：\n",
        "关于学习贯彻全市卫生健康大会精神的紧急通知\n院属各单位、各病区：\n",
        # a university's notice to its own units
        "关于传达学习全省医学教育工作会议精神的通知\n全校各学院、各部门：\n",
        # a university's offices (机关各部门) beside its schools and hospitals
        "关于组织学习全国卫生健康工作会议精神的通知\n各临床医学院、各附属医院、机关各部门：\n",
        # a copy without its title: the addressee line opens it, 特此通知 closes it
        "各科室、全体医护人员：\n",
    ],
)
def test_an_institutions_notice_to_its_own_units_states_no_plan(head: str) -> None:
    raw = head + NOTICE_BODY
    assert internal_notice(clean_text(raw).text)
    document = _extract(raw)
    assert document["kind"] == "other"
    assert document["kind_flag"] == "internal_notice"
    assert document["plans"] == []


@pytest.mark.parametrize(
    "head",
    [
        # a health commission's notice to the region's bureaus: a region's work, read as before
        "关于认真学习全省卫生健康工作会议精神的通知\n各县（市、区）卫生健康局，委机关各科室：\n",
        "关于做好2023年卫生健康重点工作的通知\n各乡镇卫生院、县直各医疗卫生单位：\n",
        "关于认真学习全省卫生健康工作会议精神的通知\n市属各医院、各社区卫生服务中心：\n",
        "关于认真学习全省卫生健康工作会议精神的通知\n各医院、局机关各科室：\n",
        "关于认真学习全省卫生健康工作会议精神的通知\n各地医学院校、各附属医院：\n",
        # a hospital's notice with no addressee line
        "关于认真学习全省卫生健康工作会议精神的通知\n",
    ],
)
def test_a_notice_not_addressed_to_one_institutions_units_is_not_internal(head: str) -> None:
    assert not internal_notice(clean_text(head + NOTICE_BODY).text)


def test_an_addressee_line_without_a_notice_is_not_internal() -> None:
    raw = "全院各部门、科室：\n" + NOTICE_BODY.replace("特此通知。", "谢谢大家。")
    assert not internal_notice(clean_text(raw).text)


VISIT_BODY = (
    "省卫生健康委主任汇报了全省卫生健康事业发展情况，就深化医改等当前重点工作提出了建议。"
    "他充分肯定了全省卫生健康工作取得的成绩。他指出，下一步要继续巩固已有成果，抓好抓实公共卫生、医疗服务等常规工作；"
    "要坚持问题导向，提高发现和解决问题的能力；要带好队伍，加强党风廉政和行风建设。省政府办公厅有关负责同志陪同调研。"
)


@pytest.mark.parametrize(
    "lead",
    [
        "王某某副省长调研卫生健康工作\n3月8日上午，王某某副省长来我委调研指导卫生健康工作。",
        "3月8日上午，副省长王某某到省卫生健康委调研。",
        # other verbs and other levels of the visitor
        "近日，市委书记李某某深入市第一人民医院检查指导疫情防控工作。",
        "6月2日，省人大常委会副主任张某某带队视察全市基层医疗卫生服务体系建设情况。",
        "国家卫生健康委副主任赵某某一行赴某省督导公立医院改革工作。",
        "县长孙某某到县疾控中心走访慰问一线工作人员。",
        # the visitor speaks on the visit, or holds a symposium on it: still the visit's report
        "新华社6月3日电 国务院副总理钱某某3日在某省调研基层医疗卫生工作时强调，要巩固已有成果。",
        "7月15日下午，副省长王某某到省疾控中心调研并召开座谈会，听取工作汇报。",
        # the title alone names the visit; the body opens on the visitor's praise
        "市长周某某考察我市医疗卫生工作\n周某某一行先后来到市中心医院、市疾控中心，详细了解有关情况。",
    ],
)
def test_an_officials_visit_states_no_plan(lead: str) -> None:
    raw = lead + VISIT_BODY
    assert inspection_visit(clean_text(raw).text)
    document = _extract(raw)
    assert document["kind"] == "other"
    assert document["kind_flag"] == "inspection_visit"
    assert document["plans"] == []


@pytest.mark.parametrize(
    "raw",
    [
        # the visit deploys the year's work: a plan
        "3月8日，副省长王某某到省卫生健康委调研，部署2023年全省卫生健康重点工作。" + VISIT_BODY,
        # the host announces the year's work
        "3月8日，副省长王某某到省卫生健康委调研。" + VISIT_BODY + "2023年，省卫生健康委将重点抓好三项工作。",
        "3月8日，副省长王某某到省卫生健康委调研。" + VISIT_BODY.replace("下一步要", "新的一年要"),
        "3月8日，副省长王某某到省卫生健康委调研。" + VISIT_BODY.replace("下一步要", "下半年要"),
        "3月8日，副省长王某某到省卫生健康委调研并召开座谈会。" + VISIT_BODY.replace("下一步要", "2023年全省要"),
    ],
)
def test_a_visit_that_deploys_a_years_work_is_no_report(raw: str) -> None:
    assert not inspection_visit(clean_text(raw).text)


@pytest.mark.parametrize(
    "raw",
    [
        "3月8日，副省长王某某到省卫生健康委调研。" + VISIT_BODY + "他认真学习了2023年全国卫生健康工作会议上的重要讲话。",
        "3月8日，副省长王某某到省卫生健康委调研。" + VISIT_BODY + "2022年主要指标全部完成。",
    ],
)
def test_a_year_before_a_word_ending_in_yao_announces_nothing(raw: str) -> None:
    assert inspection_visit(clean_text(raw).text)


@pytest.mark.parametrize(
    "raw",
    [
        # the meeting is the event: a symposium named by 调研, or one the official chairs
        "12月28日，市卫生健康委在某区召开卫生健康工作调研座谈会。" + VISIT_BODY,
        "12月28日，市卫生健康委主任李某某主持召开调研座谈会。" + VISIT_BODY,
        # a body, not an official, is the subject
        "12月28日，市卫生健康委调研组赴某县开展基层卫生调研。" + VISIT_BODY,
        # the visit is mentioned after the text's own event
        "3月5日，全省卫生健康工作会议召开。会前，副省长王某某到省疾控中心调研。" + VISIT_BODY,
    ],
)
def test_no_visit_is_the_texts_own_event(raw: str) -> None:
    assert not inspection_visit(clean_text(raw).text)


def test_a_conference_report_that_mentions_a_visit_keeps_its_plan() -> None:
    raw = (
        "2月20日，全市卫生健康工作会议召开。副市长刘某某出席会议并讲话。刘某某要求，2023年全市卫生健康系统要抓好以下工作："
        "一是深化医药卫生体制改革，推进紧密型县域医共体建设；二是加强公共卫生体系建设，完善疾病预防控制网络；"
        "三是提升基层医疗服务能力，建设10个标准化村卫生室。会前，刘某某到市疾控中心调研检查了疫情防控工作。"
    )
    document = _extract(raw)
    assert document["kind"] != "other"
    assert len(document["plans"][0]["tasks"]) == 3


# --- a press conference whose items report documents issued (pipeline.documents.reporting.is_reporting_event) -----

_PRESS_HEAD = (
    "省卫生健康委2023年5月10日新闻发布会文字实录\n主持人：各位媒体朋友，大家上午好！欢迎参加省卫生健康委召开的新闻发布会。"
    "首先，向大家通报近期出台的政策文件情况。\n"
)


@pytest.mark.parametrize(
    "items",
    [
        "一是印发《关于加强基层医疗机构药品管理的通知》，要求各地规范药品采购和使用。二是印发《关于做好老年人健康服务的"
        "通知》，要求各地完善服务网络。三是发布《社区卫生服务中心建设标准（2023年版）》，进一步规范建设。",
        "一是我委联合省医保局印发了《关于推进检查检验结果互认的通知》，要求二级以上医院互认结果；二是出台《关于加强护理"
        "人员队伍建设的意见》，要求各地配足护士。",
    ],
)
def test_a_press_conference_that_reports_documents_issued_states_no_plan(items: str) -> None:
    document = _extract(_PRESS_HEAD + items)
    assert (document["kind"], document["kind_flag"]) == ("other", "reporting_event")


def test_a_press_conference_that_announces_work_keeps_its_plan() -> None:
    items = (
        "一是印发《关于加强基层医疗机构药品管理的通知》，要求各地规范药品采购和使用。二是加快推进紧密型县域医共体建设，"
        "年内实现全覆盖。三是加强传染病监测预警，完善应急处置机制。"
    )
    document = _extract(_PRESS_HEAD + items)
    assert document["kind"] != "other"
