"""Entity resolution: is this organisation from a source one the graph already holds?

Shared by the OpenAlex and patent connectors and by ``gxgraph sources import-csv``. An incoming
organisation (its name, other names, country and external ids) is matched against the graph's
institutions and companies in this order:

1. **Strong ids.** Any shared external id (``openalex:``, ``ror:``, ``patentsview:``,
   ``jp-corporate-number:``) is a match, whatever the names say (``Outcome.STRONG``).
2. **Normalised names.** :func:`normalise_name` (NFKC, case, punctuation, legal-form words such as
   Inc., Corp., Ltd., K.K., Kabushiki Kaisha, 株式会社, and a trailing country in parentheses as ROR
   writes "Hitachi (Japan)") equal to a normalised English or Japanese name of a node: a match
   (``Outcome.NAME``), unless both sides name different countries.
3. **Similar names** (:func:`similarity` at least ``REVIEW_THRESHOLD``): never merged silently. The
   pair goes to the review list; a secretariat decision (accept or reject) is remembered under the
   pair's :func:`review_id` and applies on every later run (``ACCEPTED`` merges, a rejection makes the
   organisation new). While undecided the organisation is held back (``Outcome.REVIEW``).
4. Otherwise the organisation is new (``Outcome.NEW``).

Ties are broken by the smallest node id, and callers feed records in a fixed order, so the same
inputs always give the same merges.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from gxgraph.sources.names import ABBREVIATIONS as _ABBREVIATIONS
from gxgraph.sources.names import COUNTRY_TAGS as _COUNTRY_TAGS
from gxgraph.sources.names import GENERIC_WORDS as _GENERIC
from gxgraph.sources.names import LEGAL_FORMS_JA as _LEGAL_JA
from gxgraph.sources.names import LEGAL_WORDS as _LEGAL_WORDS

__all__ = [
    "REVIEW_THRESHOLD",
    "Incoming",
    "Org",
    "Outcome",
    "Resolution",
    "Resolver",
    "external_id",
    "normalise_name",
    "review_id",
    "similarity",
]

REVIEW_THRESHOLD = 0.85
"""Similarity from which a name pair that is not equal after normalisation goes to the review list."""

_TRAILING_PAREN = re.compile(r"\(([^()]*)\)\s*$")
_NOT_WORD = re.compile(r"[^\w]+")
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


class Outcome(StrEnum):
    """How an incoming organisation was resolved."""

    STRONG = "strong_id"
    NAME = "normalised_name"
    ACCEPTED = "accepted_review"
    REVIEW = "held_for_review"
    NEW = "new"


def _strip_legal(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for form in _LEGAL_JA:
            if text.startswith(form) or text.endswith(form):
                text = text.removeprefix(form).removesuffix(form).strip()
                changed = True
        for word in _LEGAL_WORDS:
            if text.endswith(" " + word) or text.startswith(word + " "):
                text = text.removesuffix(" " + word).removeprefix(word + " ").strip()
                changed = True
    return text


def normalise_name(name: str) -> str:
    """The comparable form of an organisation name: NFKC, case-folded, without punctuation, legal-form
    words or a trailing country in parentheses.

    Cost: O(len(name)).

    Examples
    --------
    >>> normalise_name("HITACHI, LTD.")
    'hitachi'
    >>> normalise_name("Hitachi (Japan)")
    'hitachi'
    >>> normalise_name("KABUSHIKI KAISHA TOSHIBA")
    'toshiba'
    >>> normalise_name("株式会社 日立製作所"), normalise_name("㈱日立製作所")
    ('日立製作所', '日立製作所')
    >>> normalise_name("パナソニック ホールディングス株式会社")
    'パナソニックホールディングス'
    >>> normalise_name("Ｔｏｙｏｔａ Motor Corp.")
    'toyota motor'
    >>> normalise_name("Univ. of Tokyo & Co-op")
    'university of tokyo and co op'
    """
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    tag = _TRAILING_PAREN.search(text)
    if tag and tag.group(1).strip() in _COUNTRY_TAGS:
        text = text[: tag.start()]
    text = text.replace("&", " and ")
    for form in _LEGAL_JA:  # before punctuation goes: "(株)" is a legal form, not noise
        text = text.replace(form, " " + form + " ")
    words = [part for part in _NOT_WORD.split(text) if part]
    text = " ".join(_ABBREVIATIONS.get(word, word) for word in words)
    for form in ("株", "有"):  # "(株)" lost its brackets with the punctuation
        text = text.replace(f" {form} ", " ").removeprefix(f"{form} ").removesuffix(f" {form}")
    text = " ".join(_strip_legal(text).split())
    return _CJK_SPACE.sub("", text)  # "パナソニック ホールディングス" = "パナソニックホールディングス"


@lru_cache(maxsize=65_536)
def _generic(word: str) -> bool:
    # A misspelt generic word ("universty") is still generic, so a typo does not make it distinctive.
    if word in _GENERIC:
        return True
    return len(word) >= 6 and any(
        g[:2] == word[:2]
        and abs(len(g) - len(word)) <= 2
        and difflib.SequenceMatcher(None, word, g).ratio() >= 0.85
        for g in _GENERIC
        if len(g) >= 6
    )


def _distinctive(normalised: str) -> str:
    return " ".join(word for word in normalised.split() if not _generic(word))


def similarity(a: str, b: str) -> float:
    """Similarity of two normalised names in [0, 1]: the lower of the whole-name and the
    distinctive-word ratios (``difflib.SequenceMatcher``), so "university of tokyo" and "university of
    kyoto" differ where it matters. Cost: O(len(a) * len(b)).

    Examples
    --------
    >>> round(similarity("university of tokyo", "university of kyoto"), 2)
    0.6
    >>> round(similarity("mitsubishi electric", "mitsubishi electrics"), 2)
    0.97
    >>> round(similarity("tsinghua universty", "tsinghua university"), 2)
    0.97
    """
    whole = difflib.SequenceMatcher(None, a, b).ratio()
    da, db = _distinctive(a), _distinctive(b)
    if not da or not db:
        return whole
    return min(whole, difflib.SequenceMatcher(None, da, db).ratio())


def external_id(scheme: str, value: str) -> str:
    """The ``scheme:value`` form of an identifier, with the register's URL prefix removed.

    >>> external_id("openalex", "https://openalex.org/I136199984")
    'openalex:I136199984'
    >>> external_id("ror", "https://ror.org/03vek6s52")
    'ror:03vek6s52'
    >>> external_id("orcid", "https://orcid.org/0000-0002-1825-0097")
    'orcid:0000-0002-1825-0097'
    """
    value = value.strip()
    for prefix in ("https://openalex.org/", "https://ror.org/", "https://orcid.org/", "http://"):
        value = value.removeprefix(prefix)
    return f"{scheme}:{value}"


def review_id(incoming_key: str, candidate_id: str) -> str:
    """The stable id of a review pair (what the review list and decisions are keyed by).

    >>> review_id("openalex:I1", "co-jp-aoba")
    'rv-c65174ef50a50e89'
    """
    digest = hashlib.sha256(f"{incoming_key}|{candidate_id}".encode()).hexdigest()
    return f"rv-{digest[:16]}"


@dataclass(frozen=True)
class Org:
    """An organisation node as resolution sees it."""

    id: str
    kind: str
    names: tuple[str, ...]
    country: str | None = None
    external_ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, props: Mapping[str, object]) -> Org:
        """From a node's stored (or planned) properties."""
        names = tuple(str(props[key]) for key in ("name_en", "name_ja") if props.get(key))
        ids = props.get("external_ids") or []
        country = props.get("country")
        return cls(
            id=str(props["id"]),
            kind=str(props["kind"]),
            names=names,
            country=str(country) if country else None,
            external_ids=frozenset(str(x) for x in ids) if isinstance(ids, list) else frozenset(),
        )


