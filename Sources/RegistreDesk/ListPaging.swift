import Foundation
import Hummingbird
import RegistreStore

/// A list page's query read from its address, and the links of its pages and columns, each keeping the
/// query: a list shows 50 rows, sorted by one of its columns, filtered by text (`q`) and by its facets,
/// with how many rows match in all.
///
/// A list the store reads (the activities) links to the next page by its last row's key and to the
/// previous one by its first row's (`after` or `before`, with `id`): the store reads that page from the
/// key on, so page 1,000 costs what page 2 does. The page number travels along, for the reader only.
struct ListPaging {
    let path: String
    let query: ListQuery
    /// The facets the list knows, in the order of the form.
    let facetNames: [String]
    let total: Int
    /// The keys of the page's first and last rows, for a list the store pages by key (``ListPage``).
    var first: ListKey? = nil
    var last: ListKey? = nil

    /// The query of the list at `path` from `request`'s address: `q`, `sort`, `desc`, `page`, the key
    /// the page comes after or before (`after` or `before`, and `id`) and the facets named in `facets`.
    static func query(_ request: Request, facets: [String]) -> ListQuery {
        let parameters = request.uri.queryParameters
        var values: [String: String] = [:]
        for facet in facets { if let value = parameters.get(facet) { values[facet] = value } }
        let id = parameters.get("id")
        let key = { (name: String) in parameters.get(name).flatMap { value in id.map { ListKey(value: value, id: $0) } } }
        return ListQuery(
            text: parameters.get("q"), facets: values, sort: parameters.get("sort"), descending: parameters.get("desc") == "1",
            page: parameters.get("page").flatMap { Int($0) } ?? 1, after: key("after"), before: key("before"))
    }

    var pageCount: Int { max(1, (total + ListQuery.pageSize - 1) / ListQuery.pageSize) }

    /// The address of this list with `query`, its values percent-encoded.
    func link(_ query: ListQuery) -> String {
        var items: [(String, String)] = []
        if let text = query.text { items.append(("q", text)) }
        for facet in facetNames { if let value = query.facets[facet] { items.append((facet, value)) } }
        if let sort = query.sort { items.append(("sort", sort)) }
        if query.descending { items.append(("desc", "1")) }
        if query.page > 1 { items.append(("page", String(query.page))) }
        if let key = query.after ?? query.before {
            items += [(query.after != nil ? "after" : "before", key.value), ("id", key.id)]
        }
        guard !items.isEmpty else { return path }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return path + "?" + items.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }

    /// The link that sorts on `column`: ascending, or descending when the list is already sorted on it
    /// ascending; back to the first page.
    func sortLink(_ column: String) -> String {
        var sorted = query
        sorted.descending = query.sort == column && !query.descending
        sorted.sort = column
        sorted.page = 1
        (sorted.after, sorted.before) = (nil, nil)
        return link(sorted)
    }

    /// What the templates show: the total, the page among the pages, the links to the pages around and to
    /// each column's order, the text and facets as typed.
    func view(columns: [String]) -> [String: Any] {
        var view: [String: Any] = [
            "total": total, "page": query.page, "pageCount": pageCount, "text": query.text ?? "", "path": path,
            "sortLinks": Dictionary(uniqueKeysWithValues: columns.map { ($0, sortLink($0)) }),
            "facets": query.facets,
            // A text below the trigrams finds the names that begin with it: the page says so.
            "prefix": query.isPrefix,
        ]
        if query.page > 1 {
            var previous = query
            previous.page = min(query.page - 1, pageCount)
            // Page 1 by its plain address; another before this page's first row when the list seeks.
            (previous.after, previous.before) = (nil, previous.page > 1 ? first : nil)
            view["previous"] = link(previous)
        }
        if query.page < pageCount {
            var next = query
            next.page = query.page + 1
            (next.after, next.before) = (last, nil)
            view["next"] = link(next)
        }
        return view
    }

    /// The rows of `rows` on this page, for a list held in memory (the organisations, the breaches,
    /// the agreements: their number grows with the organisations, not with the activities).
    static func page<Row>(_ rows: [Row], _ query: ListQuery) -> ArraySlice<Row> {
        let start = min(query.offset, rows.count)
        return rows[start..<min(start + ListQuery.pageSize, rows.count)]
    }

    /// `rows` in the order of their names as a French reader expects it, without case or accents
    /// (`NameKey`, the key the store sorts activities on), then by id: each key computed once.
    static func sortedByName<Row>(_ rows: [Row], name: (Row) -> String, id: (Row) -> String) -> [Row] {
        rows.map { (key: NameKey.key(name($0)), id: id($0), row: $0) }
            .sorted { ($0.key, $0.id) < ($1.key, $1.id) }
            .map(\.row)
    }

    /// Whether `values` holds the list's text (case and accents ignored).
    static func matches(_ query: ListQuery, _ values: String...) -> Bool {
        guard let text = query.text else { return true }
        return values.contains { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }
}
