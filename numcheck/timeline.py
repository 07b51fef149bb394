"""One quantity across the articles of an archive, over time (``numcheck timeline``).

The subject is typed as a person would ("US troops in Syria", "deaths in Nepal", "area of Lake
Chad") and read with :func:`numcheck.matching.parse_query`; the archived claims whose subject
has that noun and names at least those places and entities are plotted against their
article's date, each with the interval its words allow. Claims that conflict (rule NC201's
judgement, :func:`numcheck.rules.kinds.cross_article.conflicts`) are drawn in red and joined
by a line. Undated articles cannot be placed on a time axis; they are counted, not drawn.
matplotlib runs with the Agg backend (no display needed).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from numcheck import units
from numcheck.archive import items_where
from numcheck.matching import Item, Query, parse_query
from numcheck.rules.kinds.cross_article import Conflict, Settings, conflicts, interval_in


class TimelineError(ValueError):
    """The subject cannot be read, or nothing in the archive matches it."""


@dataclass(frozen=True)
class Point:
    """One claim on the timeline, converted to the plot's unit."""

    when: datetime
    value: float
    low: float
    high: float
    path: str
    text: str
    conflicting: bool


@dataclass(frozen=True)
class Timeline:
    """What was plotted: points in date order, the conflicts among them, what was left out."""

    subject: str
    query: Query
    unit: str | None
    unit_class: str
    points: tuple[Point, ...]
    conflicts: tuple[Conflict, ...]
    undated: int
    other_units: int


def _where(query: Query) -> tuple[str, list[object]]:
    clauses = ["subject_head = ?", "list_sort(subject_modifiers) = ?::VARCHAR[]"]
    params: list[object] = [query.head, list(query.modifiers)]
    if query.places:
        clauses.append("list_has_all(places, ?::VARCHAR[])")
        params.append(list(query.places))
    if query.entities:
        clauses.append("list_has_all(entities, ?::VARCHAR[])")
        params.append(list(query.entities))
    return " AND ".join(clauses), params


def collect(db: str | Path, subject: str, settings: Settings | None = None) -> Timeline:
    """The timeline of ``subject`` in the archive ``db`` (no plotting)."""
    query = parse_query(subject)
    if query is None:
        raise TimelineError(f"cannot read a subject in {subject!r} (try \"US troops in Syria\")")
    where, params = _where(query)
    # Every claim is compared with every other here, so they are all "checked" documents.
    items = [replace(i, doc=replace(i.doc, archived=False, order=n))
             for n, i in enumerate(items_where(db, where, params))]
    if not items:
        raise TimelineError(f"no claims about {query.label()} in {db}")
    klass, _ = Counter(i.subject.unit_class for i in items if i.subject).most_common(1)[0]
    same = [i for i in items if i.subject is not None and i.subject.unit_class == klass]
    unit = Counter(i.claim.unit for i in same).most_common(1)[0][0]
    found = tuple(conflicts(same, settings or Settings(max_neighbours=len(same) + 1)))
    marked = {id(c.later) for c in found} | {id(c.earlier) for c in found}
    points = []
    for item in same:
        if item.doc.when is None:
            continue
        iv = interval_in(item.claim, unit)
        value = _value_in(item, unit)
        points.append(Point(item.doc.when, value, iv.low, iv.high, item.doc.path,
                            item.claim.text, id(item) in marked))
    points.sort(key=lambda p: (p.when, p.path, p.value))
    undated = sum(1 for i in same if i.doc.when is None)
    return Timeline(subject, query, unit, klass, tuple(points), found, undated,
                    len(items) - len(same))


def _value_in(item: Item, unit: str | None) -> float:
    c = item.claim
    if c.unit == unit or c.unit is None or unit is None:
        return c.value
    return units.convert(c.value, c.unit, unit)


def _unit_label(unit: str | None, klass: str) -> str:
    if unit is None:
        return "count"
    if units.is_currency(unit):
        return unit
    return units.symbol(unit) if klass else unit


