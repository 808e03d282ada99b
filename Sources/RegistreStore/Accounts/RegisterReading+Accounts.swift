public import Foundation
import GRDB

extension RegisterReading {
    /// The session `token` opens at `moment`, or nil when there is none or it has expired, read in this
    /// reading's transaction: the desk reads a request's session, its account and the entries its page
    /// shows at one moment, on one connection of the pool (``DeskSessions/find(token:at:)`` in a
    /// transaction of its own).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func session(token: String, at moment: Date) throws -> DeskSession? {
        try DeskSessions.find(token: token, at: moment, db)
    }

    /// The account whose login is `login`, or nil, read in this reading's transaction
    /// (``AccountBook/find(_:)`` in a transaction of its own).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func account(_ login: String) throws -> Account? {
        try RegisterStore.account(login, db)
    }
}
