import Foundation
import RegistreTestSupport
import Testing

/// Compares `text` with the golden file `Golden/<name>`; where they differ, the failure shows the lines
/// that differ rather than two whole reports.
///
/// With REGISTRE_UPDATE_GOLDEN=1 the file is written from `text` and the test fails all the same: a run
/// that records cannot pass, so that a recording left switched on (in CI, in a shell) is seen at once
/// instead of accepting every change. Review the diff of `Golden/`, then run again without it.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let golden = Repository.path("Tests/RegistreReportsTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["REGISTRE_UPDATE_GOLDEN"] == "1" {
        if (try? String(contentsOfFile: golden, encoding: .utf8)) != text {
            try Data(text.utf8).write(to: URL(fileURLWithPath: golden))
        }
        Issue.record(
            "Golden/\(name) recorded (REGISTRE_UPDATE_GOLDEN=1): review its diff, then run again without it",
            sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOfFile: golden, encoding: .utf8) else {
        Issue.record(
            "Golden/\(name) does not exist: run once with REGISTRE_UPDATE_GOLDEN=1 and review what it records",
            sourceLocation: sourceLocation)
        return
    }
    if text != expected {
        Issue.record("differs from Golden/\(name):\n\(lineDiff(expected: expected, actual: text))", sourceLocation: sourceLocation)
    }
}

/// The lines where `actual` departs from `expected`, from the first that differs: `-N` the golden file's
/// line N, `+N` the text's; at most `limit` lines of each, so that a shifted report stays readable.
func lineDiff(expected: String, actual: String, limit: Int = 12) -> String {
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

@Suite("Golden files")
struct GoldenFileTests {
    @Test("the diff starts at the first line that differs and numbers both sides")
    func diffShowsTheChange() {
        let diff = lineDiff(expected: "Titre\nÉtat : actif\nFin\n", actual: "Titre\nÉtat : retiré\nFin\n")
        #expect(diff == "-2 État : actif\n+2 État : retiré")
    }

    @Test("a line added at the end shows on its own side only")
    func diffShowsAnAddedLine() {
        #expect(lineDiff(expected: "a\nb", actual: "a\nb\nc") == "+3 c")
    }

    @Test("identical texts have no diff")
    func diffIsQuietWhenEqual() {
        #expect(lineDiff(expected: "a\nb\n", actual: "a\nb\n").isEmpty)
    }

    @Test("a long divergence is cut after the limit, saying how long each side is")
    func diffIsCut() {
        let expected = (1...50).map(String.init).joined(separator: "\n")
        let actual = (1...50).map { "x\($0)" }.joined(separator: "\n")
        let diff = lineDiff(expected: expected, actual: actual, limit: 3)
        #expect(diff.split(separator: "\n").count == 7)
        #expect(diff.hasSuffix("… (50 lines expected, 50 written)"))
    }
}
