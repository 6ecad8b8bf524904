"""DES Wizard: the establishment of a Solidarity Economy District, step by step."""

__version__ = "0.1.0"
