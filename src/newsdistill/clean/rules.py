"""Every pattern, word list and threshold the plain-text cleaner uses - data, not logic.

Each :class:`LineRule` has a unique ``name``; the cleaner records that name on
every decision it makes, so ``removed[i].rule`` (and ``captions[i].rule``)
trace any outcome back to exactly one entry here.

Patterns are matched only against lines of at most ``MAX_RULE_LINE_CHARS``
characters (boilerplate lines are short; the longest in our examples is ~130
chars), and use no nested quantifiers, so a 50 MB single-line input costs
one length check, not a regex scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------------------
# thresholds (numbers behind each choice in the comment beside it)
# ---------------------------------------------------------------------------
MAX_RULE_LINE_CHARS = 400  # 3x the longest boilerplate line seen (newsletter blurb, 130)
MAX_CAPTION_CHARS = 1500  # wire captions run long (the seed's is 562 chars with its restrictions)
GOOD_MIN_WORDS = 10  # a body paragraph: >= 10 words and sentence punctuation (jusText uses ~10-15)
GOOD_MIN_CHARS = 60
SHORT_RUN_NAV = 4  # >= 4 consecutive short non-sentence lines inside the body = a menu / link list
SHORT_RUN_MAX_WORDS = 6  # ... where each has at most 6 words
# ... and >= 70% of its lines look like link texts (one word or Title Case); sentence-case runs
# are lists inside the article.  WCXB first half: 0.3-0.5 F1 .924, 0.7 .925, 0.9 .926 but
# fewer "without" snippets removed (.894 vs .898); no share test at all: .926 / .885.
MENU_RUN_LINKY_SHARE = 0.7
TITLE_MAX_WORDS = 25
TITLE_LOOKBACK_LINES = 6  # title is searched this many non-blank lines before the first body line
CLUSTER_GAP_CHARS = 1200  # boilerplate between two body stretches that splits them into two clusters
MINOR_CLUSTER_SHARE = 0.15  # a body cluster with < 15% of the body words, cut off by a gap, is not the article
BYLINE_MAX_WORDS = 12
# Menus whose link texts were glued together by the scraper: "About UsContact UsCareersPress".
# A line with >= 4 lower->upper joins inside words, on >= 20% of its words, is such a list
# (prose naming iPhone, YouTube and McDonald's has a few joins on < 5% of its words).
GLUED = re.compile(r"[a-z][A-Z]")
GLUED_MIN = 4
GLUED_MIN_SHARE = 0.2
# Capitals inside words that the writer put there, not a scraper gluing link texts: @handles,
# #hashtags and URLs ("#MakeAmericaGreatAgain", "@realDonaldTrump", "pic.twitter.com/OqctxglquI",
# an embedded tweet's markup with its author="@..." attribute).  Their joins do not count: of the 39
# lines of PolNeAR train over the glued-links bar, 8 are article lines, all tweets or hashtags (the
# other 31: a live blog's "FlagShareLikeReply..." widget, still over it).
GLUED_EXEMPT = re.compile(r"[@#]\w+|\S*(?:https?://|www\.|pic\.twitter\.com/)\S*")
# ... in a line of at least 3 words (a tweet, a hashtag line); a line that is only a link or two
# stays a glued-links match (WCXB first half: bare ad links with "?gclid=Cj0KCQjw..." query strings)
GLUED_EXEMPT_MIN_WORDS = 3
# a document's first line is its title when the body starts within 2 lines after it, or within
# 2 + TITLE_LOOKBACK_LINES when only share buttons, a byline block or a dateline stand between
TITLE_FIRST_LINE_GAP = 2
# a text's first line, alone in its block, of at most 20 words, is its headline even as a full sentence
# ("Judge rejects New York Times request to unseal Trump divorce file."): PolNeAR's longest is 18
TITLE_SENTENCE_MAX_WORDS = 20
# ... when the paragraph after it is at least 1.5x as long (a headline stands over a longer lede; a
# text that opens with its first paragraph goes on with paragraphs of the same length)
TITLE_SENTENCE_NEXT_RATIO = 1.5
# ... or it has at most 14 words (PolNeAR's headlines over a short standfirst have 8-13; an opening
# paragraph of a text without a headline, 16-20: "The city council voted on Tuesday to expand ...")
TITLE_SENTENCE_SHORT_WORDS = 14
TITLE_MIN_WORDS_SENTENCE_CASE = 5  # a sentence-case headline above a share bar: longer than "Published 3 hours ago"
# the article's own list numbering, each number alone on its line (classify._keep_list_numbers):
# PolNeAR train's "17 of the most powerful things ..." lost its 17 item numbers as counters
LIST_NUMBER = re.compile(r"\d{1,3}")
RULE_LIST_NUMBER = "body.list-number"
LIST_NUMBERS_MIN_RUN = 3  # "1", "2", "3" with prose between; two numbers may be a counter pair
CLOSING_SENTENCES_MAX = 2  # at most 2 short sentences right after the last paragraph stay body
CLOSING_SENTENCE_MIN_WORDS = 2  # "Pure propaganda." yes; a lone "Done." or "1." no
# The article is the stretch of lines with the most evidence (classify._main_block): a prose line
# adds its words, other lines cost a constant plus a share of their words.  Tuned on the first
# half of WCXB dev pages (see bench/clean_quality.py): a heading or a short list item costs
# about as much as it usually carries; a mega-menu (10+ short lines per described item) costs
# more than its one-sentence descriptions bring.
# "Comments", "Related stories", "Reply", "© 2024 ...", "Privacy Policy | Terms": outweighs a typical
# 40-60-word paragraph (footer lines too: WCXB first half F1 .925 -> .927, same at 150)
COMMENTS_SECTION_MIN_BODY_SHARE = 0.5  # a bare comment heading closes the article only after half its prose
BARE_COMMENTS_COST = 5  # like any short line: as a counter link it must not split the lead from the body
SECTION_HEADING_COST = 50
MAIN_BLOCK_SHORT_COST = 3  # per short line (grid 1-4 on WCXB first half: 2-3 best; 4 loses list items)
MAIN_BLOCK_SHORT_WORD_COST = 0.5  # ... plus half its words (0.25 keeps menus, 1 drops lists)
MAIN_BLOCK_REMOVED_COST = 1  # per boilerplate line (ads, share bars inside articles cost little)
MAIN_BLOCK_REMOVED_WORD_COST = 1  # ... plus its words (2 / 0.5 made no difference)
# A neighbouring prose stretch (a later section of a listicle, the rest of an article after
# a long table) joins the main block when it brings >= 40 words of net evidence and the gap
# costs <= 10x that.  Grid on WCXB first half: min 20-100, ratio 1-40; F1 rose up to ratio 10
# and then stayed flat, 40 kept more than 60/100 without letting footers in.
MERGE_MIN_PROSE = 40
MERGE_GAP_RATIO = 10


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    reason: str
    pattern: re.Pattern[str]
    # where in the document the rule may fire: "any", "outside" (only before
    # the first or after the last body paragraph), "after" (after the body)
    where: str = "any"
    # a section heading: the short lines after it take the same reason
    opens_section: bool = False
    # ... only once this share of the document's prose lies above the heading
    section_min_prose_share: float = 0.0
    # extra cost of this line in the main-block search (classify._main_block): section
    # headings and reply buttons are strong evidence that the article is over
    block_cost: float = 0.0
    # literal strings (lower case) one of which every match contains: lines with none of them
    # skip the regex (a speed-up only: the ``.{0,N}\bkeyword`` rules cost most of the cleaning)
    needs: tuple[str, ...] = ()


# re.IGNORECASE lets these match "i"; str.casefold() does not map them to "i"
_FOLD_FIXES = {0x130: "i", 0x131: "i"}


def fold(text: str) -> str:
    """``text`` folded so that a pattern compiled with re.IGNORECASE can only match a literal
    lower-case string where ``fold(text)`` contains it (the test ``LineRule.needs`` makes)."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text or "\u0131" in text:  # (a dict translate costs ~15 us a line: only where needed)
        text = text.translate(_FOLD_FIXES)
    return text.casefold()


