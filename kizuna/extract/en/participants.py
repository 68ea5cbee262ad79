"""Who takes part in an English event, and where: the names in the trigger's phrase and
in the subject, objects and prepositional phrases of the verb that governs it; clauses of
their own (other events) are left out. A place after "in"/"at" is the location."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from kizuna.event_types import event_types, role_free_types
from kizuna.extract.doc_index import TokenTable, char_tokens, token_table
from kizuna.extract.en.clauses import after_dateline, prepositions
from kizuna.extract.en.referents import (
    SUBJECTS,
    ArticleContext,
    entity_ids_before,
    group_patterns,
    may_refer,
    reference_words,
    referent,
)
from kizuna.extract.en.triggers import Trigger, english_triggers
from kizuna.extract.events import MIN_PARTICIPANTS
from kizuna.lang import load
from kizuna.resolve.gazetteer import default_gazetteer

SUBJECT_CLIMB = {"xcomp", "conj", "ccomp", "advcl", "pcomp", "acl"}

# Dependents whose words are another clause's: no participant of this event is named in
# them. Unlike `clauses.CLAUSES_OUTSIDE_EVIDENCE`, a framed verb (xcomp: "plans to
# invest") counts here, as its object is the framed happening's, not the framing one's.
CLAUSES_WITHOUT_PARTIES = {"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis", "csubj"}

# What a verb of saying or announcing reports: "said that …", "told reporters (that) …".
TOLD_CLAUSES = {"ccomp", "parataxis"}

# Happenings between parties that leaders conduct in their countries' name.
TITLED_PARTY_TYPES = {"MEET", "AGREE"}

PLACE_KINDS = {"places", ""}

PLACE_TARGET_TYPES = {"VISIT"}

COUNTRY_TARGET_TYPES = frozenset(t.name for t in event_types().values() if t.country_target)

ROLE_FREE = role_free_types()


RELATIVE_TAGS = {"WP", "WDT"}

GOODS_TYPES = {"RESTRICT", "TRADE"}

VERBAL = {"VERB", "AUX"}

# The walks below go by token index over the document's `TokenTable` (`doc_index`):
# every event walks its clause's subtrees, and a spaCy `Token` built per word visited
# was most of what reading participants cost. A `Token` is built only for a word that
# names an entity or may stand for one.


def predicate_of(head: Any) -> Any:
    """The verb a word hangs from (itself, if it is one)."""
    return head.doc[_predicate(token_table(head.doc), head.i)]


def _predicate(table: TokenTable, node: int) -> int:
    """The index of the verb token `node` hangs from (`predicate_of` by index)."""
    while table.pos[node] not in VERBAL and table.head[node] != node:
        node = table.head[node]
    return node


def _participant_tokens(doc: Any, head: int) -> Iterator[int]:
    """Indices of the tokens that may name a participant of the trigger headed by token
    `head`."""
    table = token_table(doc)
    if table.pos[head] in VERBAL:
        # "told reporters that he will visit the United States": the clause told of
        # is a happening of its own, with its own parties
        yield head
        for child in table.children[head]:
            if table.dep[child] not in CLAUSES_WITHOUT_PARTIES or _purpose(table, child):
                yield from table.subtree_in_order(child)
    else:
        yield from table.subtree_in_order(head)
    if _meeting_held_at(doc[head]):
        return  # "met during the G7 summit": the summit's parties are in its own phrase
    predicate = _predicate(table, head)
    if predicate != head:
        yield from _clause_tokens(table, predicate, exclude=head)
    yield from _subject_tokens(table, predicate)


def _purpose(table: TokenTable, clause: int) -> bool:
    """"Invest $2 billion to expand data centres in Japan": the aim the money goes to."""
    return table.dep[clause] in {"advcl", "xcomp"} and table.tag[clause] == "VB" and \
        any(table.dep[c] == "aux" and table.lower[c] == "to" for c in table.children[clause])


def _entity_of(ctx: ArticleContext, table: TokenTable, i: int) -> str | None:
    """The entity token `i` names, or the one it stands for (`referent`)."""
    entity_id = ctx.token_entity.get(i)
    if entity_id:
        return entity_id
    return referent(ctx, ctx.parsed[i]) if may_refer(table.lower[i]) else None


def _token_ids(ctx: ArticleContext, table: TokenTable, i: int) -> list[str]:
    """The entity a word (token `i`) names or stands for; both names of a hyphenated
    pair written as one word ("the U.S.-Japan agreement")."""
    entity_id = _entity_of(ctx, table, i)
    if not entity_id:
        return []
    text = table.text[i]
    if "-" not in text:
        return [entity_id]
    found = [ctx.entities.by_offset.get(table.idx[i] + at) for at in _word_starts(text)]
    return list(dict.fromkeys([entity_id, *(f for f in found if f)]))


def _word_starts(text: str) -> list[int]:
    """Offsets where each hyphen-joined part of a word begins."""
    return [0, *(at + 1 for at, char in enumerate(text) if char == "-")]


def _purpose_tokens(table: TokenTable, head: int) -> set[int]:
    return {t for c in table.children[head] if _purpose(table, c) for t in table.subtree(c)}


def _clause_tokens(table: TokenTable, predicate: int, exclude: int) -> Iterator[int]:
    for child in table.children[predicate]:
        if child == exclude or table.dep[child] in CLAUSES_WITHOUT_PARTIES:
            continue
        yield from table.subtree_in_order(child)


def _subject_tokens(table: TokenTable, predicate: int) -> Iterator[int]:
    """The subject of the predicate, or of the verb it hangs from ("aim to deepen")."""
    node = predicate
    for _ in range(5):
        subjects = [c for c in table.children[node] if table.dep[c] in SUBJECTS]
        if subjects:
            for subject in subjects:
                if table.tag[subject] in RELATIVE_TAGS and table.dep[node] == "relcl":
                    yield from _noun_phrase(table, table.head[node])
                else:
                    yield from table.subtree_in_order(subject)
            return
        if table.head[node] == node or not (table.dep[node] in SUBJECT_CLIMB
                                            or _preposition(table, node)
                                            or _planned_object(table, node, predicate)):
            return
        controller = _object_controller(table, node)
        if controller is not None:
            yield from table.subtree_in_order(controller)
            return
        alternative = _alternative_of(table, node)
        node = table.head[node] if alternative is None else alternative


def _alternative_of(table: TokenTable, node: int) -> int | None:
    """"Issued a statement rather than holding a press conference", "instead of
    meeting": the alternative passed over is the same subject's, so its subject is that
    of the verb the chosen thing hangs from."""
    if table.dep[node] != "prep" or table.lower[node] not in prepositions("alternative"):
        return None
    word = table.head[node]
    if table.lower[word] in prepositions("alternative") and \
            table.dep[word] in {"prep", "advmod"}:
        word = table.head[word]  # "instead of"
    return _predicate(table, word)


def _planned_object(table: TokenTable, node: int, predicate: int) -> bool:
    """"Toyota announced plans to build a plant": the plan's infinitive takes the subject
    of the verb the plan is the object of."""
    return table.dep[node] == "dobj" and table.lemma[node] in _planning_nouns() and \
        table.dep[predicate] == "acl" and table.head[predicate] == node and \
        table.tag[predicate] == "VB"


@cache
def _planning_nouns() -> frozenset[str]:
    return frozenset(load("en", "events")["planning"]["nouns"])


def _outer_subject(table: TokenTable, predicate: int) -> Iterator[int]:
    """The nearest subject up the chain of clauses, past the one asked to act."""
    node = predicate
    for _ in range(6):
        subjects = [c for c in table.children[node] if table.dep[c] in SUBJECTS]
        if subjects:
            for subject in subjects:
                yield from table.subtree_in_order(subject)
            return
        if table.head[node] == node:
            return
        node = table.head[node]


def _object_controller(table: TokenTable, node: int) -> int | None:
    """"Ishiba urged Trump to drop the tariff": the one who is to drop it is the object
    of the verb of asking, not its subject (object control)."""
    verb = table.head[node]
    if table.dep[node] != "xcomp" or table.lemma[verb] not in _asking_verbs():
        return None
    return next((c for c in table.children[verb] if table.dep[c] == "dobj"), None)


@cache
def _asking_verbs() -> frozenset[str]:
    return frozenset(load("en", "events")["asking"]["verbs"])


def _preposition(table: TokenTable, node: int) -> bool:
    """"Committed to spending": the verb under a preposition takes the subject above."""
    return table.dep[node] == "prep" and table.pos[node] == "ADP"


def _noun_phrase(table: TokenTable, noun: int) -> Iterator[int]:
    """A noun with its modifiers but without the clauses hanging from it."""
    yield noun
    for child in table.children[noun]:
        if table.dep[child] not in CLAUSES_WITHOUT_PARTIES:
            yield from table.subtree_in_order(child)


def event_parties(ctx: ArticleContext, sent: Any, trigger: Trigger):
    doc, table = ctx.parsed, token_table(ctx.parsed)
    head = doc[trigger.head]
    actors: list[str] = []
    targets: list[str] = []
    location = None
    subject_ids = _ids(ctx, _subject_tokens(table, _predicate(table, head.i)))
    seen: set[str] = set()
    first = after_dateline(sent)
    gathering = _gathering_tokens(doc, head.i)
    purpose = _purpose_tokens(table, head.i) if trigger.type in PLACE_TARGET_TYPES else set()
    for i in _participant_tokens(doc, head.i):
        if i < first:
            continue
        for entity_id in _token_ids(ctx, table, i):
            if entity_id in seen:
                continue
            token = doc[i]
            role = _role(ctx, token, entity_id, trigger.type)
            if role == "participant" and (i in gathering or _home_of(ctx, token, head)
                                          or _undone_measure_owner(token, head)):
                continue
            if i in purpose and ctx.entities.by_id[entity_id].type == "PERSON":
                continue  # "visit Washington to meet Trump": the place is the host
            seen.add(entity_id)
            if role == "location":
                location = location or entity_id
            elif role == "participant":
                (actors if entity_id in subject_ids else targets).append(entity_id)
    for entity_id in _group_referents(ctx, sent, head):
        if entity_id not in seen:
            seen.add(entity_id)
            actors.append(entity_id)
    delegated = _delegated_parties(ctx, sent, head) if trigger.type == "MEET" else []
    if delegated:
        return delegated, [], location
    if trigger.type in MIN_PARTICIPANTS and len(actors) + len(targets) == 1 and \
            _governing_preposition(head) in prepositions("occasion") and \
            not _meeting_held_at(head):
        # "urged him to reconsider during a phone conversation": the one who urged
        # talked with him too
        for entity_id in _ids(ctx, _outer_subject(table, _predicate(table, head.i))):
            if entity_id not in seen:
                seen.add(entity_id)
                actors.insert(0, entity_id)
    if trigger.type in TITLED_PARTY_TYPES:
        for people in (actors, targets):
            people += [c for c in _title_countries(ctx, sent, people) if c not in seen
                       and c not in actors and c not in targets]
    if trigger.type in GOODS_TYPES and (actors or targets):
        # only with a party named outright: a demonym alone is too weak to make an event
        targets += [e for e in _goods_countries(ctx, head) if e not in seen]
    if trigger.type in MIN_PARTICIPANTS and len(actors) + len(targets) == 1 and location:
        targets += _host_country(ctx, [*actors, *targets], location)
    if not actors and targets and trigger.type in ROLE_FREE:
        actors, targets = targets, []
    return actors, targets, location


def _host_country(ctx: ArticleContext, parties: list[str], location: str) -> list[str]:
    """"The G7 summit in Canada": a group's gathering held in a country has that
    country, its host, as a party beside the group."""
    party = ctx.entities.by_id[parties[0]]
    if party.type != "ORG" or ctx.entities.kinds.get(location) != "countries":
        return []
    return [location]


def _home_of(ctx: ArticleContext, token: Any, head: Any) -> bool:
    """"Rapidus, Japan's leading chipmaker", "Japan's SoftBank": a country owning a
    company (or a word for one) says where the company is from; it takes no part in
    what the company does."""
    token = _name_head(token)
    if token.dep_ != "poss" or token.head.i == head.i:
        return False
    if ctx.entities.kinds.get(ctx.token_entity.get(token.i, "")) != "countries":
        return False
    owned = token.head
    entity = ctx.token_entity.get(owned.i)
    if entity is not None:
        return ctx.entities.by_id[entity].type == "ORG"
    return owned.lemma_.lower() in reference_words()["organisation_nouns"]


def _name_head(token: Any) -> Any:
    """The last word of a name written in several ("Joe" -> "Biden" in "Joe Biden's")."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _undone_measure_owner(token: Any, head: Any) -> bool:
    """"Trump revoked Biden's executive order": the owner of the order undone issued it
    long before; the happening told is the revoking, by its subject alone."""
    token = _name_head(token)
    if token.dep_ != "poss" or token.head.i != head.i:
        return False
    verb = head.head
    return head.dep_ in {"dobj", "nsubjpass"} and verb.lemma_.lower() in _undoing_verbs()


