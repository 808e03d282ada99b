public import RegistreCore

/// Why an act on a request of a person was not done: nothing was written.
public enum RequestRefusal: Error, Hashable, Sendable {
    /// The controller named is not an organisation of the register.
    case unknownController(EntityID)
    /// The id given is not an id (letters, digits, '.', '_', '-').
    case malformedID(EntityID)
    /// The id given is already used in the register (ids are unique across it).
    case idInUse(EntityID)
    /// The request's days cannot have happened (an answer before receipt, a day after today…).
    case impossibleTimeline(request: EntityID, problems: [LocalizedText])
    /// The person may not change this request, or open one for this controller.
    case notAllowed
    /// The request changed since the form that changes it was shown: it stands at `version` now.
    case changedSince(request: EntityID, version: Int)

    /// What was refused, in words for the person who asked.
    public var message: LocalizedText {
        switch self {
        case .unknownController(let id): RefusalWords.unknownController(id)
        case .malformedID(let id): RefusalWords.malformedID(id)
        case .idInUse(let id): RefusalWords.idInUse(id)
        case .impossibleTimeline(let request, let problems):
            LocalizedText(
                fr: problems.map { "[request:\(request)] \($0.fr)" }.joined(separator: "\n"),
                en: problems.map { "[request:\(request)] \($0.en)" }.joined(separator: "\n"))
        case .changedSince(let request, let version):
            LocalizedText(
                fr: "[request:\(request)] la demande a changé depuis l'affichage du formulaire (elle est à la version \(version)) : rien n'est enregistré ; relire la page",
                en: "[request:\(request)] the request changed since the form was shown (it is at version \(version) now): nothing was saved; read the page again")
        case .notAllowed:
            LocalizedText(fr: "cette demande n'est pas la vôtre à modifier", en: "this request is not yours to change")
        }
    }
}

extension RequestRefusal {
    /// Whether the refusal is about the id the person chose (malformed, or already used).
    public var concernsID: Bool {
        switch self {
        case .malformedID, .idInUse: true
        default: false
        }
    }
}
