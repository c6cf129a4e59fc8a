"""Time: the calendar, time expressions and publication dates."""
