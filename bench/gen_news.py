"""Seeded generator of synthetic scraped-news documents for the engine and dedup benches.

Each document is a news-like plain text with the boilerplate scrapers leave in (share
counters, ad markers, newsletter prompts, navigation, a copyright footer), a headline,
a byline, quotes and reported speech.  A share of the documents are exact copies (other
whitespace/case) or near copies (a few words changed) of earlier ones, so the dedup bench
has something to find.  Streams: nothing is held in memory, 1,000,000 documents are fine.

    python bench/gen_news.py -n 100000 -o /tmp/news.jsonl.gz [--seed 1] [--dup-rate 0.05]
    python bench/gen_news.py -n 500 --txt-dir /tmp/news-txt/
"""

from __future__ import annotations

import argparse

from newsdistill.eval.synthetic.news import generate, write_jsonl, write_txt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dup-rate", type=float, default=0.05)
    ap.add_argument("--near-rate", type=float, default=0.05)
    ap.add_argument("-o", "--output", help="JSONL file (.gz compresses)")
    ap.add_argument("--txt-dir", help="write one .txt file per document here instead")
    args = ap.parse_args()
    docs = generate(args.n, args.seed, args.dup_rate, args.near_rate)
    if args.txt_dir:
        write_txt(docs, args.txt_dir)
        return
    write_jsonl(docs, args.output)


if __name__ == "__main__":
    main()
