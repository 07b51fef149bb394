"""Regular expressions from users (rule packs) that cannot hang a run.

A pattern in a YAML pack is data written by someone else; Python's ``re`` backtracks, so a
pattern such as ``(a+)+$`` or ``(x|xx)+y`` takes exponential time on a sentence that almost
matches, and ``re`` cannot be interrupted. Two defences, both needed:

1. **A static check when the pack loads** (:func:`check`): patterns with nested unbounded
   quantifiers (``(a+)+``, ``(\\w+\\s?)*``), backreferences, or an absurd length are refused
   with a message saying why. That catches the textbook cases with a clear pack error.
2. **A time limit when the pattern runs** (:class:`SafePattern`): matching uses the ``regex``
   package, whose matcher honours ``timeout=``; overlapping alternatives under a quantifier
   (``(a|aa)+$``), which no cheap static check recognises, stop after :data:`DEFAULT_TIMEOUT`
   seconds with :class:`PatternTimeout` naming the pattern. The engine turns that into a
   problem for the one document (the run goes on).

Without the ``regex`` package (it is a dependency; this is a fallback for odd installs) the
patterns run on ``re`` after the static check alone.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

#: Seconds one search over one piece of text may take. Trigger patterns run over the gap
#: between two numbers of one sentence (at most a few thousand characters): a sound pattern
#: needs microseconds, so a quarter of a second only ever stops a runaway one.
DEFAULT_TIMEOUT = 0.25
#: Longer patterns are refused: nobody writes a 500-character trigger on purpose, and the
#: cost of compiling and matching grows with it.
MAX_PATTERN_LENGTH = 500


class UnsafePattern(ValueError):
    """A user pattern refused before it runs (does not compile, or can backtrack
    catastrophically). ``str()`` is the reason, in words, for a pack error message."""


class PatternTimeout(TimeoutError):
    """A user pattern ran past its time limit on some text."""


class Match(Protocol):
    """What callers use of a match (``re.Match`` and ``regex.Match`` both fit)."""

    def start(self, group: int | str = 0) -> int: ...
    def end(self, group: int | str = 0) -> int: ...
    def group(self, group: int | str = 0) -> Any: ...


def _regex_module() -> Any:
    try:
        return importlib.import_module("regex")
    except ImportError:
        return None


_REGEX: Any = _regex_module()
# re's own parser gives the pattern's structure exactly as re reads it (private but stable since
# Python 3.11; sre_parse is its deprecated alias).
_PARSER: Any = importlib.import_module("re._parser")
_UNBOUNDED: int = _PARSER.MAXREPEAT
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_BACKREFERENCES = frozenset({"GROUPREF", "GROUPREF_EXISTS"})


def check(pattern: str, flags: int = 0, max_length: int | None = MAX_PATTERN_LENGTH) -> None:
    """Raise :class:`UnsafePattern` when ``pattern`` must not run on user text."""
    if max_length is not None and len(pattern) > max_length:
        raise UnsafePattern(f"pattern longer than {MAX_PATTERN_LENGTH} characters")
    try:
        parsed = _PARSER.parse(pattern, flags)
    except re.error as exc:
        raise UnsafePattern(f"not a valid regular expression: {exc}") from None
    except RecursionError:
        raise UnsafePattern("pattern nested too deeply") from None
    problem = _hazard(parsed, inside_unbounded=False)
    if problem is not None:
        raise UnsafePattern(problem)


def _hazard(items: Iterable[Any], inside_unbounded: bool) -> str | None:
    """Why a parsed (sub)pattern can backtrack catastrophically, or None."""
    for op, arg in items:
        name = str(op)
        if name in _BACKREFERENCES:
            return "backreferences are not allowed (matching them can take exponential time)"
        if name in _REPEATS:
            low, high, body = arg
            # A variable count inside an unbounded repeat gives the matcher exponentially many
            # ways to split one text; a fixed count ("(ab{2})+") gives one.
            if inside_unbounded and low != high:
                return ("nested quantifiers such as (a+)+ or (\\w+\\s?)* can take exponential "
                        "time; bound the outer one ({1,5}) or drop the inner one")
            found = _hazard(body, inside_unbounded or high == _UNBOUNDED)
            if found:
                return found
            continue
        for child in _children(name, arg):
            found = _hazard(child, inside_unbounded)
            if found:
                return found
    return None


def _children(name: str, arg: Any) -> list[Any]:
    """The sub-patterns held by one parsed item (groups, alternatives, look-arounds)."""
    if name == "SUBPATTERN":
        return [arg[-1]]
    if name == "BRANCH":
        return list(arg[1])
    if name in ("ASSERT", "ASSERT_NOT"):
        return [arg[1]]
    if name == "ATOMIC_GROUP":
        return [arg]
    return []


@dataclass(frozen=True)
class SafePattern:
    """A checked pattern whose searches stop after ``timeout`` seconds."""

    pattern: str
    flags: int = 0
    timeout: float = DEFAULT_TIMEOUT
    _compiled: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # No length limit here: a combination of checked patterns (any_of) may be long.
        check(self.pattern, self.flags, max_length=None)
        if _REGEX is not None:
            # VERSION0: re's semantics, so a pattern means what its author tested with re.
            compiled = _REGEX.compile(self.pattern, self.flags | _REGEX.VERSION0)
        else:  # pragma: no cover - regex is a declared dependency
            compiled = re.compile(self.pattern, self.flags)
        object.__setattr__(self, "_compiled", compiled)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Match]:
        """Every non-overlapping match, as a list (the time limit covers the whole scan)."""
        end = len(text) if endpos is None else endpos
        if _REGEX is None:  # pragma: no cover
            return list(self._compiled.finditer(text, pos, end))
        try:
            return list(self._compiled.finditer(text, pos, end, timeout=self.timeout))
        except TimeoutError:
            raise self._timed_out(end - pos) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        end = len(text) if endpos is None else endpos
        if _REGEX is None:  # pragma: no cover
            found: Match | None = self._compiled.search(text, pos, end)
            return found
        try:
            result: Match | None = self._compiled.search(text, pos, end, timeout=self.timeout)
        except TimeoutError:
            raise self._timed_out(end - pos) from None
        return result

    def _timed_out(self, length: int) -> PatternTimeout:
        return PatternTimeout(
            f"pattern {self.pattern!r} took more than {self.timeout:g} s on {length:,} "
            "characters of text and was stopped (catastrophic backtracking?); simplify it"
        )


@cache
def compile_user(pattern: str, flags: int = 0) -> SafePattern:
    """A :class:`SafePattern` for ``pattern`` (remembered: packs reuse their patterns)."""
    return SafePattern(pattern, flags)


def any_of(patterns: Iterable[str], flags: int = 0) -> SafePattern:
    """One pattern matching any of ``patterns`` (each checked on its own first, so an error
    names the pattern the user wrote, not the combination)."""
    items = tuple(patterns)
    for item in items:
        check(item, flags)
    return compile_user("|".join(f"(?:{p})" for p in items), flags)


def is_safe(pattern: object) -> bool:
    """For JSON Schema's ``"format": "regex"``: True for a pattern that may run on user text.

    Raises ``re.error`` when it does not compile (the validator's usual "is not a 'regex'")
    and :class:`UnsafePattern` (the reason) when it could hang a run. Non-strings are left to
    the ``type`` keyword.
    """
    if isinstance(pattern, str):
        re.compile(pattern)
        check(pattern)
    return True
