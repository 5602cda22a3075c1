"""A plan guessed from combined evidence reads a marked list as its tasks only when the list's items open like a
plan's items (session 13, issue 22; pipeline/parse/combined.py, announced_plans.toml [combined] marked_items_led).
A news item about an agreement numbers its paragraphs (一、…背景…。二、…协议明确…) and each opens on a statement,
subject first: those paragraphs are the article's parts, and the work is the directive clauses inside them. A list
whose items open on directive verbs stays the plan's tasks. Every sentence is written for these tests."""

from __future__ import annotations

from datetime import date

from pipeline.parse.combined import combined_statement
from pipeline.text.clean import clean_text


def _titles(raw: str) -> list[str]:
    plan = combined_statement(clean_text(raw).text, date(2025, 5, 12))
    assert plan is not None
    assert "plan_guessed_from_evidence" in (plan["flag"] or "").split(";")
    return [task["title"] for task in plan["tasks"]]


_STATED = (
    "两省签署妇幼健康协作协议\n"
    "一、协作的起点在于两地群众的就医需求。两省妇幼保健机构长期分工协作，服务能力仍不均衡。\n"
    "二、新协议明确五项合作内容。具体包括推进产前筛查结果互认；加快建设危重孕产妇转诊网络；"
    "完善新生儿救治协作机制；加强儿科医师联合培养；推动妇幼健康信息平台对接。\n"
    "三、合作的意义在于提升区域服务水平。今年两省还将联合开展妇幼健康培训，逐步扩大协作范围。"
)


def test_numbered_paragraphs_that_state_give_their_directive_clauses_not_the_paragraphs() -> None:
    titles = _titles(_STATED)
    assert "加快建设危重孕产妇转诊网络" in titles
    assert "完善新生儿救治协作机制" in titles
    assert not any(title.startswith(("协作的起点", "新协议明确", "合作的意义")) for title in titles)


def test_numbered_items_that_open_on_directive_verbs_stay_the_tasks() -> None:
    titles = _titles(
        "两省签署妇幼健康协作协议\n"
        "今年，两省将深化妇幼健康协作，加快补齐服务短板，持续提升危重救治能力，全面落实协议各项任务，"
        "孕产妇系统管理率达到95%以上，主要有：\n"
        "一是推进产前筛查结果互认，年内覆盖两省全部地市；\n"
        "二是加快建设危重孕产妇转诊网络，畅通转诊通道；\n"
        "三是完善新生儿救治协作机制，建立联合会诊制度；\n"
        "四是加强儿科医师联合培养，每年互派医师不少于20名。"
    )
    assert titles == ["推进产前筛查结果互认", "加快建设危重孕产妇转诊网络", "完善新生儿救治协作机制", "加强儿科医师联合培养"]


_AHEAD = "今年，两地将加快建设区域医疗中心，完善急救转运网络，推进慢病管理信息共享，孕产妇系统管理率达到95%以上。"


def test_the_verbs_listed_after_a_past_verb_report_done_work() -> None:
    titles = _titles(
        "两地深化医疗卫生合作\n"
        "近年来，两地推进了远程会诊合作，签署医联体框架协议，实施检验结果互认试点，为新一轮合作打下基础。\n" + _AHEAD
    )
    assert "加快建设区域医疗中心" in titles
    assert not any(title.startswith(("签署医联体", "实施检验结果")) for title in titles)


def test_a_turn_to_work_ahead_after_a_past_verb_gives_measures_again() -> None:
    titles = _titles(
        "两地深化医疗卫生合作\n"
        "两地推进了远程会诊合作，下一步要签署医联体框架协议，实施检验结果互认试点。\n" + _AHEAD
    )
    assert not any(title.startswith("推进了") for title in titles)
    assert "实施检验结果互认试点" in titles  # after 下一步要…, the clauses of the sentence deploy again
