"""Why a text in which a reader found a meeting or a summary is `other` nonetheless, and what lets it through.

* a notice convening a meeting or a course (关于召开…会议的通知; a copy without its title that decides on the meeting
  and closes as a notice): the meeting is to come, its agenda is no plan;
* a local meeting report that ends on a whole sentence, says no word in the directive or future mood and names no
  year whose work it deployed (对下半年工作进行了部署): it only names the work (meeting_without_work), unless its list
  reviews the year before the plan's (the flags in REVIEW_LEFT_OUT);
* a text whose plans lost every item as one that only names political attitudes (增强“四个意识”; 以…的责任感和…的
  执行力) and that names no year whose work it deployed (attitudes_only);
* a text titled as a year-end summary (…工作总结) with no section planning a later year (summary_without_plan),
  unless its first sentence after the title reports a meeting held on a date and the meeting's work is read.

Lexicon: pipeline/data/meetings.toml [shape] directive_mood, deployed_year_work; pipeline/data/announced_plans.toml
convening_notice_*.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.parse.conference import conference_statement
from pipeline.parse.conference.report import MeetingReport
from pipeline.parse.lists.stances import ATTITUDE_LEFT_OUT
from pipeline.text.modal import expand

_TITLE_MAX = 80
_CJK_LINE = re.compile(r"(?:\n[^\u4e00-\u9fff\n]*)*\s*\Z")  # trailing lines with no Chinese character
# A meeting report whose list reviews the year before the plan's (its flag says so) reports the work meeting of that
# plan, though the copy shows none of its tasks: it is not demoted to `other` for want of a directive word.
REVIEW_LEFT_OUT = ("review_list_left_out", "review_year_list_left_out")
ATTITUDES_ONLY = "attitudes_only"


def infer_title(text: str) -> str | None:
    """The first paragraph when it is short enough to be a title."""
    first = text.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= _TITLE_MAX else None


@cache
def _directive_mood() -> tuple[re.Pattern[str], re.Pattern[str]]:
    shape = read_toml("meetings.toml")["shape"]
    return re.compile(expand(shape["directive_mood"])), re.compile(shape["deployed_year_work"])


def reports_no_work(text: str) -> bool:
    """A meeting report that ends on a whole sentence (no copy cut before its list), says no word in the directive or
    future mood (要…, 将…, 要求 with its content; not 提出了要求, 主要) and names no year whose work it deployed
    (部署了2018年工作任务): the work it deployed is only named (对下半年工作进行了部署)."""
    body = _CJK_LINE.sub("", text)  # page furniture after the last sentence (a lone |) cuts nothing
    mood, deployed_year = _directive_mood()
    return body.endswith(("。", "！", "？", "”", "」")) and not mood.search(body) and not deployed_year.search(body)


def only_attitudes(text: str, plans: list[dict[str, Any]]) -> bool:
    """Whether every plan read lost all its items as ones that only name political attitudes (增强“四个意识”; 以…的
    责任感和…的执行力) and the text names no year whose work it deployed (部署了2018年工作任务, 对2025年…工作作出
    部署: that year's plan is stated though none of its tasks is printed)."""
    emptied = all(not plan["tasks"] and ATTITUDE_LEFT_OUT in (plan["flag"] or "").split(";") for plan in plans)
    return bool(plans) and emptied and _directive_mood()[1].search(text) is None


@cache
def _convening_notice() -> re.Pattern[str]:
    return re.compile(read_toml("announced_plans.toml")["convening_notice_title"])


@cache
def _convening_notice_body() -> tuple[list[str], re.Pattern[str], re.Pattern[str]]:
    cues = read_toml("announced_plans.toml")
    return (
        cues["convening_notice_closes"],
        re.compile(cues["convening_notice_body"]),
        re.compile(cues["convening_notice_announces"]),
    )


def is_convening_notice(text: str) -> bool:
    """Whether the title is that of a notice convening a meeting or a training course (关于召开2011年全国…会议的通知),
    or, for a copy without it, the body decides on the meeting and closes as a notice (经研究决定，召开…会议。…特此通知)
    or announces its arrangements right after the decision (…会议。现将有关事宜通知如下：)."""
    if _convening_notice().match(infer_title(text) or "") is not None:
        return True
    closes, body, announces = _convening_notice_body()
    decided = body.search(text)
    if decided is None:
        return False
    return any(close in text[-120:] for close in closes) or announces.match(text, decided.end()) is not None


def reports_meeting(text: str, meeting: MeetingReport | None) -> bool:
    """Whether a text titled as a summary (…工作总结) reports a meeting held: the first sentence after its title
    names the meeting with its date (1月10日，县卫生健康局召开…会议), and the meeting's work is read. A summary that
    names a meeting held during the year (2023年，我局召开了…) does not."""
    if meeting is None or meeting.start_date is None:
        return False
    body = (text[text.find("\n") + 1 :] if "\n" in text else text).lstrip()
    first = body[: body.find("。") + 1]
    return meeting.name in first and bool(conference_statement(text, meeting, "conference_report")["tasks"])
