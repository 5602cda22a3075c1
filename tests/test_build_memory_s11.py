"""Memory of the build (issue 27), session 11: what the steps after the core tables no longer hold."""

from __future__ import annotations

import gc
import weakref

from pipeline.defs.core import forget_records
from pipeline.documents import stages
from pipeline.documents.record import DocumentRecord
from pipeline.tables.screening import screen_records


def _record(doc_id: str) -> DocumentRecord:
    text = "全市卫生健康系统召开干部大会，传达学习有关文件精神。"
    return DocumentRecord(
        doc_id=doc_id, file=f"{doc_id}.txt", sha256="0" * 64, manifest=None, text=text, cleaning_notes=(),
        metadata={}, payload={"kind": "other", "plans": [], "meeting": None},
    )  # fmt: skip


def test_forgetting_the_records_frees_the_records_the_screening_was_given():
    records = [_record("a"), _record("b")]
    assert screen_records(records) == records  # nothing to refuse: passed on as they are
    stages._records_cache[("key",)] = records  # as load_records keeps them for the core tables
    alive = [weakref.ref(record) for record in records]
    del records
    gc.collect()
    assert all(ref() is not None for ref in alive)  # still held for the next core table
    forget_records()
    gc.collect()
    assert [ref() for ref in alive] == [None, None]  # neither load_records' cache nor the screening holds them


def test_records_screened_again_after_forgetting_are_screened_the_same():
    records = [_record("c")]
    first = screen_records(records)
    forget_records()
    assert screen_records(records) == first


def test_forgetting_the_pos_tokenizer_reads_it_again_with_the_same_tokens():
    from pipeline.text import segment

    text = "国家卫生健康委召开会议，推进紧密型县域医共体建设，做实家庭医生签约服务。"
    before = segment.tokenize(text, keep_whole=["家庭医生签约"])
    plain = segment.tokenize("张翊琛到蓟州区调研，" + text)  # a name outside the dictionary: an HMM run
    first = segment.pos_tokenizer()
    segment.forget_pos_tokenizer()
    again = segment.pos_tokenizer()
    assert again is not first  # a new tokenizer, its dictionary read back from the cache folder
    assert again.tokenizer.FREQ == first.tokenizer.FREQ and again.tokenizer.total == first.tokenizer.total
    assert segment.tokenize(text, keep_whole=["家庭医生签约"]) == before
    assert segment.tokenize("张翊琛到蓟州区调研，" + text) == plain


def test_forgetting_the_pos_tokenizer_drops_jiebas_global_tag_table_and_the_next_one_parses_it_again():
    import jieba.posseg

    from pipeline.text import segment

    text = "区卫生健康局将推进医共体建设，王小明主持会议并讲话。"
    tags = [(t.token, t.pos) for t in segment.tokenize(text)]
    table = dict(jieba.posseg.dt.word_tag_tab)
    project = dict(segment.pos_tokenizer().word_tag_tab)
    segment.forget_pos_tokenizer()
    assert jieba.posseg.dt.word_tag_tab == {}  # nothing holds the parsed words while no tokenizer is needed
    assert [(t.token, t.pos) for t in segment.tokenize(text)] == tags  # the tags too: the table was parsed again
    assert jieba.posseg.dt.word_tag_tab == table and segment.pos_tokenizer().word_tag_tab == project


def test_a_worker_of_the_per_document_stages_imports_no_duckdb():
    """The stages' worker processes import the stages and what each stage imports when it runs; DuckDB is the
    caller's (load_records), never a worker's."""
    import subprocess
    import sys

    from pipeline.settings import PROJECT_ROOT

    modules = ("pipeline.documents.stages", "pipeline.text.clean", "pipeline.documents.extract",
               "pipeline.text.segment", "pipeline.parse.conference.officials")  # fmt: skip
    loaded = "sorted(m for m in ('duckdb', 'dagster') if m in sys.modules)"
    code = f"import sys; import {', '.join(modules)}; print({loaded})"
    found = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_forgetting_the_bigrams_empties_their_cache_and_matches_the_same():
    from pipeline.tables import plans

    a, b = "推进紧密型县域医共体建设，做实家庭医生签约服务。", "做实家庭医生签约服务，推进县域医共体建设。"
    before = plans.content_similarity(a, b)
    assert plans._bigrams.cache_info().currsize >= 2
    plans.forget_bigrams()
    assert plans._bigrams.cache_info().currsize == 0
    assert plans.content_similarity(a, b) == before


def test_the_analysis_step_drops_the_tokenizer_of_a_large_corpus_only_and_tokens_stay_the_same(monkeypatch):
    """pipeline.defs.analysis.forget_tokenizer_of_a_large_corpus: from FORGET_TOKENIZER_CHARS characters of
    documents the tokenizer is dropped (the package's search index makes it again, with the same tokens); below,
    it is kept."""
    import duckdb

    from pipeline.defs import analysis
    from pipeline.text import segment

    text = "市卫生健康委推进紧密型县域医共体建设，李华主持召开专题会议。"
    tags = [(t.token, t.pos) for t in segment.tokenize(text)]
    con = duckdb.connect()
    con.execute("CREATE TABLE documents (doc_id VARCHAR, text VARCHAR)")
    con.execute("INSERT INTO documents VALUES ('a', ?), ('b', NULL)", [text])
    kept = segment.pos_tokenizer()
    monkeypatch.setattr(analysis, "FORGET_TOKENIZER_CHARS", len(text) + 1)
    assert not analysis.forget_tokenizer_of_a_large_corpus(con)
    assert segment.pos_tokenizer() is kept
    monkeypatch.setattr(analysis, "FORGET_TOKENIZER_CHARS", len(text))
    assert analysis.forget_tokenizer_of_a_large_corpus(con)
    assert segment.pos_tokenizer.cache_info().currsize == 0 and segment._hmm_words.cache_info().currsize == 0
    assert [(t.token, t.pos) for t in segment.tokenize(text)] == tags
    assert segment.pos_tokenizer() is not kept
