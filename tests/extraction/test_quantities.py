"""Extraction of quantities from news sentences: each correction of quantulum3 has a test."""

from __future__ import annotations

import math

import pytest

from numcheck import extract
from numcheck.claims import Claim


def quantities(text: str) -> list[Claim]:
    return [c for c in extract(text) if c.is_quantity]


def only(text: str) -> Claim:
    found = quantities(text)
    assert len(found) == 1, [(c.text, c.kind) for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "bound", "low", "high"),
    [
        ("It has more than 300 members.", ">", 300, math.inf),
        ("Over 40 people were hurt.", ">", 40, math.inf),
        ("At least 12 people died.", ">=", 12, math.inf),
        ("Nearly 500 homes were flooded.", "~", 450, 500),
        ("Almost 20 people were rescued.", "~", 18, 20),
        ("Roughly 70 firms signed up.", "~", 58, 82),
        ("About 1,500 fans attended.", "~", 1300, 1700),
        ("Some 60 lorries were stuck.", "~", 49, 71),
        ("Up to 400 jobs could go.", "<=", 0, 400),
        ("Fewer than 5 people applied.", "<", 0, 5),
        ("Less than 2 square miles remain.", "<", 0, 2),
        ("Under 30 staff remain.", "<", 0, 30),
        ("An estimated 8,000 people marched.", "~", 6700, 9300),
    ],
)
def test_bounds_set_bound_and_interval(text: str, bound: str, low: float, high: float) -> None:
    claim = only(text)
    assert claim.bound == bound
    assert claim.low == pytest.approx(low)
    assert claim.high == pytest.approx(high)


def test_more_than_a_share_is_capped_at_100_percent() -> None:
    claim = only("IS has lost more than 99 per cent of the territory it once held.")
    assert (claim.bound, claim.unit, claim.low, claim.high) == (">", "percent", 99, 100)
    assert not claim.low_closed and claim.high_closed


@pytest.mark.parametrize(
    ("text", "low", "high", "step"),
    [
        ("The bridge is 1.93 miles long.", 1.925, 1.935, 0.01),
        ("The hall holds 3,200 people.", 3150, 3250, 100),
        ("The hall holds 2,000 people.", 1500, 2500, 1000),
        ("The hall holds 46 people.", 45.5, 46.5, 1),
    ],
)
def test_rounding_interval_from_digits_written(
    text: str, low: float, high: float, step: float
) -> None:
    claim = only(text)
    assert (claim.low, claim.high, claim.step) == pytest.approx((low, high, step))


def test_a_bound_word_modifies_only_its_own_number() -> None:
    first, second = quantities("More than 60 people were hurt and 45 cars were damaged.")
    assert first.bound == ">" and second.bound == "="


@pytest.mark.parametrize(
    ("text", "low_value", "high_value", "unit"),
    [
        ("The path is 5-10 km long.", 5, 10, "kilometer"),
        ("It will cost between 5 and 10 dollars.", 5, 10, "USD"),
        ("A fine of $10 to $15 billion is expected.", 10e9, 15e9, "USD"),
        ("Prices range from $370,000 to $5.5 million.", 370_000, 5.5e6, "USD"),
    ],
)
def test_ranges_are_one_claim(text: str, low_value: float, high_value: float, unit: str) -> None:
    claim = only(text)
    assert claim.value == pytest.approx(low_value)
    assert claim.upper == pytest.approx(high_value)
    assert claim.unit == unit


def test_from_to_under_a_verb_of_change_is_two_claims() -> None:
    first, second = quantities("Unemployment rose from 4.1% to 5.3% last year.")
    assert (first.value, first.unit) == (4.1, "percent")
    assert (second.value, second.unit) == (5.3, "percent")


def test_a_change_target_shares_the_unit_of_the_change() -> None:
    first, second = quantities("The index rose 64.06 points to 4,577.10.")
    assert first.unit == second.unit == "index_point"
    # The amount is the change; the target is the level reached, not a rise of its own.
    assert (first.change, second.change) == ("up", None)


@pytest.mark.parametrize("text", [
    "Heineken Malaysia rose 18 sen to RM23.50.",
    "Exports dropped 7% to $2.3 billion.",
    "The crude contract was up 19 cents at US$58.24 per barrel.",
])
def test_the_level_a_change_reaches_is_not_itself_a_change(text: str) -> None:
    change, level = quantities(text)
    assert change.change is not None and level.change is None


def test_a_relative_change_does_not_lend_its_percent_to_the_level() -> None:
    rise, level = quantities("Pluristem rose 8.15% to 3.65 after the meeting.")
    assert rise.unit == "percent" and level.unit is None


@pytest.mark.parametrize(("text", "direction"), [
    ("The brand expects to grow sales by 35 per cent this half.", "up"),
    ("The airline will cut its capacity by 12% next year.", "down"),
    ("Profit was revised upward by $40 million.", "up"),
])
def test_a_verb_of_change_governs_the_amount_after_its_object(text: str, direction: str) -> None:
    (amount,) = quantities(text)
    assert amount.change == direction


def test_up_before_an_object_is_no_verb_of_change() -> None:
    (amount,) = quantities("He picked up the award by 3 votes.")
    assert amount.change is None


def test_an_average_is_a_statistic_not_an_approximation() -> None:
    (share,) = quantities("The firms were overvalued by an average of 50 per cent.")
    assert share.bound == "="


def test_a_restatement_in_another_unit_shares_bound_and_change() -> None:
    celsius, fahrenheit = quantities("Temperatures dropped by 1C (1.8F) that century.")
    assert celsius.change == fahrenheit.change == "down"
    hp, kw = quantities("It makes just under 296 hp (224 kW).")
    assert hp.bound == kw.bound == "<"


@pytest.mark.parametrize(
    ("text", "value", "what"),
    [
        ("The bomb killed four Americans.", 4, "Americans"),
        ("He bought a dozen eggs.", 12, "eggs"),
        ("Two-thirds of voters agreed.", 2 / 3, "voters"),
        ("Half a million people marched.", 500_000, "people"),
        ("It sold 1.2m copies.", 1_200_000, "copies"),
        ("There were twenty-five people inside.", 25, "people"),
        ("Three hundred and fifty jobs went.", 350, "jobs"),
    ],
)
def test_number_words_and_counts(text: str, value: float, what: str) -> None:
    claim = only(text)
    assert claim.value == pytest.approx(value)
    assert claim.kind == "count"
    assert claim.quantity_of == what


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The films took a total of 204.3m (£109m) in the US.", 204.3e6, None),
        ("The club was sold for 5m (about $6m) in cash.", 5e6, None),
        ("The tower is 310m (1,017ft) tall.", 310, "meter"),
        ("He ran the 100m (328ft) in record time.", 100, "meter"),
    ],
)
def test_m_restated_in_a_currency_is_millions_not_metres(
        text: str, value: float, unit: str | None) -> None:
    first = quantities(text)[0]
    assert (first.value, first.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", [
    "The film 21 Grams won, and 24 Hour Party People was shown.",
    "He told the CBS show 60 Minutes that he would stay.",
    "Three Degrees star Sheila Ferguson faces eviction.",
])
def test_a_number_and_a_capitalised_unit_word_are_a_name(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(("text", "unit"), [
    ("Temperatures reached 40 Celsius in Seville.", "degree_Celsius"),  # spelt with a capital
    ("He earned 885,000 Euros last year.", "EUR"),  # a currency, capitalised by some styles
    ("The show lasts 60 minutes.", "minute"),
])
def test_units_written_with_a_capital_by_convention_stay_units(text: str, unit: str) -> None:
    (claim,) = quantities(text)
    assert claim.unit == unit


@pytest.mark.parametrize(("text", "unit"), [
    ("More than a trillion pounds in value is concentrated in London.", "GBP"),
    ("The charity was left 5m pounds in her will.", "GBP"),
    ("The farm produced 2 million pounds of cheese.", "pound"),  # pounds *of* something
    ("The plane was overloaded by 700 pounds.", "pound"),
])
def test_millions_of_pounds_are_money_unless_pounds_of_something(text: str, unit: str) -> None:
    assert quantities(text)[0].unit == unit


@pytest.mark.parametrize(("text", "values", "step"), [
    ("About 4.1 million people watched.", [4_100_000.0], 100_000.0),
    ("It owes 8.2bn euros and $16.6bn.", [8_200_000_000.0, 16_600_000_000.0], 100_000_000.0),
    ("Profit rose from 4.1 to 5.3 million euros.", [4_100_000.0, 5_300_000.0], 100_000.0),
])
def test_scaled_numbers_are_exact_to_the_digits_written(
        text: str, values: list[float], step: float) -> None:
    # 4.1 × 10⁶ in binary floating point is 4099999.9999999995: not what the text says, and
    # what every claims table and JSON report would print.
    found = quantities(text)
    assert [c.value for c in found] == values
    assert found[0].step == step


def test_a_list_item_that_is_already_a_number_is_not_counted_again() -> None:
    # "a third of them" is a fraction; as a list item it was also "1 third": one text, two
    # claims.
    found = quantities("The firm employs 1,200 people across 14 sites, a third of them in Wales.")
    assert [(c.text, c.value) for c in found] == [
        ("1,200", 1200), ("14", 14), ("a third", pytest.approx(1 / 3))]


def test_a_currency_sign_before_digits_belongs_to_the_next_amount() -> None:
    found = extract("Labour will spend by 2008 £60bn more, and a ticket is 5 € at the door.")
    assert [(c.text, c.kind, c.unit) for c in found] == [
        ("2008", "year", None), ("£60bn", "money", "GBP"), ("5 €", "money", "EUR")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The defender, who weighs 14st 2lb, joined on Friday.", 14, "stone"),
    ("She lost 3st in a year.", 3, "stone"),
])
def test_st_after_a_number_that_is_not_first_is_stone(text: str, value: int, unit: str) -> None:
    # An ordinal's suffix is the one English gives its number (21st, 22nd, 13th, 111th):
    # "14st" and "3st" are weights.
    first = quantities(text)[0]
    assert (first.value, first.unit, first.kind) == (value, unit, "measure")


