"""The Qt editors that turn a step's declaration into a page."""
