"""The data model: every record that flows through the pipeline.

Records are frozen dataclasses of plain values (str, int, float, bool, None,
tuples, nested records), so they pickle into Spark workers and round-trip
through JSON and the store. Lists are tuples so that records stay immutable.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from dataclasses import dataclass, field


class Record:
    """Base for records: conversion to and from JSON-ready dicts."""

    def as_json(self) -> dict:
        return {f.name: _to_json(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_json(cls, data: dict):
        hints = _field_hints(cls)
        return cls(**{k: _from_json(hints[k], v) for k, v in data.items() if k in hints})


@functools.cache
def _field_hints(cls) -> dict:
    """Field name → type of a record class (resolving hints is slow: done once per class)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {name: hint for name, hint in typing.get_type_hints(cls).items() if name in names}


def _to_json(value):
    if isinstance(value, Record):
        return value.as_json()
    if isinstance(value, tuple):
        return [_to_json(item) for item in value]
    return value


def _from_json(hint, value):
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _from_json(inner[0], value)
    if origin is tuple:
        item_hint = typing.get_args(hint)[0]
        return tuple(_from_json(item_hint, item) for item in value)
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_json(value)
    return value


def content_id(text: str) -> str:
    """Stable id of a document: a hash of its whitespace-normalised text."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Problem(Record):
    """Why an item could not be read or processed: a code and a readable message."""

    code: str
    message: str


@dataclass(frozen=True)
class Page(Record):
    """One input document as read by a source, before extraction."""

    source: str
    content: str
    kind: str = "text"  # "html" or "text", decided from the content
    url: str | None = None
    title: str | None = None  # hints given by structured sources (JSON Lines, feeds)
    date: str | None = None
    as_body: bool = False  # the content is already clean: every line is a paragraph
    id: str = ""

    def __post_init__(self):
        if not self.id:
            object.__setattr__(self, "id", content_id(self.content))


@dataclass(frozen=True)
class Dateline(Record):
    place: str | None = None
    agency: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Mention(Record):
    """A span of text that refers to an entity; offsets are into one body paragraph."""

    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Names(Record):
    en: str | None = None
    ru: str | None = None


@dataclass(frozen=True)
class Entity(Record):
    id: str
    name: str
    type: str  # PER, ORG or LOC
    names: Names = Names()
    role: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Quote(Record):
    speaker: str | None
    speaker_id: str | None
    kind: str  # "direct" or "indirect"
    text: str
    cue: str | None
    paragraph: int
    start: int
    end: int
    editorial_insertions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article(Record):
    """A clean article, or an error record when `error` is set."""

    id: str
    source: str
    language: str | None = None
    title: str | None = None
    subtitle: str | None = None
    body: tuple[str, ...] = ()
    dateline: Dateline | None = None
    published: str | None = None  # ISO 8601, or --MM-DD when the year is unknown
    published_from: str | None = None  # dateline, html-meta, url, html-text, text, source
    image_credits: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()
    url: str | None = None
    error: Problem | None = None
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()


def failed(item: Page | Article | str, code: str, message: str) -> Article:
    """The error record for an item (a page, an article in the making, or a source
    that could not be read) that yielded no article."""
    if isinstance(item, (Page, Article)):
        return Article(id=item.id, source=item.source, url=item.url, error=Problem(code, message))
    return Article(id=content_id(item), source=item, error=Problem(code, message))


@dataclass(frozen=True)
class StoryArticle(Record):
    id: str
    source: str
    language: str | None
    title: str | None
    published: str | None
    wire_copy_of: str | None = None  # id of the story article this one republishes


@dataclass(frozen=True)
class StoryEntity(Record):
    """Who or what a story is about, and in how many of its articles."""

    id: str
    name: str
    type: str
    names: Names = Names()
    articles: int = 0


@dataclass(frozen=True)
class StoryStatement(Record):
    """Something said in a story: one statement however many of its articles report it."""

    speaker: str | None
    speaker_id: str | None
    kind: str  # "direct" when any report quotes the words, else "indirect"
    text: str  # the longest report's words in `language`, the earliest report's
    language: str | None
    published: str | None  # the earliest report's date
    articles: tuple[str, ...] = ()  # ids of the reporting articles, earliest first
    translations: tuple[tuple[str, str], ...] = ()  # (language, longest report) in other languages


@dataclass(frozen=True)
class Dossier(Record):
    """All the store knows of one entity: its names, the articles naming it, what it said."""

    id: str
    name: str
    type: str
    names: tuple[str, ...] = ()  # every name it was seen under, in any script
    articles: tuple[StoryArticle, ...] = ()  # in date order
    statements: tuple[StoryStatement, ...] = ()  # as speaker, in date order


@dataclass(frozen=True)
class Story(Record):
    id: str
    titles: tuple[tuple[str, str], ...] = ()  # (language, title) pairs
    languages: tuple[str, ...] = ()
    first_published: str | None = None
    last_published: str | None = None
    articles: tuple[StoryArticle, ...] = field(default=())
    entities: tuple[StoryEntity, ...] = ()  # most often named first
    statements: tuple[StoryStatement, ...] = ()  # in date order: the story's timeline of what was said

    def as_json(self) -> dict:
        data = super().as_json()
        data["titles"] = dict(self.titles)
        return data

    @classmethod
    def from_json(cls, data: dict):
        story = super().from_json({**data, "titles": None})
        return dataclasses.replace(story, titles=tuple(data.get("titles", {}).items()))
