"""The district's years after signing (toolkit Part 3): the facts of a year, the monitoring
rules, the annual report. Qt-free, like the rest of ``desktop/core``."""
