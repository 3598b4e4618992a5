"""Engines run a pipeline over a stream of documents.  Steps never import this package."""
