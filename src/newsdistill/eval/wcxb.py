"""The WCXB article pages as a plain-text cleaning benchmark.

Each HTML page is rendered to plain text by a keep-everything converter
(inscriptis: one line per block element, navigation and footers included),
and only that text goes through :func:`newsdistill.distill`; the clean body is
scored against the page's ``ground_truth.main_content`` with
:mod:`newsdistill.eval.wordmatch`.  Rendered text lives in memory only.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from .wordmatch import Counts, counts, snippets_present

DATASET = "data/wcxb-dev-articles"


def page_ids(root: Path) -> list[str]:
    """Ids of the pages that have both HTML and ground truth, sorted."""
    html = {p.name.split(".")[0] for p in (root / "html").glob("*.html.gz")}
    truth = {p.stem for p in (root / "ground-truth").glob("*.json")}
    return sorted(html & truth)


def split_half(ids: list[str]) -> tuple[list[str], list[str]]:
    """First half (tuning) and second half (held out) of the sorted ids."""
    ids = sorted(ids)
    mid = len(ids) // 2
    return ids[:mid], ids[mid:]


_CONFIG = None


def _config():
    """inscriptis without list bullets ("* ", "+ ", "o "): scraped text rarely has them."""
    global _CONFIG
    if _CONFIG is None:
        from inscriptis.css_profiles import CSS_PROFILES
        from inscriptis.model.config import ParserConfig
        from inscriptis.model.tag import CustomHtmlTagHandlerMapping

        def ul_start(state, _tag):
            state.li_counter.append("")

        def ul_end(state):
            state.li_counter.pop()

        _CONFIG = ParserConfig(
            css=CSS_PROFILES["strict"].copy(),
            display_links=False,
            display_images=False,
            custom_html_tag_handler_mapping=CustomHtmlTagHandlerMapping(
                start_tag_mapping={"ul": ul_start}, end_tag_mapping={"ul": ul_end}),
        )
    return _CONFIG


def render(html: str) -> str:
    """Keep-everything plain text of an HTML page (boilerplate stays in)."""
    from inscriptis import get_text

    return get_text(html, _config())


@dataclass(slots=True)
class PageResult:
    id: str
    ours: Counts
    baseline: Counts  # the keep-everything text itself
    rules: Counts  # the cleaner's rules alone (no line model): the learned classifier's baseline
    with_ours: list[bool]
    without_ours: list[bool]
    with_base: list[bool]
    without_base: list[bool]
    with_rules: list[bool]
    without_rules: list[bool]


def load_page(root: Path, page_id: str) -> tuple[str, dict]:
    with gzip.open(root / "html" / f"{page_id}.html.gz") as f:
        html = f.read().decode("utf-8", "replace")
    truth = json.loads((root / "ground-truth" / f"{page_id}.json").read_text(encoding="utf-8"))["ground_truth"]
    return html, truth


def clean_text(text: str, model: bool = True) -> str:
    """The cleaner alone (no parsing, entities or attribution): what this eval measures
    (``model=False``: the rules alone)."""
    from newsdistill.clean import clean

    return clean(text, id="wcxb", model=model).text or ""


def evaluate_page(root: Path, page_id: str) -> PageResult:
    html, truth = load_page(root, page_id)
    rendered = render(html)
    ours = clean_text(rendered)
    by_rules = clean_text(rendered, model=False)
    gold = truth.get("main_content") or ""
    with_s, without_s = truth.get("with") or [], truth.get("without") or []
    return PageResult(
        page_id, counts(ours, gold), counts(rendered, gold), counts(by_rules, gold),
        snippets_present(ours, with_s), snippets_present(ours, without_s),
        snippets_present(rendered, with_s), snippets_present(rendered, without_s),
        snippets_present(by_rules, with_s), snippets_present(by_rules, without_s),
    )


def _worker(args: tuple[str, str]) -> PageResult:
    return evaluate_page(Path(args[0]), args[1])


def evaluate(root: Path, ids: list[str], workers: int = 1) -> list[PageResult]:
    """Evaluate pages, in ``workers`` processes when > 1 (results in the order of ids)."""
    if workers <= 1:
        return [evaluate_page(root, i) for i in ids]
    import multiprocessing as mp

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers) as pool:
        return pool.map(_worker, [(str(root), i) for i in ids], chunksize=4)
