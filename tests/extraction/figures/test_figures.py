"""Figures from handwritten sentences: each kind of figure, each exclusion, measure, period and change."""

from __future__ import annotations

import pytest

from app.extraction.figures.extract import extract_figures
from app.extraction.types import ArticleMeta


@pytest.fixture(scope="module")
def figures_of(nlp):
    def run(text: str, published: str | None = None):
        facts = extract_figures(nlp(text), ArticleMeta(published_at=published))
        for f in facts:
            assert f.span.text == text[f.span.start : f.span.end] == f.text
        return facts

    return run


def one(facts, text):
    found = [f for f in facts if f.text == text]
    assert found, f"{text!r} not in {[f.text for f in facts]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The insurer paid out $3.5bn in claims after the storms.", "$3.5bn", 3.5e9, "USD"),
        ("The club agreed a fee of £42m for the striker.", "£42m", 42e6, "GBP"),
        ("The bank set aside €1.2 billion for bad loans.", "€1.2 billion", 1.2e9, "EUR"),
        ("Toyota's operating profit reached ¥5.35 trillion.", "¥5.35 trillion", 5.35e12, "JPY"),
        ("The fund raised USD 250 million from pension schemes.", "USD 250 million", 250e6, "USD"),
        ("The deal values the miner at 48 billion rand.", "48 billion rand", 48e9, "ZAR"),
        ("A stamp now costs 85 pence.", "85 pence", 0.85, "GBP"),
        ("The carrier raised its dividend to 45 cents per share.", "45 cents per share", 0.45, "USD"),
        ("Unemployment rose to 4.2% in the spring.", "4.2%", 4.2, "percent"),
        ("Turnout was 61 per cent, the council said.", "61 per cent", 61, "percent"),
        ("The central bank cut rates by 25 basis points.", "25 basis points", 25, "basis_points"),
        ("Support for the party fell 3 percentage points.", "3 percentage points", 3, "percentage_points"),
        (
            "The refinery processes 400,000 barrels per day of crude.",
            "400,000 barrels per day",
            4e5,
            "barrels_per_day",
        ),
        ("Exports averaged 1.1m bpd in the quarter.", "1.1m bpd", 1.1e6, "barrels_per_day"),
        ("The terminal can handle 20 bcm of gas a year.", "20 bcm", 2e10, "cubic_meters"),
        ("The mill produced 2.4 million tonnes of steel.", "2.4 million tonnes", 2.4e6, "tonnes"),
        ("The wall stretches 3,100 kilometres along the border.", "3,100 kilometres", 3100, "km"),
        ("The storm crossed 300 miles of open water.", "300 miles", 300, "miles"),
        ("The new wind farm will generate 1.2 GW of power.", "1.2 GW", 1.2, "GW"),
    ],
)
def test_units_and_money(figures_of, sentence, text, value, unit):
    fact = one(figures_of(sentence), text)
    assert fact.value == pytest.approx(value)
    assert fact.unit == unit


def test_counts_of_things_and_people(figures_of):
    facts = figures_of("Police arrested 14 protesters and seized 320 phones at the rally.")
    assert one(facts, "14 protesters").unit == "people"
    assert one(facts, "320 phones").unit == "count"


def test_counted_noun_after_modifiers(figures_of):
    facts = figures_of("The regulator fined 12 Swiss and Luxembourg-based banks last month.")
    fact = one(facts, "12 Swiss and Luxembourg-based banks")
    assert fact.value == 12 and fact.unit == "count"


def test_written_numbers(figures_of):
    facts = figures_of("Twenty-five miners were trapped, and rescuers freed three hundred residents.")
    assert one(facts, "Twenty-five miners").value == 25
    assert one(facts, "three hundred residents").value == 300


def test_vague_quantities_are_approximate(figures_of):
    facts = figures_of("Tens of thousands of workers marched, and hundreds of flights were cancelled.")
    marchers = one(facts, "Tens of thousands")
    assert (marchers.value, marchers.unit, marchers.approximate) == (20000, "people", True)
    assert one(facts, "hundreds").value == 200


