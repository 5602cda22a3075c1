"""Segmentation: sentences by punctuation and line breaks, then words by jieba.

Sentences: a sentence ends after 。！？ or ； (and ASCII ! ? ;), together with any closing quotes or
brackets right after it, or at a line break. ；ends a sentence because in plans it closes one item
of a list (一是…；二是…), which is read as a statement of its own; ，、： do not end a sentence.
Whitespace around a sentence is trimmed; offsets are half-open into the cleaned text.

Words: jieba is configured once per process: its cache goes to a project folder (not /tmp) and the
domain user dictionary (pipeline/data/jieba_userdict.txt) is loaded, so terms such as
紧密型县域医共体 or 儿科和精神卫生服务年 stay whole, and so are names (pipeline/data/names.toml:
officials, every province and prefecture of regions.csv). The officials a document names (passed by the caller) are
added only while that document is segmented and removed afterwards, so no document's tokens depend on another document.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from pipeline.data import read_csv, read_toml
from pipeline.settings import PROJECT_ROOT
from pipeline.text.jieba_import import jieba  # jieba without pkg_resources: 0.65 s less per process
from pipeline.text.tokenizer_state import load_or_make_state

# A sentence ends after one of these (plus any closing quotes or brackets), or at a line break.
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n")
JIEBA_CACHE_DIR = Path(os.environ.get("PIPELINE_JIEBA_CACHE", PROJECT_ROOT / ".cache" / "jieba"))


@dataclass(frozen=True)
class Sentence:
    sentence_no: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
    sentence_no: int
    token_no: int
    token: str
    pos: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences; offsets are half-open into `text`; whitespace is trimmed."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        _append_sentence(sentences, text, start, end)
        start = match.end()
    _append_sentence(sentences, text, start, len(text))
    return sentences


def _append_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(len(sentences) + 1, start, end, text[start:end]))


@cache
def pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """A jieba POS tokenizer with the project cache folder and the domain dictionary loaded.

    The loaded dictionary (jieba's with the project's words added) is kept in the cache folder
    (tokenizer_state.py) and read back by the next process: 0.3 s instead of about 1.2 s of
    jieba's own cache and the project's words."""
    jieba.setLogLevel(logging.WARNING)
    JIEBA_CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(JIEBA_CACHE_DIR)
    load_or_make_state(tokenizer, JIEBA_CACHE_DIR, _project_inputs(), _add_project_words)
    return _pos_tokenizer_of(tokenizer)


def _project_inputs() -> list[bytes]:
    """What the project adds to jieba's dictionary depends on: its data files and this module's code."""
    data = resources.files("pipeline.data")
    files = ("jieba_userdict.txt", "names.toml", "regions.csv")
    return [data.joinpath(name).read_bytes() for name in files] + [Path(__file__).read_bytes()]


def _add_project_words(tokenizer: jieba.Tokenizer) -> None:
    """The domain dictionary, the officials of names.toml and every province and prefecture of regions.csv."""
    userdict = resources.files("pipeline.data").joinpath("jieba_userdict.txt")
    with resources.as_file(userdict) as path:
        tokenizer.load_userdict(str(path))
    names = _names()
    for name in names["persons"]:
        tokenizer.add_word(name, names["frequency"], names["person_tag"])
    for region in read_csv("regions.csv"):
        if region["level"] == "county":  # county names repeat and some are common words (城区, 和县)
            continue
        for name in {region["name"], region["short_name"]} - {""}:
            tokenizer.add_word(name, names["frequency"], names["place_tag"])


def _pos_tokenizer_of(tokenizer: jieba.Tokenizer) -> jieba.posseg.POSTokenizer:
    """jieba.posseg.POSTokenizer(tokenizer), without parsing the tags of jieba's default dictionary a
    second time (~0.5 s): importing jieba.posseg parsed them for its global tokenizer, which nothing in
    this project changes; the new tokenizer gets a copy (its user words are merged into the copy by
    jieba on first use, as POSTokenizer's own table would be)."""
    default = jieba.posseg.dt
    if tokenizer.dictionary != default.tokenizer.dictionary or default.tokenizer.user_word_tag_tab:
        return CachedHMMPOSTokenizer(tokenizer)
    if not default.word_tag_tab:  # dropped by forget_pos_tokenizer: parsed again, as importing jieba.posseg did
        default.load_word_tag(default.tokenizer.get_dict_file())
    if _SHARE_TAG_STRINGS[0]:
        _share_strings(default.word_tag_tab, tokenizer.FREQ)
    pos = object.__new__(CachedHMMPOSTokenizer)
    pos.tokenizer = tokenizer
    pos.word_tag_tab = dict(default.word_tag_tab)
    return pos


_SHARE_TAG_STRINGS = [False]


def share_tag_strings() -> None:
    """From now on, a POS tokenizer made in this process has jieba.posseg's global tag table hold the
    tokenizer's own word strings and one string per tag before it copies it (_share_strings). Called by the
    segmentation stage where it runs with workers, before either process loads its tokenizer: a corpus
    large enough for ~28 MiB per process to matter more than ~0.3 s of CPU."""
    _SHARE_TAG_STRINGS[0] = True


def _share_strings(tags: dict[str, str], words: dict[str, int]) -> None:
    """Make the words of a tag table the very string objects that are the keys of `words` (the tokenizer's
    frequencies, which hold every word), and each tag one object per value. The table stays equal (same
    words, tags and order: no token changes), but jieba's parse of its dictionary file at import had made
    ~350,000 strings of its own for the words and ~120,000 for 55 tags, memory that segmenting then reuses
    (a process that segmented 150 documents of the varied benchmark corpus: 229 -> 201 MiB)."""
    same = {word: word for word in words}  # each word to itself: the object to keep
    values: dict[str, str] = {}
    shared = {same.get(word, word): values.setdefault(tag, tag) for word, tag in tags.items()}
    del same
    tags.clear()
    tags.update(shared)


class CachedHMMPOSTokenizer(jieba.posseg.POSTokenizer):
    """jieba's POS tokenizer with its HMM step remembered.

    Where the dictionary leaves a run of single characters that is no word, posseg finds words in the run
    with the Viterbi algorithm over jieba's fixed HMM tables (POSTokenizer.__cut_detail): a pure function
    of the run's characters, and most of posseg's time. Its result for each run is kept (an LRU of
    HMM_CACHE_RUNS runs per process), so a run seen before, in this document or another, is not decoded
    again. Being a pure function, the cache changes no token: tests/test_segment.py compares the tokens
    with those of jieba's own tokenizer.
    """

    def _POSTokenizer__cut_detail(self, sentence: str) -> tuple:  # noqa: N802 -- overrides jieba's private method
        return _hmm_words(sentence)


HMM_CACHE_RUNS = 200_000


@lru_cache(maxsize=HMM_CACHE_RUNS)
def _hmm_words(run: str) -> tuple:
    """jieba.posseg's words and tags of one run of characters outside the dictionary (pure in `run`)."""
    return tuple(jieba.posseg.POSTokenizer._POSTokenizer__cut_detail(jieba.posseg.dt, run))


def forget_hmm_runs() -> None:
    """Empty the HMM cache of this process (tokens do not change: a pure function's results). The build's
    process calls it when the segmentation stage ends: the runs of a whole corpus (10 MiB of Python objects
    on 3 MB of text, 23,000 runs) are of little use to the later steps, which segment only titles."""
    _hmm_words.cache_clear()


def forget_pos_tokenizer() -> None:
    """Drop this process's POS tokenizer (its dictionary: ~55 MiB of Python objects, ~65 MiB of RSS) and the tag
    table jieba.posseg parsed for its global tokenizer when imported (~350,000 words: ~46 MiB, which nothing
    reads but the next pos_tokenizer() to copy it); the next pos_tokenizer() reads the dictionary back from the
    cache folder (~0.3 s) and parses the tag table again (~0.5 s), with the same words and tags, so no token
    changes. The build's process calls it when it segmented a corpus alongside its workers: the steps after
    segmentation (the core tables) use no tokenizer, and the memory is theirs to reuse until the analysis."""
    pos_tokenizer.cache_clear()
    jieba.posseg.dt.word_tag_tab = {}


@cache
def _names() -> dict:
    return read_toml("names.toml")


@contextmanager
def _words_added(pos: jieba.posseg.POSTokenizer, words: Iterable[str]) -> Iterator[None]:
    """Add `words` to the tokenizer for the duration of the block, then restore it exactly."""
    names = _names()
    base = pos.tokenizer
    base.check_initialized()
    pos.makesure_userdict_loaded()
    saved_freq: dict[str, int | None] = {}
    saved_tags: dict[str, str | None] = {}
    saved_total = base.total
    for word in words:
        for i in range(1, len(word) + 1):
            saved_freq.setdefault(word[:i], base.FREQ.get(word[:i]))
        saved_tags.setdefault(word, pos.word_tag_tab.get(word))
    try:
        for word in saved_tags:
            base.total += names["frequency"] - (base.FREQ.get(word) or 0)
            base.FREQ[word] = names["frequency"]
            for i in range(1, len(word)):
                base.FREQ.setdefault(word[:i], 0)
            pos.word_tag_tab[word] = names["person_tag"]
        yield
    finally:
        for fragment, freq in saved_freq.items():
            if freq is None:
                base.FREQ.pop(fragment, None)
            else:
                base.FREQ[fragment] = freq
        for word, tag in saved_tags.items():
            if tag is None:
                pos.word_tag_tab.pop(word, None)
            else:
                pos.word_tag_tab[word] = tag
        base.total = saved_total


def tokenize(text: str, sentences: list[Sentence] | None = None, keep_whole: Iterable[str] = ()) -> list[Token]:
    """Segment each sentence of one document with jieba; offsets are into `text`; whitespace tokens are dropped.

    `keep_whole`: words of this document to keep whole while it is segmented (the per-document stage passes
    the names of the officials its meeting report names: pipeline.parse.conference.officials.official_names).
    """
    tokenizer = pos_tokenizer()
    with _words_added(tokenizer, keep_whole):
        return _tokens(tokenizer, text, sentences if sentences is not None else split_sentences(text))


def _tokens(tokenizer: jieba.posseg.POSTokenizer, text: str, sentences: list[Sentence]) -> list[Token]:
    tokens: list[Token] = []
    for sentence in sentences:
        position = sentence.start
        number = 0
        for pair in tokenizer.cut(sentence.text, HMM=True):
            word, flag = pair.word, pair.flag
            start, position = position, position + len(word)
            if word.strip():
                number += 1
                tokens.append(Token(sentence.sentence_no, number, word, flag, start, position))
        if position != sentence.end:
            raise ValueError(f"jieba lost characters in sentence {sentence.sentence_no}")
    return tokens


def contained_words(token: str, vocabulary: Collection[str] = frozenset()) -> tuple[str, ...]:
    """The words inside a token, for search: every shorter substring of two or more characters that is a
    word of the tokenizer's dictionary (jieba's and the project's) or of `vocabulary` (紧密型县域医共体 →
    紧密, 县域, 县域医共体, 医共体; 普惠托育服务 with 托育 in the vocabulary → 普惠托育, 托育, 托育服务, 服务), by
    position and then length."""
    tokenizer = pos_tokenizer().tokenizer
    tokenizer.check_initialized()
    dictionary = tokenizer.FREQ
    return tuple(
        token[start:end]
        for start in range(len(token))
        for end in range(start + 2, len(token) + 1)
        if end - start < len(token) and (dictionary.get(token[start:end]) or token[start:end] in vocabulary)
    )
