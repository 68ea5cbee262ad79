"""Japanese direct speech in 「」 and 『』 and who said it: the topic or subject of the
sentence (石破茂首相は「…」と述べた), else of the sentences before (Japanese drops a
repeated subject), 同氏 for the person last named. Every row is a short article written
for this test, run through the real pipeline (GiNZA loaded once per module).
"""

from __future__ import annotations

import pytest

# article, then each expected quote as (text inside the marks, speaker's canonical name)
QUOTES: list = [
    # X は「…」と述べた / 強調した / 語った / 話した, a title between the name and は
    ("石破首相は10日、記者団に「米国との関係をさらに深めていきたい」と述べた。",
     [("米国との関係をさらに深めていきたい", "Shigeru Ishiba")]),
    ("トランプ米大統領は『日本は素晴らしい同盟国であり、投資を歓迎する』と強調した。",
     [("日本は素晴らしい同盟国であり、投資を歓迎する", "Donald Trump")]),
    ("林芳正官房長官は記者会見で「政府として適切に対応していく考えだ」と語った。",
     [("政府として適切に対応していく考えだ", "Yoshimasa Hayashi")]),
    ("ソフトバンクグループの孫正義会長兼社長は「AIは人類の未来を大きく変えるだろう」と話した。",
     [("AIは人類の未来を大きく変えるだろう", "Masayoshi Son")]),
    ("米オープンAIのサム・アルトマンCEOも「日本の企業と一緒に新しい市場をつくりたい」と"
     "記者団に語った。",
     [("日本の企業と一緒に新しい市場をつくりたい", "Sam Altman")]),
    # the role noun alone is the office holder named before
    ("石破茂首相は9日、米国から帰国した。首相は「実りの多い訪問になったと考えている」と語った。",
     [("実りの多い訪問になったと考えている", "Shigeru Ishiba")]),
    # 総理 is a title after a name (石破総理は) and, alone, the prime minister last named;
    # an ellipsis between the topic and the quote does not hide it
    ("トランプ大統領は「取引はうまくいく」と語った。一方、石破総理は…「まだ隔たりが残って"
     "いると思う」と述べた。",
     [("取引はうまくいく", "Donald Trump"), ("まだ隔たりが残っていると思う", "Shigeru Ishiba")]),
    ("石破茂首相は20日、大阪を訪れた。総理は、視察の後で「地域の声をしっかり受け止めたい」と"
     "語った。そして、「次の予算で応えていく」という考えを示した。",
     [("地域の声をしっかり受け止めたい", "Shigeru Ishiba"),
      ("次の予算で応えていく", "Shigeru Ishiba")]),
    # the quote first, then its speaker pointing back at it: こう語った, このように述べた
    ("「思っていたより話が進んだ」。赤沢亮正経済再生相は協議の後、記者団にこう語った。",
     [("思っていたより話が進んだ", "Ryosei Akazawa")]),
    ("「値下げには応じられない」。トヨタ自動車は取引先への説明でこのように述べた。",
     [("値下げには応じられない", "Toyota Motor")]),
    # words given as someone's message or view (「…」との X の / という X の): X said them,
    # not the topic who passes them on
    ("赤沢亮正経済再生相は、「両国の関係をより強くしていきたい」との石破茂首相のメッセージを"
     "伝えた。",
     [("両国の関係をより強くしていきたい", "Shigeru Ishiba")]),
    ("林芳正官房長官は、「できるだけ早く合意にこぎつけたい」という石破首相の考えを説明した。",
     [("できるだけ早く合意にこぎつけたい", "Shigeru Ishiba")]),
    # a dropped subject: the topic of the sentence before
    ("トランプ氏は11日、ホワイトハウスで演説した。日本との交渉について「大きな前進があったと"
     "思っている」と強調した。",
     [("大きな前進があったと思っている", "Donald Trump")]),
    # ... and of the sentence before that, when that one has none either
    ("岩屋毅外相は12日、北京で記者会見した。対話の継続について「意思疎通を重ねることが何より"
     "重要だ」と述べた。一方、輸出規制には「日本の企業が不利にならないよう求めていく」と"
     "訴えた。",
     [("意思疎通を重ねることが何より重要だ", "Takeshi Iwaya"),
      ("日本の企業が不利にならないよう求めていく", "Takeshi Iwaya")]),
    # two quotes in one sentence
    ("石破首相は「交渉は厳しかった」と述べ、「それでも合意できてよかった」と強調した。",
     [("交渉は厳しかった", "Shigeru Ishiba"), ("それでも合意できてよかった", "Shigeru Ishiba")]),
    # two speakers in one sentence: each its own topic
    ("石破首相は「会談は有意義だった」と述べ、トランプ氏は「日本は最高の友人だと思う」と応じた。",
     [("会談は有意義だった", "Shigeru Ishiba"), ("日本は最高の友人だと思う", "Donald Trump")]),
    # 同氏 is the person last named
    ("ソフトバンクグループの孫正義会長兼社長は12日、都内で講演した。同氏は「日本はAIで世界に"
     "追いつかなければならない」と訴えた。",
     [("日本はAIで世界に追いつかなければならない", "Masayoshi Son")]),
    # 同首相 is the person last named with that title; 同社 the company last named
    ("石破茂首相はトランプ大統領と会談した。同首相は「大変有意義な会談だった」と述べた。",
     [("大変有意義な会談だった", "Shigeru Ishiba")]),
    ("ソフトバンクグループは12日、決算を発表した。同社は「AIへの投資をさらに加速させる」と"
     "している。",
     [("AIへの投資をさらに加速させる", "SoftBank Group")]),
    # an age in brackets between the title and は
    ("赤沢亮正経済再生相（64）は「粘り強く交渉を続けていく」と語った。",
     [("粘り強く交渉を続けていく", "Ryosei Akazawa")]),
    # the topic (は) before a nearer subject (が) of an inner clause
    ("石破首相は、トランプ大統領が関税を引き上げたことについて「極めて遺憾だと言わざるを得ない」"
     "と述べた。",
     [("極めて遺憾だと言わざるを得ない", "Shigeru Ishiba")]),
    # ... unless the quote is that subject's words, embedded (と述べたことを)
    ("石破首相は、トランプ大統領が「日本の投資を心から歓迎したい」と述べたことを明らかにした。",
     [("日本の投資を心から歓迎したい", "Donald Trump")]),
    # the speaker between the particle and the verb
    ("「日本との協力をさらに進めたい」とトランプ大統領は語った。",
     [("日本との協力をさらに進めたい", "Donald Trump")]),
    # a subject marked with が
    ("会談後、トランプ氏が「日本とは素晴らしい取引ができた」と明らかにした。",
     [("日本とは素晴らしい取引ができた", "Donald Trump")]),
    # an organisation speaks too; 〜とした reports its words
    ("経産省は「国内の供給網を守るための措置だ」とした。",
     [("国内の供給網を守るための措置だ", "Ministry of Economy, Trade and Industry")]),
    # a quote holding 。 is one quote
    ("石破首相は8日、トランプ大統領と会談した後、「率直な話ができた。関係は一層強くなる」と"
     "語った。",
     [("率直な話ができた。関係は一層強くなる", "Shigeru Ishiba")]),
    # words in 「」 without hiragana are a name or a term, not speech
    ("政府は「AI基本計画」を決定した。", []),
    # no reporting verb and no one named: no speaker is made up
    ("共同声明は「自由で開かれたインド太平洋」の実現を掲げた。",
     [("自由で開かれたインド太平洋", None)]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_japanese_quotes_and_speakers(ja_extract, text: str, expected: list) -> None:
    found = ja_extract(text)
    got = [(q.text, found.doc.entity(q.speaker).name if q.speaker else None)
           for q in found.doc.quotes]
    assert got == expected, found.describe()
    for quote in found.doc.quotes:
        assert text[quote.span.start:quote.span.end] == quote.text
        assert text[quote.span.start - 1] in "「『" and text[quote.span.end] in "」』"


def test_a_quote_holding_a_full_stop_does_not_cut_its_sentence(ja_extract) -> None:
    text = ("石破首相は8日、トランプ大統領と会談した後、「率直な話ができた。関係は一層強くなる」と"
            "語った。両首脳は夕食会にも出席した。")
    found = ja_extract(text)
    meet = found.has_event("MEET", {"Shigeru Ishiba", "Donald Trump"})
    assert meet is not None, found.describe()
    sentence = text[:text.index("語った。") + len("語った。")]
    assert meet.sentence.text == sentence
    assert meet.evidence.text == sentence.rstrip("。")  # the stop inside 「…」 ends no clause
    assert len(found.doc.quotes) == 1
