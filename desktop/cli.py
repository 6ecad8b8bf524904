"""The one entry point, ``des-wizard``: the window, or a command for scripts and batch work.

Each command imports what it needs when it runs (deferred on purpose, in every ``cmd_``
function): ``--version``, ``--help`` and an argument error answer at once, the commands never
load Qt, and the window loads Qt only when it opens.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from desktop import __version__
from desktop.cli_cards import add_card_commands
from desktop.core import settings
from desktop.core.errors import DocumentError, UserError
from desktop.core.log_file import log, log_unexpected, setup_logging
from i18n import (
    LANGUAGES,
    N_,
    _,
    current_language,
    language_from_environment,
    set_language,
    translator,
)
from i18n.argparse_messages import translate_argparse


def _stderr_line(text: str) -> None:
    # The windowed Windows build has no console: sys.stderr is None there.
    if sys.stderr is not None:
        sys.stderr.write(text + "\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, starting "error:", as for every other failure of the command line.
        _stderr_line(f"error: {message} (des-wizard --help)")
        raise SystemExit(2)


def _open(path: str):
    """Commands only read a district: opened read-only, they never write to it (nor take its
    lock), even while a window edits it."""
    from desktop.core.district_file import DistrictFile

    return DistrictFile.open(path, read_only=True)


def _writable_target(path: str, overwrite: bool = True) -> Path:
    target = Path(path)
    if not target.parent.resolve().is_dir():
        raise UserError(N_("The folder {path} does not exist."), path=target.parent)
    if target.is_dir():
        raise UserError(N_("{path} is a folder, not a file."), path=target)
    if not overwrite and target.exists():
        raise UserError(N_("The file {path} already exists."), path=target)
    return target


def _output(args: argparse.Namespace) -> Path:
    """The ``-o`` of a command that reads ``args.file``: never the input, never a district,
    an existing file only with ``--force``."""
    from desktop.core.outputs import check_output

    return check_output(args.output, protected=[args.file], replace=args.force)


def _document(path: str) -> dict:
    from desktop.core.document import to_document

    district = _open(path)
    try:
        return to_document(district)
    finally:
        district.close()


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.core.district_file.lock import held
    from desktop.core.example import write_example

    target = _writable_target(args.out, overwrite=False)
    with held(target):  # a window creating the same district at this moment wins
        write_example(target, args.lang).close()
    print(_("Example district written to {path}").format(path=target))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.core.agreement import export_agreement
    from desktop.core.agreement.glyphs import missing_characters
    from desktop.core.agreement.organisation import missing_clause_languages

    target = _output(args)
    document = _document(args.file)
    export_agreement(document, args.lang, target)
    print(_("Agreement written to {path}").format(path=target))
    for title in missing_clause_languages(document, args.lang):
        _stderr_line("warning: " + _("the additional article “{title}” has no text in this "
                                     "language; it is printed in the other one.")
                     .format(title=title))
    for where, characters in missing_characters(document, args.lang):
        _stderr_line("warning: " + _("{where}: the font of the PDF cannot draw "
                                     "“{characters}”; they print as empty boxes.")
                     .format(where=where, characters=characters))
    return 0


def _signed_year(document: dict, year: int) -> int:
    """``year`` when it is one of the district's years after signing, else a clear refusal."""
    from desktop.core.years.signed import district_years, signed_on

    if signed_on(document) is None:
        raise UserError(N_("The agreement of this district is not marked as signed: give the "
                           "date it was signed on before recording its years."))
    years = district_years(document)
    if year not in years:
        raise UserError(N_("{year} is not one of the district's years: from {first} to "
                           "{last}."), year=year, first=years[0], last=years[-1])
    return year


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 0 when no blocking rule fails, 1 when some does (2 is for errors)."""
    from desktop.core.assembly.progress import review_findings
    from desktop.core.readiness import LEVEL_NAMES, Level, is_acknowledged

    gettext = translator(args.lang).gettext if args.lang else _
    document = _document(args.file)
    if args.year is not None:
        from desktop.core.years.monitoring import monitoring_findings

        found = monitoring_findings(document, _signed_year(document, args.year))
    else:
        found = review_findings(document)  # the way to signing too: hints and warnings only
    blocking = sum(1 for f in found if f.level is Level.BLOCKING)
    if args.json:
        sys.stdout.write(json.dumps([
            {"id": f.rule, "level": f.level.key, "step": f.step, "row": f.row,
             "message": f.text(gettext), "acknowledged": is_acknowledged(f, document)}
            for f in found],
            ensure_ascii=False, indent=2) + "\n")
    else:
        from wizard_steps import STEPS
        from wizard_steps.years import AFTER_SIGNING, YEAR

        titles = {s.key: s.title for s in (*STEPS, AFTER_SIGNING, YEAR)}
        for finding in found:
            accepted = " " + gettext("(accepted)") if is_acknowledged(finding, document) else ""
            title = gettext(titles[finding.step])
            print(f"{finding.rule} · {title} [{gettext(LEVEL_NAMES[finding.level])}]{accepted} "
                  f"{finding.text(gettext)}")
        if args.year is not None and not blocking:
            print(gettext("{year}: no monitoring rule blocks").format(year=args.year))
            return 0
        print(gettext("Ready to sign") if not blocking else translator(
            args.lang or current_language()).ngettext(
            "{count} problem blocks the final agreement",
            "{count} problems block the final agreement", blocking).format(count=blocking))
    return 1 if blocking else 0


def cmd_report(args: argparse.Namespace) -> int:
    from desktop.core.readiness_report import export_report

    target = _output(args)
    export_report(_document(args.file), args.lang, target)
    print(_("Readiness report written to {path}").format(path=target))
    return 0


def cmd_annual_report(args: argparse.Namespace) -> int:
    from desktop.core.years.annual_report import export_annual_report

    target = _output(args)
    document = _document(args.file)
    export_annual_report(document, _signed_year(document, args.year), args.lang, target,
                         public=args.public)
    print((_("Annual report for publication written to {path}") if args.public else
           _("Annual report written to {path}")).format(path=target))
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from desktop.core.calendar_export import (
        for_year,
        meeting_count,
        with_meeting_ids,
        write_calendar,
    )
    from desktop.core.document import to_document

    target = _output(args)
    district = _open(args.file)
    try:  # the meetings' row ids give the events their UIDs
        document = with_meeting_ids(to_document(district),
                                    [row["id"] for row in district.rows("meetings")])
    finally:
        district.close()
    if args.year is not None:
        from desktop.core.years.timeline import planned_meetings

        document = for_year(document, planned_meetings(document, args.year))
        if not meeting_count(document):
            raise UserError(N_("No assembly is planned for {year}."), year=args.year)
    if not meeting_count(document):
        raise UserError(N_("The assembly calendar has no meeting with a date yet."))
    write_calendar(document, args.lang, target)
    print(_("Calendar written to {path}").format(path=target))
    return 0


def cmd_signatures(args: argparse.Namespace) -> int:
    """Exit 0 when every party has signed, 1 while some has not (2 is for errors)."""
    from desktop.core.signing.command import run_signatures

    return run_signatures(args.file, args.signed, args.export_for_signature, args.lang,
                          args.force, args.trust)


def cmd_assembly(args: argparse.Namespace) -> int:
    from desktop.core.assembly.documents import export_assembly

    written = export_assembly(_document(args.file), args.lang, args.output)
    print(_("{count} founding-assembly documents written to {path}").format(
        count=len(written), path=args.output))
    return 0


def cmd_to_json(args: argparse.Namespace) -> int:
    from desktop.core.document import write_json

    target = _output(args) if args.output else None
    document = _document(args.file)
    if target is not None:
        write_json(document, target)
    else:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return 0


def cmd_from_json(args: argparse.Namespace) -> int:
    from desktop.core.district_file.lock import held
    from desktop.core.document import from_document, load_json

    target = _writable_target(args.out, overwrite=False)
    document = load_json(args.input)
    with held(target):
        from_document(document, target).close()
    print(_("District written to {path}").format(path=target))
    return 0


def cmd_desktop_entry(_args: argparse.Namespace) -> int:
    from desktop.core.desktop_integration import install_desktop_entry

    for path in install_desktop_entry():
        print(path)
    return 0


def cmd_schema(_args: argparse.Namespace) -> int:
    from desktop.core.document import schema

    sys.stdout.write(json.dumps(schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


BROKEN_PIPE_STATUS = 128 + 13  # as a shell reports a program ended by SIGPIPE
FORCE_HELP = N_("replace the output file if it exists (never a district file)")


def _command_parser() -> _Parser:
    parser = _Parser(prog="des-wizard", description=_(
        "DES Wizard: found a Solidarity Economy District step by step."))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    demo = sub.add_parser("demo", help=_("write the example district"))
    demo.add_argument("out", metavar="OUT.des")
    demo.add_argument("--lang", choices=LANGUAGES, help=_(
        "the language of the example's marks and indicators (the interface language if not "
        "given)"))
    demo.set_defaults(run=cmd_demo)
    export = sub.add_parser("export", help=_("write the voluntary agreement as a PDF"))
    export.add_argument("file", metavar="FILE.des")
    export.add_argument("--lang", choices=LANGUAGES, required=True)
    export.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    export.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    export.set_defaults(run=cmd_export)
    check = sub.add_parser("check", help=_("check the district against the toolkit and the "
                                           "resolution (exit 1 while a blocking rule fails)"))
    check.add_argument("file", metavar="FILE.des")
    check.add_argument("--lang", choices=LANGUAGES)
    check.add_argument("--json", action="store_true")
    check.add_argument("--year", type=int, metavar="YYYY", help=_(
        "check a year after signing against the monitoring rules instead"))
    check.set_defaults(run=cmd_check)
    report = sub.add_parser("report", help=_("write the readiness report as a PDF"))
    report.add_argument("file", metavar="FILE.des")
    report.add_argument("--lang", choices=LANGUAGES, required=True)
    report.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    report.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    report.set_defaults(run=cmd_report)
    calendar = sub.add_parser("calendar", help=_("write the assembly calendar as an .ics file"))
    calendar.add_argument("file", metavar="FILE.des")
    calendar.add_argument("--lang", choices=LANGUAGES, default="it")
    calendar.add_argument("-o", "--output", metavar="OUT.ics", required=True)
    calendar.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    calendar.add_argument("--year", type=int, metavar="YYYY", help=_(
        "the assemblies planned for that year (after signing) instead of the first calendar"))
    calendar.set_defaults(run=cmd_calendar)
    annual = sub.add_parser("annual-report", help=_(
        "write the annual report of a year after signing as a PDF"))
    annual.add_argument("file", metavar="FILE.des")
    annual.add_argument("--year", type=int, metavar="YYYY", required=True)
    annual.add_argument("--lang", choices=LANGUAGES, required=True)
    annual.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    annual.add_argument("--public", action="store_true", help=_(
        "the copy for publication, without personal data"))
    annual.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    annual.set_defaults(run=cmd_annual_report)
    signatures = sub.add_parser("signatures", help=_(
        "add digitally signed agreements (PDF or .p7m) and verify them (exit 1 until every "
        "party has signed)"))
    signatures.add_argument("file", metavar="FILE.des")
    signatures.add_argument("signed", nargs="*", metavar="SIGNED.pdf|.p7m")
    signatures.add_argument("--export-for-signature", metavar="OUT.pdf", help=_(
        "first write the final agreement with one signature field per legal representative"))
    signatures.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    signatures.add_argument("--lang", choices=LANGUAGES, default="it")
    signatures.add_argument("--trust", metavar="FILE|FOLDER", help=_(
        "a trust list: certificates of certification authorities (a file, or a folder of "
        "them); each signature's issuer is checked against it, offline"))
    signatures.set_defaults(run=cmd_signatures)
    assembly = sub.add_parser("assembly", help=_(
        "write the founding assembly's invitation, attendance sheet, minutes and authorising "
        "resolutions as PDFs"))
    assembly.add_argument("file", metavar="FILE.des")
    assembly.add_argument("--lang", choices=LANGUAGES, required=True)
    assembly.add_argument("-o", "--output", metavar="FOLDER", required=True)
    assembly.set_defaults(run=cmd_assembly)
    to_json = sub.add_parser("to-json", help=_("write the district as one JSON document"))
    to_json.add_argument("file", metavar="FILE.des")
    to_json.add_argument("-o", "--output", metavar="OUT.json")
    to_json.add_argument("--force", action="store_true", help=_(FORCE_HELP))
    to_json.set_defaults(run=cmd_to_json)
    from_json = sub.add_parser("from-json",
                               help=_("create a new district file from a JSON document"))
    from_json.add_argument("input", metavar="IN.json")
    from_json.add_argument("out", metavar="OUT.des")
    from_json.set_defaults(run=cmd_from_json)
    entry = sub.add_parser("desktop-entry", help=_(
        "add DES Wizard to the applications menu and open .des files with it (Linux)"))
    entry.set_defaults(run=cmd_desktop_entry)
    schema_parser = sub.add_parser("schema",
                                   help=_("print the JSON Schema of the district document"))
    schema_parser.set_defaults(run=cmd_schema)
    add_card_commands(sub)
    return parser


COMMANDS = ("demo", "export", "check", "report", "annual-report", "calendar", "to-json",
            "from-json", "schema", "desktop-entry", "cards", "cards-read", "signatures",
            "assembly")


def _window_parser() -> _Parser:
    parser = _Parser(
        prog="des-wizard",
        description=_("DES Wizard: found a Solidarity Economy District step by step."),
        epilog=_("Commands: {commands} (des-wizard COMMAND --help)").format(
            commands=", ".join(COMMANDS)),
    )
    parser.add_argument("file", nargs="?", metavar="FILE.des",
                        help=_("the district to open (else the last one)"))
    # argparse (before 3.12) fixes this help text when the class is defined, untranslated.
    parser.add_argument("--version", action="version", version=f"des-wizard {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("check that the program is complete, offscreen, and exit"))
    return parser


def _interface_language() -> str:
    remembered = settings.load().language
    return remembered if remembered in LANGUAGES else language_from_environment(dict(os.environ))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    set_language(_interface_language())
    translate_argparse()
    setup_logging()
    try:
        if argv and argv[0] in COMMANDS:
            args = _command_parser().parse_args(argv)
            run: Callable[[argparse.Namespace], int] = args.run
            return run(args)
        args = _window_parser().parse_args(argv)
        if args.self_test:
            from desktop.gui.self_test import run_self_test

            return run_self_test()
        from desktop.gui.app import run_window

        return run_window(args.file)
    except (UserError, DocumentError) as exc:
        log.info("command refused: %s", type(exc).__name__)
        _stderr_line(f"error: {exc.message()}")
        return 2
    except BrokenPipeError:
        # The reader has stopped (``des-wizard check FILE | head``): end quietly, with the
        # status of a program ended by SIGPIPE, and let nothing flush into the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_STATUS
    except OSError as exc:
        log.info("command failed: %s", type(exc).__name__)
        reason = exc.strerror or str(exc)
        where = f"{exc.filename}: " if exc.filename else ""
        _stderr_line(f"error: {where}{reason}")
        return 2
    except Exception as exc:  # noqa: BLE001 (a bug: still one line, and logged)
        log_unexpected(exc, "the command line")
        reason = " ".join(str(exc).split())[:300]
        _stderr_line("error: " + _("unexpected problem, please report it: {reason}").format(
            reason=f"{type(exc).__name__}: {reason}"))
        return 2


if __name__ == "__main__":
    sys.exit(main())
