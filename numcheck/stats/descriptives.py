"""Find means, SDs, percentages and the sample sizes they belong to, for the GRIM family.

GRIM-type checks apply only to summaries of whole-number data (ratings, scores, counts of
people), so this extractor is deliberately conservative: it pairs a mean or a percentage with a
sample size only when the sentence (or, for a mean, the sentence before it) names exactly one
sample size, or names as many as there are values, in the same order; and it takes a mean as
integer data only when the words around it say so ("score", "rating", "scale", "items",
"out of 10"...) and no unit or age is attached to it.

What it reads::

    a study of 28 people found a mean score of 3.47            mean + n
    (M = 3.47, SD = 1.21, n = 28) on a 5-item scale             mean + SD + n + items
    45% of 28 respondents ... / Of the 28 respondents, 45% ...  percentage of n
    the proportion was .53 (SD = .50; N = 1683), coded 0/1      binary mean + SD + n (DEBIT)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from numcheck.segment import Sentence, sentences
from numcheck.stats.normalize import Normalized, normalize_slice

Kind = Literal["mean", "percent", "binary"]


@dataclass(frozen=True)
class Number:
    """A number in the text: ``text`` as written, ``start``/``end`` in the original text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Descriptive:
    """A reported summary the GRIM family can test."""

    kind: Kind
    value: Number
    n: Number
    sd: Number | None = None
    #: number of items averaged per respondent when the text says it, else None
    items: int | None = None
    #: the words that mark the data as whole numbers (or as 0/1 data for ``binary``)
    cue: str = ""

    @property
    def n_value(self) -> int:
        return int(self.n.text.replace(",", ""))


_NOUNS = (
    "participants|people|persons|individuals|respondents|subjects|students|pupils|"
    "undergraduates|patients|children|kids|infants|toddlers|adolescents|teenagers|adults|men|"
    "women|boys|girls|mothers|fathers|parents|couples|families|households|voters|users|"
    "customers|consumers|shoppers|employees|workers|staff|managers|teachers|nurses|doctors|"
    "physicians|clinicians|volunteers|residents|members|athletes|players|drivers|smokers|"
    "veterans|survivors|readers|viewers|listeners|fans|farmers|officers|soldiers|inmates|"
    "prisoners|twins|dyads|raters|judges|experts|schools|classrooms|hospitals|clinics|"
    "companies|firms|businesses|countries|cases|mice|rats|animals|dogs|cats"
)
_WORD = r"(?!(?:of|in|per|and|or|to|from|with|at|on|for|the|a|an|million|billion|thousand)\b)"
_ADJECTIVES = rf"(?:{_WORD}[a-z][a-z'-]*\s+){{0,2}}"
_COUNT = r"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?!\d|,\d{3}(?!\d))"

