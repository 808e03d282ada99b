/// What one page of a list asks for: a text to find, facets to keep, a column to sort on and which page.
///
/// The desk builds it from a page's query string; the store answers it with one page of rows and the
/// total, through its indexes, so that a list costs the same at any size of register.
public struct ListQuery: Hashable, Sendable {
    /// How many rows a page holds.
    public static let pageSize = 50

    /// Text the row's name or id must contain (case-insensitive), or nil; for activities, from three
    /// characters on (the trigram index); one or two characters find the names that begin with them,
    /// without case or accents (``isPrefix``).
    public var text: String?
    /// The values some columns must have (`status`, `organisation`…), by column.
    public var facets: [String: String]
    /// The column to sort on; nil or a column the list does not know: its default order.
    public var sort: String?
    /// Whether the rows come in descending order.
    public var descending: Bool
    /// The page, counted from 1: which rows it holds when neither ``after`` nor ``before`` says, and the
    /// number the page shows.
    public var page: Int
    /// The last row of the page before this one: the page holds the rows that follow it in the list's order.
    public var after: ListKey?
    /// The first row of the page after this one: the page holds the rows that come before it (ignored with
    /// ``after``).
    public var before: ListKey?

    /// A query; `page` below 1 asks for the first page.
    public init(
        text: String? = nil, facets: [String: String] = [:], sort: String? = nil, descending: Bool = false, page: Int = 1,
        after: ListKey? = nil, before: ListKey? = nil
    ) {
        self.text = text.flatMap { $0.isEmpty ? nil : $0 }
        self.facets = facets.filter { !$0.value.isEmpty }
        self.sort = sort
        self.descending = descending
        self.page = max(1, page)
        self.after = after
        self.before = after == nil ? before : nil
    }

    /// How many rows the pages before this one hold (bounded, so that no page number overflows).
    public var offset: Int { min(page - 1, 1_000_000) * Self.pageSize }

    /// Whether the page is found from a neighbouring row's key (``after`` or ``before``) rather than by
    /// skipping the rows before it.
    public var seeks: Bool { after != nil || before != nil }

    /// The text as a phrase of an FTS5 query with the trigram tokenizer (a substring), when it is long
    /// enough for trigrams (three characters); its own double quotes doubled.
    var trigramPhrase: String? {
        guard let text, text.count >= 3 else { return nil }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// Whether the text is too short for the trigram index (one or two characters): the list then finds
    /// the names that begin with it, from the index on their sort keys (``NameKey``), rather than every
    /// name that holds it, which only a scan of every name could tell.
    public var isPrefix: Bool { text.map { $0.count < 3 } ?? false }

    /// The sort key (``NameKey``) the names must begin with, for a text of one or two characters.
    var prefixKey: String? {
        guard isPrefix, let text else { return nil }
        return NameKey.key(text)
    }
}

/// One page of a list and how many rows the whole list holds.
public struct ListPage<Row: Sendable>: Sendable {
    /// The rows of the page, in the order asked.
    public let rows: [Row]
    /// How many rows match the query on all pages.
    public let total: Int
    /// The key of the first row, which the previous page is asked before (``ListQuery/before``); nil for a
    /// list that does not seek, or an empty page.
    public let first: ListKey?
    /// The key of the last row, which the next page is asked after (``ListQuery/after``).
    public let last: ListKey?

    /// A page of `rows` out of `total`, whose first and last rows have the keys `first` and `last`.
    public init(rows: [Row], total: Int, first: ListKey? = nil, last: ListKey? = nil) {
        self.rows = rows
        self.total = total
        self.first = first
        self.last = last
    }
}

/// A row's place in a sorted list: the value of the column sorted on, and its id, which orders the rows
/// of equal value. A page asked after (or before) a row's key is read from the index from that key on,
/// whatever its number (keyset pagination); a page asked by its number alone skips the rows before it,
/// which costs as many rows as it skips (page 1,000 of 2,000: 50,000 rows read).
public struct ListKey: Hashable, Sendable {
    /// The sorted column's value, as the list sorts it (a name's key, ``NameKey``; a status; an id).
    public var value: String
    /// The row's id.
    public var id: String

    /// The key of the row `id` whose sorted column holds `value`.
    public init(value: String, id: String) {
        self.value = value
        self.id = id
    }
}

/// Which organisations' entries an account sees: a condition of the list's SQL, not a filter over
/// entries once read.
public enum Visibility: Hashable, Sendable {
    /// Every entry (an administrator).
    case all
    /// The entries of these organisations only.
    case organisations(Set<String>)
}

extension Visibility {
    /// Whether the entries of the organisation `id` are among those shown.
    public func shows(_ id: String) -> Bool {
        switch self {
        case .all: true
        case .organisations(let organisations): organisations.contains(id)
        }
    }
}
