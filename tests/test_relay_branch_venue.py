"""A lower body that takes part in a higher teleconference at its own branch venue and deploys there states its
own plan (在我县分会场参加…会议，强调要…), and a region named before 分会场 is the issuer's. Sentences written for the
test."""

from __future__ import annotations

from pipeline.documents.extract import extract_document
from pipeline.parse.identity import region_evidence
from pipeline.text.clean import clean_text

LIST = "一是要做好医共体建设；二是要加强传染病防控；三是要开展健康教育。"


def _plan(raw: str) -> dict:
    payload = extract_document(clean_text(raw).text, kind=None, published="2008-05-05")
    [plan] = payload["plans"]
    return plan


def test_deploying_at_the_own_branch_venue_is_the_lower_bodys_plan() -> None:
    plan = _plan(
        "5月4日，全省卫生健康工作电视电话会议召开。副县长王明在我县分会场参加会议，强调要迅速传达贯彻会议精神，" + LIST
    )
    assert plan["level"] == "county" and "level_from_relaying_body" in plan["flag"]
    assert len(plan["tasks"]) == 3


def test_branch_venues_set_up_by_the_higher_body_relay_nothing() -> None:
    plan = _plan("5月4日，全省卫生健康工作电视电话会议召开。副省长李华出席并讲话，要求各地" + LIST + "各市、县设分会场。")
    assert plan["level"] == "provincial"


def test_a_city_named_before_its_branch_venue_is_the_issuer() -> None:
    text = "副市长李明在马鞍山分会场就贯彻落实会议精神讲了话。"
    assert region_evidence("municipal", text, None) == ("340500", "region_from_text_mentions")
    assert region_evidence("municipal", "副市长李明就贯彻落实马鞍山会议精神讲了话。", None) == (None, None)