_N_PATTERNS = (
    re.compile(rf"(?<![A-Za-z])[nN]\s?=\s?(?P<n>{_COUNT})(?![\d.])"),
    re.compile(rf"(?<![\d.,])(?P<n>{_COUNT})\s+{_ADJECTIVES}(?:{_NOUNS})\b"),
    re.compile(rf"\bsample(?:\s+size)?\s+of\s+(?P<n>{_COUNT})(?![\d.])"),
)
_DECIMAL = r"-?\d{0,9}\.\d{1,9}(?!\d)"
_MEAN_PATTERNS = (
    re.compile(rf"(?<![A-Za-z])M\s?=\s?(?P<v>{_DECIMAL})"),
    re.compile(
        # "mean score", "mean sleep-quality score", "average satisfaction rating"
        r"\b(?:mean|average)(?:(?:\s+[a-z]+(?:-[a-z]+)*)?\s+(?:score|rating|response|value"
        r"|total|number(?:\s+of\s+[a-z]+)?))?(?:\s*\((?:SD|s\.?d\.?)\))?"
        rf"\s*(?:was|were|is|of|=|:|equal(?:led|s)?\s+to|at|stood\s+at)?\s*(?P<v>{_DECIMAL})"
    ),
    re.compile(rf"\baveraged\s+(?:a\s+(?:score|rating)\s+of\s+)?(?P<v>{_DECIMAL})"),
    # binary data: only kept when the sentence also says the data are 0/1
    re.compile(r"\bproportions?(?:\s+of\s+[a-z]+)?\s*(?:was|were|is|of|=|:)?\s*"
               r"(?P<v>0?\.\d{1,9})(?!\d)"),
)
_SD_PATTERNS = (
    re.compile(rf"(?<![A-Za-z])(?:SD|s\.d\.|S\.D\.)\s?[=:]?\s?(?P<v>{_DECIMAL})"),
    re.compile(rf"\bstandard\s+deviation\s*(?:was|of|=|:)?\s*(?P<v>{_DECIMAL})"),
    re.compile(rf"^\s*(?:±|\+/-)\s?(?P<v>{_DECIMAL})"),
    re.compile(rf"^\s*\(\s?(?:SD\s?=?\s?)?(?P<v>{_DECIMAL})\s?\)"),
)
_ITEMS = re.compile(
    r"\b(?P<k>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|single)[\s-]items?\b"
    r"|\b(?:of|with|comprising|containing)\s+(?P<k2>\d{1,3})\s+items\b"
)
_NUMBER_WORDS = {"one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "fifteen": 15, "twenty": 20}
_INTEGER_CUE = re.compile(
    r"\b(?:scores?|scored|ratings?|rated|rating\s+scale|scales?|Likert|items?|questions?|"
    r"answers?|responses?|stars?|grades?|votes?|out\s+of\s+\d{1,3}|on\s+a\s+\d{1,2}[-\s]point|"
    r"\d{1,2}[-\s]point|\d\s?(?:-|to)\s?\d{1,2}\s+scale|number\s+of|correct)\b",
    re.IGNORECASE,
)
# A unit or an age attached to a mean means measured (continuous) data, not whole numbers.
_UNIT_AFTER = re.compile(
    r"^\s?(?:%|per\s?cent|percent|years?|yrs?|months?|weeks?|days?|hours?|hrs?|h|minutes?|"
    r"mins?|seconds?|s|ms|kg|g|mg|µg|lbs?|pounds?|cm|mm|m|km|miles?|ml|l|litres?|liters?|"
    r"mmHg|°|degrees?|dollars?|euros?|times|fold|points?\s+higher|percentage)\b"
)
_CONTINUOUS_BEFORE = re.compile(
    r"\b(?:age|aged|ages|weight|height|BMI|income|salary|temperature|time|duration|length|"
    r"distance|speed|latency|reaction|RT|price|cost|dose|concentration|level|rate|ratio|"
    r"blood|pressure|IQ-?adjusted|\$|£|€)\W*(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_PERCENT_OF = re.compile(
    rf"(?<![\d.])(?P<v>\d{{1,3}}(?:\.\d{{1,6}})?)\s?(?:%|per\s?cent|percent)\s+of\s+"
    rf"(?:the\s+|all\s+|these\s+|those\s+|our\s+)?(?P<n>{_COUNT})\s+{_ADJECTIVES}(?:{_NOUNS})\b"
)
_OF_N_LEAD = re.compile(
    rf"^\W*(?:Of|Among|Out\s+of)\s+(?:the\s+|all\s+|these\s+|those\s+)?(?P<n>{_COUNT})\s+"
    rf"{_ADJECTIVES}(?:{_NOUNS})\b"
)
_PERCENT = re.compile(
    r"(?<![\d.])(?P<v>\d{1,3}(?:\.\d{1,6})?)\s?(?:%|per\s?cent|percent)(?!\s+of\b)"
)
# "about 45%", "more than 28 people": a value the writer rounded loosely or bounded is not a
# reported statistic, so granularity says nothing about it.
_APPROXIMATE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|approx\.?|some|over|under|more\s+"
    r"than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|just|close\s+to|an\s+"
    r"estimated|estimated)\s*$|[~≈<>]\s*$",
    re.IGNORECASE,
)
#: More values than this in one "sentence" is a flattened table, not prose: pairing values
#: with sample sizes there is guesswork.
_MAX_VALUES = 12
_WORTH_A_LOOK = re.compile(r"\d?[.\u00b7]\d|%|per\s?cent", re.IGNORECASE)
_BINARY_CUE = re.compile(
    r"\b(?:binary|dichotomous|dummy[-\s]coded|coded\s+(?:as\s+)?0|0\s?=\s?no|proportions?|"
    r"yes/no|0/1)\b",
    re.IGNORECASE,
)


