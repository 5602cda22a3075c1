"""Per-document extraction: one cleaned text in, one JSON-ready payload out.

The payload holds everything later steps need from a single document — what kind of text it is,
the meeting it reports (with tasks, officials, sections, commentary) or the provincial sections
of a round-up (with measures), and the targets stated in each task, measure and section opening.
All offsets are absolute offsets into the cleaned text. No cross-document logic lives here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from pipeline.documents.gates import (
    ATTITUDES_ONLY,
    REVIEW_LEFT_OUT,
    infer_title,
    is_convening_notice,
    only_attitudes,
    reports_meeting,
    reports_no_work,
)
from pipeline.documents.kinds import PLAN_STATEMENT_KIND, ROUNDUP_KIND, WORK_POINTS_KIND, document_genre
from pipeline.documents.plan_targets import add_plan_sentence_targets, add_targets
from pipeline.documents.reporting import (
    INSPECTION_VISIT,
    INTERNAL_MEETING,
    INTERNAL_NOTICE,
    RELAYED_BY_INSTITUTION,
    RELAYED_WITHOUT_YEAR,
    REPORTING_EVENT,
    inspection_visit,
    internal_meeting,
    internal_notice,
    is_reporting_event,
    presents_plan,
    relayed_by_institution,
    relayed_without_year,
)
from pipeline.parse.agenda_items import without_agenda_items
from pipeline.parse.announced import announced_statement, lexicon
from pipeline.parse.combined import combined_statement
from pipeline.parse.conference import conference_statement, find_conference, meeting_field, mention_statement
from pipeline.parse.conference.facts import find_mentions
from pipeline.parse.conference.held import plan_text_meeting
from pipeline.parse.conference.relay import LEVEL_FROM_RELAYING_BODY, as_relayed, relaying_level
from pipeline.parse.conference.report import MeetingReport, parse_meeting_report
from pipeline.parse.conference.sessions import session_meeting
from pipeline.parse.conference.shapes import MEETING_BY_SHAPE, held_health_meetings
from pipeline.parse.conference.speeches import SPEECH_WITHOUT_PLAN, is_speech_transcript, speech_meeting
from pipeline.parse.conference.types import REVIEW
from pipeline.parse.deploy import deploy_statement, names_year_ahead
from pipeline.parse.digest import digest_statement
from pipeline.parse.evidence import evidence_statement
from pipeline.parse.flags import add_flags
from pipeline.parse.health_work import NO_HEALTH_WORK, states_health_work
from pipeline.parse.identity import complete_identity, complete_meeting
from pipeline.parse.lists import with_headless_runs, with_nested_lists
from pipeline.parse.lists.stances import without_political_attitudes, without_slogan_headings
from pipeline.parse.new_year import new_year_address
from pipeline.parse.review_passages import without_review
from pipeline.parse.roundup import parse_paragraph_roundup, roundup_statements
from pipeline.parse.roundup.agreements import agreement_statements
from pipeline.parse.roundup.plan import GENRE as ROUNDUP_GENRE
from pipeline.parse.roundup.sections import parse_roundup
from pipeline.parse.statements import issuer_for, numbered
from pipeline.parse.work_points import work_points_statement
from pipeline.parse.work_points.plan import GENRE as WORK_POINTS_GENRE
from pipeline.parse.work_points.sections import section_role, sort_sections
from pipeline.parse.work_points.summary import SUMMARY_WITHOUT_PLAN, summary_header
from pipeline.text.dates import date_at_top
from pipeline.text.reported import drop_reported_targets, find_reported_figures, reference_year

TASKS_FROM_DEPLOY_SENTENCES = "tasks_from_deploy_sentences"
TASKS_FROM_HEADLESS_RUN = "tasks_from_headless_run"
WORK_YEAR_FROM_DEPLOY_SENTENCE = "work_year_from_deploy_sentence"


def _add_headless_runs(text: str, plan: dict[str, Any]) -> None:
    """A plan whose parser found no task given the measures of the text's headless comma runs
    (lists.with_headless_runs), with the plan flag tasks_from_headless_run when there are any."""
    before = len(plan["tasks"])
    plan["tasks"] = with_headless_runs(text, plan["tasks"])
    if len(plan["tasks"]) > before:
        add_flags(plan, TASKS_FROM_HEADLESS_RUN)


def extract_document(
    text: str, *, kind: str | None, published: str | None, source: str | None = None
) -> dict[str, Any]:
    """Extract one document. `kind` is the manifest's kind, or None to infer it from the text; `source` is the
    page's printed source line (来源：…), evidence of the issuer's region."""
    published_date = date.fromisoformat(published) if published else date_at_top(text)
    found_kind, plans, meeting, refusal = _parse_by_genre(text, kind, published_date, source)
    for plan in plans:
        if plan["genre"] != ROUNDUP_GENRE:  # a round-up item's tasks are its measures, kept as printed
            plan["tasks"] = with_nested_lists(text, plan["tasks"])
            _add_headless_runs(text, plan)
        if plan["genre"] not in (ROUNDUP_GENRE, WORK_POINTS_GENRE):  # work points sort their sections themselves
            _sort_sections(text, plan)
    for plan in plans:
        without_review(text, plan)  # whichever reader found them, no task starts in a passage that reviews
        without_agenda_items(text, plan)  # nor is one that narrates the meeting's agenda (局长回顾了…; 会议对…进行了表彰)
        without_political_attitudes(text, plan)  # nor is one that only names attitudes (增强“四个意识”)
        without_slogan_headings(text, plan)  # nor a heading of slogans and no work (统一思想，抓住机遇，增强…责任感)
        plan["tasks"] = numbered(plan["tasks"])
    if kind is None and only_attitudes(text, plans):
        found_kind, plans, meeting, refusal = "other", [], None, ATTITUDES_ONLY  # 全体职工要以…的责任感…
    complete_identity(text, plans, published_date, source)
    session = meeting is None and len(plans) == 1  # a plan stated at a people's congress or CPPCC session
    if session:
        meeting = session_meeting(text, plans[0]["level"], plans[0]["region_code"], plans[0]["work_year"])
    held = meeting is None and bool(plans)  # a plan read by another reader, of a text that reports a meeting held
    meeting_plan = 0
    if held and (found := plan_text_meeting(text, plans, published_date)) is not None:
        meeting, meeting_plan = found
    resolved_kind = kind or found_kind
    for plan in plans:
        add_targets(text, plan)
    figures = _reported_figures(text, plans, meeting, published_date)
    meeting_payload = (
        _meeting_payload(text, meeting, len(plans[meeting_plan]["tasks"]) if plans else 0) if meeting else None
    )
    if meeting_payload and (len(plans) == 1 or held):
        complete_meeting(meeting_payload, plans[meeting_plan], meeting.printed_date if meeting else None, text)
    if meeting_payload and (session or held):
        meeting_payload["field"] = plans[meeting_plan]["field"]  # the meeting's plan is the one the text states
    return {
        "kind": resolved_kind,
        "kind_flag": (refusal or _other_reason(kind, plans, text)) if resolved_kind == "other" else None,
        "inferred_title": infer_title(text),
        "meeting": meeting_payload,
        "plans": plans,
        "reported_figures": figures,
    }


def _sort_sections(text: str, plan: dict[str, Any]) -> None:
    """A plan read from a report printed in parts (一、2023年工作回顾 / 二、2024年重点工作 / (一)…): its review sections
    give no task and a task section's heading gives way to its items (pipeline.parse.work_points.sections)."""
    if not any(section_role(task["title"] or "") for task in plan["tasks"]):
        return
    sections = sort_sections(plan["tasks"], text)
    plan["tasks"] = sections.tasks
    plan["review_spans"] = [*(plan.get("review_spans") or []), *sections.review_spans]
    add_flags(plan, *sections.flags)


