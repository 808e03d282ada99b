import RegistreCore
import RegistreTestSupport
import Testing

@Suite("Register cursors (issue 11)")
struct RegisterCursorTests {
    @Test("a register in memory as a cursor gives its entries in the order of the format, then nil")
    func inMemory() throws {
        let entries = RegisterEntriesCursor(CompleteRegister.register)
        #expect(try Register(entries) == CompleteRegister.register)
        #expect(entries.next() == nil)
    }

    @Test("forEach stops at the caller's error and throws it; the entries after it are still in the cursor")
    func stopsAtTheCallersError() throws {
        struct Enough: Error {}
        let entries = RegisterEntriesCursor(CompleteRegister.register)
        var seen: [RegisterEntry] = []
        #expect(throws: Enough.self) {
            try entries.forEach { entry in
                seen.append(entry)
                if seen.count == 2 { throw Enough() }
            }
        }
        #expect(seen.map(\.key) == CompleteRegister.register.entries.prefix(2).map(\.key))
        #expect(entries.next()?.key == CompleteRegister.register.entries[2].key)
    }
}
