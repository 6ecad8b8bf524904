"""Running the program of the tree under test as a separate process: ``python -m desktop`` with
this checkout first on the path, never whatever ``des-wizard`` is installed on PATH."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(*args: str, env: dict[str, str] | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in the repository's root, with the root first on ``PYTHONPATH``."""
    environment = dict(os.environ if env is None else env)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [environment.get("PYTHONPATH")])])
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          env=environment, timeout=timeout, check=False)


def run_program(*args: str, env: dict[str, str] | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``des-wizard ARGS`` as this tree runs it."""
    return run_python("-m", "desktop", *args, env=env, timeout=timeout)
