import Foundation
import RegistreCore

/// What a request's forms show (Suivi, Prolonger, Réponse) of the request as stored, and the summary of
/// a refused form, each error linked to its field.
enum RequestFormView {
    /// The fields of the three forms, as the request holds them.
    static func fields(of request: DataSubjectRequest, _ language: Language) -> [String: Any] {
        let answer = request.answer, extended = request.extended
        return [
            "received": request.receipt.day.iso, "service": request.receipt.service ?? "",
            "channelOptions": RequestReceipt.Channel.allCases.map {
                option($0.rawValue, RequestWords.channel($0)[language], $0 == request.receipt.channel)
            },
            "rightOptions": DataSubjectRight.allCases.map {
                ["value": $0.rawValue, "label": "\($0.article) — \($0.name[language])", "checked": request.rights.contains($0)] as [String: Any]
            },
            "activities": request.activities.joined(separator: "\n"), "unregistered": request.unregisteredProcessing.joined(separator: "\n"),
            "identityAsked": request.identity?.asked.iso ?? "", "identityReceived": request.identity?.received?.iso ?? "",
            "doubt": request.identity?.doubt ?? "",
            "abuseOptions": ManifestAbuse.Ground.allCases.map {
                option($0.rawValue, RequestWords.ground($0)[language], $0 == request.manifestAbuse?.ground)
            },
            "abuseReasoning": request.manifestAbuse?.reasoning ?? "",
            "recipientsOptions": RecipientNotification.Kind.allCases.map {
                option($0.rawValue, RequestWords.recipients($0)[language], $0 == request.recipients?.kind)
            },
            "recipientsOn": request.recipients?.day.iso ?? "",
            "retentionValue": request.retention.map { String($0.value) } ?? "",
            "retentionUnitOptions": RequestFollowUpForm.retentionUnits.map {
                option($0.rawValue, RequestWords.unit($0)[language], $0 == (request.retention?.unit ?? .years))
            },
            "extensionDecided": extended?.decided.iso ?? "", "extensionReason": extended?.reason ?? "",
            "extensionTold": extended?.personTold?.iso ?? "",
            "answerSent": answer?.sent.iso ?? "",
            "outcomeOptions": RequestAnswer.Outcome.allCases.map {
                option($0.rawValue, RequestWords.outcome($0)[language], $0 == answer?.outcome)
            },
            "answerReason": answer?.reason ?? "", "answerException": answer?.exception ?? "", "remediesGiven": answer?.remediesGiven ?? false,
        ]
    }

    private static func option(_ value: String, _ label: String, _ selected: Bool) -> [String: Any] {
        ["value": value, "label": label, "selected": selected]
    }

    /// The element each error's field is, for the summary's links; a key without one (`general`) links nowhere.
    static let fieldElements: [String: String] = [
        "person": "person", "received": "received", "channel": "channel", "service": "service", "rights": "right-access",
        "activities": "activities", "unregistered": "unregistered", "identityAsked": "identityAsked",
        "identityReceived": "identityReceived", "abuse": "abuse", "recipients": "recipients", "recipientsOn": "recipientsOn",
        "retentionValue": "retentionValue", "reason": "reason", "decided": "decided", "told": "told", "outcome": "outcome",
        "sent": "sent", "controller": "controller", "id": "id",
    ]

    /// The summary of a refused form: each error in `language`, linked to its field when it has one, and
    /// which fields are invalid (`invalid.<field>`, for `aria-invalid`).
    static func errors(_ errors: [String: LocalizedText], _ language: Language) -> [String: Any] {
        let list = errors.sorted { $0.key < $1.key }.map { key, message -> [String: Any] in
            ["message": message[language], "href": fieldElements[key].map { "#\($0)" as Any } ?? false]
        }
        return [
            "hasErrors": !errors.isEmpty, "errorList": list,
            "invalid": Dictionary(uniqueKeysWithValues: errors.keys.map { ($0, true) }),
        ]
    }
}
