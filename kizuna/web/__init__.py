"""The web service: HTML pages and their .json twins over the store (`kizuna serve`)."""

from kizuna.web.app import create_app

__all__ = ["create_app"]