def _reported_figures(
    text: str, plans: list[dict[str, Any]], meeting: MeetingReport | None, published: date | None
) -> list[dict[str, Any]]:
    """The quantities the text reports as reached; the plans' targets that are such quantities are removed.
    Review passages: the meeting's review sections and the plans' review sections (一、主要做法及成效)."""
    review = [(s.start, s.end) for s in meeting.sections if s.kind == REVIEW] if meeting else []
    review += [(start, end) for plan in plans for start, end in plan.get("review_spans") or []]
    year = reference_year(
        text,
        [plan.get("work_year") for plan in plans],
        meeting.work_year if meeting else None,
        published.year if published else None,
    )
    for plan in plans:
        add_plan_sentence_targets(text, plan, review, year)
        drop_reported_targets(text, plan, review_sections=review, reference_year=year)
    return [asdict(figure) for figure in find_reported_figures(text, review_sections=review, reference_year=year)]


def _parse_by_genre(
    text: str, kind: str | None, published: date | None, source: str | None = None
) -> tuple[str, list[dict[str, Any]], MeetingReport | None, str | None]:
    """(kind found, plan statements, meeting, why the text is `other` when a reader found a plan and refused it):
    round-ups first, then work points, then conference reports."""
    if kind in (None, ROUNDUP_KIND):
        year = _first_year(text)
        if sections := parse_roundup(text, default_year=year):
            return ROUNDUP_KIND, roundup_statements(text, sections), None, None
        if items := parse_paragraph_roundup(text, default_year=year):
            return ROUNDUP_KIND, items, None, None
        if items := agreement_statements(text):
            return ROUNDUP_KIND, items, None, None
        if kind == ROUNDUP_KIND:
            return ROUNDUP_KIND, [], None, None
    if kind in (None, WORK_POINTS_KIND):
        if work_points := work_points_statement(text, required=kind == WORK_POINTS_KIND):
            return WORK_POINTS_KIND, [work_points], None, None
    summary = kind is None and summary_header(text) is not None  # a year-end summary, no section planning a later year
    if kind is None and is_convening_notice(text):
        return "other", [], None, None  # 关于召开…会议的通知: the meeting is to come, its agenda is no plan
    if kind is None and relayed_by_institution(text):
        return "other", [], None, RELAYED_BY_INSTITUTION  # …医院传达学习全省…会议精神: no region's plan
    if kind is None and relayed_without_year(text):
        return "other", [], None, RELAYED_WITHOUT_YEAR  # 省委召开会议，传达学习全国…大会精神 and no year: no plan
    if kind is None and internal_notice(text):
        return "other", [], None, INTERNAL_NOTICE  # 全院各部门、科室：…: what it asks of its staff is no region's plan
    if kind is None and inspection_visit(text):
        return "other", [], None, INSPECTION_VISIT  # 副省长来我委调研…下一步要…: the visit is reported, no plan stated
    meeting = parse_meeting_report(text, published, source)
    if summary and not reports_meeting(text, meeting) and speech_meeting(text) is None:  # a speech deploying work
        return "other", [], None, SUMMARY_WITHOUT_PLAN
    if meeting is None:
        mention = find_conference(text)
        if mention is None:
            stated, refused = _stated_plan(text, published) if kind in (None, PLAN_STATEMENT_KIND) else (None, False)
            if stated is not None:
                return PLAN_STATEMENT_KIND, [stated], None, None
            return "other", [], None, NO_HEALTH_WORK if refused and kind is None else None
        found_kind = f"{mention.level}_conference_report"
        genre = document_genre(kind or found_kind) or "conference_report"
        return found_kind, [mention_statement(text, mention, genre)], None, None
    found_kind = conference_kind(meeting)
    genre = document_genre(kind or found_kind) or "conference_report"
    plan = conference_statement(text, meeting, genre)
    if (relaying := relaying_level(text, meeting.scope)) is not None:
        plan = as_relayed(plan, relaying)  # 我县组织收看全省…会议。会后，副县长…要求: the county's plan
        meeting = replace(meeting, scope=relaying, region_code=None, flags=(*meeting.flags, LEVEL_FROM_RELAYING_BODY))
    shaped = MEETING_BY_SHAPE in meeting.flags  # a known meeting's text: only the sentences that announce (将…)
    if not plan["tasks"] and (deployed := deploy_statement(text, published, future_only=not shaped)):
        plan, meeting = _with_deployed_work(plan, meeting, deployed)
    reviewed = any(flag in (plan["flag"] or "").split(";") for flag in REVIEW_LEFT_OUT)  # the year before, at length
    # a national meeting is kept when it is the national health work conference or its lead presents a plan
    national = meeting.scope == "national" and (meeting.is_national_health_work_conference or presents_plan(text))
    if not plan["tasks"] and kind is None and not national and not reviewed and reports_no_work(text):
        return "other", [], None, "meeting_without_work"
    if kind is None and is_reporting_event(text, meeting.name, plan["tasks"]):
        return "other", [], None, REPORTING_EVENT  # a press conference, a symposium that hears views: it reports
    if kind is None and internal_meeting(text, meeting.name):
        return "other", [], None, INTERNAL_MEETING  # 党组扩大会议, 党史学习教育动员大会: no period's work of the sector
    return found_kind, [plan], meeting, None


