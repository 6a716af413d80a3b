"""Schema migrations: new files, old versions, failures and newer databases."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from storyline.store import MIGRATIONS, NewerSchema, Store
from storyline.store.schema import migrate, split_statements


def user_version(path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA user_version").fetchone()[0]


def test_store_migrations_create_a_new_file_at_the_last_version(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    assert user_version(path) == len(MIGRATIONS)


def test_store_migrations_bring_a_version_0_file_up(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()  # an existing, empty database: version 0
    with Store(path) as store:
        assert store.counts()["articles"] == 0
    assert user_version(path) == len(MIGRATIONS)


def test_store_migrations_upgrade_version_1_and_keep_its_stories(tmp_path):
    path = tmp_path / "v1.db"
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, MIGRATIONS[:1])
    connection.executemany(
        "INSERT INTO articles (id, source, language, title, published, story_id, json) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [("a", "a.html", "en", "Old", "2020-01-01", "s1",
          '{"id": "a", "source": "a.html", "language": "en", "title": "Old", "published": "2020-01-01"}'),
         ("b", "b.html", "ru", "Новое", "2021-01-01", "s2",
          '{"id": "b", "source": "b.html", "language": "ru", "title": "Новое", "published": "2021-01-01"}')])
    connection.close()
    assert user_version(path) == 1

    with Store(path) as store:
        assert [story.id for story in store.stories()] == ["s2", "s1"]
        assert store.article("a").title == "Old"
        store.merge_stories("s2", "s1")  # the redirect table came with the upgrade
        assert store.story("s1").id == "s2"
    assert user_version(path) == len(MIGRATIONS)


def test_store_migrations_failing_script_leaves_previous_version(tmp_path):
    connection = sqlite3.connect(tmp_path / "bad.db", isolation_level=None)
    migrate(connection, MIGRATIONS[:1])
    broken = (*MIGRATIONS[:1], "CREATE TABLE half (x); THIS IS NOT SQL;")
    with pytest.raises(sqlite3.Error):
        migrate(connection, broken)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not connection.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchall()
    connection.close()


@pytest.mark.parametrize("script, statements", [
    ("CREATE TABLE a (x); CREATE TABLE b (y);", ["CREATE TABLE a (x);", " CREATE TABLE b (y);"]),
    ("INSERT INTO a VALUES ('x;y'); -- a comment; with a semicolon\n",
     ["INSERT INTO a VALUES ('x;y');", " -- a comment; with a semicolon\n;"]),
    ("CREATE TABLE a (x", ["CREATE TABLE a (x;"]),
])
def test_store_migrations_split_statements(script, statements):
    assert list(split_statements(script)) == statements


def test_store_migrations_many_openers_of_a_new_file(tmp_path):
    path = tmp_path / "race.db"
    start = threading.Barrier(8)
    failures = []

    def open_store():
        start.wait()
        try:
            Store(path).close()
        except Exception as error:  # collected: an exception in a thread would go unseen
            failures.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert user_version(path) == len(MIGRATIONS)


def test_store_migrations_refuse_a_newer_database(tmp_path):
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(NewerSchema):
        Store(path)
