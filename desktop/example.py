"""The example district shipped with the program: DES Fiemme e Fassa.

Names of the member organizations and the district's aims are public facts. Everything else
(addresses, tax codes, people, dates) is invented, plainly marked "(esempio)", on example.org,
and with phone numbers that cannot exist, so that nothing can be taken for real data.
"""

from __future__ import annotations

import copy
import os
from typing import Any

from desktop.document import FORMAT, FORMAT_VERSION, from_document
from desktop.store import DistrictFile

EXAMPLE_MARK = "(esempio)"


def _person(number: int, name: str, surname: str) -> dict[str, str]:
    return {
        "name": name,
        "surname": f"{surname} {EXAMPLE_MARK}",
        "email": f"{name.lower()}.{surname.lower()}@example.org",
        "phone": f"+39 000 000 {number:04d}",
    }


def _member(
    number: int,
    name: str,
    legal_form: str,
    nature: str,
    registered: bool,
    town: str,
    role: str,
    stages: list[str],
    people: tuple[tuple[str, str], tuple[str, str], tuple[str, str]],
) -> dict[str, Any]:
    representative, contact, substitute = people
    return {
        "name": name,
        "legal_form": legal_form,
        "nature": nature,
        "registered_sea": registered,
        "tax_code": f"000000000{number:02d} {EXAMPLE_MARK}",
        "registered_office": f"Via dell'Esempio {number}, {town} {EXAMPLE_MARK}",
        "legal_representative": f"{representative[0]} {representative[1]} {EXAMPLE_MARK}",
        "legal_representative_role": role,
        "signing_authority": "",
        "stages": stages,
        "contact_person": _person(number * 2 - 1, *contact),
        "substitute": _person(number * 2, *substitute),
    }


MEMBERS = [
    _member(1, "Comun General de Fascia", "public_body", "public", False, "Sèn Jan di Fassa",
            "Procurador", ["financing", "consumption"],
            (("Laura", "Bernard"), ("Paolo", "Rizzi"), ("Giulia", "Pellegrin"))),
    _member(2, "Comunità Territoriale di Fiemme", "public_body", "public", False, "Cavalese",
            "Presidente", ["financing", "consumption"],
            (("Marco", "Zanon"), ("Anna", "Vinante"), ("Luca", "Gilmozzi"))),
    _member(3, "Coop sociale Le Rais", "social_cooperative", "private_non_profit", True,
            "Moena", "Presidente", ["production"],
            (("Chiara", "Dellantonio"), ("Sara", "Lorenz"), ("Davide", "Chiocchetti"))),
    _member(4, "Cooperativa Oltre", "social_cooperative", "private_non_profit", True,
            "Cavalese", "Presidente", ["production", "distribution"],
            (("Stefano", "Volcan"), ("Elena", "Varesco"), ("Matteo", "Bonelli"))),
    _member(5, "Cooperativa Progetto 92", "social_cooperative", "private_non_profit", True,
            "Predazzo", "Presidente", ["production"],
            (("Francesca", "Felicetti"), ("Giorgio", "Deflorian"), ("Marta", "Longo"))),
    _member(6, "Cooperativa Terre Altre", "social_cooperative", "private_non_profit", False,
            "Tesero", "Presidente", ["production", "distribution"],
            (("Andrea", "Vanzo"), ("Silvia", "Guadagnini"), ("Roberto", "Sartori"))),
    _member(7, "Famiglia Cooperativa Fiemme", "cooperative", "private_for_profit", False,
            "Cavalese", "Presidente", ["distribution", "consumption"],
            (("Paola", "Jellici"), ("Franco", "Cemin"), ("Irene", "Ventura"))),
    _member(8, "Fiemme 3000", "limited_company", "private_for_profit", False, "Ziano di Fiemme",
            "Amministratore unico", ["production"],
            (("Lorenzo", "Corradini"), ("Valentina", "Braito"), ("Nicola", "Demattio"))),
    _member(9, "Pastificio Felicetti", "limited_company", "private_for_profit", False,
            "Predazzo", "Amministratore delegato", ["production", "distribution"],
            (("Federico", "Morandini"), ("Elisa", "Bosin"), ("Simone", "Vaia"))),
    _member(10, "Cassa Rurale di Fiemme", "cooperative", "private_for_profit", False,
            "Cavalese", "Presidente", ["financing"],
            (("Giovanni", "Delvai"), ("Cristina", "Piazzi"), ("Tommaso", "Ceol"))),
]


def example_document() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "district": {
            "name": "Distretto dell'Economia Solidale di Fiemme e Fassa",
            "district_type": "territorial",
            "territory": "Valli di Fiemme e di Fassa (Trentino)",
            "sector": "",
            "seat": f"c/o Comunità Territoriale di Fiemme, Cavalese {EXAMPLE_MARK}",
            "signing_place": "Cavalese",
            "signing_date": "2027-03-15",
            "duration_years": 4,
        },
        "members": {"organizations": copy.deepcopy(MEMBERS)},
    }


def write_example(path: str | os.PathLike[str]) -> DistrictFile:
    return from_document(example_document(), path)
