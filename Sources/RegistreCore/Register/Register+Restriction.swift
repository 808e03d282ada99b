extension Register {
    /// The register of one organisation: the activities it records as controller or joint controller,
    /// its records as a processor, the agreements, matrices and audits it is a party to, and only the
    /// organisations these entries name. No other organisation's activity can come through, whatever the
    /// register holds. (``RegisterRestriction`` does the same on a register streamed twice.)
    public func restricted(to organisation: EntityID) -> Register {
        var restriction = RegisterRestriction(to: organisation)
        let entries = entries
        for entry in entries { restriction.observe(entry) }
        var restricted = Register()
        for entry in entries {
            if let kept = restriction.admit(entry) { restricted.append(kept) }
        }
        return restricted
    }
}
