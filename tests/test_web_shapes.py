"""HTML of any shape: read as Beautiful Soup's tree of the page (on the same parser of the
standard library), its own searches and get_text() read it, in time that grows with the page
(see also test_scaling.py)."""

from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.documents import web
from timeline.errors import DocumentError

pytest.importorskip("bs4")


def reference_read(data: bytes) -> tuple[str, object, str | None, str | None]:
    """The page read as first specified: the boilerplate removed from the tree, a mark
    inserted before and after each block element, the text from get_text()."""
    from bs4 import BeautifulSoup

    text = data.decode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "html.parser")

    def meta(table):
        for attribute, value in table:
            pattern = re.compile(f"^{re.escape(value)}$", re.I)
            tag = soup.find("meta", attrs={attribute: pattern})
            if tag is not None and tag.get("content", "").strip():
                return str(tag["content"]).strip()
        return None

    def time_date(tag):
        if tag is None:
            return None
        return web.parse_date_string(str(tag.get("datetime") or tag.get_text()))

    found = meta(web.DATE_META)
    published = web.parse_date_string(found) if found else None
    marked = soup.find("time", attrs={"itemprop": "datePublished"}) or soup.find(
        "time", attrs={"pubdate": True}
    )
    published = published or time_date(marked)
    title = meta(web.TITLE_META)
    if not title:
        tag = soup.find("title")
        title = " ".join(tag.get_text().split()) if tag is not None else ""
        title = title or None
    link = soup.find("link", rel="canonical", href=True)
    url = (str(link["href"]).strip() or None) if link is not None else meta(web.URL_META)
    for tag in soup.find_all(web.DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(web.PAGE_LEVEL_TAGS):
        if tag.find_parent("article") is None:
            tag.decompose()
    for tag in soup.find_all(attrs={"role": True}):
        if not tag.decomposed and str(tag.get("role", "")).lower() in web.DROP_ROLES:
            tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all(attrs={"aria-hidden": "true"}):
        if not tag.decomposed:
            tag.decompose()
    articles = soup.find_all("article")
    if articles:
        main = max(articles, key=lambda a: len(a.get_text()))
    else:
        main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.body or soup
    published = published or time_date(main.find("time", datetime=True))
    for tag in main.find_all(web.BLOCK_TAGS):
        tag.insert_before("\ue000")
        tag.insert_after("\ue000")
    for tag in main.find_all(("td", "th")):
        tag.insert_after("\ue001")
    lines = (web._tidy_line(line) for line in main.get_text().split("\ue000"))
    body = "\n".join(line for line in lines if line)
    published = published or web.dateline_date(body)
    return body, published, title, url


PIECES = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<span>", "<b>", "</b>", "<article>", "</article>",
    "<header>", "</header>", "<footer>", "<nav>", "</nav>", "<main>", "<section>", "<td>",
    "<th>", "<tr>", "</tr>", "<table>", "<br>", "<hr>", "<h1>", "<li>", "<ul>", "<script>",
    "</script>", "<aside>", "<rt>", "</rt>", "<ruby>", "<template>", "<title>", "</title>",
    "<div role='navigation'>", "<div role='main'>", "<p hidden>", "<p aria-hidden='true'>",
    "<time itemprop='datePublished'>", "<time pubdate>", "<time datetime='2020-05-01'>",
    "<link rel='canonical' href='http://x.org/a'>", "<link rel='x canonical' href='y'>",
    "<meta property='article:published_time' content='2021-02-03'>",
    "<meta name='DATE' content='1999-01-01'>", "<meta property='og:title' content='T'>",
    "May 1, 2020", "hello", "world.", "\n", " ", "&amp;", "<!-- c -->", "<![CDATA[x]]>",
    "In 1999 it rained", "Monday", "<!-- x >", "<![CDATA[ y >", "<![if z]>", "<![endif]>",
    "]]>", "-->", "<a ", "</ ", "<? ", "<!x ", "\ue000",
    # Void elements and their end tags, elements closed by "/>", white space kept or not,
    # references, ruby text, the main element's other candidates, tags in capitals.
    "<br/>", "</br>", "<img>", "</img>", "<div/>", "<p/>", "<pre>", "</pre>", "<textarea>",
    "</textarea>", "  ", "\t", "\r\n", "&nbsp;", "&#150;", "&#x41;", "&#0;", "&nosuch;", "&copy",
    "<!---->", "<![CDATA[]]>", "<?pi?>", "<!DOCTYPE html>", "<rp>", "</rp>", "<rt role=main>",
    "<time datetime=''>", "</time>", "<main>", "</main>", "<body>", "</body>", "<B>", "</B>",
    "<a href='x' href='y'>", "</a>", "<section hidden=''>", "<div role='Banner'>", "\ue001",
    "<meta name='date' content=''>", "<link rel=canonical>", "<style>", "</style>", "<",
])  # fmt: skip
PAGES = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_pages_are_read_as_get_text_reads_them(page: str) -> None:
    read = web.read_html(page.encode("utf-8"))
    assert (read.text, read.published, read.title, read.url) == reference_read(page.encode())


