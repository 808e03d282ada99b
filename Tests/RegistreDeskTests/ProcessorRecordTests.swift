import Foundation
import Hummingbird
import HummingbirdTesting
import RegistreCore
import RegistreDesk
import RegistreStore
import Testing

@Suite("Desk: records as a processor (Art. 30(2))")
struct ProcessorRecordTests {
    @Test("a record without its categories of processing shows the Art. 30(2)(b) finding beside them; once saved, it is gone")
    func categories() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            #expect(try await browser.get("/organisations/florac").text.contains("href=\"/records/florac-pour-mende\""))
            let page = try await browser.get("/records/florac-pour-mende")
            #expect(page.status == .ok)
            let beside = try #require(page.text.range(of: "id=\"processingCategories-findings\"")).upperBound
            #expect(page.text[beside...].prefix(300).contains("ART30-2-B-CATEGORIES"))
            let saved = try await browser.post("/records/florac-pour-mende", [
                ("processingCategories[]", "Hébergement du site"), ("processingCategories[]", ""),
                ("securityKinds[]", "backup"), ("security[]", "Sauvegarde quotidienne"),
                ("transferRecipients[]", ""), ("transferDestinations[]", ""), ("transferSafeguards[]", ""),
                ("processorIDs[]", "hebergeur"), ("processorServices[]", "Serveurs"),
            ])
            #expect(saved.status == .seeOther)
            #expect(!(try await browser.get("/records/florac-pour-mende")).text.contains("ART30-2-B-CATEGORIES"))
        }
        let record = try #require(try fixture.store.register().processorRecords.first)
        #expect(record.processingCategories == ["Hébergement du site"])
        #expect(record.securityMeasures == [SecurityMeasure(.backup, "Sauvegarde quotidienne")])
        #expect(record.subProcessors == [ProcessorEngagement(processor: "hebergeur", service: "Serveurs")])
        #expect(try fixture.store.journal.entries(entity: "florac-pour-mende").last?.actor == "admin")
    }

    @Test("a transfer without its country is refused at the field; nothing saved")
    func refused() async throws {
        let fixture = try DeskFixture()
        let before = fixture.journalCount
        try await fixture.run { client in
            let browser = Browser(client)
            try await browser.signIn("admin")
            try await browser.get("/records/florac-pour-mende")
            let refused = try await browser.post("/records/florac-pour-mende", [("transferRecipients[]", "Support"), ("transferDestinations[]", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Transfert 1 (art. 30(1)(e))"))
        }
        #expect(fixture.journalCount == before)
    }
}
