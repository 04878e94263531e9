"""What is not a quote, and input that must not break extraction."""

from __future__ import annotations

import time


def texts(quotes_of, text: str) -> list[str]:
    return [q[0] for q in quotes_of(text)]


def test_scare_quotes_nobody_said_are_not_quotes(quotes_of):
    text = (
        "The two governments share a vision of a “multipolar” order and a “no limits” partnership. "
        "Critics of the so-called “gig economy” were not invited."
    )
    assert texts(quotes_of, text) == []


def test_a_short_fragment_somebody_is_said_to_have_said_is_a_quote(quotes_of):
    text = "Defence lawyer Priya Nair called the verdict “deeply unjust” and said her client would appeal."
    assert ("deeply unjust", "partial", "Priya Nair", "person") in quotes_of(text)


def test_titles_of_works_are_not_quotes(quotes_of):
    text = (
        "The band closed with “Wish You Were Here” before an encore of the song “Comfortably Numb.” "
        "Her memoir, “A Life in Three Acts,” is out in May."
    )
    assert texts(quotes_of, text) == []


def test_a_name_given_by_a_naming_participle_is_not_a_quote_even_in_an_attributed_sentence(quotes_of):
    text = (
        "According to skipper Lena Varga, the club's new boat, named \u201cSecond Wind of Kessock,\u201d "
        "won its first race. The ferry operator said its new timetable site, \u201cHarbour Crossings "
        "Today\u201d, would go live in May."
    )
    assert texts(quotes_of, text) == []


def test_a_long_title_announced_by_its_context_is_not_a_quote(quotes_of):
    text = (
        "Governor Ada Brill signed an order named \u201cKeeping the Coast Open from Spring into the "
        "Autumn Storm Season\u201d, her office said. Critics of Brill's \u201cCoastal Access Now\u201d "
        "plan said it came too late."
    )
    assert [(t, kind) for t, kind, *_ in quotes_of(text)] == [("it came too late", "indirect")]


def test_photo_caption_and_credit_lines_are_not_quotes(quotes_of):
    text = (
        "Fans celebrate the “miracle of Anfield” outside the stadium. (Photo by Sam Reed/Getty Images)\n\n"
        "The club said the win was “the best night in our history.”"
    )
    found = texts(quotes_of, text)
    assert found == ["the best night in our history"]


def test_newsletter_boilerplate_is_not_a_quote(quotes_of):
    text = (
        "The council approved the budget, its leader said.\n\n"
        "Sign up for our newsletter: “The Morning Briefing, delivered to your inbox every weekday.”"
    )
    assert [q[0] for q in quotes_of(text) if q[1] != "indirect"] == []


def test_same_quote_twice_in_one_article_is_listed_once(quotes_of):
    text = (
        "Mayor Ruth Adler: ‘We will rebuild every home’\n\n"
        "“We will rebuild every home,” Mayor Ruth Adler said after touring the flooded district."
    )
    found = quotes_of(text)
    assert [q[0] for q in found] == ["We will rebuild every home"]
    assert found[0][2] == "Ruth Adler"


def test_article_without_quotes(quotes_of):
    assert quotes_of("Oil prices fell 2% on Monday.\n\nTraders watched the dollar.") == []


def test_unbalanced_marks_do_not_crash(quotes_of):
    text = "“We will be back, the coach said.\n\nThe season resumes in March” and “tickets are on sale."
    found = quotes_of(text)
    assert all(isinstance(q[0], str) for q in found)


def test_empty_and_whitespace_articles(quotes_of):
    assert quotes_of("") == []
    assert quotes_of("\n\n   \n") == []


def test_a_thousand_quotes_finish_in_seconds(nlp):
    from app.extraction.people.extract import extract_people
    from app.extraction.quotes.extract import extract_quotes
    from app.extraction.types import ArticleMeta

    names = ["Ana Ruiz", "Ben Cole", "Chen Wei", "Dara Okoye"]
    paragraphs = [
        f"“Point number {i} matters to all of us,” said {names[i % 4]}. He added that item {i} was settled."
        for i in range(1000)
    ]
    text = "\n\n".join(paragraphs)
    doc = nlp(text)
    t0 = time.monotonic()
    quotes = extract_quotes(doc, extract_people(doc, ArticleMeta()))
    elapsed = time.monotonic() - t0
    assert len([q for q in quotes if q.kind != "indirect"]) == 1000
    assert elapsed < 10, elapsed


def test_windows_line_endings_and_an_unnamed_speaker_taken_up_by_a_pronoun(quotes_of):
    text = "A city spokeswoman said: “We will rebuild.”\r\n\r\n“It will take years,” she added.\r\n"
    found = quotes_of(text)
    assert [(q[0], q[2], q[3]) for q in found] == [
        ("We will rebuild", "a city spokeswoman", "anonymous"),
        ("It will take years", "a city spokeswoman", "anonymous"),
    ]


def test_a_pipeline_without_a_parser_does_not_crash():
    import spacy

    from app.extraction.people.extract import extract_people
    from app.extraction.quotes.extract import extract_quotes
    from app.extraction.types import ArticleMeta

    doc = spacy.blank("en")("“We will appeal,” she said.\n\n“It is not over,” he said.")
    quotes = extract_quotes(doc, extract_people(doc, ArticleMeta()))
    assert all(q.span.text == doc.text[q.span.start : q.span.end] for q in quotes)
