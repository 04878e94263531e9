"""Rows of the synthetic corpus (see synth_corpus.py), generated source by source.

Each source is an article whose text is built sentence by sentence from the facts it reports, so
every evidence row's offsets index the stored text exactly. A new fact is given 1-4 evidence
entries: the source that first reports it, and up to three later sources that repeat it.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.keys import measure_key, name_key, publisher_key, quote_text_key, speaker_key, summary_key
from app.storage.facts import end_of_period
from scripts import synth_words
from scripts.synth_words import words

TABLES: dict[str, tuple[str, ...]] = {
    "people": ("id", "name", "name_key", "title", "affiliation"),
    "person_aliases": ("id", "person_id", "alias", "alias_key"),
    "sources": words(
        "id content_hash title publisher publisher_key authors credits published_at published_date url "
        "dateline language origin text word_count"
    ),
    "quotes": words("id text text_key kind speaker_type speaker_name speaker_key speaker_person_id"),
    "quote_topics": ("quote_id", "topic_slug"),
    "figures": words("id text value unit measure measure_key period approximate qualifier is_change"),
    "figure_topics": ("figure_id", "topic_slug"),
    "events": words(
        "id summary summary_key kind date_start date_end range_end date_precision date_text location"
    ),
    "event_participants": ("event_id", "position", "name", "name_key", "person_id"),
    "evidence": words("id fact_type fact_id source_id start_char end_char text sentence sentence_start"),
}
TOPIC_WEIGHTS = {
    "energy": 10, "economy": 8, "trade": 6, "politics": 10, "diplomacy": 6, "sanctions": 4,
    "military": 4, "conflict": 5, "armed-conflict": 3, "health": 6, "environment": 5,
    "technology": 5, "science": 3, "crime": 6, "disaster": 3, "sport": 5, "society": 4,
    "labour": 5, "education": 3, "international-relations": 2, "science-technology": 2,
}  # fmt: skip
MEASURES = [
    ("oil production", "barrels_per_day", ["energy"], (4, 7)),
    ("gas exports", "cubic_meters", ["energy", "trade"], (6, 11)),
    ("crude oil revenue", "USD", ["energy", "economy"], (6, 11)),
    ("renewable investment", "USD", ["energy", "environment"], (6, 11)),
    ("electricity prices", "percent", ["energy"], (-1, 1.5)),
    ("defence budget", "USD", ["military"], (7, 11.5)),
    ("inflation", "percent", ["economy"], (-1, 1.4)),
    ("unemployment rate", "percent", ["labour", "economy"], (0, 1.4)),
    ("steel output", "tonnes", ["economy"], (4, 8)),
    ("carbon emissions", "tonnes", ["environment", "energy"], (5, 9.5)),
    ("jobs cut", "count", ["labour"], (1, 5)),
    ("pipeline length", "miles", ["energy"], (1, 3.5)),
    ("trade deficit", "USD", ["trade"], (7, 11.5)),
    ("hospital admissions", "count", ["health"], (2, 6)),
    ("wheat exports", "tonnes", ["trade"], (4, 8)),
]
EVENT_KINDS = ("visit", "meeting", "summit", "signing", "election", "ruling", "strike", "protest")
EPOCH = date(2015, 1, 1)
DAYS = 3652  # ten years


@dataclass
class Plan:
    quotes: int
    people: int
    sources: int
    figures: int
    events: int
    seed: int


def share(total: int, parts: int, i: int) -> int:
    """The i-th of ``parts`` near-equal shares of ``total``."""
    return total * (i + 1) // parts - total * i // parts


class Generator:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.vocab, self.vocab_cw = synth_words.vocabulary(self.rng)
        self.people = synth_words.person_names(self.rng, plan.people)
        ranks = list(range(plan.people))
        self.rng.shuffle(ranks)  # popular speakers spread over the id range
        self.by_rank = ranks
        self.people_cw = synth_words.zipf_cum_weights(plan.people)
        self.topics = list(TOPIC_WEIGHTS)
        self.topic_w = list(TOPIC_WEIGHTS.values())
        self.pending: dict[int, list[tuple]] = {}
        self.ids = dict.fromkeys(("quote", "figure", "event", "evidence"), 0)

    def people_rows(self) -> dict[str, list[tuple]]:
        people, aliases = [], []
        for pid, (full, first, last) in enumerate(self.people, start=1):
            title = self.rng.choice(synth_words.TITLES)
            people.append((pid, full, name_key(full), title, self.rng.choice(synth_words.AFFILIATIONS)))
            forms = dict.fromkeys([full, f"{first} {last}", last])
            for alias in forms:
                aliases.append((len(aliases) + 1, pid, alias, name_key(alias)))
        return {"people": people, "person_aliases": aliases}

    def source_chunk(self, start: int, stop: int) -> dict[str, list[tuple]]:
        out: dict[str, list[tuple]] = {t: [] for t in TABLES}
        for i in range(start, stop):
            Article(self, i, out).build()
        return out

    # --- facts -----------------------------------------------------------------------------------

    def spread(self, i: int, fact: tuple) -> None:
        """Schedule 0-3 later sources that report the same fact again (1-4 evidence in all)."""
        extra = self.rng.choices((0, 1, 2, 3), weights=(50, 28, 15, 7))[0]
        for target in sorted(self.rng.sample(range(1, 40), extra)):
            self.pending.setdefault(i + target, []).append(fact)

    def speaker(self) -> int:
        return self.by_rank[self.rng.choices(range(self.plan.people), cum_weights=self.people_cw)[0]] + 1

    def sentence_words(self, low: int, high: int) -> str:
        chosen = self.rng.choices(self.vocab, cum_weights=self.vocab_cw, k=self.rng.randint(low, high))
        return " ".join(chosen).capitalize()

    def new_quote(self, out: dict) -> tuple:
        self.ids["quote"] += 1
        qid, rng = self.ids["quote"], self.rng
        text = self.sentence_words(6, 24)
        kind = rng.choices(("direct", "partial", "indirect"), weights=(60, 15, 25))[0]
        roll = rng.random()
        if roll < 0.05:
            name, stype, pid = rng.choice(("the ministry", "the company", "the union")), "organization", None
        elif roll < 0.08:
            name, stype, pid = "a senior official", "anonymous", None
        else:
            pid = self.speaker()
            name, stype = self.people[pid - 1][0], "person"
        out["quotes"].append((qid, text, quote_text_key(text), kind, stype, name, speaker_key(name), pid))
        for slug in dict.fromkeys(rng.choices(self.topics, weights=self.topic_w, k=rng.randint(1, 2))):
            out["quote_topics"].append((qid, slug))
        return ("quote", qid, text, kind, name, pid)

    def new_figure(self, out: dict) -> tuple:
        self.ids["figure"] += 1
        fid, rng = self.ids["figure"], self.rng
        measure, unit, topics, (lo, hi) = rng.choice(MEASURES)
        measure = f"{measure} in {rng.choice(synth_words.PLACES)}"
        value = round(10 ** rng.uniform(lo, hi), 1 if unit == "percent" else 0)
        text = figure_text(value, unit)
        year = 2015 + rng.randrange(10)
        period = rng.choice((str(year), str(year), f"Q{rng.randint(1, 4)} {year}"))
        approx = rng.random() < 0.2
        is_change = unit == "percent" and rng.random() < 0.3
        row = (
            fid,
            text,
            value,
            unit,
            measure,
            measure_key(measure) or None,
            period,
            approx,
            "about" if approx else None,
        )
        out["figures"].append((*row, is_change))
        out["figure_topics"].extend((fid, slug) for slug in topics)
        return ("figure", fid, text, measure, period)

    def new_event(self, out: dict) -> tuple:
        self.ids["event"] += 1
        eid, rng = self.ids["event"], self.rng
        kind, place = rng.choice(EVENT_KINDS), rng.choice(synth_words.PLACES)
        a, b = self.speaker(), self.speaker()
        names = (self.people[a - 1][0], self.people[b - 1][0])
        summary, parts = event_summary(kind, place, names, (a, b))
        start = EPOCH + timedelta(days=rng.randrange(DAYS))
        precision = rng.choices(("day", "month", "year"), weights=(70, 20, 10))[0]
        start = {"day": start, "month": start.replace(day=1), "year": start.replace(month=1, day=1)}[
            precision
        ]
        end = (
            start + timedelta(days=rng.randint(1, 4)) if precision == "day" and rng.random() < 0.15 else None
        )
        date_text = {"day": f"{start:%d %B %Y}", "month": f"{start:%B %Y}", "year": f"{start:%Y}"}[precision]
        range_end = end or end_of_period(start, precision)
        skey = summary_key(summary)
        out["events"].append((eid, summary, skey, kind, start, end, range_end, precision, date_text, place))
        for pos, pid in enumerate(parts):
            name = self.people[pid - 1][0]
            out["event_participants"].append((eid, pos, name, name_key(name), pid))
        return ("event", eid, summary, date_text, parts)


def figure_text(value: float, unit: str) -> str:
    if unit == "percent":
        return f"{value:.1f}%"
    scaled = next(((value / f, w) for f, w in ((1e9, "billion"), (1e6, "million")) if value >= f), None)
    number = f"{scaled[0]:.1f} {scaled[1]}" if scaled else f"{value:,.0f}"
    return {
        "USD": f"${number}",
        "barrels_per_day": f"{number} barrels per day",
        "cubic_meters": f"{number} cubic meters",
        "tonnes": f"{number} tonnes",
        "miles": f"{number} miles",
        "count": f"{number} people",
    }[unit]


def event_summary(kind: str, place: str, names: tuple[str, str], ids: tuple[int, int]):
    a, b = names
    if kind == "visit":
        return f"{a} visited {place}", [ids[0]]
    if kind in ("meeting", "signing"):
        verb = "met" if kind == "meeting" else "signed an agreement with"
        return f"{a} {verb} {b} in {place}", list(dict.fromkeys(ids))
    return {
        "summit": f"Leaders held a summit in {place}",
        "election": f"Voters in {place} went to the polls",
        "ruling": f"A court in {place} ruled on the {a.split()[-1]} case",
        "strike": f"Workers in {place} went on strike",
        "protest": f"Protesters gathered in {place}",
    }[kind], []


class Article:
    """One source: sentences appended with exact offsets, evidence rows recorded as they go."""

    def __init__(self, gen: Generator, index: int, out: dict) -> None:
        self.gen, self.i, self.out = gen, index, out
        self.sid = index + 1
        self.parts: list[str] = []
        self.pos = 0
        self.mentioned: set[int] = set()
        self.publisher = gen.rng.choice(synth_words.PUBLISHERS)

    def build(self) -> None:
        gen, plan, out, i = self.gen, self.gen.plan, self.out, self.i
        facts = [gen.new_quote(out) for _ in range(share(plan.quotes, plan.sources, i))]
        facts += [gen.new_figure(out) for _ in range(share(plan.figures, plan.sources, i))]
        facts += [gen.new_event(out) for _ in range(share(plan.events, plan.sources, i))]
        for fact in facts:
            gen.spread(i, fact)
        facts += gen.pending.pop(i, [])
        gen.rng.shuffle(facts)
        title = gen.sentence_words(4, 9)
        author = gen.people[gen.rng.randrange(plan.people)][0]
        self.append(f"{title}\n\nBy {author}\n\n")
        for n, fact in enumerate(facts):
            self.report(fact)
            self.append("\n\n" if n % 4 == 3 else " ")
        self.finish(title, author)

    def append(self, piece: str) -> int:
        at = self.pos
        self.parts.append(piece)
        self.pos += len(piece)
        return at

    def evidence(self, fact_type: str, fact_id: int, start: int, text: str, sentence: str, s_start: int):
        self.gen.ids["evidence"] += 1
        row = (self.gen.ids["evidence"], fact_type, fact_id, self.sid, start, start + len(text), text)
        self.out["evidence"].append((*row, sentence, s_start))

    def mention(self, pid: int | None, name: str, sentence: str, at: int) -> None:
        if pid is not None and pid not in self.mentioned and name in sentence:
            self.mentioned.add(pid)
            self.evidence("person", pid, at + sentence.index(name), name, sentence, at)

    def report(self, fact: tuple) -> None:
        kind = fact[0]
        if kind == "quote":
            _, qid, text, qkind, name, pid = fact
            sentence = {
                "direct": f'"{text}," {name} said.',
                "partial": f'{name} said the plan was "{text}".',
                "indirect": f"{name} said that {text.lower()}.",
            }[qkind]
            shown = text.lower() if qkind == "indirect" else text
            at = self.append(sentence)
            self.evidence("quote", qid, at + sentence.index(shown), shown, sentence, at)
            self.mention(pid, name, sentence, at)
        elif kind == "figure":
            _, fid, text, measure, period = fact
            sentence = (
                f"{measure[0].upper()}{measure[1:]} was {text} in {period}, according to {self.publisher}."
            )
            at = self.append(sentence)
            self.evidence("figure", fid, at + sentence.index(text), text, sentence, at)
        else:
            _, eid, summary, date_text, parts = fact
            sentence = f"{summary} on {date_text}, officials said."
            at = self.append(sentence)
            self.evidence("event", eid, at, summary, sentence, at)
            for pid in parts:
                self.mention(pid, self.gen.people[pid - 1][0], sentence, at)

    def finish(self, title: str, author: str) -> None:
        text = "".join(self.parts)
        day = EPOCH + timedelta(days=self.i * DAYS // max(1, self.gen.plan.sources))
        seed = self.gen.plan.seed
        self.out["sources"].append(
            (self.sid, hashlib.sha256(text.encode()).hexdigest(), title, self.publisher,
             publisher_key(self.publisher), json.dumps([author]), "[]", day.isoformat(), day,
             f"https://example.com/synthetic/{seed}/{self.sid}",
             self.gen.rng.choice(synth_words.PLACES).upper(),
             "en", f"synthetic:{seed}:{self.sid}", text, len(text.split()))
        )  # fmt: skip
