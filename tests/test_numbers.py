"""Number parsing: one numeral string as written in Chinese policy text → its value."""

import pytest

from pipeline.text.numbers import parse_number


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("1.5万", 15000.0),  # Arabic with a multiplier
        ("70万", 700000.0),
        ("50亿", 5e9),
        ("1万亿", 1e12),  # chained multipliers
        ("千亿", 1e11),  # a leading multiplier stands for one of it
        ("万", 1e4),
        ("十五", 15.0),  # Chinese numerals through cn2an
        ("一千八百", 1800.0),
        ("十", 10.0),
        ("两", 2.0),
        ("两百万", 2e6),
        ("零点五", 0.5),
        ("4.33", 4.33),  # plain Arabic
        ("7500", 7500.0),
        ("1,000", 1000.0),  # digit groups
        ("12,500.5", 12500.5),
        (" 90 ", 90.0),  # surrounding spaces ignored
    ],
)
def test_parse_number(numeral: str, value: float) -> None:
    assert parse_number(numeral) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "  ", "abc", "第三", "十四五", "百千万", "1.5万个", "3岁", "1,00", "%"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_result_is_a_float() -> None:
    assert isinstance(parse_number("8"), float)
    assert isinstance(parse_number("八"), float)
