"""Corpus-level work: the SQLite store, cross-document quote clusters, queries."""
