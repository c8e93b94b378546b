# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Normalised organisation names for duplicate detection, pure Python (no ORM)."""

import re
import unicodedata

# Finnish and Swedish legal-form words and abbreviations, stripped at either end of a name:
# "Lapin Rakennus Oy", "Tmi Matti Virtanen", "Lapin Latu ry", "Oy Lapin Rakennus Ab".
LEGAL_FORM_WORDS = frozenset(
    {
        "oy",
        "oyj",
        "ab",
        "abp",
        "ky",
        "ay",
        "tmi",
        "ry",
        "rf",
        "osk",
        "osuuskunta",
        "osakeyhtiö",
        "toiminimi",
        "kommandiittiyhtiö",
        "ltd",
        "sr",
    }
)
_NON_WORD = re.compile(r"[^\w]+")


def normalize_name(name):
    """The key under which two spellings of one organisation's name are equal.

    Case, accents of compatibility forms, punctuation and whitespace are folded and legal-form
    words are stripped at both ends: "Lapin Rakennus Oy", "LAPIN RAKENNUS OY" and
    "Lapin rakennus" give "lapin rakennus". Returns "" for an empty name.
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold()
    # "r.y." and "o.y." are written with dots: join the letters before splitting
    text = re.sub(r"\b(\w)\.(?=\w\.)", r"\1", text).replace(".", " ")
    words = [word for word in _NON_WORD.split(text) if word]
    while words and words[-1] in LEGAL_FORM_WORDS:
        words.pop()
    while words and words[0] in LEGAL_FORM_WORDS:
        words.pop(0)
    return " ".join(words)
