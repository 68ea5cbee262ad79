"""The gazetteer data files: well-formed, unambiguous, and found in text by scan()."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from datetime import date
from importlib import resources

import pytest

from kizuna.resolve.gazetteer import (
    _JA_CHAR,
    DATA_PACKAGE,
    Gazetteer,
    _read_actors,
    default_gazetteer,
    normalise,
)

TYPES = {"PERSON", "ORG", "GPE", "PRODUCT"}
# offices, ja_bounded, short_forms and stands_for are data for the resolver; the loader skips them.
KEYS = {"name", "type", "country", "aliases", "ja", "titles", "demonyms", "offices", "ja_bounded",
        "short_forms", "stands_for"}
LIST_KEYS = ("aliases", "ja", "titles", "demonyms", "ja_bounded", "short_forms")
# Lower-case Latin names that are product names, not words.
LOWERCASE_OK = {"o1", "o3", "gpt-oss", "tsuzumi"}
# Single-character Japanese surfaces match inside any word; only these are worth the risk.
ONE_CHAR_JA_OK = {"米"}
FILES = sorted(p.name for p in resources.files(DATA_PACKAGE).iterdir() if p.name.endswith(".toml"))


def _rows(filename: str) -> list[dict]:
    text = resources.files(DATA_PACKAGE).joinpath(filename).read_text("utf-8")
    return tomllib.loads(text).get("actor", [])


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_the_expected_files_are_there():
    assert {"countries.toml", "people.toml", "places.toml", "organizations.toml",
            "products.toml"} <= set(FILES)


@pytest.mark.parametrize("filename", FILES)
def test_every_row_is_well_formed(filename):
    rows = _rows(filename)
    assert rows, f"{filename} has no [[actor]] rows"
    assert len(_read_actors(filename)) == len(rows)
    for row in rows:
        where = f"{filename}: {row.get('name')!r}"
        assert set(row) <= KEYS, f"{where}: unknown keys {set(row) - KEYS}"
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"] != "", where
        assert row["type"] in TYPES, where
        if "country" in row:
            assert re.fullmatch(r"[A-Z]{3}", row["country"]), where
        for key in LIST_KEYS:
            values = row.get(key, [])
            assert isinstance(values, list), f"{where}: {key}"
            for v in values:
                assert isinstance(v, str) and v and v.strip() == v, f"{where}: {key} {v!r}"
        if row.get("demonyms"):
            assert row["type"] == "GPE", where
        if row.get("short_forms"):
            assert row["type"] == "PERSON", where
        for office in row.get("offices", []):
            assert set(office) <= {"title", "start", "end"}, where
            start = date.fromisoformat(office["start"])
            if "end" in office:
                assert start <= date.fromisoformat(office["end"]), where


def test_stands_for_names_an_actor(gaz):
    targets = {row["name"]: row["stands_for"]
               for f in FILES for row in _rows(f) if "stands_for" in row}
    assert targets["Washington"] == "United States" and targets["Beijing"] == "China"
    assert [t for t in targets.values() if gaz.by_name(t) is None] == []


def test_short_forms_are_not_matched_on_their_own(gaz):
    # "Son", "Cook", 孫: only the resolver may use them, once the full name has appeared.
    # They may name a place or a company ("Austin", "Dell"), never a person by themselves.
    bad = []
    for row in _rows("people.toml"):
        for short in row.get("short_forms", []):
            actor = gaz.lookup(short)
            if actor is not None and actor.type == "PERSON":
                bad.append((row["name"], short, actor.name))
    assert bad == []


def test_canonical_names_are_unique(gaz):
    seen: dict[str, int] = defaultdict(int)
    for actor in gaz.actors:
        seen[actor.name] += 1
    assert [n for n, c in seen.items() if c > 1] == []


def test_no_surface_belongs_to_two_actors(gaz):
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in gaz.actors:
        for surface in actor.surfaces:
            owners[normalise(surface)].add(actor.name)
    collisions = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert collisions == {}, "\n".join(f"{k!r}: {v}" for k, v in sorted(collisions.items()))


def test_no_surface_is_a_lowercase_word_or_a_lone_character(gaz):
    bad = []
    for actor in gaz.actors:
        for s in actor.surfaces:
            if _JA_CHAR.search(s):
                if len(s) == 1 and s not in ONE_CHAR_JA_OK:
                    bad.append((actor.name, s))
            elif len(s) < 2 or (s == s.lower() and s not in LOWERCASE_OK):
                bad.append((actor.name, s))
    assert bad == []


def test_every_country_code_is_a_country_in_the_gazetteer(gaz):
    countries = {a.country for a in _read_actors("countries.toml")}
    assert len(countries) == len(_read_actors("countries.toml"))
    assert len(countries) >= 195  # the 193 UN member states and Taiwan, at least
    unknown = sorted({(a.name, a.country) for a in gaz.actors
                      if a.country and a.country not in countries})
    assert unknown == []


LOOKUPS = [
    ("Ishiba", "Shigeru Ishiba"),
    ("Ishiba Shigeru", "Shigeru Ishiba"),
    ("石破茂", "Shigeru Ishiba"),
    ("石破", "Shigeru Ishiba"),
    ("高市早苗", "Sanae Takaichi"),
    ("Kishida", "Fumio Kishida"),
    ("トランプ", "Donald Trump"),
    ("ドナルド・トランプ", "Donald Trump"),
    ("Xi", "Xi Jinping"),
    ("習近平", "Xi Jinping"),
    ("孫正義", "Masayoshi Son"),
    ("Trump administration", "Donald Trump"),
    ("トランプ政権", "Donald Trump"),
    ("天皇陛下", "Naruhito"),
    ("Altman", "Sam Altman"),
    ("ジェンスン・フアン", "Jensen Huang"),
    ("梁文鋒", "Liang Wenfeng"),
    ("経産省", "Ministry of Economy, Trade and Industry"),
    ("METI", "Ministry of Economy, Trade and Industry"),
    ("外務省", "Ministry of Foreign Affairs of Japan"),
    ("財務省", "Ministry of Finance of Japan"),
    ("米財務省", "U.S. Department of the Treasury"),
    ("米商務省", "U.S. Department of Commerce"),
    ("Commerce Department", "U.S. Department of Commerce"),
    ("中国商務省", "Ministry of Commerce of China"),
    ("BIS", "Bureau of Industry and Security"),
    ("ソフトバンクG", "SoftBank Group"),
    ("ソフトバンクグループ", "SoftBank Group"),
    ("SoftBank Group Corp.", "SoftBank Group"),
    ("SoftBank", "SoftBank Group"),
    ("ソフトバンク", "SoftBank Corp."),
    ("NVIDIA", "Nvidia"),
    ("Nvidia Corp.", "Nvidia"),
    ("エヌビディア", "Nvidia"),
    ("オープンAI", "OpenAI"),
    ("日本製鉄", "Nippon Steel"),
    ("U.S. Steel", "U.S. Steel"),
    ("USスチール", "U.S. Steel"),
    ("ディープシーク", "DeepSeek"),
    ("The Japan News", "The Japan News"),
    ("読売新聞", "The Yomiuri Shimbun"),
    ("EU", "European Union"),
    ("国連", "United Nations"),
    ("U.S.", "United States"),
    ("US", "United States"),
    ("America", "United States"),
    ("米国", "United States"),
    ("米", "United States"),
    ("the U.S. side", "United States"),
    ("Japanese government", "Japan"),
    ("日本政府", "Japan"),
    ("政府", "Japan"),
    ("Stargate", "Stargate Project"),
    ("スターゲート", "Stargate Project"),
    ("Arm Holdings", "Arm"),
    ("AMD", "Advanced Micro Devices"),
    ("Congress", "United States Congress"),
    ("PRC", "China"),
    ("中国政府", "China"),
    ("UK", "United Kingdom"),
    ("イギリス", "United Kingdom"),
    ("South Korea", "South Korea"),
    ("韓国", "South Korea"),
    ("UAE", "United Arab Emirates"),
    ("豪州", "Australia"),
    ("Türkiye", "Turkey"),
    ("Washington", "Washington"),
    ("ワシントン", "Washington"),
    ("Beijing", "Beijing"),
    ("熊本県", "Kumamoto"),
    ("Kumamoto Prefecture", "Kumamoto"),
    ("千歳市", "Chitose"),
    ("Georgia", "Georgia"),
    ("ChatGPT", "ChatGPT"),
    ("DeepSeek R1", "DeepSeek-R1"),
    ("富岳", "Fugaku"),
    ("クリスタル・インテリジェンス", "Cristal intelligence"),
]


@pytest.mark.parametrize(("surface", "name"), LOOKUPS)
def test_lookup(gaz, surface, name):
    actor = gaz.lookup(surface)
    assert actor is not None, surface
    assert actor.name == name


def test_lookup_types_and_countries(gaz):
    assert gaz.lookup("石破").type == "PERSON" and gaz.lookup("石破").country == "JPN"
    assert gaz.lookup("経産省").type == "ORG"
    assert gaz.lookup("U.S.").type == "GPE" and gaz.lookup("U.S.").country == "USA"
    assert gaz.lookup("H20").type == "PRODUCT"
    assert gaz.lookup("Georgia").country == "USA"  # the state; the country is "Georgia (country)"
    assert gaz.lookup("European Union").country is None


def test_generic_words_are_not_names(gaz):
    # lookup() folds case, so lower-case words are kept out by scan() (see below), not here.
    words = ("the government", "Commerce", "Treasury", "House", "Son", "Cook", "Smith", "孫", "林")
    for word in words:
        assert gaz.lookup(word) is None, word


def test_demonyms(gaz):
    assert gaz.by_demonym("Japanese").name == "Japan"
    assert gaz.by_demonym("American").name == "United States"
    assert gaz.by_demonym("Chinese").name == "China"


def _found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    out = []
    for m in gaz.scan(text):
        out.append((text[m.start:m.end], m.actor.name))
    return out


def test_scan_english_longest_match_first(gaz):
    text = ("Prime Minister Shigeru Ishiba met SoftBank Group Corp. Chairman Masayoshi Son and "
            "OpenAI CEO Sam Altman in Tokyo, and the U.S. Commerce Department said Nvidia Corp. "
            "would sell H20 chips to China.")
    assert _found(gaz, text) == [
        ("Shigeru Ishiba", "Shigeru Ishiba"),
        ("SoftBank Group Corp.", "SoftBank Group"),
        ("Masayoshi Son", "Masayoshi Son"),
        ("OpenAI", "OpenAI"),
        ("Sam Altman", "Sam Altman"),
        ("Tokyo", "Tokyo"),
        ("U.S. Commerce Department", "U.S. Department of Commerce"),
        ("Nvidia Corp.", "Nvidia"),
        ("H20", "H20"),
        ("China", "China"),
    ]


def test_scan_does_not_split_longer_names(gaz):
    text = ("U.S. Steel and Nippon Steel, the Bank of Japan, Latin America, the South China Sea, "
            "Tokyo Electron and The New York Times.")
    names = [name for _, name in _found(gaz, text)]
    assert names == ["U.S. Steel", "Nippon Steel", "Bank of Japan", "Latin America",
                     "South China Sea", "Tokyo Electron", "The New York Times"]


def test_scan_respects_case_and_word_boundaries(gaz):
    assert _found(gaz, "Let us cook with an apple and a glass of water.") == []
    assert _found(gaz, "USB drives and Japanese food") == []


def test_scan_japanese(gaz):
    text = ("石破茂首相は7日、ワシントンでトランプ米大統領と会談し、"
            "ソフトバンクグループの孫正義会長も同席した。")
    assert _found(gaz, text) == [
        ("石破茂", "Shigeru Ishiba"),
        ("ワシントン", "Washington"),
        ("トランプ", "Donald Trump"),
        ("米", "United States"),
        ("ソフトバンクグループ", "SoftBank Group"),
        ("孫正義", "Masayoshi Son"),
    ]


def test_scan_japanese_prefers_longer_names(gaz):
    text = "米商務省と中国商務省、経産省、日本製鉄とUSスチール、インド太平洋とインドネシア。"
    assert [name for _, name in _found(gaz, text)] == [
        "U.S. Department of Commerce", "Ministry of Commerce of China",
        "Ministry of Economy, Trade and Industry", "Nippon Steel", "U.S. Steel",
        "Indo-Pacific", "Indonesia",
    ]


def test_scan_japanese_company_after_country_prefix(gaz):
    text = "米オラクルや英アーム、中国のファーウェイと組む。"
    assert _found(gaz, text) == [
        ("米", "United States"), ("オラクル", "Oracle"), ("アーム", "Arm"),
        ("中国", "China"), ("ファーウェイ", "Huawei"),
    ]


def test_scan_latin_names_inside_japanese_text(gaz):
    text = "ソフトバンクグループとOpenAIは米IBMやUAEのMGXと提携した。"
    assert [name for _, name in _found(gaz, text)] == [
        "SoftBank Group", "OpenAI", "United States", "IBM", "United Arab Emirates", "MGX",
    ]
