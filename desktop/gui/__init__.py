"""The window: application, main window, wizard view, dialogs, printing, the self-test.

The Qt-free modules the window needs at start are imported here, before any PySide6 module:
PySide6 installs an import hook that reads the source of every module imported after it (to
look for its ``__feature__`` switches) and keeps it in memory, about 3 MiB for these and the
standard library they bring (measured with the start-up benchmark, docs/benchmarks.md).
"""

import desktop.core.defaults  # noqa: F401
import desktop.core.district_file  # noqa: F401
import desktop.core.document  # noqa: F401
import desktop.core.document_cache  # noqa: F401
import desktop.core.finance  # noqa: F401
import desktop.core.log_file  # noqa: F401
import desktop.core.outputs  # noqa: F401
import desktop.core.readiness  # noqa: F401
import desktop.core.references  # noqa: F401
import desktop.core.settings  # noqa: F401
import desktop.core.step_state  # noqa: F401
import i18n.formats  # noqa: F401
import wizard_steps  # noqa: F401
