"""Names across scripts: the gazetteer, transliteration both ways, canonical ids, sound skeletons.

The only module that imports iuliia, pycountry and babel. Within a document an
entity's id is `canonical_id(type, english name)`, so 'США' in a Russian
article and 'US' in an English one get the same id whenever the gazetteer or
transliteration gives the same English name. Across documents, `registry.py`
matches names that transliteration spells differently ('Трамп' / 'Trump')
by the sounds of their words (`sound_forms`), organisations and places also by
the concepts of their words (`concept_keys`: 'Sąd Najwyższy' = 'Верховный суд') and
their acronyms (`acronym_forms`). Countries, their acronyms and the large cities are
known in the languages of the news from pycountry and CLDR (through Babel). A word typed
half in the other script ('Сatholic' with a Cyrillic 'С') is read in the script of most of
its letters (`unmixed`).

Latin -> Cyrillic uses rules learned from Wikidata names (data/latin_cyrillic.tsv,
made by `python -m bench.names --write`); Cyrillic -> Latin is iuliia's Wikipedia schema.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import babel
import babel.core
import babel.languages
import iuliia
import pycountry

from ..records import Names

DATA = Path(__file__).parent / "data"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# The gazetteer finds these organisations in text by itself (spaCy misses the
# all-caps 'INTERFAX' of a dateline). Aliases under 3 characters ('AP', 'ЕС')
# are too ambiguous to look for without a model's say-so.
MIN_SEARCHED_ALIAS = 3


@dataclass(frozen=True)
class Known:
    """A gazetteer entry: what a name stands for, in both languages."""

    type: str
    en: str
    ru: str


# Compared by identity (eq=False), so that functions of a book and a name can cache their answers.
@dataclass(frozen=True, eq=False)
class NameBook:
    """Everything needed to name an entity in both scripts, loaded once."""

    known: dict  # name_key(alias) -> Known
    places: dict  # the same for names read as places only: cities and countries' acronyms ('Darwin', 'SA')
    searched: re.Pattern | None  # organisations to look for in text
    first_en: dict  # Russian first name (key) -> conventional English spelling
    first_ru: dict  # English first name (key) -> conventional Russian spelling
    spelling: "LatinSpelling"  # Latin -> Cyrillic rules for the rest of a name
    concepts: dict  # word stem -> the concepts it names ('суд' -> ('=court',)), countries too
    by_concepts: dict  # sorted concepts of an organisation or place -> Known, None where ambiguous


# Read-only once built, and wanted by annotation, the registry and search alike: one per
# process (it takes about a second to build).
@functools.cache
def load_name_book(data: Path = DATA) -> NameBook:
    hand_made = read_gazetteer(data / "gazetteer.tsv")
    groups = unify(country_groups(), hand_made) + hand_made
    known = {name_key(alias): entry for entry, aliases in groups for alias in aliases}
    cities = unify(city_groups(), hand_made)
    places = country_acronyms() | {name_key(alias): entry for entry, aliases in state_groups(known) + cities
                                   for alias in aliases}  # a city before a state of its name (New York)
    first_en, first_ru = read_first_names(data / "first_names.tsv")
    # The names' stems win over the adjectives' ('slovensk' of 'Slovensko', not of the
    # Croatian 'slovenski', Slovene), and the institution words over both.
    concepts = country_stems(country_adjectives(groups)) | country_stems(groups)
    concepts |= read_concepts(data / "institution_words.tsv")
    concepts |= acronym_concepts(groups, concepts)
    concepts = with_single_letters(concepts)
    return NameBook(known, places, searched_pattern(hand_made), first_en, first_ru,
                    read_spelling(data / "latin_cyrillic.tsv"), concepts, concept_index(groups, concepts))


QUOTATION_MARKS = str.maketrans("", "", '«»"“”„‟')


def name_key(name: str) -> str:
    """How names are compared: case, ё/е, quotation marks, a leading 'the' and spacing do not count."""
    key = " ".join(name.lower().replace("ё", "е").translate(QUOTATION_MARKS).split())
    return key[4:] if key.startswith("the ") else key


def lookup(book: NameBook, name: str, type: str | None = None) -> Known | None:
    """The gazetteer entry of the name; for a place also among cities and countries' acronyms,
    names that people and organisations bear too ('Darwin', 'SA')."""
    key = name_key(name)
    return book.known.get(key) or (book.places.get(key) if type == "LOC" else None)


def recognise(book: NameBook, type: str, name: str) -> Known | None:
    """The gazetteer entry of a name, also of an organisation or place named in other words
    of the same meaning: 'Spojené státy' and 'Сполучені Штати' are 'United States'."""
    known = lookup(book, name, type)
    if known or type == "PER":
        return known
    keys = concept_keys(book, name)
    return book.by_concepts.get(concept_set(keys)) if keys else None


def find_known(book: NameBook, text: str):
    """(start, end, Known) for each gazetteer organisation named in the text."""
    if book.searched is None:
        return
    for match in book.searched.finditer(text):
        yield match.start(), match.end(), lookup(book, match.group())


def names_of(book: NameBook, type: str, name: str) -> Names:
    known = lookup(book, name, type)
    if known:
        return Names(en=known.en, ru=known.ru)
    if CYRILLIC.search(name):
        said = None if type == "PER" else said_in_english(book, name)
        return Names(en=said or to_latin(book, name, type == "PER"), ru=name)
    if type != "PER" and has_common_words(book, name):
        return Names(en=name)  # translated in Russian, not spelled: unknown rather than gibberish
    return Names(en=name, ru=to_cyrillic(book, name, type == "PER"))


# Russian adjective endings: an adjective stands before its noun, as in English.
ADJECTIVE_ENDING = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю)$")
# A noun's genitive plural ending ('министров', 'судей'): its complement is said in the plural.
GENITIVE_PLURAL = re.compile(r"(?:ов|ев|ей)$")
ENGLISH_ADJECTIVES = {"europe": "European"}


def said_in_english(book: NameBook, name: str) -> str | None:
    """A Russian name of an organisation or place said in English, where each of its words is an
    institution word or a known place, one of them at least an institution word: 'Верховный суд
    Пакистана' -> 'Supreme Court of Pakistan'. Russian puts an adjective before its noun as
    English does, and a noun's complements after it in the genitive, which English joins with
    'of'. None where a word is neither."""
    said, institution, after_noun = [], False, False
    places = place_names(book)
    for word in name.split():
        known = lookup(book, word, "LOC")
        concepts = ("@" + slug(known.en),) if known else concept_of(book.concepts, word)
        place = bool(concepts) and concepts[0] in places
        if not place and not (concepts and all(concept[:1] == "=" for concept in concepts)):
            return None
        noun = not ADJECTIVE_ENDING.search(word.lower())
        if place and not noun:  # 'Пакистанский': English says a country's adjective, which the book lacks
            return None
        english = with_article(places[concepts[0]]) if place else english_words(
            [concept[1:] for concept in concepts], noun, plural=after_noun and bool(GENITIVE_PLURAL.search(word)))
        said.append("of " + english if after_noun else english)
        institution = institution or not place
        after_noun = noun  # a complement opens after a noun, and runs to its own noun
    return " ".join(said) if institution else None


# Places English names with 'the': 'the United States', 'the Czech Republic', 'the Netherlands'.
WITH_THE = re.compile(r"^United |\b(?:Republic|Kingdom|States|Emirates|Islands|Netherlands|Philippines|Bahamas|"
                      r"Maldives|Seychelles|Comoros|Gambia)$")


def with_article(place: str) -> str:
    return "the " + place if WITH_THE.search(place) else place


@functools.cache
def place_names(book: NameBook) -> dict[str, str]:
    """The English names of the places that concepts name: '@pakistan' -> 'Pakistan'."""
    return {"@" + slug(entry.en): entry.en for entry in book.known.values() if entry.type == "LOC"}


def english_words(words: list[str], noun: bool, plural: bool) -> str:
    """Concepts as English words, capitalised: those before the last (or all of an adjective)
    in their adjective form ('Еврокомиссия' -> European Commission)."""
    last = len(words) - 1
    words = [ENGLISH_ADJECTIVES.get(w, w) if k < last or not noun else w for k, w in enumerate(words)]
    if plural and not words[-1].endswith("s"):
        words[-1] += "s"
    return " ".join(w[:1].upper() + w[1:] for w in words)


def has_common_words(book: NameBook, name: str) -> bool:
    """Whether a Latin name holds words of the language rather than names: function words
    or institution words ('Walter Reed National Medical Center': 'Натионяль Медикаль' is
    no Russian; 'Drayton Manor' is spelled, 'Дрейтон Манор')."""
    return any(plain_word(word) in FUNCTION_WORDS or concept_of(book.concepts, word)
               for word in name.split())


def canonical_id(type: str, english_name: str) -> str:
    return f"{type}:{slug(english_name)}"


def slug(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.sub(r"[\W_]+", "-", plain.lower().replace("&", " and ")).strip("-")
    return words or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def has_cyrillic(text: str) -> bool:
    return bool(CYRILLIC.search(text))


# --- the gazetteer ---------------------------------------------------------------

def read_gazetteer(path: Path) -> list[tuple[Known, list[str]]]:
    groups = []
    for fields in read_rows(path):
        type, en, ru = fields[:3]
        aliases = fields[3].split("|") if len(fields) > 3 and fields[3] else []
        groups.append((Known(type, en, ru), [en, ru, *aliases]))
    return groups


def read_rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


# Countries are also known by their names in these languages (pycountry's
# translations of the ISO names, and CLDR's names in common use through Babel:
# 'Rosja', 'Rusko', 'Росія' where ISO has 'Federacja Rosyjska'): news in them
# names the same countries, and the registry links such names across scripts.
COUNTRY_LANGUAGES = ("uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr", "de", "fr", "es", "it")


def country_groups() -> list[tuple[Known, list[str]]]:
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    others = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
              for language in COUNTRY_LANGUAGES]
    locales = [babel.Locale.parse(language) for language in ("en", "ru") + COUNTRY_LANGUAGES]
    groups = []
    for country in pycountry.countries:
        names = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
        names = [name for name in names if name]
        translated = [russian.gettext(name) for name in names]
        elsewhere = [other.gettext(name) for other in others for name in names]
        common = [locale.territories[country.alpha_2] for locale in locales
                  if country.alpha_2 in locale.territories]
        groups.append((Known("LOC", names[0], translated[0]), names + translated + elsewhere + common))
    return groups


# Time-zone cities of CLDR (through Babel), in the languages of the countries above:
# the capitals and large cities news are filed from ('Londyn', 'Bruksela', 'Відень').
# A zone's own name is the English one where the English locale leaves it out
# ('Europe/London'); zones of three parts name small American towns and are left out.
CITY_LANGUAGES = ("en", "ru") + COUNTRY_LANGUAGES


def city_groups() -> list[tuple[Known, list[str]]]:
    locales = [babel.Locale.parse(language) for language in CITY_LANGUAGES]
    english, russian = locales[0].time_zones, locales[1].time_zones
    groups = []
    for zone in sorted(russian):
        if zone.count("/") != 1 or "city" not in russian[zone]:
            continue
        en = english.get(zone, {}).get("city") or zone.split("/")[1].replace("_", " ")
        names = [locale.time_zones[zone]["city"] for locale in locales[1:] if "city" in locale.time_zones.get(zone, {})]
        groups.append((Known("LOC", en, russian[zone]["city"]), [en, *names]))
    return groups


# The states of the United States (ISO 3166-2 through pycountry, Russian names from its
# locale), which news follow as closely as countries ('Пенсильвания' / 'Pennsylvania'). Places
# only, as cities are: 'Virginia' and 'Indiana' are people's names too. A state named as a
# country keeps that name for the country ('Georgia' / 'Грузия'); its Russian name is its own
# ('Джорджия' / 'Georgia (US state)'). States the locale has no Russian name for are left out.
def state_groups(known: dict) -> list[tuple[Known, list[str]]]:
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    groups = []
    for state in pycountry.subdivisions.get(country_code="US"):
        ru = russian.gettext(state.name)
        if state.type not in ("State", "District") or ru == state.name:
            continue
        if name_key(state.name) in known:
            groups.append((Known("LOC", f"{state.name} (US state)", ru), [ru]))
        else:
            groups.append((Known("LOC", state.name, ru), [state.name, ru]))
    return groups


def unify(countries, hand_made) -> list[tuple[Known, list[str]]]:
    """A country or city the hand-made table also names takes the table's names ('Russia',
    not 'Russian Federation'; 'Kyiv', not 'Kiev')."""
    by_key = {name_key(alias): entry for entry, aliases in hand_made for alias in aliases}
    unified = []
    for entry, aliases in countries:
        override = next((by_key[name_key(a)] for a in aliases if name_key(a) in by_key), None)
        unified.append((override or entry, aliases))
    return unified


def country_acronyms() -> dict:
    """name_key(acronym) -> the country, for the initials of its names of several words in
    its own languages ('Česká republika' -> 'ČR', 'Slovenská republika' -> 'SR', 'Republika
    Slovenija' -> 'RS'), where no other country's names give the same letters. Other
    languages' acronyms of a country follow no rule ('ФРГ', not 'ФРН'), and are left out."""
    found: dict = {}
    for entry, names in own_language_names():
        for name in names:
            words = [word for word in name.split() if len(word) > 1 and word.lower() not in FUNCTION_WORDS]
            if 1 < len(words) <= LONGEST_ACRONYM:
                key = name_key("".join(word[0] for word in words))
                found[key] = entry if found.get(key, entry) == entry else None
    return {key: entry for key, entry in found.items() if entry is not None}


def own_language_names() -> list[tuple[Known, list[str]]]:
    """Each country with its names in its official languages among ours (pycountry's
    translations of the ISO names, CLDR's names)."""
    languages = ("en", "ru") + COUNTRY_LANGUAGES
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    groups = []
    for country in pycountry.countries:
        own = [language for language in babel.languages.get_official_languages(country.alpha_2)
               if language in languages]
        iso = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
        iso = [name for name in iso if name]
        translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
                        for language in own]
        names = [translation.gettext(name) for translation in translations for name in iso]
        names += [babel.Locale.parse(language).territories.get(country.alpha_2, "") for language in own]
        groups.append((Known("LOC", iso[0], russian.gettext(iso[0])), [name for name in names if name]))
    return groups


