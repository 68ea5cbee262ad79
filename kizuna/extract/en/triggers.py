"""Event triggers in a parsed English sentence: the words that name a happening.

Verb triggers match one lemma; noun triggers match a lemma sequence ending in the
head noun, longest first ("export control" before "export"). A framing verb whose
object is a trigger noun ("announced a partnership") yields no event of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kizuna.extract.doc_index import token_table
from kizuna.extract.en.clauses import prepositions
from kizuna.lang import load
from kizuna.model import EVENT_TYPES

NOUN_POS = {"NOUN", "PROPN"}

VERB_POS = {"VERB"}

# A named body launched is an organisation set up, not a product released.
BODIES = {"ORG", "GPE", "PERSON", "NORP", "FAC"}

# "Unveiled chips during a press event": the happening named after these is the occasion
# of the verb's own happening, not what the verb reports.


@dataclass(frozen=True)
class Trigger:
    type: str
    start: int  # token index of the first word
    end: int  # token index after the last word
    head: int  # token index of the word the phrase hangs on
    kind: str  # "verb" or "noun"


@dataclass(frozen=True)
class TriggerLexicon:
    verbs: dict[str, str]  # lemma -> type
    nouns: dict[tuple[str, ...], str]  # lemma sequence -> type
    weak_nouns: frozenset[tuple[str, ...]]  # nouns that need a verb of issuing
    issuing: frozenset[str]
    phrases: dict[tuple[str, ...], str]  # verb phrase lemma sequence -> type
    framing: frozenset[str]
    agree_framing: frozenset[str]
    product_nouns: frozenset[str]
    longest: int
    openers: frozenset[str]  # first words of multi-word triggers
    carriers: frozenset[str]  # nouns a trigger noun may modify and still name an event
    topic_prepositions: frozenset[str]
    equity_objects: frozenset[str] = frozenset()  # what bought or sold makes an INVEST
    equity_triggers: frozenset[str] = frozenset()  # the TRADE words that change ownership
    portions: frozenset[str] = frozenset()  # "part of", "all of" what is sold
    bare_sales: frozenset[str] = frozenset()  # sale nouns that need something sold
    facility_verbs: frozenset[str] = frozenset()  # "build" ... a facility is an INVEST
    facilities: frozenset[tuple[str, ...]] = frozenset()
    plans: frozenset[str] = frozenset()  # weak nouns that are plans of another happening
    tackled: frozenset[str] = frozenset()  # what "address" tackles, not speaks to


@cache
def english_triggers() -> TriggerLexicon:
    data = load("en", "events")
    verbs: dict[str, str] = {}
    nouns: dict[tuple[str, ...], str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    weak = set()
    for event_type in EVENT_TYPES:
        section = data[event_type]
        for lemma in section.get("verbs", ()):
            words = tuple(lemma.lower().split())
            if len(words) > 1:
                phrases.setdefault(words, event_type)
            else:
                verbs.setdefault(words[0], event_type)
        for noun in section.get("nouns", ()):
            nouns.setdefault(tuple(noun.lower().split()), event_type)
        for noun in section.get("weak_nouns", ()):
            words = tuple(noun.lower().split())
            nouns.setdefault(words, event_type)
            weak.add(words)
        for phrase in section.get("phrases", ()):
            phrases.setdefault(tuple(phrase.lower().split()), event_type)
    longest = max(len(k) for k in [*nouns, *phrases])
    return TriggerLexicon(
        verbs=verbs, nouns=nouns, phrases=phrases, weak_nouns=frozenset(weak),
        issuing=frozenset(data["issuing"]["verbs"]),
        framing=frozenset(data["framing"]["verbs"]),
        agree_framing=frozenset(data["AGREE"]["framing_verbs"]), longest=longest,
        product_nouns=frozenset(data["RELEASE"]["product_nouns"]),
        openers=frozenset(k[0] for k in [*nouns, *phrases] if len(k) > 1),
        carriers=frozenset(data["modifiers"]["carriers"]),
        topic_prepositions=frozenset(data["modifiers"]["topic_prepositions"]),
        equity_objects=frozenset(data["TRADE"].get("equity_objects", ())),
        equity_triggers=frozenset(data["TRADE"].get("equity_triggers", ())),
        portions=frozenset(data["TRADE"].get("portions", ())),
        bare_sales=frozenset(data["TRADE"].get("bare_sales", ())),
        facility_verbs=frozenset(data["INVEST"].get("facility_verbs", ())),
        facilities=frozenset(tuple(f.split()) for f in data["INVEST"].get("facilities", ())),
        plans=frozenset(data["POLICY"].get("plans_of_happenings", ())),
        tackled=frozenset(data["STATEMENT"].get("tackled", ())),
    )


def find_triggers(sent: Any, lexicon: TriggerLexicon | None = None) -> list[Trigger]:
    """Triggers in one sentence, in order; a framing verb over a trigger noun is dropped."""
    lexicon = lexicon or english_triggers()
    found = list(_phrase_and_noun_triggers(sent, lexicon))
    found = [t for t in found if not _modifies(t, sent.doc, found, lexicon)]
    covered = {i for t in found for i in range(t.start, t.end)}
    pos = token_table(sent.doc).pos
    for i in range(sent.start, sent.end):
        if i in covered or pos[i] not in VERB_POS:
            continue
        token = sent.doc[i]
        event_type = _verb_type(token, lexicon) or _builds_facility(token, lexicon)
        if not event_type:
            continue
        if event_type == "RESTRICT":
            found = [t for t in found if not _restricted_trade(t, token)]
        if not _frames_trigger(token, found):
            found.append(Trigger(event_type, token.i, token.i + 1, token.i, "verb"))
    found = [_as_investment(t, sent.doc, lexicon) for t in found]
    found = [t for t in found if not _bare_sale(t, sent.doc, lexicon)]
    return sorted(found, key=lambda t: t.start)


def _builds_facility(verb: Any, lex: TriggerLexicon) -> str | None:
    """"Build five data centers", "construct a plant": an investment in the facility."""
    if verb.lemma_.lower() not in lex.facility_verbs:
        return None
    for obj in verb.children:
        if obj.dep_ not in {"dobj", "nsubjpass"}:
            continue
        words = [c.lower_ for c in obj.lefts if c.dep_ == "compound"] + [obj.lemma_.lower()]
        if any(tuple(words[i:]) in lex.facilities for i in range(len(words))):
            return "INVEST"
    return None


def _as_investment(trigger: Trigger, doc: Any, lex: TriggerLexicon) -> Trigger:
    """"Sold its stake", "bought shares", "the sale of the unit", "buy Nvidia": what
    changes hands is a share in a company, so the happening is an investment."""
    head = doc[trigger.head]
    if trigger.type != "TRADE" or head.lemma_.lower() not in lex.equity_triggers:
        return trigger
    if trigger.kind == "verb":
        objects = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
    else:
        objects = _of_objects(head)
    objects = [_past_portion(o, lex) for o in objects]
    if any(_equity(o, lex) for o in objects):
        return Trigger("INVEST", trigger.start, trigger.end, trigger.head, trigger.kind)
    return trigger


def _of_objects(noun: Any) -> list[Any]:
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def _past_portion(noun: Any, lex: TriggerLexicon) -> Any:
    """"Part of its stake", "all of its holdings": the stake is what is sold."""
    if noun.lemma_.lower() in lex.portions or noun.lower_ in lex.portions:
        inner = _of_objects(noun)
        if inner:
            return inner[0]
    return noun


def _bare_sale(trigger: Trigger, doc: Any, lex: TriggerLexicon) -> bool:
    """"Despite its latest sale": a sale noun with nothing said sold (no "of" object,
    no goods before it) names no sale of its own."""
    if trigger.type != "TRADE" or trigger.kind != "noun" or trigger.end - trigger.start > 1:
        return False
    head = doc[trigger.head]
    if head.lemma_.lower() not in lex.bare_sales:
        return False
    said = [c for c in head.children if c.dep_ in {"compound", "nmod", "amod", "prep"}
            and (c.dep_ != "amod" or c.pos_ in NOUN_POS | {"PROPN"})]
    return not said and head.dep_ != "compound"


def _equity(noun: Any, lex: TriggerLexicon) -> bool:
    if noun.lemma_.lower() in lex.equity_objects or noun.lower_ in lex.equity_objects:
        return True
    return noun.ent_type_ == "ORG" and noun.pos_ == "PROPN"


def _restricted_trade(trigger: Trigger, verb: Any) -> bool:
    """"Barred exports", "restrict sales": the trade is what is restricted, not an event."""
    return trigger.type == "TRADE" and trigger.kind == "noun" and \
        verb.doc[trigger.head].head.i == verb.i


def _modifies(trigger: Trigger, doc: Any, found: list[Trigger], lex: TriggerLexicon) -> bool:
    """A trigger noun that describes another noun ("tariff negotiator", "trade deal") or
    says what another happening is about ("talks on trade", "views on investment")
    names no happening."""
    if trigger.kind != "noun":
        return False
    heads = {t.head for t in found if t.kind == "noun"}
    words = {i for t in found if t is not trigger for i in range(t.start, t.end)}
    noun = doc[trigger.head]
    while noun.dep_ == "conj" and noun.head.pos_ in NOUN_POS | {"ADJ"}:
        noun = noun.head  # "trade and investment deal", "economic and tariff negotiators"
    if noun.dep_ in {"compound", "nmod", "amod"} and noun.head.pos_ in NOUN_POS:
        owner = noun.head
        return owner.i in heads or owner.lemma_.lower() not in lex.carriers
    if noun.dep_ == "pobj" and noun.head.lower_ in lex.topic_prepositions:
        return noun.head.head.i in words
    return False


def _phrase_and_noun_triggers(sent: Any, lex: TriggerLexicon) -> Iterator[Trigger]:
    table = token_table(sent.doc)  # each token's lemma, lower text and POS, read once
    lemmas, texts, pos = (table.lemma[sent.start:sent.end], table.lower[sent.start:sent.end],
                          table.pos[sent.start:sent.end])
    offset, i = sent.start, 0
    while i < len(lemmas):
        if pos[i] not in NOUN_POS and lemmas[i] not in lex.openers \
                and texts[i] not in lex.openers:
            i += 1  # only a one-word noun trigger could start here, and this is no noun
            continue
        hit = _longest_match(lemmas, texts, pos, i, lex)
        if hit is None:
            i += 1
            continue
        size, event_type, kind = hit
        words = tuple(lemmas[i:i + size])
        head = offset + i + (_noun_head(words) if kind == "noun" else 0)
        if kind == "noun" and _plan_of_happening(sent.doc[head], lex):
            i += size
            continue
        if kind == "verb" or words not in lex.weak_nouns or _issued(sent.doc[head], lex):
            yield Trigger(event_type, offset + i, offset + i + size, head, kind)
        i += size


def _longest_match(lemmas: list[str], texts: list[str], pos: list[str], i: int,
                   lex: TriggerLexicon) -> tuple[int, str, str] | None:
    """The longest phrase or noun trigger starting at word `i` of the sentence, from the
    sentence's lemmas, lower-case texts and POS tags (computed once per sentence)."""
    most = lex.longest if lemmas[i] in lex.openers or texts[i] in lex.openers else 1
    for size in range(min(most, len(lemmas) - i), 0, -1):
        for words in (tuple(lemmas[i:i + size]), tuple(texts[i:i + size])):
            if size > 1 and words in lex.phrases and pos[i] in VERB_POS:
                return size, lex.phrases[words], "verb"
            if words in lex.nouns and pos[i + size - 1] in NOUN_POS:
                return size, lex.nouns[words], "noun"
    return None


