extension AuditScheduling.Obstacle {
    /// What a DPO reads when the agreement's terms refuse the start asked for: the obstacle, the clause
    /// it comes from and the first day allowed (Art. 28(3)(h)). The command line and the desk say the
    /// same words.
    public func refusal(agreement: DataProcessingAgreement, notified: CalendarDate, start: CalendarDate) -> LocalizedText {
        switch self {
        case .beforeNotified(let earliest, let notice):
            let clause = notice.map { LocalizedText(fr: " ; préavis : \($0.explanation.fr)", en: "; notice: \($0.explanation.en)") }
            return LocalizedText(
                fr: "Audit refusé : il commencerait le \(start.iso), avant que le sous-traitant en soit informé (le \(notified.iso))\(clause?.fr ?? "") ; il ne peut commencer qu'à partir du \(earliest.iso).",
                en: "Audit refused: it would start on \(start.iso), before the processor is told of it (on \(notified.iso))\(clause?.en ?? ""); it cannot start before \(earliest.iso).")
        case .noticeTooShort(let notice):
            return LocalizedText(
                fr: "Audit refusé : l'accord « \(agreement.title) » impose un préavis de \(notice.explanation.fr) ; l'audit ne peut commencer qu'à partir du \(notice.day.iso) (demandé : \(start.iso)).",
                en: "Audit refused: the agreement '\(agreement.title)' requires \(notice.explanation.en) of notice; the audit cannot start before \(notice.day.iso) (requested: \(start.iso)).")
        case .beyondCap(let previous, let cap):
            return LocalizedText(
                fr: "Audit refusé : l'accord « \(agreement.title) » limite la fréquence des audits (\(cap.explanation.fr)) ; l'audit « \(previous.id) » a commencé le \(previous.plannedStart.iso), le suivant ne peut commencer qu'à partir du \(cap.day.iso) (demandé : \(start.iso)).",
                en: "Audit refused: the agreement '\(agreement.title)' caps how often audits happen (\(cap.explanation.en)); the audit '\(previous.id)' started on \(previous.plannedStart.iso), the next cannot start before \(cap.day.iso) (requested: \(start.iso)).")
        }
    }
}
