"""Pick the network's sector colours: as far apart as possible for every reader.

    python scripts/sector_palette.py [N]

Distances are CIELAB ΔE (CIE76) between two colours as seen with normal vision and as
simulated for protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes
2009, severity 1); a pair's distance is the smallest of the four. Colours are picked
greedily from an sRGB grid, starting from a dark blue, each time the candidate farthest
from those already picked, skipping very light ones (they vanish on white). Prints the
palette and its smallest pairwise distance; accord.serve.charts keeps the result, and
tests/serve check it with ``min_distance`` below.
"""

from __future__ import annotations

import itertools
import sys

import numpy as np

MACHADO = {
    "protan": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deutan": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritan": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
WHITE = np.array([0.95047, 1.0, 1.08883])


def _linear(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def lab(linear_rgb: np.ndarray) -> np.ndarray:
    """CIELAB of linear-sRGB rows (D65)."""
    t = np.clip(linear_rgb, 0, 1) @ XYZ.T / WHITE
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], 1)


def views(hexes: list[str]) -> list[np.ndarray]:
    """The colours in CIELAB as seen normally and with each colour-vision deficiency."""
    rgb = np.array([[int(h[i : i + 2], 16) / 255 for i in (1, 3, 5)] for h in hexes])
    linear = _linear(rgb)
    return [lab(linear)] + [lab(linear @ m.T) for m in MACHADO.values()]


def min_distance(hexes: list[str]) -> float:
    """The smallest ΔE between any two of the colours, over all four kinds of vision."""
    seen = views(hexes)
    return min(
        float(min(np.linalg.norm(v[i] - v[j]) for v in seen))
        for i, j in itertools.combinations(range(len(hexes)), 2)
    )


def pick(n: int, start: str = "#1f3a93") -> list[str]:
    levels = range(0, 256, 17)
    grid = [f"#{r:02x}{g:02x}{b:02x}" for r in levels for g in levels for b in levels]
    grid = [h for h in grid if views([h])[0][0][0] < 80]  # not near-white
    seen = views(grid)
    chosen = [grid.index(start)] if start in grid else [0]
    best = np.full(len(grid), np.inf)
    while len(chosen) < n:
        last = chosen[-1]
        for v in seen:
            best = np.minimum(best, np.linalg.norm(v - v[last], axis=1))
        best[chosen] = -1
        chosen.append(int(best.argmax()))
    return [grid[i] for i in chosen]


if __name__ == "__main__":
    palette = pick(int(sys.argv[1]) if len(sys.argv) > 1 else 21, start="#999999")
    print(palette)
    print(f"smallest ΔE over normal, protan, deutan, tritan vision: {min_distance(palette):.1f}")