def test_fractions_are_percentages(figures_of):
    facts = figures_of(
        "Half of the patients recovered, and sales rose by a third. One in four homes flooded."
    )
    assert one(facts, "Half").value == 50
    assert one(facts, "a third").value == pytest.approx(33.33)
    assert one(facts, "One in four").value == 25


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The quake killed at least 12 people.", "at least"),
        ("The company employs about 8,000 people.", "about"),
        ("Prices rose nearly 40% last year.", "nearly"),
        ("The project will cost more than $2 billion.", "more than"),
    ],
)
def test_qualifiers_make_figures_approximate(figures_of, sentence, qualifier):
    fact = figures_of(sentence)[0]
    assert fact.qualifier == qualifier and fact.approximate


def test_durations_that_are_the_fact(figures_of):
    facts = figures_of("The judge sentenced the banker to 11 years in prison. She finished in 2:14:05.")
    assert one(facts, "11 years").unit == "years"
    race = one(facts, "2:14:05")
    assert (race.value, race.unit) == (2 * 3600 + 14 * 60 + 5, "seconds")


def test_ranges_give_both_bounds_with_the_unit(figures_of):
    facts = figures_of("Analysts expect growth of 10-12% and a loss of between 3 and 4 million tonnes.")
    assert [(f.value, f.unit) for f in facts] == [
        (10, "percent"),
        (12, "percent"),
        (3e6, "tonnes"),
        (4e6, "tonnes"),
    ]


def test_conversion_in_parentheses_restates(figures_of):
    facts = figures_of("The carmaker reported a loss of £2.8bn ($3.5bn) for the year.")
    assert [f.text for f in facts] == ["£2.8bn", "$3.5bn"]
    assert facts[1].restates == 0 and facts[0].restates is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks were held in 2019 and again on May 16-17, 2024.",
        "The mayor won a fifth term and finished second in 2008.",
        "The summit opens at 10 a.m. and the vote closes at 5:30 PM, or 1400 GMT.",
        "Shares in the FTSE 100 and the S&P 500 were flat after the iPhone 16 launch.",
        "The Power of Siberia 2 pipeline was discussed at the G20 and at COVID-19 briefings.",
        "The two leaders met, and all three parties agreed.",
        "Page 2 of 3",
        "By Jane Doe | Updated 7:45 AM EDT, Tue October 14, 2025",
        "The 2022 election and the 1990s boom were recalled in fiscal 2023-24.",
    ],
)
def test_not_figures(figures_of, sentence):
    assert figures_of(sentence) == []


def test_year_like_counts_of_people_are_figures(figures_of):
    facts = figures_of("About 1500 protesters gathered in 2023.")
    assert [(f.value, f.unit) for f in facts] == [(1500, "people")]


def test_measure_from_subject_and_change(figures_of):
    facts = figures_of("The company's net profit rose 18% to $640 million in the second quarter.")
    change, level = one(facts, "18%"), one(facts, "$640 million")
    assert change.is_change and not level.is_change
    assert "net profit" in change.measure and "net profit" in level.measure


def test_measure_of_material_and_of_noun(figures_of):
    facts = figures_of(
        "India imported 4.8 million tonnes of palm oil. The airline posted revenue of $9 billion."
    )
    assert "palm oil" in one(facts, "4.8 million tonnes").measure
    assert "revenue" in one(facts, "$9 billion").measure


def test_change_after_up(figures_of):
    fact = one(figures_of("Exports hit a record $12 billion in March, up 9% from a year earlier."), "9%")
    assert fact.is_change and fact.measure == "increase in Exports"


def test_period_resolved_against_publication_date(figures_of):
    facts = figures_of("Wheat output fell to 78 million tonnes last year.", published="2025-02-10")
    assert one(facts, "78 million tonnes").period == "2024"


