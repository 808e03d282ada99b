import Foundation
import RegistreCore
import RegistreDocuments
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// `export --format ods` from the register of record: written as the activities come (read twice in one
/// read transaction, never held together), with the bytes of the spreadsheet of the register read whole.
@Suite("The register of record as a spreadsheet, streamed: the bytes of the register read whole")
struct SpreadsheetExportTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let store: RegisterStore

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: clock.journal)
    }

    func streamed(_ controller: EntityID? = nil) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try RegisterExports.spreadsheet(of: store, restrictedTo: controller) { bytes += $0 }
        return bytes
    }

    @Test("the whole register and each organisation's, as the spreadsheet of the register read whole gives them",
          arguments: Repository.sampleRegisters)
    func sameBytes(file: String) throws {
        let register = try RegisterReader.read(file: file)
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        let whole = try streamed()
        #expect(whole == (try OpenDocumentExport.spreadsheet(register)))
        #expect(whole.prefix(4) == [0x50, 0x4B, 0x03, 0x04])
        for organisation in register.organisations {
            #expect(try streamed(organisation.id) == (try OpenDocumentExport.spreadsheet(register.restricted(to: organisation.id))),
                    "\(organisation.id)")
        }
    }

    @Test("activities stored out of the order of their ids, one controlled jointly: the same order and sheets as the register read whole")
    func orderAndJointControllers() throws {
        var register = try RegisterReader.read(file: Repository.suiteTerritoriale)
        register.activities.reverse()
        let outside = try #require(register.organisations.first { $0.id != register.activities[0].controller })
        register.activities[0].jointControllers.append(ProcessingActivity.JointController(organisation: outside.id))
        _ = try clock.at(monday) { try store.replace(with: register, actor: "dpo") }
        let read = try store.register()
        #expect(try streamed() == (try OpenDocumentExport.spreadsheet(read)))
        #expect(try streamed(outside.id) == (try OpenDocumentExport.spreadsheet(read.restricted(to: outside.id))))
    }

    @Test("an organisation the register lacks is refused, nothing written")
    func unknownOrganisation() throws {
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo") }
        var written = 0
        #expect(throws: RegisterExports.Refusal.unknownOrganisation("nowhere")) {
            try RegisterExports.spreadsheet(of: store, restrictedTo: "nowhere") { written += $0.count }
        }
        #expect(written == 0)
    }

    @Test("more activities than a spreadsheet holds sheets: refused before any activity is read")
    func tooManySheets() throws {
        var read = 0
        let source = RegisterSpreadsheet.Source(title: nil, organisations: [:], processorRecords: [], activityCount: Spreadsheet.sheetLimit) { _ in
            read += 1
        }
        #expect {
            _ = try RegisterSpreadsheet.file(of: source)
        } throws: { error in
            guard case OpenDocumentError.tooManySheets(let sheets) = error else { return false }
            return sheets == Spreadsheet.sheetLimit + 1
        }
        #expect(read == 0)
        let fits = RegisterSpreadsheet.Source(title: nil, organisations: [:], processorRecords: [], activityCount: Spreadsheet.sheetLimit - 1) { _ in
            read += 1
        }
        _ = try RegisterSpreadsheet.file(of: fits)
        #expect(read == 2)
    }
}
