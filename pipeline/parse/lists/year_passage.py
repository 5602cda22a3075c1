"""A second passage that sets out the work year's work (2021年，要加强…，加快…，持续…), besides a report's
list, read only in sentences whose framing names the work year: a list the sentence announces with its count
(重点做好四项工作：A；B；C；D, flag list_announced_clauses), else its ；-separated units when a directive verb leads
each (将加快A，提升…；持续深化B，推进…；全面提升C，…: one task per unit, flag list_verb_clauses), else its
verb-led comma clauses (list_prose_clauses). A sentence right after it in its paragraph that opens on a modal
(…要求2025年加强A，坚持B。要争创C，持续推进D。) goes on with the passage.

A conference report often gives the plan twice over: a leader's instruction (批示) or speech sets out the
year's work in one sentence of clauses, and the report's numbered list follows. Passages without the work
year (会议强调，全国卫生健康系统要全面加强党的建设…; 春节将至，要做好应急值守) are the meeting's standing
requirements, not the year's plan, and are not read.
"""

from __future__ import annotations

import re

from pipeline.parse.lists import unmarked
from pipeline.parse.lists.rules import DEPLOY, SENTENCE_WORDS, directive_at, is_modal_word, nearest_cue, rules
from pipeline.parse.lists.stances import reports_work_done


def _names_year(framing: str, year: int) -> bool:
    """Whether the words before a sentence's first clause set it in the work year (2021年，, 今年)."""
    years = {int(found) for found in re.findall(r"((?:19|20)\d{2})年", framing)}
    if years:
        return years == {year}
    return any(word in framing for word in rules()["cues"]["work_year_words"])


def _sentence_items(text: str, start: int, end: int) -> list[unmarked.Piece]:
    """The items of one sentence: an announced list, else ；-units each led by a directive verb, else comma clauses."""
    if announced := unmarked.announced_items(text, start, end):
        return announced
    if re.search("[；;]", text[start:end]) and (units := unmarked.clause_items(text, start, end)):
        return units
    return unmarked.prose_items(text, start, end)


def year_passage_pieces(text: str, year: int, taken: list[tuple[int, int]]) -> list[unmarked.Piece]:
    """The verb-led comma clauses of deploying sentences set in `year`, outside the spans `taken` (the
    report's own list), in text order."""
    found: list[unmarked.Piece] = []
    going_on = -1  # the end of the last sentence read: a requirement right after it goes on with the passage
    for sentence in SENTENCE_WORDS.finditer(text):
        s, e = sentence.start(), sentence.end()
        paragraph_start = text.rfind("\n", 0, s) + 1
        paragraph_end = text.find("\n", e)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        if any(a < paragraph_end and paragraph_start < b for a, b in taken):
            continue  # the list's own paragraph: a sentence there is its lead, not a second list
        pieces = _sentence_items(text, s, e)
        if not pieces:
            going_on = -1
            continue
        framing = text[s : pieces[0].start]
        if _names_year(framing, year) and nearest_cue(text[paragraph_start : pieces[0].start]) == DEPLOY:
            found += pieces
            going_on = e
        elif going_on >= 0 and text[going_on:s].strip("。！？ \t\u3000") == "" and _is_requirement(text, s, e):
            found += pieces  # …，要求2025年加强A，坚持B。要争创C，持续推进D。: the requirement goes on with it
            going_on = e
        else:
            going_on = -1
    return found


def headless_run_pieces(text: str, taken: list[tuple[int, int]]) -> list[unmarked.Piece]:
    """The measures of deploying sentences outside the paragraphs of the spans `taken` that are one headless run of
    comma clauses ([headless_run] min_measures or more verb-led measures, none reporting a result, no ；-units or
    announced list) after words of the sentence that deploy work (会议要求，; 总体思路是：), flagged list_headless_run."""
    config = rules()["headless_run"]
    found: list[unmarked.Piece] = []
    for sentence in SENTENCE_WORDS.finditer(text):
        s, e = sentence.start(), sentence.end()
        paragraph_start = text.rfind("\n", 0, s) + 1
        paragraph_end = text.find("\n", e)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        if any(a < paragraph_end and paragraph_start < b for a, b in taken) or re.search("[；;]", text[s:e]):
            continue
        if unmarked.announced_items(text, s, e):
            continue
        pieces = unmarked.prose_items(text, s, e)
        if len(pieces) < config["min_measures"] or any(reports_work_done(text, [(p.start, p.end)]) for p in pieces):
            continue
        if re.search("[：:]", text[pieces[0].start : e]):
            continue  # a heading and its measures (加快推进医改：深化…，推进…，健全…): the depth-2 readers' shape
        lead = text[s : pieces[0].start]
        cue = nearest_cue(lead)
        pointed = cue is None and any(word in lead for word in config["pointing_cues"])
        if cue == DEPLOY or pointed:  # the sentence announces work itself (会议要求，…; 总体思路是：…; 会议指出，…)
            found += [unmarked.Piece(p.start, p.end, None, config["flag"]) for p in pieces]
    return found


def lead_year(lead: str) -> int | None:
    """The year a passage's lead-in sets it in by a clause that only says when (李某指出，2024年，全市…: 2024; [cues]
    time_lead), the last such; None without one (到2025年 and 2024年全市… are no such clause)."""
    years = [
        int(clause[:4])
        for clause in (c.strip() for c in re.split("[，,：:]", lead))
        if unmarked.only_attributes(clause, 0, len(clause)) and re.match(r"(?:19|20)\d{2}年", clause)
    ]
    return years[-1] if years else None


def in_earlier_years(leads: list[str]) -> list[bool]:
    """For the lead-ins of a text's passages, in order: which passage reviews a year, set in a year before the one a
    later passage is set in (2024年，全市…推进A，深化B。/ 2025年，全市要…: the first reviews the year before the
    plan's) with no modal after its year to set it in the mood of work to come (2024年，全市要…, 将… stay work)."""
    years = [lead_year(lead) for lead in leads]
    return [
        year is not None and any(later is not None and later > year for later in years[n + 1 :]) and not _in_mood(lead, year)
        for n, (year, lead) in enumerate(zip(years, leads, strict=True))
    ]


def _in_mood(lead: str, year: int) -> bool:
    """Whether a framing modal (要, 将, 必须; not the 要 of 要求) follows the year's clause in the lead-in."""
    after = lead.rfind(f"{year}年") + 5
    modals = "|".join(rules()["shape"]["framing_modals"])
    return any(not is_modal_word(lead, after + m.start()) for m in re.finditer(modals, lead[after:]))


def _is_requirement(text: str, start: int, end: int) -> bool:
    """Whether a sentence opens on a modal that leads work (要争创…), not on a word such as 要素."""
    lead = directive_at(text, start, end)
    return lead is not None and lead.kind == "modal"
