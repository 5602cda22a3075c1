"""Cleaning: turn a raw seed text into the canonical cleaned text that every offset points into.

Pure functions, no I/O beyond reading the boilerplate pattern file shipped in pipeline/data.
The cleaned text has one paragraph per line ("\\n" between paragraphs, no empty lines), CJK
punctuation in full width, no spaces next to CJK characters, and no site or app boilerplate.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from pipeline.data import read_toml
from pipeline.text.dates import parse_printed_date
from pipeline.text.html import html_to_text, looks_like_html

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width and CJK punctuation, including the curly quotes used in Chinese text.
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"
_CJK_OR_PUNCT = f"[{CJK}{CJK_PUNCT}]"

# Odd spaces (NBSP, en/em/thin spaces, ideographic space) become a plain space; zero-width
# characters and soft hyphens are dropped.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Control characters other than line breaks and tabs (C0, DEL, C1) and invisible format characters
# (Unicode category Cf: zero-width, bidirectional controls, soft hyphen, BOM, …): removed and counted.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f"
    + "".join(chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf")
    + "\U000e0000-\U000e007f]"
)
_NOTE_CODEPOINTS = 5
_NOTE_DROPS_OVER = 30  # dropped paragraphs longer than this are named in the cleaning notes
_NOTE_QUOTE = 20

# ASCII punctuation that becomes full width inside Chinese text.
_TO_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# Full-width forms of characters that stay ASCII (digits, latin letters, % ~ + . and so on).
_TO_HALF_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_TO_HALF_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_TO_HALF_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_TO_HALF_WIDTH.update({"％": "%", "～": "~", "＋": "+", "＝": "=", "／": "/", "＃": "#", "＆": "&"})

_TERMINAL = "。！？；：…”’」』）)"
_LIST_MARKER = re.compile(
    r"^(第?[一二三四五六七八九十]{1,3}(是|要|、|个方面)|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])"
)
_MIN_PROSE_LEN = 60
_MIN_REPEAT_LEN = 12


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text of one document and what cleaning found on the way."""

    text: str
    notes: tuple[str, ...] = ()
    published_date: str | None = None  # from a metadata line such as "发布时间:2025-02-14"
    source: str | None = None  # from a metadata line such as "来源:健康枣庄"


@dataclass
class _Patterns:
    drop: list[re.Pattern[str]] = field(default_factory=list)
    metadata: list[re.Pattern[str]] = field(default_factory=list)
    byline: list[re.Pattern[str]] = field(default_factory=list)
    card_markers: list[re.Pattern[str]] = field(default_factory=list)


@cache
def _patterns() -> _Patterns:
    raw = read_toml("boilerplate.toml")
    return _Patterns(
        drop=[re.compile(p) for p in raw["drop_lines"]],
        metadata=[re.compile(p) for p in raw["metadata_lines"]],
        byline=[re.compile(p) for p in raw["byline_lines"]],
        card_markers=[re.compile(p) for p in raw["account_card_markers"]],
    )


