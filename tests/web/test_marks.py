"""Facts marked up in an article's text: exact offsets, nesting, crossing spans, the text untouched."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from app.web.marks import Span, render


class Pieces(HTMLParser):
    """Each <mark>'s attributes and text content (nested marks' text included), and the bare text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[dict] = []
        self.marks: list[dict] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        assert tag == "mark"
        mark = {**dict(attrs), "text": ""}
        self.open.append(mark)
        self.marks.append(mark)

    def handle_endtag(self, tag):
        assert tag == "mark" and self.open, "a closing tag without its opening one"
        self.open.pop()

    def handle_data(self, data):
        self.text += data
        for mark in self.open:
            mark["text"] += data


def parse(html: str) -> Pieces:
    parser = Pieces()
    parser.feed(str(html))  # a plain str: Markup would escape what the parser splices
    parser.close()
    assert not parser.open, "every <mark> is closed"
    return parser


def text_of(pieces: Pieces, fact: str) -> str:
    return "".join(m["text"] for m in pieces.marks if m["data-fact"] == fact)


TEXT = '"We will keep the plant open," Maria Lopez said on Tuesday, citing 250,000 barrels & more.'


def test_a_span_inside_another_nests_and_both_hold_their_exact_text():
    quote = Span(0, 30, "quote", 1)
    person = Span(31, 42, "person", 7)
    inner = Span(18, 23, "person", 8)  # "plant" inside the quote, for the sake of the test
    pieces = parse(render(TEXT, [person, quote, inner]))
    assert pieces.text == TEXT
    assert text_of(pieces, "quote-1") == TEXT[0:30]
    assert text_of(pieces, "person-8") == "plant"
    assert text_of(pieces, "person-7") == "Maria Lopez"
    assert [m["data-fact"] for m in pieces.marks] == ["quote-1", "person-8", "person-7"]


def test_crossing_spans_cut_the_lower_ranked_one_so_the_quote_stays_whole():
    event = Span(31, 58, "event", 3)  # "Maria Lopez said on Tuesday"
    quote = Span(43, 66, "quote", 2)  # crosses the event's end
    pieces = parse(render(TEXT, [event, quote]))
    assert pieces.text == TEXT
    [whole] = [m for m in pieces.marks if m["data-fact"] == "quote-2"]
    assert whole["text"] == TEXT[43:66] and "cont" not in whole["class"]
    event_pieces = [m for m in pieces.marks if m["data-fact"] == "event-3"]
    assert len(event_pieces) == 2 and "cont" in event_pieces[1]["class"]
    assert text_of(pieces, "event-3") == TEXT[31:58]


def test_crossing_spans_of_one_rank_cut_the_later_one():
    a = Span(0, 20, "figure", 1)
    b = Span(10, 40, "figure", 2)
    pieces = parse(render(TEXT, [b, a]))
    assert text_of(pieces, "figure-1") == TEXT[0:20]
    assert text_of(pieces, "figure-2") == TEXT[10:40]
    assert [m["data-fact"] for m in pieces.marks] == ["figure-1", "figure-2", "figure-2"]


def test_the_first_occurrence_is_the_link_target_and_kinds_are_classes():
    first, again = Span(31, 42, "person", 7), Span(0, 4, "person", 7)
    pieces = parse(render(TEXT, [first, again, Span(67, 74, "figure", 4, label="barrels: 250,000")]))
    ids = [m.get("id") for m in pieces.marks]
    assert ids == ["person-7", None, "figure-4"]  # in text order, the id on the first one
    assert pieces.marks[2]["class"] == "fact fact-figure"
    assert pieces.marks[2]["title"] == "barrels: 250,000"


def test_text_is_escaped_and_spans_outside_it_are_dropped():
    html = render("a < b & c", [Span(2, 3, "figure", 1), Span(5, 99, "quote", 2), Span(4, 4, "quote", 3)])
    assert "&lt;" in html and "&amp;" in html
    pieces = parse(html)
    assert pieces.text == "a < b & c"
    assert [m["data-fact"] for m in pieces.marks] == ["figure-1"]


spans = st.lists(
    st.tuples(
        st.integers(0, 60),
        st.integers(1, 30),
        st.sampled_from(["quote", "person", "figure", "event"]),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(spans)
def test_any_spans_leave_the_text_intact_and_each_span_holds_exactly_its_text(raw):
    text = "".join(chr(ord("a") + i % 26) for i in range(64))
    given_spans = [
        Span(s, min(s + n, len(text)), kind, i) for i, (s, n, kind) in enumerate(raw) if s < len(text)
    ]
    pieces = parse(render(text, given_spans))
    assert pieces.text == text
    for span in given_spans:
        assert text_of(pieces, f"{span.kind}-{span.fact_id}") == text[span.start : span.end]
