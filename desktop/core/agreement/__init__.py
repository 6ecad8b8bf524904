"""The voluntary agreement, written as a PDF in the language the user chooses."""

from desktop.core.agreement.pdf import export_agreement

__all__ = ["export_agreement"]
