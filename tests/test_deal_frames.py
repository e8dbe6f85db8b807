"""Which transfers a sentence states, between whom, at what stage: wordings of French press.

Each case maps an id to `(text, expected rows)`, a row being (supplier, recipient, system,
status); status None when the case is about roles only. An empty set: no transfer is stated.
Document date 2024-06 everywhere.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.deals.record import variant_parts

CASES = {
    # --- a list of countries shares its role ------------------------------------------------
    "export-list-en-au": (
        "Le canon CAESAR a été exporté en Arabie saoudite, au Danemark et en Indonésie.",
        {("FRA", "SAU", "CAESAR", None), ("FRA", "DNK", "CAESAR", None), ("FRA", "IDN", "CAESAR", None)},
    ),
    "passive-list-par": (
        "Le système HIMARS a été commandé par la Pologne, la Roumanie et l'Estonie.",
        {
            ("USA", "POL", "M142 HIMARS", "ordered"),
            ("USA", "ROU", "M142 HIMARS", "ordered"),
            ("USA", "EST", "M142 HIMARS", "ordered"),
        },
    ),
    "clients-before": (
        "L'Inde et le Qatar, déjà clients du Rafale, ont reçu leurs avions.",
        {("FRA", "IND", "Rafale", "delivered"), ("FRA", "QAT", "Rafale", "delivered")},
    ),
    "list-with-asides": (
        "Le Super Tucano a déjà été vendu au Burkina Faso, au Mali (6 appareils commandés, 4 réceptionnés) et au"
        " Nigéria (12 avions via une commande du Pentagone).",
        {
            ("BRA", "BFA", "EMB-314 Super Tucano", None),
            ("BRA", "MLI", "EMB-314 Super Tucano", None),
            ("BRA", "NGA", "EMB-314 Super Tucano", None),
        },
    ),
    "list-ou-encore-relative-clause": (
        "Parmi les prospects figurent l'Argentine, le Chili ou encore la Colombie, qui ont déjà manifesté leur intérêt pour le KC-390.",
        {
            ("BRA", "ARG", "KC-390", "negotiating"),
            ("BRA", "CHL", "KC-390", "negotiating"),
            ("BRA", "COL", "KC-390", "negotiating"),
        },
    ),
    "in-service-list": (
        "Les drones Bayraktar TB2 sont en service au Qatar, en Azerbaïdjan et en Ukraine.",
        {
            ("TUR", "QAT", "Bayraktar TB2", "delivered"),
            ("TUR", "AZE", "Bayraktar TB2", "delivered"),
            ("TUR", "UKR", "Bayraktar TB2", "delivered"),
        },
    ),
    "delivered-to-list": (
        "Berlin a livré des IRIS-T à l'Ukraine, à la Slovénie et à l'Égypte.",
        {
            ("DEU", "UKR", "IRIS-T", "delivered"),
            ("DEU", "SVN", "IRIS-T", "delivered"),
            ("DEU", "EGY", "IRIS-T", "delivered"),
        },
    ),
    "list-with-counts": (
        "Parmi les acheteurs de BTT figurent l'Angola (24 BTT) ; le Kenya (7 BTT) ; la Jordanie (14 BTT).",
        set(),
    ),
    # --- the subject of the trigger's clause ---------------------------------------------------
    "subject-through-intention": (
        "La Lettonie, membre de l'OTAN depuis 2004, a annoncé son intention d'acheter six HIMARS.",
        {("USA", "LVA", "M142 HIMARS", "negotiating")},
    ),
    "subject-with-relative-clause": (
        "Le Maroc, qui modernise son armée depuis dix ans, a commandé 24 hélicoptères Apache.",
        {("USA", "MAR", "AH-64 Apache", "ordered")},
    ),
    # --- no trigger, no transfer --------------------------------------------------------------
    "specification-only": ("Le Rafale est équipé d'un radar RBE2 à antenne active.", set()),
    "variant-description": ("Le M1A2T, une variante du M1A2 SEP V2, est armé d'un canon de 120 mm.", set()),
    "fleet-to-replace": ("Les chars Abrams remplaceront la flotte vieillissante de M60A3 de Taïwan.", set()),
    "exhibition": ("Le Rafale et le Gripen étaient exposés au salon du Bourget.", set()),
    # --- agents and enemies are not buyers --------------------------------------------------
    "enemy-forces": (
        "La Lettonie achète des HIMARS aux États-Unis face à l'armée russe.",
        {("USA", "LVA", "M142 HIMARS", "ordered")},
    ),
    "agent-of-invasion": (
        "Après l'invasion de l'Ukraine par les forces russes, la Pologne a commandé 250 chars Abrams.",
        {("USA", "POL", "M1 Abrams", "ordered")},
    ),
    # --- stages in the future ---------------------------------------------------------------
    "delivery-planned": (
        "La livraison des 12 Rafale à la Croatie est prévue pour 2025.",
        {("FRA", "HRV", "Rafale", "ordered")},
    ),
    "future-passive": (
        "Les premiers K2 seront livrés à la Pologne d'ici 2026.",
        {("KOR", "POL", "K2 Black Panther", "ordered")},
    ),
    "future-tense": (
        "La Grèce recevra ses frégates FDI en 2025.",
        {("FRA", "GRC", "FDI", "ordered")},
    ),
    "contract-for-delivery": (
        "Paris a signé un contrat portant sur la livraison à la marine qatarie de missiles Exocet.",
        {("FRA", "QAT", "Exocet", "ordered")},
    ),
    "intention-then-order": (
        "La Tchéquie est intéressée par l'acquisition de canons CAESAR. Elle a signé un contrat pour 52 CAESAR.",
        {("FRA", "CZE", "CAESAR", "ordered")},
    ),
    "promised-delivery": (
        "Washington a promis la livraison de 38 HIMARS à l'Ukraine.",
        {("USA", "UKR", "M142 HIMARS", "donated")},
    ),
    "past-delivery": ("La Pologne a reçu ses premiers chars K2.", {("KOR", "POL", "K2 Black Panther", "delivered")}),
    "will-order": ("Le Maroc va commander des F-16 Block 72.", {("USA", "MAR", "F-16 Block 70", "negotiating")}),
    "hedged-order-stays-ordered": (
        "L'Algérie aurait commandé des Su-35 auprès de la Russie.",
        {("RUS", "DZA", "Su-35", "ordered")},
    ),
    # --- trigger words -------------------------------------------------------------------------
    "promised-aid": (
        "La Slovaquie avait promis treize MiG-29 à l'Ukraine.",
        {("SVK", "UKR", "MiG-29", "donated")},
    ),
    "operates": (
        "L'armée de l'air colombienne exploite des Kfir israéliens.",
        {("ISR", "COL", "Kfir", "delivered")},
    ),
    # in service with an origin the text does not state: not a transfer (realdev convention)
    "inventory-without-origin": ("L'Algérie dispose de 44 Su-30MKA.", set()),
    "offer": ("La France a proposé à l'Irak 18 Mirage F1 modernisés.", {("FRA", "IRQ", "Mirage F1", "negotiating")}),
    "request": ("Kiev a demandé des F-16 aux États-Unis.", {("USA", "UKR", "F-16", "negotiating")}),
    "sold": ("Le Danemark a vendu 24 F-16 à l'Argentine.", {("DNK", "ARG", "F-16", "ordered")}),
    "sells-present": ("La France vend 30 Rafale à l'Égypte.", {("FRA", "EGY", "Rafale", "ordered")}),
    "package-contents": (
        "Washington a approuvé la vente au Maroc de 18 lanceurs HIMARS. Le paquet comprend aussi 40 missiles ATACMS.",
        {("USA", "MAR", "M142 HIMARS", "approved"), ("USA", "MAR", "ATACMS", "approved")},
    ),
    "excluded-from-programme": (
        "Washington a évincé la Turquie du programme F-35.",
        {("USA", "TUR", "F-35", "other")},
    ),
    "supplying-from": (
        "Le Niger s'est engagé à s'approvisionner auprès de la Turquie en drones TB2.",
        {("TUR", "NER", "Bayraktar TB2", "ordered")},
    ),
    # --- a system named before ---------------------------------------------------------------
    "demonstrative-count": (
        "Le CAESAR est un canon de 155 mm monté sur camion. Depuis 2022, la France a livré 30 de ces canons à l'Ukraine.",
        {("FRA", "UKR", "CAESAR", "delivered")},
    ),
    "pronoun-en": (
        "Le Rafale séduit de nouveaux clients. L'Inde en a commandé 26 pour sa marine.",
        {("FRA", "IND", "Rafale", "ordered")},
    ),
    "pronoun-en-infinitive": (
        "Le CAESAR est très demandé. Paris garde 58 canons après en avoir cédé 18 à l'Ukraine.",
        {("FRA", "UKR", "CAESAR", "donated")},
    ),
    "gerund-is-not-a-pronoun": (
        "Le CAESAR a fait ses preuves. La France soutient Kiev en livrant des munitions.",
        set(),
    ),
    "place-is-not-a-pronoun": ("Le Rafale a volé au salon. Le Maroc a commandé des chars en 2021.", set()),
    "generic-count-before": (
        "Le HIMARS a fait ses preuves. Washington a approuvé la vente de 38 lanceurs à la Pologne.",
        {("USA", "POL", "M142 HIMARS", "approved")},
    ),
    "generic-count-after": (
        "Washington a approuvé la vente de 60 hélicoptères à l'Allemagne. Les appareils sont des CH-47F Chinook.",
        {("USA", "DEU", "CH-47F", "approved")},
    ),
    # --- categories: counted items no system names ---------------------------------------------
    "category-items": (
        "Les États-Unis ont fourni à l'Ukraine 72 obusiers et 144 000 obus.",
        {("USA", "UKR", "obusier", "delivered"), ("USA", "UKR", "obus", "delivered")},
    ),
    "category-other-supplier": (
        "La France a livré des CAESAR à l'Ukraine. Les États-Unis ont livré 72 obusiers à Kiev.",
        {("FRA", "UKR", "CAESAR", "delivered"), ("USA", "UKR", "obusier", "delivered")},
    ),
    "category-not-a-later-system": (
        "Des blindés ont été exportés vers le Kenya (8 véhicules).\n\nL'armée kényane s'est renouvelée."
        " Sa flotte se compose de Puma M26-15 sud-africains.",
        {("ZAF", "KEN", "véhicule", "delivered"), ("ZAF", "KEN", "Puma M26-15", "delivered")},
    ),
    "category-named-again-later": (
        "Washington a approuvé la vente de 60 hélicoptères à l'Allemagne.\n\nCette vente vise à remplacer"
        " une flotte ancienne.\n\nLes hélicoptères concernés sont des CH-47F Chinook.",
        {("USA", "DEU", "CH-47F", "approved")},
    ),
    "pronoun-for-the-counted-noun-before": (
        "La Corée du Nord a livré des KN-23 à la Russie. Pyongyang a aussi fourni 2,3 millions d'obus à Moscou"
        " et continue d'en livrer 150 000 par mois.",
        {("PRK", "RUS", "KN-23", "delivered"), ("PRK", "RUS", "obus", "delivered")},
    ),
    "category-uncounted": (
        "Moscou pourrait se procurer des chars et des drones auprès de Pyongyang.",
        {("PRK", "RUS", "char", "negotiating"), ("PRK", "RUS", "drone", "negotiating")},
    ),
    "category-uncounted-stands-for-a-named-system": (
        "La France a livré des SCALP à l'Ukraine. Paris a aussi livré des missiles à Kiev.",
        {("FRA", "UKR", "Storm Shadow", "delivered")},
    ),
    "category-uncounted-definite-is-no-transfer": (
        "Les États-Unis ont livré les chars à l'Ukraine.",
        set(),
    ),
    "count-without-transfer": ("L'armée polonaise aligne 500 chars et 300 obusiers.", set()),
    # --- a group noun's members take its role ('plusieurs pays, dont ...') --------------------
    "group-dont-passive": (
        "Le F-35 a déjà été choisi par plusieurs pays européens dont la Suisse, la Belgique et les Pays-Bas.",
        {("USA", "CHE", "F-35", None), ("USA", "BEL", "F-35", None), ("USA", "NLD", "F-35", None)},
    ),
    "group-brackets-coordinated": (
        "Le système HIMARS est utilisé par les États-Unis et plusieurs de leurs alliés (Estonie, Lituanie et Roumanie).",
        {
            ("USA", "EST", "M142 HIMARS", "delivered"),
            ("USA", "LTU", "M142 HIMARS", "delivered"),
            ("USA", "ROU", "M142 HIMARS", "delivered"),
        },
    ),
    "group-notamment-recipient": (
        "Dassault a vendu le Rafale à de nombreux pays, notamment l'Égypte et le Qatar.",
        {("FRA", "EGY", "Rafale", None), ("FRA", "QAT", "Rafale", None)},
    ),
    "group-subject-comme": (
        "Des clients comme la Grèce et la Croatie ont reçu leurs Rafale d'occasion.",
        {("FRA", "GRC", "Rafale", "delivered"), ("FRA", "HRV", "Rafale", "delivered")},
    ),
    "group-title-case-country": (
        "Le KC-390 intéresse plusieurs pays, dont la République Tchèque et l'Arabie Saoudite, qui ont manifesté leur intérêt.",
        {("BRA", "CZE", "KC-390", "negotiating"), ("BRA", "SAU", "KC-390", "negotiating")},
    ),
    "group-members-not-a-party": (
        "Plusieurs pays, dont la Russie et la Chine, observent le programme F-35.",
        set(),
    ),
    # --- a demonstrative and a military noun stand for the system named before -------------------
    "demonstrative-noun-exported": (
        "La France livrera des canons CAESAR. Ce canon de 155 mm a déjà été exporté au Danemark et en Indonésie.",
        {("FRA", "DNK", "CAESAR", "delivered"), ("FRA", "IDN", "CAESAR", "delivered")},
    ),
    "demonstrative-noun-object": (
        "Le Rafale a fait ses preuves au Mali. L'Inde a commandé cet appareil en 2016.",
        {("FRA", "IND", "Rafale", "ordered")},
    ),
    "demonstrative-noun-other-category": (
        "Le Rafale a fait ses preuves au Mali. L'Inde a commandé ce navire en 2016.",
        set(),
    ),
    "demonstrative-noun-complement": (
        "Le Rafale vole depuis 1986. Le contrat va soutenir la ligne de production de cet appareil en France.",
        set(),
    ),
    # --- a possessive and a holding noun stand for the recipient named before ----------------------
    "possessive-fleet": (
        "L'armée marocaine a reçu ses premiers drones en 1986. Sa flotte se compose aujourd'hui de Heron et de Bayraktar TB2.",
        {("ISR", "MAR", "Heron", None), ("TUR", "MAR", "Bayraktar TB2", None)},
    ),
    "possessive-arsenal": (
        "Le Vietnam a commandé des avions à Moscou. Son arsenal comprend déjà des Su-30MK2.",
        {("RUS", "VNM", "Su-30MK2", None)},
    ),
    "possessive-of-the-supplier-itself": (
        "L'Ukraine a reçu des IRIS-T. L'Allemagne dispose dans son arsenal de missiles montés sur ses Eurofighter.",
        {("DEU", "UKR", "IRIS-T", "delivered")},
    ),
    "possessive-without-recipient-before": (
        "Le drone Heron vole depuis 1994. Sa flotte comprend des Heron TP.",
        set(),
    ),
    # --- an aside's last country is no party of the trigger after it ------------------------------
    "aside-before-trigger": (
        "La Lettonie, qui partage une frontière avec la Russie, a annoncé son intention d'acheter des HIMARS.",
        {("USA", "LVA", "M142 HIMARS", "negotiating")},
    ),
    "own-relative-clause": (
        "Le J-10C ne compte qu'un client, le Pakistan, qui a réceptionné ses premiers exemplaires en 2022.",
        {("CHN", "PAK", "J-10C", "delivered")},
    ),
    "fronted-country": (
        "En Espagne, le gouvernement a renoncé à l'achat de missiles Spike LR2.",
        {("ISR", "ESP", "Spike LR2", "other")},
    ),
    "request-verb": (
        "L'Arabie saoudite et le Qatar réclament aussi le F-35.",
        {("USA", "SAU", "F-35", "negotiating"), ("USA", "QAT", "F-35", "negotiating")},
    ),
    "wish-verb": (
        "Le Maroc souhaite acquérir des drones Bayraktar TB2.",
        {("TUR", "MAR", "Bayraktar TB2", "negotiating")},
    ),
    # --- a supplier named in one item's aside is that item's only -----------------------------------
    "aside-supplier-own-item": (
        "Le Super Tucano a été vendu au Mali (6 avions), au Nigéria (12 avions fournis par les États-Unis)"
        " et au Ghana (5 avions).",
        {
            ("BRA", "MLI", "EMB-314 Super Tucano", None),
            ("USA", "NGA", "EMB-314 Super Tucano", None),
            ("BRA", "GHA", "EMB-314 Super Tucano", None),
        },
    ),
    "aside-list-of-members": (
        "Le CAESAR a été commandé par plusieurs pays européens (Belgique, Lituanie et Croatie).",
        {("FRA", "BEL", "CAESAR", "ordered"), ("FRA", "LTU", "CAESAR", "ordered"), ("FRA", "HRV", "CAESAR", "ordered")},
    ),
    # --- partners share the role of the party before them ---------------------------------------
    "partner-collaboration": (
        "Le Danemark avait acheté en 1975, en collaboration avec la Belgique et la Norvège, des F-16.",
        {("USA", "DNK", "F-16", "ordered"), ("USA", "BEL", "F-16", "ordered"), ("USA", "NOR", "F-16", "ordered")},
    ),
    "partner-jointly-seller-side": (
        "L'Allemagne, conjointement avec la France, a livré des obusiers CAESAR à l'Ukraine.",
        {("FRA", "UKR", "CAESAR", "delivered")},
    ),
    "partner-without-party-before": (
        "En coopération avec la Belgique, des exercices ont eu lieu autour des F-16.",
        set(),
    ),
    # --- 'le pays', 'ce royaume' stand for a country named before ----------------------------------
    "country-noun-subject": (
        "L'Azerbaïdjan vient de passer une commande importante. Le pays a signé un accord avec le Pakistan"
        " pour quarante JF-17.",
        {("PAK", "AZE", "JF-17", "ordered")},
    ),
    "country-noun-seller": (
        "La Russie reste le premier fournisseur de l'Algérie. L'Algérie a acquis auprès de ce pays 44 Su-30MKA.",
        {("RUS", "DZA", "Su-30MKA", None)},
    ),
    "country-noun-same-sentence": (
        "La Slovaquie a promis 13 MiG-29 à Kiev. L'Ukraine n'a pas confirmé ce chiffre, mais ce pays exploitait"
        " 43 appareils.",
        {("SVK", "UKR", "MiG-29", "donated"), ("RUS", "UKR", "MiG-29", "delivered")},
    ),
    "country-noun-kingdom": (
        "Le Maroc modernise son armée. Selon la presse espagnole, le royaume aurait signé pour 30 canons CAESAR.",
        {("FRA", "MAR", "CAESAR", "ordered")},
    ),
    "country-noun-without-country-before": (
        "Le pays a signé un contrat pour 12 Rafale.",
        set(),
    ),
    # --- a sentence opening on 'Il s'agit de' details the transfer of the sentence before ---------
    "elaboration-list-of-buyers": (
        "L'Afrique du Sud a exporté des blindés vers une douzaine de pays. Il s'agit notamment de l'Angola"
        " (24 BTT) ; du Kenya (7 BTT) et de la Jordanie (14 BTT).",
        {("ZAF", "AGO", "BTT", "delivered"), ("ZAF", "KEN", "BTT", "delivered"), ("ZAF", "JOR", "BTT", "delivered")},
    ),
    "elaboration-list-of-sellers": (
        "L'Égypte a acheté des frégates à plusieurs pays. Il s'agit notamment de la France (FREMM) et de"
        " l'Allemagne (MEKO A-200).",
        {("FRA", "EGY", "FREMM", "ordered"), ("DEU", "EGY", "MEKO A-200", "ordered")},
    ),
    "elaboration-future-stays-ordered": (
        "Le Maroc recevra des avions américains. Il s'agit de 25 F-16 Block 72 fabriqués à Greenville.",
        {("USA", "MAR", "F-16 Block 70", "ordered")},
    ),
    "elaboration-without-transfer-before": (
        "Plusieurs pays observent le marché. Il s'agit notamment du Kenya (7 BTT) et de la Jordanie.",
        set(),
    ),
    "elaboration-next-paragraph": (
        "L'Afrique du Sud a exporté des blindés vers une douzaine de pays.\n\nIl s'agit notamment du Kenya (7 BTT).",
        {("ZAF", "KEN", "BTT", "delivered")},
    ),
    # --- a sale, a purchase or a contract with no stage word: ordered, in its sentence's tense -------
    "unstaged-sale": (
        "Le principal contrat de 2005 porte sur la vente à l'Inde de six sous-marins Scorpène.",
        {("FRA", "IND", "Scorpène", "ordered")},
    ),
    "unstaged-sale-list": (
        "Parmi les autres contrats figure la vente d'hélicoptères NH90 à l'Australie.",
        {("FRA", "AUS", "NH90", "ordered")},
    ),
    "unstaged-purchase-planned": (
        "La Pologne prévoit aussi l'achat de 600 obusiers K9.",
        {("KOR", "POL", "K9 Thunder", "negotiating")},
    ),
    "unstaged-contents-take-the-document-stage": (
        "Le Département d'État a approuvé la vente de F-16 au Maroc. Le paquet comprend aussi 40 missiles AIM-120.",
        {("USA", "MAR", "F-16", "approved"), ("USA", "MAR", "AIM-120 AMRAAM", "approved")},
    ),
    "contract-governs-delivery-noun": (
        "MBDA a annoncé la signature d'un contrat d'un milliard d'euros portant sur la livraison au Qatar de"
        " missiles Exocet MM40 Block 3.",
        {("FRA", "QAT", "Exocet MM40 Block 3", "ordered")},
    ),
    "approved-request": (
        "Le département d'État américain a donné son feu vert à une demande de longue date des Émirats"
        " arabes unis : l'achat du F-35.",
        {("USA", "ARE", "F-35", "approved")},
    ),
    "request-beside-another-order": (
        "L'Inde, qui a commandé des Rafale, envisage d'acheter des Scorpène.",
        {("FRA", "IND", "Rafale", "ordered"), ("FRA", "IND", "Scorpène", "negotiating")},
    ),
    "purpose-of-a-signed-agreement": (
        "L'Azerbaïdjan a signé un accord d'achat avec le Pakistan pour se procurer quarante JF-17.",
        {("PAK", "AZE", "JF-17", "ordered")},
    ),
    # --- stage of a coordinated or future supply --------------------------------------------------
    "future-coordinated-participle": (
        "Les 48 Kaan seront produits en Turquie et exportés vers l'Indonésie.",
        {("TUR", "IDN", "KAAN", "ordered")},
    ),
    "future-supply-verb": (
        "Israël fournira le système Barak MX au Maroc.",
        {("ISR", "MAR", "Barak MX", "ordered")},
    ),
    "past-export-participle": (
        "Des Bayraktar TB2 ont été exportés vers le Niger.",
        {("TUR", "NER", "Bayraktar TB2", "delivered")},
    ),
    # --- an elaboration takes the stage of the sentence before, even with words of its own ------
    "elaboration-with-own-contract-noun": (
        "L'armée nigérienne vient de réceptionner ses premiers drones turcs.\n\nIl s'agit de six drones"
        " Bayraktar TB2, première partie d'un contrat conclu avec la Turquie.",
        {("TUR", "NER", "Bayraktar TB2", "delivered")},
    ),
    "elaboration-across-paragraphs": (
        "Baykar a livré un lot de drones au Mali.\n\nIl s'agit de Bayraktar TB2.",
        {("TUR", "MLI", "Bayraktar TB2", "delivered")},
    ),
    "no-elaboration-without-opening-cue": (
        "Baykar a livré un lot de drones au Mali.\n\nLe Bayraktar TB2 a aussi été commandé par le Togo.",
        {("TUR", "TGO", "Bayraktar TB2", "ordered")},
    ),
    # --- a signed preliminary document is not an order -------------------------------------------
    "signed-memorandum": (
        "La Grèce a signé un protocole d'accord pour l'achat de quatre frégates FDI.",
        {("FRA", "GRC", "FDI", "negotiating")},
    ),
    "signed-framework-arrangement": (
        "La Belgique et Chypre ont signé un arrangement de coopération cadre pour l'acquisition commune de"
        " missiles Mistral.",
        {("FRA", "BEL", "Mistral", "negotiating"), ("FRA", "CYP", "Mistral", "negotiating")},
    ),
    "signed-declaration-of-intent": (
        "Le Qatar a signé une déclaration d'intention sur l'achat de 24 Rafale.",
        {("FRA", "QAT", "Rafale", "negotiating")},
    ),
    "signed-contract-is-an-order": (
        "La Grèce a signé un contrat pour l'achat de quatre frégates FDI.",
        {("FRA", "GRC", "FDI", "ordered")},
    ),
    # --- a trigger after the system that has its own object governs that one ----------------------
    "later-trigger-has-its-own-object": (
        "Le Qatar envisage l'achat de 24 Rafale après avoir commandé 75 F-15.",
        {("FRA", "QAT", "Rafale", "negotiating"), ("USA", "QAT", "F-15", "ordered")},
    ),
    "later-trigger-of-the-subject": (
        "Après des négociations, les 24 Rafale ont été livrés au Qatar en 2019.",
        {("FRA", "QAT", "Rafale", "delivered")},
    ),
    # --- the buyer's choice is its decision: ordered (realdev conventions) -------------------------
    "chose": (
        "La Suisse a choisi le F-35A pour remplacer ses F/A-18.",
        {("USA", "CHE", "F-35A", "ordered")},
    ),
    "selected-by-capital": (
        "Helsinki a sélectionné le système David's Sling.",
        {("ISR", "FIN", "David's Sling", "ordered")},
    ),
    "choice-to-buy": (
        "La Finlande a fait en décembre 2021 le choix d'acheter 64 F-35.",
        {("USA", "FIN", "F-35", "ordered")},
    ),
    "idiom-de-choix-is-no-choice": (
        "Le Super Tucano est l'appareil de choix pour remplacer les Bronco aux Philippines.",
        set(),
    ),
    # --- a possible transfer is negotiating; a delivery to come is ordered -------------------------
    "could-order": (
        "La Suisse pourrait commander 36 F-35.",
        {("USA", "CHE", "F-35", "negotiating")},
    ),
    "should-be-delivered": (
        "Les CAESAR devraient être livrés à l'Estonie en 2025.",
        {("FRA", "EST", "CAESAR", "ordered")},
    ),
    "has-ordered": (
        "La Suisse a commandé 36 F-35.",
        {("USA", "CHE", "F-35", "ordered")},
    ),
    # --- a supply to a country the text says it aids is a donation ---------------------------------
    "aid-context-makes-supply-a-donation": (
        "La Suède va livrer à l'Ukraine 50 CV90. Le soutien militaire à l'Ukraine est crucial, a dit le ministre.",
        {("SWE", "UKR", "CV90", "donated")},
    ),
    "aid-word-before-the-delivery": (
        "Une aide militaire supplémentaire à l'Ukraine a été annoncée : la livraison de canons CAESAR.",
        {("FRA", "UKR", "CAESAR", "donated")},
    ),
    "aid-to-another-country": (
        "Les États-Unis ont livré des F-16 au Maroc. Le soutien militaire à l'Ukraine continue.",
        {("USA", "MAR", "F-16", "delivered")},
    ),
    "sale-in-an-aid-context": (
        "L'aide militaire à l'Ukraine continue. La France a vendu 12 CAESAR à l'Ukraine.",
        {("FRA", "UKR", "CAESAR", "ordered")},
    ),
    "by-means-of-is-no-aid": (
        "Les États-Unis ont livré 24 F-16 au Maroc à l'aide d'avions cargo.",
        {("USA", "MAR", "F-16", "delivered")},
    ),
    "no-aid-words": (
        "La France a livré des CAESAR à l'Ukraine.",
        {("FRA", "UKR", "CAESAR", "delivered")},
    ),
    # --- two stages offered as alternatives: no more than the lesser ------------------------------
    "alternative-stages": (
        "Le HIMARS est utilisé - ou a été commandé - par la Pologne et la Roumanie.",
        {("USA", "POL", "M142 HIMARS", "ordered"), ("USA", "ROU", "M142 HIMARS", "ordered")},
    ),
    "alternative-stages-plain": (
        "Le CAESAR a été commandé ou livré à la Belgique.",
        {("FRA", "BEL", "CAESAR", "ordered")},
    ),
    "both-stages-without-ou": (
        "Le CAESAR a été commandé puis livré à la Belgique.",
        {("FRA", "BEL", "CAESAR", "delivered")},
    ),
    # --- a second bracketed list coordinated with a first shares its role ------------------------
    "second-group-list": (
        "Le HIMARS a été commandé par plusieurs alliés (Estonie, Lituanie) ou dans le reste du monde"
        " (Australie, Maroc).",
        {
            ("USA", "EST", "M142 HIMARS", "ordered"),
            ("USA", "LTU", "M142 HIMARS", "ordered"),
            ("USA", "AUS", "M142 HIMARS", "ordered"),
            ("USA", "MAR", "M142 HIMARS", "ordered"),
        },
    ),
    # --- a category noun keeps its adjective or complement ----------------------------------------
    "category-uncounted-two-words": (
        "La Turquie a livré des véhicules blindés au Niger.",
        {("TUR", "NER", "véhicule blindé", "delivered")},
    ),
    "category-counted-two-words": (
        "Le Qatar a commandé deux patrouilleurs hauturiers à l'Italie.",
        {("ITA", "QAT", "patrouilleur hauturier", "ordered")},
    ),
    "category-counted-three-words": (
        "Le Qatar a commandé un bâtiment de projection à l'Italie.",
        {("ITA", "QAT", "bâtiment de projection", "ordered")},
    ),
    "category-single-word": (
        "La Turquie a livré des chars au Niger.",
        {("TUR", "NER", "char", "delivered")},
    ),
    # --- where a system is built is its supplier; a buyer has it built -----------------------------
    "faire-construire-en": (
        "Le Qatar fait construire en Italie quatre corvettes, deux patrouilleurs hauturiers et un"
        " bâtiment de projection.",
        {
            ("ITA", "QAT", "corvette", "ordered"),
            ("ITA", "QAT", "patrouilleur hauturier", "ordered"),
            ("ITA", "QAT", "bâtiment de projection", "ordered"),
        },
    ),
    "built-in-country-participle": (
        "Les 212 K9A1 commandés par la Pologne seront construits en Corée du Sud.",
        {("KOR", "POL", "K9A1", "ordered")},
    ),
    "local-production-is-no-supplier": (
        "L'Australie a acheté cinq sous-marins de classe Virginia pour construire en Australie une nouvelle génération de sous-marins.",
        {("USA", "AUS", "Virginia-class", "ordered")},
    ),
    # --- a replaced fleet does not hide the counted noun that stands for the system named before -----
    "stand-in-beside-replaced-fleet": (
        "Le KC-390 d'Embraer a enregistré sa première commande à l'export. Le Portugal va acquérir six"
        " avions de transport pour remplacer sa flotte de C-130H.",
        {("BRA", "PRT", "KC-390", None)},
    ),
    # --- a demonym before a bracketed list names the origin of what it lists ----------------------
    "demonym-before-bracket-list": (
        "Le Maroc a reçu des drones israéliens (Hermes 900, Harfang) et turcs (Bayraktar TB2).",
        {
            ("ISR", "MAR", "Hermes 900", "delivered"),
            ("ISR", "MAR", "Harfang", "delivered"),
            ("TUR", "MAR", "Bayraktar TB2", "delivered"),
        },
    ),
    "named-supplier-beats-bracket-demonym": (
        "La France a livré au Maroc des drones de conception israélienne (Harfang).",
        {("FRA", "MAR", "Harfang", "delivered")},
    ),
    # --- an item's own aside states its furthest stage --------------------------------------------
    "own-aside-delivered-part": (
        "Le Super Tucano a été vendu au Burkina Faso (6 dont 3 livrés), au Ghana (5 avions) et au Mali"
        " (6 commandés, 4 réceptionnés).",
        {
            ("BRA", "BFA", "EMB-314 Super Tucano", "delivered"),
            ("BRA", "GHA", "EMB-314 Super Tucano", "ordered"),
            ("BRA", "MLI", "EMB-314 Super Tucano", "delivered"),
        },
    ),
    "own-aside-order-only": (
        "Le CAESAR a été vendu à la Belgique (9 commandés) et à l'Estonie (12 livrés en 2023).",
        {("FRA", "BEL", "CAESAR", "ordered"), ("FRA", "EST", "CAESAR", "delivered")},
    ),
    # --- a hedged later sentence does not replace a stated stage ----------------------------------
    "hedged-later-order-keeps-delivery": (
        "Baykar a livré des drones au Mali. Il s'agit de Bayraktar TB2. Le Mali aurait commandé d'autres TB2.",
        {("TUR", "MLI", "Bayraktar TB2", "delivered")},
    ),
    # --- a country named after its armed forces takes the preposition before them ---------------
    "forces-armees-du-pays": (
        "Baykar a livré des Bayraktar TB2 aux forces armées du Burkina Faso.",
        {("TUR", "BFA", "Bayraktar TB2", "delivered")},
    ),
    "marine-de-pays": (
        "Naval Group a vendu deux Gowind à la marine de l'Égypte.",
        {("FRA", "EGY", "Gowind", "ordered")},
    ),
    "forces-du-pays-are-the-subject": (
        "Les forces armées du Niger ont reçu des Bayraktar TB2.",
        {("TUR", "NER", "Bayraktar TB2", "delivered")},
    ),
    # --- competitors are not transferred -------------------------------------------------------
    "competitors-after": (
        "Le Bangladesh a commandé 20 J-10CE chinois face aux concurrents occidentaux, notamment le Rafale français.",
        {("CHN", "BGD", "J-10CE", "ordered")},
    ),
    "competitor-demonym-is-not-the-supplier": (
        "Le Bangladesh a confirmé son intention d'acheter 20 avions de chasse chinois J-10CE, une victoire face aux"
        " concurrents occidentaux, notamment le Rafale français.",
        {("CHN", "BGD", "J-10CE", "negotiating")},
    ),
    "compared-cheaper-than": (
        "L'Égypte a commandé 30 Rafale, moins chers que le F-35 américain selon Le Caire.",
        {("FRA", "EGY", "Rafale", "ordered")},
    ),
    "compared-more-capable-than": (
        "La Grèce a reçu ses F-16 Block 70, plus performants que les Mirage 2000-5 français.",
        {("USA", "GRC", "F-16 Block 70", "delivered")},
    ),
    "also-in-the-running": (
        "La Croatie a commandé 12 Rafale ; le F-16 et le Gripen étaient aussi en lice.",
        {("FRA", "HRV", "Rafale", "ordered")},
    ),
    "replaced-fleet": (
        "La Croatie a commandé 12 Rafale pour remplacer ses vieux MiG-21.",
        {("FRA", "HRV", "Rafale", "ordered")},
    ),
    "successor": (
        "L'Inde a signé pour 26 Rafale Marine, successeurs des MiG-29K.",
        {("FRA", "IND", "Rafale M", "ordered")},
    ),
    "competition-shortlist": (
        "La Serbie a signé pour douze Rafale. La compétition s'était réduite à l'Eurofighter Typhoon et au Rafale.",
        {("FRA", "SRB", "Rafale", "ordered")},
    ),
    # --- each clause with its own subject and trigger keeps its own parties ----------------------
    "clause-comma-et": (
        "L'Estonie a signé un contrat pour six CAESAR, et la Lettonie a commandé des lance-roquettes HIMARS.",
        {("FRA", "EST", "CAESAR", "ordered"), ("USA", "LVA", "M142 HIMARS", "ordered")},
    ),
    "clause-tandis-que": (
        "Le Mali a reçu des drones Bayraktar TB2, tandis que le Niger a réceptionné des Wing Loong II.",
        {("TUR", "MLI", "Bayraktar TB2", "delivered"), ("CHN", "NER", "Wing Loong II", "delivered")},
    ),
    "clause-semicolon": (
        "Le Maroc a commandé 18 HIMARS ; l'Algérie a reçu ses premiers Su-35.",
        {("USA", "MAR", "M142 HIMARS", "ordered"), ("RUS", "DZA", "Su-35", "delivered")},
    ),
    "clause-each-with-its-stage": (
        "La Pologne a reçu ses premiers K2, et la Roumanie a signé pour 54 Abrams.",
        {("KOR", "POL", "K2 Black Panther", "delivered"), ("USA", "ROU", "M1 Abrams", "ordered")},
    ),
    "clause-not-a-list-of-subjects": (
        "La Lettonie, l'Estonie, et la Lituanie ont commandé des HIMARS.",
        {
            ("USA", "LVA", "M142 HIMARS", "ordered"),
            ("USA", "EST", "M142 HIMARS", "ordered"),
            ("USA", "LTU", "M142 HIMARS", "ordered"),
        },
    ),
    "clause-not-a-list-of-recipients": (
        "Les CAESAR ont été livrés à la Belgique, et à l'Estonie.",
        {("FRA", "BEL", "CAESAR", "delivered"), ("FRA", "EST", "CAESAR", "delivered")},
    ),
    "clause-mais-without-transfer": (
        "La Grèce a reçu ses Rafale, mais la Croatie attend toujours les siens.",
        {("FRA", "GRC", "Rafale", "delivered")},
    ),
    # --- in service with a country ('held'): the country after 'en' holds the system ------------
    "held-en-service-en": (
        "Le Gripen C/D est déjà en service en Hongrie et en République tchèque.",
        {("SWE", "HUN", "Gripen C/D", "delivered"), ("SWE", "CZE", "Gripen C/D", "delivered")},
    ),
    "held-en-service-au-aside": (
        "Le TB2, en service au Maroc depuis 2021, a été vendu à une trentaine de pays.",
        {("TUR", "MAR", "Bayraktar TB2", "delivered")},
    ),
    "held-entered-service-no-country": ("Le Rafale est entré en service en 2006.", set()),
    # --- the country a sentence opens on receives when the transfer names only a supplier -----------
    "topic-before-colon": (
        "La Slovaquie fait exception : ses F-16 lui ont été livrés par les États-Unis en 2024.",
        {("USA", "SVK", "F-16", "delivered")},
    ),
    "topic-despite-supplier-own-force": (
        "Le Nigeria fait figure d'exception : ses 12 A-29 ont été livrés en 2021 par les États-Unis, dans le"
        " cadre d'un contrat de l'US Air Force.",
        {("USA", "NGA", "EMB-314 Super Tucano", "delivered")},
    ),
    "topic-not-when-a-recipient-is-named": (
        "La Chine proteste : Washington a livré des HIMARS à Taïwan.",
        {("USA", "TWN", "M142 HIMARS", "delivered")},
    ),
    "fronted-place-en": (
        "En Ukraine, Paris a livré des canons CAESAR en 2022.",
        {("FRA", "UKR", "CAESAR", "delivered")},
    ),
    "fronted-place-au-enfin": (
        "Au Sénégal enfin, Ankara a livré des drones Bayraktar TB2.",
        {("TUR", "SEN", "Bayraktar TB2", "delivered")},
    ),
    "fronted-place-without-transfer": ("En Inde, Dassault a présenté le Rafale.", set()),
    "package-comprenant": (
        "Washington a annoncé un paquet d'aide à l'Ukraine de 1,2 milliard de dollars comprenant des missiles"
        " Stinger et des obus.",
        {("USA", "UKR", "Stinger", "donated")},
    ),
    # --- the other party of talks ('des négociations avec la Suède') ---------------------------------
    "counterparty-negotiations-avec": (
        "La Lituanie a entamé des négociations avec la Suède pour l'achat de 40 CV90.",
        {("SWE", "LTU", "CV90", "negotiating")},
    ),
    "counterparty-discuterait-avec": (
        "L'Arabie saoudite discuterait avec Londres de l'achat de 48 Eurofighter Typhoon.",
        {("GBR", "SAU", "Eurofighter Typhoon", "negotiating")},
    ),
    "counterparty-concluded-with": (
        "Saab a conclu avec la Thaïlande la vente de quatre Gripen E.",
        {("SWE", "THA", "Gripen E", "ordered")},
    ),
    "counterparty-of-a-buying-manufacturer": (
        "Le constructeur indien HAL négocie avec l'américain GE Aerospace l'achat de 113 moteurs F404.",
        {("USA", "IND", "F404", "negotiating")},
    ),
    "chosen-retenu-passive": (
        "Le Gripen a été retenu en avril par la Colombie.",
        {("SWE", "COL", "JAS 39 Gripen", "ordered")},
    ),
    "chosen-opte-pour": ("La Croatie a opté pour le Rafale.", {("FRA", "HRV", "Rafale", "ordered")}),
    "signed-avec-co-buyers-not-sellers": (
        "La France a signé un arrangement avec l'Arménie et l'Estonie pour acheter conjointement des canons CAESAR.",
        {("FRA", "ARM", "CAESAR", "ordered"), ("FRA", "EST", "CAESAR", "ordered")},
    ),
    # --- a buyer acting for another country ('destinés à l'Ukraine') supplies it ----------------------
    "bought-for-another-country": (
        "Le Danemark a acheté 30 obusiers CAESAR destinés à l'Ukraine.",
        {("DNK", "UKR", "CAESAR", "ordered")},
    ),
    "bought-for-forces-and-a-list": (
        "L'Allemagne va acquérir des missiles Patriot destinés aux forces ukrainiennes et à la Pologne.",
        {("DEU", "UKR", "Patriot", "negotiating"), ("DEU", "POL", "Patriot", "negotiating")},
    ),
    "bought-for-its-own-forces": (
        "Le Maroc a commandé 24 hélicoptères AH-64 Apache, destinés à ses forces armées.",
        {("USA", "MAR", "AH-64 Apache", "ordered")},
    ),
    # --- the lead's recipient is the article's: a transfer naming none goes there -------------------
    "lead-recipient-over-later-ones": (
        "La Norvège a promis de céder à l'Ukraine 20 obusiers M109. Le Danemark avait pour sa part fait don de 19"
        " canons CAESAR. Au Bénin, l'armée a reçu des drones TB2 livrés par la Turquie. Les autorités béninoises"
        " ont aussi commandé des Akinci à la Turquie.",
        {
            ("NOR", "UKR", "M109", "donated"),
            ("DNK", "UKR", "CAESAR", "donated"),
            ("TUR", "BEN", "Bayraktar TB2", "delivered"),
            ("TUR", "BEN", "Bayraktar Akinci", "ordered"),
        },
    ),
    # --- a definite military noun a transfer verb takes stands for the system named before ----------
    "definite-noun-selected": (
        "Le Brésil a présenté le KC-390 à Farnborough. L'Autriche a sélectionné l'appareil brésilien en 2023.",
        {("BRA", "AUT", "KC-390", "ordered")},
    ),
    "definite-noun-ordered": (
        "L'Inde a reçu ses premiers Rafale en 2020. La Grèce a commandé l'avion français l'année suivante.",
        {("FRA", "IND", "Rafale", "delivered"), ("FRA", "GRC", "Rafale", "ordered")},
    ),
    "definite-noun-not-an-argument": (
        "La Croatie exploite des Rafale. Elle a signé un contrat pour la maintenance de l'avion.",
        {("FRA", "HRV", "Rafale", "delivered")},
    ),
    # --- an elaboration details the last transfer stated, across a sentence that states none --------
    "elaboration-after-an-aside-sentence": (
        "La Norvège fournira à l'Ukraine un nouveau paquet d'aide. Ce paquet porte son soutien à 10 milliards"
        " de couronnes. Il s'agit notamment de missiles NASAMS.",
        {("NOR", "UKR", "NASAMS", "donated")},
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_transfers_a_sentence_states(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    found = {(d.supplier, d.recipient, d.system, d.status) for d in deals}
    if any(status is None for *_, status in expected):
        found = {(s, r, system, None) for s, r, system, _ in found}
    assert found == expected


def test_category_rows_say_so(extractor):
    deals = extractor.extract_deals("Les États-Unis ont livré 72 obusiers à l'Ukraine.", date="2024-06")
    assert [(d.system, d.system_kind, d.category, d.quantity) for d in deals] == [
        ("obusier", "category", "artillery", 72)
    ]
    named = extractor.extract_deals("Les États-Unis ont livré 18 HIMARS à l'Ukraine.", date="2024-06")
    assert [d.system_kind for d in named] == ["designation"]


OWN_COUNTS = {
    "count-before-each": (
        "Près de 273 Rafale ont été vendus à l'étranger : 80 pour les Émirats arabes unis, 55 pour l'Égypte et 36 pour l'Inde.",
        {("ARE", 80), ("EGY", 55), ("IND", 36)},
    ),
    "count-after-each": (
        "Les BTT Casspir ont été livrés à l'Angola (24 BTT), au Kenya (7 BTT) et à la Jordanie (14 BTT).",
        {("AGO", 24), ("KEN", 7), ("JOR", 14)},
    ),
    "count-after-a-date": (
        "Le Scorpène a été vendu au Chili en décembre 1997 (deux exemplaires), à la Malaisie en 2002 (deux)"
        " et au Brésil en 2008 (quatre).",
        {("CHL", 2), ("MYS", 2), ("BRA", 4)},
    ),
    "one-recipient-keeps-the-system-count": (
        "La Serbie a commandé 12 Rafale, après les 80 des Émirats.",
        {("SRB", 12)},
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(OWN_COUNTS.values()), ids=list(OWN_COUNTS))
def test_each_recipient_of_a_list_has_its_own_count(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.recipient, d.quantity) for d in deals} == expected


#: Counts stated after the system: a later 'en' with a count gives the system named before it in
#: the sentence its quantity; a count of the named system beats one of a noun standing for it.
LATER_COUNTS = {
    "en-after-the-choice": (
        "La Finlande a choisi le F-35 pour remplacer ses vieux F/A-18 et prévoit d'en commander 64 exemplaires.",
        {("F-35", 64)},
    ),
    "counted-noun-beside-a-replaced-fleet": (
        "Le KC-390 a enregistré sa première commande à l'export. Le Portugal va acquérir six avions de"
        " transport pour remplacer sa flotte de C-130H.",
        {("KC-390", 6)},
    ),
    "en-with-auxiliary": (
        "L'Estonie a retenu le CAESAR et en a acheté douze unités.",
        {("CAESAR", 12)},
    ),
    "en-after-another-system-is-not-ours": (
        "La Croatie a commandé des Rafale et des Mistral, et en a reçu vingt.",
        {("Rafale", None), ("Mistral", 20)},
    ),
    "place-en-is-no-pronoun": (
        "La France a livré des CAESAR, assemblés en Ukraine en 12 semaines.",
        {("CAESAR", None)},
    ),
    "count-in-the-aside-after-the-system": (
        "Le Danemark a commandé des F-35 (27 exemplaires) pour remplacer ses F-16.",
        {("F-35", 27)},
    ),
    "a-count-in-another-systems-aside-is-not-ours": (
        "La Suède va livrer à l'Ukraine des CV90 (20 exemplaires) et des Archer.",
        {("CV90", 20), ("Archer", None)},
    ),
    "another-system-in-the-aside-keeps-its-count": (
        "Le Danemark a commandé des F-35 (et 24 F-16 d'occasion).",
        {("F-35", None), ("F-16", 24)},
    ),
    "named-count-beats-a-stand-in": (
        "Taïwan a reçu le premier lot de chars M1A2T. Taïwan recevra 42 chars supplémentaires en 2025."
        " Le contrat porte sur 108 chars M1A2T.",
        {("M1A2T", 108)},
    ),
    "stand-in-count-when-no-other": (
        "Taïwan a reçu le premier lot de chars M1A2T. Il a reçu 38 de ces chars en décembre.",
        {("M1A2T", 38)},
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(LATER_COUNTS.values()), ids=list(LATER_COUNTS))
def test_a_count_stated_later_is_the_system_quantity(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.system, d.quantity) for d in deals} == expected


#: A family named beside its one variant is one transfer; several variants or another quantity stay apart.
FAMILIES = {
    "family-then-variant": (
        "L'Inde a commandé des Rafale. Les Rafale F4 commandés par New Delhi seront livrés en 2028.",
        {("Rafale F4", None)},
    ),
    "variant-then-family": (
        "Le Brésil a commandé 4 Gripen E. Ces Gripen seront livrés en 2026.",
        {("Gripen E", 4)},
    ),
    "two-quantities-stay-apart": (
        "La Pologne a commandé 1000 chars K2 et 800 chars K2PL.",
        {("K2 Black Panther", 1000), ("K2PL", 800)},
    ),
    "two-variants-keep-the-family": (
        "La Pologne a commandé des K9, dont des K9A1 et des K9PL.",
        {("K9 Thunder", None), ("K9A1", None), ("K9PL", None)},
    ),
    "paired-variants-and-their-parts": (
        "La Colombie a signé pour 17 Gripen E/F. L'accord comprend 15 Gripen E et 2 Gripen F.",
        {("Gripen E/F", 17)},
    ),
    "parts-without-a-paired-row-stay": (
        "La Colombie a commandé 15 Gripen E et 2 Gripen F.",
        {("Gripen E", 15), ("Gripen F", 2)},
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(FAMILIES.values()), ids=list(FAMILIES))
def test_a_family_and_its_variant_are_one_transfer(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.system, d.quantity) for d in deals} == expected


#: An amount tied by a value noun to the deal told just before, across a paragraph break.
VALUES = {
    "value-noun-next-paragraph": (
        "Dassault a signé avec la Serbie un contrat pour douze Rafale.\n\nLe montant de cette commande"
        " s'élèverait à 3 milliards d'euros.",
        {("Rafale", Decimal("3000000000"))},
    ),
    "transaction-noun": (
        "L'Inde a acheté à la Russie des S-400.\n\nLa transaction s'élève à 5,2 milliards de dollars.",
        {("S-400", Decimal("5200000000"))},
    ),
    "no-value-noun-other-paragraph": (
        "L'Inde a acheté à la Russie des S-400.\n\nLe pays a dépensé 5,2 milliards de dollars en 2023.",
        {("S-400", None)},
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(VALUES.values()), ids=list(VALUES))
def test_a_value_noun_ties_an_amount_to_the_deal_before(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.system, d.value) for d in deals} == expected


#: A sentence with several amounts: each system takes the nearest, leaving out an amount that restates
#: the one before (a conversion, a range's end); an interval's lower bound is the deal's value.
SENTENCE_AMOUNTS = {
    "two-contracts-two-amounts": (
        "Le contrat de 16 milliards d'euros porte sur 80 Rafale ; les Émirats ont aussi commandé 12 H225M"
        " pour 700 millions d'euros.",
        {("Rafale", Decimal("16000000000"), "EUR"), ("H225M Caracal", Decimal("700000000"), "EUR")},
    ),
    "amount-in-brackets-after-the-system": (
        "Les États-Unis vendent aux Émirats 50 F-35A, estimés à 10,4 milliards de dollars, et 18 MQ-9B"
        " (2,97 milliards de dollars).",
        {("F-35A", Decimal("10400000000"), "USD"), ("MQ-9B", Decimal("2970000000"), "USD")},
    ),
    "conversion-in-brackets": (
        "La Suède a vendu 50 CV90 à la Norvège pour 4,3 milliards de couronnes suédoises (419 millions de dollars).",
        {("CV90", Decimal("4300000000"), "SEK")},
    ),
    "conversion-after-soit": (
        "Le Burkina Faso a acheté des TB2 pour 252 milliards de francs CFA, soit plus de 420 millions de dollars.",
        {("Bayraktar TB2", Decimal("252000000000"), "XOF")},
    ),
    "interval-lower-bound": (
        "Le Maroc a commandé 12 H225M pour un montant estimé entre 700 et 800 millions d'euros.",
        {("H225M Caracal", Decimal("700000000"), "EUR")},
    ),
    "one-amount-one-package": (
        "La Pologne a commandé 96 AH-64E et 200 missiles Hellfire pour 12 milliards de dollars.",
        {("AH-64E", Decimal("12000000000"), "USD"), ("AGM-114 Hellfire", Decimal("12000000000"), "USD")},
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(SENTENCE_AMOUNTS.values()), ids=list(SENTENCE_AMOUNTS))
def test_each_system_takes_its_own_amount(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.system, d.value, d.currency) for d in deals} == expected


@pytest.mark.parametrize(
    ("system", "parts"),
    [
        ("Gripen E/F", {"Gripen E", "Gripen F"}),
        ("F-16C/D Block 52", {"F-16C Block 52", "F-16D Block 52"}),
        ("MQ-9A/B", {"MQ-9A", "MQ-9B"}),
        ("F/A-18", set()),  # one aircraft
        ("Su-30MK/MKI", set()),
        ("K2/K2PL", set()),
        ("Rafale", set()),
    ],
)
def test_the_two_variants_a_paired_designation_names(system, parts):
    assert variant_parts(system) == parts


# Countries listed after 'à / au' behind a buying verb are all sellers ('acheté 12 Typhoon au Qatar et
# 12 à Oman'), however far the later ones stand; behind a selling verb, all buyers.
# Each case: text -> (the recipients of its rows, the countries its suppliers are drawn from).
LISTED_PARTIES = {
    "sellers-digits": (
        "La Turquie a acheté 12 Typhoon d'occasion au Qatar et 12 à Oman pour compléter sa flotte.",
        {"TUR"},
        {"QAT", "OMN"},
    ),
    "sellers-number-words-autres": (
        "L'Indonésie a racheté 12 Mirage 2000-5 d'occasion au Qatar et six autres à l'Égypte.",
        {"IDN"},
        {"QAT", "EGY"},
    ),
    "buyers-after-selling-verb": (
        "Paris a vendu des Rafale à l'Inde et à l'Égypte.",
        {"IND", "EGY"},
        {"FRA"},
    ),
}


@pytest.mark.parametrize(("text", "recipients", "suppliers"), list(LISTED_PARTIES.values()), ids=list(LISTED_PARTIES))
def test_a_list_after_a_trigger_shares_one_role(extractor, text, recipients, suppliers):
    deals = extractor.extract_deals(text, date="2024-06")
    assert deals
    assert {d.recipient for d in deals} == recipients
    assert {d.supplier for d in deals} <= suppliers


# A count before a system is its quantity unless it counts another item of a list.
# Each case: text -> {system: quantity}.
ITEM_COUNTS = {
    "list-count-not-next-item": (
        "Le paquet livré à l'Ukraine compte 50 000 obus, des missiles Javelin et 12 obusiers M777.",
        {"Javelin": None, "M777": 12},
    ),
    "each-its-own-count": (
        "L'Inde a commandé 26 Rafale Marine et 3 sous-marins Scorpène.",
        {"Rafale M": 26, "Scorpène": 3},
    ),
    "apposition-after-comma": pytest.param(
        "Le Maroc a commandé 36 canons, des CAESAR, pour 200 millions d'euros.",
        {"CAESAR": 36},
        marks=pytest.mark.xfail(strict=True, reason="an apposition after a comma reads as the next item of a list"),
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(ITEM_COUNTS.values()), ids=list(ITEM_COUNTS))
def test_a_count_of_another_list_item_is_not_the_quantity(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {d.system: d.quantity for d in deals} == expected
