"""Units and currencies as news writes them, with the code each normalises to.

General lexicons only (no article data). Values keep the unit as named: a scale word multiplies
("20 billion cubic metres" -> 2e10 cubic_meters, "19 bcm" -> 1.9e10 cubic_meters), but a metric
prefix that is part of the unit's name stays in the code ("415 TWh" -> 415 TWh), the way analysts
and annotators record them.
"""

from __future__ import annotations

import re
from functools import cache

from app.lexicon import words_of
from app.lexicon.currencies import CLDR_CODES, CLDR_NAMES, CLDR_SIGNS
from app.lexicon.unit_catalogue import CASED_UNITS as CATALOGUE_CASED
from app.lexicon.unit_catalogue import WORD_UNITS as CATALOGUE_WORDS

# Currency signs before a number. Longest first so "US$" wins over "$".
# fmt: off
CURRENCY_SIGNS = {
    "US$": "USD", "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "T$": "TWD", "R$": "BRL", "MX$": "MXN", "$": "USD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₪": "ILS",
    "₦": "NGN", "₱": "PHP", "₴": "UAH", "Rs.": "INR", "Rs": "INR",
}
# fmt: on
# fmt: off
ISO_CODES = (
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "INR",
    "RUB", "KRW", "BRL", "MXN", "ZAR", "TRY", "SEK", "NOK", "DKK", "PLN", "AED", "SAR", "ILS", "NGN",
    "EGP", "IDR", "THB", "MYR", "PHP", "UAH", "KES", "ARS", "CLP", "COP", "VND", "PKR", "QAR",
)
# fmt: on
ISO_ALIASES = {"RMB": "CNY"}
# Currency names after a number ("3.2 billion euros"). Qualified dollars first.
# fmt: off
CURRENCY_WORDS = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "canadian dollars": "CAD",
    "australian dollars": "AUD", "new zealand dollars": "NZD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "pounds": "GBP", "pound": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "rupees": "INR", "rupee": "INR",
    "swiss francs": "CHF", "francs": "CHF", "won": "KRW", "pesos": "MXN", "reais": "BRL", "rand": "ZAR",
    "lira": "TRY", "liras": "TRY", "dirhams": "AED", "riyals": "SAR", "shekels": "ILS", "naira": "NGN",
    "hryvnias": "UAH", "hryvnia": "UAH", "zlotys": "PLN", "zloty": "PLN", "kronor": "SEK", "kroner": "NOK",
}
# fmt: on
# The CLDR catalogue (app/lexicon/currencies.py) adds every other ISO currency: symbols and codes before
# a number, multi-word names after one; the hand lists above win where both name a form.
for _sign, _code in CLDR_SIGNS.items():
    CURRENCY_SIGNS.setdefault(_sign, _code)
for _name, _code in CLDR_NAMES.items():
    CURRENCY_WORDS.setdefault(_name, _code)
SIGN_CODES = tuple(sorted(set(ISO_CODES) | set(CLDR_CODES)))
# Minor units: the value is divided by 100 and the currency is the major one.
# fmt: off
MINOR_UNITS = {"cents": "USD", "cent": "USD", "euro cents": "EUR", "pence": "GBP", "p": "GBP"}
# fmt: on

