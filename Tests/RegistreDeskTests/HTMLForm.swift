import Foundation

/// A form of a page read as a browser reads it to post it: its successful controls, in document order —
/// text, hidden and date inputs with their value, ticked boxes only, each select's selected option (or
/// its first), each textarea's text. Enough for the desk's own templates, which are well formed.
struct HTMLForm {
    let action: String
    let fields: [(String, String)]
    /// The form's submit buttons (`<button>` not of type button or reset, `<input type="submit">`), in
    /// document order, as their attributes: the first is the one Enter in a text input presses (HTML's
    /// implicit submission).
    var buttons: [[String: String]] = []

    /// The forms of `page` whose action is `action`, in order.
    static func forms(in page: String, action: String) -> [HTMLForm] {
        var forms: [HTMLForm] = []
        var rest = page[...]
        while let start = rest.range(of: "<form "), let end = rest.range(of: "</form>", range: start.upperBound..<rest.endIndex) {
            let tagEnd = rest.range(of: ">", range: start.upperBound..<end.lowerBound)?.upperBound ?? end.lowerBound
            let attributes = Self.attributes(String(rest[start.upperBound..<tagEnd].dropLast()))
            if attributes["method"] == "post", attributes["action"] == action {
                let body = String(rest[tagEnd..<end.lowerBound])
                forms.append(HTMLForm(action: action, fields: Self.controls(body), buttons: Self.submitButtons(body)))
            }
            rest = rest[end.upperBound...]
        }
        return forms
    }

    private static let tag = try! NSRegularExpression(pattern: "<(input|select|/select|option|textarea)\\b([^>]*)>", options: [])
    private static let attribute = try! NSRegularExpression(pattern: "([A-Za-z_:][-A-Za-z0-9_:.]*)(?:=\"([^\"]*)\")?", options: [])

    private static let button = try! NSRegularExpression(pattern: "<(button|input)\\b([^>]*)>", options: [])

    private static func submitButtons(_ html: String) -> [[String: String]] {
        let text = html as NSString
        return button.matches(in: html, range: NSRange(location: 0, length: text.length)).compactMap { match in
            let attributes = Self.attributes(text.substring(with: match.range(at: 2)))
            let type = attributes["type"]?.lowercased()
            let submits = text.substring(with: match.range(at: 1)) == "button" ? type != "button" && type != "reset" : type == "submit"
            return submits ? attributes : nil
        }
    }

    private static func controls(_ html: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        let text = html as NSString
        var select: (name: String, chosen: String?, first: String?)?
        for match in tag.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: match.range(at: 1))
            let attributes = Self.attributes(text.substring(with: match.range(at: 2)))
            switch name {
            case "input":
                guard let field = attributes["name"] else { continue }
                let type = attributes["type"] ?? "text"
                if type == "checkbox" || type == "radio" {
                    if attributes["checked"] != nil { fields.append((field, attributes["value"] ?? "on")) }
                } else if type != "submit" && type != "button" {
                    fields.append((field, sanitized(attributes["value"] ?? "", type: type)))
                }
            case "select":
                select = (attributes["name"] ?? "", nil, nil)
            case "option":
                guard select != nil else { continue }
                let after = match.range.location + match.range.length
                let label = text.substring(from: after).prefix { $0 != "<" }
                let value = attributes["value"] ?? unescape(String(label)).trimmingCharacters(in: .whitespaces)
                if select?.first == nil { select?.first = value }
                if attributes["selected"] != nil, select?.chosen == nil { select?.chosen = value }
            case "/select":
                if let chosen = select, !chosen.name.isEmpty, let value = chosen.chosen ?? chosen.first { fields.append((chosen.name, value)) }
                select = nil
            case "textarea":
                guard let field = attributes["name"] else { continue }
                let after = match.range.location + match.range.length
                let content = text.substring(from: after)
                let body = content.range(of: "</textarea>").map { String(content[..<$0.lowerBound]) } ?? ""
                // A newline right after the opening tag is not part of the value.
                fields.append((field, unescape(body.hasPrefix("\n") ? String(body.dropFirst()) : body)))
            default:
                break
            }
        }
        return fields
    }

    /// An input's value as a browser keeps it (HTML's value sanitization): a text input drops line breaks;
    /// an e-mail input also its surrounding white space; a hidden input keeps its value as it is.
    static func sanitized(_ value: String, type: String) -> String {
        guard type != "hidden" else { return value }
        let kept = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\n" && $0 != "\r" }))
        return type == "email" ? kept.trimmingCharacters(in: .whitespaces) : kept
    }

    private static func attributes(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        let ns = text as NSString
        for match in attribute.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let key = ns.substring(with: match.range(at: 1)).lowercased()
            let value = match.range(at: 2).location == NSNotFound ? "" : unescape(ns.substring(with: match.range(at: 2)))
            if found[key] == nil { found[key] = value }
        }
        return found
    }

    /// HTML's character references, named (the five Mustache writes) and numeric.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let value = named[String(name)] {
                result += value
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