@pytest.mark.parametrize("text", [
    "The 21st century", "the 22nd time", "the 11th hour", "the 101st Airborne", "the 3rd day"])
def test_ordinals_with_their_own_suffix_stay_ordinals(text: str) -> None:
    (claim,) = extract(text)
    assert claim.kind == "ordinal" and claim.text.isdigit()


@pytest.mark.parametrize(("text", "what"), [
    ("The US imported $20bn worth of goods from the region.", "goods"),
    ("Police seized 1.2 tonnes of cocaine worth an estimated £100m.", "cocaine"),
    ("He was given 5mg of the drug twice a day.", "drug"),
])
def test_worth_and_twice_are_not_what_is_counted(text: str, what: str) -> None:
    assert quantities(text)[0].quantity_of == what


def test_a_clock_time_is_one_claim() -> None:
    found = extract("The fire broke out at 02:30 GMT and was out by 14:00:30.")
    assert [(c.text, c.kind) for c in found] == [("02:30", "time"), ("14:00:30", "time")]


@pytest.mark.parametrize(("text", "labels"), [
    ("The M6 was closed between junctions 10 and 11 for six hours.", ["M6", "10", "11"]),
    ("Schools at Key Stages 1, 3 and 4 were inspected.", ["1", "3", "4"]),
    ("See pages 5 and 6, rooms 4 to 7.", ["5", "6", "4", "7"]),
])
def test_numbers_listed_after_a_plural_label_are_identifiers(text: str, labels: list[str]) -> None:
    assert [c.text for c in extract(text) if c.kind == "identifier"] == labels


def test_a_verb_like_a_label_makes_no_label() -> None:
    # "issues" here is a verb: 2005 is no issue number (the test is only about that).
    assert [c.kind for c in extract("GM issues 2005 profits warning.")] != ["identifier"]


def test_a_singular_label_does_not_make_the_next_number_a_label() -> None:
    # "Flight 370, 239 people on board": the count after the code is a count.
    found = extract("Flight 370, with 239 people on board, and Section 230 and 50 other rules.")
    assert [(c.text, c.kind) for c in found] == [
        ("370", "identifier"), ("239", "count"), ("230", "identifier"), ("50", "count")]


def test_an_age_group_is_an_age_bound() -> None:
    # "under-16s" was 16 of something called "s".
    found = quantities("Tickets are free for under-16s and the over-65s.")
    assert [(c.value, c.kind, c.unit, c.bound, c.quantity_of) for c in found] == [
        (16, "age", "year", "<", None), (65, "age", "year", ">=", None)]


@pytest.mark.parametrize(("text", "bound"), [
    ("The firm will pay another $120m over eight years.", "="),  # an amount over a period
    ("The film took $13.5m (£7m) over three days.", "="),
    ("Deliveries will continue over a five-year period.", "="),
    ("She has taught ballet for over 48 years.", ">"),  # more than
    ("The number of patients waiting over 12 months fell.", ">"),
])
def test_over_before_a_duration_is_a_period_after_an_amount(text: str, bound: str) -> None:
    assert quantities(text)[-1].bound == bound


def test_an_article_belongs_to_the_number_only_when_it_counts_one() -> None:
    found = quantities("A hundred people came for a five-year plan, a dozen eggs and a "
                       "two-thirds majority.")
    assert [c.text for c in found] == ["A hundred", "five-year", "a dozen", "two-thirds"]


@pytest.mark.parametrize(("text", "unit"), [
    ("The ice sheet is losing 150 billion tonnes of ice a year.", "metric_ton / year"),
    ("The field pumps a million barrels of oil a day.", "barrel / day"),
    ("The firm sold 5,000 tonnes of steel in a year.", "metric_ton"),  # a total, not a rate
])
def test_a_measure_of_something_per_unit_of_time_is_a_rate(text: str, unit: str) -> None:
    assert quantities(text)[0].unit == unit


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("She won gold in the 100m in 10.72 seconds.", 100, "meter"),  # an event: metres
    ("A 400m runner won the race.", 400, "meter"),
    ("Apple sold 100m in 2019.", 100e6, None),  # millions
])
def test_race_distances_are_metres(text: str, value: float, unit: str | None) -> None:
    first = quantities(text)[0]
    assert (first.value, first.unit) == (pytest.approx(value), unit)


def test_a_described_person_has_an_age() -> None:
    (age, goals) = quantities("The striker, 31, has scored 212 goals for the club.")
    assert (age.value, age.kind) == (31, "age") and goals.kind == "count"


def test_a_plural_name_before_a_number_counts_it() -> None:
    # "the Conservatives 121": a party's seats in a list, not a model number
    found = extract("Labour won 412 seats, the Conservatives 121 and the Lib Dems 72.")
    assert [c.kind for c in found] == ["count", "count", "count"]
    assert [c.kind for c in extract("The Boeing 737 and the Apollo 11 crew.")] == [
        "identifier", "identifier"]
    assert [c.kind for c in extract("Protesters from the Fathers 4 Justice group.")] == [
        "identifier"]


@pytest.mark.parametrize(("text", "value", "step"), [
    ("Some two and a half million people live in the region.", 2_500_000, 500_000),
    ("Tens of thousands marched in Paris alone.", 10_000, 0),
])
def test_scaled_number_words(text: str, value: float, step: float) -> None:
    claim = quantities(text)[0]
    assert (claim.value, claim.step) == (value, step)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("It is the second city, with a population of 1.5m.", 1.5e6, None),
    ("Viewers peaked at 8.2m on Sunday.", 8.2e6, None),
    ("The tower is 300m.", 300, "meter"),
    ("The tower is more than 50m taller than the old one.", 50, "meter"),  # a comparative
])
def test_m_after_a_count_noun_is_millions(text: str, value: float, unit: str | None) -> None:
    claim = quantities(text)[0]
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    # the earlier level takes the unit of the figure it is compared with, not of that
    # figure's restatement in brackets, and "38m" beside money in millions is millions
    ("Profits were 77m euros (£53m; $100m), up from 38m.", 38e6, "EUR"),
    ("Profit was $5.2bn (£2.8bn), down from 6bn.", 6e9, "USD"),
    ("Sales were £5m, up from 3m.", 3e6, "GBP"),
    ("The £5m sprint track is 400m.", 400, "meter"),  # no comparison: a length
    ("Profit was 4.3bn rupees ($98m; £52m), against 2.7bn a year earlier.", 2.7e9, "INR"),
    ("Fiat is to get 1bn euros now, with another 550m to follow.", 550e6, "EUR"),
    ("It costs $5 and another 3 are due.", 3, None),  # "another 3" of anything
])
def test_a_level_compared_with_money_is_money(text: str, value: float, unit: str) -> None:
    claim = quantities(text)[-1]
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "money"), [
    ("Qantas made a record Australian dollars 648m ($492m) profit.",
     [("Australian dollars 648m", "AUD"), ("$492m", "USD")]),
    ("The deficit widened to Australian dollar 29.4bn.", [("Australian dollar 29.4bn", "AUD")]),
    ("He was paid in Australian dollars 5 times.", []),  # not an amount
])
def test_a_dollar_named_by_its_country_before_an_amount(text: str,
                                                        money: list[tuple[str, str]]) -> None:
    assert [(c.text, c.unit) for c in quantities(text) if c.kind == "money"] == money


def test_a_verb_with_its_object_is_not_what_is_counted() -> None:
    found = quantities("One in four opposed it, and 300 recorded songs were released.")
    assert [c.quantity_of for c in found] == [None, None, "recorded songs"]


def test_a_unit_and_a_half_is_one_and_a_half_of_it() -> None:
    found = quantities("The line is a year and a half late; the wait was an hour and a half.")
    assert [(c.text, c.value, c.unit) for c in found] == [
        ("a year and a half", 1.5, "year"), ("an hour and a half", 1.5, "hour")]


@pytest.mark.parametrize(("text", "kind"), [
    ("A man in his mid-40s was arrested.", "age"),
    ("She is in her 30s.", "age"),
    ("Music from the 70s and 80s pop filled the hall.", "year"),
    ("It was a 90s TV comedy.", "year"),
    # a list's first decade says what the later ones are
    ("They were a unifying force in the 80s and 90s.", "year"),
    ("We forget about the late 80s and early 90s.", "year"),
    ("Rock of the 1980's and 90's.", "year"),
    ("People in their 70s and 80s were vaccinated first.", "age"),
    ("DJs are re-working 70's and 80's music.", "year"),
    ("It mocks the cheesy 80s setting of the last game.", "year"),
])
def test_a_decade_is_an_age_after_a_possessive_and_a_decade_otherwise(text: str,
                                                                        kind: str) -> None:
    assert {c.kind for c in extract(text)} == {kind}


@pytest.mark.parametrize(("text", "unit"), [
    ("The minimum wage will rise from £10.42 to £11.44 an hour.", "GBP / hour"),
    ("Petrol rose from 140p to 145.9p a litre.", "penny / liter"),
])
def test_a_rate_written_after_the_level_reached_is_the_starts_too(text: str, unit: str) -> None:
    assert [c.unit for c in quantities(text)] == [unit, unit]


