import RegistryConversion

/// Where the output goes: standard output, or a file, written as `FileIO.write` says (a
/// regular file replaced atomically, a device or FIFO written in place).
struct OutputTarget {
    let path: String?

    init(_ option: String?) {
        path = option == "-" ? nil : option
    }

    var displayName: String { path ?? "<stdout>" }

    func write(_ bytes: [UInt8], inputs: [String]) throws {
        try write([bytes], inputs: inputs)
    }

    /// Writes the chunks one after the other, as one file.
    func write(_ chunks: [[UInt8]], inputs: [String]) throws {
        do {
            guard let path else { return try FileIO.writeStandardOutput(chunks) }
            if inputs.contains(where: { FileIO.sameFile($0, path) }) {
                throw CommandFailure(message: "\(path): error: the output would replace an input; write elsewhere (or use 'ianaconv fmt' to rewrite in place)")
            }
            if let reason = try FileIO.write(chunks, to: path) {
                standardError.write("\(path): note: written in place, not replaced atomically: \(reason)\n")
            }
        } catch let error as FileIO.Error {
            throw CommandFailure(message: "\(displayName): error: cannot write: \(error.reason)")
        }
    }
}
