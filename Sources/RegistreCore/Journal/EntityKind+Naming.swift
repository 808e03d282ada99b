extension EntityKind {
    /// The entry of this kind with id `id`, as a message names it: « l'organisation « mende » »,
    /// "the organisation 'mende'". French takes the article the noun's gender and first letter ask for.
    public func named(_ id: String) -> LocalizedText {
        let (noun, feminine) = french
        let article = noun.first.map { "aeéiou".contains($0) } == true ? "l'" : (feminine ? "la " : "le ")
        return LocalizedText(fr: "\(article)\(noun) « \(id) »", en: "the \(english) '\(id)'")
    }

    /// That no entry of this kind has the id `id`: « aucune organisation « x » », "no organisation 'x'".
    public func missing(_ id: String) -> LocalizedText {
        let (noun, feminine) = french
        return LocalizedText(fr: "\(feminine ? "aucune" : "aucun") \(noun) « \(id) »", en: "no \(english) '\(id)'")
    }

    /// The kind's name alone: « violation », "breach".
    public var noun: LocalizedText { LocalizedText(fr: french.noun, en: english) }

    /// The French noun and whether it is feminine, for the articles and determiners that agree with it.
    private var french: (noun: String, feminine: Bool) {
        switch self {
        case .register: ("registre", false)
        case .organisation: ("organisation", true)
        case .activity: ("activité de traitement", true)
        case .processorRecord: ("fiche de sous-traitant", true)
        case .agreement: ("accord de sous-traitance", false)
        case .matrix: ("matrice de responsabilités", true)
        case .audit: ("audit", false)
        case .breach: ("violation", true)
        case .campaign: ("campagne de revue", true)
        case .request: ("demande de personne concernée", true)
        }
    }

    private var english: String {
        switch self {
        case .register: "register"
        case .organisation: "organisation"
        case .activity: "processing activity"
        case .processorRecord: "processor record"
        case .agreement: "agreement"
        case .matrix: "responsibility matrix"
        case .audit: "audit"
        case .breach: "breach"
        case .campaign: "review campaign"
        case .request: "data subject request"
        }
    }
}
