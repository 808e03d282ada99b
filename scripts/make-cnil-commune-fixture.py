#!/usr/bin/env python3
"""Fills the CNIL's register model as a commune's DPO would, for the import tests.

Starts from the model as published (Tests/RegistreDocumentsTests/Fixtures/registre-traitement-simplifie.ods),
leaves its example sheet and the example's row of the list in place (people do), fills the list sheet's block
on the controller and the DPO, renames the model's record sheet for a first processing and copies it for two
more, then writes:

  Tests/RegistreDocumentsTests/Fixtures/cnil-commune.ods        the filled model
  Tests/RegistreDocumentsTests/Fixtures/cnil-commune.cells.tsv  every cell filled: sheet, cell, kind, text

The test reads the list of cells, so that "every filled cell is accounted for" means every cell this script
filled. Only the standard library: the cells are set in content.xml, splitting the repeated rows and cells
OpenDocument writes (`number-rows-repeated`, `number-columns-repeated`) where a value goes.

Run from the repository: scripts/make-cnil-commune-fixture.py (the output is committed; rerun after a change).
"""
import copy
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "Tests/RegistreDocumentsTests/Fixtures")
MODEL = os.path.join(FIXTURES, "registre-traitement-simplifie.ods")
OUTPUT = os.path.join(FIXTURES, "cnil-commune.ods")
CELLS = os.path.join(FIXTURES, "cnil-commune.cells.tsv")

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}


def q(prefix, name):
    return "{%s}%s" % (NS[prefix], name)


ROW, CELL, COVERED = q("table", "table-row"), q("table", "table-cell"), q("table", "covered-table-cell")
ROWS_REPEATED, COLUMNS_REPEATED = q("table", "number-rows-repeated"), q("table", "number-columns-repeated")


def rows_of(parent):
    """The row elements of a table in order, header rows and row groups included, with their parents."""
    for child in list(parent):
        if child.tag == ROW:
            yield parent, child
        elif child.tag in (q("table", "table-header-rows"), q("table", "table-row-group"), q("table", "table-rows")):
            yield from rows_of(child)


def split_repeat(parent, element, attribute, offset):
    """Splits `element`, repeated n times, so that its occurrence `offset` stands alone; returns it."""
    count = int(element.get(attribute, "1"))
    if count == 1:
        return element
    index = list(parent).index(element)
    parts = []
    for size in (offset, 1, count - offset - 1):
        if size == 0:
            parts.append(None)
            continue
        part = copy.deepcopy(element)
        if size == 1:
            part.attrib.pop(attribute, None)
        else:
            part.set(attribute, str(size))
        parts.append(part)
    parent.remove(element)
    for part in reversed([p for p in parts if p is not None]):
        parent.insert(index, part)
    return parts[1]


def cell_element(table, row_number, column_number):
    """The cell element at zero-based row and column, split out of any repeat."""
    position = 0
    for parent, row in rows_of(table):
        count = int(row.get(ROWS_REPEATED, "1"))
        if position + count > row_number:
            row = split_repeat(parent, row, ROWS_REPEATED, row_number - position)
            break
        position += count
    else:
        raise SystemExit("row %d beyond the table %s" % (row_number + 1, table.get(q("table", "name"))))
    position = 0
    for cell in list(row):
        if cell.tag not in (CELL, COVERED):
            continue
        count = int(cell.get(COLUMNS_REPEATED, "1"))
        if position + count > column_number:
            return split_repeat(row, cell, COLUMNS_REPEATED, column_number - position)
        position += count
    raise SystemExit("column %d beyond the row" % (column_number + 1))


def reference(cell):
    match = re.fullmatch(r"([A-Z]+)([0-9]+)", cell)
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, column - 1


def set_cell(table, cell, value):
    """Types `value` in `cell` (`B12`): a string, or ("date", "YYYY-MM-DD") for a date cell."""
    element = cell_element(table, *reference(cell))
    for child in list(element):
        element.remove(child)
    for attribute in list(element.attrib):
        if attribute.startswith("{%s}" % NS["office"]) or attribute == q("table", "formula"):
            del element.attrib[attribute]
    paragraph = ET.SubElement(element, q("text", "p"))
    if isinstance(value, tuple):
        year, month, day = value[1].split("-")
        element.set(q("office", "value-type"), "date")
        element.set(q("office", "date-value"), value[1])
        element.set(q("calcext", "value-type"), "date")
        paragraph.text = "%s/%s/%s" % (day, month, year)
    else:
        element.set(q("office", "value-type"), "string")
        element.set(q("calcext", "value-type"), "string")
        paragraph.text = value