def normalize_characters(text: str) -> str:
    """Unify line breaks, spaces and character widths (NFC, odd spaces, full/half width)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = text.translate(str.maketrans(_TO_HALF_WIDTH))
    return text


def unify_punctuation(line: str) -> str:
    """Make punctuation in a line of Chinese text full width, keeping digit groups like 1,000 and 12:30."""
    if not re.search(f"[{CJK}]", line):
        return line

    def replace(match: re.Match[str]) -> str:
        char, start = match.group(), match.start()
        before = line[start - 1] if start else ""
        after = line[start + 1] if start + 1 < len(line) else ""
        if char in ",:." and before.isdigit() and after.isdigit():
            return char
        if char == ":" and line[start + 1 : start + 3] == "//":
            return char
        return _TO_FULL_WIDTH.get(char, char)

    line = re.sub(r"[,:;!?()]", replace, line)
    # A full-width full stop between digits is a decimal point.
    return re.sub(r"(?<=\d)．(?=\d)", ".", line)


def remove_cjk_spaces(line: str) -> str:
    """Drop spaces next to CJK characters or punctuation; collapse the remaining runs to one space."""
    line = re.sub(r" {2,}", " ", line.strip())
    return re.sub(f"(?<={_CJK_OR_PUNCT}) | (?={_CJK_OR_PUNCT})", "", line)


_LOST_RUN = re.compile(r"(?m)^[ \t\u3000]*\?{2,}")
_LOST_MARK = re.compile(r"(?<![A-Za-z0-9=&/.])\?|\?(?![A-Za-z0-9=&])")


def restore_lost_spaces(text: str) -> tuple[str, str | None]:
    """A page whose paragraphs open on runs of ? (???3月26日，…) lost its spaces and other characters to ? in a wrong
    encoding (2024?年?度, 讲话?，): every such ? is removed (not one between letters or digits of an address,
    page.html?id=3), with a note counting them. Elsewhere ? is a question mark and stays."""
    if not _LOST_RUN.search(text):
        return text, None
    restored, count = _LOST_MARK.subn("", text)
    return restored, f"removed {count} ? standing for characters lost in a wrong encoding (paragraphs opening on ??)"


def strip_markdown(line: str) -> str:
    """Remove markdown emphasis (**bold**, __bold__) and heading hashes."""
    line = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), line)
    line = line.replace("**", "")
    return re.sub(r"^#{1,6}\s+", "", line)


def drop_boilerplate(lines: list[str]) -> tuple[list[str], dict[str, str], list[str]]:
    """Remove navigation, QR prompts, counters, notices, bylines and account cards.

    Returns the kept lines, the metadata (published `date`, `source`) read from dropped lines, and
    notes naming every dropped paragraph long enough to have been content (so none goes unnoticed).
    """
    patterns = _patterns()
    metadata: dict[str, str] = {}
    kept: list[str] = []
    notes: list[str] = []
    for line in lines:
        matched_meta = next((m for p in patterns.metadata if (m := p.match(line))), None)
        if matched_meta:
            for key, value in matched_meta.groupdict().items():
                if value and key not in metadata:
                    metadata[key] = value
            continue
        if any(p.match(line) for p in patterns.byline):
            continue
        if any(p.match(line) for p in patterns.card_markers):
            kept, card = _drop_account_card(kept)
            notes += [
                _dropped_note(paragraph, "account card") for paragraph in card if len(paragraph) > _NOTE_DROPS_OVER
            ]
            continue
        if any(p.match(line) for p in patterns.drop):
            if len(line) > _NOTE_DROPS_OVER:
                notes.append(_dropped_note(line, "boilerplate"))
            continue
        kept.append(line)
    return kept, metadata, notes


def _dropped_note(paragraph: str, what: str) -> str:
    return f"dropped a paragraph of {len(paragraph)} characters as {what}: «{paragraph[:_NOTE_QUOTE]}…»"


def _drop_account_card(kept: list[str]) -> tuple[list[str], list[str]]:
    """Drop an account card (a short name line, then a one-line description) above a footer marker."""
    if len(kept) >= 2:
        name, description = kept[-2], kept[-1]
        if len(name) <= 30 and not re.search("[。，,；;！？]", name) and len(description) <= 80:
            return kept[:-2], kept[-2:]
    return kept, []


def rejoin_broken_paragraphs(lines: list[str]) -> list[str]:
    """Re-join a prose paragraph cut mid-sentence (a page break) with the paragraph that finishes it."""
    out: list[str] = []
    for line in lines:
        if out and _is_cut_prose(out[-1]) and _continues_sentence(line):
            out[-1] += line
        else:
            out.append(line)
    return out


def _is_cut_prose(paragraph: str) -> bool:
    return (
        len(paragraph) >= _MIN_PROSE_LEN and bool(re.search("[，。；]", paragraph)) and paragraph[-1] not in _TERMINAL
    )


def _continues_sentence(paragraph: str) -> bool:
    return (
        bool(re.match(f"[{CJK}\\d“]", paragraph))
        and not _LIST_MARKER.match(paragraph)
        and not re.search("[：:]", paragraph[:30])
        and (paragraph[-1] in _TERMINAL or len(paragraph) >= _MIN_PROSE_LEN)
    )


class RepeatSearchLimit(ValueError):
    """A paragraph so repetitive that looking for its longest duplicated run is not worth the cost."""


# find_tandem_repeat walks the earlier occurrences of each 12-character sequence; a paragraph needing
# more than this many steps per character (pathological repetition such as one character repeated for
# pages) is left as it is, with a cleaning note, instead of taking minutes.
_REPEAT_STEPS_PER_CHAR = 16
# Such a paragraph is then searched length by length from the longest (as the definition reads), up
# to this many lengths; beyond that it is left as it is, with a cleaning note.
_REPEAT_LENGTHS_TRIED = 2_000


def find_tandem_repeat(paragraph: str, min_length: int = _MIN_REPEAT_LEN) -> tuple[int, int] | None:
    """Find the longest run X immediately repeated (XX) in a paragraph; return (start, length).

    Among runs of the greatest length, the leftmost is returned. Linear in practice: a square XX with
    |X| = L >= min_length makes the min_length-character sequences at t and t + L equal for every t
    in its first half, so only distances between equal sequences are candidates, and a square of
    period L is a stretch of at least L - min_length + 1 consecutive equal pairs at that distance.
    Pathologically repetitive paragraphs (see _REPEAT_STEPS_PER_CHAR) are searched length by length,
    within a limit (RepeatSearchLimit).
    """
    n = len(paragraph)
    if n < 2 * min_length:
        return None
    previous = _previous_equal_window(paragraph, min_length)
    budget = _REPEAT_STEPS_PER_CHAR * max(n, 10_000)
    runs: dict[int, tuple[int, int]] = {}  # distance -> (left end of the last pair, start of its stretch)
    found: dict[int, int] = {}  # distance -> start of the leftmost square of that period
    for i in map(int, (previous >= 0).nonzero()[0]):
        window = paragraph[i : i + min_length]
        j = int(previous[i])
        while j >= 0 and (distance := i - j) <= n // 2:
            budget -= 1
            if budget < 0:
                return _longest_square_by_length(paragraph, min_length)
            if distance >= min_length and distance not in found and paragraph[j : j + min_length] == window:
                last, start = runs.get(distance, (-2, j))
                start = start if last == j - 1 else j
                runs[distance] = (j, start)
                if j - start + 1 >= distance - min_length + 1:
                    found[distance] = start
            j = int(previous[j])
    if not found:
        return None
    length = max(found)
    return found[length], length


def _longest_square_by_length(paragraph: str, min_length: int) -> tuple[int, int] | None:
    """The definition itself, for very repetitive paragraphs: each length from the longest down, one
    vectorised pass per length; stops with RepeatSearchLimit after _REPEAT_LENGTHS_TRIED lengths."""
    codes = np.frombuffer(paragraph.encode("utf-32-le"), dtype=np.uint32)
    n = len(codes)
    lengths = range(n // 2, min_length - 1, -1)
    for length in lengths[:_REPEAT_LENGTHS_TRIED]:
        mismatches = np.flatnonzero(codes[: n - length] != codes[length:])
        bounds = np.concatenate(([-1], mismatches, [n - length]))
        long_enough = np.flatnonzero(np.diff(bounds) - 1 >= length)
        if len(long_enough):
            return int(bounds[long_enough[0]]) + 1, length
    if len(lengths) > _REPEAT_LENGTHS_TRIED:
        raise RepeatSearchLimit(
            f"too repetitive: no duplicated run among the {_REPEAT_LENGTHS_TRIED} longest lengths tried"
        )
    return None


def _previous_equal_window(text: str, width: int) -> np.ndarray:
    """For each position, the nearest earlier position whose `width` characters hash the same (or -1)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(codes) - width + 1
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(width):  # polynomial hash modulo 2**64 (collisions are re-checked by the caller)
        hashes = hashes * np.uint64(1_000_003) + codes[offset : offset + count]
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    previous = np.full(count, -1, dtype=np.int64)
    same = ordered[1:] == ordered[:-1]
    previous[order[1:][same]] = order[:-1][same]
    return previous