def test_nesting_deeper_than_any_recursion_limit_is_read() -> None:
    page = "<html><body>" + "<div>one more level " * 20_000 + "</body></html>"
    read = web.read_html(page.encode())
    assert read.text.split("\n") == ["one more level"] * 20_000


@pytest.mark.parametrize(
    "unit",
    ["<a &amp; ", "<!-- x &amp; > ", "<![CDATA[ &amp; <i> > ", "</ x ", "<? &lt; ", "<!x &amp; "],
)
def test_many_constructs_without_an_end_read_as_the_parser_reads_a_few(
    monkeypatch, unit: str
) -> None:
    page = ("<html><body><p>Intro &amp; more</p><p>" + unit * 100).encode()
    defused = web.read_html(page)
    assert web._defused(page.decode())[1]  # (the page is handed to the parser defused)
    monkeypatch.setattr(web, "UNENDED_MAX", 10**9)
    assert web._defused(page.decode())[1] == {}
    assert defused == web.read_html(page)


def test_a_marked_section_the_parser_cannot_read_is_text() -> None:
    read = web.read_html(b"<html><body><p>On 3 May 2021 <![ it rained</p></body></html>")
    assert read.text == "On 3 May 2021 <![ it rained"


def test_markup_the_parser_rejects_is_a_document_error(monkeypatch) -> None:
    def rejects(self, *args) -> None:
        raise AssertionError("unknown status keyword 'x' in marked section")

    monkeypatch.setattr(web._Reader, "parse_marked_section", rejects)
    with pytest.raises(DocumentError, match="HTML the parser cannot read .*unknown status"):
        web.read_html(b"<p>x <![CDATA[y]]></p>")


