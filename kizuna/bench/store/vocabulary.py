"""What the generated news of `kizuna bench-store` is about: countries, people, firms,
topics, and the English and Japanese sentences, headlines and sources articles are made of.
"""


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
# citations per merged event, 1 to 10, most happenings told once or twice
CITATION_WEIGHTS = (30, 20, 14, 10, 8, 6, 4, 3, 3, 2)

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
