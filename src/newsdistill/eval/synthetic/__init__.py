"""Seeded synthetic corpora for benchmarks and tests (nothing copied from real articles).

* :mod:`.news`: scraped-news documents ``{id, title, url, text}`` with exact and near copies
  (the engine, dedup and store benches, the engine tests);
* :mod:`.corpus`: news-like plain texts with scraped-page boilerplate (the cleaning speed bench);
* :mod:`.store`: records shaped like distilled ones (the store and API speed benches, the
  store's query-plan tests).
"""
