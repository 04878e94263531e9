"""Geometry of the small bar chart of a person's quotes over time (drawn as inline SVG).

Months with no quote are drawn as gaps, not skipped, so the time axis is honest; past
``MAX_BARS`` months the bars are years instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH = 600
HEIGHT = 140
AXIS = 18  # room under the bars for year labels
MAX_BARS = 240
MIN_MONTHS = 12  # a short career still gets a year-long axis, not one bar as wide as the chart


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # "2024-03: 12 quotes"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    peak: int = 0
    total: int = 0
    first: str = ""
    last: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    base: int = HEIGHT - AXIS

    @property
    def summary(self) -> str:
        if not self.bars:
            return "No dated quotes."
        quotes = "1 quote" if self.total == 1 else f"{self.total:,} quotes"
        span = f"in {self.first}" if self.first == self.last else f"from {self.first} to {self.last}"
        return f"{quotes} {span}; at most {self.peak:,} in one {'year' if len(self.last) == 4 else 'month'}."


def build(per_month: list[tuple[str, int]]) -> Chart:
    """Bars for ``(YYYY-MM, count)`` pairs in any order; malformed months are ignored."""
    counts: dict[str, int] = {}
    for month, n in per_month:
        if len(month) == 7 and month[:4].isdigit() and month[5:].isdigit() and 1 <= int(month[5:]) <= 12:
            counts[month] = counts.get(month, 0) + n
    if not counts:
        return Chart()
    first, last = min(counts), max(counts)
    months = _months(min(first, _back(last, MIN_MONTHS - 1)), last)
    if len(months) > MAX_BARS:
        years: dict[str, int] = {}
        for m, n in counts.items():
            years[m[:4]] = years.get(m[:4], 0) + n
        periods = [str(y) for y in range(int(min(years)), int(max(years)) + 1)]
        counts = years
    else:
        periods = months
    peak = max(counts.values())
    first_period = first if len(periods[0]) == 7 else first[:4]
    chart = Chart(peak=peak, total=sum(counts.values()), first=first_period, last=periods[-1])
    step = WIDTH / len(periods)
    usable = chart.base - 4
    for i, period in enumerate(periods):
        n = counts.get(period, 0)
        h = usable * n / peak if n else 0.0
        plural = "quote" if n == 1 else "quotes"
        chart.bars.append(
            Bar(round(i * step, 2), round(chart.base - h, 2), round(max(step * 0.8, 0.5), 2), round(h, 2),
                f"{period}: {n:,} {plural}")
        )  # fmt: skip
        if period.endswith("-01") or len(period) == 4 or i == 0:
            chart.ticks.append(Tick(round(i * step, 2), period[:4]))
    chart.ticks = _spaced(chart.ticks, WIDTH / 12)
    return chart


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _back(month: str, n: int) -> str:
    """The month ``n`` months before ``month`` (both ``YYYY-MM``)."""
    index = int(month[:4]) * 12 + int(month[5:]) - 1 - n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _spaced(ticks: list[Tick], gap: float) -> list[Tick]:
    """Drop labels that would overlap the previous one (a year label is ~4 characters wide)."""
    out: list[Tick] = []
    for tick in ticks:
        if not out or tick.x - out[-1].x >= gap:
            out.append(tick)
    return out
