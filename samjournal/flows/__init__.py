"""Wizard flows as UI-free state machines: the window only renders them.

`setup` is the first run (journal, first team lead, passphrase, recovery key); `export` is the
evaluation export and the study-profile import. They sit above the facade and its sections
(they drive a `Journal`) and below the window and the command line (see the layer contracts in
pyproject.toml).
"""
