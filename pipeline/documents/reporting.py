"""Evidence that a text REPORTS or RELAYS rather than deploys, weighed against the evidence that it deploys.

The readers of pipeline/parse mostly add evidence of deployment; this is the counterweight, said in documents.flag
when it keeps a text `other`:

* relayed_by_institution: the title or a lead sentence says an institution (a hospital, an association, a university;
  no government body of a region) relays or studies another body's meeting (…医院传达学习全省卫生健康工作半年推进会
  精神; 8月29日上午，省计生协召开全体干部会议，学习传达全国…大会精神). What such a meeting asks of the institution's
  own staff (要提高认识…；要在网站开辟专栏…) is no region's health plan, whatever it deploys.
* relayed_without_year: the title or a lead sentence relays or studies the spirit of a meeting that is no work
  conference (any subject, a province's party committee as well: 省委召开会议，传达学习全国卫生与健康大会精神，研究贯彻
  落实意见; a plenum), the text names no year (2024年, 今年, 新的一年, 下半年…) and its lead presents no plan: it asks
  to study and carry out a direction, no year's work. A relay of a work conference carries on the work it deployed.
* reporting_event: the text's meeting is a press conference (…新闻发布会) or a symposium that hears views (召开座谈会，
  听取…意见建议), no reader found a task, its lead presents no plan (介绍…工作进展和工作要点) and no sentence announces
  work (未来将推动…, 下一步要加强…): the event reports what was done and heard.
* internal_notice: the text is a notice (its title ends in 通知, or it closes 特此通知) whose addressee line names one
  institution's own units (全院各部门、科室：; 各临床科室：), no government body or region's units: what it asks of its
  staff (学习记录…提交医院办公室) is no region's plan, whatever meeting it relays.
* internal_meeting: the text's meeting is one of a body's own party group, leadership or staff, or mobilises a party
  campaign (党组扩大会议, 委务会, 党员干部大会, 党史学习教育动员大会), its name names no work meeting, it relays no
  work conference's spirit (传达学习了全省卫生健康工作会议精神) and no sentence deploys a year's work (部署了2023年
  重点工作; 要谋划部署2023年… is still to come): what it asks answers near-term matters and the campaign, it deploys
  no period's work of the sector.
* inspection_visit: the text's own event (its title or its first sentence) is an official's inspection or research
  visit (蓝某副省长来我委调研…; 市人大常委会副主任带队视察…; 市委书记到县医院检查指导…), and no sentence deploys or
  announces a year's work (部署2019年重点工作; 2019年，我委将…): what the visitor saw and asked (下一步要…, 他要求…)
  is a report of the visit, not a plan. A conference report that mentions a visit later keeps its plan.

Lexicon: pipeline/data/reporting.toml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.parse.lists.rules import directive_at

RELAYED_BY_INSTITUTION = "relayed_by_institution"
RELAYED_WITHOUT_YEAR = "relayed_without_year"
REPORTING_EVENT = "reporting_event"
INTERNAL_NOTICE = "internal_notice"
INSPECTION_VISIT = "inspection_visit"
INTERNAL_MEETING = "internal_meeting"
_CJK = re.compile("[\u4e00-\u9fff]")
_MIN_LEAD_CJK = 10  # a lead sentence has at least this many Chinese characters (not a date or a source line)
_LEAD_CHARS = 400
_VISIT_TITLE_CHARS = 80  # a visit's title line (longer first lines are a sentence of the body)
_SENTENCE = re.compile("[^。！？\n]+")


@cache
def _lexicon() -> dict[str, Any]:
    return read_toml("reporting.toml")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    relay, event = _lexicon()["relay"], _lexicon()["event"]
    return {
        "date_lead": re.compile(relay["date_lead"]),
        "subject_end": re.compile(relay["subject_end"]),
        "relays": re.compile(relay["relays"]),
        "year_words": re.compile(relay["year_words"]),
        "work_conference": re.compile(relay["work_conference"]),
        "hears": re.compile(event["hears"]),
        "announces": re.compile(event["announces"]),
        "issued": re.compile(event["issued"]),
    }


def _subject_verb(sentence: str) -> tuple[str, re.Match[str] | None]:
    """A sentence's words after its date lead, and the verb that ends its subject (召开, 组织, 传达…) within
    [relay] max_subject characters, or None when there is none or the sentence opens on it (no subject)."""
    patterns = _patterns()
    words = sentence.strip()
    words = words[patterns["date_lead"].match(words).end() :]  # type: ignore[union-attr]  # the pattern matches empty
    verb = patterns["subject_end"].search(words, 0, _lexicon()["relay"]["max_subject"] + 1)
    return words, verb if verb is not None and verb.start() > 0 else None


def _relaying_subject(sentence: str) -> str | None:
    """The subject of a lead sentence that relays or studies a meeting's spirit, or None."""
    found = _relaying(sentence)
    return None if found is None else found[0]


