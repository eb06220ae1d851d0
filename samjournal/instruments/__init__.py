"""Study instruments: versioned lists of questions a study (or the journal itself) asks."""
