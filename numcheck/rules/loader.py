"""Load YAML rule packs into :class:`~numcheck.rules.base.RuleSpec` objects.

A pack is validated in three steps, each error naming the file, the line and the key:

1. YAML syntax (loaded with the safe loader, duplicate keys refused);
2. the pack schema (``pack.schema.json`` beside this module);
3. per rule: the kind must be registered, and ``params`` must satisfy the kind's
   ``params_schema`` (top-level ``default`` values are filled in first, so kinds see them).

Shipped packs are every ``*.yml`` in the repository's top-level ``rules/`` folder; an installed
wheel carries the same files as ``numcheck/_packs/`` (hatch ``force-include``).
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from numcheck.rules.base import KINDS, RuleDocs, RuleSpec
from numcheck.rules.builtin import BUILTIN_KIND, BUILTIN_RULES

if TYPE_CHECKING:
    import yaml
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import ValidationError

# yaml, jsonschema and numcheck.safe_regex (which imports ``regex``) are imported by the
# functions that parse and validate packs: together 40-50 ms, paid only when packs are
# actually loaded. A run whose rule selection comes from the load cache (numcheck.warm)
# never loads a pack.

JsonPath = tuple[str | int, ...]


class PackError(ValueError):
    """One or more problems in rule packs; each line reads ``file:line: key: problem``."""

    def __init__(self, errors: Sequence[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = tuple(errors)


# --------------------------------------------------------------------------- YAML with marks


@dataclass(frozen=True)
class _Located:
    """YAML data plus the line of every key and value in it (1-based)."""

    data: Any
    key_lines: Mapping[JsonPath, int]
    value_lines: Mapping[JsonPath, int]

    def line_of(self, path: JsonPath, *, key: bool = False) -> int:
        """Line of ``path`` (its key when ``key``), or of its nearest located ancestor."""
        lines = self.key_lines if key else self.value_lines
        probe = path
        while probe:
            if probe in lines:
                return lines[probe]
            if probe in self.value_lines:
                return self.value_lines[probe]
            probe = probe[:-1]
        return self.value_lines.get((), 1)


def _compose(text: str, source: str) -> _Located:
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return _Located(None, {}, {(): 1})
        key_lines: dict[JsonPath, int] = {}
        value_lines: dict[JsonPath, int] = {}
        duplicates: list[str] = []
        _walk(loader, node, (), key_lines, value_lines, duplicates, [MAX_PACK_NODES])
        if duplicates:
            raise PackError([f"{source}:{d}" for d in duplicates])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise PackError([f"{source}:{line}: YAML syntax error: {exc.problem or exc}"]) from None
    except yaml.YAMLError as exc:
        raise PackError([f"{source}: YAML error: {exc}"]) from None
    except RecursionError:
        raise PackError([f"{source}:1: YAML nested too deeply"]) from None
    except _TooLarge as exc:
        raise PackError([f"{source}:{exc.line}: more than {MAX_PACK_NODES:,} values once YAML "
                         "aliases are expanded; not a rule pack"]) from None
    finally:
        loader.dispose()
    return _Located(data, key_lines, value_lines)


class _TooLarge(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


#: Values a pack may hold once YAML aliases are expanded. Shipped packs hold a few hundred; nine
#: nested aliases ("billion laughs") expand to 387 million and would exhaust memory.
MAX_PACK_NODES = 100_000


def _walk(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    path: JsonPath,
    key_lines: dict[JsonPath, int],
    value_lines: dict[JsonPath, int],
    duplicates: list[str],
    left: list[int],
) -> None:
    import yaml

    left[0] -= 1
    if left[0] < 0:
        raise _TooLarge(node.start_mark.line + 1)
    value_lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int):
                key = str(key)
            child = (*path, key)
            if key in seen:
                # PyYAML would silently keep the last value; a pack author meant something else.
                line = key_node.start_mark.line + 1
                duplicates.append(f"{line}: {_key_name(child)}: duplicate key")
            seen.add(key)
            key_lines[child] = key_node.start_mark.line + 1
            _walk(loader, value_node, child, key_lines, value_lines, duplicates, left)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(loader, item, (*path, index), key_lines, value_lines, duplicates, left)


def _key_name(path: JsonPath, data: Any = None) -> str:
    """``rules[2].params.tolerance``; a rule with a valid code is named by it (``NC101.level``)."""
    parts: list[str] = []
    items = list(path)
    if (
        len(items) >= 2
        and items[0] == "rules"
        and isinstance(items[1], int)
        and isinstance(data, dict)
    ):
        rules = data.get("rules")
        rule = rules[items[1]] if isinstance(rules, list) and items[1] < len(rules) else None
        code = rule.get("code") if isinstance(rule, dict) else None
        if isinstance(code, str) and code and (len(items) == 2 or items[2] != "code"):
            parts.append(code)
            items = items[2:]
    for item in items:
        if isinstance(item, int):
            if parts:
                parts[-1] += f"[{item}]"
            else:
                parts.append(f"[{item}]")
        else:
            parts.append(str(item))
    return ".".join(parts) or "(top level)"


# --------------------------------------------------------------------------- schema errors


@cache
def pack_schema() -> Mapping[str, Any]:
    from importlib import resources  # (imports tempfile, shutil: only when validating)

    text = resources.files("numcheck.rules").joinpath("pack.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _format_checker() -> FormatChecker:
    """The draft's format checks, with ``"format": "regex"`` also refusing patterns that could
    hang a run (nested quantifiers, backreferences; see :mod:`numcheck.safe_regex`)."""
    from jsonschema import Draft202012Validator, FormatChecker

    from numcheck.safe_regex import UnsafePattern, is_safe

    checker = FormatChecker()
    checker.checkers = dict(Draft202012Validator.FORMAT_CHECKER.checkers)  # never the shared one
    checker.checks("regex", raises=(re.error, UnsafePattern))(is_safe)
    return checker


def _validator(schema: Mapping[str, Any]) -> Draft202012Validator:
    # format_checker: a ``"format": "regex"`` in a kind's schema rejects patterns that do not
    # compile or are unsafe, before any rule runs them.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema, format_checker=_format_checker())


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass(frozen=True)
class SchemaProblem:
    """One bad key: ``path`` locates it (its key line when ``at_key``), ``name`` is the dotted
    path shown to the user, ``message`` says what is wrong."""

    path: JsonPath
    at_key: bool
    name: JsonPath
    message: str


def describe_error(error: ValidationError, base: JsonPath = ()) -> list[SchemaProblem]:
    """Turn one schema error into problems, one per bad key, with did-you-mean hints."""
    from numcheck.safe_regex import UnsafePattern

    path: JsonPath = (*base, *error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(str(k) for k in error.instance if k not in allowed)
        return [
            SchemaProblem((*path, key), True, path,
                          f"unknown key {key!r}{_did_you_mean(key, allowed)}")
            for key in extra
        ]
    if error.validator == "enum":
        options = ", ".join(repr(o) for o in error.validator_value)
        hint = _did_you_mean(str(error.instance), [str(o) for o in error.validator_value])
        message = f"{error.instance!r} is not one of {options}{hint}"
        return [SchemaProblem(path, False, path, message)]
    if error.validator == "format" and isinstance(error.cause, UnsafePattern):
        message = f"{error.instance!r} is refused: {error.cause}"
        return [SchemaProblem(path, False, path, message)]
    return [SchemaProblem(path, False, path, error.message)]


def _schema_errors(
    located: _Located, validator: Draft202012Validator, instance: Any, base: JsonPath, source: str
) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for error in validator.iter_errors(instance):
        for problem in describe_error(error, base):
            found.append(_located_message(located, problem, source))
    return found


def _located_message(located: _Located, problem: SchemaProblem, source: str) -> tuple[int, str]:
    line = located.line_of(problem.path, key=problem.at_key)
    return line, f"{source}:{line}: {_key_name(problem.name, located.data)}: {problem.message}"


# --------------------------------------------------------------------------- building rules


def kinds_available() -> Mapping[str, type[Any]]:
    """All registered kinds (every module of :mod:`numcheck.rules.kinds` imported)."""
    from numcheck.rules.kinds import import_all

    import_all()
    return KINDS


def kind_class(kind: str) -> type[Any] | None:
    """The class of ``kind`` (None: no such kind), importing only its own module when it is
    not registered yet."""
    if kind not in KINDS:
        from numcheck.rules.kinds import import_kind

        import_kind(kind)
    return KINDS.get(kind)


def _unknown_kind_message(kind: str) -> str:
    from numcheck.rules.kinds import IMPORT_ERRORS

    available = sorted(kinds_available())
    message = f"unknown kind {kind!r}{_did_you_mean(kind, available)}"
    message += f"; available: {', '.join(available) or '(none)'}"
    if IMPORT_ERRORS:
        broken = "; ".join(f"{name}.py ({err})" for name, err in sorted(IMPORT_ERRORS.items()))
        message += f"; kind modules that failed to import: {broken}"
    return message


def with_defaults(schema: Mapping[str, Any], params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` plus the top-level ``default`` of every property it leaves out."""
    merged = dict(params)
    for key, prop in schema.get("properties", {}).items():
        if key not in merged and isinstance(prop, Mapping) and "default" in prop:
            merged[key] = copy.deepcopy(prop["default"])
    return merged


