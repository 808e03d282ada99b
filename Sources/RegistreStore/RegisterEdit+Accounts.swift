extension RegisterEdit {
    /// The desk's account whose login is `login`, as this transaction sees it, or nil: an act that depends
    /// on who performs it (a member's account confirming its activities in a campaign) reads the account in
    /// the transaction that writes, so a role withdrawn meanwhile is not used.
    /// - Throws: a database error, which ``RegisterStore/change(actor:effective:_:)`` gives as a ``StoreError``.
    public func account(_ login: String) throws -> Account? {
        try RegisterStore.account(login, lookup.db)
    }
}
