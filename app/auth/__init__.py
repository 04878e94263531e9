"""API keys for the write path: made by `kb keys create`, checked on every POST /articles."""
