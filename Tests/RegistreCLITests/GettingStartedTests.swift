import Foundation
import RegistreTestSupport
import Testing

@Suite("Getting started")
struct GettingStartedTests {
    @Test("the documentation's program builds, runs on the sample and says what the article says it does")
    func runs() throws {
        let program = CommandRunner.productsDirectory.appending(path: "registre-getting-started").path()
        let result = try CommandRunner.run(program, [Repository.suiteTerritoriale])
        #expect(result.status == 0, "\(result.standardError)")
        // The house rule fires on the one activity of the sample with three purposes (anct-comptes).
        #expect(result.standardOutput.contains("house rule HOUSE-PURPOSES: 1 finding(s)"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("notify the authority by 2026-03-30T14:30:00Z"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("read back identical"))
    }

    @Test("the article shows the program as it is compiled")
    func articleShowsTheProgram() throws {
        let article = try String(contentsOfFile: Repository.path("Sources/RegistreCore/RegistreCore.docc/GettingStarted.md"), encoding: .utf8)
        let program = try String(contentsOfFile: Repository.path("Examples/GettingStarted/main.swift"), encoding: .utf8)
        let start = try #require(article.range(of: "```swift\n"))
        let end = try #require(article.range(of: "\n```", range: start.upperBound..<article.endIndex))
        #expect(String(article[start.upperBound..<end.lowerBound]) + "\n" == program)
    }
}
