"""Target indicators: what a number measures and the verb that acts on it.

What belongs here: choosing, for one mention, the indicator in the text's own words and the action
verb -- the subject before a level verb (县域就诊率保持在90%), the noun counted after the unit
(增配7500台自动式体外除颤仪), the owner and noun of a possession (每万人口拥有3.5名全科医生),
the population a share is of (90%以上的基层医疗卫生机构…), who or what is served (为70万城乡妇女提供…),
coverage (国家级重点专科建设项目实现13个市全覆盖), the verb of a
、-list, a phrase inside a quoted level. What does not: the words' own boundaries (targets_phrases)
and the comparator (targets_comparators).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.text.targets.comparators import Approach
from pipeline.text.targets.lexicon import CJK, Lexicon, longest_first
from pipeline.text.targets.mentions import Context, Mention
from pipeline.text.targets.phrases import (
    Span,
    modifier,
    share_population,
    strip_frames,
    verbs_in,
)


@dataclass
class Reading:
    indicator: str | None = None
    action: Span | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # the indicator's words in the text
    uncertain: bool = False
    kind: str | None = None  # set when the wording decides it: a share or a coverage is a level


def served(text: str, m: Mention, ctx: Context, noun: Span | None, lex: Lexicon) -> Reading | None:
    """为70万城乡妇女提供免费检查, 对50家大型医院周边环境进行治理: the number counts who or what is served.

    The indicator is the counted noun with what is done for it (城乡妇女宫颈癌、乳腺癌免费检查), not
    the population alone; the verb after the noun is the action.
    """
    if noun is None or noun.end >= ctx.clause_end:
        return None
    head = next((p for p in lex.served_prepositions if text.rfind(p, ctx.region_start, m.start) != -1), None)
    if head is None:
        return None
    position = text.rfind(head, ctx.region_start, m.start)
    s, e = strip_frames(text, position + len(head), m.start, lex)
    if s < e:
        return None  # words other than frame words stand between the preposition and the number
    rest = text[noun.end : ctx.clause_end]
    verbs = verbs_in(text, noun.end, ctx.clause_end, lex.action_verbs, lex)
    action = verbs[0] if verbs and verbs[0].start == noun.end else None
    for word in lex.served_dropped:
        rest = rest.replace(word, "")
    return Reading(
        indicator=noun.word + rest,
        action=action,
        spans=[(position, position + len(head)), (noun.start, ctx.clause_end)],
        kind="count",
    )


def read(
    text: str,
    m: Mention,
    ctx: Context,
    approach: Approach,
    noun: Span | None,
    noun_word: str | None,
    lex: Lexicon,
) -> Reading:
    """Indicator and action of a mention."""
    reading = Reading(spans=[(noun.start, noun.end)] if noun else [])
    verb = approach.verb
    acting = verb if verb and verb.word not in lex.level_verbs else None
    share = share_population(text, m, ctx.clause_end, lex)
    if share is not None:
        # 90%以上的基层医疗卫生机构提供儿科服务: the share is of what follows.
        reading.action, reading.indicator, reading.spans = acting, text[share[0] : share[1]], [share]
        reading.kind = "level"
    elif (coverage := _coverage(text, m, ctx, approach, noun, lex)) is not None:
        # 国家级临床重点专科建设项目实现13个市（地）全覆盖, 精神卫生服务覆盖107县区.
        coverer, covered, words = coverage
        reading.spans = list(words)
        reading.action = coverer if coverer and coverer.word in lex.coverage_verbs else None
        subject = _subject(text, ctx.region_start, coverer.start if coverer else approach.tail, lex, reading)
        reading.indicator = (subject or "") + lex.coverage_join + covered
        reading.uncertain = subject is None
        reading.kind = "level"
    elif verb is not None:
        # 托位数新增1.5万个, 增配7500台自动式体外除颤仪, 每万人口拥有3.5名全科医生.
        reading.action = acting
        reading.spans.append((verb.start, verb.end))
        if verb.word in lex.level_verbs:
            reading.kind = "level"  # 每万名人口全科医生数达到4.33人, 每万人口拥有3.5名全科医生
        if noun_word and verb.word in lex.possession_verbs:
            owner = _subject(text, ctx.region_start, verb.start, lex, reading)
            reading.indicator = (owner or "") + noun_word
        elif noun_word:
            reading.indicator = noun_word
        elif verb.word in lex.action_verbs and verb.word not in lex.change_verbs + lex.coverage_verbs:
            # 完成适龄妇女宫颈癌筛查12万人: the action names what is counted (宫颈癌筛查); an earlier
            # governing verb (完成) is the commitment's verb.
            earlier = verbs_in(text, ctx.region_start, verb.start, lex.governing_verbs, lex)
            start = earlier[-1].end if earlier else ctx.region_start
            subject = _subject(text, start, verb.start, lex, reading)
            reading.indicator = (subject or "") + verb.word
            reading.action = earlier[-1] if earlier else verb
        else:
            reading.indicator = _subject(text, ctx.region_start, verb.start, lex, reading)
    else:
        # 提升签约率1~3个百分点, 招引高层次人才不少于1000名, 突破中医药全产业链千亿元规模.
        reading.action, phrase = _governing_verb(text, m, ctx, approach.tail, lex)
        if phrase and noun_word:
            reading.indicator = _with_modifier(
                modifier(text, phrase.start, phrase.end, lex, as_prefix=True), noun_word, reading
            )
        elif phrase:
            reading.indicator = phrase.word
            reading.spans.append((phrase.start, phrase.end))
        elif noun_word:
            reading.indicator = noun_word
        else:
            reading.indicator = _subject(text, ctx.region_start, approach.tail, lex, reading)
            # 基层诊疗量占比65%: a subject naming a measure needs no verb or cue to be read with confidence
            names_measure = (reading.indicator or "").endswith(lex.measure_suffixes)
            reading.uncertain = not approach.cue_before and not names_measure
    return reading


def _coverage(
    text: str, m: Mention, ctx: Context, approach: Approach, noun: Span | None, lex: Lexicon
) -> tuple[Span | None, str, list[tuple[int, int]]] | None:
    """When a number counts what something covers: the verb before it, the covered noun and its words.

    Two wordings: 覆盖 before the number (覆盖全省13个市, 覆盖107县区), or a level verb or none
    before it and 全覆盖 after the counted noun (实现13个市（地）全覆盖). The covered noun is the
    counted noun, or the unit itself when it names what it counts (县区, 乡镇). The subject before
    the verb is read by the caller.
    """
    if m.unit in lex.reach_units:
        return None  # “城区15分钟、农村30分钟”急救圈全覆盖: a radius, not a count of what is covered
    verb = approach.verb or _last_verb(text, ctx.region_start, approach.tail, lex.level_verbs + lex.coverage_verbs, lex)
    covers = verb is not None and verb.word in lex.coverage_verbs
    if verb is not None and not covers and verb.word not in lex.level_verbs:
        return None  # 新建13个…: the verb acts on the counted objects
    words: list[tuple[int, int]] = []
    after = _coverage_after(text, m.end, lex)
    if m.unit in lex.coverage_unit_nouns and (after or noun is None):
        covered = m.unit  # 覆盖107县区, 实现67县全覆盖
    elif noun is not None:
        covered = noun.word
        words.append((noun.start, noun.end))
        after = _coverage_after(text, noun.end, lex)
    else:
        return None
    if after is None and not covers:
        return None
    if verb is not None:
        words.append((verb.start, verb.end))
    if after is not None:
        words.append(after)
    return verb, covered, words


def _coverage_after(text: str, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """The span of 全覆盖 (or 的全覆盖) right at `pos`, if any."""
    start = pos + text.startswith("的", pos)
    word = next((w for w in lex.coverage_after_noun if text.startswith(w, start)), None)
    return (start, start + len(word)) if word else None


def _last_verb(text: str, start: int, end: int, words: tuple[str, ...], lex: Lexicon) -> Span | None:
    """The last of `words` in text[start:end] with only frame words after it (覆盖[全省]13个市)."""
    for verb in reversed(verbs_in(text, start, end, words, lex)):
        s, e = strip_frames(text, verb.end, end, lex)
        if s >= e:
            return verb
    return None


def _subject(text: str, start: int, end: int, lex: Lexicon, reading: Reading) -> str | None:
    """The subject before a level verb (县域就诊率 in 县域就诊率保持在90%以上), frame words stripped."""
    s, e = strip_frames(text, start, end, lex)
    if e > s and CJK.search(text[s:e]):
        reading.spans.append((s, e))
        return text[s:e]
    return None


def _with_modifier(prefix: Span | None, noun: str, reading: Reading) -> str:
    if prefix is None:
        return noun
    reading.spans.append((prefix.start, prefix.end))
    return prefix.word + noun


def _governing_verb(text: str, m: Mention, ctx: Context, tail: int, lex: Lexicon) -> tuple[Span | None, Span | None]:
    """The verb governing a number that does not follow it directly, and the phrase in between.

    In a 、-list (新建40家社区护理中心、10家社区康复中心) the verb before the first item governs all
    items, and each item keeps its words after the last 、. Otherwise the last verb before the number
    governs it; adjacent verbs form one verb (新增培训合格居民1万名 → 新增).
    """
    verbs = longest_first(lex.governing_verbs + lex.gap_cue_words)
    separator = text.rfind("、", ctx.region_start, m.start)
    if ctx.earlier and separator != -1:
        head = ctx.earlier[-1]
        for previous in reversed(ctx.earlier[:-1]):
            if "、" not in text[previous.end : head.start]:
                break
            head = previous
        if own := verbs_in(text, separator + 1, tail, verbs, lex):
            return _verb_and_phrase(text, own, tail, lex)
        governing = verbs_in(text, ctx.clause_start, head.start, lex.governing_verbs, lex)
        action = _verb_and_phrase(text, governing, head.start, lex)[0] if governing else None
        return action, modifier(text, separator + 1, tail, lex, as_prefix=False)
    found = verbs_in(text, ctx.region_start, tail, verbs, lex)
    quote = text.rfind("“", ctx.region_start, tail)
    if quote != -1 and "”" not in text[quote:tail]:
        # The number sits inside a quoted phrase (“城区10分钟、郊区20分钟”): its words follow the quote.
        before = [v for v in found if v.end <= quote]
        action = _verb_and_phrase(text, before, quote, lex)[0] if before else None
        return action, modifier(text, quote + 1, tail, lex, as_prefix=False)
    return _verb_and_phrase(text, found, tail, lex) if found else (None, None)


def _verb_and_phrase(text: str, verbs: list[Span], tail: int, lex: Lexicon) -> tuple[Span | None, Span | None]:
    """The last verb (extended back over directly preceding verbs) and the phrase up to `tail`."""
    first = verbs[-1]
    for verb in reversed(verbs[:-1]):
        if verb.end != first.start or verb.word not in lex.governing_verbs:
            break
        first = verb
    action = first if first.word in lex.governing_verbs else None
    return action, modifier(text, first.end, tail, lex, as_prefix=False)
