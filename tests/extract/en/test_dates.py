"""Date expressions in one sentence, resolved against the publication date and tense."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kizuna.extract.en.dates import resolve_dates
from kizuna.model import DateRef
from tests.extract.conftest import assert_dates_slice, resolve_in_article

THU = date(2025, 2, 6)  # a Thursday: its week runs Monday 3 to Sunday 9 February
TUE_DEC = date(2024, 12, 3)  # a Tuesday
LEAD = "TOKYO — Lead paragraph of the article. "
TAIL = " Unrelated closing sentence on Sunday."

Row = tuple[str, date | None, str, str, str, str, str]
# text, published, tense, span text, start, end, granularity

WEEKDAYS: list[Row] = [
    ("The prime minister met the chief executives on Monday at his office.", THU, "past",
     "on Monday", "2025-02-03", "2025-02-03", "day"),
    ("Officials said Tuesday that talks would continue.", THU, "past",
     "Tuesday", "2025-02-04", "2025-02-04", "day"),
    ("The summit will be held in Washington on Friday.", THU, "future",
     "on Friday", "2025-02-07", "2025-02-07", "day"),
    ("The leaders will meet on Thursday, the ministry said.", THU, "future",
     "on Thursday", "2025-02-06", "2025-02-06", "day"),
    ("The ministry confirmed the order on Thursday.", THU, "past",
     "on Thursday", "2025-02-06", "2025-02-06", "day"),
    ("Negotiators will return to the table on Wednesday.", THU, "future",
     "on Wednesday", "2025-02-12", "2025-02-12", "day"),
    ("The delegation is in Tokyo on Wednesday for consultations.", THU, "present",
     "on Wednesday", "2025-02-05", "2025-02-05", "day"),
    ("The envoy is travelling to Seoul on Saturday.", THU, "present",
     "on Saturday", "2025-02-08", "2025-02-08", "day"),
    ("The trade ministers met last Monday in Geneva.", THU, "past",
     "last Monday", "2025-02-03", "2025-02-03", "day"),
    ("The ministers will meet again next Tuesday.", THU, "future",
     "next Tuesday", "2025-02-11", "2025-02-11", "day"),
    ("The summit is this Friday.", THU, "present",
     "this Friday", "2025-02-07", "2025-02-07", "day"),
    ("The plant closed at 10 a.m. on Monday after the blast.", THU, "past",
     "on Monday", "2025-02-03", "2025-02-03", "day"),
    ("Beijing announced the export ban on Tuesday.", TUE_DEC, "past",
     "on Tuesday", "2024-12-03", "2024-12-03", "day"),
    ("The U.S. curbs were announced on Monday.", TUE_DEC, "past",
     "on Monday", "2024-12-02", "2024-12-02", "day"),
]

RANGES: list[Row] = [
    ("The prime minister will visit the United States from Thursday to Saturday.", THU,
     "future", "from Thursday to Saturday", "2025-02-06", "2025-02-08", "day"),
    ("The ministers held talks from Monday to Wednesday in Brussels.", THU, "past",
     "from Monday to Wednesday", "2025-02-03", "2025-02-05", "day"),
    ("The president is touring the Gulf from Tuesday to Friday.", THU, "present",
     "from Tuesday to Friday", "2025-02-04", "2025-02-07", "day"),
    ("The envoys met on Wednesday and Thursday.", THU, "past",
     "on Wednesday and Thursday", "2025-02-05", "2025-02-06", "day"),
    ("The institutes met in San Francisco on Nov. 20 and 21.", THU, "past",
     "on Nov. 20 and 21", "2024-11-20", "2024-11-21", "day"),
    ("The summit runs from Feb. 10 to 12 in Paris.", THU, "future",
     "from Feb. 10 to 12", "2025-02-10", "2025-02-12", "day"),
    ("The exchange will close Dec. 30 to Jan. 2 for the holidays.", THU, "future",
     "Dec. 30 to Jan. 2", "2025-12-30", "2026-01-02", "day"),
]

MONTHS: list[Row] = [
    ("The company unveiled the chip in January.", THU, "past",
     "in January", "2025-01-01", "2025-01-31", "month"),
    ("The government will publish the guidelines in March.", THU, "future",
     "in March", "2025-03-01", "2025-03-31", "month"),
    ("The order signed in October took effect immediately.", THU, "past",
     "in October", "2024-10-01", "2024-10-31", "month"),
    ("The firm plans to open the plant in January.", THU, "future",
     "in January", "2026-01-01", "2026-01-31", "month"),
    ("Talks are continuing in February.", THU, "present",
     "in February", "2025-02-01", "2025-02-28", "month"),
    ("Beijing will respond in January, officials said.", TUE_DEC, "future",
     "in January", "2025-01-01", "2025-01-31", "month"),
    ("The rules were first announced in October 2022.", THU, "past",
     "in October 2022", "2022-10-01", "2022-10-31", "month"),
    ("The agency published its review in September 2024.", None, "past",
     "in September 2024", "2024-09-01", "2024-09-30", "month"),
    ("The factory will start production in early February.", THU, "future",
     "in early February", "2025-02-01", "2025-02-28", "month"),
    ("The deal was struck in late January.", THU, "past",
     "in late January", "2025-01-01", "2025-01-31", "month"),
    ("The chip is expected to ship by mid-March.", THU, "future",
     "by mid-March", "2025-03-01", "2025-03-31", "month"),
    ("The review must be finished by the end of March.", THU, "future",
     "by the end of March", "2025-03-01", "2025-03-31", "month"),
    ("The elections will take place in May.", THU, "future",
     "in May", "2025-05-01", "2025-05-31", "month"),
    ("The talks were held last March in Rome.", THU, "past",
     "last March", "2024-03-01", "2024-03-31", "month"),
    ("The factory will reopen next March.", THU, "future",
     "next March", "2025-03-01", "2025-03-31", "month"),
    ("The council met in early January 2024 to approve it.", THU, "past",
     "in early January 2024", "2024-01-01", "2024-01-31", "month"),
]

DAYS: list[Row] = [
    ("The model was released on Jan. 20 to wide acclaim.", THU, "past",
     "on Jan. 20", "2025-01-20", "2025-01-20", "day"),
    ("The model shipped on Jan. 20 and 2,000 firms adopted it.", THU, "past",
     "on Jan. 20", "2025-01-20", "2025-01-20", "day"),
    ("The ceasefire was agreed on January 20.", THU, "past",
     "on January 20", "2025-01-20", "2025-01-20", "day"),
    ("The law was signed Jan 20, 2025, by the governor.", THU, "past",
     "Jan 20, 2025", "2025-01-20", "2025-01-20", "day"),
    ("Parliament approved the budget on 20 January 2025.", None, "past",
     "on 20 January 2025", "2025-01-20", "2025-01-20", "day"),
    ("The filing, dated 2025-01-20, was made public.", None, "past",
     "2025-01-20", "2025-01-20", "2025-01-20", "day"),
    ("The accord was signed on March 31.", THU, "past",
     "on March 31", "2024-03-31", "2024-03-31", "day"),
    ("The tariffs will take effect on March 31.", THU, "future",
     "on March 31", "2025-03-31", "2025-03-31", "day"),
    ("Exports were halted on Dec. 2.", THU, "past",
     "on Dec. 2", "2024-12-02", "2024-12-02", "day"),
    ("The talks are scheduled for Feb. 7 in Washington.", THU, "future",
     "Feb. 7", "2025-02-07", "2025-02-07", "day"),
    ("The rule was announced Feb 3 by the department.", THU, "past",
     "Feb 3", "2025-02-03", "2025-02-03", "day"),
    ("The controls were extended on Sept. 29.", THU, "past",
     "on Sept. 29", "2024-09-29", "2024-09-29", "day"),
    ("The vote is set for May 5.", THU, "future",
     "May 5", "2025-05-05", "2025-05-05", "day"),
    ("Trading resumed on Monday, Feb. 3, 2025, after the holiday.", THU, "past",
     "on Monday, Feb. 3, 2025", "2025-02-03", "2025-02-03", "day"),
    ("The minister resigned yesterday.", THU, "past",
     "yesterday", "2025-02-05", "2025-02-05", "day"),
    ("The central bank meets today.", THU, "present",
     "today", "2025-02-06", "2025-02-06", "day"),
    ("The results will be released tomorrow.", THU, "future",
     "tomorrow", "2025-02-07", "2025-02-07", "day"),
]

PERIODS: list[Row] = [
    ("Exports fell sharply last week, the ministry said.", THU, "past",
     "last week", "2025-01-27", "2025-02-02", "day"),
    ("The two sides will resume talks next week.", THU, "future",
     "next week", "2025-02-10", "2025-02-16", "day"),
    ("Negotiators are meeting in Geneva this week.", THU, "present",
     "this week", "2025-02-03", "2025-02-09", "day"),
    ("Officials met in Kuala Lumpur last weekend.", THU, "past",
     "last weekend", "2025-02-01", "2025-02-02", "day"),
    ("Shipments rose last month.", THU, "past",
     "last month", "2025-01-01", "2025-01-31", "month"),
    ("The rules take effect next month.", THU, "future",
     "next month", "2025-03-01", "2025-03-31", "month"),
    ("Prices have climbed this month.", THU, "present",
     "this month", "2025-02-01", "2025-02-28", "month"),
    ("The regulator opened an inquiry earlier this month.", THU, "past",
     "earlier this month", "2025-02-01", "2025-02-28", "month"),
    ("The bill passed late last month.", THU, "past",
     "late last month", "2025-01-01", "2025-01-31", "month"),
    ("The company posted a record profit last year.", THU, "past",
     "last year", "2024-01-01", "2024-12-31", "year"),
    ("The plant is due to open next year.", THU, "future",
     "next year", "2026-01-01", "2026-12-31", "year"),
    ("Investment has surged this year.", THU, "present",
     "this year", "2025-01-01", "2025-12-31", "year"),
    ("The fund agreed to the round earlier this year.", THU, "past",
     "earlier this year", "2025-01-01", "2025-12-31", "year"),
    ("The tariffs will be lifted by the end of the year.", THU, "future",
     "by the end of the year", "2025-01-01", "2025-12-31", "year"),
]

YEARS: list[Row] = [
    ("The framework was drafted in 2024.", THU, "past",
     "in 2024", "2024-01-01", "2024-12-31", "year"),
    ("The plan covers spending through fiscal 2025.", THU, "future",
     "through fiscal 2025", "2025-01-01", "2025-12-31", "year"),
    ("Tokyo will provide the funds by fiscal 2030.", THU, "future",
     "by fiscal 2030", "2030-01-01", "2030-12-31", "year"),
    ("The chip was banned in late 2023.", None, "past",
     "in late 2023", "2023-01-01", "2023-12-31", "year"),
    ("The exchange has listed the shares since 2019.", THU, "present",
     "since 2019", "2019-01-01", "2019-12-31", "year"),
    ("Output will rise in mid-2026.", THU, "future",
     "in mid-2026", "2026-01-01", "2026-12-31", "year"),
    ("The institute opened in FY2024.", THU, "past",
     "in FY2024", "2024-01-01", "2024-12-31", "year"),
    ("The agreement runs until 2030.", THU, "present",
     "until 2030", "2030-01-01", "2030-12-31", "year"),
]

NOT_DATES: list[tuple[str, date | None, str]] = [
    ("Trump may sign the order soon.", THU, "future"),
    ("Theresa May said the plan had failed.", THU, "past"),
    ("Thousands march through the capital.", THU, "present"),
    ("Protesters plan to March on the capital.", THU, "future"),
    ("The ceasefire lasted for three days.", THU, "past"),
    ("The company has 90 days to respond.", THU, "present"),
    ("Music of the 1990s is back in fashion.", THU, "present"),
    ("The 78-year-old senator spoke at 10 a.m.", THU, "past"),
    ("The firm employs 2,025 people.", THU, "present"),
    ("The mayor called it a 2023 idea.", THU, "past"),
    ("Trump spoke with reporters aboard Air Force One.", THU, "past"),
    ("The index rose 20% in heavy trading.", THU, "past"),
    ("The agency released 2025 projections.", THU, "past"),
    ("He met them on Monday.", None, "past"),
    ("The rules take effect next month.", None, "future"),
    ("The accord was signed on March 31.", None, "past"),
]


def _resolve(sentence: str, published: date | None, tense: str) -> list[DateRef]:
    return resolve_in_article(resolve_dates, LEAD, sentence, TAIL, published, tense)


def _summary(ref: DateRef) -> tuple[str, str, str, str]:
    return ref.text, ref.start.isoformat(), ref.end.isoformat(), ref.granularity


@pytest.mark.parametrize(
    ("sentence", "published", "tense", "text", "start", "end", "granularity"),
    WEEKDAYS + RANGES + MONTHS + DAYS + PERIODS + YEARS,
)
def test_resolve_dates(
    sentence: str, published: date | None, tense: str,
    text: str, start: str, end: str, granularity: str,
) -> None:
    refs = _resolve(sentence, published, tense)
    assert [_summary(r) for r in refs] == [(text, start, end, granularity)]


@pytest.mark.parametrize(("sentence", "published", "tense"), NOT_DATES)
def test_not_dates(sentence: str, published: date | None, tense: str) -> None:
    assert _resolve(sentence, published, tense) == []


def test_several_dates_come_back_in_text_order() -> None:
    sentence = "The envoys met on Monday and will meet again on Friday, after talks in January."
    refs = _resolve(sentence, THU, "past")
    assert [r.text for r in refs] == ["on Monday", "on Friday", "in January"]


def test_dates_outside_the_sentence_are_ignored() -> None:
    refs = _resolve("No date here.", THU, "past")
    assert refs == []


PIECES = [
    " ", ",", ".", "-", "on ", "in ", "from ", " to ", " and ", "last ", "next ", "the end of ",
    "mid-", "Jan.", "February", "May", "Sept", "Monday", "Sunday", "week", "year", "fiscal ",
    "1", "2", "20", "29", "31", "2024", "2025", "年", "月", "日", "先月", "来週", "令和", "元",
    "～", "から", "曜", "０", "７",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=14),
    st.sampled_from(["past", "present", "future"]),
    st.sampled_from([THU, date(2024, 2, 29), date(2024, 12, 31), None]),
)
def test_every_resolved_span_slices_the_text(
    pieces: list[str], tense: str, published: date | None
) -> None:
    assert_dates_slice(resolve_dates, "".join(pieces), published, tense)
