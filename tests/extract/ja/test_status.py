"""The status of Japanese events, read from the predicate after the trigger: planned
(予定, 方針, 調整に入った), considered (検討, 視野, 〜すれば), negated (見送った, 〜ない) or
happened (a plain past). Every row is a short article written for this test, run through
the real pipeline (GiNZA loaded once per module).
"""

from __future__ import annotations

import pytest

from kizuna.model import STATUSES
from tests.conftest import xfail
from tests.extract.conftest import want

# article, event type, the names of all who take part, status. The article states that
# event and those in ALSO, and no other.
STATUS: list = [
    # planned
    ("石破首相は来月、トランプ大統領と会談する予定だ。", "MEET",
     {"Shigeru Ishiba", "Donald Trump"}, "planned"),
    ("政府は中国への半導体製造装置の輸出規制を強化する方針だ。", "RESTRICT",
     {"Japan", "China"}, "planned"),
    ("ソフトバンクグループとオープンAIは近く提携する見通しだ。", "COOPERATE",
     {"SoftBank Group", "OpenAI"}, "planned"),
    ("日米両政府は首脳会談を来月開く方向で調整に入った。", "MEET",
     {"Japan", "United States"}, "planned"),
    ("トランプ大統領は年内に日本を訪問する意向を示した。", "VISIT",
     {"Donald Trump", "Japan"}, "planned"),
    ("石破首相はトランプ大統領と早期に会談する考えだ。", "MEET",
     {"Shigeru Ishiba", "Donald Trump"}, "planned"),
    ("日本は米国産のLNGを輸入する。", "TRADE", {"Japan", "United States"}, "planned"),
    # a plain non-past verb closing the sentence, or said with と, tells what is to come
    ("米国は中国製の鉄鋼への関税を引き上げる。", "RESTRICT", {"United States", "China"},
     "planned"),
    ("トヨタ自動車は新型の電池を発売すると発表した。", "RELEASE", {"Toyota Motor"}, "planned"),
    ("ソフトバンクグループはオープンAIに追加で出資するという。", "INVEST",
     {"SoftBank Group", "OpenAI"}, "planned"),
    # what an order signed will do is planned (the signing happened)
    ("トランプ米大統領は4日、中国からの鉄鋼への関税を引き上げる大統領令に署名した。", "RESTRICT",
     {"Donald Trump", "United States", "China"}, "planned"),
    # ... but a verb of state tells what holds now
    ("トヨタ自動車によるデンソーへの出資は10億円にとどまる。", "INVEST",
     {"Toyota Motor", "Denso"}, "happened"),
    # considered
    ("政府は中国企業への輸出規制を検討している。", "RESTRICT", {"Japan", "China"},
     "considered"),
    ("トヨタ自動車は米国での新たな投資を視野に入れる。", "INVEST",
     {"Toyota Motor", "United States"}, "considered"),
    ("日本と米国は首脳会談の早期実現を模索している。", "MEET",
     {"Japan", "United States"}, "considered"),
    # 〜ことを考えている weighs an option; 〜する考えだ (planned, above) settles on it
    ("岩屋外相は年内にインドを訪問することも考えている。", "VISIT",
     {"Takeshi Iwaya", "India"}, "considered"),
    pytest.param(
        "日本が米国産LNGの輸入を拡大すれば、関税の引き下げにつながる。", "TRADE",
        {"Japan", "United States"}, "considered",
        marks=xfail("関税の引き下げ (a lowering of tariffs the imports would lead to) makes a "
                    "RESTRICT that happened, imposed by Japan")),
    # negated
    ("政府は中国企業への出資を見送った。", "INVEST", {"Japan", "China"}, "negated"),
    ("林官房長官は米国との新たな合意を否定した。", "AGREE",
     {"Yoshimasa Hayashi", "United States"}, "negated"),
    ("石破首相は今回、トランプ大統領と会談しない。", "MEET",
     {"Shigeru Ishiba", "Donald Trump"}, "negated"),
    ("日本は中国に半導体を輸出しない方針だ。", "TRADE", {"Japan", "China"}, "negated"),
    ("トランプ大統領は日本への関税を発動しなかった。", "RESTRICT",
     {"Donald Trump", "Japan"}, "negated"),
    # 至らず: talks that did not reach an agreement
    ("日米両政府は協議を重ねたが、合意には至らず、来月も話し合う。", "AGREE",
     {"Japan", "United States"}, "negated"),
    # any verb negated by ない or ず, not only the する-verb cues
    ("日本は米国からの投資を受け入れない。", "INVEST", {"Japan", "United States"}, "negated"),
    ("政府は中国企業によるトヨタ自動車の買収を認めなかった。", "INVEST",
     {"Japan", "China", "Toyota Motor"}, "negated"),
    # a statement is its verb of saying, not the modality of what is said
    ("林官房長官は記者団に、景気が回復する可能性を指摘した。", "STATEMENT",
     {"Yoshimasa Hayashi"}, "happened"),
    # happened
    ("石破首相は7日、トランプ大統領と会談した。", "MEET",
     {"Shigeru Ishiba", "Donald Trump"}, "happened"),
    ("ソフトバンクグループは昨年、オープンAIに出資した。", "INVEST",
     {"SoftBank Group", "OpenAI"}, "happened"),
    ("中国商務省は3日、米国に対する輸出規制を発表した。", "RESTRICT",
     {"Ministry of Commerce of China", "United States"}, "happened"),
    ("米国は日本にLNGを輸出している。", "TRADE", {"United States", "Japan"}, "happened"),
    # a commitment announced is a happening even when the money flows later
    ("オープンAIは日本のデータセンターに30億ドルを投資すると発表した。", "INVEST",
     {"OpenAI", "Japan"}, "happened"),
    # ... and so is a plan a past relative clause says was announced (発表した、…計画)
    ("ソフトバンクグループが2月に発表した、米国に1000億ドルを投資する計画は順調に進んでいる。",
     "INVEST", {"SoftBank Group", "United States"}, "happened"),
    # a clause chained before a closing plan is planned too
    ("トヨタ自動車は年内に新型の電池を公開し、販売網を広げる計画だ。", "RELEASE",
     {"Toyota Motor"}, "planned"),
    ("トヨタ自動車は新型の電池を公開し、販売網を広げた。", "RELEASE",
     {"Toyota Motor"}, "happened"),
    # ... and one chained before a plain non-past takes its tense (連用中止 has none)
    ("日本は米国産のLNGの輸入を増やし、国内の備蓄を厚くする。", "TRADE",
     {"Japan", "United States"}, "planned"),
    ("日本は米国産のLNGの輸入を増やし、国内の備蓄を厚くした。", "TRADE",
     {"Japan", "United States"}, "happened"),
    # a plain past followed by a quote: the quote's words set no status
    ("石破首相は8日、トランプ大統領と会談した後、「率直な議論ができた。関係は一層強く"
     "なる」と語った。", "MEET", {"Shigeru Ishiba", "Donald Trump"}, "happened"),
    # ... while a quote that is the predicate about a trigger gives its modality
    ("トランプ大統領は、中国への関税は「来月に引き上げるつもりだ」と述べた。", "RESTRICT",
     {"Donald Trump", "China"}, "planned"),
]


