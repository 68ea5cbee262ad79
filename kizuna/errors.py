"""The exceptions kizuna raises, one hierarchy:

    KizunaError
    ├── InputError        an input could not be read or made into an article
    │   ├── FetchError    a URL could not be fetched
    │   └── NothingToRead a well-formed input that holds no article (an empty feed)
    ├── UnsupportedLanguage  the article is in a language kizuna does not handle
    └── StoreError        the database could not be opened, migrated or written
"""


class KizunaError(Exception):
    """Base of every error kizuna raises on purpose."""


class InputError(KizunaError):
    """An input could not be read or turned into an article record."""


class FetchError(InputError):
    """A URL could not be fetched."""


class NothingToRead(InputError):
    """A well-formed input with no article in it: an error for `ingest`, a quiet round
    for the watcher."""


class UnsupportedLanguage(KizunaError):
    """The article's language has no pipeline."""


class StoreError(KizunaError):
    """The database could not be opened, migrated or written."""
