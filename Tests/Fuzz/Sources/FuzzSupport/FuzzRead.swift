import RegistryModel
import RegistryReaders
import RegistryWriters

/// One fuzz input: read it with `reader`; when it reads, write it back in every layout, so the
/// writers see whatever odd model a reader can produce. Read errors are expected outcomes;
/// crashes, hangs and sanitizer reports are the findings.
public func fuzzRead(_ reader: any RegistryReader.Type, _ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var diagnostics: [Diagnostic] = []
    guard let registry = try? reader.read(InputFile(displayName: "fuzz", bytes: bytes), diagnostics: &diagnostics) else {
        return 0
    }
    for writer in Writers.all {
        _ = writer.render(registry)
    }
    return 0
}

public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
) -> Int32

/// SwiftPM links an executable's entry point as `<Target>_main`; each fuzz target defines that
/// symbol and hands control to libFuzzer's driver here (libFuzzer's own `main` is not used).
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ callback: FuzzCallback
) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
}