def collapse_repeats(lines: list[str]) -> tuple[list[str], list[str]]:
    """Collapse runs duplicated inside a paragraph (XX -> X), as left by a bad copy-paste."""
    notes: list[str] = []
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        try:
            while (found := find_tandem_repeat(line)) is not None:
                start, length = found
                line = line[: start + length] + line[start + 2 * length :]
                notes.append(f"paragraph {number}: collapsed a duplicated run of {length} characters")
        except RepeatSearchLimit as limit:
            notes.append(f"paragraph {number}: not searched for duplicated runs ({limit})")
        out.append(line)
    return out, notes


def remove_invisible(text: str) -> tuple[str, str | None]:
    """Remove control characters (other than line breaks and tabs) and invisible format characters
    (zero-width, bidirectional controls, soft hyphens); return the text and a note counting them."""
    found: dict[str, int] = {}
    for char in _INVISIBLE.findall(text):
        found[char] = found.get(char, 0) + 1
    if not found:
        return text, None
    commonest = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:_NOTE_CODEPOINTS]
    listed = ", ".join(f"U+{ord(char):04X} ×{count}" for char, count in commonest)
    more = ", …" if len(found) > _NOTE_CODEPOINTS else ""
    note = f"removed {sum(found.values())} control or invisible format characters ({listed}{more})"
    return _INVISIBLE.sub("", text), note


def clean_text(raw: str) -> CleanedText:
    """Clean one raw document into the canonical text published in documents.text."""
    notes: list[str] = []
    if looks_like_html(raw):
        raw, tags = html_to_text(raw)
        notes.append(f"converted from HTML by an HTML parser ({tags} tags removed)")
    raw, removed = remove_invisible(raw.replace("\u2028", "\n").replace("\u2029", "\n"))
    notes += [removed] if removed else []
    raw, lost = restore_lost_spaces(raw)
    notes += [lost] if lost else []
    text = normalize_characters(raw)
    lines = [strip_markdown(re.sub(" +", " ", line).strip()).strip() for line in text.split("\n")]
    lines, metadata, dropped = drop_boilerplate([line for line in lines if line])
    lines = [remove_cjk_spaces(unify_punctuation(line)) for line in lines]
    lines = rejoin_broken_paragraphs(lines)
    lines, collapsed = collapse_repeats(lines)
    published, date_note = parse_printed_date(metadata["date"]) if metadata.get("date") else (None, None)
    notes += dropped + collapsed + ([date_note] if date_note else [])
    return CleanedText(
        text="\n".join(lines),
        notes=tuple(notes),
        published_date=published,
        source=metadata.get("source"),
    )