def _p(rx: str) -> re.Pattern[str]:
    return re.compile(rx, re.IGNORECASE)


_DASH = r"[\s\-\u2013\u2014_=*•|·]*"
# nouns "copyright" modifies in prose about copyright (not a notice): "copyright case", "Copyright Law"
_COPYRIGHT_NOUNS = (r"(?:case|cases|law|laws|lawsuit|lawsuits|suit|claim|claims|infringement|dispute|battle|fight|"
                    r"ruling|row|office|holders?|protection|rules|reform|act|bill|violations?|trial|owners?|issues?|war)")
# the roles of a wire story's credit line ("Reporting by ...; Editing by ...")
_CREDIT_ROLE = (r"(?:(?:additional|further|extra) )?(?:reporting|writing|editing|compiled|research|"
                r"production|graphics|fact-checking|translation|photography)")
WIRE_CREDITS_REASON = "wire-credits"
WIRE_CREDIT_REPORTERS = re.compile(
    r"(?:(?:additional|further|extra) )?(?:reporting|writing) by (?P<names>[^;()]+?)(?:\s+in [A-Z][\w .'-]*)?\s*(?:[;)\]]|$)",
    re.IGNORECASE)

# what a site calls its own pages ("this article", "our guides"), in its affiliate disclosure
_OWN_PAGE = r"(?:article|post|page|guide|story|site|website|blog|review|list|content|video)s?"

_AD_MARKER = (
    r"(?:advertisement|advertisment|advertising|ad|ads|sponsored(?: content| post| links?)?|"
    r"paid (?:content|post|partner content)|promoted(?: content| stories)?|partner content|"
    r"story continues below(?: advertisement)?|article continues below(?: advertisement)?|"
    r"continue reading (?:below|the main story)|scroll to continue(?: with content)?|"
    r"content continues below|skip advert(?:isement)?|report this ad)")

