"""The 要 of the directive mood, apart from the words that only hold the character.

Many words hold 要 without leading a requirement: nouns and adjectives (主要, 重要, 纲要, 摘要, 要素, 要点), 要求 (which
the readers that want it match on its own, with what is required after it), 需要, 只要. One list of them,
pipeline/data/lists.toml [directive] yao_words, serves every reader that looks for the mood: the list reader's modal
opener, the meeting gate's directive mood (meetings.toml [shape] directive_mood), the work year's directive and deploy
words (work_years.toml) and the reported figures' commitment cues (reported_figures.toml). A regex in those files
writes `{YAO}` where it means "a 要 that is none of these words"; `expand` puts the pattern in its place.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.data import read_toml

PLACEHOLDER = "{YAO}"


@cache
def yao_words() -> tuple[str, ...]:
    """The words that hold 要 without leading a requirement (each two characters, one of them 要)."""
    return tuple(read_toml("lists.toml")["directive"]["yao_words"])


@cache
def yao_pattern() -> str:
    """A regex for a 要 that is no part of one of `yao_words`: a lookbehind per character a word prints before 要,
    a lookahead per character one prints after it (主要 → (?<!主), 要素 → (?!素))."""
    before = sorted({word[0] for word in yao_words() if word.endswith("要")})
    after = sorted({word[-1] for word in yao_words() if word.startswith("要")})
    behind = "".join(f"(?<!{re.escape(char)})" for char in before)
    ahead = "".join(f"(?!{re.escape(char)})" for char in after)
    return f"(?:{behind}要{ahead})"


def expand(regex: str) -> str:
    """The regex with `{YAO}` replaced by `yao_pattern`."""
    return regex.replace(PLACEHOLDER, yao_pattern())
