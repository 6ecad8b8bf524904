"""The example district shipped with the program: DES Fiemme e Fassa.

Names of the member organizations and the district's aims are public facts. Everything else
(addresses, tax codes, people, dates) is invented, plainly marked "(esempio)", on example.org,
and with phone numbers that cannot exist, so that nothing can be taken for real data.
"""

from __future__ import annotations

import copy
import os
from typing import Any

from stdnum import luhn

from desktop.core.district_file import DistrictFile
from desktop.core.document import FORMAT, FORMAT_VERSION, from_document
from i18n import translator
from wizard_steps.reporting import starting_indicators

EXAMPLE_MARK = "(esempio)"


def _person(number: int, name: str, surname: str) -> dict[str, str]:
    return {
        "name": name,
        "surname": f"{surname} {EXAMPLE_MARK}",
        "email": f"{name.lower()}.{surname.lower()}@example.org",
        "phone": f"+39 000 000 {number:04d}",
    }


def _example_code(number: int) -> str:
    base = f"00000{number:02d}022"
    return base + luhn.calc_check_digit(base)


SIGNING_ACTS = {"public_body": "deliberazione della giunta",
                "social_cooperative": "delibera del consiglio di amministrazione",
                "cooperative": "delibera del consiglio di amministrazione"}


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
    commitment: str = "",
    staff: tuple[int, int] = (1, 8),
) -> dict[str, Any]:
    representative, contact, substitute = people
    return {
        "id": number,
        "name": name,
        "legal_form": legal_form,
        "nature": nature,
        "registered_sea": registered,
        # Invented codes with right check digits (office 022, Trento), as the agreement needs.
        "tax_code": _example_code(number),
        "vat_number": "" if legal_form == "public_body" else _example_code(number),
        "cooperative_register": (f"A{number:06d}" if legal_form.endswith("cooperative")
                                 else ""),
        "registered_office": f"Via dell'Esempio {number}, {town} {EXAMPLE_MARK}",
        "legal_representative": f"{representative[0]} {representative[1]} {EXAMPLE_MARK}",
        "legal_representative_role": role,
        "signing_authority": SIGNING_ACTS.get(legal_form, ""),
        "signing_act_number": str(10 + number) if legal_form in SIGNING_ACTS else "",
        "signing_act_date": f"2027-02-{10 + number}" if legal_form in SIGNING_ACTS else "",
        "stages": stages,
        "commitment": commitment,
        "staff_people": staff[0],
        "staff_hours_month": staff[1],
        "contact_person": _person(number * 2 - 1, *contact),
        "substitute": _person(number * 2, *substitute),
    }


