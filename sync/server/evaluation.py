"""Phone scoring of evaluation rounds: one-time links, and submissions stored as score sheets.

The centre issues a link per invited enterprise (``issue_links``); an enterprise's
representative opens it on a phone (``open_link``), scores the round's units and sends the
form once (``read_answers``, then ``store_many``). A link is a random 160-bit token; the server keeps only its SHA-256 and finds a
link by that hash, so neither a stolen database nor the time a lookup takes tells anything
about other links. Requests for tokens that do not exist are counted per address and slow
guessing down. A submission is written as ordinary ``score_sheet`` records through the
server's own write path, in the transaction that marks the link used, so every laptop that
may see the enterprise's records pulls them and no link is ever used twice.

No HTTP here: the web pages (``evaluation_web``) and the command line call these functions.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import json
import logging
import re
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from liaison_app.core import scoring
from liaison_app.core.models.evaluation import sheet_id
from liaison_app.core.scoring import CENTRE_UNIT
from sync.schema import SCHEMA, clean_text
from sync.server import audit
from sync.server.county_time import county_now
from sync.server.group_commit import write_together
from sync.server.models import (
    EvaluationLink,
    EvaluationLinkMiss,
    Record,
    SeqCounter,
    server_db,
    utcnow,
    write_transaction,
)
from sync.server.store import server_write_many

log = logging.getLogger(__name__)

ROUND_TABLE = "evaluation_round"
SHEET_TABLE = "score_sheet"
#: Path of the phone page; a link is this followed by its token.
PHONE_PATH = "/m/"
#: 20 random bytes: 160 bits, 27 URL-safe characters.
TOKEN_BYTES = 20
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
#: Misses per address and window before an address is refused for the rest of the window.
#: A meeting room's phones may share one address; they open real links and never miss.
MISS_WINDOW = dt.timedelta(minutes=15)
MAX_MISSES_PER_ADDRESS = 30
#: Longest comment per unit: a few paragraphs typed on a phone.
MAX_COMMENT = 2000
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


# -- the round as the page sees it -----------------------------------------------------------
@dataclass(frozen=True)
class Round:
    """A round as the page uses it; dimensions and scale read by the laptops' own rules
    (``liaison_app.core.scoring``), defaults included."""

    id: str
    data: Mapping[str, Any]
    units: tuple[str, ...]
    invited: frozenset[str]
    dimensions: tuple[scoring.Dimension, ...]
    scale: scoring.Scale
    deleted: bool
    #: The record's version as read (0: not read from the server's records).
    version: int = 0

    @property
    def name(self) -> str:
        return str(self.data.get("name") or "")

    @property
    def held_on(self) -> str:
        return str(self.data.get("held_on") or "")

    @property
    def anonymous(self) -> bool:
        return bool(self.data.get("anonymous"))

    @property
    def status(self) -> str:
        return str(self.data.get("status") or "")

    @property
    def phone_enabled(self) -> bool:
        return bool(self.data.get("phone_enabled"))

    @property
    def accepting(self) -> bool:
        """Whether phones may score it now: open for electronic scoring."""
        return self.status == "open" and self.phone_enabled and not self.deleted

    @property
    def usable(self) -> bool:
        """Whether there is anything to score: a unit and a dimension at least."""
        return bool(self.units) and bool(self.dimensions)

    @property
    def top(self) -> str:
        """The points scale's top as people write it (20, not 20.0)."""
        return f"{self.scale.max:g}"

    @cached_property
    def rules_data(self) -> Mapping[str, Any]:
        """The round's data for ``scoring.sheet_problems``, its invitations as a set: checked
        for every sheet of every submission, a county's list would be searched through."""
        return {**self.data, "invited": self.invited}

    @cached_property
    def fingerprint(self) -> str:
        """Changes when what the form asks changes, so a form filled before the centre edited
        the round is not read against other units, dimensions or levels."""
        text = json.dumps([self.units, [d.key for d in self.dimensions], self.scale.kind,
                           self.scale.max, self.scale.levels], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def _strings(raw: Any) -> list[str]:
    """The non-empty strings of a JSON list, first occurrences in order (a county invites
    thousands: a dict keeps this linear)."""
    items = raw if isinstance(raw, list) else ()
    return list(dict.fromkeys(x for x in items if isinstance(x, str) and x))


def parse_round(round_id: str, data: Mapping[str, Any], *, deleted: bool = False,
                version: int = 0) -> Round:
    return Round(
        id=round_id, data=data, units=tuple(_strings(data.get("units"))),
        invited=frozenset(_strings(data.get("invited"))),
        dimensions=tuple(scoring.dimensions(data)), scale=scoring.scale(data),
        deleted=deleted or bool(data.get("deleted")), version=version)


#: Rounds as read, by id and version: a round inviting a county's 2,000 enterprises takes
#: about a millisecond to read, and every page and submission reads it.
_ROUNDS: dict[tuple[str, int], Round] = {}


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of ``sql``, written with ``{m}`` for each parameter mark. The page and each
    submission make a dozen small reads; built by peewee each would cost more than it takes
    the database to answer."""
    db = server_db.obj
    return db.execute_sql(sql.format(m=db.param), tuple(params)).fetchall()


def _marks(n: int) -> str:
    return ", ".join(["{m}"] * n)


def load_round(round_id: str) -> Round | None:
    """The round, or None when the server has no such round."""
    rows = _rows('SELECT "version", "data", "deleted" FROM "record" WHERE "table" = {m} '
                 'AND "record_id" = {m}', (ROUND_TABLE, round_id))
    if not rows:
        return None
    version, data, deleted = rows[0]
    key = (round_id, int(version))
    found = _ROUNDS.get(key)
    if found is None:
        found = parse_round(round_id, json.loads(data), deleted=bool(deleted), version=key[1])
        if len(_ROUNDS) >= 64:  # a few rounds are open at a time; old versions go
            _ROUNDS.clear()
        _ROUNDS[key] = found
    return found


def find_round(name_or_id: str) -> Round | None:
    """A round by its id, or by its exact name when exactly one live round has it."""
    found = load_round(name_or_id)
    if found is not None:
        return found
    matches = []
    rows = (Record.select(Record.record_id, Record.data, Record.deleted)
            .where((Record.table == ROUND_TABLE) & (Record.deleted == False)))  # noqa: E712
    for rec in rows:
        if json.loads(rec.data).get("name") == name_or_id:
            matches.append(rec)
    if len(matches) != 1:
        return None
    return parse_round(matches[0].record_id, json.loads(matches[0].data))


def _names(table: str, ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    wanted = list(ids)
    # In chunks: a county's invitations are more ids than one statement may carry.
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows = _rows('SELECT "record_id", "data" FROM "record" WHERE "table" = {m} AND '
                     f'"record_id" IN ({_marks(len(chunk))})', (table, *chunk))
        out.update((rid, str(json.loads(data).get("name") or "")) for rid, data in rows)
    return out


def enterprise_names(ids: Sequence[str]) -> dict[str, str]:
    return _names("enterprise", ids)


@dataclass(frozen=True)
class _Directory:
    """What the page takes from the department directory, and the versions it was read at."""

    versions: tuple[tuple[str, int], ...]
    #: Every department's name (deleted ones too: a round may still name them).
    names: dict[str, str]
    #: The centre's own entry's name (the first live one of kind ``centre``), or "".
    centre: str


#: The directory as last read. Every page and submission reads the directory's ids and
#: versions (each change raises a record's version) and parses its records again only when
#: they differ; in another server process it is kept and checked the same way.
_directory: _Directory | None = None


def _read_directory() -> _Directory:
    global _directory
    # The directory is a few dozen records: one read finds the departments and the centre.
    rows = _rows('SELECT "record_id", "version", "deleted", "data" FROM "record" '
                 'WHERE "table" = {m} ORDER BY "id"', ("department",))
    versions = tuple((rid, int(version)) for rid, version, _deleted, _data in rows)
    kept = _directory
    if kept is not None and kept.versions == versions:
        return kept
    names: dict[str, str] = {}
    centre = ""
    for rid, _version, deleted, data in rows:
        dept = json.loads(data)
        names[rid] = str(dept.get("name") or "")
        if not centre and not deleted and dept.get("kind") == "centre" and dept.get("name"):
            centre = str(dept["name"])
    _directory = _Directory(versions, names, centre)
    return _directory


def unit_names(units: Sequence[str], *, centre_name: str) -> dict[str, str]:
    """Each unit's name: the centre's from its directory entry (kind ``centre``), a
    department's from its record. A unit the server has no record of is left out."""
    directory = _read_directory()
    names = {u: directory.names.get(u, "") for u in units if u != CENTRE_UNIT}
    if CENTRE_UNIT in units:
        names[CENTRE_UNIT] = directory.centre or centre_name
    return {u: names[u] for u in units if names.get(u)}


def received_units(round_id: str, enterprise_id: str, units: Sequence[str]) -> set[str]:
    """Units whose sheet from this enterprise the server already holds (paper or phone)."""
    ids = {sheet_id(round_id=round_id, enterprise_id=enterprise_id, unit=u): u for u in units}
    if not ids:
        return set()
    rows = _rows('SELECT "record_id" FROM "record" WHERE "table" = {m} AND "deleted" = {m} '
                 f'AND "record_id" IN ({_marks(len(ids))})', (SHEET_TABLE, False, *ids))
    return {ids[rid] for (rid,) in rows}


# -- issuing links ---------------------------------------------------------------------------
class LinkError(ValueError):
    """Links cannot be issued; ``code`` says why (for the API and the command line)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class LinkState:
    enterprise_id: str
    enterprise_name: str
    #: "issued" (a link waits), "submitted" (its link was used), "none" (never issued).
    status: str
    #: The new link's token, only right after it was issued (kept nowhere else).
    token: str = ""
    issued_at: dt.datetime | None = None
    used_at: dt.datetime | None = None


@dataclass(frozen=True)
class RoundLinks:
    round: Round
    links: list[LinkState] = field(default_factory=list)


def _usable_round(round_id: str) -> Round:
    found = load_round(round_id)
    if found is None or found.deleted:
        raise LinkError("round_not_found")
    if not found.usable:
        raise LinkError("round_unusable")
    return found


def _current_links(round_id: str) -> dict[str, EvaluationLink]:
    """Each enterprise's newest link of the round."""
    out: dict[str, EvaluationLink] = {}
    rows = (EvaluationLink.select().where(EvaluationLink.round_id == round_id)
            .order_by(EvaluationLink.id))
    for link in rows:
        out[link.enterprise_id] = link
    return out


def _state(enterprise_id: str, name: str, link: EvaluationLink | None) -> LinkState:
    if link is None:
        return LinkState(enterprise_id, name, "none")
    status = "submitted" if link.used_at is not None else "issued"
    return LinkState(enterprise_id, name, status, issued_at=link.issued_at,
                     used_at=link.used_at)


def link_states(*, round_id: str) -> RoundLinks:
    """Where each invited enterprise stands (no tokens: the server does not have them)."""
    found = _usable_round(round_id)
    invited = sorted(found.invited)
    names = enterprise_names(invited)
    current = _current_links(round_id)
    links = [_state(e, names.get(e, ""), current.get(e)) for e in invited]
    return RoundLinks(found, sorted(links, key=lambda s: (s.enterprise_name, s.enterprise_id)))


def issue_links(*, round_id: str, enterprise_ids: Sequence[str] | None = None, by: str,
                address: str = "") -> RoundLinks:
    """A new link for each invited enterprise (or those of ``enterprise_ids``) that has not
    submitted yet; its earlier link stops working. Enterprises that have submitted keep
    their used link and get none. The tokens are in the answer and nowhere else.
    """
    found = _usable_round(round_id)
    if found.status == "closed":
        raise LinkError("round_closed")
    wanted = sorted(found.invited if enterprise_ids is None else set(enterprise_ids))
    strangers = [e for e in wanted if e not in found.invited]
    if strangers:
        raise LinkError("not_invited", ", ".join(strangers[:5]))
    names = enterprise_names(wanted)
    links: list[LinkState] = []
    # Under the write lock: two centre laptops issuing at once must not leave two working
    # links for one enterprise, and a submission on a link being replaced goes first or
    # finds it replaced.
    with write_transaction():
        now = utcnow()
        current = _current_links(round_id)
        fresh = []
        for ent in wanted:
            link = current.get(ent)
            if link is not None and link.used_at is not None:
                links.append(_state(ent, names.get(ent, ""), link))
                continue
            token = new_token()
            fresh.append({"round_id": round_id, "enterprise_id": ent,
                          "token_hash": hash_token(token), "issued_at": now,
                          "issued_by": by[:64]})
            links.append(LinkState(ent, names.get(ent, ""), "issued", token=token,
                                   issued_at=now))
        renewed = [row["enterprise_id"] for row in fresh]
        for start in range(0, len(renewed), 500):
            (EvaluationLink.update(revoked_at=now)
             .where((EvaluationLink.round_id == round_id)
                    & EvaluationLink.enterprise_id.in_(renewed[start:start + 500])
                    & EvaluationLink.revoked_at.is_null() & EvaluationLink.used_at.is_null())
             .execute())
        for start in range(0, len(fresh), 100):
            EvaluationLink.insert_many(fresh[start:start + 100]).execute()
        audit.record("evaluation_links_issued", actor=by, target=round_id[:100],
                     address=address, detail=f"{len(fresh)} issued, "
                     f"{len(links) - len(fresh)} already submitted")
    return RoundLinks(found, sorted(links, key=lambda s: (s.enterprise_name, s.enterprise_id)))


# -- opening a link ----------------------------------------------------------------------------
class LinkRow(NamedTuple):
    """A link as the page reads it: what the checks need, read without the model's
    conversions (the times are only ever tested for being set)."""

    id: int
    round_id: str
    enterprise_id: str
    token_hash: str
    revoked_at: Any
    used_at: Any


@dataclass(frozen=True)
class Opened:
    """What a token leads to. ``refusal`` is None when the form may be shown and sent."""

    refusal: str | None
    link: LinkRow | None = None
    round: Round | None = None
    #: The token matched no link: the miss is still to be counted (``count_miss``).
    missed: bool = False


#: Refusals: an unknown or replaced link (or one of an enterprise no longer invited), too many
#: misses from the address, a link already used, a round not open to phones yet, a round
#: closed or deleted.
#: ``CHANGED``: the centre changed what the round asks while the form was being filled.
INVALID, LIMITED, USED, NOT_OPEN, CLOSED, UNUSABLE, CHANGED = (
    "invalid", "rate_limited", "used", "not_open", "closed", "unusable", "changed")


def _limited(address: str) -> bool:
    since = utcnow() - MISS_WINDOW
    (misses,), = _rows('SELECT COUNT(*) FROM "evaluation_link_miss" WHERE "address" = {m} '
                       'AND "at" > {m}', (address, since))
    return int(misses) >= MAX_MISSES_PER_ADDRESS


def _miss(address: str) -> None:
    now = utcnow()
    with server_db.atomic():
        EvaluationLinkMiss.create(address=address[:64], at=now)
        # Misses older than the window count for nothing: do not keep them.
        EvaluationLinkMiss.delete().where(EvaluationLinkMiss.at < now - MISS_WINDOW).execute()


def _find(token: str) -> LinkRow | None:
    if not _TOKEN_RE.match(token):
        return None
    wanted = hash_token(token)
    link = _link('"token_hash" = {m}', wanted)
    # The index compares hashes, which tell a guesser nothing; the final word is a
    # constant-time comparison all the same.
    if link is None or not hmac.compare_digest(link.token_hash, wanted):
        return None
    return link


def _refusal_for(link: LinkRow, found: Round | None) -> str | None:
    """Why this link's form may not be shown or sent now, or None."""
    if link.revoked_at is not None:
        return INVALID
    if link.used_at is not None:
        return USED
    if found is None or found.deleted or found.status == "closed":
        return CLOSED
    if link.enterprise_id not in found.invited:
        return INVALID  # taken off the invitation list
    if not found.accepting:
        return NOT_OPEN
    if not found.usable:
        log.warning("evaluation round %s has no unit or dimension to score", found.id)
        return UNUSABLE
    return None


def _link(where: str, value: Any) -> LinkRow | None:
    """The one link matching ``where`` (SQL with one ``{m}``), read without peewee building
    the query or a model object."""
    rows = _rows('SELECT "id", "round_id", "enterprise_id", "token_hash", "revoked_at", '
                 f'"used_at" FROM "evaluation_link" WHERE {where}', (value,))
    return LinkRow(*rows[0]) if rows else None


def link_used(link_id: int) -> bool:
    return bool(_rows('SELECT 1 FROM "evaluation_link" WHERE "id" = {m} AND "used_at" IS NOT '
                      'NULL', (link_id,)))


def look_up(token: str, *, address: str) -> Opened:
    """Look a token up for the page, reading only: nothing here waits for the write lock,
    so the event loop may call it. An unknown token comes back ``missed``."""
    if _limited(address):
        return Opened(LIMITED)
    link = _find(token)
    if link is None:
        return Opened(INVALID, missed=True)
    found = load_round(link.round_id) if link.revoked_at is None else None
    refusal = _refusal_for(link, found)
    return Opened(refusal, link, found if refusal is None else None)


def count_miss(address: str) -> None:
    """Count a request for a token that does not exist (a write: a worker thread)."""
    _miss(address)


def open_link(token: str, *, address: str) -> Opened:
    """Look a token up and count a miss (any thread, inside ``connection()``)."""
    opened = look_up(token, address=address)
    if opened.missed:
        count_miss(address)
    return opened


# -- reading and storing a submission ----------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """A field of the form that must be changed: ``code`` names the sentence to show."""

    anchor: str
    code: str
    unit: str = ""
    dimension: str = ""


@dataclass
class Answers:
    """A submission read from the form: per unit, scores (None: 不了解/不适用) and comments."""

    scores: dict[str, dict[str, float | int | None]] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def score_field(unit_index: int, dim_index: int) -> str:
    return f"s{unit_index}_{dim_index}"


def na_field(unit_index: int, dim_index: int) -> str:
    return f"n{unit_index}_{dim_index}"


def comment_field(unit_index: int) -> str:
    return f"c{unit_index}"


def answered(form: Mapping[str, str], unit_index: int, found: Round) -> bool:
    """Whether the form carries any answer for the unit at ``unit_index``."""
    if form.get(comment_field(unit_index), "").strip():
        return True
    return any(form.get(score_field(unit_index, di), "").strip()
               or form.get(na_field(unit_index, di)) for di in range(len(found.dimensions)))


def clean_comment(text: str) -> str:
    """Comments as stored: NFC, line ends as ``\\n``, no control characters, trimmed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text).strip()


def _points(raw: str, top: float) -> int | float | None:
    # Full-width digits from a Chinese input method count as the digits they are.
    text = unicodedata.normalize("NFKC", raw).strip()
    if not re.fullmatch(r"[0-9]{1,6}(\.[0-9]{1,2})?", text):
        return None
    value = float(text)
    if not 0 <= value <= top:
        return None
    return int(value) if value == int(value) else value


def read_answers(found: Round, units: Sequence[str], form: Mapping[str, str]) -> Answers:
    """Check every score against the round's scale and every comment; ``units`` are the
    units the form showed (fields are numbered by their place in the round's own lists)."""
    answers = Answers()
    positions = {u: i for i, u in enumerate(found.units)}
    levels = found.scale.levels
    for unit in units:
        ui = positions[unit]
        scores: dict[str, float | int | None] = {}
        for di, dim in enumerate(found.dimensions):
            anchor = f"f{ui}_{di}"
            raw = form.get(score_field(ui, di), "")
            value: int | float | None = None
            code = ""
            if found.scale.kind == "points":
                if form.get(na_field(ui, di)):
                    code = "na"
                elif not raw.strip():
                    code = "missing"
                else:
                    value = _points(raw, found.scale.max)
                    code = "out_of_range" if value is None else ""
            elif raw == "na":
                code = "na"
            elif not raw:
                code = "missing"
            elif raw.isdigit() and int(raw) < len(levels):
                points = levels[int(raw)][1]
                value = int(points) if points == int(points) else points
            else:
                code = "not_a_level"
            if code == "na":
                scores[dim.key] = None
            elif code:
                answers.problems.append(Problem(anchor, code, unit, dim.key))
            else:
                scores[dim.key] = value
        answers.scores[unit] = scores
        comment = clean_comment(form.get(comment_field(ui), ""))
        if len(comment) > MAX_COMMENT:
            answers.problems.append(Problem(comment_field(ui), "comment_too_long", unit))
        elif not clean_text(comment):
            answers.problems.append(Problem(comment_field(ui), "comment_bad_text", unit))
        answers.comments[unit] = comment
    return answers


def sheet_data(found: Round, *, enterprise_id: str, unit: str,
               scores: Mapping[str, float | int | None], comments: str) -> dict[str, Any]:
    """A phone submission's score sheet as the wire carries it. Collected now, on the
    county's clock like the sheets typed on laptops (``county_time``)."""
    return {
        "round_id": found.id, "enterprise_id": enterprise_id, "unit": unit,
        "scores": dict(scores), "comments": comments, "method": "phone", "collected_by": "",
        "collected_at": county_now().isoformat(), "request_id": "",
        "created_by": "", "deleted": False,
    }


@dataclass(frozen=True)
class Stored:
    """What happened to a submission: ``refusal`` as for ``Opened``, or None when stored;
    ``taken`` lists units whose sheet arrived (on paper) while the form was being filled."""

    refusal: str | None
    sheets: tuple[str, ...] = ()
    taken: tuple[str, ...] = ()


@dataclass(frozen=True)
class Submission:
    """A submission read and checked, to be written."""

    link_id: int
    round: Round
    answers: Answers
    #: Its score sheets (id, data) built and checked against ``round`` by ``prepare_sheets``
    #: before the turn to write; built when written if empty or if the round has another
    #: version by then.
    sheets: tuple[tuple[str, dict[str, Any]], ...] = ()


def prepare_sheets(found: Round, *, enterprise_id: str, answers: Answers
                   ) -> tuple[tuple[str, dict[str, Any]], ...]:
    """A submission's score sheets as they will be written, checked against the declared
    schema and the laptops' own rules for ``found``, as a push would be (no database, any
    thread). The form has caught everything a person can get wrong, so a problem here is
    the page and the models out of step, which no retry on the phone can fix: it raises."""
    schema = SCHEMA[SHEET_TABLE]
    rows = []
    for unit, scores in answers.scores.items():
        data = sheet_data(found, enterprise_id=enterprise_id, unit=unit, scores=scores,
                          comments=answers.comments.get(unit, ""))
        problems = [*schema.check(data, creating=True),
                    *scoring.sheet_problems(sheet=data, round_data=found.rules_data,
                                            round_id=found.id, dims=found.dimensions,
                                            sc=found.scale)]
        if problems:
            raise ValueError(f"phone score sheet refused: {problems}")
        rows.append((sheet_id(round_id=found.id, enterprise_id=enterprise_id, unit=unit),
                     data))
    return tuple(rows)


def store_answers(*, link_id: int, found: Round, answers: Answers) -> Stored:
    """Write one submission (see ``store_many``)."""
    outcome = store_many([Submission(link_id, found, answers)])[0]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def store_many(submissions: Sequence[Submission]) -> list[Stored | Exception]:
    """Write submissions together: one transaction and one commit for all of them (at a
    meeting they arrive in bursts, and each commit waits for the disk), each in a savepoint
    of its own, so one that fails leaves nothing behind and the others stand (the server
    commits them with whatever else arrives meanwhile: ``group_commit``).

    A failure of the transaction itself (the database gone) raises: then none of them was
    stored.
    """
    return write_together([functools.partial(store_submission, item) for item in submissions])


def store_submission(item: Submission) -> Stored:
    """Write one submission, inside a write transaction. The change-sequence lock is held,
    so two submissions of one link are applied one after the other and the second finds the
    link used."""
    counter = SeqCounter()
    stored = _store_one(item, counter)
    counter.flush()
    return stored


def _store_one(item: Submission, counter: SeqCounter) -> Stored:
    found, answers = item.round, item.answers
    link = _link('"id" = {m}', item.link_id)
    if link is None:
        raise LookupError(f"no evaluation link {item.link_id}")
    latest = load_round(found.id)
    refusal = _refusal_for(link, latest)
    if refusal is not None:
        return Stored(refusal)
    assert latest is not None
    if latest.fingerprint != found.fingerprint:
        return Stored(CHANGED)
    taken = received_units(found.id, link.enterprise_id, list(answers.scores))
    if taken:
        return Stored(None, taken=tuple(u for u in answers.scores if u in taken))
    # Built and checked before the turn to write, against this very version of the round;
    # any other version (its fingerprint the same) and they are checked again against it.
    rows = list(item.sheets)
    if not rows or latest.version != found.version or not found.version:
        rows = list(prepare_sheets(latest, enterprise_id=link.enterprise_id,
                                   answers=answers))
    server_write_many(table=SHEET_TABLE, rows=rows, counter=counter)
    mark = server_db.obj.param
    used = server_db.obj.execute_sql(
        f'UPDATE "evaluation_link" SET "used_at" = {mark} WHERE "id" = {mark} AND "used_at" '
        'IS NULL', (utcnow(), link.id)).rowcount
    if used != 1:
        raise RuntimeError("a link was used by another writer under the write lock")
    return Stored(None, sheets=tuple(r for r, _ in rows))
