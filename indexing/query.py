"""The query language, parsed into a tree every backend compiles.

    сот системасы            every word (in any of its forms)
    "сот системасы"          the phrase; "..."~3 within three words
    приговор -оправдательный  without the second word
    Фрунзе OR Бишкек          either (ИЛИ and ЖЕ too)
    мамлекет*                 words that begin so
    ( ... )                   grouping
    court:Бишкек  court:"Ош облустук"   year:1965..1970  year:1967  year:..1970
    type:criminal (civil, administrative, economic; Russian and Kyrgyz names too)
    lang:ky (ru, mixed)
    article:"УК 168"          a cited article of a code

Field names have Russian and Kyrgyz aliases (суд:, год:, жыл:, тип:, статья:,
берене: ...). A query that cannot be understood raises QueryError with a
message that says what and where, never a stack trace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexing.backend import QueryError


@dataclass(frozen=True)
class Word:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    text: str
    slop: int = 0


@dataclass(frozen=True)
class Field:
    name: str  # court, type, lang, article
    value: str


@dataclass(frozen=True)
class YearRange:
    low: int | None
    high: int | None


@dataclass(frozen=True)
class Not:
    clause: "Node"


@dataclass(frozen=True)
class All:
    clauses: tuple["Node", ...]


@dataclass(frozen=True)
class AnyOf:
    clauses: tuple["Node", ...]


@dataclass(frozen=True)
class Everything:
    """A lone "*": every document, to browse by the filters and facets alone."""


Node = Word | Phrase | Field | YearRange | Not | All | AnyOf | Everything

FIELD_ALIASES = {
    "court": "court", "суд": "court", "сот": "court",
    "year": "year", "год": "year", "жыл": "year",
    "type": "type", "тип": "type", "түр": "type", "вид": "type",
    "lang": "lang", "язык": "lang", "тил": "lang",
    "article": "article", "статья": "article", "ст": "article", "берене": "article",
}
CASE_TYPES = {
    "criminal": "criminal", "уголовное": "criminal", "уголовный": "criminal", "кылмыш": "criminal",
    "кылмыш-жаза": "criminal",
    "civil": "civil", "гражданское": "civil", "гражданский": "civil", "жарандык": "civil",
    "administrative": "administrative", "административное": "administrative", "административный": "administrative",
    "административдик": "administrative",
    "economic": "economic", "экономическое": "economic", "экономический": "economic", "экономикалык": "economic",
    "хозяйственное": "economic",
}
LANGUAGES = {
    "ky": "ky", "kg": "ky", "kir": "ky", "кыргызча": "ky", "кыргыз": "ky", "киргизский": "ky", "кыргызский": "ky",
    "ru": "ru", "rus": "ru", "орусча": "ru", "русский": "ru", "mixed": "mixed", "аралаш": "mixed", "смешанный": "mixed",
}
OR_WORDS = {"OR", "ИЛИ", "ЖЕ", "|"}
YEAR = re.compile(r"^(\d{4})?(?:\.\.(\d{4})?)?$")
TOKEN = re.compile(
    r"""\s*(?:
        (?P<open>\()|(?P<close>\))
      | (?P<neg>-)(?=\S)
      | (?P<field>[^\W\d_]+):(?=\S)
      | "(?P<phrase>[^"]*)"(?:~(?P<slop>\d+))?
      | (?P<quote>")
      | (?P<word>[^\s()"]+)
    )""",
    re.VERBOSE,
)
MAX_SLOP = 50
# Limits by design: a person's query is a few words; these bound the work
# a hostile one can ask for (planning looks at names of several words, and
# the parser descends one level per parenthesis).
MAX_QUERY_CHARS = 1000
MAX_QUERY_TOKENS = 100
MAX_DEPTH = 16


def parse(query: str) -> Node:
    """The query's tree; QueryError when it cannot be understood."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is too long: at most {MAX_QUERY_CHARS} characters, this one has {len(query)}",
                         "too_long", limit=MAX_QUERY_CHARS, count=len(query))
    tokens = _tokens(query)
    if not tokens:
        raise QueryError("the query is empty: type a word to search for", "empty")
    if len(tokens) > MAX_QUERY_TOKENS:
        raise QueryError(f"the query has too many words: at most {MAX_QUERY_TOKENS}, this one has {len(tokens)}",
                         "too_many_words", limit=MAX_QUERY_TOKENS, count=len(tokens))
    parser = _Parser(tokens)
    node = parser.expression()
    if parser.pos < len(tokens):
        raise QueryError("a closing parenthesis has no opening one", "unopened")
    if not _has_positive(node):
        raise QueryError("the query only excludes: add a word or a filter to search for", "only_excludes")
    return node


def _tokens(query: str) -> list[tuple[str, str, str | None]]:
    tokens: list[tuple[str, str, str | None]] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        match = TOKEN.match(query, pos)
        assert match is not None  # the word alternative matches any other text
        kind = match.lastgroup or "word"
        if kind == "slop" or match.group("phrase") is not None:
            kind = "phrase"
        if kind == "quote":
            raise QueryError(f"a quotation mark is not closed (at character {match.start('quote') + 1})", "unclosed_quote",
                             at=match.start("quote") + 1)
        value = match.group(kind) if kind != "phrase" else match.group("phrase")
        tokens.append((kind, value, match.group("slop")))
        pos = match.end()
    return tokens


class _Parser:
    """expression := alternatives+ ; alternatives := unary ("OR" unary)*
    unary := "-"? primary ; primary := "(" expression ")" | field value | phrase | word"""

    def __init__(self, tokens: list[tuple[str, str, str | None]]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, str | None] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def expression(self) -> Node:
        clauses: list[Node] = []
        while (token := self.peek()) and token[0] != "close":
            clauses.append(self.alternatives())
        if not clauses:
            raise QueryError("empty parentheses: put words between them", "empty_parentheses")
        return clauses[0] if len(clauses) == 1 else All(tuple(clauses))

    def alternatives(self) -> Node:
        """OR binds closer than the space: Фрунзе OR Бишкек приговор is
        (Фрунзе OR Бишкек) and приговор."""
        token = self.peek()
        if token and token[0] == "word" and token[1] in OR_WORDS:
            raise QueryError(f'"{token[1]}" needs a word before it', "word_before", operator=token[1])
        options = [self.unary()]
        while (token := self.peek()) and token[0] == "word" and token[1] in OR_WORDS:
            self.pos += 1
            following = self.peek()
            if not following or following[0] == "close" or (following[0] == "word" and following[1] in OR_WORDS):
                raise QueryError(f'"{token[1]}" needs a word after it', "word_after", operator=token[1])
            options.append(self.unary())
        return options[0] if len(options) == 1 else AnyOf(tuple(options))

    def unary(self) -> Node:
        token = self.peek()
        if token and token[0] == "neg":
            self.pos += 1
            if not self.peek() or self.peek()[0] in ("neg", "close"):  # type: ignore[index]
                raise QueryError('"-" must stand right before the word to exclude', "loose_minus")
            return Not(self.primary())
        return self.primary()

    def primary(self) -> Node:
        token = self.peek()
        assert token is not None
        kind, value, slop = token
        self.pos += 1
        if kind == "open":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QueryError(f"parentheses are nested too deep: at most {MAX_DEPTH} levels", "too_deep", limit=MAX_DEPTH)
            inner = self.expression()
            self.depth -= 1
            if not self.peek() or self.peek()[0] != "close":  # type: ignore[index]
                raise QueryError("a parenthesis is not closed", "unclosed_parenthesis")
            self.pos += 1
            return inner
        if kind == "close":
            raise QueryError("a closing parenthesis has no opening one", "unopened")
        if kind == "field":
            return self.field(value)
        if kind == "word" and value == "*":
            return Everything()
        if kind == "phrase":
            if not value.strip():
                raise QueryError('empty quotation marks: put the phrase between them ("сот системасы")', "empty_quotes")
            distance = int(slop) if slop else 0
            if distance > MAX_SLOP:
                raise QueryError(f"a phrase's distance can be at most {MAX_SLOP} words, not {distance}", "slop",
                                 limit=MAX_SLOP, count=distance)
            return Phrase(value, distance)
        prefix = value.endswith("*")
        text = value.rstrip("*")
        if "*" in text:
            raise QueryError(f'"{value}": "*" goes at the end of a word (мамлекет*)', "star_inside", value=value)
        if prefix and len(text) < 2:
            raise QueryError(f'"{value}": a prefix needs at least two letters before "*"', "short_prefix", value=value)
        return Word(text, prefix)

    def field(self, name: str) -> Node:
        canonical = FIELD_ALIASES.get(name.lower())
        if canonical is None:
            raise QueryError(
                f'unknown field "{name}:": the fields are court:, year:, type:, lang: and article:',
                "unknown_field", name=name,
            )
        token = self.peek()
        if token is None or token[0] not in ("word", "phrase"):
            raise QueryError(f'"{name}:" needs a value after it (for example {name}:1967)', "field_value", name=name)
        self.pos += 1
        value = token[1].strip()
        if canonical == "year":
            return _year(value)
        if canonical == "type":
            kind = CASE_TYPES.get(value.lower())
            if kind is None:
                raise QueryError(f'unknown case type "{value}": use criminal, civil, administrative or economic',
                                 "unknown_type", value=value)
            return Field("type", kind)
        if canonical == "lang":
            lang = LANGUAGES.get(value.lower())
            if lang is None:
                raise QueryError(f'unknown language "{value}": use ky, ru or mixed', "unknown_language", value=value)
            return Field("lang", lang)
        if canonical == "article":
            article = normalise_article(value)
            if article is None:
                raise QueryError(f'"{value}" is not an article: write the code and the number, e.g. article:"УК 168"',
                                 "not_article", value=value)
            return Field("article", article)
        return Field(canonical, value)


def _year(value: str) -> YearRange:
    match = YEAR.match(value)
    if not value or not match or not (match.group(1) or match.group(2)):
        raise QueryError(f'"{value}" is not a year or a range of years: write 1967, 1965..1970, ..1970 or 1965..',
                         "not_year", value=value)
    low = int(match.group(1)) if match.group(1) else None
    high = int(match.group(2)) if match.group(2) else (low if ".." not in value else None)
    if low is not None and high is not None and low > high:
        raise QueryError(f"the range {value} ends before it begins", "backwards_range", value=value)
    return YearRange(low, high)


CODES = {
    # Code abbreviations as cited, Soviet and current, Russian and Kyrgyz.
    "ук": "УК", "уголовного": "УК", "кжк": "УК", "кылмыш-жаза": "УК",
    "упк": "УПК", "кжпк": "УПК",
    "гк": "ГК", "гражданского": "ГК", "жк": "ГК", "жарандык": "ГК",
    "гпк": "ГПК", "жпк": "ГПК",
    "коао": "КоАО", "кооб": "КоАО", "кобп": "КоАО", "кун": "КоАО",
    "тк": "ТК", "ско": "СК", "ск": "СК", "зк": "ЗК", "нк": "НК", "апк": "АПК",
}


PART_WORDS = {"ч", "часть", "части", "п", "пункт", "пункта"}


def normalise_article(value: str) -> str | None:
    """"УК 168", "168 УК", "ст. 168 ч. 2 УК КР", "УК-168", "Кылмыш-жаза
    кодексинин 130-беренесинин 2-бөлүгү" → code and article ("УК 168");
    a bare number → "168" (any code)."""
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?|\d+", value.lower())
    codes = [CODES[w] for w in words if w in CODES]
    article = None
    for i, word in enumerate(words):
        if not word.isdigit():
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if before in PART_WORDS or after.startswith(("бөлүг", "бөлүк", "пункт")):
            continue  # a part or a point of the article, not the article
        article = word
        break
    if article is None:
        return None
    return f"{codes[0]} {article}" if codes else article


def _has_positive(node: Node) -> bool:
    if isinstance(node, Not):
        return False
    if isinstance(node, All):
        return any(_has_positive(c) for c in node.clauses)
    if isinstance(node, AnyOf):
        return all(_has_positive(c) for c in node.clauses)
    return True