def plot(timeline: Timeline, output: str | Path, title: str | None = None) -> Path:
    """Draw ``timeline`` into ``output`` (PNG, SVG or PDF by its suffix)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.8))
    try:
        _draw(ax, timeline)
        ax.set_title(title or timeline.subject)
        ax.set_ylabel(_unit_label(timeline.unit, timeline.unit_class))
        notes = []
        if timeline.undated:
            notes.append(f"{timeline.undated} undated claim(s) not shown")
        if timeline.other_units:
            notes.append(f"{timeline.other_units} claim(s) in other units not shown")
        if timeline.conflicts:
            notes.append(f"{len(timeline.conflicts)} conflict(s) marked in red")
        if notes:
            fig.text(0.01, 0.01, "; ".join(notes), fontsize=8, color="#555555")
        fig.autofmt_xdate()
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        path = Path(output)
        # No software version or date in the file: the same archive gives the same bytes.
        metadata = {"Software": None} if path.suffix.lower() == ".png" else {}
        fig.savefig(path, dpi=110, metadata=metadata)
    finally:
        plt.close(fig)
    return path


def _draw(ax: object, timeline: Timeline) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    ax.xaxis_date()
    finite_high = [p.high for p in timeline.points if math.isfinite(p.high)]
    ceiling = max(finite_high, default=1.0)
    for colour, conflicting in (("#1f77b4", False), ("#d62728", True)):
        chosen = [p for p in timeline.points if p.conflicting is conflicting]
        if not chosen:
            continue
        xs = [_day_number(p.when) for p in chosen]
        ys = [p.value for p in chosen]
        lows = [max(0.0, p.value - p.low) for p in chosen]
        highs = [(min(p.high, ceiling * 1.1) - p.value) for p in chosen]
        ax.errorbar(xs, ys, yerr=[lows, highs], fmt="x" if conflicting else "o", color=colour,
                    ecolor=colour, elinewidth=1, capsize=3,
                    label="conflicting" if conflicting else "consistent")
    by_claim = {(p.path, p.text, p.when): p for p in timeline.points}
    for conflict in timeline.conflicts:
        a = _find(by_claim, conflict.later)
        b = _find(by_claim, conflict.earlier)
        if a is not None and b is not None:
            ax.plot([_day_number(a.when), _day_number(b.when)], [a.value, b.value],
                    color="#d62728", linewidth=0.8,
                    linestyle="--")
    ax.grid(True, alpha=0.3)
    if timeline.points:
        ax.legend(loc="best", fontsize=8)


_EPOCH = datetime(1970, 1, 1)


def _day_number(when: datetime) -> float:
    """matplotlib's date number (days since 1970-01-01, its default epoch)."""
    return (when - _EPOCH).total_seconds() / 86400.0


def _find(points: dict[tuple[str, str, datetime], Point], item: Item) -> Point | None:
    if item.doc.when is None:
        return None
    return points.get((item.doc.path, item.claim.text, item.doc.when))


def timeline(db: str | Path, subject: str, output: str | Path, *,
             title: str | None = None, settings: Settings | None = None) -> Timeline:
    """Collect and plot ``subject`` from ``db`` into ``output``; returns what was plotted."""
    found = collect(db, subject, settings)
    plot(found, output, title)
    return found


def summary(found: Timeline, output: str | Path) -> str:
    """One line for the terminal."""
    articles = len({p.path for p in found.points})
    parts = [f"{found.subject}: {len(found.points)} claim(s) in {articles} article(s)",
             f"{len(found.conflicts)} conflict(s)"]
    if found.undated:
        parts.append(f"{found.undated} undated not shown")
    return ", ".join(parts) + f" → {output}"


__all__: Sequence[str] = ("Point", "Timeline", "TimelineError", "collect", "plot", "summary",
                          "timeline")
