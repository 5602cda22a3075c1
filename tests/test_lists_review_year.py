"""A paragraph of prose set in a year before the one a later paragraph is set in reviews that year (李某指出，2024年，
全市…加快A，深化B…。/ 2025年，全市要…): where the list reader falls back on prose, its clauses are no tasks, even when
its lead-in holds a deploying word (按照…部署要求). A paragraph set in the work year, alone or before a later one of
the same year, and a target year (到2027年) are read as before. Texts written for these tests; list reader and
extraction only, no build."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.lists import read_lists
from pipeline.parse.lists.year_passage import in_earlier_years, lead_year
from pipeline.text.clean import clean_text

_REVIEW = (
    "副市长王某在讲话中指出，2024年，全市卫生健康系统按照市委、市政府部署要求，加快县域医共体建设，"
    "持续深化公立医院改革，不断完善疾病预防控制体系，群众就医满意度持续提高。\n"
)
_PLAN = (
    "2025年，全市卫生健康系统要深入贯彻党的二十大精神，加快推进紧密型城市医疗集团建设，"
    "健全基层医疗卫生服务网络，完善医防协同机制，为建设健康某市作出新贡献。\n"
)


def _titles(text: str) -> list[str]:
    return [text[i.start : i.end][:8] for i in read_lists(text)]


def test_the_year_a_lead_in_opens_on() -> None:
    assert lead_year("副市长王某在讲话中指出，2024年，全市卫生健康系统按照部署要求，") == 2024
    assert lead_year("会议强调，2025年度，全县要") == 2025
    assert lead_year("会议强调，到2027年，全县要") is None  # a target year
    assert lead_year("2024年全县卫生健康工作取得新成效，") is None  # no clause of its own
    assert lead_year("会议要求，全区要") is None


def test_which_passages_are_set_before_a_later_one() -> None:
    review, plan, none = "2024年，全市按照部署要求，", "2025年，全市要", "会议强调，全市要"
    assert in_earlier_years([review, none, plan]) == [True, False, False]
    assert in_earlier_years([plan, plan]) == [False, False]
    assert in_earlier_years([plan, "2024年，全市"]) == [False, False]  # a plan, then a look back: the plan stays
    assert in_earlier_years([none, "2023年，全县"]) == [False, False]
    assert in_earlier_years(["2024年，全市要", plan]) == [False, False]  # a modal after its year: work to come
    assert in_earlier_years(["2024年，全市将", "2025年，全市"]) == [False, False]


def test_prose_of_the_year_before_gives_no_task() -> None:
    text = _REVIEW + _PLAN
    assert _titles(text) == ["加快推进紧密型城", "健全基层医疗卫生", "完善医防协同机制"]


def test_prose_of_the_work_year_alone_is_read() -> None:
    assert _titles(_PLAN) == ["加快推进紧密型城", "健全基层医疗卫生", "完善医防协同机制"]
    text = _PLAN + "2025年，全市要加快智慧医院建设，推进检查检验结果互认，优化预约诊疗服务。\n"
    assert len(read_lists(text)) == 6


def test_a_plan_paragraph_before_a_later_years_target_is_read() -> None:
    text = (
        "会议强调，2024年，全县要加快县域医共体建设，健全家庭医生签约服务，完善慢病管理体系。\n"
        "会议提出，2025年，全县基层诊疗量占比达到65%以上，推进优质资源下沉，提升县域就诊率。\n"
    )
    assert _titles(text)[:3] == ["加快县域医共体建", "健全家庭医生签约", "完善慢病管理体系"]


def test_a_later_target_year_does_not_make_the_plan_a_review() -> None:
    text = (
        "会议强调，2025年，全县要加快县域医共体建设，健全家庭医生签约服务，完善慢病管理体系。\n"
        "会议提出，到2027年，全县基层诊疗量占比达到65%以上。\n"
    )
    assert _titles(text)[:3] == ["加快县域医共体建", "健全家庭医生签约", "完善慢病管理体系"]


def test_a_city_report_keeps_only_the_work_year_tasks() -> None:
    raw = "3月7日，2025年全市卫生健康工作会议召开，部署2025年工作任务。\n" + _REVIEW + _PLAN
    text = clean_text(raw).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    assert plan["work_year"] == 2025
    assert [t["text"][:8] for t in plan["tasks"]] == ["加快推进紧密型城", "健全基层医疗卫生", "完善医防协同机制"]
