"""Segmentation: sentences by punctuation and line breaks, then words by jieba.

jieba is configured once per process: its cache goes to a project folder (not /tmp) and the
domain user dictionary (pipeline/data/jieba_userdict.txt) is loaded, so terms such as
紧密型县域医共体 or 儿科和精神卫生服务年 stay whole.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import jieba
import jieba.posseg

from pipeline.schema import PROJECT_ROOT

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
    """A jieba POS tokenizer with the project cache folder and the domain dictionary loaded."""
    jieba.setLogLevel(logging.WARNING)
    JIEBA_CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(JIEBA_CACHE_DIR)
    userdict = resources.files("pipeline.data").joinpath("jieba_userdict.txt")
    with resources.as_file(userdict) as path:
        tokenizer.load_userdict(str(path))
    return jieba.posseg.POSTokenizer(tokenizer)


def tokenize(text: str, sentences: list[Sentence] | None = None) -> list[Token]:
    """Segment each sentence with jieba; offsets are into `text`; whitespace tokens are dropped."""
    tokenizer = pos_tokenizer()
    tokens: list[Token] = []
    for sentence in sentences if sentences is not None else split_sentences(text):
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
