"""Write kizuna/gazetteer/countries.toml from the hand-checked table below.

One-off generator: the TOML it writes is the committed data, this script only keeps the
193 UN member states (plus Taiwan, the Holy See and Palestine) consistent. Run it from the
repository root: `python scripts/build_countries.py`.

Each row: ISO 3166-1 alpha-3, canonical English name, extra English aliases, Japanese
forms, demonyms, and `ja_bounded` forms (single-kanji abbreviations such as 米, 英, 独 and
short katakana such as タイ) that are only safe to match when they are not run together
with other words; the current loader ignores `ja_bounded`. For every country the script adds
"<Demonym> government", "<Name>'s government", "Government of <Name>" and <ja>政府.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kizuna" / "gazetteer" / "countries.toml"

# (code, name, aliases, ja, demonyms, ja_bounded)
Row = tuple[str, str, list[str], list[str], list[str], list[str]]

MAJOR: list[Row] = [
    ("JPN", "Japan", ["Japanese side", "Japan side"],
     ["日本", "日本国", "日本側", "わが国", "我が国", "政府"], ["Japanese"], ["日"]),
    ("USA", "United States",
     ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America", "U.S. government",
      "US government", "U.S. side", "US side", "American side", "U.S. federal government"],
     ["米国", "アメリカ", "アメリカ合衆国", "米政府", "米連邦政府", "連邦政府", "米側", "米",
      "訪米"],
     ["American", "U.S."], ["米"]),
    ("CHN", "China",
     ["People's Republic of China", "PRC", "P.R.C.", "mainland China", "Mainland China",
      "Chinese side"],
     ["中国", "中華人民共和国", "中国側", "中国当局", "訪中"], ["Chinese"], ["中"]),
    ("TWN", "Taiwan", ["Republic of China", "ROC", "Chinese Taipei", "Taiwanese authorities"],
     ["台湾", "台湾当局", "中華民国"], ["Taiwanese"], ["台"]),
    ("KOR", "South Korea",
     ["Korea", "Republic of Korea", "ROK", "S. Korea", "South Korean side"],
     ["韓国", "大韓民国", "韓国側", "訪韓"], ["South Korean", "Korean"], ["韓"]),
    ("PRK", "North Korea",
     ["Democratic People's Republic of Korea", "DPRK", "N. Korea"],
     ["北朝鮮", "朝鮮民主主義人民共和国"], ["North Korean"], []),
    ("GBR", "United Kingdom",
     ["U.K.", "UK", "Britain", "Great Britain",
      "United Kingdom of Great Britain and Northern Ireland", "British side"],
     ["英国", "イギリス", "英政府", "連合王国"], ["British", "U.K."], ["英"]),
    ("FRA", "France", ["French Republic"], ["フランス", "仏政府"], ["French"], ["仏"]),
    ("DEU", "Germany", ["Federal Republic of Germany"], ["ドイツ", "独政府"], ["German"], ["独"]),
    ("ITA", "Italy", ["Italian Republic"], ["イタリア"], ["Italian"], ["伊"]),
    ("CAN", "Canada", [], ["カナダ"], ["Canadian"], ["加"]),
    ("AUS", "Australia", ["Commonwealth of Australia"],
     ["オーストラリア", "豪州", "豪政府"], ["Australian"], ["豪"]),
    ("NZL", "New Zealand", ["NZ"], ["ニュージーランド"], ["New Zealander"], []),
    ("IND", "India", ["Republic of India"], ["インド"], ["Indian"], ["印"]),
    ("RUS", "Russia", ["Russian Federation"], ["ロシア", "ロシア連邦", "露政府"], ["Russian"],
     ["露"]),
    ("UKR", "Ukraine", [], ["ウクライナ"], ["Ukrainian"], []),
    ("SAU", "Saudi Arabia", ["Saudi", "Kingdom of Saudi Arabia", "KSA"],
     ["サウジアラビア", "サウジ"], ["Saudi Arabian"], []),
    ("ARE", "United Arab Emirates", ["UAE", "U.A.E."], ["アラブ首長国連邦", "UAE"], ["Emirati"],
     []),
    ("QAT", "Qatar", ["State of Qatar"], ["カタール"], ["Qatari"], []),
    ("SGP", "Singapore", ["Republic of Singapore"], ["シンガポール"], ["Singaporean"], []),
    ("NLD", "Netherlands", ["Holland", "Kingdom of the Netherlands"], ["オランダ"], ["Dutch"],
     ["蘭"]),
    ("MYS", "Malaysia", [], ["マレーシア"], ["Malaysian"], []),
    ("IDN", "Indonesia", ["Republic of Indonesia"], ["インドネシア"], ["Indonesian"], []),
    ("PHL", "Philippines", ["Republic of the Philippines"], ["フィリピン"],
     ["Philippine", "Filipino"], ["比"]),
    ("VNM", "Vietnam", ["Viet Nam", "Socialist Republic of Vietnam"], ["ベトナム"], ["Vietnamese"],
     ["越"]),
    ("THA", "Thailand", ["Kingdom of Thailand"], ["タイ王国", "タイ政府"], ["Thai"], ["タイ"]),
    ("ISR", "Israel", ["State of Israel"], ["イスラエル"], ["Israeli"], []),
    ("IRN", "Iran", ["Islamic Republic of Iran"], ["イラン", "イラン・イスラム共和国"], ["Iranian"],
     []),
    ("TUR", "Turkey", ["Türkiye", "Turkiye", "Republic of Türkiye"], ["トルコ"], ["Turkish"], []),
    ("BRA", "Brazil", ["Federative Republic of Brazil"], ["ブラジル"], ["Brazilian"], []),
    ("MEX", "Mexico", ["United Mexican States"], ["メキシコ"], ["Mexican"], []),
    ("ESP", "Spain", ["Kingdom of Spain"], ["スペイン"], ["Spanish"], []),
    ("CHE", "Switzerland", ["Swiss Confederation"], ["スイス"], ["Swiss"], []),
    ("SWE", "Sweden", [], ["スウェーデン"], ["Swedish"], []),
    ("POL", "Poland", [], ["ポーランド"], ["Polish"], []),
    ("BEL", "Belgium", [], ["ベルギー"], ["Belgian"], []),
    ("IRL", "Ireland", ["Republic of Ireland"], ["アイルランド"], ["Irish"], []),
    ("EGY", "Egypt", ["Arab Republic of Egypt"], ["エジプト"], ["Egyptian"], []),
    ("ZAF", "South Africa", ["Republic of South Africa"], ["南アフリカ", "南アフリカ共和国"],
     ["South African"], []),
    ("ARG", "Argentina", ["Argentine Republic"], ["アルゼンチン"], ["Argentine", "Argentinian"],
     []),
    ("PAK", "Pakistan", [], ["パキスタン"], ["Pakistani"], []),
    ("BGD", "Bangladesh", [], ["バングラデシュ"], ["Bangladeshi"], []),
    ("KAZ", "Kazakhstan", [], ["カザフスタン"], ["Kazakh"], []),
    ("MNG", "Mongolia", [], ["モンゴル"], ["Mongolian"], []),
    ("KHM", "Cambodia", [], ["カンボジア"], ["Cambodian"], []),
    ("MMR", "Myanmar", ["Burma"], ["ミャンマー"], ["Myanmar"], []),
    ("LAO", "Laos", ["Lao PDR", "Lao People's Democratic Republic"], ["ラオス"], ["Lao", "Laotian"],
     []),
    ("BRN", "Brunei", ["Brunei Darussalam"], ["ブルネイ"], ["Bruneian"], []),
    ("LKA", "Sri Lanka", [], ["スリランカ"], ["Sri Lankan"], []),
    ("NOR", "Norway", [], ["ノルウェー"], ["Norwegian"], []),
    ("DNK", "Denmark", [], ["デンマーク"], ["Danish"], []),
    ("FIN", "Finland", [], ["フィンランド"], ["Finnish"], []),
    ("AUT", "Austria", [], ["オーストリア"], ["Austrian"], []),
    ("PRT", "Portugal", [], ["ポルトガル"], ["Portuguese"], []),
    ("GRC", "Greece", ["Hellenic Republic"], ["ギリシャ"], ["Greek"], []),
    ("CZE", "Czech Republic", ["Czechia"], ["チェコ"], ["Czech"], []),
    ("HUN", "Hungary", [], ["ハンガリー"], ["Hungarian"], []),
    ("ROU", "Romania", [], ["ルーマニア"], ["Romanian"], []),
    ("KWT", "Kuwait", ["State of Kuwait"], ["クウェート"], ["Kuwaiti"], []),
    ("BHR", "Bahrain", ["Kingdom of Bahrain"], ["バーレーン"], ["Bahraini"], []),
    ("OMN", "Oman", ["Sultanate of Oman"], ["オマーン"], ["Omani"], []),
    ("JOR", "Jordan", ["Hashemite Kingdom of Jordan"], ["ヨルダン"], ["Jordanian"], []),
    ("IRQ", "Iraq", [], ["イラク"], ["Iraqi"], []),
    ("SYR", "Syria", ["Syrian Arab Republic"], ["シリア"], ["Syrian"], []),
    ("NGA", "Nigeria", [], ["ナイジェリア"], ["Nigerian"], []),
    ("KEN", "Kenya", [], ["ケニア"], ["Kenyan"], []),
    ("ETH", "Ethiopia", [], ["エチオピア"], ["Ethiopian"], []),
    ("CHL", "Chile", [], ["チリ"], ["Chilean"], []),
    ("COL", "Colombia", [], ["コロンビア"], ["Colombian"], []),
    ("PER", "Peru", [], ["ペルー"], ["Peruvian"], []),
]

# (code, name, aliases, ja, demonyms): the other UN member states, the Holy See and Palestine.
OTHERS: list[tuple[str, str, list[str], list[str], list[str]]] = [
    ("AFG", "Afghanistan", [], ["アフガニスタン"], ["Afghan"]),
    ("ALB", "Albania", [], ["アルバニア"], ["Albanian"]),
    ("DZA", "Algeria", [], ["アルジェリア"], ["Algerian"]),
    ("AND", "Andorra", [], ["アンドラ"], ["Andorran"]),
    ("AGO", "Angola", [], ["アンゴラ"], ["Angolan"]),
    ("ATG", "Antigua and Barbuda", [], ["アンティグア・バーブーダ"], []),
    ("ARM", "Armenia", [], ["アルメニア"], ["Armenian"]),
    ("AZE", "Azerbaijan", [], ["アゼルバイジャン"], ["Azerbaijani"]),
    ("BHS", "Bahamas", ["The Bahamas"], ["バハマ"], ["Bahamian"]),
    ("BRB", "Barbados", [], ["バルバドス"], ["Barbadian"]),
    ("BLR", "Belarus", [], ["ベラルーシ"], ["Belarusian"]),
    ("BLZ", "Belize", [], ["ベリーズ"], ["Belizean"]),
    ("BEN", "Benin", [], ["ベナン"], ["Beninese"]),
    ("BTN", "Bhutan", [], ["ブータン"], ["Bhutanese"]),
    ("BOL", "Bolivia", ["Plurinational State of Bolivia"], ["ボリビア"], ["Bolivian"]),
    ("BIH", "Bosnia and Herzegovina", ["Bosnia"], ["ボスニア・ヘルツェゴビナ"], ["Bosnian"]),
    ("BWA", "Botswana", [], ["ボツワナ"], ["Botswanan"]),
    ("BGR", "Bulgaria", [], ["ブルガリア"], ["Bulgarian"]),
    ("BFA", "Burkina Faso", [], ["ブルキナファソ"], ["Burkinabe"]),
    ("BDI", "Burundi", [], ["ブルンジ"], ["Burundian"]),
    ("CPV", "Cabo Verde", ["Cape Verde"], ["カーボベルデ"], ["Cabo Verdean"]),
    ("CMR", "Cameroon", [], ["カメルーン"], ["Cameroonian"]),
    ("CAF", "Central African Republic", [], ["中央アフリカ", "中央アフリカ共和国"], []),
    ("TCD", "Chad", [], ["チャド"], ["Chadian"]),
    ("COM", "Comoros", [], ["コモロ"], ["Comorian"]),
    ("COG", "Republic of the Congo", ["Congo-Brazzaville", "Congo Republic"],
     ["コンゴ共和国"], []),
    ("COD", "Democratic Republic of the Congo",
     ["Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Congo"],
     ["コンゴ民主共和国", "コンゴ"], ["Congolese"]),
    ("CRI", "Costa Rica", [], ["コスタリカ"], ["Costa Rican"]),
    ("CIV", "Côte d'Ivoire", ["Cote d'Ivoire", "Ivory Coast"], ["コートジボワール"], ["Ivorian"]),
    ("HRV", "Croatia", [], ["クロアチア"], ["Croatian"]),
    ("CUB", "Cuba", [], ["キューバ"], ["Cuban"]),
    ("CYP", "Cyprus", [], ["キプロス"], ["Cypriot"]),
    ("DJI", "Djibouti", [], ["ジブチ"], ["Djiboutian"]),
    ("DMA", "Dominica", ["Commonwealth of Dominica"], ["ドミニカ国"], []),
    ("DOM", "Dominican Republic", [], ["ドミニカ共和国"], ["Dominican"]),
    ("ECU", "Ecuador", [], ["エクアドル"], ["Ecuadorian"]),
    ("SLV", "El Salvador", [], ["エルサルバドル"], ["Salvadoran"]),
    ("GNQ", "Equatorial Guinea", [], ["赤道ギニア"], ["Equatoguinean"]),
    ("ERI", "Eritrea", [], ["エリトリア"], ["Eritrean"]),
    ("EST", "Estonia", [], ["エストニア"], ["Estonian"]),
    ("SWZ", "Eswatini", ["Swaziland"], ["エスワティニ"], ["Swazi"]),
    ("FJI", "Fiji", [], ["フィジー"], ["Fijian"]),
    ("GAB", "Gabon", [], ["ガボン"], ["Gabonese"]),
    ("GMB", "Gambia", ["The Gambia"], ["ガンビア"], ["Gambian"]),
    # "Georgia" in this news is the U.S. state (places.toml); the country keeps ジョージア.
    ("GEO", "Georgia (country)", ["Republic of Georgia"], ["ジョージア", "グルジア"], []),
    ("GHA", "Ghana", [], ["ガーナ"], ["Ghanaian"]),
    ("GRD", "Grenada", [], ["グレナダ"], ["Grenadian"]),
    ("GTM", "Guatemala", [], ["グアテマラ"], ["Guatemalan"]),
    ("GIN", "Guinea", [], ["ギニア"], ["Guinean"]),
    ("GNB", "Guinea-Bissau", [], ["ギニアビサウ"], ["Bissau-Guinean"]),
    ("GUY", "Guyana", [], ["ガイアナ"], ["Guyanese"]),
    ("HTI", "Haiti", [], ["ハイチ"], ["Haitian"]),
    ("HND", "Honduras", [], ["ホンジュラス"], ["Honduran"]),
    ("ISL", "Iceland", [], ["アイスランド"], ["Icelandic"]),
    ("JAM", "Jamaica", [], ["ジャマイカ"], ["Jamaican"]),
    ("KIR", "Kiribati", [], ["キリバス"], []),
    ("KGZ", "Kyrgyzstan", ["Kyrgyz Republic"], ["キルギス"], ["Kyrgyz"]),
    ("LVA", "Latvia", [], ["ラトビア"], ["Latvian"]),
    ("LBN", "Lebanon", [], ["レバノン"], ["Lebanese"]),
    ("LSO", "Lesotho", [], ["レソト"], []),
    ("LBR", "Liberia", [], ["リベリア"], ["Liberian"]),
    ("LBY", "Libya", [], ["リビア"], ["Libyan"]),
    ("LIE", "Liechtenstein", [], ["リヒテンシュタイン"], []),
    ("LTU", "Lithuania", [], ["リトアニア"], ["Lithuanian"]),
    ("LUX", "Luxembourg", [], ["ルクセンブルク"], ["Luxembourgish"]),
    ("MDG", "Madagascar", [], ["マダガスカル"], ["Malagasy"]),
    ("MWI", "Malawi", [], ["マラウイ"], ["Malawian"]),
    ("MDV", "Maldives", [], ["モルディブ"], ["Maldivian"]),
    ("MLI", "Mali", [], ["マリ共和国"], ["Malian"]),
    ("MLT", "Malta", [], ["マルタ"], ["Maltese"]),
    ("MHL", "Marshall Islands", [], ["マーシャル諸島"], []),
    ("MRT", "Mauritania", [], ["モーリタニア"], ["Mauritanian"]),
    ("MUS", "Mauritius", [], ["モーリシャス"], ["Mauritian"]),
    ("FSM", "Micronesia", ["Federated States of Micronesia"], ["ミクロネシア連邦", "ミクロネシア"],
     ["Micronesian"]),
    ("MDA", "Moldova", ["Republic of Moldova"], ["モルドバ"], ["Moldovan"]),
    ("MCO", "Monaco", [], ["モナコ"], ["Monegasque"]),
    ("MNE", "Montenegro", [], ["モンテネグロ"], ["Montenegrin"]),
    ("MAR", "Morocco", [], ["モロッコ"], ["Moroccan"]),
    ("MOZ", "Mozambique", [], ["モザンビーク"], ["Mozambican"]),
    ("NAM", "Namibia", [], ["ナミビア"], ["Namibian"]),
    ("NRU", "Nauru", [], ["ナウル"], ["Nauruan"]),
    ("NPL", "Nepal", [], ["ネパール"], ["Nepali", "Nepalese"]),
    ("NIC", "Nicaragua", [], ["ニカラグア"], ["Nicaraguan"]),
    ("NER", "Niger", [], ["ニジェール"], ["Nigerien"]),
    ("MKD", "North Macedonia", ["Macedonia"], ["北マケドニア"], ["Macedonian"]),
    ("PLW", "Palau", [], ["パラオ"], ["Palauan"]),
    ("PAN", "Panama", [], ["パナマ"], ["Panamanian"]),
    ("PNG", "Papua New Guinea", [], ["パプアニューギニア"], ["Papua New Guinean"]),
    ("PRY", "Paraguay", [], ["パラグアイ"], ["Paraguayan"]),
    ("RWA", "Rwanda", [], ["ルワンダ"], ["Rwandan"]),
    ("KNA", "Saint Kitts and Nevis", [], ["セントクリストファー・ネービス"], []),
    ("LCA", "Saint Lucia", [], ["セントルシア"], []),
    ("VCT", "Saint Vincent and the Grenadines", [], ["セントビンセント及びグレナディーン諸島"], []),
    ("WSM", "Samoa", [], ["サモア"], ["Samoan"]),
    ("SMR", "San Marino", [], ["サンマリノ"], []),
    ("STP", "Sao Tome and Principe", ["São Tomé and Príncipe"], ["サントメ・プリンシペ"], []),
    ("SEN", "Senegal", [], ["セネガル"], ["Senegalese"]),
    ("SRB", "Serbia", [], ["セルビア"], ["Serbian"]),
    ("SYC", "Seychelles", [], ["セーシェル"], []),
    ("SLE", "Sierra Leone", [], ["シエラレオネ"], ["Sierra Leonean"]),
    ("SVK", "Slovakia", ["Slovak Republic"], ["スロバキア"], ["Slovak"]),
    ("SVN", "Slovenia", [], ["スロベニア"], ["Slovenian"]),
    ("SLB", "Solomon Islands", [], ["ソロモン諸島"], []),
    ("SOM", "Somalia", [], ["ソマリア"], ["Somali"]),
    ("SSD", "South Sudan", [], ["南スーダン"], ["South Sudanese"]),
    ("SDN", "Sudan", [], ["スーダン"], ["Sudanese"]),
    ("SUR", "Suriname", [], ["スリナム"], ["Surinamese"]),
    ("TJK", "Tajikistan", [], ["タジキスタン"], ["Tajik"]),
    ("TZA", "Tanzania", ["United Republic of Tanzania"], ["タンザニア"], ["Tanzanian"]),
    ("TLS", "Timor-Leste", ["East Timor"], ["東ティモール"], ["Timorese"]),
    ("TGO", "Togo", [], ["トーゴ"], ["Togolese"]),
    ("TON", "Tonga", [], ["トンガ"], ["Tongan"]),
    ("TTO", "Trinidad and Tobago", [], ["トリニダード・トバゴ"], []),
    ("TUN", "Tunisia", [], ["チュニジア"], ["Tunisian"]),
    ("TKM", "Turkmenistan", [], ["トルクメニスタン"], ["Turkmen"]),
    ("TUV", "Tuvalu", [], ["ツバル"], []),
    ("UGA", "Uganda", [], ["ウガンダ"], ["Ugandan"]),
    ("URY", "Uruguay", [], ["ウルグアイ"], ["Uruguayan"]),
    ("UZB", "Uzbekistan", [], ["ウズベキスタン"], ["Uzbek"]),
    ("VUT", "Vanuatu", [], ["バヌアツ"], []),
    ("VEN", "Venezuela", ["Bolivarian Republic of Venezuela"], ["ベネズエラ"], ["Venezuelan"]),
    ("YEM", "Yemen", [], ["イエメン"], ["Yemeni"]),
    ("ZMB", "Zambia", [], ["ザンビア"], ["Zambian"]),
    ("ZWE", "Zimbabwe", [], ["ジンバブエ"], ["Zimbabwean"]),
    ("VAT", "Holy See", ["Vatican", "Vatican City"], ["バチカン", "ローマ教皇庁"], []),
    ("PSE", "Palestine", ["State of Palestine", "Palestinian territories"], ["パレスチナ"],
     ["Palestinian"]),
]


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(items: list[str]) -> str:
    return "[" + ", ".join(_q(s) for s in items) + "]"


# Names written with "the" in running text ("the United States", "the Philippines").
WITH_THE = {
    "United States", "United Kingdom", "Netherlands", "Philippines", "Czech Republic",
    "United Arab Emirates", "Republic of the Congo", "Democratic Republic of the Congo",
    "Central African Republic", "Dominican Republic", "Holy See", "Bahamas", "Gambia",
    "Maldives", "Marshall Islands", "Solomon Islands", "Comoros", "Seychelles",
}


def rows() -> list[Row]:
    return MAJOR + [(c, n, a, j, d, []) for c, n, a, j, d in OTHERS]


def build() -> str:
    used: dict[str, str] = {}
    out = [
        "# Countries (UN member states, Taiwan, the Holy See, Palestine). GENERATED by",
        "# scripts/build_countries.py: edit the table there and re-run. Fields: name (canonical",
        "# English), type, country (ISO 3166-1 alpha-3), aliases (English), ja (Japanese),",
        "# demonyms, ja_bounded (short Japanese forms such as 米 or 英 that are safe only with",
        "# word boundaries; not read by the loader yet). The EU is in organizations.toml.",
        "",
    ]
    for code, name, aliases, ja, demonyms, bounded in rows():
        short = name.removesuffix(" (country)")
        extra = [f"{d} government" for d in demonyms[:1] if d[0].isupper()]
        the = "the " if short in WITH_THE else ""
        poss = f"{short}'" if short.endswith("s") else f"{short}'s"
        extra += [f"{poss} government", f"Government of {the}{short}"]
        ja_extra = [f"{ja[0]}政府"] if ja else []
        al = [a for a in dict.fromkeys(aliases + extra) if a != name]
        jl = list(dict.fromkeys(ja + ja_extra))
        for s in [name, *al, *jl]:
            if used.setdefault(s, code) != code:
                sys.exit(f"{s!r} is used by both {used[s]} and {code}")
        out += ["[[actor]]", f"name = {_q(name)}", 'type = "GPE"', f'country = "{code}"']
        if al:
            out.append(f"aliases = {_list(al)}")
        if jl:
            out.append(f"ja = {_list(jl)}")
        if demonyms:
            out.append(f"demonyms = {_list(demonyms)}")
        if bounded:
            out.append(f"ja_bounded = {_list(bounded)}")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {len(rows())} countries to {OUT}")
