"""Quotes and their speakers: quote marks to quotes, attribution cues, indirect speech,
speaker resolution (pronouns, descriptors, organisations).
"""
