"""Round-up items led by a region or its health body as the subject of a plan sentence (issue 22, item 4).

A round-up is a text whose plan sentences have two or more different regions (or their bodies) as subjects; each
region's run of sentences is one plan at that region's level. Every text here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.roundup.subjects import subject_at, within
from pipeline.text.clean import clean_text
from pipeline.text.regions import by_code

SUBJECT_FLAG = "item_opened_by_subject"


def _read(raw: str) -> tuple[str, dict]:
    text = clean_text(raw).text
    return text, extract_document(text, kind=None, published=None)


def _plans(payload: dict) -> list[tuple[str, str, int | None, int]]:
    return [(p["level"], p["region_code"], p["work_year"], len(p["tasks"])) for p in payload["plans"]]


def _assert_offsets(text: str, payload: dict) -> None:
    for plan in payload["plans"]:
        for item in plan["tasks"]:
            assert text[item["start"] : item["end"]] == item["text"]


def test_provincial_bodies_as_subjects_in_one_paragraph():
    raw = (
        "多地卫健委2026年重点工作一览\n"
        "北京市卫生健康委表示，今年将加快建设紧密型城市医疗集团，推进社区卫生服务中心标准化建设。"
        "上海市卫生健康委提出，2026年要深化公立医院改革，完善分级诊疗制度，推动优质医疗资源下沉。"
        "广东省将实施基层医疗卫生服务能力提升工程，加强县域医共体建设。"
    )
    text, payload = _read(raw)
    assert payload["kind"] == "provincial_plan_roundup"
    assert _plans(payload) == [
        ("provincial", "110000", 2026, 2),
        ("provincial", "310000", 2026, 3),
        ("provincial", "440000", 2026, 2),
    ]
    beijing = payload["plans"][0]
    assert [t["title"] for t in beijing["tasks"]] == ["加快建设紧密型城市医疗集团", "推进社区卫生服务中心标准化建设"]
    assert all(SUBJECT_FLAG in p["flag"] for p in payload["plans"])
    _assert_offsets(text, payload)


def test_city_subjects_separated_by_semicolons_are_municipal_plans():
    raw = (
        "2025年多地明确卫生健康重点任务。广州市提出，今年将推进国家区域医疗中心建设，加强基层医疗卫生机构能力建设；"
        "深圳市要求，加快推进医学科研创新，完善公共卫生应急体系。杭州市卫健委主任表示，将持续推进健康城市建设，"
        "提升全民健康素养水平。"
    )
    text, payload = _read(raw)
    assert [(level, code) for level, code, _, _ in _plans(payload)] == [
        ("municipal", "440100"),
        ("municipal", "440300"),
        ("municipal", "330100"),
    ]
    shenzhen = payload["plans"][1]
    assert [t["title"] for t in shenzhen["tasks"]] == ["加快推进医学科研创新", "完善公共卫生应急体系"]
    assert "cut_off" not in payload["plans"][0]["flag"]  # an item ending at ； is not cut off
    _assert_offsets(text, payload)


def test_government_work_reports_of_several_provinces():
    raw = (
        "各地政府工作报告中的卫生健康任务\n"
        "2025年广东省政府工作报告提出，推进紧密型县域医共体建设，加强儿科和精神卫生服务。\n"
        "《江苏省政府工作报告》明确，今年要实施医疗卫生强基工程，建设国家区域医疗中心。\n"
        "浙江省政府工作报告指出，要深化“三医”协同发展和治理，推进公立医院高质量发展。"
    )
    _, payload = _read(raw)
    assert [code for _, code, _, _ in _plans(payload)] == ["440000", "320000", "330000"]
    assert all(year == 2025 and n == 2 for _, _, year, n in _plans(payload))


def test_county_items_led_by_a_date_and_an_event_that_is_no_conference():
    raw = (
        "3月2日，西吉县卫生健康局召开新闻发布会，介绍2025年重点工作：推进县域医共体建设，加强乡村医生队伍建设。"
        "3月5日，泽州县卫健委举行媒体通气会，会上介绍，今年将实施基层医疗卫生服务能力提升工程，完善公共卫生应急体系。"
    )
    _, payload = _read(raw)
    assert _plans(payload) == [("county", "640422", 2025, 2), ("county", "140525", 2025, 2)]
    assert all("reports_conference" in p["flag"] for p in payload["plans"])
    assert payload["plans"][0]["tasks"][0]["title"] == "推进县域医共体建设"


def test_items_led_by_a_news_source():
    raw = (
        "记者从湖北省卫生健康委获悉，2025年湖北将推进县域医共体建设，加快建设省级区域医疗中心。\n"
        "记者从湖南省卫健委了解到，今年湖南要实施基层卫生能力提升行动，完善家庭医生签约服务。"
    )
    _, payload = _read(raw)
    assert _plans(payload) == [("provincial", "420000", 2025, 2), ("provincial", "430000", 2025, 2)]


def test_one_provinces_report_naming_its_cities_is_no_roundup():
    raw = (
        "江苏省卫生健康委表示，2025年全省将推进紧密型城市医疗集团建设，加强基层服务能力。"
        "南京市将新建社区医院5家，苏州市要加快区域医疗中心建设。"
    )
    _, payload = _read(raw)
    assert payload["kind"] != "provincial_plan_roundup"
    assert {p["region_code"] for p in payload["plans"]} == {"320000"}


def test_a_conference_report_naming_other_regions_in_passing_is_no_roundup():
    raw = (
        "浙江省卫生健康工作会议召开\n1月10日，全省卫生健康工作会议在杭州召开。会议指出，2025年，全省将深化医药卫生体制改革，"
        "推进县域医共体建设。会上，杭州市、宁波市卫生健康委作交流发言。江西省卫生健康委介绍了基层卫生人才队伍建设的做法。"
    )
    _, payload = _read(raw)
    assert payload["kind"] == "provincial_conference_report"
    assert [p["region_code"] for p in payload["plans"]] == ["330000"]


def test_a_national_brief_citing_provinces_achievements_is_no_roundup():
    raw = (
        "国家卫生健康委召开新闻发布会介绍基层卫生工作进展\n国家卫生健康委基层司负责人介绍，2024年全国基层医疗卫生服务能力明显"
        "提升。浙江省已建成紧密型县域医共体全覆盖，四川省累计建设县域医疗卫生次中心300个，山东省家庭医生签约服务覆盖率达到50%。"
        "下一步，国家卫生健康委将继续推进紧密型县域医共体建设，提升基层服务能力。"
    )
    _, payload = _read(raw)
    assert payload["kind"] != "provincial_plan_roundup"
    assert all(p["level"] == "national" for p in payload["plans"])


def test_a_roundup_of_results_only_states_no_plan():
    raw = (
        "各地卫生健康工作成效显著\n北京市卫生健康委表示，2024年全市新建社区卫生服务中心20个，家庭医生签约率达到45%。"
        "上海市卫生健康委介绍，去年全市三级医院门诊量增长10%，平均住院日缩短至6天。"
    )
    _, payload = _read(raw)
    assert payload["kind"] != "provincial_plan_roundup"
    assert payload["plans"] == []


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("北京市卫生健康委主任张三表示，今年将…", "110000"),
        ("上海则将推进…", "310000"),
        ("在广东，政府工作报告提出，…", "440000"),
        ("1月5日，成都市卫健委印发…", "510100"),
    ],
)
def test_subject_forms(sentence: str, code: str):
    found = subject_at(sentence, 0, len(sentence))
    assert found is not None and found[0].code == code


@pytest.mark.parametrize(
    "sentence",
    [
        "浙江省已建成紧密型县域医共体全覆盖。",  # a result, no statement verb near the name
        "四川省累计建设县域医疗卫生次中心300个。",
        "浙江省卫生健康工作会议召开。",  # a conference's name, not its body as a subject
        "会上，杭州市作交流发言。",  # the region is not at the sentence's start
    ],
)
def test_not_subject_forms(sentence: str):
    assert subject_at(sentence, 0, len(sentence)) is None


def test_within_nests_counties_and_cities_in_their_province():
    assert within(by_code("140525"), by_code("140000"))
    assert within(by_code("140525"), by_code("140500"))
    assert within(by_code("320100"), by_code("320000"))
    assert not within(by_code("320000"), by_code("320100"))
    assert not within(by_code("330100"), by_code("320000"))
