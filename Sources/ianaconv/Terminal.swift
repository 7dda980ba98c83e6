import Glibc
import RegistryModel
import RegistryReaders

/// Messages that are not data go to stderr, unbuffered, with whatever could control the
/// terminal escaped (they quote file names and data).
struct StandardError {
    func write(_ text: String) {
        var text = VisibleText.escaped(text, keepingLineFeeds: true)
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if count <= 0 { return }
                offset += count
            }
        }
    }
}

let standardError = StandardError()

/// Ends a successful run at once. Tearing down a registry of 14,000 records takes longer than
/// building its output; the process is ending, so the memory goes back to the system anyway.
func finishProcess(code: Int32 = 0) -> Never {
    exit(code)
}

/// What a reader noticed and worked around, as a warning line.
func printNotice(_ diagnostic: Diagnostic) {
    standardError.write("\(diagnostic)\n")
}
