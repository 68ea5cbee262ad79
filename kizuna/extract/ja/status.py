"""A Japanese event's status, read in the predicate after its trigger up to the end of
its clause (…する方針, …を検討, …しない), and in the plan that closes a chain of clauses."""

from __future__ import annotations

import re
from functools import cache

from kizuna.extract.ja.clauses import JapaneseContext
from kizuna.extract.ja.triggers import JapaneseEventLexicon, Trigger, japanese_event_lexicon
from kizuna.lang import load


def event_status(ctx: JapaneseContext, trigger: Trigger, clause: tuple[int, int],
                 tense: str, lex: JapaneseEventLexicon) -> str:
    text = ctx.text
    if occasion().match(text[trigger.end:]):
        return "happened" if tense == "past" else "planned"  # 記者会見で、…: the setting
    after = text[trigger.end:clause[1]]
    if trigger.type == "STATEMENT":  # 記者団に、…可能性を指摘した: the saying's own verb
        after = after[max(after.rfind(mark) for mark in _said_marks()) + 1:]
    status = _status(after, lex)
    if status == "happened" and \
            any(word in text[clause[0]:trigger.start] for word in lex.planned_before):
        return "planned"  # 年内に訪問する; 年内に訪問を検討 stays considered
    if status == "planned" and trigger.type in lex.announced_types \
            and (lex.announced.search(text[trigger.end:clause[1]])
                 or _announced_before().search(text[max(0, clause[0] - 12):clause[0]])):
        return "happened"  # 投じる計画を打ち出している, 公表した、…投じる計画: made public
    return status


@cache
def _announced_before() -> re.Pattern[str]:
    """1月に公表した、…を投資する計画: a past announcing verb closing the relative clause
    that opens before the plan's own clause."""
    verbs = "|".join(map(re.escape, load("ja", "status")["announced"]["verbs"]))
    return re.compile(rf"(?:{verbs})(?:し)?た、$")


@cache
def _said_marks() -> tuple[str, ...]:
    """The particles and brackets that close what is said (…を, …と, 「…」) before the
    verb of saying."""
    return tuple(load("ja", "status")["statement"]["said_marks"])


def plan_closes_chain(text: str, clause_end: int, sentence_end: int,
                      lex: JapaneseEventLexicon) -> bool:
    """先行公開し、環境を整える計画だ: a clause in the continuative form (…し、…て、) takes
    the plan that closes the sentence."""
    if not _continues(text, clause_end):
        return False
    closing = text[clause_end:sentence_end].rstrip("。 \n")[-8:]
    return any(cue in closing for cue in _plan_endings())


def chain_end(text: str, clause_end: int, sentence_end: int) -> int:
    """Where the predicate deciding a clause's tense ends: a clause in the continuative
    form (…の輸入を増やし、…を購入すると明記した) has no tense of its own and takes that
    of the clause its chain closes with, so up to the end of its sentence."""
    return sentence_end if _continues(text, clause_end) else clause_end


def chained_clause(text: str, clause_start: int) -> bool:
    """Whether the clause starting at `clause_start` follows one in the continuative form
    (出資し、提携した): the two tell one course of action, with the same parties."""
    return _continues(text, clause_start)


def _continues(text: str, offset: int) -> bool:
    """Whether the clause ending at `offset` is in the continuative form (…し、…て、)."""
    return text[:offset].rstrip().endswith(_continuative())


@cache
def _plan_endings() -> tuple[str, ...]:
    return tuple(load("ja", "status")["planned"]["chain_endings"])


def _status(after: str, lex: JapaneseEventLexicon) -> str:
    window = _before_quote(after)[:40]
    for status, cues in (("negated", lex.negated), ("considered", lex.considered),
                         ("planned", lex.planned)):
        if any(cue in window for cue in cues) or \
                (status == "considered" and _thinking().search(window)):
            return status  # 考えている is read before the planned 考え (考えだ)
    return "happened"


# A past verb closing the trigger's predicate before a quotation (会談した後、「…」):
# the quoted words are what someone said after, not the trigger's modality.
_PAST_THEN_QUOTE = re.compile(r"^[^「」]*?(?:し|っ|い|れ|え|け|せ|め|べ)た[^「」]{0,6}「")


