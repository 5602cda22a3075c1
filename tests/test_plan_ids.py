"""Plan identifiers: which statements of different documents are taken for the same plan."""

from pipeline.parse.statements import plan_id_for


def test_plans_of_one_area_and_year_from_two_documents_share_an_id() -> None:
    assert plan_id_for("provincial", "350000", 2025, "health-work", "a") == "350000-2025-health-work"
    assert plan_id_for("provincial", "350000", 2025, "health-work", "b") == "350000-2025-health-work"
    assert plan_id_for("national", None, 2024, "health-work", "a") == plan_id_for("national", None, 2024, "health-work", "b")


def test_undated_plans_of_two_documents_are_not_merged() -> None:
    national = {plan_id_for("national", None, None, "health-work", doc) for doc in ("brief_a", "brief_b")}
    provincial = {plan_id_for("provincial", "440000", None, "health-work", doc) for doc in ("a", "b")}
    assert len(national) == 2 and len(provincial) == 2
    assert plan_id_for("national", None, None, "health-work", "brief_a") == "cn-undated.brief_a-health-work"


def test_an_undated_plan_keeps_one_id_within_its_document() -> None:
    first = plan_id_for("provincial", "440000", None, "health-work", "a")
    assert first == plan_id_for("provincial", "440000", None, "health-work", "a")


def test_a_plan_without_region_is_keyed_by_its_document_once() -> None:
    assert plan_id_for("municipal", None, 2024, "health-work", "d") == "municipal.d-2024-health-work"
    assert plan_id_for("municipal", None, None, "health-work", "d") == "municipal.d-undated-health-work"
