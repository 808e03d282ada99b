import Foundation
import RegistreCore

/// The ENISA severity assessment of a breach, as `registre breach assess` records it: the categories of
/// data breached with their context adjustment (−3 to +3), the ease of identification, the losses of
/// confidentiality, integrity and availability, malice, and the DPO's own tier with its justification
/// where it departs from the method. The decision is the library's (`BreachDecision`).
struct BreachAssessmentForm: Decodable {
    /// The categories ticked (`simple`, `behavioural`, `financial`, `sensitive`).
    var data: [String]?
    var adjustmentSimple: String?
    var adjustmentBehavioural: String?
    var adjustmentFinancial: String?
    var adjustmentSensitive: String?
    var identification: String?
    var confidentiality: String?
    var integrity: String?
    var availability: String?
    var malicious: String?
    var override: String?
    var justification: String?

    typealias Refusal = FormRefusal<NoDraft>

    func adjustment(of category: RiskAssessment.DataContext.Category) -> String? {
        switch category {
        case .simple: adjustmentSimple
        case .behavioural: adjustmentBehavioural
        case .financial: adjustmentFinancial
        case .sensitive: adjustmentSensitive
        }
    }

    /// Whether the form sends back what the page showed for `stored`: then the assessment stays exactly
    /// as stored (its contexts in their order, a justification as written).
    func shows(_ stored: RiskAssessment?) -> Bool {
        guard let stored else { return false }
        func step(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
        let shownCategories = RiskAssessment.DataContext.Category.allCases.filter { category in stored.data.contains { $0.category == category } }
        guard (data ?? []) == shownCategories.map(\.rawValue) else { return false }
        for category in shownCategories {
            let adjustment = stored.data.first { $0.category == category }?.adjustment ?? 0
            guard FormText.clean(self.adjustment(of: category)) == step(adjustment) else { return false }
        }
        return FormText.clean(identification) == stored.identification.rawValue
            && FormText.clean(confidentiality) == (stored.confidentiality?.rawValue ?? "")
            && FormText.clean(integrity) == (stored.integrity?.rawValue ?? "")
            && FormText.clean(availability) == (stored.availability?.rawValue ?? "")
            && (malicious == "on" || malicious == "true") == stored.malicious
            && FormText.clean(override) == (stored.override?.level.rawValue ?? "")
            && Shown.same(justification, stored.override?.justification, area: true)
    }

    func assessment() -> Result<RiskAssessment, Refusal> {
        var errors: [String: LocalizedText] = [:]
        var contexts: [RiskAssessment.DataContext] = []
        for code in data ?? [] {
            guard let category = RiskAssessment.DataContext.Category(rawValue: code) else {
                errors["data"] = LocalizedText(fr: "Catégorie de données inconnue : \(code).", en: "Unknown category of data: \(code).")
                continue
            }
            let text = FormText.clean(adjustment(of: category)).replacingOccurrences(of: "+", with: "")
            guard let adjustment = text.isEmpty ? 0 : Int(text), (-3...3).contains(adjustment) else {
                errors["data"] = LocalizedText(
                    fr: "Ajustement du contexte (méthode ENISA) : un nombre de −3 à +3 est attendu (reçu : « \(text) »).",
                    en: "Context adjustment (ENISA method): a number from −3 to +3 is expected (received: '\(text)').")
                continue
            }
            contexts.append(RiskAssessment.DataContext(category, adjustment: adjustment))
        }
        if contexts.isEmpty, errors["data"] == nil {
            errors["data"] = LocalizedText(
                fr: "Contexte du traitement des données (DPC) : cocher au moins une catégorie de données.",
                en: "Data processing context (DPC): tick at least one category of data.")
        }
        let identification = RiskAssessment.EaseOfIdentification(rawValue: identification ?? "")
        if identification == nil {
            errors["identification"] = LocalizedText(
                fr: "Facilité d'identification (EI) : choisir dans la liste.", en: "Ease of identification (EI): choose from the list.")
        }
        func choice<Value: RawRepresentable>(_ text: String?, _ field: String, _ what: LocalizedText) -> Value? where Value.RawValue == String {
            let text = FormText.clean(text)
            guard !text.isEmpty else { return nil }
            guard let value = Value(rawValue: text) else {
                errors[field] = LocalizedText(fr: "\(what.fr) : choisir dans la liste.", en: "\(what.en): choose from the list.")
                return nil
            }
            return value
        }
        let confidentiality: RiskAssessment.ConfidentialityLoss? = choice(
            confidentiality, "confidentiality", LocalizedText(fr: "Perte de confidentialité", en: "Loss of confidentiality"))
        let integrity: RiskAssessment.IntegrityLoss? = choice(integrity, "integrity", LocalizedText(fr: "Perte d'intégrité", en: "Loss of integrity"))
        let availability: RiskAssessment.AvailabilityLoss? = choice(
            availability, "availability", LocalizedText(fr: "Perte de disponibilité", en: "Loss of availability"))
        let level: RiskLevel? = choice(override, "override", LocalizedText(fr: "Décision du DPO", en: "DPO's decision"))
        let justification = FormText.optional(justification)
        // A departure from the method must say why, and a reason needs a departure (as `breach assess`).
        if (level == nil) != (justification == nil), errors["override"] == nil {
            errors["justification"] = LocalizedText(
                fr: "Décision du DPO : un niveau différent de la méthode et sa justification vont ensemble.",
                en: "DPO's decision: a tier other than the method's and its justification go together.")
        }
        guard errors.isEmpty, let identification else { return .failure(Refusal(errors: errors)) }
        return .success(RiskAssessment(
            data: contexts, identification: identification, confidentiality: confidentiality, integrity: integrity,
            availability: availability, malicious: malicious == "on" || malicious == "true",
            override: level.map { RiskAssessment.Override($0, justification: justification ?? "") }))
    }
}

/// A notification to the supervisory authority (Art. 33(1), (4)), and why it came after 72 hours if it did.
struct AuthorityNotificationForm: Decodable {
    var at: String?
    var reference: String?
    var followUp: String?
    var complete: String?
    var delayReasons: String?

