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
        "the bare QWizard imports three Qt modules and builds eight empty pages; the program "
        "also imports its own modules (about 0.15 s beyond PySide6: the step declarations, "
        "the editors, the district file, the readiness rules the step list needs) and builds "
        "the window, the first page and the step states from the file (about 0.07 s). "
        "Deferring reportlab, Pillow, sqlite-utils, jsonschema and Babel's dates, building "
        "pages on demand and translating once "
        "took it from about 7.5× to about 2×. Importing the Qt-free modules before PySide6 "
        "(so that PySide6's import hook does not read their source) was measured at 8 "
        "interleaved runs: no change in time, 2.6 MiB less memory, so it was not kept. "
        "Closing the rest needs the step list judged after the window is drawn (a queued "
        "call instead of during construction) and the editors module split so the first "
        "page imports only the editors it shows."),
    "slowest first visit of a step": (
        "a page is built at its first visit; with a thousand members the Members page fills "
        "a list widget with a thousand items and reads every member, and Governance and "
        "Objectives fill their member pickers. Later visits cost a few milliseconds. Holding "
        "this needs the row lists as models (QListView over the rows, titles computed when "
        "painted) like the member pickers already are, or building the pages in idle time "
        "after the first is shown."),
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
        "the figure includes building the content from the document (articles, annexes, "
        "the readiness rules that decide whether the agreement is a draft) and the footer "
        "canvas that keeps every page until the page count is known; the baseline lays out "
        "the same flowables with a plain canvas. What it would take: the draft decision "
        "reused from the window instead of judged again, and the footer drawn in a second "
        "pass with reportlab's page templates instead of keeping every page's state."),
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
        "contact persons into the document and the rules that look at every contact. It "
        "sits at the edge of the budget; what would take it under is reading the members "
        "with one query joined to their contacts instead of two passes, and rules that "
        "stop at the problems they report."),
    "frozen: size of the folder": (
        "Qt (QtCore, QtGui, QtWidgets with ICU's 31 MiB of data) is two thirds of the folder; "
        "the rest is Python, pdfium and the system libraries of CUPS and X."),
}
