import Foundation

/// Temporary folders for end-to-end tests that write files.
public enum Scratch {
    /// A new empty folder; remove it with `FileManager.default.removeItem(at:)` when done.
    public static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ianaconv-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The names in a folder, sorted: what a test expects to find there (no temporary files).
    public static func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }
}
