"""Handing a family over to another journal: when a caseworker leaves or a family moves.

Each journal has a receiving key (an age X25519 identity kept in the encrypted database) beside
its minisign signing key; a team lead exports the two public halves as one key file whose
fingerprint is read out over the phone, and registers the other journal's file as a peer. A
handover file is the family's whole record (every row and earlier version, its consents, study
pseudonyms and audit trail, with who did what and when), signed by the sending journal and
encrypted to the receiving one. The receiving journal adds the family under a new case number,
keeps the authors as people of the sending journal, and writes a signed receipt; only when the
sending journal imports that receipt does the family's content leave it, with a content-free
tombstone in its audit log. Until then nothing is lost on either side.

    keys.py      the receiving identity and the key file (journal id, age recipient, signing key)
    peers.py     the journals a team lead has registered
    package.py   sealing and opening a file: canonical JSON, minisign signature, tar, age
    collect.py   reading a family's rows for the file
    checks.py    what a received row may hold: the forms' own field rules, column by column
    receive.py   adding a received family, ids remapped, authors kept
    receipt.py   the signed receipt and what the sending side does with it
    section.py   `journal.handovers`, the facade's section
"""