MEMBERS = [
    _member(1, "Comun General de Fascia", "public_body", "public", False, "Sèn Jan di Fassa",
            "Procurador", ["financing", "consumption"],
            (("Laura", "Bernard"), ("Paolo", "Rizzi"), ("Giulia", "Pellegrin")),
            "Segnala i bisogni del territorio, attiva i servizi sociali e cura la "
            "rappresentanza esterna del distretto.", (2, 12)),
    _member(2, "Comunità Territoriale di Fiemme", "public_body", "public", False, "Cavalese",
            "Presidente", ["financing", "consumption"],
            (("Marco", "Zanon"), ("Anna", "Vinante"), ("Luca", "Gilmozzi")),
            "Coordina il distretto, mette a disposizione una sede per le riunioni e attiva i "
            "servizi sociali.", (2, 20)),
    _member(3, "Coop sociale Le Rais", "social_cooperative", "private_non_profit", True,
            "Moena", "Presidente", ["production"],
            (("Chiara", "Dellantonio"), ("Sara", "Lorenz"), ("Davide", "Chiocchetti")),
            "Progetta e gestisce percorsi propedeutici al lavoro.", (2, 16)),
    _member(4, "Cooperativa Oltre", "social_cooperative", "private_non_profit", True,
            "Cavalese", "Presidente", ["production", "distribution"],
            (("Stefano", "Volcan"), ("Elena", "Varesco"), ("Matteo", "Bonelli")),
            "Gestisce la formazione e la facilitazione della rete.", (2, 16)),
    _member(5, "Cooperativa Progetto 92", "social_cooperative", "private_non_profit", True,
            "Predazzo", "Presidente", ["production"],
            (("Francesca", "Felicetti"), ("Giorgio", "Deflorian"), ("Marta", "Longo")),
            "Accompagna le persone durante i tirocini in azienda e cura la comunicazione "
            "interna.", (1, 10)),
    _member(6, "Cooperativa Terre Altre", "social_cooperative", "private_non_profit", False,
            "Tesero", "Presidente", ["production", "distribution"],
            (("Andrea", "Vanzo"), ("Silvia", "Guadagnini"), ("Roberto", "Sartori")),
            "Avvia nuove attività produttive con persone in percorso di inserimento.", (1, 10)),
    _member(7, "Famiglia Cooperativa Fiemme", "cooperative", "private_for_profit", False,
            "Cavalese", "Presidente", ["distribution", "consumption"],
            (("Paola", "Jellici"), ("Franco", "Cemin"), ("Irene", "Ventura")),
            "Vende nei propri punti vendita i prodotti delle cooperative del distretto.", (1, 6)),
    _member(8, "Fiemme 3000", "limited_company", "private_for_profit", False, "Ziano di Fiemme",
            "Amministratore unico", ["production"],
            (("Lorenzo", "Corradini"), ("Valentina", "Braito"), ("Nicola", "Demattio")),
            "Accoglie tirocini in azienda (dato di esempio).", (1, 4)),
    _member(9, "Pastificio Felicetti", "limited_company", "private_for_profit", False,
            "Predazzo", "Amministratore delegato", ["production", "distribution"],
            (("Federico", "Morandini"), ("Elisa", "Bosin"), ("Simone", "Vaia")),
            "Accoglie tirocini e valuta assunzioni al termine dei percorsi.", (1, 6)),
    _member(10, "Cassa Rurale di Fiemme", "cooperative", "private_for_profit", False,
            "Cavalese", "Presidente", ["financing"],
            (("Giovanni", "Delvai"), ("Cristina", "Piazzi"), ("Tommaso", "Ceol")),
            "Cura la gestione finanziaria del distretto e offre credito agevolato alle nuove "
            "attività.", (1, 8)),
]


# Ids of the members above, for the steps that refer to them.
FASCIA, FIEMME, LE_RAIS, OLTRE, PROGETTO_92, TERRE_ALTRE, FAMCOOP, FIEMME_3000, FELICETTI, CASSA = (
    range(1, 11))


def _objectives() -> dict[str, Any]:
    return {
        "overview": (
            "Il distretto mette in rete i servizi delle valli di Fiemme e di Fassa per creare una "
            "filiera che accompagni le persone in un periodo di fragilità dalla vulnerabilità al "
            "lavoro nelle aziende del territorio, con percorsi adatti a ogni livello di capacità "
            "lavorativa."),
        "mission": (
            "Costruire un ponte stabile tra i percorsi propedeutici al lavoro e l'inserimento "
            "lavorativo nelle aziende locali, e rafforzare l'impresa sociale perché le "
            "cooperative che offrono questi servizi abbiano attività economicamente sostenibili."),
        "needs": (
            "Nelle valli mancano percorsi continui tra la presa in carico delle persone fragili "
            "e il lavoro in azienda; le cooperative sociali cercano attività stabili e le imprese "
            "chiedono accompagnamento per accogliere tirocinanti."),
        "objectives": [
            {
                "title": "Inserimento lavorativo in aziende del territorio",
                "tools_method": (
                    "Percorsi propedeutici al lavoro seguiti da tirocini in azienda, con un tutor "
                    "della cooperativa accanto alla persona e un referente in azienda."),
                "members_roles": [
                    {"member": FIEMME, "role": "individua le persone e attiva i servizi sociali"},
                    {"member": FASCIA, "role": "individua le persone in val di Fassa"},
                    {"member": OLTRE, "role": "gestisce i percorsi propedeutici"},
                    {"member": PROGETTO_92, "role": "accompagna i tirocini"},
                    {"member": FELICETTI, "role": "accoglie i tirocini e valuta l'assunzione"},
                ],
                "result": "persone in condizione di fragilità assunte da aziende delle valli",
                "target_quantity": 6,
                "target_unit": "assunzioni",
                "deadline": "2029-12-31",
                "checked_by": "Tavolo tecnico",
            },
            {
                "title": "Nuove attività sostenibili delle cooperative sociali",
                "tools_method": (
                    "Piccole produzioni alimentari e servizi di manutenzione del verde avviati "
                    "dalle cooperative, venduti nei punti vendita della Famiglia Cooperativa."),
                "members_roles": [
                    {"member": LE_RAIS, "role": "produce"},
                    {"member": TERRE_ALTRE, "role": "produce e confeziona"},
                    {"member": FAMCOOP, "role": "vende nei propri negozi"},
                    {"member": CASSA, "role": "offre credito agevolato"},
                ],
                "result": "nuove attività in pareggio economico",
                "target_quantity": 2,
                "target_unit": "attività",
                "deadline": "2028-12-31",
                "checked_by": "Tavolo di regia",
            },
        ],
    }


