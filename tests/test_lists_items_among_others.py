"""An item that is one of several printed in its sentence (…；二要A，B，C，D；三要…) or in a run of sentences opening on
the same lead (坚持A，…。坚持B，…。) is a headline with the measures that carry it out: one task however many measures
(pipeline.parse.lists.measures.among_items, lists.toml [shape] item_separators, same_lead_chars). A requirement that is a
sentence of its own (要A，B，C，D，E。) lists its measures as tasks; a ；inside an item only groups its measures.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.lists.measures import among_items


def _among(text: str, item: str) -> bool:
    start = text.index(item)
    return among_items(text, start, start + len(item))


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # a sibling after it, past a ；
        ("会议强调，要优化资源布局，推进A，完善B，加强C，落实D；要强化基层服务。", "优化资源布局，推进A，完善B，加强C，落实D；"),
        # a sibling before it
        ("他要求：一要抓好疫情防控；二要深化医改，推进A，完善B，加强C，落实D。", "深化医改，推进A，完善B，加强C，落实D。"),
        # ASCII semicolons of a copied page
        ("会议要求,要优化资源布局,推进A,完善B,加强C,落实D;要强化基层服务。", "优化资源布局,推进A,完善B,加强C,落实D;"),
        # sentences on one lead, after a modal or not
        ("坚持规划先行，推进A，完善B，加强C，落实D。坚持改革创新，深化E。", "坚持规划先行，推进A，完善B，加强C，落实D。"),
        ("要着力强基层，推进A，完善B，加强C，落实D。要着力补短板，深化E。", "着力强基层，推进A，完善B，加强C，落实D。"),
        ("着力补短板，深化E。着力强基层，推进A，完善B，加强C，落实D。", "着力强基层，推进A，完善B，加强C，落实D。"),
    ],
)
def test_items_among_others(text: str, item: str) -> None:
    assert _among(text, item)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # a requirement that is a sentence of its own
        ("会议强调，要深化医改，推进A，完善B，加强C，落实D。要增强政治自觉。", "深化医改，推进A，完善B，加强C，落实D。"),
        # a ；inside the item groups its measures
        ("三要推动两个提升，推进A，完善B，加强C；落实D，优化E，健全F。", "推动两个提升，推进A，完善B，加强C；落实D，优化E，健全F。"),
        # a ；closing the paragraph, nothing after it
        ("会议要求，要深化医改，推进A，完善B，加强C，落实D；\n要强化基层服务。", "深化医改，推进A，完善B，加强C，落实D；"),
        # neighbouring sentences on other leads, or on the same lead in another paragraph
        ("坚持规划先行，推进A，完善B，加强C，落实D。同时，要深化E。", "坚持规划先行，推进A，完善B，加强C，落实D。"),
        ("坚持规划先行，推进A，完善B，加强C，落实D。\n坚持改革创新，深化E。", "坚持规划先行，推进A，完善B，加强C，落实D。"),
    ],
)
def test_items_standing_alone(text: str, item: str) -> None:
    assert not _among(text, item)
