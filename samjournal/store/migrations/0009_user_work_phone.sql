-- A staff user's work phone: printed on the family's copy of the caseworker who owns the case
-- ("Hvem dere kan ringe"). Work contact details only; '' when not given.
ALTER TABLE users ADD COLUMN work_phone TEXT NOT NULL DEFAULT '';
