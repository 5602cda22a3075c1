"""Small round-ups of two or three regions' meetings (a news digest): one paragraph per region, each opening with
that region's own meeting sentence, at any level (province, city, county), with or without a date or a headline.

Every text here is written for the test.
"""

from __future__ import annotations

from typing import Any

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text

ROUNDUP = "provincial_plan_roundup"


def _read(raw: str) -> dict[str, Any]:
    return extract_document(clean_text(raw).text, kind=None, published=None)


def _plans(payload: dict[str, Any]) -> list[tuple[str, str, int | None]]:
    return [(plan["level"], plan["region_code"], plan["work_year"]) for plan in payload["plans"]]


def _titles(plan: dict[str, Any]) -> list[str]:
    return [task["title"] for task in plan["tasks"]]


TWO_PROVINCES_HEADLINE = """湖南、江西部署2026年卫生健康工作
湖南省卫生健康工作会议召开
会议总结了2025年工作，部署2026年重点任务。会议要求，2026年，全省卫生健康系统要深化医药卫生体制改革，推进紧密型县域医共体建设；要加强公共卫生体系建设，提升重大疫情防控能力；要实施基层服务能力提升行动，到年底乡镇卫生院达标率达到90%。
江西省召开2026年全省卫生健康工作会议
会议指出，2026年要着力做好以下工作：一是推动优质医疗资源扩容下沉；二是加强妇幼健康服务；三是推进中医药传承创新发展。
"""


def test_two_provinces_under_a_headline_naming_both_are_two_plans():
    payload = _read(TWO_PROVINCES_HEADLINE)
    assert payload["kind"] == ROUNDUP
    # the headline opens no item; the year reviewed (总结了2025年工作) is not the work year
    assert _plans(payload) == [("provincial", "430000", 2026), ("provincial", "360000", 2026)]
    hunan, jiangxi = payload["plans"]
    # the ；-list is the last sentence of the paragraph: the sentences before it (会议总结了…部署…。) frame it
    assert _titles(hunan) == ["深化医药卫生体制改革", "要加强公共卫生体系建设", "要实施基层服务能力提升行动"]
    assert hunan["tasks"][0]["text"].startswith("深化医药卫生体制改革")
    assert _titles(jiangxi) == ["推动优质医疗资源扩容下沉", "加强妇幼健康服务", "推进中医药传承创新发展"]


PROVINCE_AND_CITY = """近日，贵州省卫生健康工作会议在贵阳召开。会议强调，今年全省要持续推进健康贵州建设，深化公立医院综合改革，加强县级医院能力建设，提升群众就医获得感。
近日，遵义市召开全市卫生健康工作会议。会议部署了今年重点工作：加快区域医疗中心建设；推进家庭医生签约服务提质增效；加强传染病监测预警。
"""


def test_a_city_holding_its_own_meeting_after_its_province_is_an_item_of_its_own():
    payload = _read(PROVINCE_AND_CITY)
    assert payload["kind"] == ROUNDUP
    assert [(level, code) for level, code, _ in _plans(payload)] == [("provincial", "520000"), ("municipal", "520300")]
    guizhou, zunyi = payload["plans"]
    assert _titles(guizhou)[:2] == ["持续推进健康贵州建设", "深化公立医院综合改革"]
    assert _titles(zunyi) == ["加快区域医疗中心建设", "推进家庭医生签约服务提质增效", "加强传染病监测预警"]


THREE_COUNTIES = """平江县卫生健康工作会议召开。会议对2026年工作进行部署，要求全县卫生健康系统推进医共体建设，加强乡村医生队伍建设，提升基层首诊率。
浏阳市召开2026年卫生健康工作会议，会议要求，重点抓好三项工作：一是加快县域医疗次中心建设；二是推进慢病一体化管理；三是加强卫生应急能力建设。
宁乡市卫生健康工作会议于1月10日召开。会议回顾了2025年工作，全市卫生健康事业取得新进展，基层服务能力持续提升，群众满意度稳步提高。
"""