def _recognisers(text: str, published: date | None) -> tuple[Callable[[], dict[str, Any] | None], ...]:
    """The readers of a plan stated outside a meeting or work points, in the order they are tried: an announced
    list, a new-year address, a heading or an issued document, a digest, a deploy sentence, combined evidence."""
    return (
        lambda: announced_statement(text, published),
        lambda: new_year_address(text, published),
        lambda: evidence_statement(text),
        lambda: digest_statement(text, published),
        lambda: deploy_statement(text, published),
        lambda: combined_statement(text, published),
    )


def _stated_plan(text: str, published: date | None) -> tuple[dict[str, Any] | None, bool]:
    """(the plan a text states outside a meeting or work points, whether a recogniser's plan was refused): the first
    recogniser's plan that names health work (pipeline.parse.health_work); a people's congress item that lists only
    the economy's work is no health plan, and the next recogniser is tried."""
    refused = False
    for recognise in _recognisers(text, published):
        if (found := recognise()) is not None:
            if states_health_work(text, found):
                return found, False
            refused = True
    return None, refused


def _with_deployed_work(
    plan: dict[str, Any], meeting: MeetingReport, deployed: dict[str, Any]
) -> tuple[dict[str, Any], MeetingReport]:
    """A meeting whose task readers found nothing takes the work of the text's deploy sentences (县卫健委党组
    及时召开会议，…我们要紧紧围绕…，着力构建…; for a meeting read by its known name, only the sentences that announce:
    2014年，…将建设50个乡镇卫生院便民中医馆) (flag tasks_from_deploy_sentences), and their year when it has none
    (flag work_year_from_deploy_sentence)."""
    flags = [flag for flag in (plan["flag"] or "").split(";") if flag and flag != "no_tasks"]
    flags.append(TASKS_FROM_DEPLOY_SENTENCES)
    plan = {**plan, "tasks": deployed["tasks"]}
    if plan["work_year"] is None and deployed["work_year"] is not None:
        flags = [flag for flag in flags if flag != "work_year_unknown"] + [WORK_YEAR_FROM_DEPLOY_SENTENCE]
        plan["work_year"] = deployed["work_year"]
        plan["issuer"] = issuer_for(plan["level"], plan["region_code"], plan["field"], plan["work_year"])
        meeting_flags = tuple(flag for flag in meeting.flags if flag != "work_year_unknown")
        meeting = replace(meeting, work_year=plan["work_year"], flags=(*meeting_flags, WORK_YEAR_FROM_DEPLOY_SENTENCE))
    plan["flag"] = ";".join(dict.fromkeys(flags))
    return plan, meeting


