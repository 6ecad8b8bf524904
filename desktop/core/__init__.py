"""Everything DES Wizard knows without a window: the district file, the JSON document, the
rules, the money, the agreement and the other papers. Nothing here imports Qt."""
