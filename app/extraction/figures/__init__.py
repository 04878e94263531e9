"""Figures: numbers and quantities in the text, their units, what they measure and their period."""