# Physical and other units after a number: written form -> (code, multiplier). Matched longest first,
# case-insensitively except where the case carries meaning (see CASED_UNITS).
# fmt: off
UNITS: dict[str, tuple[str, float]] = {
    "%": ("percent", 1), "percent": ("percent", 1), "pc": ("percent", 1), "per cent": ("percent", 1),
    "pct": ("percent", 1),
    "percentage points": ("percentage_points", 1), "percentage point": ("percentage_points", 1),
    "basis points": ("basis_points", 1), "basis point": ("basis_points", 1), "bps": ("basis_points", 1),
    "barrels per day": ("barrels_per_day", 1), "barrels a day": ("barrels_per_day", 1),
    "barrels of oil per day": ("barrels_per_day", 1), "barrels of oil a day": ("barrels_per_day", 1),
    "barrels of oil equivalent per day": ("barrels_per_day", 1), "bpd": ("barrels_per_day", 1),
    "b/d": ("barrels_per_day", 1), "boe/d": ("barrels_per_day", 1), "boepd": ("barrels_per_day", 1),
    "mb/d": ("barrels_per_day", 1e6), "mbpd": ("barrels_per_day", 1e6), "kb/d": ("barrels_per_day", 1e3),
    "barrels": ("barrels", 1), "barrel": ("barrels", 1),
    "cubic meters": ("cubic_meters", 1), "cubic metres": ("cubic_meters", 1), "cu m": ("cubic_meters", 1),
    "bcm": ("cubic_meters", 1e9), "tcm": ("cubic_meters", 1e12), "mcm": ("cubic_meters", 1e6),
    "cubic feet": ("cubic_feet", 1), "bcf": ("cubic_feet", 1e9), "tcf": ("cubic_feet", 1e12),
    "tonnes": ("tonnes", 1), "tonne": ("tonnes", 1), "metric tons": ("tonnes", 1),
    "metric tonnes": ("tonnes", 1),
    "tons": ("tonnes", 1), "ton": ("tonnes", 1), "kilotonnes": ("tonnes", 1e3), "megatonnes": ("tonnes", 1e6),
    "kilograms": ("kg", 1), "kilogrammes": ("kg", 1), "kilogram": ("kg", 1), "kg": ("kg", 1),
    "grams": ("grams", 1), "gram": ("grams", 1), "ounces": ("ounces", 1), "ounce": ("ounces", 1),
    "oz": ("ounces", 1), "lb": ("pounds_weight", 1), "lbs": ("pounds_weight", 1),
    "kilometres": ("km", 1), "kilometers": ("km", 1), "kilometre": ("km", 1), "kilometer": ("km", 1),
    "km": ("km", 1), "miles": ("miles", 1), "mile": ("miles", 1), "nautical miles": ("nautical_miles", 1),
    "metres": ("meters", 1), "meters": ("meters", 1), "metre": ("meters", 1), "meter": ("meters", 1),
    "feet": ("feet", 1), "foot": ("feet", 1), "ft": ("feet", 1), "inches": ("inches", 1),
    "inch": ("inches", 1),
    "centimetres": ("cm", 1), "centimeters": ("cm", 1), "cm": ("cm", 1), "millimetres": ("mm", 1),
    "millimeters": ("mm", 1), "mm": ("mm", 1),
    "square kilometres": ("square_km", 1), "square kilometers": ("square_km", 1), "sq km": ("square_km", 1),
    "km2": ("square_km", 1), "square miles": ("square_miles", 1), "hectares": ("hectares", 1),
    "acres": ("acres", 1), "square meters": ("square_meters", 1), "square metres": ("square_meters", 1),
    "square meter": ("square_meters", 1), "square metre": ("square_meters", 1), "sq m": ("square_meters", 1),
    "square feet": ("square_feet", 1), "sq ft": ("square_feet", 1),
    "litres": ("litres", 1), "liters": ("litres", 1), "gallons": ("gallons", 1),
    "terawatt-hours": ("TWh", 1), "terawatt hours": ("TWh", 1), "twh": ("TWh", 1),
    "gigawatt-hours": ("GWh", 1), "gigawatt hours": ("GWh", 1), "gwh": ("GWh", 1),
    "megawatt-hours": ("MWh", 1), "megawatt hours": ("MWh", 1), "mwh": ("MWh", 1),
    "kilowatt-hours": ("kWh", 1), "kilowatt hours": ("kWh", 1), "kwh": ("kWh", 1),
    "gigawatts": ("GW", 1), "gigawatt": ("GW", 1), "gw": ("GW", 1), "megawatts": ("MW", 1),
    "megawatt": ("MW", 1), "mw": ("MW", 1), "kilowatts": ("kW", 1), "kw": ("kW", 1),
    "mph": ("mph", 1), "miles per hour": ("mph", 1), "km/h": ("km_per_hour", 1), "kph": ("km_per_hour", 1),
    "kilometres per hour": ("km_per_hour", 1), "kilometers per hour": ("km_per_hour", 1),
    "knots": ("knots", 1),
    "degrees celsius": ("celsius", 1), "degrees fahrenheit": ("fahrenheit", 1), "°c": ("celsius", 1),
    "°f": ("fahrenheit", 1), "degrees": ("degrees", 1),
    "terabytes": ("TB", 1), "gigabytes": ("GB", 1), "megabytes": ("MB", 1), "kilobytes": ("kB", 1),
    "terabyte": ("TB", 1), "gigabyte": ("GB", 1), "megabyte": ("MB", 1), "petabytes": ("PB", 1),
    "gigahertz": ("GHz", 1), "megahertz": ("MHz", 1), "kilohertz": ("kHz", 1), "hertz": ("Hz", 1),
    "horsepower": ("hp", 1), "hp": ("hp", 1), "bhp": ("hp", 1),
    "seconds": ("seconds", 1), "second": ("seconds", 1), "minutes": ("minutes", 1), "minute": ("minutes", 1),
    "hours": ("hours", 1), "hour": ("hours", 1), "days": ("days", 1), "day": ("days", 1),
    "weeks": ("weeks", 1), "week": ("weeks", 1), "months": ("months", 1), "month": ("months", 1),
    "years": ("years", 1), "year": ("years", 1), "decades": ("decades", 1), "decade": ("decades", 1),
    "points": ("points", 1), "point": ("points", 1), "parts per million": ("ppm", 1), "ppm": ("ppm", 1),
    "parts per billion": ("ppb", 1), "ppb": ("ppb", 1),
}
# fmt: on
# Abbreviations whose meaning depends on case (they may only follow a numeral directly).
# fmt: off
CASED_UNITS: dict[str, tuple[str, float]] = {
               "TWh": ("TWh", 1), "GWh": ("GWh", 1), "MWh": ("MWh", 1), "kWh": ("kWh", 1),
               "GW": ("GW", 1), "MW": ("MW", 1), "kW": ("kW", 1), "t": ("tonnes", 1),
               "TB": ("TB", 1), "GB": ("GB", 1), "MB": ("MB", 1), "PB": ("PB", 1), "GHz": ("GHz", 1),
               "MHz": ("MHz", 1), "kHz": ("kHz", 1), "Hz": ("Hz", 1), "m2": ("square_meters", 1),
               "m²": ("square_meters", 1), "km²": ("square_km", 1)}
