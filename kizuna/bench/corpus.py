"""Synthetic English and Japanese news corpora for `kizuna bench`, deterministic from a seed.

Articles are assembled from the templates and vocabulary in
`kizuna/lang/<language>/bench_corpus.toml`: an opening event sentence under a dateline,
then event sentences of every type, quotations and background sentences, in paragraphs,
until the article reaches its length: about 700 words in English, about 1,500 characters
in Japanese (which has no spaces to count words by). Article `i` depends only on the
language, the seed and `i`, so a smaller corpus is a prefix of a larger one with the same
seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from kizuna.extract.languages import LANGUAGES as READ_LANGUAGES
from kizuna.lang import load
from kizuna.model import Article

_SLOT = re.compile(r"\{([a-z_]+?)(?:_(\d+))?\}")
_MAX_DEPTH = 6
_DISTINCT_TRIES = 8
# A generated corpus for every language kizuna reads (each needs its lang/<code>/bench.toml).
LANGUAGES = tuple(READ_LANGUAGES)


@dataclass(frozen=True)
class CorpusData:
    events: dict[str, list[str]]
    filler: list[str]
    quotes: list[str]
    pools: dict[str, list[str]]
    numbers: dict[str, tuple[int, int]]
    length: int  # what an article aims at, counted in `unit`
    unit: str  # "words" or "characters"
    spread: int
    paragraph: tuple[int, int]
    first_published: date
    published_days: int
    weights: dict[str, int]
    sentence_joiner: str = " "
    paragraph_joiner: str = "\n\n"
    dateline_joiner: str = " — "


@lru_cache(maxsize=len(LANGUAGES))
def corpus_data(language: str = "en") -> CorpusData:
    data = load(language, "bench_corpus")
    article = data["article"]
    unit = "characters" if "characters" in article else "words"
    return CorpusData(
        events={k: list(v) for k, v in data["events"].items()},
        filler=list(data["filler"]["sentences"]),
        quotes=list(data["quotes"]["frames"]),
        pools={k: list(v) for k, v in data["pools"].items()},
        numbers={k: (int(lo), int(hi)) for k, (lo, hi) in data["numbers"].items()},
        length=int(article[unit]), unit=unit, spread=int(article["spread"]),
        paragraph=tuple(article["paragraph"]),
        first_published=date.fromisoformat(article["first_published"]),
        published_days=int(article["published_days"]),
        weights=dict(article["weights"]),
        sentence_joiner=article.get("sentence_joiner", " "),
        paragraph_joiner=article.get("paragraph_joiner", "\n\n"),
        dateline_joiner=article.get("dateline_joiner", " — "),
    )


class _Filler:
    """Fills the {slots} of one sentence from the pools, drawing with one `Random`."""

    def __init__(self, data: CorpusData, rng: random.Random):
        self.data = data
        self.rng = rng

    def fill(self, template: str, depth: int = 0) -> str:
        chosen: dict[str, str] = {}

        def replace(match: re.Match[str]) -> str:
            key = match.group(0)
            if key not in chosen:
                chosen[key] = self._draw(match.group(1), set(chosen.values()), depth)
            return chosen[key]

        return _SLOT.sub(replace, template)

    def _draw(self, slot: str, taken: set[str], depth: int) -> str:
        if slot in self.data.numbers:
            low, high = self.data.numbers[slot]
            return str(self.rng.randint(low, high))
        if slot not in self.data.pools:
            raise KeyError(f"bench corpus: no pool or number range named {slot!r}")
        if depth >= _MAX_DEPTH:
            raise ValueError(f"bench corpus: pool {slot!r} nests too deeply")
        value = ""
        for _ in range(_DISTINCT_TRIES):
            value = self.fill(self.rng.choice(self.data.pools[slot]), depth + 1)
            if value not in taken:
                break
        return value

    def sentence(self, template: str) -> str:
        text = self.fill(template)
        return text[:1].upper() + text[1:]


def _words(text: str) -> int:
    return len(text.split())


def _size(text: str, unit: str) -> int:
    return len(text) if unit == "characters" else _words(text)


def make_article(seed: int, index: int, language: str = "en") -> Article:
    """Article number `index` of the `language` corpus generated from `seed`."""
    data = corpus_data(language)
    # English keeps the names it always had, so its corpus does not change.
    tag = "" if language == "en" else f"{language}:"
    rng = random.Random(f"kizuna-bench:{tag}{seed}:{index}")
    filler = _Filler(data, rng)
    target = rng.randint(data.length - data.spread, data.length + data.spread)
    event_types = sorted(data.events)
    kinds, weights = zip(*sorted(data.weights.items()), strict=True)

    def event_sentence() -> str:
        return filler.sentence(rng.choice(data.events[rng.choice(event_types)]))

    opening = f"{filler.fill('{dateline}')}{data.dateline_joiner}{event_sentence()}"
    paragraphs: list[list[str]] = [[opening]]
    size = rng.randint(*data.paragraph)
    count = _size(opening, data.unit)
    while count < target:
        kind = rng.choices(kinds, weights)[0]
        if kind == "event":
            sentence = event_sentence()
        elif kind == "quote":
            sentence = filler.sentence(rng.choice(data.quotes))
        else:
            sentence = filler.sentence(rng.choice(data.filler))
        if len(paragraphs[-1]) >= size:
            paragraphs.append([])
            size = rng.randint(*data.paragraph)
        paragraphs[-1].append(sentence)
        count += _size(sentence, data.unit)
    text = data.paragraph_joiner.join(data.sentence_joiner.join(p) for p in paragraphs)
    published = data.first_published + timedelta(days=rng.randrange(data.published_days))
    return Article(
        id=f"bench-{tag.replace(':', '-')}{seed}-{index:04d}", text=text, language=language,
        title=filler.sentence("{title}"), source="kizuna bench", published=published,
    )


def generate(count: int, seed: int = 0, language: str = "en") -> list[Article]:
    """`count` articles in `language` (about 700 English words or 1,500 Japanese
    characters each), the same for the same seed."""
    if language not in LANGUAGES:
        raise ValueError(f"bench corpus: no corpus for language {language!r}")
    return [make_article(seed, i, language) for i in range(count)]


def describe(articles: list[Article]) -> dict[str, Any]:
    words = sum(_words(a.text) for a in articles)
    characters = sum(len(a.text) for a in articles)
    count = len(articles)
    return {"articles": count, "words": words, "characters": characters,
            "words_per_article": round(words / count, 1) if count else 0.0,
            "characters_per_article": round(characters / count, 1) if count else 0.0}
