"""Which words make an event of which type, and which words must not.

Each row is a news sentence written for this test, run through the whole pipeline; the
trigger is the word or phrase the event hangs on (`Event.trigger`).
"""

from __future__ import annotations

import pytest

from kizuna.model import EVENT_TYPES

# sentence, event type, trigger text
TRIGGERS: list = [
    # MEET
    ("Prime Minister Shigeru Ishiba met U.S. President Donald Trump at the White House "
     "on Friday.", "MEET", "met"),
    ("Foreign Minister Takeshi Iwaya held talks with Wang Yi in Beijing on Tuesday.",
     "MEET", "held talks"),
    ("Ishiba and Trump spoke by phone for about 25 minutes on Sunday.", "MEET",
     "spoke by phone"),
    ("Ishiba and South Korean President Lee Jae-myung held a summit meeting in Tokyo.",
     "MEET", "summit meeting"),
    # VISIT
    ("Ishiba will visit Washington next week.", "VISIT", "visit"),
    ("Nvidia CEO Jensen Huang arrived in Tokyo on Wednesday.", "VISIT", "arrived"),
    ("Foreign Minister Takeshi Iwaya traveled to Beijing on Tuesday.", "VISIT", "traveled"),
    ("Trump's state visit to Britain drew large crowds.", "VISIT", "state visit"),
    # AGREE
    ("Japan and the United States signed a memorandum on AI safety.", "AGREE", "memorandum"),
    ("The European Union and Japan concluded a digital trade agreement in Brussels.",
     "AGREE", "trade agreement"),
    ("Ishiba and Trump issued a joint statement after their summit.", "AGREE",
     "joint statement"),
    (
        "Microsoft and the Japanese government signed a letter of intent on AI security.",
        "AGREE", "letter of intent"),
    # COOPERATE
    ("SoftBank Group and OpenAI announced a partnership to develop AI agents for "
     "Japanese companies.", "COOPERATE", "partnership"),
    ("Toyota Motor and Nvidia will collaborate on self-driving cars.", "COOPERATE",
     "collaborate"),
    ("Rapidus teamed up with IBM to make 2-nanometer chips.", "COOPERATE", "teamed up"),
    ("Japan and the United States agreed to deepen cooperation in artificial intelligence.",
     "COOPERATE", "cooperation"),
    # INVEST
    ("SoftBank Group will invest $100 billion in the United States.", "INVEST", "invest"),
    ("SoftBank Group announced a $40 billion investment in OpenAI.", "INVEST", "investment"),
    ("Microsoft will spend $2.9 billion on data centers in Japan.", "INVEST", "spend"),
    # POLICY
    ("Trump signed an executive order on AI on Thursday.", "POLICY", "executive order"),
    ("The Diet enacted a law to promote AI research and development.", "POLICY", "law"),
    ("The Japanese government adopted new guidelines on generative AI.", "POLICY",
     "guidelines"),
    ("Trump revoked Biden's executive order on AI safety.", "POLICY", "executive order"),
    # RESTRICT
    ("The Commerce Department imposed export controls on Huawei.", "RESTRICT",
     "export controls"),
    ("Beijing banned exports of gallium to the United States.", "RESTRICT", "banned"),
    ("The United States imposed sanctions on Huawei.", "RESTRICT", "sanctions"),
    ("China launched an investigation into Nvidia.", "RESTRICT", "investigation"),
    ("Trump announced tariffs of 25 percent on Japanese cars.", "RESTRICT", "tariffs"),
    # RELEASE
    ("OpenAI released a new model.", "RELEASE", "released"),
    ("DeepSeek launched its R1 model.", "RELEASE", "launched"),
    ("Google unveiled its Gemini 2.0 model on Wednesday.", "RELEASE", "unveiled"),
    ("Sakana AI announced the release of a new model for banks.", "RELEASE", "release"),
    # TRADE
    ("Japan will increase imports of U.S. liquefied natural gas.", "TRADE", "imports"),
    ("Japan will buy more American rice.", "TRADE", "buy"),
    ("China stopped purchases of U.S. soybeans.", "TRADE", "purchases"),
    ("Taiwan Semiconductor Manufacturing Co. will supply chips to Apple.", "TRADE", "supply"),
    # STATEMENT
    ("Ishiba held a press conference in Tokyo.", "STATEMENT", "press conference"),
    ("Trump delivered a speech at the United Nations.", "STATEMENT", "speech"),
    ("Xi Jinping gave a keynote speech in Beijing.", "STATEMENT", "keynote speech"),
    ("Chief Cabinet Secretary Yoshimasa Hayashi said at a news conference on Tuesday that "
     "Japan would respond calmly.", "STATEMENT", "news conference"),
    ("After the cabinet meeting, Hayashi told reporters that the budget would pass.",
     "STATEMENT", "told reporters"),
    # addressing an audience is a speech
    ("Hayashi addressed the Diet on Friday morning.", "STATEMENT", "addressed"),
]


def _values(row) -> tuple:
    return tuple(row.values) if hasattr(row, "values") else row


def test_every_event_type_has_trigger_rows():
    assert {_values(row)[1] for row in TRIGGERS} == set(EVENT_TYPES)


