extension Register {
    /// The register of one organisation: the activities it records as controller or joint controller,
    /// its records as a processor, the agreements, matrices and audits it is a party to, and only the
    /// organisations these entries name. No other organisation's activity can come through, whatever the
    /// register holds. (``RegisterRestriction`` does the same on a register streamed twice.)
    public func restricted(to organisation: EntityID) -> Register {
        restricted(by: RegisterRestriction(to: organisation))
    }

    /// The registers of `organisations` together (a structure and its members): every entry one of them
    /// keeps, once, in the register's order. (``RegisterRestriction/init(toAll:)``.)
    /// - Parameter organisations: the organisations whose registers are taken.
    public func restricted(toAll organisations: [EntityID]) -> Register {
        restricted(by: RegisterRestriction(toAll: organisations))
    }

    private func restricted(by restriction: RegisterRestriction) -> Register {
        var restriction = restriction
        let entries = entries
        for entry in entries { restriction.observe(entry) }
        var restricted = Register()
        for entry in entries {
            if let kept = restriction.admit(entry) { restricted.append(kept) }
        }
        return restricted
    }
}
