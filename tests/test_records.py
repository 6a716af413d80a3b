"""Every record round-trips through JSON unchanged (property tests)."""

import json

from hypothesis import given, strategies as st

from storyline.records import (Article, Dateline, Entity, Mention, Names, Page, Problem, Quote,
                               Story, StoryArticle, StoryEntity, StoryStatement, content_id)

text = st.text(max_size=40)
maybe = st.none() | text
small = st.integers(min_value=0, max_value=10_000)

problems = st.builds(Problem, code=text, message=text)
datelines = st.builds(Dateline, place=maybe, agency=maybe, text=text)
mentions = st.builds(Mention, paragraph=small, start=small, end=small, text=text)
entities = st.builds(Entity, id=text, name=text, type=st.sampled_from(["PER", "ORG", "LOC"]),
                     names=st.builds(Names, en=maybe, ru=maybe), role=maybe,
                     mentions=st.lists(mentions, max_size=3).map(tuple))
quotes = st.builds(Quote, speaker=maybe, speaker_id=maybe, kind=st.sampled_from(["direct", "indirect"]),
                   text=text, cue=maybe, paragraph=small, start=small, end=small,
                   editorial_insertions=st.lists(text, max_size=2).map(tuple))
articles = st.builds(Article, id=text, source=text, language=maybe, title=maybe, subtitle=maybe,
                     body=st.lists(text, max_size=4).map(tuple), dateline=st.none() | datelines,
                     published=maybe, published_from=maybe, image_credits=st.lists(text, max_size=2).map(tuple),
                     rights=st.lists(text, max_size=2).map(tuple), url=maybe, error=st.none() | problems,
                     entities=st.lists(entities, max_size=3).map(tuple),
                     quotes=st.lists(quotes, max_size=3).map(tuple))
pages = st.builds(Page, source=text, content=text, kind=st.sampled_from(["html", "text"]), url=maybe,
                  title=maybe, date=maybe, as_body=st.booleans())
story_articles = st.builds(StoryArticle, id=text, source=text, language=maybe, title=maybe, published=maybe)
story_entities = st.builds(StoryEntity, id=text, name=text, type=st.sampled_from(["PER", "ORG", "LOC"]),
                           names=st.builds(Names, en=maybe, ru=maybe), articles=small)
story_statements = st.builds(StoryStatement, speaker=maybe, speaker_id=maybe,
                             kind=st.sampled_from(["direct", "indirect"]), text=text, language=maybe,
                             published=maybe, articles=st.lists(text, max_size=3).map(tuple),
                             translations=st.lists(st.tuples(text, text), max_size=2).map(tuple))
stories = st.builds(Story, id=text,
                    titles=st.dictionaries(st.sampled_from(["en", "ru", "uk"]), text).map(lambda d: tuple(d.items())),
                    languages=st.lists(text, max_size=3).map(tuple), first_published=maybe,
                    last_published=maybe, articles=st.lists(story_articles, max_size=3).map(tuple),
                    entities=st.lists(story_entities, max_size=3).map(tuple),
                    statements=st.lists(story_statements, max_size=3).map(tuple))


@given(st.one_of(problems, datelines, mentions, entities, quotes, articles, pages, story_articles,
                 story_entities, story_statements, stories))
def test_records_round_trip_through_json(record):
    data = json.loads(json.dumps(record.as_json(), ensure_ascii=False))
    assert type(record).from_json(data) == record


def test_records_page_id_is_a_stable_content_hash():
    assert Page(source="a", content="Один  текст\n").id == Page(source="b", content="Один текст").id
    assert content_id("x") != content_id("y") and len(content_id("x")) == 16


def test_records_story_titles_are_a_language_map_in_json():
    story = Story(id="s1", titles=(("ru", "Заголовок"), ("en", "Title")))
    assert story.as_json()["titles"] == {"ru": "Заголовок", "en": "Title"}
