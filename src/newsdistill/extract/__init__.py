"""Steps that find things in the clean text (language, entities, attributions...)."""
