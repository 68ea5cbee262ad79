"""Names in Japanese news: one entity per actor under its canonical (English) name, titles
and honorifics left out of names, role nouns and abbreviations resolved. Every row is a
short article written for this test, run through the real pipeline (GiNZA loaded once).
"""

from __future__ import annotations

import pytest

# article, the forms one actor is written in, its canonical name, type and country: every
# form is a mention of that one entity.
SAME_ENTITY: list = [
    # full name with title, surname with honorific, the role noun alone
    ("石破茂首相は10日、首相官邸で記者団の取材に応じた。石破氏はその後、党本部に向かった。"
     "首相は夜、公邸に戻った。",
     ["石破茂", "石破"], "Shigeru Ishiba", "PERSON", "JPN"),
    ("トランプ米大統領は11日、ホワイトハウスで記者団に語った。",
     ["トランプ"], "Donald Trump", "PERSON", "USA"),
    # a company's full name and its short form in brackets, and again later
    ("ソフトバンクグループ（ソフトバンクG）は12日、新たなデータセンターを建設すると発表した。"
     "ソフトバンクGの株価は上昇した。",
     ["ソフトバンクグループ", "ソフトバンクG"], "SoftBank Group", "ORG", "JPN"),
    ("経済産業省は13日、半導体企業への補助金を決めた。経産省の担当者が記者団に説明した。",
     ["経済産業省", "経産省"], "Ministry of Economy, Trade and Industry", "ORG", "JPN"),
    ("経産省は14日、新たな支援策をまとめた。",
     ["経産省"], "Ministry of Economy, Trade and Industry", "ORG", "JPN"),
    # titles and honorifics are not part of the name
    ("ソフトバンクGの孫正義会長兼社長は14日、都内で講演した。",
     ["孫正義"], "Masayoshi Son", "PERSON", "JPN"),
    ("林芳正官房長官は11日の記者会見で政府の対応を説明した。",
     ["林芳正"], "Yoshimasa Hayashi", "PERSON", "JPN"),
    ("赤沢亮正経済再生相は12日、ワシントンを訪れた。",
     ["赤沢亮正"], "Ryosei Akazawa", "PERSON", "JPN"),
    # a name set in full-width letters is the name in ASCII
    ("オープンＡＩは２０日、東京に新しい拠点を開いた。",
     ["オープンＡＩ"], "OpenAI", "ORG", "USA"),
    # a spelling some papers use (ベセント for ベッセント)
    ("ベセント米財務長官は15日、東京で日本の財務相と会談した。",
     ["ベセント"], "Scott Bessent", "PERSON", "USA"),
    # 総理 is a title after a name, like 首相
    ("石破総理は16日、大阪を視察した。",
     ["石破"], "Shigeru Ishiba", "PERSON", "JPN"),
    ("エヌビディアのジェンスン・フアンCEOは東京を訪れた。",
     ["ジェンスン・フアン"], "Jensen Huang", "PERSON", "USA"),
    ("米オープンAIのサム・アルトマンCEOは首相官邸で石破首相と面会した。",
     ["サム・アルトマン"], "Sam Altman", "PERSON", "USA"),
    # 米 before a title names the country the office belongs to
    ("トランプ米大統領は13日、声明を出した。", ["米"], "United States", "GPE", "USA"),
]


@pytest.mark.parametrize(("text", "surfaces", "name", "kind", "country"), SAME_ENTITY)
def test_one_entity_per_actor(ja_extract, text: str, surfaces: list[str], name: str,
                              kind: str, country: str) -> None:
    found = ja_extract(text)
    entity = found.entity(name)
    assert entity is not None, found.describe()
    assert (entity.type, entity.country) == (kind, country)
    assert {m.text for m in entity.mentions} >= set(surfaces), found.describe()
    assert [e.name for e in found.doc.entities].count(name) == 1