# fmt: on
# pint's catalogue (app/lexicon/unit_catalogue.py, generated by scripts/build_unit_catalogue.py) adds
# the other written forms of energy, power, data, frequency, volume, temperature and speed units;
# the hand lists above win where both name a form.
for _form, _unit in CATALOGUE_WORDS.items():
    UNITS.setdefault(_form, _unit)
for _form, _unit in CATALOGUE_CASED.items():
    CASED_UNITS.setdefault(_form, _unit)
DURATION_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"}
# Units that make a quantity a physical measurement rather than a count.
# fmt: off
RATE_DENOMINATORS = ("a barrel", "per barrel", "a share", "per share", "a day", "per day", "a month",
                     "per month", "a year", "per year", "an hour", "per hour", "a week", "per week",
                     "a tonne", "per tonne", "a ton", "per ton", "a dose", "per dose", "a head", "per head",
                     "per person", "a person", "per capita", "a litre", "per litre", "a gallon", "per gallon",
                     "an ounce", "per ounce", "a kilo", "per kilo", "per kilogram", "per megawatt-hour",
                     "per megawatt hour", "per mwh", "a megawatt-hour", "per unit", "a unit")
# fmt: on

# Nouns that count people: a count of them gets the unit "people".
PEOPLE_NOUNS = words_of(
    """
people persons person individuals civilians soldiers troops workers employees staff residents
citizens children adults students pupils teachers nurses doctors patients victims migrants refugees
schoolchildren
voters protesters protestors demonstrators marchers runners athletes players fans spectators
passengers officials officers police policemen lawmakers legislators members delegates journalists
reporters prisoners inmates detainees hostages casualties survivors tourists visitors customers
users subscribers viewers readers households families women men girls boys babies infants farmers
miners drivers pilots crew commuters shoppers investors shareholders creditors retirees pensioners
jobseekers fighters militants rebels insurgents recruits volunteers contractors scientists
researchers engineers executives managers directors lawyers judges jurors evacuees asylum-seekers
applicants graduates participants attendees guests diplomats ministers
"""
)
# Singular nouns that make a count of a compound adjective ("a six-member team", "the 131-page report",
# "a 5,000-strong crowd"); the second list counts people.
COUNT_ADJ_NOUNS = words_of(
    """
member page driver person man woman strong seat bed room storey story car vehicle nation country judge
player candidate company school state point-plan
"""
)
PEOPLE_ADJ_NOUNS = words_of("member driver person man woman strong judge player candidate")
# Nouns that look countable but name a time or a rate: never a count.
NOT_COUNTED = words_of(
    """
percent cent cents times time fold percentage share proportion rate ratio average majority minority
"""
)


@cache
def unit_pattern() -> re.Pattern:
    """One alternation of every unit form, longest first, anchored at the current position."""
    forms = sorted(UNITS, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"\s?(?P<unit>{body})(?![\w])", re.IGNORECASE)


@cache
def cased_unit_pattern() -> re.Pattern:
    forms = sorted(CASED_UNITS, key=len, reverse=True)
    return re.compile(r"\s?(?P<unit>" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")


@cache
def currency_word_pattern() -> re.Pattern:
    forms = sorted([*CURRENCY_WORDS, *MINOR_UNITS, *(c.lower() for c in ISO_CODES)], key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"\s?(?P<cur>{body})(?![\w])", re.IGNORECASE)


def currency_sign_regex() -> str:
    """Regex source for a currency sign or ISO code written before a number."""
    signs = sorted(CURRENCY_SIGNS, key=len, reverse=True)
    sign_src = "|".join(re.escape(s) for s in signs)
    # any three capitals, checked against SIGN_CODES by currency_of_sign (one alternation of ~300 codes
    # at every position doubled the scan's time)
    return rf"(?:(?<![\w$])(?:{sign_src})|\b(?-i:[A-Z]{{3}})\s)"


def currency_of_sign(sign: str) -> str | None:
    s = sign.strip()
    if s in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[s]
    if s in SIGN_CODES:
        return ISO_ALIASES.get(s, s)
    return None


def currency_of_word(word: str) -> tuple[str, float] | None:
    """(ISO code, multiplier) of a currency word after a number; minor units divide by 100."""
    w = " ".join(word.lower().split())
    if w in MINOR_UNITS:
        return MINOR_UNITS[w], 0.01
    if w in CURRENCY_WORDS:
        return CURRENCY_WORDS[w], 1.0
    if w.upper() in ISO_CODES:
        return ISO_ALIASES.get(w.upper(), w.upper()), 1.0
    return None


def unit_of(word: str) -> tuple[str, float] | None:
    if word in CASED_UNITS:
        return CASED_UNITS[word]
    return UNITS.get(" ".join(word.lower().split()))
