"""Round-up items whose measures are prose: verb-led clauses become the item's tasks (issue 22).

Every sentence here was written for these tests (pipeline.parse.lists.prose, pipeline.parse.roundup.plan).
"""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.documents.kinds import ROUNDUP_KIND
from pipeline.parse.lists import prose_tasks
from pipeline.parse.lists.prose import PROSE, prose_items
from pipeline.parse.roundup import roundup_statements
from pipeline.parse.roundup.sections import parse_roundup


def starts(text: str) -> list[str]:
    return [text[p.start : p.end] for p in prose_items(text, 0, len(text))]


def test_framing_lead_is_not_part_of_the_first_task() -> None:
    text = "今年，《广东省人民政府工作报告》提出，将深化公立医院综合改革，加快建设5个国家区域医疗中心，推进紧密型县域医共体建设。"
    assert starts(text) == ["深化公立医院综合改革", "加快建设5个国家区域医疗中心", "推进紧密型县域医共体建设"]


def test_year_and_region_framing_without_a_comma() -> None:
    text = "《某省政府工作报告》指出2024年湖北将全面提升基层医疗卫生服务能力。持续优化家庭医生签约服务，稳步扩大长期护理保险试点。"
    assert starts(text) == ["全面提升基层医疗卫生服务能力", "持续优化家庭医生签约服务", "稳步扩大长期护理保险试点"]


def test_semicolons_full_stops_and_other_verbs() -> None:
    text = "2024年江西要完善分级诊疗制度；健全基本公共卫生服务体系；梯次推进县级医院提标扩能。培育壮大中医药产业。"
    assert starts(text) == [
        "完善分级诊疗制度",
        "健全基本公共卫生服务体系",
        "梯次推进县级医院提标扩能",
        "培育壮大中医药产业",
    ]


def test_a_clause_not_led_by_a_verb_continues_the_task_before_it() -> None:
    text = "加强院前急救体系建设，每个县至少设1个急救站，提升乡镇卫生院急诊能力。"
    assert starts(text) == ["加强院前急救体系建设，每个县至少设1个急救站", "提升乡镇卫生院急诊能力"]


def test_a_prose_item_with_a_single_verb_clause_gives_one_task() -> None:
    assert starts("今年，湖南将实施基层卫生人才专项培养计划。") == ["实施基层卫生人才专项培养计划"]


def test_review_sentences_give_no_task() -> None:
    review = "去年，全省新建乡镇卫生院20所，改造村卫生室300个。全省已建成县域医共体60个，推进分级诊疗取得明显成效。"
    assert starts(review) == []
    mixed = review + "今年将推动优质医疗资源下沉。"
    assert starts(mixed) == ["推动优质医疗资源下沉"]


def test_bylines_footers_and_long_explanations_give_no_task() -> None:
    assert starts("（记者 李明 通讯员 王芳）\n责任编辑：张三\n来源：某某健康网") == []
    long_clause = "推进" + "以县级医院为龙头、乡镇卫生院为枢纽、村卫生室为基础的县乡村一体化服务网络" * 2
    assert starts(long_clause + "。") == []
    assert starts("落实基本药物制度，" + long_clause + "。") == ["落实基本药物制度，" + long_clause]


def test_prose_tasks_carry_their_flag_and_offsets() -> None:
    text = "前言。\n明年，全区将建设3个区域医疗中心，新建社区卫生服务中心10个。"
    tasks = prose_tasks(text, 4, len(text))
    assert [t["text"] for t in tasks] == ["建设3个区域医疗中心", "新建社区卫生服务中心10个"]
    assert [(t["flag"], t["ordinal"]) for t in tasks] == [(PROSE, 1), (PROSE, 2)]
    assert all(text[t["start"] : t["end"]] == t["text"] for t in tasks)


ROUNDUP = """多地政府工作报告勾勒今年卫生健康工作重点。
广东：建设高水平医院
今年，《广东省政府工作报告》提出，将新建5家高水平医院，推进粤东粤西粤北医疗卫生能力提升。完善公共卫生应急体系。
湖南：强基层
2024年湖南将实施乡村医生学历提升计划；扩大家庭医生签约覆盖面。
去年，全省已建成紧密型县域医共体80个。
四川：一句话的计划
四川提出，要加快建设国家中医药综合改革示范区。
（记者 赵六）
"""


def test_roundup_sections_without_measures_take_their_prose_as_tasks() -> None:
    sections = parse_roundup(ROUNDUP, default_year=2024)
    assert [s.region.code for s in sections] == ["440000", "430000", "510000"]
    assert all(not s.measures for s in sections)
    statements = roundup_statements(ROUNDUP, sections)
    titles = [[t["text"] for t in s["tasks"]] for s in statements]
    assert titles == [
        ["新建5家高水平医院", "推进粤东粤西粤北医疗卫生能力提升", "完善公共卫生应急体系"],
        ["实施乡村医生学历提升计划", "扩大家庭医生签约覆盖面"],
        ["加快建设国家中医药综合改革示范区"],
    ]
    assert {t["flag"] for s in statements for t in s["tasks"]} == {PROSE}


def test_targets_of_prose_tasks_are_not_repeated_in_the_opening() -> None:
    payload = extract_document(ROUNDUP, kind=ROUNDUP_KIND, published="2024-02-01")
    guangdong = payload["plans"][0]
    first = guangdong["tasks"][0]
    assert [(t["value"], t["unit"]) for t in first["targets"]] == [(5.0, "家")]
    assert guangdong["opening_targets"] == []


def test_a_marked_list_in_a_prose_item_keeps_its_items() -> None:
    text = ROUNDUP.replace(
        "2024年湖南将实施乡村医生学历提升计划；扩大家庭医生签约覆盖面。",
        "2024年湖南提出：一是实施乡村医生学历提升计划，完善培养机制；二是扩大家庭医生签约覆盖面。",
    )
    hunan = roundup_statements(text, parse_roundup(text, default_year=2024))[1]
    assert [(t["marker"], t["text"]) for t in hunan["tasks"]] == [
        ("一是", "实施乡村医生学历提升计划，完善培养机制"),
        ("二是", "扩大家庭医生签约覆盖面。"),
    ]


def test_clauses_opened_by_bing_by_a_repair_verb_or_by_a_manner_adverb() -> None:
    """并申报…, 补上…, 分层分类做好…: each opens a measure; 并 is no part of it."""
    text = "将抓好重点环节防控。补上短板漏洞，并申报国家示范项目。分层分类做好社会救助。"
    assert starts(text) == ["抓好重点环节防控", "补上短板漏洞", "申报国家示范项目", "分层分类做好社会救助"]
    # the ；-parts of a sentence are items, one task each (CONVENTIONS 9.1 a)
    text = "将抓好重点环节防控，补上短板漏洞，并申报国家示范项目；分层分类做好社会救助。"
    assert [s[:8] for s in starts(text)] == ["抓好重点环节防控", "分层分类做好社会"]
    # 并 before a clause that no verb leads continues the measure before it
    assert starts("将加快三级医院创建，并与高校合作。") == ["加快三级医院创建，并与高校合作"]
