from tests.gui.test_window import make_window  # noqa
def test_dbg(qtbot, make_window, example_path):
    window = make_window(example_path)
    w = window.wizard.steps.nextInFocusChain()
    names = []
    while w is not window.wizard.steps:
        names.append(type(w).__name__ + ":" + w.objectName()+":"+w.metaObject().className())
        w = w.nextInFocusChain()
    print(names)
