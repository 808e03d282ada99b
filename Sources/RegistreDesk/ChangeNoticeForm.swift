import RegistreCore

/// The form that records a change notice received from a processor (Art. 28(2)): which sub-processor is
/// added or replaces which, the day the notice was received (the objection period runs from it) and the
/// day the change is to take effect, if the notice says.
struct ChangeNoticeForm: Decodable {
    var kind: String?
    var subProcessor: String?
    var replaces: String?
    var received: String?
    var effective: String?

    typealias Refusal = FormRefusal<NoDraft>

    /// The change this form records under `agreement`, or what it cannot accept.
    /// - Parameter candidates: the organisations the form offered as sub-processors.
    func change(under agreement: DataProcessingAgreement, in register: Register, candidates: [Organisation]) -> Result<SubProcessorChange, Refusal> {
        var errors: [String: LocalizedText] = [:]
        let kind = SubProcessorChange.Kind(rawValue: kind ?? "") ?? .addition
        let subProcessor = FormText.clean(subProcessor)
        if !candidates.contains(where: { $0.id == subProcessor }) {
            errors["subProcessor"] = LocalizedText(
                fr: "Sous-traitant ultérieur (art. 28(2)) : choisir un organisme de la liste.",
                en: "Sub-processor (Art. 28(2)): choose an organisation from the list.")
        }
        let replaces = FormText.clean(replaces)
        if kind == .replacement, !agreement.subProcessors.contains(where: { $0.organisation == replaces }) {
            errors["replaces"] = LocalizedText(
                fr: "Remplace : un remplacement nomme le sous-traitant ultérieur qu'il remplace, parmi ceux de l'accord.",
                en: "Replaces: a replacement names the sub-processor it replaces, among those of the agreement.")
        }
        let received = FormText.day(received, field: "received", label: LocalizedText(fr: "Notification reçue le", en: "Notice received on"), errors: &errors, required: true)
        let effective = FormText.day(effective, field: "effective", label: LocalizedText(fr: "Prise d'effet", en: "Takes effect on"), errors: &errors)
        guard errors.isEmpty, let received else { return .failure(Refusal(errors: errors)) }
        let ids = register.allIDs
        let id = Self.identifier(under: agreement.id, received: received) { ids.contains($0) }
        return .success(SubProcessorChange(
            id: id, kind: kind, subProcessor: subProcessor, replaces: kind == .replacement ? replaces : nil, noticeDate: received,
            applied: effective))
    }
}

extension ChangeNoticeForm {
    /// The first free id of a notice received on `received`: `AGREEMENT-changement-DAY`, then `-2`, `-3`…
    /// The desk calls it again inside the write transaction that saves the notice, with the store's `isUsed`.
    static func identifier(under agreement: EntityID, received: CalendarDate, isUsed: (EntityID) throws -> Bool) rethrows -> EntityID {
        let stem = "\(agreement)-changement-\(received.iso)"
        var id = stem, number = 1
        while try isUsed(id) {
            number += 1
            id = "\(stem)-\(number)"
        }
        return id
    }
}

/// What a form's text fields mean once trimmed: empty is "not given"; a day is an ISO date (what an HTML
/// `date` input sends), or a located error naming the field.
enum FormText {
    /// The text typed, trimmed, its line breaks as the register keeps them: a text area sends CR LF (and a
    /// lone CR from some systems), which the XML reader would read back as LF.
    static func clean(_ text: String?) -> String {
        (text ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func optional(_ text: String?) -> String? {
        let text = clean(text)
        return text.isEmpty ? nil : text
    }

    static func day(
        _ text: String?, field: String, label: LocalizedText, errors: inout [String: LocalizedText], required: Bool = false
    ) -> CalendarDate? {
        let text = clean(text)
        if text.isEmpty {
            if required { errors[field] = LocalizedText(fr: "\(label.fr) : date à renseigner.", en: "\(label.en): a date is required.") }
            return nil
        }
        guard let day = CalendarDate(iso: text) else {
            errors[field] = LocalizedText(
                fr: "\(label.fr) : une date qui existe est attendue, au format AAAA-MM-JJ (reçu : « \(text) »).",
                en: "\(label.en): a date that exists is expected, as YYYY-MM-DD (received: '\(text)').")
            return nil
        }
        return day
    }
}
