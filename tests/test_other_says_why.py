"""A text left `other` says what it does show after what each reader looked for (documents.flag): a health meeting
held whose text deploys no work (meeting_without_work), a text that reports past work and names no year ahead
(review_only). Sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document

_LOOKED_FOR = (
    "no_meeting_held;no_work_points_title;no_roundup_items;no_announced_plan;no_new_year_address;no_plan_evidence;"
    "no_deploy_sentence"
)


@pytest.mark.parametrize(
    ("raw", "seen"),
    [
        ("东部三省卫生健康协作联席会议在杭州举行，各方交流了合作经验。", ["meeting_without_work"]),
        ("一年来，全县新建村卫生室12个，完成老年人健康体检3万人次，家庭医生签约服务取得明显成效。", ["review_only"]),
        ("截至目前，全市累计建成社区医院8家，基层诊疗量占比稳步提升。", ["review_only"]),
        ("近日，市体育局举办全民健步走活动，市民踊跃参加。", []),
        # a review that names the year ahead is not review-only (its plan may simply not be read)
        ("一年来，全县新建村卫生室12个。今年还要继续努力。", []),
    ],
)
def test_an_other_text_says_what_it_shows(raw: str, seen: list[str]) -> None:
    payload = extract_document(raw, kind=None, published="2025-02-01")
    assert payload["kind"] == "other"
    assert payload["kind_flag"] == ";".join([_LOOKED_FOR, *seen])
