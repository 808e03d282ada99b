import Foundation
import RegistreCore
import RegistreReports

/// An activity as an account that may not change it reads it (a reader, or a DPO of another
/// organisation): the Art. 30(1) items as lists and definition lists, in words, never a form with
/// disabled inputs. Empty items say "not recorded", as the printed register does.
struct ActivityReadView {
    let activity: ProcessingActivity
    let register: Register
    let policy: AccessPolicy
    let language: Language

    var view: [String: Any] {
        // A list shows as a list when it has items, as "not recorded" otherwise.
        Self.flagged(values)
    }

    private var values: [String: Any] {
        [
            "status": Vocabulary.label(activity.status)[language],
            "application": activity.application ?? "",
            "purposes": activity.purposes,
            "bases": activity.legalBases.map { "\(Vocabulary.label($0.basis)[language]) (\($0.basis.article))" },
            "dataSubjects": activity.dataSubjects.map(\.label),
            "dataCategories": activity.dataCategories.map(\.label),
            "recipients": activity.recipients.map { "\($0.label) — \(Vocabulary.label($0.kind)[language])" },
            "retention": activity.retention.map(retention),
            "security": activity.securityMeasures.map { Self.measure($0, language) },
            "transfers": activity.transfers.map { Self.transfer($0, language) },
            "specialCategories": activity.specialCategories.map { item -> String in
                let condition = item.condition.map(\.article) ?? Self.notRecorded[language]
                return "\(Vocabulary.label(item.category)[language]) — \(condition)" + (item.detail.map { " — \($0)" } ?? "")
            },
            "criminalOffence": activity.criminalOffenceData.map { data -> String in
                data.description + (data.legalGround.map { " — \($0)" } ?? "")
            } ?? "",
            "processors": activity.processors.map { "\(name($0.processor)) — \($0.service)" },
            "jointControllers": activity.jointControllers.map { name($0.organisation) + ($0.arrangement.map { " — \($0)" } ?? "") },
            "dpia": dpia,
            "notRecorded": Self.notRecorded[language],
        ]
    }

    static let notRecorded = LocalizedText(fr: "non renseigné", en: "not recorded")

    /// An organisation's name where the account may read it, its id otherwise (as the form shows it).
    private func name(_ id: EntityID) -> String {
        policy.mayRead(organisation: id) ? register.organisation(id)?.name ?? id : id
    }

    /// Lists and texts for a read view, each with its `…Any` flag (a Mustache section shows for an empty
    /// string too: the templates test the flags).
    static func flagged(_ values: [String: Any]) -> [String: Any] {
        var view = values
        for (key, value) in values {
            if let items = value as? [String] { view[key + "Any"] = !items.isEmpty }
            if let text = value as? String { view[key + "Any"] = !text.isEmpty }
        }
        return view
    }

    private func retention(_ period: RetentionPeriod) -> String {
        var text: String
        switch period.rule {
        case .duration(let length, let from):
            text = PeriodWords.describe(DeadlinePeriod(length.value, length.unit))[language]
            if let from { text += LocalizedText(fr: " à compter de : \(from)", en: " from: \(from)")[language] }
        case .criterion(let criterion):
            text = criterion
        }
        if let data = period.data { text = data + Self.colon(language) + text }
        if let then = period.then { text += " — \(then)" }
        return text
    }

    /// A security measure in words: its kind, then what it is.
    static func measure(_ measure: SecurityMeasure, _ language: Language) -> String {
        Vocabulary.label(measure.kind)[language] + colon(language) + measure.description
    }

    /// A colon as each language sets it ("Chiffrement : TLS", "Encryption: TLS").
    static func colon(_ language: Language) -> String { language == .fr ? " : " : ": " }

    /// A transfer in words: recipient, destination and its Chapter V safeguard (or the invalid one stated).
    static func transfer(_ transfer: Transfer, _ language: Language) -> String {
        let safeguard = transfer.safeguard.map { "\(Vocabulary.label($0)[language]) (\($0.article))" }
            ?? transfer.statedSafeguard.map { LocalizedText(fr: "aucune garantie valable (« \($0) » indiquée)", en: "no valid safeguard ('\($0)' stated)")[language] }
            ?? LocalizedText(fr: "aucune garantie", en: "no safeguard")[language]
        return "\(transfer.recipient) — \(transfer.destinationName(in: language)) — \(safeguard)"
    }

    private var dpia: [String: Any] {
        guard let assessment = activity.impactAssessment else { return [:] }
        return [
            "recorded": true,
            "status": assessment.status.map { Vocabulary.label($0)[language] } ?? Self.notRecorded[language],
            "criteria": assessment.criteria.map { Vocabulary.label($0)[language] },
            "criteriaAny": !assessment.criteria.isEmpty,
            "completed": assessment.completed.map { Vocabulary.format($0, in: language) } ?? "",
            "reference": assessment.reference ?? "",
            "completedAny": assessment.completed != nil, "referenceAny": assessment.reference != nil,
        ]
    }
}