def test_period_kept_as_written_without_anchor(figures_of):
    facts = figures_of("Wheat output fell to 78 million tonnes last year.")
    assert one(facts, "78 million tonnes").period == "last year"


def test_period_not_from_comparison_base(figures_of):
    facts = figures_of("Sales jumped 30% in 2024 from 2019 levels.")
    assert one(facts, "30%").period == "2024"


def test_quarter_period(figures_of):
    facts = figures_of("Revenue in the third quarter rose to $4.1 billion.", published="2025-10-20")
    assert one(facts, "$4.1 billion").period == "Q3 2025"


def test_same_figure_in_headline_and_body_is_listed_once(figures_of):
    text = "Miner fined $50 million over spill\n\nA regulator fined the miner $50 million on Monday."
    facts = figures_of(text)
    assert len(facts) == 1 and facts[0].span.start > text.index("\n")


def test_scores_need_a_result_context(figures_of):
    facts = figures_of("Leeds beat Hull 3-1 at home.")
    assert [(f.text, f.value, f.qualifier) for f in facts] == [("3-1", 3, "score")]


def test_age_after_name(figures_of):
    fact = figures_of("The defendant, Maria Lopez, 43, denied the charges.")[0]
    assert (fact.value, fact.unit) == (43, "years")


def test_topics_from_the_figure_sentence(figures_of):
    facts = figures_of("Crude output from the fields reached 2 million barrels per day.")
    assert facts[0].topics[0] == "energy"
    facts = figures_of("The court ordered the firm to pay $30 million in restitution to victims.")
    assert facts[0].topics[0] == "crime"


def test_money_range_shares_currency_and_scale(figures_of):
    facts = figures_of("The settlement is worth $5-10 million, lawyers said.")
    assert [(f.value, f.unit) for f in facts] == [(5e6, "USD"), (1e7, "USD")]


def test_instrument_tenors_and_benchmarks_are_not_durations(figures_of):
    facts = figures_of("The 10-year Treasury yield rose to 4.5%, and shares hit a 52-week high.")
    assert [f.text for f in facts] == ["4.5%"]


def test_percent_abbreviations(figures_of):
    assert [(f.text, f.value) for f in figures_of("Inflation hit 5pc in May.")] == [("5pc", 5)]


def test_measure_of_a_counted_object_reads_as_a_passive(figures_of):
    facts = figures_of("Coast guards rescued 140 swimmers at the northern beach on Sunday.")
    measure = one(facts, "140 swimmers").measure
    assert measure.startswith("swimmers rescued") and "by Coast guards" in measure


def test_measure_of_a_counted_object_of_have(figures_of):
    facts = figures_of("The old browser has 312 vulnerabilities, the agency said.")
    assert one(facts, "312 vulnerabilities").measure == "vulnerabilities of old browser"


def test_physical_size_gets_its_dimension(figures_of):
    facts = figures_of("The festival's centrepiece is a 12 meter high paper dragon.")
    assert one(facts, "12 meter").measure.startswith("height of")


def test_percent_of_something_is_a_share_of_it(figures_of):
    facts = figures_of("Tablets accounted for 35 percent of the market last year.")
    assert one(facts, "35 percent").measure.startswith("share of market")


def test_counts_after_a_determiner(figures_of):
    facts = figures_of(
        "The storm grounded the 212 flights due out of the airport, killing all five crew aboard a "
        "cargo plane. The two airlines said these four routes would reopen."
    )
    texts = [f.text for f in facts]
    assert "212 flights" in texts and "five crew" in texts
    assert not any(t.startswith(("two", "four")) for t in texts)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("A nine-member jury heard the case.", "nine-member", 9, "people"),
        ("The 214-page report was leaked.", "214-page", 214, "count"),
        ("Traffic to the site rose 12-fold in a week.", "12-fold", 12, "times"),
        ("Wind farms now make three times as much power as before.", "three times", 3, "times"),
        ("Rural clinics see twice as many patients.", "twice", 2, "times"),
        ("The change needs a 2/3 majority of members.", "2/3", 66.67, "percent"),
        ("The pupils got half as much sleep as they need.", "half as much", 50, "percent"),
        (
            "The park covers 180,000 square meters of the city.",
            "180,000 square meters",
            180000,
            "square_meters",
        ),
    ],
)
def test_counts_multiples_and_written_fractions(figures_of, sentence, text, value, unit):
    fact = one(figures_of(sentence), text)
    assert (fact.value, fact.unit) == (value, unit)