# the other events an article of STATUS states, beside its row's
ALSO: dict[str, list] = {
    "トランプ米大統領は4日、中国からの鉄鋼への関税を引き上げる大統領令に署名した。": [
        want("POLICY", {"Donald Trump", "United States", "China"})],
    # the talks held are a meeting that happened
    "日米両政府は協議を重ねたが、合意には至らず、来月も話し合う。": [
        want("MEET", {"Japan", "United States"})],
}


@pytest.mark.parametrize(("text", "event_type", "names", "status"), STATUS)
def test_status_from_japanese_predicate(ja_extract, text: str, event_type: str,
                                        names: set[str], status: str) -> None:
    found = ja_extract(text)
    event, *_ = found.events_are(want(event_type, names), *ALSO.get(text, []))
    assert event.status == status, found.describe()


@pytest.mark.parametrize("text", [
    "日本は米国への投資を見直さざるを得ない。",
    "米国は中国への関税を引き上げるかもしれない。",
])
def test_idiomatic_nai_negates_nothing(ja_extract, text: str) -> None:
    """ざるを得ない, かもしれない end in ない without negating the happening."""
    found = ja_extract(text)
    assert found.doc.events, found.describe()
    assert all(e.status != "negated" for e in found.doc.events), found.describe()


def test_rows_cover_every_status() -> None:
    rows = [row.values if hasattr(row, "values") else row for row in STATUS]
    assert {row[3] for row in rows} == set(STATUSES)
