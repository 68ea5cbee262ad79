"""An event's status from the words around its trigger: one row per cue of the contract's
status table, plus the commitment rule for INVEST, AGREE and POLICY.
"""

from __future__ import annotations

import pytest

from kizuna.model import STATUSES

# sentence, event type, expected status
STATUS: list = [
    # agreeing to meet is over; the meeting is to come (agreeing to cooperate is cooperation)
    ("Kishida and Biden agreed to hold talks in person at the summit.", "MEET", "planned"),
    ("Kishida and Modi agreed to deepen cooperation on chips.", "COOPERATE", "happened"),
    # happened
    ("Ishiba met Trump in Washington.", "MEET", "happened"),
    ("Japan and the United States signed a trade agreement.", "AGREE", "happened"),
    ("Toyota Motor and NTT have announced a partnership on AI.", "COOPERATE", "happened"),
    ("Beijing banned exports of gallium to the United States.", "RESTRICT", "happened"),
    ("OpenAI released a new model on Tuesday.", "RELEASE", "happened"),
    ("Ishiba and Trump held a joint press conference on Friday.", "STATEMENT", "happened"),
    # planned
    ("Ishiba will meet Trump next month.", "MEET", "planned"),
    ("Ishiba and Trump agreed on talks to be held on Friday.", "MEET", "planned"),
    ("The summit between Ishiba and Trump, to be held on Friday, is expected to focus on "
     "trade.", "MEET", "planned"),
    ("Talks between Ishiba and Xi Jinping are to be held on Friday.", "MEET", "planned"),
    ("Ishiba plans to visit Washington in February.", "VISIT", "planned"),
    ("Ishiba is arranging to hold a press conference in Tokyo.", "STATEMENT", "planned"),
    ("Japan and India aim to deepen cooperation in semiconductors.", "COOPERATE", "planned"),
    ("SoftBank Group has begun coordination to announce a partnership with OpenAI.",
     "COOPERATE", "planned"),
    ("Japan has begun coordination for Ishiba to visit the United States.", "VISIT",
     "planned"),
    ("Trump's upcoming visit to Japan drew attention.", "VISIT", "planned"),
    ("Japan will buy more American rice.", "TRADE", "planned"),
    # considered
    ("A summit between Ishiba and Trump is being considered.", "MEET", "considered"),
    ("A visit by Ishiba to China is being considered.", "VISIT", "considered"),
    ("SoftBank Group eyes an investment in Intel.", "INVEST", "considered"),
    ("Nvidia eyes a partnership with Toyota Motor.", "COOPERATE", "considered"),
    ("Japan will study export controls on chips to China.", "RESTRICT", "considered"),
    ("Ishiba hopes to meet Trump soon.", "MEET", "considered"),
    ("Ishiba hoped to visit Beijing before the summer.", "VISIT", "considered"),
    ("If Trump visits Japan, Ishiba will hold talks with him.", "VISIT", "considered"),
    ("Japan will impose tariffs on Chinese steel if Beijing refuses to negotiate.",
     "RESTRICT", "considered"),
    ("Toyota Motor is considering an investment in the United States.", "INVEST",
     "considered"),
    ("Japan may impose tariffs on Chinese steel.", "RESTRICT", "considered"),
    ("The European Union is weighing sanctions on Russia.", "RESTRICT", "considered"),
    # negated
    ("Ishiba did not meet Trump during the trip.", "MEET", "negated"),
    ("The ministry denied that Iwaya met Wang Yi.", "MEET", "negated"),
    ("Iwaya denied reports that he met Wang Yi.", "MEET", "negated"),
    ("Ishiba and Trump issued a joint statement rather than a joint press conference.",
     "STATEMENT", "negated"),
    # the alternative passed over is held by the subject of the verb chosen instead
    ("Ishiba and Trump issued a joint statement on Friday rather than holding "
     "a joint press conference.", "STATEMENT", "negated"),
    ("Xi Jinping and Lula issued a joint communique on Tuesday rather than holding a "
     "press conference.", "STATEMENT", "negated"),
    ("Trump declined to sign the agreement with Japan.", "AGREE", "negated"),
    ("Japan declined to join the partnership with China.", "COOPERATE", "negated"),
    ("Trump canceled his visit to Japan.", "VISIT", "negated"),
    ("Trump called off his meeting with Xi Jinping.", "MEET", "negated"),
    ("Japan did not impose export controls on China.", "RESTRICT", "negated"),
    ("Trump has not signed the executive order on AI.", "POLICY", "negated"),
    ("Japan will not invest in the Chinese project.", "INVEST", "negated"),
    ("Beijing will put the export restrictions on hold for six months.", "RESTRICT",
     "negated"),
    ("Seoul is pausing its tariffs on steel from Vietnam.", "RESTRICT", "negated"),
    # commitments (INVEST, AGREE, POLICY): the pledge is the happening
    ("Japan will invest $550 billion in the United States under the deal.", "INVEST",
     "happened"),
    ("Japan agreed to invest $550 billion in the United States.", "INVEST", "happened"),
    ("Amazon Web Services pledged to invest 2.26 trillion yen in Japan.", "INVEST",
     "happened"),
    ("Japan and the United States signed a memorandum on AI safety.", "AGREE", "happened"),
    ("Trump signed an executive order on AI on Thursday.", "POLICY", "happened"),
    ("Japan wants to raise investment in the United States to $1 trillion.", "INVEST",
     "planned"),
    ("Japan could invest $100 billion in the United States if the deal is approved.",
     "INVEST", "considered"),
    ("Toyota Motor is expected to announce a partnership with Nvidia.", "COOPERATE",
     "planned"),
    ("Japan is expected to announce an investment of $10 billion in India.",
     "INVEST", "planned"),
    ("Trump is expected to sign an executive order on AI.", "POLICY", "planned"),
    ("The Japanese government has begun coordination to announce a new AI strategy.",
     "POLICY", "planned"),
    ("Japan hoped to sign a trade agreement with Britain.", "AGREE", "considered"),
    # a relative clause telling what the agreement does does not plan it
    ("Japan and India signed an agreement that sets common rules for chip exports.",
     "AGREE", "happened"),
]


def _values(row) -> tuple:
    return tuple(row.values) if hasattr(row, "values") else row


def test_every_status_has_rows():
    assert {_values(row)[2] for row in STATUS} == set(STATUSES)


@pytest.mark.parametrize(("text", "event_type", "status"), STATUS)
def test_status(extract, text, event_type, status):
    got = extract(text)
    events = got.events_of(event_type)
    assert events, got.describe()
    assert [e.status for e in events] == [status], got.describe()


# Two events in one sentence, each with its own status.
PAIRS: list = [
    ("Ishiba and Trump issued a joint statement rather than a joint press conference.",
     {"AGREE": "happened", "STATEMENT": "negated"}),
    ("Trump arrived in Tokyo on Monday and will meet Ishiba on Tuesday.",
     {"VISIT": "happened", "MEET": "planned"}),
    # a condition makes both the condition and what hangs on it `considered`
    ("If Trump visits Japan, Ishiba will hold talks with him.",
     {"VISIT": "considered", "MEET": "considered"}),
]


@pytest.mark.parametrize(("text", "statuses"), PAIRS)
def test_each_event_its_own_status(extract, text, statuses):
    got = extract(text)
    found = {e.type: e.status for e in got.doc.events if e.type in statuses}
    assert found == statuses, got.describe()
