"""Sentence splitting and jieba tokens with the domain dictionary."""

from pathlib import Path

import pytest

from pipeline.parse.conference.officials import official_names
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


def test_names_of_officials_and_places_are_one_token() -> None:
    words = [t.token for t in tokenize("国家卫生健康委党组书记、主任雷海潮出席会议并讲话。")]
    assert "雷海潮" in words and "海潮" not in words
    words = [t.token for t in tokenize("国家卫生健康委党组副书记、副主任曾益新作总结讲话。")]
    assert "曾益新" in words and "新作" not in words
    words = [t.token for t in tokenize("以丽水、湖州、衢州3个示范市为牵引。")]
    assert {"丽水", "湖州", "衢州"} <= set(words)


def test_a_documents_own_officials_are_kept_whole_without_touching_other_documents() -> None:
    # 邓海潮 is in no dictionary: the meeting parser finds him in the report, and only there is he whole.
    report = "省卫生健康委主任邓海潮作工作报告。"
    other = "这是邓海潮新作品。"
    alone = [t.token for t in tokenize(other, keep_whole=official_names(other))]
    assert "邓海潮" in [t.token for t in tokenize(report, keep_whole=official_names(report))]
    assert [t.token for t in tokenize(other, keep_whole=official_names(other))] == alone  # the report first changes nothing
    assert "邓海潮" not in alone  # this text names him by no role: the name is not added for it


def test_the_tokenizer_is_restored_after_each_document() -> None:
    from pipeline.text.segment import pos_tokenizer

    base = pos_tokenizer().tokenizer
    before = (base.total, len(base.FREQ))
    tokenize("市卫生健康委主任赵某某作工作报告。")
    assert (base.total, len(base.FREQ)) == before


def test_a_semicolon_ends_a_sentence_a_colon_and_comma_do_not() -> None:
    texts = [s.text for s in split_sentences("重点抓好三项工作：一是强基层，补短板；二是促改革。")]
    assert texts == ["重点抓好三项工作：一是强基层，补短板；", "二是促改革。"]


def _texts_to_compare() -> list[str]:
    """The seeds, and the dev set's real texts beside the project when it is there (../shared/devset)."""
    from pipeline.text.clean import clean_text
    from tests.conftest import SEEDS

    devset = Path(__file__).resolve().parents[2] / "shared" / "devset" / "texts"
    files = sorted(SEEDS.glob("*.txt")) + (sorted(devset.glob("*.txt")) if devset.is_dir() else [])
    return [clean_text(path.read_text(encoding="utf-8")).text for path in files]


@pytest.mark.slow  # segments every seed twice and once more with jieba's own tokenizer
def test_the_hmm_cache_changes_no_token_on_the_seeds_and_the_dev_set() -> None:
    import jieba.posseg

    from pipeline.text.segment import _tokens, _words_added, pos_tokenizer

    cached = pos_tokenizer()
    cached.makesure_userdict_loaded()
    plain = object.__new__(jieba.posseg.POSTokenizer)  # jieba's own class, no cache, same dictionary and tags
    plain.tokenizer, plain.word_tag_tab = cached.tokenizer, cached.word_tag_tab
    assert type(plain) is jieba.posseg.POSTokenizer and type(cached) is not jieba.posseg.POSTokenizer
    texts = _texts_to_compare()
    assert len(texts) >= 5
    for text in texts:
        sentences, keep = split_sentences(text), official_names(text)
        with _words_added(plain, keep):
            expected = _tokens(plain, text, sentences)
        for _ in range(2):  # the second pass reads every run from the cache
            with _words_added(cached, keep):
                assert _tokens(cached, text, sentences) == expected