@pytest.mark.parametrize("text", [
    "The FTSE 100's 0.3% decline was led by banks.",  # a name's possessive
    "Audiences are in the 10s, 100s and 1,000s rather than millions.",  # tens, hundreds
])
def test_a_plural_or_possessive_number_is_no_age_without_a_person(text: str) -> None:
    assert "age" not in {c.kind for c in extract(text)}
    assert all(c.quantity_of is None for c in extract(text) if c.kind != "percent")


def test_the_plural_s_of_a_number_is_not_what_it_counts() -> None:
    # "in her 30s" counted "s"
    (claim,) = quantities("She is in her 30s and lives in Leeds.")
    assert claim.quantity_of is None


def test_a_counted_list_item_introduced_by_a_counts_one() -> None:
    found = quantities(
        "The bombing killed four Americans – two service members, a Pentagon civilian and a US"
        " contractor – in Manbij."
    )
    assert [(c.value, c.quantity_of) for c in found] == [
        (4, "Americans"), (2, "service members"), (1, "Pentagon civilian"), (1, "US contractor"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The withdrawal would fulfil a Trump goal.",
        "America will give those who would destroy us no quarter.",
        "It was a bit of a shock.",
        "Mike said he was in at the start.",
        "There was a change in tactics.",
        "He said it would not happen on Wednesday.",
    ],
)
def test_ordinary_words_never_become_quantities(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("Inflation hit 5 per cent.", "percent", "percent"),
        ("Inflation hit 5 percent.", "percent", "percent"),
        ("Inflation hit 5%.", "percent", "percent"),
        ("Rates rose by 0.5 percentage points.", "percentage_point", "percent"),
        ("It cost $3.2bn.", "USD", "money"),
        ("It cost US$3m.", "USD", "money"),
        ("It cost £40m.", "GBP", "money"),
        ("It cost €12bn.", "EUR", "money"),
        ("It cost ¥500bn.", "JPY", "money"),
        ("It cost Rs 500 crore.", "INR", "money"),
        ("It cost 20 dollars.", "USD", "money"),
        ("It cost 10.5 million Australian dollars.", "AUD", "money"),
        ("It cost Mex$10m.", "MXN", "money"),  # not US dollars: the sign's qualifier names it
        ("It cost CAD$20.", "CAD", "money"),  # an ISO code glued to the dollar sign
        ("It cost NT$5bn.", "TWD", "money"),
        ("Each block mined now earns 6.25 BTC.", "BTC", "money"),
        ("Shares fell 68p.", "penny", "money"),
        ("It rose to 40C.", "degree_Celsius", "measure"),
        ("It rose to 104F.", "degree_Fahrenheit", "measure"),
        ("Highs of 30 degrees Celsius are expected.", "degree_Celsius", "measure"),
        ("It covers 25 square miles.", "mile ** 2", "measure"),
        ("It covers 40 square kilometres.", "kilometer ** 2", "measure"),
        ("It covers 40 km².", "kilometer ** 2", "measure"),
        ("It covers 12 sq mi.", "mile ** 2", "measure"),
        ("The farm covers 300 hectares.", "hectare", "measure"),
        ("The farm covers 300 acres.", "acre", "measure"),
        ("The road is 12 miles long.", "mile", "measure"),
        ("Winds of 70 mph were recorded.", "mile_per_hour", "measure"),
        ("Winds of 110 km/h were recorded.", "kilometer_per_hour", "measure"),
        ("The ship sailed at 12 knots.", "knot", "measure"),
        ("The cargo weighed 40 tonnes.", "metric_ton", "measure"),
        ("The baby weighed 8 pounds.", "pound", "measure"),
        ("The talks lasted 18 months.", "month", "measure"),
        ("He served three years in prison.", "year", "measure"),
        ("Gold was at $1,271 an ounce.", "USD / ounce", "money"),
    ],
)
def test_units(text: str, unit: str, kind: str) -> None:
    claim = only(text)
    assert (claim.unit, claim.kind) == (unit, kind)


def test_temperature_pair_is_celsius_then_fahrenheit() -> None:
    first, second = quantities("Temperatures reached 40C (104F) on Monday.")
    assert (first.unit, second.unit) == ("degree_Celsius", "degree_Fahrenheit")


def test_currencies_are_their_own_dimensions() -> None:
    from numcheck import units

    assert not units.compatible("USD", "GBP")
    assert units.compatible("kilometer ** 2", "mile ** 2")


@pytest.mark.parametrize(("a", "b"), [
    ("horsepower", "kilowatt"),  # pint writes [length] ** 2 * [mass] ... and [mass] * ...
    ("brake_horsepower", "watt"),
    ("force_pound * foot", "newton * meter"),
    ("kilowatt_hour", "force_pound * foot"),
])
def test_equal_dimensions_are_one_dimension_whatever_order_pint_writes(a: str, b: str) -> None:
    from numcheck import units

    assert units.dimension(a) == units.dimension(b)
    assert units.compatible(a, b)


def test_dimension_text_is_sorted_and_keeps_pints_notation() -> None:
    from numcheck.units import dimension_text

    assert dimension_text({"[mass]": 1, "[length]": 2, "[time]": -3}) == \
        "[length] ** 2 * [mass] / [time] ** 3"
    assert dimension_text({"[time]": -1}) == "1 / [time]"
    assert dimension_text({"[length]": 1.0}) == "[length]"
    assert dimension_text({}) == "dimensionless"


def test_bhp_is_brake_horsepower_and_converts_as_horsepower() -> None:
    from numcheck import units

    (claim,) = quantities("The 640bhp engine is the firm's most powerful.")
    assert claim.unit == "brake_horsepower"
    assert units.convert(640, "brake_horsepower", "horsepower") == pytest.approx(640)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Manbij was liberated in 2016.", "year"),
        ("The talks began on September 8.", "date"),
        ("The talks began on 8 September.", "date"),
        ("The meeting starts at 5 p.m.", "time"),
        ("The meeting starts at 10:30.", "time"),
        ("She finished 3rd in the race.", "ordinal"),
        ("Call 020 7946 0000 for details.", "identifier"),
        ("The S&P 500 rose.", "identifier"),
        ("She bought an iPhone 11.", "identifier"),
        ("A Boeing 737 landed.", "identifier"),
        ("Covid-19 spread.", "identifier"),
        ("The G20 met in Osaka.", "identifier"),
        ("Chelsea won 3-1 at home.", "score"),
    ],
)
def test_typed_non_quantities(text: str, kind: str) -> None:
    kinds = [c.kind for c in extract(text)]
    assert kind in kinds
    assert not [c for c in extract(text) if c.is_quantity]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The 45-year-old was arrested.", 45),
        ("A man aged 45 was arrested.", 45),
        ("John Smith, 45, was arrested.", 45),
    ],
)
def test_ages(text: str, value: float) -> None:
    claim = only(text)
    assert (claim.kind, claim.value, claim.unit) == ("age", value, "year")


def test_a_year_shaped_count_after_a_bound_is_a_count() -> None:
    claim = only("The firm has more than 1000 customers.")
    assert (claim.kind, claim.value, claim.bound) == ("count", 1000, ">")


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Shares fell 5% on Monday.", "down"),
        ("Profits rose by 12% last year.", "up"),
        ("The index gained 2.5 points.", "up"),
        ("The defence gave up 517 yards.", None),
        ("The firm will lay off 600 staff.", None),
    ],
)
def test_direction_of_change(text: str, change: str | None) -> None:
    assert only(text).change == change


def test_output_does_not_depend_on_the_hash_seed() -> None:
    import subprocess
    import sys

    code = (
        "import numcheck, json;"
        "print(json.dumps([c.to_dict() for c in numcheck.extract("
        "'The 275 pound-feet engine revs at 3000 rpm and weighs 1.2 tonnes.')], default=str))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_gapped_verb_carries_its_direction() -> None:
    found = quantities("Shares of Ross were down 2.3%, Burlington by 2.6% and Gap rose 1.9%.")
    assert [c.change for c in found] == ["down", "down", "up"]


def test_a_bare_change_shares_the_unit_of_an_earlier_change() -> None:
    first, second = quantities("The DAX increased by 2 percent but the CAC decreased by 1.")
    assert (first.unit, second.unit) == ("percent", "percent")
    assert (first.change, second.change) == ("up", "down")


def test_a_restatement_in_parentheses_shares_the_bound() -> None:
    first, second = quantities("The engine makes just under 296 hp (224 kW).")
    assert (first.bound, second.bound) == ("<", "<")


def test_a_unit_wrapped_over_a_line_break_is_one_unit() -> None:
    claim = only("The forest covers 25 square\nmiles.")
    assert claim.unit == "mile ** 2"


def test_symbols_glued_to_the_number_only() -> None:
    assert [c.unit for c in quantities("The pipe is 100mm (4in) wide.")] == [
        "millimeter", "inch",
    ]
    assert only("He scored 5 in the first half.").unit is None


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Britain's 60 million people were counted.", "people"),
        ("There are 646 MPs in the Commons.", "MPs"),
    ],
)
def test_possessives_and_plural_acronyms_count_things(text: str, what: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.unit, claim.quantity_of) == ("count", None, what)


# --- rules of English that NewsQuant's misses pointed to (each written for the rule) ---


def test_suspended_hyphens_share_the_compound_that_completes_them() -> None:
    found = quantities("The range has four-, five- and six-cylinder engines.")
    assert [c.value for c in found] == [4, 5, 6]
    assert {c.quantity_of for c in found} == {found[-1].quantity_of}
    assert all(c.upper is None for c in found)  # three options, not a range
    bonds = quantities("They sold 5- and 10-year bonds.")
    assert [(c.value, c.unit) for c in bonds] == [(5, "year"), (10, "year")]


