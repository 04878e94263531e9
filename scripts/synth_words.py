"""Word lists for the synthetic corpus: names, a Zipf-weighted vocabulary, measures, places.

Real English words for the frequent part of the vocabulary (so ``q=`` searches look like what a
reader types) and made-up words for the long tail (so rare terms exist, as in real news).
"""

from __future__ import annotations

import itertools
import random


def words(text: str) -> list[str]:
    return text.split()


FIRST = words(
    "Aaron Abigail Adam Adrian Aisha Alan Alexander Alice Amara Amir Ana Andrea Andrew Anna Anton Arjun "
    "Astrid Beatriz Ben Boris Camila Carlos Catherine Chen Chloe Claire Daniel David Diego Dmitri Elena "
    "Elif Emma Eric Fatima Felix Fiona Francesca Gabriel Grace Hannah Hassan Helen Hiroshi Ian Ingrid "
    "Isabel Ivan Jack James Jana Javier Jin John Jorge Julia Karim Katarina Kenji Kwame Laura Lei Leila "
    "Liam Lucas Lucia Mai Marco Maria Mark Marta Mateo Mei Michael Mohammed Nadia Naomi Nikolai Nina "
    "Noah Olga Omar Oscar Paolo Pedro Priya Rahul Rania Raul Rosa Samuel Sara Sergei Sofia Stefan Tariq "
    "Thomas Tomas Valentina Victor Wei Yara Yusuf Zainab Zoe"
)
SURNAMES = words(
    "Abbott Adeyemi Alvarez Andersen Arslan Bauer Becker Bianchi Brennan Campbell Castillo Chen Costa "
    "Dahl Das Delgado Dubois Eriksen Farouk Fischer Fonseca Garcia Gomez Greene Haddad Hansen Hartmann "
    "Hoffman Horvat Hughes Ibrahim Ivanova Jansen Jensen Kaplan Kato Keller Khan Kim Kowalski Kramer "
    "Larsen Laurent Lee Lindqvist Lopez Madsen Mahmoud Marino Martens Mendes Meyer Moreau Morales "
    "Mueller Murphy Nakamura Navarro Nguyen Nielsen Novak Okafor Olsen Ortiz Park Patel Pereira Petrov "
    "Popescu Quinn Ramos Reyes Richter Rossi Sato Schmidt Schneider Silva Smirnov Sokolov Suzuki "
    "Tanaka Torres Vargas Vasquez Weber Wagner Walsh Yamamoto Yilmaz Zhang Zimmermann Gabriel Moreno "
    "Santos Romero Ferreira Soto Aguilar Rojas Medina Castro Ortega Rubio Molina Serrano Blanco Suarez "
    "Ito Watanabe Takahashi Kobayashi Yoshida Inoue Kimura Hayashi Shimizu Mori Abe Ikeda Hashimoto "
    "Wong Liu Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo Zheng Liang Xie Tang Han Cao Deng"
)
TITLES = (
    "minister",
    "spokesperson",
    "chief executive",
    "analyst",
    "senator",
    "governor",
    "economist",
    "director",
    "professor",
    "union leader",
    None,
    None,
)
AFFILIATIONS = (
    "the central bank",
    "the energy ministry",
    "the finance ministry",
    "Global Refining",
    "the university",
    "the trade union",
    "the opposition",
    "the parliament",
    "North Shipping",
    None,
    None,
)
PUBLISHERS = ("Reuters", "AP", "Bloomberg", "The Daily Ledger", "Metro Wire", "City Desk", "Gazette")
PLACES = words(
    "Brussels Geneva Houston Nairobi Lagos Jakarta Lima Oslo Warsaw Seoul Hanoi Cairo Doha Riyadh "
    "Santiago Bogota Dublin Vienna Athens Lisbon Manila Ankara Kyiv Almaty Tashkent Perth Auckland"
)
COMMON = words(
    "the of and to in a is that for it as was with be by on not he this are or his from at which but "
    "have an they you were her she there been one all we their has would when if so no will more "
    "said people year government new market price oil gas energy power plant deal trade talks "
    "country economy bank rate growth prices workers jobs war peace security military troops border "
    "election vote party court judge law police health hospital vaccine climate emissions carbon "
    "water food farmers export import tariff sanctions pipeline supply demand production output "
    "budget tax debt inflation interest investment company shares profit loss revenue team season "
    "match school students teachers research scientists technology data chips network strike union "
    "wages contract reform policy plan project minister president leader officials agency report "
    "week month today tomorrow billion million percent barrels tonnes crisis risk support change "
    "future time world city region state national public private local global first last next "
    "important clear strong weak high low better worse long short open close keep build cut raise"
)


def tail_words(rng: random.Random, n: int) -> list[str]:
    """Made-up words for the long tail of the vocabulary."""
    syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "dun", "pel", "sor", "zi", "bra", "qua", "nel", "tor"]
    words = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(n * 2)}
    return sorted(words)[:n]


def zipf_cum_weights(n: int, s: float = 1.07) -> list[float]:
    """Cumulative Zipf weights for ranks 1..n (``random.choices(cum_weights=...)``)."""
    return list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, n + 1)))


def vocabulary(rng: random.Random, size: int = 6000) -> tuple[list[str], list[float]]:
    words = list(dict.fromkeys(COMMON)) + tail_words(rng, size)
    words = list(dict.fromkeys(words))[:size]
    return words, zipf_cum_weights(len(words), 1.0)


def person_names(rng: random.Random, n: int) -> list[tuple[str, str, str]]:
    """``n`` distinct (full name, first name, surname); surnames are shared, as in real life."""
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    middles = [""] + [f" {c}." for c in "ABCDEFGHJKLMNPRSTW"]
    while len(out) < n:
        first, last = rng.choice(FIRST), rng.choice(SURNAMES)
        full = f"{first} {last}"
        if full in seen:
            full = f"{first}{rng.choice(middles)} {last}"
        if full in seen:
            continue
        seen.add(full)
        out.append((full, first, last))
    return out