# ---------------------------------------------------------------------------
# boilerplate lines, checked in order; the first that matches decides
# ---------------------------------------------------------------------------
BOILERPLATE_RULES: tuple[LineRule, ...] = (
    # -- wire credits: "Reporting by Tom Ellis; Editing by Mark Porter", "(Additional reporting by
    # Ana Lima in Lisbon; Writing by ...)": the staff who filed and edited a wire story, after it.
    # Two credits or brackets make it certain; a lone "Reporting by Jane Doe" stays a byline.
    LineRule("credits.wire", WIRE_CREDITS_REASON, _p(
        rf"[(\[]?\s*{_CREDIT_ROLE} by [^;()]{{1,120}}?(?:\s*[;,.]\s*(?:and )?{_CREDIT_ROLE} by [^;()]{{1,120}}?)+\s*[)\]]?\.?|"
        rf"[(\[]\s*{_CREDIT_ROLE} by [^;()]{{1,120}}?[)\]]\.?"),
        needs=(" by ",)),
    # -- comments (before counters: "23 Comments" heads a comment section) ------------
    # a heading that can only announce a comment thread closes the article wherever it stands
    LineRule("comments.thread-heading", "comments", _p(
        r"\d+ (?:thoughts|responses|replies|comments) (?:on|to) .{1,200}|(?:leave|post|add|write) a (?:comment|reply)\.?|"
        r"join the (?:conversation|discussion)\.?|comments are closed\.?|you must be logged in to post a comment\.?|"
        r"be the first to comment\.?"),
        opens_section=True, block_cost=SECTION_HEADING_COST),
    # a bare "Comments" / "23 Comments" may be a counter link in the share bar under the headline:
    # it closes the article only once half the prose is above it
    LineRule("comments.heading", "comments", _p(
        r"(?:\d+\s*)?(?:comments?|responses?|replies|reader comments|discussion)(?:\s*\(\d+\))?\s*:?|"
        r"(?:show|view|load|see) (?:all )?(?:\d+ )?comments?\.?|(?:what do you think|have your say)\??"),
        opens_section=True, block_cost=BARE_COMMENTS_COST, section_min_prose_share=COMMENTS_SECTION_MIN_BODY_SHARE),
    LineRule("comments.reply", "comments", _p(
        r"(?:\d+\s*)?(?:reply|replies|reply to this(?: parent)?(?: share)?|like\s*[·|]?\s*reply|"
        r"(?:\d+\s*)?likes?\s*[·|]\s*reply|flag as inappropriate|report (?:comment|abuse)|permalink)\s*[↓↑]?"),
        block_cost=SECTION_HEADING_COST),
    # -- advertising markers -------------------------------------------------
    LineRule("ad.marker", "ad-marker", _p(
        # one marker, or two run together ("Advertisement - Continue Reading Below")
        rf"{_DASH}{_AD_MARKER}(?:{_DASH}{_AD_MARKER})?{_DASH}")),
    # -- counters: share/comment/view counts, lone numbers ---------------------
    # (not a number closed by a full stop: "3." and "7.7." are items of a list in the article)
    LineRule("counter.bare-numbers", "counter", _p(r"(?!.*\d\.$)[\d\s.,:|/·•]*\d[\d\s.,:|/·•]*[km]?")),
    LineRule("counter.labelled", "counter", _p(
        r"(?:[\d.,]+[km]?\s*(?:shares?|comments?|views?|likes?|reads?|reactions?|responses?|"
        r"retweets?|claps?)[\s,|·•]*){1,4}")),
    LineRule("counter.label-first", "counter", _p(
        r"(?:(?:shares?|comments?|views?|likes?|reads?)\s*[:\-]?\s*[\d.,]+[km]?[\s,|·•]*){1,4}")),
    LineRule("counter.reading-time", "counter", _p(
        r"(?:\d+\s*(?:min(?:ute)?s?|m)\.?\s*(?:read|reading time)|reading time:?\s*\d+\s*min(?:ute)?s?\.?)")),
    # -- newsletters, subscriptions, apps ---------------------------------------
    LineRule("newsletter.subscribe-to", "newsletter", _p(
        r".{0,100}\b(?:subscribe|sign up|signup|register) (?:to|for) (?:our|the|my|a)\b.{0,30}\bnewsletters?\b.{0,160}"),
        needs=("newsletter",)),
    LineRule("newsletter.inbox", "newsletter", _p(
        r".{0,120}\b(?:(?:delivered|straight|directly|sent) (?:directly |straight |right )?to|in) your (?:inbox|email)\b.{0,40}|"
        r".{0,40}\bsign up (?:for|to receive) (?:our |free )?(?:e-?mail|news|daily|weekly)? ?(?:alerts|updates|newsletters?)\b.{0,80}"),
        needs=("your inbox", "your email", "sign up")),
    LineRule("newsletter.heading", "newsletter", _p(
        r"(?:(?:our|the|free|daily|weekly|morning|evening) )?(?:newsletters?|e-?mail alerts?)(?: sign-?up)?[.!:]?|"
        r"enter your e-?mail(?: address)?.{0,120}|(?:join|subscribe to|sign up for|get on) (?:our|the) (?:e-?mail|mailing) list\b.{0,160}|your e-?mail address.{0,20}|"
        r"(?:thanks|thank you) for (?:subscribing|signing up).{0,80}")),
    LineRule("app.promo", "app-promo", _p(
        r".{0,80}\b(?:download (?:our|the) (?:free )?app|get (?:the|our) (?:free )?app|"
        r"(?:available|download it) on (?:the )?(?:app store|google play)|"
        r"updates directly on (?:your|you) device|push notifications?|on your (?:phone|device), subscribe)\b.{0,80}"),
        needs=("app", "google play", "device", "push notification", "subscribe")),
    LineRule("subscribe.call", "subscribe", _p(
        r".{0,80}\b(?:subscribe now|subscribe today|subscribe here|subscribe for|"
        r"already (?:a )?subscriber|become a (?:subscriber|member|patron)|"
        r"support (?:our|independent) journalism|"
        r"(?:start|get) (?:your )?(?:free )?(?:trial|unlimited (?:digital )?access)|"
        r"subscribers? only|this (?:article|content) is (?:only )?(?:available|reserved) (?:to|for) subscribers|"
        r"log ?in to (?:continue|read)|create (?:a )?free account)\b.{0,80}"),
        needs=("subscribe", "become a", "journalism", "trial", "unlimited", "log", "free account")),
    LineRule("subscribe.bare", "subscribe", _p(r"subscribe|subscribe!|subscription|donate|donate now")),
    # "Subscribe to Metro Herald Premium for unlimited access", "Subscribe to our podcast": a line that
    # opens with the call (prose naming subscribers does not start that way)
    LineRule("subscribe.to", "subscribe", _p(r"(?:subscribe|resubscribe) (?:to|for) .{1,160}"),
        needs=("subscribe",)),
    # "Tickets ... are on sale now. Click here to buy.", "Click here to read the full draft plan (PDF)":
    # a link's call, never an article's sentence
    LineRule("promo.click-to-read", "read-more", _p(
        r".{0,200}\b(?:click|tap) here\b.{0,20}?\b(?:read|see|view|watch|download|listen|full)\b.{0,140}|"
        r".{0,200}\b(?:to|for) (?:read|see|view|watch|download|listen to) .{0,80}\b(?:click|tap) here\b.{0,20}"),
        needs=("click here", "tap here")),
    LineRule("promo.click-here", "promo", _p(r".{0,200}\b(?:click|tap) here\b.{0,160}"),
        needs=("click here", "tap here")),
    # a site's disclosure of its own affiliate links: "This article contains affiliate links ...",
    # "Some of the links in this post are affiliate ones", "... we may earn a small commission";
    # the site speaks of itself (this/our article, we/I earn): prose that explains affiliate
    # schemes ("implement affiliate links", "streamers earn a commission") stays.  WCXB first half:
    # 23 such lines, none of them article content (a first draft without the site as subject
    # also took 4 article lines)
    LineRule("promo.affiliate", "promo", _p(
        rf".{{0,200}}\b(?:(?:this|the|our|some|these|all) (?:[\w-]+ )?{_OWN_PAGE} (?:[\w-]+ ){{0,2}}"
        r"(?:contains?|includes?|features?|has|have|uses?|are) (?:[\w-]+ ){0,2}affiliate|"
        rf"links? (?:in|on|of) (?:this|the|our) {_OWN_PAGE} (?:[\w-]+ ){{0,3}}affiliate|"
        r"(?:we|i) (?:also )?use affiliate links?|"
        r"(?:we|us|i) (?:may |might |could )?(?:earn|receive|make|get) (?:a )?(?:small |tiny )?(?:affiliate )?commissions?)\b.{0,200}"),
        needs=("affiliate", "commission")),
    # -- cookies and legal ---------------------------------------------------
    LineRule("legal.cookies", "cookie-legal", _p(
        r".{0,200}\b(?:(?:we|this (?:web)?site) uses? cookies|cookie (?:policy|settings|preferences|consent)|"
        r"accept (?:all )?cookies|manage (?:cookies|consent)|by (?:continuing to use|using) (?:this|our) "
        r"(?:site|website|service))\b.{0,200}"),
        needs=("cookie", "manage", "by continuing", "by using")),
    LineRule("legal.links", "cookie-legal", _p(
        r"(?:(?:privacy(?: policy| notice)?|terms(?: of (?:use|service))?|terms (?:and|&) conditions|cookie policy|"
        r"do not sell my (?:personal )?information|accessibility|ad ?choices|sitemap|site map|"
        r"contact us|about us|careers|advertise(?: with us)?)\s*[|·•,]?\s*){1,8}"), block_cost=SECTION_HEADING_COST),
    # -- copyright footer ------------------------------------------------------
    # after "copyright": a year, "©" or a capitalised owner; never a noun it modifies ("Carmaker wins
    # copyright case", "a copyright lawsuit against ...": headlines and ledes about copyright).
    # A sign after "Ã" or a combining mark is none: "clichÃ©" is mojibake of "cliché" (UTF-8 read
    # as Latin-1; in PolNeAR train's prose line removed as a footer the "Ã" is "A" and a combining
    # tilde); nor one after a digit: "Section 230(c) of the Act" is a clause.  (After other
    # letters it is: "Â©", "A©" are the mojibake of "©" itself, "A© EMILY HENDERSON 2025" on a
    # WCXB first-half page.)
    LineRule("footer.copyright", "copyright-footer", _p(
        r".{0,80}(?<![\d\u00c3\u0300-\u036f])(?:©|\(c\))\s*(?:\d{4}|[a-z]).{0,160}|"
        rf".{{0,80}}copyright\s*(?:©\s*|\(c\)\s*)?(?:\d{{4}}|(?!{_COPYRIGHT_NOUNS}\b)(?-i:[A-Z])).{{0,160}}"),
        block_cost=SECTION_HEADING_COST,
        needs=("©", "(c)", "copyright")),
    LineRule("footer.all-rights", "copyright-footer", _p(r".{0,120}\ball rights reserved\b.{0,120}"), block_cost=SECTION_HEADING_COST,
        needs=("all rights reserved",)),
    LineRule("footer.reproduction", "copyright-footer", _p(
        r".{0,120}\b(?:may not be (?:published|reproduced|redistributed)|without (?:prior )?(?:written )?permission)\b.{0,120}"),
        where="outside",
        needs=("may not be", "permission")),
    # a publisher's statement of its standards under the story: "Our Standards: The Thomson Reuters
    # Trust Principles.", "Learn more about our editorial guidelines"; outside the body only, so
    # prose about a paper's standards stays
    LineRule("footer.standards", "copyright-footer", _p(
        r"our standards\s*:.{0,120}|.{0,60}\b(?:trust principles|editorial (?:standards|guidelines|policy|policies|code)|"
        r"code of (?:ethics|conduct|practice))\b.{0,60}"),
        where="outside",
        needs=("our standards", "trust principles", "editorial", "code of")),
    # -- social sharing --------------------------------------------------------
    LineRule("social.share-buttons", "social-share", _p(
        r"(?:(?:share(?: this(?: article| story| post)?| on| via)?|tweet|pin(?: it)?|email|e-mail|print|"
        r"facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|messenger|flipboard|copy link|"
        r"copy url|link copied|vk|threads|bluesky|mastodon)\s*[:|·•,/]?\s*){1,12}")),
    LineRule("social.follow", "social-share", _p(
        r"(?:follow|like) us(?: on)? .{0,80}|follow (?:@\w+|[a-z .]{2,40} on (?:twitter|x|facebook|instagram)).{0,40}|"
        r"click to share on .{0,40}|share (?:this|on|via) .{0,60}")),
    # WordPress sharing block: "Click to share on Reddit (Opens in new window) Reddit", "Like this:", "Like Loading..."
    LineRule("social.wordpress", "social-share", _p(
        r"click to (?:share|email|print|post|tweet)\b.{0,100}|share:|like this:?|like loading\.*|"
        r"\(opens in new window\).{0,40}")),
    # -- comments ------------------------------------------------------------
    LineRule("comments.form", "comments", _p(
        r"(?:name|e-?mail|website|comment)\s*\*?:?|"
        r"save my name, email, and website in this browser.{0,60}|"
        r"your email address will not be published.{0,80}|notify me of (?:follow-up|new) .{0,60}|cancel reply"),
        where="outside"),
    # -- related links / read more -------------------------------------------------
    LineRule("related.read-more", "read-more", _p(
        r"(?:read|see|click here for|watch)(?: the)? (?:more|also|next|full (?:story|article)|rest(?: of (?:the|this) (?:story|article))?)"
        r"(?: here)?\s*[:>»…]?.{0,160}|continue reading\.?|read on\.?|keep reading\.?")),
    LineRule("related.inline-link", "related-links", _p(
        r"[»›>•]?\s*(?:related|see also|also read|read also|recommended)\s*:\s*.{3,200}")),
    LineRule("related.heading", "related-links", _p(
        r"(?:(?:other |more )?related(?: articles?| stories| posts?| news| content| coverage| topics| reading| links)?(?:\.\.\.|…)?|"
        r"more (?:from|on|in|about|stories|news|articles|like this)(?: .{1,40})?|"
        r"(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
        r"recommended(?: for you| stories| articles| reading)?|(?:most )?(?:popular|read|viewed|shared)(?: (?:now|stories|articles|today|this week))?|"
        r"trending(?: now| stories| today)?|top stories|latest(?: news| stories| articles| posts)?|"
        r"editor'?s? picks?|don'?t miss|also (?:read|see|on)|further reading|in other news|"
        r"what to read next|up next|next (?:article|story|post)|previous (?:article|story|post))\s*[:>»…]?"),
        opens_section=True, block_cost=SECTION_HEADING_COST),
    # -- tags ----------------------------------------------------------------
    LineRule("tags.label", "tags", _p(
        r"(?:tags?|tagged(?: with| as)?|topics?|filed under|categories|category|keywords|labels)\s*:.{0,300}")),
    # -- author bio ----------------------------------------------------------
    LineRule("author.about", "author-bio", _p(
        r"(?:about the (?:author|writer|reporter)|author bio|more (?:articles |stories )?by (?:this author|[a-z .'-]{2,40})|"
        r"(?:contact|email|follow) the (?:author|writer|reporter).{0,80}|view all posts by .{1,60}|"
        r"posts? by .{1,40}|author profile)\s*:?"),
        opens_section=True),
    LineRule("author.is-a-reporter", "author-bio", _p(
        r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3} (?:is|was|has been) (?:a|an|the) (?:[\w-]+ ){0,5}"
        r"(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|freelancer|author|producer|"
        r"photographer|anchor|intern)\b.{0,300}"),
        where="after"),
    LineRule("author.contact", "author-bio", _p(
        r"(?:you can )?(?:reach|contact|email|follow) (?:him|her|them|the author|[A-Z][a-z]+) (?:at|on|via) .{0,100}"),
        where="after"),
    # -- navigation ------------------------------------------------------------
    # previous/next post links: "← Older title", "Newer title →" (arrows only: « » ‹ › are quote marks too)
    LineRule("nav.post-arrows", "navigation", _p(r"←\s?[^←→]{1,160}|[^←→]{1,160}\s?→"),
        needs=("←", "→")),
    LineRule("nav.skip", "navigation", _p(
        r"skip to (?:main )?(?:content|navigation|search|footer)|back to top|jump to .{0,40}|toggle (?:navigation|menu)")),
    LineRule("nav.breadcrumb", "navigation", _p(
        r"home\s*(?:[>»/|›]\s*[^>»/|›]{1,40}){1,6}")),
    LineRule("nav.single-word", "navigation", _p(
        r"(?:home|menu|search|news|sections|log ?in|log ?out|sign ?in|sign ?up|register|my account|close|open|"
        r"next|previous|prev|more|all|top|back|submit|go|ok|loading\.*|video|videos|photos?|gallery|"
        r"podcasts?|opinion|sports?|business|politics|world|entertainment|lifestyle|tech|technology|"
        r"health|science|travel|weather|local|national|u\.s\.|us|uk|europe|asia|africa|"
        r"middle east|americas|culture|arts|food|style|obituaries|classifieds|jobs|shop|listen|watch|"
        r"follow|subscribe to|e-paper|epaper|print edition|today's paper|breaking news|live|"
        r"advertisement|cookies|settings|language|english|edition|view gallery|view comments|"
        r"enlarge|expand|collapse|show more|show less|load more|see more|view more|"
        r"image|picture|caption|photo gallery|previous slide|next slide|"
        r"\d+ of \d+|page \d+(?: of \d+)?)\s*[:>»|]?")),
    LineRule("nav.pagination", "navigation", _p(r"(?:«|‹|<)?\s*(?:\d+\s*){2,12}(?:»|›|>)?|(?:older|newer) (?:posts|entries)")),
)

