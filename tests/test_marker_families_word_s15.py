"""Marker families of Word documents and copied pages (issue 22): ⑴⑵⑶, ㈠㈡㈢ and 1）/1) with the closing parenthesis
only, read by the list reader (lists.toml [markers]) and the outline reader (pipeline.parse.outline) like the other
families. Every sentence is written for these tests (no seed, dev-set or read-set text)."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.marked import find_chains, find_markers
from pipeline.parse.outline import parse_outline
from tests.list_reading import read_tasks


@pytest.mark.parametrize(
    ("items", "markers"),
    [
        ("⑴优化服务；⑵强化监管；⑶加强队伍建设。", ["⑴", "⑵", "⑶"]),
        ("㈠优化服务；㈡强化监管；㈢加强队伍建设。", ["㈠", "㈡", "㈢"]),
        ("1）优化服务；2）强化监管；3）加强队伍建设。", ["1）", "2）", "3）"]),
        ("1)优化服务；2)强化监管；3)加强队伍建设。", ["1)", "2)", "3)"]),
    ],
)
def test_a_list_of_these_families_is_read_like_the_others(items: str, markers: list[str]) -> None:
    tasks = read_tasks("县卫健局提出今年三项举措：" + items)
    assert [t["marker"] for t in tasks] == markers
    assert [t["title"] for t in tasks] == ["优化服务", "强化监管", "加强队伍建设"]


def test_a_mid_way_list_of_these_families_is_read_and_flagged() -> None:
    tasks = read_tasks("明年将着力抓好：⑶推进健康城市建设；⑷落实职业病防治责任；⑸加强托育服务监管。")
    assert [t["marker"] for t in tasks] == ["⑶", "⑷", "⑸"]
    assert all("list_started_midway" in t["flag"] for t in tasks)


@pytest.mark.parametrize(
    "text",
    [
        "全年增长12）%，见附件1）。",  # a number before a closing parenthesis, not after a boundary
        "（1）优化服务；（2）强化监管；（3）加强队伍建设。",  # the full parentheses stay their own family
        "两项指标分别为3)。",  # a lone number
    ],
)
def test_half_parenthesis_numbers_that_are_no_list(text: str) -> None:
    families = {c.markers[0].family for c in find_chains(find_markers(text, 0, len(text)), midway=True)}
    assert "digit_half_paren" not in families


def test_an_outline_of_these_families_nests_like_the_others() -> None:
    text = "㈠深化医药卫生体制改革\n⑴推进医共体建设。\n⑵完善分级诊疗。\n㈡加强公共卫生体系建设\n1）完善疾控网络。\n2）提升应急能力。"
    tasks, _ = parse_outline(text)
    assert [t["marker"] for t in tasks] == ["㈠", "㈡"]
    assert [c["marker"] for c in tasks[0]["children"]] == ["⑴", "⑵"]
    assert [c["marker"] for c in tasks[1]["children"]] == ["1）", "2）"]
    assert tasks[1]["children"][1]["title"] == "提升应急能力"
