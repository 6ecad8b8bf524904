"""A page saves an answer and shows or hides the fields that depend on it from the value just
saved; what another part of the window wrote in the meantime is read again, never missed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def district_page(window):
    window.wizard.steps.setCurrentRow(0)
    QApplication.processEvents()
    return window.wizard.page_list[0]


def shown(page, key: str) -> bool:
    return page.form.editors[key].isVisibleTo(page)


def test_fields_follow_the_value_just_saved(window):
    page = district_page(window)
    district = window.district
    page._save("district_type", "thematic")
    assert shown(page, "sector")
    assert not shown(page, "territory")
    page._save("district_type", "territorial")
    assert shown(page, "territory")
    assert not shown(page, "sector")
    assert district.answer("district_type") == "territorial"
    assert window.save_label.saved_at is not None  # said saved once committed


def test_a_write_from_elsewhere_is_not_missed(window):
    page = district_page(window)
    page._save("district_type", "territorial")
    window.district.set_answer("district_type", "thematic")  # not through this page
    page._save("name", "Distretto del Primiero")
    assert shown(page, "sector")
    assert not shown(page, "territory")
    assert window.windowTitle().startswith("Distretto del Primiero")
