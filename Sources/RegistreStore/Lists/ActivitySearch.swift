import GRDB

/// A text found in the activities' names and ids through the trigram index (v9), whatever the number of
/// names that hold it: the total counted by the index alone, and a page read one of two ways.
///
/// A text that few names hold: those names, sorted (their number bounds the cost). A text that many hold
/// ("gestion" in one name of five): the names walked in order from the index on their keys, each asked of
/// the trigram index by its row, until the page is full (about 50 × activities ÷ found rows asked). The
/// page takes the way that reads fewer rows; both give the same rows, in the same order.
enum ActivitySearch {
    /// The condition of a list whose text the trigram index finds: the ids it finds, looked up by key.
    static let found = "k.id IN (SELECT id FROM activity_text WHERE activity_text MATCH ?)"

    /// The same condition asked of one row at a time, by its row in the index's content table.
    static let holds = """
        EXISTS (SELECT 1 FROM activity_text WHERE activity_text MATCH ?
                AND rowid = (SELECT rowid FROM activity_text_row WHERE id = k.id))
        """

    /// How many activities hold `phrase` (an FTS5 phrase, ``ListQuery``), counted by the trigram index
    /// without reading the activities.
    static func count(_ phrase: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM activity_text WHERE activity_text MATCH ?", arguments: [phrase]) ?? 0
    }

    /// Whether a page of a text `found` activities hold is read faster by walking the names in order:
    /// sorting costs about `found` rows, walking about 50 × activities ÷ `found` (both a few index steps
    /// a row), so the walk wins past the square root of 50 × activities. The number of activities is the
    /// index's largest row number, read in one step (rows deleted make it larger, never smaller).
    static func walks(found: Int, _ db: Database) throws -> Bool {
        guard found > ListQuery.pageSize else { return false }
        let activities = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM activity_text_row") ?? 0
        return found * found > ListQuery.pageSize * activities
    }
}