@dataclass(frozen=True)
class Incoming:
    """An organisation arriving from a source; ``key`` is its own id there (``openalex:I...``)."""

    key: str
    name: str
    other_names: tuple[str, ...] = ()
    country: str | None = None
    external_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Resolution:
    """The answer for one incoming organisation; ``node_id`` is None when it is new or held back."""

    outcome: Outcome
    node_id: str | None = None
    candidate: Org | None = None
    score: float = 0.0
    review_id: str | None = None


@dataclass
class Resolver:
    """Matches incoming organisations against known ones; ``decisions`` maps review ids to
    ``accepted`` / ``rejected`` (from the store's review list)."""

    orgs: dict[str, Org] = field(default_factory=dict)
    decisions: Mapping[str, str] = field(default_factory=dict)
    threshold: float = REVIEW_THRESHOLD
    _by_id: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _by_token: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, nodes: Iterable[Mapping[str, object]], decisions: Mapping[str, str]) -> Resolver:
        """A resolver over the institution and company nodes among ``nodes``."""
        resolver = cls(decisions=dict(decisions))
        for props in nodes:
            if props.get("kind") in ("institution", "company"):
                resolver.add(Org.of(props))
        return resolver

    def add(self, org: Org) -> None:
        """Know ``org`` (a node already stored, or one this run creates), replacing an older view."""
        self.orgs[org.id] = org
        for ext in org.external_ids:
            self._by_id[ext].add(org.id)
        for name in org.names:
            normal = normalise_name(name)
            self._by_name[normal].add(org.id)
            for token in _tokens(normal):
                self._by_token[token].add(org.id)

    def _compatible(self, incoming: Incoming, org: Org) -> bool:
        return not (incoming.country and org.country and incoming.country != org.country)

    def resolve(self, incoming: Incoming) -> Resolution:
        """Resolve ``incoming`` as the module docstring says. Cost: O(candidates sharing a word)."""
        strong = sorted({oid for ext in incoming.external_ids for oid in self._by_id.get(ext, ())})
        if strong:
            return Resolution(Outcome.STRONG, strong[0], self.orgs[strong[0]], 1.0)
        names = [normalise_name(n) for n in (incoming.name, *incoming.other_names) if n.strip()]
        named = sorted(
            oid
            for name in names
            for oid in self._by_name.get(name, ())
            if self._compatible(incoming, self.orgs[oid])
        )
        if named:
            return Resolution(Outcome.NAME, named[0], self.orgs[named[0]], 1.0)
        best = self._most_similar(incoming, names)
        if best is None:
            return Resolution(Outcome.NEW)
        score, org = best
        rid = review_id(incoming.key, org.id)
        decision = self.decisions.get(rid)
        if decision == "accepted":
            return Resolution(Outcome.ACCEPTED, org.id, org, score, rid)
        if decision == "rejected":
            return Resolution(Outcome.NEW, None, org, score, rid)
        return Resolution(Outcome.REVIEW, None, org, score, rid)

    def _most_similar(self, incoming: Incoming, names: list[str]) -> tuple[float, Org] | None:
        candidates = {oid for name in names for token in _tokens(name) for oid in self._rare(token)}
        best: tuple[float, Org] | None = None
        for oid in sorted(candidates):
            org = self.orgs[oid]
            if not self._compatible(incoming, org):
                continue
            score = max(
                (similarity(a, normalise_name(b)) for a in names for b in org.names),
                default=0.0,
            )
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, org)
        return best

    def _rare(self, token: str) -> set[str]:
        # A word shared by thousands of names ("tokyo") finds no useful candidates; skip it.
        found = self._by_token.get(token, set())
        return found if len(found) <= 500 else set()


def _tokens(normalised: str) -> set[str]:
    words = set(_distinctive(normalised).split()) or set(normalised.split())
    tokens: set[str] = set()
    for word in words:
        if word.isascii():  # the word, and its first letters so a typo later in it still meets it
            tokens.update((word, f"{word[:4]}…"))
        else:  # no spaces between Japanese words: index character pairs
            tokens.update(word[i : i + 2] for i in range(max(1, len(word) - 1)))
    return tokens
