"""Formula targets: “3+9” before a pair of facilities to build is two counts, one per part.

争创“3+9”国家医学医疗“双中心” commits to 3 of the first kind and 9 of the second. A formula is a
name elsewhere (“4+1”改革, “2+5+11”布局, “1+5+N”) and stays masked by the formulas exclusion; it
is read as counts only when all its parts are numbers, a build verb stands right before it and the
noun after it names facilities (中心, 医院, 基地 …). Each part becomes its own target, flagged
'formula_part' because the text does not say which facility each number counts.
"""

from __future__ import annotations

import re

from pipeline.text.targets.lexicon import Lexicon, words_re
from pipeline.text.targets.phrases import clause, counted_noun, endswith
from pipeline.text.targets.record import Target

_FORMULA = re.compile(r"“?(\d+(?:\+\d+)+)”?")


def formula_targets(text: str, lex: Lexicon) -> list[Target]:
    """Targets read from number formulas before facilities to build, one per part."""
    found = []
    for m in _FORMULA.finditer(text):
        clause_start, clause_end = clause(text, m.start(), m.end())
        verb = endswith(text, clause_start, m.start(), lex.build_verbs)
        noun = counted_noun(text, m.end(), clause_end, lex)
        if verb is None or noun is None or not words_re(lex.formula_facilities).search(noun.word):
            continue
        start, end = m.start() - len(verb), noun.end
        if text.count("“", start, end) > text.count("”", start, end) and text.startswith("”", end):
            end += 1
        for part in m.group(1).split("+"):
            found.append(
                Target(
                    start=start,
                    end=end,
                    raw_text=text[start:end],
                    indicator="".join(ch for ch in text[noun.start : end] if ch not in "“”"),
                    action=verb,
                    value=float(part),
                    value_max=None,
                    unit=None,
                    comparator="eq",
                    is_change=True,
                    kind="count",
                    year=None,
                    flag="no_unit;formula_part",
                )
            )
    return found
