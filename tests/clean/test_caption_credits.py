"""The caption credit grammar (issue #14; clean/credit_rules.py, clean/captions.py): agency and
photographer in either order, markers, restrictions one item each.  Each row stands for a class of
real credit formats (AP, Reuters, AFP, Getty, EPA, pool, handout, local papers); the names,
places and agencies are made up and varied."""

from __future__ import annotations

import pytest

import newsdistill
from newsdistill.clean.captions import caption_rule, find_restrictions, parse_caption, parse_credit_block

BODY = ("The council approved the budget after a long debate about fares, parking and the tram lines, "
        "and the mayor said the vote was a turning point for the city.")
SECOND = "Opposition members said they would keep pressing for cheaper tickets and more night buses across the region."

# (caption, credit as printed, photographer, agency, restrictions)
CASES = [
    # AP
    ("Firefighters battle a blaze in an apartment block in Lyon, France, on July 2, 2023. (AP Photo/Jean Martin)",
     "AP Photo/Jean Martin", "Jean Martin", "AP", []),
    ("Senator Ruth Alvarez speaks to reporters at the Capitol in Washington. (AP Photo/J. Scott Ferris, File)",
     "AP Photo/J. Scott Ferris, File", "J. Scott Ferris", "AP", []),
    ("Crews clear debris from the highway near Tulsa after the storm on Sunday. (Mark Olsen/Tulsa World via AP)",
     "Mark Olsen/Tulsa World via AP", "Mark Olsen", "Tulsa World via AP", []),
    ("Herders wait with their goats at a market outside Kabul on April 15, 2024. (Photo: AP)",
     "Photo: AP", None, "AP", []),
    # Reuters
    ("Protesters gather outside parliament in Rome on Monday evening. (Reuters/Giulia Conti)",
     "Reuters/Giulia Conti", "Giulia Conti", "Reuters", []),
    ("Protesters march through central Nairobi on Monday. REUTERS/Thomas Mukoya", "REUTERS/Thomas Mukoya",
     "Thomas Mukoya", "REUTERS", []),
    ("A tanker sails past the port of Fujairah in the Gulf of Oman. REUTERS/Hamad Khalil/File Photo",
     "REUTERS/Hamad Khalil/File Photo", "Hamad Khalil", "REUTERS", []),
    ("Smoke rises over the city after shelling on Tuesday morning. Handout via REUTERS", "Handout via REUTERS",
     None, "REUTERS", []),
    # AFP
    ("French President Paul Girard speaks at the palace in Paris on May 2, 2024. AFP PHOTO / LUDOVIC MARIN / "
     "RESTRICTED TO EDITORIAL USE", "AFP PHOTO / LUDOVIC MARIN", "LUDOVIC MARIN", "AFP",
     ["RESTRICTED TO EDITORIAL USE"]),
    ("The prime minister greets delegates at the summit in Brussels. (Photo by ANNA KOWALSKA / AFP) / "
     "RESTRICTED TO EDITORIAL USE", "Photo by ANNA KOWALSKA / AFP", "ANNA KOWALSKA", "AFP",
     ["RESTRICTED TO EDITORIAL USE"]),
    ("A handout picture shows troops near the border on May 1, 2022. AFP PHOTO / HO / MINISTRY === RESTRICTED TO "
     "EDITORIAL USE - NO MARKETING NO ADVERTISING CAMPAIGNS ===", "AFP PHOTO / HO / MINISTRY", None, "AFP/MINISTRY",
     ["RESTRICTED TO EDITORIAL USE", "NO MARKETING NO ADVERTISING CAMPAIGNS"]),
    ("(FILES) This file photo taken on March 3, 2020 shows the tower in Dubai. (Photo by KARIM SAAD / AFP)",
     "Photo by KARIM SAAD / AFP", "KARIM SAAD", "AFP", []),
    ("This handout picture released by the presidency shows the leaders in Kyiv. (Photo by Handout / Ukrainian "
     "Presidential Press Service / AFP) / RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT \"AFP PHOTO / UKRAINIAN "
     "PRESIDENTIAL PRESS SERVICE\" - NO MARKETING NO ADVERTISING CAMPAIGNS",
     "Photo by Handout / Ukrainian Presidential Press Service / AFP", None,
     "Ukrainian Presidential Press Service/AFP",
     ["RESTRICTED TO EDITORIAL USE", "MANDATORY CREDIT \"AFP PHOTO / UKRAINIAN PRESIDENTIAL PRESS SERVICE\"",
      "NO MARKETING NO ADVERTISING CAMPAIGNS"]),
    # Getty
    ("Fans cheer during the final at Wembley Stadium in London. (Jane Doe/Getty Images)", "Jane Doe/Getty Images",
     "Jane Doe", "Getty Images", []),
    ("Rescuers search the rubble in Antakya on Feb. 7, 2023. (Omar Haddad/AFP via Getty Images)",
     "Omar Haddad/AFP via Getty Images", "Omar Haddad", "AFP via Getty Images", []),
    ("The king waves from the balcony in London, England. (Photo by Chris Hale - WPA Pool/Getty Images)",
     "Photo by Chris Hale - WPA Pool/Getty Images", "Chris Hale", "WPA Pool/Getty Images", []),
    ("Guests arrive at the gala in New York City on Monday night. (Photo by Lena Park/Getty Images for Tiffany & Co)",
     "Photo by Lena Park/Getty Images for Tiffany & Co", "Lena Park", "Getty Images for Tiffany & Co", []),
    # EPA
    ("Rescue workers at the site of the strike in Kharkiv on Friday. EPA-EFE/SERGEY DOLZHENKO",
     "EPA-EFE/SERGEY DOLZHENKO", "SERGEY DOLZHENKO", "EPA-EFE", []),
    ("Riot police stand guard outside the stadium in Madrid on Sunday. (EPA/RODRIGO JIMENEZ)",
     "EPA/RODRIGO JIMENEZ", "RODRIGO JIMENEZ", "EPA", []),
    # pool
    ("The president meets the chancellor at the chancellery in Berlin. (Pool photo by Erik Lund via AP)",
     "Pool photo by Erik Lund via AP", "Erik Lund", "AP", []),
    ("The two leaders shake hands before their talks in Beijing on Tuesday. (Photo by Wang Li / POOL / AFP)",
     "Photo by Wang Li / POOL / AFP", "Wang Li", "AFP", []),
    # local papers
    ("Volunteers plant trees along the river trail on Saturday morning. (Gazette photo/Ana Ruiz)",
     "Gazette photo/Ana Ruiz", "Ana Ruiz", "Gazette", []),
    ("The mayor cuts the ribbon at the new library branch on Elm Street. Jane Doe for The New York Times",
     "Jane Doe for The New York Times", "Jane Doe", "The New York Times", []),
    ("Students line up for the science fair at Lincoln Middle School. (Photo by Sam Ortiz/The Daily Herald)",
     "Photo by Sam Ortiz/The Daily Herald", "Sam Ortiz", "The Daily Herald", []),
    # a pipe between photographer and outlet, and before a restriction
    ("Volunteers stack sandbags along the levee on Thursday afternoon. (Photo: Tomas Brandt | Reuters)",
     "Photo: Tomas Brandt | Reuters", "Tomas Brandt", "Reuters", []),
    ("Ferries wait out the storm in the harbour at dawn on Sunday. Photo by Keiko Sato | The Island Times",
     "Photo by Keiko Sato | The Island Times", "Keiko Sato", "The Island Times", []),
    ("Riders cross the finish line in the rain at the end of the stage. Photo by Luca Ferri | AP | EDITORIAL USE ONLY",
     "Photo by Luca Ferri | AP", "Luca Ferri", "AP", ["EDITORIAL USE ONLY"]),
    # a pipe before words that are no credit ends the credit
    ("Ferries wait out the storm in the harbour at dawn on Sunday. Photo: Keiko Sato | share this story",
     "Photo: Keiko Sato", "Keiko Sato", None, []),
]


