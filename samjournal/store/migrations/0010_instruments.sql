-- Placeholder on branch anchor only: instr-core owns 0010 (instruments); take its file at merge.
SELECT 1;
