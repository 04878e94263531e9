"""A name's place in the text (``Mention``) and one person's mentions (``Cluster``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    start: int  # first token of the name
    end: int  # token after the name
    name: str
    honorific: str | None = None


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The fullest form: most words, then the earliest."""
        best = max(self.mentions, key=lambda m: (len(m.name.split()), -m.start))
        return best.name

    def first(self) -> int:
        return min(m.start for m in self.mentions)
