"""The per-document caches answer exactly what the spaCy expressions they replace answer."""

from __future__ import annotations

import pytest

from kizuna.extract import doc_index
from kizuna.extract.document import build_document
from kizuna.extract.en.clauses import _after_dateline, after_dateline
from kizuna.extract.events import token_entities
from kizuna.model import Article, Entity, Span
from kizuna.nlp import backend
from kizuna.resolve.entities import ResolvedEntities

# Written for these tests: a dateline, a quotation, a hard-wrapped line, double spaces
# and a list of names, so sentences, whitespace tokens and long subtrees all occur.
TEXT = (
    "LISBON, Portugal, March 4 (Harbour Wire) — The ferry operator Marlow Lines said on "
    "Tuesday it had agreed to buy two  vessels from Estaleiro Norte for $80 million.\n\n"
    "\"We expect the ships in service by autumn,\" chief executive Ana Brito told reporters, "
    "adding that talks with the port authority\nwould resume next week.\n"
    "Brito, Marlow and the union did not comment further."
)


@pytest.fixture(scope="module")
def doc():
    return backend.parse("en", TEXT)


def test_the_token_table_holds_each_tokens_own_attributes(doc):
    table = doc_index.token_table(doc)
    assert table.doc_text == doc.text == TEXT
    assert len(table.text) == len(doc)
    for token in doc:
        i = token.i
        assert (table.text[i], table.lower[i], table.lemma[i]) == \
            (token.text, token.lower_, token.lemma_.lower())
        assert (table.pos[i], table.dep[i], table.tag[i], table.idx[i]) == \
            (token.pos_, token.dep_, token.tag_, token.idx)
        assert table.head[i] == token.head.i
        assert table.children[i] == [c.i for c in token.children]
        assert table.sent_start[i] == token.sent.start
        assert table.subtree(i) == {t.i for t in token.subtree}
        assert table.subtree_in_order(i) == [t.i for t in token.subtree]
        assert table.space[i] == bool(token.whitespace_)
        assert table.ancestors(i) == [t.i for t in token.ancestors]


def test_span_text_is_the_spans_own_text(doc):
    table = doc_index.token_table(doc)
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 7) + 1):
            assert table.span_text(start, end) == doc[start:end].text


def test_sentences_are_the_parses_sentences(doc):
    cached = doc_index.sentences(doc)
    assert [(s.start, s.end) for s in cached] == [(s.start, s.end) for s in doc.sents]
    assert len(cached) >= 3
    assert doc_index.sentences(doc) is cached  # built once


@pytest.mark.parametrize("alignment", ["every character pair", "token edges"])
def test_char_tokens_is_char_span_expanded(doc, alignment):
    if alignment == "token edges":
        edges = sorted({t.idx for t in doc} | {t.idx + len(t.text) for t in doc})
        pairs = [(a, b) for a in edges for b in edges if a < b][:3000]
    else:
        pairs = [(a, b) for a in range(-1, len(TEXT) + 2, 3)
                 for b in range(a + 1, min(a + 25, len(TEXT) + 3), 2)]
    for start, end in pairs:
        span = doc.char_span(start, end, alignment_mode="expand")
        expected = None if span is None else (span.start, span.end)
        assert doc_index.char_tokens(doc, start, end) == expected, (start, end)


def test_memo_computes_once_per_document_and_key(doc):
    calls: list[str] = []

    def compute(name: str) -> str:
        calls.append(name)
        return name.upper()

    assert doc_index.memo(doc, "test-a", lambda: compute("a")) == "A"
    assert doc_index.memo(doc, "test-a", lambda: compute("other")) == "A"
    assert doc_index.memo(doc, "test-b", lambda: compute("b")) == "B"
    other = backend.parse("en", "A second text.")
    assert doc_index.memo(other, "test-a", lambda: compute("c")) == "C"
    assert calls == ["a", "b", "c"]


def test_the_dateline_is_found_once_per_sentence_and_as_before(doc):
    sentences = list(doc.sents)
    assert after_dateline(sentences[0]) > sentences[0].start  # the dateline is skipped
    for sent in sentences:
        assert after_dateline(sent) == _after_dateline(sent)
        assert after_dateline(sent) == after_dateline(sent)


def test_token_entities_match_the_char_spans_and_are_not_shared(doc):
    def mention(surface: str) -> Span:
        start = TEXT.index(surface)
        return Span.of(TEXT, start, start + len(surface))

    entities = ResolvedEntities(by_offset={}, kinds={}, entities=(
        Entity(id="e1", name="Marlow Lines", type="ORG", mentions=(mention("Marlow Lines"),)),
        Entity(id="e2", name="Ana Brito", type="PERSON",
               mentions=(mention("Ana Brito"), mention("Brito,"))),
    ))
    expected = {}
    for entity in entities.entities:
        for m in entity.mentions:
            expected.update({t.i: entity.id for t in
                             doc.char_span(m.start, m.end, alignment_mode="expand")})
    found = token_entities(doc, entities)
    assert found == expected and len(found) == 6  # "Brito," is two tokens
    found.clear()  # a caller changing its copy changes no one else's
    assert token_entities(doc, entities) == expected


@pytest.mark.parametrize("text", ["", "   ", "One.", "東京で会談した。"])
def test_the_token_table_of_short_and_empty_documents(text):
    language = "ja" if text.startswith("東") else "en"
    doc = backend.parse(language, text)
    table = doc_index.token_table(doc)
    assert table.doc_text == doc.text
    assert table.text == [t.text for t in doc]
    assert table.pos == [t.pos_ for t in doc] and table.dep == [t.dep_ for t in doc]
    assert table.head == [t.head.i for t in doc]
    assert table.sent_start == [t.sent.start for t in doc]


def test_building_the_document_drops_the_caches_and_reads_the_same_again():
    # a fresh parse: the module's `doc` fixture keeps caches other tests look at
    parsed = backend.parse("en", TEXT)
    article = Article(id="doc-index-release", text=TEXT, language="en")
    first = build_document(article, parsed)
    # the caches refer back to the document (cycles only the collector frees): gone
    assert doc_index._KEY not in parsed.user_data
    assert first.events and build_document(article, parsed) == first


def test_strings_known_from_earlier_documents_are_the_same_strings(monkeypatch):
    # a tiny limit: the shared id -> string tables are emptied while being filled
    monkeypatch.setattr(doc_index, "_KNOWN_LIMIT", 40)
    for language, text in (("en", TEXT), ("ja", "東京で首相が会談した。"), ("en", TEXT[:120])):
        doc = backend.parse(language, text)
        table = doc_index._build_table(doc)
        assert table.text == [t.text for t in doc] and table.lower == [t.lower_ for t in doc]
        assert table.lemma == [t.lemma_.lower() for t in doc]
        assert table.tag == [t.tag_ for t in doc]
