"""The measures inside one item of a list: its depth-2 tasks when the item is a heading followed by them.

* `requirement_measures`: after a requirement's headline (要突出重点难点，全面抓实…工作任务，落实…，办好…，强化…。), the
  verb-led comma clauses of its first sentence, and of its later sentences when a bare modal leads it (要A，B。C，D，E。);
  `announced_measures`: those, when the headline announces them (`announces_measures`); a sentence of a few specific
  measures (要全面推广…经验，推进…改革，加快…建设。) is one task;
* `comma_measures`: short verb-led comma clauses after the headline when it announces them, or making up a later
  sentence;
* `headline_sentence_measures`: after a headline that is a sentence of one clause (一是科学精准做好…工作。), or a
  short double headline of two verb-led clauses (二要提升公共卫生服务能力，推进健康城市建设。) followed by three or more
  measures, the verb-led comma clauses of the one sentence that ends the item (at its ；, or its 。) when it is made
  (almost) only of them, however long each is (继续加强监测预警，加强重点人群管理…，推进…。);
  `opens_on_headline_sentence` tells an item of a one-clause headline (the share of a list of headings);
* `in_counted_list`: whether the list was announced with its count (十大重点任务分别为：…), whose items are the tasks.

Pieces are pipeline.parse.lists.unmarked's, offsets absolute; attitudes (提高政治站位) are left out.
"""

from __future__ import annotations

import re

from pipeline.parse.lists import unmarked
from pipeline.parse.lists.rules import is_attitude, is_framing, is_generic, rules, verb_at
from pipeline.parse.lists.stances import slogan_runs

TITLE_END = re.compile("[，,。；;：:！？\n]")
_SENTENCES = re.compile("[^。！？]+[。！？]?")


def in_counted_list(text: str, position: int) -> bool:
    """Whether the paragraph of `position` announces its list with a count before it (十大重点任务分别为：A；B；…):
    the count names the items as the tasks, and their measures stay inside them."""
    paragraph = text.rfind("\n", 0, position) + 1
    colons = re.finditer("[：:]", text[paragraph:position])
    return any(unmarked.announces_count(text[paragraph : paragraph + colon.end()]) for colon in colons)


def requirement_measures(text: str, start: int, end: int, marker: str | None) -> list[unmarked.Piece]:
    """The measures of a requirement (要健全工作机制，完善…，统筹推进…。): after its headline, the verb-led
    comma clauses of its first sentence when the rest of the sentence is made of them (list_prose_clauses,
    as unmarked.prose_items reads a sentence), however long each is, and those of its later sentences made of
    them when it is led by a bare modal (要A，B。C，D，E。); closing calls (推动…事业高质量发展) are left out."""
    sentence = re.match("[^。！？]+", text[start:end])
    if sentence is None:
        return []
    headline = TITLE_END.search(text, start, start + sentence.end())
    if headline is None:
        return []
    pieces = unmarked.prose_items(text, headline.end(), start + sentence.end())
    if marker in rules()["directive"]["modals"]:  # 要A，B。C，D。: C and D too (一要… elaborates its head)
        pieces += unmarked.prose_items(text, start + sentence.end(), end)
    return _work(text, pieces)


def announced_measures(text: str, start: int, end: int, marker: str | None) -> list[unmarked.Piece]:
    """The requirement_measures of the item text[start:end] when its headline announces them (announces_measures);
    else none: the item is one task. Measures only in the sentences after a headline sentence elaborate it
    (要聚焦重点任务，全力攻坚突破。做好…，提前谋划…，深入推进…。: one task, however many); short ones making up a
    sentence are comma_measures' (要坚持高站位谋划。做好顶层设计，深化医改创新，强化队伍建设。)."""
    pieces = requirement_measures(text, start, end, marker)
    sentence = re.match("[^。！？]+", text[start:end])
    headline = TITLE_END.search(text, start, start + sentence.end()) if sentence else None
    if headline is None or not pieces:
        return []
    if pieces[0].start >= start + sentence.end():
        return []  # a headline sentence, then sentences that elaborate it
    parallel = short_parallel(text, pieces)
    announced = announces_measures(text, start, headline.end(), start + sentence.end(), len(pieces), end, parallel)
    return pieces if announced else []


