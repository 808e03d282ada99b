import Foundation
import RegistreTestSupport
import Testing

/// Compares `text` with the golden file `Golden/<name>` (see `GoldenFile`); where they differ, the
/// failure shows the lines that differ rather than two whole reports.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let golden = Repository.path("Tests/RegistreReportsTests/Golden/\(name)")
    if let issue = try GoldenFile.issue(for: text, path: golden, name: "Golden/\(name)") {
        Issue.record(Comment(rawValue: issue), sourceLocation: sourceLocation)
    }
}

@Suite("Golden files")
struct GoldenFileTests {
    @Test("the diff starts at the first line that differs and numbers both sides")
    func diffShowsTheChange() {
        let diff = GoldenFile.lineDiff(expected: "Titre\nÉtat : actif\nFin\n", actual: "Titre\nÉtat : retiré\nFin\n")
        #expect(diff == "-2 État : actif\n+2 État : retiré")
    }

    @Test("a line added at the end shows on its own side only")
    func diffShowsAnAddedLine() {
        #expect(GoldenFile.lineDiff(expected: "a\nb", actual: "a\nb\nc") == "+3 c")
    }

    @Test("identical texts have no diff")
    func diffIsQuietWhenEqual() {
        #expect(GoldenFile.lineDiff(expected: "a\nb\n", actual: "a\nb\n").isEmpty)
    }

    @Test("a long divergence is cut after the limit, saying how long each side is")
    func diffIsCut() {
        let expected = (1...50).map(String.init).joined(separator: "\n")
        let actual = (1...50).map { "x\($0)" }.joined(separator: "\n")
        let diff = GoldenFile.lineDiff(expected: expected, actual: actual, limit: 3)
        #expect(diff.split(separator: "\n").count == 7)
        #expect(diff.hasSuffix("… (50 lines expected, 50 written)"))
    }
}
