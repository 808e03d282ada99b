/// Chapter V as the records see it: every transfer out of the territory where the controller's law lets
/// data move freely (the EEA under the GDPR, the UK and what its adequacy regulations cover under the UK
/// GDPR, Switzerland and the adequate states under the FADP) names its mechanism, and transfers on
/// compelling legitimate interests carry their documentation. Shared by Art. 30(1)(e) and 30(2)(c).
enum TransferRules {
    static func unsafeguarded(_ transfers: [Transfer], under regime: DataProtectionRegime) -> [Rule.Gap] {
        transfers.filter { $0.isTransfer(under: regime) && $0.safeguard == nil }.map { transfer in
            let stated = transfer.statedSafeguard.map { LocalizedText(
                fr: " La garantie indiquée, « \($0) », n'en est pas une valable\(invalidated($0) ? " (le Privacy Shield a été invalidé par la CJUE, arrêt C-311/18 du 16 juillet 2020)" : "").",
                en: " The safeguard stated, '\($0)', is not a valid one\(invalidated($0) ? " (the CJEU invalidated the Privacy Shield, C-311/18, 16 July 2020)" : "")."
            ) }
            return .error(
                fr: "Transfert vers « \(transfer.destinationName(in: .fr)) » (\(transfer.recipient)), hors de \(regime.territory.fr), sans garantie du chapitre V (décision d'adéquation, clauses types, BCR…)." + (stated?.fr ?? ""),
                en: "Transfer to '\(transfer.destinationName(in: .en))' (\(transfer.recipient)), outside \(regime.territory.en), with no Chapter V safeguard (adequacy decision, standard clauses, BCR…)." + (stated?.en ?? "")
            )
        }
    }

    /// Whether a stated safeguard is the EU–US Privacy Shield, whatever its spelling.
    static func invalidated(_ stated: String) -> Bool {
        stated.lowercased().filter(\.isLetter).contains("privacyshield")
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
    /// Whether Chapter V (or its equivalent) applies under the controller's `regime`: any international
    /// organisation, any country outside the territory where the regime lets data move freely.
    public func isTransfer(under regime: DataProtectionRegime) -> Bool {
        switch destination {
        case .internationalOrganisation: true
        case .country(let code): regime.isThirdCountry(code)
        }
    }

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
