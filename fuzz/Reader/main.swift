// libFuzzer target: any bytes handed to the register reader must end in a register or in a located
// refusal, never in a crash, a hang, a leak or unbounded memory. Built and run by fuzz/run.
// Every `swift build` compiles it too, which keeps it up with the library.
import CLibFuzzer
import Foundation
import RegistreCore
import RegistreXML

@_cdecl("LLVMFuzzerTestOneInput")
public func registreFuzzRegisterReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let register = try? RegisterReader.read(bytes: bytes, name: "fuzz.xml") {
        // What was read must write back and check without trouble.
        _ = try? RegisterWriter.bytes(of: register)
        _ = RegisterCheck.findings(in: register)
    }
    return 0
}

// libFuzzer's driver when the target is built for fuzzing (fuzz/run); a note and exit status 64 otherwise.
var argumentCount = CommandLine.argc
var arguments = Optional(CommandLine.unsafeArgv)
let status = registre_fuzz(&argumentCount, &arguments, registreFuzzRegisterReader)
if status == -1 {
    print("Built without REGISTRE_FUZZ: run fuzz/run, which builds this target for libFuzzer.")
    exit(64)
}
exit(status)
