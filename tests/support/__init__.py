"""Helpers shared by several test modules (imported as ``support.<module>``: tests/ is on
pytest's ``pythonpath``).  Nothing here is collected: no module is named ``test_*``."""
