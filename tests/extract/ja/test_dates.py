"""Dates of Japanese events, resolved against the publication date and the predicate's
tense: 7日, 先月, 今月中旬, 来週, 昨年12月, 令和7年, 月曜日, 6～8日. Every row is a short
article written for this test, run through the real pipeline (GiNZA loaded once).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kizuna.extract.ja.dates import resolve_dates_ja
from kizuna.model import DateRef
from tests.extract.conftest import assert_dates_slice, resolve_in_article

SAT = date(2025, 2, 8)  # a Saturday: its week runs Monday 3 to Sunday 9 February
THU = date(2025, 2, 6)  # a Thursday
FRI_14 = date(2025, 2, 14)
DEC = date(2025, 12, 24)

# published, article, event type, date text, start, end, granularity
DATES: list = [
    (SAT, "石破首相は7日、ホワイトハウスでトランプ大統領と会談した。", "MEET",
     "7日", "2025-02-07", "2025-02-07", "day"),
    # the local day, not the day restated in Japan time in brackets
    (SAT, "石破首相は7日午前（日本時間8日未明）、ワシントンでトランプ大統領と会談した。", "MEET",
     "7日", "2025-02-07", "2025-02-07", "day"),
    (THU, "経産省は3日、半導体の輸出規制を発表した。", "RESTRICT",
     "3日", "2025-02-03", "2025-02-03", "day"),
    # a day past the publication date in a past sentence is last month's
    (THU, "オープンAIは20日、新しいAIモデルを公開した。", "RELEASE",
     "20日", "2025-01-20", "2025-01-20", "day"),
    (THU, "ソフトバンクグループは先月、オープンAIへの出資を発表した。", "INVEST",
     "先月", "2025-01-01", "2025-01-31", "month"),
    # the fiscal year runs April to March: in February it began last April
    (THU, "ソニーグループは今年度、新しいAIモデルを公開する。", "RELEASE",
     "今年度", "2024-04-01", "2025-03-31", "month"),
    (DEC, "ソニーグループは来年度、新しいAIモデルを公開する。", "RELEASE",
     "来年度", "2026-04-01", "2027-03-31", "month"),
    (THU, "石破首相は今月中旬にも訪米する予定だ。", "VISIT",
     "今月中旬", "2025-02-01", "2025-02-28", "month"),
    (THU, "トランプ大統領は来週、日本を訪問する。", "VISIT",
     "来週", "2025-02-10", "2025-02-16", "day"),
    (THU, "米商務省は昨年12月、中国に対する輸出規制を発表した。", "RESTRICT",
     "昨年12月", "2024-12-01", "2024-12-31", "month"),
    (date(2025, 6, 10), "ソフトバンクグループとオープンAIは2025年1月、提携を発表した。",
     "COOPERATE", "2025年1月", "2025-01-01", "2025-01-31", "month"),
    (DEC, "国会は令和7年、AI法を成立させた。", "POLICY",
     "令和7年", "2025-01-01", "2025-12-31", "year"),
    # a weekday: the one before in a past sentence, the one after in a planned one
    (THU, "台湾当局は月曜日、ディープシークの利用を禁止した。", "RESTRICT",
     "月曜日", "2025-02-03", "2025-02-03", "day"),
    (THU, "石破首相は月曜日にトランプ大統領と会談する予定だ。", "MEET",
     "月曜日", "2025-02-10", "2025-02-10", "day"),
    # a range of days
    (FRI_14, "岩屋毅外相は10～12日の日程で中国を訪問した。", "VISIT",
     "10～12日", "2025-02-10", "2025-02-12", "day"),
    (date(2025, 2, 1), "トランプ大統領は3日から5日まで日本を訪問する。", "VISIT",
     "3日から5日まで", "2025-02-03", "2025-02-05", "day"),
    (THU, "林官房長官は先月20日、記者会見した。", "STATEMENT",
     "先月20日", "2025-01-20", "2025-01-20", "day"),
    # a two-digit year is this century's once the article is under way
    (THU, "東芝は新型電池を28年に発売する計画だ。", "RELEASE",
     "28年", "2028-01-01", "2028-12-31", "year"),
    (THU, "日立は23年5月、新型の蓄電池を発売した。", "RELEASE",
     "23年5月", "2023-05-01", "2023-05-31", "month"),
    # the month belongs to a verb told in the past, though the plan it names is to come
    (date(2025, 6, 10), "三菱商事は2月に公表した、インドに30億ドルを投資する計画を進める。",
     "INVEST", "2月", "2025-02-01", "2025-02-28", "month"),
]


@pytest.mark.parametrize(
    ("published", "text", "event_type", "written", "start", "end", "granularity"), DATES)
def test_event_date(ja_extract, published: date, text: str, event_type: str, written: str,
                    start: str, end: str, granularity: str) -> None:
    found = ja_extract(text, published=published)
    events = found.events_of(event_type)
    assert events and events[0].date is not None, found.describe()
    ref = events[0].date
    assert (ref.text, ref.start.isoformat(), ref.end.isoformat(), ref.granularity) == (
        written, start, end, granularity), found.describe()
    assert ref.span is not None and text[ref.span.start:ref.span.end] == written


def test_a_date_told_before_carries_to_the_same_day(ja_extract) -> None:
    found = ja_extract("石破首相は7日、トランプ大統領と会談した。"
                       "同日、両首脳は共同声明を発表した。", published=SAT)
    agree = found.events_of("AGREE")
    assert agree and agree[0].date is not None, found.describe()
    assert agree[0].date.start == date(2025, 2, 7)


def test_a_sentence_closing_on_a_verbal_noun_dates_the_next(ja_extract) -> None:
    found = ja_extract("ホンダは5日、新型車の試験走行を実施。量産用の車体も初公開した。",
                       published=SAT)
    releases = found.events_of("RELEASE")
    assert len(releases) == 1, found.describe()
    # the noun stop is told in the past: the 5th before publication, not next month's
    assert releases[0].date is not None and releases[0].date.start == date(2025, 2, 5)


def test_a_plan_word_closing_a_sentence_is_no_past(ja_extract) -> None:
    found = ja_extract("岩屋外相は20日に訪中予定。", published=SAT)
    visits = found.events_of("VISIT")
    assert visits and visits[0].date is not None, found.describe()
    assert visits[0].date.start == date(2025, 2, 20)


# published, article, event type: the article does not say when
NO_DATE: list = [
    (THU, "石破首相はトランプ大統領と会談した。", "MEET"),
    # a duration is no date
    (THU, "日米両政府は3日間の交渉で合意した。", "AGREE"),
    # a two-digit number of years is a count
    (THU, "日米両政府は15年ぶりに合意した。", "AGREE"),
]


@pytest.mark.parametrize(("published", "text", "event_type"), NO_DATE)
def test_no_date_is_not_the_publication_date(ja_extract, published: date, text: str,
                                             event_type: str) -> None:
    found = ja_extract(text, published=published)
    events = found.events_of(event_type)
    assert events, found.describe()
    assert events[0].date is None, found.describe()


# The resolver on its own: one sentence inside a longer article, so offsets are article
# offsets. text, published, tense, span text, start, end, granularity
Row = tuple[str, date | None, str, str, str, str, str]
LEAD = "東京発。記事の書き出しの段落。"
TAIL = "日曜日に関係のない結びの文。"

JAPANESE: list[Row] = [
    ("石破首相は7日午前、トランプ大統領と会談した。", date(2025, 2, 8), "past",
     "7日", "2025-02-07", "2025-02-07", "day"),
    ("同社が先月20日に公開したモデルが注目を集めた。", date(2025, 2, 8), "past",
     "先月20日", "2025-01-20", "2025-01-20", "day"),
    ("試作品は今月中旬にも完成する見通しだ。", THU, "future",
     "今月中旬", "2025-02-01", "2025-02-28", "month"),
    ("大統領は来週にも会う考えを示した。", date(2025, 2, 8), "future",
     "来週", "2025-02-10", "2025-02-16", "day"),
    ("商務省は昨年12月、新たな規制を発表した。", THU, "past",
     "昨年12月", "2024-12-01", "2024-12-31", "month"),
    ("両社は2025年1月に計画を発表した。", None, "past",
     "2025年1月", "2025-01-01", "2025-01-31", "month"),
    ("新法は令和7年に施行された。", None, "past",
     "令和7年", "2025-01-01", "2025-12-31", "year"),
    ("機関は令和元年5月に設立された。", None, "past",
     "令和元年5月", "2019-05-01", "2019-05-31", "month"),
    ("台湾当局は月曜日、利用を禁止した。", date(2025, 2, 8), "past",
     "月曜日", "2025-02-03", "2025-02-03", "day"),
    ("会議は3日から5日まで開かれる。", date(2025, 2, 1), "future",
     "3日から5日まで", "2025-02-03", "2025-02-05", "day"),
    ("首相は6～8日の日程で訪米した。", date(2025, 2, 8), "past",
     "6～8日", "2025-02-06", "2025-02-08", "day"),
    ("規制は２月５日から適用される。", date(2025, 2, 1), "future",
     "２月５日", "2025-02-05", "2025-02-05", "day"),
    ("省は先月31日、追加支援を決めた。", date(2025, 4, 2), "past",
     "先月31日", "2025-03-31", "2025-03-31", "day"),
    ("工程表は来年夏をめどにまとめる。", date(2025, 12, 24), "future",
     "来年夏", "2026-01-01", "2026-12-31", "year"),
]

NOT_DATES_JA: list[tuple[str, date | None, str]] = [
    ("交渉は3日間続いた。", THU, "past"),
    ("結果は5日後に出る。", THU, "future"),
    ("サービス開始から1カ月がたった。", THU, "past"),
    ("日本の回路線幅は2ナノメートルだ。", THU, "present"),
    ("首相は7日、会談した。", None, "past"),
]


def _resolve(sentence: str, published: date | None, tense: str) -> list[DateRef]:
    return resolve_in_article(resolve_dates_ja, LEAD, sentence, TAIL, published, tense)


@pytest.mark.parametrize(
    ("sentence", "published", "tense", "text", "start", "end", "granularity"), JAPANESE
)
def test_resolve_dates_ja(
    sentence: str, published: date | None, tense: str,
    text: str, start: str, end: str, granularity: str,
) -> None:
    refs = _resolve(sentence, published, tense)
    assert [(r.text, r.start.isoformat(), r.end.isoformat(), r.granularity) for r in refs] == [
        (text, start, end, granularity)]


@pytest.mark.parametrize(("sentence", "published", "tense"), NOT_DATES_JA)
def test_not_dates_ja(sentence: str, published: date | None, tense: str) -> None:
    assert _resolve(sentence, published, tense) == []


PIECES = ["年", "月", "日", "先月", "来週", "今月", "中旬", "令和", "元", "～", "から", "曜",
          "０", "７", "1", "2", "12", "31", "2025", "昨年", "来年", "夏", "、", "。", " "]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=14),
    st.sampled_from(["past", "present", "future"]),
    st.sampled_from([THU, date(2024, 2, 29), date(2024, 12, 31), None]),
)
def test_every_resolved_span_slices_the_text(
    pieces: list[str], tense: str, published: date | None
) -> None:
    assert_dates_slice(resolve_dates_ja, "".join(pieces), published, tense)
