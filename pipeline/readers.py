"""Reading reports from files: text in any common Chinese encoding, .docx, .pdf with a text layer, .html.

Every failure is a `ReportError` whose message is one line naming the file and the reason. The
text returned is what the models see and what every output offset indexes.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.lineends import wrap_breaks

MAX_BYTES = 20 * 1024 * 1024  # a report is ~100 KB (a PDF a few MB); anything this big is not one report
_CJK_OR_TEXT = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\s\x20-\x7e\u2010-\u2027\u00b7]")


# What Windows Notepad saves as "Unicode" is UTF-16 LE with a BOM; the BOM says which codec to use.
_UNICODE_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


class ReportError(ValueError):
    """A report that cannot be read; str() is a one-line message naming the file."""


@dataclass
class Report:
    doc_id: str
    path: str
    text: str
    encoding: str


def _plausible(text: str) -> bool:
    """Mostly Chinese, ASCII and CJK punctuation: GB18030 decodes almost any bytes, so check the result."""
    if not text:
        return False
    sample = text[:20000]
    return len(_CJK_OR_TEXT.findall(sample)) / len(sample) > 0.95


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and encoding name of raw bytes: UTF-8 (with or without BOM), then GB18030, then detection."""
    if not data.strip():
        raise ReportError(f"{path}: empty file")
    for bom, codec in _UNICODE_BOMS:  # UTF-32 first: its little-endian BOM begins with UTF-16's
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as err:
                raise ReportError(f"{path}: {codec.upper()} file with a bad byte sequence at byte "
                                  f"{err.start + len(bom)}") from None
            if not text.strip():
                raise ReportError(f"{path}: empty file")
            return text, codec
    if b"\x00" in data[:4096]:
        raise ReportError(f"{path}: binary file (NUL bytes), not a text report")
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], True
    else:
        bom = False
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(data) - 3:
            raise ReportError(f"{path}: truncated file (incomplete UTF-8 character at byte {err.start})") from None
        utf8_error = err
    try:
        text = data.decode("gb18030")
        if _plausible(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or not _plausible(str(best)):
        raise ReportError(f"{path}: cannot decode: not UTF-8 (byte {utf8_error.start}) nor GB18030/GBK text")
    return str(best), best.encoding


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, one line per block element; scripts, styles and navigation skipped."""

    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table",
               "title"}
    _SKIP = {"script", "style", "noscript", "nav", "header", "footer", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self.parts).splitlines())
        return "\n".join(line for line in lines if line)


def _charset_of_html(data: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def read_html(data: bytes, path: str) -> tuple[str, str]:
    declared = _charset_of_html(data)
    if declared in ("gb2312", "gbk", "gb18030"):
        try:
            html_text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as err:
            raise ReportError(f"{path}: page declares {declared} but byte {err.start} is not {declared}") from None
    else:
        html_text, encoding = decode(data, path)
    parser = _TextExtractor()
    parser.feed(html_text)
    text = parser.text()
    if not text.strip():
        raise ReportError(f"{path}: HTML page has no visible text")
    return text, f"html/{encoding}"


def read_docx(data: bytes, path: str) -> tuple[str, str]:
    import docx

    try:
        document = docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ReportError(f"{path}: not a readable .docx file ({type(err).__name__})") from None
    text = "\n".join(p.text for p in document.paragraphs)
    if not text.strip():
        raise ReportError(f"{path}: .docx file has no text")
    return text, "docx"


def read_pdf(data: bytes, path: str) -> tuple[str, str]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        text = extract_text(BytesIO(data))
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as err:
        raise ReportError(f"{path}: not a readable PDF ({type(err).__name__}: {err})") from None
    # pdfminer ends pages with form feeds and breaks lines inside paragraphs: drop the feeds, rejoin the lines.
    text = rejoin_wrapped_lines(text.replace("\x0c", "\n").strip())
    if not text:
        raise ReportError(f"{path}: PDF has no text layer (scanned pages need OCR first)")
    return text, "pdf"


def rejoin_wrapped_lines(text: str) -> str:
    """The text without the line breaks a page width made inside paragraphs (`pipeline.lineends.wrap_breaks`):
    a PDF's text as the page would read."""
    kept, parts = 0, []
    for at in wrap_breaks(text):
        parts.append(text[kept:at])
        kept = at + 1
    return "".join(parts) + text[kept:]


_BY_SUFFIX = {".docx": read_docx, ".pdf": read_pdf, ".html": read_html, ".htm": read_html}


def read_report(path: str | Path) -> Report:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReportError(f"{path}: no such file") from None
    if path.is_dir():
        raise ReportError(f"{path}: is a directory")
    if size > MAX_BYTES:
        limit = MAX_BYTES // 2**20
        raise ReportError(f"{path}: {size / 2**20:.0f} MB is larger than the {limit} MB limit for one report")
    data = path.read_bytes()
    reader = _BY_SUFFIX.get(path.suffix.lower())
    if reader is None and data[:5] == b"%PDF-":
        reader = read_pdf
    if reader is None and data[:2] == b"PK" and path.suffix.lower() != ".txt":
        reader = read_docx
    text, encoding = reader(data, str(path)) if reader else decode(data, str(path))
    return Report(doc_id=path.stem, path=str(path), text=text, encoding=encoding)