@cache
def _undoing_verbs() -> frozenset[str]:
    return frozenset(load("en", "events")["POLICY"].get("undoing", ()))


def _title_countries(ctx: ArticleContext, sent: Any, parties: list[str]) -> list[str]:
    """"Pressed him to rethink during a call", where "him" is "U.S. President Joe Biden"
    earlier in the sentence: the country his title names takes part as it would had
    the name itself been written there."""
    found: list[str] = []
    for party in parties:
        entity = ctx.entities.by_id[party]
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            if not sent.start_char <= mention.start < sent.end_char:
                continue
            words = char_tokens(ctx.parsed, mention.start, mention.end)
            for token in _title_words(ctx.parsed[slice(*words)].root) if words else ():
                country = ctx.token_entity.get(token.i)
                if country and ctx.entities.kinds.get(country) == "countries" \
                        and country not in found:
                    found.append(country)
    return found


def _title_words(name: Any) -> Iterator[Any]:
    """The words of the title before a name: "U.S." and "President" in "U.S. President
    Joe Biden"."""
    for child in name.lefts:
        if child.dep_ in {"compound", "amod", "nmod"}:
            yield child
            yield from _title_words(child)


def _gathering_tokens(doc: Any, head: int) -> set[int]:
    """"Met on the sidelines of the G7 summit", "spoke during Nvidia's AI summit": the
    gathering named under a preposition of occasion is another meeting, where this
    happening took place; whoever holds that gathering is its party, not this one's."""
    table = token_table(doc)
    out: set[int] = set()
    predicate = _predicate(table, head)
    nodes = {head, predicate, *(c for c in table.children[predicate] if table.dep[c] == "dobj")}
    for node in nodes:
        for prep in table.children[node]:
            if table.dep[prep] != "prep" or table.lower[prep] not in _occasion_prepositions():
                continue
            for noun in table.children[prep]:
                if table.dep[noun] == "pobj" and noun != head and _names_gathering(doc[noun]):
                    out.update(_gathering_name(doc[noun]))
    return out


