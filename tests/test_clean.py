"""Cleaning rules, one test each, on short texts written for the purpose."""

from pathlib import Path

import pytest

from pipeline.text.clean import (
    clean_text,
    collapse_repeats,
    find_tandem_repeat,
    normalize_characters,
    rejoin_broken_paragraphs,
    remove_cjk_spaces,
    unify_punctuation,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_odd_spaces_and_zero_width_characters_are_normalised():
    assert normalize_characters("新增\u00a01.5\u2002万个\u200b托位\u3000") == "新增 1.5 万个托位 "


def test_full_width_digits_and_signs_become_ascii():
    assert normalize_characters("达到９０％以上，１～３个") == "达到90%以上，1~3个"


def test_ascii_punctuation_in_chinese_text_becomes_full_width_but_digit_groups_stay():
    assert unify_punctuation("会议指出,要加强(试点):一是;二是!") == "会议指出，要加强（试点）：一是；二是！"
    assert unify_punctuation("投入1,000万元,时间12:30") == "投入1,000万元，时间12:30"
    assert unify_punctuation("see http://example.org, ok") == "see http://example.org, ok"


def test_spaces_next_to_cjk_are_removed_but_latin_spacing_kept():
    assert remove_cjk_spaces("2025 年 新增 1.5 万个 “渝十味” 全产业链") == "2025年新增1.5万个“渝十味”全产业链"
    assert remove_cjk_spaces("打造行业的 Chat GPT 应用") == "打造行业的Chat GPT应用"


def test_markdown_emphasis_is_removed():
    assert clean_text("基础。**一是**坚持。__二是__加强。").text == "基础。一是坚持。二是加强。"


def test_page_break_inside_a_sentence_is_rejoined():
    prose = "会议强调，要深入推进健康中国建设，持续推进医药卫生体制改革，加快推进分级诊疗制度建设，推动优质医疗资源扩容下沉和区域均衡布局，加强党风"
    assert len(prose) >= 60
    lines = rejoin_broken_paragraphs([prose, "廉政建设和反腐败斗争，取得新成效。", "会议要求，做好岁末年初工作。"])
    assert lines == [prose + "廉政建设和反腐败斗争，取得新成效。", "会议要求，做好岁末年初工作。"]


def test_headings_and_items_are_not_joined_to_unfinished_prose():
    closing = "展望新的一年，全省卫生健康系统将以更加饱满的热情、更加坚定的步伐，奋力谱写健康事业高质量发展新篇章"
    lines = [closing, "吉林：聚焦高质量发展新展望", "优化资源布局：推进国家区域医疗中心建设。", "二是加强基层。"]
    assert rejoin_broken_paragraphs(lines) == lines


def test_duplicated_run_inside_a_paragraph_is_collapsed():
    sentence = "2025年是十四五规划收官之年，全市卫生健康系统将更好统筹发展和安全，为首都奠定坚实的健康基础。"
    cut = 25
    garbled = sentence[:cut] + sentence + sentence[cut:]  # a run pasted inside itself
    lines, notes = collapse_repeats([garbled])
    assert lines == [sentence]
    assert len(notes) == 2


def test_short_repetitions_are_not_collapsed():
    assert find_tandem_repeat("加强加强基层建设，做实做实服务") is None


def test_site_boilerplate_is_dropped_and_metadata_kept():
    raw = "\n".join(
        [
            "欢迎访问某某健康网 | 网站首页",
            "当前位置:首页 > 资讯 > 政策",
            "标题在此",
            "发布时间:2025-03-01 来源: 某某卫健 浏览量: 字号:【加大】【减小】",
            "打开手机扫描二维码",
            "即可在手机端查看",
            "正文第一段。",
            "特别声明:本网转载其他网站内容,不代表本网观点。",
            "某某网 © 2022 版权所有 ICP备案号:沪ICP备1234号",
            "【返回列表】",
        ]
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "标题在此\n正文第一段。"
    assert cleaned.published_date == "2025-03-01"
    assert cleaned.source == "某某卫健"


def test_wechat_header_byline_and_account_card_are_dropped():
    raw = "\n".join(
        [
            "标题",
            "健康   2025-01-07 17:19   山东  ",
            "记者|张三",
            "正文。",
            "来源:某某卫生",
            "某某区卫生健康",
            "发布某某区卫生健康权威信息，我们与您同行。",
            " 最新文章",
        ]
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "标题\n正文。"
    assert cleaned.published_date == "2025-01-07"
    assert cleaned.source == "某某卫生"


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_cleaning_leaves_no_boilerplate_or_odd_spacing(name):
    text = clean_text((SEEDS / name).read_text(encoding="utf-8")).text
    for junk in ("二维码", "版权所有", "返回列表", "最新文章", "**", "\u00a0", "\u3000", " 年", "\n\n"):
        assert junk not in text
    assert text == text.strip()


def test_beijing_paragraph_of_the_roundup_is_collapsed_once():
    cleaned = clean_text((SEEDS / "003_a1a5b979cf4b0208.txt").read_text(encoding="utf-8"))
    assert cleaned.text.count("北京市卫生健康委将继续坚持") == 1
    assert "更好统筹发展和安全，大力提升“四个服务”能力" in cleaned.text
    assert cleaned.notes


def _quadratic_tandem_repeat(paragraph: str, min_length: int = 12) -> tuple[int, int] | None:
    """The former definition of find_tandem_repeat: every length from the longest down, leftmost first."""
    n = len(paragraph)
    for length in range(n // 2, min_length - 1, -1):
        run = 0
        for j in range(n - length):
            run = run + 1 if paragraph[j] == paragraph[j + length] else 0
            if run == length:
                return j - length + 1, length
    return None


def test_tandem_repeat_search_agrees_with_the_quadratic_definition():
    import random

    generator = random.Random(11)
    pieces = ["卫生", "健康", "工作", "会议", "。", "，", "推进", "基层", "医疗", "2025年"]
    for case in range(400):
        words = [generator.choice(pieces[: generator.randint(2, len(pieces))]) for _ in range(generator.randint(5, 60))]
        text = "".join(words)
        if case % 3 == 0 and len(text) > 4:  # paste a run inside itself, as a bad copy does
            start, end = sorted(generator.sample(range(len(text)), 2))
            text = text[:end] + text[start:end] + text[end:]
        for min_length in (3, 12):
            assert find_tandem_repeat(text, min_length) == _quadratic_tandem_repeat(text, min_length), (
                text,
                min_length,
            )


def test_very_repetitive_paragraphs_are_still_collapsed_or_left_with_a_note(monkeypatch):
    import pipeline.text.clean as clean

    # These paragraphs exhaust the main search's budget and are searched length by length; a budget of one
    # step per character takes them there at once (the default takes ~1 s to get there, same path).
    monkeypatch.setattr(clean, "_REPEAT_STEPS_PER_CHAR", 1)
    by_length = []
    real = clean._longest_square_by_length
    monkeypatch.setattr(clean, "_longest_square_by_length", lambda text, n: by_length.append(text) or real(text, n))
    for text in ("哈" * 30_000, "卫生健康" * 5_000 + "工作", "甲乙" * 3 + "哈" * 20_000):
        assert find_tandem_repeat(text) == _quadratic_tandem_repeat(text), text[:10]
        assert by_length[-1] == text


def test_a_paragraph_beyond_the_search_limit_is_left_with_a_note(monkeypatch):
    import pipeline.text.clean as clean

    monkeypatch.setattr(clean, "_REPEAT_STEPS_PER_CHAR", 0)
    monkeypatch.setattr(clean, "_REPEAT_LENGTHS_TRIED", 5)
    text = "卫生健康工作会议" * 4 + "，" + "推进基层医疗卫生" * 30
    assert find_tandem_repeat("卫生健康工作会议" * 4) == (0, 16)  # within the lengths tried
    lines, notes = collapse_repeats([text])
    assert lines == [text]
    assert notes == [
        "paragraph 1: not searched for duplicated runs (too repetitive: no duplicated run among the 5 longest lengths tried)"
    ]
