import RegistreCore

/// The identity rules of `Docs/registre.xsd` (its xs:unique, xs:key and xs:keyref), checked while a
/// register streams in: every id is unique across the register, and every reference names an entry of
/// the right kind. The format puts what is referred to before what refers to it, so each reference is
/// settled when it is read — but for members of a mutualisation structure, which may be declared after
/// it and are settled at the end. Memory holds the ids only.
struct IdentityCheck {
    private var ids: [EntityID: Int] = [:]
    private var organisations: Set<EntityID> = []
    private var agreements: Set<EntityID> = []
    private var activities: Set<EntityID> = []
    private var pendingMembers: [(member: EntityID, line: Int)] = []
    private(set) var problems: [(line: Int, message: String)] = []

    mutating func record(_ entry: RegisterEntry, line: Int) {
        switch entry {
        case .title:
            break
        case .organisation(let organisation):
            declare(organisation.id, line)
            organisations.insert(organisation.id)
            pendingMembers += organisation.members.map { ($0, line) }
        case .activity(let activity):
            declare(activity.id, line)
            activities.insert(activity.id)
            organisationRefs([activity.controller] + activity.jointControllers.map(\.organisation) + activity.processors.map(\.processor), line)
        case .processorRecord(let record):
            declare(record.id, line)
            organisationRefs([record.processor, record.controller] + record.subProcessors.map(\.processor), line)
        case .agreement(let agreement):
            declare(agreement.id, line)
            agreements.insert(agreement.id)
            for id in agreement.changeNotices.map(\.id) + agreement.obligations.map(\.id) { declare(id, line) }
            organisationRefs(agreement.controllers + [agreement.processor]
                + agreement.subProcessors.flatMap { [$0.organisation, $0.engagedBy] }
                + agreement.changeNotices.map(\.subProcessor), line)
        case .matrix(let matrix):
            declare(matrix.id, line)
            organisationRefs(matrix.parties.map(\.organisation) + matrix.rows.flatMap { $0.cells.map(\.party) }, line)
            if let agreement = matrix.agreement { reference(agreement, in: agreements, "agreement", line) }
        case .audit(let audit):
            declare(audit.id, line)
            organisationRefs([audit.requester, audit.auditee], line)
            reference(audit.agreement, in: agreements, "agreement", line)
        case .breach(let breach):
            declare(breach.id, line)
            organisationRefs([breach.controller], line)
            if let agreement = breach.agreement { reference(agreement, in: agreements, "agreement", line) }
            for activity in breach.activities { reference(activity, in: activities, "activity", line) }
        }
    }

    /// Settles what could only be settled at the end.
    mutating func finish() {
        for (member, line) in pendingMembers { reference(member, in: organisations, "organisation", line) }
        pendingMembers = []
    }

    private mutating func declare(_ id: EntityID, _ line: Int) {
        if let first = ids[id] {
            problems.append((line, "id '\(id)' is already used at line \(first): every id must be unique in the register"))
        } else {
            ids[id] = line
        }
    }

    private mutating func organisationRefs(_ refs: [EntityID], _ line: Int) {
        for ref in refs { reference(ref, in: organisations, "organisation", line) }
    }

    private mutating func reference(_ ref: EntityID, in known: Set<EntityID>, _ kind: String, _ line: Int) {
        if !known.contains(ref) {
            problems.append((line, "reference '\(ref)' names no \(kind) declared before it in the register"))
        }
    }
}
