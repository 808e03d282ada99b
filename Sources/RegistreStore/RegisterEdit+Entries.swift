public import RegistreCore

/// Typed point reads inside a change: the entry of a kind with an id, or ``StoreError/unknownEntry(_:)``.
extension RegisterEdit {
    /// The organisation whose id is `id`, as the change sees it.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when the register has none, or a ``StoreError`` when the database cannot answer.
    public func organisation(_ id: EntityID) throws -> Organisation {
        guard case .organisation(let value) = try existing(.organisation, id) else { throw StoreError.unknownEntry(EntityKey(.organisation, id)) }
        return value
    }

    /// The activity whose id is `id`, as the change sees it.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when the register has none, or a ``StoreError`` when the database cannot answer.
    public func activity(_ id: EntityID) throws -> ProcessingActivity {
        guard case .activity(let value) = try existing(.activity, id) else { throw StoreError.unknownEntry(EntityKey(.activity, id)) }
        return value
    }

    /// The processor record whose id is `id`, as the change sees it.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when the register has none, or a ``StoreError`` when the database cannot answer.
    public func processorRecord(_ id: EntityID) throws -> ProcessorRecord {
        guard case .processorRecord(let value) = try existing(.processorRecord, id) else { throw StoreError.unknownEntry(EntityKey(.processorRecord, id)) }
        return value
    }

    /// The agreement whose id is `id`, as the change sees it.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when the register has none, or a ``StoreError`` when the database cannot answer.
    public func agreement(_ id: EntityID) throws -> DataProcessingAgreement {
        guard case .agreement(let value) = try existing(.agreement, id) else { throw StoreError.unknownEntry(EntityKey(.agreement, id)) }
        return value
    }

    /// The audit request whose id is `id`, as the change sees it.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when the register has none, or a ``StoreError`` when the database cannot answer.
    public func audit(_ id: EntityID) throws -> AuditRequest {
        guard case .audit(let value) = try existing(.audit, id) else { throw StoreError.unknownEntry(EntityKey(.audit, id)) }
        return value
    }

    /// The breach whose id is `id`, as the change sees it.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when the register has none, or a ``StoreError`` when the database cannot answer.
    public func breach(_ id: EntityID) throws -> Breach {
        guard case .breach(let value) = try existing(.breach, id) else { throw StoreError.unknownEntry(EntityKey(.breach, id)) }
        return value
    }

    /// The review campaign whose id is `id`, as the change sees it.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when the register has none, or a ``StoreError`` when the database cannot answer.
    public func campaign(_ id: EntityID) throws -> ReviewCampaign {
        guard case .campaign(let value) = try existing(.campaign, id) else { throw StoreError.unknownEntry(EntityKey(.campaign, id)) }
        return value
    }

    /// The request of a person whose id is `id`, as the change sees it.
    /// - Throws: ``StoreError/unknownEntry(_:)`` when the register has none, or a ``StoreError`` when the database cannot answer.
    public func request(_ id: EntityID) throws -> DataSubjectRequest {
        guard case .request(let value) = try existing(.request, id) else { throw StoreError.unknownEntry(EntityKey(.request, id)) }
        return value
    }

    private func existing(_ kind: EntityKind, _ id: EntityID) throws -> RegisterEntry {
        guard let entry = try entry(EntityKey(kind, id)) else { throw StoreError.unknownEntry(EntityKey(kind, id)) }
        return entry
    }
}