# Phrase rules whose matches are article content often enough that the learned line classifier
# (classify._apply_model) has the last word: their verdict is one of its features, and a line it
# keeps stays body.  PolNeAR's clean articles embed tweets whose handles glue like a menu
# ("Like you've never seen them before.@MaryJBlige sits down with @HillaryClinton.#The411").
# Every other boilerplate rule is certain (ads, counters, share bars, cookie and copyright
# notices, related-links headings, read-more calls, image credits, author bios, exact phrases):
# PolNeAR's "Read the rest here.", "Gary Cameron/Reuters." and one-line author bios are removed
# as before (true boilerplate: the clean-articles bench lists each).  (rule-name prefix, verdict
# in line_features.VERDICTS), first match wins.
SOFT_RULES: tuple[tuple[str, str], ...] = (
    ("nav.glued-links", "soft.glued"),
    ("footer.reproduction", "soft.other"),
)

# Lines about the picture: a credit alone is removed as ``image-credit``;
# a line with a credit or a restriction and descriptive text is a caption.
IMAGE_CREDIT_RULES: tuple[LineRule, ...] = (
    LineRule("credit.photo-label", "image-credit", _p(
        r"[(\[]?\s*(?:photo|image|picture|photograph|photography|pic|video|illustration|graphic|source|credit|"
        r"photo credit|image credit|image source|file photo|cover photo|featured image|top image|main image|"
        r"header image|lead image)s?(?: by| courtesy(?: of)?|\s*[:/|©-])\s*.{1,100}?[)\]]?\.?")),
    LineRule("credit.agency-only", "image-credit", _p(
        r"[(\[]?\s*(?:©\s*)?(?-i:(?:[A-Z][\w.'-]+ ){0,3}[A-Z][\w.'-]+\s*/\s*)?(?:getty images|afp|ap|reuters|epa|"
        r"shutterstock|istock(?:photo)?|alamy|pa(?: wire| images)?|anadolu(?: agency)?|xinhua|tass|sputnik|"
        r"efe|ansa|dpa|upi|bloomberg|sipa|rex(?:/shutterstock)?|unsplash|pexels|pixabay|wikimedia commons)"
        r"(?:\s*(?:/|via)\s*[\w .'-]{1,40}){0,3}\s*[)\]]?\.?")),
)

