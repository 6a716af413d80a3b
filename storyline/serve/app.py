"""The web app and JSON API over a store: stories, articles, search.

Text in the store comes from news pages and is hostile. Jinja autoescapes every
value; links are only made from http(s) URLs; the Content-Security-Policy allows
no scripts at all, so even a slip in escaping cannot run one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.connect.copies import copy_differences
from storyline.records import Article
from storyline.serve import views
from storyline.store import Store
from storyline.store.search import ExpandTerm, Lemmatize

HERE = Path(__file__).parent
STORIES_PER_PAGE = 50
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(db_path: str, lemmatize: Lemmatize | None = None,
               expand_query: ExpandTerm | None = None) -> FastAPI:
    app = FastAPI(title="storyline", docs_url=None, redoc_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = make_templates()

    def open_store() -> Iterator[Store]:
        # A store per request: SQLite connections are cheap, and WAL lets ingest write meanwhile.
        with Store(db_path, lemmatize=lemmatize, expand_query=expand_query) as store:
            yield store

    add_pages(app, templates, open_store)
    add_api(app, open_store)
    add_error_pages(app, templates)

    @app.middleware("http")
    async def add_security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


def make_templates() -> Jinja2Templates:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters["date"] = views.display_date
    environment.filters["safe_url"] = views.safe_url
    environment.filters["snippet_html"] = views.snippet_html
    environment.filters["entity_class"] = views.entity_class
    environment.filters["quote_segments"] = views.quote_segments
    return Jinja2Templates(env=environment)


def add_pages(app: FastAPI, templates: Jinja2Templates, open_store) -> None:
    def page(request: Request, name: str, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    @app.get("/", response_class=HTMLResponse)
    def story_list(request: Request, page_number: int = Query(1, alias="page", ge=1),
                   store: Store = Depends(open_store)):
        offset = (page_number - 1) * STORIES_PER_PAGE
        # One extra row tells whether there is a next page without counting everything.
        stories = store.stories(limit=STORIES_PER_PAGE + 1, offset=offset, statements=False)
        return page(request, "stories.html", stories=stories[:STORIES_PER_PAGE], page=page_number,
                    has_next=len(stories) > STORIES_PER_PAGE, counts=store.counts())

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(request: Request, story_id: str, store: Store = Depends(open_store)):
        story = find(store.story(story_id), "story", story_id)
        if story.id != story_id:  # merged into another story: send old links to the new page
            return RedirectResponse(request.url_for("story_page", story_id=story.id), status_code=308)
        articles = store.articles(article.id for article in story.articles)
        originals = {article.id: article.wire_copy_of for article in story.articles}
        return page(request, "story.html", story=story, columns=views.by_language(articles, originals),
                    speakers=views.by_speaker(story.statements))

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str, store: Store = Depends(open_store)):
        article = find(store.article(article_id), "article", article_id)
        paragraphs = [views.paragraph_segments(text, number, article.entities)
                      for number, text in enumerate(article.body)]
        return page(request, "article.html", article=article, paragraphs=paragraphs,
                    story_id=store.article_story(article_id), **wire_copies(store, article))

    @app.get("/entities/{entity_id:path}", response_class=HTMLResponse)
    def entity_page(request: Request, entity_id: str, store: Store = Depends(open_store)):
        dossier = find(store.dossier(entity_id), "entity", entity_id)
        if dossier.id != entity_id:  # merged into another entity
            return RedirectResponse(request.url_for("entity_page", entity_id=dossier.id), status_code=308)
        return page(request, "entity.html", entity=dossier, columns=views.by_language(dossier.articles))

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "", store: Store = Depends(open_store)):
        return page(request, "search.html", query=q, results=store.search(q, limit=50) if q.strip() else [])


def add_api(app: FastAPI, open_store) -> None:
    @app.get("/api/stories")
    def api_stories(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0),
                    store: Store = Depends(open_store)):
        return {"limit": limit, "offset": offset,
                "stories": [story.as_json() for story in store.stories(limit=limit, offset=offset)]}

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str, store: Store = Depends(open_store)):
        return find(store.story(story_id), "story", story_id).as_json()

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str, store: Store = Depends(open_store)):
        article = find(store.article(article_id), "article", article_id)
        copies = wire_copies(store, article)
        original = copies["original"] and {"id": copies["original"].id, "similarity": copies["similarity"],
                                           **dataclasses.asdict(copies["differences"])}
        return {**article.as_json(), "story_id": store.article_story(article_id), "wire_copy_of": original,
                "copies": [{"id": copy.id, "similarity": similarity} for copy, similarity in copies["copies"]]}

    @app.get("/api/entities/{entity_id:path}")
    def api_entity(entity_id: str, store: Store = Depends(open_store)):
        return find(store.dossier(entity_id), "entity", entity_id).as_json()

    @app.get("/api/search")
    def api_search(q: str = "", limit: int = Query(20, ge=1, le=200), store: Store = Depends(open_store)):
        results = [{"article": views.article_summary(article), "snippet": views.snippet_text(snippet),
                    "snippet_html": str(views.snippet_html(snippet))}
                   for article, snippet in store.search(q, limit=limit)]
        return {"query": q, "results": results}


def add_error_pages(app: FastAPI, templates: Jinja2Templates) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def error_page(request: Request, error: StarletteHTTPException):
        if request.url.path.startswith("/api/") or error.status_code != 404:
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        return templates.TemplateResponse(request, "not_found.html", {"detail": error.detail},
                                          status_code=404)


def wire_copies(store: Store, article: Article) -> dict:
    """The original an article republishes (with its similarity and what the copy changed)
    and the copies that republish it."""
    original, similarity, differences = None, None, None
    found = store.original(article.id)
    if found:
        original, similarity = store.article(found[0]), found[1]
        differences = copy_differences(original, article) if original else None
    copies = store.copies(article.id)
    stored = {copy.id: copy for copy in store.articles(id for id, _ in copies)}
    return {"original": original, "similarity": similarity, "differences": differences,
            "copies": [(stored[id], share) for id, share in copies if id in stored]}


def find(record, kind: str, id: str):
    if record is None:
        raise HTTPException(404, f"no {kind} with id {id}")
    return record
