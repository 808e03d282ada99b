public import RegistreCore

/// Why an act on a breach was not done: nothing was written.
public enum BreachRefusal: Error, Hashable, Sendable {
    /// No controller was named and the register has no organisation to default to.
    case noOrganisation
    /// The controller named is not an organisation of the register.
    case unknownController(EntityID)
    /// The id given is not an id (letters, digits, '.', '_', '-').
    case malformedID(EntityID)
    /// The id given is already used in the register (ids are unique across it).
    case idInUse(EntityID)
    /// The breach's times cannot have happened (aware in the future, notified before aware…): the
    /// findings of `RegisterCheck/breachTimelineRules` that say why.
    case impossibleTimeline(breach: EntityID, findings: [Finding])
    /// The person may not change this breach, or open one for this controller.
    case notAllowed

    /// What was refused, in words for the person who asked.
    public var message: LocalizedText {
        switch self {
        case .noOrganisation:
            LocalizedText(fr: "le registre n'a aucune organisation", en: "the register has no organisation")
        case .unknownController(let id): RefusalWords.unknownController(id)
        case .malformedID(let id): RefusalWords.malformedID(id)
        case .idInUse(let id): RefusalWords.idInUse(id)
        case .impossibleTimeline(let breach, let findings):
            LocalizedText(
                fr: findings.map { "\($0.code) [breach:\(breach)] \($0.article): \($0.message.fr)" }.joined(separator: "\n"),
                en: findings.map { "\($0.code) [breach:\(breach)] \($0.article): \($0.message.en)" }.joined(separator: "\n"))
        case .notAllowed:
            LocalizedText(fr: "cette violation n'est pas la vôtre à modifier", en: "this breach is not yours to change")
        }
    }
}
