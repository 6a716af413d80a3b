"""The embedded store: SQLite (WAL) with FTS5 search, schema migrations and exports."""

from storyline.store.export import export
from storyline.store.schema import MIGRATIONS, NewerSchema
from storyline.store.search import MARK_END, MARK_START
from storyline.store.store import Links, Store

__all__ = ["Store", "Links", "export", "MIGRATIONS", "NewerSchema", "MARK_START", "MARK_END"]
