"""The analysis functions on short texts written for these tests: tokens of a task, themes, alignment,
continuity, plan terms and the figure."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.analysis import settings as analysis_settings
from pipeline.analysis.alignment import alignment_rows, continuity_rows, reference_year
from pipeline.analysis.figure import chinese_font, render_theme_figure
from pipeline.analysis.similarity import cosine, tfidf_vectors
from pipeline.analysis.tasks import AnalysisTask, build_tasks, is_term, task_terms
from pipeline.analysis.terms import plan_term_rows
from pipeline.analysis.themes import task_theme_rows, theme_matches, theme_rows, themes_by_task
from pipeline.text.segment import tokenize


def make_tasks(specs: list[tuple[str, str, str, str | None, int, str, str]]) -> list[AnalysisTask]:
    """Tasks from (task_id, plan_id, level, region_code, work_year, title, text): one document per task,
    holding the text, tokenized with the project's jieba tokenizer."""
    task_rows, plan_rows, token_rows = [], {}, []
    for task_id, plan_id, level, region_code, year, title, text in specs:
        doc_id = f"doc-{task_id}"
        task_rows.append(
            {
                "task_id": task_id,
                "plan_id": plan_id,
                "parent_task_id": None,
                "title": title,
                "text": text,
                "doc_id": doc_id,
                "char_start": 0,
                "char_end": len(text),
            }
        )
        plan_rows[plan_id] = {"plan_id": plan_id, "level": level, "region_code": region_code, "work_year": year}
        token_rows += [
            {"doc_id": doc_id, "char_start": t.start, "char_end": t.end, "token": t.token, "pos": t.pos}
            for t in tokenize(text)
        ]
    return build_tasks(task_rows, plan_rows.values(), token_rows)


def national(year: int, ordinal: int, text: str) -> tuple:
    return (f"cn-{year}-t{ordinal:02d}", f"cn-{year}", "national", None, year, text.split("。")[0], text)


def local(code: str, year: int, ordinal: int, title: str, text: str, level: str = "provincial") -> tuple:
    return (f"{code}-{year}-m{ordinal:02d}", f"{code}-{year}", level, code, year, title, text)


NATIONAL_2030 = [
    national(2030, 1, "深化医药卫生体制改革。推广三明医改经验，推进公立医院薪酬制度改革和医疗服务价格动态调整。"),
    national(2030, 2, "推进中医药传承创新发展。加强中医优势专科建设，开展西学中人才培养。"),
    national(2030, 3, "完善生育支持政策。大力发展普惠托育服务，扩大托位供给，发放育儿补贴。"),
]


def test_task_tokens_are_the_tokens_inside_its_span_and_a_separate_title_is_segmented():
    text = "前言。推进紧密型县域医共体建设。后记。"
    start = text.index("推进")
    end = text.index("后记")
    tokens = [
        {"doc_id": "d", "char_start": t.start, "char_end": t.end, "token": t.token, "pos": t.pos}
        for t in tokenize(text)
    ]
    row = {
        "task_id": "x-1",
        "plan_id": "p",
        "parent_task_id": None,
        "title": "强化基层",
        "text": text[start:end],
        "doc_id": "d",
        "char_start": start,
        "char_end": end,
    }
    (task,) = build_tasks(
        [row], [{"plan_id": "p", "level": "provincial", "region_code": "330000", "work_year": 2030}], tokens
    )
    words = [t.token for t in task.tokens]
    assert "前言" not in words and "后记" not in words
    assert words[:2] == ["强化", "基层"]  # the heading, segmented, comes first
    assert "紧密型县域医共体" in words
    inside = [(t.token, t.pos) for t in tokenize(text) if start <= t.start and t.end <= end]
    assert [(t.token, t.pos) for t in task.tokens[2:]] == inside  # then the tokens of the span, in order


def test_a_word_and_tag_met_again_is_the_same_token_object_in_every_task():
    first, second = make_tasks(
        [
            local("330000", 2030, 1, "", "推进医共体建设。"),
            local("330000", 2030, 2, "", "做实医共体，推进分级诊疗。"),
        ]
    )
    words = {(t.token, t.pos): t for t in first.tokens}
    again = [t for t in second.tokens if (t.token, t.pos) in words]
    assert {t.token for t in again} >= {"推进", "医共体", "。"}
    assert all(t is words[(t.token, t.pos)] for t in again)  # one object per word and tag, not per occurrence
    assert "".join(t.token for t in second.tokens) == "做实医共体，推进分级诊疗。"  # its own words, in order


