"""HTML input: recognise a text that is HTML markup and convert it to plain paragraphs with a real parser.

Pure functions (the standard library's `html.parser`, which tolerates broken markup the way browsers
do): block elements and `<br>` end a paragraph, character references are decoded, and the content of
`<script>`, `<style>`, `<head>`, `<noscript>`, `<template>` and `<svg>` is dropped. A text is treated as
HTML when it starts with a doctype or an `<html>` tag, or when it holds at least `_MIN_TAGS` tags of
known HTML elements; a stray `<` in prose (as in `<5%`) is never taken for markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    "address article aside blockquote body br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_SKIPPED = frozenset("script style head noscript template svg".split())
_KNOWN = "|".join(sorted(_BLOCK | _SKIPPED | {"a", "b", "em", "font", "html", "i", "img", "meta", "span", "strong"}))
_TAG = re.compile(rf"</?(?:{_KNOWN})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_DOCUMENT_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_MIN_TAGS = 2


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML markup rather than plain text."""
    return bool(_DOCUMENT_START.match(text)) or len(_TAG.findall(text)) >= _MIN_TAGS


class _TextCollector(HTMLParser):
    def __init__(self, newlines_are_breaks: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.newlines_are_breaks = newlines_are_breaks
        self.parts: list[str] = []
        self.tags = 0
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        if tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.tags += 1
        if tag in _SKIPPED:
            if tag in self._skipping:
                while self._skipping and self._skipping.pop() != tag:
                    pass
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data if self.newlines_are_breaks else data.replace("\n", " "))


def html_to_text(markup: str) -> tuple[str, int]:
    """(plain text with one paragraph per line, number of tags removed) of an HTML document or fragment.

    In a whole document (doctype or <html>) a line break is layout, as in a browser; in a fragment of
    markup inside a plain text, the text's own line breaks still end paragraphs.
    """
    collector = _TextCollector(newlines_are_breaks=not _DOCUMENT_START.match(markup))
    collector.feed(markup)
    collector.close()
    lines = (line.strip() for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line), collector.tags