# A credit inside a longer line (the line is then a caption).  Ordered: the
# first match wins and its text is the caption's ``credit``.
CREDIT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("credit.wire-photo", re.compile(
        r"\b(?:AFP|AP|EPA|REUTERS|ANADOLU|XINHUA|SPUTNIK|TASS|DPA|ANSA|EFE|UPI|SIPA|KCNA|YONHAP|POOL)"
        r"(?:[ -](?:PHOTO|PHOTOS|IMAGES|PICTURE|POOL|HANDOUT|FILE))+(?:\s*/\s*[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}){0,4}")),
    ("credit.ap-style", re.compile(
        r"\((?:AP|AFP|Reuters|EPA|Xinhua|Yonhap|Kyodo|UPI|Pool|File) (?:Photo|Photos|Images|Video)(?:\s*/\s*[^()]{1,60})?\)")),
    ("credit.photo-by", re.compile(
        r"\((?:Photo|Photos|Image|Picture|Photograph|Video|File photo|Illustration)(?: by| courtesy of|:)\s[^()]{1,80}\)", re.IGNORECASE)),
    ("credit.reuters-name", re.compile(r"\bREUTERS/[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+){0,3}(?:/File Photo)?")),
    ("credit.label", re.compile(
        r"\b(?:Photo|Photos|Image|Picture|Photograph|Credit|Photo credit|Image credit)s?\s*(?::|©|/)\s*"
        r"[A-Z][\w.'&-]*(?:[ /][A-Z][\w.'&-]*){0,5}")),
    ("credit.getty", re.compile(r"(?:[A-Z][\w.'-]+ ){0,3}(?:/\s*)?(?:Getty Images|Shutterstock|Alamy|iStock)(?: for [A-Z][\w ]{1,30})?")),
)

