"""Add-k token n-gram baselines: an order-k model predicts each token from the k tokens before it
(fewer at the start of a piece), with add-k smoothing over the 216-token vocabulary, k picked on the
validation split. The recipes record these next to the neural models' NLL in the manifests.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

import genpatch_tokens as gt

SMOOTHING_GRID = (1.0, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001)


def count(seqs: list[list[int]], order: int) -> dict[tuple, tuple[Counter, int]]:
    """Context → (Counter of next tokens, their total), over every target (all tokens after <bos>)."""
    table: dict[tuple, Counter] = defaultdict(Counter)
    for s in seqs:
        for i in range(1, len(s)):
            table[tuple(s[max(0, i - order) : i])][s[i]] += 1
    return {ctx: (c, sum(c.values())) for ctx, c in table.items()}


def nll(table, seqs: list[list[int]], order: int, k: float) -> float:
    """Mean NLL (nats per target token) of seqs under the add-k model `table`."""
    total, n = 0.0, 0
    v = gt.VOCAB_SIZE
    for s in seqs:
        for i in range(1, len(s)):
            c, seen = table.get(tuple(s[max(0, i - order) : i]), (None, 0))
            hits = c[s[i]] if c else 0
            total -= math.log((hits + k) / (seen + k * v))
            n += 1
    return total / max(1, n)


def baselines(train: list[list[int]], valid: list[list[int]], test: list[list[int]], orders=(1, 2, 3, 4)) -> dict:
    """{"order_k": {"k": smoothing, "valid": nll, "test": nll}} for each order."""
    out = {}
    for order in orders:
        table = count(train, order)
        best = min(SMOOTHING_GRID, key=lambda k: nll(table, valid, order, k))
        out[f"order_{order}"] = {"add_k": best, "valid": round(nll(table, valid, order, best), 4),
                                 "test": round(nll(table, test, order, best), 4)}
    return out
