"""Entities in English news: one entity per actor, named canonically, with every form the
article uses among its mentions, and mention offsets that slice the text.
"""

from __future__ import annotations

import pytest


def _assert_spans(got) -> None:
    for entity in got.doc.entities:
        assert entity.mentions, entity
        for mention in entity.mentions:
            assert got.text[mention.start:mention.end] == mention.text


# article, the forms of one actor it uses, canonical name, type, country
ONE_ACTOR: list = [
    ("Prime Minister Shigeru Ishiba arrived in Washington on Thursday. Ishiba met Trump on "
     "Friday. Officials said the prime minister was satisfied with the talks.",
     ["Shigeru Ishiba", "Ishiba", "the prime minister"], "Shigeru Ishiba", "PERSON", "JPN"),
    ("President Donald Trump signed the order on Monday. Trump said the president would "
     "visit Japan.", ["Donald Trump", "Trump", "the president"], "Donald Trump", "PERSON",
     "USA"),
    ("Foreign Minister Takeshi Iwaya met Wang Yi. Iwaya said the foreign minister of China "
     "was frank.", ["Takeshi Iwaya", "Iwaya"], "Takeshi Iwaya", "PERSON", "JPN"),
    ("Emily Carter, an analyst at a research firm, said the deal was balanced. Carter said "
     "Japan would benefit.", ["Emily Carter", "Carter"], "Emily Carter", "PERSON", None),
    ("Governor Aiko Nakamura of Hyogo welcomed the plan. Nakamura also met Ishiba.",
     ["Aiko Nakamura", "Nakamura"], "Aiko Nakamura", "PERSON", None),
    ("Kenji Morimoto, chief executive of Hoshizora Robotics, said demand was strong. "
     "Morimoto said the firm would hire more engineers.", ["Kenji Morimoto", "Morimoto"],
     "Kenji Morimoto", "PERSON", None),
    (
        "Hiroko Tanabe, an economist at a Tokyo think tank, said the deal was balanced. "
        "Tanabe said Japan would benefit.", ["Hiroko Tanabe", "Tanabe"], "Hiroko Tanabe",
        "PERSON", None),
    ("SoftBank Group Corp. will invest in OpenAI. SoftBank Group also backs Arm.",
     ["SoftBank Group Corp.", "SoftBank Group"], "SoftBank Group", "ORG", "JPN"),
]


@pytest.mark.parametrize(("text", "forms", "name", "kind", "country"), ONE_ACTOR)
def test_one_entity_per_actor(extract, text, forms, name, kind, country):
    got = extract(text)
    named = [e for e in got.doc.entities if e.name == name]
    assert len(named) == 1, got.describe()
    (entity,) = named
    assert (entity.type, entity.country) == (kind, country), got.describe()
    mentions = {m.text for m in entity.mentions}
    assert set(forms) <= mentions, got.describe()
    assert set(forms) <= set(entity.aliases)
    others = [e for e in got.doc.entities if e is not entity
              and {m.text for m in e.mentions} & set(forms)]
    assert others == [], got.describe()
    _assert_spans(got)


# article, a surface form in it, the canonical name, type and country of its entity
CANONICAL: list = [
    ("Nvidia Corp. said its sales rose.", "Nvidia Corp.", "Nvidia", "ORG", "USA"),
    ("Microsoft Corp. will open a data center in Osaka.", "Microsoft Corp.", "Microsoft",
     "ORG", "USA"),
    ("Taiwan Semiconductor Manufacturing Co. will build a plant in Kumamoto.",
     "Taiwan Semiconductor Manufacturing Co.", "TSMC", "ORG", "TWN"),
    ("The U.S. economy grew faster than expected.", "U.S.", "United States", "GPE", "USA"),
    ("The US will send a delegation to Tokyo.", "US", "United States", "GPE", "USA"),
    ("Britain and Japan signed a deal.", "Britain", "United Kingdom", "GPE", "GBR"),
    ("The Japanese government will announce a new AI strategy.", "Japanese government",
     "Japan", "GPE", "JPN"),
    ("The Chinese government protested the decision.", "Chinese government", "China", "GPE",
     "CHN"),
    ("The Commerce Department imposed export controls on Huawei.", "Commerce Department",
     "U.S. Department of Commerce", "ORG", "USA"),
    # a capital as subject stands for its government; after "in" or "to" it is the city
    ("Beijing said it would retaliate against the tariffs.", "Beijing", "China", "GPE", "CHN"),
    ("Ishiba held talks with Xi Jinping in Beijing.", "Beijing", "Beijing", "GPE", "CHN"),
    ("Washington said it would respond to the move.", "Washington", "United States", "GPE",
     "USA"),
    ("Ishiba flew to Washington on Thursday.", "Washington", "Washington", "GPE", "USA"),
    ("Tokyo protested the decision.", "Tokyo", "Japan", "GPE", "JPN"),
    ("Ishiba returned to Tokyo on Friday.", "Tokyo", "Tokyo", "GPE", "JPN"),
    (
        "Hiroko Tanabe, an economist at a Tokyo think tank, said the deal was balanced.",
        "Tokyo", "Tokyo", "GPE", "JPN"),
    # titles are not parts of names
    ("Prime Minister Shigeru Ishiba spoke to reporters.", "Shigeru Ishiba", "Shigeru Ishiba",
     "PERSON", "JPN"),
    ("Foreign Minister Takeshi Iwaya will visit China.", "Takeshi Iwaya", "Takeshi Iwaya",
     "PERSON", "JPN"),
    ("Nvidia CEO Jensen Huang visited Tokyo on Wednesday.", "Jensen Huang", "Jensen Huang",
     "PERSON", "USA"),
    (
        "Chinese President Xi Jinping spoke to reporters.", "Xi Jinping", "Xi Jinping",
        "PERSON", "CHN"),
    ("Chief Executive Kenji Morimoto said sales rose.", "Kenji Morimoto", "Kenji Morimoto",
     "PERSON", None),
    ("Softbank Corp, the telecom arm, will build the data center.", "Softbank Corp",
     "SoftBank Corp.", "ORG", "JPN"),
    ("KDDI raced to match T-Mobile on satellite texting.", "T-Mobile", "T-Mobile US", "ORG",
     "USA"),
    ("A Blank Rome lawyer in Washington advised the buyer.", "Blank Rome", "Blank Rome", "ORG",
     "USA"),
]


