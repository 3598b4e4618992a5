"""Corpus-level features: what needs to see many documents (duplicates, the store)."""
