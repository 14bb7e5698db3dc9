"""English function words: sharing them says nothing about sharing a happening. Each
comparison of words (the event stage's, corroboration's) adds the few of its own."""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """
    the and for are but not you all any can had her was one our out has him his how its may
    new now old see two way who did get let say she too use that with have this will your
    from they been were said what when which their there them then than into more some such
    only also over very just being about after before other these those would could should
    while where here each most much many made make because still even well back through
    during under again further once both same own off few nor upon until till since within
    without between among against across around per via part including according however
    meanwhile yet whose whom it's i'm we're they're there's that's don't didn't isn't wasn't
    aren't weren't has hasn't have haven't had hadn't does doesn't will won't shall cannot
    can't mr mrs ms dr
    """.split()
)
