import Foundation
import RegistreCore

/// The request page's form "Suivi": every field `registre request update` records — the person's
/// reference, the receipt (day, channel, through the DPO or a service), the rights invoked, the activities
/// concerned and the processing the register lacks, identity verification (Art. 12(6)), a manifestly
/// unfounded or excessive request (Art. 12(5)), the recipients told (Art. 19) and how long the record is
/// kept.
///
/// It changes only the fields it shows: a field the form did not send (a page older than the field, a
/// hand-made request) leaves the stored value as it is, and a value sent back as the page showed it keeps
/// the stored one exactly (`Shown`). The days are checked against each other by the act
/// (`RequestTimeline`), the whole entry by the XML reader's checks when the store saves it.
struct RequestFollowUpForm: Decodable {
    var person: String?
    var received: String?
    var channel: String?
    var service: String?
    /// Sent with the rights' boxes: without it, none ticked and not shown cannot be told apart.
    var rightsShown: String?
    var rights: [String]?
    /// The activities' ids, one a line.
    var activities: String?
    /// The processing the register lacks, one a line.
    var unregistered: String?
    var abuse: String?
    var abuseReasoning: String?
    var identityAsked: String?
    var identityReceived: String?
    var doubt: String?
    var recipients: String?
    var recipientsOn: String?
    var retentionValue: String?
    var retentionUnit: String?

    /// The units a request's record may be kept for (an hour is no retention of a record).
    static let retentionUnits: [PeriodLength.Unit] = [.days, .weeks, .months, .years]

    /// Changes the fields of `request` this form sent, as typed.
    /// - Throws: `RequestFormRefusal` for a field that cannot be accepted: nothing is changed then.
    func apply(to request: inout DataSubjectRequest, today: CalendarDate) throws {
        var errors: [String: LocalizedText] = [:]
        var changed = request
        applyReceipt(to: &changed, errors: &errors)
        applyRights(to: &changed, errors: &errors)
        applyActivities(to: &changed, errors: &errors)
        applyIdentity(to: &changed, errors: &errors)
        applyAbuse(to: &changed, errors: &errors)
        applyRecipients(to: &changed, today: today, errors: &errors)
        applyRetention(to: &changed, errors: &errors)
        guard errors.isEmpty else { throw RequestFormRefusal(errors: errors) }
        request = changed
    }

    private func label(_ key: String) -> LocalizedText { RequestWords.texts[key] ?? LocalizedText(fr: key, en: key) }

    /// The reference, the day received, the channel and the service (none: through the DPO).
    private func applyReceipt(to request: inout DataSubjectRequest, errors: inout [String: LocalizedText]) {
        if let person {
            let reference = Shown.text(person, stored: request.person)
            // Without a reference of the DPO's, the request's own id names the person, as when it is opened.
            request.person = reference.isEmpty ? request.id : reference
        }
        if let received, let day = FormText.day(received, field: "received", label: label("received"), errors: &errors, required: true) {
            request.receipt.day = day
        }
        if let channel {
            if let chosen = RequestReceipt.Channel(rawValue: FormText.clean(channel)) {
                request.receipt.channel = chosen
            } else {
                errors["channel"] = RequestWords.texts["chooseChannel"]
            }
        }
        if let service { request.receipt.service = Shown.optional(service, stored: request.receipt.service) }
    }

    /// The rights ticked: those still ticked keep their order, those newly ticked come after; one at least.
    private func applyRights(to request: inout DataSubjectRequest, errors: inout [String: LocalizedText]) {
        guard rightsShown != nil else { return }
        let codes = (rights ?? []).map(FormText.clean).filter { !$0.isEmpty }
        let chosen = codes.compactMap(DataSubjectRight.init(rawValue:))
        guard !chosen.isEmpty, chosen.count == codes.count else {
            errors["rights"] = RequestWords.texts["chooseRight"]
            return
        }
        request.rights = Shown.ticked(chosen, stored: request.rights, key: { $0 }, make: { $0 })
    }

    /// The activities concerned (ids the register must hold: the store refuses any other) and the
    /// processing the register lacks, one a line each.
    private func applyActivities(to request: inout DataSubjectRequest, errors: inout [String: LocalizedText]) {
        if let activities {
            switch Self.activityIDs(activities) {
            case .success(let ids): request.activities = ids
            case .failure(let refusal): errors.merge(refusal.errors) { first, _ in first }
            }
        }
        if let unregistered, !Shown.same(unregistered, request.unregisteredProcessing.joined(separator: "\n")) {
            request.unregisteredProcessing = Self.lines(unregistered, separators: .newlines)
        }
    }

