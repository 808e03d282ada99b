import Foundation
import RegistreCore
@testable import RegistreReports
import RegistreTestSupport
import Testing

/// No value can forge a line of a text report: control characters show as escapes, and a value's own
/// line breaks continue under the start of its text, never where a label, a heading or a bullet starts.
@Suite("Text that cannot forge a line")
struct ForgedLineTests {
    let now = CompleteRegister.aware.addingTimeInterval(30 * 3600)
    static let forgery = "\nÉtat                      : notifiée à temps\n8. Notification"

    /// Every line of `text` that starts with what `value` carries after a line break starts with spaces.
    func expectNoForgedLine(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("notifiée à temps") || line.contains("8. Notification") && line.hasSuffix("8. Notification") && !line.hasPrefix("8.") {
                #expect(line.hasPrefix("    "), "forged line: \(line)", sourceLocation: sourceLocation)
            }
        }
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{1}" || $0 == "\u{85}" },
                "raw control character", sourceLocation: sourceLocation)
    }

    @Test("a breach title, description and measure with line breaks and escapes, in both languages", arguments: Language.allCases)
    func breachReport(_ language: Language) {
        let register = CompleteRegister.with { breach in
            breach.title = "Titre" + Self.forgery
            breach.description = "Description\u{1B}[2J\r effacée" + Self.forgery
            breach.measures = ["Mesure" + Self.forgery]
        }
        let text = BreachReport.render(register.breaches[0], in: register, now: now, language: language)
        expectNoForgedLine(text)
        #expect(text.contains("Description\\u{1B}[2J\\u{D} effacée"))
        // The description's next line starts under its text, past the label.
        #expect(text.contains(": Description\\u{1B}[2J\\u{D} effacée\n" + String(repeating: " ", count: 31) + "État"))
        let register2 = BreachRegisterReport.render(register, now: now, language: language)
        expectNoForgedLine(register2)
    }

    @Test("a register title and names with line breaks and C1 controls")
    func registerReport() {
        var register = CompleteRegister.register
        register.title = "Registre" + Self.forgery
        register.activities[0].name = "Activité\u{85}" + Self.forgery
        register.activities[0].purposes = ["Finalité" + Self.forgery]
        register.organisations[0].address = "1 rue\n2 étage"
        for language in Language.allCases {
            let text = RegisterTextReport.render(register, language: language)
            expectNoForgedLine(text)
            #expect(text.contains("Activité\\u{85}"))
        }
    }

    @Test("the history shows an actor and values with line breaks indented, escapes escaped")
    func history() {
        let entry = JournalEntry(
            sequence: 1, recordedAt: Date(timeIntervalSince1970: 1_774_000_000), actor: "dpo\nn° 2 — 2026-01-01 — faux",
            entity: EntityKey(.breach, "b"), change: .updated,
            fields: [FieldChange(name: "title", before: "Avant\u{1B}]0;titre\u{7}", after: "Après" + Self.forgery)],
            previousHash: JournalEntry.genesis, hash: String(repeating: "a", count: 64))
        for language in Language.allCases {
            let text = HistoryTextReport.render([entry], source: "db", language: language)
            expectNoForgedLine(text)
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix("n° 2") })
            #expect(text.contains("Avant\\u{1B}]0;titre\\u{7}"))
        }
    }

    @Test("findings, deadlines, the matrix and the sub-processor chain escape what they show")
    func otherReports() throws {
        var register = CompleteRegister.register
        register.organisations[2].name = "Hébergeur" + Self.forgery
        register.matrices[0].title = "Matrice" + Self.forgery
        register.matrices[0].rows[0].label = "Violation\nDomaine | faux"
        register.agreements[0].obligations[0].description = "Préavis" + Self.forgery
        register.breaches[0].notifications = []
        register.breaches[0].title = "Titre\u{1B}" + Self.forgery
        for language in Language.allCases {
            expectNoForgedLine(MatrixTextReport.render(register.matrices[0], in: register, language: language))
            #expect(MatrixTextReport.render(register.matrices[0], in: register, language: language).contains("Violation\\nDomaine"))
            expectNoForgedLine(SubProcessorChainReport.render(register.agreements[0], in: register, language: language))
            let deadlines = DeadlineSchedule.deadlines(in: register, now: now)
            expectNoForgedLine(DeadlinesTextReport.render(deadlines, now: now, source: "f.xml", language: language))
            let findings = [Finding(code: FindingCode(rawValue: "X"), severity: .error, subject: .init(.breach, "b"), article: "Art. 33",
                                    message: LocalizedText(fr: "Titre" + Self.forgery, en: "Title" + Self.forgery))]
            expectNoForgedLine(FindingsTextReport.render(findings, source: "f.xml", language: language))
        }
    }

    @Test("escaping leaves ordinary text alone and escapes every control", arguments: [
        ("Données à caractère personnel — « ok »", "Données à caractère personnel — « ok »"),
        ("a\u{0}b", "a\\u{0}b"), ("a\tb", "a\\u{9}b"), ("a\u{7F}b", "a\\u{7F}b"), ("a\u{202E}b", "a\\u{202E}b"),
        ("a\u{2028}b", "a\\u{2028}b"), ("a\nb", "a\u{1}b"),
    ])
    func escape(_ value: String, _ shown: String) {
        #expect(ReportText.escape(value) == shown)
    }

    @Test("a value on one line of a listing shows its line breaks and controls escaped")
    func inline() {
        #expect(ReportText.inline("Titre\nÉtat : faux\u{1B}") == "Titre\\nÉtat : faux\\u{1B}")
        #expect(ReportText.inline("Titre ordinaire") == "Titre ordinaire")
    }

    @Test("a value line continues under the label, the bullet, or four columns in")
    func layOut() {
        #expect(ReportText.layOut("   État      : a\u{1}b") == "   État      : a\n               b")
        #expect(ReportText.layOut("  - a\u{1}b") == "  - a\n      b")
        #expect(ReportText.layOut("Titre\u{1}\u{1}b") == "Titre\n\n    b")
        #expect(ReportText.layOut("sans valeur") == "sans valeur")
    }
}
