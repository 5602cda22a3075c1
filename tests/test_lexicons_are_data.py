"""Lexicons are data: no module of `pipeline/` holds a list of Chinese words.

Cue words, verbs, suffixes and scope words live in pipeline/data/ (read by pipeline.data), so that a rule
changes in one place and a reader sees every word a rule knows. Each module is read with `ast`; a list
of words is three or more Chinese alternatives of which at least one has two or more characters:
- a regex alternation in a string (`召开|举行|出席`, also inside an f-string);
- a tuple, list or set of such strings (or of pairs that start with one), or a dict keyed by them.
A class of single characters (`[省市县]`, the numerals 十百千万) is no word list; docstrings and comments
are not read.
"""

from __future__ import annotations

import ast
import re

import pytest

from tests.test_layers import PIPELINE, syntax_tree

_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
_ALTERNATION = re.compile(r"[\u4e00-\u9fff]+(?:\|[\u4e00-\u9fff]+){2,}")
_QUOTED_WORD = re.compile(r"""["'][\u4e00-\u9fff]+["']""")


def may_hold_a_word_list(source: str) -> bool:
    """A cheap look at the text first: a module with no alternation of Chinese words and fewer than three
    quoted Chinese words holds no list (the parser keeps a literal's characters; it only joins literals)."""
    return bool(_ALTERNATION.search(source)) or len(_QUOTED_WORD.findall(source)) >= 3


def _is_word_list(words: list[str]) -> bool:
    chinese = [word for word in words if _CJK_WORD.fullmatch(word)]
    return len(chinese) >= 3 and any(len(word) >= 2 for word in chinese)


_OWNERS = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def word_lists(source: str | ast.Module) -> list[tuple[int, str]]:
    """(line, words) of every list of Chinese words a module's source (or its parsed tree) holds."""
    tree = ast.parse(source) if isinstance(source, str) else source
    found = []
    docstrings: set[int] = set()
    for node in ast.walk(tree):  # breadth first: an owner comes before its docstring
        if isinstance(node, _OWNERS) and node.body and isinstance(node.body[0], ast.Expr):
            docstrings.add(id(node.body[0].value))
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, str) and id(node) not in docstrings and "|" in node.value:
                found += [
                    (node.lineno, m.group()) for m in _ALTERNATION.finditer(node.value) if _is_word_list(m.group().split("|"))
                ]
        elif isinstance(node, (ast.Dict, ast.Tuple, ast.List, ast.Set)):
            elements = node.keys if isinstance(node, ast.Dict) else node.elts
            heads = [e.elts[0] if isinstance(e, (ast.Tuple, ast.List)) and e.elts else e for e in elements]  # pairs
            words = [e.value for e in heads if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if _is_word_list(words):
                found.append((node.lineno, "|".join(words)))
    return found


def test_no_module_of_the_pipeline_holds_a_list_of_chinese_words():
    found = [
        f"{path.relative_to(PIPELINE.parent)}:{line}: {words}"
        for path in sorted(PIPELINE.rglob("*.py"))
        if may_hold_a_word_list(path.read_text(encoding="utf-8"))
        for line, words in word_lists(syntax_tree(path))
    ]
    assert not found, "word lists in code (move them to pipeline/data/):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        '_HELD = re.compile("召开|举行|收看")',
        'AREA = rf"(?P<area>[\\u4e00-\\u9fff]{{2,9}}?(?:省|自治区|市))"',
        "_MODALS = ('将', '要', '必须')",
        "_SEQUENCE = {'首先': 1, '其次': 2, '最后': 0}",
        "_SCOPES = (('全国', 'national'), ('全省', 'provincial'), ('全市', 'municipal'))",
        "def f(text):\n    return text.startswith(['卫生健康委', '卫健委', '卫生局'])",
    ],
)
def test_the_check_sees_a_word_list(source: str):
    assert word_lists(source) and may_hold_a_word_list(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""A docstring may quote 召开|举行|收看."""',
        '_PUNCT = re.compile("[。；！？]")',
        "_DIGITS = {'十': 10, '百': 100, '千': 1000}",
        '_HELD = re.compile("召开|举行")',
        'TITLE = "卫生健康工作任务的主题 Themes"',
    ],
)
def test_the_check_leaves_characters_and_prose_alone(source: str):
    assert word_lists(source) == []
