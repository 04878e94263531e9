"""Every ISO 4217 currency with its English symbol and names, from the CLDR data shipped by ``babel``.

Origin: Unicode CLDR through ``babel.numbers`` (``list_currencies``, ``get_currency_symbol`` and
``get_currency_name`` in the ``en`` locale), read once at import; nothing is downloaded. Mapping to
the project's unit codes: a currency's unit code is its ISO code. Membership rules:

- ``CLDR_SIGNS``: the English symbol when it differs from the code ("HK$" HKD, "A$" AUD, "R$" BRL,
  "CA$" CAD, "₫" VND, "FCFA" XAF), written before a number;
- ``CLDR_CODES``: every current code, written before a number ("CHF 40", "ZAR 1.2 billion");
  codes are never read after a number, where many are English words ("10 all", "3 top");
- ``CLDR_NAMES``: the plural and singular names, lower case, of two words or more ("swiss francs",
  "south african rand", "central african cfa francs") after a number; one-word names ("dollars",
  "pounds") stay in the hand list of :mod:`app.extraction.figures.units`, which decides which
  country's dollar a bare "dollars" is.
"""

from __future__ import annotations

from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

_HISTORIC = {"XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD"}


def _codes() -> list[str]:
    return sorted(c for c in list_currencies() if c not in _HISTORIC and c.isalpha() and len(c) == 3)


CLDR_CODES: tuple[str, ...] = tuple(_codes())
CLDR_SIGNS: dict[str, str] = {
    sym: code
    for code in CLDR_CODES
    if (sym := get_currency_symbol(code, "en").replace("\u202f", " ")) != code and sym != "¤"
}
CLDR_NAMES: dict[str, str] = {
    name.lower(): code
    for code in CLDR_CODES
    for name in (get_currency_name(code, count=2, locale="en"), get_currency_name(code, locale="en"))
    if len(name.split()) >= 2 and "(" not in name
}
