"""Evidence that a text REPORTS or RELAYS rather than deploys, weighed against the evidence that it deploys.

The readers of pipeline/parse mostly add evidence of deployment; this is the counterweight, said in documents.flag
when it keeps a text `other`:

* relayed_by_institution: the title or a lead sentence says an institution (a hospital, an association, a university;
  no government body of a region) relays or studies another body's meeting (…医院传达学习全省卫生健康工作半年推进会
  精神; 8月29日上午，省计生协召开全体干部会议，学习传达全国…大会精神). What such a meeting asks of the institution's
  own staff (要提高认识…；要在网站开辟专栏…) is no region's health plan, whatever it deploys.
* reporting_event: the text's meeting is a press conference (…新闻发布会) or a symposium that hears views (召开座谈会，
  听取…意见建议), no reader found a task, its lead presents no plan (介绍…工作进展和工作要点) and no sentence announces
  work (未来将推动…, 下一步要加强…): the event reports what was done and heard.

Lexicon: pipeline/data/reporting.toml.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.parse.lists.rules import directive_at

RELAYED_BY_INSTITUTION = "relayed_by_institution"
REPORTING_EVENT = "reporting_event"
_LEAD_CHARS = 400
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
        "hears": re.compile(event["hears"]),
        "announces": re.compile(event["announces"]),
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
    words, verb = _subject_verb(sentence)
    if verb is None or _patterns()["relays"].search(words, verb.start()) is None:
        return None
    return words[: verb.start()]


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


def _lead(text: str) -> list[str]:
    """The title (a first line without a sentence mark) and the first sentence whose subject holds, gathers or
    relays (召开, 组织, 传达…) within the first 400 characters: the text's own event."""
    sentences = [m.group() for m in _SENTENCE.finditer(text, 0, min(len(text), _LEAD_CHARS))]
    lead = [sentences[0]] if sentences and text.startswith(sentences[0] + "\n") else []
    for sentence in sentences[len(lead) :]:
        if _subject_verb(sentence)[1] is not None:
            return [*lead, sentence]
    return lead


def _announces_work(text: str) -> bool:
    """Whether a sentence announces work: a future or directive word followed by a directive verb (未来将推动…,
    下一步要加强…, 明年计划开展…)."""
    for match in _patterns()["announces"].finditer(text):
        end = text.find("。", match.end())
        if directive_at(text, match.end(), len(text) if end < 0 else end) is not None:
            return True
    return False


def is_reporting_event(text: str, meeting_name: str) -> bool:
    """Whether the meeting is a press conference (its name) or a symposium whose lead hears views (座谈会 with
    听取…意见建议), its lead presents no plan (介绍…工作要点) and no sentence of the text announces work."""
    event = _lexicon()["event"]
    press = any(name in meeting_name for name in event["press_names"])
    hearing = any(name in meeting_name for name in event["hearing_names"]) and bool(
        _patterns()["hears"].search(text, 0, event["lead_chars"])
    )
    return (press or hearing) and not presents_plan(text) and not _announces_work(text)


def presents_plan(text: str) -> bool:
    """Whether the lead (the first 300 characters) names a plan the event presents or deploys (介绍…工作要点,
    部署…重点工作): evidence of deployment however little of it the page prints."""
    event = _lexicon()["event"]
    return any(noun in text[: event["lead_chars"]] for noun in event["plan_nouns"])