def searched_pattern(groups) -> re.Pattern | None:
    aliases = {variant for entry, names in groups if entry.type == "ORG"
               for name in names if len(name) >= MIN_SEARCHED_ALIAS
               for variant in (name, name.upper())}
    if not aliases:
        return None
    alternatives = "|".join(re.escape(alias) for alias in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def country_stems(groups) -> dict:
    """Word stem -> ('@country',) for every one-word name of a country in any of its languages,
    so that 'Pakistanu' and 'pakistański' name Pakistan inside an organisation's name."""
    stems: dict = {}
    for entry, aliases in groups:
        if entry.type != "LOC":
            continue
        for alias in aliases:
            stem = plain_word(alias).rstrip(STEM_VOWELS)
            if " " not in alias and len(stem) >= MIN_COUNTRY_STEM:
                concept = ("@" + slug(entry.en),)
                stems[stem] = concept if stems.get(stem, concept) == concept else ()
    return stems


# Letters a country's adjective shares with its name, at the start, in the same language:
# 'polski' / 'Polska', 'итальянский' / 'Италия', 'French' / 'France'; not 'английский' /
# 'Великобритания', 'русский' / 'Россия' (the language of a people, not of a state).
ADJECTIVE_AGREES = 3


def country_adjectives(groups) -> list[tuple[Known, list[str]]]:
    """Each country with the adjectives of its name in our languages ('польский', 'Polish',
    'polski' for Poland), from CLDR (through Babel): the name of the country's official
    language is the country's adjective where the country is the language's home (CLDR's
    likely country for it: France for French, not French Guiana) and the adjective starts
    as the country's name does."""
    by_name = {name_key(alias): entry for entry, aliases in groups for alias in aliases}
    locales = [babel.Locale.parse(language) for language in ("en", "ru") + COUNTRY_LANGUAGES]
    likely = babel.core.get_global("likely_subtags")
    adjectives = []
    for country in pycountry.countries:
        entry = by_name.get(name_key(country.name))
        languages = babel.languages.get_official_languages(country.alpha_2)
        if entry is None or not languages or not likely.get(languages[0], "").endswith("_" + country.alpha_2):
            continue
        found = [locale.languages.get(languages[0], "") for locale in locales
                 if agrees(locale.languages.get(languages[0], ""), locale.territories.get(country.alpha_2, ""))]
        adjectives.append((entry, found))
    return adjectives


def agrees(adjective: str, name: str) -> bool:
    start = ADJECTIVE_AGREES
    return len(adjective) > start and plain_word(adjective)[:start] == plain_word(name)[:start]


def acronym_concepts(groups, concepts: dict) -> dict:
    """Acronym -> the concepts of the name it stands for, so that 'Rada EU' and 'Совет
    Европейского союза' are the same words. Acronyms are looked up in lower case
    (ahead of stems, as '#' + letters): some sources write names all in lower case."""
    expanded: dict = {}
    for entry, aliases in groups:
        keys = concept_keys_of(concepts, entry.en)
        if entry.type != "PER" and keys and all(key[:1] in "=@" for key in keys):
            for alias in aliases:
                if is_acronym(alias.replace(".", "")):
                    expanded["#" + alias.replace(".", "").lower()] = keys
    return expanded


def read_concepts(path: Path) -> dict:
    concepts = {}
    for concept, stems in read_rows(path):
        for stem in stems.split("|"):
            concepts[plain_word(stem)] = tuple(word if word[:1] == "@" else "=" + word for word in concept.split())
    return concepts


def concept_index(groups, concepts: dict) -> dict:
    """Sorted concepts -> the entry, for each organisation or place alias made of concepts only."""
    index: dict = {}
    for entry, aliases in groups:
        for alias in aliases:
            keys = concept_keys_of(concepts, alias)
            if entry.type != "PER" and keys and all(key[:1] in "=@" for key in keys):
                key = concept_set(keys)
                index[key] = entry if index.get(key, entry) == entry else None
    return index


def read_first_names(path: Path) -> tuple[dict, dict]:
    first_en, first_ru = {}, {}
    for russian, english in read_rows(path):
        variants = english.split("|")
        first_en.setdefault(name_key(russian), variants[0])
        for variant in variants:
            first_ru.setdefault(name_key(variant), russian)
    return first_en, first_ru


# --- transliteration -----------------------------------------------------------

ANY = "*"
SILENT = "-"  # the table's spelling of a letter that is not written ('h' of 'Thompson')
# The letters around a Latin letter that its spelling is looked up by, as (letters before,
# letters after), most specific first: the first that the table has a rule for decides.
# Also what `python -m bench.names` learns the rules for. Chosen on wd_russian_16: three
# letters after a letter (vowel groups such as 'ough', 'eigh') gained 0.8 point per token;
# three letters on both sides, or two before alone, lost 2 to 2.5 points (too few sightings).
SPELLING_CONTEXTS = ((2, 2), (2, 1), (1, 3), (1, 2), (1, 1), (0, 3), (0, 2), (0, 1), (1, 0), (0, 0))


# Compared by identity (eq=False), so that a word's spelling can be cached per table: the
# same names come back in article after article.
@dataclass(frozen=True, eq=False)
class LatinSpelling:
    """Latin -> Cyrillic spelling rules for names (data/latin_cyrillic.tsv, see its header):
    each Latin letter is written with none, one or two Cyrillic letters, by the rule of the
    most specific of its contexts (`SPELLING_CONTEXTS`) that has one."""

    rules: dict  # (letter, letters before, letters after) -> Cyrillic; '*' any, '^' / '$' the word's ends

    @classmethod
    def from_rules(cls, rules) -> "LatinSpelling":
        return cls({(letter, before, after): "" if spelled == SILENT else spelled
                    for letter, before, after, spelled in rules})

    @functools.lru_cache(maxsize=1 << 16)  # noqa: B019 - tables are few and live as long as the process
    def spell(self, word: str) -> str:
        """A lower-case Latin word in Cyrillic, letter by letter: 'reed' is р-и-(silent)-д."""
        padded = f"^{word}$"
        return "".join(self.spell_letter(padded, at) for at in range(1, len(padded) - 1))

    def spell_letter(self, padded: str, at: int) -> str:
        letter = padded[at]
        for before, after in SPELLING_CONTEXTS:
            key = (letter, letters_before(padded, at, before), letters_after(padded, at, after))
            if key in self.rules:
                return self.rules[key]
        return letter


def letters_before(padded: str, at: int, size: int) -> str:
    """The `size` letters before a letter of '^word$', fewer at the word's start ('^' ends them)."""
    return padded[max(0, at - size):at] if size else ANY


def letters_after(padded: str, at: int, size: int) -> str:
    return padded[at + 1:at + 1 + size] if size else ANY


def read_spelling(path: Path) -> LatinSpelling:
    return LatinSpelling.from_rules(tuple(fields) for fields in read_rows(path))


def to_latin(book: NameBook, name: str, person: bool) -> str:
    """Cyrillic -> Latin: conventional first names, iuliia's Wikipedia schema for the rest."""
    words = name.split(" ")
    if person and len(words) > 1 and name_key(words[0]) in book.first_en:
        first = book.first_en[name_key(words[0])]
        return " ".join([first] + [latin_word(word) for word in words[1:]])
    return latin_word(name)


# Ukrainian and Bulgarian letters that iuliia's Russian schemas leave as they are.
OTHER_CYRILLIC = str.maketrans({"і": "i", "І": "I", "ї": "yi", "Ї": "Yi", "є": "ye", "Є": "Ye",
                                "ґ": "g", "Ґ": "G"})


def latin_word(text: str) -> str:
    return iuliia.WIKIPEDIA.translate(text).translate(OTHER_CYRILLIC)


def to_cyrillic(book: NameBook, name: str, person: bool) -> str:
    """Latin -> Cyrillic: conventional first names, the learned spelling rules for the rest."""
    words = name.split(" ")
    if person and len(words) > 1 and name_key(words[0]) in book.first_ru:
        return " ".join([book.first_ru[name_key(words[0])]]
                        + [cyrillic_word(w, book.spelling) for w in words[1:]])
    return " ".join(cyrillic_word(word, book.spelling) for word in words)


LATIN_RUN = re.compile(r"[A-Za-z]+")


def cyrillic_word(word: str, spelling: "LatinSpelling") -> str:
    """'Price' -> 'Прайс', 'SHAW' -> 'ШОУ', 'Jean-Claude' -> 'Жан-Клод': each run of Latin
    letters spelled by the rules, in the letter case of the original."""
    plain = strip_accents(word)
    if len(plain) != len(word):
        plain = word
    return LATIN_RUN.sub(lambda m: recover_case(spelling.spell(m.group().lower()), m.group()), plain)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def recover_case(spelled: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return spelled.upper()
    if original[:1].isupper():
        return spelled[:1].upper() + spelled[1:]
    return spelled


# --- sound keys: one key for a name in any script ---------------------------------

# Cyrillic (Russian, Ukrainian, Bulgarian) in plain Latin letters that sound alike
# across the Slavic and English spellings of a name: 'дж' is the 'j' of John,
# 'х' the 'h' of Hamburg, Bulgarian 'ъ' the 'u' of Trump, Ukrainian 'и' the 'y' of
# 'Трамп' -> 'Trump' ('i' and 'y' are one vowel below), Bulgarian 'щ' is 'sht'.
CYRILLIC_SOUNDS = dict(zip(
    "абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "g", "d", "e", "e", "e", "zh", "z", "i", "i", "i", "j", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "shch", "a", "y", "", "e", "ju", "ja"]))
# The Latin alphabets of the Slavic languages (Polish, Czech, Slovak, Slovene,
# Croatian) in the same plain letters: Polish 'sz', 'cz', 'ż', 'rz', 'ś' and the háčeks
# 'š', 'č', 'ž' are the Cyrillic 'ш', 'ч', 'ж' ('Andrzej', 'Анджей'); 'ř' is 'рж'; 'đ' is 'дж'.
SLAVIC_LATIN = [("szcz", "shch"), ("dż", "dzh"), ("dž", "dzh"), ("dź", "dzh"), ("rz", "zh"), ("sz", "sh"),
                ("cz", "ch"), ("ż", "zh"), ("ź", "zh"), ("ś", "sh"), ("š", "sh"), ("č", "ch"), ("ć", "ch"), ("ž", "zh"),
                ("ř", "rzh"), ("đ", "dzh")]
NASAL = re.compile(r"[ąę](?!$)")  # at the end of a word, Polish 'ą' and 'ę' are plain vowels
OTHER_LETTERS = {"ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "ı": "i", "œ": "oe", "þ": "th"}
# Letter groups folded to one consonant class, longest first. Coarse on purpose:
# a whole name must still agree consonant by consonant. k, g, h and their
# digraphs are one class: 'Chádim' (Czech ch), 'Хадим', 'Кадим'; 'Гамбург', 'Hamburg'.
SOUND_FOLDS = [("shch", "s"), ("sch", "s"), ("dzh", "j"), ("tch", "k"), ("sh", "s"), ("sz", "s"),
               ("zh", "s"), ("ch", "k"), ("cz", "k"), ("ck", "k"), ("ts", "k"), ("tz", "k"),
               ("kh", "k"), ("ph", "f"), ("th", "t"), ("c", "k"), ("q", "k"), ("x", "ks"), ("z", "s"),
               ("w", "v"), ("g", "k"), ("h", "k"), ("y", "i"), ("j", "i")]
VOWELS = re.compile(r"[aeiou]")
LONGEST_ACRONYM = 5
SOUND_WORD = re.compile(r"[^\W\d_]+")


def sound_forms(name: str) -> tuple[str, ...]:
    """A name as a tuple of word sounds in plain Latin letters, close for its spellings in
    any Slavic alphabet: 'Trump', 'Трамп', 'Тръмп' -> ('trump',), ('tramp',), ('trump',);
    'Asia Bibi', 'Азия Биби', 'Ася Биби' -> ('asia', 'bibi'). An acronym is '#' and its letters."""
    words = without_title(SOUND_WORD.findall(unmixed(name)))
    shouting = len(words) > 1 and all(word.isupper() for word in words)  # 'ASIA BIBI' is no acronym
    return tuple(acronym(word) if is_acronym(word) and not shouting else word_sound(word) for word in words)


# A first name's 'J' before a vowel, which French and Portuguese say as 'Ж' ('Jean' / 'Жан',
# 'José' / 'Жозе'), where Slavic and German names say 'Й' ('Jan' / 'Ян', 'Juncker' / 'Юнкер').
ROMANCE_J = re.compile(r"^\s*[Jj](?=[aeiouéèêáóú])")


def romance_j_forms(name: str) -> tuple[tuple[str, ...], ...]:
    """The sounds of a full name with the 'J' of its first name read as 'Ж', where it has one
    ('Jean-Claude Juncker' -> ('sean', 'klaude', 'iunker'))."""
    if not ROMANCE_J.match(name) or has_cyrillic(name) or len(name.split()) < 2:
        return ()
    return (sound_forms(ROMANCE_J.sub(lambda m: m.group()[:-1] + "Ж", name)),)


def first_name_forms(book: NameBook, name: str) -> tuple[tuple[str, ...], ...]:
    """The sounds of a full name with its first name as the other script conventionally
    spells it, which its sounds do not give ('Джеймс Шток' -> ('iames', 'stok') of 'James';
    'John Kerry' -> ('ion', 'keri') of 'Джон')."""
    words = name.split()
    if len(words) < 2:
        return ()
    key = name_key(words[0])
    other = book.first_en.get(key) or book.first_ru.get(key)
    return (sound_forms(" ".join([other, *words[1:]])),) if other else ()


# A 'z' that German says as 'ц' ('Merz' / 'Мерц', 'Schulz' / 'Шульц', 'Fritz' / 'Фриц'),
# where English and Spanish say 'з' or 'с' ('Zelensky', 'Lopez' / 'Лопес'); not one of the
# Slavic letters 'cz', 'sz', 'dz'.
GERMAN_Z = re.compile(r"(?<![cdsCDS])t?z|(?<![cdsCDS])t?Z")


def german_z_forms(name: str) -> tuple[tuple[str, ...], ...]:
    """The sounds of a Latin-script name with a 'z' read as German says it, where it has one."""
    if has_cyrillic(name) or not GERMAN_Z.search(name):
        return ()
    return (sound_forms(GERMAN_Z.sub(lambda m: "Ц" if m.group()[-1] == "Z" else "ц", name)),)


# A 'g' before 'e', 'i' or 'y', which French says as 'ж' ('Assange' / 'Ассанж', 'Gérard' /
# 'Жерар') and English as 'дж' ('Roger' / 'Роджер', 'Gillian' / 'Джиллиан'), and a 'c' ending
# a word in '-ce', which both say as 'с' ('Pence' / 'Пенс', 'Maurice' / 'Морис'), where the
# sounds above read them as 'г' and 'к' ('Gerhard' / 'Герхард'). Only at the end for the 'c':
# inside a word the Slavic 'c' is 'ц' ('Slovenci'), which is one class with 'к' there.
SOFT = ((re.compile(r"[gG](?=[eiyéè])"), ("ж", "дж")),
        (re.compile(r"c(?=e\b)"), ("s",)))  # an 'с' would be read as the Latin 'c' it looks like


def soft_forms(name: str) -> tuple[tuple[str, ...], ...]:
    """The sounds of a Latin-script name with its soft 'g' or its soft 'c' read as French and as
    English say them."""
    if has_cyrillic(name):
        return ()
    return tuple(sound_forms(soft.sub(lambda m, said=said: said if m.group().islower() else said.capitalize(), name))
                 for soft, sounds in SOFT if soft.search(name) for said in sounds)


# Roman numerals typed with Cyrillic letters of the same look ('Бенедикт ХVІ', 'Николай ІІ').
ROMAN = re.compile(r"(?<!\w)[IVXLCDMІХСМ]{2,}(?!\w)")
ROMAN_LOOKALIKES = str.maketrans("ІХСМ", "IXCM")
# Letters of one look in both scripts, and the sounds of the other Latin letters in Cyrillic:
# a word typed half in the other script ('Сatholic Нerald' with a Cyrillic С and Н, 'Върховen'
# typed on a Latin layout) is read in the script of most of its letters.
CYRILLIC_LOOK = "АВЕКМНОРСТУХаеорсухіІјЈ"
LATIN_LOOK = "ABEKMHOPCTYXaeopcyxiIjJ"
AS_LATIN = str.maketrans(CYRILLIC_LOOK, LATIN_LOOK)
AS_CYRILLIC = str.maketrans(LATIN_LOOK + "bdfghklmnqrstuvwzBDFGHLNQRSUVWZ",
                            CYRILLIC_LOOK + "бдфгхклмнкрстуввзБДФГХЛНКРСУВВЗ")
LATIN_LETTER = re.compile(r"[A-Za-z]")
WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 16)
def unmixed(name: str) -> str:
    """The name with each word in one script, the script of most of its letters
    ('Сatholic' -> 'Catholic', 'Върховen' -> 'Върховен'); Roman numerals in Latin letters."""
    name = ROMAN.sub(lambda m: m.group().translate(ROMAN_LOOKALIKES), name)
    return WORD.sub(lambda m: one_script(m.group()), name)


def one_script(word: str) -> str:
    """A word of both scripts in the script of most of its letters; a tie stays as it is."""
    cyrillic, latin = len(CYRILLIC.findall(word)), len(LATIN_LETTER.findall(word))
    if not cyrillic or not latin or cyrillic == latin:
        return word
    if cyrillic > latin:
        return word.translate(AS_CYRILLIC)
    latinised = word.translate(AS_LATIN)
    return "".join(recover_case(CYRILLIC_SOUNDS.get(c.lower(), c), c) if CYRILLIC.match(c) else c for c in latinised)


def without_title(words: list[str]) -> list[str]:
    """The words of a person's name without the title before it, which the languages of
    the news write in lower case where the name is capitalised ('papież Franciszek',
    'президент Макрон'); a name all in lower case keeps every word."""
    first_name = next((i for i, word in enumerate(words) if word[:1].isupper()), 0)
    return words[first_name:] or words


def sound_tokens(name: str) -> tuple[str, ...]:
    """A name as a tuple of word skeletons (`skeleton`), the same for its spellings in Latin and
    Cyrillic script: 'Trump', 'Трамп', 'Тръмп' -> ('trmp',); 'Asia Bibi', 'Азия Биби' -> ('as', 'bb')."""
    return tuple(skeleton(form) for form in sound_forms(name))


@functools.lru_cache(maxsize=1 << 16)
def word_sound(word: str) -> str:
    sound = re.sub(r"(.)\1+", r"\1", fold(latin_sounds(word)))
    return sound or "_"


def latin_sounds(word: str) -> str:
    text = word.lower().replace("дж", "dzh")
    if text.endswith("ová") and len(text) > 5:
        text = text[:-3]  # Czech and Slovak women's surnames: Bibiová is Bibi
    text = NASAL.sub(lambda m: "on" if m.group() == "ą" else "en", text)  # Polish 'Wałęsa' is 'Валенса'
    for letters, sound in SLAVIC_LATIN:
        text = text.replace(letters, sound)
    return strip_accents("".join(CYRILLIC_SOUNDS.get(c, OTHER_LETTERS.get(c, c)) for c in text))


def fold(word: str) -> str:
    for letters, sound in SOUND_FOLDS:
        word = word.replace(letters, sound)
    return word


def is_acronym(word: str) -> bool:
    return word.isupper() and 1 < len(word) <= LONGEST_ACRONYM


def acronym(word: str) -> str:
    """'УНН', 'UNN' -> '#unn': an acronym is its letters, vowels and all ('ANO' is not 'УНН')."""
    return "#" + latin_sounds(word)


@functools.lru_cache(maxsize=1 << 16)  # the registry compares the same words over and over
def skeleton(sound: str) -> str:
    """A word sound's consonants after its first letter (a first vowel is kept as 'a'):
    'trump' and 'tramp' -> 'trmp'. Acronyms and concepts are their own skeletons."""
    if sound[:1] in "#=@":
        return sound
    head = "a" if VOWELS.match(sound[0]) or sound[0] == "i" else sound[0]
    return head + VOWELS.sub("", sound[1:].replace("i", ""))


# --- concepts: organisations and places named in other words ---------------------

# Function words of the nine languages: 'Върховен съд на Пакистан' is the
# supreme court of Pakistan whether 'на', 'w' or 'of' joins the words.
FUNCTION_WORDS = frozenset("""of the and for in on at to и в на по для с о об і й та у з із за
    във със от към до від i w we z ze do dla od po przy na nad pod a v ve pro pre pri s in u sa
    za ke ku""".split())
STEM_VOWELS = "aeiouyаеиоуыэюяіїєйь"
MIN_COUNTRY_STEM = 4
# A word is a stem and an inflectional ending: the ending's letters are vowels and the
# consonants of case endings ('-ого', '-iego', '-ami', '-ách', '-ом'), at most 4 of them
# ('europejsk|iego'), with the 'т' of the Bulgarian article ('съд|ът', 'френск|ите'),
# and the English plural '-s' ('Christians'); an adjective from a country adds '-sk-' ('pakistań|sk|i').
ENDING = re.compile(r"[aeiouyjmhgvwcаеиоуыэюяіїєйьъмхгвт]{0,4}s?")
COUNTRY_ENDING = re.compile(r"(?:sk|ск|ськ|цк)?[aeiouyjmhgvwcаеиоуыэюяіїєйьъмхгвт]{0,4}")
MIN_STEM = 3


@functools.lru_cache(maxsize=1 << 16)  # the registry asks for the same names over and over
def concept_keys(book: NameBook, name: str) -> tuple[str, ...]:
    return concept_keys_of(book.concepts, name)


def concept_keys_of(concepts: dict, name: str) -> tuple[str, ...]:
    """An organisation's or place's name as keys the registry compares: a concept
    ('=court') for each word the institution table or a country name knows, an
    acronym's letters, else the word's sound; function words and single letters
    left out; a country is '@' and its name. 'Sąd Najwyższy Pakistanu' -> ('=court',
    '=supreme', '@pakistan')."""
    name = undotted(WEB_DOMAIN.sub("", unmixed(name)))
    words = SOUND_WORD.findall(name)
    shouting = len(words) > 1 and all(word.isupper() for word in words)
    shortened = set(ABBREVIATION.findall(name))
    keys: list[str] = []
    for word in words:
        if word in shortened and abbreviated_concept(concepts, word):
            keys.extend(abbreviated_concept(concepts, word))
        elif "#" + word.lower() in concepts and (is_acronym(word) or word.islower()):
            keys.extend(concepts["#" + word.lower()])
        elif is_acronym(word) and not shouting:
            keys.append(acronym(word))
        elif len(word) > 1 and plain_word(word) not in FUNCTION_WORDS:
            keys.extend(concept_of(concepts, word) or (word_sound(word),))
    return union_as_europe(tuple(keys)) or sound_forms(name)


# The press names a body of the European Union 'European X' and 'X of the EU' (or of the
# European Communities, its former name) alike: 'Европейская комиссия' / 'Комиссия ЕС',
# 'Europejski Trybunał Obrachunkowy' / 'Trybunał Obrachunkowy UE'. Not the councils: the
# European Council, the Council of the EU and the Council of Europe are three bodies.
UNION_WORDS = ("=union", "=community")


def union_as_europe(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of 'X of the European Union' as those of 'European X', for a body X."""
    bodies = [key for key in keys if key[:1] == "=" and key != "=europe" and key not in UNION_WORDS]
    if "=europe" not in keys or not bodies or "=council" in bodies:
        return keys
    return tuple(key for key in keys if key not in UNION_WORDS)


# The top-level domain of a news site named by its address: 'KOMMERSANT.RU', 'onet.pl'.
WEB_DOMAIN = re.compile(r"(?<=[^\W\d_]{2})\.(?:[a-z]{2,3}|[A-Z]{2,3})$")
# An acronym written with full stops, in any case: 'k.e.', 'U.S.', 'u. s.'.
DOTTED_ACRONYM = re.compile(rf"(?:[^\W\d_]\.\s*){{2,{LONGEST_ACRONYM}}}")


def undotted(name: str) -> str:
    """'k.e.' -> 'KE': an acronym written with full stops as one word."""
    plain = name.strip()
    return re.sub(r"[.\s]", "", plain).upper() if DOTTED_ACRONYM.fullmatch(plain) else name


# A word cut short with a full stop ('Trybunał Eur.', 'Bank Centr.'), of 3
# letters or more: 'J.' and 'o.o.' are initials.
ABBREVIATION = re.compile(r"(?<!\w)([^\W\d_]{3,})\.")


PLAIN_VOWELS = re.compile(r"[aeiouyаеиоуыэюяіїєъь]")


def without_vowels(stem: str) -> str:
    return PLAIN_VOWELS.sub("", stem)


def abbreviated_concept(concepts: dict, word: str) -> tuple[str, ...]:
    """The institution concept every stem the abbreviation starts stands for ('eur' ->
    'europ', 'eurokomis', 'europarlament' -> ('=europe',)); none where they share none
    ('min' -> 'ministr', 'ministerstw'). An abbreviation of consonants only starts the
    stem's consonants ('wlk' -> 'wielk', great)."""
    plain = plain_word(word)
    start = without_vowels if not PLAIN_VOWELS.search(plain) else str
    found = [set(keys) for stem, keys in concepts.items() if start(stem).startswith(plain) and keys[:1]
             and keys[0][:1] == "="]
    shared = set.intersection(*found) if found else set()
    return tuple(shared) if len(shared) == 1 else ()


def initials(name: str) -> str | None:
    """The acronym a name of 2 to 5 words would have ('Sąd Najwyższy' -> '#sn', 'Tehreek-e-Labbaik
    Pakistan' -> '#tlp'), as `acronym` writes acronyms; function words and single letters left out."""
    return letters_of(content_words(name))


def content_words(name: str) -> list[str]:
    """The words of a name but function words, single letters and acronyms."""
    return [word for word in SOUND_WORD.findall(name)
            if len(word) > 1 and plain_word(word) not in FUNCTION_WORDS and not is_acronym(word)]


@functools.lru_cache(maxsize=1 << 16)
def acronym_forms(book: NameBook, name: str) -> tuple[tuple[str, ...], ...]:
    """The acronyms a name of 2 to 5 words may be written as, in the keys the registry
    compares: its initials ('Sąd Najwyższy' -> ('#sn',)); its initials with its one-letter
    words, as Polish and Czech acronyms keep them ('Ministerstwo Spraw Wewnętrznych i
    Administracji' -> ('#mswia',)); and the initials of its words but a country, beside
    the country, as 'МИД Франции' is written ('Министерство иностранных дел Франции' ->
    ('#mid', '@france'))."""
    name = unmixed(name)
    words = [word for word in SOUND_WORD.findall(name) if not is_acronym(word)]
    content = content_words(name)
    lettered = [word for word in words if len(word) == 1 or word in content]
    places = {word: concept_of(book.concepts, word) for word in content}
    places = {word: keys for word, keys in places.items() if keys[:1] and keys[0][:1] == "@"}
    forms = [(letters_of(content),), (letters_of(lettered),)]
    if places and len(content) > len(places):
        forms.append((letters_of([word for word in content if word not in places]),
                      *(key for word in content if word in places for key in places[word])))
    return tuple(dict.fromkeys(form for form in forms if all(form)))


def letters_of(words: list[str]) -> str | None:
    return "#" + latin_sounds("".join(word[0] for word in words)) if 1 < len(words) <= LONGEST_ACRONYM else None


DOUBLED = re.compile(r"(.)\1+")


def with_single_letters(concepts: dict) -> dict:
    """The stems also with their doubled letters written once, as the languages of the
    news write them in one word and not in another ('комиссия' / 'комісія', 'Asociace')."""
    single = {DOUBLED.sub(r"\1", stem): keys for stem, keys in concepts.items() if keys[:1] and keys[0][:1] == "="}
    return single | concepts


def concept_of(concepts: dict, word: str) -> tuple[str, ...]:
    """The concepts of the longest stem the word starts with, before an inflectional ending;
    none where that stem names several countries ('niger' of Niger and Nigeria), rather than
    the country of a shorter stem. A word with doubled letters is also read with them single
    as an institution word ('Європарламмент'), not as a country ('русский' is no 'Руска')."""
    plain = plain_word(word)
    found = stem_concept(concepts, plain)
    single = DOUBLED.sub(r"\1", plain)
    if found or single == plain:
        return found
    found = stem_concept(concepts, single)
    return found if found[:1] and found[0][:1] == "=" else ()


def stem_concept(concepts: dict, plain: str) -> tuple[str, ...]:
    for cut in range(len(plain), MIN_STEM - 1, -1):
        found = concepts.get(plain[:cut])
        if found and (COUNTRY_ENDING if found[0][0] == "@" else ENDING).fullmatch(plain[cut:]):
            return found
        if found == () and COUNTRY_ENDING.fullmatch(plain[cut:]):
            return ()
    return ()


def concept_set(keys) -> tuple[str, ...]:
    return tuple(sorted(set(keys)))


@functools.lru_cache(maxsize=1 << 16)  # the same words again and again: 'Ministerstwo', 'суд'
def plain_word(word: str) -> str:
    return strip_accents(word.lower().replace("ё", "е")).replace("ł", "l")
