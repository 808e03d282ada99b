import Foundation
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML

/// The Suite territoriale sample imported into a new register of record, opened as the programs open it,
/// whose journal's clock stands at `moment`.
struct SampleRegisterOfRecord {
    let scratch: ScratchDirectory
    let store: RegisterStore

    init(at moment: Date) throws {
        scratch = try ScratchDirectory()
        store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: JournalClock { moment })
        _ = try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "setup")
    }
}
