"""Round-ups written one paragraph per province, including fragments that start or stop mid-list.

Every text here is written for the test.
"""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.documents.record import DocumentRecord
from pipeline.parse.clauses import inline_marker_tasks, semicolon_tasks
from pipeline.parse.roundup import parse_paragraph_roundup
from pipeline.tables.plans import build_plan_tables
from pipeline.text.clean import clean_text

FRAGMENT = """加快推进紧密型医共体建设，全面提升基层服务能力。
1月17日，安徽省卫生健康工作会议召开。会议指出，2025年，全省将重点做好以下工作：一是深化医改，推进医共体建设；二是强化公共卫生，提升疾控能力；三是优化医疗服务，改善就医体验。
1月20日，江苏省卫生健康工作会议在南京召开。会议强调，2025年，全省卫生健康系统要推进健康江苏建设；要深化公立医院改革；要加强人才队伍建设。
福建：2025年，全省将实施健康优先发展战略，持续推进三明医改经验"""


def _clean(raw: str) -> str:
    return clean_text(raw).text


def test_fragment_starting_mid_list_yields_one_plan_per_province_item():
    text = _clean(FRAGMENT)
    payload = extract_document(text, kind=None, published=None)
    assert payload["kind"] == "provincial_plan_roundup"
    plans = payload["plans"]
    assert [plan["region_code"] for plan in plans] == ["340000", "320000", "350000"]
    assert all(plan["work_year"] == 2025 and plan["genre"] == "roundup_item" for plan in plans)
    anhui, jiangsu, fujian = plans
    assert [task["marker"] for task in anhui["tasks"]] == ["一是", "二是", "三是"]
    assert anhui["tasks"][0]["title"] == "深化医改"
    assert "reports_conference" in anhui["flag"]
    assert [task["title"] for task in jiangsu["tasks"]][1:] == ["要深化公立医院改革", "要加强人才队伍建设"]
    assert "cut_off" in fujian["flag"]
    # its prose after the year (2025年，全省将实施…，持续推进…) is read clause by clause
    assert [task["title"] for task in fujian["tasks"]] == ["实施健康优先发展战略", "持续推进三明医改经验"]
    assert {task["flag"] for task in fujian["tasks"]} == {"list_prose_clauses"}
    for plan in plans:
        assert text[plan["start"] : plan["end"]].startswith(("1月", "福建"))
        for task in plan["tasks"]:
            assert text[task["start"] : task["end"]] == task["text"]


def test_a_province_named_twice_is_one_plan_with_two_sources():
    raw = FRAGMENT.split("\n")[1] + "\n安徽：2025年，全省将持续深化医改；推进医共体建设。\n" + FRAGMENT.split("\n")[2]
    text = _clean(raw)
    payload = extract_document(text, kind=None, published=None)
    record = DocumentRecord("r", "r.txt", "0" * 64, None, text, (), {}, payload)
    tables = build_plan_tables([record])
    anhui = [plan for plan in tables.plans if plan["region_code"] == "340000"]
    assert len(anhui) == 1 and anhui[0]["n_sources"] == 2
    assert len([s for s in tables.plan_sources if s["plan_id"] == anhui[0]["plan_id"]]) == 2
    assert len({row["task_id"] for row in tables.tasks}) == len(tables.tasks)


def test_one_province_is_not_a_round_up():
    text = _clean("1月17日，安徽省卫生健康工作会议召开。会议指出，2025年，全省将深化医改。\n会议强调，要抓好落实。")
    assert parse_paragraph_roundup(text, 2025) == []


def test_inline_markers_must_run_from_one():
    text = "会议要求，二是加强领导；三是抓好落实。"
    assert inline_marker_tasks(text, 0, len(text)) == []
    text = "一要强化基层；二要深化改革；三要加强保障。"
    assert [task["marker"] for task in inline_marker_tasks(text, 0, len(text))] == ["一要", "二要", "三要"]


def test_semicolon_clauses_with_a_lead_word():
    text = "要坚持人民至上，守住底线；要深化改革；并强调落实。"
    tasks = semicolon_tasks(text, 0, len(text), lead="要")
    assert [task["title"] for task in tasks] == ["要坚持人民至上", "要深化改革"]
    assert semicolon_tasks("只有一句话。", 0, 6) == []


def test_an_items_first_clause_starts_after_its_framing_and_a_sentence_list_after_its_lead() -> None:
    """Items run together in one paragraph: the ；-clauses of the first start after 会议指出，2026年，全省将
    (also when the clause opens with 按照…要求); the second states its work as 。-sentences after a lead
    sentence (会上介绍了2026年重点工作。), which the general reader finds as the longer list."""
    text = _clean(
        "1月15日，河北省卫生健康工作会议召开。会议指出，2026年，全省将按照“强基层、补短板”要求，优化资源布局；"
        "实施儿科服务提升行动；加强人才队伍建设。2月3日，山西省卫生健康委召开新闻通气会。会上介绍了2026年重点工作。"
        "完善信息化顶层设计，推进健康信息平台建设。加快推进区域医疗中心建设。开展优质服务基层行活动。"
    )
    hebei, shanxi = extract_document(text, kind=None, published=None)["plans"]
    assert (hebei["region_code"], shanxi["region_code"]) == ("130000", "140000")
    assert [t["title"] for t in hebei["tasks"]] == ["按照“强基层、补短板”要求", "实施儿科服务提升行动", "加强人才队伍建设"]
    assert hebei["tasks"][0]["text"].startswith("按照")
    assert [t["text"][:7] for t in shanxi["tasks"]] == ["完善信息化顶层", "加快推进区域医", "开展优质服务基"]


def test_clauses_of_results_give_no_tasks_and_a_requirement_starts_after_its_framing() -> None:
    text = _clean(
        "1月15日，河北省卫生健康工作会议召开。会议指出，全省卫生健康事业取得新进展；医疗服务能力持续提升。\n"
        "1月16日，山西省卫生健康工作会议召开。会议强调，要深化医改；要加强基层建设。\n"
    )
    payload = extract_document(text, kind=None, published=None)
    assert payload["kind"] == "provincial_plan_roundup"
    # ；-clauses of results are no list: 河北's meeting only reviewed and deploys nothing, so it states no plan
    (shanxi,) = payload["plans"]
    assert shanxi["region_code"] == "140000"
    assert [t["title"] for t in shanxi["tasks"]] == ["深化医改", "要加强基层建设"]