def test_labels_after_a_noun_are_not_counts(figures_of):
    facts = figures_of("Two shells landed near guard towers 17 and 18 on the ridge.")
    assert [f.text for f in facts] == ["Two shells"]


def test_vote_tally_is_one_figure(figures_of):
    facts = figures_of("The bill was passed with 61 yeas and 38 nays on Wednesday.")
    assert [(f.text, f.value) for f in facts] == [("61 yeas and 38 nays", 61)]
    assert one(facts, "61 yeas and 38 nays").qualifier == "tally"


def test_half_as_much(figures_of):
    fact = one(figures_of("Teenagers get about half as much sleep as they need."), "half as much")
    assert (fact.value, fact.unit) == (50, "percent")


def test_a_range_is_one_figure_at_its_low_end(figures_of):
    facts = figures_of("The form runs to ten to 28 pages and the fee is €40 to €45 million.")
    pages = one(facts, "ten to 28 pages")
    assert (pages.value, pages.range_low, pages.range_high, pages.unit) == (10, 10, 28, "count")
    fee = one(facts, "€40 to €45 million")
    assert (fee.value, fee.range_high, fee.unit) == (40e6, 45e6, "EUR")


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The port sold for HK$1.1 billion.", "HK$1.1 billion", 1.1e9, "HKD"),
        ("Fares rose to R$45 this year.", "R$45", 45, "BRL"),
        ("The bond raised CHF 300 million.", "CHF 300 million", 3e8, "CHF"),
        (
            "Farmers were paid 12 million Central African CFA francs.",
            "12 million Central African CFA francs",
            1.2e7,
            "XAF",
        ),
        ("Rent rose to 40,000 Nigerian nairas.", "40,000 Nigerian nairas", 40000, "NGN"),
    ],
)
def test_currencies_from_the_cldr_catalogue(figures_of, sentence, text, value, unit):
    fact = one(figures_of(sentence), text)
    assert (fact.value, fact.unit) == (value, unit)


def test_a_currency_code_that_is_a_word_is_not_money(figures_of):
    facts = figures_of("Ticket sales for all three shows reached 240,000 last month.")
    assert all(not f.text.lower().startswith("all") for f in facts)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The startup raised $4.2M in seed money.", "$4.2M", 4.2e6, "USD"),
        ("The ticket costs 900€ at the door.", "900€", 900, "EUR"),
        ("The phone has 256 GB of storage.", "256 GB", 256, "GB"),
        ("Its chip runs at 3.1GHz under load.", "3.1GHz", 3.1, "GHz"),
        ("The engine makes 420 horsepower.", "420 horsepower", 420, "hp"),
    ],
)
def test_suffixed_scales_postfix_signs_and_technical_units(figures_of, sentence, text, value, unit):
    fact = one(figures_of(sentence), text)
    assert (fact.value, fact.unit) == (value, unit)


def test_money_in_something_measures_that_thing(figures_of):
    facts = figures_of("The package included $310 million in farm subsidies for growers.")
    assert one(facts, "$310 million").measure.startswith("farm subsidies")
    facts = figures_of("The firm spent $4 million in total on the campaign.")
    assert "total" not in (one(facts, "$4 million").measure or "")


def test_a_measure_is_never_a_bare_verb(figures_of):
    for fact in figures_of("At the peak, one in four clicks came from search engines."):
        assert fact.measure is None or len(fact.measure.split()) > 1