def test_a_stored_tokenizer_state_is_the_dictionary_jieba_and_the_words_make(tmp_path: Path) -> None:
    """A state read back from the cache folder equals the one jieba and the added words make; a state file cut
    short, or one for other inputs, is not used. On a small dictionary of its own (the mechanism does not depend
    on its size); the next test checks the project's own tokenizer."""
    import jieba

    from pipeline.text.tokenizer_state import load_or_make_state

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("卫生 100 n\n健康 100 n\n工作 100 vn\n会议 100 n\n", encoding="utf-8")

    def tokenizer() -> jieba.Tokenizer:
        made = jieba.Tokenizer(str(dictionary))
        made.tmp_dir = str(tmp_path)
        return made

    def add(made: jieba.Tokenizer) -> None:
        made.add_word("医共体", 2000, "n")
        made.add_word("某某", 0)  # a word forced to split: jieba records it in finalseg

    def state(made: jieba.Tokenizer) -> tuple:
        return made.FREQ, made.total, made.user_word_tag_tab

    cache = tmp_path / "cache"
    cache.mkdir()
    forced = set(jieba.finalseg.Force_Split_Words)  # a process-wide set: restored for the other tests
    try:
        made, read = tokenizer(), tokenizer()
        assert load_or_make_state(made, cache, [b"inputs"], add) is False
        assert "某某" in jieba.finalseg.Force_Split_Words
        jieba.finalseg.Force_Split_Words.discard("某某")  # to be read back from the state, too
        assert load_or_make_state(read, cache, [b"inputs"], add) is True
        assert state(read) == state(made) and "医共体" in read.FREQ and read.user_word_tag_tab == {"医共体": "n"}
        assert "某某" in jieba.finalseg.Force_Split_Words
        [stored] = cache.glob("tokenizer-*.pickle")
        stored.write_bytes(stored.read_bytes()[:100])  # cut short
        again = tokenizer()
        assert load_or_make_state(again, cache, [b"inputs"], add) is False and state(again) == state(made)
        other = tokenizer()  # other inputs (changed data or code): made with their own words
        assert load_or_make_state(other, cache, [b"other"], lambda t: t.add_word("托育", 5, "n")) is False
        assert "托育" in other.FREQ and "医共体" not in other.FREQ
    finally:
        jieba.finalseg.Force_Split_Words.clear()
        jieba.finalseg.Force_Split_Words.update(forced)


def test_the_project_tokenizer_holds_the_dictionary_jieba_and_the_project_words_make() -> None:
    """The tokenizer this process segments with (read from the cache folder, or made) equals one made now by
    jieba and the project's words."""
    import jieba

    from pipeline.text.segment import _add_project_words, pos_tokenizer

    made = jieba.Tokenizer()
    made.check_initialized()
    _add_project_words(made)
    pos = pos_tokenizer()
    pos.makesure_userdict_loaded()  # the added words' tags move to the POS table on first use
    assert (pos.tokenizer.FREQ, pos.tokenizer.total) == (made.FREQ, made.total) and "紧密型县域医共体" in made.FREQ
    assert made.user_word_tag_tab and made.user_word_tag_tab.items() <= pos.word_tag_tab.items()


def test_a_tag_table_whose_strings_are_shared_is_equal_and_holds_the_frequency_tables_own_words() -> None:
    from pipeline.text.segment import _share_strings

    words = {"".join(["医", "共体"]): 5, "".join(["托", "育"]): 3, "医": 0}  # built strings: not the literals below
    tags = {"托育": "".join(["v", "n"]), "医共体": "".join(["n", "z"]), "外来词": "".join(["v", "n"])}
    before = list(tags.items())
    _share_strings(tags, words)
    assert list(tags.items()) == before  # same words, tags and order
    kept = {id(word) for word in words}
    assert id(next(w for w in tags if w == "托育")) in kept and id(next(w for w in tags if w == "医共体")) in kept
    assert next(w for w in tags if w == "外来词") == "外来词"  # a word the frequencies lack is kept as it is
    assert tags["托育"] is tags["外来词"]  # one object per tag
    assert _share_strings({}, words) is None


def test_sharing_the_tag_strings_changes_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    import jieba.posseg

    from pipeline.text import segment

    text = "推进紧密型县域医共体建设，发展普惠托育服务。加强儿科和精神卫生服务年活动，张三主持会议。"
    plain = [(t.token, t.pos, t.start, t.end) for t in tokenize(text)]
    global_table = dict(jieba.posseg.dt.word_tag_tab)
    monkeypatch.setattr(segment, "_SHARE_TAG_STRINGS", [False])
    segment.share_tag_strings()
    segment.pos_tokenizer.cache_clear()
    try:
        assert [(t.token, t.pos, t.start, t.end) for t in tokenize(text)] == plain
        assert jieba.posseg.dt.word_tag_tab == global_table
        freq = segment.pos_tokenizer().tokenizer.FREQ
        word = next(w for w in jieba.posseg.dt.word_tag_tab if w == "建设")
        assert any(w is word for w in freq)
    finally:
        segment.pos_tokenizer.cache_clear()
