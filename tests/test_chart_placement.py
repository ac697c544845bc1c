"""chart._place puts each mark where comparing it with every mark of its lane did."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.chart import CROWDED, NUDGES, _place


def place_by_comparing_all(days: list[tuple[str, int]], span: int) -> list[float]:
    """The placement build_chart had before (quadratic per lane), kept as the reference."""
    placed: dict[tuple[str, float], list[int]] = {}
    out = []
    for lane, day in days:
        nudge = next((n for n in NUDGES
                      if all(abs(day - other) / span >= CROWDED
                             for other in placed.get((lane, n), ()))), 0.0)
        placed.setdefault((lane, nudge), []).append(day)
        out.append(nudge)
    return out


@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 3000)), max_size=120),
       st.integers(200, 4000))
def test_bisection_places_every_mark_as_the_quadratic_loop_did(days, span):
    placed: dict[tuple[str, float], list[int]] = {}
    assert [_place(day, lane, placed, span) for lane, day in days] == \
        place_by_comparing_all(days, span)
