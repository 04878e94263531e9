"""Small handwritten-style articles for the robustness tests: many distinct texts from a few
templates, sharing people, quotes and figures across articles (so stores merge facts), cheap for
spaCy. Nothing here comes from the seeds."""

from __future__ import annotations

from pathlib import Path

PEOPLE = [  # name, surname, title, what they always say (a quote re-reported is one quote)
    ("Ana Reyes", "Reyes", "council member", "Riders have waited long enough", "buses would run later"),
    (
        "Tomas Lindqvist",
        "Lindqvist",
        "port director",
        "The harbour must grow or shrink",
        "ships were queueing",
    ),
    (
        "Grace Okafor",
        "Okafor",
        "union leader",
        "Our members deserve a fair deal",
        "strikes remained possible",
    ),
    ("Kenji Watanabe", "Watanabe", "economist", "The numbers simply do not add up", "debt would climb"),
    ("Priya Patel", "Patel", "health minister", "Every clinic saves lives", "waiting lists were shrinking"),
]
TOPICS = [
    ("the bus network", "riders", "12 new routes", "$40 million"),
    ("the harbour expansion", "shippers", "two new berths", "$310 million"),
    ("the wage agreement", "nurses", "a 4% raise", "$18 million"),
    ("the clinic programme", "patients", "nine clinics", "$55 million"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> str:
    full, surname, title, line, _ = PEOPLE[i % len(PEOPLE)]
    other_full, other_surname, other_title, other_line, other_claim = PEOPLE[(i + 2) % len(PEOPLE)]
    thing, _who, detail, cost = TOPICS[i % len(TOPICS)]
    day = DAYS[i % len(DAYS)]
    return (
        f"City approves plan number {i}\n\n"
        f"The city on {day} approved {thing}, which will cost {cost} and add {detail}.\n\n"
        f'"{line}," {title} {full} said of the plan, {surname}\'s first comment since {day}.\n\n'
        f"{other_title.capitalize()} {other_full} said that {other_claim}. "
        f'"{other_line}," {other_surname} said.\n'
    )


def write_folder(folder: Path, indices, suffix: str = ".txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in indices:
        (folder / f"article-{i:03d}{suffix}").write_text(article(i))
    return folder
