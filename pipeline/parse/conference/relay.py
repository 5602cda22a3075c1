"""A meeting of a higher level relayed by a lower one: the plan is the relaying body's.

A county watches a provincial video conference and then deploys its own work (我县在县分会场组织收看全省…电视电话
会议。会后，副县长…提出要求：一是…); a city's vice-mayor deploys after a national meeting (全国爱卫会召开…电视电话会议。
会议结束后，副市长…作了工作部署). The meeting read is the relayed one, but the plan the text states is the relaying
body's, one level lower. The relaying body is named in a sentence that opens with an after-cue (会后, 会议结束后)
and deploys (要求, 部署); a text that only watches the meeting and reports its requirements (我区组织收看…视频会。
会议指出…) states the higher plan, and a sentence naming several bodies (会后，各市县…) names no relaying one.
Lexicon: pipeline/data/meetings.toml [relay].
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.parse.conference.common import alternation, lexicon

LEVEL_FROM_RELAYING_BODY = "level_from_relaying_body"
_RANK = {"national": 3, "provincial": 2, "municipal": 1, "county": 0}
_SENTENCE = re.compile("[^。！？\n]+")


@cache
def _body() -> re.Pattern[str]:
    return re.compile(lexicon()["relay"]["body"])


def relaying_level(text: str, scope: str) -> str | None:
    """The level of the body that deploys its own work after relaying a meeting of `scope`, when it is lower; None
    when no sentence opening with an after-cue (会后，副县长…提出要求), or naming the lower body's branch venue (在我市
    分会场参加全省…电视电话会议，强调要…), names a lower body that deploys."""
    cfg = lexicon()["relay"]
    after, deploys = tuple(cfg["after_cues"]), re.compile(alternation(cfg["deploy_words"]))
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group().lstrip("，, ")
        at_branch = any(word in words for word in cfg["branch_venue_words"])
        if not (words.startswith(after) or at_branch) or deploys.search(words) is None:
            continue
        found = _body().search(words)
        if found is None or any(word in words[: found.start()] for word in cfg["several"]):
            continue
        level = cfg["levels"][found.group("a") or found.group("b") or found.group("c")]
        if _RANK[level] < _RANK.get(scope, -1):
            return level
    return None


def as_relayed(plan: dict[str, Any], level: str) -> dict[str, Any]:
    """The plan as the relaying body's: its level, its region still to be found (flag region_unresolved)."""
    flags = [flag for flag in (plan["flag"] or "").split(";") if flag and flag != "joint_meeting_of_regions"]
    flags += [LEVEL_FROM_RELAYING_BODY, "region_unresolved"]
    return {**plan, "level": level, "region_code": None, "issuer": None, "flag": ";".join(dict.fromkeys(flags))}
