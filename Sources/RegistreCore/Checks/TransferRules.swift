/// Chapter V as the records see it: every transfer out of the EEA names its mechanism, and transfers on
/// compelling legitimate interests carry their documentation. Shared by Art. 30(1)(e) and 30(2)(c).
enum TransferRules {
    static func unsafeguarded(_ transfers: [Transfer]) -> [Rule.Gap] {
        transfers.filter { $0.leavesTheEEA && $0.safeguard == nil }.map { transfer in
            .error(
                fr: "Transfert vers « \(transfer.destinationName(in: .fr)) » (\(transfer.recipient)) sans garantie du chapitre V (décision d'adéquation, clauses types, BCR…).",
                en: "Transfer to '\(transfer.destinationName(in: .en))' (\(transfer.recipient)) with no Chapter V safeguard (adequacy decision, standard clauses, BCR…)."
            )
        }
    }

    static func undocumented(_ transfers: [Transfer]) -> [Rule.Gap] {
        transfers.filter { $0.safeguard == .compellingLegitimateInterests && $0.documentation == nil }.map { transfer in
            .error(
                fr: "Transfert vers « \(transfer.destinationName(in: .fr)) » fondé sur les intérêts légitimes impérieux sans documentation des garanties appropriées.",
                en: "Transfer to '\(transfer.destinationName(in: .en))' on compelling legitimate interests without the documentation of the suitable safeguards."
            )
        }
    }
}

extension Transfer {
    /// The country code or the international organisation's name, as the register states it.
    public var destinationName: String {
        switch destination {
        case .country(let code): code
        case .internationalOrganisation(let name): name
        }
    }

    /// The country's name ("États-Unis") or the international organisation's, as people read it.
    public func destinationName(in language: Language) -> String {
        switch destination {
        case .country(let code): CountryCode.name(code, in: language)
        case .internationalOrganisation(let name): name
        }
    }
}
