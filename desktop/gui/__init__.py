"""The window: application, main window, wizard view, dialogs, printing, the self-test."""
