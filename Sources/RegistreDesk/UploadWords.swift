import RegistreCore

/// The words of the upload page, in French and English.
enum UploadWords {
    static let noFile = LocalizedText(fr: "Fichier : choisir le fichier à importer.", en: "File: choose the file to import.")
    static let tooLarge = LocalizedText(fr: "Fichier : 8 Mio au plus.", en: "File: 8 MiB at most.")
    static let gone = LocalizedText(
        fr: "Cet aperçu n'est plus disponible (plus d'une heure, ou déjà importé) : envoyer le fichier à nouveau.",
        en: "This preview is no longer available (over an hour old, or already imported): send the file again.")
    static let stale = LocalizedText(
        fr: "Le registre a changé depuis l'aperçu : rien n'a été importé. Envoyer le fichier à nouveau pour voir ce qu'il changerait maintenant.",
        en: "The register changed since the preview: nothing was imported. Send the file again to see what it would change now.")
    static let unreadable = LocalizedText(fr: "Le fichier ne peut être lu ; rien n'a été importé.", en: "The file cannot be read; nothing was imported.")

    static let labels: [String: LocalizedText] = [
        "heading": LocalizedText(fr: "Importer un registre", en: "Import a register"),
        "intro": LocalizedText(
            fr: "Un tableur au modèle de la CNIL (.ods), un export CSV de Madis ou un fichier XML de registre, lu comme « registre import » le lit. Un aperçu dit ce qui serait ajouté ou modifié ; rien n'est écrit avant la confirmation. Les entrées du registre absentes du fichier sont conservées.",
            en: "A spreadsheet in the CNIL's model (.ods), a Madis CSV export or a registre XML file, read as 'registre import' reads it. A preview says what would be added or changed; nothing is written before the confirmation. Entries of the register the file does not hold are kept."),
        "file": LocalizedText(fr: "Fichier (8 Mio au plus)", en: "File (8 MiB at most)"),
        "origin": LocalizedText(fr: "Origine du fichier", en: "Origin of the file"),
        "originRegistre": LocalizedText(fr: "registre (XML) ou tableur au modèle de la CNIL", en: "registre (XML) or a spreadsheet in the CNIL's model"),
        "originMadis": LocalizedText(fr: "export CSV de Madis", en: "Madis CSV export"),
        "keepExample": LocalizedText(
            fr: "Garder la fiche d'exemple du modèle de la CNIL", en: "Keep the CNIL model's example sheet"),
        "keepExampleHelp": LocalizedText(
            fr: "La fiche d'exemple du modèle (sa gestion de la paie fictive) est écartée avec une remarque, sauf si cette case est cochée (« registre import --keep-example ») : cochez-la si vous l'avez adaptée comme l'un de vos traitements.",
            en: "The model's example sheet (its fictitious payroll processing) is left out with a note unless this box is ticked ('registre import --keep-example'): tick it if you adapted it as one of your activities."),
        "send": LocalizedText(fr: "Voir l'aperçu", en: "See the preview"),
        "previewHeading": LocalizedText(fr: "Aperçu", en: "Preview"),
        "doneHeading": LocalizedText(fr: "Importé", en: "Imported"),
        "created": LocalizedText(fr: "Entrées ajoutées", en: "Entries added"),
        "updated": LocalizedText(fr: "Entrées modifiées", en: "Entries changed"),
        "notes": LocalizedText(fr: "Remarques de la lecture", en: "Notes of the reading"),
        "unchanged": LocalizedText(fr: "Le registre contient déjà tout ce fichier : rien à importer.", en: "The register already holds all of this file: nothing to import."),
        "confirm": LocalizedText(fr: "Confirmer l'import", en: "Confirm the import"),
    ]
}