def params_errors(kind: str, params: Mapping[str, Any]) -> list[SchemaProblem]:
    """Schema problems of ``params`` for ``kind`` (paths relative to ``params``)."""
    schema = kinds_available()[kind].params_schema
    errors = sorted(_validator(schema).iter_errors(dict(params)), key=lambda e: list(e.path))
    return [item for error in errors for item in describe_error(error)]


def _docs(raw: Mapping[str, str], kind: str) -> RuleDocs:
    fallback: RuleDocs = getattr(kinds_available().get(kind), "docs", RuleDocs())
    return RuleDocs(
        what=raw.get("what") or fallback.what,
        why=raw.get("why") or fallback.why,
        example=raw.get("example") or fallback.example,
        fix=raw.get("fix") or fallback.fix,
    )


def _build_rule(
    raw: Mapping[str, Any], index: int, located: _Located, source: str
) -> tuple[RuleSpec | None, list[tuple[int, str]]]:
    base: JsonPath = ("rules", index)
    kind = str(raw["kind"])
    where = f"{source}:{located.line_of(base)}"
    if kind not in kinds_available():
        line = located.line_of((*base, "kind"))
        return None, [(line, f"{source}:{line}: {_key_name((*base, 'kind'), located.data)}: "
                       f"{_unknown_kind_message(kind)}")]
    schema = kinds_available()[kind].params_schema
    params = with_defaults(schema, raw.get("params") or {})
    errors: list[tuple[int, str]] = []
    prefix: JsonPath = (*base, "params")
    for problem in params_errors(kind, params):
        full = SchemaProblem((*prefix, *problem.path), problem.at_key,
                             (*prefix, *problem.name), problem.message)
        errors.append(_located_message(located, full, source))
    docs = _docs(raw.get("docs") or {}, kind)
    if not docs.what:
        line = located.line_of(base)
        errors.append((line, f"{source}:{line}: {raw['code']}.docs.what: missing, and kind "
                             f"{kind!r} has no docs to fall back on"))
    if errors:
        return None, errors
    spec = RuleSpec(
        code=str(raw["code"]),
        name=str(raw["name"]),
        kind=kind,
        level=raw["level"],
        message=str(raw["message"]),
        params=MappingProxyType(params),
        groups=tuple(raw.get("groups") or ()),
        docs=docs,
        enabled=bool(raw.get("enabled", True)),
        source=where,
    )
    return spec, []


