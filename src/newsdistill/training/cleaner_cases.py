"""Hand-written training cases of the line classifier (newsdistill.training.cleaner): clean
articles of the kinds the rules used to cut (short ledes, standfirsts without a final period,
headlines naming an agency or about copyright, lists of award winners and market figures) and
seed-like pages with boilerplate around them.  In a case, a line starting with ``~ `` is
boilerplate (the marker is stripped); every other non-blank line is article content.
Invented text: no line is taken from the evaluation data.  tests/clean has its own, different
cases of each class.
"""

from __future__ import annotations

CASES: tuple[str, ...] = (
    """Veteran radio host dies aged 91

A radio host who presented the breakfast show for four decades has died at the age of 91.

His family said he passed away peacefully on Sunday surrounded by his children and grandchildren, after a short illness.

Tributes poured in from listeners and former colleagues, who described him as the warmest voice on the airwaves.""",
    """Weak dollar lifts Bloomberg terminal sales

Sales of financial data terminals rose sharply in the last quarter

The company said demand from Asian banks more than offset a slowdown in Europe, where several lenders cut their trading desks.

Analysts had expected a smaller rise, citing the cost of the terminals and the rise of cheaper rivals.""",
    """Publisher loses copyright fight over song lyrics

A music publisher has lost a copyright lawsuit against a lyrics website in the High Court.

The judge ruled that the website had licensed the lyrics properly and dismissed the claim for damages in full.

The publisher said it was considering an appeal.""",
    """Film festival names its winners

The festival jury handed out its prizes on Saturday night after ten days of screenings.

Best film: The Long Harbour
Best director: Ana Ruiz, for Salt Roads
Best actress: Mira Kohl, Winter Hours
Best actor: Dev Patel-Singh, The Quiet Field
Best screenplay: Jonah Wren

The winners will share a prize fund of 50,000 euros.""",
    """Markets at a glance

Stocks rose in early trading as investors welcomed the latest inflation figures.

FTSE 100: UP 0.4% at 8,112 points.
Pound/dollar: DOWN at $1.2650 from $1.2702.
Gold: UP at $2,315 an ounce.
Brent crude: DOWN 1.1% at $82.40 a barrel.

Traders said the moves were modest ahead of the central bank's meeting next week.""",
    """~ Home
~ News
~ Sport
~ Business
Council approves new cycle lanes for city centre
~ Share on Facebook
~ Share on Twitter
~ By Helen Marsh
~ Published 3 hours ago
The city council has approved plans for eight miles of protected cycle lanes through the centre.

Councillors voted 32 to 11 in favour after a four-hour debate, with opponents warning of traffic jams on the ring road.

Work is due to start in the spring and take about two years, the council said.
~ Click here to read the full draft plan (PDF)
~ Related stories
~ Bus fares to rise in April
~ New bridge opens to pedestrians
~ Copyright 2024 Metro Herald. All rights reserved.""",
    """~ Menu
~ Search
Theatre reopens after two-year restoration
~ Tickets for the opening season are on sale now. Click here to buy.
The city's oldest theatre has reopened after a restoration that cost 14 million pounds.

Its painted ceiling, hidden for decades under layers of plaster, has been uncovered and repaired by a team of twelve conservators.

The first performance, a new production of a comedy from 1890, sold out within an hour.
~ Reporting by Sam Okafor; Editing by Lucy Grant
~ Subscribe to Metro Herald Premium for unlimited access""",
    """Rail strike called off

Train drivers have called off next week's strike after a last-minute pay offer.

The union said members would vote on the deal in the coming weeks.""",
    """Three found safe after boat capsizes

Three people were rescued after their boat capsized off the coast

Coastguards said all three were wearing life jackets and were taken to hospital as a precaution.

The lifeboat crew praised them for staying with the upturned boat until help arrived, which made them easier to find.""",
    """~ Skip to content
~ Latest
~ World
~ Politics
Minister resigns over expenses claims
~ 12 comments
~ Advertisement
The transport minister has resigned after newspapers reported that she claimed expenses for a second home she rarely used.

In a letter to the prime minister she said the reports had become a distraction from the work of the department.

Opposition parties called for an independent inquiry into the claims.
~ More from Politics
~ Election date set for May
~ Budget to include tax cuts, sources say
~ Follow us on Twitter
~ Privacy Policy
~ Terms of Use""",
    """Agency photographers win press awards

Photographers from two news agencies took the top prizes at the annual press photo awards.

News photo of the year: Lena Ortiz, for a picture of a flooded village
Sports photo of the year: Tom Baines, for a finish-line shot at the national games
Portrait of the year: Aya Mori

The judges said this year's entries were the strongest in a decade.""",
    """~ Sign in
~ Subscribe
Heatwave warning issued for the south
~ By Daniel Cho, Weather Correspondent
~ Updated 14 June 2024, 09:15
Forecasters have issued a heatwave warning for much of the south, with temperatures expected to reach 34C on Thursday.

Health officials urged people to check on elderly neighbours and to drink plenty of water.

The warning runs until Sunday evening.
~ Reporting by Ana Lima and Chris Bell; Editing by Peter Hall
~ Most read
~ Five ways to keep your home cool
~ Why the nights are getting warmer""",
)


def parse_case(case: str) -> tuple[str, frozenset[str]]:
    """The case's text (markers stripped) and the set of its boilerplate line texts."""
    lines, boiler = [], set()
    for line in case.split("\n"):
        if line.startswith("~ "):
            line = line[2:]
            boiler.add(line.strip())
        lines.append(line)
    return "\n".join(lines), frozenset(boiler)