def _numbers(pattern: re.Pattern[str], norm: Normalized, text: str, lo: int, hi: int,
             group: str) -> list[Number]:
    found: list[Number] = []
    for match in pattern.finditer(norm.text, lo, hi):
        start, end = norm.original_span(match.start(group), match.end(group))
        found.append(Number(text[start:end], start, end))
    return found


def _unique(numbers: Sequence[Number]) -> list[Number]:
    seen: dict[tuple[int, int], Number] = {}
    for number in numbers:
        seen.setdefault((number.start, number.end), number)
    return sorted(seen.values(), key=lambda n: n.start)


# "28 and 30 people", "between 20 and 30 people": the last number of a list or range is not
# the sample size of anything on its own.
_LIST_BEFORE = re.compile(r"\d\s*(?:and|or|to|,|-|–|/)\s*$")


def _ns(norm: Normalized, text: str, lo: int, hi: int) -> list[Number]:
    found: list[Number] = []
    for pattern in _N_PATTERNS:
        found.extend(_numbers(pattern, norm, text, lo, hi, "n"))
    return [n for n in _unique(found)
            if not _LIST_BEFORE.search(norm.text[max(0, _norm_index(norm, n.start) - 12):
                                                 _norm_index(norm, n.start)])]


def _items(sentence_text: str) -> int | None:
    match = _ITEMS.search(sentence_text)
    if not match:
        return None
    word = (match.group("k") or match.group("k2") or "").lower()
    return _NUMBER_WORDS.get(word) or (int(word) if word.isdigit() else None)


def _pair(values: Sequence[Number], ns: Sequence[Number]) -> list[tuple[Number, Number]]:
    """Match values to sample sizes: one n serves all; otherwise one n per value, in order."""
    if len(ns) == 1:
        return [(v, ns[0]) for v in values]
    if len(ns) == len(values) and ns:
        return list(zip(values, ns, strict=True))
    return []


def _sd_after(norm: Normalized, text: str, value: Number, hi: int) -> Number | None:
    """The SD reported with a mean: "M = 3.47, SD = 1.21", "3.47 ± 1.21", "3.47 (1.21)"."""
    begin = _norm_index(norm, value.end)
    window = norm.text[begin:min(hi, begin + 40)]
    for pattern in _SD_PATTERNS:
        match = pattern.search(window)
        if match:
            offset = _norm_index(norm, value.end)
            start, end = norm.original_span(offset + match.start("v"), offset + match.end("v"))
            # Stop at the next mean: an SD after it belongs to that one.
            if "M =" in window[: match.start()] or "mean" in window[: match.start()].lower():
                return None
            return Number(text[start:end], start, end)
    return None


def _norm_index(norm: Normalized, original: int) -> int:
    """The normalised offset of an original offset (offsets only grow, so bisect)."""
    if norm.offsets is None:
        return original
    return bisect.bisect_left(norm.offsets, original)


def _is_integer_mean(norm: Normalized, cue: str | None, value: Number, s_start: int
                     ) -> str | None:
    """The cue that makes a mean one of whole-number data, or None."""
    begin = _norm_index(norm, value.end)
    after = norm.text[begin:begin + 20]
    if _UNIT_AFTER.match(after):
        return None
    before = norm.text[max(_norm_index(norm, s_start), _norm_index(norm, value.start) - 60):
                       _norm_index(norm, value.start)]
    if _CONTINUOUS_BEFORE.search(before):
        return None
    return cue