def test_a_task_of_an_unknown_plan_is_an_error_naming_the_task():
    row = {
        "task_id": "x-1",
        "plan_id": "missing",
        "title": "",
        "text": "",
        "doc_id": "d",
        "char_start": 0,
        "char_end": 0,
    }
    with pytest.raises(ValueError, match="x-1"):
        build_tasks([row], [], [])


def test_terms_drop_punctuation_numbers_stop_words_and_region_names():
    assert is_term("医共体", "n")
    assert not is_term("，", "x")
    assert not is_term("2025", "m")
    assert not is_term("推进", "v")  # stop-word of political prose
    assert not is_term("浙江", "ns")  # region name
    assert not is_term("医", "n")  # one character
    (task,) = make_tasks([local("330000", 2030, 1, "聚焦", "推进紧密型县域医共体建设")])
    terms = task_terms(task)
    assert "紧密型县域医共体" in terms and "医共体" in terms  # the compound and its sub-word


def test_themes_match_whole_tokens_and_the_longest_reading_wins():
    tasks = make_tasks(
        [
            local("330000", 2030, 1, "改革", "推进医疗服务价格动态调整，深化公立医院改革。"),
            local("330000", 2030, 2, "基层", "推进紧密型县域医共体建设，做实家庭医生签约服务。"),
            local("330000", 2030, 3, "其他", "开展植树活动。"),
        ]
    )
    first, second, third = (theme_matches(task) for task in tasks)
    assert "public_hospital_reform" in first
    assert "care_quality" not in first  # 医疗服务 only inside 医疗服务价格
    assert first["public_hospital_reform"][1][0] == "医疗服务价格"
    assert "primary_care" in second and "紧密型县域医共体" in second["primary_care"][1]
    assert third == {}


def test_weak_terms_alone_do_not_give_a_theme():
    (task,) = make_tasks([local("330000", 2030, 1, "打造名院", "提升国际影响力。")])
    assert "openness_cooperation" not in theme_matches(task)  # 国际 is a weak term: 0.5 < 1


def test_theme_rows_name_every_theme_with_both_labels():
    rows = theme_rows()
    assert 20 <= len(rows) <= 40
    assert len({row["theme"] for row in rows}) == len(rows)
    assert all(row["label_zh"] and row["label_en"] and row["signal_terms"] for row in rows)


def test_a_duplicate_theme_id_is_an_error_naming_the_file(monkeypatch):
    duplicate = {"theme": [{"id": "a", "label_zh": "甲", "label_en": "A", "terms": ["医改"]}] * 2}
    monkeypatch.setattr(analysis_settings, "read_toml", lambda name: duplicate)
    analysis_settings.themes.cache_clear()
    try:
        with pytest.raises(ValueError, match="themes.toml: duplicate theme id 'a'"):
            analysis_settings.themes()
    finally:
        analysis_settings.themes.cache_clear()


def test_tfidf_cosine_of_a_document_with_itself_is_one_and_of_disjoint_documents_zero():
    vectors = tfidf_vectors({"a": ["医改", "医改", "三明"], "b": ["托育"], "c": ["医改", "三明"]})
    assert cosine(vectors["a"], vectors["a"]) == pytest.approx(1.0)
    assert cosine(vectors["a"], vectors["b"]) == 0.0
    assert 0 < cosine(vectors["a"], vectors["c"]) <= 1


def test_a_provincial_task_aligns_to_the_national_task_it_echoes_and_an_unrelated_one_to_none():
    tasks = make_tasks(
        [
            *NATIONAL_2030,
            local("350000", 2030, 1, "推进医改", "学习推广三明医改经验，深化公立医院薪酬制度改革。"),
            local("350000", 2030, 2, "发展托育", "完善生育支持政策，新增普惠托育托位。"),
            local("350000", 2030, 3, "修路", "修建高速公路和桥梁。"),
        ]
    )
    rows = alignment_rows(tasks, themes_by_task(task_theme_rows(tasks)))
    links = {(row["task_id"], row["national_task_id"]) for row in rows if row["rank"] == 1}
    assert ("350000-2030-m01", "cn-2030-t01") in links
    assert ("350000-2030-m02", "cn-2030-t03") in links
    assert not [row for row in rows if row["task_id"] == "350000-2030-m03"]
    first = next(row for row in rows if row["task_id"] == "350000-2030-m01" and row["rank"] == 1)
    assert "三明医改经验" in first["shared_terms"].split(";")
    assert first["national_work_year"] == 2030