def _relaying(sentence: str) -> tuple[str, str] | None:
    """(subject, relaying clause) of a lead sentence that relays or studies a meeting's spirit, or None."""
    words, verb = _subject_verb(sentence)
    relays = None if verb is None else _patterns()["relays"].search(words, verb.start())
    return None if verb is None or relays is None else (words[: verb.start()], relays.group())


def relayed_by_institution(text: str) -> bool:
    """Whether the title or the lead sentence has an institution as the subject that relays or studies a meeting's
    spirit: a hospital, an association or a university, not a government body. A later sentence (随后，县人民医院
    传达了…精神) is one item of another body's meeting."""
    relay = _lexicon()["relay"]
    for sentence in _lead(text):
        subject = _relaying_subject(sentence)
        if subject is None:
            continue
        if any(word in subject for word in relay["government"]):
            return False
        return any(word in subject for word in relay["institutions"])
    return False


def relayed_without_year(text: str) -> bool:
    """Whether the title or the lead sentence relays or studies the spirit of a meeting that is no work conference
    (any subject: 省委召开会议，传达学习全国卫生与健康大会精神; [relay] work_conference: 全省卫生健康工作会议 deployed
    work), the text names no year of work anywhere ([relay] year_words: 2024年, 今年, 新的一年, 下半年…) and its lead
    presents no plan (工作要点, 重点工作): it asks to study and carry out a direction, no year's work. A body's own
    meeting (党员干部大会, 党组会: [internal] names) is internal_meeting's."""
    found = [(sentence, relaying[1]) for sentence in _lead(text) if (relaying := _relaying(sentence)) is not None]
    if not found or any(_patterns()["work_conference"].search(clause) for _, clause in found):
        return False
    if any(_internal_patterns()["names"].search(sentence, 0, sentence.find(clause)) for sentence, clause in found):
        return False  # 召开机关党员干部大会，传达学习…精神: a body's own meeting, internal_meeting says why
    return _patterns()["year_words"].search(text) is None and not presents_plan(text)


def _lead(text: str) -> list[str]:
    """The title (a first line without a sentence mark) and the first sentence whose subject holds, gathers or
    relays (召开, 组织, 传达…) within the first 400 characters: the text's own event."""
    title = _title_line(text, _LEAD_CHARS)
    lead = [] if title is None else [title]
    for sentence in (m.group() for m in _SENTENCE.finditer(text, len(title or ""), min(len(text), _LEAD_CHARS))):
        if _subject_verb(sentence)[1] is not None:
            return [*lead, sentence]
    return lead


def _title_line(text: str, max_chars: int) -> str | None:
    """The text's first line when it is a title: words without a sentence mark (。！？), at most `max_chars`
    characters, a line break after them."""
    first, newline, _ = text.partition("\n")
    return first if newline and first and _SENTENCE.fullmatch(first) and len(first) <= max_chars else None


def _announces_work(text: str) -> bool:
    """Whether a sentence announces work: a future or directive word followed by a directive verb (未来将推动…,
    下一步要加强…, 明年计划开展…)."""
    for match in _patterns()["announces"].finditer(text):
        end = text.find("。", match.end())
        if directive_at(text, match.end(), len(text) if end < 0 else end) is not None:
            return True
    return False


def is_reporting_event(text: str, meeting_name: str, tasks: Sequence[dict[str, Any]] = ()) -> bool:
    """Whether the meeting is a press conference (its name) or a symposium whose lead hears views (座谈会 with
    听取…意见建议), its lead presents no plan (介绍…工作要点) and no sentence of the text announces work. `tasks`: the
    tasks read from it, each of which must report a document issued (一是印发《…》，要求…: a press conference's news)."""
    event = _lexicon()["event"]
    press = any(name in meeting_name for name in event["press_names"])
    if tasks and not (press and all(_patterns()["issued"].match(text, task["start"]) for task in tasks)):
        return False
    hearing = any(name in meeting_name for name in event["hearing_names"]) and bool(
        _patterns()["hears"].search(text, 0, event["lead_chars"])
    )
    return (press or hearing) and not presents_plan(text) and not _announces_work(text)


def presents_plan(text: str) -> bool:
    """Whether the lead (the first 300 characters) names a plan the event presents or deploys (介绍…工作要点,
    部署…重点工作): evidence of deployment however little of it the page prints."""
    event = _lexicon()["event"]
    return any(noun in text[: event["lead_chars"]] for noun in event["plan_nouns"])


