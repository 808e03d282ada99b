import Foundation
import RegistreCore
import RegistreDocuments
import RegistreXML
import Testing

/// Madis exports made to mislead (issue 22): what the CSV parser would take silently is refused with its
/// line and field; a file of unknown columns is noted in bounded lines, read in time linear in its width.
@Suite("Hostile Madis exports")
struct HostileMadisTests {
    static let header = "\u{FEFF}\"Nom\";\"Structure - Nom\";\"Statut\"\r\n"

    @Test("a quote opened and never closed is refused with its line and field, not read into one field")
    func unclosedQuote() throws {
        let text = Self.header + "\"Paie\";\"Commune de Test;Gérer;Actif\r\n\"État civil\";\"Commune\";\"Actif\"\r\n"
        #expect { try MadisReader.read(csv: text, name: "m.csv") } throws: { error in
            let text = (error as? RegisterReadError)?.description(in: .en) ?? ""
            return text.contains("m.csv:2: field 2 (column B): the quote that opens it does not close on its line")
        }
        // Never closed at all, to the end of the file.
        let last = Self.header + "\"Paie\";\"Commune de Test;Gérer;Actif\r\n"
        #expect { try MadisReader.read(csv: last, name: "m.csv") } throws: { error in
            (error as? RegisterReadError)?.description(in: .en).contains("m.csv:2: field 2 (column B): the quote that opens it never closes") == true
        }
        // The same line closed is read, its name whole.
        let closed = Self.header + "\"Paie\";\"Commune de Test\";\"Actif\"\r\n"
        #expect(try MadisReader.read(csv: closed, name: "m.csv").register.organisations.map(\.name) == ["Commune de Test"])
    }

    @Test("text after a field's closing quote is refused with its line and field, in French too")
    func textAfterQuote() throws {
        let text = Self.header + "\"Paie\";\"Commune\"x;\"Actif\"\r\n"
        #expect { try MadisReader.read(csv: text, name: "m.csv") } throws: { error in
            let error = error as? RegisterReadError
            return error?.description(in: .en).contains("m.csv:2: field 2 (column B): text follows the quote") == true
                && error?.description(in: .fr).contains("m.csv:2: champ 2 (colonne B) : du texte suit le guillemet") == true
        }
    }

    @Test("a quote inside a field written twice, and a line break inside quotes, are read as they are")
    func escapedQuote() throws {
        let text = Self.header + "\"Paie \"\"2026\"\"\";\"Commune\";\"Actif\"\r\n\"Élus\";\"Commune\";\"Inactif\"\r\n"
        let register = try MadisReader.read(csv: text, name: "m.csv").register
        #expect(register.activities.map(\.name) == ["Paie \"2026\"", "Élus"])
    }

    @Test("a NUL, or another control character, is refused with its line and field, never cut short", arguments: ["\u{0}", "\u{1B}", "\u{85}"])
    func controlCharacter(_ character: String) throws {
        let text = Self.header + "\"Paie\";\"Commune\";\"Actif\"\r\n\"Gestion\(character)RH\";\"Commune\";\"Actif\"\r\n"
        #expect { try MadisReader.read(csv: text, name: "m.csv") } throws: { error in
            "\(error)".contains("m.csv:3: field 1 (column A): control character U+00")
        }
    }

    @Test("the XML writer refuses a NUL rather than cut the value there: what a value passes is whole")
    func writerRefusesNUL() throws {
        let organisation = Organisation(id: "c", name: "Gestion\u{0}RH")
        #expect(throws: RegisterReadError.self) { try EntryValidation.check(.organisation(organisation)) }
        var register = Register()
        register.organisations = [organisation]
        #expect(throws: XMLWriteError.self) { try RegisterWriter.bytes(of: register) }
    }

    @Test("a file of unknown columns is noted in 50 lines and a count, in the language asked for")
    func unknownColumns() throws {
        let count = 20_000
        let header = "\u{FEFF}Nom;Structure - Nom;" + (0..<count).map { "Inconnue \($0)" }.joined(separator: ";") + "\r\n"
        let imported = try MadisReader.read(csv: header + "Paie;Commune\r\n", name: "wide.csv")
        #expect(imported.notes.count == count)
        let english = ImportNote.lines(imported.notes, file: "wide.csv", language: .en)
        #expect(english.count == 51)
        #expect(english[0] == "wide.csv: C1: information: column 'Inconnue 0': no counterpart in registre, not read")
        #expect(english.last == "… and \(count - 50) more")
        let french = ImportNote.lines(imported.notes, file: "wide.csv", language: .fr)
        #expect(french.last == "… et \(count - 50) autres")
        #expect(french[0].contains("sans équivalent"))
        #expect(ImportNote.lines(Array(imported.notes.prefix(50)), file: "wide.csv", language: .en).count == 50)
    }

    @Test("headers are found through a table: 2,000 columns of people concerned, each with its comment, are read")
    func wideHeader() throws {
        let labels = (0..<1_000).map { "Catégorie \($0)" }
        let titles = ["Nom", "Structure - Nom"] + labels.flatMap { ["Détails - Personnes concernées - \($0)", "Détails - Personnes concernées - \($0) - Commentaire"] }
        let values = ["Paie", "Commune"] + labels.flatMap { $0 == "Catégorie 999" ? ["Oui", "note"] : ["Non", ""] }
        let text = "\u{FEFF}" + titles.joined(separator: ";") + "\r\n" + values.joined(separator: ";") + "\r\n"
        let register = try MadisReader.read(csv: text, name: "wide.csv").register
        #expect(register.activities[0].dataSubjects.map(\.label) == ["Catégorie 999 — note"])
    }
}
