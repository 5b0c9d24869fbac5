"""The most expensive queries the public site accepts, and random strings:
what an abusive client sends (bench/web_bench.py --abusive) and what every
query must survive within 200 ms (bench/search_bench.py, kind "hostile")."""

from __future__ import annotations

import random

WORDS = ["сот", "суд", "иск", "өкүм", "решение", "приговор", "Бишкек", "имущество", "алым", "мамлекеттик",
         "кассация", "жалоба", "доогер", "ответчик", "арыз", "статья", "берене", "закон", "мыйзам", "район"]
PIECES = ['"', "(", ")", "-", " OR ", " AND ", " NOT ", "*", ":", "year:", "article:", "court:", "..", "1999",
          " ", "\u00ad", "ё", "Ң", "\u200b", "%", "\\", "'"]


def hostile_queries(count: int, seed: int = 3) -> list[str]:
    """Long queries at the limits: a hundred words with prefixes, OR chains
    with typos, brackets as deep as allowed, many phrases; and garbage."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        kind = i % 5
        if kind == 0:
            query = " ".join(rng.choice(WORDS)[: rng.randint(2, 4)] + "*" if rng.random() < 0.5 else rng.choice(WORDS)
                             for _ in range(100))
        elif kind == 1:
            query = " OR ".join(rng.choice(WORDS) + rng.choice("аоуеы") for _ in range(45))
        elif kind == 2:
            query = "(" * 16 + " ".join(rng.choice(WORDS) for _ in range(20)) + ")" * 16
        elif kind == 3:
            query = " ".join(f'"{rng.choice(WORDS)} {rng.choice(WORDS)}"' for _ in range(25)) + " year:1960..2026"
        else:
            query = "".join(rng.choice(PIECES + WORDS) for _ in range(rng.randint(1, 200)))
        out.append(query[:1000])
    return out
