"""What is read from pages of odd markup, as written out (and as Beautiful Soup's tree of
each reads it: test_web_shapes.py compares the two on many more)."""

from __future__ import annotations

import pytest

from timeline.dates import DateValue
from timeline.documents.web import read_html


def text(page: str) -> str:
    return read_html(page.encode("utf-8")).text


def test_blocks_are_lines_and_cells_are_tab_separated() -> None:
    page = (
        "<table><caption>cap</caption><tr><td><p>p in td</p></td><td>x<td>y</table><dl><dt>t"
        "<dd>d</dl><blockquote>q<figure>fig<figcaption>cap</figcaption></figure></blockquote>"
        "<ul><li>one<li>two</ul><table><tr><td>a<td>b</tr><tr><th>c</th><td> </td></tr></table>"
    )
    assert text(page).split("\n") == [
        "cap", "p in td", "xy", "t", "d", "q", "fig", "cap", "one", "two", "ab", "c",
    ]  # fmt: skip
    # (A <td> opened in a <td> is within it: cells are tab-separated when each is closed.)
    assert text("<table><tr><td>a</td><td>b</td></tr></table>") == "a\tb"


def test_elements_left_open_close_where_a_tree_closes_them() -> None:
    page = (
        "<p>unclosed <b>bold <i>italic <p>new para<div>div<span>x</div>tail</b>more<script>"
        "var a='<p>no</p>';</script><!-- comment --><![CDATA[cdata text]]><?pi?>end"
    )
    assert text(page).split("\n") == [
        "unclosed bold italic", "new para", "divx", "tail", "morecdata textend",
    ]  # fmt: skip


def test_void_elements_and_their_end_tags() -> None:
    page = "<body><p>a<br>b<br/>c</p><p>d</br>e</p><hr>f<img src=x>g</img>h<div/>own<p/>i</body>"
    assert text(page).split("\n") == ["a", "b", "c", "de", "fgh", "own", "i"]


def test_references_are_read_as_html_specifies() -> None:
    page = "<p>&amp; &#8212; &#x41; &#150; &#0; &#xD800; &#128; &#129; &nosuch; &amp &copy x</p>"
    assert text(page) == "& — A – � � € \x81 &nosuch & © x"


def test_what_is_set_aside() -> None:
    page = (
        "<body><nav>menu</nav><p aria-hidden='true'>aria</p><p aria-hidden='TRUE'>kept 1</p>"
        "<div role='Navigation'>n</div><div role='search banner'>kept 2</div><section hidden=''>"
        "h</section><template><p>tpl</p></template><aside>a</aside><header>page header</header>"
        "<article><header>kept header</header><footer>kept footer</footer><p>x <rt>ruby</rt> y"
        "</p></article><footer>page footer</footer></body>"
    )
    read = read_html(page.encode())
    assert read.text.split("\n") == ["kept header", "kept footer", "x y"]
    without_article = page.replace("<article>", "<div>").replace("</article>", "</div>")
    assert text(without_article).split("\n") == ["kept 1", "kept 2", "x y"]


def test_the_longest_article_is_the_main_text() -> None:
    page = (
        "<article><p>A</p></article><article hidden><p>much longer text here</p></article>"
        "<article><script>a long script, not counted</script><p>B</p></article>"
        "<article><p>longer</p><article>inner</article></article>"
    )
    assert text(page).split("\n") == ["longer", "inner"]


def test_title_address_and_date_from_the_whole_page() -> None:
    page = (  # (the title is closed by </head>)
        "<html><head><title> My  <b>Title</b> never closed <link rel='alternate canonical' "
        "href=' http://c '><meta name='date' content=''><meta name='DC.date' "
        "content='2002-02-02'></head><body><p>Text</p></body></html>"
    )
    read = read_html(page.encode())
    assert (read.title, read.url, read.published) == (
        "My Title never closed", "http://c", DateValue.of_day(2002, 2, 2),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("page", "published"),
    [
        # Marked anywhere, read for its text without ruby text;
        ("<nav><time itemprop='datePublished'><rt>1 May 2001</rt>2 June 2002</time></nav>"
         "<p>x</p>", DateValue.of_day(2002, 6, 2)),
        # else the main text's first, read for its text with what is set aside within it.
        ("<div><time datetime='2020-01-01'>x</time></div><main><p>y</p><time datetime=''>"
         "May<nav> 3,</nav> 2011</time></main>", DateValue.of_day(2011, 5, 3)),
    ],
)  # fmt: skip
def test_a_time_element_dates_the_page(page: str, published: DateValue) -> None:
    assert read_html(page.encode()).published == published


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<html><head><meta charset='iso-8859-1'></head><body><p>caf\xe9</p></body></html>",
         "caf\xe9"),
        (b"\xef\xbb\xbf<p>bom</p>", "bom"),
        ("<p>utf16 caf\xe9</p>".encode("utf-16"), "utf16 caf\xe9"),
    ],
)  # fmt: skip
def test_encodings(data: bytes, expected: str) -> None:
    assert read_html(data).text == expected


def test_white_space_alone_and_in_pre() -> None:
    page = "<p>  </p><pre>  keep   this  </pre><p>a\n  b</p><textarea>x</textarea>"
    assert text(page).split("\n") == ["keep this", "a b"]