# Speed: a credit pattern is only tried on lines holding one of its words (lower-cased
# substrings, a superset of what the pattern needs); most lines hold none, and a substring
# test costs far less than a regex scan from every capital letter.
CREDIT_NEEDLES: dict[str, tuple[str, ...]] = {
    "credit.wire-photo": ("photo", "image", "picture", "pool", "handout", "file"),
    "credit.ap-style": ("photo", "image", "video"),
    "credit.photo-by": ("photo", "image", "picture", "video", "illustration"),
    "credit.reuters-name": ("reuters/",),
    "credit.label": ("photo", "image", "picture", "credit"),
    "credit.getty": ("getty images", "shutterstock", "alamy", "istock"),
}
RESTRICTION_NEEDLES: tuple[str, ...] = (
    "editorial use", "mandatory credit", "no marketing", "no advertising", "distributed as a service", "no sales",
    "no archives", "no resale", "not for sale", "supplied by a third party",
)

# Usage restrictions of wire photos.  A caption's restriction list is made of
# the uppercase stretches (split on "===" / " - ") that contain one of these.
RESTRICTION_KEYWORDS: tuple[str, ...] = (
    "RESTRICTED TO EDITORIAL USE", "EDITORIAL USE ONLY", "FOR EDITORIAL USE", "MANDATORY CREDIT",
    "NO MARKETING", "NO ADVERTISING", "DISTRIBUTED AS A SERVICE", "NO SALES", "NO ARCHIVES",
    "NO RESALE", "NO THIRD PARTY SALES", "NOT FOR SALE", "NO COMMERCIAL USE", "HANDOUT",
    "THIS PICTURE WAS SUPPLIED BY A THIRD PARTY", "NO USE AFTER", "MAGS OUT", "TV OUT",
    "ONLINE OUT", "NO MAGAZINES", "NO FOR", "NO ",
)
RESTRICTION_SPLIT = re.compile(r"\s*===+\s*|\s+-\s+|\s*\|\s*")
RESTRICTION_MIN_UPPER_SHARE = 0.8  # a restriction stretch is (almost) all caps
RESTRICTION_ANY = re.compile(
    r"RESTRICTED TO EDITORIAL USE|EDITORIAL USE ONLY|FOR EDITORIAL USE|MANDATORY CREDIT|NO MARKETING|"
    r"NO ADVERTISING|DISTRIBUTED AS A SERVICE|NO SALES|NO ARCHIVES|NO RESALE|NOT FOR SALE|"
    r"THIS PICTURE WAS SUPPLIED BY A THIRD PARTY", re.IGNORECASE)

# words that mark a line as describing a picture (with a credit, a caption)
CAPTION_CUES = re.compile(
    r"\b(?:picture|photo|photograph|image|handout|pictured|file photo|in this (?:photo|image|picture)|"
    r"seen here|\(L\)|\(R\)|\(C\)|left,|right,|center,|centre,)\b", re.IGNORECASE)
