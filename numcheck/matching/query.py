"""Subjects typed by a person ("US troops in Syria"), for ``numcheck timeline``."""

from __future__ import annotations

from dataclasses import dataclass

from numcheck.matching.reading import NP_STOP
from numcheck.matching.subject import ATTRIBUTES, title
from numcheck.matching.table import Table, default_table
from numcheck.matching.words import POSSESSIVE, WORD, entities_in, inside_name, normalise_phrase


@dataclass(frozen=True)
class Query:
    """What a person asks for ("US troops in Syria"), read like a claim's subject."""

    head: str
    modifiers: tuple[str, ...]
    places: tuple[str, ...]
    entities: tuple[str, ...]

    def label(self) -> str:
        context = [title(p) for p in self.places] + [title(e) for e in self.entities]
        noun = " ".join((*self.modifiers, self.head))
        return f"{noun} ({', '.join(context)})" if context else noun


def parse_query(text: str, table: Table | None = None) -> Query | None:
    """Read a subject as typed by a person: "US troops in Syria", "deaths in Nepal",
    "people killed in the Nepal earthquake", "area of Lake Chad". Places are recognised in
    any case; capitalised words that are not places are named entities."""
    table = table or default_table()
    words = WORD.findall(text)
    lowered = [POSSESSIVE.sub("", w.lower()) for w in words]
    places: set[str] = set()
    used: set[int] = set()
    i = 0
    while i < len(lowered):
        for n in range(min(table.longest_place, len(lowered) - i), 0, -1):
            phrase = " ".join(lowered[i : i + n])
            if phrase in table.places and not inside_name(words, i, i + n, table):
                places.add(table.places[phrase])
                used.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    entities = entities_in(" ".join(w if k not in used else "," for k, w in enumerate(words)),
                         table)
    common = [w for k, w in enumerate(words) if k not in used and not w[:1].isupper()
              and w.lower() not in NP_STOP and w.lower() not in table.events]
    if not common:
        return None
    noun = normalise_phrase(common, table)
    head, modifiers = noun[-1], noun[:-1]
    if len(noun) >= 2 and noun[-1] in table.participles:
        head, modifiers = table.participles[noun[-1]], noun[:-2]  # "people killed"
    if head in table.participles:
        head = table.participles[head]
    if head in ATTRIBUTES.values() and modifiers:
        modifiers = modifiers[:-1] if modifiers[-1] == "of" else modifiers
    modifiers = [m for m in modifiers if m not in table.people and m != "of"]
    return Query(head, tuple(sorted(set(modifiers))), tuple(sorted(places)),
                 tuple(sorted(entities)))
