"""Article text as the other extractors see it: the per-document context (its one cache),
sentences and evidence spans, layout and page furniture, quote marks, date expressions, syntax helpers.
"""
