/// Who may see and change what, decided in one place so that every page, link, search and download of
/// the desk decides alike: an account never sees anything of an organisation it was not given.
///
/// An administrator sees everything. A DPO and a reader see the organisations given to their account; a
/// DPO given a mutualisation structure (a centre de gestion) also keeps the registers of its members, as
/// the structure's DPO does for the communes it serves. A reader given a structure reads that structure
/// only: reading a member's register is given by name.
public struct AccessPolicy: Hashable, Sendable {
    /// The account's role, which sets what it may do with what it reads.
    public let role: AccountRole
    /// The organisations the account was given (empty for an administrator, who needs none).
    public let given: Set<EntityID>
    /// The organisations the account may read: nil means all of them.
    private let readable: Set<EntityID>?

    /// The policy of an account of `role` given `organisations`, whose members `register` says.
    public init(role: AccountRole, organisations: some Sequence<EntityID>, in register: Register) {
        self.role = role
        let given = Set(organisations)
        self.given = given
        switch role {
        case .admin:
            readable = nil
        case .dpo:
            var scope = given
            for organisation in given { scope.formUnion(register.organisation(organisation)?.members ?? []) }
            readable = scope
        case .reader:
            readable = given
        }
    }

    /// Whether the account may create, change and remove accounts: administrators only.
    public var administersAccounts: Bool { role == .admin }
    /// Whether `verify`'s verdict on the journal is shown: it speaks of the whole register.
    public var seesWholeRegister: Bool { readable == nil }

    /// Whether the account may read the register of the organisation `id`.
    public func mayRead(organisation id: EntityID) -> Bool {
        readable.map { $0.contains(id) } ?? true
    }

    /// Whether the account may change the register of the organisation `id`: readers never may.
    public func mayEdit(organisation id: EntityID) -> Bool {
        role != .reader && mayRead(organisation: id)
    }

    /// An activity is read by whoever may read its controller or one of its joint controllers (each keeps
    /// it in its register, Art. 26), and changed only by whoever may change its controller's register.
    public func mayRead(_ activity: ProcessingActivity) -> Bool {
        mayRead(organisation: activity.controller) || activity.jointControllers.contains { mayRead(organisation: $0.organisation) }
    }

    /// Whether the account may change `activity`: whoever may change its controller's register.
    public func mayEdit(_ activity: ProcessingActivity) -> Bool { mayEdit(organisation: activity.controller) }

    /// Whether the account may read `breach`: whoever may read its controller's register.
    public func mayRead(_ breach: Breach) -> Bool { mayRead(organisation: breach.controller) }
    /// Whether the account may change `breach`: whoever may change its controller's register.
    public func mayEdit(_ breach: Breach) -> Bool { mayEdit(organisation: breach.controller) }

    /// Whether the account may read `request`: a DPO or an administrator who may read its controller's
    /// register. A reader sees how many requests there are, never a request (issue 27: they name people).
    public func mayRead(_ request: DataSubjectRequest) -> Bool { role != .reader && mayRead(organisation: request.controller) }
    /// Whether the account may change `request`: whoever may change its controller's register.
    public func mayEdit(_ request: DataSubjectRequest) -> Bool { mayEdit(organisation: request.controller) }

    /// The organisations of `register` the account may read, in the register's order.
    public func readableOrganisations(of register: Register) -> [Organisation] {
        register.organisations.filter { mayRead(organisation: $0.id) }
    }

    /// The organisations an account may create an activity or declare a breach for.
    public func editableOrganisations(of register: Register) -> [Organisation] {
        register.organisations.filter { mayEdit(organisation: $0.id) }
    }
}

extension AccessPolicy {
    /// Whether the account may read the entry `key` of `register`: the one question behind every list,
    /// history line, deadline and finding the desk shows. An entry that is not in the register (deleted)
    /// is read by whoever reads the whole register only.
    public func mayRead(_ key: EntityKey, in register: Register) -> Bool {
        if seesWholeRegister { return true }
        switch key.kind {
        case .register:
            return false
        case .organisation:
            return mayRead(organisation: key.id)
        case .activity:
            return register.activities.first { $0.id == key.id }.map(mayRead) ?? false
        case .processorRecord:
            return register.processorRecords.first { $0.id == key.id }.map(mayRead) ?? false
        case .agreement:
            return register.agreement(key.id).map(mayRead) ?? false
        case .matrix:
            return register.matrices.first { $0.id == key.id }.map { $0.parties.contains { mayRead(organisation: $0.organisation) } } ?? false
        case .audit:
            return register.audits.first { $0.id == key.id }.map(mayRead) ?? false
        case .breach:
            return register.breaches.first { $0.id == key.id }.map(mayRead) ?? false
        case .campaign:
            return register.campaigns.first { $0.id == key.id }.map { mayRead(organisation: $0.structure) } ?? false
        case .request:
            return register.requests.first { $0.id == key.id }.map(mayRead) ?? false
        }
    }
}