def test_a_suspended_hyphen_before_to_is_still_a_range() -> None:
    (homes,) = quantities("They build 3- to 4-bedroom homes.")
    assert (homes.value, homes.upper) == (3, 4)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("A fluid ounce is 1/16 of a US pint.", 1 / 16, "pint"),
    ("The path runs for a third of a mile.", 1 / 3, "mile"),
    ("He drank two-thirds of a pint.", 2 / 3, "pint"),
])
def test_a_fraction_of_one_unit_is_measured_in_that_unit(text: str, value: float,
                                                         unit: str) -> None:
    claim = [c for c in quantities(text) if c.unit == unit]
    assert len(claim) == 1 and claim[0].value == pytest.approx(value)


def test_a_fraction_of_a_currency_is_not_a_unit_fraction() -> None:
    assert all(c.unit != "USD" for c in quantities("A quarter of a dollar is a coin."))


@pytest.mark.parametrize(("text", "unit"), [
    ("They shipped 5 US gallons of fuel.", "gallon"),
    ("It weighs 4 metric tons.", "metric_ton"),
])
def test_a_measuring_system_may_stand_before_the_unit(text: str, unit: str) -> None:
    assert only(text).unit == unit


def test_a_country_before_a_noun_is_no_measuring_system() -> None:
    claim = only("The 3 US troops were flown home.")
    assert claim.unit is None and claim.quantity_of == "US troops"


@pytest.mark.parametrize(("text", "unit"), [
    ("Her 18-month-old daughter was unhurt.", "month"),
    ("A six-week-old baby was found.", "week"),
    ("A 45-year-old man was arrested.", "year"),
])
def test_ages_keep_the_unit_they_are_counted_in(text: str, unit: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.unit) == ("age", unit)


def test_only_the_scale_written_on_the_second_number_is_shared() -> None:
    (claims,) = quantities("Claims ranged from $200 to $4 million.")
    assert (claims.value, claims.upper) == (200, 4_000_000)
    (fine,) = quantities("A fine of $3 to $5 billion is expected.")
    assert (fine.value, fine.upper) == (3e9, 5e9)


def test_a_currency_sign_written_once_covers_both_ends_of_a_range() -> None:
    sale = only("It could sell for $10-15bn.")
    assert (sale.unit, sale.value, sale.upper) == ("USD", 10e9, 15e9)


@pytest.mark.parametrize(("text", "value"), [
    ("He was paid up to PS2.7m last year.", 2.7e6),
    ("An PS8.1bn takeover followed.", 8.1e9),
    ("The fare was PS21,700 in all.", 21_700),
])
def test_ascii_folded_pounds_are_gbp(text: str, value: float) -> None:
    claim = only(text)
    assert (claim.unit, claim.value) == ("GBP", value)


def test_a_console_name_is_no_amount_of_pounds() -> None:
    assert quantities("He bought a PS5 and a PS4.") == []


def test_an_ordinal_fraction_in_a_compound_is_no_number() -> None:
    assert quantities("A third-party audit found a half-time error.") == []


def test_a_lower_case_article_is_no_single_letter_name() -> None:
    laser = only("We used a 5-10W laser.")
    assert (laser.value, laser.upper, laser.unit) == (5, 10, "watt")


@pytest.mark.parametrize(("text", "what"), [
    ("The range has six-cylinder engines.", "cylinder"),
    ("They bought a three-bedroom house.", "bedroom"),
])
def test_a_number_hyphenated_to_a_noun_counts_that_noun(text: str, what: str) -> None:
    assert only(text).quantity_of == what


def test_metric_horsepower_restates_horsepower_with_its_bound() -> None:
    hp, ps = quantities("It makes just under 296 hp (300 PS).")
    assert (hp.bound, ps.unit, ps.bound) == ("<", "metric_horsepower", "<")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Add ½ tbsp of salt.", 0.5, "tablespoon"),
    ("He ran 2½ miles.", 2.5, "mile"),
])
def test_unicode_fraction_characters_are_numbers(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert (claim.value, claim.unit) == (value, unit)


def test_thin_and_no_break_spaces_group_thousands_but_plain_spaces_do_not() -> None:
    assert only("It was valued at 10\u00a0000 dollars.").value == 10_000
    assert only("A crowd of 1\u2009000\u2009000 people came.").value == 1_000_000
    assert [c.value for c in quantities("He scored 25 100 times.")] == [25, 100]


def test_hours_abbreviated_are_a_duration_unless_a_clock_time() -> None:
    assert only("The shortest day has only 3 hrs of light.").unit == "hour"
    assert quantities("At 1400 hrs the troops left.") == []


def test_a_unit_written_once_after_a_list_of_numbers_applies_to_each() -> None:
    low, high = quantities("They were given 45 and 50 mg of ethanol.")
    assert low.unit == high.unit == "milligram"
    dogs, food = quantities("He has 5 dogs and 10 kg of food.")
    assert dogs.unit is None and food.unit == "kilogram"


def test_a_part_of_a_whole_takes_the_whole_s_unit() -> None:
    raised, whole = quantities("He has raised 280 million of the 1.5 billion shekels he needs.")
    assert raised.unit == whole.unit == "ILS" and raised.value == 280e6


@pytest.mark.parametrize(("text", "what"), [
    ("A third of the British population lives in the south.", "British population"),
    ("Two-thirds of adults agree.", "adults"),
])
def test_a_share_may_be_of_something_singular(text: str, what: str) -> None:
    assert only(text).quantity_of == what


def test_million_british_thermal_units_is_a_unit() -> None:
    price = only("Gas rose to US$2.24 per mmBTU.")
    assert price.unit == "USD / megabritish_thermal_unit"


@pytest.mark.parametrize("text", [
    "He will be 35 by the end of the year.",
    "She turned 50 last week.",
])
def test_a_person_being_a_number_states_an_age(text: str) -> None:
    assert only(text).kind == "age"


@pytest.mark.parametrize("text", ["He was 35 points behind.", "It is 45."])
def test_a_number_of_something_else_is_no_age(text: str) -> None:
    assert only(text).kind != "age"


def test_a_noun_or_two_counts_the_noun() -> None:
    assert only("They hope to add another pick or two.").quantity_of == "pick"


@pytest.mark.parametrize(("text", "what"), [
    ("The airline grounded two new 737 Max jets.", "new 737 Max jets"),
    ("Tesla delivered 63,150 Model 3s last quarter.", "Model 3s"),
    ("They bought 20 Boeing 787 Dreamliners.", "Boeing 787 Dreamliners"),
])
def test_a_number_inside_a_name_stays_in_the_counted_phrase(text: str, what: str) -> None:
    assert quantities(text)[0].quantity_of == what


def test_a_capitalised_word_ending_in_ing_is_a_name_not_a_gerund() -> None:
    assert only("He met 3 Reading fans.").quantity_of == "Reading fans"
    assert only("It left 5 people waiting.").quantity_of == "people"


@pytest.mark.parametrize(("text", "unit"), [
    ("The reserve covers 40 km2 of forest.", "kilometer ** 2"),
    ("The boiler runs at 2 kg/cm2.", "kilogram / centimeter ** 2"),
    ("It has a 250cc engine.", "centimeter ** 3"),
])
def test_a_unit_with_a_power_digit_is_the_unit_not_also_a_code(text: str, unit: str) -> None:
    found = extract(text)
    assert [(c.unit, c.kind) for c in found] == [(unit, "measure")]


def test_minus_written_after_a_comma_without_a_space_is_still_a_sign() -> None:
    assert [c.value for c in quantities("It was minus 387F,minus 233C at night.")] == [-387, -233]


@pytest.mark.parametrize(("text", "unit"), [
    ("Economy rose from 20 miles per gallon in 2008 to 29 in 2020.", "mile / gallon"),
    ("It climbed from 21 mpg combined to 23 for the new model.", "mile / gallon"),
])
def test_a_level_reached_takes_the_unit_of_the_level_it_started_from(text: str, unit: str
                                                                    ) -> None:
    start, end = quantities(text)
    assert start.unit == end.unit == unit


def test_a_unit_and_scale_written_on_a_range_reached_are_the_start_s_too() -> None:
    start, end = quantities("Revenue should increase from 24.2 to 33-35 billion euros.")
    assert (start.value, start.unit) == (24.2e9, "EUR") and end.upper == 35e9
    start, end = quantities("Inflation rose from 4.1 to 5.3-5.5 per cent.")
    assert start.unit == "percent"
    # Two quantities not joined by a change keep their own units.
    _, reached = quantities("It moved from 5 km away to 3 people.")
    assert reached.unit is None


@pytest.mark.parametrize(("text", "unit"), [
    ("They carried out 3,000 tests per day.", "1 / day"),
    ("The plant makes 500 cars a week.", "1 / week"),
    ("Five people every hour are treated.", "1 / hour"),
])
def test_a_count_per_unit_of_time_is_a_rate(text: str, unit: str) -> None:
    rate = only(text)
    assert rate.unit == unit and rate.quantity_of is not None


def test_a_year_ago_is_no_rate() -> None:
    assert only("It had 400 cars a year ago.").unit is None


def test_a_rate_after_a_restatement_is_both_numbers_rate() -> None:
    shekels, dollars = quantities("A 9 billion shekels ($2.4 billion) a year industry.")
    assert (shekels.unit, dollars.unit) == ("ILS / year", "USD / year")
    assert dollars.text == "$2.4 billion"


def test_a_digit_after_a_caret_is_an_exponent_not_a_number() -> None:
    assert [c.unit for c in quantities("It holds 4km^3 of water.")] == ["kilometer ** 3"]
    assert len(quantities("They get 20 J/m^2 per year.")) == 1


def test_a_range_of_extent_may_be_written_high_to_low() -> None:
    cold = only("Temperatures ranged from -18 °C to -34 °C.")
    assert (cold.value, cold.upper, cold.unit) == (-34, -18, "degree_Celsius")
    # Under a verb of change the same order is a fall: two levels.
    assert len(quantities("It fell from 90 to 60 points.")) == 2


def test_bare_numbers_spelled_out_as_a_range_are_one() -> None:
    assert only("The zones run from 7 to 10 in Britain.").upper == 10
    assert only("The vote was between 5 and 10.").upper == 10
    assert [c.kind for c in extract("They won 9-2 at home.")] == ["score", "score"]


@pytest.mark.parametrize(("text", "what"), [
    ("They sent 2,000 British and French troops.", "British and French troops"),
    ("He repaired dozens of Kia and Hyundai vehicles.", "Kia and Hyundai vehicles"),
    ("There were 300 men and women there.", "men"),  # two nouns: the first is counted
    ("About 40 British and 30 French soldiers.", "British"),  # two counts
])
def test_modifiers_joined_by_and_share_the_counted_noun(text: str, what: str) -> None:
    assert quantities(text)[0].quantity_of == what


@pytest.mark.parametrize(("text", "unit"), [
    ("Broadband at 512kbps is slow.", "kilobit / second"),
    ("It streams at 2.4Mbps.", "megabit / second"),
    ("A 2.6ghz chip.", "gigahertz"),
    ("Sampled at 44 kHz.", "kilohertz"),
    ("A 7-megapixel camera.", "megapixel"),
    ("A screen 1,920 pixels wide.", "pixel"),
    ("It answers in 15ms.", "millisecond"),
    ("A 24-carat ring.", "carat"),
    ("Printed at 600 dpi.", "pixel / inch"),
])
def test_units_of_technology_news_are_in_the_lexicon(text: str, unit: str) -> None:
    assert quantities(text)[0].unit == unit


def test_no_unit_of_nuclear_physics_out_of_a_memory_size() -> None:
    # "mb" is megabytes in a tech story and millibars in a weather report: left unread.
    assert all(c.unit != "millibarn" for c in extract("It has 512mb of memory."))


@pytest.mark.parametrize("text", [
    "Phones with 3G/wi-fi connections sold well.",  # no gauss per wi-fi
    "They met to reach the 2000 Millennium Declaration goals.",  # a name, no millennia
])
def test_no_unit_out_of_a_code_or_a_name_after_a_number(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("It costs 895.4 reais in Brazil.", "BRL", 895.4),
    ("It paid a dividend of 40 euro cents.", "euro_cent", 40),
])
def test_currencies_written_after_the_number(text: str, unit: str, value: float) -> None:
    money = only(text)
    assert (money.unit, money.value, money.kind) == (unit, value, "money")


