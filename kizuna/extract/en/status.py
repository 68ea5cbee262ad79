"""An event's status (happened, planned, considered, negated) from its trigger's context.

The nearest cue wins, walking from the trigger up through the words that govern it:
a negation, a modal, a verb of planning or of consideration, a condition. No cue
means `happened`. For commitments (INVEST, AGREE, POLICY) a pledge or "will" is
the happening itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kizuna.extract.doc_index import token_table
from kizuna.lang import load

CLAUSE_MODIFIERS = {"acl", "relcl"}

GOVERNED = {"xcomp", "dobj", "ccomp", "advcl", "acl", "nsubjpass", "attr", "oprd", "pobj", "prep"}


@dataclass(frozen=True)
class StatusLexicon:
    negators: frozenset[str]
    negating_verbs: frozenset[str]
    particles: dict[str, str]
    negated_before: tuple[str, ...]
    considered_verbs: frozenset[str]
    considered_modals: frozenset[str]
    markers: frozenset[str]
    considered_adjectives: frozenset[str]
    planned_verbs: frozenset[str]
    planned_nouns: frozenset[str]
    planned_modals: frozenset[str]
    planned_adjectives: frozenset[str]
    commitment_types: frozenset[str]
    commitment_verbs: frozenset[str]
    commitment_modals: frozenset[str]
    negating_phrases: tuple[tuple[str, ...], ...] = ()
    agreeing_verbs: frozenset[str] = frozenset()  # "agreed to meet": the meeting is to come
    agreeing_types: frozenset[str] = frozenset()  # happenings at a time: meetings, visits


@cache
def english_status_lexicon() -> StatusLexicon:
    d = load("en", "status")
    neg, con, pla, com = d["negated"], d["considered"], d["planned"], d["commitment"]
    return StatusLexicon(
        negators=frozenset(neg["negators"]), negating_verbs=frozenset(neg["verbs"]),
        particles=dict(neg["particles"]), negated_before=tuple(neg["before"]),
        considered_verbs=frozenset(con["verbs"]), considered_modals=frozenset(con["modals"]),
        markers=frozenset(con["markers"]), considered_adjectives=frozenset(con["adjectives"]),
        planned_verbs=frozenset(pla["verbs"]), planned_nouns=frozenset(pla["nouns"]),
        planned_modals=frozenset(pla["modals"]),
        planned_adjectives=frozenset(pla["adjectives"]),
        commitment_types=frozenset(com["types"]), commitment_verbs=frozenset(com["verbs"]),
        commitment_modals=frozenset(com["modals"]),
        negating_phrases=tuple(tuple(p.split()) for p in neg.get("phrases", ())),
        agreeing_verbs=frozenset(pla.get("agreeing_verbs", ())),
        agreeing_types=frozenset(pla.get("agreeing_types", ())),
    )


def event_status(trigger_start: Any, trigger_head: Any, event_type: str) -> str:
    """Status of the event whose trigger starts at token `trigger_start`, head `trigger_head`."""
    lex = english_status_lexicon()
    chain = list(_governing_chain(trigger_head))
    if _set_aside(trigger_start, lex) or any(_negated_at(n, lex) for n, _ in chain):
        return "negated"
    for modifier_cue in _own_modifier_cues(trigger_head, event_type, lex):
        return modifier_cue
    for node, came_from in chain:
        cue = _cue_at(node, came_from, event_type, lex)
        if cue:
            return cue
    return "happened"


def _set_aside(token: Any, lex: StatusLexicon) -> bool:
    table = token_table(token.doc)
    before = table.span_text(max(table.sent_start[token.i], token.i - 5), token.i).lower()
    return any(before.endswith(p) or f"{p} " in before for p in lex.negated_before[:2])


def _own_modifier_cues(head: Any, event_type: str, lex: StatusLexicon) -> Iterator[str]:
    """Cues in what modifies a trigger noun: "the planned summit", "talks to be held"."""
    for child in head.children:
        word = child.lemma_.lower()
        if child.dep_ in {"amod", "compound"} and word in lex.considered_adjectives:
            yield "considered"
        elif _planned_modifier(child, word, lex):
            yield "planned"


def _planned_modifier(child: Any, word: str, lex: StatusLexicon) -> bool:
    if child.dep_ in {"amod", "compound"}:
        return word in lex.planned_adjectives
    if child.dep_ in CLAUSE_MODIFIERS and _infinitive_or_future(child, lex):
        return True
    return child.dep_ == "relcl" and word in lex.planned_verbs and not _does_itself(child)


def _does_itself(relative: Any) -> bool:
    """"An agreement that sets a tariff": the noun is the subject of the relative clause,
    so its verb tells what the noun does, not that the noun is planned ("the visit that
    was set for May", "the talks they planned")."""
    return any(c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} for c in relative.children)


