"""Lists printed without markers as lead sentences (pipeline.parse.lists.leads): paragraphs that open on a
short verb-led sentence, under short verb-led heading lines. Every text is written for the test."""

from __future__ import annotations

from datetime import date

from pipeline.parse.announced import announced_statement
from pipeline.parse.lists.leads import lead_items
from pipeline.text.clean import clean_text


def leads(raw: str) -> list[dict]:
    text = clean_text(raw).text
    tasks = lead_items(text, 0, len(text))
    for task in tasks + [child for t in tasks for child in t["children"]]:
        assert text[task["start"] : task["end"]] == task["text"]
        assert task["title"] in task["text"]
        assert task["flag"] == "list_lead_sentences"
    return tasks


def tree(tasks: list[dict]) -> list:
    return [(t["title"], [c["title"] for c in t["children"]]) for t in tasks]


def test_lead_paragraphs_under_heading_lines_nest() -> None:
    found = leads(
        "筑牢公共卫生防线 守护群众健康\n"
        "完善疾控体系。推进疾控机构标准化建设，健全监测预警网络。\n"
        "做好重点传染病防控。落实多病共防措施，加强哨点监测。\n"
        "深化医改 提升服务能力\n"
        "推广三明医改经验。加快推进医保支付方式改革。\n"
    )
    assert tree(found) == [
        ("筑牢公共卫生防线守护群众健康", ["完善疾控体系", "做好重点传染病防控"]),
        ("深化医改提升服务能力", ["推广三明医改经验"]),
    ]


def test_lead_paragraphs_without_headings_and_a_caption_between() -> None:
    found = leads(
        "推进分级诊疗。扩大家庭医生签约服务，畅通双向转诊。\n"
        "图为发布会现场。记者 李明 摄\n"
        "加快中医药传承创新。建设中医药传承创新中心，推广中医适宜技术。\n"
        "强化人才支撑。实施基层卫生人才工程。\n"
    )
    assert tree(found) == [("推进分级诊疗", []), ("加快中医药传承创新", []), ("强化人才支撑", [])]


def test_a_heading_with_no_paragraph_after_it_ends_the_list() -> None:
    found = leads("实施健康乡村建设。改善村卫生室条件。\n提升县医院能力。推进县医院提标扩能。\n守护一老一小\n")
    assert tree(found) == [("实施健康乡村建设", []), ("提升县医院能力", [])]


def test_shapes_that_are_no_lead_list() -> None:
    # one lead paragraph only
    assert leads("加强疫苗管理。完善冷链配送体系。\n记者 王芳\n") == []
    # first sentences too long to be leads: prose paragraphs
    assert leads(
        "持续推进紧密型县域医共体建设并在年内实现县域全覆盖。同时加强考核。\n"
        "全面加强二级以上公立医院的绩效考核和运行监测工作。同时完善指标。\n"
    ) == []
    # attitudes and relays lead nothing
    assert leads("提高政治站位。深刻认识卫生健康工作的重要意义。\n统一思想。凝聚推进改革的共识。\n") == []
    # a review: the leads are no directive clauses
    assert leads("医改取得新进展。全省公立医院全部取消药品加成。\n服务能力明显提升。新增三甲医院8家。\n") == []
    # the first lead further down than the list may start
    assert leads("第一行。\n第二行。\n第三行。\n推进分级诊疗。扩大签约服务。\n强化人才支撑。实施人才工程。\n") == []


def test_a_briefing_that_announces_its_list_and_prints_it_as_lead_paragraphs() -> None:
    text = clean_text(
        "国家疾控局：新的一年从五个方面推进疾控工作\n"
        "记者1月9日从国家疾控局获悉，新的一年，国家疾控局将从以下五个方面推进疾控事业高质量发展：\n"
        "健全疾控体系 提升专业能力\n"
        "深化疾控体系改革。推动各级疾控机构职能优化，完善医防协同机制。\n"
        "加强监测预警。建设多点触发的传染病监测预警系统。\n"
    ).text
    found = announced_statement(text, date(2025, 1, 9))
    assert found is not None
    assert (found["level"], found["work_year"]) == ("national", 2025)
    assert tree(found["tasks"]) == [("健全疾控体系提升专业能力", ["深化疾控体系改革", "加强监测预警"])]


def test_a_provincial_directors_article_with_lead_paragraphs() -> None:
    text = clean_text(
        "省卫生健康委主任：奋力推进健康龙江建设\n"
        "2024年，我们将重点抓好以下几方面工作：\n"
        "巩固基层医疗卫生服务网底。推动乡镇卫生院提档升级。\n"
        "守牢公共卫生安全底线。完善传染病监测预警体系。\n"
    ).text
    found = announced_statement(text, None)
    assert found is not None and found["work_year"] == 2024
    assert [t["title"] for t in found["tasks"]] == ["巩固基层医疗卫生服务网底", "守牢公共卫生安全底线"]