def test_euro_cents_convert_to_euros_not_dollars() -> None:
    from numcheck import units

    assert units.compatible("euro_cent", "EUR") and not units.compatible("euro_cent", "USD")


def test_a_currency_hyphenated_to_its_amount_is_money() -> None:
    hole, budget = quantities("It had a 4bn-euro hole and a 418bn-rand budget.")
    assert (hole.unit, hole.value, budget.unit) == ("EUR", 4e9, "ZAR")


@pytest.mark.parametrize("text", [
    "Those aged 18 to 24 were not registered.",
    "Of people aged between 18 and 24, most voted.",
    "Those aged from 18 to 24 were asked.",
])
def test_an_age_range_is_one_claim_of_ages(text: str) -> None:
    ages = only(text)
    assert (ages.kind, ages.value, ages.upper) == ("age", 18, 24)
    assert (ages.low, ages.high, ages.high_closed) == (18, 25, False)


def test_a_life_expectancy_named_well_before_the_number_is_an_age() -> None:
    years = only("The average life expectancy for men in Glasgow is around 73.")
    assert (years.kind, years.unit, years.bound) == ("age", "year", "~")


def test_to_glued_to_the_second_number_still_joins_a_range() -> None:
    skull = only("It fits a 200,000 to-260,000 year-old skull.")
    assert (skull.value, skull.upper, skull.kind) == (200_000, 260_000, "age")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The detour adds 10 additional miles (16 km) to the trip.", 10, "mile"),
    ("He served two more years in prison.", 2, "year"),
    ("Prices rose for three consecutive years.", 3, "year"),
    ("They waited five long hours for an ambulance.", 5, "hour"),
    ("She was given 20 extra minutes.", 20, "minute"),
])
def test_an_adjective_between_a_number_and_its_unit_keeps_the_unit(text: str, value: float,
                                                                  unit: str) -> None:
    found = quantities(text)
    assert (found[0].value, found[0].unit, found[0].kind) == (value, unit, "measure")


def test_an_adjective_before_a_word_that_is_no_unit_lends_nothing() -> None:
    # "more" before a counted noun, or before "than", is no unit's adjective.
    assert [c.unit for c in quantities("They scored two more goals, 3 more than in May.")] \
        == [None, None]


def test_after_an_adjective_only_a_unit_that_may_stand_apart_follows() -> None:
    # "in" is an inch only glued to its number ("4in"); "a third" before "consecutive" is
    # the ordinal, not a fraction of a year.
    assert [c.unit for c in quantities("They need two more in March.")] == [None]
    assert all(c.unit != "year" for c in extract("It fell for a third consecutive year."))


@pytest.mark.parametrize(("text", "unit"), [
    ("It accelerates at 9.8 m/s2.", "meter / second ** 2"),
    ("The cell reached 1.3 A/cm2.", "ampere / centimeter ** 2"),
    ("Yields were 5 t/ha last year.", "metric_ton / hectare"),
])
def test_symbols_joined_by_a_slash_are_one_unit(text: str, unit: str) -> None:
    # Not "9.8 m" and a code "s2": the compound is read as a whole, each part a symbol
    # (even one too ambiguous to stand alone, such as "A" or "t").
    found = extract(text)
    assert [(c.unit, c.kind) for c in found] == [(unit, "measure")]


@pytest.mark.parametrize("text", [
    "The form says 5 N/A.", "He ran 3 A/B tests.", "Scores: 3 n/a.", "It trades at 5 P/E.",
])
def test_abbreviations_with_a_slash_are_no_units(text: str) -> None:
    # Neither a compound nor its first letter alone ("5 N" newtons, "5 P" poise).
    assert [c.unit for c in quantities(text)] == [None]


@pytest.mark.parametrize(("text", "unit"), [
    ("The rate was 4.5 per cent in May and 4.2 in June.", "percent"),
    ("Sales were 5,000 tonnes in 2019, and 4,200 in 2020.", "metric_ton"),
    ("Its launch angle was 1.4 degrees in 2018 and 2.1 last year.", "degree"),
])
def test_a_figure_set_against_another_time_shares_its_unit(text: str, unit: str) -> None:
    # Gapping: "4.5 per cent in May and 4.2 in June" leaves the second unit unwritten.
    assert [c.unit for c in quantities(text)] == [unit, unit]


@pytest.mark.parametrize("text", [
    "Prices rose 5% in May and 3 new stores opened in June.",  # something else is counted
    "Prices rose 5% in May and 3 were sold.",  # no second time: no parallel
    "Profit was $5m in 2019 and 3 in 2020.",  # the scale would not be carried
])
def test_without_a_parallel_of_times_no_unit_is_shared(text: str) -> None:
    assert quantities(text)[-1].unit is None


@pytest.mark.parametrize("text", [
    "She won a third term in office.",
    "The team lost a fifth straight game.",
    "Viewers can record one channel while watching a third channel.",
])
def test_a_fraction_word_before_a_noun_is_an_ordinal(text: str) -> None:
    assert all(c.value >= 1 for c in quantities(text))


@pytest.mark.parametrize(("text", "value"), [
    ("A third of voters backed him.", 1 / 3),
    ("Costs were cut by a third in May.", 1 / 3),
    ("It is a quarter mile long.", 0.25),
    ("Euronext has a quarter stake in Clearnet.", 0.25),
    ("The new hall is a third the size.", 1 / 3),
    ("A third voted to leave.", 1 / 3),
])
def test_a_fraction_word_before_of_a_unit_or_a_function_word_is_a_fraction(text: str,
                                                                         value: float) -> None:
    assert [c.value for c in quantities(text)] == [pytest.approx(value)]


@pytest.mark.parametrize(("text", "counted"), [
    ("All 148 WTO members must agree.", "WTO members"),
    ("They ordered 300 Covid-19 vaccines.", "Covid-19 vaccines"),
    ("The chain runs more than 100 Hard Rock Cafes.", "Hard Rock Cafes"),
    ("While 200 TV stations broadcast.", "TV stations"),
])
def test_a_number_before_capitalised_words_and_plural_things_counts_them(
        text: str, counted: str) -> None:
    assert [(c.kind, c.quantity_of) for c in quantities(text)] == [("count", counted)]


@pytest.mark.parametrize("text", [
    "Its much-anticipated 787 Dreamliner plane is set to fly.",
    "The 787 Dreamliner was delayed.",
    "The 911 Carrera is fast.",
])
def test_a_number_before_a_singular_name_is_a_model_number(text: str) -> None:
    assert [c.kind for c in extract(text)] == ["identifier"]


