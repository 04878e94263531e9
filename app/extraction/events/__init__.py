"""Events: dated happenings, their triggers, parts (participants, location, summary) and kinds."""