def _with(caption: str):
    return newsdistill.distill("\n\n".join([BODY, caption, SECOND]), id="cap")


@pytest.mark.parametrize(("caption", "credit", "photographer", "agency", "restrictions"), CASES,
                         ids=[c[1][:40] for c in CASES])
def test_credit_formats(caption, credit, photographer, agency, restrictions):
    rule = caption_rule(caption)
    assert rule is not None and rule.startswith("caption.")
    parsed = parse_caption(caption, rule)
    assert (parsed.credit, parsed.photographer, parsed.agency, parsed.restrictions) == (
        credit, photographer, agency, restrictions)


@pytest.mark.parametrize("caption", [c[0] for c in CASES[::3]])
def test_caption_leaves_the_body(caption):
    doc = _with(caption)
    assert [c.text for c in doc.captions] == [caption]
    assert caption not in doc.text
    assert doc.text == BODY + "\n\n" + SECOND
    cap = doc.captions[0]
    assert doc.input_text[cap.input_start:cap.input_end] == caption


def test_restriction_in_quotes_is_one_item():
    text = 'Soldiers at the base. AFP PHOTO / HO / SANA === MANDATORY CREDIT "AFP PHOTO / HO / SANA" === NO SALES'
    assert find_restrictions(text) == ['MANDATORY CREDIT "AFP PHOTO / HO / SANA"', "NO SALES"]


