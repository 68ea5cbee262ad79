"""kizuna: cited, queryable records of Japan–U.S. AI cooperation from English and Japanese news."""

__version__ = "0.1.0"
