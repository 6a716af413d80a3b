"""The registry: canonical entities across documents, with aliases in both scripts.

    registry = Registry(book)
    registry.identify("PER", "Дональд Трамп")   # -> 'PER:donald-trump' (from the gazetteer)
    registry.identify("PER", "Asia Bibi")       # -> 'PER:asia-bibi', a new entity
    registry.identify("PER", "Азия Биби")       # -> 'PER:asia-bibi': same sound, other script
    registry.identify("PER", "Биби")            # -> 'PER:asia-bibi': the one Bibi known

An entity's id is the canonical id of the first name it was seen under and never
changes; later names only add aliases. Names are compared by their sound
skeletons (`names.sound_tokens`), so 'Trump', 'Трамп', 'Тръмп' and 'Trumpa'
are one name; a surname or first name alone joins the one entity whose full
name holds it, and starts an entity of its own while that is ambiguous.

In memory only: ids are stable within one registry's life. (Keeping it across
runs belongs in the store, as a table of aliases per id.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .names import NameBook, canonical_id, lookup, names_of, sound_tokens

# Shortest sound skeleton a one-word name needs to join a longer name it is part
# of ('Bibi' -> 'Asia Bibi'); shorter ones ('Ali', 'Ян') stay on their own.
MIN_PART = 2


@dataclass
class Registered:
    """One canonical entity: its id, type, and every name it was seen under."""

    id: str
    type: str
    names: set = field(default_factory=set)
    sounds: set = field(default_factory=set)  # tuples of token skeletons of its names

    @property
    def full_sounds(self) -> list[tuple]:
        return [sound for sound in self.sounds if len(sound) > 1]


class Registry:
    def __init__(self, book: NameBook):
        self.book = book
        self.entities: list[Registered] = []
        self.by_id: dict[str, Registered] = {}
        self.merged: dict[str, str] = {}  # id of an entity merged into another -> that one's id

    def identify(self, type: str, name: str) -> str:
        """The id of the entity `name` refers to, registering the name (and the entity) if new."""
        known = lookup(self.book, name)
        sound = sound_tokens(name)
        if known and (known.type == type or "PER" not in (type, known.type)):
            return self.add(canonical_id(known.type, known.en), known.type, name, sound)
        match = self.match(type, sound) if sound else None
        if match:
            match.names.add(name)
            match.sounds.add(sound)
            return match.id
        return self.add(self.new_id(type, name), type, name, sound)

    def resolve(self, id: str) -> str:
        """The id an entity has now: its own, or that of the entity it was merged into."""
        while id in self.merged:
            id = self.merged[id]
        return id

    def add(self, id: str, type: str, name: str, sound: tuple = ()) -> str:
        entity = self.by_id.get(self.resolve(id))
        if entity is None:
            entity = self.by_id[id] = Registered(id, type)
            self.entities.append(entity)
        entity.names.add(name)
        if sound:
            entity.sounds.add(sound)
        return entity.id

    def new_id(self, type: str, name: str) -> str:
        base = canonical_id(type, names_of(self.book, type, name).en)
        id, n = base, 1
        while id in self.by_id or id in self.merged:
            n += 1
            id = f"{base}-{n}"
        return id

    def match(self, type: str, sound: tuple) -> Registered | None:
        person = type == "PER"
        candidates = [e for e in self.entities if e.type == type]
        same = [e for e in candidates if any(same_name(sound, s, person) for s in e.sounds)]
        if same:
            return same[0] if len(same) == 1 else None
        if len(sound) == 1:
            return (unique([e for e in candidates if part_of(sound, e, type)])
                    or (unique([e for e in candidates if first_name_of(sound, e)]) if person else None))
        if not person:
            return None  # organisations and places are named in full or by a unique word of it
        fuller = [e for e in candidates if e.full_sounds and fuller_name_of(sound, e)]
        parts = [e for e in candidates if not e.full_sounds and any(close(sound[-1], s[0]) for s in e.sounds)]
        if len(fuller) > 1 and all(len(sound) > max(map(len, e.full_sounds)) for e in fuller):
            fuller = [self.merge(fuller)]  # 'Mian Saqib Nisar' holds both 'Saqib Nisar' and 'Mian Nisar'
        if len(fuller) == 1 or (not fuller and len(parts) == 1):
            return self.merge(fuller + parts)  # a surname seen alone joins its full name
        return None

    def merge(self, entities: list[Registered]) -> Registered:
        """The oldest of the entities, holding the names of all; the others redirect to it."""
        kept, *rest = sorted(entities, key=self.entities.index)
        for entity in rest:
            kept.names |= entity.names
            kept.sounds |= entity.sounds
            self.merged[entity.id] = kept.id
            self.entities.remove(entity)
            del self.by_id[entity.id]
        return kept


def unique(entities: list[Registered]) -> Registered | None:
    return entities[0] if len(entities) == 1 else None


def same_name(a: tuple, b: tuple, person: bool) -> bool:
    """The same words ('Asia Bibi' / 'Азия Биби'); for people also the same letters however
    they are split into words ('Saif-ul-Malook' / 'Сайфул Малук') and initials ('A. Bibi')."""
    full = person and len(a) > 1
    if len(a) == len(b) and all(close(x, y, full) for x, y in zip(a, b)):
        # An initial or a two-consonant word with an ending agrees only weakly: one such
        # word is allowed, beside a word that agrees in full ('A. Bibi', not 'Andrej Babiš').
        weak = sum(not close(x, y) for x, y in zip(a, b))
        if weak <= 1 and weak < len(a):
            return True
    return person and max(len(a), len(b)) > 1 and close("".join(a), "".join(b))


def fuller_name_of(sound: tuple, entity: Registered) -> bool:
    """'Asia Bibi' for an entity known as 'Aasiya Noreen Bibi', or the other way round:
    the surnames agree and the shorter name's words are all in the longer one."""
    return any(close(sound[-1], s[-1], True) and (contained(s, sound) or contained(sound, s))
               for s in entity.full_sounds)


