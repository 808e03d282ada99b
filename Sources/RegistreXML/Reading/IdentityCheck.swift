import RegistreCore

/// The identity rules of `Docs/registre.xsd` (its xs:unique, xs:key and xs:keyref), checked while a
/// register streams in: every id is unique across the register, and every reference names an entry of
/// the right kind. The format puts what is referred to before what refers to it, so each reference is
/// settled when it is read — but for members of a mutualisation structure, which may be declared after
/// it and are settled at the end, as are the models an activity follows. Memory holds the ids only.
struct IdentityCheck {
    /// What each id declared so far names, and on which line: one table for all, to keep memory small.
    private var ids: [EntityID: Declaration] = [:]
    private var pendingMembers: [(member: EntityID, line: Int)] = []
    /// Models followed, settled at the end too: a structure's models may come after its members' activities.
    private var pendingModels: [(model: EntityID, line: Int)] = []
    /// The first problems found, at most `RegisterReadError.limit`; the others are only counted.
    private(set) var problems: [(line: Int, message: String)] = []
    private(set) var omittedProblems = 0

    private struct Declaration {
        var line: Int32
        var kind: Kind
    }

    private enum Kind: UInt8 {
        /// A model is an activity too: whatever may name an activity may name a model.
        case organisation, activity, model, agreement, other
    }

    mutating func record(_ entry: RegisterEntry, line: Int) {
        switch entry {
        case .title:
            break
        case .organisation(let organisation):
            declare(organisation.id, .organisation, line)
            pendingMembers += organisation.members.map { ($0, line) }
        case .activity(let activity):
            declare(activity.id, activity.isModel ? .model : .activity, line)
            organisationRefs([activity.controller] + activity.jointControllers.map(\.organisation) + activity.processors.map(\.processor), line)
            if let model = activity.followedModel { pendingModels.append((model, line)) }
        case .processorRecord(let record):
            declare(record.id, .other, line)
            organisationRefs([record.processor, record.controller] + record.subProcessors.map(\.processor), line)
        case .agreement(let agreement):
            declare(agreement.id, .agreement, line)
            for id in agreement.changeNotices.map(\.id) + agreement.obligations.map(\.id) { declare(id, .other, line) }
            organisationRefs(agreement.controllers + [agreement.processor]
                + agreement.subProcessors.flatMap { [$0.organisation, $0.engagedBy] }
                + agreement.changeNotices.flatMap { [$0.subProcessor] + $0.memberAnswers.map(\.member) }, line)
        case .matrix(let matrix):
            declare(matrix.id, .other, line)
            organisationRefs(matrix.parties.map(\.organisation) + matrix.rows.flatMap { $0.cells.map(\.party) }, line)
            if let agreement = matrix.agreement { reference(agreement, .agreement, line) }
        case .audit(let audit):
            declare(audit.id, .other, line)
            organisationRefs([audit.requester, audit.auditee], line)
            reference(audit.agreement, .agreement, line)
        case .breach(let breach):
            declare(breach.id, .other, line)
            organisationRefs([breach.controller], line)
            if let agreement = breach.agreement { reference(agreement, .agreement, line) }
            for activity in breach.activities { reference(activity, .activity, line) }
        case .campaign(let campaign):
            declare(campaign.id, .other, line)
            organisationRefs([campaign.structure] + campaign.members, line)
        case .request(let request):
            declare(request.id, .other, line)
            organisationRefs([request.controller], line)
            for activity in request.activities { reference(activity, .activity, line) }
        }
    }

    /// Settles what could only be settled at the end.
    mutating func finish() {
        for (member, line) in pendingMembers { reference(member, .organisation, line) }
        pendingMembers = []
        for (model, line) in pendingModels { reference(model, .model, line) }
        pendingModels = []
    }

    private mutating func declare(_ id: EntityID, _ kind: Kind, _ line: Int) {
        if let first = ids[id] {
            problem(line, "id '\(id)' is already used at line \(first.line): every id must be unique in the register")
        } else {
            ids[id] = Declaration(line: Int32(clamping: line), kind: kind)
        }
    }

    private mutating func organisationRefs(_ refs: [EntityID], _ line: Int) {
        for ref in refs { reference(ref, .organisation, line) }
    }

    private mutating func reference(_ ref: EntityID, _ kind: Kind, _ line: Int) {
        let found = ids[ref]?.kind
        if found != kind && !(kind == .activity && found == .model) {
            problem(line, "reference '\(ref)' names no \(kind) declared before it in the register")
        }
    }

    private mutating func problem(_ line: Int, _ message: @autoclosure () -> String) {
        if problems.count < RegisterReadError.limit { problems.append((line, message())) } else { omittedProblems += 1 }
    }
}
