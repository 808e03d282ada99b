public import RegistreCore
public import RegistreXML

/// `model drift --format ods`: one sheet, one row per departure of a member's activity from its model,
/// for a structure's DPO to sort and filter by member, model or item.
public enum ModelDriftSpreadsheet {
    /// The sheet: a header row in `language`, then the items in the order `ModelDrift` gives them.
    public static func spreadsheet(of items: [ModelDrift.Item], language: Language) -> Spreadsheet {
        let header = [
            LocalizedText(fr: "Adhérent", en: "Member"), LocalizedText(fr: "Activité", en: "Activity"),
            LocalizedText(fr: "Modèle", en: "Model"), LocalizedText(fr: "Rubrique", en: "Item"),
            LocalizedText(fr: "Écart", en: "Departure"), LocalizedText(fr: "Message", en: "Message"),
        ].map { Spreadsheet.Cell($0[language]) }
        let rows = items.map { item -> [Spreadsheet.Cell] in
            let kind = switch item.kind {
            case .behind: LocalizedText(fr: "en retard sur le modèle", en: "behind the model")
            case .contradicts: LocalizedText(fr: "valeur propre contraire au modèle", en: "own value contradicting the model")
            }
            return [item.member, item.activity, item.model, item.item.label[language], kind[language], item.message[language]]
                .map { Spreadsheet.Cell($0) }
        }
        let name = language == .fr ? "Écarts aux modèles" : "Drift from models"
        return Spreadsheet(sheets: [Spreadsheet.Sheet(name: name, rows: [header] + rows)])
    }

    /// The OpenDocument spreadsheet; the same items give the same bytes.
    /// - Throws: ``OpenDocumentError`` when the package cannot be written.
    public static func bytes(of items: [ModelDrift.Item], language: Language) throws -> [UInt8] {
        try OpenDocumentPackage.spreadsheet(
            spreadsheet(of: items, language: language),
            title: language == .fr ? "Écarts aux modèles" : "Drift from models", language: language.rawValue)
    }
}