@cache
def _notice_patterns() -> dict[str, re.Pattern[str]]:
    notice = _lexicon()["notice"]
    return {key: re.compile(notice[key]) for key in ("title", "addressee", "own_units", "region_units")}


def internal_notice(text: str) -> bool:
    """Whether the text is a notice (a title line ending in 通知, or 特此通知 closing it) whose addressee line, in the
    first lines after the title, names one institution's own units (全院各部门、科室：) and no government body or
    region's units (委机关各科室, 各乡镇卫生院)."""
    notice, patterns = _lexicon()["notice"], _notice_patterns()
    lines = [line.strip() for line in text.split("\n")]
    titled = patterns["title"].search(lines[0]) is not None
    if not titled and not any(close in text[-150:] for close in notice["closes"]):
        return False
    for line in lines[: 1 + notice["addressee_lines"]]:  # a copy without its title opens on the addressee line
        if patterns["addressee"].match(line):
            return patterns["own_units"].search(line) is not None and patterns["region_units"].search(line) is None
    return False


@cache
def _visit_patterns() -> dict[str, re.Pattern[str]]:
    visit = _lexicon()["visit"]
    lead = f"[^，,。；！？：\\s]{{0,30}}?{visit['official']}[^。；！？]{{0,{visit['max_lead']}}}?(?P<verb>{visit['verb']})"
    return {
        "lead": re.compile(lead),
        "meeting_words": re.compile(visit["meeting_words"]),
        "meeting_after": re.compile(visit["meeting_after"]),
        "deploys": re.compile(visit["deploys"]),
    }


def _visit_sentence(sentence: str) -> bool:
    """Whether a sentence, once its date lead is set aside, opens on an official who visits (副省长蓝某来我委调研; 市委
    书记李某到县人民医院检查指导), with no meeting word before the visit's verb (主持召开调研座谈会) and no meeting named
    by it (调研座谈会)."""
    patterns = _visit_patterns()
    words = sentence.strip()
    words = words[_patterns()["date_lead"].match(words).end() :]  # type: ignore[union-attr]  # the pattern matches empty
    found = patterns["lead"].match(words)
    if found is None or patterns["meeting_words"].search(words, 0, found.start("verb")):
        return False
    return patterns["meeting_after"].match(words, found.end("verb")) is None


def _visit_lead(text: str) -> list[str]:
    """The title (a first line without a sentence mark) and the first sentence of the text's body that is one (at
    least 10 Chinese characters: not a date or a source line)."""
    title = _title_line(text, _VISIT_TITLE_CHARS)
    lead = [] if title is None else [title]
    for sentence in _SENTENCE.finditer(text, len(title or ""), min(len(text), _LEAD_CHARS)):
        if len(_CJK.findall(sentence.group())) >= _MIN_LEAD_CJK:
            return [*lead, sentence.group()]
    return lead


def inspection_visit(text: str) -> bool:
    """Whether the text's own event (its title or first sentence) is an official's inspection or research visit and
    no sentence deploys or announces a year's work (部署2019年重点工作; 2019年，我委将…; 新的一年要…)."""
    if not any(_visit_sentence(sentence) for sentence in _visit_lead(text)):
        return False
    return _visit_patterns()["deploys"].search(text) is None


@cache
def _internal_patterns() -> dict[str, re.Pattern[str]]:
    internal = _lexicon()["internal"]
    deployed = read_toml("meetings.toml")["shape"]["deployed_year_work"]
    return {
        "names": re.compile(internal["names"]),
        "work_meeting": re.compile(internal["work_meeting"]),
        "to_come": re.compile(f"(?:{internal['to_come']})$"),
        "relays_work_meeting": re.compile(internal["relays_work_meeting"]),
        "deployed": re.compile(f"{deployed}|{internal['deploys_this_year']}"),
    }


def internal_meeting(text: str, meeting_name: str) -> bool:
    """Whether the meeting is one of a body's own party group, leadership or staff, or mobilises a party campaign
    (its name: 党组扩大会议, 委务会, 党员干部大会, 党史学习教育动员大会), its name names no work meeting (…暨2024年工作
    部署会), the text relays no work conference's spirit (传达学习了全省卫生健康工作会议精神) and no sentence deploys
    a year's work (部署了2023年重点工作, 安排部署今年重点工作, 对2023年度工作进行谋划), one still to plan
    (要谋划部署2023年…) aside."""
    patterns = _internal_patterns()
    if patterns["names"].search(meeting_name) is None or patterns["work_meeting"].search(meeting_name):
        return False
    if patterns["relays_work_meeting"].search(text):
        return False  # 传达学习了全省卫生健康工作会议精神: the year's work carried to the body
    return not any(
        patterns["to_come"].search(text, max(0, found.start() - 4), found.start()) is None
        for found in patterns["deployed"].finditer(text)
    )
