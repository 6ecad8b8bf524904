"""Synthetic districts for the benchmarks: the example grown to any number of members.

Every member gets its own id, name, tax code and contact persons; the assembly, the objectives,
the roles and the supply chain name members across the whole list, so that every list that
shows member names has real work to do.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from stdnum import luhn

from desktop.core.document import from_document
from desktop.core.example import example_document


def _person(person: dict[str, Any], number: int) -> dict[str, Any]:
    name = str(person.get("name", "") or "Anna")
    surname = str(person.get("surname", "") or "Rossi")
    return {"name": name, "surname": f"{surname} {number}",
            "email": f"{name.lower()}.{number}@example.org",
            "phone": f"+39 000 {number:07d}"}


def _vat_number(number: int) -> str:
    """A VAT number of Trento's office that passes its check digit, one per member: codes that
    fail would add a blocking finding per member to the check, the Review and the draft."""
    base = f"{number:07d}022"
    return base + luhn.calc_check_digit(base)


def _member(base: dict[str, Any], number: int) -> dict[str, Any]:
    member = copy.deepcopy(base)
    code = _vat_number(number)
    member.update(id=number, name=f"{base['name']} {number}", tax_code=code,
                  vat_number=code if base.get("vat_number") else "")
    for role in ("contact_person", "substitute"):
        member[role] = _person(base.get(role) or {}, number)
    return member


def document_with(members: int) -> dict[str, Any]:
    """The example district with ``members`` members (ids 1…members) and references to them."""
    document = example_document()
    base = document["members"]["organizations"]
    document["members"]["organizations"] = [
        _member(base[index % len(base)], index + 1) for index in range(members)]
    everyone = list(range(1, members + 1))
    for body in document["governance"]["bodies"]:
        if body.get("kind") == "assembly":
            body["members"] = everyone
    objectives = document["objectives"]["objectives"]
    for number, objective in enumerate(objectives):
        # each objective involves its own slice of the members, with a role each
        chosen = everyone[number::len(objectives)][:50]
        objective["members_roles"] = [{"member": member, "role": f"role {member}"}
                                      for member in chosen]
    for number, actor in enumerate(document["supply_chain"]["chain"]):
        actor["member"] = everyone[(number * 37) % members]
    return document


def write_district(members: int, target: Path) -> Path:
    from_document(document_with(members), target).close()
    return target
