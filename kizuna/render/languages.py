"""The languages kizuna speaks to people: headlines, the web interface and the CLI's tables.

These are not the languages it reads (`kizuna.extract.languages`): an article in any
language it reads gets a headline in each of these.
"""

READER_LANGUAGES = ("en", "ja")
DEFAULT = "en"
NAMES = {"en": "English", "ja": "日本語"}