def _noun_head(words: tuple[str, ...]) -> int:
    """The head of a trigger noun phrase: its last word, or the word before "of"
    ("memorandum of cooperation", "letter of intent")."""
    return words.index("of") - 1 if "of" in words[1:] else len(words) - 1


def _plan_of_happening(noun: Any, lex: TriggerLexicon) -> bool:
    """"Announced plans to build data centers": the happening the infinitive tells is
    what is planned, and the plan no policy of its own ("a plan to cut emissions" is)."""
    if noun.lemma_.lower() not in lex.plans:
        return False
    return any(c.dep_ in {"acl", "xcomp", "relcl"} and c.tag_ == "VB" and
               any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and
               (_verb_type(c, lex) or _builds_facility(c, lex)) is not None
               for c in noun.children)


def _issued(noun: Any, lex: TriggerLexicon) -> bool:
    """A weak noun counts when a verb of issuing governs it or modifies it."""
    governed = noun.dep_ in {"dobj", "nsubjpass", "attr", "appos"}
    if governed and noun.head.lemma_.lower() in lex.issuing:
        return True
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in lex.issuing:
        return True
    return any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in lex.issuing
               for c in noun.children)


def _verb_type(token: Any, lex: TriggerLexicon) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in lex.agree_framing:
        return None if _has_clausal_complement(token) else "AGREE"
    event_type = lex.verbs.get(lemma)
    if event_type == "RELEASE" and not _releases_product(token, lex):
        return None
    if event_type == "STATEMENT" and _tackles_problem(token, lex):
        return None
    return event_type


