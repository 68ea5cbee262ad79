"""`kizuna bench-store`: the common reads, timed on a generated store of many articles.

No NLP runs: `build` writes plausible rows straight into the tables with SQLAlchemy Core
`executemany`, a few transactions in all, from one seeded `random.Random`. The store
holds a few hundred actors acting for some thirty countries (real names and synthetic
ones, English and Japanese forms), 1 to 3 events per article (2 on average), each
article-level event the citation of a merged event cited 1 to 10 times, dates over the
three years 2023–2025, a quarter of the articles in Japanese, and on SQLite the FTS5 rows
the writer would add. Articles are short (a title, event sentences, background
sentences): what is timed is finding rows, not reading long texts.

`time_reads` then calls each common read `repeats` times with a different argument each
time (after one untimed warm-up call) and reports the median and 95th percentile in
milliseconds:

- `actor_events`: a page (50) of one actor's merged events, named by canonical name,
  alias or Japanese form; `actor_profile`: who they are and who they meet most;
- `dyad_series`: a pair of countries' monthly series over all dates, with its latest
  events;
- `search`: articles holding a word (English or Japanese), a page of 20;
  `merged_search`: merged events whose articles or evidence hold it, a page of 20;
- `merged_event_with_citations`: one merged event in full, every citation's article.

It is a measurement, never a pass/fail test. The same code runs against PostgreSQL when
`--db` is a `postgresql://` URL (the database must hold no articles yet); there the load
ends with VACUUM ANALYZE, as autovacuum would soon do, so the reads meet the planner
statistics and merged trigram indexes a store in use has.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import shutil
import statistics
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from time import perf_counter
from typing import Any

from sqlalchemy import Connection, func, insert, select

from kizuna.errors import StoreError
from kizuna.event_types import role_free_types
from kizuna.store import Store, merged, queries, reads
from kizuna.store import schema as s
from kizuna.store.merger import merged_id_for
from kizuna.store.writer import event_id

FIRST_DAY = date(2023, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
CHUNK = 10_000  # articles per transaction
REPEATS = 30
PAGE = 20
SEARCH_PAGE = 20
JAPANESE_SHARE = 0.25
READS = ("actor_events", "actor_profile", "dyad_series", "search", "merged_search",
         "merged_event_with_citations")

# --- what the generated news is about --------------------------------------------------

# (name, ISO3, Japanese form, weight)
COUNTRIES = [
    ("Japan", "JPN", "日本", 40), ("United States", "USA", "米国", 34),
    ("China", "CHN", "中国", 20), ("South Korea", "KOR", "韓国", 12),
    ("Taiwan", "TWN", "台湾", 6), ("India", "IND", "インド", 6),
    ("Australia", "AUS", "オーストラリア", 5), ("United Kingdom", "GBR", "英国", 5),
    ("France", "FRA", "フランス", 4), ("Germany", "DEU", "ドイツ", 4),
    ("Italy", "ITA", "イタリア", 3), ("Canada", "CAN", "カナダ", 3),
    ("Russia", "RUS", "ロシア", 4), ("Vietnam", "VNM", "ベトナム", 3),
    ("Philippines", "PHL", "フィリピン", 3), ("Indonesia", "IDN", "インドネシア", 3),
    ("Singapore", "SGP", "シンガポール", 2), ("Thailand", "THA", "タイ", 2),
    ("Malaysia", "MYS", "マレーシア", 2), ("Brazil", "BRA", "ブラジル", 2),
    ("Mexico", "MEX", "メキシコ", 2), ("Saudi Arabia", "SAU", "サウジアラビア", 2),
    ("United Arab Emirates", "ARE", "アラブ首長国連邦", 2), ("Ukraine", "UKR", "ウクライナ", 3),
    ("Netherlands", "NLD", "オランダ", 2), ("North Korea", "PRK", "北朝鮮", 2),
    ("Turkey", "TUR", "トルコ", 1), ("South Africa", "ZAF", "南アフリカ", 1),
    ("Poland", "POL", "ポーランド", 1), ("Spain", "ESP", "スペイン", 1),
]

# (name, type, ISO3, Japanese form, short form, weight)
KNOWN = [
    ("Shigeru Ishiba", "PERSON", "JPN", "石破茂", "Ishiba", 30),
    ("Donald Trump", "PERSON", "USA", "トランプ", "Trump", 30),
    ("Xi Jinping", "PERSON", "CHN", "習近平", "Xi", 14),
    ("Takeshi Iwaya", "PERSON", "JPN", "岩屋毅", "Iwaya", 8),
    ("Marco Rubio", "PERSON", "USA", "ルビオ", "Rubio", 8),
    ("Ryosei Akazawa", "PERSON", "JPN", "赤沢亮正", "Akazawa", 8),
    ("Howard Lutnick", "PERSON", "USA", "ラトニック", "Lutnick", 6),
    ("Lee Jae-myung", "PERSON", "KOR", "李在明", "Lee", 6),
    ("Emmanuel Macron", "PERSON", "FRA", "マクロン", "Macron", 4),
    ("Keir Starmer", "PERSON", "GBR", "スターマー", "Starmer", 4),
    ("Narendra Modi", "PERSON", "IND", "モディ", "Modi", 4),
    ("Anthony Albanese", "PERSON", "AUS", "アルバニージー", "Albanese", 3),
    ("Friedrich Merz", "PERSON", "DEU", "メルツ", "Merz", 3),
    ("Giorgia Meloni", "PERSON", "ITA", "メローニ", "Meloni", 3),
    ("Vladimir Putin", "PERSON", "RUS", "プーチン", "Putin", 4),
    ("Lai Ching-te", "PERSON", "TWN", "頼清徳", "Lai", 3),
    ("Sanae Takaichi", "PERSON", "JPN", "高市早苗", "Takaichi", 8),
    ("Fumio Kishida", "PERSON", "JPN", "岸田文雄", "Kishida", 8),
    ("Joe Biden", "PERSON", "USA", "バイデン", "Biden", 8),
    ("Masayoshi Son", "PERSON", "JPN", "孫正義", "Son", 4),
    ("Sam Altman", "PERSON", "USA", "アルトマン", "Altman", 4),
    ("Jensen Huang", "PERSON", "USA", "フアン", "Huang", 3),
    ("SoftBank Group", "ORG", "JPN", "ソフトバンクグループ", "SoftBank", 6),
    ("OpenAI", "ORG", "USA", "オープンAI", None, 5),
    ("Toyota Motor", "ORG", "JPN", "トヨタ自動車", "Toyota", 5),
    ("Nvidia", "ORG", "USA", "エヌビディア", None, 4),
    ("TSMC", "ORG", "TWN", "台湾積体電路製造", None, 4),
    ("Samsung Electronics", "ORG", "KOR", "サムスン電子", "Samsung", 3),
    ("Nippon Steel", "ORG", "JPN", "日本製鉄", None, 3),
    ("U.S. Steel", "ORG", "USA", "USスチール", None, 3),
    ("Rapidus", "ORG", "JPN", "ラピダス", None, 2),
    ("Microsoft", "ORG", "USA", "マイクロソフト", None, 3),
    ("Huawei", "ORG", "CHN", "華為技術", "Huawei", 3),
]

JA_SURNAMES = [("Tanaka", "田中"), ("Suzuki", "鈴木"), ("Sato", "佐藤"), ("Takahashi", "高橋"),
               ("Watanabe", "渡辺"), ("Ito", "伊藤"), ("Yamamoto", "山本"),
               ("Nakamura", "中村"), ("Kobayashi", "小林"), ("Kato", "加藤"),
               ("Yoshida", "吉田"), ("Yamada", "山田"), ("Sasaki", "佐々木"),
               ("Matsumoto", "松本"), ("Inoue", "井上"), ("Kimura", "木村")]
JA_GIVEN = [("Hiroshi", "博"), ("Takashi", "隆"), ("Yuko", "裕子"), ("Kenji", "健二"),
            ("Akiko", "明子"), ("Makoto", "誠"), ("Naoko", "直子"), ("Satoshi", "聡"),
            ("Emi", "恵美"), ("Daisuke", "大輔"), ("Haruka", "遥"), ("Shinji", "真司")]
SURNAMES = ["Anders", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hughes",
            "Ivanova", "Jensen", "Kowalski", "Laurent", "Moreau", "Novak", "Olsen", "Park",
            "Quinn", "Rossi", "Silva", "Tran", "Udall", "Vargas", "Wright", "Young", "Zhang",
            "Chen", "Kim", "Nguyen", "Singh", "Cohen"]
GIVEN = ["Alex", "Maria", "John", "Sofia", "David", "Anna", "Paul", "Elena", "Mark", "Laura",
         "Peter", "Nadia", "Omar", "Julia", "Ravi", "Grace", "Tomas", "Lena", "Victor", "Mei"]
ORG_SUFFIXES = [("Holdings", "ホールディングス"), ("Electric", "電機"), ("Motors", "自動車"),
                ("Bank", "銀行"), ("Energy", "エナジー"), ("Semiconductor", "半導体"),
                ("Heavy Industries", "重工業"), ("Trading", "商事")]

# (English, Japanese): what events are about, and the words searched for.
TOPICS = [
    ("semiconductors", "半導体"), ("artificial intelligence", "人工知能"),
    ("liquefied natural gas", "液化天然ガス"), ("rare earths", "レアアース"),
    ("steel", "鉄鋼"), ("shipbuilding", "造船"), ("defence equipment", "防衛装備品"),
    ("quantum computing", "量子コンピューター"), ("electric vehicles", "電気自動車"),
    ("batteries", "蓄電池"), ("critical minerals", "重要鉱物"), ("nuclear power", "原子力発電"),
    ("hydrogen", "水素"), ("space exploration", "宇宙開発"),
    ("cybersecurity", "サイバーセキュリティー"), ("rice", "コメ"), ("beef", "牛肉"),
    ("soybeans", "大豆"), ("aircraft", "航空機"), ("pharmaceuticals", "医薬品"),
    ("data centers", "データセンター"), ("5G networks", "第5世代移動通信"),
    ("offshore wind", "洋上風力"), ("tourism", "観光"), ("student exchanges", "留学生交流"),
    ("fisheries", "漁業"), ("tariffs", "関税"), ("supply chains", "供給網"),
    ("climate change", "気候変動"), ("drones", "無人機"),
]

EVENT_WEIGHTS = {"MEET": 20, "VISIT": 8, "AGREE": 10, "COOPERATE": 10, "INVEST": 8,
                 "TRADE": 6, "RESTRICT": 10, "POLICY": 8, "STATEMENT": 12, "RELEASE": 4}
ROLE_FREE = role_free_types()
# citations per merged event, 1 to 10, most happenings told once or twice
CITATION_WEIGHTS = (30, 20, 14, 10, 8, 6, 4, 3, 3, 2)
STATUS_RANK = {"considered": 0, "planned": 1, "negated": 2, "happened": 3}

# English and Japanese sentences, (as having happened, as planned) for each type.
EN_TEMPLATES = {
    "MEET": ("{a} met {b}{when} to discuss {topic}.",
             "{a} will meet {b}{when} to discuss {topic}."),
    "VISIT": ("{a} visited {b}{when} for talks on {topic}.",
              "{a} is to visit {b}{when} for talks on {topic}."),
    "AGREE": ("{a} and {b} signed an agreement on {topic}{when}.",
              "{a} and {b} plan to sign an agreement on {topic}{when}."),
    "COOPERATE": ("{a} and {b} agreed{when} to deepen cooperation on {topic}.",
                  "{a} and {b} aim to deepen cooperation on {topic}{when}."),
    "INVEST": ("{a} announced{when} an investment of ${amount} billion in {b} for {topic}.",
               "{a} plans to invest ${amount} billion in {b} for {topic}{when}."),
    "TRADE": ("{a} committed{when} to buy more {topic} from {b}.",
              "{a} intends to buy more {topic} from {b}{when}."),
    "RESTRICT": ("{a} imposed export controls on {b} over {topic}{when}.",
                 "{a} is considering export controls on {b} over {topic}{when}."),
    "POLICY": ("{a} issued new guidelines on {topic} aimed at {b}{when}.",
               "{a} will issue new guidelines on {topic} aimed at {b}{when}."),
    "STATEMENT": ("{a} told reporters{when} that talks with {b} on {topic} would continue.",
                  "{a} will address the press{when} on talks with {b} on {topic}."),
    "RELEASE": ("{a} released a new product for {topic}{when}.",
                "{a} will release a new product for {topic}{when}."),
}
JA_TEMPLATES = {
    "MEET": ("{a}は{when}{b}と{topic}について会談した。",
             "{a}は{when}{b}と{topic}について会談する予定だ。"),
    "VISIT": ("{a}は{when}{b}を訪問し、{topic}について協議した。",
              "{a}は{when}{b}を訪問し、{topic}について協議する予定だ。"),
    "AGREE": ("{a}と{b}は{when}{topic}に関する協定に署名した。",
              "{a}と{b}は{when}{topic}に関する協定に署名する方針だ。"),
    "COOPERATE": ("{a}と{b}は{when}{topic}分野での協力強化で一致した。",
                  "{a}と{b}は{when}{topic}分野での協力を強化する方針だ。"),
    "INVEST": ("{a}は{when}{b}に{topic}関連で{amount}億ドルを投資すると発表した。",
               "{a}は{when}{b}に{topic}関連で{amount}億ドルを投資する計画だ。"),
    "TRADE": ("{a}は{when}{b}から{topic}を購入することを約束した。",
              "{a}は{when}{b}から{topic}を購入する方針だ。"),
    "RESTRICT": ("{a}は{when}{topic}をめぐり{b}に対する輸出規制を発動した。",
                 "{a}は{when}{topic}をめぐり{b}に対する輸出規制を検討している。"),
    "POLICY": ("{a}は{when}{b}を対象に{topic}に関する新たな指針を発表した。",
               "{a}は{when}{b}を対象に{topic}に関する新たな指針を策定する方針だ。"),
    "STATEMENT": ("{a}は{when}記者会見で、{b}との{topic}をめぐる協議を続けると述べた。",
                  "{a}は{when}記者会見を開き、{b}との{topic}をめぐる協議について説明する予定だ。"),
    "RELEASE": ("{a}は{when}{topic}向けの新製品を発表した。",
                "{a}は{when}{topic}向けの新製品を発表する予定だ。"),
}
EN_HEADLINES = {"MEET": "hold talks on", "VISIT": "talks on", "AGREE": "sign deal on",
                "COOPERATE": "to cooperate on", "INVEST": "investment in", "TRADE": "purchases of",
                "RESTRICT": "curbs over", "POLICY": "new rules on", "STATEMENT": "remarks on",
                "RELEASE": "launch for"}
JA_HEADLINES = {"MEET": "会談", "VISIT": "訪問", "AGREE": "合意", "COOPERATE": "協力",
                "INVEST": "投資", "TRADE": "購入", "RESTRICT": "規制", "POLICY": "新指針",
                "STATEMENT": "発言", "RELEASE": "新製品"}
EN_FILLER = [
    "Officials said further details would be released in the coming weeks.",
    "The move comes amid growing concern over the security of supply chains in Asia.",
    "Analysts said the step could reshape trade across the region.",
    "Markets in Tokyo and New York showed little reaction to the news.",
    "Opposition lawmakers called for a fuller explanation in parliament.",
    "Business groups welcomed the announcement but asked for clearer rules.",
    "Diplomats said working-level talks had gone on for several months.",
    "The government is expected to brief allies before the end of the month.",
]
JA_FILLER = [
    "詳細は今後数週間のうちに明らかにされる見通しだ。",
    "アジアの供給網の安全性への懸念が高まる中での動きとなる。",
    "専門家は、地域の貿易の構図が変わる可能性があると指摘している。",
    "東京とニューヨークの市場の反応は限定的だった。",
    "野党は国会での丁寧な説明を求めている。",
    "経済界は発表を歓迎しつつ、より明確な規則を求めた。",
    "実務者レベルの協議は数か月にわたって続けられてきたという。",
    "政府は月内にも同盟国に説明する見通しだ。",
]
EN_SOURCES = ["The Japan News", "Kyodo News", "Reuters", "Nikkei Asia", "The Asahi Shimbun",
              "Associated Press", "The Japan Times", "Bloomberg"]
JA_SOURCES = ["NHK", "読売新聞", "朝日新聞", "毎日新聞", "日本経済新聞", "共同通信", "時事通信"]


@dataclass(frozen=True)
class Actor:
    id: int
    name: str
    type: str
    country: str | None
    ja: str | None
    short: str | None
    weight: float


@dataclass
class Happening:
    """One generated merged event, before its citations are dealt out to articles."""

    index: int
    type: str
    parties: tuple[int, ...]  # actor ids; the first acts
    start: date
    end: date
    granularity: str
    topic: int
    amount: int
    citations: int
    members: list[tuple[int, int, str, bool]] = field(default_factory=list)
    # (article index, position in the article, status, dated)


@dataclass
class Plan:
    """Everything generated, as compact records; rows are made from it chunk by chunk."""

    seed: int
    actors: list[Actor]
    happenings: list[Happening]
    articles: list[tuple[date, str, list[int]]]  # (published, language, happening indexes)


# --- generating ------------------------------------------------------------------------

def make_actors(rng: random.Random) -> list[Actor]:
    """Countries, known people and companies, and synthetic officials and firms."""
    out: list[Actor] = []

    def add(name: str, type: str, country: str | None, ja: str | None, short: str | None,
            weight: float) -> None:
        out.append(Actor(len(out) + 1, name, type, country, ja, short, weight))

    for name, iso3, ja, weight in COUNTRIES:
        add(name, "GPE", iso3, ja, "U.S." if iso3 == "USA" else None, weight)
    for name, type, iso3, ja, short, weight in KNOWN:
        add(name, type, iso3, ja, short, weight)
    codes = [c[1] for c in COUNTRIES]
    country_weights = [c[3] for c in COUNTRIES]
    names: set[str] = {a.name for a in out}
    rank = 0
    while len(out) < 380:
        iso3 = rng.choices(codes, country_weights)[0]
        rank += 1
        weight = 3.0 / (1 + rank) ** 0.6
        if rng.random() < 0.2:
            surname, ja_surname = rng.choice(JA_SURNAMES)
            suffix, ja_suffix = rng.choice(ORG_SUFFIXES)
            if iso3 == "JPN":
                name, ja = f"{surname} {suffix}", f"{ja_surname}{ja_suffix}"
            else:
                name, ja = f"{rng.choice(SURNAMES)} {suffix}", None
            type, short = "ORG", None
        elif iso3 == "JPN":
            (surname, ja_surname), (given, ja_given) = (rng.choice(JA_SURNAMES),
                                                        rng.choice(JA_GIVEN))
            name, ja, short, type = (f"{given} {surname}", f"{ja_surname}{ja_given}", surname,
                                     "PERSON")
        else:
            surname = rng.choice(SURNAMES)
            name, ja, short, type = f"{rng.choice(GIVEN)} {surname}", None, surname, "PERSON"
        if name not in names:
            names.add(name)
            add(name, type, iso3, ja, short, weight)
    return out


def plan(articles: int, seed: int = 0) -> Plan:
    """Who does what when, and which article tells which happening; no text yet."""
    rng = random.Random(f"kizuna-bench-store:{seed}")
    actors = make_actors(rng)
    weights = [a.weight for a in actors]
    sizes = rng.choices((1, 2, 3), (1, 2, 1), k=articles)
    needed = sum(sizes)
    happenings: list[Happening] = []
    total = 0
    types, type_weights = zip(*EVENT_WEIGHTS.items(), strict=True)
    while total < needed:
        count = min(rng.choices(range(1, 11), CITATION_WEIGHTS)[0], needed - total)
        type = rng.choices(types, type_weights)[0]
        happenings.append(Happening(len(happenings), type, _parties(rng, actors, weights, type),
                                    *_when(rng), topic=rng.randrange(len(TOPICS)),
                                    amount=rng.randint(1, 500), citations=count))
        total += count
    # Each report comes out a little before (planned) or after (happened) the happening;
    # articles take reports in publication order, so an article tells news of its days.
    reports = sorted((min(max(h.start.toordinal() + rng.randint(-12, 6),
                              FIRST_DAY.toordinal()), FIRST_DAY.toordinal() + DAYS - 1),
                      rng.random(), h.index)
                     for h in happenings for _ in range(h.citations))
    planned: list[tuple[date, str, list[int]]] = []
    at = 0
    for size in sizes:
        told = reports[at:at + size]
        at += size
        published = date.fromordinal(max(day for day, _, _ in told))
        language = "ja" if rng.random() < JAPANESE_SHARE else "en"
        indexes = list(dict.fromkeys(h for _, _, h in told))  # one event per happening
        for position, h in enumerate(indexes):
            happening = happenings[h]
            happening.members.append((len(planned), position,
                                      _status(rng, published, happening.start),
                                      rng.random() < 0.85))
        planned.append((published, language, indexes))
    return Plan(seed, actors, happenings, planned)


def _parties(rng: random.Random, actors: list[Actor], weights: list[float],
             type: str) -> tuple[int, ...]:
    first = rng.choices(actors, weights)[0]
    if type == "RELEASE":
        return (first.id,)
    chosen = [first]
    wanted = 3 if rng.random() < 0.2 else 2
    for _ in range(20):
        if len(chosen) == wanted:
            break
        other = rng.choices(actors, weights)[0]
        foreign = other.country not in {c.country for c in chosen} or rng.random() < 0.15
        if other not in chosen and foreign:
            chosen.append(other)
    return tuple(a.id for a in chosen)


def _when(rng: random.Random) -> tuple[date, date, str]:
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    roll = rng.random()
    if roll < 0.88:
        return start, start, "day"
    if roll < 0.97:
        first = start.replace(day=1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1), "month"
    return date(start.year, 1, 1), date(start.year, 12, 31), "year"


def _status(rng: random.Random, published: date, start: date) -> str:
    if published < start:
        return "considered" if rng.random() < 0.15 else "planned"
    return "negated" if rng.random() < 0.03 else "happened"


# --- rows ------------------------------------------------------------------------------

def build(store: Store, articles: int, seed: int = 0,
          progress: Callable[[str], None] | None = None) -> Plan:
    """Fill an empty store with `articles` generated articles and their merged events."""
    say = progress or (lambda message: None)
    with store.engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(s.articles)).scalar_one():
            raise StoreError("bench-store needs an empty database: this one holds articles")
    say(f"planning {articles:,} articles (seed {seed})")
    the_plan = plan(articles, seed)
    actors = {a.id: a for a in the_plan.actors}
    now = datetime.now(UTC)
    say(f"writing {len(the_plan.actors)} actors and {len(the_plan.happenings):,} merged events")
    merged_rows, participant_rows = _merged_rows(the_plan, now)
    with store.engine.begin() as conn:
        _insert(conn, s.entities, [{"id": a.id, "name": a.name, "type": a.type,
                                    "country": a.country} for a in the_plan.actors])
        _insert(conn, s.merged_events, merged_rows)
        _insert(conn, s.merged_participants, participant_rows)
    members = {(article, position): (h, status, dated)
               for h in the_plan.happenings
               for article, position, status, dated in h.members}
    fulltext = store.fulltext
    for first in range(0, articles, CHUNK):
        rows = _article_rows(the_plan, actors, members, range(first, min(first + CHUNK, articles)),
                             now, fulltext)
        with store.engine.begin() as conn:
            for table, batch in rows:
                _insert(conn, table, batch)
        say(f"wrote articles {first + 1:,}–{min(first + CHUNK, articles):,}")
    if store.engine.dialect.name == "postgresql":
        # What autovacuum soon does to a freshly loaded database: planner statistics, and
        # GIN pending lists merged into the trigram indexes. (SQLite keeps no statistics
        # unless asked: a store there is timed as users have it.)
        say("VACUUM ANALYZE")
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    return the_plan


def _merged_rows(the_plan: Plan, now: datetime) -> tuple[list[dict[str, Any]],
                                                          list[dict[str, Any]]]:
    rows, participants = [], []
    for h in the_plan.happenings:
        # as `members.summarise` folds them: the status by `status_key` (same-day reports
        # by status rank), the object from the last in publication order
        reports = sorted((the_plan.articles[a][0], STATUS_RANK[status], a, p, status, dated)
                         for a, p, status, dated in h.members)
        latest = reports[-1]
        last_told = max(reports, key=lambda r: (r[0], r[2], r[3]))
        dated = any(r[5] for r in reports)
        rows.append({
            "id": _merged_id(h, the_plan), "type": h.type, "status": latest[4],
            "date_start": h.start if dated else None, "date_end": h.end if dated else None,
            "date_granularity": h.granularity if dated else None, "location_entity_id": None,
            "object": _topic(h, the_plan.articles[last_told[2]][1]),
            "amount_value": h.amount * 1e9 if h.type == "INVEST" else None,
            "amount_currency": "USD" if h.type == "INVEST" else None,
            "last_published": latest[0], "updated_at": now,
        })
        participants += [{"merged_id": rows[-1]["id"], "entity_id": p} for p in h.parties]
    return rows, participants


def _merged_id(h: Happening, the_plan: Plan) -> str:
    """Named after its first report, as the merger names a merged event."""
    article, position, _, _ = min(h.members, key=lambda m: (the_plan.articles[m[0]][0], m[0]))
    return merged_id_for(event_id(_article_id(article), f"v{position + 1}"))


def _article_id(index: int) -> str:
    return f"bench-store-{index:06d}"


def _topic(h: Happening, language: str) -> str:
    return TOPICS[h.topic][1 if language == "ja" else 0]


def _article_rows(the_plan: Plan, actors: dict[int, Actor],
                  members: dict[tuple[int, int], tuple[Happening, str, bool]],
                  indexes: range, now: datetime, fulltext: bool) -> list[tuple[Any, list]]:
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in (
        "articles", "article_entities", "entity_aliases", "mentions", "events",
        "event_participants", "merged_members", "judgements", "fts")}
    merged_ids: dict[int, str] = {}
    for index in indexes:
        published, language, told = the_plan.articles[index]
        rng = random.Random(f"kizuna-bench-store:{the_plan.seed}:{index}")
        article = _Article(_article_id(index), language, actors)
        for position, h_index in enumerate(told):
            happening, status, dated = members[(index, position)]
            if rng.random() < 0.6:
                article.filler(rng)
            article.event(happening, position, status, dated, rng)
            if h_index not in merged_ids:
                merged_ids[h_index] = _merged_id(happening, the_plan)
            tables["merged_members"].append({"event_id": article.events[-1]["id"],
                                             "merged_id": merged_ids[h_index]})
            # as the merger records each placement (invariants: none placed unjudged)
            tables["judgements"].append({
                "event_id": article.events[-1]["id"], "merged_id": merged_ids[h_index],
                "decided_by": "auto", "score": 1.0, "reasons": '["generated by bench-store"]',
                "created_at": now})
        article.filler(rng)
        text = article.text()
        first = members[(index, 0)][0]
        names = [actors[p] for p in first.parties]
        title = _title(first, names, language)
        sources = JA_SOURCES if language == "ja" else EN_SOURCES
        tables["articles"].append({
            "id": article.id, "url": f"https://news.example/bench/{article.id}", "title": title,
            "source": rng.choice(sources), "language": language, "published": published,
            "text": text, "content_hash": hashlib.sha256(text.encode()).hexdigest(),
            "ingested_at": now})
        if fulltext:
            tables["fts"].append({"article_id": article.id, "title": title, "text": text})
        for name in ("article_entities", "entity_aliases", "mentions", "events",
                     "event_participants"):
            tables[name] += getattr(article, name)
    order = [(s.articles, tables["articles"]), (s.article_entities, tables["article_entities"]),
             (s.entity_aliases, tables["entity_aliases"]), (s.mentions, tables["mentions"]),
             (s.events, tables["events"]), (s.event_participants, tables["event_participants"]),
             (s.merged_members, tables["merged_members"]),
             (s.judgements, tables["judgements"])]
    if fulltext:
        order.append((s.articles_fts, tables["fts"]))
    return order


def _title(h: Happening, names: list[Actor], language: str) -> str:
    if language == "ja":
        who = "、".join(a.ja or a.name for a in names)
        return f"{who}、{_topic(h, 'ja')}で{JA_HEADLINES.get(h.type, '動き')}"
    who = " and ".join(a.short or a.name for a in names)
    return f"{who} {EN_HEADLINES[h.type]} {_topic(h, 'en')}"


class _Article:
    """One article's text and rows, built sentence by sentence with real offsets."""

    def __init__(self, article_id: str, language: str, actors: dict[int, Actor]):
        self.id, self.language, self.actors = article_id, language, actors
        self.parts: list[str] = []
        self.length = 0
        self.local: dict[int, str] = {}
        self.seen_aliases: set[tuple[int, str]] = set()
        self.article_entities: list[dict[str, Any]] = []
        self.entity_aliases: list[dict[str, Any]] = []
        self.mentions: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.event_participants: list[dict[str, Any]] = []

    def text(self) -> str:
        return "".join(self.parts)

    def _append(self, piece: str) -> int:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start

    def _separator(self) -> None:
        if self.parts and self.language == "en":
            self._append(" ")

    def filler(self, rng: random.Random) -> None:
        self._separator()
        self._append(rng.choice(JA_FILLER if self.language == "ja" else EN_FILLER))

    def _name(self, actor_id: int) -> None:
        actor = self.actors[actor_id]
        if self.language == "ja":
            surface = actor.ja or actor.name
        else:
            surface = actor.short if actor_id in self.local and actor.short else actor.name
        if actor_id not in self.local:
            self.local[actor_id] = f"e{len(self.local) + 1}"
            self.article_entities.append({"article_id": self.id, "entity_id": actor_id,
                                          "local_id": self.local[actor_id],
                                          "position": len(self.article_entities)})
        if (actor_id, surface) not in self.seen_aliases:
            self.seen_aliases.add((actor_id, surface))
            self.entity_aliases.append({"entity_id": actor_id, "article_id": self.id,
                                        "alias": surface, "position": len(self.entity_aliases)})
        start = self._append(surface)
        self.mentions.append({"article_id": self.id, "entity_id": actor_id, "start": start,
                              "end": start + len(surface), "text": surface})

    def event(self, h: Happening, position: int, status: str, dated: bool,
              rng: random.Random) -> None:
        templates = JA_TEMPLATES if self.language == "ja" else EN_TEMPLATES
        template = templates[h.type][0 if status in ("happened", "negated") else 1]
        if status == "negated":
            template = ("{a}は{when}{b}との{topic}をめぐる合意を見送った。" if self.language == "ja"
                        else "{a} did not reach a deal with {b} on {topic}{when}.")
        self._separator()
        start = self.length
        a, others = h.parties[0], h.parties[1:]
        joiner = "、" if self.language == "ja" else " and "
        when_text = _date_text(h, self.language) if dated else ""
        for piece in _PIECES.split(template):
            if piece == "{a}":
                self._name(a)
            elif piece == "{b}":
                for i, other in enumerate(others):
                    if i:
                        self._append(joiner)
                    self._name(other)
            elif piece == "{when}":
                self._append(when_text)
            elif piece == "{topic}":
                self._append(_topic(h, self.language))
            elif piece == "{amount}":
                self._append(str(h.amount if self.language == "en" else h.amount * 10))
            elif piece:
                self._append(piece)
        evidence = self.text()[start:]
        key = event_id(self.id, f"v{position + 1}")
        self.events.append({
            "id": key, "article_id": self.id, "local_id": f"v{position + 1}",
            "position": position, "type": h.type, "status": status,
            "date_start": h.start if dated else None, "date_end": h.end if dated else None,
            "date_granularity": h.granularity if dated else None,
            "date_text": when_text.strip(" 、") or None, "location_entity_id": None,
            "object": _topic(h, self.language), "amount_id": None,
            "amount_value": h.amount * 1e9 if h.type == "INVEST" else None,
            "amount_currency": "USD" if h.type == "INVEST" else None,
            "evidence_start": start, "evidence_end": self.length, "evidence_text": evidence})
        for i, party in enumerate(h.parties):
            role = "actor" if i == 0 or h.type in ROLE_FREE else "target"
            self.event_participants.append({"event_id": key, "entity_id": party,
                                             "role": role, "position": i})