def test_a_count_of_times_after_a_name_is_no_label() -> None:
    # "Bob 3" would be a name like "Apollo 11"; "times" after it makes it a frequency
    assert [(c.kind, c.value) for c in extract("I tried to call Bob 3 times already.")] == [
        ("count", 3)]


@pytest.mark.parametrize(("text", "unit"), [
    ("Water boils at 100° Celsius.", "degree_Celsius"),
    ("It was 40 deg C in Delhi.", "degree_Celsius"),
    ("It reached 104 degrees Farenheit.", "degree_Fahrenheit"),  # a common misspelling
    ("It was 40 Celcius in the shade.", "degree_Celsius"),
    ("The dose is 120 μg.", "microgram"),  # Greek mu, not the micro sign
    ("Each tablet holds 5 milligrammes.", "milligram"),
])
def test_temperature_and_mass_surfaces_as_writers_spell_them(text: str, unit: str) -> None:
    assert [c.unit for c in quantities(text)] == [unit]


def test_a_spaced_in_after_feet_or_before_a_dimension_is_inches() -> None:
    found = quantities("He is 6 ft 2 in tall, taller than in 2019.")
    assert [(c.text, c.unit) for c in found] == [("6 ft", "foot"), ("2 in", "inch")]
    assert [c.unit for c in quantities("The wall is 12 ft high, 3 in the morning.")][-1] is None
    assert [c.unit for c in quantities("Up to 4 in of snow fell.")] == ["inch"]
    assert [c.value for c in quantities("The door is 2 1/2 in thick.")] == [2.5]
    assert [c.unit for c in quantities("Two in 10 adults smoke.")] == [None, None]


@pytest.mark.parametrize(("text", "unit"), [
    ("Most cases are diagnosed at around 3 years of age.", "year"),
    ("At 6 weeks of age, puppies are weaned.", "week"),
])
def test_a_duration_of_age_is_an_age(text: str, unit: str) -> None:
    assert [(c.kind, c.unit) for c in extract(text)] == [("age", unit)]


@pytest.mark.parametrize(("text", "counted"), [
    ("The app has 500 million monthly active users.", "monthly active users"),
    ("They built 2,000 family homes.", "family homes"),
    ("There are 200 elderly residents.", "elderly residents"),
    ("The attack killed 3 early on Monday.", None),  # an adverb ends the phrase
    ("About 200 reportedly died.", None),
])
def test_a_word_ending_in_ly_before_a_noun_is_part_of_the_phrase(
        text: str, counted: str | None) -> None:
    assert [c.quantity_of for c in quantities(text)] == [counted]


@pytest.mark.parametrize(("text", "units_found"), [
    ("The Nasdaq rose 1.2% to 11,500.32 on Monday.", ["percent", "index_point"]),
    ("The FTSE 100 closed at 7,100 on Friday.", ["index_point"]),
    ("The TA-125 lost 1.1% to end at 1,334.20.", ["percent", "index_point"]),
    ("The index fell to 5 in the ranking.", [None]),  # too small to be a level
    ("The index, which tracks 500 firms, hit 4,000.", [None, None]),  # no "at" or "to"
])
def test_a_bare_level_after_a_stock_index_is_in_points(
        text: str, units_found: list[str | None]) -> None:
    assert [c.unit for c in quantities(text)] == units_found


@pytest.mark.parametrize("text", [
    "House prices rose by an average of £7,000 to £250,000.",
    "Prices were cut by average of 24% to £250,000.",
])
def test_a_change_by_an_average_is_a_change_not_a_range(text: str) -> None:
    change, level = quantities(text)
    assert (change.change, level.change) in (("up", None), ("down", None))
    assert change.text != level.text


def test_an_s_glued_to_a_decimal_is_seconds() -> None:
    assert [(c.value, c.unit) for c in quantities("It does 0-62mph in 3.9s.")][-1] == (
        3.9, "second")
    assert [c.kind for c in extract("He is in his 30s; the 1990s were good.")] == [
        "age", "year"]


def test_a_verb_and_its_object_after_an_age_are_not_the_person() -> None:
    age = extract("The 25-year-old signed a £50,000-a-week contract.")[0]
    assert (age.kind, age.quantity_of) == ("age", None)


@pytest.mark.parametrize(("text", "unit"), [
    ("Infections rose to 5,000 a day last week.", "1 / day"),
    ("Cases hit 200 a week.", "1 / week"),
])
def test_a_bare_count_per_unit_of_time_is_a_rate(text: str, unit: str) -> None:
    assert [c.unit for c in quantities(text)] == [unit]


def test_a_count_in_an_idiom_keeps_its_noun_before_a_rate() -> None:
    found = quantities("We play for an hour or two a day.")
    assert [(c.value, c.quantity_of) for c in found] == [(2, "hour")]


@pytest.mark.parametrize(("text", "people", "bound"), [
    ("Men over 50 account for two-thirds of cases.", "Men", ">"),
    ("Children under five are most at risk.", "Children", "<"),
])
def test_people_over_or_under_a_number_are_an_age(text: str, people: str, bound: str) -> None:
    age = extract(text)[0]
    assert (age.kind, age.quantity_of, age.bound) == ("age", people, bound)
    assert quantities("The prize went to people over 100 metres away.")[0].unit == "meter"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The lifts reach a record 17m per second.", 17, "meter / second"),
    ("Blood pressure fell by 10 mmHg.", 10, "millimeter_Hg"),
])
def test_speed_in_metres_and_pressure_in_mercury(text: str, value: float, unit: str) -> None:
    assert [(c.value, c.unit) for c in quantities(text)] == [(value, unit)]


def test_only_one_counts_unless_it_is_the_only_one() -> None:
    assert [c.value for c in quantities("Only one in 10 new homes is affordable.")] == [1, 10]
    assert quantities("She was the only one there.") == []


@pytest.mark.parametrize(("text", "change"), [
    ("The Fed raised rates by a quarter of a percentage point to 5.25%.", "up"),
    ("Nestle is to raise its dividend by 11%.", "up"),
    ("The charity raised £5m last year.", None),  # money collected, not a change
])
def test_raising_something_by_an_amount_is_a_rise(text: str, change: str | None) -> None:
    assert quantities(text)[0].change == change


def test_plus_or_minus_is_a_margin_not_a_negative_number() -> None:
    assert [c.value for c in quantities("The margin of error is plus or minus 3 points.")] == [3]
    assert [c.value for c in quantities("It was minus 5C overnight.")] == [-5]


def test_higher_or_lower_after_an_amount_is_not_what_it_counts() -> None:
    assert [c.quantity_of for c in quantities("Shares closed 3% lower at 250p.")] == [None, None]
    assert quantities("There are 3,000 higher education students.")[0].quantity_of == (
        "higher education students")


def test_a_change_given_as_one_amount_or_another_is_one_range() -> None:
    (claim,) = quantities("He would have to raise taxes by £10bn or £11bn.")
    assert (claim.value, claim.upper, claim.change) == (10e9, 11e9, "up")


@pytest.mark.parametrize("text", [
    "Net income for 2004 was $3.5bn.",
    "The target for 2010 is 5%.",
    "Clearly 2004 was the most difficult year.",
    "Oil stocks remain down on 2004 levels.",  # what a year qualifies: levels, figures, prices
])
def test_a_verb_ending_in_s_after_a_year_is_no_plural_noun(text: str) -> None:
    # "was", "is", "has" end in "s" but count nothing: "2004 was" is a year, not 2004 things
    assert extract(text)[0].kind == "year"


@pytest.mark.parametrize(("text", "kinds"), [
    ("It went from number one to number three.", ["ordinal", "ordinal"]),  # chart places
    ("They were all class of '83.", ["year"]),
    ("The fans of the '70s came back.", ["year"]),
    ("The band is led by Liam Mower, 12.", ["age"]),  # an age closing the sentence
    ("Viotti has died in Germany at 50.", ["age"]),
])
def test_ranks_short_years_and_ages_at_a_sentence_end(text: str, kinds: list[str]) -> None:
    assert [c.kind for c in extract(text)] == kinds


def test_a_multiplier_written_with_an_x_counts_times() -> None:
    (claim,) = quantities("It is 10x faster than the old chip.")
    assert (claim.kind, claim.value, claim.quantity_of) == ("count", 10, "times")


@pytest.mark.parametrize("text", [
    "Lord Armstrong told BBC Two's Newsnight it was fine.",
    "The Fantastic Four will be released this summer.",
    "US rapper 50 Cent topped the list.",  # English writes 50 cents
])
def test_a_capitalised_number_word_or_cent_after_a_name_is_part_of_it(text: str) -> None:
    assert quantities(text) == []


def test_a_number_word_after_a_heading_in_capitals_still_counts() -> None:
    found = quantities("CONTROVERSIES AND OTHER GAFFES Three people have refused Oscars.")
    assert [(c.value, c.quantity_of) for c in found] == [(3, "people")]


@pytest.mark.parametrize(("text", "counted"), [
    ("ATR will also provide six second hand airplanes.", "second hand airplanes"),
    ("Google gathers news from some 4,500 news sources.", "news sources"),
])
def test_words_that_only_look_like_units_or_plurals(text: str, counted: str) -> None:
    assert [(c.unit, c.quantity_of) for c in quantities(text)] == [(None, counted)]