#: Pages of odd markup: each read as Beautiful Soup's tree of it reads.
ODD_PAGES = [
    # Entities and numeric references, of C1 controls, of nothing, past Unicode; a title in
    # pieces; metadata with space around it; white space kept in <pre>; cells; void elements
    # and their end tags.
    "<html><head><title> My  <b>Title</b> </title><meta name='date' content=' 2021-05-06 '>"
    "</head><body><nav>menu May 1 2020</nav><article><header>By X, 3 May 2021</header>"
    "<p>One &amp; two &#8212; &#x41; &#150; &#0; &#xD800; &nosuch; &amp &copy x</p>"
    "<pre>  keep   this  </pre><table><tr><td>a<td>b</tr><tr><th>c</th><td> </td></tr>"
    "</table><ul><li>one<li>two</ul><br><br/>after<br></br>x</article><footer>foot</footer>"
    "</body></html>",
    # Nothing closed; a script with markup in it; comments, CDATA (empty too), processing
    # instructions and declarations between strings.
    "<p>unclosed <b>bold <i>italic <p>new para<div>div<span>x</div>tail</b>more<script>"
    "var a='<p>no</p>';</script><style>p{}</style><noscript>ns</noscript><!-- comment -->"
    "<![CDATA[cdata text]]><![CDATA[]]><?pi stuff?><!DOCTYPE x>end",
    # <main> before a hidden article; a <time> with an empty datetime is read for its text.
    "<html><body><main><p>Main text 1 June 2019</p><time datetime=''>5 May 2018</time></main>"
    "<article hidden>hidden article</article><div role='main'>role main</div></body></html>",
    # Ruby text: out of the text around it; a <rt> or <rp> taken as the main element.
    "<div role='main'><p>Only role <rt>ruby</rt> main</p><time datetime='2019-02-03'>x</time>"
    "</div><rt role='main'>rt <b>text</b><rp>(</rp></rt>",
    "<rt role='main'>rt <b>text</b><rp>(</rp><p>para</p></rt>",
    "<rp role='main'>rp<rt>rt</rt>x</rp>",
    "<p>x <rt>r<script>s</script><rp>p</rp>r2</rt> y <rt><![CDATA[cd in rt]]></rt></p>",
    # The longest article wins, nested ones counted in it; a canonical link among others.
    "<html><head><meta property='og:title' content='OG'><meta property='og:url' content='u'>"
    "<link rel='alternate canonical' href=' http://c '><meta http-equiv='content-type' "
    "content='text/html; charset=utf-8'></head><body><article><p>short</p></article><article>"
    "<p>longer text here</p><article>inner</article></article><time pubdate>1 Jan 2001</time>"
    "</body></html>",
    "<article><p>A</p></article><article hidden><p>much longer text here</p></article>"
    "<article><script>very long script text that is not counted</script><p>B</p></article>",
    "<article><pre>\n    </pre><p>x</p></article><article><p>xy</p></article>",
    # What is set aside, by name, role, hidden or aria-hidden, and where.
    "<body><p aria-hidden='true'>aria</p><p aria-hidden='TRUE'>aria2</p><div role='Navigation'>"
    "n</div><div role='search banner'>sb</div><section hidden=''>h</section><textarea>  t  "
    "</textarea><select><option>o</select><template><p>tpl</p></template><svg><text>svg</text>"
    "</svg><form>f</form><iframe>if</iframe><button>b</button><dialog>d</dialog><menu>m</menu>"
    "<aside>a</aside>kept</body>",
    "<article><p>In <em>article</em><header>kept header</header><footer>kept footer</footer>"
    "</p></article><header>page header</header><time itemprop='datePublished'>2 Feb 2002</time>",
    "<div hidden><article>in hidden</article></div><article><nav><article>nav art</article>"
    "</nav>visible</article>",
    "<body><main hidden>m</main><main>second main</main><body>inner body</body></body>",
    "<template role='main'>tpl</template><p>p</p>",
    # Elements closed by "/>", void elements with end tags.
    "<body><p>a<br>b<br/>c</p><p>d</br>e</p><hr>f<img src=x>g</img>h<input></input><div/>"
    "selfclosed<p/>i</body>",
    # A <time>'s text holds what is set aside within it; the main element's first <time>.
    "<html><body><div><time datetime='2020-01-01'><nav>hidden time text</nav></time></div>"
    "<main><time datetime=''>In <nav>nav</nav> May 2011</time></main></body></html>",
    "<time itemprop='datePublished'><rt>1 May 2001</rt>2 June 2002</time>"
    "<time pubdate datetime='2003-03-03'>x</time>",
    # The first title; links without an address; metadata without content, its name in
    # capitals or with a line break.
    "<title>a</title><title>b</title><link rel=canonical><link rel=canonical href=''><p>x</p>",
    "<meta name='date' content=''><meta name='date' content='2001-01-01'><meta name='DC.date' "
    "content='2002-02-02'><meta name='pubdate\n' content='2003'><p>x</p>",
    "<html><head><title>T<script>x</script><rt>no</rt>itle</title></head><body>b</body></html>",
    "<title>never closed <p>para one<p>para two",
    # White space alone, kept or made one space; references in text.
    "<p>  </p><p>\n</p><pre>\n\n</pre><p>&nbsp;</p><p>a &lt;b&gt; &quot;c&quot; &#39; &amp;amp;"
    "</p><p>&#x110000; &#xfdd0; &#128; &#129; &#13; &#x9f;</p>",
    "<table><caption>cap</caption><tr><td><p>p in td</p></td><td>x<td>y</table><dl><dt>t<dd>d"
    "</dl><blockquote>q<figure>fig<figcaption>cap</figcaption></figure></blockquote><address>"
    "addr</address><h1>h1</h1><h6>h6</h6>",
    # Names in capitals, attributes twice, end tags of what is not open.
    "<p>tags <a href='x' href='y' HREF=z>dup</a> <A>upper</A> <DIV>Up</div> </P> </DIV></p>"
    "<p>after",
    # Constructs without an end, and characters that start none.
    "<p>Trailing < not a tag and <3 and a<b and & alone &# &#x; &#12a; &#x1G;</p>",
    "<p>unterminated <!-- comment",
    "<p>start <a href='x",
]


@pytest.mark.parametrize("page", ODD_PAGES)
def test_odd_markup_is_read_as_the_tree_of_it_reads(page: str) -> None:
    read = web.read_html(page.encode("utf-8"))
    assert (read.text, read.published, read.title, read.url) == reference_read(page.encode())