def _tackles_problem(verb: Any, lex: TriggerLexicon) -> bool:
    """"Address global issues", "address their concerns": a problem dealt with, not an
    audience spoken to."""
    return any(child.dep_ in {"dobj", "nsubjpass"} and child.lemma_.lower() in lex.tackled
               for child in verb.children)


def _releases_product(verb: Any, lex: TriggerLexicon) -> bool:
    """"Released a new model", "the chip was launched" — not "released a list"."""
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        child = _counted(child)
        if child.lower_ in lex.product_nouns or child.lemma_.lower() in lex.product_nouns:
            return True
        named = child.pos_ == "PROPN" and child.ent_type_ not in BODIES
        if child.ent_type_ == "PRODUCT" or named:
            return True
    return False


def _counted(noun: Any) -> Any:
    """"A set of prototype chips", "a line of robots": what the collective noun counts."""
    if noun.lemma_.lower() not in _collective_nouns():
        return noun
    counted = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    return counted[0] if counted else noun


@cache
def _collective_nouns() -> frozenset[str]:
    return frozenset(load("en", "events")["RELEASE"]["collective_nouns"])


def _has_clausal_complement(token: Any) -> bool:
    return any(c.dep_ in {"xcomp", "ccomp"} for c in token.children)


def _frames_trigger(token: Any, triggers: list[Trigger]) -> bool:
    """A verb whose object (or passive subject) is a trigger noun only reports it."""
    heads = {t.head for t in triggers if t.kind == "noun"}
    if token.dep_ in {"relcl", "acl"} and token.head.i in heads:
        return True  # "the order that Biden signed", "the deal reached in July"
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass", "attr", "oprd"} and child.i in heads:
            return True
        if child.dep_ == "prep" and child.lower_ not in prepositions("trigger_occasion") \
                and any(g.i in heads for g in child.children):
            return token.lemma_.lower() in english_triggers().framing
    return False