def parse_pack(text: str, source: str) -> tuple[RuleSpec, ...]:
    """Rules of one pack given as text; ``source`` names it in errors. Raises PackError.

    A pack already parsed with the same text and name is not parsed again (rules are frozen):
    every ``numcheck.check()`` call reads the shipped packs, and parsing their YAML took 70 ms
    of a 90 ms call on one article.
    """
    return _parse_pack(text, source)


@lru_cache(maxsize=64)
def _parse_pack(text: str, source: str) -> tuple[RuleSpec, ...]:
    located = _compose(text, source)
    if located.data is None:
        raise PackError([f"{source}:1: (top level): empty pack; expected a 'rules:' list"])
    errors = _schema_errors(located, _validator(pack_schema()), located.data, (), source)
    if errors:
        raise PackError([message for _, message in sorted(errors)])
    rules: list[RuleSpec] = []
    for index, raw in enumerate(located.data["rules"]):
        spec, rule_errors = _build_rule(raw, index, located, source)
        errors.extend(rule_errors)
        if spec is not None:
            rules.append(spec)
    if errors:
        raise PackError([message for _, message in sorted(errors)])
    return tuple(rules)


def load_pack(path: str | Path, source: str | None = None) -> tuple[RuleSpec, ...]:
    """Rules of the pack file at ``path``; errors name it as ``source`` (default: the path)."""
    source = source or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError([f"{source}: rule pack not found"]) from None
    except UnicodeDecodeError:
        raise PackError([f"{source}: rule pack is not UTF-8 text"]) from None
    except OSError as exc:
        raise PackError([f"{source}: cannot read rule pack: {exc.strerror or exc}"]) from None
    return parse_pack(text, source)


