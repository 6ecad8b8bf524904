"""Why a budget does not hold and what it would take, keyed by a part of its line (the first
key found in the line wins, so the more specific keys come first).

By how much is in the table (the ratio against the budget); these say why and what next.
"""

EXPLANATIONS: dict[str, str] = {
    "frozen: start-up": (
        "the same causes as from source (the frozen program runs the same code from its "
        "archive); this figure also includes the program's tear-down, which the "
        "from-source probes skip."),
    "start-up to the example's first step": (
        "the bare QWizard imports three Qt modules and builds eight empty pages, with no "
        "subclass of a Qt class, no enum of Qt's namespace and no file. The program also "
        "imports its own modules (the step declarations, the editors, the district file, the "
        "readiness rules, python-stdnum, which loads ssl), pays PySide6's first use of Qt's "
        "enums (about 0.06 s, once per process), and opens the district: the lock and the "
        "backup taken at opening are each written with fsync, the step states are judged on "
        "the whole document, and the window, the welcome screen, the Review and the first page "
        "are built. Since the last figures: reportlab, pikepdf, pypdf, pypdfium2, "
        "phonenumbers, the spreadsheet readers and Qt's print support are imported at their "
        "first use again (the main window and the card actions had brought them back: 0.4 s "
        "and 50 MiB: run side by side on 23 November at a load of 2.5, main took 1.5 to 2.5 s "
        "and 140 MiB, this version 1.3 to 1.4 s and 85 MiB), amounts and dates are written "
        "without Babel's data, and the "
        "Qt-free modules are imported before PySide6's import hook (which keeps their source "
        "in memory). Closing the rest of the gap would need the step states judged after the "
        "first paint (a queued call), the welcome screen and the Review built only when "
        "shown, and the backup taken after the window is drawn: a few hundredths of a second "
        "each."),
    "slowest first visit of a step": (
        "a page is built at its first visit; the slowest now is the Review, which lays out "
        "the summary of a thousand members as one rich-text document (QTextEdit.setHtml), the "
        "other pages take 40 to 100 ms on a quiet machine. Style sheets per label (a third of "
        "the building time), member combos and pickers filled two or three times, whole "
        "members read to title the list, tax codes checked again, the findings judged twice, "
        "and Babel's data and babel.dates loaded at the first amount, share or date were "
        "removed (side by side at a load of 2.5, the slowest first visit took 0.3 to 0.5 s "
        "on main and 0.18 to 0.3 s in this version). Holding it needs the Review's summary "
        "drawn for the members in view "
        "only (a model and a view instead of one HTML document)."),
    "slowest language switch": (
        "every page built so far retranslates its labels and the step list relabels; hidden "
        "lists wait until shown. The rest is Qt delivering LanguageChange to every widget of "
        "the built pages and repainting; building fewer widgets per page (models for the row "
        "lists) is what would take it under the budget."),
    "step switch (pages already shown)": (
        "with pages built, a switch only shows the page; what remains is Qt's layout of the "
        "largest pages on this machine (the figure varies with its load)."),
    "selecting a member": (
        "selecting reads that member's row only; the rest is loading the thirty editors of "
        "the member form."),
    "one commit through the window": (
        "the page saves the value, then reads the answers back to update which fields are "
        "visible and the computed figures; both sides pay the same fsync, so the ratio "
        "falls as the disk gets slower. Holding it on a fast disk means updating the "
        "visibility from the value just saved instead of reading the answers again."),
    "export of the example's agreement": (
        "the figure includes building the texts from the document, the readiness rules that "
        "decide whether it is a draft, and the footer canvas that keeps every page until the "
        "page count is known, beside reportlab making and laying out the same paragraphs and "
        "tables, and for a final agreement the PDF/A rewrite with pikepdf. What it would take: "
        "the footer drawn in a second pass with reportlab's page templates instead of keeping "
        "every page's state, and the XMP metadata written by reportlab itself."),
    "export with": (
        "the member lists (parties, signatures, Annex A) grow with the members while the "
        "articles do not, so the ratio is below the 3.3× growth of the members."),
    "from-json": (
        "the command starts Python, validates the document against the published schema with "
        "jsonschema (about half a second for a thousand members with their contact persons: "
        "one walk of a valid document) and writes the file in one transaction. Holding it "
        "everywhere would need a compiled validator (for example fastjsonschema, generated "
        "from the same schema) instead of jsonschema's interpreted one."),
    "check` on": (
        "the command's own start (Python, the readiness rules, the step declarations) is "
        "the same for both files; what grows is reading a thousand members with their "
        "contact persons into the document (about 0.11 s) and checking every tax code and VAT "
        "number with python-stdnum (about 50 µs a code, 0.085 s). Now that the synthetic "
        "codes are valid the example itself is judged faster, so the ratio rose. What would "
        "take it under: reading the members with one query joined to their contacts, and the "
        "check digits computed directly (a Luhn sum for VAT numbers, the odd/even table for "
        "personal codes) with python-stdnum kept as the reference in the tests."),
    "frozen: size of the folder": (
        "Qt is more than half of the folder: QtCore, QtGui and QtWidgets with the ICU "
        "libraries they link (31 MiB of ICU data alone), then Python, pdfium (7 MiB), lxml's "
        "etree (5 MiB, for pikepdf's XMP metadata), Pillow's libraries (5 MiB; reportlab "
        "imports PIL.Image unconditionally), libqpdf and the system libraries of CUPS and X. "
        "phonenumbers' place, carrier and time-zone data, lxml beyond etree, pytz, readline, "
        "the East Asian codecs, python-stdnum's tables and Qt's OpenGL and embedded Wayland "
        "plugins are left out (177.6 to 163 MiB, the self-test passing). The remaining 13 "
        "MiB would need ICU's data cut to Italian and English (an ICU data filter build of "
        "Qt, about 28 MiB less) or leaving Wayland and printing to the system's libraries; "
        "neither is done by a PyInstaller spec alone."),
}