CAPTION_PREFIX = re.compile(r"(?:caption|pictured|file photo|photo|image)\s*:\s*\S", re.IGNORECASE)

# caption date and place
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
CAPTION_DATE = re.compile(
    r"\b(?:on )?(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)\b|"
    r"\b(?P<day2>\d{1,2}) (?P<month2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?P<year2>(?:19|20)\d\d)\b")
# "in the Atshan village in central province of Hama, on October 11, 2015":
# the chain of "in/at ..." phrases just before the date names the place
PLACE_PHRASE = re.compile(
    r"\b(?:in|at|near|outside) (?P<phrase>[^,.;]{2,80}?(?:, [A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2})*)"
    r"(?=,? (?:on|in|at|near|outside)\b|[,.;]|$)")
PLACE_ADJECTIVES = frozenset((
    "the", "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
    "northeastern", "northwestern", "southeastern", "southwestern", "rebel-held", "government-held",
    "besieged", "downtown", "rural", "suburban", "an", "a",
))
PLACE_CONTAINERS = re.compile(
    r"\b(?:province|region|governorate|state|district|county|prefecture|oblast|city|town|area) of "
    r"(?P<name>[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3})")
PLACE_HEAD_NOUNS = frozenset(("village", "town", "city", "district", "camp", "neighbourhood", "neighborhood",
                              "suburb", "region", "province", "area", "square", "port", "airport"))
PLACE_LINKERS = frozenset(("of", "de", "del", "da", "do", "al", "el", "upon", "on"))
PLACE_IGNORE = re.compile(r"\b(?:undisclosed|unknown|unspecified) location\b", re.IGNORECASE)

# ---------------------------------------------------------------------------
# metadata lines: byline, dateline, title
# ---------------------------------------------------------------------------
BYLINE = re.compile(
    r"(?:by|written by|words by|story by|reporting by|author:)\s+"
    r"(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:(?:,| and| &)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}){0,3})"
    r"(?:\s*[,|/-]\s*.{0,60})?", re.IGNORECASE)
# what follows the names on a byline and is not a name (issue #14): a desk or job title or the
# agency after a comma, " | " or " - " ("By Jane Roe, AP Business Writer", "By JANE ROE and JOHN
# DOE, Associated Press", "By Jane Roe | Reuters", "By Jane Roe, Staff Writer"); cut off
BYLINE_AGENCIES = (r"(?:the\s+)?(?:associated\s+press|ap|reuters|afp|agence\s+france[- ]presse|bloomberg(?:\s+news)?|upi|"
                   r"cnn|bbc(?:\s+news)?|dpa|efe|ansa|kyodo(?:\s+news)?|xinhua|tass|anadolu(?:\s+agency)?|pa(?:\s+media)?)")
_BYLINE_JOB = (r"(?:writer|reporter|correspondent|editor|columnist|contributor|producer|photographer|journalist|"
               r"critic|analyst|intern|staff|bureau\s+chief|news\s+services?)s?")
BYLINE_TITLE_TAIL = re.compile(
    rf"\s*(?:,|\||\s-\s|\u2013|\u2014)\s*(?:{BYLINE_AGENCIES}(?:\s+[\w.&'-]+){{0,4}}"
    rf"|(?:[\w.&'-]+\s+){{0,4}}{_BYLINE_JOB}(?:\s+(?:for|at|of|with)\s+.{{1,50}})?)\s*\.?$",
    re.IGNORECASE)
# the clock time may come first (issue #16): "Published 6:45 p.m. CST June 12, 2024", "14:30 GMT,
# 12 June 2024", "10:05 a.m. ET on Wed, June 12, 2024": a zone only as capitals, so a word is no zone
_DATELINE_TIME_FIRST = (r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?|\s*[AP]M)?(?-i:\s*\(?[A-Z]{1,4}\)?)?"
                        r"\s*(?:,|on|-|\||\u00b7|\u2013)?\s*)?")
DATELINE = re.compile(
    r"(?:(?:published|updated|posted|last updated|first published|modified|date)(?: on| at)?\s*:?\s*)?"
    + _DATELINE_TIME_FIRST +
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:\s*(?:at|,|-|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?"
    r"(?:\s*[|,/-]\s*(?:updated|modified)?:?.{0,40})?", re.IGNORECASE)
DATELINE_LABEL = re.compile(r"^(?:published|updated|posted|last updated|first published|modified|date)(?: on| at)?\s*:?\s*",
                            re.IGNORECASE)
# timestamps without a year (issue #14): "Mon Mar 4, 9:12 AM ET", "47 minutes ago", "Updated
# 10:05 a.m."; metadata lines (kind dateline) under their own rule; ``published`` from them only
# against a known time (the WARC fetch date: clean/timestamps.py), never against today
RULE_TIMESTAMP_NO_YEAR = "meta.timestamp-no-year"
RULE_TIMESTAMP_RELATIVE = "meta.timestamp-relative"
RULE_TIMESTAMP_TIME_ONLY = "meta.timestamp-time-only"
TIMESTAMP_MAX_CHARS = 80
_TS_LABEL = (r"(?P<label>(?:(?:last\s+)?updated|published|posted|first\s+published|modified|edited|date)"
             r"(?:\s+(?:on|at))?\s*:?\s*)?")
_TS_WEEKDAY = r"(?:(?P<weekday>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TS_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TS_CLOCK = (r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>[ap])\.?\s?m\.?"
             r"|(?P<hour24>\d{1,2})[:.](?P<minute24>\d{2})(?!\d)")
_TS_ZONE = r"(?:\s*\(?(?P<zone>[A-Z]{1,4}T|ET|PT|CT|MT|UTC|GMT|Z)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?"
_TS_TIME = rf"(?:(?:\s*(?:,|at|@|-|\u2013|\u00b7|\|)\s*|\s+)(?:{_TS_CLOCK}){_TS_ZONE})"
TIMESTAMP_NO_YEAR = re.compile(
    rf"{_TS_LABEL}{_TS_WEEKDAY}(?:{_TS_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_TS_MONTH.replace('month', 'month2')})"
    rf"{_TS_TIME}?", re.IGNORECASE)
