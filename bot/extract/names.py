"""The names in a list of organisations: "the European Union, the Government of Japan and the Government of
Canada" (three), "the Governments of Germany and Norway" (two), not "Antigua and Barbuda" or "Narcotics and Law
Enforcement" (one each), tidied of articles and long glosses.
"""

from __future__ import annotations

import re
from itertools import takewhile

from bot import geo
from bot.engine.text import fold
from bot.extract.places import countries_in
from bot.extract.text import Doc

QUALIFIER = re.compile(
    # "the European Union through its Cocaine Route Programme": the funder is the European Union
    r",?\s+(?:(?:through|under)\s+(?:its|the)\s+(?=[A-Z][^,]*?\b(?:Programme|Program|Fund|Facility|Initiative)\b)|"
    r"en\s+el\s+marco\s+de\s+su|a\s+través\s+de\s+su)\s*[^,]*?(?=,|$)"
)
# Words that head an organisation's name (folded): after "and" one starts a new name ("and the Government of
# Canada"), and a name may start with one in lower case ("programa mundial CRIMJUST").
ORG_HEADS = frozenset(
    """government governments kingdom republic ministry ministries office department bureau agency commission
    council embassy programme program project network centre center unit service police directorate court
    authority institute organization organisation association foundation university school academy federal
    national european united world unodc gobierno gobiernos reino republica ministerio oficina departamento
    agencia comision consejo embajada programa proyecto red centro unidad servicio policia direccion fiscalia
    procuraduria instituto organizacion asociacion fundacion universidad escuela academia junta viceministerio
    secretaria tribunal corte union estados dirección administration administrations administracion
    administraciones customs aduanas guardia gendarmerie""".split()
)


def looks_named(value: str) -> bool:
    """A name: it starts with a capital ("Government of Japan"), or with a word that heads one ("programa
    mundial CRIMJUST de la UNODC")."""
    first = value.split()[0]
    return first[0].isupper() or first[0].isdigit() or fold(first) in ORG_HEADS


def blank_parentheses(text: str, start: int, end: int) -> str:
    """`text` with what is inside parentheses between start and end blanked (same length), so that a stop
    inside "(Strengthening ... routes)" ends nothing."""
    out = list(text)
    depth = 0
    for i in range(start, end):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth = max(0, depth - 1)
        elif depth:
            out[i] = "x"
    return "".join(out)


def split(doc: Doc, start: int, end: int, through: bool = False) -> list[str]:
    """The names in a list: "the European Union, the Government of Japan and the Government of Canada",
    "the Governments of Germany and Norway" (two), not "Antigua and Barbuda" or "Narcotics and Law Enforcement"."""
    plain = QUALIFIER.sub(lambda m: " " * len(m.group(0)), doc.text[:end])  # "..., a través de su Oficina ..."
    blank = blank_parentheses(plain, start, end)
    named = countries_in(doc, start, end)
    protected = [(a, b) for a, b, _ in named]
    country_starts = {a for a, _, _ in named}
    country_ends = {b for _, b, _ in named}
    joins = (
        r",?\s+(?:together with|jointly with|junto con|conjuntamente con)\s+|,\s+(?:and\s+|y\s+)?(?:(?:by|por)\s+)?|"
        r"\s+(?:and|y|e|&|together with|junto con|jointly with|as well as|así como)\s+"
        r"(?:(?:from|of|de|by|por)\s+)?"
    )
    if through:
        joins += r"|\s+through\s+(?=the\s)"
    cuts = [start]
    for m in re.finditer(joins, blank[start:end]):
        a, b = start + m.start(), start + m.end()
        if any(p < a < q for p, q in protected):
            continue
        right = plain[b:end]
        left = plain[cuts[-1] : a].strip()
        after_comma = m.group(0).lstrip().startswith(",")
        again = bool(re.search(r"\b(?:by|por|from)\s+$", m.group(0)))  # "and by ...": the verb's object again
        bare = re.sub(r"^(?:the|la|el|los|las|del|de la|de)\s+", "", right)
        named_left = re.sub(r"^(?:the|la|el|los|las)\s+", "", left)
        if b + len(right) - len(bare) in country_starts and (a in country_ends or named_left[:1].isupper()):
            cuts += [a, b]  # "Japan, Canada and the European Union", "the Governments of Germany and Norway"
        elif (
            _starts_name(right, strict=not after_comma)
            or (again and bare[:1].isupper())
            or (left.endswith(")") and bare[:1].isupper())
            or (left.isupper() and bare[:1].isupper())
        ):
            cuts += [a, b]
    cuts.append(end)
    items = [plain[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2)]
    return _distribute([i for i in items if i.strip()])


def _starts_name(right: str, strict: bool) -> bool:
    """Whether a list item starts at `right`: after a comma, any article and capital ("the French customs
    service"); after "and", a word that heads a name or an acronym ("and the Government of Canada", "and WACAP"),
    not "and the Financing of Terrorism" (one name) or "y el Delito"."""
    m = re.match(r"(?:(?:the|la|el|los|las|del|de la|de los|de)\s+)?([\w'’-]+)", right)
    if not m:
        return False
    word = m.group(1)
    if fold(word) in ORG_HEADS or (word.isupper() and len(word) > 1):
        return True
    return not strict and m.group(0) != word and word[:1].isupper()


_ARTICLE = re.compile(r"^(?:the|la|el|los|las)\s+")


def _distribute(items: list[str]) -> list[str]:
    """ "the Governments of Germany and Norway" -> Government of Germany, Government of Norway; "the
    Cybercrime and CRIMJUST programs" -> Cybercrime programs, CRIMJUST programs."""
    if not items:
        return items
    first = re.match(r"\s*(?:the\s+|los\s+|las\s+)?((?:[\w-]+\s+)?[\w-]+?)(ies|ones|s)\s+(of|de|from)\s+", items[0])
    if first and len(items) > 1:
        others = [i.strip() for i in items[1:]]
        # "the Governments of Canada and Norway, and the European Union": the head is shared by the countries
        shared = list(takewhile(geo.country, others))
        if not shared and all(len(i.split()) <= 4 and _ARTICLE.sub("", i)[:1].isupper() for i in others):
            shared = others
        if shared:
            ending = {"ies": "y", "ones": "ón", "s": ""}[first.group(2)]
            head = f"{first.group(1)}{ending} {first.group(3)}"
            rest = items[0][first.end() :]
            return [f"{head} {rest}"] + [f"{head} {other}" for other in shared] + others[len(shared) :]
    last = re.search(r"\s+(programmes|programs|projects|programas|proyectos)\s*$", items[-1])
    if last and len(items) > 1:
        return [f"{i.strip()} {last.group(1)}" for i in items[:-1]] + [items[-1]]
    return items


def tidy(name: str) -> str:
    name = " ".join(name.split()).strip(" ,.;:")
    name = re.sub(r"^(?:the|la|el|los|las|del|de la|de los|de|por|by)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"\s+\([^)]{25,}\)", "", name)  # "CRIMJUST (Strengthening ... routes)": the name is CRIMJUST
    return re.sub(r"\s+(?:programmes|programs|projects|programas|proyectos)$", "", name)
