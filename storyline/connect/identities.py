"""One id per entity across documents: an article's own entity ids become registry ids.

    linked = link_entities(article, registry.identify)

Annotation names entities one document at a time (gazetteer and transliteration
ids); the registry, fed every article in arrival order, knows that the 'Азия Биби'
of one article is the 'Asia Bibi' of another. Entities of one article that turn out
to be one are merged; quote speakers follow their entity.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from storyline.records import Article, Entity

Identify = Callable[[str, str], str]  # (type, name) -> registry id


def link_entities(article: Article, identify: Identify) -> Article:
    if not article.entities:
        return article
    ids = {entity.id: identify(entity.type, entity.name) for entity in article.entities}
    entities: dict[str, Entity] = {}
    for entity in article.entities:
        id = ids[entity.id]
        entities[id] = merged(entities[id], entity) if id in entities else dataclasses.replace(entity, id=id)
    quotes = tuple(dataclasses.replace(quote, speaker_id=ids.get(quote.speaker_id, quote.speaker_id))
                   for quote in article.quotes)
    return dataclasses.replace(article, entities=tuple(entities.values()), quotes=quotes)


def merged(first: Entity, other: Entity) -> Entity:
    """The first-named entity, holding the mentions of both (in text order)."""
    mentions = sorted(set(first.mentions) | set(other.mentions), key=lambda m: (m.paragraph, m.start, m.end))
    return dataclasses.replace(first, role=first.role or other.role, mentions=tuple(mentions))