def _gathering_name(noun: Any) -> Iterator[int]:
    """The words that name a gathering ("the G7 summit", "Nvidia's AI summit", "the
    sidelines of the APEC forum"), not the partners met there ("a summit with Trump")."""
    for child in noun.children:
        if child.dep_ in {"compound", "nmod", "poss", "amod"}:
            yield from (t.i for t in child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for inner in child.children:
                if inner.dep_ == "pobj":
                    yield inner.i
                    yield from _gathering_name(inner)


def _is_gathering_of_another(head: Any) -> bool:
    """The trigger noun names the gathering another happening took place at."""
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.head.lower_ in prepositions("occasion_frames") and prep.lower_ == "of":
        prep = prep.head.head if prep.head.dep_ == "pobj" else prep
    if prep.dep_ != "prep" or prep.lower_ not in _occasion_prepositions():
        return False
    return _names_gathering(head)


def _meeting_held_at(gathering: Any) -> bool:
    """"Held talks during the G7 summit": the verb above the gathering tells a meeting
    of its own, so the gathering's parties are not that meeting's."""
    if not _is_gathering_of_another(gathering):
        return False
    node = gathering.head
    while node.dep_ in {"prep", "pobj"} and node.head.i != node.i:
        node = node.head
    if _names_gathering(node):
        return True  # "talks during the summit"
    lexicon = english_triggers()
    return lexicon.verbs.get(node.lemma_.lower()) == "MEET" or any(
        c.dep_ == "dobj" and _names_gathering(c) for c in node.children)


def _names_gathering(noun: Any) -> bool:
    if noun.lower_ in prepositions("occasion_frames"):
        inner = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        return bool(inner)
    return english_triggers().nouns.get((noun.lemma_.lower(),)) == "MEET"


@cache
def _occasion_prepositions() -> frozenset[str]:
    return prepositions("trigger_occasion") | prepositions("gathering")


def _goods_countries(ctx: ArticleContext, head: Any) -> list[str]:
    """"A tariff on Japanese cars", "imports of American rice": the country whose goods
    are taxed or traded is a party, though only its demonym is written."""
    nodes = [head, predicate_of(head)]
    found: list[str] = []
    for node in nodes:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in prepositions("goods"):
                continue
            for token in prep.subtree:
                if _names_a_body(token):
                    continue
                name = _demonym_countries().get(token.text)
                entity_id = _entity_named(ctx, name) if name else None
                if entity_id and entity_id not in found:
                    found.append(entity_id)
    return found


def _names_a_body(demonym: Any) -> bool:
    """"Restrictions on the Chinese start-up": the demonym describes a company, whose
    country is no party to the measure."""
    phrase = demonym.doc[demonym.i:demonym.head.i + 1].text.lower() \
        if demonym.head.i > demonym.i else ""
    return any(_word_in(w, phrase) for w in reference_words()["organisation_nouns"])


def _word_in(word: str, phrase: str) -> bool:
    at = phrase.find(word)
    return at > 0 and not phrase[at + len(word):at + len(word) + 1].isalpha()


@cache
def _demonym_countries() -> dict[str, str]:
    """Demonym ("Japanese") -> canonical country name, from the gazetteer."""
    return {d: actor.name for actor in default_gazetteer().actors
            for d in actor.demonyms if actor.type == "GPE"}


def _delegated_parties(ctx: ArticleContext, sent: Any, head: Any) -> list[str]:
    """"The two leaders agreed to have their ministers continue talks": the talkers are
    unnamed envoys, so the parties are the countries of those who sent them (two or
    more, each with a country named in the article)."""
    verb = predicate_of(head)
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return []
    sender = verb.head
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _delegate_nouns()
               for c in sender.children):
        return []
    people = [i for i in _ids(ctx, _outer_subject(token_table(ctx.parsed), sender.i))
              if ctx.entities.by_id[i].type == "PERSON"]
    if len(people) < 2:
        named = entity_ids_before(ctx, sent.start_char, "PERSON")
        leaders = [p for p in named if p in ctx.leaders]
        people = (leaders if len(leaders) >= 2 else named)[:2]
    countries: list[str] = []
    for person in people:
        code = ctx.entities.by_id[person].country
        country = next((e.id for e in ctx.entities.entities if code and e.country == code
                        and ctx.entities.kinds.get(e.id) == "countries"), None)
        if country and country not in countries:
            countries.append(country)
    return countries if len(countries) >= 2 else []


