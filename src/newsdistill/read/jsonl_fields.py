"""Where common JSONL dumps keep each field (issue #16), most common name first.

A field option left at its default (``--text-field text``, ``title``, ``published``, ``url``)
also looks under the other names here, so a news-please dump (``maintext``, ``date_publish``,
``authors``), a CC-News / RealNews style one (``text``, ``date``) or a scraper's own (``body``,
``content``, ``headline``, ``published_at``) is read without options; an option given another
value names the one field to read.  The first name present with a value wins.
"""

from __future__ import annotations

TEXT_FIELDS = ("text", "maintext", "content", "body", "article", "article_text", "raw_content", "full_text")
TITLE_FIELDS = ("title", "headline")
PUBLISHED_FIELDS = ("published", "date_publish", "published_at", "publish_date", "publication_date", "datePublished",
                    "pubDate", "date", "timestamp")
BYLINE_FIELDS = ("byline", "author", "authors")
URL_FIELDS = ("url", "link", "source_url")
# an epoch number above this is in milliseconds (1e11 s is the year 5138)
EPOCH_MS_ABOVE = 1e11
