-- The SHA-256 of each bundle file as written, so that a bundle whose export was recorded but
-- whose file never got its name (a crash between the commit and the rename) is adopted only
-- when it is that very file (samjournal/evaluation/exporter.py). NULL for earlier exports.
ALTER TABLE evaluation_exports ADD COLUMN file_sha256 TEXT;
