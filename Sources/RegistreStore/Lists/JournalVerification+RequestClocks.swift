import GRDB
import RegistreCore

extension JournalVerification {
    /// The requests' clocks (`request_clock`, migration v13) compared with the requests they are kept from:
    /// registre writes them in the transaction of every change that moves them, but a row changed with the
    /// sqlite3 shell would show a request as answered in time, or not yet due, in the list of requests and
    /// its counts, while everything else verifies. Each row is computed again from the request and its
    /// controller's calendar (``RequestClockTable/values(of:amongParties:)``, what the store writes). A
    /// database of an older schema, read as it is, keeps none.
    ///
    /// An entry whose fields cannot be read back is the tables pass's to name: the clocks cannot be computed
    /// without it (a party: none are; a request: the requests after it are not).
    mutating func checkRequestClocks(_ db: Database) throws {
        guard try RequestClockTable.exists(db), let parties = try? FindingKeeper.parties(db) else { return }
        let stored = try db.makeStatement(sql: """
            SELECT \(RequestClockTable.columns.joined(separator: ", ")) FROM request_clock WHERE id = ?
            """)
        try? StoredEntryCursor.within(db, RegisterStore.queries([.request]), explain: { $0 }) { cursor in
            while let entry = try cursor.next() {
                guard case .request(let request) = entry else { continue }
                guard let row = try Row.fetchOne(stored, arguments: [request.id]) else {
                    report(LocalizedText(
                        fr: "horloges des demandes : la demande \(request.id) n'en a pas dans la table request_clock : changée hors de registre",
                        en: "request clocks: request \(request.id) has none in the table request_clock: changed outside registre"))
                    continue
                }
                guard Array(row.databaseValues) != RequestClockTable.values(of: request, amongParties: parties) else { continue }
                report(LocalizedText(
                    fr: "horloges des demandes : celle de la demande \(request.id) ne vient pas de ses champs ni du calendrier de son responsable : changée hors de registre (la liste des demandes la montrerait telle quelle)",
                    en: "request clocks: request \(request.id)'s does not come from its fields and its controller's calendar: changed outside registre (the list of requests would show it as it is)"))
            }
        }
        let orphans = try String.fetchAll(db, sql: """
            SELECT id FROM request_clock r WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.kind = 'request' AND e.id = r.id) ORDER BY id
            """)
        for id in orphans {
            report(LocalizedText(
                fr: "horloges des demandes : \(id) n'est pas une demande du registre mais a une ligne dans la table request_clock",
                en: "request clocks: \(id) is not a request of the register but has a row in the table request_clock"))
        }
    }
}
