"""Which rules run, at which level, with which parameters: a :class:`Config` applied to a
:class:`RuleSet`.

Selectors (in ``select``, ``ignore``, ``--select``, ``--ignore``) are ``ALL``, a rule code
(``NC101``), a code prefix (``NC1``), a rule name (``conversion.restatement``) or a group
(``news``). For each rule the most specific matching selector decides, as in ruff: an exact
code or name beats a prefix, a longer prefix beats a shorter one, a prefix beats a group, a group
beats ``ALL``; on a tie ``ignore`` wins. A rule no ``select`` entry matches does not run (when
``select`` is given); without ``select`` every rule its pack enables runs.

Rules a pack marks ``enabled: false`` are opt-in: only an exact code or name selects them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from numcheck.config import Config, ConfigError
from numcheck.findings import Severity
from numcheck.rules.base import RuleSpec
from numcheck.rules.loader import RuleSet, is_builtin, kinds_available, params_errors

_EXACT = 10_000
_GROUP = 1
_ALL = 0


@dataclass(frozen=True)
class RuleSelection:
    """The rules of one run.

    ``rules`` are the enabled rules with configured levels and parameters applied.
    ``identifiers`` are the codes and names of *all* known rules (so a suppression naming a
    rule that is merely switched off is not reported as unknown). ``level_overrides`` maps the
    codes whose level configuration changed: the engine forces that level on their findings.
    """

    rules: tuple[RuleSpec, ...]
    identifiers: frozenset[str] = frozenset()
    level_overrides: Mapping[str, Severity] = field(
        default_factory=lambda: MappingProxyType({})
    )

    @classmethod
    def of(cls, rules: Iterable[RuleSpec]) -> RuleSelection:
        """Run exactly ``rules`` as given (tests, library callers building specs by hand)."""
        chosen = tuple(rules)
        return cls(chosen, frozenset(i for r in chosen for i in (r.code, r.name)))

    def get(self, code: str) -> RuleSpec | None:
        return next((r for r in self.rules if r.code == code or r.name == code), None)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.rules)


def specificity(selector: str, rule: RuleSpec) -> int | None:
    """How specifically ``selector`` names ``rule`` (higher wins), or None if it does not."""
    if selector in (rule.code, rule.name):
        return _EXACT
    if selector == "ALL":
        return _ALL
    if selector in rule.groups:
        return _GROUP
    if selector.isupper() and rule.code.startswith(selector):
        return _GROUP + len(selector)
    return None


def is_enabled(rule: RuleSpec, select: Sequence[str] | None, ignore: Sequence[str]) -> bool:
    best_select = max((s for x in select or () if (s := specificity(x, rule)) is not None),
                      default=None)
    best_ignore = max((s for x in ignore if (s := specificity(x, rule)) is not None),
                      default=None)
    if select is None:
        chosen = rule.enabled
    elif best_select is None:
        chosen = False
    else:
        chosen = rule.enabled or best_select == _EXACT
    if best_ignore is not None and (best_select is None or best_ignore >= best_select):
        chosen = False
    return chosen


def _check_selectors(ruleset: RuleSet, selectors: Iterable[str], key: str, where: str) -> None:
    for selector in selectors:
        if not any(specificity(selector, rule) is not None for rule in ruleset):
            hint = ruleset.suggest(selector)
            raise ConfigError(f"{where}: {key}: {selector!r} matches no rule{hint}")


def _with_params(rule: RuleSpec, overrides: Mapping[str, Any], where: str, key: str) -> RuleSpec:
    if not overrides:
        return rule
    if is_builtin(rule):
        raise ConfigError(f"{where}: rules.{key}.params: rule {rule.code} takes no parameters")
    params = {**rule.params, **overrides}
    problems = params_errors(rule.kind, params)
    if problems:
        problem = problems[0]
        name = ".".join(str(p) for p in ("rules", key, "params", *problem.name))
        raise ConfigError(f"{where}: {name}: {problem.message}")
    return replace(rule, params=MappingProxyType(params))


def select_rules(
    ruleset: RuleSet,
    config: Config | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> RuleSelection:
    """Apply ``config`` (and command-line ``select``/``ignore``) to ``ruleset``.

    A command-line ``select`` replaces the configuration's; a command-line ``ignore`` adds to
    it. Raises :class:`ConfigError` for a selector that matches nothing, a ``[rules.X]`` table
    naming no rule, or parameters the rule's kind rejects.
    """
    config = config or Config()
    where = config.source or "configuration"
    chosen_select = tuple(select) if select is not None else config.select
    chosen_ignore = (*config.ignore, *ignore)
    _check_selectors(ruleset, config.select or (), "select", where)
    _check_selectors(ruleset, config.ignore, "ignore", where)
    _check_selectors(ruleset, select or (), "--select", "command line")
    _check_selectors(ruleset, ignore, "--ignore", "command line")

    overrides: dict[str, tuple[str, Any]] = {}
    for key, rule_config in config.rules.items():
        rule = ruleset.get(key)
        if rule is None:
            raise ConfigError(f"{where}: rules: unknown rule {key!r}{ruleset.suggest(key)}")
        if rule.code in overrides:
            raise ConfigError(f"{where}: rules: {rule.code} configured twice "
                              f"(as {overrides[rule.code][0]!r} and {key!r})")
        overrides[rule.code] = (key, rule_config)

    active: list[RuleSpec] = []
    levels: dict[str, Severity] = {}
    for rule in ruleset:
        if not is_enabled(rule, chosen_select, chosen_ignore):
            continue
        if rule.code in overrides:
            key, rule_config = overrides[rule.code]
            rule = _with_params(rule, rule_config.params, where, key)
            if rule_config.level is not None:
                rule = replace(rule, level=rule_config.level)
                levels[rule.code] = rule_config.level
        active.append(rule)
    _check_kinds(active)
    return RuleSelection(tuple(active), ruleset.identifiers, MappingProxyType(levels))


def _check_kinds(rules: Iterable[RuleSpec]) -> None:
    kinds = kinds_available()
    for rule in rules:
        if not is_builtin(rule) and rule.kind not in kinds:  # only hand-built specs get here
            raise ConfigError(f"{rule.source or rule.code}: unknown kind {rule.kind!r}")
