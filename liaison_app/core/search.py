"""Full-text search that works for Chinese.

Chinese is written without spaces, so a word tokenizer sees a whole clause as one token:
SQLite FTS5's default ``unicode61`` tokenizer cannot find 环评 inside 完成环评报告, and its
``trigram`` tokenizer needs three characters, so it cannot match the two-character words
officers type most (环评, 供电, and most personal names). A dictionary segmenter such as
jieba would add a 20 MB dictionary and still miss words it does not know (enterprise and
place names, which are exactly what people search for).

We therefore index CJK text as overlapping character bigrams, as Lucene's CJKAnalyzer does:
完成环评报告 is indexed as 完成 成环 环评 评报 报告. A query is cut the same way and searched
as a phrase, so 环评 matches the bigram 环评, and a longer query such as 环评报告 must match
环评 评报 报告 at consecutive positions, i.e. exactly that substring. A single character
matches as a prefix of the bigrams. Latin letters and digits stay whole words (an USCC, a
phone number, a plate number's tail), lower-cased, and the last one may be a prefix, so
typing the start of a number finds it. FTS5 ranks the hits with bm25, titles weighing more.

The index stores the bigram text; the original text lives beside it in ``search_doc`` so hits
can be shown with the matched words highlighted.
"""
from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from liaison_app.core import i18n
from liaison_app.core.db import database_proxy
from liaison_app.core.i18n import Message
from liaison_app.core.models.base import SearchDocument

# CJK ideographs (URO, Extension A, compatibility) plus Extension B and later planes.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_RUN = re.compile(rf"([{_CJK}]+)|([^\W_{_CJK}]+)", re.UNICODE)
_CJK_ONLY = re.compile(rf"^[{_CJK}]+$")

#: Title counts ten times the body in the ranking: a hit on an enterprise's name beats a
#: passing mention in some visit's notes.
TITLE_WEIGHT = 10.0
_RANK = f"bm25(search_fts, {TITLE_WEIGHT}, 1.0)"


#: Characters NFKC folds in ways that change tokens: full-width letters and digits (typed by
#: Chinese input methods), the ideographic space, circled and squared forms, compatibility
#: ideographs and ligatures. Full-width punctuation (，。、) folds too, but it separates tokens
#: either way, so ordinary Chinese text can skip the (costly) normalisation.
_FOLDS = re.compile("[\u00a0-\u00ff\u2000-\u2bff\u3000\u3200-\u33ff\uf900-\ufaff"
                    "\ufb00-\ufb4f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uffef]")


