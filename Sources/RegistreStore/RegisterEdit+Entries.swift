public import RegistreCore

/// Typed point reads inside a change: the entry of a kind with an id, or ``StoreError/unknownEntry(_:)``.
extension RegisterEdit {
    public func organisation(_ id: EntityID) throws -> Organisation {
        guard case .organisation(let value) = try existing(.organisation, id) else { throw StoreError.unknownEntry(EntityKey(.organisation, id)) }
        return value
    }

    public func activity(_ id: EntityID) throws -> ProcessingActivity {
        guard case .activity(let value) = try existing(.activity, id) else { throw StoreError.unknownEntry(EntityKey(.activity, id)) }
        return value
    }

    public func processorRecord(_ id: EntityID) throws -> ProcessorRecord {
        guard case .processorRecord(let value) = try existing(.processorRecord, id) else { throw StoreError.unknownEntry(EntityKey(.processorRecord, id)) }
        return value
    }

    public func agreement(_ id: EntityID) throws -> DataProcessingAgreement {
        guard case .agreement(let value) = try existing(.agreement, id) else { throw StoreError.unknownEntry(EntityKey(.agreement, id)) }
        return value
    }

    public func audit(_ id: EntityID) throws -> AuditRequest {
        guard case .audit(let value) = try existing(.audit, id) else { throw StoreError.unknownEntry(EntityKey(.audit, id)) }
        return value
    }

    public func breach(_ id: EntityID) throws -> Breach {
        guard case .breach(let value) = try existing(.breach, id) else { throw StoreError.unknownEntry(EntityKey(.breach, id)) }
        return value
    }

    public func campaign(_ id: EntityID) throws -> ReviewCampaign {
        guard case .campaign(let value) = try existing(.campaign, id) else { throw StoreError.unknownEntry(EntityKey(.campaign, id)) }
        return value
    }

    private func existing(_ kind: EntityKind, _ id: EntityID) throws -> RegisterEntry {
        guard let entry = try entry(EntityKey(kind, id)) else { throw StoreError.unknownEntry(EntityKey(kind, id)) }
        return entry
    }
}