def test_role_noun_alone_is_the_office_holder(ja_extract) -> None:
    text = "石破茂首相は10日、首相官邸で記者団の取材に応じた。首相は夜、公邸に戻った。"
    found = ja_extract(text)
    ishiba = found.entity("Shigeru Ishiba")
    assert ishiba is not None, found.describe()
    second = text.index("首相は夜")
    assert any(m.start == second and m.text == "首相" for m in ishiba.mentions)
    # 首相官邸 is the Prime Minister's Office, not a mention of the prime minister
    office = text.index("首相官邸")
    assert all(m.start != office for m in ishiba.mentions)


# article, the name as written, the canonical name: no title or honorific in either
NO_TITLES: list = [
    ("ソフトバンクグループの孫正義会長兼社長は記者会見を開いた。", "孫正義", "Masayoshi Son"),
    ("石破茂首相は官邸で閣僚と協議した。", "石破茂", "Shigeru Ishiba"),
    ("トランプ氏は声明を発表した。", "トランプ", "Donald Trump"),
    # an unknown Japanese name keeps its Japanese form, without its title
    ("北川精機の山田太郎社長は16日、新製品の発表会に出席した。", "山田太郎", "山田太郎"),
]


@pytest.mark.parametrize(("text", "written", "name"), NO_TITLES)
def test_titles_are_not_in_names(ja_extract, text: str, written: str, name: str) -> None:
    found = ja_extract(text)
    entity = found.entity_at(written)
    assert entity is not None and entity.name == name, found.describe()
    assert [m.text for m in entity.mentions] == [written]


def test_unknown_surname_joins_full_name(ja_extract) -> None:
    found = ja_extract("北川精機の山田太郎社長は16日、新製品の発表会に出席した。"
                       "山田社長は記者団の質問に答えた。")
    entity = found.entity_at("山田太郎")
    assert entity is not None, found.describe()
    assert [m.text for m in entity.mentions] == ["山田太郎", "山田"], found.describe()


# article, the pair as written, the two countries it names
PAIRS: list = [
    ("日米の閣僚が15日、東京で協議した。", "日米", ("Japan", "United States")),
    ("日米両政府は関税交渉を続けている。", "日米", ("Japan", "United States")),
    ("米中両国は貿易協議を再開した。", "米中", ("United States", "China")),
]


@pytest.mark.parametrize(("text", "pair", "names"), PAIRS)
def test_country_pairs_name_both_countries(ja_extract, text: str, pair: str,
                                           names: tuple[str, str]) -> None:
    found = ja_extract(text)
    start = text.index(pair)
    for offset, name in zip((start, start + 1), names, strict=True):
        entity = found.entity(name)
        assert entity is not None and entity.type == "GPE", found.describe()
        assert any(m.start == offset and m.end == offset + 1 for m in entity.mentions)


# article, a word holding a role noun that names no one: no mention is the role noun there
NOT_MENTIONS: list = [
    ("首相官邸で閣議が開かれた。", "首相官邸", "首相"),
    (
        "トランプ大統領は輸入品に関税を課す大統領令に署名した。", "大統領令", "大統領"),
]


@pytest.mark.parametrize(("text", "word", "role"), NOT_MENTIONS)
def test_words_that_name_no_one(ja_extract, text: str, word: str, role: str) -> None:
    found = ja_extract(text)
    start = text.rindex(word)
    roles = [(e.name, m.text) for e in found.doc.entities for m in e.mentions
             if m.start == start and m.text == role]
    assert roles == [], found.describe()


def test_every_span_slices_the_text(ja_extract) -> None:
    text = ("ソフトバンクグループ（ソフトバンクG）の孫正義会長兼社長と米オープンAIの"
            "サム・アルトマン最高経営責任者（CEO）は3日、首相官邸で石破茂首相と面会した。"
            "\n\n日米両政府は"
            "AI分野での協力を確認した。首相は「大きな一歩だ」と語った。")
    found = ja_extract(text)  # the fixture checks every span
    assert found.doc.entities
    for entity in found.doc.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_width_folding_keeps_every_offset() -> None:
    from kizuna.extract.ja.mentions import fold_width

    text = "ＳＢＧとオープンＡＩは５００億ドルを投じる。"
    folded = fold_width(text)
    assert folded == "SBGとオープンAIは500億ドルを投じる。"
    assert len(folded) == len(text)
