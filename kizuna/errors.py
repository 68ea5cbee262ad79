"""The exceptions kizuna raises, one hierarchy:

    KizunaError
    ├── InputError        an input could not be read or made into an article
    │   └── FetchError    a URL could not be fetched
    ├── UnsupportedLanguage  the article is in a language kizuna does not handle
    └── StoreError        the database could not be opened, migrated or written
"""


class KizunaError(Exception):
    """Base of every error kizuna raises on purpose."""


class InputError(KizunaError):
    """An input could not be read or turned into an article record."""


class FetchError(InputError):
    """A URL could not be fetched."""


class UnsupportedLanguage(KizunaError):
    """The article's language has no pipeline."""


class StoreError(KizunaError):
    """The database could not be opened, migrated or written."""
