"""The resolver of each candidate kind."""

from __future__ import annotations

from collections.abc import Callable

from timeline.extract.context import _Context, _Result
from timeline.extract.focus import _r_focus_period, _r_the_period
from timeline.extract.patterns import _Cand
from timeline.extract.resolve_dates import (
    _r_day_only,
    _r_dm,
    _r_dmy,
    _r_holiday,
    _r_mon_deictic_year,
    _r_mon_ofyear,
    _r_month,
    _r_my,
    _r_numeric,
    _r_range_head,
)
from timeline.extract.resolve_deixis import (
    _r_clock,
    _r_deictic_day,
    _r_deictic_fr,
    _r_deictic_plural,
    _r_deictic_quarter,
    _r_deictic_unit,
    _r_ref,
    _r_weekday,
)
from timeline.extract.resolve_periods import (
    _r_half,
    _r_night,
    _r_season,
    _r_season_rel,
    _r_season_y,
)
from timeline.extract.resolve_relative import (
    _r_ago,
    _r_anaphor,
    _r_anchored,
    _r_end_of_unit,
    _r_later,
    _r_same_time,
)
from timeline.extract.resolve_years import (
    _r_century,
    _r_decade,
    _r_year,
    _r_year_bc_head,
    _r_year_small,
    _r_year_spelled,
    _r_year_tail,
)

_RESOLVERS: dict[str, Callable[[_Cand, _Context], _Result]] = {
    "dmy": _r_dmy, "my": _r_my, "dm": _r_dm, "dm_tail": _r_dm, "dm_head": _r_dm,
    "m": _r_month, "day_only": _r_day_only, "mon_ofyear": _r_mon_ofyear,
    "mon_deictic_year": _r_mon_deictic_year,
    "range_head": _r_range_head, "century": _r_century, "decade": _r_decade,
    "season_y": _r_season_y, "season_rel": _r_season_rel, "season": _r_season,
    "half": _r_half, "quarter": _r_half, "year": _r_year, "year_ad": _r_year,
    "year_bc_head": _r_year_bc_head, "year_word": _r_year, "year_small": _r_year_small,
    "year_tail": _r_year_tail, "year_spelled": _r_year_spelled,
    "ago": _r_ago, "later": _r_later, "anaphor": _r_anaphor, "same_time": _r_same_time,
    "end_of_unit": _r_end_of_unit, "deictic_unit": _r_deictic_unit,
    "deictic_fr": _r_deictic_fr, "deictic_day": _r_deictic_day, "weekday": _r_weekday,
    "ref": _r_ref, "clock": _r_clock, "holiday": _r_holiday, "noon": _r_clock, "daytime": _r_clock,
    "dayparts_fr": _r_clock, "numeric": _r_numeric, "anchored": _r_anchored,
    "night": _r_night,
    "focus_period": _r_focus_period, "the_period": _r_the_period,
    "deictic_quarter": _r_deictic_quarter, "deictic_plural": _r_deictic_plural,
}
