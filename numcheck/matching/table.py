"""The editable table behind matching (``numcheck/subjects.txt``): synonyms, participles,
running totals, generic nouns, events, hedges and places."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Table:
    """The contents of ``subjects.txt`` (see that file for what each section means)."""

    synonyms: Mapping[str, str]
    participles: Mapping[str, str]
    people: frozenset[str]
    cumulative: frozenset[str]
    ignore: frozenset[str]
    generic: frozenset[str]
    events: frozenset[str]
    hedges: frozenset[str]
    entity_stop: frozenset[str]
    places: Mapping[str, str]

    @cached_property
    def longest_place(self) -> int:
        """Words in the longest place name (read once: it bounds every place lookup)."""
        return max((len(alias.split()) for alias in self.places), default=1)


_SECTIONS = ("synonyms", "participles", "people", "cumulative", "ignore", "generic", "events",
             "hedges", "entity-stop", "places")


class TableError(ValueError):
    """A malformed line in a subjects table (``file:line: problem``)."""


def parse_table(text: str, source: str = "subjects.txt") -> Table:
    """Read a subjects table; raises :class:`TableError` naming the line of a bad entry."""
    sections: dict[str, list[tuple[int, str]]] = {name: [] for name in _SECTIONS}
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            if current not in sections:
                raise TableError(f"{source}:{number}: unknown section [{current}]")
            continue
        if current is None:
            raise TableError(f"{source}:{number}: entry before any [section]")
        sections[current].append((number, line.lower()))

    def pairs(name: str, sep: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for number, line in sections[name]:
            if sep not in line:
                raise TableError(f"{source}:{number}: expected 'word {sep} canonical' in "
                                 f"[{name}], got {line!r}")
            left, right = (part.strip() for part in line.split(sep, 1))
            out[_collapse(left)] = _collapse(right)
        return out

    places: dict[str, str] = {}
    for _number, line in sections["places"]:
        canonical, _, aliases = line.partition(":")
        canonical = _collapse(canonical)
        places[canonical] = canonical
        for alias in aliases.split(","):
            if alias.strip():
                places[_collapse(alias)] = canonical

    def words(name: str) -> frozenset[str]:
        return frozenset(_collapse(line) for _, line in sections[name])

    return Table(
        synonyms=pairs("synonyms", "="),
        participles=pairs("participles", "="),
        people=words("people"),
        cumulative=words("cumulative"),
        ignore=words("ignore"),
        generic=words("generic"),
        events=words("events"),
        hedges=words("hedges"),
        entity_stop=words("entity-stop"),
        places=places,
    )


def _collapse(text: str) -> str:
    return " ".join(text.split())


@cache
def default_table() -> Table:
    text = resources.files("numcheck").joinpath("subjects.txt").read_text("utf-8")
    return parse_table(text)


def load_table(path: str | Path | None = None) -> Table:
    """The shipped table, or the one at ``path`` (a user's edited copy)."""
    if path is None:
        return default_table()
    return parse_table(Path(path).read_text("utf-8"), str(path))
