"""Small corpora for the engine tests: generated news (newsdistill.eval.synthetic.news) plus bad inputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsdistill.eval.synthetic import news


def gen_news():
    """The generated-news module (:mod:`newsdistill.eval.synthetic.news`)."""
    return news


def write_jsonl(path: Path, docs, gz: bool = False) -> Path:
    opener = gzip.open if gz else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d) + "\n")
    return path


# bad inputs and the error records they must give: (file name, bytes, [codes of its records])
BAD_FILES = [
    ("empty.txt", b"", ["empty-input"]),
    ("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, ["binary-input"]),
    ("mixed.jsonl", b'{"id": "m1", "text": "A short but fine text about the council vote."}\n'
                    b"not json at all\n[1, 2]\n"
                    b'{"id": "m4", "summary": "no text field"}\n', ["ok", "bad-json", "not-an-object", "missing-text-field"]),
]


def make_corpus(root: Path, n: int = 40, seed: int = 7, bad: bool = True) -> tuple[list[str], int]:
    """Input paths (generated JSONL, .txt files and bad files) and how many records they must give."""
    g = gen_news()
    root.mkdir(parents=True, exist_ok=True)
    docs = list(g.generate(n, seed=seed, paragraphs=(2, 5)))
    half = n // 2
    write_jsonl(root / "a.jsonl", docs[:half])
    txt = root / "txt"
    txt.mkdir(exist_ok=True)
    for d in docs[half:]:
        (txt / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
    paths = [str(root / "a.jsonl"), str(txt)]
    expected = n
    if bad:
        badd = root / "bad"
        badd.mkdir(exist_ok=True)
        for name, data, codes in BAD_FILES:
            (badd / name).write_bytes(data)
            expected += len(codes)
        full = gzip.compress(b"".join(json.dumps(d).encode() + b"\n" for d in docs[:5]))
        (badd / "truncated.jsonl.gz").write_bytes(full[: len(full) // 2])
        paths += [str(badd), str(root / "missing.txt")]
        expected += 1  # missing.txt: unreadable-file; truncated.jsonl.gz: its docs so far + 1 shard error (counted by caller)
    return paths, expected
