"""Headings of a speech's parts that state an attitude, orientation, leadership or work style and no work (统一思想，
提高认识，进一步增强…的紧迫感; 加强领导，狠抓落实，确保完成…各项目标任务) are no task, whatever reader found them
(pipeline.parse.lists.stances.slogan_heading_only, lists.toml [directive] stance_slogans, slogan_head_chars,
work_verb_window); the standing orientation and points of focus are exhortation ([directive] generic); a headline that
names no work with one measure after it gives that measure as the task (measures.headline_names_no_work).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.lists.rules import is_generic
from pipeline.parse.lists.stances import slogan_heading_only, slogan_sentence_heading
from pipeline.text.clean import clean_text
from tests.list_reading import read_tasks


@pytest.mark.parametrize(
    "item",
    [
        "统一思想，提高认识，进一步增强做好卫生健康工作的紧迫感。",
        "要加强领导，狠抓落实，确保全面完成年度各项目标任务。",
        "明确方向、知责尽责，深刻领会上级会议精神，不断强化政治担当。",
        "压实责任，保质保量完成各项重点任务；",
        "迎难而上、主动作为，聚焦年度目标抓落实，推动重点任务落地见效。",
        "要认清形势，坚定做好卫生计生工作的信心。",
        "锚定目标，突出重点，努力提升全县卫健发展水平",
    ],
)
def test_a_heading_of_stance_slogans_and_no_work_is_no_task(item: str) -> None:
    assert slogan_heading_only(item, 0, len(item))


@pytest.mark.parametrize(
    "item",
    [
        "凝心聚力，高起点谋划县域医共体建设。",  # a slogan and its measure
        "突出重点，有计划、有步骤地推进乡镇卫生院改造。",  # the verb after a manner phrase
        "加强领导，狠抓落实，全面推进村卫生室标准化建设。",  # work after the slogans
        "剖析形势，提高认识，增强责任感。要把群众健康放在首位，织密基层服务网络。",  # a sentence explains the heading
        "对照标准，补齐短板，确保示范县创建工作圆满收官。",  # no stance slogan among the heads
        "促进医保、医疗、医药协同发展和治理",  # 、 inside a measure
        "统一思想",  # a heading alone says nothing after it
    ],
)
def test_slogans_before_work_or_without_a_stance_stay(item: str) -> None:
    assert not slogan_heading_only(item, 0, len(item))


def test_a_meeting_reports_stance_headings_leave_its_plan_flagged() -> None:
    raw = (
        "3月5日，某某县召开2026年卫生健康工作会议。\n"
        "会议强调，一要统一思想，提高认识，进一步增强做好卫生健康工作的紧迫感；二要突出重点，加快推进县域医共体建设，"
        "完善家庭医生签约服务；三要加强领导，狠抓落实，确保全面完成年度各项目标任务。"
    )
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    assert [t["text"][:4] for t in plan["tasks"]] == ["突出重点"]
    assert "attitude_items_left_out" in (plan["flag"] or "").split(";")


@pytest.mark.parametrize(
    "clause",
    [
        "牢牢把握卫生健康工作的政治属性和业务属性",
        "围绕重点工作抓落实",
        "努力推动重点任务落地见效",
        "确保各项卫健工作任务落到实处",
        "努力提升全县卫健发展水平",
        "坚持从以治病为中心向以人民健康为中心转变",
        "着力推动卫生健康工作从“以治病为中心”向“以健康为中心”转变",
        "精准聚焦城市强、乡村活两个着力点",
        "全力办好人民满意卫生事业",
        "坚持以人为本",
        "认真落实科学发展观",
        "努力推动全县卫生事业的健康协调发展",
        "坚持把重大传染病防控作为重中之重",
    ],
)
def test_orientation_style_and_the_sector_as_a_whole_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize(
    "clause",
    [
        "提升医疗服务水平",
        "推进家庭医生签约服务落地",
        "把握疫情防控主动权",
        "推动基层首诊制度落实",
        "聚焦儿科和精神科短板",
        "落实卫生事业发展规划",
        "推动中医药事业传承创新发展",
        "把重大传染病防控作为重点监测内容",
    ],
)
def test_work_stays_work(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


def test_a_guiding_headline_with_one_measure_gives_that_measure() -> None:
    text = (
        "会议强调，全县卫生健康系统要始终坚持把习近平新时代中国特色社会主义思想作为工作的根本遵循，精准聚焦城乡两个着力点，"
        "一体推进医共体和医联体建设。要加强基层服务，推进村医培训。"
    )
    first = read_tasks(text)[0]
    assert first["text"].startswith("一体推进医共体和医联体建设") and first["children"] == []


@pytest.mark.parametrize(
    "item",
    [
        "讲担当，比落实，务求实效。各单位要建立责任链条，组织抓好实施。",
        "要抓攻坚，拼干劲，奋力作为。要撸起袖子，全力推进医改；扑下身子，扎实推进项目建设。",
        "加强领导、狠抓落实。各乡镇卫生院要把年度任务分解到人。",
    ],
)
def test_a_sentence_of_stance_slogans_only_heads_a_part(item: str) -> None:
    assert slogan_sentence_heading(item, 0, len(item))


@pytest.mark.parametrize(
    "item",
    [
        "强基层，补短板，惠民生。加快推进乡镇卫生院改造，完善村医养老保障。",  # slogans of work, no stance
        "统一思想，提高认识，进一步增强做好卫生健康工作的紧迫感。要把群众健康放在首位。",  # more than slogans
        "讲担当，比落实。",  # nothing after the heading (slogan_heading_only's case)
        "突出重点。加快推进县域医共体建设。",  # one slogan
    ],
)
def test_other_first_sentences_head_no_part(item: str) -> None:
    assert not slogan_sentence_heading(item, 0, len(item))


def test_a_part_headed_by_slogans_gives_way_to_its_measures() -> None:
    raw = (
        "3月5日，某某县召开2026年卫生健康工作会议。\n"
        "会议部署了2026年重点工作。一是讲担当，比落实，务求实效。各单位要强化责任意识，组织抓好实施。"
        "二是抓攻坚，拼干劲，奋力作为。要撸起袖子，全力推进医共体建设；扑下身子，扎实推进村卫生室改造；迈开步子，着力推进慢病防控。"
        "三是提升基层服务能力，完善家庭医生签约服务。"
    )
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    titles = [t["text"][:4] for t in plan["tasks"]]
    assert "讲担当，" not in titles and "抓攻坚，" not in titles
    assert {"撸起袖子", "扑下身子", "迈开步子"} <= set(titles)
    assert [t["ordinal"] for t in plan["tasks"]] == list(range(1, len(titles) + 1))


def test_a_slogan_heading_over_a_marked_sub_list_stays_its_parent() -> None:
    raw = (
        "3月5日，某某县召开2026年卫生健康工作会议。\n"
        "会议部署了2026年重点工作。一是加强基层卫生服务，推进乡镇卫生院建设；"
        "二是突出重点，强化措施。第一，完善公共卫生服务体系；第二，加快社区卫生服务建设；第三，严格医疗质量监管。"
        "三是提升中医药服务能力。"
    )
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    second = plan["tasks"][1]
    assert second["text"].startswith("突出重点") and len(second["children"]) == 3
