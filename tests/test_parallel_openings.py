"""Parallel clauses that open on the same word (排比) are the items of a list where no ordinal marks them
(pipeline.parse.lists.anaphora, lists.toml [anaphora]): a clause opening on the word of the item before it continues
the run even when that word is no directive verb (着眼于, 针对); the first item starts at the shared word in its
clause (…即聚焦A，…); a 、 followed by the shared word and a clause of its own joins two items. Every sentence here is
written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.unmarked import clause_items


def _items(text: str) -> list[str]:
    return [text[i.start : i.end].rstrip("。；;") for i in read_lists(text)]


def _clauses(text: str) -> list[str]:
    return [text[p.start : p.end].rstrip("。；;") for p in clause_items(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # a framing word that is no directive verb, repeated
        ("会议要求，着眼于群众就医需求，着力改善门诊服务；着眼于重大疾病防控，着力加强疾控体系建设；"
         "着眼于人才短缺，着力引进紧缺专业人才；着眼于基层薄弱，着力提升乡镇卫生院能力。", "着眼于群众就医需求，着力改善门诊服务"),
        ("今年全县将针对补短板，加快建设县人民医院新院区；针对强基层，推进村卫生室标准化建设；"
         "针对保健康，扎实做好基本公共卫生服务。", "针对补短板，加快建设县人民医院新院区"),
        # 面向, with ASCII commas and semicolons as some pages print them
        ("局长要求,面向医改,深化县域医共体建设;面向疾控,健全传染病监测预警体系;面向妇幼,落实母婴安全五项制度。",
         "面向医改,深化县域医共体建设"),
    ],
)
def test_clauses_that_repeat_their_opening_word_are_items_from_that_word(text: str, first: str) -> None:
    items = _clauses(text)
    assert items[0] == first
    assert len(items) == text.count("；") + text.count(";") + 1


def test_the_first_item_starts_at_the_shared_word_after_a_word_that_introduces_the_items() -> None:
    text = (
        "副市长作题为《凝心聚力，推进健康城市建设》的报告，要求做好四个“聚焦”，即聚焦医改，在破解看病难上发力；"
        "聚焦疾控，在防范重大疫情上发力；聚焦中医药，在传承创新上发力；聚焦队伍，在人才培养上发力。"
    )
    items = _items(text)
    assert items[0] == "聚焦医改，在破解看病难上发力"
    assert len(items) == 4  # no item from inside the report's title (推进健康城市建设》…)


def test_a_pause_mark_before_the_shared_word_joins_two_items() -> None:
    text = (
        "会议明确了2025年重点工作任务：抓疫情防控，健全监测预警体系；抓医疗质量，推进临床路径管理、抓基层服务，"
        "夯实村医队伍；抓中医药，建设县中医医院；抓健康促进，普及健康素养。"
    )
    items = _items(text)
    assert "抓医疗质量，推进临床路径管理" in items
    assert "抓基层服务，夯实村医队伍" in items
    assert len(items) == 5


@pytest.mark.parametrize(
    "text",
    [
        # a pause mark before the word, but no clause of its own after it: an enumeration inside one item
        "会议明确了2025年重点工作任务：抓疫情防控，健全监测预警体系；抓医疗质量、抓基层服务等，推进临床路径管理；"
        "抓中医药，建设县中医医院；抓健康促进，普及健康素养。",
    ],
)
def test_no_split_where_the_shared_word_opens_no_clause_of_its_own(text: str) -> None:
    assert not any(item.startswith("抓基层服务") for item in _items(text))


@pytest.mark.parametrize(
    "text",
    [
        # the shared opening is no item without a directive after it
        "着眼于群众就医需求；着眼于重大疾病防控；着眼于人才短缺；着眼于基层薄弱。",
        # a one-character shared opening is no anaphora (只 is no directive verb): nothing joins these clauses
        "只有群众满意，工作才算到位；只有基层牢固，体系才算健全；只有人才充足，服务才有保障。",
    ],
)
def test_no_run_from_a_shared_opening_alone(text: str) -> None:
    assert _clauses(text) == []


def test_a_review_in_parallel_clauses_stays_out_of_the_plan() -> None:
    text = (
        "会议总结回顾了2023年工作。过去一年，着眼于群众就医需求，新建门诊楼一座；着眼于重大疾病防控，完成了疾控中心改造；"
        "着眼于人才短缺，引进了紧缺专业人才42名。"
    )
    assert _items(text) == []


def test_the_same_speaker_opening_two_sentences_is_no_parallel_run() -> None:
    text = (
        "局长指出，今年全县要围绕健康县城这个目标，加快补齐公共卫生短板，持续深化医药卫生体制改革。"
        "局长强调，要增强政治自觉，强化风险意识；要保持昂扬向上的精神状态。"
    )
    assert not any(item.startswith("局长强调") for item in _clauses(text))
