#!/usr/bin/env python3
"""Generate the bundled sample production, "The Long Way Home".

    python3 generate_sample.py           # writes sample-production.json next to this file
    python3 generate_sample.py --check   # writes it, then runs the brute-force self-check
    python3 generate_sample.py --stdout  # prints the JSON instead of writing it

Standard library only and fully deterministic: the same script always writes
the same bytes.  The output is the serde form of `callsheet::Production`
(format_version 1), written the way `Production::to_json` writes it (two-space
indent, fields in struct order, defaults omitted), so loading and saving the
file with callsheet reproduces it byte for byte.

The data is a realistic independent feature with EXACTLY four seeded
scheduling problems (see README.md and SEEDED below); `--check` verifies that
a brute-force conflict check finds those four and nothing else.

Conventions used in the tables below:
  * times are local wall-clock "HH:MM" at the event's location; hours >= 24
    mean the next day, as on call sheets ("27:00" = 03:00 next morning);
  * cast are referred to by cast number, everyone else by person id.
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "sample-production.json"

# --------------------------------------------------------------------------
# Production
# --------------------------------------------------------------------------

NAME = "The Long Way Home"
LA = "America/Los_Angeles"  # home zone
MT = "America/Denver"  # New Mexico
CURRENCY = "USD"

UNITS = [("U-MAIN", "Main Unit"), ("U-2ND", "Second Unit")]

HOLIDAYS = [
    ("2027-02-15", "Presidents' Day (prep week)"),
    ("2027-03-26", "Good Friday (company holiday)"),
]
MOVE_DAYS = ["2027-03-15", "2027-03-24"]  # travel Los Angeles <-> Santa Fe

# --------------------------------------------------------------------------
# Locations.  permits: (reference, first_day, last_day, daily_start,
# daily_end, max_consecutive_days, application_lead_business_days)
# --------------------------------------------------------------------------

# --------------------------------------------------------------------------
# Distribution: who receives which documents, and how much of the call sheet.
# --------------------------------------------------------------------------

DISTRIBUTION = [
    {"id": "PRODUCTION", "name": "Producers and production office",
     "departments": ["Production", "Accounting"], "roles": ["Director"],
     "documents": ["call_sheet", "day_out_of_days", "shooting_schedule"]},
    {"id": "HODS", "name": "Heads of department", "heads_of_department": True,
     "documents": ["call_sheet", "shooting_schedule"]},
    {"id": "CREW", "name": "Crew", "categories": ["crew"],
     "documents": ["call_sheet"], "call_sheet_scope": "department"},
    {"id": "CAST", "name": "Cast", "categories": ["cast"],
     "documents": ["call_sheet"], "call_sheet_scope": "personal"},
]

LOCATIONS = [
    dict(id="LOC-OFFICE", name="Production Office - Long Way Home LLC", shared=True,
         address="6420 Wilshire Blvd, Suite 1100, Los Angeles, CA 90048", zone=LA,
         coords=(34.0637, -118.364),
         parking="Validated parking in building garage, levels P3-P4 (enter from Orange St).",
         hospital="Cedars-Sinai Medical Center, 8700 Beverly Blvd, Los Angeles, CA 90048 - ER 310-555-0140",
         notes="Costume fittings in Suite 1140. Office hours 08:00-19:00."),
    dict(id="LOC-STAGE7", name="Las Palmas Stages - Stage 7",
         address="1040 N Las Palmas Ave, Los Angeles, CA 90038", zone=LA,
         coords=(34.0897, -118.3366),
         parking="Crew parking in Lot C (Seward St); cast trailers on the Stage 7 apron.",
         hospital="Hollywood Presbyterian Medical Center, 1300 N Vermont Ave, Los Angeles, CA 90027 - ER 323-555-0141",
         notes="Sets: Harlow house kitchen and Walt's bedroom, LED volume for car process, motel rooms, 1972 farmhouse."),
    dict(id="LOC-HOUSE", name="Harlow House (practical)",
         address="2217 N Commonwealth Ave, Los Angeles, CA 90027", zone=LA,
         coords=(34.1095, -118.29),
         parking="Crew park at Los Feliz Community Church lot, 3340 Los Feliz Blvd; shuttle every 15 min. No parking on Commonwealth.",
         hospital="Hollywood Presbyterian Medical Center, 1300 N Vermont Ave, Los Angeles, CA 90027 - ER 323-555-0141",
         notes="Residential street: quiet after 21:00, no idling generators by the house. Owners' dog stays in the garage.",
         permits=[("FilmLA LA-27-004417", "2027-02-17", "2027-03-30", "07:00", "22:00", 3, 3)]),
    dict(id="LOC-HOSPITAL", name="St. Vincent's (Linda Vista standing hospital)",
         address="610 S St Louis St, Los Angeles, CA 90023", zone=LA,
         coords=(34.0443, -118.216),
         parking="Crew and base camp in the south lot off 6th St.",
         hospital="LAC+USC Medical Center, 2051 Marengo St, Los Angeles, CA 90033 - ER 323-555-0143",
         notes="Dressed hospital wings on floors 2 and 3; elevator B only."),
    dict(id="LOC-DINER", name="Starlite Diner",
         address="11210 Sherman Way, Sun Valley, CA 91352", zone=LA,
         coords=(34.2012, -118.3727),
         parking="Crew park behind the Sherman Way car wash (arranged); base camp in diner lot.",
         hospital="Providence Holy Cross Medical Center, 15031 Rinaldi St, Mission Hills, CA 91345 - ER 818-555-0144",
         notes="Diner closed to the public on shoot days; owner on site.",
         permits=[("FilmLA LA-27-004502", "2027-03-03", "2027-03-04", "06:00", "23:00", 2, 3)]),
    dict(id="LOC-DTLA", name="Downtown LA - 4th & Spring",
         address="400 S Spring St, Los Angeles, CA 90013", zone=LA,
         coords=(34.049, -118.249),
         parking="Crew parking at 5th & Broadway structure; base camp on Main St (posted).",
         hospital="LAC+USC Medical Center, 2051 Marengo St, Los Angeles, CA 90033 - ER 323-555-0143",
         notes="Intermittent traffic control on Spring St; LAPD motor officers booked through FilmLA.",
         permits=[("FilmLA LA-27-004611", "2027-03-05", "2027-03-05", "07:00", "22:00", 2, 3),
                  ("FilmLA LA-27-004988", "2027-03-30", "2027-03-30", "07:00", "22:00", 2, 3)]),
    dict(id="LOC-MOTEL", name="Desert Palms Motel",
         address="44100 Sierra Hwy, Lancaster, CA 93534", zone=LA,
         coords=(34.698, -118.137),
         parking="Crew park in the motel's overflow lot; base camp across Sierra Hwy.",
         hospital="Antelope Valley Medical Center, 1600 W Avenue J, Lancaster, CA 93534 - ER 661-555-0145",
         notes="Standing-set motel; pool is drained. High desert: cold nights, bring layers."),
    dict(id="LOC-PCH", name="Pacific Coast Hwy - Point Dume turnouts",
         address="29000 Pacific Coast Hwy, Malibu, CA 90265", zone=LA,
         coords=(34.0076, -118.806),
         parking="Second unit only: process rig staged at Westward Beach lot.",
         hospital="UCLA Santa Monica Medical Center, 1250 16th St, Santa Monica, CA 90404 - ER 310-555-0146",
         notes="Rolling traffic breaks by CHP only.",
         permits=[("Caltrans 07-27-6-FE-0112", "2027-03-05", "2027-03-10", "06:00", "20:00", None, 5)]),
    dict(id="LOC-CREST", name="Angeles Crest Hwy (SR-2) - Chilao turnout",
         address="SR-2 mile marker 52, Angeles National Forest, CA 91011", zone=LA,
         coords=(34.305, -118.008),
         parking="Second unit only: Chilao Visitor Center lot.",
         hospital="USC Verdugo Hills Hospital, 1812 Verdugo Blvd, Glendale, CA 91208 - ER 818-555-0147",
         notes="No cell service above La Canada; radios on channel 4.",
         permits=[("USFS/Caltrans AC-27-018", "2027-03-03", "2027-03-03", "06:00", "19:00", None, 5)]),
    dict(id="LOC-CAMRENTAL", name="Valley Camera Rentals - prep bays",
         address="6101 Variel Ave, Woodland Hills, CA 91367", zone=LA,
         coords=(34.175, -118.592),
         parking="Visitor lot; prep bay 3.",
         hospital="Kaiser Permanente Woodland Hills, 5601 De Soto Ave, Woodland Hills, CA 91367 - ER 818-555-0148"),
    dict(id="LOC-RANCH", name="Rancho Las Lomas (Harlow ranch)",
         address="County Rd 42, Galisteo, NM 87540", zone=MT, distant=True,
         coords=(35.396, -105.95),
         parking="Base camp in the east pasture (gravel laid); 4x4 only past the cattle guard.",
         hospital="CHRISTUS St. Vincent Regional Medical Center, 455 St Michael's Dr, Santa Fe, NM 87505 - ER 505-555-0149",
         notes="45 min from Santa Fe hotels. Elevation 6,000 ft: hydrate. Night temperatures below freezing."),
    dict(id="LOC-PLAZA", name="Santa Fe Plaza and San Miguel Chapel",
         address="100 Old Santa Fe Trail, Santa Fe, NM 87501", zone=MT, distant=True,
         coords=(35.687, -105.9378),
         parking="Crew park at the Sandoval St garage; base camp on Water St.",
         hospital="CHRISTUS St. Vincent Regional Medical Center, 455 St Michael's Dr, Santa Fe, NM 87505 - ER 505-555-0149",
         notes="Public plaza stays open; pedestrian holds only.",
         permits=[("Santa Fe Film Office SF-2027-031", "2027-03-18", "2027-03-18", "07:00", "22:00", 1, 5)]),
    dict(id="LOC-CERRILLOS", name="Cerrillos - gas station and general store",
         address="15 Waldo St, Cerrillos, NM 87010", zone=MT, distant=True,
         coords=(35.4378, -106.1236),
         parking="Base camp at the Cerrillos Hills trailhead lot.",
         hospital="CHRISTUS St. Vincent Regional Medical Center, 455 St Michael's Dr, Santa Fe, NM 87505 - ER 505-555-0149",
         notes="Single-lane dirt roads; trucks in convoy behind the transport captain."),
    dict(id="LOC-HTL-ADOBE", name="Adobe Rose Inn & Suites", shared=True,
         address="1501 Paseo de Peralta, Santa Fe, NM 87501", zone=MT, distant=True,
         coords=(35.688, -105.933), parking="Hotel garage (production rate).",
         hospital="CHRISTUS St. Vincent Regional Medical Center, 455 St Michael's Dr, Santa Fe, NM 87505 - ER 505-555-0149",
         notes="Cast and department heads."),
    dict(id="LOC-HTL-SAGE", name="Sage Hill Lodge", shared=True,
         address="3405 Cerrillos Rd, Santa Fe, NM 87507", zone=MT, distant=True,
         coords=(35.641, -105.988), parking="Free surface lot; production vans overnight here.",
         hospital="CHRISTUS St. Vincent Regional Medical Center, 455 St Michael's Dr, Santa Fe, NM 87505 - ER 505-555-0149",
         notes="Crew hotel; breakfast from 05:00 for the production."),
    dict(id="LOC-HTL-LARCH", name="Larchmont Park Hotel", shared=True,
         address="5430 Melrose Ave, Los Angeles, CA 90038", zone=LA,
         coords=(34.0835, -118.3232), parking="Valet (production rate).",
         hospital="Hollywood Presbyterian Medical Center, 1300 N Vermont Ave, Los Angeles, CA 90027 - ER 323-555-0141",
         notes="Out-of-town cast."),
]

TRAVEL_TIMES = [  # minutes, either direction
    ("LOC-OFFICE", "LOC-STAGE7", 20), ("LOC-OFFICE", "LOC-HOUSE", 25),
    ("LOC-OFFICE", "LOC-HOSPITAL", 30), ("LOC-OFFICE", "LOC-DINER", 40),
    ("LOC-OFFICE", "LOC-DTLA", 25), ("LOC-OFFICE", "LOC-MOTEL", 85),
    ("LOC-OFFICE", "LOC-CAMRENTAL", 40), ("LOC-OFFICE", "LOC-PCH", 55),
    ("LOC-OFFICE", "LOC-CREST", 60), ("LOC-OFFICE", "LOC-HTL-LARCH", 15),
    ("LOC-STAGE7", "LOC-HOUSE", 15), ("LOC-STAGE7", "LOC-HTL-LARCH", 8),
    ("LOC-STAGE7", "LOC-CAMRENTAL", 35), ("LOC-HOUSE", "LOC-DTLA", 25),
    ("LOC-HOUSE", "LOC-HOSPITAL", 25), ("LOC-HOSPITAL", "LOC-DTLA", 15),
    ("LOC-DINER", "LOC-MOTEL", 60), ("LOC-HTL-SAGE", "LOC-RANCH", 40),
    ("LOC-HTL-ADOBE", "LOC-RANCH", 45), ("LOC-HTL-SAGE", "LOC-PLAZA", 15),
    ("LOC-HTL-ADOBE", "LOC-PLAZA", 5), ("LOC-HTL-SAGE", "LOC-CERRILLOS", 30),
    ("LOC-RANCH", "LOC-CERRILLOS", 35),
]
TRAVEL_SPEED_KMH = 40

# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------

# Cast: (number, actor, character, contract_tier, flags, home, date_of_birth)
#   flags: "share" may share a room, "drop" may be dropped and picked up,
#          "nohold" holds not allowed
#   home: "LA" (production office), "NM" (Santa Fe local hire) or None (out of town)
CAST = [
    (1, "Elena Vasquez-Reed", "Maya Harlow", "suite", "", "LA", None),
    (2, "Claire Whitfield", "June Harlow-Reyes", "suite", "", None, None),
    (3, "Harold Brennan", "Walt Harlow", "single", "", None, None),
    (4, "Marcus Bell", "Danny Reyes", "single", "drop", "LA", None),
    (5, "Lucia Montoya", "Rosa Delgado", "single", "", "NM", None),
    (6, "Ava Thornton", "Lily Reyes", "standard", "share", "LA", "2016-09-12"),
    (7, "Ray Yazzie", "Sheriff Tom Begay", "standard", "", "NM", None),
    (8, "Priya Raman", "Dr. Anita Shah", "standard", "drop", "LA", None),
    (9, "Gene Halvorsen", "Frank Dobbs", "standard", "drop", "LA", None),
    (10, "Dana Kowalski", "Carla", "standard", "", "LA", None),
    (11, "Bo Whitaker", "Ray the Trucker", "standard", "drop", "LA", None),
    (12, "Luis Ortega", "Officer Mendez", "standard", "drop", "LA", None),
    (13, "Soo-jin Park", "Nurse Kim", "standard", "drop", "LA", None),
    (14, "Tomas Archibeque", "Eddie Archuleta", "standard", "", "NM", None),
    (15, "Isabel Trujillo", "Marisol Delgado", "standard", "", "NM", None),
    (16, "Benedict Romero", "Father Lujan", "standard", "nohold", "NM", None),
    (17, "Patty Lindqvist", "Deb the Motel Clerk", "standard", "drop", "LA", None),
    (18, "Ernesto Baca", "Old Man on the Plaza", "standard", "nohold", "NM", None),
    (19, "Cody Marsh", "Young Walt (1972)", "standard", "share", "LA", None),
    (20, "Valeria Cruz", "Young Rosa (1972)", "standard", "share", "LA", None),
    (21, "Megan Holt", "Gail Pruitt", "standard", "drop", "LA", None),
    (22, "Angela Ruiz", "Teresa the Hospice Nurse", "standard", "nohold", "LA", None),
    (23, "Dwayne Kessler", "Biker 'Tank'", "standard", "drop", "LA", None),
    (24, "Joel Nakamura", "Biker 'Spider'", "standard", "drop", "LA", None),
    (25, "Curtis Webb", "Hospital Security Guard", "standard", "drop", "LA", None),
]
CAST_NM_TRAVEL = [1, 2, 3, 4, 6]  # fly to Santa Fe with the company (#19 and #20 fly on 3/16)
CAST_NM_LATE = [19, 20]  # fly out on TRV-OUT-2, back with the company

# Crew: (id, name, department, role, flags)
#   H head of department      S main unit set crew in Los Angeles
#   N main unit crew in New Mexico (travels)   A advance team in New Mexico
#   2 second unit   O office / prep   T studio teacher (works the minor's days)
#   P pre-call (30 min before general call)   W wraps 30 min after company wrap
#   R may share a room   U contract suite
CREW = [
    ("PRD01", "Dana Whitcombe", "Production", "Producer", "O"),
    ("PRD02", "Samuel Okonkwo", "Production", "Line Producer", "HO"),
    ("PRD03", "Rachel Levinson", "Production", "Unit Production Manager", "O"),
    ("PRD04", "Tomas Ibarra", "Production", "Production Coordinator", "O"),
    ("PRD05", "Keiko Morales", "Production", "Assistant Production Coordinator", "O"),
    ("PRD06", "Jordan Pike", "Production", "Office Production Assistant", "O"),
    ("PRD07", "Ashley Nguyen", "Production", "Set Production Assistant", "SNPR"),
    ("PRD08", "Malik Harris", "Production", "Set Production Assistant", "SNPR"),
    ("PRD09", "Paula Jensen", "Production", "Studio Teacher", "T"),
    ("PRD10", "Derek Lyle", "Production", "Set Medic", "SN"),
    ("DIR01", "Nora Castellanos", "Direction", "Director", "HSNU"),
    ("DIR02", "Ben Sato", "Direction", "Second Unit Director", "2"),
    ("AD01", "Gabriel Ferrer", "Assistant Directors", "First Assistant Director", "HSN"),
    ("AD02", "Monica Tran", "Assistant Directors", "Second Assistant Director", "SNP"),
    ("AD03", "Eli Brandt", "Assistant Directors", "Second Second Assistant Director", "SNP"),
    ("AD04", "Hannah Cole", "Assistant Directors", "Second Unit First AD", "2P"),
    ("CAM01", "Ingrid Solberg", "Camera", "Director of Photography", "HSN"),
    ("CAM02", "Victor Ramos", "Camera", "A Camera Operator", "SN"),
    ("CAM03", "Lena Fischer", "Camera", "A Camera First AC", "SNW"),
    ("CAM04", "Omar Haddad", "Camera", "A Camera Second AC", "SNWR"),
    ("CAM05", "Chris Doyle", "Camera", "B Camera Operator", "SN"),
    ("CAM06", "Ruby Castillo", "Camera", "B Camera First AC", "SNW"),
    ("CAM07", "Tyler Brooks", "Camera", "B Camera Second AC", "SNWR"),
    ("CAM08", "Priyanka Desai", "Camera", "Digital Imaging Technician", "SNW"),
    ("CAM09", "Jonah Mercer", "Camera", "Second Unit Director of Photography", "2"),
    ("CAM10", "Sofia Lindgren", "Camera", "Second Unit First AC", "2W"),
    ("GRP01", "Ray Delacroix", "Grip", "Key Grip", "HSNW"),
    ("GRP02", "Tony Marchetti", "Grip", "Best Boy Grip", "SNW"),
    ("GRP03", "Luis Carrillo", "Grip", "Dolly Grip", "SNW"),
    ("GRP04", "Kevin O'Hara", "Grip", "Grip", "SNWR"),
    ("GRP05", "Andre Phillips", "Grip", "Grip", "SNWR"),
    ("GRP06", "Nate Kowal", "Grip", "Second Unit Key Grip", "2W"),
    ("ELE01", "Maggie Thornbury", "Electric", "Gaffer", "HSNW"),
    ("ELE02", "Dev Patel", "Electric", "Best Boy Electric", "SNW"),
    ("ELE03", "Jesse Navarro", "Electric", "Lamp Operator", "SNWR"),
    ("ELE04", "Carmen Ortiz", "Electric", "Lamp Operator", "SNWR"),
    ("ELE05", "Bill Hendricks", "Electric", "Generator Operator", "SNW"),
    ("ART01", "Yusuf Adeyemi", "Art", "Production Designer", "HOA"),
    ("ART02", "Clara Bishop", "Art", "Art Director", "OA"),
    ("ART03", "Megan Foley", "Art", "Art Department Coordinator", "O"),
    ("SET01", "Hiro Tanaka", "Set Dressing", "Set Decorator", "HO"),
    ("SET02", "Russ Gallagher", "Set Dressing", "Leadman", "O"),
    ("SET03", "Pilar Vega", "Set Dressing", "On-Set Dresser", "SN"),
    ("SET04", "Dwight Moss", "Set Dressing", "Set Dresser", "O"),
    ("PRP01", "Felix Warren", "Props", "Property Master", "HSN"),
    ("PRP02", "Tasha Green", "Props", "Assistant Property Master", "SN"),
    ("COS01", "Amara Okafor", "Costume", "Costume Designer", "HO"),
    ("COS02", "Beth Kaminski", "Costume", "Costume Supervisor", "SNP"),
    ("COS03", "Jorge Salinas", "Costume", "Key Costumer", "SNP"),
    ("COS04", "Nina Petrov", "Costume", "Set Costumer", "SNP"),
    ("HMU01", "Simone Clarke", "Hair & Makeup", "Department Head Makeup", "HSNP"),
    ("HMU02", "Wes Tillman", "Hair & Makeup", "Key Makeup Artist", "SNP"),
    ("HMU03", "Marisa Gomez", "Hair & Makeup", "Department Head Hair", "SNP"),
    ("HMU04", "Kim Landry", "Hair & Makeup", "Key Hair Stylist", "SNP"),
    ("SND01", "Abe Rosenthal", "Sound", "Production Sound Mixer", "HSN"),
    ("SND02", "Carlos Mejia", "Sound", "Boom Operator", "SN"),
    ("SND03", "Zoe Harper", "Sound", "Sound Utility", "SN"),
    ("LOC01", "Gordon Ames", "Locations", "Location Manager", "HOAN"),
    ("LOC02", "Lydia Park", "Locations", "Key Assistant Location Manager", "SN"),
    ("LOC03", "Sam Drury", "Locations", "Location Assistant", "SNP"),
    ("TRN01", "Mike Sorensen", "Transportation", "Transportation Coordinator", "HO"),
    ("TRN02", "Gil Herrera", "Transportation", "Transportation Captain", "SNP"),
    ("TRN03", "Darnell Jackson", "Transportation", "Driver", "SP"),
    ("TRN04", "Irene Walsh", "Transportation", "Driver", "SP"),
    ("TRN05", "Hector Salgado", "Transportation", "Driver", "SP"),
    ("TRN06", "Lou Bianchi", "Transportation", "Driver", "SP"),
    ("TRN07", "Dale Everett", "Transportation", "Process Trailer Driver", "2P"),
    ("ACC01", "Helen Cho", "Accounting", "Production Accountant", "HO"),
    ("ACC02", "Raj Mehta", "Accounting", "First Assistant Accountant", "O"),
    ("ACC03", "Dolores Vigil", "Accounting", "Payroll Accountant", "O"),
    ("SCR01", "Joanna Pryce", "Script", "Script Supervisor", "HSN"),
    ("CAT01", "Marco DiLuca", "Catering", "Chef", "HSP"),
    ("CAT02", "Lupe Castaneda", "Catering", "Assistant Chef", "SP"),
    ("CAT03", "Benji Adler", "Catering", "Craft Service", "SP"),
    ("VFX01", "Anika Johansson", "VFX", "VFX Supervisor", "H2"),
    ("VFX02", "Theo Grant", "VFX", "VFX Data Wrangler", "SN"),
]

# Other people: (id, name, role)
OTHERS = [("G01", "Rebecca Thornton", "Parent/guardian of Ava Thornton (#6)")]
MINOR = 6  # cast number of the minor; guardian and studio teacher shadow her
GUARDIAN = "G01"
STUDIO_TEACHER = "PRD09"

UNAVAILABLE = [  # (person, start local, end local, zone, kind, note)
    ("C08", "2027-03-08 00:00", "2027-03-20 00:00", LA, "unavailable", "Guest role on an episodic (booked before our offer)"),
    ("C05", "2027-03-01 00:00", "2027-03-06 00:00", MT, "tentative", "Pencilled for a theatre workshop in Albuquerque"),
    ("SND02", "2027-04-05 00:00", "2027-04-10 00:00", LA, "unavailable", "Next show starts"),
]

# --------------------------------------------------------------------------
# Resources: (id, name, kind, quantity, serials, prep, return, seats, home, day_rate)
# --------------------------------------------------------------------------

RESOURCES = [
    ("RES-ALEXA35", "ARRI Alexa 35 camera package", "equipment", 2, ["A35-10472", "A35-10519"], 60, 60, None, "LOC-CAMRENTAL", "1850.00"),
    ("RES-MINILF", "ARRI Alexa Mini LF camera package (second unit)", "equipment", 1, ["MLF-22871"], 45, 45, None, "LOC-CAMRENTAL", "1200.00"),
    ("RES-LIGHTING", "Lighting package (10-ton, LED and HMI)", "equipment", 1, [], 0, 0, None, None, "2400.00"),
    ("RES-GRIPPKG", "Grip package (10-ton)", "equipment", 1, [], 0, 0, None, None, "950.00"),
    ("RES-RADIOS", "Motorola CP200d radios with surveillance headsets", "equipment", 40, [], 15, 15, None, "LOC-OFFICE", "4.50"),
    ("RES-TECHNO", "Technocrane 30 ft with remote head", "equipment", 1, ["TC30-0917"], 120, 90, None, None, "3800.00"),
    ("RES-CONDOR", "60 ft Condor boom lift", "equipment", 2, [], 60, 60, None, None, "650.00"),
    ("RES-GENNY", "1400 A tow-plant generator", "equipment", 1, [], 30, 30, None, None, "450.00"),
    ("RES-GETRUCK", "Grip/electric 10-ton truck", "vehicle", 1, [], 30, 30, 3, None, "600.00"),
    ("RES-CAMTRUCK", "Camera cube truck", "vehicle", 1, [], 30, 30, 3, None, "275.00"),
    ("RES-TRAILER", "2-room cast trailer", "vehicle", 2, [], 60, 60, None, None, "550.00"),
    ("RES-HONEY", "4-station honeywagon", "vehicle", 1, [], 60, 60, None, None, "750.00"),
    ("RES-VAN15", "15-passenger van", "vehicle", 4, [], 30, 30, 15, "LOC-OFFICE", "145.00"),
    ("RES-NMVAN", "15-passenger van (Santa Fe rental)", "vehicle", 4, [], 30, 30, 15, "LOC-HTL-SAGE", "160.00"),
    ("RES-PROCESS", "Process trailer with tow vehicle", "vehicle", 1, [], 90, 60, 6, None, "2200.00"),
    ("RES-STAGE7", "Stage 7 (12,000 sq ft)", "stage", 1, [], 0, 0, None, "LOC-STAGE7", "3200.00"),
]
RESOURCE_UNAVAILABLE = [
    ("RES-TECHNO", "2027-03-15 00:00", "2027-03-23 00:00", LA, "unavailable", "Annual service at the vendor"),
]

# Resource bookings by kind of day (quantities)
BOOK_MAIN_LA = {"RES-ALEXA35": 2, "RES-LIGHTING": 1, "RES-GRIPPKG": 1, "RES-RADIOS": 30,
                "RES-GETRUCK": 1, "RES-CAMTRUCK": 1, "RES-TRAILER": 2, "RES-HONEY": 1, "RES-VAN15": 3}
BOOK_MAIN_NM = {"RES-ALEXA35": 2, "RES-LIGHTING": 1, "RES-GRIPPKG": 1, "RES-RADIOS": 30,
                "RES-GETRUCK": 1, "RES-CAMTRUCK": 1, "RES-TRAILER": 2, "RES-HONEY": 1,
                "RES-GENNY": 1}
BOOK_2ND = {"RES-MINILF": 1, "RES-RADIOS": 6, "RES-VAN15": 1}

# --------------------------------------------------------------------------
# Shoot days.  Each main-unit day: lunch 5:15 after general call for 30 min,
# first shot 45 min after call, last shot 30 min before wrap.
#   roster: "LA" (set crew), "NM" (New Mexico crew), "2U" (second unit)
#   extra: extra resource bookings; meal2: (start, end) second meal;
#   move: (minutes, location) company move after lunch
# --------------------------------------------------------------------------

DAYS = [
    # id, unit, day, date, location, call, wrap, roster, extra bookings, options
    ("MU-D01", "U-MAIN", 1, "2027-02-22", "LOC-STAGE7", "07:00", "18:00", "LA", {"RES-STAGE7": 1}, {}),
    ("MU-D02", "U-MAIN", 2, "2027-02-23", "LOC-STAGE7", "07:00", "18:00", "LA", {"RES-STAGE7": 1}, {}),
    ("MU-D03", "U-MAIN", 3, "2027-02-24", "LOC-HOUSE", "08:00", "19:00", "LA", {"RES-GENNY": 1}, {}),
    ("MU-D04", "U-MAIN", 4, "2027-02-25", "LOC-HOUSE", "11:30", "23:30", "LA", {"RES-GENNY": 1},
     {"meal2": ("21:15", "21:45")}),
    ("MU-D05", "U-MAIN", 5, "2027-02-26", "LOC-STAGE7", "12:30", "21:30", "LA", {"RES-STAGE7": 1}, {}),
    ("MU-D06", "U-MAIN", 6, "2027-03-01", "LOC-HOSPITAL", "07:30", "18:30", "LA", {"RES-GENNY": 1}, {}),
    ("MU-D07", "U-MAIN", 7, "2027-03-02", "LOC-HOSPITAL", "07:30", "18:30", "LA", {"RES-GENNY": 1}, {}),
    ("MU-D08", "U-MAIN", 8, "2027-03-03", "LOC-DINER", "07:30", "18:30", "LA", {"RES-GENNY": 1}, {}),
    ("2U-D01", "U-2ND", 1, "2027-03-03", "LOC-CREST", "07:00", "17:00", "2U", {}, {}),
    ("MU-D09", "U-MAIN", 9, "2027-03-04", "LOC-DINER", "12:00", "22:30", "LA", {"RES-GENNY": 1}, {}),
    ("MU-D10", "U-MAIN", 10, "2027-03-05", "LOC-DTLA", "11:30", "21:00", "LA", {"RES-GENNY": 1}, {}),
    ("2U-D02", "U-2ND", 2, "2027-03-05", "LOC-PCH", "08:30", "18:30", "2U", {"RES-PROCESS": 1}, {}),
    ("MU-D11", "U-MAIN", 11, "2027-03-08", "LOC-STAGE7", "08:00", "19:00", "LA", {"RES-STAGE7": 1}, {}),
    ("MU-D12", "U-MAIN", 12, "2027-03-09", "LOC-STAGE7", "08:00", "19:00", "LA", {"RES-STAGE7": 1}, {}),
    ("MU-D13", "U-MAIN", 13, "2027-03-10", "LOC-STAGE7", "08:00", "19:00", "LA", {"RES-STAGE7": 1, "RES-TECHNO": 1}, {}),
    # SEEDED 3: second unit takes an Alexa 35 (main unit has both) on the same day
    ("2U-D03", "U-2ND", 3, "2027-03-10", "LOC-PCH", "07:00", "17:00", "2U", {"RES-ALEXA35": 1},
     {"no_minilf": True}),
    ("MU-D14", "U-MAIN", 14, "2027-03-11", "LOC-MOTEL", "08:00", "19:00", "LA", {"RES-GENNY": 1}, {}),
    ("MU-D15", "U-MAIN", 15, "2027-03-12", "LOC-MOTEL", "08:00", "19:00", "LA", {"RES-GENNY": 1}, {}),
    ("MU-D16", "U-MAIN", 16, "2027-03-16", "LOC-RANCH", "07:00", "18:00", "NM", {}, {}),
    ("MU-D17", "U-MAIN", 17, "2027-03-17", "LOC-RANCH", "07:00", "18:00", "NM", {}, {}),
    ("MU-D18", "U-MAIN", 18, "2027-03-18", "LOC-PLAZA", "09:00", "20:00", "NM", {}, {}),
    ("MU-D19", "U-MAIN", 19, "2027-03-19", "LOC-RANCH", "16:00", "27:00", "NM", {"RES-CONDOR": 2}, {}),
    ("MU-D20", "U-MAIN", 20, "2027-03-22", "LOC-CERRILLOS", "12:30", "23:00", "NM", {}, {}),
    ("MU-D21", "U-MAIN", 21, "2027-03-23", "LOC-RANCH", "12:00", "22:00", "NM", {}, {}),
    ("MU-D22", "U-MAIN", 22, "2027-03-25", "LOC-STAGE7", "08:00", "19:00", "LA", {"RES-STAGE7": 1}, {}),
    ("MU-D23", "U-MAIN", 23, "2027-03-29", "LOC-HOSPITAL", "07:30", "18:30", "LA", {"RES-GENNY": 1}, {}),
    ("MU-D24", "U-MAIN", 24, "2027-03-30", "LOC-HOUSE", "08:00", "19:00", "LA", {"RES-GENNY": 1, "RES-TECHNO": 1},
     {"move": (45, "LOC-DTLA")}),
    ("MU-D25", "U-MAIN", 25, "2027-03-31", "LOC-STAGE7", "10:00", "21:00", "LA", {"RES-STAGE7": 1}, {}),
    ("MU-D26", "U-MAIN", 26, "2027-04-01", "LOC-MOTEL", "16:00", "27:00", "LA", {"RES-GENNY": 1, "RES-CONDOR": 2}, {}),
    ("MU-D27", "U-MAIN", 27, "2027-04-02", "LOC-MOTEL", "17:00", "28:00", "LA", {"RES-GENNY": 1, "RES-CONDOR": 2}, {}),
]

DAY_TITLES = {
    "MU-D01": "Stage 7 - Harlow kitchen and Walt's bedroom",
    "MU-D02": "Stage 7 - station wagon process (LED volume)",
    "MU-D03": "Harlow house - porch and living room",
    "MU-D04": "Harlow house - front yard, dinner, porch at night",
    "MU-D05": "Stage 7 - wagon process (night), motel room 12",
    "MU-D06": "St. Vincent's - Walt's room",
    "MU-D07": "St. Vincent's - parking lot, lobby, ER bay",
    "MU-D08": "Starlite Diner - day",
    "2U-D01": "Second unit - Angeles Crest driving plates",
    "MU-D09": "Starlite Diner - dusk into night",
    "MU-D10": "Downtown LA - Spring St",
    "2U-D02": "Second unit - PCH process trailer with Danny",
    "MU-D11": "Stage 7 - motel rooms, wagon process (Arizona)",
    "MU-D12": "Stage 7 - Delgado farmhouse 1972",
    "MU-D13": "Stage 7 - wagon process (Galisteo road), Harlow kitchen",
    "2U-D03": "Second unit - PCH plates",
    "MU-D14": "Desert Palms Motel - office and pool",
    "MU-D15": "Desert Palms Motel - room 12, Route 66 roadside",
    "MU-D16": "Rancho Las Lomas - gate, farmhouse, corral",
    "MU-D17": "Rancho Las Lomas - arroyo 1972, barn, windmill",
    "MU-D18": "Santa Fe Plaza and San Miguel Chapel",
    "MU-D19": "Rancho Las Lomas - porch and hilltop (nights)",
    "MU-D20": "Cerrillos - gas station, general store, main street",
    "MU-D21": "Rancho Las Lomas - farmhouse bedroom, family plot",
    "MU-D22": "Stage 7 - wagon process (I-40), Harlow house interiors",
    "MU-D23": "St. Vincent's - epilogue",
    "MU-D24": "Harlow house, company move to Downtown LA",
    "MU-D25": "Stage 7 - montage process, Dr. Shah's office, June's apartment",
    "MU-D26": "Desert Palms Motel - nights",
    "MU-D27": "Desert Palms Motel and Route 66 - nights (last day)",
}

DAY_NOTES = {
    "MU-D01": "First day of principal photography. Studio teacher and guardian with #6.",
    "MU-D04": "Neighbour notification letters delivered 2/19. Second meal at 21:15.",
    "MU-D09": "Night exteriors in the diner parking lot; bikers' motorcycles arrive 16:00.",
    "MU-D13": "Technocrane on stage for sc. 64.",
    "MU-D16": "First day in New Mexico (Mountain Time). Vans leave Sage Hill Lodge 05:45.",
    "MU-D19": "Nights. Condors for moonlight; hot meal at 21:00.",
    "MU-D24": "Company move to 4th & Spring after lunch (travel 45 min); second base camp on Main St.",
    "MU-D27": "Last day of principal photography. Wrap party Saturday 4/3.",
    "2U-D02": "Process trailer; CHP rolling breaks northbound.",
}

# Scenes per day: a list of blocks between meals; each scene is
# (number, eighths, int_ext, story_time, set, synopsis, cast numbers[, location])
SCENES = {
    "MU-D01": [
        [("14", 12, "int", "day", "HARLOW HOUSE - KITCHEN", "Maya finds Walt's unopened letters from the hospital", [1]),
         ("15", 20, "int", "day", "HARLOW HOUSE - KITCHEN", "June arrives; the sisters argue about hospice", [1, 2]),
         ("16", 9, "int", "day", "HARLOW HOUSE - KITCHEN", "Lily asks if Grandpa is dying", [1, 2, 6])],
        [("17", 14, "int", "night", "HARLOW HOUSE - WALT'S BEDROOM", "Walt makes Maya promise to take him home to Galisteo", [1, 3]),
         ("18", 6, "int", "night", "HARLOW HOUSE - WALT'S BEDROOM", "June overhears from the doorway", [1, 2, 3])],
    ],
    "MU-D02": [
        [("24", 16, "int", "day", "HARLOW STATION WAGON - MOVING (I-10 EAST)", "The road trip begins; Walt picks the music", [1, 2, 3, 6]),
         ("25", 10, "int", "day", "HARLOW STATION WAGON - MOVING (I-10 EAST)", "Lily plays twenty questions with Walt", [3, 6])],
        [("27", 18, "int", "dusk", "HARLOW STATION WAGON - MOVING (DESERT)", "June and Maya fight; Walt pretends to sleep", [1, 2, 3]),
         ("29", 7, "int", "night", "HARLOW STATION WAGON - MOVING (DESERT)", "Maya drives alone while everyone sleeps", [1, 3])],
    ],
    "MU-D03": [
        [("10", 8, "ext", "day", "HARLOW HOUSE - PORCH", "Maya comes home from a shift; the ambulance idles", [1]),
         ("11", 15, "int", "day", "HARLOW HOUSE - LIVING ROOM", "Maya and Walt watch old Westerns; he won't take his pills", [1, 3]),
         ("12", 5, "int", "day", "HARLOW HOUSE - LIVING ROOM", "Teresa the hospice nurse introduces herself", [1, 3, 22])],
        [("13", 12, "int", "day", "HARLOW HOUSE - LIVING ROOM", "Gail the realtor values the house over Walt's objections", [1, 2, 21]),
         ("19", 10, "ext", "day", "HARLOW HOUSE - BACKYARD", "June and Danny argue about money on the patio", [2, 4])],
    ],
    "MU-D04": [
        [("20", 14, "ext", "day", "HARLOW HOUSE - FRONT YARD", "Loading the station wagon; Walt insists on his saddle", [1, 2, 3, 4]),
         ("21", 6, "ext", "dusk", "HARLOW HOUSE - FRONT YARD", "Danny refuses to come along", [2, 4])],
        [("22", 16, "int", "night", "HARLOW HOUSE - DINING ROOM", "Family dinner; Walt tells the story of Rosa", [1, 2, 3, 4])],
        [("23", 8, "ext", "night", "HARLOW HOUSE - PORCH", "Maya and June share a cigarette at 2 a.m.", [1, 2])],
    ],
    "MU-D05": [
        [("30", 12, "int", "night", "HARLOW STATION WAGON - MOVING (ROUTE 66)", "Walt's breathing worsens; Maya pulls over", [1, 2, 3]),
         ("31", 8, "int", "night", "HARLOW STATION WAGON - PARKED (ROUTE 66)", "June calls Dr. Shah from the car", [2, 3])],
        [("46", 14, "int", "night", "DESERT PALMS MOTEL - ROOM 12 (STAGE)", "The sisters share a bed like when they were kids", [1, 2])],
    ],
    "MU-D06": [
        [("3", 14, "int", "day", "ST. VINCENT'S - WALT'S ROOM", "Dr. Shah explains Walt has weeks, not months", [1, 3, 8]),
         ("4", 6, "int", "day", "ST. VINCENT'S - CORRIDOR", "Maya breaks down by the vending machines", [1, 13]),
         ("5", 9, "int", "day", "ST. VINCENT'S - WALT'S ROOM", "Walt flirts with Nurse Kim", [3, 13])],
        [("6", 12, "int", "day", "ST. VINCENT'S - NURSES' STATION", "June arrives from New York, all business", [2, 8, 13]),
         ("7", 10, "int", "day", "ST. VINCENT'S - WALT'S ROOM", "Walt signs himself out against medical advice", [1, 2, 3, 8])],
    ],
    "MU-D07": [
        [("8", 8, "ext", "day", "ST. VINCENT'S - PARKING LOT", "The guard stops Walt's wheelchair 'escape'", [1, 3, 25]),
         ("9", 10, "int", "day", "ST. VINCENT'S - LOBBY", "Lily meets Grandpa in the lobby", [2, 3, 6])],
        [("2", 12, "int", "day", "ST. VINCENT'S - ER BAY", "Maya brings in a patient and hears her father is upstairs", [1, 12, 13]),
         ("1", 9, "int", "night", "AMBULANCE - MOVING (PROCESS)", "Maya on a night call; Officer Mendez on the radio", [1, 12])],
    ],
    "MU-D08": [
        [("32", 16, "int", "day", "STARLITE DINER - BOOTH", "Breakfast on the road; Walt orders pie first", [1, 2, 3, 10]),
         ("33", 6, "int", "day", "STARLITE DINER - COUNTER", "Carla recognises Walt from an old rodeo poster", [3, 10])],
        [("34", 12, "int", "day", "STARLITE DINER - BOOTH", "Ray the trucker gives directions to Galisteo", [1, 2, 11]),
         ("35", 8, "ext", "day", "STARLITE DINER - PARKING LOT", "The station wagon won't start", [1, 2, 3, 11])],
    ],
    "2U-D01": [
        [("24PL", 0, "ext", "day", "ANGELES CREST HWY - EASTBOUND", "Driving plates for sc. 24-25 (front, sides, rear)", []),
         ("27PL", 0, "ext", "day", "ANGELES CREST HWY - SUMMIT", "Driving plates for sc. 27 (late-day sun)", [])],
        [("29PL", 0, "ext", "dusk", "ANGELES CREST HWY - SWITCHBACKS", "Dusk plates for sc. 29-30", [])],
    ],
    "MU-D09": [
        [("36", 10, "int", "dusk", "STARLITE DINER - BOOTH", "Danny shows up unannounced", [2, 4, 10]),
         ("37", 12, "int", "night", "STARLITE DINER - RESTROOM HALLWAY", "June and Danny: the truth about the loan", [2, 4])],
        [("38", 8, "ext", "night", "STARLITE DINER - PARKING LOT", "Bikers Tank and Spider hassle Walt", [1, 3, 23, 24]),
         ("39", 14, "ext", "night", "STARLITE DINER - PARKING LOT", "Danny stands up to the bikers; June sees him anew", [2, 4, 23, 24])],
    ],
    "MU-D10": [
        [("26", 10, "ext", "day", "DOWNTOWN LA - SPRING STREET", "June walks out of her law firm for good", [2]),
         ("45", 12, "ext", "dusk", "DOWNTOWN LA - 4TH & SPRING", "Officer Mendez tickets the station wagon", [1, 2, 12])],
        [("47", 16, "ext", "night", "DOWNTOWN LA - SPRING STREET", "Maya on an ambulance call, before it all began", [1, 12])],
    ],
    "2U-D02": [
        [("28PL", 0, "ext", "day", "PACIFIC COAST HWY - NORTHBOUND", "Driving plates for sc. 28A-28B", []),
         ("28A", 12, "int", "day", "DANNY'S TRUCK - MOVING (PCH)", "Danny drives after the family, rehearsing an apology", [4])],
        [("28B", 6, "int", "day", "DANNY'S TRUCK - MOVING (PCH)", "Danny leaves June a voicemail he deletes", [4]),
         ("43PL", 0, "ext", "day", "PACIFIC COAST HWY - SOUTHBOUND", "Plates for sc. 43 (truck arrival)", [])],
    ],
    "MU-D11": [
        [("48", 10, "int", "night", "DESERT PALMS MOTEL - ROOM 12 (STAGE)", "Walt can't sleep; Lily reads to him", [3, 6]),
         ("49", 12, "int", "night", "DESERT PALMS MOTEL - ROOM 14 (STAGE)", "Danny calls June; she hangs up", [2, 4])],
        [("50", 16, "int", "day", "HARLOW STATION WAGON - MOVING (ARIZONA)", "Walt tells Lily about the ranch horses", [1, 2, 3, 6]),
         ("51", 10, "int", "dusk", "HARLOW STATION WAGON - MOVING (NEW MEXICO LINE)", "Crossing into New Mexico; Walt cries", [1, 2, 3])],
    ],
    "MU-D12": [
        [("60", 12, "int", "day", "DELGADO FARMHOUSE - KITCHEN (1972)", "Young Walt asks Rosa's father for permission", [19]),
         ("61", 10, "int", "day", "DELGADO FARMHOUSE - KITCHEN (1972)", "Young Rosa and Young Walt alone for the first time", [19, 20])],
        [("62", 14, "int", "night", "DELGADO FARMHOUSE - PORCH (1972)", "Walt leaves for the army; Rosa gives him her rosary", [19, 20]),
         ("63", 8, "int", "night", "HARLOW HOUSE - WALT'S BEDROOM", "Old Walt holds the rosary", [3])],
    ],
    "MU-D13": [
        [("64", 16, "int", "day", "HARLOW STATION WAGON - MOVING (GALISTEO ROAD)", "Walt recognises the mesa; the sisters go quiet", [1, 2, 3]),
         ("65", 8, "int", "day", "HARLOW STATION WAGON - MOVING (GALISTEO ROAD)", "Maya asks June to stay after the funeral", [1, 2])],
        [("90", 14, "int", "day", "HARLOW HOUSE - KITCHEN", "The sisters pack Walt's things together", [1, 2]),
         ("91", 6, "int", "day", "HARLOW HOUSE - KITCHEN", "June calls Gail: the house isn't for sale", [1, 2])],
    ],
    "2U-D03": [
        [("30PL", 0, "ext", "day", "PACIFIC COAST HWY - NORTHBOUND", "Day-for-night plates for sc. 30-31", [])],
        [("86PL", 0, "ext", "day", "PACIFIC COAST HWY - SOUTHBOUND", "Plates for sc. 86-87 (I-40 stand-in)", [])],
    ],
    "MU-D14": [
        [("40", 12, "ext", "day", "DESERT PALMS MOTEL - OFFICE", "Frank gives them the last two rooms", [1, 2, 3, 9]),
         ("41", 6, "int", "day", "DESERT PALMS MOTEL - OFFICE", "Deb the clerk flirts with Walt", [3, 9, 17])],
        [("42", 14, "ext", "day", "DESERT PALMS MOTEL - POOL", "Walt teaches Lily to lasso by the empty pool", [1, 3, 6]),
         ("43", 10, "ext", "dusk", "DESERT PALMS MOTEL - PARKING LOT", "Danny's truck pulls in", [2, 4])],
    ],
    "MU-D15": [
        [("44", 16, "int", "day", "DESERT PALMS MOTEL - ROOM 12", "Morning after: June and Danny reconcile", [2, 4]),
         ("52", 8, "ext", "day", "DESERT PALMS MOTEL - PARKING LOT", "The family leaves together", [1, 2, 3, 4, 6])],
        [("53", 12, "ext", "day", "ROUTE 66 - ROADSIDE", "Flat tire; Ray the trucker stops to help", [1, 3, 11]),
         ("54", 6, "ext", "dusk", "ROUTE 66 - ROADSIDE", "Walt watches the sunset and says it's the one", [1, 3])],
    ],
    "MU-D16": [
        [("55", 14, "ext", "day", "HARLOW RANCH - FRONT GATE", "They arrive; the ranch is in ruins", [1, 2, 3, 4, 6]),
         ("56", 10, "int", "day", "HARLOW RANCH - FARMHOUSE", "Walt walks through his childhood home", [1, 3])],
        [("57", 8, "ext", "day", "HARLOW RANCH - CORRAL", "Eddie the neighbour brings a horse for Lily", [1, 6, 14]),
         ("58", 12, "ext", "dusk", "HARLOW RANCH - CORRAL", "Sheriff Begay warns about the county burial rules", [1, 2, 7])],
    ],
    "MU-D17": [
        [("66", 14, "ext", "day", "GALISTEO BASIN - ARROYO (1972)", "Young Walt and Young Rosa ride out to the arroyo", [19, 20]),
         ("67", 8, "ext", "day", "HARLOW RANCH - BARN", "Lily finds Walt's old saddle", [3, 6])],
        [("68", 12, "int", "day", "HARLOW RANCH - BARN", "June finds the letters Walt never sent to Rosa", [2, 3]),
         ("69", 6, "ext", "dusk", "HARLOW RANCH - WINDMILL", "Maya and June decide to find Rosa", [1, 2])],
    ],
    "MU-D18": [
        [("70", 16, "ext", "day", "SANTA FE PLAZA (1972)", "The fiesta: Young Walt dances with Young Rosa", [18, 19, 20]),
         ("71", 8, "ext", "day", "SANTA FE PLAZA", "An old man on a bench remembers the Harlow boy", [1, 2, 18])],
        [("72", 14, "ext", "day", "SAN MIGUEL CHAPEL - EXT", "Maya and June find Rosa lighting a candle", [1, 2, 5]),
         ("73", 10, "int", "day", "ROSA'S CAFE (PLAZA STOREFRONT)", "Rosa introduces Marisol and agrees to come", [1, 2, 5, 15])],
    ],
    "MU-D19": [
        [("74", 14, "ext", "dusk", "HARLOW RANCH - PORCH", "Rosa and Walt see each other after 55 years", [3, 5]),
         ("75", 10, "ext", "night", "HARLOW RANCH - PORCH", "The family eats dinner under the stars", [1, 2, 3, 4, 5, 15])],
        [("76", 16, "ext", "night", "GALISTEO BASIN - HILLTOP", "Walt asks to see the stars one last time", [1, 2, 3]),
         ("77", 8, "ext", "night", "GALISTEO BASIN - HILLTOP (1972)", "Young Walt and Young Rosa under the same stars", [19, 20])],
    ],
    "MU-D20": [
        [("78", 12, "ext", "day", "CERRILLOS - EDDIE'S GAS STATION", "Eddie fixes the station wagon's radiator", [1, 4, 14]),
         ("79", 10, "int", "day", "CERRILLOS - GENERAL STORE", "Lily buys Walt a turquoise bolo tie", [2, 6, 15])],
        [("80", 14, "ext", "night", "CERRILLOS - MAIN STREET", "June and Danny dance in the empty street", [2, 4]),
         ("81", 8, "ext", "night", "CERRILLOS - EDDIE'S GAS STATION", "Maya calls the hospice nurse; Walt is fading", [1, 14])],
    ],
    "MU-D21": [
        [("82", 18, "int", "day", "HARLOW RANCH - FARMHOUSE BEDROOM", "Walt dies with Rosa and his daughters beside him", [1, 2, 3, 5]),
         ("83", 6, "int", "day", "HARLOW RANCH - FARMHOUSE", "Lily asks where Grandpa went", [2, 4, 6])],
        [("84", 14, "ext", "dusk", "HARLOW RANCH - FAMILY PLOT", "The funeral; young Walt and Rosa watch from the ridge", [1, 2, 4, 5, 6, 7, 14, 15, 16, 19, 20]),
         ("85", 8, "ext", "night", "HARLOW RANCH - FAMILY PLOT", "The sisters stay behind at the grave", [1, 2])],
    ],
    "MU-D22": [
        [("86", 12, "int", "day", "HARLOW STATION WAGON - MOVING (I-40 WEST)", "Driving home; the empty passenger seat", [1, 2, 6]),
         ("87", 8, "int", "day", "HARLOW STATION WAGON - MOVING (I-40 WEST)", "Lily starts a game of twenty questions", [1, 2, 6])],
        [("88", 14, "int", "night", "HARLOW HOUSE - WALT'S BEDROOM", "Maya sleeps in Walt's bed and finds his note", [1]),
         ("89", 6, "int", "dawn", "HARLOW HOUSE - KITCHEN", "June makes coffee at dawn and decides to stay", [2])],
    ],
    "MU-D23": [
        [("92", 12, "int", "day", "ST. VINCENT'S - ER BAY", "Months later: Maya back at work; Dr. Shah stops by", [1, 8]),
         ("93", 8, "int", "day", "ST. VINCENT'S - CORRIDOR", "Nurse Kim gives Maya Walt's forgotten hat", [1, 13])],
        [("94", 12, "int", "day", "ST. VINCENT'S - CAFETERIA", "June brings Maya lunch; the sisters laugh", [1, 2]),
         ("95", 6, "ext", "day", "ST. VINCENT'S - AMBULANCE BAY", "The security guard salutes Maya", [1, 25])],
    ],
    "MU-D24": [
        [("96", 14, "ext", "day", "HARLOW HOUSE - FRONT YARD", "The For Sale sign comes down", [1, 2, 4, 6, 21]),
         ("97", 8, "int", "day", "HARLOW HOUSE - LIVING ROOM", "Lily hangs Walt's rodeo poster", [2, 6])],
        [("98", 12, "ext", "day", "DOWNTOWN LA - SPRING STREET", "June signs her resignation at the law firm", [2], "LOC-DTLA"),
         ("99", 10, "ext", "dusk", "DOWNTOWN LA - 4TH & SPRING", "Maya's ambulance passes June; they wave", [1, 2, 12], "LOC-DTLA")],
    ],
    "MU-D25": [
        [("100", 12, "int", "day", "HARLOW STATION WAGON - MOVING (MONTAGE)", "Montage: Walt's road stories", [1, 2, 3, 6]),
         ("101", 6, "int", "day", "HARLOW STATION WAGON - MOVING (MONTAGE)", "Walt teaches Lily a cowboy song", [3, 6])],
        [("102", 16, "int", "night", "DR. SHAH'S OFFICE (STAGE)", "Dr. Shah tells June the prognosis over the phone", [2, 8]),
         ("103", 6, "int", "night", "JUNE'S NEW YORK APARTMENT (STAGE)", "June packs a bag in a hurry", [2])],
    ],
    "MU-D26": [
        [("104", 14, "ext", "night", "DESERT PALMS MOTEL - POOL", "Maya and Danny talk by the empty pool", [1, 4]),
         ("105", 8, "ext", "night", "DESERT PALMS MOTEL - NEON SIGN", "Frank fixes the flickering VACANCY sign", [9])],
        [("106", 16, "ext", "night", "DESERT PALMS MOTEL - PARKING LOT", "The bikers return; Walt faces them down", [1, 3, 9, 23, 24]),
         ("107", 8, "int", "night", "DESERT PALMS MOTEL - OFFICE", "Deb calls the sheriff", [17])],
    ],
    "MU-D27": [
        [("108", 12, "ext", "dusk", "ROUTE 66 - ROADSIDE", "Magic hour: Walt dances with both daughters on the road", [1, 2, 3]),
         ("109", 8, "ext", "night", "ROUTE 66 - ROADSIDE", "A trucker's horn; Ray waves", [1, 2, 3, 11])],
        [("110", 18, "ext", "night", "DESERT PALMS MOTEL - ROOF", "Maya and June on the roof watching the highway", [1, 2]),
         ("111", 6, "ext", "dawn", "DESERT PALMS MOTEL - PARKING LOT", "Dawn: the station wagon pulls out", [1, 2, 3])],
    ],
}

# Explicit scene times where the proportional layout is not wanted
SCENE_TIMES = {
    "2U-D02": {"28PL": ("09:15", "10:30"), "28A": ("10:30", "13:45"),
               "28B": ("14:15", "16:00"), "43PL": ("16:00", "18:00")},
    "MU-D12": {"60": ("08:45", "11:30"), "61": ("11:30", "13:15"),
               "62": ("13:45", "16:30"), "63": ("16:30", "18:30")},
}

# Individual overrides of cast times: (day, cast number) -> fields (local times)
CAST_OVERRIDES = {
    # SEEDED 2: Danny is held to wrap for wild lines after the night exterior ...
    ("MU-D09", 4): {"dismissal": "22:30"},
    # ... and called by second unit next morning (beard and bruise continuity)
    ("2U-D02", 4): {"makeup_call": "09:00", "call": "09:45", "on_set": "10:30"},
}

# Makeup time before the first shot (minutes)
def makeup_minutes(number: int) -> int:
    if number == MINOR:
        return 45
    return 75 if number <= 3 else 60


# --------------------------------------------------------------------------
# Other events: (id, kind, title, location, date, start, end, attendees,
#               resources, meals [(start, end)], notes)
#   attendees: cast numbers (int) or person ids (str); location None = none
# --------------------------------------------------------------------------

HODS_MEETING = ["DIR01", "PRD01", "PRD02", "PRD03", "PRD04", "AD01", "AD02", "CAM01", "ELE01", "GRP01",
                "ART01", "SET01", "PRP01", "COS01", "HMU01", "SND01", "LOC01", "TRN01", "ACC01", "SCR01",
                "VFX01", "CAT01"]
CAMERA_PREP = ["CAM02", "CAM03", "CAM04", "CAM05", "CAM06", "CAM07", "CAM08"]
PRELIGHT = ["ELE02", "ELE03", "ELE04", "ELE05", "GRP02", "GRP03", "GRP04", "GRP05"]

OTHER_EVENTS = [
    # --- prep week (Presidents' Day Monday 2/15 is a holiday) ---
    ("MTG-TABLEREAD", "meeting", "Table read", "LOC-OFFICE", "2027-02-16", "10:00", "13:00",
     ["DIR01", "PRD01", "PRD02", "SCR01", 1, 2, 3, 4, 6, 8, GUARDIAN, STUDIO_TEACHER], {}, [], "Conference room A; lunch after."),
    ("MTG-TECHSCOUT", "meeting", "Tech scout: house, hospital, diner, downtown", None, "2027-02-16", "07:30", "17:30",
     ["AD01", "AD02", "CAM01", "ELE01", "GRP01", "ART01", "LOC01", "PRD03", "TRN01", "SND01"],
     {"RES-VAN15": 1}, [("12:00", "13:00")], "Van leaves the production office 07:30. Lunch at the Starlite Diner."),
    ("FIT-C04", "fitting", "Costume fitting - Danny", "LOC-OFFICE", "2027-02-17", "09:00", "10:00", [4], {}, [], "With Amara Okafor."),
    ("FIT-C08", "fitting", "Costume fitting - Dr. Shah", "LOC-OFFICE", "2027-02-17", "10:00", "11:00", [8], {}, [], "With Amara Okafor."),
    ("FIT-C10", "fitting", "Costume fitting - Carla", "LOC-OFFICE", "2027-02-17", "11:00", "12:00", [10], {}, [], "With Beth Kaminski."),
    ("FIT-C13", "fitting", "Costume fitting - Nurse Kim", "LOC-OFFICE", "2027-02-17", "13:00", "14:00", [13], {}, [], "With Beth Kaminski."),
    ("FIT-C06", "fitting", "Costume fitting - Lily", "LOC-OFFICE", "2027-02-17", "15:00", "16:00", [6, GUARDIAN], {}, [], "Guardian present."),
    ("REH-01", "rehearsal", "Director's rehearsal - Maya, June, Walt", "LOC-STAGE7", "2027-02-17", "10:00", "16:00",
     ["DIR01", "SCR01", 1, 2, 3], {"RES-STAGE7": 1}, [("13:00", "13:30")], "Kitchen set, walls in."),
    ("PREP-DRESS-HOUSE", "prep", "Set dressing - Harlow house", "LOC-HOUSE", "2027-02-17", "08:00", "17:00",
     ["SET01", "SET02", "SET03", "SET04", "PRP01", "PRP02"], {}, [("12:30", "13:00")], "Swing gang; owners away until 2/26."),
    ("FIT-C09", "fitting", "Costume fitting - Frank", "LOC-OFFICE", "2027-02-18", "09:00", "10:00", [9], {}, [], ""),
    ("FIT-C11", "fitting", "Costume fitting - Ray the Trucker", "LOC-OFFICE", "2027-02-18", "10:00", "11:00", [11], {}, [], ""),
    ("FIT-C17", "fitting", "Costume fitting - Deb", "LOC-OFFICE", "2027-02-18", "11:00", "12:00", [17], {}, [], ""),
    ("FIT-C21", "fitting", "Costume fitting - Gail", "LOC-OFFICE", "2027-02-18", "13:00", "14:00", [21], {}, [], ""),
    ("FIT-C22", "fitting", "Costume fitting - Teresa", "LOC-OFFICE", "2027-02-18", "14:00", "15:00", [22], {}, [], ""),
    ("FIT-C25", "fitting", "Costume fitting - Security Guard", "LOC-OFFICE", "2027-02-18", "15:00", "16:00", [25], {}, [], ""),
    ("REH-02", "rehearsal", "Director's rehearsal - June, Danny, Lily", "LOC-STAGE7", "2027-02-18", "10:00", "15:00",
     ["DIR01", "SCR01", 1, 2, 4, 6, GUARDIAN, STUDIO_TEACHER], {"RES-STAGE7": 1}, [("12:30", "13:00")], "Studio teacher on set."),
    ("PREP-CAMERA-1", "prep", "Camera prep day 1", "LOC-CAMRENTAL", "2027-02-18", "08:00", "17:00",
     CAMERA_PREP, {"RES-ALEXA35": 2, "RES-MINILF": 1}, [("13:00", "13:30")], "Bay 3. Lens tests at 14:00."),
    ("MTG-PRODUCTION", "meeting", "Production meeting", "LOC-OFFICE", "2027-02-19", "09:00", "11:00",
     HODS_MEETING, {}, [], "Final production meeting: one-liner, day-out-of-days, safety."),
    ("FIT-C23", "fitting", "Costume fitting - Biker 'Tank'", "LOC-OFFICE", "2027-02-19", "11:00", "12:00", [23], {}, [], ""),
    ("FIT-C24", "fitting", "Costume fitting - Biker 'Spider'", "LOC-OFFICE", "2027-02-19", "12:00", "13:00", [24], {}, [], ""),
    ("FIT-C19", "fitting", "Costume fitting - Young Walt", "LOC-OFFICE", "2027-02-19", "14:00", "15:00", [19], {}, [], "1972 period."),
    ("FIT-C20", "fitting", "Costume fitting - Young Rosa", "LOC-OFFICE", "2027-02-19", "15:00", "16:00", [20], {}, [], "1972 period."),
    ("PREP-CAMERA-2", "prep", "Camera prep day 2", "LOC-CAMRENTAL", "2027-02-19", "08:00", "16:00",
     CAMERA_PREP, {"RES-ALEXA35": 2, "RES-MINILF": 1}, [("12:30", "13:00")], "Load the camera truck by 16:00."),
    ("PREP-PRELIGHT", "prep", "Pre-light Stage 7", "LOC-STAGE7", "2027-02-19", "08:00", "17:00",
     PRELIGHT, {"RES-STAGE7": 1, "RES-LIGHTING": 1, "RES-GRIPPKG": 1}, [("12:30", "13:00")], "Kitchen and bedroom sets."),
    # --- during the shoot ---
    # SEEDED 1: Young Rosa's second fitting overlaps her makeup call on Day 12
    ("FIT-C20-2", "fitting", "Costume fitting - Young Rosa (fiesta dress)", "LOC-OFFICE", "2027-03-09", "10:00", "11:15",
     [20], {}, [], "Second fitting: 1972 fiesta dress for sc. 70, with alterations."),
    ("FIT-C19-2", "fitting", "Costume fitting - Young Walt (army uniform)", "LOC-OFFICE", "2027-03-10", "14:00", "15:00",
     [19], {}, [], "Second fitting: army uniform for sc. 62."),
    ("TRV-ADVANCE", "travel", "Advance team to Santa Fe", None, "2027-03-10", "09:00", "14:00@MT",
     ["ART01", "ART02", "LOC01"], {}, [], "Southwest LAX-SAF; rental car at SAF."),
    ("MTG-NM-LOGISTICS", "meeting", "New Mexico logistics meeting", "LOC-OFFICE", "2027-03-11", "10:00", "11:00",
     ["PRD03", "PRD04", "PRD05", "TRN01", "ACC01"], {}, [], "Rooming list, flights, per diem, local hires."),
    ("REH-FIESTA", "rehearsal", "Dance rehearsal - 1972 fiesta (sc. 70)", "LOC-STAGE7", "2027-03-11", "10:00", "14:00",
     [19, 20], {"RES-STAGE7": 1}, [], "With the choreographer."),
    ("PREP-RANCH-1", "prep", "Ranch prep: dress the farmhouse and family plot", "LOC-RANCH", "2027-03-11", "08:00", "17:00",
     ["ART01", "ART02", "LOC01"], {}, [("12:30", "13:00")], "Local swing gang hired through the NM film office."),
    ("PREP-RANCH-2", "prep", "Ranch prep: base camp and road grading", "LOC-RANCH", "2027-03-12", "08:00", "17:00",
     ["ART01", "ART02", "LOC01"], {}, [("12:30", "13:00")], ""),
    ("TRV-OUT", "travel", "Company travel: Los Angeles to Santa Fe", None, "2027-03-15", "07:30", "14:00@MT",
     "TRAVEL_OUT", {}, [], "Coach from the production office 07:30; Southwest LAX 09:45 to SAF 13:05 (MT); coach to hotels."),
    ("TRV-OUT-2", "travel", "Travel: Young Walt and Young Rosa to Santa Fe", None, "2027-03-16", "08:00", "14:30@MT",
     [19, 20], {}, [], "Southwest LAX 10:15 to SAF 13:35 (MT); picked up by the transport captain."),
    ("TRV-BACK", "travel", "Company travel: Santa Fe to Los Angeles", None, "2027-03-24", "11:00@MT", "15:30",
     "TRAVEL_BACK", {}, [], "Coach from the hotels 11:00 (MT); Southwest SAF 12:40 to LAX 13:55 (PT); coach to the office."),
]

# --------------------------------------------------------------------------
# Logistics
# --------------------------------------------------------------------------

HOTELS = [
    ("HTL-ADOBE", "Adobe Rose Inn & Suites", "LOC-HTL-ADOBE"),
    ("HTL-SAGE", "Sage Hill Lodge", "LOC-HTL-SAGE"),
    ("HTL-LARCH", "Larchmont Park Hotel", "LOC-HTL-LARCH"),
]
# (id, hotel, room_type, occupancy, first_night, last_night, rooms, rate, release deadline (local, zone), account)
ROOM_BLOCKS = [
    ("BLK-ADOBE-STE", "HTL-ADOBE", "suite", 2, "2027-03-15", "2027-03-23", 3, "389.00", ("2027-02-22 17:00", MT), "1502"),
    ("BLK-ADOBE-STD", "HTL-ADOBE", "standard", 2, "2027-03-15", "2027-03-23", 12, "189.00", ("2027-02-22 17:00", MT), "3612"),
    ("BLK-SAGE-ADV", "HTL-SAGE", "standard", 2, "2027-03-10", "2027-03-23", 3, "139.00", ("2027-02-24 17:00", MT), "3612"),
    ("BLK-SAGE-STD", "HTL-SAGE", "standard", 2, "2027-03-15", "2027-03-23", 42, "139.00", ("2027-02-24 17:00", MT), "3612"),
    ("BLK-LARCH-STE-1", "HTL-LARCH", "suite", 2, "2027-02-15", "2027-03-14", 1, "429.00", ("2027-01-25 17:00", LA), "1502"),
    ("BLK-LARCH-STD-1", "HTL-LARCH", "standard", 2, "2027-02-15", "2027-03-14", 1, "259.00", ("2027-01-25 17:00", LA), "1502"),
    ("BLK-LARCH-STE-2", "HTL-LARCH", "suite", 2, "2027-03-24", "2027-04-02", 1, "429.00", ("2027-03-01 17:00", LA), "1502"),
    ("BLK-LARCH-STD-2", "HTL-LARCH", "standard", 2, "2027-03-24", "2027-04-02", 1, "259.00", ("2027-03-01 17:00", LA), "1502"),
]
# (person, first_night, last_night, hotel)
STAY_REQUESTS = [
    ("C02", "2027-02-15", "2027-03-14", "HTL-LARCH"),
    ("C02", "2027-03-24", "2027-04-02", "HTL-LARCH"),
    ("C03", "2027-02-15", "2027-03-14", "HTL-LARCH"),
    ("C03", "2027-03-24", "2027-04-02", "HTL-LARCH"),
    ("ART01", "2027-03-10", "2027-03-23", "HTL-SAGE"),
    ("ART02", "2027-03-10", "2027-03-23", "HTL-SAGE"),
    ("LOC01", "2027-03-10", "2027-03-23", "HTL-SAGE"),
]

# --------------------------------------------------------------------------
# Budget: the standard feature chart (topsheet categories and accounts)
# --------------------------------------------------------------------------

CATEGORIES = [
    ("1100", "Story & Rights", "above_the_line"), ("1200", "Producers Unit", "above_the_line"),
    ("1300", "Direction", "above_the_line"), ("1400", "Cast", "above_the_line"),
    ("1500", "Travel & Living", "above_the_line"), ("1900", "Above-the-Line Fringe", "above_the_line"),
    ("2000", "Production Staff", "production"), ("2100", "Extra Talent", "production"),
    ("2200", "Art Direction", "production"), ("2300", "Set Construction", "production"),
    ("2500", "Set Operations", "production"), ("2600", "Special Effects", "production"),
    ("2700", "Set Dressing", "production"), ("2800", "Property", "production"),
    ("2900", "Wardrobe", "production"), ("3100", "Makeup & Hair", "production"),
    ("3200", "Electrical", "production"), ("3300", "Camera", "production"),
    ("3400", "Production Sound", "production"), ("3500", "Transportation", "production"),
    ("3600", "Location Expenses", "production"), ("3700", "Picture Vehicles & Animals", "production"),
    ("3800", "Digital Media & Dailies", "production"), ("3900", "Studio Facilities & Office", "production"),
    ("4000", "Second Unit", "production"),
    ("4900", "Production Fringe", "production"),
    ("5000", "Editing", "post"), ("5100", "Music", "post"), ("5200", "Post-Production Sound", "post"),
    ("5300", "Post-Production Picture", "post"), ("5400", "Titles & Graphics", "post"),
    ("5500", "Visual Effects", "post"), ("5900", "Post Fringe", "post"),
    ("6500", "Publicity", "other"), ("6700", "Insurance", "other"),
    ("6800", "General Expense", "other"), ("7500", "Fees", "other"),
]

ACCOUNTS = [  # (code, name); the category is the code's first two digits + "00"
    ("1101", "Rights Purchase"), ("1102", "Screenplay"), ("1103", "Script Clearance & Research"),
    
    ("1201", "Producers"), 
    
    ("1301", "Director"), ("1302", "Director's Assistant"), 
    ("1401", "Principal Cast"), ("1402", "Supporting Cast"), ("1403", "Day Players"),
    ("1405", "Stunts"), ("1406", "Casting"), ("1407", "Rehearsals & Fittings"),
    ("1408", "Looping & ADR"), ("1499", "Fringes - Cast"),
    ("1501", "Airfares - Above the Line"), ("1502", "Hotels - Above the Line"),
    ("1503", "Per Diem - Above the Line"), 
    ("1901", "Payroll Taxes - Above the Line"), ("1902", "SAG-AFTRA Pension & Health"),
    ("1903", "DGA Pension & Health - Above the Line"), ("1904", "WGA Pension & Health"),
    ("2001", "Unit Production Manager"), ("2002", "First Assistant Director"),
    ("2003", "Second Assistant Director"), ("2004", "Second Second Assistant Director"),
    ("2005", "Production Coordinator"), ("2006", "Assistant Production Coordinator"),
    ("2007", "Script Supervisor"), ("2008", "Production Accountant"),
    ("2009", "Assistant Accountants"), ("2010", "Production Assistants"),
    ("2011", "Studio Teacher"), ("2012", "Set Medic"), ("2099", "Fringes - Production Staff"),
    ("2101", "Stand-ins"), ("2102", "Background Performers"), 
    
    ("2201", "Production Designer"), ("2202", "Art Director"), ("2203", "Art Department Coordinator"),
    ("2204", "Graphics"), ("2205", "Art Department Supplies & Research"), 
    ("2301", "Construction Labor"), ("2302", "Construction Materials"), ("2303", "Scenic Painting"),
    
    ("2501", "Key Grip"), ("2502", "Best Boy Grip"), ("2503", "Dolly Grip"), ("2504", "Company Grips"),
    ("2505", "Craft Service"), ("2506", "Grip Equipment Rental"), ("2507", "Grip Expendables"),
    ("2508", "Cranes & Dollies"), ("2509", "Catering"), ("2599", "Fringes - Set Operations"),
    ("2601", "Special Effects Labor"), ("2602", "Special Effects Rentals & Materials"),
    ("2701", "Set Decorator"), ("2702", "Leadman"), ("2703", "On-Set Dresser"), ("2704", "Set Dressers"),
    ("2705", "Set Dressing Purchases"), ("2706", "Set Dressing Rentals"), 
    
    ("2801", "Property Master"), ("2802", "Assistant Property Master"), ("2803", "Props Purchases"),
    ("2804", "Props Rentals"), ("2805", "Picture Food"), 
    ("2901", "Costume Designer"), ("2902", "Costume Supervisor"), ("2903", "Key Costumer"),
    ("2904", "Set Costumer"), ("2905", "Wardrobe Purchases"), ("2906", "Wardrobe Rentals"),
    ("2907", "Cleaning & Dyeing"), 
    ("3101", "Department Head Makeup"), ("3102", "Key Makeup Artist"), ("3103", "Department Head Hair"),
    ("3104", "Key Hair Stylist"), ("3105", "Makeup & Hair Supplies"), ("3106", "Makeup & Hair Kit Rentals"),
    
    ("3201", "Gaffer"), ("3202", "Best Boy Electric"), ("3203", "Lamp Operators"),
    ("3204", "Generator Operator"), ("3205", "Lighting Package Rental"), ("3206", "Generator Rental"),
    ("3207", "Electrical Expendables"), ("3299", "Fringes - Electrical"),
    ("3301", "Director of Photography"), ("3302", "Camera Operators"), ("3303", "First Assistant Camera"),
    ("3304", "Second Assistant Camera"), ("3305", "Digital Imaging Technician"),
    ("3306", "Still Photographer"), ("3307", "Camera Package Rental"), ("3308", "Camera Expendables"),
    ("3399", "Fringes - Camera"),
    ("3401", "Production Sound Mixer"), ("3402", "Boom Operator"), ("3403", "Sound Utility"),
    ("3404", "Sound Package Rental"), ("3405", "Walkie-Talkies"), ("3406", "Sound Expendables"),
    
    ("3501", "Transportation Coordinator"), ("3502", "Transportation Captain"), ("3503", "Drivers"),
    ("3504", "Production Vehicles"), ("3505", "Cast Trailers & Honeywagon"), ("3506", "Fuel"),
    ("3507", "Mileage & Parking"), 
    ("3601", "Location Manager"), ("3602", "Key Assistant Location Manager"), ("3603", "Location Assistants"),
    ("3604", "Site Rentals"), ("3605", "Permits & Fees"), ("3606", "Police & Fire Safety"),
    ("3607", "Location Security"), ("3608", "Location Scouting"), ("3609", "Base Camp & Crew Parking"),
    ("3611", "Airfares - Crew"), ("3612", "Hotels & Lodging - Crew"),
    ("3613", "Per Diem - Crew"), 
    ("3701", "Picture Cars"), ("3702", "Picture Car Coordinator"), ("3703", "Animals & Wranglers"),
    ("3801", "Camera Media & Drives"), ("3802", "Dailies"), 
    ("3901", "Stage Rental"), ("3902", "Stage Power & Utilities"), ("3903", "Production Office Rental"),
    ("3904", "Office Equipment & Supplies"),
    ("4001", "Second Unit Director"), ("4002", "Second Unit Director of Photography"),
    ("4003", "Second Unit Crew"), ("4004", "Second Unit Equipment"), ("4005", "Second Unit Vehicles"),
    
    
    ("4901", "Payroll Taxes - Production"), ("4902", "IATSE Pension & Health"),
    ("4903", "Teamsters Pension & Health"), ("4904", "DGA Pension & Health - Production"),
    ("4905", "Workers' Compensation"),
    ("5001", "Editor"), ("5002", "Assistant Editor"), ("5003", "Edit Room Rental"),
    ("5004", "Edit Systems & Storage"), 
    ("5101", "Composer"), ("5102", "Music Supervisor"), ("5103", "Music Licensing"),
    ("5104", "Score Recording"),
    ("5201", "Sound Design & Editorial"), ("5202", "ADR & Foley"), ("5203", "Re-recording Mix"),
    ("5301", "Conform & Color Grading"), ("5302", "Deliverables"), 
    ("5304", "Stock & Archival Footage"),
    ("5401", "Main & End Titles"), 
    ("5501", "VFX Supervisor"), ("5502", "VFX Vendor Shots"), ("5503", "VFX Data Wrangler"),
    
    ("5901", "Payroll Taxes - Post"), ("5902", "Editors Guild Pension & Health"),
    ("6501", "Unit Publicist"), ("6502", "EPK & Stills"), ("6503", "Festivals"),
    ("6701", "Production Package Insurance"), ("6702", "General Liability"),
    ("6703", "Errors & Omissions"), 
    ("6801", "Legal - Production"), ("6802", "Payroll Service Fees"), ("6803", "Telephone & Internet"),
    ("6804", "Shipping & Messenger"), ("6805", "Wrap Party"), 
    ("7501", "Completion Bond"), ("7502", "Production Company Overhead"),
    ("7503", "Financing & Interest"), 
]

# Globals ("amount" of a line may name one).  Values derived from the
# schedule are filled in when the production is built (None here).
GLOBALS = [
    ("SHOOT_DAYS", None, "Main unit shoot days"),
    ("SHOOT_WEEKS", "6", "Weeks of principal photography"),
    ("PREP_WEEKS", "4", "Department head prep"),
    ("CREW_PREP_WEEKS", "1", "Crew prep"),
    ("WRAP_WEEKS", "1", "Crew wrap"),
    ("LA_WEEKS", None, "Main unit shoot weeks in Los Angeles (LA shoot days / 5)"),
    ("NM_DAYS", None, "Main unit shoot days in New Mexico"),
    ("NM_NIGHTS", None, "Hotel nights in Santa Fe for the company"),
    ("SECOND_UNIT_DAYS", None, "Second unit shoot days"),
    ("STAGE_DAYS", None, "Days Stage 7 is booked (shoot, rehearsal, pre-light)"),
    ("MINOR_DAYS", None, "Days the minor (#6) works, including rehearsal and fitting"),
    ("POST_WEEKS", "24", "Editorial weeks"),
]

# Fringes: (id, name, percent, wage cap in USD or None)
FRINGES = [
    ("FICA", "Social Security (employer)", "6.2", "184500.00"),
    ("MEDICARE", "Medicare (employer)", "1.45", None),
    ("FUTA", "Federal unemployment", "0.6", "7000.00"),
    ("SUI", "California unemployment insurance", "3.4", "7000.00"),
    ("WC", "Workers' compensation", "2.75", None),
    ("SAG_PH", "SAG-AFTRA pension & health", "21", "250000.00"),
    ("DGA_PH", "DGA pension & health", "19", "250000.00"),
    ("WGA_PH", "WGA pension & health", "20.5", "250000.00"),
    ("IATSE_PH", "IATSE pension & health (percent equivalent of hourly contributions)", "19.5", None),
    ("TEAMSTERS_PH", "Teamsters Local 399 pension & health (percent equivalent)", "18", None),
]
PAYROLL = ["FICA", "MEDICARE", "FUTA", "SUI", "WC"]
FRINGE_GROUPS = {
    "NU": PAYROLL,
    "SAG": PAYROLL + ["SAG_PH"],
    "SAG_LOANOUT": ["SAG_PH"],  # loan-out corporation pays its own payroll taxes
    "DGA": PAYROLL + ["DGA_PH"],
    "DGA_LOANOUT": ["DGA_PH"],
    "WGA": PAYROLL + ["WGA_PH"],
    "IATSE": PAYROLL + ["IATSE_PH"],
    "TEAM": PAYROLL + ["TEAMSTERS_PH"],
    "": [],
}
CONTINGENCY_PERCENT = "10"

# Crew and creative pay: person -> (account, fringe group, weekly rate, prep weeks, shoot weeks, wrap weeks)
# Amounts are numbers or global names.  Flat fees use shoot = "FLAT".
PAY = {
    "PRD01": ("1201", "NU", "100000.00", None, "FLAT", None),
    "PRD02": ("1201", "NU", "4500.00", "6", "SHOOT_WEEKS", "4"),
    "DIR01": ("1301", "DGA_LOANOUT", "200000.00", None, "FLAT", None),
    "PRD03": ("2001", "DGA", "4200.00", "6", "SHOOT_WEEKS", "2"),
    "AD01": ("2002", "DGA", "4500.00", "3", "SHOOT_WEEKS", None),
    "AD02": ("2003", "DGA", "3100.00", "2", "SHOOT_WEEKS", None),
    "AD03": ("2004", "DGA", "2600.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "PRD04": ("2005", "IATSE", "2200.00", "6", "SHOOT_WEEKS", "2"),
    "PRD05": ("2006", "IATSE", "1500.00", "PREP_WEEKS", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "SCR01": ("2007", "IATSE", "3200.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "ACC01": ("2008", "IATSE", "3200.00", "6", "SHOOT_WEEKS", "4"),
    "ACC02": ("2009", "IATSE", "2100.00", "PREP_WEEKS", "SHOOT_WEEKS", "3"),
    "ACC03": ("2009", "IATSE", "1900.00", "2", "SHOOT_WEEKS", "2"),
    "PRD06": ("2010", "NU", "900.00", "PREP_WEEKS", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "PRD07": ("2010", "NU", "950.00", None, "SHOOT_WEEKS", None),
    "PRD08": ("2010", "NU", "950.00", None, "SHOOT_WEEKS", None),
    "PRD10": ("2012", "NU", "2300.00", None, "SHOOT_WEEKS", None),
    "ART01": ("2201", "IATSE", "4800.00", "8", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "ART02": ("2202", "IATSE", "3600.00", "6", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "ART03": ("2203", "IATSE", "1800.00", "6", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "GRP01": ("2501", "IATSE", "3600.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "GRP02": ("2502", "IATSE", "3300.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "GRP03": ("2503", "IATSE", "3300.00", None, "SHOOT_WEEKS", None),
    "GRP04": ("2504", "IATSE", "3000.00", None, "SHOOT_WEEKS", None),
    "GRP05": ("2504", "IATSE", "3000.00", None, "SHOOT_WEEKS", None),
    "CAT03": ("2505", "NU", "2300.00", None, "SHOOT_WEEKS", None),
    "SET01": ("2701", "IATSE", "3400.00", "5", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "SET02": ("2702", "IATSE", "3100.00", "PREP_WEEKS", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "SET03": ("2703", "IATSE", "2900.00", None, "SHOOT_WEEKS", None),
    "SET04": ("2704", "IATSE", "2700.00", "3", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "PRP01": ("2801", "IATSE", "3400.00", "3", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "PRP02": ("2802", "IATSE", "2800.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "COS01": ("2901", "IATSE", "4000.00", "6", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "COS02": ("2902", "IATSE", "3000.00", "PREP_WEEKS", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "COS03": ("2903", "IATSE", "2800.00", "2", "SHOOT_WEEKS", None),
    "COS04": ("2904", "IATSE", "2700.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "HMU01": ("3101", "IATSE", "3300.00", "2", "SHOOT_WEEKS", None),
    "HMU02": ("3102", "IATSE", "2900.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "HMU03": ("3103", "IATSE", "3300.00", "2", "SHOOT_WEEKS", None),
    "HMU04": ("3104", "IATSE", "2900.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "ELE01": ("3201", "IATSE", "3600.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "ELE02": ("3202", "IATSE", "3300.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "ELE03": ("3203", "IATSE", "3000.00", None, "SHOOT_WEEKS", None),
    "ELE04": ("3203", "IATSE", "3000.00", None, "SHOOT_WEEKS", None),
    "ELE05": ("3204", "IATSE", "3100.00", None, "SHOOT_WEEKS", None),
    "CAM01": ("3301", "IATSE", "9000.00", "3", "SHOOT_WEEKS", None),
    "CAM02": ("3302", "IATSE", "4300.00", None, "SHOOT_WEEKS", None),
    "CAM05": ("3302", "IATSE", "4100.00", None, "SHOOT_WEEKS", None),
    "CAM03": ("3303", "IATSE", "3400.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "CAM06": ("3303", "IATSE", "3400.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "CAM04": ("3304", "IATSE", "2900.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "CAM07": ("3304", "IATSE", "2900.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "CAM08": ("3305", "IATSE", "3300.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "SND01": ("3401", "IATSE", "4200.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "SND02": ("3402", "IATSE", "3200.00", None, "SHOOT_WEEKS", None),
    "SND03": ("3403", "IATSE", "2600.00", None, "SHOOT_WEEKS", None),
    "TRN01": ("3501", "TEAM", "3600.00", "PREP_WEEKS", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "TRN02": ("3502", "TEAM", "3300.00", "2", "SHOOT_WEEKS", None),
    "TRN03": ("3503", "TEAM", "2900.00", None, "LA_WEEKS", None),
    "TRN04": ("3503", "TEAM", "2900.00", None, "LA_WEEKS", None),
    "TRN05": ("3503", "TEAM", "2900.00", None, "LA_WEEKS", None),
    "TRN06": ("3503", "TEAM", "2900.00", None, "LA_WEEKS", None),
    "LOC01": ("3601", "TEAM", "3500.00", "6", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "LOC02": ("3602", "TEAM", "2800.00", "PREP_WEEKS", "SHOOT_WEEKS", "WRAP_WEEKS"),
    "LOC03": ("3603", "TEAM", "2300.00", "CREW_PREP_WEEKS", "SHOOT_WEEKS", None),
    "VFX01": ("5501", "NU", "5000.00", "4", "SHOOT_WEEKS", None),
    "VFX02": ("5503", "IATSE", "2400.00", None, "SHOOT_WEEKS", None),
}
# Day-rate crew: person -> (account, fringe group, day rate, days (number or global))
DAY_PAY = {
    "PRD09": ("2011", "IATSE", "620.00", "MINOR_DAYS"),
    "DIR02": ("4001", "DGA", "1800.00", "5"),
    "CAM09": ("4002", "IATSE", "1600.00", "4"),
    "CAM10": ("4003", "IATSE", "650.00", "4"),
    "GRP06": ("4003", "IATSE", "620.00", "SECOND_UNIT_DAYS"),
    "AD04": ("4003", "DGA", "900.00", "4"),
    "TRN07": ("4003", "TEAM", "850.00", "SECOND_UNIT_DAYS"),
}
# Cast pay: number -> (account, fringe group, unit, rate, amount); amount None = days worked
CAST_PAY = {
    1: ("1401", "SAG_LOANOUT", "flat", "275000.00", "1"),
    2: ("1401", "SAG_LOANOUT", "flat", "175000.00", "1"),
    3: ("1401", "SAG_LOANOUT", "flat", "110000.00", "1"),
    4: ("1402", "SAG", "weeks", "7500.00", "5"),
    5: ("1402", "SAG", "weeks", "5500.00", "2"),
    6: ("1402", "SAG", "weeks", "4326.00", "SHOOT_WEEKS"),
    19: ("1402", "SAG", "weeks", "4326.00", "2"),
    20: ("1402", "SAG", "weeks", "4326.00", "2"),
}
DAY_PLAYER_RATE = "1246.00"

# Other detail lines: (account, description, amount, unit, multiplier, rate, fringe group[, currency])
LINES = [
    ("1101", "Option and purchase price: 'The Long Way Home' (novel)", "1", "flat", "1", "75000.00", ""),
    ("1102", "Screenplay (WGA low-budget agreement)", "1", "flat", "1", "120000.00", "WGA"),
    ("1103", "Script clearance report and title search", "1", "allow", "1", "3500.00", ""),
    ("1302", "Director's assistant", "14", "weeks", "1", "1200.00", "NU"),
    ("1405", "Stunt coordinator", "6", "days", "1", "1400.00", "SAG"),
    ("1405", "Stunt players (biker fights, sc. 38-39, 106)", "4", "days", "2", "1246.00", "SAG"),
    ("1406", "Casting director (Los Angeles)", "1", "flat", "1", "45000.00", "NU"),
    ("1406", "Local casting (Santa Fe)", "1", "flat", "1", "8000.00", ""),
    ("1407", "Fitting time for day players (2-hour minimum)", "16", "days", "1", "311.50", "SAG"),
    ("1408", "Looping and ADR sessions", "6", "days", "1", "1246.00", "SAG"),
    ("1501", "Round trip LAX-SAF for traveling cast, guardian and director (per person)", "8", "flat", "1", "520.00", ""),
    ("1501", "New York and London flights for #2 and #3", "2", "flat", "1", "1850.00", ""),
    ("1502", "Santa Fe suites (Adobe Rose) for #1, #2 and the director", "NM_NIGHTS", "days", "3", "389.00", ""),
    ("1502", "Larchmont Park suite for #2", "38", "days", "1", "429.00", ""),
    ("1502", "Larchmont Park room for #3", "38", "days", "1", "259.00", ""),
    ("1503", "Per diem in New Mexico - traveling cast, guardian and director", "10", "days", "8", "75.00", ""),
    ("2010", "Additional set PAs in New Mexico (local hires)", "NM_DAYS", "days", "2", "225.00", "NU"),
    ("2101", "Stand-ins", "SHOOT_DAYS", "days", "2", "240.00", "SAG"),
    ("2102", "Background performers, Los Angeles (average per day)", "21", "days", "12", "182.00", "NU"),
    ("2102", "Background performers, New Mexico (fiesta, funeral)", "NM_DAYS", "days", "30", "150.00", "NU"),
    ("2204", "Graphics: rodeo poster, period newspapers, signage", "1", "allow", "1", "6500.00", ""),
    ("2205", "Art department supplies and research", "1", "allow", "1", "4000.00", ""),
    ("2301", "Construction crew (coordinator and four carpenters)", "4", "weeks", "5", "2900.00", "IATSE"),
    ("2302", "Construction materials (kitchen, bedroom, 1972 farmhouse)", "1", "allow", "1", "55000.00", ""),
    ("2303", "Scenic painters", "4", "weeks", "2", "2800.00", "IATSE"),
    ("2504", "Rigging grips (stage pre-rig)", "8", "days", "3", "560.00", "IATSE"),
    ("2505", "Craft service supplies", "SHOOT_DAYS", "days", "1", "350.00", ""),
    ("2506", "Grip package (weekly deal)", "SHOOT_WEEKS", "weeks", "1", "3800.00", ""),
    ("2507", "Grip expendables", "1", "allow", "1", "6500.00", ""),
    ("2508", "Technocrane 30 ft with remote head", "2", "days", "1", "3800.00", ""),
    ("2508", "Dolly rental (weekly)", "SHOOT_WEEKS", "weeks", "1", "650.00", ""),
    ("2509", "Catering, Los Angeles (per head per day)", "21", "days", "85", "32.00", ""),
    ("2509", "Catering, New Mexico (local caterer, per head per day)", "NM_DAYS", "days", "75", "36.00", ""),
    ("2601", "Special effects coordinator", "6", "days", "1", "1100.00", "IATSE"),
    ("2602", "Rain, smoke and breakaway bottles", "1", "allow", "1", "9000.00", ""),
    ("2705", "Set dressing purchases", "1", "allow", "1", "30000.00", ""),
    ("2706", "Set dressing rentals", "1", "allow", "1", "30000.00", ""),
    ("2803", "Props purchases", "1", "allow", "1", "14000.00", ""),
    ("2804", "Props rentals (saddle, period props, rodeo memorabilia)", "1", "allow", "1", "11000.00", ""),
    ("2805", "Picture food (pies, diner breakfasts, funeral spread)", "1", "allow", "1", "2400.00", ""),
    ("2905", "Wardrobe purchases", "1", "allow", "1", "25000.00", ""),
    ("2906", "Wardrobe rentals (1972 period)", "1", "allow", "1", "24000.00", ""),
    ("2907", "Cleaning and dyeing", "1", "allow", "1", "6000.00", ""),
    ("3105", "Makeup and hair supplies", "1", "allow", "1", "7500.00", ""),
    ("3105", "Aging prosthetics for Walt (sc. 82)", "1", "allow", "1", "6500.00", ""),
    ("3106", "Kit rentals (per artist per week)", "SHOOT_WEEKS", "weeks", "4", "150.00", ""),
    ("3203", "Rigging electricians (stage pre-rig)", "8", "days", "3", "560.00", "IATSE"),
    ("3205", "Lighting package (weekly deal)", "SHOOT_WEEKS", "weeks", "1", "9500.00", ""),
    ("3205", "Condors for night exteriors", "3", "days", "2", "650.00", ""),
    ("3206", "Tow-plant generator (weekly)", "SHOOT_WEEKS", "weeks", "1", "1900.00", ""),
    ("3207", "Electrical expendables", "1", "allow", "1", "9000.00", ""),
    ("3305", "DIT cart rental", "SHOOT_WEEKS", "weeks", "1", "1250.00", ""),
    ("3306", "Still photographer", "10", "days", "1", "750.00", "IATSE"),
    ("3307", "ARRI Alexa 35 packages (weekly deal, per package)", "SHOOT_WEEKS", "weeks", "2", "5550.00", ""),
    ("3308", "Camera expendables", "1", "allow", "1", "6500.00", ""),
    ("3404", "Sound package rental (mixer's kit)", "SHOOT_WEEKS", "weeks", "1", "1500.00", ""),
    ("3405", "Walkie-talkies (per radio per week)", "7", "weeks", "40", "18.00", ""),
    ("3406", "Sound expendables (batteries, lavaliers)", "1", "allow", "1", "3500.00", ""),
    ("3503", "Drivers: trucks to and from Santa Fe", "4", "days", "4", "520.00", "TEAM"),
    ("3503", "Local drivers in New Mexico", "NM_DAYS", "days", "4", "480.00", "TEAM"),
    ("3504", "Grip/electric 10-ton truck", "SHOOT_DAYS", "days", "1", "600.00", ""),
    ("3504", "Camera cube truck", "SHOOT_DAYS", "days", "1", "275.00", ""),
    ("3504", "15-passenger vans, Los Angeles", "21", "days", "3", "145.00", ""),
    ("3504", "15-passenger vans, Santa Fe rental", "NM_DAYS", "days", "3", "160.00", ""),
    ("3505", "2-room cast trailers", "SHOOT_DAYS", "days", "2", "550.00", ""),
    ("3505", "4-station honeywagon", "SHOOT_DAYS", "days", "1", "750.00", ""),
    ("3506", "Fuel", "1", "allow", "1", "28000.00", ""),
    ("3507", "Mileage and parking reimbursements", "1", "allow", "1", "6000.00", ""),
    ("3604", "Harlow house (prep, 3 shoot days, strike)", "6", "days", "1", "6500.00", ""),
    ("3604", "St. Vincent's (Linda Vista)", "3", "days", "1", "9500.00", ""),
    ("3604", "Starlite Diner (including lost business)", "3", "days", "1", "5000.00", ""),
    ("3604", "Downtown LA business and parking fees", "1", "allow", "1", "4500.00", ""),
    ("3604", "Desert Palms Motel", "5", "days", "1", "4200.00", ""),
    ("3604", "Rancho Las Lomas (prep, 4 shoot days, strike)", "10", "days", "1", "3000.00", ""),
    ("3604", "Santa Fe Plaza merchants and chapel donation", "1", "allow", "1", "3500.00", ""),
    ("3604", "Cerrillos gas station and general store", "2", "days", "1", "2500.00", ""),
    ("3605", "FilmLA permits and notification", "1", "allow", "1", "9800.00", ""),
    ("3605", "Santa Fe Film Office permit", "1", "allow", "1", "1500.00", ""),
    ("3605", "Caltrans and USFS permits (second unit)", "1", "allow", "1", "4200.00", ""),
    ("3606", "LAPD motor officers (Downtown LA)", "2", "days", "4", "1050.00", ""),
    ("3607", "Overnight location security", "20", "days", "2", "420.00", ""),
    ("3608", "Location scouting (Los Angeles)", "1", "allow", "1", "8500.00", ""),
    ("3609", "Base camp and crew parking", "SHOOT_DAYS", "days", "1", "450.00", ""),
    ("3611", "Round trip LAX-SAF for traveling crew (per person)", None, "flat", "1", "520.00", ""),
    ("3612", "Sage Hill Lodge standard rooms (crew block)", "NM_NIGHTS", "days", "42", "139.00", ""),
    ("3612", "Adobe Rose standard rooms (department heads)", "NM_NIGHTS", "days", "12", "189.00", ""),
    ("3612", "Sage Hill Lodge advance team rooms", "5", "days", "3", "139.00", ""),
    ("3613", "Per diem in New Mexico - crew", "10", "days", None, "65.00", ""),
    ("3701", "1978 Ford Country Squire station wagon (hero and double)", "SHOOT_WEEKS", "weeks", "2", "850.00", ""),
    ("3701", "Danny's 1999 F-150", "8", "days", "1", "250.00", ""),
    ("3701", "Picture ambulance", "3", "days", "1", "1200.00", ""),
    ("3702", "Picture car coordinator", "7", "weeks", "1", "2800.00", "TEAM"),
    ("3703", "Horse and wrangler (New Mexico)", "3", "days", "1", "1400.00", ""),
    ("3801", "Camera media and shuttle drives", "1", "allow", "1", "12000.00", ""),
    ("3802", "Dailies (color and streaming)", "SHOOT_WEEKS", "weeks", "1", "2750.00", ""),
    ("3901", "Stage 7 rental", "STAGE_DAYS", "days", "1", "3200.00", ""),
    ("3902", "Stage power and utilities", "STAGE_DAYS", "days", "1", "400.00", ""),
    ("3903", "Production office rental", "4", "months", "1", "9500.00", ""),
    ("3904", "Office furniture, equipment and supplies", "4", "months", "1", "2200.00", ""),
    ("4004", "Alexa Mini LF package (second unit)", "2", "days", "1", "1200.00", ""),
    ("4004", "Plate array heads and mounts", "SECOND_UNIT_DAYS", "days", "1", "1400.00", ""),
    ("4005", "Process trailer with tow vehicle", "1", "days", "1", "2200.00", ""),
    ("4005", "Camera car for plates", "2", "days", "1", "1850.00", ""),
    ("5001", "Editor", "POST_WEEKS", "weeks", "1", "4500.00", "IATSE"),
    ("5002", "Assistant editor", "26", "weeks", "1", "2400.00", "IATSE"),
    ("5003", "Edit room rental", "6", "months", "1", "2800.00", ""),
    ("5004", "Edit systems and storage", "6", "months", "1", "1900.00", ""),
    ("5101", "Composer (package)", "1", "flat", "1", "65000.00", ""),
    ("5102", "Music supervisor", "1", "flat", "1", "20000.00", ""),
    ("5103", "Music licensing (source cues)", "1", "allow", "1", "45000.00", ""),
    ("5104", "Score recording session, string quartet (London)", "1", "flat", "1", "18500.00", "", "GBP"),
    ("5201", "Sound design and editorial", "8", "weeks", "1", "7500.00", ""),
    ("5202", "ADR and Foley stages", "1", "allow", "1", "22000.00", ""),
    ("5203", "Re-recording mix", "2", "weeks", "1", "18000.00", ""),
    ("5301", "Conform and color grading (DI)", "1", "flat", "1", "55000.00", ""),
    ("5302", "Deliverables (DCP, IMF, archival masters)", "1", "allow", "1", "32000.00", ""),
    ("5304", "1972 Santa Fe fiesta newsreel (European archive licence)", "1", "flat", "1", "8000.00", "", "EUR"),
    ("5401", "Main and end titles", "1", "allow", "1", "12000.00", ""),
    ("5502", "VFX vendor shots (sky replacement, car comps, clean-up)", "1", "flat", "1", "85000.00", ""),
    ("6501", "Unit publicist", "8", "weeks", "1", "2800.00", "NU"),
    ("6502", "EPK and special stills", "1", "allow", "1", "18000.00", ""),
    ("6503", "Festival submissions and travel", "1", "allow", "1", "25000.00", ""),
    ("6701", "Production package insurance", "1", "allow", "1", "95000.00", ""),
    ("6702", "General liability", "1", "allow", "1", "18000.00", ""),
    ("6703", "Errors and omissions", "1", "allow", "1", "14500.00", ""),
    ("6801", "Production legal", "1", "allow", "1", "65000.00", ""),
    ("6802", "Payroll service fees", "1", "allow", "1", "22000.00", ""),
    ("6803", "Telephone and internet", "5", "months", "1", "1800.00", ""),
    ("6804", "Shipping and messenger", "1", "allow", "1", "4500.00", ""),
    ("6805", "Wrap party", "1", "allow", "1", "12000.00", ""),
    ("7501", "Completion bond", "1", "allow", "1", "95000.00", ""),
    ("7502", "Production company overhead", "1", "allow", "1", "60000.00", ""),
    ("7503", "Financing fees and interest", "1", "allow", "1", "40000.00", ""),
]

# --------------------------------------------------------------------------
# Ledger
# --------------------------------------------------------------------------

# (id, vendor, account, date, amount, description)
PURCHASE_ORDERS = [
    ("PO-1001", "Valley Camera Rentals", "3307", "2027-02-01", "66600.00", "Two Alexa 35 packages, 6-week deal"),
    ("PO-1002", "Hollywood Lighting & Grip", "3205", "2027-02-01", "57000.00", "10-ton lighting package, 6-week deal"),
    ("PO-1003", "Hollywood Lighting & Grip", "2506", "2027-02-01", "22800.00", "10-ton grip package, 6-week deal"),
    ("PO-1004", "Las Palmas Stages", "3901", "2027-01-25", "38400.00", "Stage 7, 12 days"),
    ("PO-1005", "Wilshire Office Partners", "3903", "2027-01-11", "38000.00", "Suite 1100, January to April"),
    ("PO-1006", "Comfort Coach Trailers", "3505", "2027-02-05", "49950.00", "Two 2-room trailers and a honeywagon"),
    ("PO-1007", "Valley Fleet Rentals", "3504", "2027-02-05", "9570.00", "Three 15-passenger vans, shoot period"),
    ("PO-1008", "Marco's Kitchen", "2509", "2027-02-08", "57120.00", "Catering, Los Angeles days"),
    ("PO-1009", "Adobe Rose Inn & Suites", "3612", "2027-02-22", "20412.00", "12 standard rooms, 9 nights"),
    ("PO-1010", "Adobe Rose Inn & Suites", "1502", "2027-02-22", "10503.00", "3 suites, 9 nights"),
    ("PO-1011", "Sage Hill Lodge", "3612", "2027-02-24", "54627.00", "Crew block and advance rooms"),
    ("PO-1012", "Larchmont Park Hotel", "1502", "2027-01-25", "26144.00", "Suite and room for #2 and #3"),
    ("PO-1013", "Mesa Travel (group desk)", "3611", "2027-02-26", None, "Crew group fares LAX-SAF"),
    ("PO-1014", "Period Costume House", "2906", "2027-02-03", "24000.00", "1972 wardrobe rentals"),
    ("PO-1015", "Prop Shop of Burbank", "2804", "2027-02-08", "11000.00", "Props rentals"),
    ("PO-1016", "Hollywood Set Dressing Rentals", "2706", "2027-02-08", "38000.00", "Set dressing rentals"),
    ("PO-1017", "Harlow house owners (location agreement)", "3604", "2027-02-10", "39000.00", "Location fee, 6 days"),
    ("PO-1018", "Starlite Diner LLC", "3604", "2027-02-10", "15000.00", "Location fee and lost business"),
    ("PO-1019", "Technocrane West", "2508", "2027-02-15", "7600.00", "Technocrane, 2 days"),
    ("PO-1020", "Radio Rentals LA", "3405", "2027-02-08", "5040.00", "40 radios, 7 weeks"),
    ("PO-1021", "Desert Palms Motel Inc.", "3604", "2027-02-20", "21000.00", "Location fee, 5 days"),
    ("PO-1022", "Rancho Las Lomas LLC", "3604", "2027-02-26", "30000.00", "Location fee, 10 days"),
]
# Invoices against purchase orders: (id, po, date, amount, description)
INVOICES = [
    ("INV-2001", "PO-1005", "2027-01-11", "9500.00", "January rent"),
    ("INV-2002", "PO-1005", "2027-02-01", "9500.00", "February rent"),
    ("INV-2003", "PO-1005", "2027-03-01", "9500.00", "March rent"),
    ("INV-2004", "PO-1004", "2027-02-15", "9600.00", "Deposit (25%)"),
    ("INV-2005", "PO-1004", "2027-03-01", "9600.00", "Stage days 2/17-2/26 (6 days, less deposit)"),
    ("INV-2006", "PO-1004", "2027-03-12", "12800.00", "Stage days 3/8-3/11 (4 days)"),
    ("INV-2007", "PO-1001", "2027-02-26", "11100.00", "Week 1"),
    ("INV-2008", "PO-1001", "2027-03-05", "11100.00", "Week 2"),
    ("INV-2009", "PO-1001", "2027-03-12", "11100.00", "Week 3"),
    ("INV-2010", "PO-1002", "2027-02-26", "9500.00", "Week 1"),
    ("INV-2011", "PO-1002", "2027-03-05", "9500.00", "Week 2"),
    ("INV-2012", "PO-1002", "2027-03-12", "9500.00", "Week 3"),
    ("INV-2013", "PO-1003", "2027-02-26", "3800.00", "Week 1"),
    ("INV-2014", "PO-1003", "2027-03-05", "3800.00", "Week 2"),
    ("INV-2015", "PO-1003", "2027-03-12", "3800.00", "Week 3"),
    ("INV-2016", "PO-1006", "2027-02-26", "9250.00", "Week 1"),
    ("INV-2017", "PO-1006", "2027-03-05", "9250.00", "Week 2"),
    ("INV-2018", "PO-1006", "2027-03-12", "9250.00", "Week 3"),
    ("INV-2019", "PO-1007", "2027-03-05", "4350.00", "Weeks 1-2"),
    ("INV-2020", "PO-1008", "2027-02-26", "13600.00", "Week 1 (5 days)"),
    ("INV-2021", "PO-1008", "2027-03-05", "13600.00", "Week 2 (5 days)"),
    ("INV-2022", "PO-1008", "2027-03-12", "13600.00", "Week 3 (5 days)"),
    ("INV-2023", "PO-1009", "2027-02-24", "6123.60", "Deposit (30%)"),
    ("INV-2024", "PO-1010", "2027-02-24", "3150.90", "Deposit (30%)"),
    ("INV-2025", "PO-1011", "2027-02-26", "13656.75", "Deposit (25%)"),
    ("INV-2026", "PO-1012", "2027-03-01", "9632.00", "Nights 2/15-2/28"),
    ("INV-2027", "PO-1013", "2027-03-01", None, "Group fares ticketed (full PO)"),
    ("INV-2028", "PO-1014", "2027-02-19", "12000.00", "First half"),
    ("INV-2029", "PO-1015", "2027-02-19", "4400.00", "Deposit (40%)"),
    ("INV-2030", "PO-1016", "2027-02-17", "19000.00", "First half"),
    ("INV-2031", "PO-1017", "2027-02-17", "19500.00", "Deposit (50%)"),
    ("INV-2032", "PO-1018", "2027-03-01", "15000.00", "Paid in full"),
    ("INV-2033", "PO-1019", "2027-03-12", "3800.00", "Day 13"),
    ("INV-2034", "PO-1020", "2027-02-22", "2520.00", "First half"),
    ("INV-2035", "PO-1021", "2027-03-05", "10500.00", "Deposit (50%)"),
    ("INV-2036", "PO-1022", "2027-03-01", "15000.00", "Deposit (50%)"),
]
# Petty cash: (id, account, date, amount, description)
PETTY_CASH = [
    ("PC-3001", "2205", "2027-02-03", "84.37", "Reference books, 1970s New Mexico"),
    ("PC-3002", "6804", "2027-02-05", "45.00", "Courier: contracts to agency"),
    ("PC-3003", "2803", "2027-02-09", "212.50", "Thrift store: diner mugs and ashtrays"),
    ("PC-3004", "2905", "2027-02-10", "389.99", "Western shirts (Walt)"),
    ("PC-3005", "3105", "2027-02-12", "146.20", "Makeup remover, setting spray"),
    ("PC-3006", "2507", "2027-02-19", "96.80", "Sash cord and sandbag repair"),
    ("PC-3007", "3207", "2027-02-19", "164.35", "Cube taps and stingers"),
    ("PC-3008", "3507", "2027-02-22", "60.00", "Parking, Las Palmas visitor lot"),
    ("PC-3009", "2805", "2027-02-24", "118.40", "Pies for sc. 32 (three of each)"),
    ("PC-3010", "3406", "2027-02-25", "232.10", "AA batteries, lav tape"),
    ("PC-3011", "2705", "2027-02-25", "76.15", "Fresh flowers, Harlow living room"),
    ("PC-3012", "3308", "2027-03-01", "188.00", "Lens tissue, compressed air, tape"),
    ("PC-3013", "3507", "2027-03-03", "120.00", "Parking, Sun Valley"),
    ("PC-3014", "2805", "2027-03-03", "64.90", "Diner breakfasts for sc. 32"),
    ("PC-3015", "2907", "2027-03-05", "142.00", "Rush dry cleaning, June's suit"),
    ("PC-3016", "3506", "2027-03-10", "98.45", "Fuel, second unit camera car"),
    ("PC-3017", "2505", "2027-03-11", "215.60", "Craft service restock, Lancaster"),
    ("PC-3018", "6804", "2027-03-12", "38.00", "Courier: drives to post house"),
]
# Payroll batches: (week ending, [accounts]); amounts come from PAY (weekly rates)
PAYROLL_WEEKS = ["2027-02-19", "2027-02-26", "2027-03-05"]
PAYROLL_ACCOUNTS = ["2001", "2002", "2201", "2901", "3201", "3301", "3303", "3601", "2501"]
# Other payroll: (id, account, date, amount, description)
PAYROLL_OTHER = [
    ("PR-4101", "1301", "2027-02-22", "100000.00", "Director fee, 50% on start of principal photography"),
    ("PR-4102", "1401", "2027-02-22", "137500.00", "#1 fee, 50% on start of principal photography"),
    ("PR-4103", "1401", "2027-02-22", "87500.00", "#2 fee, 50% on start of principal photography"),
    ("PR-4104", "1401", "2027-02-22", "55000.00", "#3 fee, 50% on start of principal photography"),
    ("PR-4107", "1102", "2027-01-15", "60000.00", "Screenplay, delivery of final draft"),
]

# The seeded problems, for the README and the self-check
SEEDED = [
    ("double-booking", "C20", "FIT-C20-2", "MU-D12"),
    ("turnaround", "C04", "MU-D09", "2U-D02"),
    ("resource over-allocation", "RES-ALEXA35", "MU-D13", "2U-D03"),
    ("permit hours", "LOC-HOUSE", "MU-D04", None),
]


# ==========================================================================
# Building the production
# ==========================================================================

def d(text: str) -> date:
    return date.fromisoformat(text)


def local(day: date, hhmm: str, zone: str) -> datetime:
    """UTC instant of a local wall-clock time; "HH:MM@MT" overrides the zone,
    hours >= 24 roll into the next day."""
    if "@" in hhmm:
        hhmm, tag = hhmm.split("@")
        zone = {"MT": MT, "PT": LA}[tag]
    hours, minutes = (int(x) for x in hhmm.split(":"))
    day = day + timedelta(days=hours // 24)
    wall = datetime.combine(day, time(hours % 24, minutes), tzinfo=ZoneInfo(zone))
    # refuse wall-clock times that do not exist or are ambiguous
    assert wall.astimezone(timezone.utc).astimezone(ZoneInfo(zone)).replace(tzinfo=None) == wall.replace(tzinfo=None), wall
    return wall.astimezone(timezone.utc)


def local_text(text: str, zone: str) -> datetime:
    day, hhmm = text.split(" ")
    return local(d(day), hhmm, zone)


def ts(instant: datetime) -> str:
    return instant.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def money(amount, currency: str = CURRENCY) -> dict:
    return {"amount": str(amount), "currency": currency}


def cast_id(number: int) -> str:
    return f"C{number:02d}"


def person_ref(x) -> str:
    return cast_id(x) if isinstance(x, int) else x


def slug(name: str) -> str:
    return "".join(ch for ch in name.lower().replace(" ", ".") if ch.isalnum() or ch in ".-")


ZONE_OF = {loc["id"]: loc["zone"] for loc in LOCATIONS}
CREW_BY_ID = {row[0]: row for row in CREW}
M = timedelta(minutes=1)


def crew_with(flag: str) -> list[str]:
    return [row[0] for row in CREW if flag in row[4]]


def round5(instant: datetime) -> datetime:
    minutes = instant.minute + instant.second / 60
    down = instant.replace(second=0, microsecond=0) - timedelta(minutes=instant.minute % 5)
    return down + timedelta(minutes=5) if minutes % 5 >= 2.5 else down


class Builder:
    def __init__(self):
        self.events: list[dict] = []
        self.days: dict[str, dict] = {}  # day id -> computed info
        self.phones: dict[str, int] = defaultdict(int)

    # ---------------- people ----------------

    def phone(self, area: str) -> str:
        self.phones[area] += 1
        number = 100 + self.phones[area]
        assert number <= 199, "only 555-0100..0199 are fictional"
        return f"+1{area}555{number:04d}"

    def people(self) -> list[dict]:
        out = []
        for number, actor, character, tier, flags, home, dob in CAST:
            p = {"id": cast_id(number), "name": actor, "category": "cast", "role": character,
                 "cast_number": number, "rule_pack": "sag-aftra"}
            if home == "LA":
                p["home_base"] = "LOC-OFFICE"
            elif home == "NM":
                p["home_base"] = "LOC-PLAZA"
            if tier != "standard":
                p["contract_tier"] = tier
            if "share" in flags:
                p["may_share_room"] = True
            if "nohold" in flags:
                p["allow_hold"] = False
            if "drop" in flags:
                p["allow_drop"] = True
            area = "505" if home == "NM" else "310"
            p["contact"] = {"email": f"{slug(actor)}@example.com", "phone": self.phone(area)}
            if dob:
                p["date_of_birth"] = dob
            out.append(p)
        areas = {"Production": "323", "Accounting": "323", "Direction": "323", "Assistant Directors": "323",
                 "Camera": "818", "Grip": "818", "Electric": "818", "Sound": "818", "VFX": "818", "Script": "818"}
        for pid, name, dept, role, flags in CREW:
            p = {"id": pid, "name": name, "category": "crew", "department": dept, "role": role}
            if "H" in flags:
                p["head_of_department"] = True
            p["rule_pack"] = "iatse"
            p["home_base"] = "LOC-OFFICE"
            if "U" in flags:
                p["contract_tier"] = "suite"
            if "R" in flags:
                p["may_share_room"] = True
            p["contact"] = {"email": f"{slug(name)}@example.com", "phone": self.phone(areas.get(dept, "213"))}
            out.append(p)
        for pid, name, role in OTHERS:
            out.append({"id": pid, "name": name, "category": "other", "role": role,
                        "home_base": "LOC-OFFICE", "may_share_room": True,
                        "contact": {"email": f"{slug(name)}@example.com", "phone": self.phone("213")}})
        by_id = {p["id"]: p for p in out}
        for pid, start, end, zone, kind, note in UNAVAILABLE:
            by_id[pid].setdefault("unavailable", []).append(
                {"start": ts(local_text(start, zone)), "end": ts(local_text(end, zone)), "kind": kind, "note": note})
        return out

    # ---------------- locations & resources ----------------

    def locations(self) -> list[dict]:
        out = []
        for loc in LOCATIONS:
            item = {"id": loc["id"], "name": loc["name"], "address": loc["address"], "zone": loc["zone"]}
            lat, lon = loc["coords"]
            item["coordinates"] = {"lat": lat, "lon": lon}
            for key, field in (("parking", "parking"), ("hospital", "nearest_hospital"), ("notes", "notes")):
                if loc.get(key):
                    item[field] = loc[key]
            if loc.get("shared"):
                item["shared"] = True
            if loc.get("distant"):
                item["distant"] = True
            permits = []
            for ref, first, last, start, end, max_days, lead in loc.get("permits", []):
                permit = {"reference": ref, "first_day": first, "last_day": last,
                          "daily_start": start + ":00", "daily_end": end + ":00"}
                if max_days is not None:
                    permit["max_consecutive_days"] = max_days
                if lead is not None:
                    permit["application_lead_business_days"] = lead
                permits.append(permit)
            if permits:
                item["permits"] = permits
            out.append(item)
        return out

    def resources(self) -> list[dict]:
        out = []
        for rid, name, kind, qty, serials, prep, ret, seats, home, rate in RESOURCES:
            item = {"id": rid, "name": name, "kind": kind, "quantity": qty}
            if serials:
                item["serials"] = serials
            if prep:
                item["prep_minutes"] = prep
            if ret:
                item["return_minutes"] = ret
            if seats:
                item["seats"] = seats
            if home:
                item["home"] = home
            if rate:
                item["day_rate"] = money(rate)
            out.append(item)
        by_id = {r["id"]: r for r in out}
        for rid, start, end, zone, kind, note in RESOURCE_UNAVAILABLE:
            by_id[rid].setdefault("unavailable", []).append(
                {"start": ts(local_text(start, zone)), "end": ts(local_text(end, zone)), "kind": kind, "note": note})
        return out

    # ---------------- schedule ----------------

    def shoot_days(self):
        total = {"U-MAIN": sum(1 for x in DAYS if x[1] == "U-MAIN"), "U-2ND": sum(1 for x in DAYS if x[1] == "U-2ND")}
        for day_id, unit, number, day_text, loc, call, wrap, roster, extra, options in DAYS:
            day = d(day_text)
            zone = ZONE_OF[loc]
            C, W = local(day, call, zone), local(day, wrap, zone)
            lunch = (C + 315 * M, C + 345 * M)
            meals = [lunch]
            if "meal2" in options:
                meals.append(tuple(local(day, t, zone) for t in options["meal2"]))
            # work blocks between meals (a company move eats into the block after lunch)
            edges = [C + 45 * M]
            for i, (ms, me) in enumerate(meals):
                edges.append(ms)
                edges.append(me + (options["move"][0] * M if i == 0 and "move" in options else timedelta(0)))
            edges.append(W - 30 * M)
            blocks = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
            scene_blocks = SCENES[day_id]
            assert len(scene_blocks) == len(blocks), day_id
            scenes = []  # (tuple, start, end)
            explicit = SCENE_TIMES.get(day_id, {})
            for (bs, be), block in zip(blocks, scene_blocks):
                weights = [max(s[1], 8) for s in block]
                t = bs
                for i, s in enumerate(block):
                    if s[0] in explicit:
                        ss, se = (local(day, x, zone) for x in explicit[s[0]])
                    else:
                        ss = t
                        se = be if i == len(block) - 1 else round5(bs + (be - bs) * (sum(weights[:i + 1]) / sum(weights)))
                    scenes.append((s, ss, se))
                    t = se
            # cast calls
            cast_numbers = sorted({n for s, _, _ in scenes for n in s[6]})
            attendees = []
            cast_times = {}
            for n in cast_numbers:
                mine = [(ss, se) for s, ss, se in scenes if n in s[6]]
                first, last = min(x[0] for x in mine), max(x[1] for x in mine)
                times = {"call": first - 30 * M, "makeup_call": first - makeup_minutes(n) * M,
                         "on_set": first, "dismissal": min(last + 15 * M, W)}
                for field, value in CAST_OVERRIDES.get((day_id, n), {}).items():
                    times[field] = local(day, value, zone)
                cast_times[n] = times
                attendees.append({"person": cast_id(n), "call": ts(times["call"]),
                                  "makeup_call": ts(times["makeup_call"]), "on_set": ts(times["on_set"]),
                                  "dismissal": ts(times["dismissal"])})
            flag = {"LA": "S", "NM": "N", "2U": "2"}[roster]
            for pid in crew_with(flag):
                flags = CREW_BY_ID[pid][4]
                a = {"person": pid}
                if "P" in flags:
                    a["call"] = ts(C - 30 * M)
                if "W" in flags:
                    a["dismissal"] = ts(W + 30 * M)
                attendees.append(a)
            if MINOR in cast_times:
                minor = cast_times[MINOR]
                for pid in (STUDIO_TEACHER, GUARDIAN):
                    attendees.append({"person": pid, "call": ts(minor["makeup_call"]), "dismissal": ts(minor["dismissal"])})
            bookings = dict({"LA": BOOK_MAIN_LA, "NM": BOOK_MAIN_NM, "2U": BOOK_2ND}[roster])
            if options.get("no_minilf"):
                del bookings["RES-MINILF"]
            bookings.update(extra)
            order = [r[0] for r in RESOURCES]
            resources = [{"resource": r, "quantity": bookings[r]} for r in order if r in bookings]
            label = "Day" if unit == "U-MAIN" else "2nd Unit Day"
            event = {"id": day_id, "kind": "shoot_day",
                     "title": f"{label} {number} of {total[unit]} - {DAY_TITLES[day_id]}",
                     "unit": unit, "location": loc, "start": ts(C), "end": ts(W), "status": "confirmed",
                     "day_number": number, "attendees": attendees, "resources": resources,
                     "meals": [{"start": ts(a), "end": ts(b)} for a, b in meals]}
            if day_id in DAY_NOTES:
                event["notes"] = DAY_NOTES[day_id]
            children = []
            for s, ss, se in scenes:
                number_, eighths, ie, st, set_, synopsis, cast = s[:7]
                scene_loc = s[7] if len(s) > 7 else loc
                details = {"number": number_, "eighths": eighths, "int_ext": ie, "story_time": st}
                if synopsis:
                    details["synopsis"] = synopsis
                details["set"] = set_
                child = {"id": f"SC-{number_}", "kind": "scene", "title": f"Sc. {number_} {set_}",
                         "unit": unit, "location": scene_loc, "start": ts(ss), "end": ts(se),
                         "status": "confirmed", "parent": day_id, "scene": details}
                if cast:
                    child["attendees"] = [{"person": cast_id(n)} for n in cast]
                children.append(child)
            self.days[day_id] = {"event": event, "children": children, "date": day, "roster": roster,
                                 "cast": cast_numbers, "unit": unit}

    def other_events(self) -> list[dict]:
        out = []
        travel_out = [p for p in crew_with("N") if "A" not in CREW_BY_ID[p][4]]
        travel_back = [p for p in (row[0] for row in CREW) if "N" in CREW_BY_ID[p][4] or "A" in CREW_BY_ID[p][4]]
        travellers = [cast_id(n) for n in CAST_NM_TRAVEL]
        returning = [cast_id(n) for n in sorted(CAST_NM_TRAVEL + CAST_NM_LATE)]
        if MINOR in CAST_NM_TRAVEL:
            travellers += [STUDIO_TEACHER, GUARDIAN]
            returning += [STUDIO_TEACHER, GUARDIAN]
        for eid, kind, title, loc, day_text, start, end, who, bookings, meals, notes in OTHER_EVENTS:
            day = d(day_text)
            zone = ZONE_OF[loc] if loc else LA
            if who == "TRAVEL_OUT":
                who = travellers + travel_out
            elif who == "TRAVEL_BACK":
                who = returning + travel_back
            people = [person_ref(x) for x in who]
            # cast first (by number), then everyone else in table order
            people = sorted((p for p in people if p.startswith("C") and p[1:].isdigit())) + \
                [p for p in people if not (p.startswith("C") and p[1:].isdigit())]
            event = {"id": eid, "kind": kind, "title": title}
            if loc:
                event["location"] = loc
            event.update({"start": ts(local(day, start, zone)), "end": ts(local(day, end, zone)),
                          "status": "confirmed"})
            if people:
                event["attendees"] = [{"person": p} for p in people]
            order = [r[0] for r in RESOURCES]
            if bookings:
                event["resources"] = [{"resource": r, "quantity": bookings[r]} for r in order if r in bookings]
            if meals:
                event["meals"] = [{"start": ts(local(day, a, zone)), "end": ts(local(day, b, zone))} for a, b in meals]
            if notes:
                event["notes"] = notes
            out.append(event)
        return out

    def schedule(self) -> list[dict]:
        self.shoot_days()
        top = [info["event"] for info in self.days.values()] + self.other_events()
        top.sort(key=lambda e: (e["start"], e["id"]))
        out = []
        for e in top:
            out.append(e)
            if e["id"] in self.days:
                out.extend(self.days[e["id"]]["children"])
        self.events = out
        return out

    # ---------------- derived figures ----------------

    def figures(self) -> dict:
        ev = {e["id"]: e for e in self.events}
        main = [x for x in DAYS if x[1] == "U-MAIN"]
        nm = [x for x in main if ZONE_OF[x[4]] == MT]
        stage_days = sorted({e["start"][:10] for e in self.events
                             if any(b["resource"] == "RES-STAGE7" for b in e.get("resources", []))})
        minor = cast_id(MINOR)
        minor_dates = sorted({datetime.fromisoformat(e["start"].replace("Z", "+00:00")).astimezone(ZoneInfo(LA)).date()
                              for e in self.events if e["kind"] != "scene"
                              and any(a["person"] == minor for a in e.get("attendees", []))})
        crew_travellers = [a["person"] for a in ev["TRV-BACK"]["attendees"]
                           if a["person"] in CREW_BY_ID and a["person"] != "DIR01"]
        atl_travellers = [a["person"] for a in ev["TRV-BACK"]["attendees"] if a["person"] not in crew_travellers]
        nights = (d("2027-03-24") - d("2027-03-15")).days
        days_worked = defaultdict(list)
        for info in self.days.values():
            for n in info["cast"]:
                days_worked[n].append(info["date"])
        return {
            "SHOOT_DAYS": len(main), "LA_WEEKS": Decimal(len(main) - len(nm)) / 5, "NM_DAYS": len(nm),
            "NM_NIGHTS": nights, "SECOND_UNIT_DAYS": sum(1 for x in DAYS if x[1] == "U-2ND"),
            "STAGE_DAYS": len(stage_days), "MINOR_DAYS": len(minor_dates),
            "crew_travellers": len(crew_travellers), "atl_travellers": len(atl_travellers),
            "days_worked": days_worked,
        }

    # ---------------- budget ----------------

    def budget(self, fig: dict) -> dict:
        globals_ = []
        values = {}
        for name, value, description in GLOBALS:
            if value is None:
                value = str(fig[name])
            values[name] = Decimal(value)
            globals_.append({"name": name, "value": value, "description": description})
        lines = []

        def line(account, description, amount, unit, multiplier, rate, group, person=None, currency=CURRENCY):
            item = {"account": account, "description": description, "amount": str(amount), "unit": unit}
            if str(multiplier) != "1":
                item["multiplier"] = str(multiplier)
            item["rate"] = money(rate, currency)
            if FRINGE_GROUPS[group]:
                item["fringes"] = list(FRINGE_GROUPS[group])
            if person:
                item["person"] = person
            lines.append(item)

        for pid, _, _, role, _ in CREW:
            if pid in PAY:
                account, group, rate, prep, shoot, wrap = PAY[pid]
                if shoot == "FLAT":
                    line(account, f"{role} - fee", "1", "flat", "1", rate, group, pid)
                    continue
                if prep:
                    line(account, f"{role} - prep", prep, "weeks", "1", rate, group, pid)
                line(account, f"{role} - shoot", shoot, "weeks", "1", rate, group, pid)
                if wrap:
                    line(account, f"{role} - wrap", wrap, "weeks", "1", rate, group, pid)
            elif pid in DAY_PAY:
                account, group, rate, days = DAY_PAY[pid]
                line(account, role, days, "days", "1", rate, group, pid)
        for number, _, character, *_ in CAST:
            if number in CAST_PAY:
                account, group, unit, rate, amount = CAST_PAY[number]
                what = "fee" if unit == "flat" else "weekly"
                line(account, f"#{number} {character} - {what}", amount, unit, "1", rate, group, cast_id(number))
            else:
                days = len(fig["days_worked"][number])
                line("1403", f"#{number} {character} - day player", days, "days", "1", DAY_PLAYER_RATE, "SAG",
                     cast_id(number))
        for row in LINES:
            account, description, amount, unit, multiplier, rate, group = row[:7]
            currency = row[7] if len(row) > 7 else CURRENCY
            if amount is None:
                amount = fig["crew_travellers"]
            if multiplier is None:
                multiplier = fig["crew_travellers"]
            if account == "1501" and "traveling cast" in description:
                amount = fig["atl_travellers"]
            if account == "1503":
                multiplier = fig["atl_travellers"]
            line(account, description, amount, unit, multiplier, rate, group, currency=currency)
        lines.sort(key=lambda x: x["account"])  # stable: keeps table order within an account
        fringes = []
        for fid, name, percent, cap in FRINGES:
            f = {"id": fid, "name": name, "percent": percent}
            if cap:
                f["wage_cap"] = money(cap)
            fringes.append(f)
        return {
            "categories": [{"code": c, "name": n, "section": s} for c, n, s in CATEGORIES],
            "accounts": [{"code": c, "name": n, "category": c[:2] + "00"} for c, n in ACCOUNTS],
            "lines": lines,
            "globals": globals_,
            "fringes": fringes,
            "contingency_percent": CONTINGENCY_PERCENT,
            # The rates the budget converts foreign-currency lines at (also used by --check).
            "rates": [
                {"currency": "GBP", "rate_to_base": "1.27", "as_of": "2027-01-04"},
                {"currency": "EUR", "rate_to_base": "1.08", "as_of": "2027-01-04"},
            ],
        }

    # ---------------- ledger ----------------

    def ledger(self, fig: dict) -> dict:
        pos = []
        amounts = {}
        for pid, vendor, account, day, amount, description in PURCHASE_ORDERS:
            if amount is None:  # PO-1013: crew fares
                amount = f"{fig['crew_travellers'] * 520}.00"
            amounts[pid] = amount
            pos.append({"id": pid, "vendor": vendor, "account": account, "date": day,
                        "amount": money(amount), "description": description})
        po_account = {p[0]: p[2] for p in PURCHASE_ORDERS}
        tx = []
        for tid, po, day, amount, description in INVOICES:
            tx.append({"id": tid, "kind": "invoice", "account": po_account[po], "date": day,
                       "amount": money(amount if amount is not None else amounts[po]),
                       "purchase_order": po, "description": description})
        for tid, account, day, amount, description in PETTY_CASH:
            tx.append({"id": tid, "kind": "petty_cash", "account": account, "date": day,
                       "amount": money(amount), "description": description})
        # payroll batches from the weekly rates in PAY
        prep_of = {}
        for pid, (account, _, rate, prep, shoot, _) in PAY.items():
            if shoot == "FLAT":
                continue
            weeks = Decimal(0) if prep is None else Decimal(dict((g[0], g[1]) for g in GLOBALS).get(prep) or prep)
            prep_of[pid] = (account, Decimal(rate), weeks)
        n = 4001
        for week_ending in PAYROLL_WEEKS:
            in_prep = d(week_ending) < d("2027-02-22")
            for account in PAYROLL_ACCOUNTS:
                total = sum(rate for acc, rate, weeks in prep_of.values()
                            if acc == account and (weeks >= 1 or not in_prep))
                if total:
                    posted = (d(week_ending) + timedelta(days=7)).isoformat()
                    tx.append({"id": f"PR-{n}", "kind": "payroll", "account": account, "date": posted,
                               "amount": money(f"{total:.2f}"),
                               "description": f"Payroll week ending {week_ending}"})
                    n += 1
        for tid, account, day, amount, description in PAYROLL_OTHER:
            tx.append({"id": tid, "kind": "payroll", "account": account, "date": day,
                       "amount": money(amount), "description": description})
        # day players by shoot week, paid the following Friday
        day_players = [c[0] for c in CAST if c[0] not in CAST_PAY]
        for k, (first, last) in enumerate([("2027-02-22", "2027-02-26"), ("2027-03-01", "2027-03-05")]):
            days = sum(1 for num in day_players for x in fig["days_worked"][num] if d(first) <= x <= d(last))
            total = Decimal(DAY_PLAYER_RATE) * days
            tx.append({"id": f"PR-42{k + 1:02d}", "kind": "payroll", "account": "1403",
                       "date": (d(last) + timedelta(days=7)).isoformat(), "amount": money(f"{total:.2f}"),
                       "description": f"Day players, week ending {last} ({days} days)"})
        tx.sort(key=lambda t: (t["date"], t["id"]))
        return {"purchase_orders": pos, "transactions": tx}

    # ---------------- logistics ----------------

    def logistics(self) -> dict:
        blocks = []
        for bid, hotel, room_type, occupancy, first, last, rooms, rate, (deadline, zone), account in ROOM_BLOCKS:
            blocks.append({"id": bid, "hotel": hotel, "room_type": room_type, "occupancy": occupancy,
                           "first_night": first, "last_night": last, "rooms": rooms, "rate": money(rate),
                           "release_deadline": ts(local_text(deadline, zone)), "account": account})
        return {
            "hotels": [{"id": h, "name": n, "location": l} for h, n, l in HOTELS],
            "room_blocks": blocks,
            "stay_requests": [{"person": p, "first_night": a, "last_night": b, "hotel": h}
                              for p, a, b, h in STAY_REQUESTS],
            # Nobody flies home for less than a week off, or after a New Mexico
            # wrap: they keep the room the
            # night of their last day there; only the Santa Fe hotels serve the
            # New Mexico locations.
            "rooming": {
                "idle_gap_nights": 6,
                "stay_last_night": True,
                "location_hotels": [{"location": loc, "hotels": ["HTL-ADOBE", "HTL-SAGE"]}
                                    for loc in ("LOC-RANCH", "LOC-PLAZA", "LOC-CERRILLOS")],
            },
        }

    # ---------------- everything ----------------

    def production(self) -> dict:
        people = self.people()
        locations = self.locations()
        resources = self.resources()
        events = self.schedule()
        fig = self.figures()
        return {
            "format_version": 1,
            "name": NAME,
            "zone": LA,
            "currency": CURRENCY,
            "calendar": {
                "work_week": ["Mon", "Tue", "Wed", "Thu", "Fri"],
                "holidays": [{"date": day, "name": name} for day, name in HOLIDAYS],
                "move_days": MOVE_DAYS,
            },
            "units": [{"id": u, "name": n} for u, n in UNITS],
            "people": people,
            "locations": locations,
            "resources": resources,
            "events": events,
            "travel_times": [{"from": a, "to": b, "minutes": m} for a, b, m in TRAVEL_TIMES],
            "travel_speed_kmh": TRAVEL_SPEED_KMH,
            "distribution": DISTRIBUTION,
            "budget": self.budget(fig),
            "ledger": self.ledger(fig),
            "logistics": self.logistics(),
        }


def render(production: dict) -> str:
    return json.dumps(production, indent=2, ensure_ascii=False) + "\n"


# ==========================================================================
# Self-check (--check): a brute-force conflict check of the written JSON.
# It reads only the production file, not the tables above.
# ==========================================================================

REST_HOURS = {"sag-aftra": 12, "iatse": 12}  # iatse needs 10 h; the sample keeps 12 h
WEEKLY_REST_HOURS = {"sag-aftra": 56, "iatse": 54, None: 54}
MAX_DAY_HOURS = 14
MEAL_HOURS = 6
MINOR_WORKPLACE_HOURS = 9  # California, ages 9-16
MINOR_WORK_HOURS = 5
MINOR_EARLIEST, MINOR_LATEST = time(5, 0), time(22, 0)


def parse_ts(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def hours(delta: timedelta) -> float:
    return delta.total_seconds() / 3600


def fmt_local(instant: datetime, zone: str) -> str:
    return instant.astimezone(ZoneInfo(zone)).strftime("%a %Y-%m-%d %H:%M %Z")


def haversine_km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class Problem:
    def __init__(self, kind: str, subject: str, events, message: str):
        self.kind, self.subject, self.events, self.message = kind, subject, tuple(sorted(set(events))), message

    def key(self):
        return (self.kind, self.subject, self.events)

    def __str__(self):
        return f"[{self.kind}] {self.subject} {'/'.join(self.events)}: {self.message}"


def check(prod: dict) -> list[Problem]:
    problems: list[Problem] = []
    report = problems.append
    home = prod["zone"]
    people = {p["id"]: p for p in prod["people"]}
    locations = {l["id"]: l for l in prod["locations"]}
    resources = {r["id"]: r for r in prod["resources"]}
    events = [e for e in prod["events"] if e["status"] != "cancelled"]
    by_id = {e["id"]: e for e in events}
    root = {e["id"]: e.get("parent") or e["id"] for e in events}

    def loc_of(e):
        return e.get("location") or (by_id[e["parent"]].get("location") if e.get("parent") else None)

    def zone_of(e):
        loc = loc_of(e)
        return locations[loc]["zone"] if loc else home

    def span_of(a, e):
        start, end = parse_ts(e["start"]), parse_ts(e["end"])
        calls = [parse_ts(a[k]) for k in ("call", "makeup_call") if k in a]
        if "makeup_call" in a and "call" not in a:
            calls.append(start)
        report_ = min(calls) if calls else start
        return report_, parse_ts(a["dismissal"]) if "dismissal" in a else end

    # every person's commitments: (start, end, event)
    commits = defaultdict(list)
    for e in events:
        for a in e.get("attendees", []):
            s, t = span_of(a, e)
            commits[a["person"]].append((s, t, e))
    for lst in commits.values():
        lst.sort(key=lambda x: (x[0], x[1], x[2]["id"]))

    def related(e1, e2):
        return e1.get("parent") == e2["id"] or e2.get("parent") == e1["id"]

    # 1. double bookings per person
    for pid, lst in commits.items():
        for i in range(len(lst)):
            for j in range(i + 1, len(lst)):
                (s1, t1, e1), (s2, t2, e2) = lst[i], lst[j]
                if s2 >= t1:
                    break
                if related(e1, e2):
                    continue
                report(Problem("double-booking", pid, [e1["id"], e2["id"]],
                               f"{e1['id']} ({fmt_local(s1, zone_of(e1))} - {fmt_local(t1, zone_of(e1))}, {loc_of(e1)}) "
                               f"overlaps {e2['id']} ({fmt_local(s2, zone_of(e2))} - {fmt_local(t2, zone_of(e2))}, {loc_of(e2)}) "
                               f"by {int((min(t1, t2) - s2).total_seconds() // 60)} min"))

    # 2. double bookings per location
    at = defaultdict(list)
    for e in events:
        if loc_of(e):
            at[loc_of(e)].append(e)
    for loc, lst in at.items():
        lst.sort(key=lambda e: e["start"])
        for i in range(len(lst)):
            for j in range(i + 1, len(lst)):
                e1, e2 = lst[i], lst[j]
                if parse_ts(e2["start"]) >= parse_ts(e1["end"]):
                    break
                if root[e1["id"]] == root[e2["id"]]:
                    if e1["kind"] == e2["kind"] == "scene":
                        report(Problem("scene overlap", loc, [e1["id"], e2["id"]], "scenes of one day overlap"))
                    continue
                report(Problem("location double-booking", loc, [e1["id"], e2["id"]], "events overlap at the location"))

    # top-level commitments (scenes belong to their day)
    tops = {pid: [c for c in lst if not c[2].get("parent")] for pid, lst in commits.items()}

    # 3. daily rest, 4. weekly rest and consecutive days, 5. daily hours
    for pid, lst in tops.items():
        pack = people[pid].get("rule_pack")
        need = REST_HOURS.get(pack, 12)
        for (s1, t1, e1), (s2, t2, e2) in zip(lst, lst[1:]):
            if s2 < t1:
                continue  # a double booking, reported above
            if s2 - t1 < timedelta(hours=need):
                report(Problem("turnaround", pid, [e1["id"], e2["id"]],
                               f"dismissed {fmt_local(t1, zone_of(e1))} after {e1['id']}, next call "
                               f"{fmt_local(s2, zone_of(e2))} for {e2['id']}: rest {hours(s2 - t1):.2f} h < {need} h"))
        for s, t, e in lst:
            if t - s > timedelta(hours=MAX_DAY_HOURS):
                report(Problem("daily hours", pid, [e["id"]], f"{hours(t - s):.2f} h"))
        per_day = defaultdict(timedelta)
        for s, t, e in lst:
            per_day[s.astimezone(ZoneInfo(home)).date()] += t - s
        for day, total in per_day.items():
            if total > timedelta(hours=MAX_DAY_HOURS):
                report(Problem("daily hours", pid, [day.isoformat()], f"{hours(total):.2f} h on {day}"))
        # stretches of work separated by at least 24 h off
        stretch = []
        for k, (s, t, e) in enumerate(lst):
            stretch.append((s, t, e))
            nxt = lst[k + 1] if k + 1 < len(lst) else None
            if nxt is None or nxt[0] - t >= timedelta(hours=24):
                dates = sorted({x[0].astimezone(ZoneInfo(zone_of(x[2]))).date() for x in stretch})
                if len(dates) >= 5 and nxt is not None:
                    weekly = WEEKLY_REST_HOURS.get(pack, 54)
                    if nxt[0] - t < timedelta(hours=weekly):
                        report(Problem("weekly rest", pid, [e["id"], nxt[2]["id"]],
                                       f"{hours(nxt[0] - t):.2f} h < {weekly} h"))
                run = 1
                for a, b in zip(dates, dates[1:]):
                    run = run + 1 if (b - a).days == 1 else 1
                    if run > 6:
                        report(Problem("consecutive days", pid, [b.isoformat()], f"{run} consecutive work days"))
                stretch = []

    # 6. meals: first meal within 6 h of each person's call, then within 6 h of the last meal
    for e in events:
        if e.get("parent"):
            continue
        meals = sorted((parse_ts(m["start"]), parse_ts(m["end"]), m.get("non_deductible", False))
                       for m in e.get("meals", []))
        for a in e.get("attendees", []):
            s, t = span_of(a, e)
            clock = s
            for ms, me, ndb in meals:
                if me <= s or ms >= t:
                    continue
                if ms - clock > timedelta(hours=MEAL_HOURS):
                    report(Problem("meal", a["person"], [e["id"]], f"meal at {fmt_local(ms, zone_of(e))} is "
                                   f"{hours(ms - clock):.2f} h after {fmt_local(clock, zone_of(e))}"))
                if ndb and ms - s > timedelta(hours=2):
                    report(Problem("meal", a["person"], [e["id"]], "non-deductible breakfast more than 2 h after call"))
                clock = max(clock, me)
            if t - clock > timedelta(hours=MEAL_HOURS):
                report(Problem("meal", a["person"], [e["id"]], f"works {hours(t - clock):.2f} h after "
                               f"{fmt_local(clock, zone_of(e))} without a meal"))

    # 7. resources: quantity sweep with prep/return buffers, and unavailability
    for rid, r in resources.items():
        books = []
        for e in events:
            for b in e.get("resources", []):
                if b["resource"] == rid:
                    books.append((parse_ts(e["start"]) - timedelta(minutes=r.get("prep_minutes", 0)),
                                  parse_ts(e["end"]) + timedelta(minutes=r.get("return_minutes", 0)),
                                  b["quantity"], e["id"]))
        points = sorted({x for b in books for x in b[:2]})
        seen = set()
        for a, b in zip(points, points[1:]):
            active = [bk for bk in books if bk[0] <= a and b <= bk[1]]
            total = sum(bk[2] for bk in active)
            if total > r["quantity"]:
                ids = tuple(sorted(bk[3] for bk in active))
                if ids not in seen:
                    seen.add(ids)
                    window = [bk for bk in books if bk[3] in ids]
                    start = max(bk[0] for bk in window)
                    end = min(bk[1] for bk in window)
                    report(Problem("resource over-allocation", rid, ids,
                                   f"{total} booked, {r['quantity']} owned, {fmt_local(start, home)} - "
                                   f"{fmt_local(end, home)} including prep/return buffers"))
        for w in r.get("unavailable", []):
            ws, we = parse_ts(w["start"]), parse_ts(w["end"])
            for bs, be, _, eid in books:
                if bs < we and ws < be:
                    report(Problem("resource unavailable", rid, [eid], w.get("note", "")))

    # 8. permits: hours and dates of every event and attendee at the location, consecutive days
    for e in events:
        loc = loc_of(e)
        if not loc or not locations[loc].get("permits"):
            continue
        zone = ZoneInfo(locations[loc]["zone"])
        spans = [(parse_ts(e["start"]), parse_ts(e["end"]))]
        if not e.get("parent"):
            spans += [span_of(a, e) for a in e.get("attendees", [])]
        worst = None
        for s, t in spans:
            ls, lt = s.astimezone(zone), t.astimezone(zone)
            ok = False
            for p in locations[loc]["permits"]:
                first, last = d(p["first_day"]), d(p["last_day"])
                ds, de = time.fromisoformat(p["daily_start"]), time.fromisoformat(p["daily_end"])
                if first <= ls.date() <= last and lt.date() == ls.date() and ls.time() >= ds and lt.time() <= de:
                    ok = True
            if not ok and (worst is None or t > worst[1]):
                worst = (s, t)
        if worst and not any(x.kind == "permit hours" and x.events == (root[e["id"]],) for x in problems):
            report(Problem("permit hours", loc, [root[e["id"]]],
                           f"{e['id']} uses the location {fmt_local(worst[0], locations[loc]['zone'])} - "
                           f"{fmt_local(worst[1], locations[loc]['zone'])}, outside the permit "
                           f"({', '.join(q['daily_start'][:5] + '-' + q['daily_end'][:5] + ' ' + q['first_day'] + '..' + q['last_day'] for q in locations[loc]['permits'])})"))
    for loc, lst in at.items():
        permits = locations[loc].get("permits", [])
        caps = [p["max_consecutive_days"] for p in permits if "max_consecutive_days" in p]
        if not caps:
            continue
        zone = ZoneInfo(locations[loc]["zone"])
        dates = sorted({parse_ts(e["start"]).astimezone(zone).date() for e in lst})
        run = 1
        for a, b in zip(dates, dates[1:]):
            run = run + 1 if (b - a).days == 1 else 1
            if run > min(caps):
                report(Problem("permit consecutive days", loc, [b.isoformat()], f"{run} consecutive days"))

    # 9. minors
    for pid, p in people.items():
        if not p.get("date_of_birth"):
            continue
        born = d(p["date_of_birth"])
        per_day = defaultdict(timedelta)
        work = defaultdict(timedelta)
        for s, t, e in commits.get(pid, []):
            z = ZoneInfo(zone_of(e))
            day = s.astimezone(z).date()
            age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
            if age >= 18:
                continue
            if e.get("parent"):
                work[day] += t - s
                continue
            per_day[day] += t - s
            ls, lt = s.astimezone(z), t.astimezone(z)
            if ls.time() < MINOR_EARLIEST or lt.date() != ls.date() or lt.time() > MINOR_LATEST:
                report(Problem("minor hours", pid, [e["id"]], f"{ls:%H:%M}-{lt:%H:%M} local"))
        for day, total in per_day.items():
            if total > timedelta(hours=MINOR_WORKPLACE_HOURS):
                report(Problem("minor hours", pid, [day.isoformat()], f"{hours(total):.2f} h at the workplace"))
        for day, total in work.items():
            if total > timedelta(hours=MINOR_WORK_HOURS):
                report(Problem("minor hours", pid, [day.isoformat()], f"{hours(total):.2f} h of scene work"))

    # 10. people's unavailability
    for pid, p in people.items():
        for w in p.get("unavailable", []):
            ws, we = parse_ts(w["start"]), parse_ts(w["end"])
            for s, t, e in commits.get(pid, []):
                if s < we and ws < t:
                    report(Problem("person unavailable", pid, [e["id"]], w.get("note", "")))

    # 11. travel between consecutive commitments at different locations
    known = {}
    for tt in prod.get("travel_times", []):
        known[(tt["from"], tt["to"])] = known[(tt["to"], tt["from"])] = tt["minutes"]
    speed = prod.get("travel_speed_kmh", 40)

    def travel_minutes(a, b):
        if (a, b) in known:
            return known[(a, b)]
        ca, cb = locations[a].get("coordinates"), locations[b].get("coordinates")
        return 60 * haversine_km(ca, cb) / speed if ca and cb else 0

    for pid, lst in commits.items():
        day_span = {c[2]["id"]: (c[0], c[1]) for c in lst}
        for i, (s1, t1, e1) in enumerate(lst):
            # next commitment that is neither e1's parent nor child nor overlapping
            for s2, t2, e2 in lst[i + 1:]:
                if related(e1, e2) or s2 < t1:
                    continue
                r1, r2 = day_span[root[e1["id"]]], day_span[root[e2["id"]]]
                if root[e1["id"]] != root[e2["id"]] and r1[0] < r2[1] and r2[0] < r1[1]:
                    break  # their days overlap: a double booking, reported above
                l1, l2 = loc_of(e1), loc_of(e2)
                if l1 and l2 and l1 != l2 and s2 - t1 < timedelta(hours=12):
                    need = travel_minutes(l1, l2)
                    if (s2 - t1) < timedelta(minutes=need):
                        report(Problem("travel", pid, [e1["id"], e2["id"]],
                                       f"{(s2 - t1).total_seconds() / 60:.0f} min between {l1} and {l2}, needs {need:.0f}"))
                break

    # 12. scenes: inside their day, cast attending the day and called in time
    for e in events:
        if not e.get("parent"):
            continue
        parent = by_id[e["parent"]]
        s, t = parse_ts(e["start"]), parse_ts(e["end"])
        if s < parse_ts(parent["start"]) or t > parse_ts(parent["end"]) or e.get("unit") != parent.get("unit"):
            report(Problem("scene", e["id"], [parent["id"]], "scene outside its shoot day"))
        day_att = {a["person"]: a for a in parent.get("attendees", [])}
        for a in e.get("attendees", []):
            if a["person"] not in day_att:
                report(Problem("scene", e["id"], [parent["id"]], f"{a['person']} is not on the day"))
                continue
            ds, dt_ = span_of(day_att[a["person"]], parent)
            on_set = parse_ts(day_att[a["person"]].get("on_set", parent["start"]))
            if s < ds or t > dt_ or s < on_set:
                report(Problem("scene", e["id"], [parent["id"]], f"{a['person']} not called for the scene"))

    # 13. calendar: shoot days on working days, numbered in date order
    cal = prod["calendar"]
    holidays = {h["date"] for h in cal.get("holidays", [])}
    off = set(cal.get("days_off", [])) | holidays
    week = cal["work_week"]
    numbering = defaultdict(list)
    for e in events:
        day = parse_ts(e["start"]).astimezone(ZoneInfo(home)).date()
        if not e.get("parent") and (day.isoformat() in off or day.strftime("%a") not in week):
            report(Problem("calendar", e["id"], [day.isoformat()], "event on a day off"))
        if e["kind"] == "shoot_day":
            numbering[e.get("unit")].append((day, e["day_number"], e["id"]))
    for unit, lst in numbering.items():
        lst.sort()
        if [n for _, n, _ in lst] != list(range(1, len(lst) + 1)):
            report(Problem("calendar", unit or "-", [x[2] for x in lst], "day numbers out of order"))

    # 14. hotels: rooms needed per night vs blocks
    lg = prod.get("logistics", {})
    hotels = {h["id"]: h for h in lg.get("hotels", [])}
    need = defaultdict(set)  # (region, night) -> people
    region = lambda loc: "distant" if locations[loc].get("distant") else "home"  # noqa: E731
    for pid, lst in tops.items():
        hb = people[pid].get("home_base")
        if hb and locations[hb].get("distant"):
            continue  # local hire
        dates = sorted({s.astimezone(ZoneInfo(zone_of(e))).date() for s, _, e in lst
                        if loc_of(e) and locations[loc_of(e)].get("distant")})
        if dates:
            night = dates[0] - timedelta(days=1)
            while night <= dates[-1]:
                need[("distant", night)].add(pid)
                night += timedelta(days=1)
    for sr in lg.get("stay_requests", []):
        reg = region(hotels[sr["hotel"]]["location"]) if sr.get("hotel") else "distant"
        night = d(sr["first_night"])
        while night <= d(sr["last_night"]):
            need[(reg, night)].add(sr["person"])
            night += timedelta(days=1)
    for (reg, night), who in sorted(need.items()):
        blocks = [b for b in lg.get("room_blocks", []) if region(hotels[b["hotel"]]["location"]) == reg
                  and d(b["first_night"]) <= night <= d(b["last_night"])]
        suites = sum(b["rooms"] for b in blocks if b["room_type"] == "suite")
        standard = sum(b["rooms"] for b in blocks if b["room_type"] == "standard")
        want_suite = sum(1 for p in who if people[p].get("contract_tier") == "suite")
        sharers = sum(1 for p in who if people[p].get("contract_tier", "standard") == "standard"
                      and people[p].get("may_share_room"))
        singles = len(who) - want_suite - sharers
        if want_suite > suites or singles + math.ceil(sharers / 2) > standard + (suites - want_suite):
            report(Problem("hotel capacity", reg, [night.isoformat()],
                           f"{len(who)} people ({want_suite} suites) vs {suites} suites + {standard} rooms"))

    # 15. ledger: invoices within their purchase orders
    led = prod.get("ledger", {})
    po_amount = {po["id"]: Decimal(po["amount"]["amount"]) for po in led.get("purchase_orders", [])}
    spent = defaultdict(Decimal)
    for t in led.get("transactions", []):
        if t.get("purchase_order"):
            spent[t["purchase_order"]] += Decimal(t["amount"]["amount"])
    for po, total in spent.items():
        if total > po_amount[po]:
            report(Problem("ledger", po, [], f"invoiced {total} > {po_amount[po]}"))
    return problems


def topsheet(prod: dict) -> dict:
    """Budget totals in USD (other currencies at illustrative rates, for the README)."""
    rates = {"USD": Decimal(1), "GBP": Decimal("1.27"), "EUR": Decimal("1.08")}
    b = prod["budget"]
    globals_ = {g["name"]: Decimal(g["value"]) for g in b["globals"]}
    fringes = {f["id"]: f for f in b["fringes"]}
    section = {c["code"]: c["section"] for c in b["categories"]}
    totals = defaultdict(Decimal)
    wages = defaultdict(Decimal)  # (person or line index, fringe) -> wages so far
    cent = Decimal("0.01")
    for i, line in enumerate(b["lines"]):
        amount = globals_.get(line["amount"]) or Decimal(line["amount"])
        sub = (amount * Decimal(line.get("multiplier", "1")) * Decimal(line["rate"]["amount"])).quantize(cent, ROUND_HALF_EVEN)
        usd = (sub * rates[line["rate"]["currency"]]).quantize(cent, ROUND_HALF_EVEN)
        cat = line["account"][:2] + "00"
        totals[section[cat]] += usd
        for fid in line.get("fringes", []):
            f = fringes[fid]
            key = (line.get("person") or f"line{i}", fid)
            base = usd
            if "wage_cap" in f:
                cap = Decimal(f["wage_cap"]["amount"])
                if "person" in line:
                    base = max(Decimal(0), min(usd, cap - wages[key]))
                else:  # a personless line is `multiplier` people, each capped
                    base = min(usd, cap * max(Decimal(line.get("multiplier", "1")), Decimal(1)))
            wages[key] += usd
            totals[section[cat]] += (base * Decimal(f["percent"]) / 100).quantize(cent, ROUND_HALF_EVEN)
    subtotal = sum(totals.values())
    contingency = (subtotal * Decimal(b["contingency_percent"]) / 100).quantize(cent, ROUND_HALF_EVEN)
    return {**totals, "subtotal": subtotal, "contingency": contingency, "grand_total": subtotal + contingency}


def run_check(prod: dict) -> int:
    problems = check(prod)
    for p in problems:
        print(p)
    expected = {(kind, subject) for kind, subject, *_ in SEEDED}
    found = {(p.kind, p.subject) for p in problems}
    print(f"{len(problems)} problem(s) found; expected exactly the {len(SEEDED)} seeded ones.")
    sheet = topsheet(prod)
    print("budget (USD, fringes included): " + ", ".join(f"{k} {v:,.2f}" for k, v in sheet.items()))
    ok = len(problems) == len(SEEDED) and found == expected
    print("self-check: " + ("OK" if ok else "MISMATCH"))
    return 0 if ok else 1


def main(argv: list[str]) -> int:
    text = render(Builder().production())
    if "--stdout" in argv:
        sys.stdout.write(text)
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode())} bytes)")
    if "--check" in argv:
        return run_check(json.loads(text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
