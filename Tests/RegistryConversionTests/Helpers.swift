import Foundation
import RegistryConversion
import RegistryReaders
import TestSupport

/// Files for the engine to read, in a fresh folder removed when the value goes.
final class ScratchFiles {
    let directory: URL

    init() throws {
        directory = try Scratch.directory()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` to `name` and gives its path.
    func write(_ text: String, to name: String) throws -> String {
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}

/// What the readers noticed, kept in order.
final class Notices {
    private(set) var all: [Diagnostic] = []

    func input(_ layout: InputLayout, validation: ValidationRun? = nil) -> RegistryInput {
        RegistryInput(layout: layout, validation: validation) { self.all.append($0) }
    }
}

/// IANA's CSV header line.
let csvHeader = "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes"

/// An input held in memory, as the engine loads one.
func inputFile(_ text: String, name: String = "input", index: UInt16 = 0) -> InputFile {
    InputFile(displayName: name, bytes: Array(text.utf8), index: index)
}