_TS_UNIT = r"(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?)"
TIMESTAMP_RELATIVE = re.compile(
    rf"{_TS_LABEL}(?:(?P<n>\d{{1,3}}|an?|one)\s*{_TS_UNIT}\.?\s+ago"
    rf"|(?P<word>just now|moments? ago|yesterday|today)(?:{_TS_TIME})?)", re.IGNORECASE)
TIMESTAMP_TIME_ONLY = re.compile(rf"{_TS_LABEL}(?:{_TS_CLOCK}){_TS_ZONE}", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
SMALL_WORDS = frozenset(("a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
                         "with", "from", "as", "is", "vs", "vs.", "via", "into", "over", "after", "about"))

# ---------------------------------------------------------------------------
# wire datelines: the opener of a wire story's first paragraph, "PARIS (AFP) – The minister said
# ...", "WASHINGTON (AP) — ...", "PORTLAND, Ore. — ...", "WASHINGTON, June 24 (UPI) — ...",
# "ORLANDO, Fla. (Reuters) - ...", "Washington (CNN)Donald Trump ...".  Rule meta.wire-dateline
# (clean/dateline.py): the cleaner splits it off the first body paragraph as a metadata line
# with reason ``dateline`` and its ``place`` and ``agency``; the attribution step never lets a
# content begin with one (attribution rule content.no-wire-dateline).  PolNeAR (train and dev)
# opens about one article in six with one.  Without an agency the place must be in capitals and
# a spaced dash must follow ("QUESTIONABLE MEDICAL CLAIMS — ..." headings and "SIEGEL--"
# transcript labels stand mid-article, where the cleaner does not look).
# ---------------------------------------------------------------------------
RULE_WIRE_DATELINE = "meta.wire-dateline"
WIRE_DATELINE_REASON = "dateline"
WIRE_DATELINE_MAX_CHARS = 80  # the longest in PolNeAR: "PASADENA, Calif., Jan. 1 (UPI) —" (32)
WIRE_DATELINE_MIN_BARE_PLACE = 3  # without an agency or region: "ROME -" yes, "US - Mexico talks" no
WIRE_AGENCIES = (
    "AP", "AFP", "Reuters", "REUTERS", "UPI", "CNN", "Bloomberg", "dpa", "DPA", "Xinhua", "XINHUA", "AAP", "CP",
    "PA", "ANSA", "EFE", "TASS", "Tass", "Yonhap", "Kyodo", "IANS", "PTI", "ANI", "KUNA", "WAFA", "Anadolu",
    "Sputnik", "RIA Novosti", "Interfax", "Belga", "ANP", "Lusa", "NTB", "TT", "APA", "CTK", "PAP", "BTA",
    "MTI", "Prensa Latina", "Notimex", "SPA", "WAM", "MENA", "IRNA", "Bernama", "Antara", "PNA", "CNA",
    "NYT", "WP", "LAT", "AP Photo", "BBC", "CBS", "NBC", "ABC", "Fox News", "CNBC", "The Hill", "KRT",
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_PLACE = r"[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]*){0,3}"     # WASHINGTON, NEW YORK, ST. LOUIS
_TITLE_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"                # Washington, Mexico City (with an agency)
_REGION = r"(?:, [A-Z][A-Za-z.]{1,14}(?: [A-Z][A-Za-z.]{1,14})?)"      # , Ore. / , N.H. / , South Korea
WIRE_DATELINE = re.compile(
    rf"(?P<place>(?P<caps>{_CAPS_PLACE})?(?(caps)|{_TITLE_PLACE}){_REGION}?)"
    rf"(?:, {_MONTH} \d{{1,2}})?"
    rf"(?: ?\((?P<agency>{'|'.join(re.escape(a) for a in WIRE_AGENCIES)})\)(?: *(?:\u2014|\u2013|--|-))?"
    r"| +(?:\u2014|\u2013|--|-))"
    r" *(?=[\"'\u201c\u2018A-Za-z0-9]|$)")

# ---------------------------------------------------------------------------
# titles: the site's name after the headline ("... collapse | Metro Herald", "... - BBC News"),
# split off into ``site_name`` (clean/titles.py).  After " | " any short tail is a site name;
# after a dash only one that reads like a publication's name (a word below, or all capitals:
# "BBC", "CNN"), so "Brexit - What Happens Next" keeps its tail.
# ---------------------------------------------------------------------------
SITE_SEPARATORS = re.compile(r"\s+(?:\||\u2013|\u2014|-|::|\u00bb|\u00b7)\s+")
SITE_MAX_WORDS = 5  # "The Sydney Morning Herald" is 4; a longer tail is part of the headline
SITE_MIN_TITLE_WORDS = 3  # what stays must still be a headline
SITE_WORDS = frozenset((
    "news", "times", "post", "herald", "journal", "gazette", "tribune", "guardian", "telegraph", "daily",
    "online", "media", "tv", "radio", "press", "observer", "independent", "mail", "express", "chronicle",
    "standard", "star", "review", "magazine", "today", "network", "wire", "report", "reporter", "sun",
    "mirror", "courier", "examiner", "record", "bulletin", "dispatch", "inquirer", "monitor", "register",
    "sentinel", "source", "weekly", "world", "insider", "politico", "reuters", "bloomberg", "euronews",
    "wired", "vox", "axios", "forbes", "fortune", "economist", "atlantic", "beast", "hill", "blaze",
    "breitbart", "huffpost", "slate", "salon", "buzzfeed", "vice", "verge", "techcrunch", "engadget",
))
SITE_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|co|io|news|info|tv|uk|de|fr|in|au|ca)", re.IGNORECASE)
