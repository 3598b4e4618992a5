"""Share of wordpieces the span model reads behind its gate (the rest is skipped as holding no
attribution), on PolNeAR dev articles and on WCXB dev pages' main text.

    NEWSDISTILL_SHARED=../shared python bench/span_gate.py [-n 80]
"""

from __future__ import annotations

import argparse

from newsdistill.eval.span_gate import fed_share, polnear_texts, wcxb_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=80)
    args = ap.parse_args()
    for name, texts in (("PolNeAR dev", polnear_texts("dev", args.n)), ("WCXB dev main text", wcxb_texts(args.n))):
        r = fed_share(texts)
        print(f"{name}: {r['texts']} texts, {r['fed']} of {r['pieces']} wordpieces read ({r['share']:.1%})", flush=True)


if __name__ == "__main__":
    main()