def _meeting(date: str, place: str, agenda: str) -> dict[str, str]:
    return {"date": date, "time": "18:00", "place": place, "agenda": agenda}


def _governance() -> dict[str, Any]:
    everyone = list(range(1, 11))
    return {
        "bodies": [
            {"kind": "assembly", "name": "Assemblea dei membri", "members": everyone,
             "functions": (
                 "Condivide e struttura i progetti e il programma annuale delle attività, "
                 "definisce i ruoli, fissa obiettivi e scadenze, verifica l'avanzamento."),
             "decision_method": "consensus",
             "quorum": "Se manca il consenso decide a maggioranza semplice; è valida con la "
                       "metà più uno dei membri."},
            {"kind": "steering_table", "name": "Tavolo di regia",
             "members": [FASCIA, FIEMME, OLTRE, FAMCOOP, CASSA],
             "functions": "Indirizzo strategico; raccordo tra ente pubblico, terzo settore e "
                          "imprese.",
             "decision_method": "consensus", "quorum": ""},
            {"kind": "technical_table", "name": "Tavolo tecnico",
             "members": [LE_RAIS, OLTRE, PROGETTO_92, TERRE_ALTRE, FELICETTI],
             "functions": "Progetta e segue i percorsi di inserimento lavorativo.",
             "decision_method": "simple_majority", "quorum": ""},
        ],
        "representation": (
            "Ogni membro è rappresentato in assemblea dal proprio referente o dal sostituto e "
            "ha un voto, qualunque sia la sua dimensione."),
        "assembly_every_months": 6,
        "meetings": [
            _meeting("2027-04-20", "Cavalese, sede della Comunità Territoriale",
                     "Avvio e programma annuale"),
            _meeting("2027-09-14", "Sèn Jan di Fassa", "Verifica intermedia"),
            _meeting("2028-01-18", "Predazzo", "Bilancio del primo anno"),
        ],
        "open_to_citizens": True,
        "exclusion_absences": 3,
        "withdrawal_notice_months": 3,
        "roles": [
            {"role": "coordination", "role_name": "", "member": FIEMME,
             "person": f"Anna Vinante {EXAMPLE_MARK}"},
            {"role": "network_facilitation", "role_name": "", "member": OLTRE, "person": ""},
            {"role": "financial_management", "role_name": "", "member": CASSA, "person": ""},
            {"role": "internal_communication", "role_name": "", "member": PROGETTO_92,
             "person": ""},
            {"role": "external_communication", "role_name": "", "member": FASCIA,
             "person": f"Paolo Rizzi {EXAMPLE_MARK}"},
        ],
        "monitoring_tools": (
            "Verbali condivisi di ogni incontro, una nota trimestrale sull'avanzamento degli "
            "obiettivi, una cartella condivisa e una lista di posta tra i referenti."),
    }


def _key_figures() -> dict[str, Any]:
    coordinator = _person(3, "Anna", "Vinante") | {"member": FIEMME}
    external = _person(1, "Paolo", "Rizzi") | {"member": FASCIA}
    return {
        "coordinator": coordinator,
        "same_person": False,
        "external_contact": external,
        "term_years": 4,
        "coordinator_skills": ["leadership_management", "relational_communication"],
        "external_skills": ["strategy_representation", "relational_communication", "mediation"],
    }


def _actor(stage: str, member: int | None, activity: str, partner: str = "") -> dict[str, Any]:
    return {"stage": stage, "member": member, "partner": partner, "activity": activity}