@pytest.mark.parametrize(("text", "counted"), [
    ("It is one of the world's biggest oil producers.", "biggest oil producers"),
    ("The Bank's nine-strong committee voted.", "committee"),  # nine members of it
    ("Profits were buoyed by one-off gains.", None),
    ("It reported profits of £9.4bn later this month.", None),
    ("The lesson is for 18 to 24 year olds.", None),  # the age's "olds" is no noun
    ("Sales rose 12% compared with last year.", None),
])
def test_what_is_counted_skips_possessors_time_adverbs_and_comparisons(
        text: str, counted: str | None) -> None:
    assert quantities(text)[0].quantity_of == counted


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("It was valued at 10 000 dollars.", 10_000, "USD"),  # a group starting with 0 is no number
    ("The city has 3 000 000 people.", 3_000_000, None),
    ("Violet light oscillates at 4e14 s-1.", 4e14, "1 / second"),
    ("The density is 1.2 kg m-3.", 1.2, "kilogram / meter ** 3"),
    ("The LHC reached 5 fb−1 of data.", 5, "1 / femtobarn"),
    ("That one costs 3 dimes.", 3, "dime"),
    ("The length of my pencil is 2 in.", 2, "inch"),
])
def test_number_and_unit_notations_of_science_and_other_styles(
        text: str, value: float, unit: str | None) -> None:
    assert [(c.value, c.unit) for c in quantities(text)] == [(pytest.approx(value), unit)]


def test_scores_stay_two_numbers_when_a_space_separates_them() -> None:
    assert [c.value for c in quantities("He scored 25 100 times.")] == [25, 100]


def test_a_value_and_its_uncertainty_share_the_unit_written_after_both() -> None:
    assert [(c.value, c.unit) for c in quantities("The mean dose was 5.2 ± 0.3 mg.")] == [
        (5.2, "milligram"), (0.3, "milligram")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("He ran 100m in 9.58 seconds.", 100, "meter"),  # a distance covered in a time
    ("She won the 1,500m in 3:26.00.", 1500, "meter"),
    ("They sold 5m in 2004.", 5e6, None),  # in a year: millions
])
def test_m_before_a_time_taken_is_metres(text: str, value: float, unit: str | None) -> None:
    assert (quantities(text)[0].value, quantities(text)[0].unit) == (value, unit)


def test_a_race_time_with_hundredths_is_one_time() -> None:
    assert [(c.text, c.kind) for c in extract("She swam the 200m freestyle in 1:54.66.")][-1] == (
        "1:54.66", "time")


@pytest.mark.parametrize(("text", "bound"), [
    ("The pitcher threw 110 pitches over seven innings.", "="),  # across, not more than
    ("He scored 20 goals over 30 games.", "="),
    ("There were 436 properties over £1m sold.", ">"),  # a price bound on the properties
    ("He has scored over 30 goals.", ">"),
])
def test_over_after_a_counted_plural_spans_a_count(text: str, bound: str) -> None:
    assert quantities(text)[-1].bound == bound


@pytest.mark.parametrize("text", [
    "The Dow Jones index fell 475.86 points, or 1.4%, to 33,618.88.",
    "The FTSE 100 fell 50 points, or 0.7%, to 7,400.",
])
def test_a_level_after_a_change_restated_as_a_percentage_takes_the_change_unit(
        text: str) -> None:
    assert quantities(text)[-1].unit == "index_point"


@pytest.mark.parametrize(("text", "bound"), [
    ("The fund returned 7.5% annualised over five years.", "="),
    ("Doom 3 was developed over four years.", "="),
    ("He has waited over 10 years.", ">"),
])
def test_over_a_period_after_an_amount_and_a_participle(text: str, bound: str) -> None:
    assert quantities(text)[-1].bound == bound


@pytest.mark.parametrize(("text", "value"), [
    ("Some three-quarters of a million people attended.", 750_000),
    ("More than a quarter of a million homes lost power.", 250_000),
])
def test_a_fraction_of_a_scale_word_is_one_number(text: str, value: float) -> None:
    (claim,) = quantities(text)
    assert claim.value == value and claim.quantity_of in ("people", "homes")


@pytest.mark.parametrize(("text", "unit"), [
    ("Life expectancy rose to 81.3 years for women and 77.6 for men.", "year"),
    ("The rate was 5% for men and 3 for women.", "percent"),
    ("It costs £5 for adults and 3 children go free.", None),  # no second group: no gapping
])
def test_a_figure_for_a_second_group_shares_the_unit_left_out(text: str, unit: str | None
                                                               ) -> None:
    assert quantities(text)[-1].unit == unit


def test_a_display_resolution_is_a_name() -> None:
    assert [c.kind for c in extract("The TV has a 65in 4K screen.")] == ["measure", "identifier"]
    assert [c.value for c in quantities("It sold 4K units.")] == [4000]


@pytest.mark.parametrize(("text", "values"), [
    ("They had between eight and ten content sellers.", [(8, 10)]),  # a range, not 18
    ("Attacks involved five and ten gigabytes of traffic.", [(5, None), (10, None)]),
    ("Mr Hague did two one-man shows.", [(2, None), (1, None)]),  # not three
    ("There were three hundred and two cars.", [(302, None)]),  # "and" after hundred
])
def test_number_words_joined_by_and_are_one_number_only_after_hundred(
        text: str, values: list[tuple[float, float | None]]) -> None:
    assert [(c.value, c.upper) for c in quantities(text)] == values


def test_number_words_in_names_are_no_numbers() -> None:
    assert quantities("It was expected to be the one-one-one title.") == []
    assert quantities("His first novel was Runaway Zero-Eight.") == []
    assert quantities("Nineteen ninety-nine was a good year.") == []  # a year said aloud


@pytest.mark.parametrize("text", [
    "It was lower than 2003's $1.2bn loss.",
    "GM issues 2005 profits warning.",
])
def test_a_year_that_owns_or_qualifies_a_figure_is_a_year(text: str) -> None:
    assert extract(text)[0].kind == "year"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("At 300 °C (572 °F, 573.15K), zircaloy is inert.", 573.15, "kelvin"),
    ("The surface of the Sun is at 5,778K (5,505C).", 5778, "kelvin"),
    ("It sold 4.5K units at temperatures of 20C.", 4500, None),  # thousands of units
    ("She earns £40.5K a year.", 40500, "GBP / year"),
])
def test_k_beside_temperatures_is_kelvin(text: str, value: float, unit: str | None) -> None:
    claim = next(c for c in quantities(text) if "K" in c.text)
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


def test_a_pound_weight_hyphenated_to_its_number() -> None:
    assert [(c.value, c.unit) for c in quantities("Buy a twenty-pound bag of rice.")] == [
        (20, "pound")]


def test_net_zero_and_a_ratio_are_no_count_and_no_time() -> None:
    assert quantities("The UK must reach net zero by 2050.") == []
    assert [c.kind for c in extract("The board voted 2:1 in favour.")] == ["count", "count"]
    assert [c.kind for c in extract("It happened at 14:00 GMT.")] == ["time"]


@pytest.mark.parametrize(("text", "unit"), [
    ("Shares fell 20 cents to 13.20.", "USD"),  # a price with two decimals is in dollars
    ("Shares fell 3p to 245.", "penny"),
    ("Shares rose 3.5p to 245.5.", "penny"),
])
def test_a_price_reached_after_a_change_in_cents(text: str, unit: str) -> None:
    assert quantities(text)[-1].unit == unit


@pytest.mark.parametrize(("text", "unit", "counted"), [
    ("The project is worth €1.2 billion-plus.", "EUR", None),
    ("He earns £100,000-plus a year.", "GBP / year", None),  # the rate after "-plus"
    ("The firm has 1bn+ users.", None, "users"),
])
def test_plus_after_a_number_is_at_least(text: str, unit: str | None, counted: str | None
                                         ) -> None:
    (claim,) = quantities(text)
    assert (claim.bound, claim.unit, claim.quantity_of) == (">=", unit, counted)
    assert [c.value for c in quantities("It is 5+3.")] == [5, 3]


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("It costs £1.5-2m.", 1.5e6, 2e6, "GBP"),  # the sign written once: not 2 metres
    ("A crowd of 50-60,000 fans cheered.", 50_000, 60_000, None),  # the thousands once
    ("Up to 30-40% of the crop was lost.", 30, 40, "percent"),  # no match score
])
def test_ranges_written_with_a_shared_sign_or_scale(
        text: str, low: float, high: float, unit: str | None) -> None:
    (claim,) = quantities(text)
    assert (claim.value, claim.upper, claim.unit) == (low, high, unit)


@pytest.mark.parametrize(("text", "value"), [
    ("The company lost $1.2 bln.", 1.2e9),  # a scale abbreviation after a space
    ("It sold 5 mln units.", 5e6),
])
def test_spaced_scale_abbreviations(text: str, value: float) -> None:
    assert [c.value for c in quantities(text)] == [pytest.approx(value)]


@pytest.mark.parametrize(("text", "years"), [
    ("Growth will be 7.1% in 2005-6.", [2005, 2006]),  # a financial year's one-digit end
    ("It exported $1.2bn of beans during 2003-04.", [2003, 2004]),
    ("He ruled in 1973-90.", [1973, 1990]),
    ("The budget for 1999-00 was cut.", [1999, 2000]),
])
def test_a_short_year_ending_a_span_is_that_whole_year(text: str, years: list[int]) -> None:
    found = [c for c in extract(text) if c.kind == "year"]
    assert [c.value for c in found] == years


@pytest.mark.parametrize("text", [
    "Prices rose in the second half of the year.",  # a part of a period, not a share
    "Exports fell in the first half of 2004.",
    "They sit in the bottom half of the league.",
])
def test_a_numbered_half_of_a_period_is_no_quantity(text: str) -> None:
    assert quantities(text) == []
    assert [c.value for c in quantities("Half of the votes were lost.")] == [0.5]