def table_named(spreadsheet, name):
    for table in spreadsheet.iter(q("table", "table")):
        if table.get(q("table", "name")) == name:
            return table
    raise SystemExit("no sheet " + name)


MODEL_SHEET = "3_-_Modèle_de_fiche_de_registre"
LIST_SHEET = "2_-_Liste_des_traitements"
CONTROLLER = ["Commune de Saint-Clair", "Place de la Mairie", "48100", "Saint-Clair", "France", "04 66 32 00 00", "mairie@saint-clair.fr"]
DPO = ["Thomas ROUX", "11 boulevard des Capucins", "48000", "Mende", "France", "04 66 65 34 50", "dpo@cdg48.fr"]


def actors(controller=CONTROLLER, dpo=DPO):
    cells = {}
    for column, value in zip("BCDEFGH", controller):
        cells[column + "10"] = value
    for column, value in zip("BCDEFGH", dpo):
        cells[column + "11"] = value
    cells["B12"] = "Centre de gestion de la Lozère"
    return cells


# The record sheets: the model's own sheet renamed for the first processing, copies for the others.
RECORDS = [
    ("Etat civil", {
        "B4": "Tenue des registres d'état civil", "B5": "EC-01", "B6": ("date", "2019-03-12"), "B7": "04/09/2024",
        **actors(),
        "B17": "Établissement et conservation des actes d'état civil",
        "B18": "Délivrance des copies et extraits d'actes",
        "B25": "Nom, prénoms, date et lieu de naissance, filiation", "E25": "Conservation définitive (actes de plus de 75 ans versés aux archives)",
        "B26": "Situation matrimoniale",
        "B44": "Usagers", "E44": "Personnes nées, mariées ou décédées dans la commune",
        "B48": "Service interne qui traite les données", "E48": "Service de l'état civil",
        "B49": "Sous-traitants", "E49": "Éditeur du logiciel d'état civil (hébergement)",
        "B50": "Autorité publique", "E50": "Procureur de la République, INSEE",
        "B54": "Contrôle d'accès des utilisateurs", "E54": "Comptes nominatifs, mots de passe",
        "B55": "Sauvegarde des données", "E55": "Sauvegarde quotidienne chiffrée",
    }),
    ("Cantine scolaire", {
        "B4": "Inscriptions à la restauration scolaire", "B5": "ENF-02", "B6": "01/09/2021", "B7": ("date", "2024-08-28"),
        **actors(),
        "B17": "Inscription des enfants à la cantine et facturation aux familles",
        "B18": "Prise en compte des régimes alimentaires et des allergies",
        "B25": "Nom et prénom de l'enfant et des responsables légaux", "E25": "1 an après la fin de la scolarité en primaire",
        "B27": "Quotient familial", "E27": "2 ans",
        "B39": "Allergies alimentaires (projet d'accueil individualisé)", "E39": "Fin de l'année scolaire",
        "B44": "Enfants scolarisés", "E44": "Élèves des écoles maternelle et élémentaire",
        "B45": "Parents", "E45": "Responsables légaux",
        "B48": "Service interne qui traite les données", "E48": "Service enfance-jeunesse",
        "B49": "Sous-traitants", "E49": "Prestataire de restauration collective",
        "B54": "Contrôle d'accès des utilisateurs", "E54": "Accès réservé aux agents du service",
    }),
    ("Lettre d'information", {
        "B4": "Lettre d'information municipale", "B5": "COM-03", "B6": "15/01/2020", "B7": "15/01/2020",
        **actors(),
        "B17": "Envoi de la lettre d'information aux habitants abonnés",
        "B25": "Adresse électronique, nom", "E25": "Jusqu'au désabonnement",
        "B44": "Habitants abonnés",
        "B48": "Service interne qui traite les données", "E48": "Service communication",
        "B49": "Sous-traitants", "E49": "Plateforme d'envoi de courriels",
        "B54": "Contrôle d'accès des utilisateurs",
        "B59": "The Rocket Science Group (Mailchimp)", "C59": "Etats-Unis", "D59": "Privacy shield",
        "F59": "https://mailchimp.com/legal/data-processing-addendum/",
    }),
]