def test_a_local_plan_without_a_national_plan_of_its_year_follows_the_latest_earlier_one():
    assert reference_year(2031, [2029, 2030]) == 2030
    assert reference_year(2030, [2029, 2030]) == 2030
    assert reference_year(2028, [2029, 2030]) is None
    tasks = make_tasks(
        [*NATIONAL_2030, local("350100", 2031, 1, "中医", "推进中医药传承创新发展，建设中医优势专科。", "municipal")]
    )
    rows = alignment_rows(tasks, themes_by_task(task_theme_rows(tasks)))
    assert [(row["national_task_id"], row["national_work_year"]) for row in rows][0] == ("cn-2030-t02", 2030)


def test_continuity_marks_new_continued_and_dropped():
    tasks = make_tasks(
        [
            *NATIONAL_2030,
            national(2031, 1, "持续深化医药卫生体制改革。以地市为单位推广三明医改经验，推进公立医院薪酬制度改革。"),
            national(2031, 2, "发展数字健康。推进人工智能应用，建设互联网医院和电子病历。"),
        ]
    )
    rows = {row["task_id"]: row for row in continuity_rows(tasks, themes_by_task(task_theme_rows(tasks)))}
    assert rows["cn-2030-t01"]["status_next"] == "continued"
    assert rows["cn-2030-t01"]["next_task_id"] == "cn-2031-t01"
    assert rows["cn-2030-t03"]["status_next"] == "dropped"
    assert rows["cn-2031-t02"]["status_previous"] == "new"
    assert rows["cn-2031-t01"]["status_previous"] == "continued"
    assert rows["cn-2030-t01"]["status_previous"] is None  # no 2029 plan in the corpus
    assert rows["cn-2031-t01"]["status_next"] is None


def test_plan_terms_rank_distinctive_terms_and_count_tracked_terms_inside_compounds():
    tasks = make_tasks(
        [
            local("330000", 2030, 1, "建好医共体", "推进紧密型县域医共体建设，县域医共体全覆盖。"),
            local("350000", 2030, 1, "托育", "发展普惠托育服务，增加托位。"),
        ]
    )
    rows = plan_term_rows(tasks)
    tracked = {(row["plan_id"], row["term"]): row["count"] for row in rows if row["kind"] == "tracked"}
    assert tracked[("330000-2030", "医共体")] == 3  # title, 紧密型县域医共体, 县域医共体
    assert tracked[("350000-2030", "医共体")] == 0
    top = [row for row in rows if row["plan_id"] == "330000-2030" and row["kind"] == "top"]
    assert top[0]["rank"] == 1 and "推进" not in {row["term"] for row in top}
    assert {row["term"] for row in top} & {"紧密型县域医共体", "县域医共体", "医共体"}


@pytest.mark.slow  # draws the figure with matplotlib
def test_the_figure_is_a_png_without_metadata_and_the_same_bytes_every_time():
    tasks = make_tasks(
        [
            *NATIONAL_2030,
            local("350000", 2030, 1, "推进医改", "学习推广三明医改经验。"),
            local("330000", 2030, 1, "中医", "推进中医药传承创新发展。"),
        ]
    )
    themes = themes_by_task(task_theme_rows(tasks))
    first = render_theme_figure(tasks, themes, {"350000": "福建", "330000": "浙江"})
    second = render_theme_figure(tasks, themes, {"350000": "福建", "330000": "浙江"})
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()
    assert b"tIME" not in first and b"Software" not in first and b"matplotlib" not in first
    assert chinese_font() == "Noto Sans SC"


@pytest.mark.slow  # draws the figure with matplotlib
def test_the_figure_is_drawn_without_warnings_when_there_is_no_provincial_plan(recwarn):
    tasks = make_tasks(NATIONAL_2030)
    png = render_theme_figure(tasks, themes_by_task(task_theme_rows(tasks)), {})
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]