def _supply_chain() -> dict[str, Any]:
    return {
        "chain": [
            _actor("financing", CASSA, "credito agevolato alle nuove attività"),
            _actor("financing", FIEMME, "cofinanzia i percorsi di inserimento"),
            _actor("financing", None, "contributo del bando Welfare Km zero",
                   partner="Fondazione Caritro"),
            _actor("production", OLTRE, "percorsi propedeutici al lavoro"),
            _actor("production", TERRE_ALTRE, "piccole produzioni alimentari"),
            _actor("production", FELICETTI, "tirocini e assunzioni in azienda"),
            _actor("distribution", FAMCOOP, "vendita dei prodotti delle cooperative"),
            _actor("consumption", FAMCOOP, "i soci consumatori acquistano i prodotti"),
            _actor("consumption", FASCIA, "acquisti pubblici responsabili di servizi"),
        ],
        "products": (
            "Percorsi di inserimento lavorativo; prodotti alimentari e servizi di manutenzione "
            "del verde realizzati dalle cooperative sociali con persone in inserimento."),
        "economic_model": (
            "I percorsi sono finanziati da enti pubblici e fondazioni nella fase di avvio; le "
            "attività produttive delle cooperative si sostengono con le vendite."),
        "member_support": "Consulenza della Cassa Rurale sui piani economici delle attività.",
        "alliances": (
            "Accordi tra cooperative sociali e aziende per i tirocini; la Famiglia Cooperativa "
            "riserva uno spazio ai prodotti del distretto."),
        "target_needs": (
            "Persone in periodo di fragilità e le loro famiglie; aziende delle valli che cercano "
            "personale; consumatori attenti ai prodotti locali."),
        "communication_marketing": (
            "Un marchio comune sui prodotti, serate pubbliche, pagine sui siti dei membri."),
        "sales_channels": "Punti vendita della Famiglia Cooperativa, mercati locali, eventi.",
        "sustainability": (
            "Produzioni locali a filiera corta, lavoro dignitoso per persone fragili, attività "
            "che devono raggiungere il pareggio entro tre anni."),
    }


def _local_roots() -> dict[str, Any]:
    return {
        "territory_analysis": (
            "Valli a forte vocazione turistica, con lavoro stagionale e poche occasioni "
            "stabili per le persone fragili; un tessuto cooperativo radicato e comunità attive."),
        "relationships": [
            {"kind": "institutions", "name": "Comuni delle valli di Fiemme e di Fassa",
             "how": "incontri con le amministrazioni"},
            {"kind": "businesses", "name": "Imprese artigiane e turistiche delle valli",
             "how": "presentazione dei percorsi di tirocinio"},
            {"kind": "non_profits", "name": "Associazioni di volontariato locali",
             "how": "progetti comuni di accoglienza"},
            {"kind": "citizens", "name": "Cittadini e famiglie",
             "how": "serate pubbliche e spazi di ascolto"},
        ],
        "local_activities": [
            {"title": "Festa del distretto", "description": "Mercato dei prodotti delle "
             "cooperative e racconto dei percorsi.", "date": "2027-06-12"},
        ],
        "animation": [
            {"kind": "meeting", "title": "Presentazione pubblica del distretto",
             "date": "2027-05-08", "place": "Cavalese"},
            {"kind": "workshop", "title": "Laboratorio con le imprese", "date": "2027-10-05",
             "place": "Predazzo"},
            {"kind": "listening_space", "title": "Spazio di ascolto per le famiglie",
             "date": "2027-11-20", "place": "Sèn Jan di Fassa"},
        ],
        "training": (
            "Formazione dei referenti sull'economia solidale; formazione dei tutor aziendali "
            "che accolgono i tirocini."),
    }


def _links() -> dict[str, Any]:
    return {
        "centre_keeper": f"Il referente esterno, Paolo Rizzi {EXAMPLE_MARK}",
        "exchanges": [
            {"district": f"Un distretto tematico sull'agricoltura sociale {EXAMPLE_MARK}",
             "exchange": "Incontro sulle pratiche di inserimento lavorativo",
             "date": "2027-10-20"},
        ],
        "brand": "both",
    }


def _clauses() -> dict[str, Any]:
    return {
        "clauses": [
            {"title_it": "Uso del marchio del distretto",
             "text_it": ("I membri possono usare il marchio del distretto sui prodotti e servizi "
                         "realizzati nell'ambito dei progetti comuni, secondo le regole "
                         "approvate dall'assemblea."),
             "title_en": "Use of the district's brand",
             "text_en": ("Members may use the district's brand on the goods and services made "
                         "within the common projects, under the rules approved by the "
                         "assembly.")},
        ],
    }


def _money(euros: int) -> int:
    return euros * 100


# The member that applies for and receives each source (a district cannot receive a grant).
RECEIVING_MEMBERS = {"Fondazione Caritro, bando Welfare Km zero": OLTRE,
                     "Provincia autonoma di Trento": FIEMME,
                     "Consiglio delle autonomie locali": FASCIA}


