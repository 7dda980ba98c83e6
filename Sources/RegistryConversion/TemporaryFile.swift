import Glibc

/// The temporary file an atomic write fills before renaming it over its target. While it
/// exists, SIGINT, SIGTERM, SIGHUP and SIGQUIT remove it before the process dies of the
/// signal as it would have, so an interrupted write leaves nothing behind (a 100 MB output
/// would otherwise stay beside its target). One at a time: ianaconv writes one file at once.
struct TemporaryFile {
    let fd: Int32
    let path: String
    private let previous: [(signal: Int32, action: sigaction)]

    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Creates the file from a `mkstemp` template (fd < 0 on failure, errno set). The signals
    /// are held back until the name is where the handler finds it.
    init(template: String) {
        var blocked = sigset_t()
        var before = sigset_t()
        sigemptyset(&blocked)
        for signal in Self.signals { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, &before)
        let name = strdup(template)!
        let fd = mkstemp(name)
        let failure = Glibc.errno
        var previous: [(signal: Int32, action: sigaction)] = []
        if fd >= 0 {
            pendingTemporaryFile = name
            for signal in Self.signals {
                var old = sigaction()
                sigaction(signal, nil, &old)
                // A signal the caller ignores (nohup's SIGHUP) stays ignored.
                if unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
                var action = sigaction()
                action.__sigaction_handler.sa_handler = removeTemporaryFileAndDie
                sigemptyset(&action.sa_mask)
                sigaction(signal, &action, nil)
                previous.append((signal, old))
            }
        }
        sigprocmask(SIG_SETMASK, &before, nil)
        self.fd = fd
        self.path = String(cString: name)
        self.previous = previous
        if fd < 0 { free(name) }
        Glibc.errno = failure
    }

    /// Closes the file, removes it unless it was renamed, and gives the signals back their
    /// earlier handlers.
    func finish(renamed: Bool) {
        close(fd)
        if !renamed { unlink(path) }
        var blocked = sigset_t()
        var before = sigset_t()
        sigemptyset(&blocked)
        for signal in Self.signals { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, &before)
        for (signal, action) in previous {
            var action = action
            sigaction(signal, &action, nil)
        }
        free(pendingTemporaryFile)
        pendingTemporaryFile = nil
        sigprocmask(SIG_SETMASK, &before, nil)
    }
}

/// The temporary file's name as a C string, where the signal handler can reach it without
/// allocating (only async-signal-safe calls are allowed there).
nonisolated(unsafe) private var pendingTemporaryFile: UnsafeMutablePointer<CChar>?

private let removeTemporaryFileAndDie: @convention(c) (Int32) -> Void = { number in
    if let path = pendingTemporaryFile { unlink(path) }
    signal(number, SIG_DFL)
    raise(number)
}
