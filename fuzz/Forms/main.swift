// libFuzzer target: any bytes posted as an urlencoded form body must decode into each of the desk's forms
// or be refused, never trap (`FormBodyFuzzing`, the desk's one entry point for this). Built and run by
// fuzz/run. Every `swift build` compiles it too, which keeps it up with the library.
import CLibFuzzer
import Foundation
import RegistreDesk

@_cdecl("LLVMFuzzerTestOneInput")
public func registreFuzzForms(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    _ = FormBodyFuzzing.decodeEveryForm(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

// libFuzzer's driver when the target is built for fuzzing (fuzz/run); a note and exit status 64 otherwise.
var argumentCount = CommandLine.argc
var arguments = Optional(CommandLine.unsafeArgv)
let status = registre_fuzz(&argumentCount, &arguments, registreFuzzForms)
if status == -1 {
    print("Built without REGISTRE_FUZZ: run fuzz/run forms, which builds this target for libFuzzer.")
    exit(64)
}
exit(status)
