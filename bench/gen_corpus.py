"""Seeded generator of news-like plain texts with scraped-page boilerplate (for benchmarks).

Every text is written from the word lists of newsdistill.eval.synthetic.corpus (nothing copied from real
articles): a headline, optionally a byline / dateline / photo caption, body
paragraphs of varied sentences with quotes and figures, and boilerplate lines
(ad markers, share counters, newsletter prompts, related links, footers)
before, inside and after the body.  Same seed, same corpus.

    python bench/gen_corpus.py -n 100 --words 200 --seed 1 -o corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys

from newsdistill.eval.synthetic.corpus import records


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--words", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", help="JSONL file (default: stdout)")
    args = ap.parse_args(argv)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    for record in records(args.n, args.words, args.seed):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
