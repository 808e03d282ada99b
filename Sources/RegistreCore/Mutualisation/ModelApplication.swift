/// `model apply`: a structure's model becomes, in a member's register, an activity that follows it with
/// the member as controller. Every item follows the model until the member words it itself; the
/// member's activity starts as a draft only if the model is one.
public enum ModelApplication {
    /// Why a model could not be applied to a member.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        /// The activity is not marked as a model.
        case notAModel(EntityID)
        /// The organisation is not among the members of the structure that owns the model.
        case notAMember(EntityID, structure: EntityID)
        /// The member already has an activity that follows this model.
        case alreadyApplied(member: EntityID, activity: EntityID)

        /// The refusal in words, with the ids concerned (English): ``message`` in English.
        public var description: String { message.en }

        /// The refusal in words, with the ids concerned, in French and English.
        public var message: LocalizedText {
            switch self {
            case .notAModel(let id):
                LocalizedText(
                    fr: "l'activité « \(id) » n'est pas un modèle (attribut model=\"true\") : seul un modèle s'applique",
                    en: "activity '\(id)' is not a model (attribute model=\"true\"): only a model can be applied")
            case .notAMember(let member, let structure):
                LocalizedText(
                    fr: "« \(member) » n'est pas adhérent de « \(structure) », à qui est le modèle (organisation/member)",
                    en: "'\(member)' is not a member of '\(structure)', which owns the model (organisation/member)")
            case .alreadyApplied(let member, let activity):
                LocalizedText(
                    fr: "« \(member) » suit déjà ce modèle dans l'activité « \(activity) »",
                    en: "'\(member)' already follows this model in activity '\(activity)'")
            }
        }
    }

    /// The id of a member's activity that follows a model: derived, so that applying twice finds what
    /// the first application made.
    public static func id(of model: EntityID, for member: EntityID) -> EntityID { "\(model)-\(member)" }

    /// The members a model goes to: those asked for (each must be a member of the structure), or all.
    /// - Throws: ``Refusal/notAMember(_:structure:)``.
    public static func members(of structure: Organisation, asked: [EntityID]?) throws(Refusal) -> [EntityID] {
        guard let asked else { return structure.members }
        for member in asked where !structure.members.contains(member) {
            throw Refusal.notAMember(member, structure: structure.id)
        }
        var seen: Set<EntityID> = []
        return asked.filter { seen.insert($0).inserted }
    }

    /// The member's activity that follows `model`, every item followed.
    /// - Throws: ``Refusal/notAModel(_:)`` when `model` is not one.
    public static func activity(following model: ProcessingActivity, for member: EntityID, created: CalendarDate?) throws
        -> ProcessingActivity
    {
        guard model.isModel else { throw Refusal.notAModel(model.id) }
        var activity = ProcessingActivity(
            id: id(of: model.id, for: member), name: model.name, status: model.status == .draft ? .draft : .active,
            created: created, controller: member, modelRole: .follows(ModelLink(model: model.id))
        )
        for item in ActivityItem.allCases { item.copy(from: model, to: &activity) }
        return activity
    }
}
