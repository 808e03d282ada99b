/// The model's own example sheet, told by its content: people rename tabs, and a filled model keeps the
/// example ("4 - Exemple de fiche"), which is another controller's fictitious processing, not theirs.
extension ModelReading {
    private static let exampleSigns = Set(CNILModel.exampleSigns.map { LabelKey($0).value })

    /// Whether a record sheet is the model's example: three of its signs (``CNILModel/exampleSigns``) at
    /// least, so that a sheet adapted from the example (its name, controller and DPO replaced) is not.
    func isModelExample(_ record: RecordDraft) -> Bool {
        let values = [record.activityName, record.reference, record.controller?.name, record.controller?.email, record.dpo?.name,
                      record.dpo?.email] + record.transfers.map(\.recipient)
        let found = Set(values.compactMap { $0.map { LabelKey($0).value } }).intersection(Self.exampleSigns)
        return found.count >= 3
    }
}
