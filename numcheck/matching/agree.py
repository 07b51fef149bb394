"""When are two subjects the same thing? (:func:`agreement`)"""

from __future__ import annotations

from numcheck.matching.subject import ATTRIBUTES, Subject, class_label, title


def agreement(a: Subject, b: Subject) -> str | None:
    """Why ``a`` and ``b`` are about the same thing (one line), or ``None`` when they are not.

    Besides the same noun, unit class, places and time, the two sentences must share enough
    context to pin the noun down: two *anchors* (places, named entities, events) for a count
    or an amount — "troops" in "Syria" alone could be anyone's; "US troops in Syria" is
    one thing — and one for a measured attribute of a named thing ("the area of Lake Chad").
    A generic noun ("people", "jobs") needs a shared name or event among its anchors.
    """
    if not a.head or a.period != b.period:
        return None
    if a.base != b.base and not _same_named_measure(a, b):
        return None
    if a.events and b.events and not set(a.events) & set(b.events):
        return None
    shared = sorted(set(a.entities) & set(b.entities))
    events = sorted(set(a.events) & set(b.events))
    # Different places are different things; a place named on one side only is allowed when
    # a shared name pins the thing down ("the Golden Gate Bridge" / "… in San Francisco").
    if a.places != b.places and ((a.places and b.places) or not shared):
        return None
    places = a.places if a.places == b.places else ()
    anchors = len(places) + len(shared) + len(events)
    needed = 1 if a.head in ATTRIBUTES.values() else 2
    if anchors < needed or (a.generic and not (shared or events)):
        return None
    if not places and not shared:
        return None
    noun = a.noun_plural
    klass = class_label(a.unit_class)
    parts = [f"both count {noun}" if a.unit_class == "count"
             else f"both give the {noun}" if klass == noun or a.measured
             else f"both give the {noun} ({klass})"]
    if places:
        parts.append(f"in {', '.join(title(p) for p in places)}")
    if shared:
        parts.append(f"naming {', '.join(title(e) for e in shared)}")
    if events:
        parts.append(f"about the {'/'.join(events)}")
    if a.period:
        parts.append(f"for {', '.join(a.period)}")
    return " ".join(parts)


def _same_named_measure(a: Subject, b: Subject) -> bool:
    """"The 7,382ft Tay bridge" and "the new road bridge over the Tay is 2,250 metres long":
    the same measured attribute of the same named thing, one description containing the
    other (the rail and the road bridge over the Tay are still two bridges)."""
    if not a.measured or (a.unit_class, a.head) != (b.unit_class, b.head):
        return False
    mine, theirs = set(a.modifiers), set(b.modifiers)
    if not (mine <= theirs or theirs <= mine):
        return False
    return bool(set(a.entities) & set(b.entities))
