"""Organisations named in an article, and what kind each is (government body, company, union,
club), so that "the agency said" resolves to the regulator and "the company said" to the firm.

The small NER model misses many organisations or calls them people ("Brightmart" PERSON), so the
list also takes proper names ending in a company suffix and PERSON entities that turned out to
be no person of the article.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from app.extraction.text.context import ArticleContext
from app.extraction.types import PersonFact
from app.lexicon.organisations import COMPANY_HEADS, GOV_HEADS, ORG_SUFFIXES, SPORT_HEADS, UNION_HEADS


def org_spans(doc: Doc, ctx: ArticleContext, person_at: dict[int, PersonFact]) -> list[SpacySpan]:
    """Organisations named in the article, outside quotes: ORG entities, proper names ending in a
    company suffix ("Brightmart Inc"), and PERSON entities that turned out to be no person."""
    found: dict[int, SpacySpan] = {}
    for ent in doc.ents:
        if ctx.in_quote(doc[ent.start]) or ctx.is_furniture(ent.start_char):
            continue
        if ent.label_ == "ORG" or (
            ent.label_ == "PERSON" and not any(i in person_at for i in range(ent.start, ent.end))
        ):
            found[ent.start] = ent
    for tok in doc:
        if (
            tok.lower_ in ORG_SUFFIXES
            and tok.i > 0
            and doc[tok.i - 1].pos_ == "PROPN"
            and not ctx.in_quote(tok)
        ):
            start = tok.i - 1
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
                start -= 1
            found.setdefault(start, doc[start : tok.i + 1])
    return [found[k] for k in sorted(found)]


def kind_of_words(words: set[str]) -> str | None:
    for kind, heads in (
        ("gov", GOV_HEADS),
        ("union", UNION_HEADS),
        ("sport", SPORT_HEADS),
        ("company", COMPANY_HEADS),
    ):
        if words & heads:
            return kind
    return None


def ent_text(ent: SpacySpan) -> str:
    text = ent.text
    return text[4:] if text.lower().startswith("the ") else text


def described_as(ent: SpacySpan) -> set[str]:
    """Words the article uses to introduce an organisation ("ride-hailing company Zipline")."""
    root = ent.root
    near = [c for c in root.children if c.dep_ in ("compound", "appos", "amod")]
    if root.dep_ == "appos":
        near.append(root.head)
    if ent.start > 0:
        near.append(ent.doc[ent.start - 1])
    return {t.lemma_.lower() for t in near}
