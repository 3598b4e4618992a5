"""Writers: Documents -> files."""

from .jsonl import JsonlWriter

__all__ = ["JsonlWriter"]
