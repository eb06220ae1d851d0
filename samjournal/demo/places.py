"""The fictional municipality of the demo journal: districts, clubs, schools and meeting places.

Templates use `{placeholders}` filled in by `samjournal.demo.story`: {district}, {school}.
"""

from __future__ import annotations

MUNICIPALITY = "Fjordvik kommune"
DISTRICTS = (
    "Sentrum",
    "Østbyen",
    "Bjørkeli",
    "Solåsen",
    "Havnehagen",
    "Vestmo",
    "Elvebakken",
    "Nordre Lia",
)
CLUBS = ("Fjordvik IL", "Solåsen FK", "Østbyen Ballklubb", "Havnehagen SK", "Vestmo IF")
SCHOOLS = ("Bjørkeli skole", "Solåsen skole", "Vestmo ungdomsskole", "Elvebakken skole")

PLACE_HOME = "Hjemme hos familien"
PLACE_OFFICE = (
    "Familiesenteret {district}",
    "Servicetorget, møterom 3",
    "Familiesenteret, møterom 2",
)
# Where a phone call was held from; a video call is not a phone meeting.
PLACE_PHONE = ("Telefon", "Telefon fra kontoret")
PLACE_PARTNER = {
    "NAV": "NAV {district}",
    "Skolen": "{school}",
    "Helsestasjonen": "Helsestasjonen {district}",
    "BUP": "BUP Fjordvik",
}
# Partners that may sit in a network meeting whatever the needs are.
GENERAL_PARTNERS = ("NAV", "Skolen", "Helsestasjonen", "Barnehagen", "Fastlegen")