LIST = {
    # The block on the controller: the person responsible, the organisation's e-mail and phone.
    "C1": "MARTIN", "E1": "Claire", "G1": "Place de la Mairie", "I1": "mairie@saint-clair.fr",
    "C2": "48100", "E2": "Saint-Clair", "G2": "04 66 32 00 00",
    # The DPO, external (the centre de gestion), with the postal address and phone.
    "C5": "ROUX", "E5": "Thomas", "G5": "Centre de gestion de la Lozère", "I5": "11 boulevard des Capucins",
    "C6": "48000", "E6": "Mende", "G6": "04 66 65 34 50", "I6": "dpo@cdg48.fr",
    # One row per processing, below the example's row 9 left in place.
    "A10": "Tenue des registres d'état civil", "B10": "EC-01", "C10": "12/03/2019", "D10": "04/09/2024",
    "E10": "Établissement et conservation des actes d'état civil", "H10": "Non",
    "A11": "Inscriptions à la restauration scolaire", "B11": "ENF-02", "C11": "01/09/2021", "D11": "28/08/2024",
    "E11": "Inscription des enfants à la cantine et facturation aux familles", "H11": "Oui",
    "A12": "Lettre d'information municipale", "B12": "COM-03", "C12": "15/01/2020", "D12": "15/01/2020",
    "E12": "Envoi de la lettre d'information aux habitants abonnés", "H12": "Non",
}


def main():
    namespaces = {}
    with zipfile.ZipFile(MODEL) as model:
        members = [(info, model.read(info.filename)) for info in model.infolist()]
        for _, (prefix, uri) in ET.iterparse(model.open("content.xml"), events=["start-ns"]):
            namespaces.setdefault(prefix, uri)
    for prefix, uri in namespaces.items():
        ET.register_namespace(prefix, uri)
    content = dict((info.filename, data) for info, data in members)["content.xml"]
    root = ET.fromstring(content)
    spreadsheet = root.find("office:body/office:spreadsheet", NS)

    filled = []
    for cell, value in LIST.items():
        set_cell(table_named(spreadsheet, LIST_SHEET), cell, value)
        filled.append((LIST_SHEET, cell, value))

    model_sheet = table_named(spreadsheet, MODEL_SHEET)
    blank = copy.deepcopy(model_sheet)
    position = list(spreadsheet).index(model_sheet)
    for number, (name, cells) in enumerate(RECORDS):
        table = model_sheet if number == 0 else copy.deepcopy(blank)
        table.set(q("table", "name"), name)
        if number > 0:
            spreadsheet.insert(position + number, table)
        for cell, value in cells.items():
            set_cell(table, cell, value)
            filled.append((name, cell, value))

    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    # ElementTree declares only the namespaces elements and attributes use; formulas name theirs in attribute
    # values (`of:=HYPERLINK(…)`), so every declaration of the model is written back.
    tag_end = text.index(">")
    missing = "".join(' xmlns:%s="%s"' % (prefix, uri) for prefix, uri in namespaces.items()
                      if prefix and ' xmlns:%s="' % prefix not in text[:tag_end])
    text = text[:tag_end] + missing + text[tag_end:]
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n' + text).encode("utf-8")
    with zipfile.ZipFile(OUTPUT, "w") as output:
        for info, data in members:
            if info.filename == "content.xml":
                data = body
            compression = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            output.writestr(info, data, compress_type=compression)
    with open(CELLS, "w", encoding="utf-8") as listing:
        listing.write("# Written by scripts/make-cnil-commune-fixture.py: every cell it filled in cnil-commune.ods.\n")
        listing.write("# sheet\tcell\tkind\ttext (kind: text, or date with the ISO date)\n")
        for sheet, cell, value in filled:
            kind, text = ("date", value[1]) if isinstance(value, tuple) else ("text", value)
            listing.write("%s\t%s\t%s\t%s\n" % (sheet, cell, kind, text))


if __name__ == "__main__":
    sys.exit(main())
