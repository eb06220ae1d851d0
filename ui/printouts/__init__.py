"""Printed documents in the client: options, an in-app preview of the very PDF that prints,
printing through Qt's print dialog, "Save as PDF" as an explicit choice, and batch printing."""