@cache
def _delegate_nouns() -> frozenset[str]:
    return frozenset(load("en", "events")["delegates"]["nouns"])


def _entity_named(ctx: ArticleContext, name: str) -> str | None:
    return next((e.id for e in ctx.entities.entities if e.name == name), None)


def _ids(ctx: ArticleContext, tokens: Iterator[int]) -> set[str]:
    """The entities the tokens (by index) name or stand for."""
    table = token_table(ctx.parsed)
    out = set()
    for i in tokens:
        entity_id = _entity_of(ctx, table, i)
        if entity_id:
            out.add(entity_id)
    return out


def _role(ctx: ArticleContext, token: Any, entity_id: str, event_type: str) -> str:
    entity = ctx.entities.by_id[entity_id]
    if entity.type == "PRODUCT":
        return "object"
    prep = _governing_preposition(token)
    if entity.type == "ORG" and prep == "at" and event_type not in PLACE_TARGET_TYPES:
        return "location"  # "at the White House": the venue, not a party
    if entity.type != "GPE":
        return "participant"
    if prep not in prepositions("location"):
        return "participant"
    kind = ctx.entities.kinds.get(entity_id, "")
    if kind in PLACE_KINDS:
        return "participant" if event_type in PLACE_TARGET_TYPES else "location"
    return "participant" if event_type in COUNTRY_TARGET_TYPES else "location"


def _governing_preposition(token: Any) -> str | None:
    node = token
    while node.dep_ in {"compound", "amod", "det", "poss", "appos", "conj", "cc"}:
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        return node.head.lower_
    return None


def _group_referents(ctx: ArticleContext, sent: Any, head: Any) -> list[str]:
    """'The two leaders' / 'the two countries' in the clause: the last two named."""
    table = token_table(ctx.parsed)
    lower = table.lower
    clause = " ".join(lower[i] for i in _subject_tokens(table, _predicate(table, head.i)))
    clause = f"{clause} {' '.join(lower[i] for i in table.subtree_in_order(head.i))}"
    two_people, two_countries = group_patterns()
    if two_people.search(clause):
        people = entity_ids_before(ctx, sent.start_char, "PERSON")
        leaders = [p for p in people if p in ctx.leaders]
        return (leaders if len(leaders) >= 2 else people)[:2]
    if two_countries.search(clause):
        return entity_ids_before(ctx, sent.start_char, "GPE", countries=True)[:2]
    return []
