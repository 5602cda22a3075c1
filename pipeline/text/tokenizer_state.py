"""A jieba tokenizer's loaded dictionary, kept in a cache folder and read back by the next process.

Loading jieba's dictionary from its own cache (a marshal file of ~500,000 words and prefixes) and adding
the project's words takes about 1.2 s of CPU in every new process: the CLI, `dagster`, each worker of a
run. The finished state (the word frequencies, their total, the added words' tags and any word forced to
split) is written once with pickle, which reads the same dictionary back about four times faster. It is
found by a key over everything the state depends on: jieba's version, its dictionary file, the project's
inputs (data files and code, passed by the caller); a file that cannot be read is made again. The
tokenizer that reads it holds equal dictionaries, so every token is the one jieba would give
(tests/test_segment.py compares them).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from pipeline.text.jieba_import import jieba

STATE_FORMAT = b"tokenizer-state-1"


def state_key(tokenizer: jieba.Tokenizer, inputs: Iterable[bytes]) -> str:
    """sha256 over jieba's version, the tokenizer's dictionary file and the caller's inputs."""
    digest = hashlib.sha256(STATE_FORMAT + jieba.__version__.encode())
    with tokenizer.get_dict_file() as handle:
        digest.update(hashlib.sha256(handle.read()).digest())
    for part in inputs:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def load_or_make_state(
    tokenizer: jieba.Tokenizer, folder: Path, inputs: Iterable[bytes], add_words: Callable[[jieba.Tokenizer], None]
) -> bool:
    """Give a new tokenizer its dictionary with add_words(tokenizer) applied: read from `folder` when a
    state with the same key is there (returns True), else made by jieba and add_words, then stored."""
    path = folder / f"tokenizer-{state_key(tokenizer, inputs)}.pickle"
    state = _read_state(path)
    if state is not None:
        tokenizer.FREQ, tokenizer.total, tokenizer.user_word_tag_tab, force_split = state
        tokenizer.initialized = True
        jieba.finalseg.Force_Split_Words.update(force_split)
        return True
    forced_before = set(jieba.finalseg.Force_Split_Words)
    tokenizer.check_initialized()
    add_words(tokenizer)
    state = (tokenizer.FREQ, tokenizer.total, tokenizer.user_word_tag_tab,
             set(jieba.finalseg.Force_Split_Words) - forced_before)  # fmt: skip
    for stale in folder.glob("tokenizer-*.pickle"):  # states of other inputs (an older checkout of the data)
        stale.unlink(missing_ok=True)
    _write_atomically(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    return False


def _read_state(path: Path) -> tuple | None:
    """The stored state, or None when it is missing, cut short or not a state."""
    try:
        with path.open("rb") as handle:
            state = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, cut short or unreadable: the caller makes it again
        return None
    shapes = (dict, (int, float), dict, set)
    if not (isinstance(state, tuple) and len(state) == 4 and all(map(isinstance, state, shapes))):
        return None
    return state


def _write_atomically(path: Path, data: bytes) -> None:
    """Written under a temporary name and renamed, so a process reading at the same time sees all or nothing."""
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-tokenizer-")
    except OSError:  # a read-only cache folder: the next process makes the state again
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