@pytest.mark.parametrize("text", [
    "Wales lost the Six Nations opener.",  # a name that goes on after the number word
    "The Three Gorges Dam is finished.",
    "Labour are creating Two Britains.",
])
def test_a_capitalised_number_word_inside_a_name_is_no_count(text: str) -> None:
    assert quantities(text) == []
    assert [c.value for c in quantities("He said: Two Americans died.")] == [2]


def test_a_nationality_before_a_number_qualifies_a_count() -> None:
    found = quantities("They asked 500 British 16 to 20-year-olds.")
    assert [(c.value, c.kind) for c in found] == [(500, "count"), (16, "age")]
    assert found[1].upper == 20
    assert [c.kind for c in extract("He still uses Windows 98.")] == ["identifier"]


@pytest.mark.parametrize(("text", "ages"), [
    ("Nursery places for three and four-year-olds.", [3, 4]),  # the unit written once
    ("A minimum wage for 16 and 17-year-olds.", [16, 17]),
])
def test_ages_listed_before_one_year_old_are_ages(text: str, ages: list[int]) -> None:
    found = quantities(text)
    assert [(c.value, c.kind, c.low, c.high) for c in found] == [
        (age, "age", age, age + 1) for age in ages]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Jungle TV show ratings drop by 4m", 4e6, None),  # millions of viewers, not metres
    ("Stocks had fallen 1m barrels to 294.3m.", 294.3e6, "barrel"),  # the level after it
    ("The tower is 30m tall.", 30, "meter"),
])
def test_millions_or_metres_from_what_went_before(text: str, value: float, unit: str | None
                                                  ) -> None:
    assert (quantities(text)[-1].value, quantities(text)[-1].unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Thailand may lose 30bn baht in tourism.", 30e9, "THB"),
    ("Debts of up to 30 trillion rupiah were frozen.", 30e12, "IDR"),
    ("Shares changed hands at 372 riyals.", 372, "SAR"),
    ("The budget grew to 1,546 trillion rials.", 1546e12, "IRR"),
    ("It earmarked 100 trillion won for jobs.", 100e12, "KRW"),  # a scale before "won"
    ("The bill was 250 Iraqi dinars.", 250, "IQD"),
    ("It costs 20 zł.", 20, "PLN"),  # a sign after the number, as Europe writes it
    ("The cost is 100元.", 100, "CNY"),
    ("It is only 10 $.", 10, "USD"),
])
def test_currencies_of_the_world(text: str, value: float, unit: str) -> None:
    (claim,) = quantities(text)
    assert (claim.value, claim.unit, claim.kind) == (pytest.approx(value), unit, "money")


def test_won_after_a_small_number_is_a_verb() -> None:
    found = quantities("Burnout 3 won three awards.")
    assert [c.unit for c in found] == [None] * len(found)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("It only cost 3 dollars 50 cents.", 3.5, "USD"),
    ("It cost thirteen dollars and forty-five cents.", 13.45, "USD"),
    ("The bill was £4 and 50p.", 4.5, "GBP"),
    ("The fee is €2, 20 cents.", 2.2, "EUR"),
])
def test_major_and_minor_units_make_one_amount(text: str, value: float, unit: str) -> None:
    (claim,) = quantities(text)
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "unit"), [
    ("Egg prices averaged 64.2 cents a dozen.", "cent / dozen"),  # no count of 12
    ("Add 1/2 cup olive oil.", "cup"),
    ("Drive at 10 kmph.", "kilometer_per_hour"),
    ("The angle is 0.8rad.", "radian"),
])
def test_more_units(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(("text", "days"), [
    ("The show runs from 6 to 9 January.", [6, 9]),  # the first day of a span of days
    ("It is held on 24-26 June.", [24, 26]),
    ("Previews are on 14, 20 and 27 April.", [14, 20, 27]),
])
def test_days_before_one_month_are_dates(text: str, days: list[int]) -> None:
    found = extract(text)
    assert [(c.value, c.kind) for c in found] == [(day, "date") for day in days]


def test_a_brand_name_in_camel_case_names_its_number() -> None:
    assert [c.kind for c in extract("PlayStation 3 chip to be unveiled")] == ["identifier"]


def test_html_character_references_are_letters_and_signs() -> None:
    assert quantities("She sat in a caf&#233; with 3 friends.")[0].value == 3
    assert len(quantities("She sat in a caf&#233; with 3 friends.")) == 1
    (fine,) = quantities("&#163;1.8m indecency fine for Viacom")
    assert (fine.value, fine.unit) == (1.8e6, "GBP")


@pytest.mark.parametrize("text", [
    "Similar all-in-one models were released.",  # number words paired into one adjective
    "Talks were rarely one-on-one.",
    "Shops ran two-for-one offers.",
])
def test_number_words_paired_by_a_preposition_are_no_count(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize("text", [
    "It cut overheads by 20% and trimmed its workforce by about 200,000.",  # no 200,000%
    "It compares to 27 million, or 50%, of the UK.",
    "The show peaked at 11.9m and 49.2% of the audience.",
    "The number fell from 7,613 to 6,630, or 12.9%.",
])
def test_a_grouped_or_scaled_number_never_shares_a_percentage(text: str) -> None:
    assert [c.value for c in quantities(text) if c.unit == "percent"] == [
        c.value for c in quantities(text) if "%" in c.text]
    assert [c.unit for c in quantities("Sales rose 3, 4 or 5%.")] == ["percent", "percent"]


def test_pc_in_capitals_is_a_computer() -> None:
    assert [c.unit for c in quantities("Profits rose 50pc.")] == ["percent"]
    assert [c.unit for c in extract("He kept an old 386 PC.")] == [None]


@pytest.mark.parametrize("text", [
    "Fahrenheit 9/11 has also been overlooked.",  # no fraction a writer would use
    "The services run 24/7 now.",
    "The chances improve to 50/50.",
    "The Aviator is 4/9 favourite with the bookmakers.",  # odds
])
def test_slashed_names_and_odds_are_no_fractions(text: str) -> None:
    assert quantities(text) == []
    assert [c.value for c in quantities("Add 3/4 of the flour.")] == [0.75]
    assert [c.value for c in quantities("It is about 1/40 of the wavelength.")] == [0.025]


def test_a_phone_number_in_short_groups_is_one_identifier() -> None:
    found = extract("Call 0845 8 505 505 or 0800 555 111.")
    assert [(c.text, c.kind) for c in found] == [
        ("0845 8 505 505", "identifier"), ("0800 555 111", "identifier")]


def test_a_share_in_words_and_its_percentage_are_no_range() -> None:
    found = quantities("Nearly two thirds - 65% - of the 1,000 people said so.")
    assert [(c.text, c.unit, c.upper) for c in found] == [
        ("two thirds", None, None), ("65%", "percent", None), ("1,000", None, None)]
    assert quantities("It is 0.5-2 km long.")[0].upper == 2  # a range of numbers stays one


@pytest.mark.parametrize(("text", "values"), [
    ("The dose was 2.5e-3.", [0.0025]),  # a full stop after the exponent ends the sentence
    ("A rate of 2.48E5 and 3E-4 per unit.", [248000.0, 0.0003]),
    ("Japan Airlines ordered the mid-size 7E7, Boeing said.", []),  # a plane's name
])
def test_scientific_notation_and_names_that_look_like_it(text: str,
                                                         values: list[float]) -> None:
    assert [c.value for c in quantities(text)] == pytest.approx(values)


@pytest.mark.parametrize(("text", "claim"), [
    ("Employers have spent billions of pounds on pensions.", ("billions of pounds", "GBP")),
    ("Enron hid hundreds of millions of dollars in debt.",
     ("hundreds of millions of dollars", "USD")),
    ("Hundreds of people came.", ("Hundreds", None)),
    ("Millions of pounds of cheese were weighed.", ("Millions", None)),  # a weight
])
def test_a_vague_plural_of_a_currency_is_money(text: str, claim: tuple[str, str | None]) -> None:
    found = quantities(text)[0]
    assert (found.text, found.unit) == claim
    assert found.low >= 100 and found.high > found.low  # still the vague range


@pytest.mark.parametrize(("text", "counts"), [
    # "one" after a determiner and an adjective, with nothing counted after it, is a pronoun
    ("The vision is a compelling one, but it costs too much.", []),
    ("The new plant will be built close to the existing one in Chennai.", []),
    ("An overmighty state is a dangerous one.", []),
    # ...but these count
    ("It announced the closure of one of its two Welsh factories.", ["one", "two"]),
    ("A bid may emerge in the next one to two weeks.", ["one to two weeks"]),
    ("The team's one goal came late.", ["one"]),
])
def test_one_after_an_adjective_is_a_pronoun(text: str, counts: list[str]) -> None:
    assert [c.text for c in quantities(text)] == counts


@pytest.mark.parametrize(("text", "claims"), [
    # quarters of a year are counted, not fractions
    ("Profits were lower than in the preceding three quarters.", [("three", 3.0)]),
    ("An indicator of GDP growth two quarters ahead edged up.", [("two", 2.0)]),
    ("A recovery from the three quarters of contraction seen from April.", [("three", 3.0)]),
    # ...but a share of something stays a fraction
    ("Three quarters of voters agreed.", [("Three quarters", 0.75)]),
    ("It has more than a quarter of the market.", [("a quarter", 0.25)]),
])
def test_quarters_of_a_year_are_no_fraction(text: str,
                                            claims: list[tuple[str, float]]) -> None:
    assert [(c.text, c.value) for c in quantities(text)] == [
        (t, pytest.approx(v)) for t, v in claims]
