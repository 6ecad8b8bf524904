"""Tests of the Qt-free core: no qtbot here."""