def _normalize(text: str) -> str:
    if _FOLDS.search(text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


def _runs(text: str) -> Iterable[tuple[bool, str]]:
    for match in _RUN.finditer(_normalize(text)):
        cjk, other = match.groups()
        if cjk:
            yield True, cjk
        else:
            yield False, other


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return list(map(str.__add__, run, run[1:]))  # each character with the next, in C


_pair = str.__add__


def index_tokens(text: str) -> list[str]:
    """The tokens of ``text`` as the index stores them (the loop every indexed record runs
    through: kept tight)."""
    tokens: list[str] = []
    append, extend = tokens.append, tokens.extend
    for match in _RUN.finditer(_normalize(text)):
        cjk = match.group(1)
        if cjk is None:
            append(match.group(2))
        elif len(cjk) == 1:
            append(cjk)
        else:
            extend(map(_pair, cjk, cjk[1:]))  # each character with the next, in C
    return tokens


@functools.lru_cache(maxsize=8192)
def _piece_tokens(piece: str) -> str:
    return " ".join(index_tokens(piece))


def tokenize_for_index(text: str) -> str:
    """``text`` as the index stores it. Whitespace separates tokens anyway, so the pieces
    between spaces are tokenized on their own and remembered: titles repeat their parts
    (enterprise names, dates) across thousands of records."""
    if len(text) <= 80:
        return " ".join(_piece_tokens(piece) for piece in text.split())
    return " ".join(index_tokens(text))


def query_words(query: str) -> list[str]:
    """The words of a query as a person typed them (for highlighting)."""
    return [w for w in re.split(r"\s+", unicodedata.normalize("NFKC", query).strip()) if w]


def build_match(query: str) -> str | None:
    """The FTS5 MATCH expression for a query, or None when there is nothing to search."""
    phrases: list[str] = []
    for word in query_words(query):
        runs = list(_runs(word))
        if not runs:
            continue
        tokens: list[str] = []
        for is_cjk, run in runs:
            tokens.extend(_bigrams(run) if is_cjk else [run])
        last_cjk, last_run = runs[-1]
        prefix = (not last_cjk) or len(last_run) == 1
        phrase = '"' + " ".join(tokens) + '"'
        phrases.append(phrase + ("*" if prefix else ""))
    return " AND ".join(phrases) if phrases else None


#: What each kind of hit is called where hits are listed.
KIND_LABELS: dict[str, Message] = {
    "enterprise": i18n.translate("Search", "Enterprise"),
    "visit": i18n.translate("Search", "Visit"),
    "request": i18n.translate("Search", "Request"),
    "proxy_case": i18n.translate("Search", "Proxy case"),
    "application": i18n.translate("Search", "Application"),
}


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: str
    title: str
    title_html: str
    snippet_html: str
    when: str


def index(*, record_id: str, doc: SearchDocument) -> None:
    """Put a record in the index (replacing its entry). Call inside the saving transaction."""
    db = database_proxy
    cursor = db.execute_sql("SELECT rowid FROM search_doc WHERE record_id = ?", (record_id,))
    row = cursor.fetchone()
    if row is not None:
        db.execute_sql("DELETE FROM search_fts WHERE rowid = ?", (row[0],))
        db.execute_sql(
            "UPDATE search_doc SET kind=?, title=?, body=?, when_=? WHERE rowid=?",
            (doc.kind, doc.title, doc.body, doc.when, row[0]))
        _note_replaced(1)
        rowid = row[0]
    else:
        rowid = db.execute_sql(
            "INSERT INTO search_doc (record_id, kind, title, body, when_) VALUES (?,?,?,?,?)",
            (record_id, doc.kind, doc.title, doc.body, doc.when)).lastrowid
    db.execute_sql("INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)",
                   (rowid, tokenize_for_index(doc.title), tokenize_for_index(doc.body)))


def index_many(rows: Iterable[tuple[str, SearchDocument]]) -> None:
    """Bulk-index new records (no existing entries), e.g. demo data. Inside a transaction."""
    db = database_proxy
    conn = db.connection()
    start = (db.execute_sql("SELECT coalesce(max(rowid), 0) FROM search_doc").fetchone()[0])
    docs = []
    fts = []
    for n, (record_id, doc) in enumerate(rows, start=start + 1):
        docs.append((n, record_id, doc.kind, doc.title, doc.body, doc.when))
        fts.append((n, tokenize_for_index(doc.title), tokenize_for_index(doc.body)))
    conn.executemany(
        "INSERT INTO search_doc (rowid, record_id, kind, title, body, when_) "
        "VALUES (?,?,?,?,?,?)", docs)
    conn.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (?,?,?)", fts)


def _rowids(record_ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i in range(0, len(record_ids), 500):
        chunk = record_ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(database_proxy.execute_sql(
            f"SELECT record_id, rowid FROM search_doc WHERE record_id IN ({marks})", chunk))
    return found


def reindex_many(rows: Iterable[tuple[str, SearchDocument]]) -> None:
    """``index`` for many records at once, each with or without an entry already (e.g. a
    page of pulled changes). One entry per record: the last document given for it wins.
    Inside a transaction."""
    latest = dict(rows)
    have = _rowids(list(latest))
    conn = database_proxy.connection()
    old = [(have[rid], doc) for rid, doc in latest.items() if rid in have]
    conn.executemany("DELETE FROM search_fts WHERE rowid = ?", [(n,) for n, _ in old])
    conn.executemany("UPDATE search_doc SET kind=?, title=?, body=?, when_=? WHERE rowid=?",
                     [(d.kind, d.title, d.body, d.when, n) for n, d in old])
    conn.executemany("INSERT INTO search_fts (rowid, title, body) VALUES (?,?,?)",
                     [(n, tokenize_for_index(d.title), tokenize_for_index(d.body))
                      for n, d in old])
    _note_replaced(len(old))
    index_many((rid, doc) for rid, doc in latest.items() if rid not in have)


def remove_many(record_ids: Iterable[str]) -> None:
    """``remove`` for many records at once. Inside a transaction."""
    rowids = [(n,) for n in _rowids(list(dict.fromkeys(record_ids))).values()]
    conn = database_proxy.connection()
    conn.executemany("DELETE FROM search_fts WHERE rowid = ?", rowids)
    conn.executemany("DELETE FROM search_doc WHERE rowid = ?", rowids)
    _note_replaced(len(rowids))


def remove(*, record_id: str) -> None:
    db = database_proxy
    row = db.execute_sql("SELECT rowid FROM search_doc WHERE record_id = ?",
                         (record_id,)).fetchone()
    if row is not None:
        db.execute_sql("DELETE FROM search_fts WHERE rowid = ?", (row[0],))
        db.execute_sql("DELETE FROM search_doc WHERE rowid = ?", (row[0],))
        _note_replaced(1)


# FTS5 does not change an entry where it lies: replacing or removing one adds a note that
# cancels it, and the entry and its note both stay until a merge writes them into the oldest
# part of the index. Writes merge the newest parts, so after many records are replaced (a
# table pulled again, months of edits) searches read through a bloated index: after every
# visit was replaced three times the index of 100,000 visits was 2.7 times its size and a
# search for a common word took 14-27 % longer. New records alone add no such notes.

#: local_state key: index entries replaced or removed since the index was last merged whole.
REPLACED_KEY = "search_replaced_since_merge"
#: The index is merged whole once the entries replaced since the last time reach this share
#: of the records it holds, and at least ``MERGE_AT_LEAST`` of them.
MERGE_SHARE = 0.2
MERGE_AT_LEAST = 2000
#: Index pages (4 KB) one merge step writes: some tens of milliseconds at a time, so that a
#: save the officer makes meanwhile hardly waits; a whole index of 100,000 visits takes
#: about twenty steps.
MERGE_PAGES = 256


def _note_replaced(n: int) -> None:
    if n:
        database_proxy.execute_sql(
            'INSERT INTO "local_state" ("key", "value") VALUES (?, ?) ON CONFLICT ("key") '
            'DO UPDATE SET "value" = CAST(CAST("value" AS INTEGER) + excluded."value" AS TEXT)',
            (REPLACED_KEY, str(n)))


def replaced_since_merge() -> int:
    """Index entries replaced or removed since the index was last merged whole. Any thread."""
    row = database_proxy.execute_sql(
        'SELECT "value" FROM "local_state" WHERE "key" = ?', (REPLACED_KEY,)).fetchone()
    return int(row[0]) if row and row[0] else 0


def merge_step(*, pages: int = MERGE_PAGES) -> bool:
    """Merge part of the index when enough of it was replaced since it was last merged whole
    (see ``MERGE_SHARE``); whether more steps remain. The results of a search do not change,
    only its speed. Inside a transaction, on the writer."""
    replaced = replaced_since_merge()
    if replaced < MERGE_AT_LEAST:
        return False
    held = database_proxy.execute_sql("SELECT count(*) FROM search_doc").fetchone()[0]
    if replaced < held * MERGE_SHARE:
        return False
    conn = database_proxy.connection()
    before = conn.total_changes
    # A negative budget merges whatever parts there are, down to one.
    conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)", (-pages,))
    if conn.total_changes - before >= 2:  # FTS5's sign that the step found work to do
        return True
    conn.execute('DELETE FROM "local_state" WHERE "key" = ?', (REPLACED_KEY,))
    return False


def search(query: str, *, limit: int = 50, kinds: Iterable[str] | None = None
           ) -> list[SearchHit]:
    """Ranked hits for ``query``. Any thread; a read of the index only."""
    match = build_match(query)
    if match is None:
        return []
    words = query_words(query)
    kind_list = list(kinds or [])
    if not kind_list:
        return _best_hits(match, limit=limit, words=words)
    sql = (
        "SELECT d.kind, d.record_id, d.title, d.body, d.when_ FROM search_fts "
        "JOIN search_doc d ON d.rowid = search_fts.rowid "
        f"WHERE search_fts MATCH ? AND d.kind IN ({','.join('?' * len(kind_list))}) "
        f"ORDER BY {_RANK}, d.when_ DESC LIMIT ?")
    return [_hit(kind, record_id, title, body, when, words)
            for kind, record_id, title, body, when
            in database_proxy.execute_sql(sql, [match, *kind_list, limit])]


def _hit(kind: str, record_id: str, title: str, body: str, when: str | None,
         words: list[str]) -> SearchHit:
    return SearchHit(kind=kind, record_id=record_id, title=title,
                     title_html=highlight(title, words),
                     snippet_html=highlight(snippet(body, words), words), when=when or "")


#: Hits ranked beyond ``limit`` in the first pass, for those that tie with the last one
#: shown. Ranking keeps only this many at a time, where keeping every hit of a common word
#: (tens of thousands) to find the ties cost a fifth of the search.
TIES_RANKED = 200


def _ranked(match: str, limit: int) -> list[tuple[int, float]]:
    """(rowid, score) of the best ``limit`` hits and of every hit that ties with the last of
    them, read from the index alone."""
    rows = database_proxy.execute_sql(
        f"SELECT rowid, {_RANK} AS score FROM search_fts WHERE search_fts MATCH ? "
        "ORDER BY score LIMIT ?", (match, limit + TIES_RANKED)).fetchall()
    if len(rows) < limit + TIES_RANKED or rows[-1][1] > rows[limit - 1][1]:
        # Every hit is here, or every hit left out ranks below the last one kept, so below
        # the last one shown.
        if len(rows) <= limit:
            return rows
        cut = rows[limit - 1][1]
        return [r for r in rows if r[1] <= cut]
    # More hits tie with the last one shown than were kept: rank them all (rare; each hit's
    # score is worked out once).
    return database_proxy.execute_sql(
        f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, {_RANK} AS score FROM search_fts "
        "WHERE search_fts MATCH ?), "
        "cut AS (SELECT score FROM ranked ORDER BY score LIMIT 1 OFFSET ?) "
        "SELECT id, score FROM ranked WHERE score <= (SELECT score FROM cut)",
        (match, limit - 1)).fetchall()


def _best_hits(match: str, *, limit: int, words: list[str]) -> list[SearchHit]:
    """The best ``limit`` hits: by rank, then newest first (a record without a date last),
    then in the order they were indexed.

    A common word matches tens of thousands of records. Ranking them reads the index only;
    the documents (text, dates: most of the file, each page decrypted when read) are read
    for the best ``limit`` and whatever ties with the last of them, so the order is exactly
    what ordering every hit's document would give."""
    if limit <= 0:
        return []
    ranked = _ranked(match, limit)
    if not ranked:
        return []
    score = dict(ranked)
    docs = database_proxy.execute_sql(
        "SELECT rowid, kind, record_id, title, body, when_ FROM search_doc "
        "WHERE rowid IN (SELECT value FROM json_each(?))",
        (json.dumps(list(score)),)).fetchall()
    # Sorts are stable: the last key first.
    docs.sort(key=itemgetter(0))
    docs.sort(key=lambda d: (d[5] is not None, d[5] or ""), reverse=True)
    docs.sort(key=lambda d: score[d[0]])
    return [_hit(kind, record_id, title, body, when, words)
            for _, kind, record_id, title, body, when in docs[:limit]]


def _word_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    return _pattern_of(frozenset(w for w in words if w))


@functools.lru_cache(maxsize=64)
def _pattern_of(words: frozenset[str]) -> re.Pattern[str] | None:
    # Built once per query, not twice per hit shown.
    if not words:
        return None
    parts = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in parts), re.IGNORECASE)


def snippet(text: str, words: Iterable[str], *, width: int = 60) -> str:
    """A window of ``text`` around the first matched word, on one line."""
    flat = " ".join(text.split())
    pattern = _word_pattern(words)
    found = pattern.search(flat) if pattern else None
    if found is None or len(flat) <= width:
        return flat[:width] + ("…" if len(flat) > width else "")
    start = max(0, found.start() - width // 3)
    end = min(len(flat), start + width)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def highlight(text: str, words: Iterable[str]) -> str:
    """``text`` as HTML with every occurrence of the query words in bold."""
    pattern = _word_pattern(words)
    if pattern is None:
        return html.escape(text)
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        out.append("<b>" + html.escape(m.group(0)) + "</b>")
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def rebuild(docs: Iterable[tuple[str, SearchDocument]]) -> None:
    """Drop and refill the whole index (after an index format change). Inside a transaction."""
    database_proxy.execute_sql("DELETE FROM search_fts")
    database_proxy.execute_sql("DELETE FROM search_doc")
    index_many(docs)
