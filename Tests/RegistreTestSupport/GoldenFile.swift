import Foundation

/// Golden files: a text compared with the file that holds what it must be, for every test target (the
/// reports' texts, the commands' `--help`). Each target records the verdict as a Swift Testing issue
/// (`expectGolden`), so that this module needs no test framework.
public enum GoldenFile {
    /// What to record for `text` against the golden file at `path` (`name` in messages), or nil when they
    /// are the same.
    ///
    /// With REGISTRE_UPDATE_GOLDEN=1 the file is written from `text` and an issue is returned all the
    /// same: a run that records cannot pass, so that a recording left switched on (in CI, in a shell) is
    /// seen at once instead of accepting every change. Review the diff, then run again without it.
    public static func issue(for text: String, path: String, name: String) throws -> String? {
        if ProcessInfo.processInfo.environment["REGISTRE_UPDATE_GOLDEN"] == "1" {
            if (try? String(contentsOfFile: path, encoding: .utf8)) != text {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            }
            return "\(name) recorded (REGISTRE_UPDATE_GOLDEN=1): review its diff, then run again without it"
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "\(name) does not exist: run once with REGISTRE_UPDATE_GOLDEN=1 and review what it records"
        }
        guard text != expected else { return nil }
        return "differs from \(name):\n\(lineDiff(expected: expected, actual: text))"
    }

    /// The lines where `actual` departs from `expected`, from the first that differs: `-N` the golden
    /// file's line N, `+N` the text's; at most `limit` lines of each, so that a shifted report stays readable.
    public static func lineDiff(expected: String, actual: String, limit: Int = 12) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = (0..<max(old.count, new.count)).first(where: { $0 >= old.count || $0 >= new.count || old[$0] != new[$0] })
        else { return "" }
        var lines: [String] = []
        for index in first..<min(max(old.count, new.count), first + limit) {
            let before = index < old.count ? old[index] : nil
            let after = index < new.count ? new[index] : nil
            guard before != after else { continue }
            if let before { lines.append("-\(index + 1) \(before)") }
            if let after { lines.append("+\(index + 1) \(after)") }
        }
        if max(old.count, new.count) > first + limit { lines.append("… (\(old.count) lines expected, \(new.count) written)") }
        return lines.joined(separator: "\n")
    }
}