def _date_text(h: Happening, language: str) -> str:
    start = h.start
    if language == "ja":
        text = {"day": f"{start.month}月{start.day}日", "month": f"{start.year}年{start.month}月",
                "year": f"{start.year}年"}[h.granularity]
        return text + "、"
    return {"day": f" on {start.strftime('%B')} {start.day}",
            "month": f" in {start.strftime('%B %Y')}", "year": f" in {start.year}"}[h.granularity]


_PIECES = re.compile(r"(\{[a-z]+\})")


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 50_000):
        if rows[i:i + 50_000]:
            conn.execute(insert(table), rows[i:i + 50_000])


# --- timing ----------------------------------------------------------------------------

def time_reads(store: Store, the_plan: Plan, repeats: int = REPEATS,
               seed: int = 0) -> dict[str, dict[str, float]]:
    """Each read `repeats` times, a different argument each time: median and p95 in ms."""
    rng = random.Random(f"kizuna-bench-store-reads:{seed}")
    actors = the_plan.actors
    weights = [a.weight for a in actors]
    people = [rng.choices(actors, weights)[0] for _ in range(repeats + 1)]
    names = [_some_name(rng, a) for a in people]
    codes = [c[1] for c in COUNTRIES]
    country_weights = [c[3] for c in COUNTRIES]
    pairs = []
    while len(pairs) < repeats + 1:
        a, b = rng.choices(codes, country_weights, k=2)
        if a != b:
            pairs.append((a, b))
    terms = [_search_term(rng) for _ in range(repeats + 1)]
    cited = [h for h in the_plan.happenings if len(h.members) > 1] or the_plan.happenings
    ids = [_merged_id(rng.choice(cited), the_plan) for _ in range(repeats + 1)]
    cases: dict[str, list[Callable[[], Any]]] = {
        "actor_events": [lambda n=n: reads.actor_events(store, n, limit=PAGE) for n in names],
        "actor_profile": [lambda n=n: reads.actor_profile(store, n) for n in names],
        "dyad_series": [lambda p=p: reads.dyad_series(store, *p) for p in pairs],
        "search": [lambda t=t: queries.search_articles(store, t, limit=SEARCH_PAGE)
                   for t in terms],
        "merged_search": [lambda t=t: merged.list_merged_events(store, search=t,
                                                                limit=SEARCH_PAGE)
                          for t in terms],
        "merged_event_with_citations": [lambda i=i: merged.get_merged_event(store, i)
                                        for i in ids],
    }
    figures = {}
    for name in READS:
        calls = cases[name]
        calls[0]()  # warm-up: caches and prepared statements, not timed
        times = []
        for call in calls[1:]:
            start = perf_counter()
            call()
            times.append((perf_counter() - start) * 1000)
        figures[name] = {"median_ms": round(statistics.median(times), 2),
                         "p95_ms": round(_percentile(times, 0.95), 2),
                         "max_ms": round(max(times), 2)}
    return figures