def test_three_counties_one_of_which_only_reviews():
    payload = _read(THREE_COUNTIES)
    assert payload["kind"] == ROUNDUP
    # 宁乡 only reviews its year: it counts as an item of the digest but states no plan
    assert _plans(payload) == [("county", "430626", 2026), ("county", "430181", 2026)]
    assert _titles(payload["plans"][1]) == ["加快县域医疗次中心建设", "推进慢病一体化管理", "加强卫生应急能力建设"]


DATED_COUNTIES_PROTOCOL = """3月12日，青阳县卫生健康工作会议在县会议中心召开。县委常委、副县长王明出席会议并讲话。会上，县卫生健康局局长作了工作报告，回顾总结了2025年工作，安排部署了全县2026年卫生健康工作任务。县政府表彰了2025年度先进单位；县卫生健康局与各乡镇卫生院签订了2026年目标责任书。
3月15日，石台县召开了全县卫生健康工作会议。县人大常委会副主任李华出席会议。会议安排部署了2026年全县卫生健康重点工作。
"""


def test_a_digest_of_meetings_without_listed_work_keeps_each_plan_without_protocol_tasks():
    payload = _read(DATED_COUNTIES_PROTOCOL)
    assert payload["kind"] == ROUNDUP
    assert _plans(payload) == [("county", "341723", 2026), ("county", "341722", 2026)]
    for plan in payload["plans"]:  # who attended, commended or signed is no task
        assert plan["tasks"] == []
        assert "tasks_not_listed" in plan["flag"]


REVIEW_AND_PLAN = """河北省卫生健康工作会议召开。会议回顾了2025年全省卫生健康工作，全年新建基层医疗机构120个，家庭医生签约率达到75%，各项工作取得明显成效。
山西省召开2026年全省卫生健康工作会议。会议要求，2026年要深化医改，推进分级诊疗制度建设；要加强疾控体系建设；要推进健康山西行动。
"""


def test_a_province_item_that_only_reviews_gives_no_plan():
    payload = _read(REVIEW_AND_PLAN)
    assert payload["kind"] == ROUNDUP
    assert _plans(payload) == [("provincial", "140000", 2026)]


ONE_COUNTY = """平江县卫生健康工作会议召开。会议要求，2026年全县卫生健康系统要推进医共体建设；要加强乡村医生队伍建设；要提升基层首诊率。
会上，县卫生健康局与各乡镇卫生院签订了目标责任书。县委常委、副县长出席会议并讲话。
"""


def test_one_county_meeting_is_no_roundup():
    payload = _read(ONE_COUNTY)
    assert payload["kind"] != ROUNDUP
    assert [plan["region_code"] for plan in payload["plans"]] == ["430626"]


BOTH_REVIEW = """河北省卫生健康工作会议召开。会议回顾了2025年全省卫生健康工作，全年新建基层医疗机构120个，各项工作取得明显成效。
山西省卫生健康工作会议召开。会议回顾了2025年工作，全省家庭医生签约率达到76%，群众满意度稳步提高。
"""


def test_a_digest_of_meetings_that_only_review_is_no_roundup_of_plans():
    payload = _read(BOTH_REVIEW)
    assert payload["kind"] != ROUNDUP or payload["plans"] == []


CITY_OFFICIAL_NO_MEETING = """湖南省卫生健康工作会议召开。会议要求，2026年要深化医改；要加强疾控体系建设；要推进健康湖南行动。
长沙市卫生健康委主任出席会议并作交流发言，介绍了长沙市推进医共体建设的做法。
"""


def test_a_city_named_at_a_paragraph_start_without_its_own_meeting_opens_no_item():
    payload = _read(CITY_OFFICIAL_NO_MEETING)
    assert [plan["region_code"] for plan in payload["plans"]] == ["430000"]