@pytest.mark.parametrize(("text", "event_type", "trigger"), TRIGGERS)
def test_trigger(extract, text, event_type, trigger):
    got = extract(text)
    found = [e.trigger.text for e in got.events_of(event_type) if e.trigger]
    assert trigger in found, got.describe()
    for event in got.doc.events:
        assert event.trigger is not None
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text


# sentence, the exact set of event types it states: a verb that only frames a trigger
# noun ("announced a partnership", "imposed export controls") adds no event of its own,
# and the longest trigger phrase wins ("export controls" is RESTRICT, not TRADE).
ONLY_TYPES: list = [
    ("SoftBank Group and OpenAI announced a partnership.", {"COOPERATE"}),
    ("Google launched a partnership with Toyota Motor.", {"COOPERATE"}),
    ("The Commerce Department imposed export controls on Huawei.", {"RESTRICT"}),
    ("Beijing banned exports of gallium to the United States.", {"RESTRICT"}),
    ("Trump signed an executive order on AI.", {"POLICY"}),
    ("Ishiba held a press conference in Tokyo.", {"STATEMENT"}),
    ("Nvidia unveiled a new chip for data centers.", {"RELEASE"}),
    # "after the talks" dates the press conference; the talks are told elsewhere
    ("After the talks with Trump, Ishiba held a press conference.", {"STATEMENT"}),
    # what "amid" opens is the backdrop, however deep the happening sits in it
    ("Ishiba and Trump met in Ottawa on Monday amid rising worries over export controls.",
     {"MEET"}),
    ("Ishiba and Trump met in Ottawa amid tariffs.", {"MEET"}),
    # what another happening is about, or a word describing another noun, is no event
    ("The Japanese government issued new guidelines on AI procurement.", {"POLICY"}),
    ("Trump met Japan's chief tariff negotiator on Tuesday.", {"MEET"}),
    ("Japan and the United States will implement the trade and investment deal.", {"AGREE"}),
    ("Shigeru Ishiba and Masayoshi Son exchanged views on AI investment.", {"MEET"}),
    ("Toyota announced a $10 billion investment commitment in North Carolina.", {"INVEST"}),
    ("SoftBank agreed to lead a $40 billion funding round for OpenAI.", {"INVEST"}),
    ("Japan took a positive stance on increasing imports of American LNG.", {"TRADE"}),
    # a share in a company changing hands is an investment, not trade in goods
    ("Toyota Motor sold its entire stake in Denso last month.", {"INVEST"}),
    ("The pension fund bought 3 million Sony shares on Monday.", {"INVEST"}),
    ("Honda completed the sale of its robotics unit.", {"INVEST"}),
    ("Panasonic completed the acquisition of a software maker in Ohio.", {"INVEST"}),
    ("Japan will buy more American corn.", {"TRADE"}),
    # building a facility is an investment; a plan to do it is no policy of its own
    ("Toyota Motor announced plans to build a battery plant in Kentucky.", {"INVEST"}),
    ("Micron will construct two memory fabs in Hiroshima.", {"INVEST"}),
    ("The Japanese government unveiled a plan to cut carbon emissions.", {"POLICY"}),
    # a part of a holding sold is a holding sold
    ("Hitachi sold part of its Renesas stake for $2 billion on Friday.", {"INVEST"}),
    ("Toyota Motor ended up selling all of its holdings in the supplier in 2019.",
     {"INVEST"}),
    # a sale with nothing said sold points back at one told before
    ("Toyota Motor's ties with Denso stay close in spite of its recent sale.", set()),
]


@pytest.mark.parametrize(("text", "types"), ONLY_TYPES)
def test_only_these_types(extract, text, types):
    got = extract(text)
    assert {e.type for e in got.doc.events} == types, got.describe()


# Sentences that state no event: trends without participants, descriptions, direct
# speech (the speaker's words, not the reporter's account), a lone headline.
NO_EVENT = [
    "AI development is accelerating across Asia.",
    "The rules are strict.",
    "Investment in AI keeps growing.",
    "Tariffs are rising around the world.",
    "China's accelerating AI development worries Washington.",
    "Sanctions have become a common tool of diplomacy.",
    '"We will deepen our partnership with Japan," Trump said at the White House.',
    'Trump said: "Japan will invest a lot of money in the United States."',
    "“Japan will buy more American gas,” Ishiba told reporters.",
    # addressing a problem is no speech
    "Ishiba promised to address the concerns of rice farmers.",
    "Toyota Motor will address the chip shortage.",
    # a headline without a full stop is allowed to yield nothing
    "Ishiba to meet Trump in Washington",
    "SoftBank, OpenAI form AI joint venture",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(extract, text):
    got = extract(text)
    assert got.doc.events == (), got.describe()


def test_remarks_to_the_press_are_one_statement_per_speaker(extract):
    got = extract("Foreign Minister Takeshi Iwaya told reporters on Monday that talks would "
                  "resume. Iwaya later told reporters the date was not fixed.")
    assert len(got.events_of("STATEMENT")) == 1, got.describe()


def test_a_quotation_attributed_to_the_press_is_no_statement(extract):
    got = extract('"We will respond calmly," Hayashi told reporters in Tokyo.')
    assert got.events_of("STATEMENT") == [], got.describe()
