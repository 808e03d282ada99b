/// The terms of the ENISA severity method in words, for the decision's reasons: French words in French
/// ("données sensibles", "confidentialité : destinataires connus"), the method's own terms in English.
enum ENISAWords {
    static func category(_ category: RiskAssessment.DataContext.Category) -> LocalizedText {
        switch category {
        case .simple: LocalizedText(fr: "données simples", en: "simple")
        case .behavioural: LocalizedText(fr: "données comportementales", en: "behavioural")
        case .financial: LocalizedText(fr: "données financières", en: "financial")
        case .sensitive: LocalizedText(fr: "données sensibles", en: "sensitive")
        }
    }

    static func identification(_ ease: RiskAssessment.EaseOfIdentification) -> LocalizedText {
        switch ease {
        case .negligible: LocalizedText(fr: "négligeable", en: "negligible")
        case .limited: LocalizedText(fr: "limitée", en: "limited")
        case .significant: LocalizedText(fr: "importante", en: "significant")
        case .maximum: LocalizedText(fr: "maximale", en: "maximum")
        }
    }

    static func confidentiality(_ loss: RiskAssessment.ConfidentialityLoss) -> LocalizedText {
        let words = switch loss {
        case .noEvidenceOfAccess: "aucun accès constaté"
        case .knownRecipients: "destinataires connus"
        case .unknownRecipients: "destinataires inconnus ou publication"
        }
        return LocalizedText(fr: "confidentialité : \(words)", en: "confidentiality \(loss.rawValue)")
    }

    static func integrity(_ loss: RiskAssessment.IntegrityLoss) -> LocalizedText {
        let words = switch loss {
        case .noWrongUse: "aucun usage erroné"
        case .recoverable: "récupérable"
        case .unrecoverable: "irrécupérable"
        }
        return LocalizedText(fr: "intégrité : \(words)", en: "integrity \(loss.rawValue)")
    }

    static func availability(_ loss: RiskAssessment.AvailabilityLoss) -> LocalizedText {
        let words = switch loss {
        case .recoverable: "récupérable"
        case .temporary: "temporaire"
        case .permanent: "permanente"
        }
        return LocalizedText(fr: "disponibilité : \(words)", en: "availability \(loss.rawValue)")
    }
}
