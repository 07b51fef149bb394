"""The NC7xx and NC8xx rules in the engine, on realistic news and paper sentences.

Most tests run the engine with claim extraction switched off (these rules read the text, not
the claims table) so they stay fast; one runs ``numcheck check`` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from numcheck.claims import Claim
from numcheck.documents import Document
from numcheck.engine import check_documents
from numcheck.findings import Finding
from numcheck.rules.base import KINDS, RuleSpec
from numcheck.rules.loader import load_rules


@cache
def stats_rules() -> tuple[RuleSpec, ...]:
    return tuple(r for r in load_rules() if r.code.startswith(("NC7", "NC8")))


def no_claims(doc: Document) -> Sequence[Claim]:
    return ()


def findings(text: str, meta: dict[str, str] | None = None) -> list[Finding]:
    doc = Document.from_text(text, "paper.md", meta)
    report = check_documents([doc], stats_rules(), extractor=no_claims)
    assert not report.problems, report.problems
    return list(report.findings)


def codes(text: str) -> list[str]:
    return [f.rule for f in findings(text)]


def test_pack_defines_the_rules_with_docs() -> None:
    rules = {r.code: r for r in stats_rules()}
    assert set(rules) == {"NC701", "NC702", "NC703", "NC801", "NC802", "NC803", "NC804"}
    for rule in rules.values():
        assert rule.kind in KINDS
        assert all((rule.docs.what, rule.docs.why, rule.docs.example, rule.docs.fix))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news
        ("A study of 28 people found a mean score of 3.47 on the wellbeing questionnaire.",
         ["NC801"]),
        ("Of the 28 respondents, 45% said they would vote for the party again.", ["NC804"]),
        ("In the survey, 37.5 per cent of 60 nurses reported symptoms of burnout.", ["NC804"]),
        ("The 28 children scored an average of 7.35 out of 10 on the vocabulary test.",
         ["NC801"]),
        ("The difference was significant (t = 2.2, df = 28, P = 0.003).", ["NC701"]),
        # papers
        ("The effect was significant, t(28) = 2.20, p = .03.", ["NC701"]),
        ("The groups differed, t(28) = 1.20, p = .03.", ["NC702"]),
        ("Smokers were overrepresented, χ2 = 3.1, df = 1, p < 0.05.", ["NC702"]),
        ("The correlation was strong, r(28) = −59, p = .0008.", ["NC703"]),
        ("Reaction times differed, F(1, 30) = 45.20, p = .000.", ["NC703"]),
        ("Participants (N = 35) rated the film on a single item (M = 5.23, SD = 2.55).",
         ["NC802"]),
        ("Smoking was coded 0 = no, 1 = yes; the proportion of smokers was .19 "
         "(SD = .35, N = 1683).", ["NC803"]),
    ],
)
def test_flagged(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A study of 28 people found a mean score of 3.46 on the wellbeing questionnaire.",
        "A study of 28 people found a mean score of 3.47 on a 12-item questionnaire.",
        "The mean age of the 28 participants was 34.57 years.",
        "The 28 patients had a mean weight of 73.47 kg.",
        "About 45% of 28 respondents said yes.",
        "87% of the 1,000 adults quizzed by ICM said politicians did not deliver.",
        "The effect was significant, t(28) = 2.20, p = .036.",
        "The effect was significant, t(28) = -2.20, p = .04.",
        "Reaction times differed, F(1, 30) = 45.20, p < .001.",
        "Participants (N = 35) rated the film on a single item (M = 5.23, SD = 2.54).",
        "Inflation was 3.47% in 28 countries.",
    ],
)
def test_not_flagged(text: str) -> None:
    assert codes(text) == []


def test_finding_content() -> None:
    (finding,) = findings("Intro.\n\nThe effect was significant, t(28) = 2.20, p = .03.")
    assert finding.severity == "warning"
    assert finding.message == "t(28) = 2.20, p = .03: the statistic gives p = .036, not p = .03"
    assert (finding.line, finding.column) == (3, 29)
    assert finding.evidence[0].text == "t(28) = 2.20, p = .03"
    assert "2.195 to 2.205" in finding.explanation
    assert finding.suggestion == "t(28) = 2.20, p = .036"


def test_grim_finding_explains_nearby_values() -> None:
    (finding,) = findings("A study of 28 people found a mean score of 3.47.")
    assert finding.evidence[0].text == "3.47" and finding.evidence[1].text == "28"
    assert "3.46 or 3.50" in finding.message
    assert "97/28" in finding.explanation and "one item" in finding.explanation
    assert "n = 30" in finding.explanation


def test_page_numbers_in_explanations() -> None:
    text = "Page one text.\nPage two: t(28) = 2.20, p = .03."
    (finding,) = findings(text, {"pages": "0,15"})
    assert "(page 2)" in finding.explanation


def test_one_tailed_hint_and_option() -> None:
    text = "We used one-tailed tests. The effect held, t(28) = 2.20, p = .018."
    (finding,) = findings(text)
    assert "one-tailed" in finding.explanation and "OneTailedTxt" in finding.explanation
    rules = [r if r.code != "NC701" else RuleSpec(
        code=r.code, name=r.name, kind=r.kind, level=r.level, message=r.message,
        params={**r.params, "one_tailed": "text"}) for r in stats_rules()]
    report = check_documents([Document.from_text(text, "a.md")], rules, extractor=no_claims)
    assert report.findings == ()


def test_numcheck_check_reports_the_rules(tmp_path: Path) -> None:
    from numcheck.cli import _register, app

    _register()
    study = tmp_path / "study.md"
    study.write_text("A study of 28 people found a mean score of 3.47.\n\n"
                     "The effect was significant, t(28) = 2.20, p = .03.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(study), "--format", "json",
                                      "--select", "NC7,NC8"])
    assert result.exit_code == 1, result.output
    assert '"rule": "NC801"' in result.output and '"rule": "NC701"' in result.output
