"""Why a budget does not hold and what it would take, keyed by a part of its line (the first
key found in the line wins, so the more specific keys come first).

By how much is in the table (the ratio against the budget); these say why and what next.
"""

EXPLANATIONS: dict[str, str] = {
    "frozen: start-up": (
        "the same causes as from source (the frozen program runs the same code from its "
        "archive, compiled), plus what the from-source probe does not do: PyInstaller's "
        "bootloader loading Python from the folder and opening the module archive, the "
        "command line's parsing, the log file's set-up and first line, the window icon. Its "
        "baseline is the bare QWizard from source, which has none of them. Since the previous "
        "figures the version line no longer calls platform.platform(), which read the whole "
        "10 MiB executable to find the C library's version (about 30 ms), and the probe leaves "
        "right after the first paint like the others (DES_WIZARD_QUIT_WHEN_SHOWN: the "
        "district closed, no Qt tear-down) instead of quitting through Qt's event loop."),
    "start-up to the example's first step": (
        "the bare QWizard imports three Qt modules, touches six Qt classes and builds eight "
        "empty pages: no subclass of a Qt class, no enum of Qt's namespace, no file. The "
        "program also runs its own modules (the step declarations, the editors, the district "
        "file, the readiness rules), makes PySide6 create the Python enums of Qt's namespace "
        "and of every Qt class it imports (PySide6 builds each with Python's enum module when "
        "its class is first imported: about 250 enums, a quarter of the program's extra "
        "work), takes the district's lock, opens the file and builds the window and the first "
        "page. Since the previous figures (23 November, evening), counted in instructions "
        "with callgrind, which the machine's load does not move (the bare QWizard: 0.67 "
        "billion): 1.61 billion before, 1.26 billion now. The Python event filter that kept "
        "the wheel from changing answers sat on the whole application and was called for every "
        "event of every widget (a tenth of the work): each number box and drop-down now turns "
        "away the wheel itself, and only wheel events reach Python. Judging the steps and the "
        "opening backup wait for the window's first paint "
        "(the zero-timer they used fired before it). The Review, the signatures, member-card, "
        "export and restore dialogs, the forecast editor and the member picker are imported "
        "when first used; QStyle is reached through the style (its enums alone about 10 ms); "
        "the catalog is opened by its path; two searches of the application's children by "
        "type (which wrapped each child in Python) search by name; uuid, which loaded "
        "platform's regular expressions, is gone; opening a district at start-up no longer "
        "builds the welcome screen. The figures are also fairer: the program is compiled to "
        "byte code before the runs, as installed (on this machine PYTHONDONTWRITEBYTECODE is "
        "set, and every module changed since its last compilation used to be compiled again "
        "at each start). What is left is Python running the program's own modules and "
        "PySide6's enums; closing it would need PySide6 to create enums lazily (not "
        "configurable in 6.11) or far fewer Qt classes touched before the first paint."),
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
        "articles do not, so the growth is expected below the 3.3× of the members. Since the "
        "example registers every party's authorising act, the synthetic districts do too, and "
        "their recital named a thousand acts in one sentence: a fifteen-page paragraph that "
        "reportlab broke again at every page, which made the growth 3.7×. The acts are now "
        "listed one party a line. What still grows faster than the members is the governance "
        "article's list of the assembly's thousand members (one paragraph of four pages); the "
        "figure also swings with the machine's load, mostly through the shorter 300-member "
        "baseline."),
    "from-json": (
        "the command starts Python, validates the document against the published schema with "
        "jsonschema (importing it takes about 60 ms, validating a thousand members with their "
        "contact persons about 0.3 s: one walk of a valid document) and writes the file in "
        "one transaction. Since the previous figures the lists are written with one INSERT "
        "per table (executemany, the members' persons with one more) instead of a statement "
        "per row, the member references are looked for only in the fields that can name a "
        "member, and a document without a surrogate escape is not serialised again to look "
        "for one: almost a quarter fewer instructions for the whole command. What remains is "
        "mostly jsonschema. A compiled validator would take about 0.3 s more off, at a "
        "price: jsonschema-rs (Rust, draft 2020-12 like the schema) validates the same "
        "document in 2 ms but adds 15 MiB to the frozen folder, itself over its budget; "
        "fastjsonschema turns this schema into 0.5 MB of Python whose generation and "
        "compilation (about 0.2 s in every run) cost more than jsonschema's validation of "
        "a district of ordinary size."),
    "check` on": (
        "the command's own start (Python, the readiness rules, the step declarations) is the "
        "same for both files; what grows is reading a thousand members with their contact "
        "persons (one query for the members, one for all their contacts) and judging them. "
        "Since the previous figures a text cell is taken as SQLite gives it (NULL read as "
        "empty by the query) and only numbers, yes/no and lists are decoded, each row is "
        "made in one zip, the document filters the rows in place instead of copying them, "
        "and the check digits are summed by a translation table (python-stdnum stays the "
        "reference in tests/core/test_identifiers.py): the instructions that the thousand "
        "members add fell by 29 per cent. What remains is SQLite handing over 30,000 cells "
        "(a C call each, a release of the GIL per row) and every rule running over a "
        "thousand members and 2,000 persons (check digits, emails, phone numbers); going "
        "further would mean judging the members without making them a document first."),
    "frozen: size of the folder": (
        "Qt is the largest part: QtCore, QtGui and QtWidgets with ICU (whose data the Linux "
        "build cuts from 31 to 3 MiB: desktop/build_tools/icu_data.py keeps what Qt asks of "
        "ICU, in Italian and English), then the archive of Python modules (10 MiB), "
        "cryptography's Rust core (11 MiB, pyHanko signs and verifies with it), pdfium (7 "
        "MiB, printing where there is no CUPS), Python, lxml's etree (pikepdf's XMP and "
        "pyHanko's check of a signer's XMP change), Pillow's and qpdf's libraries and the "
        "system libraries of CUPS and X. Without a C compiler the build keeps ICU whole "
        "(about 28 MiB more) and says so; what else could go would be pdfium on systems "
        "with CUPS, or cryptography's unused algorithms, neither of which a spec can split."),
}
