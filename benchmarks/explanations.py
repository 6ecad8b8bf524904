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
        "readiness rules: about 0.3 s of the figure), pays PySide6's first use of Qt's enums "
        "(about 0.06 s, once per process), takes the district's lock with fsync, and builds "
        "the window and the first page. Since the previous figures (23 November, afternoon): "
        "the welcome screen and the Review are built when first shown, the step states are "
        "judged and the opening backup (written with fsync, 10 to 50 ms) is taken in a zero- "
        "timer once the first step is drawn, the tax codes are checked without python-stdnum "
        "(which loaded ssl), and the signatures dialog's words, asn1crypto, the years view, "
        "the calendar and the monitoring rules load at their first use "
        "(tests/gui/test_startup_imports.py keeps them out). The probe leaves when its first "
        "processEvents() returns, and that call also runs the zero-timers queued behind the "
        "first paint, so the deferred work is still inside this figure; a person sees the "
        "first step that much earlier. What is left is mostly importing the program's own "
        "modules (the declarations, readiness rules and editors: about 2,500 lines run at "
        "import) and PySide6 creating Python enums at first use; closing it would need those "
        "modules to build their tables lazily, or a frozen module cache, and is not a few "
        "hundredths each any more."),
    "slowest first visit of a step": (
        "a page is built at its first visit. Since the figures of 23 November (136 ms, the "
        "Review): the Review draws its findings and the first two steps' answers and makes the "
        "other steps' answers one per turn of the event loop while it is shown (about a third "
        "of its former cost at the switch); the wheel guard is the drop-downs' and number "
        "boxes' own wheel handler instead of a filter seeing every event of every widget (a "
        "third of building any page went on Python seeing those events); the lists of rows "
        "measure one row for all (a thousand member titles were measured one by one); the "
        "member drop-downs read a list model instead of a thousand items added one by one; "
        "ticks are kept instead of read back from a thousand rows; short captions are not word-"
        "wrapped; start-up objects are frozen out of the garbage collector's reach, so a full "
        "collection (20 to 30 ms) no longer lands on some switch. The probe reports each step's"
        " first visit (first_visits_ms). What is left is Qt making, polishing and laying out "
        "each page's widgets (the financial plan and governance pages are the largest); a miss "
        "on a busy machine is that work slowed by the load, and going further would mean "
        "building a page's lower sections after the first paint, as the Review does."),
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
        "the page saves the value, compares it first with the stored answer (read alone), "
        "updates which fields show from the value just saved (the answers are read again "
        "only after a write elsewhere), and the title reads the name alone; the status bar "
        "says saved after the commit. Both sides pay the same fsync, so what remains is the "
        "window's own work (the title, the status, the visibility of the page's fields), "
        "about a tenth of a millisecond: a miss means the disk was fast and the machine "
        "busy in that run."),
    "export of the example's agreement": (
        "the figure includes building the texts from the document, the readiness rules that "
        "decide whether it is a draft, and the footer canvas that keeps every page until the "
        "page count is known, beside reportlab making and laying out the same paragraphs and "
        "tables, and for a final agreement the PDF/A rewrite with pikepdf. What it would take: "
        "the footer drawn in a second pass with reportlab's page templates instead of keeping "
        "every page's state, and the XMP metadata written by reportlab itself."),
    "export with": (
        "the member lists (parties, signatures, Annex A) grow with the members while the "
        "articles do not, so the growth is expected below the 3.3× of the members; the figure "
        "swings with the machine's load, mostly through the shorter 300-member baseline (the "
        "previous run gave 3.41×, whole-command exports repeated by hand on this machine "
        "between 2.2× and 3.0×). Nothing of the export's layout changed in this version; "
        "reading the document became cheaper for both sizes. Holding it reliably would need "
        "the member lists laid out as one table each instead of a paragraph per member."),
    "from-json": (
        "the command starts Python, validates the document against the published schema with "
        "jsonschema (about half a second for a thousand members with their contact persons: "
        "one walk of a valid document) and writes the file in one transaction. Holding it "
        "everywhere would need a compiled validator (for example fastjsonschema, generated "
        "from the same schema) instead of jsonschema's interpreted one."),
    "check` on": (
        "the command's own start (Python, the readiness rules, the step declarations) is the "
        "same for both files; what grows is reading a thousand members with their contact "
        "persons (one query for the members, one for all their contacts) and judging them. "
        "Since the previous figures the tax codes and VAT numbers are checked by the "
        "program's own arithmetic (a Luhn sum, the odd/even table; python-stdnum stays the "
        "reference in tests/core/test_identifiers.py, which compares both on thousands of "
        "codes), and the document copies only the columns that can name a removed member "
        "instead of every cell. What remains is decoding 25,000 cells and running every rule "
        "over a thousand members."),
    "frozen: size of the folder": (
        "Qt is almost half of the folder: QtCore, QtGui and QtWidgets with the ICU libraries "
        "they link (31 MiB of ICU data alone), then the archive of Python modules (14 MiB), "
        "cryptography's Rust core (11 MiB, needed by pyHanko to sign and verify since the "
        "signing work), pdfium (7 MiB), Python, lxml's etree, Pillow's and qpdf's libraries "
        "and the system libraries of CUPS (GnuTLS, Kerberos, Avahi) and X. Left out: "
        "phonenumbers' place, carrier and time-zone data, lxml beyond etree, pytz, readline, "
        "the East Asian codecs, python-stdnum's tables, Qt's OpenGL and embedded Wayland "
        "plugins, and now also the packaging tools and unused optional libraries the signing "
        "stack drags in (setuptools, pkg_resources, jinja2, pyparsing, packaging, "
        "multiprocessing, requests, urllib3, charset_normalizer: about 3 MiB). Holding 150 "
        "MiB would need ICU's data cut to Italian and English (an ICU data filter build of "
        "Qt, about 28 MiB less); no PyInstaller spec alone can do that."),
}
