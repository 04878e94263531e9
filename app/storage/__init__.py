"""Storage: the schema, the engine, migrations and the one-transaction article writer."""
