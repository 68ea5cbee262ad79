"""Who said a Japanese quote: 「…」と述べた and the sentence's topic.

A Japanese quote followed by the quotative と and a reporting verb (「…」と述べた,
「…」と記者団に語った; lang/ja/quotes.toml) is first attributed without the parse: to a
name marked with は, も or が between と and the verb (「…」と首相は語った); else to the
topic or subject named before the quote in its sentence, past titles (石破茂首相は,
トランプ米大統領は), the nearest topic (は, も) before a nearer subject (が), which is
often an inner clause's, unless the quote is embedded (と述べたことを: the nearest);
else to the topic of the sentences before, as Japanese drops a repeated subject. A
quote standing before its attribution (「…」。首相は記者団にこう語った) is the topic's named
before the demonstrative that takes the reporting verb. Words given as someone's message or view
(「…」との首相のメッセージ, 「…」という社長の考え) are that person's, whoever passes them on. A role
noun (首相) is a mention already; 同氏 is the person last named, 同社 the company.
Failing that, the rules of `kizuna/extract/quotes.py` apply.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from kizuna.extract.ja.mentions import japanese_lexicon
from kizuna.extract.quotes import Frame, Marked, QuotedArticle
from kizuna.lang import load

CJK_MARKS = frozenset("「『")

MIN_CJK_CHARS = 8

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")

_LATIN = re.compile(r"[A-Za-z]")

HIRAGANA = re.compile(r"[\u3041-\u309f]")

SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE"})

_BRACKETED = re.compile(r"[（(][^）)\n]{0,12}[）)]")  # an age or a note after a name: （64）

_KANJI = re.compile(r"[\u3400-\u9fff]")

_KANA_RUN = re.compile(r"[\u3041-\u309f]{0,8}")  # the verb's endings: たことを, していると


def is_japanese(text: str, marked: Marked) -> bool:
    inner = text[marked.start:marked.end]
    return text[marked.open] in CJK_MARKS or len(_CJK.findall(inner)) > len(_LATIN.findall(inner))


@dataclass(frozen=True)
class _JapaneseLexicon:
    quotatives: tuple[str, ...]
    reporting: tuple[str, ...]
    quotative_verbs: tuple[str, ...]
    demonstratives: tuple[str, ...]
    attributive: tuple[str, ...]
    attributive_window: int
    window: int
    embedded: tuple[str, ...]
    topic: frozenset[str]
    subject: frozenset[str]
    sentences_back: int
    titles: tuple[str, ...]  # longest first
    abbreviations: frozenset[str]
    same_person: tuple[str, ...]
    same_organisation: tuple[str, ...]


@dataclass(frozen=True)
class _Topic:
    """A name marked as topic (は, も) or subject (が) of its sentence."""

    start: int
    entity_id: str
    is_topic: bool  # は or も, not が


@cache
def _japanese_lexicon() -> _JapaneseLexicon:
    data, names = load("ja", "quotes"), japanese_lexicon()
    speech, speaker = data["speech"], data["speaker"]
    references = load("ja", "entities")["references"]
    return _JapaneseLexicon(
        quotatives=tuple(sorted(speech["quotatives"], key=len, reverse=True)),
        reporting=tuple(speech["reporting"]),
        quotative_verbs=tuple(speech["quotative_verbs"]),
        demonstratives=tuple(speech["demonstratives"]),
        attributive=tuple(speech["attributive"]),
        attributive_window=speech["attributive_window"],
        window=speech["window"], embedded=tuple(speech["embedded"]),
        topic=frozenset(speaker["topic"]), subject=frozenset(speaker["subject"]),
        sentences_back=speaker["sentences_back"],
        titles=names.titles, abbreviations=frozenset(names.abbreviations),
        same_person=tuple(references["same_person"]),
        same_organisation=tuple(references["same_organisation"]),
    )


def japanese_speaker(art: QuotedArticle, marked: Marked) -> str | None:
    """「…」と + a reporting verb: the topic or subject named before the quote in its
    sentence (石破茂首相は「…」と述べた), one between the particle and the verb
    (「…」と首相は語った), else the topic of the sentences before (a dropped subject)."""
    lex = _japanese_lexicon()
    owner = _message_of(art, marked, lex)
    if owner is not None:
        return owner
    verb = _reporting_verb(art.text, marked, lex)
    if verb is None:
        return _told_after(art, marked, lex)
    verb_start, verb_end = verb
    between = _topics(art, marked.close, verb_start, lex)
    if between:
        return between[0].entity_id
    cuts = art.boundaries
    sentence = bisect.bisect_right(cuts, marked.open) - 1
    before = _topics(art, cuts[sentence], marked.open, lex)
    if before:
        kana = _KANA_RUN.match(art.text, verb_end)  # たことを, していること: always matches
        ending = kana.group() if kana else ""
        embedded = any(word in ending for word in lex.embedded)
        return before[-1].entity_id if embedded else _main(before, nearest=True)
    for k in _sentences_before(art, sentence, lex.sentences_back):
        found = _topics(art, cuts[k], cuts[k + 1], lex)
        if found:
            return _main(found, nearest=False)
    return None


def _message_of(art: QuotedArticle, marked: Marked, lex: _JapaneseLexicon) -> str | None:
    """「…」を目指すとの石破茂首相のメッセージ: the words are the message or view of the
    one named right after との, whose name (and title) takes の."""
    window = re.split(r"[。「『\n]", art.text[marked.close:marked.close + lex.attributive_window],
                      maxsplit=1)[0]
    for word in lex.attributive:
        at = window.find(word)
        if at < 0:
            continue
        named = art.mention_at.get(marked.close + at + len(word))
        if named is None or art.type(named[1]) not in SPEAKER_TYPES:
            continue
        _, end = _particle_after(art.text, named[0], len(art.text), lex)
        if art.text[end:end + 1] == "の":
            return named[1]
    return None


def _told_after(art: QuotedArticle, marked: Marked, lex: _JapaneseLexicon) -> str | None:
    """「…」。首相は記者団にこう語った: the topic named before a demonstrative that takes
    a reporting verb, in the words after the quote up to the end of the next sentence."""
    closing = re.match(r"[」』。]*", art.text[marked.close:])  # always matches
    start = marked.close + (closing.end() if closing else 0)
    stretch = re.split(r"[。「『\n]", art.text[start:start + 120], maxsplit=1)[0]
    for word in lex.demonstratives:
        at = stretch.find(word)
        if at < 0:
            continue
        after = stretch[at + len(word):at + len(word) + 12]
        if not any(after.startswith(stem) for stem in lex.reporting):
            continue
        found = _topics(art, start, start + at, lex)
        return _main(found, nearest=True) if found else None
    return None


def _reporting_verb(text: str, marked: Marked, lex: _JapaneseLexicon) -> tuple[int, int] | None:
    """Where the reporting verb after the quote starts and ends, if there is one."""
    position = marked.close
    quotative = next((q for q in lex.quotatives if text.startswith(q, position)), None)
    if quotative is None:  # 「…」求めた: the verb right after the closing mark
        stem = next((s for s in lex.reporting if text.startswith(s, position)), None)
        return (position, position + len(stem)) if stem else None
    position += len(quotative)
    done = next((v for v in lex.quotative_verbs if text.startswith(v, position)), None)
    if done:  # 「…」とした
        return position, position + len(done)
    window = re.split(r"[。「『\n]", text[position:position + lex.window], maxsplit=1)[0]
    hits = [(i, i + len(stem)) for stem in lex.reporting if (i := window.find(stem)) >= 0]
    if not hits:
        return None
    start, end = min(hits)
    return position + start, position + end


def _main(topics: list[_Topic], nearest: bool) -> str:
    """The topic (は, も) of a sentence before its subjects (が); the one nearest the
    quote, or the first of a sentence before."""
    marked = [t for t in topics if t.is_topic] or topics
    return (marked[-1] if nearest else marked[0]).entity_id


def _sentences_before(art: QuotedArticle, sentence: int, count: int) -> list[int]:
    """Indexes of the up to `count` non-blank sentences before sentence `sentence`."""
    out: list[int] = []
    cuts = art.boundaries
    for k in range(sentence - 1, -1, -1):
        if len(out) == count:
            break
        if art.text[cuts[k]:cuts[k + 1]].strip():
            out.append(k)
    return out


def _topics(art: QuotedArticle, lo: int, hi: int, lex: _JapaneseLexicon) -> list[_Topic]:
    """Names in text[lo:hi], outside quotation marks, marked as topic or subject: a
    mention (石破茂首相は, トランプ米大統領は, 首相は) or a word that refers back (同氏は)."""
    found, covered = [], lo  # 米 in トランプ米大統領は is part of Trump's title
    for start, end, entity_id in art.mentions:
        if covered <= start < hi and art.type(entity_id) in SPEAKER_TYPES:
            particle, covered = _particle_after(art.text, end, hi, lex)
            if particle is not None:
                found.append(_Topic(start, entity_id, particle in lex.topic))
    for words, kind in ((lex.same_person, "PERSON"), (lex.same_organisation, "ORG")):
        for word in words:
            for match in re.finditer(re.escape(word), art.text[lo:hi]):
                start = lo + match.start()
                if art.inside_quote(start) or _KANJI.match(art.text[start - 1:start] or " "):
                    continue
                particle, _ = _particle_after(art.text, start + len(word), hi, lex)
                referent = _named_before(art, start, kind, word[1:])
                if particle is not None and referent is not None:
                    found.append(_Topic(start, referent, particle in lex.topic))
    return sorted(found, key=lambda t: t.start)


def _particle_after(text: str, end: int, hi: int,
                    lex: _JapaneseLexicon) -> tuple[str | None, int]:
    """The topic or subject particle after a name, past its titles (米大統領, 会長兼社長)
    and a bracketed note (（64））, None when the name is not so marked; and where the
    name's titles end."""
    position = end
    for _ in range(3):
        rest = text[position:hi]
        if rest[:1] in lex.abbreviations and any(rest.startswith(t, 1) for t in lex.titles):
            rest, position = rest[1:], position + 1
        title = next((t for t in lex.titles if rest.startswith(t)), None)
        if title is None:
            break
        position += len(title)
    bracketed = _BRACKETED.match(text, position, hi)
    if bracketed:
        position = bracketed.end()
    particle = text[position:position + 1]
    marked = position < hi and particle in lex.topic | lex.subject
    return (particle if marked else None), position


def _named_before(art: QuotedArticle, offset: int, kind: str, title: str) -> str | None:
    """The entity 同氏 (同首相, 同社) stands for: the last of its type named before
    `offset`, one holding the title first (同首相: the prime minister)."""
    named = [eid for start, _, eid in art.mentions if start < offset and art.type(eid) == kind]
    titled = [eid for eid in named if title in japanese_lexicon().roles
              and title in art.titles.get(eid, frozenset())]
    found = titled or named
    return found[-1] if found else None


def claims(text: str, marked: Marked) -> bool:
    """A quotation in 「」 or 『』, or one mostly in Japanese script."""
    return is_japanese(text, marked)


def keep(text: str, marked: Marked) -> bool:
    """A name or term in 「」 has no hiragana: not speech."""
    inner = text[marked.start:marked.end]
    return len(re.findall(r"\w", inner)) >= MIN_CJK_CHARS and bool(HIRAGANA.search(inner))


def speaker(art: QuotedArticle, marked: Marked, frame: Frame) -> str | None:
    return japanese_speaker(art, marked)
