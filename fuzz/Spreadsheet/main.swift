// libFuzzer target: any bytes given as the content.xml of an OpenDocument spreadsheet must end in sheets
// of cells or a located refusal, in bounded memory, never a trap (issue 22: a repeat of Int.max trapped
// on an overflow); what is read then goes through the CNIL model's reader. Built and run by fuzz/run.
// Every `swift build` compiles it too, which keeps it up with the library.
import CLibFuzzer
import Foundation
import RegistreDocuments
import RegistreXML

@_cdecl("LLVMFuzzerTestOneInput")
public func registreFuzzSpreadsheet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let spreadsheet = try? SpreadsheetReader().read(content: bytes, name: "fuzz.ods") {
        _ = try? CNILModelReader.read(spreadsheet, name: "fuzz.ods")
    }
    return 0
}

// libFuzzer's driver when the target is built for fuzzing (fuzz/run); a note and exit status 64 otherwise.
var argumentCount = CommandLine.argc
var arguments = Optional(CommandLine.unsafeArgv)
let status = registre_fuzz(&argumentCount, &arguments, registreFuzzSpreadsheet)
if status == -1 {
    print("Built without REGISTRE_FUZZ: run fuzz/run ods, which builds this target for libFuzzer.")
    exit(64)
}
exit(status)
