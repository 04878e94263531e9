"""Test builders shared by tests/ and scripts/: hand-made corpora and articles, a real `kb`
process and server, integrity checks, a cuttable TCP proxy."""
