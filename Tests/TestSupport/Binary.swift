import Foundation

/// Runs the built `ianaconv` as a user would. Full-registry tests use the release binary
/// (`make test` builds it first) so they stay fast; set IANACONV_BIN to test another build.
public enum Binary {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
        /// True when the process ended by a signal (a crash, or the timeout's kill).
        public var signalled = false

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["IANACONV_BIN"] { return override }
        return Paths.file(".build/release/ianaconv").path
    }

    /// True when the binary exists; tests report a clear failure otherwise.
    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: path) }

    public static let missingMessage =
        "no release binary at .build/release/ianaconv: run `make test` (or `swift build -c release`) first, or set IANACONV_BIN"

    /// Runs the binary; a run that outlives `timeout` seconds is killed (and reported as
    /// `signalled`), so a hang fails its test instead of stalling the suite.
    @discardableResult
    public static func run(_ arguments: [String], stdin: [UInt8]? = nil, in directory: URL? = nil, timeout: Double = 120) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Paths.packageRoot
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        // Drain both pipes while the process runs, so a large output cannot block it.
        nonisolated(unsafe) var errorBytes = Data()
        let errorReader = Thread { errorBytes = errors.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        if let stdin {
            try input.fileHandleForWriting.write(contentsOf: Data(stdin))
            try input.fileHandleForWriting.close()
        }
        let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errorReader.isExecuting || !errorReader.isFinished { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: [UInt8](outputBytes),
            stderr: String(decoding: errorBytes, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
    }
}