def _source(source: str, kind: str, public: bool, euros: int, first: int, last: int,
            status: str = "secured") -> dict[str, Any]:
    return {"source": source, "kind": kind, "public_private": "public" if public else "private",
            "amount_per_year": _money(euros), "first_year": first, "last_year": last,
            "status": status, "receiving_member": RECEIVING_MEMBERS.get(source, CASSA)}


def _by_year(*euros: int) -> dict[str, int]:
    return {str(2027 + index): _money(value) for index, value in enumerate(euros) if value}


def _financial_plan() -> dict[str, Any]:
    return {
        "no_initial_investment": False,
        "investments": [
            {"item": "Avvio del distretto: incontri, segreteria, sito web",
             "category": "startup", "amount": _money(8000), "year": 2027},
            {"item": "Attrezzature per il laboratorio alimentare", "category": "equipment",
             "amount": _money(10000), "year": 2027},
            {"item": "Campagna di comunicazione e marchio comune", "category": "promotion",
             "amount": _money(4000), "year": 2027},
        ],
        "funding_sources": [
            _source("Fondazione Caritro, bando Welfare Km zero", "private_funds", False,
                    25000, 2027, 2028),
            _source("Provincia autonoma di Trento", "public_funds", True, 15000, 2027, 2029),
            _source("Consiglio delle autonomie locali", "local_authorities", True, 5000, 2027,
                    2028, "expected"),
            _source("Fondazione Demarchi", "private_funds", False, 3000, 2027, 2027),
            _source("Cassa Rurale di Fiemme, contributo del membro", "member_contributions",
                    False, 5000, 2027, 2029),
        ],
        "has_fee": True,
        "fee_amount": _money(300),
        "fee_public": None,
        "fee_for_profit": _money(500),
        "fee_non_profit": _money(200),
        "forecast_years": 4,
        "forecasts": {
            "income": {"sales": _by_year(10000, 25000, 40000, 45000),
                       "other_income": _by_year(0, 2000, 0, 0)},
            "expenses": {"staff": _by_year(24000, 30000, 30000, 28000),
                         "activities": _by_year(12000, 35000, 22000, 12000),
                         "communication": _by_year(3000, 3000, 3000, 3000),
                         "training": _by_year(3000, 3000, 2000, 2000),
                         "running": _by_year(2400, 2500, 2500, 2500)},
        },
        "sustainability_analysis": (
            "Nei primi due anni il distretto si regge soprattutto su fondazioni ed enti "
            "pubblici; dal terzo anno le vendite delle attività avviate dalle cooperative e le "
            "quote dei membri coprono la maggior parte dei costi. Gli avanzi sono reinvestiti "
            "in nuovi percorsi di inserimento."),
        "feasibility": (
            "Il piano mostra un pareggio nel primo anno e avanzi nei successivi, con una quota "
            "di finanziamento pubblico in calo: una durata di quattro anni permette di "
            "consolidare le attività prima della fine dei contributi."),
    }


def _reporting() -> dict[str, Any]:
    indicators = starting_indicators(translator("it").gettext)
    indicators[0].update(responsible="Tavolo tecnico", target="6 assunzioni entro il 2029")
    indicators[2].update(responsible="Cassa Rurale di Fiemme")
    return {
        "indicators": indicators,
        "report_by": "Il coordinatore interno con il Tavolo di regia",
        "report_when": "Entro il 30 aprile di ogni anno",
        "report_where": "Sui siti dei membri e alla Festa del distretto",
        "strengths": "Rete già attiva tra servizi sociali e cooperative\nUna banca locale tra "
                     "i membri",
        "weaknesses": "Poche ore dedicate dalle imprese\nDipendenza iniziale dai contributi",
        "opportunities": "Domanda di personale nel turismo\nBandi per il welfare di comunità",
        "threats": "Lavoro stagionale\nFine dei contributi dopo il secondo anno",
    }


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
            "signature_method": "qualified_electronic",
            "court": "Trento",
        },
        "members": {"organizations": copy.deepcopy(MEMBERS)},
        "objectives": _objectives(),
        "governance": _governance(),
        "key_figures": _key_figures(),
        "supply_chain": _supply_chain(),
        "financial_plan": _financial_plan(),
        "reporting": _reporting(),
        "local_roots": _local_roots(),
        "links": _links(),
        "clauses": _clauses(),
    }


def write_example(path: str | os.PathLike[str]) -> DistrictFile:
    return from_document(example_document(), path)
