"""Property tests: random districts, generated from the step declarations, go through every
door of the program: from-json, to-json (checked against the schema), check, the calendar, the
agreement in both languages and the report. PDFs are the slow part (about two minutes for all
of them), which CI can afford."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.agreement import export_agreement
from desktop.core.calendar_export import calendar_text
from desktop.core.document import FORMAT, FORMAT_VERSION, from_document, to_document, validate
from desktop.core.readiness import findings
from desktop.core.readiness_report import export_report
from wizard_steps import STEPS
from wizard_steps.fields import Field, Kind
from wizard_steps.financial_plan import EXPENSE_CATEGORIES, INCOME_CATEGORIES

DOCUMENTS = 300
TEXT = st.text(st.characters(codec="utf-8"), max_size=30)  # no lone surrogates
DATES = st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)).map(dt.date.isoformat)
CENTS = st.integers(0, 99_999_999_999)  # up to 999,999,999.99 euro
counter = itertools.count()


def forecast() -> st.SearchStrategy[dict[str, Any]]:
    def side(categories: tuple) -> st.SearchStrategy[dict[str, Any]]:
        years = st.dictionaries(st.integers(2025, 2035).map(str), CENTS, max_size=3)
        return st.dictionaries(st.sampled_from([c.key for c in categories]), years, max_size=2)

    return st.fixed_dictionaries({}, optional={"income": side(INCOME_CATEGORIES),
                                               "expenses": side(EXPENSE_CATEGORIES)})


SIMPLE: dict[Kind, st.SearchStrategy[Any]] = {
    Kind.YES_NO: st.none() | st.booleans(),
    Kind.DATE: st.just("") | DATES,
    Kind.TIME: st.just("") | st.times().map(lambda t: t.strftime("%H:%M")),
    Kind.MONEY: st.none() | CENTS,
}
MEMBER_KINDS = (Kind.MEMBER, Kind.MEMBERS, Kind.MEMBER_ROLES)


def value(declared: Field, ids: list[int]) -> st.SearchStrategy[Any]:
    kind = declared.kind
    if kind in SIMPLE:
        return SIMPLE[kind]
    if kind in MEMBER_KINDS:
        return member_value(kind, ids)
    if kind is Kind.CHOICE:
        return st.sampled_from(["", *(c.key for c in declared.choices)])
    if kind is Kind.MULTI_CHOICE:
        return st.lists(st.sampled_from([c.key for c in declared.choices]), unique=True)
    if kind is Kind.INTEGER:
        low = declared.minimum if declared.minimum is not None else 0
        high = declared.maximum if declared.maximum is not None else 10_000
        return st.none() | st.integers(low, high)
    if kind is Kind.FORECAST:
        return forecast()
    if kind is Kind.PERSON:
        return section(declared.row_fields, ids)
    if kind is Kind.TABLE:
        return st.lists(section(declared.row_fields, ids), max_size=3)
    return TEXT


def member_value(kind: Kind, ids: list[int]) -> st.SearchStrategy[Any]:
    if not ids:
        return st.none() if kind is Kind.MEMBER else st.just([])
    member = st.sampled_from(ids)
    if kind is Kind.MEMBER:
        return st.none() | member
    if kind is Kind.MEMBERS:
        return st.lists(member, unique=True, max_size=3)
    return st.lists(st.fixed_dictionaries({"member": member, "role": TEXT}), max_size=3,
                    unique_by=lambda item: item["member"])


def section(fields: tuple[Field, ...], ids: list[int]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={f.key: value(f, ids) for f in fields})


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(st.integers(1, 500), unique=True, max_size=4))
    members_step = next(s for s in STEPS if s.key == "members")
    member_fields = next(f for f in members_step.fields if f.key == "organizations").row_fields
    document: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION}
    for step in STEPS:
        document[step.key] = draw(section(step.fields, ids))
    document["members"]["organizations"] = [
        {"id": member_id} | draw(section(member_fields, ids)) for member_id in ids]
    return document


@pytest.fixture(scope="module")
def fast_folder() -> Iterator[Path]:
    """A folder in memory where there is one: hundreds of districts with full sync on a disk
    would take minutes."""
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    with tempfile.TemporaryDirectory(dir=base) as folder:
        yield Path(folder)


@settings(max_examples=DOCUMENTS, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(document=documents())
def test_every_document_goes_through_every_door(fast_folder, document):
    validate(document)
    district = from_document(document, fast_folder / f"{next(counter)}.des")
    try:
        once = to_document(district)
    finally:
        district.close()
    validate(once)  # to-json writes what its own schema allows
    again = from_document(once, fast_folder / f"{next(counter)}.des")
    try:
        assert to_document(again) == once  # to-json / from-json / to-json is stable
    finally:
        again.close()
    findings(once)
    for lang in ("it", "en"):
        calendar_text(once, lang)
        pdf = export_agreement(once, lang, fast_folder / f"{next(counter)}-{lang}.pdf")
        assert pdf.read_bytes().startswith(b"%PDF")
    report = export_report(once, "it", fast_folder / f"{next(counter)}-report.pdf")
    assert report.read_bytes().startswith(b"%PDF")
