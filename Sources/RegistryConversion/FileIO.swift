import Glibc

/// The few POSIX calls ianaconv needs, so the binary does without Foundation (start-up time
/// counts in a pre-commit hook).
public enum FileIO {
    public struct Error: Swift.Error {
        public var reason: String

        static func errno(_ what: String) -> Error {
            Error(reason: "\(what): \(String(cString: strerror(Glibc.errno)))")
        }

        static func tooLarge(_ limit: Int) -> Error {
            Error(reason: "the input is larger than \(limit) bytes, the input size limit (--max-input-size raises it)")
        }
    }

    /// The most bytes one input may hold unless the command line raises it: 256 MiB, some
    /// sixty times IANA's largest layout. Reading `/dev/zero` or a runaway pipe stops there
    /// with a message instead of growing until allocation fails.
    public static let defaultInputLimit = 256 << 20

    /// A file's whole content; more than `limit` bytes is an error (a regular file's size is
    /// checked before anything is read).
    public static func readFile(_ path: String, limit: Int = defaultInputLimit) throws(Error) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .errno("open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .errno("stat") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw Error(reason: "it is a directory") }
        if Int(info.st_size) > limit { throw .tooLarge(limit) }
        return try readToEnd(fd, sizeHint: Int(info.st_size), limit: limit)
    }

    /// The size of a regular file, if the path names one.
    public static func size(of path: String) -> Int? {
        var info = stat()
        guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    public static func readStandardInput(limit: Int = defaultInputLimit) throws(Error) -> [UInt8] {
        try readToEnd(STDIN_FILENO, limit: limit)
    }

    /// Everything left to read from a file descriptor (a file, standard input, a pipe); more
    /// than `limit` bytes is an error.
    static func readToEnd(_ fd: Int32, sizeHint: Int = 0, limit: Int = .max) throws(Error) -> [UInt8] {
        var bytes: [UInt8] = []
        // One byte past the limit is room enough to tell that the input goes beyond it.
        let most = limit == .max ? limit : limit + 1
        var capacity = min(max(sizeHint + 1, 1 << 16), most)
        while true {
            // Read straight into spare capacity: no zero-filling of a buffer we overwrite.
            var failure: Int32 = 0
            var atEnd = false
            let old = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                old.withUnsafeBufferPointer { source in
                    if let start = source.baseAddress { buffer.baseAddress!.initialize(from: start, count: source.count) }
                }
                count = old.count
                prefault(UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[count...]))
                while count < capacity {
                    let got = read(fd, buffer.baseAddress! + count, capacity - count)
                    if got < 0 {
                        if Glibc.errno == EINTR { continue }
                        failure = Glibc.errno
                        return
                    }
                    if got == 0 { atEnd = true; return }
                    count += got
                }
            }
            if failure != 0 {
                Glibc.errno = failure
                throw .errno("read")
            }
            if atEnd { return bytes }
            if bytes.count > limit { throw .tooLarge(limit) }
            capacity = capacity > most / 2 ? most : capacity * 2
        }
    }

    /// Maps fresh memory that is about to be written in one call, instead of one page fault
    /// per 4 KiB page as the bytes arrive: on a virtual machine each fault costs a few
    /// microseconds, and a 4 MB input takes about a thousand. Best effort: kernels before 5.14
    /// refuse the advice and the pages fault in as usual.
    private static func prefault(_ buffer: UnsafeMutableRawBufferPointer) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let base = buffer.baseAddress, buffer.count >= 16 * page else { return }
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + buffer.count) / page * page
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_POPULATE_WRITE)
    }

    public static func writeStandardOutput(_ chunks: [[UInt8]]) throws(Error) {
        for chunk in chunks { try writeAll(STDOUT_FILENO, chunk) }
    }

    /// The file a path names, symbolic links followed, so rewriting a link replaces its target
    /// and keeps the link. The path itself when it cannot be resolved (the write then says why).
    public static func resolvingLinks(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when both paths name one existing regular file (an output to the terminal an
    /// input also comes from replaces nothing).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        guard a != "-" else { return false }
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0, (first.st_mode & S_IFMT) == S_IFREG else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Error) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBufferPointer { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if Glibc.errno == EINTR { continue }
                throw .errno("write")
            }
            offset += count
        }
    }
}