    /// The identity question of Art. 12(6): asked on, answered on, the reasonable doubt. Each part the
    /// form sent replaces the stored one; an answer or a doubt without the day asked is refused.
    private func applyIdentity(to request: inout DataSubjectRequest, errors: inout [String: LocalizedText]) {
        guard identityAsked != nil || identityReceived != nil || doubt != nil else { return }
        let stored = request.identity
        let asked = identityAsked.map { FormText.day($0, field: "identityAsked", label: label("identityAsked"), errors: &errors) } ?? stored?.asked
        let received = identityReceived.map { FormText.day($0, field: "identityReceived", label: label("identityReceived"), errors: &errors) }
            ?? stored?.received
        let doubt = self.doubt.map { Shown.optional($0, stored: stored?.doubt) } ?? stored?.doubt
        if let asked {
            request.identity = IdentityVerification(asked: asked, received: received, doubt: doubt)
        } else if received != nil || doubt != nil {
            errors["identityAsked"] = RequestWords.texts["identityFirst"]
        } else {
            request.identity = nil
        }
    }

    /// Art. 12(5): the ground (none: the request is not held manifestly unfounded or excessive) and the
    /// controller's reasoning, which carries its burden of proof.
    private func applyAbuse(to request: inout DataSubjectRequest, errors: inout [String: LocalizedText]) {
        guard let abuse else { return }
        let reasoning = abuseReasoning.map { Shown.optional($0, stored: request.manifestAbuse?.reasoning) } ?? request.manifestAbuse?.reasoning
        let code = FormText.clean(abuse)
        if code.isEmpty {
            // No ground: the reasoning shown goes with it; a reasoning newly typed without a ground is refused.
            let typed = abuseReasoning.map { !Shown.same($0, request.manifestAbuse?.reasoning) && FormText.optional($0) != nil } ?? false
            if typed {
                errors["abuse"] = RequestWords.texts["abuseGroundFirst"]
            } else {
                request.manifestAbuse = nil
            }
        } else if let ground = ManifestAbuse.Ground(rawValue: code) {
            request.manifestAbuse = ManifestAbuse(ground: ground, reasoning: reasoning)
        } else {
            errors["abuse"] = RequestWords.texts["chooseFromList"]
        }
    }

    /// Art. 19: how the recipients were told, and the day (the day of the act when none is typed).
    private func applyRecipients(to request: inout DataSubjectRequest, today: CalendarDate, errors: inout [String: LocalizedText]) {
        guard let recipients else { return }
        let kindCode = FormText.clean(recipients)
        let day = FormText.day(recipientsOn, field: "recipientsOn", label: label("recipientsOn"), errors: &errors)
        if kindCode.isEmpty {
            request.recipients = nil
        } else if let kind = RecipientNotification.Kind(rawValue: kindCode) {
            request.recipients = RecipientNotification(kind: kind, day: day ?? today)
        } else {
            errors["recipients"] = RequestWords.texts["chooseFromList"]
        }
    }

    /// How long the record is kept after the answer (Art. 5(1)(e)); empty: the default of five years.
    private func applyRetention(to request: inout DataSubjectRequest, errors: inout [String: LocalizedText]) {
        guard let retentionValue else { return }
        let text = FormText.clean(retentionValue)
        guard !text.isEmpty else {
            request.retention = nil
            return
        }
        guard let value = Int(text), value > 0,
              let unit = PeriodLength.Unit(rawValue: FormText.clean(retentionUnit)), Self.retentionUnits.contains(unit)
        else {
            errors["retentionValue"] = RequestWords.texts["retentionExpected"]
            return
        }
        let length = PeriodLength(value, unit)
        guard SupportedRange.contains(length) else {
            let message = SupportedRange.periodMessage
            errors["retentionValue"] = LocalizedText(fr: "\(label("retention").fr) : \(message.fr)", en: "\(label("retention").en): \(message.en)")
            return
        }
        request.retention = length
    }

    /// The activities' ids typed, one a line (or apart by spaces, commas), each once, in order; or the
    /// first that is no id.
    static func activityIDs(_ text: String) -> Result<[EntityID], RequestFormRefusal> {
        var ids: [EntityID] = []
        for id in lines(text, separators: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;"))) where !ids.contains(id) {
            guard Register.isValidID(id) else {
                return .failure(RequestFormRefusal(errors: ["activities": LocalizedText(
                    fr: "Traitements concernés : « \(id) » n'est pas un identifiant (lettres, chiffres, « . », « _ », « - »).",
                    en: "Activities concerned: '\(id)' is not an identifier (letters, digits, '.', '_', '-').")]))
            }
            ids.append(id)
        }
        return .success(ids)
    }

    /// The non-empty lines (or words) of `text`, trimmed, in order.
    private static func lines(_ text: String, separators: CharacterSet) -> [String] {
        FormText.clean(text).components(separatedBy: separators).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
