"""The web app and JSON API over the store."""

from storyline.serve.app import create_app

__all__ = ["create_app"]