def _approximate(norm: Normalized, number: Number) -> bool:
    """Whether words right before the number make it approximate or a bound."""
    end = _norm_index(norm, number.start)
    before = norm.text[max(0, end - 25):end]
    before = re.sub(r"(?:the|all|these|those|our|of)\s+$", "", before)
    return _APPROXIMATE.search(before) is not None


def find_descriptives(text: str, sentence_list: Sequence[Sentence] | None = None
                      ) -> list[Descriptive]:
    """Every testable mean, percentage-of-n and binary summary in ``text``."""
    found: list[Descriptive] = []
    spans = list(sentence_list) if sentence_list is not None else sentences(text)
    previous: Sentence | None = None
    for sentence in spans:
        # Only sentences with a decimal number or a percentage can hold a testable value;
        # everything else is skipped before any normalisation or pattern work.
        if _WORTH_A_LOOK.search(text, sentence.start, sentence.end):
            same_paragraph = previous is not None and previous.paragraph == sentence.paragraph
            lo = previous.start if same_paragraph and previous is not None else sentence.start
            norm = normalize_slice(text, lo, sentence.end)
            context = previous if same_paragraph else None
            for item in _in_sentence(norm, text, sentence, context):
                if not (_approximate(norm, item.value) or _approximate(norm, item.n)):
                    found.append(item)
        previous = sentence
    return found


def _in_sentence(norm: Normalized, text: str, sentence: Sentence,
                 previous: Sentence | None) -> Iterator[Descriptive]:
    lo, hi = _norm_index(norm, sentence.start), _norm_index(norm, sentence.end)
    sentence_norm = norm.text[lo:hi]
    yield from _percentages(norm, text, sentence_norm, lo, hi)
    means: list[Number] = []
    for pattern in _MEAN_PATTERNS:
        means.extend(_numbers(pattern, norm, text, lo, hi, "v"))
    means = _unique(means)
    if not means or len(means) > _MAX_VALUES:
        return
    ns = _ns(norm, text, lo, hi)
    if not ns and previous is not None and previous.paragraph == sentence.paragraph:
        # "We surveyed 28 people. Their mean score was 3.47." — one n in the sentence before.
        earlier = _ns(norm, text, _norm_index(norm, previous.start),
                      _norm_index(norm, previous.end))
        ns = earlier if len(earlier) == 1 else []
    items = _items(sentence_norm)
    binary = _BINARY_CUE.search(sentence_norm)
    integer_cue = _INTEGER_CUE.search(sentence_norm)
    cue_text = integer_cue.group(0) if integer_cue else None
    for mean, n in _pair(means, ns):
        sd = _sd_after(norm, text, mean, hi)
        if binary and sd is not None and _within_unit(mean.text) and _within_unit(sd.text):
            yield Descriptive("binary", mean, n, sd, None, binary.group(0))
            continue
        cue = _is_integer_mean(norm, cue_text, mean, sentence.start)
        if cue:
            yield Descriptive("mean", mean, n, sd, items, cue)


def _within_unit(number_text: str) -> bool:
    try:
        return 0 <= float(number_text) <= 1
    except ValueError:
        return False


def _percentages(norm: Normalized, text: str, sentence_norm: str, lo: int, hi: int
                 ) -> Iterator[Descriptive]:
    for match in _PERCENT_OF.finditer(norm.text, lo, hi):
        yield Descriptive("percent", _number(norm, text, match, "v"),
                          _number(norm, text, match, "n"), cue="percent of n")
    lead = _OF_N_LEAD.match(sentence_norm)
    if lead is None:
        return
    n = _number(norm, text, lead, "n", offset=lo)
    for match in _PERCENT.finditer(norm.text, lo + lead.end(), hi):
        yield Descriptive("percent", _number(norm, text, match, "v"), n, cue="of n, percent")


def _number(norm: Normalized, text: str, match: re.Match[str], group: str,
            offset: int = 0) -> Number:
    start, end = norm.original_span(offset + match.start(group), offset + match.end(group))
    return Number(text[start:end], start, end)
