"""One plain news article (a drought among herders) that the caption, credit and timestamp tests
build their pages and texts from: four paragraphs long enough that no cleaning rule takes them for
boilerplate, and a page builder that puts extra blocks inside or outside the article container."""

from __future__ import annotations

TITLE = "Drought hits herders"
PARAS = [
    "Herders in the northern provinces say the drought has already cost them a third of their animals, "
    "and the grazing grounds they relied on for generations have turned to dust over the past two years.",
    "The agriculture ministry said on Tuesday that it would open emergency fodder depots in four districts, "
    "but farmers' groups said the plan came too late for many families who had already sold their herds.",
    "Aid agencies warned that the coming winter could be the hardest in a decade, with prices for hay and "
    "grain at record levels and many roads to remote villages cut off by landslides after the spring storms.",
    "Local officials said they had asked the central government for more money to repair wells and to pay "
    "for trucks that could bring water to the worst-hit areas before the temperatures start to fall again.",
]
CAPTION = "Herders wait with their goats at a market outside Kabul on April 15, 2024."


def page(article_extra: str = "", outside: str = "", paras: list[str] = PARAS, head: str = "") -> bytes:
    """An HTML page: ``article_extra`` inside ``<article>`` after the headline, then ``paras``;
    ``outside`` after the article container; ``head`` inside ``<head>`` after the title."""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html><head><title>{TITLE}</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<main><article><h1>{TITLE}</h1>{article_extra}{body}</article></main>"
            f"{outside}<footer>Contact us</footer></body></html>").encode()
