"""Metadata inferred from article text: headline, byline, dateline, date line, publisher, credits."""

from __future__ import annotations

from app.ingest.metadata import find_date, infer_metadata, merge_metadata, parse_dateline


def test_headline_is_a_short_first_line_set_off_by_a_blank_line():
    meta = infer_metadata("Storm knocks out power across the valley\n\nHigh winds toppled lines overnight.")
    assert meta.title == "Storm knocks out power across the valley"


def test_a_first_sentence_or_caption_is_not_a_headline():
    assert infer_metadata("Crews worked through the night to restore power.\n\nMore text.").title is None
    assert infer_metadata("A long first paragraph that just runs on " * 5 + "\n\nx").title is None


def test_byline_with_two_reporters():
    meta = infer_metadata(
        "Port strike ends\n\nBy Jane Smith and Omar Haddad\n\nDockworkers returned on Monday."
    )
    assert meta.authors == ["Jane Smith", "Omar Haddad"]


def test_byline_naming_an_agency_and_a_date_gives_publisher_and_date_not_authors():
    meta = infer_metadata("Headline here today\n\nBy Thomson Reuters March 3, 2025 | 9:15 AM\n\nBody text.")
    assert meta.authors == []
    assert meta.publisher == "Reuters"
    assert meta.published_at == "2025-03-03"


def test_dateline_with_agency():
    assert parse_dateline("NAIROBI (Reuters) - Kenya's central bank held rates.") == ("NAIROBI", "Reuters")
    assert parse_dateline("SAO PAULO/BRASILIA (Reuters) – Brazil said") == ("SAO PAULO/BRASILIA", "Reuters")
    assert parse_dateline("WASHINGTON — The Senate passed the bill.") == ("WASHINGTON", None)
    assert parse_dateline("The Senate passed the bill - finally.") is None


def test_dateline_sets_publisher_from_the_agency():
    meta = infer_metadata("LAGOS (AP) — Fuel prices rose again on Friday, traders said.")
    assert meta.dateline == "LAGOS" and meta.publisher == "Associated Press"


def test_date_line_formats():
    assert str(find_date("Published: September 9, 2024")) == "2024-09-09"
    assert str(find_date("Updated 9 Sept 2024 10:02 GMT")) == "2024-09-09"
    assert str(find_date("2024-12-31T08:00:00Z")) == "2024-12-31"
    assert find_date("February 30, 2024") is None


def test_end_credits_contributors_and_reporting_lines():
    text = "Body of the story.\n\nAmy Chen in Hong Kong and Raj Patel in Delhi contributed to this report."
    meta = infer_metadata(text)
    assert meta.credits == ["Amy Chen", "Raj Patel"] and meta.authors == []
    reuters = "Body.\n\n(Reporting by Ana Gomez in Lima; additional reporting by Tim Bo; Editing by Kim Ray)"
    meta = infer_metadata(reuters)
    assert meta.authors == ["Ana Gomez"] and meta.credits == ["Tim Bo", "Kim Ray"]


def test_reported_from_line_names_authors():
    meta = infer_metadata(
        "Body.\n\nOkafor and Lind reported from Accra, Ghana. Bo Wen in Seoul contributed to this report."
    )
    assert meta.authors == ["Okafor", "Lind"] and meta.credits == ["Bo Wen"]


def test_photo_credit_is_a_credit():
    meta = infer_metadata(
        "Fans cheer at the final. (Lucy Hart, Getty Images pool photo)\n\nThe match ended 2-1."
    )
    assert "Lucy Hart" in meta.credits


def test_publisher_from_copyright_or_newsletter_boilerplate():
    assert (
        infer_metadata("Story.\n\n© 2025 Harbor Daily News. All rights reserved.").publisher
        == "Harbor Daily News"
    )
    text = "Story.\n\nSign up to receive the top sports news stories from Coastal Sun and other outlets."
    assert infer_metadata(text).publisher == "Coastal Sun"


def test_given_metadata_wins_over_inferred():
    inferred = infer_metadata("Headline of the day\n\nBy A Writer\n\nText.")
    merged = merge_metadata({"title": "Given title", "authors": ["B Editor"]}, inferred)
    assert merged.title == "Given title" and merged.authors == ["B Editor"]