def announces_measures(
    text: str,
    start: int,
    after_headline: int,
    sentence_end: int,
    measures: int,
    item_end: int | None = None,
    parallel: bool = False,
) -> bool:
    """Whether a requirement's sentence text[start:sentence_end] is a headline and its measures (several tasks) rather
    than one task of a few measures (要全面推广…经验，推进…改革，加快…建设。: one task, CONVENTIONS 3): it lists at
    least [shape] min_many_measures of them and the item (up to item_end) is no item among others (among_items), or its
    headline (up to after_headline) or the clause after it names no work of its own (a double headline 突出重点难点，全面
    抓实卫生健康工作任务; 把…放到…中谋划，坚持…理念; 深刻把握新要求: is_generic or is_framing), so that the headline
    announces the measures after it. `parallel`: the measures are short parallel works (short_parallel), tasks even
    in an item among others."""
    many = measures >= rules()["shape"]["min_many_measures"]
    if many and (parallel or not among_items(text, start, sentence_end if item_end is None else item_end)):
        return True
    stop = TITLE_END.search(text, after_headline, sentence_end)
    clauses = [unmarked.trim_span(text, start, after_headline), unmarked.trim_span(text, after_headline, stop.start() if stop else sentence_end)]
    return any(s < e and (is_generic(text, s, e) or is_framing(text, s, e)) for s, e in clauses)


def short_parallel(text: str, pieces: list[unmarked.Piece]) -> bool:
    """Whether an item's measures are short parallel works (持续深化综合医改，加快完善基础设施，大力开展健康行动，抓好
    抓实健康保障): at least [shape] min_short_measures of them, a share of at least short_measure_share of all, of at
    most short_measure_chars characters each and within short_measure_spread of each other in length, no word of two
    characters recurring in the last four characters of more than half of them (加强队伍建设，优化队伍结构，提高队伍
    素质 continue one topic)."""
    shape = rules()["shape"]
    words = [text[p.start : p.end].strip("，,、；;。 ") for p in pieces]
    short = [w for w in words if len(w) <= shape["short_measure_chars"]]
    numerator, denominator = shape["short_measure_share"]
    if len(short) < shape["min_short_measures"] or len(short) * denominator < len(words) * numerator:
        return False
    if max(map(len, short)) - min(map(len, short)) > shape["short_measure_spread"]:
        return False
    heads = [{w[-4:][i : i + 2] for i in range(len(w[-4:]) - 1)} for w in short]
    return all(2 * sum(word in head for head in heads) <= len(short) for word in set().union(*heads))


