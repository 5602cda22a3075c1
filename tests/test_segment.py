"""Sentence splitting and jieba tokens with the domain dictionary."""

import pytest

from pipeline.text.segment import JIEBA_CACHE_DIR, split_sentences, tokenize


def test_sentences_split_on_final_punctuation_and_lines_with_exact_offsets():
    text = "会议指出，成效显著。一是加强基层；二是深化改革！\n1\n坚持预防为主"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "会议指出，成效显著。",
        "一是加强基层；",
        "二是深化改革！",
        "1",
        "坚持预防为主",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.sentence_no for s in sentences] == [1, 2, 3, 4, 5]


def test_closing_quote_stays_with_its_sentence():
    assert [s.text for s in split_sentences("他说：“要加强。”随后散会。")] == ["他说：“要加强。”", "随后散会。"]


@pytest.mark.parametrize("term", ["紧密型县域医共体", "三明医改经验", "儿科和精神卫生服务年", "新质生产力", "西学中"])
def test_domain_terms_stay_whole(term):
    text = f"持续推进{term}建设。"
    assert term in [t.token for t in tokenize(text)]


def test_token_offsets_reproduce_tokens_and_cache_is_in_the_project():
    text = "以地市为单位全面推广三明医改经验，推进 紧密型县域医共体建设。"
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.token for t in tokens)
    assert all(t.token.strip() for t in tokens)
    assert (JIEBA_CACHE_DIR / "jieba.cache").exists() or any(JIEBA_CACHE_DIR.iterdir())
