// libFuzzer target: any bytes given as a Madis processings export must end in a register with its notes
// or a located refusal, never a trap, and never a value cut short. Read as `import --from madis` reads a
// file: UTF-8 or refused. Built and run by fuzz/run. Every `swift build` compiles it too.
import CLibFuzzer
import Foundation
import RegistreCore
import RegistreDocuments

@_cdecl("LLVMFuzzerTestOneInput")
public func registreFuzzMadis(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(data: Data(bytes), encoding: .utf8) else { return 0 }
    if let imported = try? MadisReader.read(csv: text, name: "fuzz.csv") {
        _ = ImportNote.lines(imported.notes, file: "fuzz.csv", language: .en)
        // A value that passed the reader holds no NUL: none was cut short on the way.
        precondition(!imported.register.activities.contains { $0.name.utf8.contains(0) })
    }
    return 0
}

// libFuzzer's driver when the target is built for fuzzing (fuzz/run); a note and exit status 64 otherwise.
var argumentCount = CommandLine.argc
var arguments = Optional(CommandLine.unsafeArgv)
let status = registre_fuzz(&argumentCount, &arguments, registreFuzzMadis)
if status == -1 {
    print("Built without REGISTRE_FUZZ: run fuzz/run madis, which builds this target for libFuzzer.")
    exit(64)
}
exit(status)