def conference_kind(meeting: MeetingReport) -> str:
    """Kind of a conference report without a manifest entry, from what the meeting parser found."""
    if meeting.commentary:
        return "conference_commentary"
    if meeting.scope == "national":
        return (
            "national_conference_report"
            if meeting.is_national_health_work_conference
            else "specialist_conference_report"
        )
    return f"{meeting.scope}_conference_report"


def _other_reason(kind: str | None, plans: list[dict[str, Any]], text: str = "") -> str:
    """Why a text is `other`: what each genre's parser looked for and did not find (a plan found and refused for
    naming no health work is said by _parse_by_genre)."""
    if kind == "other":
        return "manifest" + (";states_a_plan" if plans else "")
    if is_convening_notice(text):
        return "convening_notice"
    looked_for = "no_meeting_held;no_work_points_title;no_roundup_items;no_announced_plan;no_new_year_address;no_plan_evidence;no_deploy_sentence"
    return ";".join([looked_for, *_evidence_seen(text)])


def _evidence_seen(text: str) -> list[str]:
    """What a text left `other` does show, said after what was looked for: a health meeting named or held whose text
    deploys no work (meeting_without_work: a symposium, a ceremony, a meeting named in passing), a speech transcript
    that holds no health meeting deploying work (speech_without_plan), and a text that reports past work and names no
    year ahead (review_only)."""
    seen = []
    if find_mentions(text) or held_health_meetings(text):
        seen.append("meeting_without_work")
    if is_speech_transcript(text):
        seen.append(SPEECH_WITHOUT_PLAN)
    cues = lexicon()
    past = [*cues["review_periods"], *cues["deploy"]["past_words"]]
    if any(word in text for word in past) and not names_year_ahead(text):
        seen.append("review_only")
    return seen


def _first_year(text: str) -> int | None:
    match = re.search(r"(19|20)\d{2}(?=年)", text[:2000])
    return int(match.group()) if match else None


def _meeting_payload(text: str, report: MeetingReport, n_tasks: int) -> dict[str, Any]:
    """Meeting facts (the event); its tasks and commentary are carried by the plan statement, whose number
    of top-level tasks the meeting's n_tasks repeats (tasks read by a fallback reader included)."""
    payload = asdict(report)
    del payload["tasks"], payload["commentary"], payload["printed_date"]  # the printed date: complete_meeting's
    payload["n_tasks"] = n_tasks
    if n_tasks and "no_tasks" in payload["flags"]:
        payload["flags"] = [flag for flag in payload["flags"] if flag != "no_tasks"]
    payload["field"] = meeting_field(report.name)
    payload["start_date"] = report.start_date.isoformat() if report.start_date else None
    payload["end_date"] = report.end_date.isoformat() if report.end_date else None
    for section, row in zip(report.sections, payload["sections"], strict=True):
        row["text"] = text[section.start : section.end]
    return payload
