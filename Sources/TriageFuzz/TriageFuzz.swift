import Foundation
internal import TriageCore

/// The boundary token the fuzzer's inputs are read with (libFuzzer's comparison tracing finds it).
let fuzzToken = ProbeToken(hex: "0123456789abcdef0123456789abcdef")!

/// libFuzzer's entry: reads one input twice, as a raw probe stream (the section reader) and as
/// probe sections (the parsers), and parses what each gives. A crash, or facts that cannot be
/// encoded as JSON (they are stored and shown as JSON), is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let reading = ProbeStreamReader(token: fuzzToken).read(Array(bytes))
    for sections in [FuzzSections.sections(bytes), reading.sections] {
        let facts = DeviceFacts(sections: sections)
        do {
            _ = try JSONEncoder().encode(facts)
        } catch {
            fatalError("facts cannot be encoded: \(error)")
        }
    }
    return 0
}

#if FUZZING
/// libFuzzer's driver, linked in by `-sanitize=fuzzer`. SwiftPM makes every executable's `main` its own
/// entry point, so libFuzzer's `main` is never linked and ours hands over to the driver instead.
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// Built by `scripts/fuzz` (with `-sanitize=fuzzer -DFUZZING`) it is the fuzzer; built plainly, as by
/// `swift build`, it replays the inputs given as files, e.g. a crash file the fuzzer wrote.
@main
enum TriageFuzz {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            print("usage: TriageFuzz INPUT...  (replays fuzz inputs; scripts/fuzz runs the fuzzer)")
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(1)
            }
            _ = data.withUnsafeBytes { bytes in
                fuzzOneInput(bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
            }
            print("ok \(path)")
        }
        #endif
    }
}