def part_of(sound: tuple, entity: Registered, type: str) -> bool:
    """A one-word name that is a word of the entity's full names: a surname for people
    ('Bibi'), any long enough word otherwise ('Komisja' of 'Komisja Europejska')."""
    if len(sound[0]) < MIN_PART:
        return False
    if type == "PER":
        return any(close(sound[0], s[-1]) for s in entity.full_sounds)
    return any(any(close(sound[0], word) for word in s) for s in entity.full_sounds)


def first_name_of(sound: tuple, entity: Registered) -> bool:
    """'Asia' alone for the one 'Asia Bibi' (when no surname matched)."""
    return len(sound[0]) >= MIN_PART and any(close(sound[0], s[0]) for s in entity.full_sounds)


def contained(short: tuple, long: tuple) -> bool:
    """Every word of `short` matches a word of `long`, in order."""
    j = 0
    for word in short:
        while j < len(long) and not close(word, long[j], True):
            j += 1
        if j == len(long):
            return False
        j += 1
    return True


def close(a: str, b: str, in_full_name: bool = False) -> bool:
    """Two word skeletons of one name: equal; an initial and a word it starts ('a' / 'as');
    one an inflected form of the other (one more consonant at the end: 'trmp' / 'trmpm',
    and in a full name, where the other words agree, also 'bb' / 'bbv' of Bibi / Bibiová);
    or one consonant dropped in a long word ('snvdn' / 'sndn')."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 1:
        return in_full_name and long.startswith(short)
    if len(long) - len(short) != 1 or len(short) < (2 if in_full_name else 3):
        return False
    return long.startswith(short) or (len(long) >= 5 and any(long[:i] + long[i + 1:] == short
                                                              for i in range(len(long))))
