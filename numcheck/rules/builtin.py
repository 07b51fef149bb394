"""Rules the engine itself reports (no kind module, no YAML): they are listed, explained,
selected and re-levelled like any other rule, but their findings come from the engine."""

from __future__ import annotations

from numcheck.rules.base import RuleDocs, RuleSpec

#: The kind name of engine-made rules; the engine never looks it up in ``KINDS``.
BUILTIN_KIND = "builtin"

SUPPRESSION_UNUSED = RuleSpec(
    code="NC001",
    name="suppression.unused",
    kind=BUILTIN_KIND,
    level="info",
    message="{problem}",
    groups=("suppression",),
    docs=RuleDocs(
        what=(
            "Reports `numcheck:` comments that did nothing: a `disable`, `disable=CODES` or "
            "`ignore-next-line` that hid no finding, an `enable` with nothing disabled, a code "
            "that names no rule, and directives numcheck does not understand."
        ),
        why=(
            "A suppression outlives the problem it hid. Once the numbers are fixed the comment "
            "only hides the next real contradiction on those lines. A misspelt directive or code "
            "silences nothing while looking as if it does. The level is `info` so that stale "
            "comments are visible without failing a build; raise it with "
            "`[rules.NC001] level = \"warning\"`."
        ),
        example=(
            "<!-- numcheck: disable=NC101 -->\n"
            "The park covers 5 km² (about 1.9 square miles).\n"
            "<!-- numcheck: enable -->"
        ),
        fix=(
            "Delete the comment, or correct the code it names. Codes of rules that are not "
            "enabled in this run are never reported as unused: numcheck cannot know whether "
            "they would have fired."
        ),
    ),
)

BUILTIN_RULES: tuple[RuleSpec, ...] = (SUPPRESSION_UNUSED,)