def _before_quote(after: str) -> str:
    """The text after a trigger, cut where a quotation opens after its past predicate
    (「相互関税」をめぐっては「…つもりだ」 keeps the quote: it is the predicate)."""
    match = _PAST_THEN_QUOTE.match(after)
    return after[:match.end() - 1] if match else after


@cache
def _thinking() -> re.Pattern[str]:
    """会談することは考えている: an option weighed, not yet settled."""
    return re.compile(load("ja", "status")["considered"]["thinking"])


def closes_in_nonpast(ctx: JapaneseContext, trigger: Trigger, clause_end: int) -> bool:
    """関税を15％に引き下げる。, 購入すると明記した: the first verb closing a predicate after
    the trigger (outside quotes) is a plain non-past at the end of its sentence, or
    before the quoting と (commitments aside, see status.toml)."""
    span = ctx.parsed.char_span(trigger.end, clause_end, alignment_mode="contract")
    tokens, depth = list(span) if span is not None else [], 0
    for i, token in enumerate(tokens):
        depth += token.text.count("「") - token.text.count("」")
        if depth == 0 and "連体形" in str(token.morph) and token.tag_.startswith("動詞") \
                and trigger.type not in _nonpast()["commitments"] \
                and _instrument_at(ctx.text, token.idx + len(token.text)):
            return True  # 関税を引き下げる大統領令に署名した: what the order will do
        if depth > 0 or "終止形" not in str(token.morph):
            continue
        if not token.tag_.startswith("動詞") or token.lemma_ in _nonpast()["states"]:
            return False  # た, ない, ます (auxiliaries), or a state
        rest = [t for t in tokens[i + 1:] if not t.is_space]
        if not rest or rest[0].text in {"。", "」"}:
            return True
        if rest[0].text != "と" or len(rest) < 2 or rest[1].text == "、":
            return False
        return rest[1].lemma_ in _nonpast()["hearsay"] or \
            trigger.type not in _nonpast()["commitments"]
    return False


def _instrument_at(text: str, offset: int) -> bool:
    """An order, law or agreement named at `offset` (大統領令, 法案, 合意)."""
    return any(text.startswith(word, offset) for word in _instruments())


@cache
def _instruments() -> tuple[str, ...]:
    lex = japanese_event_lexicon()
    return tuple(w for w, t in lex.words.items() if t in {"POLICY", "AGREE"} and len(w) > 1)


def negated_verb(ctx: JapaneseContext, trigger: Trigger, clause_end: int) -> bool:
    """受け入れない, 認めなかった: the first predicate after the trigger (outside quotes)
    is a verb negated by ない or ず."""
    span = ctx.parsed.char_span(trigger.end, clause_end, alignment_mode="contract")
    tokens, depth = list(span) if span is not None else [], 0
    for i, token in enumerate(tokens):
        depth += token.text.count("「") - token.text.count("」")
        if depth > 0 or i == 0:
            continue
        if token.lemma_ in _negating() and token.tag_.startswith("助動詞"):
            verb, rest = tokens[i - 1], tokens[i + 1:i + 2]
            return verb.tag_.startswith("動詞") and verb.lemma_ not in _not_negating() \
                and not (rest and rest[0].text == "を")  # 見直さざるを得ない
        if "終止形" in str(token.morph):
            return False
    return False


@cache
def _negating() -> frozenset[str]:
    return frozenset(load("ja", "status")["negated"]["auxiliaries"])


@cache
def _not_negating() -> frozenset[str]:
    return frozenset(load("ja", "status")["negated"]["not_negating"])


@cache
def _nonpast() -> dict[str, frozenset[str]]:
    data = load("ja", "status")["nonpast"]
    return {key: frozenset(data[key]) for key in ("states", "hearsay", "commitments")}


@cache
def _continuative() -> tuple[str, ...]:
    return tuple(load("ja", "status")["planned"]["continuative"])


@cache
def occasion() -> re.Pattern[str]:
    """"…会見で、" names the occasion of what the sentence tells; its tense is the
    sentence's."""
    particles = load("ja", "status")["occasion"]["particles"]
    return re.compile("(?:" + "|".join(map(re.escape, particles)) + ")、")


@cache
def past_modifier() -> re.Pattern[str]:
    """A verb in the past closing a relative clause: 成立した(AI法)."""
    endings = load("ja", "status")["past_modifier"]["endings"]
    return re.compile("(?:" + "|".join(map(re.escape, endings)) + ")$")
