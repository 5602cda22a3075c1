"""A meeting of a body's own party group, leadership or staff, or one that mobilises a party campaign, states no plan
of the sector unless it deploys a year's work (issue 22, s16: documents.flag internal_meeting). Sentences written for
the test; the lexicon is pipeline/data/reporting.toml [internal]."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.documents.reporting import internal_meeting
from pipeline.text.clean import clean_text

ASKS = (
    "会议强调，要加强重点人群健康监测，做好医疗救治准备；要切实落实医务人员关心关爱措施，确保一线人员安心工作。"
    "要加快推进区域医疗中心项目建设。"
)


def _read(raw: str) -> dict:
    return extract_document(clean_text(raw).text, kind=None, published="2024-02-05")


@pytest.mark.parametrize(
    "lead",
    [
        "2月3日，市卫生健康委召开党组扩大会议，传达学习中央有关文件精神，安排部署近期重点工作。",
        "2月3日，县卫生健康局召开党委扩大会议，通报春节期间值班值守情况。",
        "2月3日，省卫生健康委召开机关党员干部大会，传达学习全会精神。",
        "2月3日，市卫生健康委召开卫生健康系统主题教育动员会，对主题教育进行动员部署。",
        "2月3日，区卫生健康局召开2024年第一季度委务会议，各科室汇报了工作进展。",
        # the readings tests/test_plan_recognition_s11.py held before s16, which the read sets' keys contradict
        "9月8日下午，省卫生厅办公会专门学习了省委书记关于农村合作医疗的批示。厅长王强要求，",
        "在近日召开的县卫生健康局党员干部大会上，局长李强强调，",
    ],
)
def test_an_internal_or_party_meeting_states_no_plan(lead: str) -> None:
    payload = _read(lead + ASKS)
    assert (payload["kind"], payload["kind_flag"], payload["plans"]) == ("other", "internal_meeting", [])


@pytest.mark.parametrize(
    "lead",
    [
        "2月3日，市卫生健康委召开党组扩大会议，研究部署2024年全市卫生健康重点工作。",  # a named year's work
        "2月3日，市卫生健康委召开党组扩大会议，安排部署今年卫生健康重点工作。",  # this year's, unnamed
        "2月3日，县卫生健康局召开党组扩大会议暨2024年工作部署会。",  # the name names a work meeting
        "2月3日，市卫生健康委召开全市卫生健康工作会议，总结工作，部署任务。",  # no internal meeting
        "2月3日，县卫生健康局党组会传达学习了全省卫生健康工作会议精神。",  # relays the work conference
        "2月3日，县卫健委党组召开会议，对2024年度工作进行谋划。",  # plans a named year's work
    ],
)
def test_a_meeting_that_deploys_a_years_work_or_is_a_work_meeting_is_read_as_before(lead: str) -> None:
    payload = _read(lead + ASKS)
    assert payload["kind_flag"] != "internal_meeting"
    assert payload["kind"] != "other" and payload["plans"]


def test_a_years_work_still_to_plan_deploys_nothing() -> None:
    text = clean_text(
        "2月3日，市卫生健康委召开党组扩大会议。会议要求，要深入贯彻全会精神，谋划部署2024年全市卫生健康重点工作。"
    ).text
    assert internal_meeting(text, "党组扩大会议")
    assert not internal_meeting(text.replace("谋划部署", "部署了"), "党组扩大会议")


@pytest.mark.parametrize("name", ["全市卫生健康工作会议", "全县卫生健康暨党风廉政建设工作会议", "妇幼健康工作推进会"])
def test_a_work_meetings_name_is_no_internal_meeting(name: str) -> None:
    assert not internal_meeting("会议强调，要加强监测。", name)
