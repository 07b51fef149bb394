"""HTML: the visible text only, each character mapped back to its place in the file.

Uses the standard library's tokenizer (not a tree builder), so deeply nested markup costs no
recursion. Character references are resolved one by one so the offset map stays exact.
"""

from __future__ import annotations

import html
from array import array
from html.parser import HTMLParser
from types import MappingProxyType

from numcheck.documents import Document, SourceMap, line_starts_of
from numcheck.readers.decode import decode

_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "math"})
_BLOCK = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
        "th", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr",
        "dd", "dt", "figcaption", "figure", "main", "aside", "nav", "caption", "title",
    }
)
_VOID = frozenset(
    {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
)


class _VisibleText(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = line_starts_of(source)
        self.chars: list[str] = []
        self.offsets = array("q")
        self._hidden: list[str] = []
        self.title: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []

    def _here(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _emit(self, text: str, start: int, exact: bool = True) -> None:
        if self._hidden:
            return
        self.chars.append(text)
        if exact:
            self.offsets.extend(range(start, start + len(text)))
        else:
            self.offsets.extend([start] * len(text))

    def _break(self) -> None:
        if self._hidden:
            return
        if self.chars and not "".join(self.chars[-2:]).endswith("\n\n"):
            self._emit("\n\n", self._here(), exact=False)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _HIDDEN and tag not in _VOID:
            self._hidden.append(tag)
            return
        if tag in _BLOCK:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._hidden and tag == self._hidden[-1]:
            self._hidden.pop()
            return
        if tag in _BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        self._emit(data, self._here())

    def handle_comment(self, data: str) -> None:
        # Suppression directives live in comments: keep those (exact offsets, so the engine
        # finds "<!-- numcheck: disable=NC101 -->" where it is); drop every other comment.
        if "numcheck" in data:
            self._emit(f"<!--{data}-->", self._here())

    def handle_entityref(self, name: str) -> None:
        text = html.unescape(f"&{name};")
        if self._in_title:
            self._title_parts.append(text)
        self._emit(text, self._here(), exact=False)

    def handle_charref(self, name: str) -> None:
        text = html.unescape(f"&#{name};")
        if self._in_title:
            self._title_parts.append(text)
        self._emit(text, self._here(), exact=False)


def read(path: str, data: bytes, warnings: list[str]) -> list[Document]:
    source = decode(data, warnings)
    parser = _VisibleText(source)
    parser.feed(source)
    parser.close()
    meta: dict[str, str] = {}
    title = " ".join("".join(parser._title_parts).split())
    if title:
        meta["title"] = title
    return [
        Document(
            path=path,
            text="".join(parser.chars),
            meta=MappingProxyType(meta),
            source_map=SourceMap(line_starts=parser._line_starts, offsets=parser.offsets),
        )
    ]