@pytest.mark.parametrize(("text", "surface", "name", "kind", "country"), CANONICAL)
def test_canonical_name(extract, text, surface, name, kind, country):
    got = extract(text)
    entity = got.entity_at(surface)
    assert entity is not None, got.describe()
    assert (entity.name, entity.type, entity.country) == (name, kind, country), got.describe()
    _assert_spans(got)


# article, names of entities it must not have: titles, offices and descriptions are not
# actors of their own
NOT_ENTITIES: list = [
    ("Foreign Minister Takeshi Iwaya will visit China.", {"Foreign Minister", "Minister"}),
    ("Prime Minister Shigeru Ishiba met Trump.", {"Prime Minister", "Prime Minister Shigeru "
                                                  "Ishiba"}),
    (
        "Secretary of State Marco Rubio met Iwaya.", {"State", "Secretary of State"}),
    ("Commerce Secretary Howard Lutnick met Akazawa.", {"Commerce", "Commerce Secretary"}),
    ("Economy Minister Ryosei Akazawa met Commerce Secretary Howard Lutnick.",
     {"Commerce", "Commerce Secretary", "Economy Minister"}),
    ("AI development is accelerating across Asia.", {"AI"}),
    ("Kioxia said its new GPU servers use HBM made with EUV tools.", {"GPU", "HBM", "EUV"}),
    ("The two leaders talked for an hour in the Oval Office.", {"Oval Office"}),
    # a title broken over two lines is still a title
    ("Ishiba spoke with Energy\nSecretary Chris Wright on Monday.", {"Energy"}),
    # a product line before its model number; a headline's verb in a "name"; a given
    # name in brackets; a trade show
    ("Fujitsu will build the system on Intel's Xeon 6980P processor.", {"Xeon"}),
    ("Ishiba Signs Order Approving Chip Subsidy For Hokkaido Plant\nIshiba signed it.",
     {"Order Approving"}),
    ('"It was the right call by President (Joe) Biden," Hashimoto said.', {"Joe"}),
    ("Sony showed the headset at CES in Las Vegas on Tuesday.", {"CES"}),
]


@pytest.mark.parametrize(("text", "forbidden"), NOT_ENTITIES)
def test_not_an_entity(extract, text, forbidden):
    got = extract(text)
    names = {e.name for e in got.doc.entities}
    mentions = {m.text for e in got.doc.entities for m in e.mentions}
    assert not (names | mentions) & forbidden, got.describe()
    _assert_spans(got)


def test_capital_and_government_in_one_article(extract):
    """'Beijing said' and 'in Beijing' in one article: China and the city, two entities."""
    got = extract("Beijing said it would retaliate. Ishiba will hold talks with Xi Jinping in "
                  "Beijing on Monday.")
    china, city = got.entity("China"), got.entity("Beijing")
    assert china is not None and city is not None, got.describe()
    assert china.id != city.id
    assert [m.start for m in china.mentions] == [0]
    assert [m.start for m in city.mentions] == [got.text.rindex("Beijing")]
    _assert_spans(got)


def test_role_noun_joins_the_latest_holder(extract):
    """'The president' is the president last named before it."""
    got = extract("President Donald Trump met Ishiba on Friday. Chinese President Xi Jinping "
                  "spoke on Saturday. Officials said the president was tired.")
    xi = got.entity("Xi Jinping")
    assert xi is not None, got.describe()
    assert "the president" in {m.text for m in xi.mentions}, got.describe()
    trump = got.entity("Donald Trump")
    assert "the president" not in {m.text for m in trump.mentions}, got.describe()
