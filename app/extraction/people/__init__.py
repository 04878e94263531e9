"""People named in an article: who they are (names, titles, affiliations, gender)."""