def _infinitive_or_future(verb: Any, lex: StatusLexicon) -> bool:
    """"Talks to be held", "a summit that will take place" (not "an order to sustain")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return {"to", "be"} <= auxes or bool(auxes & {"will", "shall"})


def _governing_chain(head: Any) -> Iterator[tuple[Any, Any]]:
    """The trigger and the words above it, each with the word the walk came up from;
    the walk stops at a clause of its own (a coordinated clause with its own subject,
    an adverbial clause other than a purpose infinitive, a relative clause)."""
    node, came_from = head, None
    while True:
        yield node, came_from
        if node.head.i == node.i or _own_clause(node):
            return
        node, came_from = node.head, node


def _own_clause(node: Any) -> bool:
    if node.dep_ == "conj":
        return any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)
    if node.dep_ == "advcl":
        return not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    return node.dep_ in {"relcl", "parataxis"}


def _governs(came_from: Any) -> bool:
    """Whether a planning verb plans what the walk came from ("plans to visit", "plans a
    visit"), not merely shares a sentence with it ("prepared the ground in talks")."""
    if came_from is None:
        return True
    if came_from.dep_ == "prep":
        return False
    return came_from.dep_ in GOVERNED


def _negated_at(node: Any, lex: StatusLexicon) -> bool:
    children = list(node.children)
    if any(c.dep_ == "neg" or c.lower_ in lex.negators for c in children):
        return True
    return _negating_verb(node, node.lemma_.lower(), children, lex)


def _cue_at(node: Any, came_from: Any, event_type: str, lex: StatusLexicon) -> str | None:
    lemma = node.lemma_.lower()
    children = list(node.children)
    commitment = event_type in lex.commitment_types
    if commitment and lemma in lex.commitment_verbs and node.pos_ == "VERB":
        return None  # "pledged to invest": the pledge is the happening, unless planned above
    if lemma in lex.considered_verbs and node.pos_ in {"VERB", "NOUN"} and _governs(came_from):
        return "considered"
    if _conditional(children, lex):
        return "considered"
    if _to_be_done(node, came_from):
        return "planned"
    modal = _modal_cue(children, commitment, lex)
    if modal:
        return modal
    if lemma in lex.planned_verbs and node.pos_ == "VERB" and _governs(came_from):
        return "planned"
    if lemma in lex.agreeing_verbs and node.pos_ == "VERB" and came_from is not None \
            and came_from.dep_ == "xcomp" and event_type in lex.agreeing_types:
        return "planned"
    if lemma in lex.planned_nouns and node.pos_ == "NOUN":
        return "planned"
    return None


def _conditional(children: list[Any], lex: StatusLexicon) -> bool:
    """"If ..." on this word, or on an adverbial clause hanging from it."""
    for child in children:
        if child.dep_ == "mark" and child.lower_ in lex.markers:
            return True
        if child.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in lex.markers for g in child.children):
            return True
    return False


def _to_be_done(node: Any, came_from: Any) -> bool:
    """"Talks are to be held": the trigger is the subject of a verb whose complement is a
    to-infinitive."""
    if came_from is None or came_from.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in node.children)


def _modal_cue(children: list[Any], commitment: bool, lex: StatusLexicon) -> str | None:
    """A modal on this word; "will" on a commitment is the commitment itself, so it decides
    nothing and the walk goes on to what governs it."""
    for child in children:
        if child.dep_ not in {"aux", "auxpass"}:
            continue
        word = child.lower_
        if word in lex.considered_modals:
            return "considered"
        if word in lex.planned_modals:
            return None if commitment and word in lex.commitment_modals else "planned"
    return None


def _negating_verb(node: Any, lemma: str, children: list[Any], lex: StatusLexicon) -> bool:
    if node.pos_ == "VERB" and any(_phrase_at(lemma, children, p) for p in lex.negating_phrases):
        return True
    if lemma not in lex.negating_verbs or node.pos_ != "VERB":
        return False
    particle = lex.particles.get(lemma)
    if particle is None:
        return True
    return any(c.dep_ == "prt" and c.lower_ == particle for c in children)


def _phrase_at(lemma: str, children: list[Any], phrase: tuple[str, ...]) -> bool:
    """"Put ... on hold": the verb, one of its prepositions and that preposition's noun."""
    verb, preposition, noun = phrase
    return lemma == verb and any(
        c.dep_ == "prep" and c.lower_ == preposition
        and any(g.dep_ == "pobj" and g.lemma_.lower() == noun for g in c.children)
        for c in children)
