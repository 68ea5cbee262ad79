"""The same properties on Japanese text: extraction never raises and every cited span is
really in the article (GiNZA makes sentences of newlines and 。, quotes hold 。)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kizuna import pipeline
from kizuna.model import Article
from tests.test_properties import check_document

PIECES = [
    "石破茂首相は", "トランプ米大統領と", "会談した", "訪米する予定だ", "共同声明を発表した",
    "日米", "ソフトバンクグループが", "5000億ドル（約78兆円）", "1兆7225億円", "を投資する",
    "輸出規制を", "見送った", "検討している", "7日", "先月", "来週", "昨年12月", "令和7年",
    "「", "」", "『", "』", "と述べた", "。", "、", "\n", "\n\n", "同氏は", "両首脳は",
]

japanese_text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=50).map("".join),
    st.text(alphabet="".join(PIECES) + "abc $¥0123456789", max_size=200),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=japanese_text, published=st.none() | st.dates(date(1990, 1, 1), date(2090, 1, 1)))
def test_japanese_text_never_raises_and_every_span_slices(text: str, published) -> None:
    if not text.strip():
        return
    doc = pipeline.extract_document(Article(id="x", text=text, language="ja",
                                            published=published))
    check_document(doc, text)
