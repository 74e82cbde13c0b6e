"""communique: Chinese-language diplomatic news to coded, dated, evidenced events."""

from communique.model import Document, Entity, Event, InputError, Page, RawPage

__all__ = ["Document", "Entity", "Event", "InputError", "Page", "RawPage", "extract"]
__version__ = "0.1.0"


def extract(text_or_html: str, published: str | None = None, doc_id: str = "doc") -> Document:
    """Extract the events of one page given as text or HTML."""
    from communique.pipeline import extract_text

    return extract_text(text_or_html, published=published, doc_id=doc_id)