def test_restrictions_on_their_own_lines():
    assert find_restrictions("Photo by X / AFP\nRESTRICTED TO EDITORIAL USE\nNO MARKETING") == [
        "RESTRICTED TO EDITORIAL USE", "NO MARKETING"]


@pytest.mark.parametrize("line", [
    # prose that ends in an agency or a slash is not a caption
    "Shares of the company rose sharply after the quarterly results were published on Thursday (Reuters).",
    "The senator, who represents the district (D/Md.), said he would vote against the bill next week.",
    "The rally drew about two thousand people to the square, organisers said, according to local media.",
    "Officials said the photo was taken by a resident and posted online before it was removed by the site.",
])
def test_prose_is_not_a_caption(line):
    assert caption_rule(line) is None


@pytest.mark.parametrize("block", ["Jane Doe", "in red", "left to right", "2024/25 season", "see page 4"])
def test_blocks_without_an_agency_or_label_are_not_credits(block):
    assert parse_credit_block(block) is None


def test_files_marker_opens_a_caption():
    assert caption_rule("(FILES) This file photo taken on March 3, 2020 shows the tower in Dubai.") == "caption.files"


def test_name_slash_agency_after_the_last_sentence():
    caption = "Do you have a healthy relationship with your phone? Mira Patel/DigitalVision via Getty Images"
    parsed = parse_caption(caption, caption_rule(caption) or "-")
    assert (parsed.credit, parsed.photographer, parsed.agency) == (
        "Mira Patel/DigitalVision via Getty Images", "Mira Patel", "DigitalVision via Getty Images")


# the same grammar on HTML pages: a figcaption with the credit in its text, or a credit element
# the page marks apart (its text the credit), one row per class; (figure html, photographer, agency)
HTML_CASES = [
    # AP, in the caption's text and in a credit span
    ("<figcaption>Firefighters battle a blaze in an apartment block in Lyon on July 2, 2023. "
     "(AP Photo/Jean Martin)</figcaption>", "Jean Martin", "AP"),
    ("<figcaption>Crews clear debris from the highway near Tulsa after the storm on Sunday. "
     "<span class='credit'>Mark Olsen/Tulsa World via AP</span></figcaption>", "Mark Olsen", "Tulsa World via AP"),
    # Reuters
    ("<figcaption>Protesters march through central Nairobi on Monday. REUTERS/Thomas Mukoya</figcaption>",
     "Thomas Mukoya", "REUTERS"),
    # AFP with a restriction in the credit element
    ("<figcaption>The prime minister greets delegates at the summit in Brussels. <span class='credit'>AFP PHOTO / "
     "ANNA KOWALSKA / RESTRICTED TO EDITORIAL USE</span></figcaption>", "ANNA KOWALSKA", "AFP"),
    # Getty beside the caption in the figure; a marked credit with a label; a lone agency marked as the credit
    ("<figcaption>Fans cheer during the final at Wembley Stadium in London.</figcaption>"
     "<div class='image-credit'>Lena Park / Getty Images</div>", "Lena Park", "Getty Images"),
    ("<figcaption>Rescuers search the rubble in Antakya on Feb. 7, 2023. <span class='credit'>Credit: Omar "
     "Haddad/Associated Press</span></figcaption>", "Omar Haddad", "Associated Press"),
    ("<figcaption>A shepherd leads his flock across a dry riverbed near Herat.</figcaption>"
     "<span class='photo-credit'>Getty Images</span>", None, "Getty Images"),
    # EPA
    ("<figcaption>Rescue workers at the site of the strike in Kharkiv on Friday. EPA-EFE/SERGEY DOLZHENKO"
     "</figcaption>", "SERGEY DOLZHENKO", "EPA-EFE"),
    # pool
    ("<figcaption>The two leaders shake hands before their talks in Beijing. (Photo by Wang Li / POOL / AFP)"
     "</figcaption>", "Wang Li", "AFP"),
    # handout
    ("<figcaption>Smoke rises over the city after shelling on Tuesday morning. <span class='credit'>Handout via "
     "REUTERS</span></figcaption>", None, "REUTERS"),
    # local papers; a brand after "Credit:"; a studio after "Photo:"
    ("<figcaption>Volunteers plant trees along the river trail on Saturday morning. (Gazette photo/Ana Ruiz)"
     "</figcaption>", "Ana Ruiz", "Gazette"),
    ("<figcaption>The new camera on a tripod at the trade fair in Las Vegas. <span class='credit'>Credit: Nikon"
     "</span></figcaption>", None, "Nikon"),
    ("<figcaption>The chef plates the tasting menu in the restaurant's kitchen. <span class='credit'>Photo: Harbor "
     "Light Studio</span></figcaption>", None, "Harbor Light Studio"),
    ("<figcaption>The mayor cuts the ribbon at the new library branch on Elm Street. <span class='credit'>Photo: "
     "Sam Ortiz</span></figcaption>", "Sam Ortiz", None),
]


