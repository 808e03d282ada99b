import Foundation

/// Where the desk may send a browser back to (the language switch's `back`): a path of this site, never
/// an address elsewhere.
///
/// Browsers read far more than a URL parser does as "another site": `//host`, `/\host`, and a path whose
/// tab, newline or ideographic space they drop (`/\t/host` is followed to `http://host/`). So a value is
/// kept only when it is a plain path (and query) with none of those anywhere, before and after its
/// percent-encoding is undone, and it comes back rebuilt from its percent-encoded parts.
enum SameSitePath {
    /// `value` as a path of this site, normalised, or nil when it is anything else.
    static func normalised(_ value: String) -> String? {
        guard isPlainPath(value),
              let components = encodedComponents(of: value),
              components.scheme == nil, components.host == nil, components.user == nil, components.password == nil,
              components.port == nil
        else { return nil }
        let path = components.percentEncodedPath
        guard isPlainPath(path), let decoded = path.removingPercentEncoding, isPlainPath(decoded) else { return nil }
        guard let query = components.percentEncodedQuery, !query.isEmpty else { return path }
        return path + "?" + query
    }

    /// A path of this site as a browser reads it: starts with one slash, has no backslash, no control,
    /// format or white-space character, and no `.` or `..` segment.
    private static func isPlainPath(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.hasPrefix("//")
            && !text.unicodeScalars.contains(where: isHostile)
            && !hasDotSegment(text.prefix { $0 != "?" })
    }

    private static func isHostile(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\\" || scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate: return true
        default: return false
        }
    }

    private static func hasDotSegment(_ path: Substring) -> Bool {
        path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == "." || $0 == ".." }
    }

    /// `value` parsed once the characters a URL does not take as they are (`é`) are percent-encoded, the
    /// `%` of an encoding already there kept.
    private static func encodedComponents(of value: String) -> URLComponents? {
        var allowed = CharacterSet.urlPathAllowed.union(.urlQueryAllowed)
        allowed.insert("%")
        return value.addingPercentEncoding(withAllowedCharacters: allowed).flatMap { URLComponents(string: $0) }
    }
}