def _some_name(rng: random.Random, actor: Actor) -> str:
    forms = [actor.name, actor.name.lower()] + [f for f in (actor.short, actor.ja) if f]
    return rng.choice(forms)


def _search_term(rng: random.Random) -> str:
    english, japanese = rng.choice(TOPICS)
    return japanese if rng.random() < JAPANESE_SHARE else english.split()[-1]


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


# --- the command -----------------------------------------------------------------------

@contextmanager
def _target(db: str | None) -> Iterator[tuple[Store, bool]]:
    """The store to fill: `db`, or a new SQLite file in a temporary folder, removed after."""
    if db is not None:
        with Store.open(db) as store:
            yield store, False
        return
    folder = Path(tempfile.mkdtemp(prefix="kizuna-bench-store-"))
    try:
        with Store.open(str(folder / "bench.db")) as store:
            yield store, True
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(articles: int = 100_000, db: str | None = None, seed: int = 0,
        repeats: int = REPEATS, progress: Callable[[str], None] | None = None,
        ) -> dict[str, Any]:
    """Build a store of `articles` generated articles, time the reads; the figures."""
    say = progress or (lambda message: None)
    with _target(db) as (store, temporary):
        start = perf_counter()
        the_plan = build(store, articles, seed, say)
        built = perf_counter() - start
        say(f"built in {built:.1f} s; timing each read {repeats} times")
        figures = time_reads(store, the_plan, repeats, seed)
        counts = queries.table_counts(store)
        backend = store.engine.dialect.name
    return {
        "articles": articles, "backend": backend, "reads": figures,
        "events": counts["events"], "merged_events": counts["merged_events"],
        "entities": counts["entities"], "build_seconds": round(built, 1),
        "repeats": repeats, "seed": seed, "kept": not temporary,
    }


def table(result: dict[str, Any]):
    """The figures as a rich table: one row per read."""
    from rich import box
    from rich.table import Table

    out = Table(box=box.SIMPLE_HEAD, title=(
        f"kizuna bench-store: {result['articles']:,} articles, {result['events']:,} events, "
        f"{result['merged_events']:,} merged events ({result['backend']}, built in "
        f"{result['build_seconds']} s)"))
    out.add_column("read")
    for column in ("median ms", "p95 ms", "max ms"):
        out.add_column(column, justify="right")
    for name, figures in result["reads"].items():
        out.add_row(name, *(f"{figures[k]:.2f}" for k in ("median_ms", "p95_ms", "max_ms")))
    return out