# --------------------------------------------------------------------------- shipped packs


def shipped_packs_dir() -> Path | None:
    """Where the shipped packs are: ``numcheck/_packs`` in a wheel, ``rules/`` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_packs"
    if installed.is_dir():
        return installed
    checkout = package.parent / "rules"
    # pyproject.toml beside it tells a source checkout from an unrelated top-level "rules" dir.
    if checkout.is_dir() and (package.parent / "pyproject.toml").is_file():
        return checkout
    return None


def shipped_pack_paths() -> tuple[Path, ...]:
    folder = shipped_packs_dir()
    if folder is None:
        return ()
    return tuple(sorted(folder.glob("*.yml"), key=lambda p: p.name))


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- the rule set


@dataclass(frozen=True)
class RuleSet:
    """Every known rule: built-ins, shipped packs (by file name), then user packs, in order."""

    rules: tuple[RuleSpec, ...]
    _index: Mapping[str, RuleSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, RuleSpec] = {}
        for rule in self.rules:
            index[rule.code] = rule
            index[rule.name] = rule
        object.__setattr__(self, "_index", MappingProxyType(index))

    def __iter__(self) -> Iterator[RuleSpec]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code_or_name: str) -> RuleSpec | None:
        return self._index.get(code_or_name)

    @property
    def identifiers(self) -> frozenset[str]:
        """Every code and name (what a suppression comment or a config key may name)."""
        return frozenset(self._index)

    def suggest(self, word: str) -> str:
        return _did_you_mean(word, self._index)

    def replaced(self, rule: RuleSpec) -> RuleSet:
        return RuleSet(tuple(rule if r.code == rule.code else r for r in self.rules))


def combine(packs: Iterable[tuple[str, Sequence[RuleSpec]]]) -> RuleSet:
    """Join built-ins and packs; a code or name defined twice is an error naming both places."""
    rules: list[RuleSpec] = list(BUILTIN_RULES)
    seen: dict[str, str] = {r.code: "built in" for r in BUILTIN_RULES}
    seen.update({r.name: "built in" for r in BUILTIN_RULES})
    errors: list[str] = []
    for _, pack in packs:
        for rule in pack:
            for ident, what in ((rule.code, "code"), (rule.name, "name")):
                if ident in seen:
                    errors.append(f"{rule.source}: duplicate rule {what} {ident!r} "
                                  f"(already defined at {seen[ident]})")
                else:
                    seen[ident] = rule.source
            rules.append(rule)
    if errors:
        raise PackError(errors)
    return RuleSet(tuple(rules))


def load_rules(extra_packs: Iterable[str | Path] = (), *, shipped: bool = True) -> RuleSet:
    """Built-in rules, the shipped packs (unless ``shipped=False``) and ``extra_packs``.

    Every pack is read before errors are raised, so one run reports all bad packs at once.
    """
    paths = [*(shipped_pack_paths() if shipped else ()), *(Path(p) for p in extra_packs)]
    packs: list[tuple[str, Sequence[RuleSpec]]] = []
    errors: list[str] = []
    for path in paths:
        try:
            packs.append((str(path), load_pack(path, _display(path))))
        except PackError as exc:
            errors.extend(exc.errors)
    if errors:
        raise PackError(errors)
    return combine(packs)


def is_builtin(rule: RuleSpec) -> bool:
    return rule.kind == BUILTIN_KIND
