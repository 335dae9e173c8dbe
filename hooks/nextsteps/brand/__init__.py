"""Brand settings: names, contacts and a colour that always stays readable."""

from .colour import contrast, normalise_hex, readable_text_on
from .model import Brand, load_brand

__all__ = ["Brand", "contrast", "load_brand", "normalise_hex", "readable_text_on"]
