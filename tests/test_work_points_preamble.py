"""A plan document whose title line is lost, or names no work-points kind, is recognised by its preamble, the
sentence in which it names itself (…结合我县实际，特制定本方案。): the plan starts after that paragraph (flag
plan_from_preamble); a heading that reviews a past period (“十二五”期间工作回顾) gives no task. Sentences written
for the test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.work_points.sections import section_role
from pipeline.text.clean import clean_text

OUTLINE = (
    "一、主要目标\n到年底，家庭医生签约服务覆盖率达到45%以上。\n"
    "二、重点任务\n（一）推进紧密型县域医共体建设。\n（二）加强乡村医生队伍建设。\n（三）提升县级医院服务能力。\n"
)


def _read(raw: str) -> tuple[dict, str]:
    text = clean_text(raw).text
    return extract_document(text, kind=None, published=None), text


def _headings(payload: dict, text: str) -> list[str]:
    [plan] = payload["plans"]
    return [text[task["start"] : task["end"]][:4] for task in plan["tasks"]]


def test_a_title_of_no_known_kind_over_its_preamble_is_the_plan() -> None:
    payload, text = _read(
        "平川县2019年基层卫生服务能力提升方案\n"
        "为进一步提升基层医疗卫生服务能力，根据省、市有关文件精神，结合我县实际，特制定本方案。\n" + OUTLINE
    )
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("county", 2019)
    assert plan["title"] == "平川县2019年基层卫生服务能力提升方案"
    assert "plan_from_preamble" in plan["flag"] and "plan_title_missing" not in plan["flag"]
    assert _headings(payload, text) == ["推进紧密", "加强乡村", "提升县级"]


def test_a_preamble_that_names_the_plan_gives_its_title_and_year() -> None:
    payload, _ = _read(
        "发布机构：市卫生健康局\n为加快全市卫生事业发展，结合我市实际，"
        "特制定全市卫生事业发展“十四五”（2021-2025年）规划。\n" + OUTLINE
    )
    [plan] = payload["plans"]
    assert plan["title"] == "全市卫生事业发展“十四五”（2021-2025年）规划"
    assert (plan["level"], plan["work_year"]) == ("municipal", 2021)


def test_a_copy_that_starts_at_the_preamble_has_no_title_and_says_so() -> None:
    payload, _ = _read("为促进全县居民健康，根据上级部署，制定本实施方案。\n" + OUTLINE)
    [plan] = payload["plans"]
    assert plan["title"] is None
    assert "plan_title_missing" in plan["flag"] and "plan_from_preamble" in plan["flag"]
    assert plan["level"] == "county"


def test_a_preamble_without_an_outline_is_no_plan() -> None:
    payload, _ = _read(
        "县卫健局召开专题会议\n会议研究了明年工作，要求各科室结合实际，制定本科室工作计划，并于月底前上报。\n"
    )
    assert payload["kind"] != "work_points"
    payload, _ = _read("近日，县卫健局印发了一份方案。据介绍，为做好此项工作，特制定本方案。\n")
    assert payload["kind"] != "work_points"


def test_a_news_item_that_names_a_years_plan_is_no_preamble() -> None:
    payload, _ = _read(
        "卫健局部署年度工作\n会上，局长要求各单位尽快制定本年度工作计划，抓好落实。\n"
        "一、抓好疫情防控。\n二、推进医共体建设。\n"
    )
    assert not any("plan_from_preamble" in (plan["flag"] or "") for plan in payload["plans"])


def test_headings_that_review_a_past_period() -> None:
    for heading in ("“十三五”期间卫生事业简要回顾", "2016年以来工作进展情况", "过去五年主要成就", "发展基础和面临形势", "工作回顾"):
        assert section_role(heading) == "review", heading
    for heading in ("加强基层卫生工作", "完善监测预警体系建设情况报告制度", "巩固脱贫攻坚成果"):
        assert section_role(heading) != "review", heading


def test_the_entries_of_a_table_of_contents_take_the_role_of_their_heading() -> None:
    assert section_role("二、主要任务……………………5".removeprefix("二、")) == "tasks"
    assert section_role("发展基础与面临形势..........1") == "review"
    assert section_role("保障措施…9") == "safeguards"
    assert section_role("工作思路……3") == "framing"
    assert section_role("加强基层卫生人才培养……12") is None


def test_a_plan_printed_with_its_contents_gives_no_part_of_it_as_a_task() -> None:
    payload, _ = _read(
        "某区卫生健康事业发展规划（2016-2020年）\n目录\n一、发展基础与面临形势……………………1\n"
        "二、指导思想和发展目标……………………3\n三、主要任务………………………………5\n四、保障措施………………………9\n"
        "为推进健康某区建设，结合我区实际，制定本规划。\n一、发展基础与面临形势\n“十二五”期间，我区卫生事业取得长足进步。\n"
    )
    [plan] = payload["plans"]
    assert plan["tasks"] == [] and "no_tasks" in plan["flag"]