def among_items(text: str, start: int, end: int) -> bool:
    """Whether the item text[start:end] is one of several items of a list printed in its sentence or its run of
    sentences: another item stands before or after it in the sentence, past a ；(…；二要A，B，C，D；三要…; a ；inside
    the item only groups its measures), or a neighbouring sentence of its paragraph opens on the same lead (坚持A，…。
    坚持B，…。: [shape] same_lead_chars after a modal). Such an item is a headline with the measures that carry it
    out, one task however many (the read keys); a requirement that is a sentence of its own (要A，B，C，D，E。) lists
    its measures as tasks."""
    separators, stops = rules()["shape"]["item_separators"], "。！？!?\n"
    words_end = unmarked.trim_span(text, start, end, "，,、；;：:。")[1]
    sentence_start = max(text.rfind(c, 0, start) for c in stops) + 1
    sentence_end = min((i for i in (text.find(c, words_end) for c in stops) if i >= 0), default=len(text))
    if any(c in text[sentence_start:start] for c in separators):
        return True
    after = re.search(f"[{separators}]", text[words_end:sentence_end])
    if after is not None and re.search(r"[\u4e00-\u9fff]", text[words_end + after.end() : sentence_end]):
        return True
    lead = _lead(text, start)
    if not lead:
        return False
    paragraph_start, paragraph_end = text.rfind("\n", 0, start) + 1, text.find("\n", words_end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    before = [m.start() for m in _SENTENCES.finditer(text, paragraph_start, sentence_start)]
    following = [m.start() for m in _SENTENCES.finditer(text, min(sentence_end + 1, paragraph_end), paragraph_end)]
    return any(_lead(text, s) == lead for s in before[-1:] + following[:1])


def _lead(text: str, start: int) -> str:
    """The first [shape] same_lead_chars characters of the words at `start`, after spaces and a modal (要坚持… → 坚持)."""
    size = rules()["shape"]["same_lead_chars"]
    while start < len(text) and text[start] in " \t\u3000":
        start += 1
    start += next((len(m) for m in rules()["directive"]["modals"] if text.startswith(m, start)), 0)
    lead = text[start : start + size]
    return lead if len(lead) == size and re.fullmatch(r"[\u4e00-\u9fff]+", lead) else ""


def headline_names_no_work(text: str, start: int, end: int) -> bool:
    """Whether the first clause of the item text[start:end] relays, exhorts or frames (始终坚持把…思想作为…的“纲”与
    “魂”; 坚持以…为指导): with one measure after it, that measure is the item's task (reader._with_children)."""
    stop = TITLE_END.search(text, start, end)
    clause_end = stop.start() if stop else end
    return is_generic(text, start, clause_end) or is_framing(text, start, clause_end)


def comma_measures(text: str, start: int, end: int) -> list[unmarked.Piece]:
    """Short verb-led comma clauses after the item's headline in its first sentence when the headline announces them
    (announces_measures: 突出重点难点，全面抓实…工作任务，落实…，办好…，强化…), or making up a later sentence entirely
    (坚持高站位谋划。做好顶层设计，深化医改创新，强化队伍建设。)."""
    sentences = [(start + m.start(), start + m.end()) for m in _SENTENCES.finditer(text[start:end])]
    for number, (s, e) in enumerate(sentences):
        if number == 0:
            headline = TITLE_END.search(text, s, e)
            found = unmarked.comma_items(text, headline.end() if headline else e, e)
            parallel = short_parallel(text, found)
            announced = headline and announces_measures(text, s, headline.end(), e, len(found), end, parallel)
            found = found if announced else []
        else:
            found = unmarked.comma_items(text, s, e)
            whole = found and found[0].start == unmarked.trim_span(text, s, e)[0] and found[-1].end >= e - 1
            found = found if whole else []
        slogans = slogan_runs(text, [(p.start, p.end) for p in found])
        found = [p for p in found if p.end not in slogans]
        if len(found) >= 2:
            return found
    return []


def opens_on_headline_sentence(text: str, start: int, end: int) -> bool:
    """Whether the item text[start:end] is a headline that is a whole sentence of one clause (一是突出医改重点领域和
    关键环节。) and one sentence after it, or a double headline (is_headline) and a sentence of its measures
    (headline_sentence_measures); a double headline with fewer measures is a run-on item."""
    clauses = _headline_clauses(text, start, end)
    return clauses == 1 or (clauses == 2 and bool(headline_sentence_measures(text, start, end)))


def _headline_clauses(text: str, start: int, end: int) -> int:
    """How many comma clauses the headline sentence of the item text[start:end] has when the item is that sentence and
    one sentence after it (1, or 2 for a double headline, is_headline); 0 when it is not such an item."""
    sentences = [(start + m.start(), start + m.end()) for m in _SENTENCES.finditer(text[start:end])]
    sentences = [(s, e) for s, e in sentences if text[s:e].strip("。！？ \n")]
    if len(sentences) != 2 or text[sentences[0][1] - 1] not in "。！？":
        return 0  # a headline alone, or a paragraph of several sentences after it: no list of its measures
    words = unmarked.trim_span(text, sentences[0][0], sentences[0][1], "，,、；;：:。！？")
    return len(unmarked.clause_spans(text, words[0], words[1], "，,")) if is_headline(text, words[0], words[1]) else 0


def is_headline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a sentence's words) is a headline: one clause (突出医改重点领域和关键环节), or a double
    headline of two comma clauses, each led by a directive verb after its adverbs and no stance, framing or attitude,
    at most [shape] max_double_headline_chars in all (不断提升公共卫生服务能力，推进健康城市建设)."""
    clauses = unmarked.clause_spans(text, start, end, "，,")
    if len(clauses) == 1:
        return TITLE_END.search(text, start, end) is None
    return (
        len(clauses) == 2
        and end - start <= rules()["shape"]["max_double_headline_chars"]
        and all(
            TITLE_END.search(text, s, e) is None
            and verb_at(text, s, e)
            and not (is_generic(text, s, e) or is_attitude(text, s, e) or is_framing(text, s, e))
            for s, e, _ in clauses
        )
    )


def headline_sentence_measures(text: str, start: int, end: int) -> list[unmarked.Piece]:
    """The measures of the item text[start:end] whose headline is a whole sentence (一是突出医改重点。加快推进…，推进完善…。):
    the verb-led comma clauses of the sentence after it, the item's last, when it is made (almost) only of them
    (pipeline.parse.lists.unmarked.prose_items: closing aims, slogans and review left out) and they are at least two
    ([shape] min_items) after a headline of one clause, at least [shape] min_heading_measures after a double headline
    (不断提升公共卫生服务能力，推进健康城市建设。补短板、堵漏洞，加快…，推进…。: with two, the item is one run-on task);
    a sentence of reasons or review, or an aim and its means (坚持以基层为重点，推进…), gives none."""
    clauses = _headline_clauses(text, start, end)
    if not clauses or among_items(text, start, end):
        return []  # …；二要A。B，C，D；三要…: each item a headline and the measures that carry it out, one task
    sentences = [(start + m.start(), start + m.end()) for m in _SENTENCES.finditer(text[start:end])]
    pieces = _work(text, unmarked.prose_items(text, sentences[1][0], sentences[1][1]))
    pieces = [p for p in pieces if not is_generic(text, p.start, p.end)]
    least = rules()["shape"]["min_items" if clauses == 1 else "min_heading_measures"]
    return pieces if len(pieces) >= least else []


def _work(text: str, pieces: list[unmarked.Piece]) -> list[unmarked.Piece]:
    return [p for p in pieces if not is_attitude(text, p.start, p.end)]
