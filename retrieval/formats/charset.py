"""Decoding a web page's bytes with the character encoding it declares.

A saved news page is not always UTF-8: older sites still serve ``windows-1252``
or ``iso-8859-15`` and say so in a ``<meta charset>`` tag or in the HTTP
``Content-Type`` header. Guessing an encoding from byte statistics (what
trafilatura does when handed bytes) is slow and sometimes wrong, while a
declaration is cheap to read and almost always right, so we follow the order a
browser uses (the WHATWG encoding sniffing algorithm, simplified): a byte-order
mark first, then the transport's declaration, then a ``<meta>`` declaration in the
first kilobytes, then UTF-8.

Bytes that do not decode under the chosen encoding are refused rather than
replaced: an article with silently mangled words would answer wrongly, and the
message tells the user how to fix the file.
"""

from __future__ import annotations

import codecs
import re

from retrieval.article import ArticleError

__all__ = ["declared_charset", "decode_page"]

# A <meta> declaration must appear early in the page; browsers read 1024 bytes,
# saved pages with long <head> comments sometimes put it a little later.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that browsers read as another encoding (WHATWG Encoding Standard): pages
# labelled Latin-1 or ASCII are in practice windows-1252, and a <meta> that says
# UTF-16 cannot be true (the parser could not have read it), so it means UTF-8.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "x-user-defined": "cp1252",
}


def declared_charset(data: bytes) -> str | None:
    """Return the charset a page's ``<meta>`` tag declares, or None."""
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    return match.group(1).decode("ascii").lower() if match else None


def decode_page(data: bytes, *, source: str, header_charset: str | None = None) -> str:
    """Decode ``data`` using its BOM, ``header_charset`` or ``<meta>`` charset, else UTF-8.

    Raises :class:`ArticleError` when the declared encoding is unknown or the
    bytes are not valid in it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, source=source, declared=True)
    label = header_charset or declared_charset(data)
    if label is None:
        return _decode(data, "utf-8", source=source, declared=False)
    encoding = _LABEL_ALIASES.get(label.strip().lower(), label.strip().lower())
    return _decode(data, encoding, source=source, declared=True)


def _decode(data: bytes, encoding: str, *, source: str, declared: bool) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        # Also raised for codecs that are not text encodings ("rot13", "base64").
        raise ArticleError(
            f"article {source} declares an unknown character encoding {encoding!r} "
            f"(re-save it as UTF-8)"
        ) from None
    except UnicodeError as error:
        where = (
            f"an invalid byte at offset {error.start}"
            if isinstance(error, UnicodeDecodeError)
            else "bytes not valid in it"
        )
        if declared:
            detail = f"it is declared as {encoding} but has {where}"
        else:
            detail = f"it declares no encoding and is not UTF-8 ({where})"
        remedy = _remedy(source)
        raise ArticleError(f"article {source} cannot be decoded: {detail}; {remedy}") from None


def _remedy(source: str) -> str:
    """What the user can do: convert a file, or save a server's page from a browser."""
    if source.lower().startswith(("http://", "https://")):
        return "the server sent text that is not valid in it: save the page from your browser"
    return "re-save it as UTF-8, e.g. iconv -f LATIN1 -t UTF-8"