    typealias Refusal = FormRefusal<NoDraft>

    /// `breach` with the notification recorded, its moment read in the controller's `zone`.
    func breach(updating breach: Breach, in zone: TimeZone) -> Result<Breach, Refusal> {
        guard let at = BreachDeclaration.localMoment(FormText.clean(at), in: zone) else {
            return .failure(Refusal(errors: ["at": LocalizedText(
                fr: "Notifiée le (art. 33(1)) : date et heure attendues, par exemple 2026-03-28T10:00.",
                en: "Notified on (Art. 33(1)): a date and time is expected, for example 2026-03-28T10:00.")]))
        }
        var breach = breach
        breach.recordNotification(
            at: at, reference: FormText.optional(reference), complete: complete == "on" || complete == "true",
            followUp: followUp == "on" || followUp == "true")
        if let reasons = FormText.optional(delayReasons) { breach.delayReasons = reasons }
        return .success(breach)
    }
}

/// The communication to the data subjects (Art. 34(1)), or the exception of Art. 34(3) relied on.
struct SubjectCommunicationForm: Decodable {
    var at: String?
    var exception: String?
    var detail: String?

    typealias Refusal = FormRefusal<NoDraft>

    func breach(updating breach: Breach, in zone: TimeZone) -> Result<Breach, Refusal> {
        // Sent back as the page showed it: the communication stays exactly as stored.
        let stored = breach.communication
        if Shown.same(at, stored?.at.map { Desk.localInput($0, in: zone) }), FormText.clean(exception) == (stored?.exception?.rawValue ?? ""),
           Shown.same(detail, stored?.detail, area: true) {
            return .success(breach)
        }
        var errors: [String: LocalizedText] = [:]
        var communication = SubjectCommunication()
        let text = FormText.clean(at)
        if Shown.same(at, stored?.at.map { Desk.localInput($0, in: zone) }) {
            // The input shows minutes: a moment stored to the second stays as stored.
            communication.at = stored?.at
        } else if !text.isEmpty {
            communication.at = BreachDeclaration.localMoment(text, in: zone)
            if communication.at == nil {
                errors["communicatedAt"] = LocalizedText(
                    fr: "Personnes informées le (art. 34(1)) : date et heure attendues, par exemple 2026-03-28T10:00.",
                    en: "Data subjects told on (Art. 34(1)): a date and time is expected, for example 2026-03-28T10:00.")
            }
        }
        let code = FormText.clean(exception)
        if !code.isEmpty {
            communication.exception = SubjectCommunication.Exception(rawValue: code)
            if communication.exception == nil {
                errors["exception"] = LocalizedText(fr: "Exception (art. 34(3)) : choisir dans la liste.", en: "Exception (Art. 34(3)): choose from the list.")
            }
        }
        communication.detail = Shown.optional(detail, stored: stored?.detail, area: true)
        guard errors.isEmpty else { return .failure(Refusal(errors: errors)) }
        var breach = breach
        breach.communication = communication == SubjectCommunication() ? nil : communication
        return .success(breach)
    }
}
