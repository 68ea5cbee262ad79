"""Japanese trigger words that name no happening: what something is about (投資をめぐって),
part of a longer noun (輸出先), or inside a name (アジア太平洋経済協力会議)."""

from __future__ import annotations

import pytest

# article, the event types it must hold exactly
ONLY_TYPES: list = [
    ("石破首相は3日、孫正義氏と面会し、米国でのAI投資をめぐって意見を交わした。", {"MEET"}),
    ("日米両政府は22日、関税措置を巡る交渉で合意した。", {"AGREE"}),
    ("米商務省は13日、半導体の輸出先を3段階に分ける規則を公表した。", {"POLICY"}),
    ("トランプ大統領は30日、アジア太平洋経済協力会議に合わせて習近平国家主席と会談した。",
     {"MEET"}),
    # 訪米 is a visit and names its place: it stays an event
    ("岩屋毅外相は6日に訪米した。", {"VISIT"}),
]


@pytest.mark.parametrize(("text", "types"), ONLY_TYPES)
def test_only_these_types(ja_extract, text, types):
    got = ja_extract(text)
    assert {e.type for e in got.doc.events} == types, got.describe()
