extension Register {
    /// What an id may be, as `Docs/registre.xsd` says: a letter or digit, then up to 127 letters, digits,
    /// '.', '_' or '-'.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLetter || first.isNumber, id.count <= 128 else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
    }

    /// Every id the register uses: they are unique across all its entries.
    public var allIDs: Set<EntityID> {
        var ids = Set(organisations.map(\.id))
        ids.formUnion(activities.map(\.id))
        ids.formUnion(processorRecords.map(\.id))
        ids.formUnion(agreements.map(\.id))
        ids.formUnion(agreements.flatMap { $0.changeNotices.map(\.id) + $0.obligations.map(\.id) })
        ids.formUnion(matrices.map(\.id))
        ids.formUnion(audits.map(\.id))
        ids.formUnion(breaches.map(\.id))
        ids.formUnion(campaigns.map(\.id))
        ids.formUnion(requests.map(\.id))
        return ids
    }
}
