// libFuzzer target: any bytes handed to the register reader must end in a register or in a located
// refusal, never in a crash, a hang, a leak or unbounded memory. Built and run by fuzz/run.

@_cdecl("LLVMFuzzerTestOneInput")
public func registreFuzzRegisterReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let register = try? RegisterReader.read(bytes: bytes, name: "fuzz.xml") {
        // What was read must write back and check without trouble.
        _ = try? RegisterWriter.bytes(of: register)
        _ = RegisterCheck.findings(in: register)
    }
    return 0
}
