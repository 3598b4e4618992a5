"""Evaluation helpers shared by benchmarks and floor tests (not used by the pipeline)."""