def _html_captions(figure: str):
    from newsdistill.pipeline import Pipeline, cleaning_steps
    from newsdistill.read.html import html_document
    from newsdistill.record import Source

    body = "".join(f"<p>{p}</p>" for p in (BODY, SECOND, BODY.replace("council", "board"), SECOND.replace("cheaper", "free")))
    page = (f"<!DOCTYPE html><html><head><title>Council backs budget</title></head><body><main><article>"
            f"<h1>Council backs budget</h1><figure><img src='a.jpg'>{figure}</figure>{body}</article></main></body></html>")
    doc = Pipeline(cleaning_steps())(html_document(page.encode(), "page", Source()))
    assert doc.status == "ok", doc.error
    return doc


@pytest.mark.parametrize(("figure", "photographer", "agency"), HTML_CASES, ids=[c[0][-40:] for c in HTML_CASES])
def test_html_credit_formats(figure, photographer, agency):
    doc = _html_captions(figure)
    assert [(c.photographer, c.agency) for c in doc.captions] == [(photographer, agency)]
    assert doc.captions[0].credit is not None


@pytest.mark.parametrize("caption", [
    # a slash between words of a caption is no credit: no photographer, no agency
    "Engineers compare the two approaches at the meetup. Low-Code/No-Code",
    "The team at work on the new release in the office. Project Lead / Strategist",
    "A diagram of the data pipeline on the whiteboard. Pub/Sub, Dataflow and BigQuery",
])
def test_slashes_between_words_are_no_credit(caption):
    parsed = parse_caption(caption, "-")
    assert (parsed.photographer, parsed.agency) == (None, None)


@pytest.mark.parametrize(("block", "photographer", "agency"), [
    ("Photo by Clifford", "Clifford", None),  # "by": a person even with one word
    ("Emily Buder/Harbor Magazine; Carlos Arrojo for Harbor Magazine", "Emily Buder, Carlos Arrojo", "Harbor Magazine"),
])
def test_label_and_outlet_blocks(block, photographer, agency):
    credit = parse_credit_block(block)
    assert credit is not None and (credit.photographer, credit.agency) == (photographer, agency)


def test_a_marker_names_nobody():
    assert parse_credit_block("Credit: Screenshot") is None  # a marker alone: no photographer, no agency


@pytest.mark.parametrize(("photographer", "agency", "site_name", "url", "want"), [
    # the site's own name after "Credit:" is the outlet: by its name, or spelled as its host
    ("Upgraded Points", None, None, "https://upgradedpoints.com/travel/lounges/", (None, "Upgraded Points")),
    ("Valley Courier", None, "Valley Courier", None, (None, "Valley Courier")),
    ("Harbor Light", None, None, "https://www.harborlight.co.uk/news/1", (None, "Harbor Light")),
    # a person, a person beside an agency, several people: unchanged
    ("Sam Ortiz", None, "Valley Courier", "https://valleycourier.example/a", ("Sam Ortiz", None)),
    ("Valley Courier", "AP", "Valley Courier", None, ("Valley Courier", "AP")),
    (None, "Getty Images", "Valley Courier", None, (None, "Getty Images")),
])
def test_site_name_as_credit_is_the_outlet(photographer, agency, site_name, url, want):
    from newsdistill.clean.captions import site_as_outlet

    assert site_as_outlet(photographer, agency, site_name, url) == want


def test_html_credit_naming_the_site_is_the_outlet():
    from newsdistill.pipeline import Pipeline, cleaning_steps
    from newsdistill.read.html import html_document
    from newsdistill.record import Source

    body = "".join(f"<p>{p}</p>" for p in (BODY, SECOND, BODY.replace("council", "board"), SECOND.replace("cheaper", "free")))
    page = ("<!DOCTYPE html><html><head><title>Best lounges</title></head><body><main><article><h1>Best lounges</h1>"
            "<figure><img src='a.jpg'><figcaption>The terrace of the new lounge at the airport's east terminal. "
            "<span class='credit'>Credit: Upgraded Points</span></figcaption></figure>" + body + "</article></main></body></html>")
    doc = Pipeline(cleaning_steps())(html_document(page.encode(), "p", Source(url="https://upgradedpoints.com/lounges")))
    assert [(c.photographer, c.agency) for c in doc.captions] == [(None, "Upgraded Points")]
